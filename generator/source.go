package generator

import (
	"bytes"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/dave/jennifer/jen"

	"github.com/pmgen/pmgen/model"
	"github.com/pmgen/pmgen/model/types"
)

// source writes Go declarations as text in the layout gofmt prints. It
// writes the declarations whose shape is fixed: struct types, form types,
// operation descriptors and methods. They make up most of a large
// collection's code, and writing them directly skips jennifer and
// go/format, where the generator spent most of its time. Identifiers in
// the text come from the model's naming pass, strings from strconv.Quote
// and comments from docComment.
type source struct {
	decls []byte
	// imports maps each imported path to the name the file uses for it;
	// named holds the paths that need that name written in the import.
	imports map[string]string
	named   map[string]bool
	// planned holds the names planImports chose.
	planned map[string]string
}

func newSource(planned map[string]string) *source {
	return &source{imports: map[string]string{}, named: map[string]bool{}, planned: planned}
}

// use records an import of path and returns the name the file refers to
// it by. That is the name planImports chose for the path, if any. Else a
// standard library path goes by its last element, and any other path by
// a name made from its last element and written in the import. A name
// that another import already has gets a number, as in jennifer.
func (s *source) use(path string) string {
	if name, ok := s.imports[path]; ok {
		return name
	}
	name, std := packageName(path)
	if planned, ok := s.planned[path]; ok {
		name, std = planned, false
	}
	unique := name
	for i := 1; jen.IsReservedWord(unique) || s.nameTaken(unique); i++ {
		unique = name + strconv.Itoa(i)
	}
	s.imports[path] = unique
	if unique != name || !std {
		s.named[path] = true
	}
	return unique
}

func (s *source) nameTaken(name string) bool {
	for _, n := range s.imports {
		if n == name {
			return true
		}
	}
	return false
}

// packageName guesses the package name of an import path: the last
// element, without a major version suffix, reduced to lower-case letters
// and digits. std reports whether the path is in the standard library,
// whose package names are their last element.
func packageName(path string) (name string, std bool) {
	elems := strings.Split(strings.TrimSuffix(path, "/"), "/")
	std = !strings.Contains(elems[0], ".")
	last := elems[len(elems)-1]
	if len(elems) > 1 && isMajorVersion(last) {
		last = elems[len(elems)-2]
	}
	if std {
		return last, true
	}
	var b strings.Builder
	for _, r := range strings.ToLower(last) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' && b.Len() > 0 {
			b.WriteRune(r)
		}
	}
	if b.Len() == 0 {
		return "pkg", false
	}
	return b.String(), false
}

// isMajorVersion reports whether a path element is a version suffix such
// as "v2".
func isMajorVersion(elem string) bool {
	if len(elem) < 2 || elem[0] != 'v' {
		return false
	}
	_, err := strconv.Atoi(elem[1:])
	return err == nil
}

// addImports records the imports of declarations that gofmt has
// printed, with the names their text uses.
func (s *source) addImports(specs []*ast.ImportSpec) error {
	for _, spec := range specs {
		path, err := strconv.Unquote(spec.Path.Value)
		if err != nil {
			return err
		}
		name, _ := packageName(path)
		if spec.Name != nil {
			name = spec.Name.Name
			s.named[path] = true
		}
		s.imports[path] = name
	}
	return nil
}

// qual returns the qualified name of an identifier of the package path.
func (s *source) qual(path, name string) string {
	return s.use(path) + "." + name
}

// typeExpr returns the Go type expression of t; see goType.
func (s *source) typeExpr(t *types.Type) string {
	switch t.Kind {
	case types.String:
		return "string"
	case types.Int:
		return "int64"
	case types.Float:
		return "float64"
	case types.Bool:
		return "bool"
	case types.Struct:
		return t.Name
	case types.Array:
		return "[]" + s.typeExpr(t.Elem)
	case types.External:
		if t.Ref.ImportPath == "" {
			return t.Ref.Name
		}
		return s.qual(t.Ref.ImportPath, t.Ref.Name)
	}
	return s.qual("encoding/json", "RawMessage")
}

// bodyTypeExpr is the Go type of a JSON body; see bodyGoType.
func (s *source) bodyTypeExpr(t *types.Type) string {
	if t == nil {
		return s.qual("encoding/json", "RawMessage")
	}
	return s.typeExpr(t)
}

// startDecl separates a top-level declaration from the one before it by
// a blank line.
func (s *source) startDecl() {
	if len(s.decls) > 0 {
		s.decls = append(s.decls, '\n')
	}
}

