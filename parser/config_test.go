package parser

import (
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/pmgen/pmgen/diag"
)

const fullConfig = `# pmgen settings for the cash register
package: kassa
names:
  requests:
    "Продажа / Продажа за наличные": SellCash
    404: NotFound
  folders:
    Продажа: Sales
  fields:
    ProdazhaZaNalichnyeRequest.positions[].vatRate: VATRate
types:
  fraction: json.Number
  time: true
  overrides:
    "**.sum": github.com/shopspring/decimal.Decimal
sequences:
  skip: [Смена]
  define:
    Sale and refund:
      - Смена / Открыть смену
      - Продажа / Продажа за наличные
skip:
  - untyped-null
`

func TestParseConfigFull(t *testing.T) {
	cfg, diags := ParseConfig("pmgen.yaml", []byte(fullConfig))
	require.Zero(t, diags.Len(), "%v", diags.Sorted())
	require.NotNil(t, cfg)

	assert.Equal(t, "pmgen.yaml", cfg.File)
	assert.Equal(t, "kassa", cfg.Package.Value)
	assert.Equal(t, []string{"Продажа / Продажа за наличные", "404"}, keys(cfg.Names.Requests))
	assert.Equal(t, []string{"SellCash", "NotFound"}, values(cfg.Names.Requests))
	assert.Equal(t, []string{"Продажа"}, keys(cfg.Names.Folders))
	assert.Equal(t, []string{"Sales"}, values(cfg.Names.Folders))
	assert.Equal(t, []string{"ProdazhaZaNalichnyeRequest.positions[].vatRate"}, keys(cfg.Names.Fields))
	assert.Equal(t, "json.Number", cfg.Types.Fraction.Value)
	assert.True(t, cfg.Types.Time)
	assert.Equal(t, 13, cfg.Types.TimePos.Line)
	assert.Equal(t, []string{"**.sum"}, keys(cfg.Types.Overrides))
	assert.Equal(t, []string{"github.com/shopspring/decimal.Decimal"}, values(cfg.Types.Overrides))
	assert.Equal(t, []string{"Смена"}, values(cfg.Sequences.Skip))
	require.Len(t, cfg.Sequences.Define, 1)
	assert.Equal(t, "Sale and refund", cfg.Sequences.Define[0].Name)
	assert.Equal(t, []string{"Смена / Открыть смену", "Продажа / Продажа за наличные"}, values(cfg.Sequences.Define[0].Steps))
	assert.Equal(t, []string{"untyped-null"}, values(cfg.Skip))
}

func TestParseConfigPositions(t *testing.T) {
	cfg, diags := ParseConfig("pmgen.yaml", []byte(fullConfig))
	require.Zero(t, diags.Len())

	// A mapping entry is located at its key, a list item at itself. The
	// column counts characters and the offset counts bytes.
	tests := []struct {
		name string
		pos  diag.Position
		text string
		line int
		col  int
	}{
		{"request key", cfg.Names.Requests[0].Pos, `"Продажа / Продажа за наличные"`, 5, 5},
		{"field key", cfg.Names.Fields[0].Pos, "ProdazhaZaNalichnyeRequest.positions", 10, 5},
		{"define step", cfg.Sequences.Define[0].Steps[1].Pos, "Продажа / Продажа за наличные\n", 21, 9},
		{"skip item", cfg.Skip[0].Pos, "untyped-null", 23, 5},
		{"sequence name", cfg.Sequences.Define[0].Pos, "Sale and refund", 19, 5},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			assert.Equal(t, "pmgen.yaml", tt.pos.File)
			assert.Equal(t, tt.line, tt.pos.Line)
			assert.Equal(t, tt.col, tt.pos.Col)
			require.GreaterOrEqual(t, tt.pos.Offset, 0)
			assert.True(t, strings.HasPrefix(fullConfig[tt.pos.Offset:], tt.text), "offset %d points at %q", tt.pos.Offset, fullConfig[tt.pos.Offset:min(len(fullConfig), tt.pos.Offset+20)])
		})
	}
	assert.Equal(t, "/names/requests/Продажа ~1 Продажа за наличные", cfg.Names.Requests[0].Pos.Pointer)
	assert.Equal(t, "/skip/0", cfg.Skip[0].Pos.Pointer)
}

