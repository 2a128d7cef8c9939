package clientrt

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"unicode/utf16"
)

// The functions below give translated Postman scripts JavaScript's value
// semantics. A JavaScript value is held as: undefinedValue for undefined,
// nil for null, bool, float64 for every number, string, []any for arrays
// and map[string]any for objects, as encoding/json decodes JSON into any.

// undefinedValue is JavaScript's undefined: a missing key, header or
// variable.
type undefinedValue struct{}

// jsUndefined is the undefined value.
var jsUndefined any = undefinedValue{}

func isUndefined(v any) bool {
	_, ok := v.(undefinedValue)
	return ok
}

// jsString converts v as JavaScript's String(v) does.
func jsString(v any) string {
	switch v := v.(type) {
	case undefinedValue:
		return "undefined"
	case nil:
		return "null"
	case bool:
		return strconv.FormatBool(v)
	case float64:
		return jsNumberText(v)
	case string:
		return v
	case []any:
		parts := make([]string, len(v))
		for i, e := range v {
			if e != nil && !isUndefined(e) {
				parts[i] = jsString(e)
			}
		}
		return strings.Join(parts, ",")
	case map[string]any:
		return "[object Object]"
	}
	return ""
}

// jsNumberText formats a number as JavaScript's Number.prototype.toString.
func jsNumberText(f float64) string {
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
		// Go writes 1e+21 and 1e-07; JavaScript writes 1e+21 and 1e-7.
		mant, exp, _ := strings.Cut(s, "e")
		sign := exp[0]
		exp = strings.TrimLeft(exp[1:], "0")
		return mant + "e" + string(sign) + exp
	}
	return strconv.FormatFloat(f, 'f', -1, 64)
}

// jsNumber converts v as JavaScript's Number(v) does.
func jsNumber(v any) float64 {
	switch v := v.(type) {
	case nil:
		return 0
	case bool:
		if v {
			return 1
		}
		return 0
	case float64:
		return v
	case string:
		s := strings.TrimSpace(v)
		if s == "" {
			return 0
		}
		if f, err := strconv.ParseFloat(s, 64); err == nil && !strings.ContainsAny(s, "_xXpP") {
			return f
		}
		if n, err := strconv.ParseInt(s, 0, 64); err == nil && strings.HasPrefix(strings.ToLower(s), "0x") {
			return float64(n)
		}
		return math.NaN()
	case []any:
		if len(v) == 0 {
			return 0
		}
		if len(v) == 1 {
			return jsNumber(jsString(v[0]))
		}
	}
	return math.NaN()
}

// jsParseNumber is parseInt(v, 10) when integer is set and parseFloat(v)
// otherwise: the number the string starts with, NaN when there is none.
func jsParseNumber(v any, integer bool) float64 {
	s := strings.TrimLeft(jsString(v), " \t\n\r\v\f")
	end := 0
	if end < len(s) && (s[end] == '+' || s[end] == '-') {
		end++
	}
	digits := end
	for end < len(s) && s[end] >= '0' && s[end] <= '9' {
		end++
	}
	if !integer {
		if end < len(s) && s[end] == '.' {
			end++
			for end < len(s) && s[end] >= '0' && s[end] <= '9' {
				end++
			}
		}
		if end > digits && end < len(s) && (s[end] == 'e' || s[end] == 'E') {
			exp := end + 1
			if exp < len(s) && (s[exp] == '+' || s[exp] == '-') {
				exp++
			}
			if exp < len(s) && s[exp] >= '0' && s[exp] <= '9' {
				end = exp
				for end < len(s) && s[end] >= '0' && s[end] <= '9' {
					end++
				}
			}
		}
	}
	f, err := strconv.ParseFloat(s[:end], 64)
	if err != nil {
		return math.NaN()
	}
	return f
}

// jsTruthy reports whether v is truthy: not false, 0, NaN, "", null or
// undefined.
func jsTruthy(v any) bool {
	switch v := v.(type) {
	case undefinedValue, nil:
		return false
	case bool:
		return v
	case float64:
		return v != 0 && !math.IsNaN(v)
	case string:
		return v != ""
	}
	return true
}

// jsType returns the type name chai's a/an assertion uses: "undefined",
// "null", "boolean", "number", "string", "array" or "object".
func jsType(v any) string {
	switch v.(type) {
	case undefinedValue:
		return "undefined"
	case nil:
		return "null"
	case bool:
		return "boolean"
	case float64:
		return "number"
	case string:
		return "string"
	case []any:
		return "array"
	}
	return "object"
}

