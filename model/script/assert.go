package script

import (
	"slices"
	"strconv"
	"strings"

	"github.com/dop251/goja/ast"
	"github.com/dop251/goja/token"
)

// link is one step of a chai chain after its root: a property (.to, .ok)
// or a method call (.eql(1)).
type link struct {
	name string
	args []ast.Expression
	call bool
}

// chainOf splits a chai chain into its root, pm.expect(...) or
// pm.response, and the links after it in source order. It returns a nil
// root for any other expression.
func chainOf(e ast.Expression) (ast.Expression, []link) {
	var links []link
	for {
		if dotted(e) == "pm.response" {
			slices.Reverse(links)
			return e, links
		}
		switch x := e.(type) {
		case *ast.CallExpression:
			if dotted(x.Callee) == "pm.expect" {
				slices.Reverse(links)
				return x, links
			}
			dot, ok := x.Callee.(*ast.DotExpression)
			if !ok {
				return nil, nil
			}
			links = append(links, link{name: dot.Identifier.Name.String(), args: x.ArgumentList, call: true})
			e = dot.Left
		case *ast.DotExpression:
			links = append(links, link{name: x.Identifier.Name.String()})
			e = x.Left
		default:
			return nil, nil
		}
	}
}

// isAssertionChain reports whether e is pm.expect(...) followed by links,
// or pm.response.to followed by links.
func isAssertionChain(e ast.Expression) bool {
	root, links := chainOf(e)
	if root == nil || len(links) == 0 {
		return false
	}
	if _, isCall := root.(*ast.CallExpression); isCall {
		return true
	}
	return links[0].name == "to" && !links[0].call
}

// languageChains are the chai properties that only make a chain read
// well.
var languageChains = map[string]bool{
	"to": true, "be": true, "been": true, "is": true, "that": true, "which": true,
	"and": true, "has": true, "have": true, "with": true, "at": true, "of": true,
	"same": true, "but": true, "does": true, "still": true, "also": true,
	"a": true, "an": true,
}

// chainState is the subject and the flags a chai chain has set so far.
type chainState struct {
	response bool // the subject is pm.response itself
	subject  Expr
	// subjectErr is the reason the subject is unknown, after
	// .property(name) on a value other than the response JSON.
	subjectErr error
	negate     bool
	deep       bool
	length     bool // .length or .lengthOf as a property: assert on the length
}

// actual returns the value the next assertion of the chain tests.
func (st *chainState) actual() (Expr, error) {
	if st.subjectErr != nil {
		return nil, st.subjectErr
	}
	if st.length {
		return &Length{X: st.subject}, nil
	}
	return st.subject, nil
}

// assertion translates a chai chain: pm.expect(x)... or pm.response.to....
func (t *translator) assertion(e ast.Expression, sc *scope) (Assertion, error) {
	root, links := chainOf(e)
	st := &chainState{}
	if call, ok := root.(*ast.CallExpression); ok {
		if len(call.ArgumentList) < 1 || len(call.ArgumentList) > 2 {
			return Assertion{}, unsupported("pm.expect takes a value and an optional message")
		}
		arg := call.ArgumentList[0]
		switch {
		case dotted(arg) == "pm.response":
			st.response = true
		case isCondition(arg):
			return t.conditionChain(arg, links, sc)
		default:
			v, err := t.expr(arg, sc)
			if err != nil {
				return Assertion{}, err
			}
			st.subject = v
		}
	} else {
		st.response = true
	}
	if st.response {
		if _, err := t.response(&ResponseCode{}); err != nil {
			return Assertion{}, err
		}
	}

	var out []Assertion
	for _, l := range links {
		if !l.call {
			switch {
			case languageChains[l.name]:
				continue
			case l.name == "not":
				st.negate = !st.negate
				continue
			case l.name == "deep":
				st.deep = true
				continue
			}
		}
		var list []Assertion
		var err error
		if st.response {
			list, err = t.responseLink(st, l, sc)
		} else {
			list, err = t.valueLink(st, l, sc)
		}
		if err != nil {
			return Assertion{}, err
		}
		out = append(out, list...)
	}
	return combine(OpAnd, out, t.text(e))
}

