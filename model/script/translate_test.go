package script

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/pmgen/pmgen/diag"
)

// checkInvariants checks what holds for every translation, whatever the
// input.
func checkInvariants(t *testing.T, in Input, s *Script, diags diag.List) {
	t.Helper()
	c := s.Counts
	assert.Equal(t, c.Statements, c.Translated+c.Unsupported, "statements = translated + unsupported")

	var unsupported []*Unsupported
	walkUnsupported(s.Statements, func(u *Unsupported) { unsupported = append(unsupported, u) })
	assert.Len(t, unsupported, c.Unsupported, "one Unsupported statement per unsupported count")
	if c.Unsupported > 0 {
		assert.Positive(t, diags.Len(), "unsupported statements are reported")
	}

	lines := strings.Count(in.Source, "\n") + 1
	var checkLines func([]Statement)
	checkLines = func(list []Statement) {
		for _, st := range list {
			assert.GreaterOrEqual(t, st.ScriptLine(), 1, "line of %#v", st)
			assert.LessOrEqual(t, st.ScriptLine(), lines, "line of %#v", st)
			if st, ok := st.(*If); ok {
				checkLines(st.Then)
				checkLines(st.Else)
			}
		}
	}
	checkLines(s.Statements)
	for _, d := range diags.Sorted() {
		assert.Equal(t, diag.Warning, d.Severity, "script diagnostics are warnings: %s", d)
	}
}

func FuzzTranslate(f *testing.F) {
	dirs, err := filepath.Glob(filepath.Join(goldenDir, "*"))
	require.NoError(f, err)
	for _, dir := range dirs {
		for _, name := range []string{"test.js", "prerequest.js"} {
			if data, err := os.ReadFile(filepath.Join(dir, name)); err == nil {
				f.Add(string(data), name == "test.js")
			}
		}
	}
	f.Add("", true)
	f.Add("pm.test(", false)

	f.Fuzz(func(t *testing.T, source string, test bool) {
		in := Input{Listen: PreRequest, Source: source, Where: "Fuzz", Pos: goldenPos}
		if test {
			in.Listen = Test
		}
		s, diags := Translate(in)
		checkInvariants(t, in, s, diags)
	})
}

func TestTranslateInvariantsOnGolden(t *testing.T) {
	dirs, err := filepath.Glob(filepath.Join(goldenDir, "*"))
	require.NoError(t, err)
	for _, dir := range dirs {
		in := goldenInput(t, dir)
		s, diags := Translate(in)
		checkInvariants(t, in, s, diags)
	}
}

func TestTranslateDiagnosticPosition(t *testing.T) {
	in := Input{
		Listen: Test,
		Source: "pm.environment.set(\"a\", 1);\r\n\r\nfor (;;) {}\r\n",
		Where:  "Смена / Открыть смену",
		Pos:    diag.Position{File: "kassa.json", Offset: 1234, Line: 40, Col: 7, Pointer: "/item/0/event/1/script/exec"},
	}
	_, diags := Translate(in)
	list := diags.Sorted()
	require.Len(t, list, 1)
	d := list[0]
	assert.Equal(t, CodeUnsupported, d.Code)
	assert.Equal(t, "kassa.json", d.Pos.File)
	assert.Equal(t, 42, d.Pos.Line, "script line 3 of a script that starts at line 40")
	assert.Equal(t, 1234, d.Pos.Offset)
	assert.Equal(t, "/item/0/event/1/script/exec", d.Pos.Pointer)
	assert.Equal(t, "Смена / Открыть смену", d.Where)
	assert.Contains(t, d.Message, `"for (;;) {}"`)
}

func TestTranslateUnknownPosition(t *testing.T) {
	_, diags := Translate(Input{Listen: Test, Source: "\nfoo();", Pos: diag.NoPosition})
	list := diags.Sorted()
	require.Len(t, list, 1)
	assert.Equal(t, 0, list[0].Pos.Line, "an unknown position stays unknown")
	assert.Equal(t, -1, list[0].Pos.Offset)
}

func TestTranslateIgnoresSourceMapComment(t *testing.T) {
	// The parser loads source maps from disk by default; a script must
	// never make Translate read a file.
	src := "pm.environment.set(\"a\", 1);\n//# sourceMappingURL=/etc/definitely-missing.map"
	s, diags := Translate(Input{Listen: PreRequest, Source: src})
	assert.Equal(t, 0, diags.Len())
	assert.Equal(t, Counts{Statements: 1, Translated: 1}, s.Counts)
}

func TestTranslateSyntaxErrorCountsCodeLines(t *testing.T) {
	src := "// comment\n\nvar a = ;\n  pm.environment.set('x', 1)\n"
	s, diags := Translate(Input{Listen: Test, Source: src, Pos: goldenPos})
	assert.Equal(t, Counts{Statements: 2, Unsupported: 2}, s.Counts)
	require.Equal(t, 1, diags.Len(), "one warning for the whole script")
	d := diags.Sorted()[0]
	assert.Equal(t, CodeSyntax, d.Code)
	assert.Equal(t, 102, d.Pos.Line, "the line of the syntax error")
}

