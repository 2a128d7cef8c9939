package generator

import (
	"fmt"
	"slices"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/pmgen/pmgen/model"
)

const (
	testify  = "github.com/stretchr/testify/assert"
	require  = "github.com/stretchr/testify/require"
	testPkg  = "testing"
	httpPkg  = "net/http"
	stepName = "step"
)

// testFile emits sequences_test.go: the harness, one test function per
// sequence and one step function per operation.
func (g *gen) testFile() *jen.File {
	f := g.newFile()
	f.ImportName(testify, "assert")
	f.ImportName(require, "require")

	for _, seq := range g.api.Sequences {
		f.Add(g.sequenceTest(seq))
	}
	for _, op := range g.api.Operations {
		f.Add(g.stepFunc(op))
	}
	g.harness(f)
	g.testSignerDecl(f)
	return f
}

// stepFuncName is the test helper that sends one operation.
func stepFuncName(op *model.Operation) string {
	return stepName + op.GoName
}

// sequenceTest emits:
//
//	// TestSequenceSmena runs the sequence "Смена": ...
//	func TestSequenceSmena(t *testing.T) {
//		h := newHarness(t)
//		stepVoiti(t, h)
//		stepOtkrytSmenu(t, h)
//	}
func (g *gen) sequenceTest(seq *model.Sequence) jen.Code {
	lines := []string{fmt.Sprintf("%s sends the requests of %q in order:", seq.GoName, oneLine(seq.Name))}
	body := []jen.Code{jen.Id("h").Op(":=").Id("newHarness").Call(jen.Id("t"))}
	for i, step := range seq.Steps {
		lines = append(lines, fmt.Sprintf("  %d. %s", i+1, oneLine(step.Operation.Where)))
		body = append(body, jen.Id(stepFuncName(step.Operation)).Call(jen.Id("t"), jen.Id("h")))
	}
	return jen.Add(append(docLines(lines),
		jen.Func().Id(seq.GoName).Params(jen.Id("t").Op("*").Qual(testPkg, "T")).Block(body...).Line())...)
}

// stepFunc emits the step of one operation: it prepares the arguments
// from the collection, sends the request through the client and checks
// what the server received and answered.
func (g *gen) stepFunc(op *model.Operation) jen.Code {
	var body []jen.Code
	// h.placeholders(t, "a", "b"): variables nothing has set yet get test
	// values, numbers where they stand unquoted in a JSON body.
	var text, numbers []jen.Code
	for _, r := range op.Reads {
		if op.Body != nil && slices.Contains(op.Body.Unquoted, r) {
			numbers = append(numbers, jen.Lit(r))
		} else {
			text = append(text, jen.Lit(r))
		}
	}
	if len(text) > 0 {
		body = append(body, jen.Id("h").Dot("placeholders").Call(append([]jen.Code{jen.Id("t"), jen.Lit("pmgen-test-")}, text...)...))
	}
	if len(numbers) > 0 {
		body = append(body, jen.Id("h").Dot("placeholders").Call(append([]jen.Code{jen.Id("t"), jen.Lit("1")}, numbers...)...))
	}
	ex := answerExample(op)
	body = append(body, jen.Id("h").Dot("answer").Call(answerArgs(ex)...))

	callArgs := []jen.Code{jen.Id("h").Dot("ctx")}
	for _, p := range op.Params {
		callArgs = append(callArgs, paramValue(p))
	}
	if arg, prep := bodyValue(op); arg != nil {
		body = append(body, prep...)
		callArgs = append(callArgs, arg)
	}
	callArgs = append(callArgs, jen.Id("CaptureResponse").Call(jen.Op("&").Id("r")))

	// var r Response; _, err := h.client.X(...)
	body = append(body,
		jen.Var().Id("r").Id("Response"),
		jen.List(jen.Id("_"), jen.Err()).Op(":=").Id("h").Dot("client").Dot(op.GoName).Call(callArgs...),
	)
	if ex == nil || ex.Status < 400 {
		body = append(body, jen.Qual(require, "NoError").Call(jen.Id("t"), jen.Err(), jen.Lit(op.Where)))
	} else {
		body = append(body, jen.Qual(require, "Error").Call(jen.Id("t"), jen.Err(), jen.Lit(op.Where)))
	}
	body = append(body, jen.Id("h").Dot("checkRequest").Call(jen.Id("t"), jen.Lit(string(op.Method))))

	lines := []string{fmt.Sprintf("%s sends %q with the collection's values.", stepFuncName(op), oneLine(op.Where))}
	return jen.Add(append(docLines(lines),
		jen.Func().Id(stepFuncName(op)).Params(jen.Id("t").Op("*").Qual(testPkg, "T"), jen.Id("h").Op("*").Id("harness")).
			Block(body...).Line())...)
}

