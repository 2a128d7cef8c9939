package script

import (
	"errors"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/dop251/goja/ast"
	"github.com/dop251/goja/token"
)

// getCalls maps the calls that read a variable to the variable's scope.
var getCalls = map[string]Scope{
	"pm.environment.get":             ScopeEnvironment,
	"pm.collectionVariables.get":     ScopeCollection,
	"pm.variables.get":               ScopeAny,
	"pm.globals.get":                 ScopeGlobal,
	"pm.iterationData.get":           ScopeData,
	"postman.getEnvironmentVariable": ScopeEnvironment,
	"postman.getGlobalVariable":      ScopeGlobal,
}

// legacyScopes maps the variable objects of the legacy sandbox,
// environment.name, to their scope.
var legacyScopes = map[string]Scope{
	"environment": ScopeEnvironment,
	"globals":     ScopeGlobal,
	"data":        ScopeData,
}

// expr translates an expression that computes a value.
func (t *translator) expr(e ast.Expression, sc *scope) (Expr, error) {
	switch e := e.(type) {
	case *ast.StringLiteral, *ast.NumberLiteral, *ast.BooleanLiteral, *ast.NullLiteral,
		*ast.ArrayLiteral, *ast.ObjectLiteral:
		v, err := t.literal(e)
		if err != nil {
			return nil, err
		}
		return &Literal{Value: v}, nil
	case *ast.UnaryExpression:
		if e.Operator == token.MINUS {
			if v, err := t.literal(e); err == nil {
				return &Literal{Value: v}, nil
			}
		}
	case *ast.TemplateLiteral:
		return t.template(e, sc)
	case *ast.Identifier:
		return t.identifier(e, sc)
	case *ast.Optional:
		return t.expr(e.Expression, sc)
	case *ast.OptionalChain:
		return t.expr(e.Expression, sc)
	case *ast.DotExpression:
		return t.member(e, e.Left, &ast.StringLiteral{Value: e.Identifier.Name}, sc)
	case *ast.BracketExpression:
		return t.member(e, e.Left, e.Member, sc)
	case *ast.CallExpression:
		return t.call(e, sc)
	case *ast.BinaryExpression:
		if e.Operator == token.PLUS {
			return t.plus(e, sc)
		}
	}
	if isCondition(e) {
		a, err := t.predicate(e, sc)
		if err != nil {
			return nil, err
		}
		return &Condition{Assertion: a}, nil
	}
	return nil, unsupported("expression %q is not translated", t.text(e))
}

// literal returns the JSON value of a literal, of an array or object
// literal whose elements are literals, or of a negated number literal.
func (t *translator) literal(e ast.Expression) (any, error) {
	switch e := e.(type) {
	case *ast.StringLiteral:
		return e.Value.String(), nil
	case *ast.NumberLiteral:
		switch v := e.Value.(type) {
		case int64:
			return float64(v), nil
		case float64:
			return v, nil
		}
	case *ast.BooleanLiteral:
		return e.Value, nil
	case *ast.NullLiteral:
		return nil, nil
	case *ast.UnaryExpression:
		if e.Operator == token.MINUS && !e.Postfix {
			if n, ok := e.Operand.(*ast.NumberLiteral); ok {
				v, err := t.literal(n)
				if err != nil {
					return nil, err
				}
				return -v.(float64), nil
			}
		}
	case *ast.ArrayLiteral:
		list := make([]any, 0, len(e.Value))
		for _, el := range e.Value {
			if el == nil {
				return nil, unsupported("array literal %q has holes", t.text(e))
			}
			v, err := t.literal(el)
			if err != nil {
				return nil, err
			}
			list = append(list, v)
		}
		return list, nil
	case *ast.ObjectLiteral:
		obj := make(map[string]any, len(e.Value))
		for _, p := range e.Value {
			kv, ok := p.(*ast.PropertyKeyed)
			if !ok || kv.Computed || kv.Kind != ast.PropertyKindValue {
				return nil, unsupported("object literal %q is not made of constants", t.text(e))
			}
			key, err := t.literal(kv.Key)
			if err != nil {
				return nil, err
			}
			v, err := t.literal(kv.Value)
			if err != nil {
				return nil, err
			}
			obj[jsString(key)] = v
		}
		return obj, nil
	}
	return nil, unsupported("%q is not a constant", t.text(e))
}

