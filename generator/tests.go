package generator

import (
	"fmt"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/pmgen/pmgen/internal/replaydata"
	"github.com/pmgen/pmgen/model"
	"github.com/pmgen/pmgen/model/script"
	"github.com/pmgen/pmgen/templates/replay"
)

const testPkg = "testing"

// testFile emits sequences_test.go: the collection's requests and examples
// for the replay server, one test function per sequence and one step
// function per operation. The harness they use is a static runtime file.
func (g *gen) testFile() *jen.File {
	f := g.newFile()
	f.ImportName("github.com/stretchr/testify/assert", "assert")
	f.ImportName("github.com/stretchr/testify/require", "require")

	f.Add(g.replayOperations())
	for _, seq := range g.api.Sequences {
		f.Add(g.sequenceTest(seq))
	}
	for _, op := range g.api.Operations {
		f.Add(g.stepFunc(op))
	}
	return f
}

// replayOperations emits the operations and examples the replay server
// serves, as package replaydata converts them from the model:
//
//	var replayOperations = []ReplayOperation{{Name: "OtkrytSmenu", Method: "POST", Path: "/shifts", ...}}
func (g *gen) replayOperations() jen.Code {
	var ops []jen.Code
	for _, op := range replaydata.Operations(g.api) {
		ops = append(ops, replayOperation(op))
	}
	return jen.Add(
		commentLine("replayOperations are the collection's requests and saved examples; the"),
		commentLine("replay server of the sequence tests answers from them."),
		jen.Var().Id("replayOperations").Op("=").Index().Id("ReplayOperation").Values(ops...).Line(),
	)
}

// replayOperation emits one operation as a composite literal, leaving out
// the fields that are empty.
func replayOperation(op replay.ReplayOperation) jen.Code {
	d := jen.Dict{
		jen.Id("Name"):   jen.Lit(op.Name),
		jen.Id("Method"): jen.Lit(op.Method),
		jen.Id("Path"):   jen.Lit(op.Path),
	}
	if len(op.Query) > 0 {
		d[jen.Id("Query")] = replayHeaders(op.Query)
	}
	if len(op.Headers) > 0 {
		d[jen.Id("Headers")] = replayHeaders(op.Headers)
	}
	if op.Body != "" {
		d[jen.Id("Body")] = stringLit(op.Body)
	}
	var examples []jen.Code
	for _, ex := range op.Examples {
		examples = append(examples, replayExample(ex))
	}
	if len(examples) > 0 {
		d[jen.Id("Examples")] = jen.Index().Id("ReplayExample").Values(examples...)
	}
	return jen.Values(d)
}

func replayHeaders(list []replay.ReplayHeader) jen.Code {
	values := make([]jen.Code, len(list))
	for i, h := range list {
		values[i] = jen.Values(jen.Dict{jen.Id("Name"): jen.Lit(h.Name), jen.Id("Value"): jen.Lit(h.Value)})
	}
	return jen.Index().Id("ReplayHeader").Values(values...)
}

func replayExample(ex replay.ReplayExample) jen.Code {
	d := jen.Dict{
		jen.Id("Name"):   jen.Lit(ex.Name),
		jen.Id("Status"): jen.Lit(ex.Status),
		jen.Id("Body"):   stringLit(ex.Body),
	}
	if len(ex.Headers) > 0 {
		d[jen.Id("Headers")] = replayHeaders(ex.Headers)
	}
	if r := ex.Request; r != nil {
		rd := jen.Dict{jen.Id("Path"): jen.Lit(r.Path)}
		if len(r.Query) > 0 {
			rd[jen.Id("Query")] = replayHeaders(r.Query)
		}
		if r.Body != "" {
			rd[jen.Id("Body")] = stringLit(r.Body)
		}
		d[jen.Id("Request")] = jen.Op("&").Id("ReplayExampleRequest").Values(rd)
	}
	return jen.Values(d)
}

// stepFuncName is the test helper that sends one operation.
func stepFuncName(op *model.Operation) string {
	return "step" + op.GoName
}