// comment writes the doc comment of lines, each line indented by indent.
func (s *source) comment(lines []string, indent string) {
	for _, l := range docComment(lines) {
		s.decls = append(s.decls, indent...)
		s.decls = append(s.decls, l...)
		s.decls = append(s.decls, '\n')
	}
}

// field is one line of a struct: its doc comment, name, type and tag.
type field struct {
	doc             []string
	name, typ, tag  string
	nameLen, typLen int
}

// structDecl writes a struct type:
//
//	// Name is the request body of ... (doc)
//	type Name struct {
//		Field T `json:"key,omitempty"`
//	}
func (s *source) structDecl(t *types.Type, docText string) {
	fields := make([]field, len(t.Fields))
	for i, f := range t.Fields {
		typ := s.typeExpr(f.Type)
		if f.Pointer() {
			typ = "*" + typ
		}
		fields[i] = field{doc: commentLines(f.Doc), name: f.Name, typ: typ, tag: jsonTagText(f)}
	}
	s.startDecl()
	s.comment(commentLines(docText), "")
	s.structType(t.Name, fields)
}

// structType writes "type name struct {...}" with its fields aligned as
// gofmt aligns them. Names and types form columns over each run of field
// lines without a comment line between them. A struct of one field gets
// single blanks.
func (s *source) structType(name string, fields []field) {
	s.decls = append(s.decls, "type "...)
	s.decls = append(s.decls, name...)
	if len(fields) == 0 {
		s.decls = append(s.decls, " struct{}\n"...)
		return
	}
	s.decls = append(s.decls, " struct {\n"...)
	for i := range fields {
		fields[i].nameLen = utf8.RuneCountInString(fields[i].name)
		fields[i].typLen = utf8.RuneCountInString(fields[i].typ)
	}
	for start := 0; start < len(fields); {
		end := start + 1
		for end < len(fields) && len(fields[end].doc) == 0 {
			end++
		}
		nameWidth, typWidth := 0, 0
		if len(fields) > 1 {
			for _, f := range fields[start:end] {
				nameWidth = max(nameWidth, f.nameLen)
				if f.tag != "" {
					typWidth = max(typWidth, f.typLen)
				}
			}
		}
		for _, f := range fields[start:end] {
			s.comment(f.doc, "\t")
			s.decls = append(s.decls, '\t')
			s.decls = append(s.decls, f.name...)
			s.decls = appendPadding(s.decls, nameWidth-f.nameLen+1)
			s.decls = append(s.decls, f.typ...)
			if f.tag != "" {
				s.decls = appendPadding(s.decls, typWidth-f.typLen+1)
				s.decls = append(s.decls, f.tag...)
			}
			s.decls = append(s.decls, '\n')
		}
		start = end
	}
	s.decls = append(s.decls, "}\n"...)
}

func appendPadding(b []byte, n int) []byte {
	for range max(n, 1) {
		b = append(b, ' ')
	}
	return b
}

// jsonTagText returns the struct tag of jsonTag as jennifer writes it: a
// raw string literal, or an interpreted one when the tag cannot be raw.
func jsonTagText(f *types.Field) string {
	tag := "json:" + strconv.Quote(jsonTag(f)["json"])
	if strconv.CanBackquote(tag) {
		return "`" + tag + "`"
	}
	return strconv.Quote(tag)
}

// formDecl writes the struct a form body is passed in:
//
//	// SendSMSForm holds the urlencoded form fields of SendSMS.
//	type SendSMSForm struct {
//		// To is the form field "To".
//		To string
//	}
func (s *source) formDecl(op *model.Operation) {
	fields := make([]field, 0, len(op.Body.Form))
	for _, f := range op.Body.Form {
		var lines []string
		if f.File {
			lines = append(lines, fmt.Sprintf("%s is the content of the file part %q.", f.GoName, oneLine(f.Key)))
		} else {
			lines = append(lines, fmt.Sprintf("%s is the form field %q.", f.GoName, oneLine(f.Key)))
		}
		lines = append(lines, commentLines(f.Doc)...)
		typ := "string"
		if f.File {
			typ = s.qual("io", "Reader")
		}
		fields = append(fields, field{doc: lines, name: f.GoName, typ: typ})
	}
	kind := "urlencoded"
	if op.Body.Kind == model.BodyMultipart {
		kind = "multipart"
	}
	s.startDecl()
	s.comment([]string{fmt.Sprintf("%s holds the %s form fields of %s.", op.Body.FormGoName, kind, op.GoName)}, "")
	s.structType(op.Body.FormGoName, fields)
}

// elements joins the elements of a composite literal written on one
// line, such as {name: "Accept", value: "text/plain"}. The literals stay
// on one line because go/format prints every element of a literal that
// spans lines once more to measure it, which tools that format the
// generated package would pay for.
func elements(elems ...string) string {
	return "{" + strings.Join(elems, ", ") + "}"
}