// combine returns the single assertion of list, or op over all of them.
func combine(op Op, list []Assertion, text string) (Assertion, error) {
	switch len(list) {
	case 0:
		return Assertion{}, unsupported("assertion %q checks nothing", text)
	case 1:
		return list[0], nil
	}
	return Assertion{Op: op, Operands: list}, nil
}

// statusCodes are the chai-postman properties that assert one status code.
var statusCodes = map[string]float64{
	"ok": 200, "accepted": 202, "withoutContent": 204, "badRequest": 400,
	"unauthorised": 401, "unauthorized": 401, "forbidden": 403, "notFound": 404,
	"notAcceptable": 406, "rateLimited": 429,
}

// statusClasses are the chai-postman properties that assert the class of
// the status code.
var statusClasses = map[string]float64{
	"info": 1, "success": 2, "redirection": 3, "clientError": 4, "serverError": 5,
}

// responseLink translates one link of a chain on pm.response.
func (t *translator) responseLink(st *chainState, l link, sc *scope) ([]Assertion, error) {
	one := func(a Assertion) ([]Assertion, error) {
		if st.negate {
			a.Negate = !a.Negate
		}
		return []Assertion{a}, nil
	}
	if !l.call {
		// NOTE: chai-postman's ok, accepted and the other named statuses
		// also compare the reason phrase; only the code is checked here.
		if code, ok := statusCodes[l.name]; ok {
			return one(Assertion{Op: OpEqual, Actual: &ResponseCode{}, Expected: &Literal{Value: code}})
		}
		if class, ok := statusClasses[l.name]; ok {
			return one(Assertion{Op: OpStatusClass, Actual: &ResponseCode{}, Expected: &Literal{Value: class}})
		}
		switch l.name {
		case "error":
			return one(Assertion{Op: OpOr, Operands: []Assertion{
				{Op: OpStatusClass, Actual: &ResponseCode{}, Expected: &Literal{Value: 4.0}},
				{Op: OpStatusClass, Actual: &ResponseCode{}, Expected: &Literal{Value: 5.0}},
			}})
		case "withBody":
			return one(Assertion{Op: OpEmpty, Negate: true, Actual: &ResponseText{}})
		case "json":
			return one(Assertion{Op: OpIsJSON})
		case "responseTime":
			st.response, st.subject = false, &ResponseTime{}
			return nil, nil
		}
		return nil, unsupported("pm.response assertion %q is not translated", l.name)
	}

	switch l.name {
	case "status", "statusCode", "statusReason":
		if len(l.args) != 1 {
			return nil, unsupported("%s takes one argument", l.name)
		}
		v, err := t.expr(l.args[0], sc)
		if err != nil {
			return nil, err
		}
		var actual Expr = &ResponseCode{}
		if _, isText := stringLiteral(v); isText && l.name != "statusCode" || l.name == "statusReason" {
			actual = &ResponseStatus{}
		}
		return one(Assertion{Op: OpEqual, Actual: actual, Expected: v})
	case "statusCodeClass":
		if len(l.args) != 1 {
			return nil, unsupported("statusCodeClass takes one argument")
		}
		v, err := t.expr(l.args[0], sc)
		if err != nil {
			return nil, err
		}
		return one(Assertion{Op: OpStatusClass, Actual: &ResponseCode{}, Expected: v})
	case "header":
		return t.headerAssertion(l, sc, one)
	case "body":
		return t.bodyAssertion(l, sc, one)
	case "jsonBody":
		return t.jsonBodyAssertion(l, sc, one)
	case "jsonSchema":
		if len(l.args) != 1 {
			return nil, unsupported("jsonSchema with options is not translated")
		}
		schema, err := t.expr(l.args[0], sc)
		if err != nil {
			return nil, err
		}
		return one(Assertion{Op: OpJSONSchema, Actual: &ResponseJSON{}, Expected: schema})
	}
	return nil, unsupported("pm.response assertion %q is not translated", l.name)
}

