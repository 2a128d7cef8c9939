package generator

import (
	"fmt"
	"path"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/pmgen/pmgen/model"
	"github.com/pmgen/pmgen/model/types"
)

// unitFile emits the file of one top-level folder: the struct types only
// its operations use, each operation's form type, descriptor and method,
// and last the functions that run the operations' scripts.
func (g *gen) unitFile(u *unit) *jen.File {
	f := g.newFile()
	for _, t := range u.types {
		f.Add(structDecl(t, g.typeDoc(t)))
	}
	for _, op := range u.ops {
		if op.Body != nil && op.Body.FormGoName != "" {
			f.Add(formDecl(op))
		}
		f.Add(g.operationVar(op))
		f.Add(g.method(op))
	}
	for _, op := range u.ops {
		f.Add(scriptFuncs(op))
	}
	return f
}

// typesFile emits types.go with the struct types several folders share.
func (g *gen) typesFile() *jen.File {
	f := g.newFile()
	for _, t := range g.sharedTypes {
		f.Add(structDecl(t, g.typeDoc(t)))
	}
	return f
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

// operationVar emits the request descriptor the runtime sends, on one
// line (see keyed):
//
//	var opOtkrytSmenu = operation{name: "OtkrytSmenu", method: "POST", ...}
func (g *gen) operationVar(op *model.Operation) jen.Code {
	d := []jen.Code{
		keyed("name", jen.Lit(op.GoName)),
		keyed("method", jen.Lit(string(op.Method))),
		keyed("host", jen.Lit(g.hostIndex[op.URL.Host])),
		keyed("auth", jen.Lit(g.authIndex(op))),
	}
	if segs := pathTemplates(op); len(segs) > 0 {
		d = append(d, keyed("path", jen.Index().String().Values(segs...)))
	}
	if len(op.URL.Query) > 0 {
		var qs []jen.Code
		for _, q := range op.URL.Query {
			if q.NoValue {
				qs = append(qs, jen.Values(keyed("key", jen.Lit(q.Key)), keyed("noValue", jen.True())))
			} else {
				qs = append(qs, jen.Values(keyed("key", jen.Lit(q.Key)), keyed("value", jen.Lit(q.Value))))
			}
		}
		d = append(d, keyed("query", jen.Index().Id("queryParam").Values(qs...)))
	}
	if op.URL.Hash != "" {
		d = append(d, keyed("hash", jen.Lit(op.URL.Hash)))
	}
	if len(op.Headers) > 0 {
		var hs []jen.Code
		for _, h := range op.Headers {
			hs = append(hs, jen.Values(keyed("name", jen.Lit(h.Name)), keyed("value", jen.Lit(h.Value))))
		}
		d = append(d, keyed("headers", jen.Index().Id("header").Values(hs...)))
	}
	if op.Body != nil {
		d = append(d, keyed("body", jen.Id("bodySpec").Values(
			keyed("contentType", jen.Lit(op.Body.ContentType)),
			keyed("kind", jen.Id(bodyKindConstant(op.Body.Kind))),
		)))
	}
	if op.KeepBody {
		d = append(d, keyed("keepBody", jen.True()))
	}
	if op.IdempotencyHeader != "" {
		d = append(d, keyed("idempotencyHeader", jen.Lit(op.IdempotencyHeader)))
	}
	if hasAssignments(op.PreRequest) {
		d = append(d, keyed("preScript", jen.Id(preScriptName(op))))
	}
	if hasAssignments(op.Test) {
		d = append(d, keyed("postScript", jen.Id(postScriptName(op))))
	}
	if op.ErrorBody != nil && op.ErrorBody.Kind == model.PayloadJSON && op.ErrorBody.Type != nil {
		d = append(d, keyed("newErrorBody", jen.Id("newValue").Index(goType(op.ErrorBody.Type))))
	}
	return jen.Var().Id(operationVarName(op)).Op("=").Id("operation").Values(d...).Line()
}

func (g *gen) authIndex(op *model.Operation) int {
	if op.Auth == nil {
		return -1
	}
	return g.schemeIndex[op.Auth.Scheme]
}

// pathTemplates returns the path segments as the runtime reads them, each
// its template: a path variable segment is ":name", or ":name.json" when
// text follows the variable's name.
func pathTemplates(op *model.Operation) []jen.Code {
	var out []jen.Code
	for _, s := range op.URL.Path {
		out = append(out, jen.Lit(s.Template))
	}
	return out
}

// keyed returns one key: value element of a composite literal. The
// generated literals are written on one line, such as {name: "Accept",
// value: "text/plain"}, because go/format prints every element of a
// literal that spans lines once more to measure it. On several lines, the
// operation descriptors took twice as long to format.
func keyed(name string, value jen.Code) jen.Code {
	return jen.Id(name).Op(":").Add(value)
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

// formDecl emits the struct a form body is passed in:
//
//	type SendSMSForm struct {
//		To string   // urlencoded field "To"
//		Photo io.Reader // multipart file part "photo"
//	}
func formDecl(op *model.Operation) jen.Code {
	var fields []jen.Code
	for _, f := range op.Body.Form {
		var lines []string
		if f.File {
			lines = append(lines, fmt.Sprintf("%s is the content of the file part %q.", f.GoName, oneLine(f.Key)))
		} else {
			lines = append(lines, fmt.Sprintf("%s is the form field %q.", f.GoName, oneLine(f.Key)))
		}
		lines = append(lines, commentLines(f.Doc)...)
		typ := jen.String()
		if f.File {
			typ = jen.Qual("io", "Reader")
		}
		fields = append(fields, jen.Add(append(docLines(lines), jen.Id(f.GoName).Add(typ))...))
	}
	kind := "urlencoded"
	if op.Body.Kind == model.BodyMultipart {
		kind = "multipart"
	}
	lines := []string{fmt.Sprintf("%s holds the %s form fields of %s.", op.Body.FormGoName, kind, op.GoName)}
	return jen.Add(append(docLines(lines), jen.Type().Id(op.Body.FormGoName).Struct(fields...).Line())...)
}

// method emits the client method of an operation:
//
//	// OtkrytSmenu sends «Открыть смену»: POST {{baseUrl}}/shifts
//	func (c *Client) OtkrytSmenu(ctx context.Context, body OtkrytSmenuRequest, opts ...CallOption) (*OtkrytSmenuResponse, error) {
//		out := new(OtkrytSmenuResponse)
//		if err := c.send(ctx, &opOtkrytSmenu, &callInput{json: body}, out, opts); err != nil {
//			return nil, err
//		}
//		return out, nil
//	}
func (g *gen) method(op *model.Operation) jen.Code {
	params := []jen.Code{jen.Id("ctx").Qual("context", "Context")}
	var input []jen.Code
	var paramValues []jen.Code
	for _, p := range op.Params {
		params = append(params, jen.Id(p.GoName).String())
		paramValues = append(paramValues, jen.Values(keyed("name", jen.Lit(p.Name)), keyed("value", jen.Id(p.GoName))))
	}
	if len(paramValues) > 0 {
		input = append(input, keyed("params", jen.Index().Id("param").Values(paramValues...)))
	}
	if bodyParam, field, value := bodyArgument(op); bodyParam != nil {
		params = append(params, bodyParam)
		input = append(input, keyed(field, value))
	}
	params = append(params, jen.Id("opts").Op("...").Id("CallOption"))

	result, isPointer := responseType(op)
	send := jen.Id("c").Dot("send").Call(
		jen.Id("ctx"), jen.Op("&").Id(operationVarName(op)), jen.Op("&").Id("callInput").Values(input...),
		outArgument(isPointer), jen.Id("opts"),
	)
	var body []jen.Code
	if isPointer {
		// out := new(T); if err := c.send(...); err != nil { return nil, err }; return out, nil
		body = []jen.Code{
			jen.Id("out").Op(":=").New(result),
			jen.If(jen.Err().Op(":=").Add(send), jen.Err().Op("!=").Nil()).Block(jen.Return(jen.Nil(), jen.Err())),
			jen.Return(jen.Id("out"), jen.Nil()),
		}
		result = jen.Op("*").Add(result)
	} else {
		// var out T; err := c.send(...); return out, err
		body = []jen.Code{
			jen.Var().Id("out").Add(result),
			jen.Err().Op(":=").Add(send),
			jen.Return(jen.Id("out"), jen.Err()),
		}
	}
	return jen.Add(append(g.methodDoc(op),
		jen.Func().Params(jen.Id("c").Op("*").Id("Client")).Id(op.GoName).Params(params...).
			Params(result, jen.Error()).Block(body...).Line())...)
}

func outArgument(isPointer bool) jen.Code {
	if isPointer {
		return jen.Id("out")
	}
	return jen.Op("&").Id("out")
}

// bodyArgument returns the method parameter that carries the body, the
// callInput field it goes to, and the value for that field.
func bodyArgument(op *model.Operation) (param jen.Code, field string, value jen.Code) {
	b := op.Body
	if b == nil {
		return nil, "", nil
	}
	switch b.Kind {
	case model.BodyJSON:
		return jen.Id("body").Add(bodyGoType(b.Type)), "json", jen.Id("body")
	case model.BodyText:
		return jen.Id("body").String(), "text", jen.Id("body")
	case model.BodyFile:
		return jen.Id("body").Qual("io", "Reader"), "file", jen.Id("body")
	case model.BodyGraphQL:
		return jen.Id("variables").Add(bodyGoType(b.Type)), "graphQL", jen.Op("&").Id("graphQLBody").Values(
			keyed("query", jen.Lit(b.GraphQLQuery)),
			keyed("variables", jen.Id("variables")),
		)
	case model.BodyURLEncoded, model.BodyMultipart:
		var values []jen.Code
		for _, f := range b.Form {
			var fields []jen.Code
			if f.ContentType != "" {
				fields = append(fields, keyed("contentType", jen.Lit(f.ContentType)))
			}
			if f.File {
				fields = append(fields, keyed("file", jen.Id("form").Dot(f.GoName)), keyed("fileName", jen.Lit(fileName(f))))
			}
			fields = append(fields, keyed("key", jen.Lit(f.Key)))
			if !f.File {
				fields = append(fields, keyed("value", jen.Id("form").Dot(f.GoName)))
			}
			values = append(values, jen.Values(fields...))
		}
		return jen.Id("form").Id(b.FormGoName), "form", jen.Index().Id("formValue").Values(values...)
	}
	return nil, "", nil
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

// responseType returns the Go type a method returns and whether it
// returns a pointer to it.
func responseType(op *model.Operation) (jen.Code, bool) {
	r := op.Response
	switch {
	case r == nil:
		return jen.Index().Byte(), false
	case r.Kind == model.PayloadText:
		return jen.String(), false
	case r.Kind == model.PayloadBytes:
		return jen.Index().Byte(), false
	case r.Type == nil:
		return jen.Qual("encoding/json", "RawMessage"), false
	case r.Type.Kind == types.Struct:
		return goType(r.Type), true
	}
	return goType(r.Type), false
}

// methodDoc returns the doc comment of a method: the request's name and
// folder path, its HTTP method and URL, its description, and what its
// parameters are.
func (g *gen) methodDoc(op *model.Operation) []jen.Code {
	lines := []string{
		fmt.Sprintf("%s sends the request %q.", op.GoName, oneLine(op.Where)),
		"",
		fmt.Sprintf("\t%s %s", op.Method, oneLine(op.URL.Raw)),
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
	return docLines(lines)
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
