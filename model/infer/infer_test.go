package infer

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/pmgen/pmgen/diag"
	"github.com/pmgen/pmgen/model/naming"
	"github.com/pmgen/pmgen/model/types"
)

func TestPathString(t *testing.T) {
	p := path{{key: "Root"}}.key("positions").elem().key("price")
	assert.Equal(t, "Root.positions[].price", p.String())

	odd := path{{key: "Root"}}.key("a.b").key("").key(`q"[]`).elem()
	assert.Equal(t, `Root["a.b"][""]["q\"[]"][]`, odd.String())
}

func TestPathStringParsesBack(t *testing.T) {
	paths := []path{
		{{key: "Root"}},
		path{{key: "Root"}}.key("positions").elem().key("price"),
		path{{key: "Root"}}.key("a.b").key("").key(`q"[]`).elem().elem(),
		path{{key: "Root"}}.key("Номер чека").key("*"),
	}
	for _, p := range paths {
		pat, err := parsePattern(p.String())
		require.NoError(t, err, p.String())
		assert.True(t, pat.match(p), p.String())
	}
}

func TestPatternMatch(t *testing.T) {
	target := path{{key: "ProdazhaRequest"}}.key("positions").elem().key("price")
	tests := []struct {
		pattern string
		want    bool
	}{
		{"ProdazhaRequest.positions[].price", true},
		{"ProdazhaRequest.positions.price", false},
		{"ProdazhaRequest.positions[]", false},
		{"*Request.positions[].price", true},
		{"*Response.positions[].price", false},
		{"**.price", true},
		{"**.pri*", true},
		{"**.*", true},
		{"**", true},
		{"ProdazhaRequest.**", true},
		{"ProdazhaRequest.**.price", true},
		{"ProdazhaRequest.**[].price", true},
		{"ProdazhaRequest.*.price", false},
		{"ProdazhaRequest.*[].price", true},
		{`ProdazhaRequest["positions"][]["price"]`, true},
		{`ProdazhaRequest["pos*"][].price`, false},
		{"**.sum", false},
	}
	for _, tt := range tests {
		pat, err := parsePattern(tt.pattern)
		require.NoError(t, err, tt.pattern)
		assert.Equal(t, tt.want, pat.match(target), tt.pattern)
	}
}

func TestValidatePathRejects(t *testing.T) {
	tests := []struct{ path, err string }{
		{"", "empty path"},
		{"[]", `invalid path "[]": want a root name first`},
		{"Root..a", `invalid path "Root..a": empty key`},
		{"Root.a[x]", `invalid path "Root.a[x]": want [] or ["key"] at "[x]"`},
		{`Root["a"`, `invalid path "Root[\"a\"": want [] or ["key"] at "[\"a\""`},
		{"Root[]x", `invalid path "Root[]x": want '.', [] or ["key"] at "x"`},
	}
	for _, tt := range tests {
		err := ValidatePath(tt.path)
		require.Error(t, err, tt.path)
		assert.Equal(t, tt.err, err.Error(), tt.path)
	}
}

func TestGlobMatch(t *testing.T) {
	assert.True(t, globMatch("a*c", "abc"))
	assert.True(t, globMatch("a*c", "ac"))
	assert.False(t, globMatch("a*c", "ab"))
	assert.True(t, globMatch("*b*", "abc"))
	assert.False(t, globMatch("a*a", "a"), "prefix and suffix must not overlap")
	assert.True(t, globMatch("*", ""))
}

