package clientrt

import (
	"math"
	"net/http"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
)

func TestJSString(t *testing.T) {
	cases := []struct {
		in   any
		want string
	}{
		{jsUndefined, "undefined"},
		{nil, "null"},
		{true, "true"},
		{10.0, "10"},
		{10.5, "10.5"},
		{-0.000001, "-0.000001"},
		{1e21, "1e+21"},
		{1e-7, "1e-7"},
		{math.NaN(), "NaN"},
		{"text", "text"},
		{[]any{1.0, "a", nil}, "1,a,"},
		{map[string]any{"a": 1.0}, "[object Object]"},
	}
	for _, c := range cases {
		assert.Equal(t, c.want, jsString(c.in), "%#v", c.in)
	}
}

func TestJSNumberAndParse(t *testing.T) {
	assert.Equal(t, 12.5, jsNumber(" 12.5 "))
	assert.Equal(t, 0.0, jsNumber(""))
	assert.Equal(t, 255.0, jsNumber("0xff"))
	assert.True(t, math.IsNaN(jsNumber("12px")))
	assert.Equal(t, 1.0, jsNumber(true))
	assert.Equal(t, 12.0, jsParseNumber("12px", true))
	assert.Equal(t, 12.5, jsParseNumber("12.5e", false))
	assert.Equal(t, 1250.0, jsParseNumber("12.5e2x", false))
	assert.Equal(t, 12.0, jsParseNumber("12.5", true))
	assert.True(t, math.IsNaN(jsParseNumber("px", false)))
}

func TestJSEquality(t *testing.T) {
	assert.True(t, jsStrictEqual(200.0, 200.0))
	assert.False(t, jsStrictEqual(200.0, "200"))
	assert.True(t, jsLooseEqual(200.0, "200"))
	assert.True(t, jsLooseEqual(nil, jsUndefined))
	assert.False(t, jsLooseEqual(nil, 0.0))
	assert.True(t, jsLooseEqual(true, 1.0))
	assert.True(t, jsDeepEqual(map[string]any{"a": []any{1.0}}, map[string]any{"a": []any{1.0}}))
	assert.False(t, jsDeepEqual(map[string]any{"a": []any{1.0}}, map[string]any{"a": []any{2.0}}))
	assert.False(t, jsStrictEqual([]any{}, []any{}), "=== compares arrays by identity")
}

func TestJSAssertions(t *testing.T) {
	assert.True(t, jsTruthy("x"))
	assert.False(t, jsTruthy(0.0))
	assert.False(t, jsTruthy(jsUndefined))
	assert.True(t, jsTruthy(map[string]any{}))
	assert.Equal(t, "array", jsType([]any{}))
	assert.Equal(t, "null", jsType(nil))
	assert.True(t, jsAbove(3.0, "2"))
	assert.False(t, jsAbove(nil, 0.0), "null is not a number for chai's above")
	assert.True(t, jsBelow(1.0, 2.0))
	assert.True(t, jsAtLeast(2.0, 2.0))
	assert.True(t, jsAtMost(2.0, 2.0))
	assert.False(t, jsAtMost(3.0, "2"))
	assert.True(t, jsInclude("receipt 42", "42"))
	assert.True(t, jsInclude([]any{map[string]any{"id": 1.0}}, map[string]any{"id": 1.0}))
	assert.True(t, jsInclude(map[string]any{"a": 1.0, "b": 2.0}, map[string]any{"a": 1.0}))
	assert.True(t, jsHasProperty(map[string]any{"token": nil}, "token"))
	assert.False(t, jsHasProperty(map[string]any{}, "token"))
	assert.Equal(t, 2.0, jsLength("аб"), "length counts UTF-16 code units")
	assert.Equal(t, 2.0, jsLength("😀"))
	assert.True(t, jsLengthOf([]any{1.0, 2.0}, 2.0))
	assert.True(t, jsEmpty(""))
	assert.False(t, jsEmpty(" "))
	assert.True(t, jsMatch("AB-12", `^[A-Z]+-\d+$`))
	assert.False(t, jsMatch(12.0, `\d`), "match applies to strings only")
	assert.True(t, jsOneOf("PAID", []any{"PENDING", "PAID"}))
	assert.True(t, jsStatusClass(204.0, 2.0))
	assert.False(t, jsStatusClass(301.0, 2.0))
	assert.True(t, jsExists(false))
	assert.False(t, jsExists(nil))
}

