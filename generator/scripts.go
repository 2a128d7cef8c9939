package generator

import (
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/dave/jennifer/jen"

	"github.com/pmgen/pmgen/model"
	"github.com/pmgen/pmgen/model/script"
)

// statementKind selects which translated statements an emitter keeps: the
// client runs variable assignments, the tests run checks.
type statementKind uint8

const (
	keepAssignments statementKind = iota
	keepChecks
)

// keeps reports whether a leaf statement belongs to the kind.
func (k statementKind) keeps(st script.Statement) bool {
	switch st.(type) {
	case *script.Set, *script.Unset:
		return k == keepAssignments
	case *script.Check, *script.Unsupported:
		return k == keepChecks
	}
	return false
}

// preScriptName and postScriptName name the functions that hold the Go
// translation of an operation's prerequest and test scripts.
func preScriptName(op *model.Operation) string  { return "pre" + op.GoName }
func postScriptName(op *model.Operation) string { return "post" + op.GoName }

// scriptFuncs emits the functions an operation's descriptor names as its
// preScript and postScript, and reports whether there are any. They are top-level functions rather than
// function literals in the descriptor, because go/printer measures every
// element of a composite literal again and again when it aligns it:
//
//	// postOtkrytSmenu runs what the test scripts of OtkrytSmenu store.
//	func postOtkrytSmenu(e *scriptEnv) {
//		// pm.environment.set("token", pm.response.json().token)
//		e.set(ScopeEnvironment, "token", e.json("token"))
//	}
func scriptFuncs(op *model.Operation) (jen.Code, bool) {
	var out []jen.Code
	if body := scriptBody(op.PreRequest); body != nil {
		out = append(out,
			commentLine(fmt.Sprintf("%s runs what the prerequest scripts of %s store.", preScriptName(op), op.GoName)),
			jen.Func().Id(preScriptName(op)).Params(jen.Id("e").Op("*").Id("scriptEnv")).Block(body...).Line())
	}
	if body := scriptBody(op.Test); body != nil {
		out = append(out,
			commentLine(fmt.Sprintf("%s runs what the test scripts of %s store.", postScriptName(op), op.GoName)),
			jen.Func().Id(postScriptName(op)).Params(jen.Id("e").Op("*").Id("scriptEnv")).Block(body...).Line())
	}
	return jen.Add(out...), len(out) > 0
}

// hasAssignments reports whether scripts set or unset any variable, so
// that scriptBody returns statements for them.
func hasAssignments(scripts []*script.Script) bool {
	for _, s := range scripts {
		if len(filterStatements(s.Statements, keepAssignments)) > 0 {
			return true
		}
	}
	return false
}

// scriptBody returns the Go translation of the variable assignments of
// scripts, nil when none is left.
func scriptBody(scripts []*script.Script) []jen.Code {
	var blocks [][]jen.Code
	for _, s := range scripts {
		stmts := filterStatements(s.Statements, keepAssignments)
		if len(stmts) == 0 {
			continue
		}
		blocks = append(blocks, append(letDeclarations(stmts), newScriptWriter(s).statements(stmts)...))
	}
	if len(blocks) == 0 {
		return nil
	}
	return joinScriptBlocks(blocks)
}

// joinScriptBlocks joins the statements of several scripts; when there is
// more than one, each gets a block so that its locals stay its own.
func joinScriptBlocks(blocks [][]jen.Code) []jen.Code {
	if len(blocks) == 1 {
		return blocks[0]
	}
	var out []jen.Code
	for _, b := range blocks {
		out = append(out, jen.Block(b...))
	}
	return out
}

// filterStatements keeps the statements of a kind, the ifs that contain
// some, and the lets their expressions read.
func filterStatements(stmts []script.Statement, kind statementKind) []script.Statement {
	kept := keepLeaves(stmts, kind)
	used := map[string]bool{}
	collectLocals(kept, used)
	// A let may read another let's local, so repeat until nothing changes.
	for {
		n := len(used)
		for _, st := range stmts {
			if let, ok := st.(*script.Let); ok && used[let.Name] {
				exprLocals(let.Value, used)
			}
		}
		if len(used) == n {
			break
		}
	}
	var out []script.Statement
	for _, st := range stmts {
		switch st := st.(type) {
		case *script.Let:
			if used[st.Name] {
				out = append(out, st)
			}
		default:
			if slices.Contains(kept, script.Statement(st)) {
				out = append(out, st)
			}
		}
	}
	return out
}