// identifier translates a local variable or a global of the sandbox.
func (t *translator) identifier(id *ast.Identifier, sc *scope) (Expr, error) {
	name := id.Name.String()
	if b := sc.lookup(name); b != nil {
		switch {
		case b.err != nil:
			var ue *unsupportedError
			if !errors.As(b.err, &ue) {
				return nil, unsupported("%v", b.err)
			}
			return nil, unsupported("%q holds a value that is not translated", name)
		case b.object == dateObject:
			return nil, unsupported("%q is a Date, of which only getTime, valueOf, toISOString and toJSON are translated", name)
		case b.object == uuidModule:
			return nil, unsupported("%q is the uuid module, of which only calls are translated", name)
		}
		return b.value, nil
	}
	switch name {
	case "responseBody":
		return t.response(&ResponseText{})
	case "responseTime":
		return t.response(&ResponseTime{})
	}
	return nil, unsupported("identifier %q is not translated", name)
}

// response returns e when the script runs after a response, and an error
// in a prerequest script, where there is none.
func (t *translator) response(e Expr) (Expr, error) {
	if t.in.Listen == PreRequest {
		return nil, unsupported("a prerequest script has no response")
	}
	return e, nil
}

// member translates obj.name and obj[key], where node is the whole
// expression.
func (t *translator) member(node, obj, key ast.Expression, sc *scope) (Expr, error) {
	switch dotted(node) {
	case "pm.response.code", "responseCode.code":
		return t.response(&ResponseCode{})
	case "pm.response.status":
		return t.response(&ResponseStatus{})
	case "pm.response.responseTime":
		return t.response(&ResponseTime{})
	}
	if id, ok := obj.(*ast.Identifier); ok && sc.lookup(id.Name.String()) == nil {
		if scope, ok := legacyScopes[id.Name.String()]; ok {
			name, err := t.constantKey(key, sc)
			if err != nil {
				return nil, err
			}
			t.flow.read(scope, name)
			return &Variable{Scope: scope, Name: name}, nil
		}
		if id.Name == "responseHeaders" {
			name, err := t.constantKey(key, sc)
			if err != nil {
				return nil, err
			}
			return t.response(&ResponseHeader{Name: name})
		}
	}

	if isSplitDate(obj, key) {
		split := obj.(*ast.CallExpression).Callee.(*ast.DotExpression)
		if x, err := t.expr(split.Left, sc); err == nil && isNow(x, ISO8601) {
			return &Now{Format: ISODate}, nil
		}
	}
	base, err := t.expr(obj, sc)
	if err != nil {
		return nil, err
	}
	// NOTE: a JSON object with a "length" key reads as the object's
	// length here, where JavaScript would read the key.
	if lit, ok := key.(*ast.StringLiteral); ok && lit.Value == "length" {
		return &Length{X: base}, nil
	}

	j, ok := base.(*ResponseJSON)
	if !ok {
		return nil, unsupported("member %q of a value other than the response JSON is not translated", t.text(node))
	}
	step, err := t.pathStep(key, sc)
	if err != nil {
		return nil, err
	}
	return &ResponseJSON{Path: append(slices.Clip(j.Path), step)}, nil
}

// constantKey returns the property name of obj.name or obj["name"].
func (t *translator) constantKey(key ast.Expression, sc *scope) (string, error) {
	v, err := t.expr(key, sc)
	if err != nil {
		return "", err
	}
	if lit, ok := v.(*Literal); ok {
		if s, ok := lit.Value.(string); ok {
			return s, nil
		}
	}
	return "", unsupported("property name %q is not a string constant", t.text(key))
}

// pathStep returns the path step of a member access into JSON: a name, or
// an index given by a number constant.
func (t *translator) pathStep(key ast.Expression, sc *scope) (PathStep, error) {
	v, err := t.expr(key, sc)
	if err != nil {
		return PathStep{}, err
	}
	if lit, ok := v.(*Literal); ok {
		switch k := lit.Value.(type) {
		case string:
			return PathStep{Key: k}, nil
		case float64:
			if k >= 0 && k == math.Trunc(k) && k <= math.MaxInt32 {
				return PathStep{Index: int(k), IsIndex: true}, nil
			}
		}
	}
	return PathStep{}, unsupported("index %q is not a constant name or array index", t.text(key))
}

