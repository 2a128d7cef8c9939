package jsontree

import (
	"bytes"
	"encoding/json"
	"errors"
	"reflect"
	"strings"
	"testing"
)

// FuzzParse compares Parse with encoding/json on any input. In strict
// mode both must accept the same inputs and decode them to the same
// values. In every mode a parsed tree must have offsets inside the input,
// and AppendStrict must write JSON that decodes to the tree's values.
func FuzzParse(f *testing.F) {
	for _, seed := range []string{
		`null`, `-12.50e+3`, `"a\"b\\c\/d\b\f\n\r\t"`, `"\ud83d\ude00"`, `"\ud800"`, "\"\xff\xfe\"",
		`{"a":[1,{"b":null}],"a":2}`, "\uFEFF{\"bom\":1}", " [ 1 , 2 ] ",
		`{"sum": {{amount}}, "list": [{{a}}, 2,], /* c */ "k": "v" // end` + "\n}",
		`[[[[[[[[[[]]]]]]]]]]`, `{"a" 1}`, `01`, `1.`, `"\u00zz"`, "\"\x01\"", `{{}}`, `{{a}`,
	} {
		f.Add([]byte(seed), false)
		f.Add([]byte(seed), true)
	}

	f.Fuzz(func(t *testing.T, data []byte, lenient bool) {
		opts := Options{MaxDepth: 200}
		if lenient {
			opts = Options{Comments: true, TrailingCommas: true, Placeholders: true, MaxDepth: 200}
		}
		v, err := Parse(data, opts)
		tooDeep := err != nil && strings.Contains(err.Error(), "nesting deeper than")
		if !lenient && !tooDeep {
			std := json.Valid(bytes.TrimPrefix(data, []byte("\uFEFF")))
			if std != (err == nil) {
				t.Fatalf("encoding/json says valid=%v, Parse returns %v", std, err)
			}
		}
		if err != nil {
			var se *SyntaxError
			if !errors.As(err, &se) || se.Offset < 0 || se.Offset > len(data) {
				t.Fatalf("error %v is no SyntaxError within the input", err)
			}
			return
		}
		checkOffsets(t, v, len(data))

		strict := AppendStrict(nil, v)
		if !json.Valid(strict) {
			t.Fatalf("AppendStrict writes invalid JSON %q", strict)
		}
		again, err := Parse(strict, Options{MaxDepth: 200})
		if err != nil {
			t.Fatalf("Parse rejects AppendStrict's %q: %v", strict, err)
		}
		if !reflect.DeepEqual(toAny(v), toAny(again)) && !lenient {
			t.Fatalf("AppendStrict changes the value: %q", strict)
		}
		if !lenient {
			if want := decodeStd(t, data); !reflect.DeepEqual(want, toAny(v)) {
				t.Fatalf("encoding/json decodes %#v, Parse %#v", want, toAny(v))
			}
		}
		if _, err := Parse(AppendTemplate(nil, v), opts); err != nil {
			t.Fatalf("Parse rejects AppendTemplate's output: %v", err)
		}
	})
}

// checkOffsets fails the test when a value's byte range is not inside an
// input of size bytes.
func checkOffsets(t *testing.T, v *Value, size int) {
	t.Helper()
	if v.Offset < 0 || v.Offset > v.End || v.End > size {
		t.Fatalf("%s at [%d, %d) outside the input of %d bytes", v.Kind, v.Offset, v.End, size)
	}
	for i := range v.Items {
		checkOffsets(t, &v.Items[i], size)
	}
	for i := range v.Members {
		if m := &v.Members[i]; m.KeyOffset < 0 || m.KeyOffset >= size {
			t.Fatalf("key %q at %d outside the input of %d bytes", m.Key, m.KeyOffset, size)
		}
		checkOffsets(t, &v.Members[i].Value, size)
	}
}