// headerAssertion translates to.have.header(name[, value]).
func (t *translator) headerAssertion(l link, sc *scope, one func(Assertion) ([]Assertion, error)) ([]Assertion, error) {
	if len(l.args) < 1 || len(l.args) > 2 {
		return nil, unsupported("header takes a name and an optional value")
	}
	name, err := t.constantKey(l.args[0], sc)
	if err != nil {
		return nil, err
	}
	if len(l.args) == 1 {
		return one(Assertion{Op: OpExists, Actual: &ResponseHeader{Name: name}})
	}
	v, err := t.expr(l.args[1], sc)
	if err != nil {
		return nil, err
	}
	return one(Assertion{Op: OpEqual, Actual: &ResponseHeader{Name: name}, Expected: v})
}

// bodyAssertion translates to.have.body([text | object | regexp]).
func (t *translator) bodyAssertion(l link, sc *scope, one func(Assertion) ([]Assertion, error)) ([]Assertion, error) {
	switch len(l.args) {
	case 0:
		return one(Assertion{Op: OpEmpty, Negate: true, Actual: &ResponseText{}})
	case 1:
		if re, ok := l.args[0].(*ast.RegExpLiteral); ok {
			if re.Flags != "" {
				return nil, unsupported("regular expression flags %q are not translated", re.Flags)
			}
			return one(Assertion{Op: OpMatch, Actual: &ResponseText{}, Expected: &Literal{Value: re.Pattern}})
		}
		v, err := t.expr(l.args[0], sc)
		if err != nil {
			return nil, err
		}
		if lit, ok := v.(*Literal); ok {
			if _, isObject := lit.Value.(map[string]any); isObject {
				return one(Assertion{Op: OpDeepEqual, Actual: &ResponseJSON{}, Expected: v})
			}
		}
		return one(Assertion{Op: OpEqual, Actual: &ResponseText{}, Expected: v})
	}
	return nil, unsupported("body takes at most one argument")
}

// jsonBodyAssertion translates to.have.jsonBody([path[, value]]), where
// path is a lodash path such as "data.items[0].id".
func (t *translator) jsonBodyAssertion(l link, sc *scope, one func(Assertion) ([]Assertion, error)) ([]Assertion, error) {
	if len(l.args) == 0 {
		return one(Assertion{Op: OpIsJSON})
	}
	if len(l.args) > 2 {
		return nil, unsupported("jsonBody takes a path and an optional value")
	}
	lit, ok := l.args[0].(*ast.StringLiteral)
	if !ok {
		return nil, unsupported("jsonBody path %q is not a string literal", t.text(l.args[0]))
	}
	path, ok := parseLodashPath(lit.Value.String())
	if !ok {
		return nil, unsupported("jsonBody path %q is not translated", lit.Value.String())
	}
	last := path[len(path)-1]
	key := last.Key
	if last.IsIndex {
		key = strconv.Itoa(last.Index)
	}
	has := Assertion{Op: OpHasProperty, Actual: &ResponseJSON{Path: path[:len(path)-1]}, Expected: &Literal{Value: key}}
	if len(l.args) == 1 {
		return one(has)
	}
	v, err := t.expr(l.args[1], sc)
	if err != nil {
		return nil, err
	}
	return one(Assertion{Op: OpAnd, Operands: []Assertion{
		has,
		{Op: OpDeepEqual, Actual: &ResponseJSON{Path: path}, Expected: v},
	}})
}