// call translates a call that computes a value.
func (t *translator) call(call *ast.CallExpression, sc *scope) (Expr, error) {
	callee := dotted(call.Callee)
	args := call.ArgumentList

	if scope, ok := getCalls[callee]; ok {
		if len(args) != 1 {
			return nil, unsupported("%s takes one argument, the variable name", callee)
		}
		name, err := t.variableName(args[0], sc)
		if err != nil {
			return nil, err
		}
		t.flow.read(scope, name)
		return &Variable{Scope: scope, Name: name}, nil
	}

	switch callee {
	case "pm.response.json":
		return t.response(&ResponseJSON{})
	case "pm.response.text":
		return t.response(&ResponseText{})
	case "pm.response.headers.get", "postman.getResponseHeader":
		if len(args) != 1 {
			return nil, unsupported("%s takes one argument, the header name", callee)
		}
		name, err := t.constantKey(args[0], sc)
		if err != nil {
			return nil, err
		}
		return t.response(&ResponseHeader{Name: name})
	case "JSON.parse":
		if len(args) == 1 {
			if v, err := t.expr(args[0], sc); err == nil {
				if _, ok := v.(*ResponseText); ok {
					return &ResponseJSON{}, nil
				}
			}
		}
		if len(args) != 1 {
			return nil, unsupported("JSON.parse with a reviver is not translated")
		}
		x, err := t.expr(args[0], sc)
		if err != nil {
			return nil, err
		}
		return &ParseJSON{X: x}, nil
	case "parseInt", "parseFloat":
		return t.parseNumber(callee, args, sc)
	case "JSON.stringify":
		if len(args) != 1 {
			return nil, unsupported("JSON.stringify with a replacer or indent is not translated")
		}
		x, err := t.expr(args[0], sc)
		if err != nil {
			return nil, err
		}
		return &Stringify{X: x}, nil
	case "btoa", "CryptoJS.enc.Base64.stringify":
		return t.base64(callee, args, sc)
	case "String":
		if len(args) != 1 {
			return nil, unsupported("String takes one argument")
		}
		return t.concat(args, sc)
	case "pm.variables.replaceIn":
		if len(args) != 1 {
			return nil, unsupported("pm.variables.replaceIn takes one argument")
		}
		lit, ok := args[0].(*ast.StringLiteral)
		if !ok {
			return nil, unsupported("pm.variables.replaceIn of %q, which is not a string literal, is not translated", t.text(args[0]))
		}
		return t.replaceIn(lit.Value.String()), nil
	case "Date.now":
		return &Now{Format: UnixMilli}, nil
	case "Math.floor":
		if len(args) == 1 {
			if unixSeconds(args[0]) {
				return &Now{Format: UnixSec}, nil
			}
		}
		return nil, unsupported("Math.floor of anything but the time in milliseconds divided by 1000 is not translated")
	}

	if t.isObject(call.Callee, uuidModule, sc) && len(args) == 0 {
		return &Dynamic{Name: "$guid"}, nil
	}
	dot, ok := call.Callee.(*ast.DotExpression)
	if !ok {
		if callee == "" {
			return nil, unsupported("call of %q is not translated", t.text(call.Callee))
		}
		return nil, unsupported("call of %s is not translated", callee)
	}
	return t.method(call, dot, sc)
}

// isObject reports whether e is a local variable that holds an object of
// kind k.
func (t *translator) isObject(e ast.Expression, k objectKind, sc *scope) bool {
	id, ok := e.(*ast.Identifier)
	if !ok {
		return false
	}
	b := sc.lookup(id.Name.String())
	return b != nil && b.object == k
}

// base64 translates btoa(x) and
// CryptoJS.enc.Base64.stringify(CryptoJS.enc.Utf8.parse(x)).
func (t *translator) base64(callee string, args []ast.Expression, sc *scope) (Expr, error) {
	if len(args) != 1 {
		return nil, unsupported("%s takes one argument", callee)
	}
	x := args[0]
	if callee == "CryptoJS.enc.Base64.stringify" {
		parse, ok := x.(*ast.CallExpression)
		if !ok || dotted(parse.Callee) != "CryptoJS.enc.Utf8.parse" || len(parse.ArgumentList) != 1 {
			return nil, unsupported("CryptoJS.enc.Base64.stringify of anything but CryptoJS.enc.Utf8.parse(text) is not translated")
		}
		x = parse.ArgumentList[0]
	}
	v, err := t.expr(x, sc)
	if err != nil {
		return nil, err
	}
	return &Base64{X: v}, nil
}

