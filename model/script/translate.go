package script

import (
	"errors"
	"fmt"
	"strings"

	"github.com/dop251/goja/ast"
	"github.com/dop251/goja/parser"

	"github.com/pmgen/pmgen/diag"
)

// Translate parses in.Source as JavaScript and translates its statements.
// It never fails: a syntax error or a statement outside the supported
// idioms becomes a warning and an *Unsupported statement.
func Translate(in Input) (*Script, diag.List) {
	t := newTranslator(in)
	s := &Script{Listen: in.Listen, Where: in.Where, Source: in.Source, Pos: in.Pos}

	body, err := t.parse()
	if err != nil {
		s.Statements = t.syntaxError(err)
	} else {
		s.Statements = t.block(body, newScope(nil, functionScope), nil)
	}

	s.Reads = t.flow.sorted(t.flow.reads)
	s.Sets = t.flow.sorted(t.flow.sets)
	s.Unsets = t.flow.sorted(t.flow.unsets)
	s.Counts = t.counts
	return s, t.diags
}

// wrapPrefix turns a script into a function body for a second parse, so
// that a top-level return, which Postman accepts, parses. It has no
// newline, so script lines keep their numbers.
const wrapPrefix = "(function(){"

// translator holds the state of one Translate call.
type translator struct {
	in Input
	// parsed is the text given to the parser and offset the byte offset
	// of in.Source within it.
	parsed string
	offset int
	// lineStarts are the byte offsets in in.Source where lines start.
	lineStarts []int

	diags  diag.List
	counts Counts
	flow   flow
	// letNames are the names of the Let statements made so far.
	letNames map[string]bool
}

func newTranslator(in Input) *translator {
	t := &translator{in: in, letNames: map[string]bool{}}
	t.lineStarts = append(t.lineStarts, 0)
	for i := 0; i < len(in.Source); i++ {
		if in.Source[i] == '\n' {
			t.lineStarts = append(t.lineStarts, i+1)
		}
	}
	return t
}

// parse parses the script as a program, and as a function body when the
// program has a top-level return.
func (t *translator) parse() ([]ast.Statement, error) {
	t.parsed, t.offset = t.in.Source, 0
	prog, err := parser.ParseFile(nil, "", t.parsed, 0, parser.WithDisableSourceMaps)
	if err == nil {
		return prog.Body, nil
	}
	if !strings.Contains(err.Error(), "Illegal return statement") {
		return nil, err
	}

	t.parsed, t.offset = wrapPrefix+t.in.Source+"\n})", len(wrapPrefix)
	prog, err2 := parser.ParseFile(nil, "", t.parsed, 0, parser.WithDisableSourceMaps)
	if err2 != nil {
		t.parsed, t.offset = t.in.Source, 0
		return nil, err
	}
	st, ok := prog.Body[0].(*ast.ExpressionStatement)
	if !ok {
		return nil, err
	}
	fn, ok := st.Expression.(*ast.FunctionLiteral)
	if !ok {
		return nil, err
	}
	return fn.Body.List, nil
}

// syntaxError reports err once and returns one *Unsupported for each line
// of the script that holds code.
func (t *translator) syntaxError(err error) []Statement {
	line := 1
	msg := err.Error()
	var list parser.ErrorList
	if errors.As(err, &list) && len(list) > 0 {
		line = list[0].Position.Line
		msg = list[0].Message
	}
	t.diags.Warn(CodeSyntax, t.position(line), t.in.Where,
		"script is not valid JavaScript, so none of it is translated: line %d: %s", line, msg)

	var out []Statement
	for i, text := range strings.Split(t.in.Source, "\n") {
		text = strings.TrimSpace(text)
		if text == "" || strings.HasPrefix(text, "//") {
			continue
		}
		t.counts.Statements++
		t.counts.Unsupported++
		out = append(out, &Unsupported{Line: i + 1, Text: text, Code: CodeSyntax, Reason: "syntax error: " + msg})
	}
	return out
}

// position returns the position of script line line in the collection.
func (t *translator) position(line int) diag.Position {
	pos := t.in.Pos
	if pos.Line > 0 {
		pos.Line += line - 1
		pos.Col = 0
	}
	return pos
}

// start returns the byte offset in t.parsed where a node starts. The
// parser records no position for the "if" keyword, so an if statement
// starts at the "if" before its condition.
func (t *translator) start(n ast.Node) int {
	st, ok := n.(*ast.IfStatement)
	if !ok {
		return int(n.Idx0()) - 1
	}
	p := int(st.Test.Idx0()) - 1
	for p > 0 && strings.IndexByte(" \t\r\n(", t.parsed[p-1]) >= 0 {
		p--
	}
	if p >= 2 && t.parsed[p-2:p] == "if" {
		p -= 2
	}
	return p
}