// valueOps maps the chai methods that compare the subject with one
// expected value to their op.
var valueOps = map[string]Op{
	"equal": OpEqual, "equals": OpEqual, "eq": OpEqual,
	"eql": OpDeepEqual, "eqls": OpDeepEqual,
	"include": OpInclude, "includes": OpInclude, "contain": OpInclude, "contains": OpInclude,
	"string": OpInclude,
	"above":  OpAbove, "gt": OpAbove, "greaterThan": OpAbove,
	"below": OpBelow, "lt": OpBelow, "lessThan": OpBelow,
	"least": OpAtLeast, "gte": OpAtLeast, "greaterThanOrEqual": OpAtLeast,
	"most": OpAtMost, "lte": OpAtMost, "lessThanOrEqual": OpAtMost,
	"lengthOf": OpLengthOf, "length": OpLengthOf,
	"oneOf": OpOneOf,
}

// valueProperties maps the chai properties that assert on the subject
// alone to their assertion.
var valueProperties = map[string]Assertion{
	"ok":        {Op: OpTruthy},
	"true":      {Op: OpEqual, Expected: &Literal{Value: true}},
	"false":     {Op: OpEqual, Expected: &Literal{Value: false}},
	"null":      {Op: OpEqual, Expected: &Literal{Value: nil}},
	"undefined": {Op: OpUndefined},
	"exist":     {Op: OpExists},
	"empty":     {Op: OpEmpty},
}

// valueLink translates one link of a chain on pm.expect(value).
func (t *translator) valueLink(st *chainState, l link, sc *scope) ([]Assertion, error) {
	if !l.call {
		if l.name == "length" || l.name == "lengthOf" {
			st.length = true
			return nil, nil
		}
		a, ok := valueProperties[l.name]
		if !ok {
			return nil, unsupported("chai assertion %q is not translated", l.name)
		}
		actual, err := st.actual()
		if err != nil {
			return nil, err
		}
		a.Actual, a.Negate = actual, st.negate
		return []Assertion{a}, nil
	}

	switch l.name {
	case "a", "an":
		return t.typeAssertion(st, l)
	case "property", "haveOwnProperty", "ownProperty":
		return t.propertyAssertion(st, l, sc)
	case "within":
		if len(l.args) < 2 {
			return nil, unsupported("within takes a lower and an upper bound")
		}
		low, err := t.compare(st, OpAtLeast, l.args[0], sc)
		if err != nil {
			return nil, err
		}
		high, err := t.compare(st, OpAtMost, l.args[1], sc)
		if err != nil {
			return nil, err
		}
		low.Negate, high.Negate = false, false
		return []Assertion{{Op: OpAnd, Negate: st.negate, Operands: []Assertion{low, high}}}, nil
	case "match", "matches":
		return t.matchAssertion(st, l)
	case "jsonSchema":
		if len(l.args) != 1 {
			return nil, unsupported("jsonSchema with options is not translated")
		}
		a, err := t.compare(st, OpJSONSchema, l.args[0], sc)
		if err != nil {
			return nil, err
		}
		return []Assertion{a}, nil
	}

	op, ok := valueOps[l.name]
	if !ok {
		return nil, unsupported("chai assertion %q is not translated", l.name)
	}
	if len(l.args) < 1 || len(l.args) > 2 {
		return nil, unsupported("%s takes a value and an optional message", l.name)
	}
	if op == OpEqual && st.deep {
		op = OpDeepEqual
	}
	a, err := t.compare(st, op, l.args[0], sc)
	if err != nil {
		return nil, err
	}
	if op == OpOneOf {
		if lit, ok := a.Expected.(*Literal); !ok || !isArray(lit.Value) {
			return nil, unsupported("oneOf takes an array of constants")
		}
	}
	return []Assertion{a}, nil
}

// compare returns the assertion op(actual, expected) of a chain.
func (t *translator) compare(st *chainState, op Op, expected ast.Expression, sc *scope) (Assertion, error) {
	actual, err := st.actual()
	if err != nil {
		return Assertion{}, err
	}
	if op == OpLengthOf && st.length {
		// .length.lengthOf(n) is not chai; .lengthOf(n) after .length reads the subject.
		actual = st.subject
	}
	v, err := t.expr(expected, sc)
	if err != nil {
		return Assertion{}, err
	}
	return Assertion{Op: op, Negate: st.negate, Actual: actual, Expected: v}, nil
}