// bufferFrom returns x of Buffer.from(x) and Buffer.from(x, "utf8").
func bufferFrom(e ast.Expression) (ast.Expression, bool) {
	call, ok := e.(*ast.CallExpression)
	if !ok || dotted(call.Callee) != "Buffer.from" {
		return nil, false
	}
	switch len(call.ArgumentList) {
	case 1:
		return call.ArgumentList[0], true
	case 2:
		enc := call.ArgumentList[1]
		if isStringLiteral(enc, "utf8") || isStringLiteral(enc, "utf-8") {
			return call.ArgumentList[0], true
		}
	}
	return nil, false
}

// isStringLiteral reports whether e is the string literal s.
func isStringLiteral(e ast.Expression, s string) bool {
	lit, ok := e.(*ast.StringLiteral)
	return ok && lit.Value.String() == s
}

// parseNumber translates parseInt(x), parseInt(x, 10) and parseFloat(x).
func (t *translator) parseNumber(callee string, args []ast.Expression, sc *scope) (Expr, error) {
	integer := callee == "parseInt"
	switch {
	case len(args) == 1:
	case len(args) == 2 && integer:
		if n, ok := args[1].(*ast.NumberLiteral); !ok || n.Literal != "10" {
			return nil, unsupported("parseInt with a radix other than 10 is not translated")
		}
	default:
		return nil, unsupported("%s takes a string and, for parseInt, the radix 10", callee)
	}
	x, err := t.expr(args[0], sc)
	if err != nil {
		return nil, err
	}
	// NOTE: parseInt without a radix reads "0x1f" as hexadecimal; the
	// translation always reads base 10.
	return &ParseNumber{X: x, Integer: integer}, nil
}

// method translates a method call on a value: x.toString(),
// x.substring(a, b), new Date().toISOString() and new Date().getTime().
func (t *translator) method(call *ast.CallExpression, dot *ast.DotExpression, sc *scope) (Expr, error) {
	name := dot.Identifier.Name.String()
	args := call.ArgumentList
	if t.isObject(dot.Left, uuidModule, sc) && name == "v4" && len(args) == 0 {
		return &Dynamic{Name: "$guid"}, nil
	}
	// NOTE: a Date held in a local is read when its method is called, not
	// when it is created. The two times differ by the run time of the
	// statements between them.
	if (isNewDate(dot.Left) || t.isObject(dot.Left, dateObject, sc)) && len(args) == 0 {
		switch name {
		case "toISOString", "toJSON":
			return &Now{Format: ISO8601}, nil
		case "getTime", "valueOf":
			return &Now{Format: UnixMilli}, nil
		}
	}

	switch name {
	case "toString":
		if len(args) == 0 {
			return t.concat([]ast.Expression{dot.Left}, sc)
		}
		if x, ok := bufferFrom(dot.Left); ok && len(args) == 1 && isStringLiteral(args[0], "base64") {
			v, err := t.expr(x, sc)
			if err != nil {
				return nil, err
			}
			return &Base64{X: v}, nil
		}
	case "substring":
		x, err := t.expr(dot.Left, sc)
		if err != nil {
			return nil, err
		}
		start, end, ok := t.substringBounds(args)
		if !ok {
			return nil, unsupported("substring bounds %q are not constants with 0 <= start <= end", t.text(call))
		}
		return &Substring{X: x, Start: start, End: end}, nil
	}
	return nil, unsupported("method call %q is not translated", t.text(call))
}

// substringBounds returns the constant bounds of substring(start[, end]),
// with end -1 when it is left out.
func (t *translator) substringBounds(args []ast.Expression) (start, end int, ok bool) {
	bound := func(e ast.Expression) (int, bool) {
		v, err := t.literal(e)
		f, isNum := v.(float64)
		if err != nil || !isNum || f < 0 || f != math.Trunc(f) || f > math.MaxInt32 {
			return 0, false
		}
		return int(f), true
	}
	switch len(args) {
	case 1:
		start, ok = bound(args[0])
		return start, -1, ok
	case 2:
		var okEnd bool
		start, ok = bound(args[0])
		end, okEnd = bound(args[1])
		return start, end, ok && okEnd && start <= end
	}
	return 0, 0, false
}

