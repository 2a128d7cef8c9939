package script

import "github.com/pmgen/pmgen/diag"

// Statement is one translated statement of a script: *Set, *Unset, *Let,
// *Check, *If or *Unsupported.
type Statement interface {
	// ScriptLine returns the 1-based line of the statement in the script.
	ScriptLine() int
	statement()
}

// Set assigns a value to a variable: pm.environment.set,
// pm.collectionVariables.set, pm.variables.set, pm.globals.set,
// postman.setEnvironmentVariable and postman.setGlobalVariable.
type Set struct {
	Line  int
	Scope Scope
	Name  string
	Value Expr
}

// Unset removes a variable: pm.environment.unset and the other scopes'
// unset, postman.clearEnvironmentVariable, postman.clearGlobalVariable.
type Unset struct {
	Line  int
	Scope Scope
	Name  string
}

// Let stores a value in a local variable of the script, for a
// declaration such as var id = pm.variables.replaceIn("{{$guid}}") whose
// value changes from one evaluation to the next: a variable read, a
// dynamic variable or the time. *Local reads it back. Name is unique
// within the script. A declaration of a value that is the same wherever it
// is evaluated, such as a path into the response, gives no Let: its uses
// hold the value itself.
type Let struct {
	Line  int
	Name  string
	Value Expr
}

// Check is one assertion of a test script. A pm.test callback with several
// assertions gives one Check for each, all with the test's name.
type Check struct {
	Line int
	// Name is the pm.test name or the tests[...] key. A name that is not
	// a string literal, "Status code " + responseCode.code, is kept as
	// its source text. Name is empty for pm.expect outside pm.test.
	Name      string
	Assertion Assertion
}

// If runs Then when Cond holds and Else otherwise.
type If struct {
	Line int
	Cond Assertion
	Then []Statement
	Else []Statement
}

// Unsupported is a statement that was not translated. It keeps its source
// text so that the run's report lists it; a warning with Code is reported
// for it.
type Unsupported struct {
	Line   int
	Text   string
	Code   diag.Code
	Reason string
}

func (s *Set) ScriptLine() int         { return s.Line }
func (s *Unset) ScriptLine() int       { return s.Line }
func (s *Let) ScriptLine() int         { return s.Line }
func (s *Check) ScriptLine() int       { return s.Line }
func (s *If) ScriptLine() int          { return s.Line }
func (s *Unsupported) ScriptLine() int { return s.Line }

func (*Set) statement()         {}
func (*Unset) statement()       {}
func (*Let) statement()         {}
func (*Check) statement()       {}
func (*If) statement()          {}
func (*Unsupported) statement() {}

// Op is the relation an Assertion tests.
type Op string

const (
	// OpEqual is strict equality: ===, chai's equal, to.be.true,
	// to.be.false, to.be.null, to.have.status(n).
	OpEqual Op = "equal"
	// OpDeepEqual compares JSON values structurally: chai's eql and
	// deep.equal, jsonBody(path, value).
	OpDeepEqual Op = "deep-equal"
	// OpLooseEqual is JavaScript's ==, which converts a number and a
	// string to a number before comparing them.
	OpLooseEqual Op = "loose-equal"
	OpAbove      Op = "above"    // Actual > Expected
	OpBelow      Op = "below"    // Actual < Expected
	OpAtLeast    Op = "at-least" // Actual >= Expected
	OpAtMost     Op = "at-most"  // Actual <= Expected
	// OpInclude holds when the string Actual contains the string Expected,
	// or the array Actual has an element deep-equal to Expected, or the
	// object Actual has every key and value of the object Expected.
	OpInclude Op = "include"
	// OpHasProperty holds when the object Actual has the key Expected, a
	// string literal.
	OpHasProperty Op = "has-property"
	// OpType holds when Actual has the chai type Expected, a string
	// literal: "string", "number", "boolean", "object", "array", "null".
	OpType Op = "type"
	// OpExists holds when Actual is neither null nor missing.
	OpExists Op = "exists"
	// OpUndefined holds when Actual is missing: an absent JSON key, header
	// or variable, but not null. It comes from === undefined and chai's
	// undefined.
	OpUndefined Op = "undefined"
	// OpEmpty holds for an empty string, array or object.
	OpEmpty Op = "empty"
	// OpLengthOf holds when the string or array Actual has length Expected.
	OpLengthOf Op = "length-of"
	// OpTruthy holds when Actual is truthy in JavaScript: not false, 0,
	// "", null, missing or NaN.
	OpTruthy Op = "truthy"
	// OpStatusClass holds when the response code divided by 100 equals
	// Expected, a number literal from 1 to 5: to.be.success is class 2.
	OpStatusClass Op = "status-class"
	// OpIsJSON holds when the response body parses as JSON.
	OpIsJSON Op = "is-json"
	// OpMatch holds when the string Actual matches Expected, a string
	// literal holding a JavaScript regular expression source.
	OpMatch Op = "match"
	// OpOneOf holds when Actual is strictly equal to an element of
	// Expected, an array literal.
	OpOneOf Op = "one-of"
	// OpJSONSchema holds when the JSON value Actual is valid against the
	// JSON schema Expected: to.have.jsonSchema(schema).
	OpJSONSchema Op = "json-schema"
	// OpFail never holds: pm.expect.fail(message). Expected is the
	// message, nil when there is none.
	OpFail Op = "fail"
	// OpAnd and OpOr combine Operands.
	OpAnd Op = "and"
	OpOr  Op = "or"
)