func TestParseType(t *testing.T) {
	tests := []struct {
		name string
		want *types.Type
	}{
		{"string", &types.Type{Kind: types.String}},
		{"int", &types.Type{Kind: types.Int}},
		{"float64", &types.Type{Kind: types.Float}},
		{"bool", &types.Type{Kind: types.Bool}},
		{"json.RawMessage", &types.Type{Kind: types.Raw}},
		{"json.Number", external("encoding/json", "Number")},
		{"time.Time", external("time", "Time")},
		{"github.com/shopspring/decimal.Decimal", external("github.com/shopspring/decimal", "Decimal")},
		{"[]string", &types.Type{Kind: types.Array, Elem: &types.Type{Kind: types.String}}},
		{"gopkg.in/yaml.v3.Node", external("gopkg.in/yaml.v3", "Node")},
	}
	for _, tt := range tests {
		got, err := ParseType(tt.name)
		require.NoError(t, err, tt.name)
		assert.Equal(t, tt.want, got, tt.name)
	}
	for _, bad := range []string{"", "decimal", "example.com/x.y/z", "pkg.", "pkg.type", "[]",
		`example.com/mo ney"x.Decimal`, "example.com//x.Decimal", "/x.Decimal", "example.com/../x.Decimal", "example.com/ж.Decimal"} {
		_, err := ParseType(bad)
		assert.Error(t, err, bad)
	}
	_, err := ParseType("*string")
	require.Error(t, err)
	assert.Contains(t, err.Error(), `write it without "*"`)
}

func TestCountAndUntyped(t *testing.T) {
	raw := &types.Type{Kind: types.Raw}
	inner := &types.Type{Kind: types.Struct, Name: "Inner", Fields: []*types.Field{
		{Name: "A", Type: &types.Type{Kind: types.Int}},
		{Name: "B", Type: &types.Type{Kind: types.Array, Elem: raw}},
	}}
	outer := &types.Type{Kind: types.Struct, Name: "Outer", Fields: []*types.Field{
		{Name: "X", Type: inner},
		{Name: "Y", Type: &types.Type{Kind: types.Array, Elem: inner}},
		{Name: "Z", Type: external("", "map[string]any")},
		{Name: "W", Type: external("encoding/json", "RawMessage")},
		{Name: "V", Type: external("time", "Time")},
		{Name: "U", Type: raw},
	}}

	fields, typed := Count(outer)
	assert.Equal(t, 8, fields, "Inner is counted once")
	assert.Equal(t, 4, typed)

	fields, typed = Count(&types.Type{Kind: types.Array, Elem: inner})
	assert.Equal(t, 2, fields)
	assert.Equal(t, 1, typed)

	fields, typed = Count(&types.Type{Kind: types.String})
	assert.Zero(t, fields)
	assert.Zero(t, typed)

	assert.True(t, Untyped(external("", "any")))
	assert.True(t, Untyped(&types.Type{Kind: types.Array, Elem: external("", "[]interface{}")}))
	assert.False(t, Untyped(external("encoding/json", "Number")))
	assert.False(t, Untyped(inner))
}

func TestInferNoSamples(t *testing.T) {
	r := NewRegistry(Options{})
	assert.Nil(t, r.Infer("Root", nil))
	assert.Nil(t, r.Infer("Root", []Sample{{Data: []byte(" \n")}}))
	assert.Empty(t, r.Types())
	diags := r.Diagnostics()
	assert.Zero(t, diags.Len())
}

func TestInferRootNameFallback(t *testing.T) {
	r := NewRegistry(Options{})
	a := r.Infer("Открыть смену", []Sample{{Data: []byte(`{"a":1}`)}})
	b := r.Infer("获取订单", []Sample{{Data: []byte(`{"b":1}`)}})
	r.Types()

	assert.Equal(t, "OtkrytSmenu", a.Name)
	assert.Equal(t, "Body", b.Name)
}

func TestInferDiagnosticPosition(t *testing.T) {
	pos := diag.Position{File: "c.json", Offset: 120, Line: 7, Col: 3, Pointer: "/item/0/request/body/raw"}
	r := NewRegistry(Options{})
	r.Infer("Root", []Sample{
		{Data: []byte(`{"a": []}`), Name: "request body", Pos: pos, Where: "Смена / Открыть смену"},
	})

	diags := r.Diagnostics()
	got := diags.Sorted()
	require.Len(t, got, 1)
	assert.Equal(t, CodeUntypedEmptyArray, got[0].Code)
	assert.Equal(t, diag.Warning, got[0].Severity)
	assert.Equal(t, pos, got[0].Pos)
	assert.Equal(t, "Смена / Открыть смену", got[0].Where)
	assert.Contains(t, got[0].Message, `"Root.a"`)
}