// typeAssertion translates .a(type) and .an(type).
func (t *translator) typeAssertion(st *chainState, l link) ([]Assertion, error) {
	if len(l.args) < 1 || len(l.args) > 2 {
		return nil, unsupported("%s takes a type name and an optional message", l.name)
	}
	lit, ok := l.args[0].(*ast.StringLiteral)
	if !ok {
		return nil, unsupported("type name %q is not a string literal", t.text(l.args[0]))
	}
	name := strings.ToLower(lit.Value.String())
	switch name {
	case "string", "number", "boolean", "object", "array", "null":
	default:
		return nil, unsupported("type %q is not translated, want string, number, boolean, object, array or null", name)
	}
	actual, err := st.actual()
	if err != nil {
		return nil, err
	}
	return []Assertion{{Op: OpType, Negate: st.negate, Actual: actual, Expected: &Literal{Value: name}}}, nil
}

// propertyAssertion translates .property(name[, value]). Like chai, it
// makes the property's value the subject of the rest of the chain.
func (t *translator) propertyAssertion(st *chainState, l link, sc *scope) ([]Assertion, error) {
	if len(l.args) < 1 || len(l.args) > 3 {
		return nil, unsupported("property takes a name, an optional value and an optional message")
	}
	actual, err := st.actual()
	if err != nil {
		return nil, err
	}
	name, err := t.constantKey(l.args[0], sc)
	if err != nil {
		return nil, err
	}
	out := []Assertion{{Op: OpHasProperty, Negate: st.negate, Actual: actual, Expected: &Literal{Value: name}}}

	j, isJSON := actual.(*ResponseJSON)
	var member Expr
	if isJSON {
		member = &ResponseJSON{Path: append(slices.Clip(j.Path), PathStep{Key: name})}
	}
	if len(l.args) >= 2 {
		if member == nil {
			return nil, unsupported("property with a value on something other than the response JSON is not translated")
		}
		v, err := t.expr(l.args[1], sc)
		if err != nil {
			return nil, err
		}
		op := OpEqual
		if st.deep {
			op = OpDeepEqual
		}
		out = append(out, Assertion{Op: op, Negate: st.negate, Actual: member, Expected: v})
	}

	st.length = false
	if member != nil {
		st.subject = member
	} else {
		st.subjectErr = unsupported("a chain after property on something other than the response JSON is not translated")
	}
	return out, nil
}

// matchAssertion translates .match(/regexp/).
func (t *translator) matchAssertion(st *chainState, l link) ([]Assertion, error) {
	if len(l.args) < 1 || len(l.args) > 2 {
		return nil, unsupported("%s takes a regular expression and an optional message", l.name)
	}
	re, ok := l.args[0].(*ast.RegExpLiteral)
	if !ok {
		return nil, unsupported("%s argument %q is not a regular expression literal", l.name, t.text(l.args[0]))
	}
	if re.Flags != "" {
		return nil, unsupported("regular expression flags %q are not translated", re.Flags)
	}
	actual, err := st.actual()
	if err != nil {
		return nil, err
	}
	return []Assertion{{Op: OpMatch, Negate: st.negate, Actual: actual, Expected: &Literal{Value: re.Pattern}}}, nil
}