// Assertion is a condition on the response or on variables: the body of a
// Check, or the condition of an If.
type Assertion struct {
	Op Op
	// Negate inverts the result: chai's .not, !==, !.
	Negate   bool
	Actual   Expr
	Expected Expr // nil for ops that take no expected value
	// Operands are the assertions combined by OpAnd and OpOr.
	Operands []Assertion
}

// Expr is a value a script computes: *Literal, *ResponseJSON,
// *ResponseHeader, *ResponseCode, *ResponseStatus, *ResponseTime,
// *ResponseText, *Variable, *Local, *Dynamic, *Now, *Concat, *Length,
// *Substring, *Base64, *Stringify, *ParseJSON, *ParseNumber or
// *Condition.
type Expr interface {
	expr()
}

// Literal is a constant: nil (null), bool, float64, string, []any or
// map[string]any holding those, as encoding/json decodes them.
type Literal struct {
	Value any
}

// ResponseJSON is the value at Path in the response body decoded as JSON;
// an empty Path is the whole body. It comes from pm.response.json(),
// JSON.parse(responseBody) and local variables holding either.
type ResponseJSON struct {
	Path Path
}

// ResponseHeader is the value of a response header, matched case
// insensitively, or missing when the response has no such header.
type ResponseHeader struct {
	Name string
}

// ResponseCode is the HTTP status code of the response, a number.
type ResponseCode struct{}

// ResponseStatus is the reason phrase of the response status, "OK".
type ResponseStatus struct{}

// ResponseTime is the time the response took, in milliseconds.
type ResponseTime struct{}

// ResponseText is the response body as text.
type ResponseText struct{}

// Variable is the value of a variable, a string or missing.
type Variable struct {
	Scope Scope
	Name  string
}

// Local is the value a *Let stored under Name.
type Local struct {
	Name string
}

// Dynamic is a Postman dynamic variable, a fresh value at each use. Name is
// written as between the braces, with its "$": "$guid", "$randomInt".
type Dynamic struct {
	Name string
}

// TimeFormat is the form in which Now gives the current time.
type TimeFormat string

const (
	UnixMilli TimeFormat = "unix-milli" // Date.now(), new Date().getTime()
	UnixSec   TimeFormat = "unix-sec"   // Math.floor(Date.now() / 1000)
	// ISO8601 is new Date().toISOString(): UTC with milliseconds,
	// "2006-01-02T15:04:05.000Z".
	ISO8601 TimeFormat = "iso-8601"
	// ISODate is the date part of ISO8601, "2006-01-02", from
	// new Date().toISOString().split("T")[0].
	ISODate TimeFormat = "iso-date"
)

// Now is the current time at the moment the statement runs.
type Now struct {
	Format TimeFormat
}

// Concat is the string concatenation of its parts, from + on strings and
// from template literals. Numbers are formatted as JavaScript does.
type Concat struct {
	Parts []Expr
}

// Length is the length of a string or array: x.length.
type Length struct {
	X Expr
}

// Substring is X.substring(Start, End) with 0 <= Start <= End, or
// X.substring(Start) when End is -1. Start and End count UTF-16 code
// units, as JavaScript does.
type Substring struct {
	X          Expr
	Start, End int
}

// Base64 is X in standard base64 with padding, from btoa(X),
// CryptoJS.enc.Base64.stringify(CryptoJS.enc.Utf8.parse(X)) and
// Buffer.from(X).toString("base64"), as in "Basic " + btoa(user + ":" +
// password). X is encoded as UTF-8 first.
//
// NOTE: btoa encodes characters U+0080 to U+00FF as single Latin-1 bytes
// and rejects characters above them, so for such text the result differs
// from what Postman sends.
type Base64 struct {
	X Expr
}

// Stringify is JSON.stringify(X): X encoded as compact JSON.
type Stringify struct {
	X Expr
}

// ParseJSON is JSON.parse(X) of a string other than the response body,
// such as a JSON schema kept in a variable.
type ParseJSON struct {
	X Expr
}

// ParseNumber is parseInt(X, 10) when Integer is set, and parseFloat(X)
// otherwise: the number that the string X starts with, NaN when it starts
// with none.
type ParseNumber struct {
	X       Expr
	Integer bool
}

// Condition is the boolean value of an assertion, from a comparison used
// as a value: var paid = pm.environment.get("paid") === "true".
type Condition struct {
	Assertion Assertion
}

func (*Literal) expr()        {}
func (*ResponseJSON) expr()   {}
func (*ResponseHeader) expr() {}
func (*ResponseCode) expr()   {}
func (*ResponseStatus) expr() {}
func (*ResponseTime) expr()   {}
func (*ResponseText) expr()   {}
func (*Variable) expr()       {}
func (*Local) expr()          {}
func (*Dynamic) expr()        {}
func (*Now) expr()            {}
func (*Concat) expr()         {}
func (*Length) expr()         {}
func (*Substring) expr()      {}
func (*Stringify) expr()      {}
func (*Base64) expr()         {}
func (*ParseJSON) expr()      {}
func (*ParseNumber) expr()    {}
func (*Condition) expr()      {}

// Path is a path into a JSON value, outermost step first.
type Path []PathStep

// PathStep is one step of a Path: an object key, or an array index when
// IsIndex is set.
type PathStep struct {
	Key     string
	Index   int
	IsIndex bool
}