func keyedText(name, value string) string {
	return name + ": " + value
}

// operationVar writes the request descriptor the runtime sends:
//
//	var opOtkrytSmenu = operation{name: "OtkrytSmenu", method: "POST", ...}
func (s *source) operationVar(g *gen, op *model.Operation) {
	d := []string{
		keyedText("name", strconv.Quote(op.GoName)),
		keyedText("method", strconv.Quote(string(op.Method))),
		keyedText("host", strconv.Itoa(g.hostIndex[op.URL.Host])),
		keyedText("auth", strconv.Itoa(g.authIndex(op))),
	}

	if len(op.URL.Path) > 0 {
		segs := make([]string, len(op.URL.Path))
		for i, seg := range op.URL.Path {
			segs[i] = strconv.Quote(seg.Template)
		}
		d = append(d, keyedText("path", "[]string"+elements(segs...)))
	}
	if len(op.URL.Query) > 0 {
		qs := make([]string, len(op.URL.Query))
		for i, q := range op.URL.Query {
			if q.NoValue {
				qs[i] = elements(keyedText("key", strconv.Quote(q.Key)), keyedText("noValue", "true"))
			} else {
				qs[i] = elements(keyedText("key", strconv.Quote(q.Key)), keyedText("value", strconv.Quote(q.Value)))
			}
		}
		d = append(d, keyedText("query", "[]queryParam"+elements(qs...)))
	}
	if op.URL.Hash != "" {
		d = append(d, keyedText("hash", strconv.Quote(op.URL.Hash)))
	}
	if len(op.Headers) > 0 {
		hs := make([]string, len(op.Headers))
		for i, h := range op.Headers {
			hs[i] = elements(keyedText("name", strconv.Quote(h.Name)), keyedText("value", strconv.Quote(h.Value)))
		}
		d = append(d, keyedText("headers", "[]header"+elements(hs...)))
	}

	if op.Body != nil {
		d = append(d, keyedText("body", "bodySpec"+elements(
			keyedText("contentType", strconv.Quote(op.Body.ContentType)),
			keyedText("kind", bodyKindConstant(op.Body.Kind)),
		)))
	}
	if op.KeepBody {
		d = append(d, keyedText("keepBody", "true"))
	}
	if op.IdempotencyHeader != "" {
		d = append(d, keyedText("idempotencyHeader", strconv.Quote(op.IdempotencyHeader)))
	}
	if hasAssignments(op.PreRequest) {
		d = append(d, keyedText("preScript", preScriptName(op)))
	}
	if hasAssignments(op.Test) {
		d = append(d, keyedText("postScript", postScriptName(op)))
	}
	if op.ErrorBody != nil && op.ErrorBody.Kind == model.PayloadJSON && op.ErrorBody.Type != nil {
		d = append(d, keyedText("newErrorBody", "newValue["+s.typeExpr(op.ErrorBody.Type)+"]"))
	}

	s.startDecl()
	s.decls = append(s.decls, "var "+operationVarName(op)+" = operation"+elements(d...)+"\n"...)
}

// method writes the client method of an operation:
//
//	// OtkrytSmenu sends the request "Смена / Открыть смену".
//	func (c *Client) OtkrytSmenu(ctx context.Context, body OtkrytSmenuRequest, opts ...CallOption) (*OtkrytSmenuResponse, error) {
//		out := new(OtkrytSmenuResponse)
//		if err := c.send(ctx, &opOtkrytSmenu, &callInput{json: body}, out, opts); err != nil {
//			return nil, err
//		}
//		return out, nil
//	}
//
// A method whose result is no struct declares "var out T" and returns
// what send left in it.
func (s *source) method(op *model.Operation) {
	params := []string{"ctx " + s.qual("context", "Context")}
	var input, paramValues []string
	for _, p := range op.Params {
		params = append(params, p.GoName+" string")
		paramValues = append(paramValues, elements(keyedText("name", strconv.Quote(p.Name)), keyedText("value", p.GoName)))
	}
	if len(paramValues) > 0 {
		input = append(input, keyedText("params", "[]param"+elements(paramValues...)))
	}
	if param, value := s.bodyArgument(op); param != "" {
		params = append(params, param)
		input = append(input, value)
	}
	params = append(params, "opts ...CallOption")

	result, isPointer := s.responseType(op)
	out := "&out"
	if isPointer {
		out = "out"
	}
	send := "c.send(ctx, &" + operationVarName(op) + ", &callInput" + elements(input...) + ", " + out + ", opts)"

	s.startDecl()
	s.comment(methodDocLines(op), "")
	b := s.decls
	if isPointer {
		b = append(b, "func (c *Client) "+op.GoName+"("+strings.Join(params, ", ")+") (*"+result+", error) {\n"...)
		b = append(b, "\tout := new("+result+")\n"...)
		b = append(b, "\tif err := "+send+"; err != nil {\n\t\treturn nil, err\n\t}\n\treturn out, nil\n}\n"...)
	} else {
		b = append(b, "func (c *Client) "+op.GoName+"("+strings.Join(params, ", ")+") ("+result+", error) {\n"...)
		b = append(b, "\tvar out "+result+"\n"...)
		b = append(b, "\terr := "+send+"\n\treturn out, err\n}\n"...)
	}
	s.decls = b
}

