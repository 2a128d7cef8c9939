package jsontree

import (
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// toAny converts a tree into the values encoding/json produces with
// UseNumber, so the two decoders can be compared.
func toAny(v *Value) any {
	switch v.Kind {
	case Null:
		return nil
	case Bool:
		return v.Bool
	case Number:
		return json.Number(v.Str)
	case String:
		return v.Str
	case Array:
		out := make([]any, len(v.Items))
		for i := range v.Items {
			out[i] = toAny(&v.Items[i])
		}
		return out
	case Object:
		out := map[string]any{}
		for i := range v.Members {
			out[v.Members[i].Key] = toAny(&v.Members[i].Value)
		}
		return out
	}
	return v.Str
}

func decodeStd(t *testing.T, data []byte) any {
	t.Helper()
	dec := json.NewDecoder(strings.NewReader(strings.TrimPrefix(string(data), "\uFEFF")))
	dec.UseNumber()
	var out any
	require.NoError(t, dec.Decode(&out))
	return out
}

func TestParseAgreesWithEncodingJSON(t *testing.T) {
	inputs := []string{
		`null`, `true`, `false`, `0`, `-12.50e+3`, `"a\"b\\c\/d\b\f\n\r\t"`,
		`"\u0430\u0431"`, `"\ud83d\ude00"`, `"\ud800"`, `[]`, `{}`,
		`{"a":[1,{"b":null}],"a":2}`, "\uFEFF{\"bom\":1}", " [ 1 , 2 ] ",
		"\"\xff\xfe\"",
	}
	for _, in := range inputs {
		v, err := Parse([]byte(in), Options{})
		require.NoError(t, err, in)
		assert.Equal(t, decodeStd(t, []byte(in)), toAny(v), in)
	}
}

func TestParseKeepsSourceOrderAndNumberText(t *testing.T) {
	v, err := Parse([]byte(`{"z": 12.00, "a": 1, "z": 3}`), Options{})
	require.NoError(t, err)
	require.Len(t, v.Members, 3)
	assert.Equal(t, []string{"z", "a", "z"}, []string{v.Members[0].Key, v.Members[1].Key, v.Members[2].Key})
	assert.Equal(t, "12.00", v.Members[0].Value.Str)
	assert.Equal(t, "3", v.Get("z").Str, "Get returns the last duplicate, as encoding/json does")
	assert.Nil(t, v.Get("missing"))
}

func TestParseRecordsOffsets(t *testing.T) {
	data := []byte(`{"k": [true, "x"]}`)
	v, err := Parse(data, Options{})
	require.NoError(t, err)
	arr := v.Get("k")
	assert.Equal(t, `[true, "x"]`, string(data[arr.Offset:arr.End]))
	assert.Equal(t, `"x"`, string(data[arr.Items[1].Offset:arr.Items[1].End]))
	assert.Equal(t, 1, v.Members[0].KeyOffset)
}

func TestParseSyntaxErrors(t *testing.T) {
	cases := []struct {
		in     string
		offset int
		msg    string
	}{
		{`{"a" 1}`, 5, "want ':'"},
		{`[1,]`, 3, "want a value"},
		{`{"a":1,}`, 7, "want a string key"},
		{`[1 2]`, 3, "want ',' or ']'"},
		{`"abc`, 0, "unterminated string"},
		{`01`, 1, "after the top-level value"},
		{`-`, 1, "want a digit"},
		{`1.`, 2, "digit after '.'"},
		{`tru`, 0, "want true"},
		{"\"a\tb\"", 2, "control character"},
		{`"\x"`, 1, `invalid escape`},
		{`{"a": {{x}}}`, 7, "want a string key"},
		{`// c` + "\n1", 0, "want a value"},
		{``, 0, "end of input"},
	}
	for _, c := range cases {
		_, err := Parse([]byte(c.in), Options{})
		var se *SyntaxError
		require.True(t, errors.As(err, &se), "%q: %v", c.in, err)
		assert.Equal(t, c.offset, se.Offset, c.in)
		assert.Contains(t, se.Msg, c.msg, c.in)
	}
}

func TestParseLenientBodies(t *testing.T) {
	in := `{
  // the amount in BYN
  "sum": {{amount}},
  "items": [ {{item}}, 2, ], /* trailing */
}`
	v, err := Parse([]byte(in), Options{Comments: true, TrailingCommas: true, Placeholders: true})
	require.NoError(t, err)
	assert.Equal(t, Placeholder, v.Get("sum").Kind)
	assert.Equal(t, "{{amount}}", v.Get("sum").Str)
	items := v.Get("items")
	require.Len(t, items.Items, 2)
	assert.Equal(t, Placeholder, items.Items[0].Kind)

	_, err = Parse([]byte(`{"a": {{unterminated}`), Options{Placeholders: true})
	require.Error(t, err)
	_, err = Parse([]byte(`/* open`), Options{Comments: true})
	require.ErrorContains(t, err, "unterminated /* comment")
}

func TestParseDepthLimit(t *testing.T) {
	deep := strings.Repeat("[", 50) + strings.Repeat("]", 50)
	_, err := Parse([]byte(deep), Options{MaxDepth: 10})
	require.ErrorContains(t, err, "nesting deeper than 10 levels")
	_, err = Parse([]byte(deep), Options{MaxDepth: 50})
	require.NoError(t, err)

	huge := strings.Repeat("[", 2_000_000)
	_, err = Parse([]byte(huge), Options{})
	require.ErrorContains(t, err, "nesting deeper than 1000 levels")
}

func TestParseReportsRootElements(t *testing.T) {
	type element struct {
		key   string
		index int
		value Value
	}
	var got []element
	data := []byte(`{"a": [1, {"b": [2]}], "c": {"d": [3]}, "e": [], "a": ["x"]}`)
	v, err := Parse(data, Options{RootElement: func(key string, index int, elem Value) {
		got = append(got, element{key, index, elem})
	}})
	require.NoError(t, err)
	first, last := v.Members[0].Value.Items, v.Members[3].Value.Items
	assert.Equal(t, []element{{"a", 0, first[0]}, {"a", 1, first[1]}, {"a", 0, last[0]}}, got,
		"only elements of arrays that are members of the top-level object")

	_, err = Parse([]byte(`[[1], {"a": [2]}]`), Options{RootElement: func(string, int, Value) {
		t.Error("RootElement called for a top-level array")
	}})
	require.NoError(t, err)
}

func TestLineCol(t *testing.T) {
	data := []byte("ab\nгде x")
	line, col := LineCol(data, strings.Index(string(data), "x"))
	assert.Equal(t, 2, line)
	assert.Equal(t, 5, col, "columns count characters, not bytes")
	line, col = LineCol(data, 0)
	assert.Equal(t, [2]int{1, 1}, [2]int{line, col})
}

// TestParseCorpusAgreesWithEncodingJSON decodes every JSON file of the
// testdata tree and, when present, of the shared public corpus with both
// decoders.
func TestParseCorpusAgreesWithEncodingJSON(t *testing.T) {
	var files []string
	for _, pattern := range []string{"../../testdata/*/*.json", "../../../shared/corpus/public/*.json"} {
		matches, _ := filepath.Glob(pattern)
		files = append(files, matches...)
	}
	if len(files) == 0 {
		t.Skip("no JSON files found under testdata or ../shared/corpus/public")
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		require.NoError(t, err)
		if !json.Valid([]byte(strings.TrimPrefix(string(data), "\uFEFF"))) {
			continue
		}
		v, err := Parse(data, Options{})
		require.NoError(t, err, f)
		if !reflect.DeepEqual(decodeStd(t, data), toAny(v)) {
			t.Errorf("%s: trees differ", f)
		}
	}
}

func TestLineIndexMatchesLineCol(t *testing.T) {
	data := []byte("{\n  \"ключ\": 1,\n\n  \"b\": [2]\n}\n")
	idx := NewLineIndex(data)
	for off := 0; off <= len(data); off++ {
		wl, wc := LineCol(data, off)
		gl, gc := idx.LineCol(off)
		assert.Equal(t, [2]int{wl, wc}, [2]int{gl, gc}, "offset %d", off)
	}
}

func TestAppendStrict(t *testing.T) {
	in := "{\n // note\n \"a\": [1.50, {{x}}, \"q\\\"\\u0001\"],\n \"b\": {},\n}"
	v, err := Parse([]byte(in), Options{Comments: true, TrailingCommas: true, Placeholders: true})
	require.NoError(t, err)
	out := AppendStrict(nil, v)
	assert.Equal(t, `{"a":[1.50,null,"q\"\u0001"],"b":{}}`, string(out))
	assert.True(t, json.Valid(out))
	assert.Equal(t, `{"a":[1.50,{{x}},"q\"\u0001"],"b":{}}`, string(AppendTemplate(nil, v)))
}
