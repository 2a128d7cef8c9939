package generator

import (
	"fmt"
	"path"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/pmgen/pmgen/model"
	"github.com/pmgen/pmgen/model/types"
)

// unitFile returns the file of one top-level folder: the struct types
// only its operations use, each operation's form type, descriptor and
// method, and last the functions that run the operations' scripts. The
// script functions are built with jennifer and formatted; the rest is
// written as text (see source).
func (g *gen) unitFile(u *unit) ([]byte, error) {
	s := newSource(g.importNames)
	// The script functions are formatted first, so that their imports
	// keep the names their text uses.
	scripts := g.newFile()
	hasScripts := false
	for _, op := range u.ops {
		if code, ok := scriptFuncs(op); ok {
			scripts.Add(code)
			hasScripts = true
		}
	}
	var tail []byte
	if hasScripts {
		formatted, err := render(u.file, scripts)
		if err != nil {
			return nil, err
		}
		imports, decls, err := formattedDecls(formatted)
		if err != nil {
			return nil, fmt.Errorf("format %s: %w", u.file, err)
		}
		if err := s.addImports(imports); err != nil {
			return nil, fmt.Errorf("format %s: %w", u.file, err)
		}
		tail = decls
	}
	for _, t := range u.types {
		s.structDecl(t, g.typeDoc(t))
	}
	for _, op := range u.ops {
		if op.Body != nil && op.Body.FormGoName != "" {
			s.formDecl(op)
		}
		s.operationVar(g, op)
		s.method(op)
	}
	return s.file(g.api.Package, tail), nil
}

// typesFile returns types.go with the struct types several folders
// share.
func (g *gen) typesFile() []byte {
	s := newSource(g.importNames)
	for _, t := range g.sharedTypes {
		s.structDecl(t, g.typeDoc(t))
	}
	return s.file(g.api.Package, nil)
}

// typeDoc documents a struct type by its first use: the request or
// response body of a method, or a part of one.
func (g *gen) typeDoc(t *types.Type) string {
	if t.Doc != "" {
		return t.Doc
	}
	if use, ok := g.typeUses[t]; ok {
		return fmt.Sprintf("%s is %s.", t.Name, use)
	}
	return fmt.Sprintf("%s is inferred from the collection's samples at %s.", t.Name, t.Path)
}

// describeTypes records, for each struct type, where it is first used.
func (g *gen) describeTypes() {
	g.typeUses = map[*types.Type]string{}
	describe := func(root *types.Type, role string) {
		if root == nil {
			return
		}
		walkStructs(root, func(s *types.Type) {
			if _, ok := g.typeUses[s]; ok {
				return
			}
			if s == root {
				g.typeUses[s] = role
			} else {
				g.typeUses[s] = fmt.Sprintf("%s in %s, inferred from the collection's samples", s.Path, role)
			}
		})
	}
	for _, op := range g.api.Operations {
		if op.Body != nil {
			describe(op.Body.Type, fmt.Sprintf("the request body of %s (%s)", op.GoName, oneLine(op.Where)))
		}
		if op.Response != nil {
			describe(op.Response.Type, fmt.Sprintf("the 2xx response body of %s (%s)", op.GoName, oneLine(op.Where)))
		}
		if op.ErrorBody != nil {
			describe(op.ErrorBody.Type, fmt.Sprintf("the 4xx and 5xx response body of %s (%s), which APIError.ErrorBody holds", op.GoName, oneLine(op.Where)))
		}
	}
}

// operationVarName is the package-level descriptor of an operation.
func operationVarName(op *model.Operation) string {
	return "op" + op.GoName
}

func (g *gen) authIndex(op *model.Operation) int {
	if op.Auth == nil {
		return -1
	}
	return g.schemeIndex[op.Auth.Scheme]
}

func bodyKindConstant(k model.BodyKind) string {
	switch k {
	case model.BodyJSON:
		return "bodyJSON"
	case model.BodyText:
		return "bodyText"
	case model.BodyURLEncoded:
		return "bodyURLEncoded"
	case model.BodyMultipart:
		return "bodyMultipart"
	case model.BodyFile:
		return "bodyFile"
	case model.BodyGraphQL:
		return "bodyGraphQL"
	}
	return "bodyNone"
}

// fileName is the name a multipart file part is sent with: the base name
// of the collection's file path, or the field key.
func fileName(f model.FormField) string {
	if f.Src != "" {
		return path.Base(f.Src)
	}
	return f.Key
}

// bodyGoType is the Go type of a JSON body; untyped bodies are raw JSON.
func bodyGoType(t *types.Type) jen.Code {
	if t == nil {
		return jen.Qual("encoding/json", "RawMessage")
	}
	return goType(t)
}

// methodDocLines returns the doc comment text of a method: the request's
// name and folder path, its HTTP method and URL, its description, and
// what its parameters are.
func methodDocLines(op *model.Operation) []string {
	lines := []string{
		fmt.Sprintf("%s sends the request %q.", op.GoName, oneLine(op.Where)),
		"",
		fmt.Sprintf("\t%s %s", oneLine(string(op.Method)), oneLine(op.URL.Raw)),
	}
	if d := commentLines(op.Description); len(d) > 0 {
		lines = append(lines, "")
		lines = append(lines, d...)
	}
	for i, p := range op.Params {
		if i == 0 {
			lines = append(lines, "")
		}
		switch p.Source {
		case model.FromPathVariable:
			lines = append(lines, fmt.Sprintf("%s is the path variable :%s.", p.GoName, oneLine(p.Name)))
		default:
			lines = append(lines, fmt.Sprintf("%s is the variable {{%s}}, which the collection does not define.", p.GoName, oneLine(p.Name)))
		}
		lines = append(lines, commentLines(p.Doc)...)
	}
	if refs := bodyReferences(op.Body); len(refs) > 0 {
		lines = append(lines, "")
		lines = append(lines, commentLines(fmt.Sprintf("The collection's body takes %s from variables. "+
			"The method sends the body it is given, so the caller sets these values; "+
			"c.Session().Get returns one that a script of an earlier request stored.", strings.Join(refs, ", ")))...)
	}
	return lines
}

// maxBodyReferences is how many variables of a body a method doc names.
const maxBodyReferences = 8

// bodyReferences returns the {{variable}} references of a body's text and
// form values, each once, in order, as "{{name}}"; past maxBodyReferences
// the last entry counts the rest.
func bodyReferences(b *model.Body) []string {
	if b == nil {
		return nil
	}
	templates := []string{b.Template}
	for _, f := range b.Form {
		templates = append(templates, f.Value)
	}
	var refs []string
	seen := map[string]bool{}
	for _, t := range templates {
		for _, name := range model.References(t) {
			if !seen[name] {
				seen[name] = true
				refs = append(refs, "{{"+name+"}}")
			}
		}
	}
	if len(refs) > maxBodyReferences {
		refs = append(refs[:maxBodyReferences], fmt.Sprintf("%d more", len(refs)-maxBodyReferences))
	}
	return refs
}