// sequenceTest emits:
//
//	// TestSequenceSmena sends the requests of "Смена" in order: ...
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
		for _, read := range step.Reads {
			if read.Producer != nil {
				lines = append(lines, fmt.Sprintf("     reads %s from %s", oneLine(read.Name), oneLine(read.Producer.Operation.Where)))
			}
		}
		body = append(body, jen.Id(stepFuncName(step.Operation)).Call(jen.Id("t"), jen.Id("h")))
	}
	return jen.Add(append(docLines(lines),
		jen.Func().Id(seq.GoName).Params(jen.Id("t").Op("*").Qual(testPkg, "T")).Block(body...).Line())...)
}

// stepFunc emits the step of one operation: it prepares the arguments
// from the collection, sends the request through the client, lets the
// harness check what the server received, and runs the checks of the
// collection's test scripts:
//
//	func stepOtkrytSmenu(t *testing.T, h *harness) {
//		h.before(t, "OtkrytSmenu", "pmgen-test-", "baseUrl", "sessionToken")
//		var body OtkrytSmenuRequest
//		h.decodeJSON(t, "{...}", &body)
//		var r Response
//		_, err := h.client.OtkrytSmenu(h.ctx, body, CaptureResponse(&r))
//		if e := h.after(t, "OtkrytSmenu", err, &r); e != nil {
//			h.check(t, "Статус 201", jsStrictEqual(e.code(), 201.0), "pm.response.to.have.status(201);")
//		}
//	}
func (g *gen) stepFunc(op *model.Operation) jen.Code {
	var body []jen.Code
	body = append(body, beforeCalls(op, g.numericVariables())...)

	callArgs := []jen.Code{jen.Id("h").Dot("ctx")}
	for _, p := range op.Params {
		callArgs = append(callArgs, paramValue(p))
	}
	if arg, prep := bodyValue(op); arg != nil {
		body = append(body, prep...)
		callArgs = append(callArgs, arg)
	}
	callArgs = append(callArgs, jen.Id("CaptureResponse").Call(jen.Op("&").Id("r")))

	body = append(body,
		jen.Var().Id("r").Id("Response"),
		jen.List(jen.Id("_"), jen.Err()).Op(":=").Id("h").Dot("client").Dot(op.GoName).Call(callArgs...),
	)
	after := jen.Id("h").Dot("after").Call(jen.Id("t"), jen.Lit(op.GoName), jen.Err(), jen.Op("&").Id("r"))
	if checks := checkStatements(op); len(checks) > 0 {
		body = append(body, jen.If(jen.Id("e").Op(":=").Add(after), jen.Id("e").Op("!=").Nil()).Block(checks...))
	} else {
		body = append(body, after)
	}

	lines := []string{fmt.Sprintf("%s sends %q with the collection's values and checks the result.", stepFuncName(op), oneLine(op.Where))}
	return jen.Add(append(docLines(lines),
		jen.Func().Id(stepFuncName(op)).Params(jen.Id("t").Op("*").Qual(testPkg, "T"), jen.Id("h").Op("*").Id("harness")).
			Block(body...).Line())...)
}

// numericVariables returns the variables that stand unquoted in some JSON
// body: their test value must be a number wherever they are used.
func (g *gen) numericVariables() map[string]bool {
	if g.numeric == nil {
		g.numeric = map[string]bool{}
		for _, op := range g.api.Operations {
			if op.Body != nil {
				for _, name := range op.Body.Unquoted {
					g.numeric[name] = true
				}
			}
		}
	}
	return g.numeric
}

// beforeCalls emits the harness calls that give the variables a step
// reads test values: JSON values of the right type for variables that
// stand unquoted in the step's JSON body, the number 1 for those that
// stand unquoted in another step's body, and text for the others.
func beforeCalls(op *model.Operation, numeric map[string]bool) []jen.Code {
	values := placeholderValues(op)
	var text, unquoted []jen.Code
	for _, r := range op.Reads {
		switch v, ok := values[r]; {
		case ok:
			unquoted = append(unquoted, jen.Lit(r), jen.Lit(v))
		case numeric[r]:
			unquoted = append(unquoted, jen.Lit(r), jen.Lit("1"))
		default:
			text = append(text, jen.Lit(r))
		}
	}
	var out []jen.Code
	if len(unquoted) > 0 {
		// h.unquoted(t, "amount", "1", "name", `"pmgen-test-name"`)
		out = append(out, jen.Id("h").Dot("unquoted").Call(append([]jen.Code{jen.Id("t")}, unquoted...)...))
	}
	// h.before(t, &opX, "pmgen-test-", "a", "b")
	args := append([]jen.Code{jen.Id("t"), jen.Op("&").Id(operationVarName(op)), jen.Lit("pmgen-test-")}, text...)
	return append(out, jen.Id("h").Dot("before").Call(args...))
}