// keepLeaves returns the statements of a kind and the ifs that hold some,
// with their branches filtered the same way.
func keepLeaves(stmts []script.Statement, kind statementKind) []script.Statement {
	var out []script.Statement
	for _, st := range stmts {
		switch st := st.(type) {
		case *script.If:
			then, els := keepLeaves(st.Then, kind), keepLeaves(st.Else, kind)
			if len(then)+len(els) > 0 {
				out = append(out, &script.If{Line: st.Line, Cond: st.Cond, Then: withLets(st.Then, then), Else: withLets(st.Else, els)})
			}
		default:
			if kind.keeps(st) {
				out = append(out, st)
			}
		}
	}
	return out
}

// withLets puts back the lets of a branch in front of its kept statements.
func withLets(all, kept []script.Statement) []script.Statement {
	var out []script.Statement
	for _, st := range all {
		if _, ok := st.(*script.Let); ok {
			out = append(out, st)
		} else if slices.Contains(kept, st) {
			out = append(out, st)
		}
	}
	return out
}

// collectLocals adds the locals that statements read to used.
func collectLocals(stmts []script.Statement, used map[string]bool) {
	for _, st := range stmts {
		switch st := st.(type) {
		case *script.Set:
			exprLocals(st.Value, used)
		case *script.Check:
			assertionLocals(st.Assertion, used)
		case *script.If:
			assertionLocals(st.Cond, used)
			collectLocals(st.Then, used)
			collectLocals(st.Else, used)
		case *script.Let:
			if used[st.Name] {
				exprLocals(st.Value, used)
			}
		}
	}
}

func assertionLocals(a script.Assertion, used map[string]bool) {
	exprLocals(a.Actual, used)
	exprLocals(a.Expected, used)
	for _, op := range a.Operands {
		assertionLocals(op, used)
	}
}

func exprLocals(e script.Expr, used map[string]bool) {
	switch e := e.(type) {
	case *script.Local:
		used[e.Name] = true
	case *script.Concat:
		for _, p := range e.Parts {
			exprLocals(p, used)
		}
	case *script.Length:
		exprLocals(e.X, used)
	case *script.Substring:
		exprLocals(e.X, used)
	case *script.Base64:
		exprLocals(e.X, used)
	case *script.Stringify:
		exprLocals(e.X, used)
	case *script.ParseJSON:
		exprLocals(e.X, used)
	case *script.ParseNumber:
		exprLocals(e.X, used)
	case *script.Condition:
		assertionLocals(e.Assertion, used)
	}
}

// scriptWriter turns the statements of one script into Go.
type scriptWriter struct {
	script *script.Script
	lines  []string
	// check emits one check and untranslated a statement that was not
	// translated; both are nil when the writer emits client code.
	check        func(name string, cond jen.Code, source string) jen.Code
	untranslated func(st *script.Unsupported) jen.Code
}

func newScriptWriter(s *script.Script) *scriptWriter {
	return &scriptWriter{script: s, lines: strings.Split(s.Source, "\n")}
}

// sourceLine returns the script line of a statement, trimmed.
func (w *scriptWriter) sourceLine(line int) string {
	if line < 1 || line > len(w.lines) {
		return ""
	}
	return strings.TrimSpace(w.lines[line-1])
}

// letDeclarations declares the locals of every let in stmts up front, as
// JavaScript's var does, so that a local set in one branch of an if can
// be read after it:
//
//	jsID := jsUndefined
//	_ = jsID
func letDeclarations(stmts []script.Statement) []jen.Code {
	var names []string
	var collect func([]script.Statement)
	collect = func(list []script.Statement) {
		for _, st := range list {
			switch st := st.(type) {
			case *script.Let:
				if !slices.Contains(names, st.Name) {
					names = append(names, st.Name)
				}
			case *script.If:
				collect(st.Then)
				collect(st.Else)
			}
		}
	}
	collect(stmts)
	var out []jen.Code
	for _, n := range names {
		out = append(out, jen.Id(localName(n)).Op(":=").Id("jsUndefined"), jen.Id("_").Op("=").Id(localName(n)))
	}
	return out
}

// statements emits stmts, each after a comment with its source line.
func (w *scriptWriter) statements(stmts []script.Statement) []jen.Code {
	var out []jen.Code
	for _, st := range stmts {
		code := w.statement(st)
		if src := w.sourceLine(st.ScriptLine()); src != "" {
			code = jen.Comment(commentText(oneLine(src))).Line().Add(code)
		}
		out = append(out, code)
	}
	return out
}