// lineOf returns the 1-based script line of a node.
func (t *translator) lineOf(n ast.Node) int {
	off := t.start(n) - t.offset
	line := 0
	for line+1 < len(t.lineStarts) && t.lineStarts[line+1] <= off {
		line++
	}
	return line + 1
}

// text returns the source text of a node.
func (t *translator) text(n ast.Node) string {
	if n == nil {
		return ""
	}
	from, to := int(n.Idx0())-1, int(n.Idx1())-1
	if from < 0 || to > len(t.parsed) || from > to {
		return ""
	}
	return t.parsed[from:to]
}

// maxTextLen is the longest statement text kept in an *Unsupported, in
// bytes, for scripts written on one long line.
const maxTextLen = 200

// firstLine returns the source text of n on its first line, with " …"
// when the node goes on past that line.
func (t *translator) firstLine(n ast.Node) string {
	from := t.start(n)
	if from < 0 || from > len(t.parsed) {
		return ""
	}
	end := len(t.parsed)
	if i := strings.IndexByte(t.parsed[from:], '\n'); i >= 0 {
		end = from + i
	}
	text := strings.TrimSpace(t.parsed[from:end])
	if len(text) > maxTextLen {
		text = strings.ToValidUTF8(text[:maxTextLen], "")
		end = from
	}
	if int(n.Idx1())-1 > end {
		text += " …"
	}
	return text
}

// unsupportedError is the reason a statement or expression is not
// translated.
type unsupportedError struct {
	code   diag.Code
	reason string
}

func (e *unsupportedError) Error() string { return e.reason }

// unsupported returns an error with the generic code.
func unsupported(format string, args ...any) error {
	return &unsupportedError{code: CodeUnsupported, reason: fmt.Sprintf(format, args...)}
}

// block translates a list of statements in sc. test is the name of the
// enclosing pm.test, nil outside one.
func (t *translator) block(list []ast.Statement, sc *scope, test *string) []Statement {
	var out []Statement
	for _, st := range list {
		out = append(out, t.statement(st, sc, test)...)
	}
	return out
}

// statement translates one statement. Blocks, pm.test calls and if
// statements are containers: they are not counted themselves, the
// statements inside them are.
func (t *translator) statement(st ast.Statement, sc *scope, test *string) []Statement {
	switch st := st.(type) {
	case *ast.EmptyStatement:
		return nil
	case *ast.BlockStatement:
		return t.block(st.List, newScope(sc, blockScope), test)
	case *ast.IfStatement:
		return t.ifStatement(st, sc, test)
	case *ast.ExpressionStatement:
		if call, ok := st.Expression.(*ast.CallExpression); ok && dotted(call.Callee) == "pm.test" {
			body, name, err := t.testCallback(call)
			if err == nil {
				return t.block(body, newScope(sc, functionScope), &name)
			}
			return t.leaf(st, func() ([]Statement, error) { return nil, err }, st)
		}
	}
	return t.leaf(st, func() ([]Statement, error) { return t.simpleStatement(st, sc, test) }, st)
}

// leaf counts one statement and runs translate. On failure it returns an
// *Unsupported in place of the statement, reports it and drops the
// variable reads and writes the failed attempt recorded.
func (t *translator) leaf(n ast.Node, translate func() ([]Statement, error), at ast.Node) []Statement {
	t.counts.Statements++
	mark := t.flow.mark()
	out, err := translate()
	if err == nil {
		t.counts.Translated++
		return out
	}
	t.flow.reset(mark)
	t.counts.Unsupported++

	u := &Unsupported{Line: t.lineOf(at), Text: t.firstLine(n), Code: CodeUnsupported, Reason: err.Error()}
	var ue *unsupportedError
	if errors.As(err, &ue) {
		u.Code = ue.code
	}
	t.diags.Warn(u.Code, t.position(u.Line), t.in.Where,
		"script statement %q is not translated: %s", u.Text, u.Reason)
	return []Statement{u}
}

// testCallback returns the body statements and the name of
// pm.test(name, callback).
func (t *translator) testCallback(call *ast.CallExpression) ([]ast.Statement, string, error) {
	notFunction := unsupported("pm.test takes a name and a function literal")
	async := unsupported("async test callbacks are not translated")
	if len(call.ArgumentList) != 2 {
		return nil, "", notFunction
	}
	name := t.text(call.ArgumentList[0])
	if lit, ok := call.ArgumentList[0].(*ast.StringLiteral); ok {
		name = lit.Value.String()
	}
	switch fn := call.ArgumentList[1].(type) {
	case *ast.FunctionLiteral:
		if fn.Async || fn.Generator {
			return nil, "", async
		}
		return fn.Body.List, name, nil
	case *ast.ArrowFunctionLiteral:
		if fn.Async {
			return nil, "", async
		}
		switch body := fn.Body.(type) {
		case *ast.BlockStatement:
			return body.List, name, nil
		case *ast.ExpressionBody:
			return []ast.Statement{&ast.ExpressionStatement{Expression: body.Expression}}, name, nil
		}
	}
	return nil, "", notFunction
}

