package parser

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/pmgen/pmgen/diag"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

var update = flag.Bool("update", false, "rewrite the expected.json files under testdata/parser")

// goldenDir holds one folder per case: an input named collection.json or
// environment.json, and expected.json with the decoded value and the
// diagnostics.
const goldenDir = "../testdata/parser"

func TestGolden(t *testing.T) {
	dirs, err := filepath.Glob(filepath.Join(goldenDir, "*"))
	require.NoError(t, err)
	require.NotEmpty(t, dirs)

	for _, dir := range dirs {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			got := decodeCase(t, dir)
			path := filepath.Join(dir, "expected.json")
			if *update {
				require.NoError(t, os.WriteFile(path, got, 0o644))
				return
			}
			want, err := os.ReadFile(path)
			require.NoError(t, err, "run go test ./parser -update to create it")
			assert.Equal(t, string(want), string(got))
		})
	}
}

// decodeCase parses the input of a case folder and renders the result.
func decodeCase(t *testing.T, dir string) []byte {
	t.Helper()
	var value any
	var diags diag.List
	if data, err := os.ReadFile(filepath.Join(dir, "environment.json")); err == nil {
		env, list := ParseEnvironment("environment.json", data, Options{})
		value, diags = dump(reflect.ValueOf(env)), list
	} else {
		data, err := os.ReadFile(filepath.Join(dir, "collection.json"))
		require.NoError(t, err)
		c, list := ParseCollection("collection.json", data, Options{})
		value, diags = dump(reflect.ValueOf(c)), list
	}

	lines := []string{}
	for _, d := range diags.Sorted() {
		lines = append(lines, d.String()+" "+d.Pos.Pointer)
	}
	out := orderedObject{{"value", value}, {"diagnostics", lines}}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", " ")
	require.NoError(t, enc.Encode(out))
	return b.Bytes()
}

// orderedObject is a JSON object that keeps its members in order, so
// dumps list struct fields in declaration order.
type orderedObject []member

type member struct {
	key   string
	value any
}

func (o orderedObject) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	b.WriteByte('{')
	for i, m := range o {
		if i > 0 {
			b.WriteByte(',')
		}
		if err := enc.Encode(m.key); err != nil {
			return nil, err
		}
		b.WriteByte(':')
		if err := enc.Encode(m.value); err != nil {
			return nil, err
		}
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

var (
	positionType  = reflect.TypeFor[diag.Position]()
	valueKindType = reflect.TypeFor[ValueKind]()
)

// dump converts a decoded value into JSON-ready values. Struct fields that
// hold their zero value are left out, except ValueKind, which is always
// shown by name. A non-nil pointer is shown even when it points at a zero
// value. A position is shown as "line:col pointer".
func dump(v reflect.Value) any {
	switch {
	case v.Type() == positionType:
		p := v.Interface().(diag.Position)
		return fmt.Sprintf("%d:%d %s", p.Line, p.Col, p.Pointer)
	case v.Type() == valueKindType:
		return [...]string{"string", "number", "bool", "null", "missing", "json"}[v.Uint()]
	}
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() {
			return nil
		}
		return dump(v.Elem())
	case reflect.Slice:
		out := make([]any, v.Len())
		for i := range out {
			out[i] = dump(v.Index(i))
		}
		return out
	case reflect.Struct:
		return dumpStruct(v)
	}
	return v.Interface()
}

func dumpStruct(v reflect.Value) orderedObject {
	out := orderedObject{}
	for i := range v.NumField() {
		f := v.Field(i)
		if f.IsZero() && f.Type() != valueKindType {
			continue
		}
		out = append(out, member{v.Type().Field(i).Name, dump(f)})
	}
	return out
}