// plus translates a + b, which the generator can only reproduce as string
// concatenation: at least one side must be known to be a string, because
// + of two numbers adds them.
func (t *translator) plus(e *ast.BinaryExpression, sc *scope) (Expr, error) {
	left, err := t.expr(e.Left, sc)
	if err != nil {
		return nil, err
	}
	right, err := t.expr(e.Right, sc)
	if err != nil {
		return nil, err
	}
	if !isString(left) && !isString(right) {
		return nil, unsupported("%q may add numbers, which is not translated", t.text(e))
	}
	return joinParts([]Expr{left, right}), nil
}

// concat translates String(x) and x.toString(), and template parts.
func (t *translator) concat(list []ast.Expression, sc *scope) (Expr, error) {
	parts := make([]Expr, 0, len(list))
	for _, e := range list {
		x, err := t.expr(e, sc)
		if err != nil {
			return nil, err
		}
		parts = append(parts, x)
	}
	return joinParts(parts), nil
}

// template translates an untagged template literal.
func (t *translator) template(e *ast.TemplateLiteral, sc *scope) (Expr, error) {
	if e.Tag != nil {
		return nil, unsupported("tagged template %q is not translated", t.text(e))
	}
	var parts []Expr
	for i, el := range e.Elements {
		if !el.Valid {
			return nil, unsupported("template %q has an invalid escape", t.text(e))
		}
		parts = append(parts, &Literal{Value: el.Parsed.String()})
		if i < len(e.Expressions) {
			x, err := t.expr(e.Expressions[i], sc)
			if err != nil {
				return nil, err
			}
			parts = append(parts, x)
		}
	}
	return joinParts(parts), nil
}

// replaceIn translates pm.variables.replaceIn(text): the text with each
// {{name}} replaced by the variable, or by a fresh dynamic value for
// {{$name}}.
func (t *translator) replaceIn(text string) Expr {
	var parts []Expr
	for {
		open := strings.Index(text, "{{")
		if open < 0 {
			break
		}
		end := strings.Index(text[open+2:], "}}")
		if end < 0 {
			break
		}
		name := text[open+2 : open+2+end]
		parts = append(parts, &Literal{Value: text[:open]})
		if strings.HasPrefix(name, "$") {
			parts = append(parts, &Dynamic{Name: name})
		} else {
			t.flow.read(ScopeAny, name)
			parts = append(parts, &Variable{Scope: ScopeAny, Name: name})
		}
		text = text[open+2+end+2:]
	}
	parts = append(parts, &Literal{Value: text})
	return joinParts(parts)
}

// joinParts returns the concatenation of parts: nested concatenations are
// flattened, constants are formatted as JavaScript does and adjacent
// strings are merged. A single string part is returned as it is.
func joinParts(parts []Expr) Expr {
	var out []Expr
	for _, p := range parts {
		if c, ok := p.(*Concat); ok {
			out = append(out, c.Parts...)
			continue
		}
		out = append(out, p)
	}

	merged := out[:0:0]
	for _, p := range out {
		if lit, ok := p.(*Literal); ok {
			p = &Literal{Value: jsString(lit.Value)}
		}
		if s, ok := stringLiteral(p); ok && len(merged) > 0 {
			if prev, ok := stringLiteral(merged[len(merged)-1]); ok {
				merged[len(merged)-1] = &Literal{Value: prev + s}
				continue
			}
		}
		if s, ok := stringLiteral(p); ok && s == "" {
			continue
		}
		merged = append(merged, p)
	}

	switch {
	case len(merged) == 0:
		return &Literal{Value: ""}
	case len(merged) == 1 && isString(merged[0]):
		return merged[0]
	}
	return &Concat{Parts: merged}
}

// stringLiteral returns the value of a string *Literal.
func stringLiteral(e Expr) (string, bool) {
	lit, ok := e.(*Literal)
	if !ok {
		return "", false
	}
	s, ok := lit.Value.(string)
	return s, ok
}

// isString reports whether e is known to be a string without running the
// script.
func isString(e Expr) bool {
	switch e := e.(type) {
	case *Literal:
		_, ok := e.Value.(string)
		return ok
	case *Concat, *ResponseText, *ResponseStatus, *Dynamic, *Stringify, *Substring, *Base64:
		return true
	case *Now:
		return e.Format == ISO8601 || e.Format == ISODate
	}
	return false
}