func (w *scriptWriter) statement(st script.Statement) jen.Code {
	switch st := st.(type) {
	case *script.Set:
		// e.set(ScopeEnvironment, "name", value)
		return jen.Id("e").Dot("set").Call(jen.Id(runtimeScope(st.Scope)), jen.Lit(st.Name), exprCode(st.Value))
	case *script.Unset:
		return jen.Id("e").Dot("unset").Call(jen.Id(runtimeScope(st.Scope)), jen.Lit(st.Name))
	case *script.Let:
		return jen.Id(localName(st.Name)).Op("=").Add(exprCode(st.Value))
	case *script.If:
		stmt := jen.If(assertionCode(st.Cond)).Block(w.statements(st.Then)...)
		if len(st.Else) > 0 {
			stmt = stmt.Else().Block(w.statements(st.Else)...)
		}
		return stmt
	case *script.Check:
		if w.check == nil {
			return jen.Null()
		}
		return w.check(st.Name, assertionCode(st.Assertion), w.sourceLine(st.Line))
	case *script.Unsupported:
		if w.untranslated == nil {
			return jen.Null()
		}
		return w.untranslated(st)
	}
	return jen.Null()
}

// localName is the Go name of a script's local variable: "js" and the
// name with ASCII letters and digits kept, "_" doubled and any other
// character written as "_", its hex code point and "_", so that two
// JavaScript names never share a Go name: "a_b" gives "jsa__b", "a$b"
// "jsa_24_b".
func localName(name string) string {
	var b strings.Builder
	b.WriteString("js")
	for _, r := range name {
		switch {
		case r >= '0' && r <= '9', r >= 'a' && r <= 'z', r >= 'A' && r <= 'Z':
			b.WriteRune(r)
		case r == '_':
			b.WriteString("__")
		default:
			fmt.Fprintf(&b, "_%x_", r)
		}
	}
	return b.String()
}

// exprCode emits an expression that yields a JavaScript value as any.
func exprCode(e script.Expr) jen.Code {
	switch e := e.(type) {
	case nil:
		return jen.Id("jsUndefined")
	case *script.Literal:
		return literalCode(e.Value)
	case *script.ResponseJSON:
		args := make([]jen.Code, 0, len(e.Path))
		for _, step := range e.Path {
			if step.IsIndex {
				args = append(args, jen.Lit(step.Index))
			} else {
				args = append(args, jen.Lit(step.Key))
			}
		}
		return jen.Id("e").Dot("json").Call(args...)
	case *script.ResponseHeader:
		return jen.Id("e").Dot("header").Call(jen.Lit(e.Name))
	case *script.ResponseCode:
		return jen.Id("e").Dot("code").Call()
	case *script.ResponseStatus:
		return jen.Id("e").Dot("status").Call()
	case *script.ResponseTime:
		return jen.Id("e").Dot("responseTime").Call()
	case *script.ResponseText:
		return jen.Id("e").Dot("text").Call()
	case *script.Variable:
		if e.Scope == script.ScopeAny {
			return jen.Id("e").Dot("variable").Call(jen.Lit(e.Name))
		}
		return jen.Id("e").Dot("scoped").Call(jen.Id(runtimeScope(e.Scope)), jen.Lit(e.Name))
	case *script.Local:
		return jen.Id(localName(e.Name))
	case *script.Dynamic:
		return jen.Id("e").Dot("dyn").Call(jen.Lit(e.Name))
	case *script.Now:
		return jen.Id("e").Dot("time").Call(jen.Id(timeFormatConstant(e.Format)))
	case *script.Concat:
		parts := make([]jen.Code, len(e.Parts))
		for i, p := range e.Parts {
			parts[i] = exprCode(p)
		}
		return jen.Id("jsConcat").Call(parts...)
	case *script.Length:
		return jen.Id("jsLength").Call(exprCode(e.X))
	case *script.Substring:
		return jen.Id("jsSubstring").Call(exprCode(e.X), jen.Lit(e.Start), jen.Lit(e.End))
	case *script.Base64:
		return jen.Id("jsBase64").Call(exprCode(e.X))
	case *script.Stringify:
		return jen.Id("jsStringify").Call(exprCode(e.X))
	case *script.ParseJSON:
		return jen.Id("jsParseJSON").Call(exprCode(e.X))
	case *script.ParseNumber:
		return jen.Id("jsParseNumber").Call(exprCode(e.X), jen.Lit(e.Integer))
	case *script.Condition:
		return assertionCode(e.Assertion)
	}
	return jen.Id("jsUndefined")
}