// ifStatement translates an if statement whose condition translates into
// an *If; otherwise the whole statement is one unsupported statement.
func (t *translator) ifStatement(st *ast.IfStatement, sc *scope, test *string) []Statement {
	mark := t.flow.mark()
	cond, err := t.predicate(st.Test, sc)
	if err != nil {
		t.flow.reset(mark)
		return t.leaf(st, func() ([]Statement, error) {
			return nil, fmt.Errorf("condition %q: %w", t.text(st.Test), err)
		}, st)
	}
	out := &If{Line: t.lineOf(st), Cond: cond}
	out.Then = t.statement(st.Consequent, newScope(sc, branchScope), test)
	if st.Alternate != nil {
		out.Else = t.statement(st.Alternate, newScope(sc, branchScope), test)
	}
	return []Statement{out}
}

// simpleStatement translates a statement that is not a container.
func (t *translator) simpleStatement(st ast.Statement, sc *scope, test *string) ([]Statement, error) {
	line := t.lineOf(st)
	switch st := st.(type) {
	case *ast.ExpressionStatement:
		return t.expressionStatement(st.Expression, sc, test, line)
	case *ast.VariableStatement:
		return t.declare(st.List, sc, sc.function(), line)
	case *ast.LexicalDeclaration:
		return t.declare(st.List, sc, sc, line)
	case *ast.FunctionDeclaration:
		return nil, unsupported("function declarations are not translated")
	case *ast.ReturnStatement:
		return nil, unsupported("return statements are not translated")
	case *ast.ForStatement, *ast.ForInStatement, *ast.ForOfStatement, *ast.WhileStatement, *ast.DoWhileStatement:
		return nil, unsupported("loops are not translated")
	case *ast.TryStatement:
		return nil, unsupported("try statements are not translated")
	case *ast.SwitchStatement:
		return nil, unsupported("switch statements are not translated")
	case *ast.ThrowStatement:
		return nil, unsupported("throw statements are not translated")
	}
	return nil, unsupported("this kind of statement is not translated")
}

// expressionStatement translates an expression used as a statement: a
// call, an assignment or a chai property assertion.
func (t *translator) expressionStatement(e ast.Expression, sc *scope, test *string, line int) ([]Statement, error) {
	switch e := e.(type) {
	case *ast.CallExpression:
		return t.callStatement(e, sc, test, line)
	case *ast.AssignExpression:
		return t.assign(e, sc, line)
	case *ast.DotExpression:
		if isAssertionChain(e) {
			return t.check(e, sc, test, line)
		}
	}
	return nil, unsupported("expression statement %q has no effect that is translated", t.text(e))
}

// setCalls maps the calls that set a variable to the variable's scope.
var setCalls = map[string]Scope{
	"pm.environment.set":             ScopeEnvironment,
	"pm.collectionVariables.set":     ScopeCollection,
	"pm.variables.set":               ScopeLocal,
	"pm.globals.set":                 ScopeGlobal,
	"postman.setEnvironmentVariable": ScopeEnvironment,
	"postman.setGlobalVariable":      ScopeGlobal,
}

// unsetCalls maps the calls that remove a variable to the variable's scope.
var unsetCalls = map[string]Scope{
	"pm.environment.unset":             ScopeEnvironment,
	"pm.collectionVariables.unset":     ScopeCollection,
	"pm.variables.unset":               ScopeLocal,
	"pm.globals.unset":                 ScopeGlobal,
	"postman.clearEnvironmentVariable": ScopeEnvironment,
	"postman.clearGlobalVariable":      ScopeGlobal,
}