// bodyArgument returns the method parameter that carries the body and
// the callInput element it goes to, or "" for an operation without a
// body.
func (s *source) bodyArgument(op *model.Operation) (param, input string) {
	b := op.Body
	if b == nil {
		return "", ""
	}
	switch b.Kind {
	case model.BodyJSON:
		return "body " + s.bodyTypeExpr(b.Type), keyedText("json", "body")
	case model.BodyText:
		return "body string", keyedText("text", "body")
	case model.BodyFile:
		return "body " + s.qual("io", "Reader"), keyedText("file", "body")
	case model.BodyGraphQL:
		return "variables " + s.bodyTypeExpr(b.Type), keyedText("graphQL", "&graphQLBody"+elements(
			keyedText("query", strconv.Quote(b.GraphQLQuery)),
			keyedText("variables", "variables"),
		))
	case model.BodyURLEncoded, model.BodyMultipart:
		values := make([]string, len(b.Form))
		for i, f := range b.Form {
			var fields []string
			if f.ContentType != "" {
				fields = append(fields, keyedText("contentType", strconv.Quote(f.ContentType)))
			}
			if f.File {
				fields = append(fields, keyedText("file", "form."+f.GoName), keyedText("fileName", strconv.Quote(fileName(f))))
			}
			fields = append(fields, keyedText("key", strconv.Quote(f.Key)))
			if !f.File {
				fields = append(fields, keyedText("value", "form."+f.GoName))
			}
			values[i] = elements(fields...)
		}
		return "form " + b.FormGoName, keyedText("form", "[]formValue"+elements(values...))
	}
	return "", ""
}

// responseType returns the Go type a method returns and whether it
// returns a pointer to it.
func (s *source) responseType(op *model.Operation) (string, bool) {
	r := op.Response
	switch {
	case r == nil, r.Kind == model.PayloadBytes:
		return "[]byte", false
	case r.Kind == model.PayloadText:
		return "string", false
	case r.Type == nil:
		return s.qual("encoding/json", "RawMessage"), false
	}
	return s.typeExpr(r.Type), r.Type.Kind == types.Struct
}

// file returns the Go file of package pkg with the written declarations,
// then tail, declarations gofmt has printed.
func (s *source) file(pkg string, tail []byte) []byte {
	paths := make([]string, 0, len(s.imports))
	for p := range s.imports {
		paths = append(paths, p)
	}
	slices.Sort(paths)
	var b bytes.Buffer
	b.Grow(len(s.decls) + len(tail) + 256)
	b.WriteString("// " + Header + "\n\npackage " + pkg + "\n")
	importSpec := func(p string) string {
		if s.named[p] {
			return s.imports[p] + " " + strconv.Quote(p)
		}
		return strconv.Quote(p)
	}
	switch len(paths) {
	case 0:
	case 1:
		b.WriteString("\nimport " + importSpec(paths[0]) + "\n")
	default:
		b.WriteString("\nimport (\n")
		for _, p := range paths {
			b.WriteString("\t" + importSpec(p) + "\n")
		}
		b.WriteString(")\n")
	}
	if len(s.decls) > 0 {
		b.WriteByte('\n')
		b.Write(s.decls)
	}
	if len(tail) > 0 {
		b.WriteByte('\n')
		b.Write(tail)
	}
	return b.Bytes()
}

// formattedDecls splits a file that gofmt has printed into its imports
// and the text of its declarations.
func formattedDecls(src []byte) ([]*ast.ImportSpec, []byte, error) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "", src, parser.ImportsOnly)
	if err != nil {
		return nil, nil, err
	}
	end := f.Name.End()
	for _, d := range f.Decls {
		if gd, ok := d.(*ast.GenDecl); ok && gd.Tok == token.IMPORT {
			end = gd.End()
		}
	}
	return f.Imports, bytes.TrimLeft(src[fset.Position(end).Offset:], "\n"), nil
}