func TestInferOverrideOnRoot(t *testing.T) {
	r := NewRegistry(Options{Overrides: []Override{{Path: "Root", Type: &types.Type{Kind: types.Raw}}}})
	got := r.Infer("Root", []Sample{{Data: []byte(`{"a": 1}`)}})

	assert.Equal(t, types.Raw, got.Kind)
	assert.Empty(t, r.Types())
	assert.Empty(t, r.UnusedOverrides())
}

// TestInferOverrideOnNullField gives a type to a field that is null in
// every sample: the field becomes a pointer, so that the zero value still
// encodes as the samples' null.
func TestInferOverrideOnNullField(t *testing.T) {
	r := NewRegistry(Options{Overrides: []Override{{Path: "Root.comment", Type: &types.Type{Kind: types.String}}}})
	got := r.Infer("Root", []Sample{{Data: []byte(`{"comment": null, "n": null}`)}})

	require.Len(t, got.Fields, 2)
	comment, n := got.Fields[0], got.Fields[1]
	assert.Equal(t, types.String, comment.Type.Kind)
	assert.True(t, comment.Pointer(), "the overridden field is *string")
	assert.Equal(t, types.Raw, n.Type.Kind)
	assert.False(t, n.Pointer(), "a field without override stays json.RawMessage")
}

func TestInferInvalidOverrideType(t *testing.T) {
	r := NewRegistry(Options{Overrides: []Override{
		{Path: "Root.a"},
		{Path: "Root.b", Type: &types.Type{Kind: types.External}},
	}})
	diags := r.Diagnostics()
	got := diags.Sorted()

	require.Len(t, got, 2)
	assert.Equal(t, diag.Error, got[0].Severity)
	assert.Equal(t, CodeInvalidTypeOverride, got[0].Code)
	assert.Equal(t, `type override "Root.a": missing or incomplete type`, got[0].Message)
	assert.Empty(t, r.UnusedOverrides(), "invalid overrides are reported once, as errors")
}

func TestInferTypesAreValid(t *testing.T) {
	r := NewRegistry(Options{Reserved: []string{"Root"}})
	body := `{"а":{"б":{"в":[{"г":1}]}},"a b":{"x":1},"AB":{"x":2},"名称":{"y":1},"":{"z":true}}`
	r.Infer("Root", []Sample{{Data: []byte(body)}})
	r.Infer("Root", []Sample{{Data: []byte(body)}})

	seen := map[string]bool{"Root": true}
	for _, st := range r.Types() {
		assert.True(t, naming.IsValid(st.Name), st.Name)
		assert.False(t, seen[st.Name], "duplicate type name %q", st.Name)
		seen[st.Name] = true
		names := map[string]bool{}
		for _, f := range st.Fields {
			assert.True(t, naming.IsValid(f.Name), f.Name)
			assert.False(t, names[f.Name], "duplicate field %q in %s", f.Name, st.Name)
			names[f.Name] = true
		}
	}
}

func TestInferDeepNesting(t *testing.T) {
	depth := 500
	body := strings.Repeat(`{"a":[`, depth) + "1" + strings.Repeat("]}", depth)
	r := NewRegistry(Options{})
	got := r.Infer("Root", []Sample{{Data: []byte(body)}})

	require.NotNil(t, got)
	structs := r.Types()
	assert.Len(t, structs, depth)
	for _, st := range structs {
		assert.LessOrEqual(t, len(st.Name), naming.MaxLen+len(fmt.Sprint(depth)), st.Name)
	}
}