func TestParseConfigEmpty(t *testing.T) {
	for _, input := range []string{"", "\n\n", "# only a comment\n", "---\n", "~\n"} {
		cfg, diags := ParseConfig("pmgen.yaml", []byte(input))
		assert.Zero(t, diags.Len(), "%q: %v", input, diags.Sorted())
		require.NotNil(t, cfg, "%q", input)
		assert.Empty(t, cfg.Package.Value)
		assert.False(t, cfg.Types.Time)
		assert.Equal(t, diag.NoPosition, cfg.Types.TimePos)
	}
}

func TestParseConfigProblems(t *testing.T) {
	tests := []struct {
		name  string
		input string
		// want are the diagnostics as diag.Diagnostic.String prints them.
		want []string
	}{
		{
			name:  "unknown top-level key",
			input: "pakage: kassa\n",
			want:  []string{`pmgen.yaml:1:1: error: unknown key "pakage" in the config; want package, names, types, sequences or skip [unknown-config-key]`},
		},
		{
			name:  "unknown nested keys",
			input: "names:\n  request: {}\ntypes:\n  fractions: json.Number\nsequences:\n  defined: {}\n",
			want: []string{
				`pmgen.yaml:2:3: error: unknown key "request" in names; want requests, folders or fields [unknown-config-key]`,
				`pmgen.yaml:4:3: error: unknown key "fractions" in types; want fraction, time or overrides [unknown-config-key]`,
				`pmgen.yaml:6:3: error: unknown key "defined" in sequences; want skip or define [unknown-config-key]`,
			},
		},
		{
			name:  "names is a list",
			input: "names:\n  - Sell\n",
			want:  []string{`pmgen.yaml:2:3: error: names is a list, want a mapping [invalid-config-value]`},
		},
		{
			name:  "time is text",
			input: "types:\n  time: yes please\n",
			want:  []string{`pmgen.yaml:2:9: error: types.time is text, want true or false [invalid-config-value]`},
		},
		{
			name:  "name is missing",
			input: "names:\n  requests:\n    Смена / Открыть смену:\n",
			want:  []string{`pmgen.yaml:3:5: error: names.requests "Смена / Открыть смену" is empty, want a Go method name [invalid-config-value]`},
		},
		{
			name:  "skip item is a mapping",
			input: "skip:\n  - code: untyped-null\n",
			want:  []string{`pmgen.yaml:2:5: error: item 1 of skip is a mapping, want a diagnostic code [invalid-config-value]`},
		},
		{
			name:  "fraction is a list",
			input: "types:\n  fraction: [json.Number]\n",
			want:  []string{`pmgen.yaml:2:13: error: types.fraction is a list, want float64, json.Number or import/path.Type [invalid-config-value]`},
		},
		{
			name:  "syntax error",
			input: "names:\n  requests: [Sell\nskip: []\n",
			want:  []string{`pmgen.yaml:3:1: error: invalid YAML: ',' or ']' must be specified [config-syntax-error]`},
		},
		{
			name:  "duplicate key",
			input: "package: a\npackage: b\n",
			want:  []string{`pmgen.yaml:2:1: error: invalid YAML: mapping key "package" already defined at [1:1] [config-syntax-error]`},
		},
		{
			name:  "two documents",
			input: "package: a\n---\npackage: b\n",
			want:  []string{`pmgen.yaml:3:1: error: the config holds 2 YAML documents, want one [config-syntax-error]`},
		},
		{
			name:  "unknown alias",
			input: "skip: *codes\n",
			want:  []string{`pmgen.yaml:1:7: error: alias *codes names no earlier anchor [config-syntax-error]`},
		},
		{
			name:  "the config is a list",
			input: "- package\n",
			want:  []string{`pmgen.yaml:1:1: error: the config is a list, want a mapping [invalid-config-value]`},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, diags := ParseConfig("pmgen.yaml", []byte(tt.input))
			var got []string
			for _, d := range diags.Sorted() {
				got = append(got, d.String())
			}
			assert.Equal(t, tt.want, got)
			assert.True(t, diags.HasErrors())
		})
	}
}

