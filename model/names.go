package model

import (
	"go/ast"
	"go/parser"
	"go/token"
	"slices"
	"strings"
	"sync"

	"github.com/pmgen/pmgen/model/internal/parallel"
	"github.com/pmgen/pmgen/model/naming"
	"github.com/pmgen/pmgen/templates"
)

// fixedNames are the package-level identifiers every generated package
// declares besides the runtime's: New, and the descriptor variable api.
var fixedNames = []string{"New", "api"}

// runtimeNames returns every package-level identifier the client runtime
// declares, exported or not, and the exported methods of its Client:
// generated names must avoid all of them.
func runtimeNames() (pkg, clientMethods []string) {
	names := parsedRuntimeNames()
	return slices.Clone(names.pkg), slices.Clone(names.clientMethods)
}

// RuntimeNames returns the package-level identifiers the runtime files of
// every generated package declare, and the fixed names New and api.
func RuntimeNames() []string {
	return slices.Clone(parsedRuntimeNames().pkg)
}

// declaredNames are the names runtimeNames returns.
type declaredNames struct{ pkg, clientMethods []string }

// parsedRuntimeNames parses the embedded runtime once per process: the
// files are compiled into pmgen, so the result never changes.
var parsedRuntimeNames = sync.OnceValue(func() declaredNames {
	pkg, methods := parseRuntimeNames()
	return declaredNames{pkg, methods}
})

// parseRuntimeNames parses the runtime's files for runtimeNames. The
// files copied into the generated tests, the harness and the replay
// server, count for package-level names only: a request may share a name
// with one of their methods.
func parseRuntimeNames() (pkg, clientMethods []string) {
	fset := token.NewFileSet()
	client := len(templates.ClientRuntime())
	files := slices.Concat(templates.ClientRuntime(), templates.TestHarness(), templates.ReplayServer())
	for i, f := range files {
		file, err := parser.ParseFile(fset, f.Name, f.Content, parser.SkipObjectResolution)
		if err != nil {
			// The runtime is compiled and tested as ordinary Go, so its
			// files always parse.
			panic("model: runtime file " + f.Name + " does not parse: " + err.Error())
		}
		for _, decl := range file.Decls {
			switch d := decl.(type) {
			case *ast.FuncDecl:
				if d.Recv == nil {
					pkg = append(pkg, d.Name.Name)
				} else if d.Name.IsExported() && i < client {
					clientMethods = append(clientMethods, d.Name.Name)
				}
			case *ast.GenDecl:
				for _, spec := range d.Specs {
					switch s := spec.(type) {
					case *ast.TypeSpec:
						pkg = append(pkg, s.Name.Name)
					case *ast.ValueSpec:
						for _, n := range s.Names {
							pkg = append(pkg, n.Name)
						}
					}
				}
			}
		}
	}
	return append(pkg, fixedNames...), clientMethods
}

// assignNames decides every Go identifier of the generated package, once
// all candidates are known: folders, options, methods, their parameters
// and form structs, and sequences. Type names are decided by inference,
// which runs next and avoids the names decided here.
func (b *builder) assignNames() {
	pkgNames, clientMethods := runtimeNames()
	b.reserved = slices.Clone(pkgNames)

	b.nameFolders(b.api.Folders)
	b.nameOptions()
	b.nameOperations(clientMethods)
	paramReserved := map[string]bool{}
	for _, name := range slices.Concat(methodLocals, pkgNames) {
		paramReserved[name] = true
	}
	for _, op := range b.api.Operations {
		nameParams(op, paramReserved)
		if op.Body != nil && len(op.Body.Form) > 0 {
			nameFormFields(op.Body)
		}
	}
	b.nameForms()
	b.nameSequences()
}

// nameFolders names every folder: the name the config pins, or the
// folder's own name as an exported identifier.
func (b *builder) nameFolders(folders []*Folder) {
	for _, f := range folders {
		f.GoName = b.pinnedFolder(f)
		if f.GoName == "" {
			f.GoName = exportedOr(f.Name, "Folder")
		}
		b.nameFolders(f.Folders)
	}
}

// exportedOr returns the exported identifier for text, or fallback when
// the text gives none (no letters, or letters of a script that has no
// transliteration table).
func exportedOr(text, fallback string) string {
	if name, ok := naming.Exported(text); ok {
		return name
	}
	return fallback
}

// nameOptions names the option of every host and variable:
// WithBaseURL for {{baseUrl}}, WithCurrency for {{currency}}.
func (b *builder) nameOptions() {
	var cands []naming.Candidate
	for _, h := range b.api.Hosts {
		cands = append(cands, naming.Candidate{Base: "With" + hostBaseName(h.Template)})
	}
	for _, v := range b.api.Variables {
		cands = append(cands, naming.Candidate{Base: "With" + exportedOr(v.Name, "Variable")})
	}
	names, _ := naming.Resolve(cands, b.reserved)
	for i, h := range b.api.Hosts {
		h.GoName = names[i]
	}
	for i, v := range b.api.Variables {
		v.GoName = names[len(b.api.Hosts)+i]
	}
	b.reserved = append(b.reserved, names...)
}