// jsStrictEqual is JavaScript's ===. Arrays and objects are equal only
// when they are the same value, which decoded JSON never is.
func jsStrictEqual(a, b any) bool {
	switch a := a.(type) {
	case undefinedValue:
		return isUndefined(b)
	case nil:
		return b == nil
	case bool:
		bb, ok := b.(bool)
		return ok && a == bb
	case float64:
		bf, ok := b.(float64)
		return ok && a == bf
	case string:
		bs, ok := b.(string)
		return ok && a == bs
	}
	return false
}

// jsLooseEqual is JavaScript's == for the values scripts compare: null
// and undefined equal each other, and a number compared with a string or
// boolean converts the other side to a number.
func jsLooseEqual(a, b any) bool {
	aNullish := a == nil || isUndefined(a)
	bNullish := b == nil || isUndefined(b)
	if aNullish || bNullish {
		return aNullish && bNullish
	}
	if jsType(a) == jsType(b) {
		return jsStrictEqual(a, b)
	}
	switch a.(type) {
	case []any, map[string]any:
		return jsLooseEqual(jsString(a), b)
	}
	switch b.(type) {
	case []any, map[string]any:
		return jsLooseEqual(a, jsString(b))
	}
	return jsNumber(a) == jsNumber(b)
}

// jsDeepEqual is chai's eql: structural equality of JSON values.
func jsDeepEqual(a, b any) bool {
	switch a := a.(type) {
	case []any:
		bb, ok := b.([]any)
		if !ok || len(a) != len(bb) {
			return false
		}
		for i := range a {
			if !jsDeepEqual(a[i], bb[i]) {
				return false
			}
		}
		return true
	case map[string]any:
		bb, ok := b.(map[string]any)
		if !ok || len(a) != len(bb) {
			return false
		}
		for k, v := range a {
			w, ok := bb[k]
			if !ok || !jsDeepEqual(v, w) {
				return false
			}
		}
		return true
	case float64:
		bf, ok := b.(float64)
		return ok && (a == bf || math.IsNaN(a) && math.IsNaN(bf))
	}
	return jsStrictEqual(a, b)
}

// jsCompare compares two values as chai's above and below do: numbers by
// value, and strings by their numeric value. ok is false when either side
// is not a number.
func jsCompare(a, b any) (c int, ok bool) {
	x, y := jsNumber(a), jsNumber(b)
	if math.IsNaN(x) || math.IsNaN(y) || a == nil || b == nil || isUndefined(a) || isUndefined(b) {
		return 0, false
	}
	switch {
	case x < y:
		return -1, true
	case x > y:
		return 1, true
	}
	return 0, true
}

// jsAbove, jsBelow, jsAtLeast and jsAtMost are chai's numeric comparisons.
func jsAbove(a, b any) bool   { c, ok := jsCompare(a, b); return ok && c > 0 }
func jsBelow(a, b any) bool   { c, ok := jsCompare(a, b); return ok && c < 0 }
func jsAtLeast(a, b any) bool { c, ok := jsCompare(a, b); return ok && c >= 0 }
func jsAtMost(a, b any) bool  { c, ok := jsCompare(a, b); return ok && c <= 0 }

// jsInclude is chai's include: a substring of a string, an element of an
// array (deep-equal), or every key and value of an object.
func jsInclude(haystack, needle any) bool {
	switch h := haystack.(type) {
	case string:
		return strings.Contains(h, jsString(needle))
	case []any:
		return slices.ContainsFunc(h, func(e any) bool { return jsDeepEqual(e, needle) })
	case map[string]any:
		n, ok := needle.(map[string]any)
		if !ok {
			return false
		}
		for k, v := range n {
			if w, ok := h[k]; !ok || !jsDeepEqual(w, v) {
				return false
			}
		}
		return true
	}
	return false
}

// jsHasProperty is chai's have.property: the object or array has the key.
func jsHasProperty(v any, key any) bool {
	name := jsString(key)
	switch v := v.(type) {
	case map[string]any:
		_, ok := v[name]
		return ok
	case []any:
		if name == "length" {
			return true
		}
		i, err := strconv.Atoi(name)
		return err == nil && i >= 0 && i < len(v)
	case string:
		return name == "length"
	}
	return false
}

// jsLength is x.length of a string (in UTF-16 code units) or an array;
// undefined for other values.
func jsLength(v any) any {
	switch v := v.(type) {
	case string:
		return float64(len(utf16.Encode([]rune(v))))
	case []any:
		return float64(len(v))
	}
	return jsUndefined
}