// checkStatements emits the checks of the operation's test scripts, each
// after a comment with its source line, and logs the statements of its
// scripts that were not translated.
func checkStatements(op *model.Operation) []jen.Code {
	var blocks [][]jen.Code
	for _, s := range op.PreRequest {
		if u := untranslatedLogs(s); len(u) > 0 {
			blocks = append(blocks, u)
		}
	}
	for _, s := range op.Test {
		stmts := filterStatements(s.Statements, keepChecks)
		if len(stmts) == 0 {
			continue
		}
		w := newScriptWriter(s)
		w.check = func(name string, cond jen.Code, source string) jen.Code {
			return jen.Id("h").Dot("check").Call(jen.Id("t"), jen.Lit(name), cond, jen.Lit(source))
		}
		w.untranslated = untranslatedLog(s)
		blocks = append(blocks, append(letDeclarations(stmts), w.statements(stmts)...))
	}
	return joinScriptBlocks(blocks)
}

// paramValue is the test's argument for a method parameter: the path
// variable's value from the collection, expanded, or a test value.
func paramValue(p *model.Param) jen.Code {
	if p.Source == model.FromPathVariable {
		if p.Default != "" {
			return jen.Id("h").Dot("expand").Call(jen.Id("t"), jen.Lit(p.Default))
		}
		return jen.Lit("pmgen-test-" + p.Name)
	}
	// A variable nothing defines: h.param(t, "name")
	return jen.Id("h").Dot("param").Call(jen.Id("t"), jen.Lit(p.Name))
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
		if strings.TrimSpace(b.JSONTemplate) == "" {
			// var variables T: the collection sends no variables.
			return jen.Id(name), []jen.Code{jen.Var().Id(name).Add(bodyGoType(b.Type))}
		}
		// var body T; h.decodeJSON(t, template, &body)
		decode := jen.Id("h").Dot("decodeJSON").Call(jen.Id("t"), stringLit(b.JSONTemplate), jen.Op("&").Id(name))
		if b.Kind == model.BodyGraphQL {
			// h.decodeGraphQL(t, query, template, &variables)
			decode = jen.Id("h").Dot("decodeGraphQL").Call(jen.Id("t"), stringLit(b.GraphQLQuery), stringLit(b.JSONTemplate), jen.Op("&").Id(name))
		}
		return jen.Id(name), []jen.Code{jen.Var().Id(name).Add(bodyGoType(b.Type)), decode}
	case model.BodyText:
		return jen.Id("h").Dot("text").Call(jen.Id("t"), stringLit(b.Template)), nil
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

// untranslatedLogs emits a log line for each statement of a script that
// was not translated, for scripts whose other statements the step does not
// emit, such as prerequest scripts.
func untranslatedLogs(s *script.Script) []jen.Code {
	var out []jen.Code
	log := untranslatedLog(s)
	var walk func([]script.Statement)
	walk = func(stmts []script.Statement) {
		for _, st := range stmts {
			switch st := st.(type) {
			case *script.Unsupported:
				out = append(out, log(st))
			case *script.If:
				walk(st.Then)
				walk(st.Else)
			}
		}
	}
	walk(s.Statements)
	return out
}

// untranslatedLog returns the emitter of one untranslated statement: the
// statement as a comment, and a log line naming it.
//
//	// not translated: pm.sendRequest(...)
//	t.Log("prerequest script of Смена / Открыть смену, line 3: not translated: ...")
func untranslatedLog(s *script.Script) func(*script.Unsupported) jen.Code {
	return func(st *script.Unsupported) jen.Code {
		text := oneLine(st.Text)
		msg := fmt.Sprintf("%s script of %s, line %d: not translated (%s): %s", s.Listen, s.Where, st.Line, st.Reason, text)
		return jen.Comment(commentText("not translated: " + text)).Line().
			Id("t").Dot("Log").Call(jen.Lit(msg))
	}
}