func TestJSStringFunctions(t *testing.T) {
	assert.Equal(t, "a1true", jsConcat("a", 1.0, true))
	assert.Equal(t, "б", jsSubstring("абв", 1, 2))
	assert.Equal(t, "бв", jsSubstring("абв", 1, -1))
	assert.Equal(t, "dXNlcjpwYXNz", jsBase64("user:pass"))
	assert.Equal(t, `{"a":[1,"<x>"]}`, jsStringify(map[string]any{"a": []any{1.0, "<x>"}}))
	assert.True(t, isUndefined(jsStringify(jsUndefined)))
	assert.Equal(t, map[string]any{"a": 1.0}, jsParseJSON(`{"a":1}`))
	assert.True(t, isUndefined(jsParseJSON("{")))
	assert.Equal(t, []any{"PENDING", "PAID"}, jsLiteral(`["PENDING","PAID"]`))
}

func TestJSPath(t *testing.T) {
	v := jsParseJSON(`{"items": [{"id": "r-1"}], "name": "abc"}`)
	assert.Equal(t, "r-1", jsPath(v, "items", 0, "id"))
	assert.Equal(t, 1.0, jsPath(v, "items", "length"))
	assert.Equal(t, 3.0, jsPath(v, "name", "length"))
	assert.True(t, isUndefined(jsPath(v, "items", 5, "id")))
	assert.True(t, isUndefined(jsPath(v, "missing", "id")))
}

func TestJSONSchemaValidation(t *testing.T) {
	schema := jsParseJSON(`{
		"type": "object",
		"required": ["id", "total"],
		"properties": {
			"id": {"type": "string", "pattern": "^r-"},
			"total": {"type": "number", "minimum": 0},
			"items": {"type": "array", "items": {"type": "integer"}, "maxItems": 2},
			"status": {"enum": ["OPEN", "CLOSED"]}
		},
		"additionalProperties": false
	}`)
	valid := jsParseJSON(`{"id": "r-1", "total": 12.5, "items": [1, 2], "status": "OPEN"}`)
	assert.True(t, jsSchemaValid(valid, schema))
	for _, bad := range []string{
		`{"total": 1}`,
		`{"id": "x-1", "total": 1}`,
		`{"id": "r-1", "total": -1}`,
		`{"id": "r-1", "total": 1, "items": [1.5]}`,
		`{"id": "r-1", "total": 1, "items": [1, 2, 3]}`,
		`{"id": "r-1", "total": 1, "status": "LOST"}`,
		`{"id": "r-1", "total": 1, "extra": true}`,
		`[]`,
	} {
		assert.False(t, jsSchemaValid(jsParseJSON(bad), schema), bad)
	}
	assert.True(t, jsSchemaValid(1.0, jsParseJSON(`{"anyOf": [{"type": "string"}, {"type": "number"}]}`)))
	assert.False(t, jsSchemaValid(1.0, jsParseJSON(`{"not": {"type": "number"}}`)))
	assert.False(t, jsSchemaValid(1.0, jsParseJSON(`{"oneOf": [{"type": "number"}, {"minimum": 0}]}`)))
}

func TestScriptEnvResponse(t *testing.T) {
	s := NewSession()
	s.Set(ScopeEnvironment, "token", "t0k")
	r := &Response{
		StatusCode: 201,
		Header:     http.Header{"X-Request-Id": {"abc"}},
		Body:       []byte(`{"receipt": {"id": "r-1", "total": 10.00}}`),
		Elapsed:    120 * time.Millisecond,
	}
	e := responseScriptEnv(s, r)
	assert.Equal(t, 201.0, e.code())
	assert.Equal(t, "Created", e.status())
	assert.Equal(t, 120.0, e.responseTime())
	assert.Equal(t, "abc", e.header("x-request-id"))
	assert.True(t, isUndefined(e.header("X-Missing")))
	assert.True(t, e.hasHeader("X-Request-Id", "abc"))
	assert.False(t, e.hasHeader("X-Request-Id", "other"))
	assert.True(t, e.isJSON())
	assert.Equal(t, "r-1", e.json("receipt", "id"))
	assert.Equal(t, "t0k", e.variable("token"))
	assert.True(t, isUndefined(e.scoped(ScopeCollection, "token")))

	e.set(ScopeEnvironment, "total", e.json("receipt", "total"))
	total, _ := s.Get("total")
	assert.Equal(t, "10", total, "numbers are stored as JavaScript prints them")
	e.set(ScopeEnvironment, "missing", e.json("nope"))
	_, ok := s.Get("missing")
	assert.False(t, ok, "undefined stores nothing")
	e.unset(ScopeEnvironment, "token")
	assert.True(t, isUndefined(e.variable("token")))
}
