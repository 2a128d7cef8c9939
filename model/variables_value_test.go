package model

import (
	"testing"

	"github.com/pmgen/pmgen/parser"
)

func TestPostmanValueMatchesJavaScript(t *testing.T) {
	tests := []struct {
		value string
		kind  parser.ValueKind
		want  string
	}{
		{"text", parser.ValueString, "text"},
		{"10.50", parser.ValueNumber, "10.5"},
		{"10.00", parser.ValueNumber, "10"},
		{"-0.0", parser.ValueNumber, "0"},
		{"1e21", parser.ValueNumber, "1e+21"},
		{"123456789012345678901", parser.ValueNumber, "123456789012345680000"},
		{"0.0000001", parser.ValueNumber, "1e-7"},
		{"0.000001", parser.ValueNumber, "0.000001"},
		{"1.5e-10", parser.ValueNumber, "1.5e-10"},
		{"true", parser.ValueBool, "true"},
		{"", parser.ValueNull, "null"},
		{"", parser.ValueMissing, ""},
		{`{"a": 1}`, parser.ValueJSON, "[object Object]"},
		{`[1, "b", null, [2, 3], {"c": 4}]`, parser.ValueJSON, "1,b,,2,3,[object Object]"},
	}
	for _, tt := range tests {
		got := PostmanValue(&parser.Variable{Value: tt.value, Kind: tt.kind})
		if got != tt.want {
			t.Errorf("PostmanValue(%s %q) = %q, want %q", kindName(tt.kind), tt.value, got, tt.want)
		}
	}
}

func kindName(k parser.ValueKind) string {
	return [...]string{"string", "number", "bool", "null", "missing", "json"}[k]
}