// jsEmpty is chai's empty: an empty string, array or object.
func jsEmpty(v any) bool {
	switch v := v.(type) {
	case string:
		return v == ""
	case []any:
		return len(v) == 0
	case map[string]any:
		return len(v) == 0
	}
	return false
}

// jsLengthOf is chai's lengthOf.
func jsLengthOf(v, n any) bool {
	return jsStrictEqual(jsLength(v), n)
}

// jsExists is chai's exist: neither null nor undefined.
func jsExists(v any) bool {
	return v != nil && !isUndefined(v)
}

// jsMatch reports whether the string v matches a JavaScript regular
// expression source. Sources that Go's RE2 syntax rejects never match.
//
// NOTE: lookarounds and backreferences are not supported by RE2; a check
// that uses them fails instead of passing silently.
func jsMatch(v any, source string) bool {
	s, ok := v.(string)
	if !ok {
		return false
	}
	re, err := regexp.Compile(source)
	return err == nil && re.MatchString(s)
}

// jsOneOf is chai's oneOf: v is strictly equal to an element of list.
func jsOneOf(v, list any) bool {
	l, ok := list.([]any)
	return ok && slices.ContainsFunc(l, func(e any) bool { return jsStrictEqual(v, e) })
}

// jsConcat joins values with JavaScript's string conversion, as + on
// strings and template literals do.
func jsConcat(parts ...any) any {
	var b strings.Builder
	for _, p := range parts {
		b.WriteString(jsString(p))
	}
	return b.String()
}

// jsSubstring is s.substring(start, end), counting UTF-16 code units; end
// -1 means the end of the string.
func jsSubstring(v any, start, end int) any {
	units := utf16.Encode([]rune(jsString(v)))
	if end < 0 || end > len(units) {
		end = len(units)
	}
	start = min(max(start, 0), end)
	return string(utf16.Decode(units[start:end]))
}

// jsBase64 encodes the UTF-8 bytes of v's string form in standard base64.
func jsBase64(v any) any {
	return base64.StdEncoding.EncodeToString([]byte(jsString(v)))
}

// jsStringify is JSON.stringify(v). Object keys come out sorted, where
// JavaScript keeps their insertion order.
func jsStringify(v any) any {
	if isUndefined(v) {
		return jsUndefined
	}
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(stripUndefined(v)); err != nil {
		return jsUndefined
	}
	return strings.TrimSuffix(buf.String(), "\n")
}

func stripUndefined(v any) any {
	switch v := v.(type) {
	case []any:
		out := make([]any, len(v))
		for i, e := range v {
			if isUndefined(e) {
				e = nil
			}
			out[i] = stripUndefined(e)
		}
		return out
	case map[string]any:
		out := make(map[string]any, len(v))
		for k, e := range v {
			if !isUndefined(e) {
				out[k] = stripUndefined(e)
			}
		}
		return out
	case float64:
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return nil
		}
	}
	return v
}

// jsParseJSON is JSON.parse(v); text that is not JSON gives undefined.
func jsParseJSON(v any) any {
	var out any
	if err := json.Unmarshal([]byte(jsString(v)), &out); err != nil {
		return jsUndefined
	}
	return out
}

// jsLiteral decodes a JSON literal of an array or object written in a
// script.
func jsLiteral(text string) any {
	var out any
	if err := json.Unmarshal([]byte(text), &out); err != nil {
		return jsUndefined
	}
	return out
}

// jsPath walks a JSON value along keys (strings) and indices (ints);
// a step that does not exist gives undefined.
func jsPath(v any, path ...any) any {
	for _, step := range path {
		switch s := step.(type) {
		case string:
			switch cur := v.(type) {
			case map[string]any:
				next, ok := cur[s]
				if !ok {
					return jsUndefined
				}
				v = next
			case []any, string:
				if s != "length" {
					return jsUndefined
				}
				v = jsLength(cur)
			default:
				return jsUndefined
			}
		case int:
			arr, ok := v.([]any)
			if !ok || s < 0 || s >= len(arr) {
				return jsUndefined
			}
			v = arr[s]
		}
	}
	return v
}

// jsStatusClass reports whether a status code is in a class: 2 for
// 200–299, as chai's to.be.success tests.
func jsStatusClass(code, class any) bool {
	return math.Floor(jsNumber(code)/100) == jsNumber(class)
}