// answerExample picks the example the test server answers an operation
// with: the first 2xx example, else the first example, else none.
func answerExample(op *model.Operation) *model.Example {
	for _, ex := range op.Examples {
		if ex.Status >= 200 && ex.Status < 300 {
			return ex
		}
	}
	if len(op.Examples) > 0 {
		return op.Examples[0]
	}
	return nil
}

// answerArgs returns the status, content type and body of the answer.
func answerArgs(ex *model.Example) []jen.Code {
	if ex == nil {
		return []jen.Code{jen.Lit(200), jen.Lit(""), jen.Lit("")}
	}
	return []jen.Code{jen.Lit(ex.Status), jen.Lit(ex.ContentType), jen.Lit(ex.ReplayBody)}
}

// paramValue is the test's argument for a method parameter: the path
// variable's value from the collection, expanded, or a test value.
func paramValue(p *model.Param) jen.Code {
	if p.Source == model.FromPathVariable && p.Default != "" {
		return jen.Id("h").Dot("expand").Call(jen.Id("t"), jen.Lit(p.Default))
	}
	return jen.Lit("pmgen-test-" + p.Name)
}

// bodyValue returns the body argument of the call and the statements that
// prepare it from the collection's body.
func bodyValue(op *model.Operation) (jen.Code, []jen.Code) {
	b := op.Body
	if b == nil {
		return nil, nil
	}
	switch b.Kind {
	case model.BodyJSON, model.BodyGraphQL:
		name := "body"
		if b.Kind == model.BodyGraphQL {
			name = "variables"
		}
		if strings.TrimSpace(b.Template) == "" {
			// var variables T: the collection sends no variables.
			return jen.Id(name), []jen.Code{jen.Var().Id(name).Add(bodyGoType(b.Type))}
		}
		// var body T; h.decodeJSON(t, template, &body)
		return jen.Id(name), []jen.Code{
			jen.Var().Id(name).Add(bodyGoType(b.Type)),
			jen.Id("h").Dot("decodeJSON").Call(jen.Id("t"), jen.Lit(b.Template), jen.Op("&").Id(name)),
		}
	case model.BodyText:
		return jen.Id("h").Dot("expand").Call(jen.Id("t"), jen.Lit(b.Template)), nil
	case model.BodyFile:
		return jen.Qual("strings", "NewReader").Call(jen.Lit("pmgen test file")), nil
	case model.BodyURLEncoded, model.BodyMultipart:
		d := jen.Dict{}
		for _, f := range b.Form {
			if f.File {
				d[jen.Id(f.GoName)] = jen.Qual("strings", "NewReader").Call(jen.Lit("pmgen test file " + f.Key))
			} else {
				d[jen.Id(f.GoName)] = jen.Id("h").Dot("expand").Call(jen.Id("t"), jen.Lit(f.Value))
			}
		}
		return jen.Id(b.FormGoName).Values(d), nil
	}
	return nil, nil
}