// literalCode emits a literal: strings, numbers (always float64, as in
// JavaScript), booleans, null, and arrays and objects through their JSON.
func literalCode(v any) jen.Code {
	switch v := v.(type) {
	case nil:
		return jen.Nil()
	case bool:
		return jen.Lit(v)
	case string:
		return jen.Lit(v)
	case float64:
		return floatCode(v)
	}
	text, err := json.Marshal(v)
	if err != nil {
		return jen.Id("jsUndefined")
	}
	return jen.Id("jsLiteral").Call(jen.Lit(string(text)))
}

// floatCode emits a number. jennifer writes infinities and NaN as
// "+Inf" and "NaN", which are not Go, so they become calls of package math.
func floatCode(v float64) jen.Code {
	switch {
	case math.IsInf(v, 1):
		return jen.Qual("math", "Inf").Call(jen.Lit(1))
	case math.IsInf(v, -1):
		return jen.Qual("math", "Inf").Call(jen.Lit(-1))
	case math.IsNaN(v):
		return jen.Qual("math", "NaN").Call()
	}
	return jen.Lit(v)
}

func timeFormatConstant(f script.TimeFormat) string {
	switch f {
	case script.UnixSec:
		return "timeUnixSec"
	case script.ISO8601:
		return "timeISO"
	case script.ISODate:
		return "timeISODate"
	}
	return "timeUnixMilli"
}

// assertionCode emits a boolean expression for an assertion.
func assertionCode(a script.Assertion) jen.Code {
	cond := positiveAssertion(a)
	if a.Negate {
		return jen.Op("!").Parens(cond)
	}
	return cond
}

// assertionFuncs maps the ops that take an actual and an expected value to
// the runtime function that tests them.
var assertionFuncs = map[script.Op]string{
	script.OpEqual:       "jsStrictEqual",
	script.OpDeepEqual:   "jsDeepEqual",
	script.OpLooseEqual:  "jsLooseEqual",
	script.OpAbove:       "jsAbove",
	script.OpBelow:       "jsBelow",
	script.OpAtLeast:     "jsAtLeast",
	script.OpAtMost:      "jsAtMost",
	script.OpInclude:     "jsInclude",
	script.OpHasProperty: "jsHasProperty",
	script.OpLengthOf:    "jsLengthOf",
	script.OpOneOf:       "jsOneOf",
	script.OpJSONSchema:  "jsSchemaValid",
	script.OpStatusClass: "jsStatusClass",
}

func positiveAssertion(a script.Assertion) jen.Code {
	if fn, ok := assertionFuncs[a.Op]; ok {
		return jen.Id(fn).Call(exprCode(a.Actual), exprCode(a.Expected))
	}
	switch a.Op {
	case script.OpType:
		return jen.Id("jsType").Call(exprCode(a.Actual)).Op("==").Id("jsString").Call(exprCode(a.Expected))
	case script.OpExists:
		return jen.Id("jsExists").Call(exprCode(a.Actual))
	case script.OpUndefined:
		return jen.Id("isUndefined").Call(exprCode(a.Actual))
	case script.OpEmpty:
		return jen.Id("jsEmpty").Call(exprCode(a.Actual))
	case script.OpTruthy:
		return jen.Id("jsTruthy").Call(exprCode(a.Actual))
	case script.OpIsJSON:
		return jen.Id("e").Dot("isJSON").Call()
	case script.OpMatch:
		return jen.Id("jsMatch").Call(exprCode(a.Actual), jen.Id("jsString").Call(exprCode(a.Expected)))
	case script.OpAnd, script.OpOr:
		op := "&&"
		if a.Op == script.OpOr {
			op = "||"
		}
		var out *jen.Statement
		for i, operand := range a.Operands {
			c := jen.Parens(assertionCode(operand))
			if i == 0 {
				out = c
			} else {
				out = out.Op(op).Add(c)
			}
		}
		if out == nil {
			return jen.Lit(a.Op == script.OpAnd)
		}
		return out
	}
	// OpFail and ops this generator does not know never hold.
	return jen.False()
}

// runtimeScope names the runtime constant for a script scope.
func runtimeScope(s script.Scope) string {
	switch s {
	case script.ScopeLocal:
		return "ScopeLocal"
	case script.ScopeData:
		return "ScopeData"
	case script.ScopeCollection:
		return "ScopeCollection"
	case script.ScopeGlobal:
		return "ScopeGlobal"
	}
	return "ScopeEnvironment"
}