// hostBaseName derives the option suffix of a host template: "BaseURL"
// for "{{baseUrl}}", "APIExampleComURL" for "https://api.example.com".
func hostBaseName(template string) string {
	text := template
	if refs := References(template); len(refs) == 1 && template == "{{"+refs[0]+"}}" {
		text = refs[0]
	} else if _, rest, ok := strings.Cut(text, "://"); ok {
		text = rest
	}
	name := exportedOr(text, "Host")
	if !strings.HasSuffix(name, "URL") && !strings.HasSuffix(name, "URI") {
		name += "URL"
	}
	return name
}

// nameOperations names the client methods with the collision ladder:
// folder qualifiers, then numbers in collection order. The candidates are
// derived concurrently, and pins are looked up in collection order.
func (b *builder) nameOperations(clientMethods []string) {
	ops := b.api.Operations
	cands := make([]naming.Candidate, len(ops))
	parallel.For(len(ops), func(i int) {
		cands[i] = operationCandidate(ops[i])
	})
	for i, op := range ops {
		cands[i].Pinned = b.pinnedOperation(op)
	}
	names, conflicts := naming.Resolve(cands, clientMethods)
	b.reportOperationPinConflicts(conflicts, names)
	b.reportDisplacedOperations(cands, names)
	for i, op := range b.api.Operations {
		op.GoName = names[i]
	}
}

// operationCandidate returns the candidate name of an operation without
// its pin: the name the request's own name gives, or else the one its
// method and path give, qualified by the names of its folders.
func operationCandidate(op *Operation) naming.Candidate {
	base, ok := naming.Exported(op.Name)
	if !ok {
		base = methodPathName(op)
	}
	var qualifiers []string
	for f := op.Folder; f != nil; f = f.Parent {
		qualifiers = append(qualifiers, f.GoName)
	}
	return naming.Candidate{Base: base, Qualifiers: qualifiers}
}

// methodPathName names a request whose name gives no identifier after its
// method and path: "GET /users/:id" → "GetUsersID".
func methodPathName(op *Operation) string {
	words := []string{strings.ToLower(string(op.Method))}
	for _, s := range op.URL.Path {
		if w, ok := naming.Words(strings.Trim(s.Template, "{}:")); ok {
			words = append(words, w...)
		}
	}
	return naming.UpperCamel(words)
}

// methodLocals are the names a generated method body uses besides its
// parameters.
var methodLocals = []string{"ctx", "body", "form", "variables", "opts", "out", "err", "c"}

// nameParams names the parameters of a method: lower camel case, unique,
// never a name in reserved (methodLocals and the package-level names).
func nameParams(op *Operation, reserved map[string]bool) {
	var cands []naming.Candidate
	for _, p := range op.Params {
		name, ok := naming.Unexported(p.Name)
		if !ok {
			name = "param"
		}
		if reserved[name] {
			name += "Value"
		}
		cands = append(cands, naming.Candidate{Base: name})
	}
	names, _ := naming.ResolveWithSet(cands, reserved)
	for i, p := range op.Params {
		p.GoName = names[i]
	}
}

// nameFormFields names the fields of a form struct.
func nameFormFields(body *Body) {
	cands := make([]naming.Candidate, len(body.Form))
	for i, f := range body.Form {
		cands[i] = naming.Candidate{Base: exportedOr(f.Key, "Field")}
	}
	names, _ := naming.Resolve(cands, nil)
	for i := range body.Form {
		body.Form[i].GoName = names[i]
	}
}

// nameForms names the form structs, <Method>Form.
func (b *builder) nameForms() {
	var bodies []*Body
	var cands []naming.Candidate
	for _, op := range b.api.Operations {
		if op.Body != nil && len(op.Body.Form) > 0 {
			bodies = append(bodies, op.Body)
			cands = append(cands, naming.Candidate{Base: op.GoName + "Form"})
		}
	}
	names, _ := naming.Resolve(cands, b.reserved)
	for i, body := range bodies {
		body.FormGoName = names[i]
	}
	b.reserved = append(b.reserved, names...)
}

// nameSequences names the sequence tests: TestSequenceAll for the whole
// collection, TestSequence<Folder> for each folder and TestSequence<Name>
// for each sequence the config defines.
func (b *builder) nameSequences() {
	var named []*Sequence
	var cands []naming.Candidate
	for _, s := range b.api.Sequences {
		base := ""
		switch {
		case b.config.defined[s]:
			base = "TestSequence" + exportedOr(s.Name, "Defined")
		case s.Folder == nil:
			s.GoName = "TestSequenceAll"
			continue
		default:
			base = "TestSequence" + s.Folder.GoName
		}
		named = append(named, s)
		cands = append(cands, naming.Candidate{Base: base})
	}
	names, _ := naming.Resolve(cands, []string{"TestSequenceAll"})
	for i, s := range named {
		s.GoName = names[i]
	}
}