// conditionChain translates pm.expect(condition).to.be.true and its
// variants, where condition is a comparison or logical expression.
func (t *translator) conditionChain(cond ast.Expression, links []link, sc *scope) (Assertion, error) {
	negate := false
	var want *bool
	for _, l := range links {
		switch {
		case !l.call && languageChains[l.name]:
			continue
		case !l.call && l.name == "not":
			negate = !negate
			continue
		case want != nil:
		case !l.call && (l.name == "true" || l.name == "ok"):
			want = new(bool)
			*want = true
			continue
		case !l.call && l.name == "false":
			want = new(bool)
			continue
		case l.call && (l.name == "equal" || l.name == "eql") && len(l.args) >= 1:
			if b, ok := l.args[0].(*ast.BooleanLiteral); ok {
				want = new(bool)
				*want = b.Value
				continue
			}
		}
		return Assertion{}, unsupported("assertion on condition %q is not translated", t.text(cond))
	}
	if want == nil {
		return Assertion{}, unsupported("assertion on condition %q checks nothing", t.text(cond))
	}
	a, err := t.predicate(cond, sc)
	if err != nil {
		return Assertion{}, err
	}
	if !*want != negate {
		a.Negate = !a.Negate
	}
	return a, nil
}

// isCondition reports whether e computes a boolean from a comparison, a
// logical operator or a call that predicateCall translates.
func isCondition(e ast.Expression) bool {
	switch e := e.(type) {
	case *ast.BinaryExpression:
		_, ok := comparisons[e.Operator]
		return ok || e.Operator == token.LOGICAL_AND || e.Operator == token.LOGICAL_OR ||
			e.Operator == token.EQUAL || e.Operator == token.NOT_EQUAL
	case *ast.UnaryExpression:
		return e.Operator == token.NOT
	case *ast.CallExpression:
		if dotted(e.Callee) == "pm.response.headers.has" {
			return true
		}
		dot, ok := e.Callee.(*ast.DotExpression)
		if !ok || len(e.ArgumentList) != 1 {
			return false
		}
		switch dot.Identifier.Name {
		case "has", "includes", "hasOwnProperty":
			return true
		}
	}
	return false
}

// comparisons maps the comparison operators to their op, for
// actual <op> expected.
var comparisons = map[token.Token]Op{
	token.STRICT_EQUAL:     OpEqual,
	token.STRICT_NOT_EQUAL: OpEqual,
	token.LESS:             OpBelow,
	token.GREATER:          OpAbove,
	token.LESS_OR_EQUAL:    OpAtMost,
	token.GREATER_OR_EQUAL: OpAtLeast,
}

// mirrored maps each op to the op that holds with its operands swapped.
var mirrored = map[Op]Op{
	OpEqual: OpEqual, OpLooseEqual: OpLooseEqual,
	OpBelow: OpAbove, OpAbove: OpBelow, OpAtMost: OpAtLeast, OpAtLeast: OpAtMost,
}

// predicate translates a JavaScript condition: the condition of an if,
// the right side of tests["name"] = ..., the argument of
// pm.expect(...).to.be.true.
func (t *translator) predicate(e ast.Expression, sc *scope) (Assertion, error) {
	switch e := e.(type) {
	case *ast.UnaryExpression:
		if e.Operator == token.NOT && !e.Postfix {
			a, err := t.predicate(e.Operand, sc)
			a.Negate = !a.Negate
			return a, err
		}
	case *ast.BinaryExpression:
		switch e.Operator {
		case token.LOGICAL_AND:
			return t.logical(OpAnd, e, sc)
		case token.LOGICAL_OR:
			return t.logical(OpOr, e, sc)
		case token.EQUAL, token.NOT_EQUAL, token.STRICT_EQUAL, token.STRICT_NOT_EQUAL,
			token.LESS, token.GREATER, token.LESS_OR_EQUAL, token.GREATER_OR_EQUAL:
			return t.comparison(e, sc)
		}
	case *ast.CallExpression:
		if a, ok, err := t.predicateCall(e, sc); ok {
			return a, err
		}
	}
	v, err := t.expr(e, sc)
	if err != nil {
		return Assertion{}, err
	}
	return Assertion{Op: OpTruthy, Actual: v}, nil
}