// jsString formats a constant as JavaScript's String does; a map becomes
// "[object Object]" as it does in JavaScript.
func jsString(v any) string {
	switch v := v.(type) {
	case nil:
		return "null"
	case string:
		return v
	case bool:
		return strconv.FormatBool(v)
	case float64:
		return jsNumber(v)
	case []any:
		parts := make([]string, len(v))
		for i, el := range v {
			if el != nil {
				parts[i] = jsString(el)
			}
		}
		return strings.Join(parts, ",")
	}
	return "[object Object]"
}

// jsNumber formats a number as JavaScript's Number.prototype.toString does.
func jsNumber(f float64) string {
	switch {
	case math.IsNaN(f):
		return "NaN"
	case math.IsInf(f, 1):
		return "Infinity"
	case math.IsInf(f, -1):
		return "-Infinity"
	case f == 0:
		return "0"
	}
	abs := math.Abs(f)
	if abs >= 1e21 || abs < 1e-6 {
		s := strconv.FormatFloat(f, 'e', -1, 64)
		// Go writes e+07 where JavaScript writes e+7.
		mant, exp, _ := strings.Cut(s, "e")
		sign := exp[:1]
		digits := strings.TrimLeft(exp[1:], "0")
		return mant + "e" + sign + digits
	}
	return strconv.FormatFloat(f, 'f', -1, 64)
}

// isNewDate reports whether e is new Date() with no arguments, in
// parentheses or not.
func isNewDate(e ast.Expression) bool {
	n, ok := e.(*ast.NewExpression)
	return ok && len(n.ArgumentList) == 0 && dotted(n.Callee) == "Date"
}

// isNow reports whether e is the current time in format f.
func isNow(e Expr, f TimeFormat) bool {
	n, ok := e.(*Now)
	return ok && n.Format == f
}

// isSplitDate reports whether obj[key] is X.split("T")[0].
func isSplitDate(obj, key ast.Expression) bool {
	call, ok := obj.(*ast.CallExpression)
	if !ok || len(call.ArgumentList) != 1 {
		return false
	}
	dot, ok := call.Callee.(*ast.DotExpression)
	if !ok || dot.Identifier.Name != "split" {
		return false
	}
	sep, ok := call.ArgumentList[0].(*ast.StringLiteral)
	idx, ok2 := key.(*ast.NumberLiteral)
	return ok && ok2 && sep.Value == "T" && idx.Literal == "0"
}

// unixSeconds reports whether e is Date.now() / 1000 or
// new Date().getTime() / 1000.
func unixSeconds(e ast.Expression) bool {
	b, ok := e.(*ast.BinaryExpression)
	if !ok || b.Operator != token.SLASH {
		return false
	}
	n, ok := b.Right.(*ast.NumberLiteral)
	if !ok || n.Literal != "1000" {
		return false
	}
	call, ok := b.Left.(*ast.CallExpression)
	if !ok || len(call.ArgumentList) != 0 {
		return false
	}
	if dotted(call.Callee) == "Date.now" {
		return true
	}
	dot, ok := call.Callee.(*ast.DotExpression)
	return ok && dot.Identifier.Name == "getTime" && isNewDate(dot.Left)
}

// dotted returns "a.b.c" for an expression made of identifiers joined by
// dots, and "" for anything else.
func dotted(e ast.Expression) string {
	if id, ok := e.(*ast.Identifier); ok {
		return id.Name.String()
	}
	// Most chains fit in buf, so that only the returned text is allocated.
	var buf [64]byte
	text, ok := appendDotted(buf[:0], e)
	if !ok {
		return ""
	}
	return string(text)
}

// appendDotted appends the text that dotted returns for e to dst, and
// reports false when e is not made of identifiers joined by dots.
func appendDotted(dst []byte, e ast.Expression) ([]byte, bool) {
	switch e := e.(type) {
	case *ast.Identifier:
		return append(dst, e.Name.String()...), true
	case *ast.DotExpression:
		dst, ok := appendDotted(dst, e.Left)
		if !ok {
			return dst, false
		}
		dst = append(dst, '.')
		return append(dst, e.Identifier.Name.String()...), true
	}
	return dst, false
}