// harness emits the test harness type and its helpers:
//
//	type harness struct { ctx context.Context; client *Client; ... }
//	func newHarness(t *testing.T) *harness
func (g *gen) harness(f *jen.File) {
	f.Comment("harness runs the steps of a sequence against a local test server that")
	f.Comment("answers each request with the operation's saved example.")
	f.Type().Id("harness").Struct(
		jen.Id("ctx").Qual("context", "Context"),
		jen.Id("client").Op("*").Id("Client"),
		jen.Id("server").Op("*").Qual("net/http/httptest", "Server"),
		jen.Id("status").Int(),
		jen.Id("contentType").String(),
		jen.Id("body").String(),
		jen.Id("received").Op("*").Qual(httpPkg, "Request"),
	)

	f.Comment("newHarness starts the test server and a client whose every base URL")
	f.Comment("points at it and whose credentials are test values.")
	f.Func().Id("newHarness").Params(jen.Id("t").Op("*").Qual(testPkg, "T")).Op("*").Id("harness").Block(
		jen.Id("h").Op(":=").Op("&").Id("harness").Values(jen.Dict{jen.Id("ctx"): jen.Id("t").Dot("Context").Call()}),
		jen.Id("h").Dot("server").Op("=").Qual("net/http/httptest", "NewServer").Call(jen.Qual(httpPkg, "HandlerFunc").Call(jen.Id("h").Dot("serve"))),
		jen.Id("t").Dot("Cleanup").Call(jen.Id("h").Dot("server").Dot("Close")),
		jen.Var().Id("opts").Index().Id("Option"),
		jen.For(jen.Id("i").Op(":=").Range().Id("api").Dot("hosts")).Block(
			jen.Id("opts").Op("=").Append(jen.Id("opts"), jen.Id("hostOption").Call(jen.Id("i"), jen.Id("h").Dot("server").Dot("URL"))),
		),
		jen.For(jen.List(jen.Id("_"), jen.Id("v")).Op(":=").Range().Id("api").Dot("vars")).Block(
			jen.If(jen.Id("v").Dot("secret")).Block(
				jen.Id("opts").Op("=").Append(jen.Id("opts"), jen.Id("variableOption").Call(jen.Id("v").Dot("name"), jen.Lit("pmgen-test-").Op("+").Id("v").Dot("name"))),
			),
		),
		g.signerOption(),
		jen.List(jen.Id("c"), jen.Err()).Op(":=").Id("New").Call(jen.Id("opts").Op("...")),
		jen.Qual(require, "NoError").Call(jen.Id("t"), jen.Err()),
		jen.Id("h").Dot("client").Op("=").Id("c"),
		jen.Return(jen.Id("h")),
	)

	f.Comment("serve records the request and writes the answer set by answer.")
	f.Func().Params(jen.Id("h").Op("*").Id("harness")).Id("serve").Params(jen.Id("w").Qual(httpPkg, "ResponseWriter"), jen.Id("r").Op("*").Qual(httpPkg, "Request")).Block(
		jen.Id("h").Dot("received").Op("=").Id("r"),
		jen.If(jen.Id("h").Dot("contentType").Op("!=").Lit("")).Block(
			jen.Id("w").Dot("Header").Call().Dot("Set").Call(jen.Lit("Content-Type"), jen.Id("h").Dot("contentType")),
		),
		jen.Id("w").Dot("WriteHeader").Call(jen.Id("h").Dot("status")),
		jen.Qual("io", "WriteString").Call(jen.Id("w"), jen.Id("h").Dot("body")),
	)

	f.Comment("answer sets the status, content type and body of the next answer.")
	f.Func().Params(jen.Id("h").Op("*").Id("harness")).Id("answer").Params(jen.Id("status").Int(), jen.List(jen.Id("contentType"), jen.Id("body")).String()).Block(
		jen.List(jen.Id("h").Dot("status"), jen.Id("h").Dot("contentType"), jen.Id("h").Dot("body"), jen.Id("h").Dot("received")).Op("=").List(jen.Id("status"), jen.Id("contentType"), jen.Id("body"), jen.Nil()),
	)

	f.Comment("checkRequest checks that the request reached the server with the method.")
	f.Func().Params(jen.Id("h").Op("*").Id("harness")).Id("checkRequest").Params(jen.Id("t").Op("*").Qual(testPkg, "T"), jen.Id("method").String()).Block(
		jen.Id("t").Dot("Helper").Call(),
		jen.Qual(require, "NotNil").Call(jen.Id("t"), jen.Id("h").Dot("received"), jen.Lit("the request did not reach the server")),
		jen.Qual(testify, "Equal").Call(jen.Id("t"), jen.Id("method"), jen.Id("h").Dot("received").Dot("Method")),
	)

	f.Comment("placeholders gives each variable that has no value yet a test value in")
	f.Comment("the global scope, the widest, so that any value a script sets wins. A")
	f.Comment("value that ends in \"-\" is a prefix of the variable's name.")
	f.Func().Params(jen.Id("h").Op("*").Id("harness")).Id("placeholders").Params(jen.Id("t").Op("*").Qual(testPkg, "T"), jen.Id("value").String(), jen.Id("names").Op("...").String()).Block(
		jen.Id("s").Op(":=").Id("h").Dot("client").Dot("Session").Call(),
		jen.For(jen.List(jen.Id("_"), jen.Id("name")).Op(":=").Range().Id("names")).Block(
			jen.If(jen.List(jen.Id("_"), jen.Id("ok")).Op(":=").Id("s").Dot("Get").Call(jen.Id("name")), jen.Op("!").Id("ok").Op("&&").Op("!").Id("h").Dot("hasOption").Call(jen.Id("name"))).Block(
				jen.Id("v").Op(":=").Id("value"),
				jen.If(jen.Qual("strings", "HasSuffix").Call(jen.Id("v"), jen.Lit("-"))).Block(jen.Id("v").Op("+=").Id("name")),
				jen.Id("s").Dot("Set").Call(jen.Id("ScopeGlobal"), jen.Id("name"), jen.Id("v")),
			),
		),
	)

	f.Comment("hasOption reports whether the client's options give the variable a value.")
	f.Func().Params(jen.Id("h").Op("*").Id("harness")).Id("hasOption").Params(jen.Id("name").String()).Bool().Block(
		jen.For(jen.List(jen.Id("_"), jen.Id("v")).Op(":=").Range().Id("api").Dot("vars")).Block(
			jen.If(jen.Id("v").Dot("name").Op("==").Id("name")).Block(jen.Return(jen.True())),
		),
		jen.Return(jen.False()),
	)

	f.Comment("expand expands a template of the collection with the session's values.")
	f.Func().Params(jen.Id("h").Op("*").Id("harness")).Id("expand").Params(jen.Id("t").Op("*").Qual(testPkg, "T"), jen.Id("template").String()).String().Block(
		jen.Id("t").Dot("Helper").Call(),
		jen.List(jen.Id("s"), jen.Err()).Op(":=").Id("h").Dot("client").Dot("Session").Call().Dot("Expand").Call(jen.Id("template")),
		jen.Qual(require, "NoError").Call(jen.Id("t"), jen.Err()),
		jen.Return(jen.Id("s")),
	)

	f.Comment("decodeJSON expands a JSON body of the collection and decodes it into v,")
	f.Comment("rejecting keys that v has no field for.")
	f.Func().Params(jen.Id("h").Op("*").Id("harness")).Id("decodeJSON").Params(jen.Id("t").Op("*").Qual(testPkg, "T"), jen.Id("template").String(), jen.Id("v").Any()).Block(
		jen.Id("t").Dot("Helper").Call(),
		jen.List(jen.Id("text"), jen.Err()).Op(":=").Id("h").Dot("client").Dot("Session").Call().Dot("ExpandJSON").Call(jen.Id("template")),
		jen.Qual(require, "NoError").Call(jen.Id("t"), jen.Err()),
		jen.Id("dec").Op(":=").Qual("encoding/json", "NewDecoder").Call(jen.Qual("strings", "NewReader").Call(jen.Id("text"))),
		jen.Id("dec").Dot("DisallowUnknownFields").Call(),
		jen.Qual(require, "NoError").Call(jen.Id("t"), jen.Id("dec").Dot("Decode").Call(jen.Id("v")), jen.Id("text")),
	)
}

// signerOption gives the test client a signer that leaves requests as
// they are, when some operation uses an auth type pmgen does not
// implement.
func (g *gen) signerOption() jen.Code {
	for _, s := range g.api.Schemes {
		if s.Kind == model.AuthSigner {
			return jen.Id("opts").Op("=").Append(jen.Id("opts"), jen.Id("WithSigner").Call(jen.Id("testSigner").Values()))
		}
	}
	return jen.Null()
}

// testSignerDecl emits, when some operation needs a signer, a signer for
// the tests that leaves requests unsigned.
func (g *gen) testSignerDecl(f *jen.File) {
	for _, s := range g.api.Schemes {
		if s.Kind != model.AuthSigner {
			continue
		}
		f.Comment("testSigner leaves requests unsigned: the test server checks no signature.")
		f.Type().Id("testSigner").Struct()
		f.Func().Params(jen.Id("testSigner")).Id("Sign").Params(jen.Op("*").Qual(httpPkg, "Request"), jen.String()).Error().Block(jen.Return(jen.Nil()))
		return
	}
}