func TestParseConfigKeepsGoodEntries(t *testing.T) {
	input := "package: kassa\nnames:\n  requests:\n    A: [x]\n    B: Bee\nbogus: 1\nskip: untyped-null\n"
	cfg, diags := ParseConfig("pmgen.yaml", []byte(input))
	require.NotNil(t, cfg)
	assert.Equal(t, 2, diags.Len())
	assert.Equal(t, "kassa", cfg.Package.Value)
	assert.Equal(t, []string{"B"}, keys(cfg.Names.Requests))
	// A single text where a list belongs is a list of one.
	assert.Equal(t, []string{"untyped-null"}, values(cfg.Skip))
}

func TestParseConfigAnchors(t *testing.T) {
	input := "sequences:\n  define:\n    first: &steps\n      - A / One\n      - A / Two\n    second: *steps\n"
	cfg, diags := ParseConfig("pmgen.yaml", []byte(input))
	require.Zero(t, diags.Len(), "%v", diags.Sorted())
	require.Len(t, cfg.Sequences.Define, 2)
	assert.Equal(t, []string{"A / One", "A / Two"}, values(cfg.Sequences.Define[1].Steps))
}

func TestParseConfigScalars(t *testing.T) {
	input := "names:\n  requests:\n    'it''s': Its\n    \"tab\\there\": Tab\n    !!str 12: Twelve\n    true: Yes\n"
	cfg, diags := ParseConfig("pmgen.yaml", []byte(input))
	require.Zero(t, diags.Len(), "%v", diags.Sorted())
	assert.Equal(t, []string{"it's", "tab\there", "12", "true"}, keys(cfg.Names.Requests))
}

func TestParseConfigTooLarge(t *testing.T) {
	data := []byte("package: kassa\n" + strings.Repeat("# filler\n", MaxConfigSize/9))
	cfg, diags := ParseConfig("pmgen.yaml", data)
	assert.Nil(t, cfg)
	require.Equal(t, 1, diags.Len())
	assert.Equal(t, CodeInputTooLarge, diags.Sorted()[0].Code)
}

func FuzzParseConfig(f *testing.F) {
	f.Add(fullConfig)
	f.Add("a: &x [*x]\n")
	f.Add("? [a, b]\n: c\n")
	f.Add("<<: {package: a}\n")
	f.Add("names: {requests: {a: |\n  text\n}}\n")
	f.Fuzz(func(t *testing.T, input string) {
		cfg, diags := ParseConfig("pmgen.yaml", []byte(input))
		if cfg == nil && !diags.HasErrors() {
			t.Fatalf("no config and no error for %q", input)
		}
		for _, d := range diags.Sorted() {
			if d.Pos.Offset > len(input) {
				t.Fatalf("offset %d beyond the input of %d bytes: %s", d.Pos.Offset, len(input), d)
			}
			if !utf8.ValidString(d.Message) && utf8.ValidString(input) {
				t.Fatalf("message is not UTF-8: %q", d.Message)
			}
		}
	})
}

func keys(values []ConfigValue) []string {
	var out []string
	for _, v := range values {
		out = append(out, v.Key)
	}
	return out
}

func values(list []ConfigValue) []string {
	var out []string
	for _, v := range list {
		out = append(out, v.Value)
	}
	return out
}