// callStatement translates a call used as a statement.
func (t *translator) callStatement(call *ast.CallExpression, sc *scope, test *string, line int) ([]Statement, error) {
	callee := dotted(call.Callee)
	if scope, ok := setCalls[callee]; ok {
		return t.set(call, scope, sc, line)
	}
	if scope, ok := unsetCalls[callee]; ok {
		if len(call.ArgumentList) != 1 {
			return nil, unsupported("%s takes one argument, the variable name", callee)
		}
		name, err := t.variableName(call.ArgumentList[0], sc)
		if err != nil {
			return nil, err
		}
		t.flow.unset(scope, name)
		return []Statement{&Unset{Line: line, Scope: scope, Name: name}}, nil
	}

	switch {
	case strings.HasPrefix(callee, "console."):
		// Logging has no effect on requests, so it is dropped.
		return nil, nil
	case callee == "pm.test.skip":
		// Postman does not run the callback of a skipped test.
		return nil, nil
	case callee == "pm.sendRequest":
		return nil, &unsupportedError{code: CodeSendRequest,
			reason: "pm.sendRequest sends a request of its own, which the generated client never sends"}
	case callee == "pm.setNextRequest" || callee == "postman.setNextRequest" || callee == "pm.execution.setNextRequest":
		return nil, &unsupportedError{code: CodeSetNextRequest,
			reason: "setNextRequest changes the order of requests, but generated sequences keep collection order"}
	case callee == "pm.expect.fail":
		return t.fail(call, sc, test, line)
	case isAssertionChain(call):
		return t.check(call, sc, test, line)
	}
	if callee == "" {
		return nil, unsupported("call of %q is not translated", t.text(call.Callee))
	}
	return nil, unsupported("call of %s is not translated", callee)
}

// set translates a call that assigns a variable.
func (t *translator) set(call *ast.CallExpression, scope Scope, sc *scope, line int) ([]Statement, error) {
	callee := dotted(call.Callee)
	if len(call.ArgumentList) != 2 {
		return nil, unsupported("%s takes two arguments, the variable name and its value", callee)
	}
	name, err := t.variableName(call.ArgumentList[0], sc)
	if err != nil {
		return nil, err
	}
	value, err := t.expr(call.ArgumentList[1], sc)
	if err != nil {
		return nil, err
	}
	t.flow.set(scope, name)
	return []Statement{&Set{Line: line, Scope: scope, Name: name, Value: value}}, nil
}

// variableName returns the variable name argument of a get, set or unset
// call, which must be a string known without running the script.
func (t *translator) variableName(arg ast.Expression, sc *scope) (string, error) {
	v, err := t.expr(arg, sc)
	if err != nil {
		return "", err
	}
	if lit, ok := v.(*Literal); ok {
		if s, ok := lit.Value.(string); ok {
			return s, nil
		}
	}
	return "", unsupported("variable name %q is not a string literal", t.text(arg))
}

// check translates an assertion statement into a *Check.
func (t *translator) check(e ast.Expression, sc *scope, test *string, line int) ([]Statement, error) {
	a, err := t.assertion(e, sc)
	if err != nil {
		return nil, err
	}
	name := ""
	if test != nil {
		name = *test
	}
	return []Statement{&Check{Line: line, Name: name, Assertion: a}}, nil
}

// fail translates pm.expect.fail([message]).
func (t *translator) fail(call *ast.CallExpression, sc *scope, test *string, line int) ([]Statement, error) {
	a := Assertion{Op: OpFail}
	switch len(call.ArgumentList) {
	case 0:
	case 1:
		msg, err := t.expr(call.ArgumentList[0], sc)
		if err != nil {
			return nil, err
		}
		a.Expected = msg
	default:
		return nil, unsupported("pm.expect.fail with actual and expected values is not translated")
	}
	name := ""
	if test != nil {
		name = *test
	}
	return []Statement{&Check{Line: line, Name: name, Assertion: a}}, nil
}

// assign translates tests["name"] = condition and assignments to local
// variables.
func (t *translator) assign(a *ast.AssignExpression, sc *scope, line int) ([]Statement, error) {
	if a.Operator.String() != "=" {
		return nil, unsupported("compound assignment %q is not translated", t.text(a))
	}
	switch left := a.Left.(type) {
	case *ast.BracketExpression:
		if isGlobal(left.Left, "tests", sc) {
			name := t.text(left.Member)
			if lit, ok := left.Member.(*ast.StringLiteral); ok {
				name = lit.Value.String()
			}
			return t.testsEntry(name, a.Right, sc, line)
		}
	case *ast.DotExpression:
		if isGlobal(left.Left, "tests", sc) {
			return t.testsEntry(left.Identifier.Name.String(), a.Right, sc, line)
		}
	case *ast.Identifier:
		return t.bind(left.Name.String(), a.Right, sc, line)
	}
	return nil, unsupported("assignment to %q is not translated", t.text(a.Left))
}

// testsEntry translates tests[name] = condition, the assertion of the
// legacy sandbox: the test passes when the condition is truthy.
func (t *translator) testsEntry(name string, cond ast.Expression, sc *scope, line int) ([]Statement, error) {
	a, err := t.predicate(cond, sc)
	if err != nil {
		return nil, err
	}
	return []Statement{&Check{Line: line, Name: name, Assertion: a}}, nil
}

// isGlobal reports whether e is the identifier name and no local variable
// of the script shadows it.
func isGlobal(e ast.Expression, name string, sc *scope) bool {
	id, ok := e.(*ast.Identifier)
	return ok && id.Name.String() == name && sc.lookup(name) == nil
}