// logical translates a && b and a || b, flattening chains of one
// operator.
func (t *translator) logical(op Op, e *ast.BinaryExpression, sc *scope) (Assertion, error) {
	var operands []Assertion
	for _, side := range []ast.Expression{e.Left, e.Right} {
		a, err := t.predicate(side, sc)
		if err != nil {
			return Assertion{}, err
		}
		if a.Op == op && !a.Negate {
			operands = append(operands, a.Operands...)
			continue
		}
		operands = append(operands, a)
	}
	return Assertion{Op: op, Operands: operands}, nil
}

// comparison translates ==, !=, ===, !==, <, >, <= and >=.
func (t *translator) comparison(e *ast.BinaryExpression, sc *scope) (Assertion, error) {
	negate := e.Operator == token.NOT_EQUAL || e.Operator == token.STRICT_NOT_EQUAL
	loose := e.Operator == token.EQUAL || e.Operator == token.NOT_EQUAL
	left, right := e.Left, e.Right
	if isNullish(left, sc) {
		left, right = right, left
	}

	if isNullish(right, sc) {
		x, err := t.expr(left, sc)
		if err != nil {
			return Assertion{}, err
		}
		switch {
		case loose:
			// x == null and x == undefined hold for both null and undefined.
			return Assertion{Op: OpExists, Negate: !negate, Actual: x}, nil
		case isUndefined(right, sc):
			return Assertion{Op: OpUndefined, Negate: negate, Actual: x}, nil
		}
		return Assertion{Op: OpEqual, Negate: negate, Actual: x, Expected: &Literal{Value: nil}}, nil
	}

	op := OpLooseEqual
	if !loose {
		op = comparisons[e.Operator]
	}
	actual, err := t.expr(left, sc)
	if err != nil {
		return Assertion{}, err
	}
	expected, err := t.expr(right, sc)
	if err != nil {
		return Assertion{}, err
	}
	_, leftConst := actual.(*Literal)
	_, rightConst := expected.(*Literal)
	if leftConst && !rightConst {
		actual, expected, op = expected, actual, mirrored[op]
	}
	return Assertion{Op: op, Negate: negate, Actual: actual, Expected: expected}, nil
}

// predicateCall translates the calls that test something:
// responseBody.has(text), x.includes(y), x.hasOwnProperty(name) and
// pm.response.headers.has(name). ok is false for any other call.
func (t *translator) predicateCall(call *ast.CallExpression, sc *scope) (Assertion, bool, error) {
	dot, isDot := call.Callee.(*ast.DotExpression)
	if !isDot || len(call.ArgumentList) != 1 {
		return Assertion{}, false, nil
	}
	arg := call.ArgumentList[0]
	if dotted(call.Callee) == "pm.response.headers.has" {
		name, err := t.constantKey(arg, sc)
		if err != nil {
			return Assertion{}, true, err
		}
		h, err := t.response(&ResponseHeader{Name: name})
		return Assertion{Op: OpExists, Actual: h}, true, err
	}

	var op Op
	switch dot.Identifier.Name.String() {
	case "has", "includes":
		op = OpInclude
	case "hasOwnProperty":
		op = OpHasProperty
	default:
		return Assertion{}, false, nil
	}
	x, err := t.expr(dot.Left, sc)
	if err != nil {
		return Assertion{}, true, err
	}
	if _, isText := x.(*ResponseText); op == OpInclude && dot.Identifier.Name == "has" && !isText {
		return Assertion{}, true, unsupported("has on something other than responseBody is not translated")
	}
	v, err := t.expr(arg, sc)
	if err != nil {
		return Assertion{}, true, err
	}
	return Assertion{Op: op, Actual: x, Expected: v}, true, nil
}

// isNullish reports whether e is null or undefined.
func isNullish(e ast.Expression, sc *scope) bool {
	_, isNull := e.(*ast.NullLiteral)
	return isNull || isUndefined(e, sc)
}

// isUndefined reports whether e is the global undefined.
func isUndefined(e ast.Expression, sc *scope) bool {
	return isGlobal(e, "undefined", sc)
}

// isArray reports whether v is a JSON array.
func isArray(v any) bool {
	_, ok := v.([]any)
	return ok
}