func TestReportAdd(t *testing.T) {
	var r Report
	s1, _ := Translate(Input{Listen: Test, Where: "A", Source: "pm.response.to.be.ok;\nfoo();", Pos: diag.Position{Line: 10}})
	s2, _ := Translate(Input{Listen: Test, Where: "B", Source: "if (pm.response.code === 200) {\n  bar();\n}", Pos: diag.Position{Line: 20}})
	r.Add(s1)
	r.Add(s2)

	assert.Equal(t, Counts{Statements: 3, Translated: 1, Unsupported: 2}, r.Counts)
	require.Len(t, r.Untranslated, 2)
	assert.Equal(t, UntranslatedStatement{Where: "A", Line: 11, Text: "foo();", Code: CodeUnsupported,
		Reason: "call of foo is not translated"}, r.Untranslated[0])
	assert.Equal(t, "B", r.Untranslated[1].Where)
	assert.Equal(t, 21, r.Untranslated[1].Line, "an unsupported statement inside an if")
	assert.InDelta(t, 1.0/3, r.Ratio(), 1e-9)
}

func TestCountsRatioEmpty(t *testing.T) {
	assert.Equal(t, 1.0, Counts{}.Ratio())
}

func TestDataFlowSortedAndDeduplicated(t *testing.T) {
	src := `pm.environment.set("b", pm.environment.get("x"));
pm.environment.set("a", pm.globals.get("x"));
pm.environment.set("b", pm.environment.get("x"));
pm.environment.unset("a");
pm.environment.set("c", pm.variables.replaceIn("{{x}}-{{$guid}}"));
foo(pm.environment.get("ignored"));`
	s, _ := Translate(Input{Listen: PreRequest, Source: src})
	assert.Equal(t, []VarRef{{ScopeAny, "x"}, {ScopeEnvironment, "x"}, {ScopeGlobal, "x"}}, s.Reads,
		"reads of an untranslated statement are left out")
	assert.Equal(t, []VarRef{{ScopeEnvironment, "a"}, {ScopeEnvironment, "b"}, {ScopeEnvironment, "c"}}, s.Sets)
	assert.Equal(t, []VarRef{{ScopeEnvironment, "a"}}, s.Unsets)
}

func TestVarInBranchIsUntranslatedAfterIt(t *testing.T) {
	src := `if (pm.response.code === 200) {
    var id = pm.response.json().id;
    pm.environment.set("inside", id);
}
pm.environment.set("after", id);`
	s, _ := Translate(Input{Listen: Test, Source: src})
	require.Len(t, s.Statements, 2)
	branch := s.Statements[0].(*If)
	require.Len(t, branch.Then, 1)
	assert.Equal(t, &Set{Line: 3, Scope: ScopeEnvironment, Name: "inside", Value: &ResponseJSON{Path: Path{{Key: "id"}}}}, branch.Then[0])
	u, ok := s.Statements[1].(*Unsupported)
	require.True(t, ok, "a var set in one branch has no single value after the if")
	assert.Contains(t, u.Reason, `"id" holds a value that is not translated`)
}

func TestPathString(t *testing.T) {
	tests := []struct {
		path Path
		want string
	}{
		{nil, ""},
		{Path{{Key: "items"}, {Index: 0, IsIndex: true}, {Key: "id"}}, ".items[0].id"},
		{Path{{Key: "content-type"}}, `["content-type"]`},
		{Path{{Key: "$ref"}, {Key: "_a1"}}, ".$ref._a1"},
		{Path{{Key: "1a"}}, `["1a"]`},
		{Path{{Key: ""}}, `[""]`},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, tt.path.String())
	}
}

func TestParseLodashPath(t *testing.T) {
	tests := []struct {
		in   string
		want Path
		ok   bool
	}{
		{"a", Path{{Key: "a"}}, true},
		{"a.b[0].c", Path{{Key: "a"}, {Key: "b"}, {Index: 0, IsIndex: true}, {Key: "c"}}, true},
		{"[2].id", Path{{Index: 2, IsIndex: true}, {Key: "id"}}, true},
		{`a["b c"]`, Path{{Key: "a"}, {Key: "b c"}}, true},
		{"a['x.y'].z", Path{{Key: "a"}, {Key: "x.y"}, {Key: "z"}}, true},
		{"a[01]", Path{{Key: "a"}, {Key: "01"}}, true},
		{"", Path{{Key: ""}}, true},
		{"a[0", nil, false},
		{"a['b]", nil, false},
		{"a['b'", nil, false},
		{".", nil, false},
	}
	for _, tt := range tests {
		got, ok := parseLodashPath(tt.in)
		assert.Equal(t, tt.ok, ok, "parseLodashPath(%q) ok", tt.in)
		assert.Equal(t, tt.want, got, "parseLodashPath(%q)", tt.in)
	}
}

func TestJSString(t *testing.T) {
	tests := []struct {
		in   any
		want string
	}{
		{nil, "null"},
		{true, "true"},
		{42.0, "42"},
		{-0.5, "-0.5"},
		{1e21, "1e+21"},
		{1.5e-7, "1.5e-7"},
		{123456789012.0, "123456789012"},
		{[]any{1.0, nil, "a"}, "1,,a"},
		{map[string]any{"a": 1.0}, "[object Object]"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, jsString(tt.in), "jsString(%#v)", tt.in)
	}
}
