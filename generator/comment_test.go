package generator

import (
	"bytes"
	"fmt"
	"go/build/constraint"
	"go/format"
	"strings"
	"testing"
	"unicode"

	"github.com/dave/jennifer/jen"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/pmgen/pmgen/model"
)

// renderCode renders code as the body of a function in a formatted file.
func renderCode(t *testing.T, code ...jen.Code) string {
	t.Helper()
	f := jen.NewFile("p")
	f.Func().Id("f").Params().Block(code...)
	var buf bytes.Buffer
	require.NoError(t, f.Render(&buf))
	return buf.String()
}

func TestCommentTextEscapesPlusBuild(t *testing.T) {
	tests := []struct {
		line, want string
	}{
		{"+build ignore", `// \+build ignore`},
		{"+build", `// \+build`},
		{"   +build linux,!cgo", `//    \+build linux,!cgo`},
		{"+buildx", "// +buildx"},
		{"+build; no", "// +build; no"},
		{"see +build ignore", "// see +build ignore"},
		{"//go:build ignore", "// //go:build ignore"},
		{"", "//"},
	}
	for _, tt := range tests {
		got := commentText(tt.line)
		assert.Equal(t, tt.want, got, "line %q", tt.line)
		assert.False(t, constraint.IsPlusBuild(got), "line %q", tt.line)
		assert.False(t, constraint.IsGoBuild(got), "line %q", tt.line)
	}
}

// go/format moves every "// +build" comment of a file above the package
// clause and adds a //go:build line for it, so an unescaped line from the
// collection would decide whether the file compiles.
func TestCommentLinesAddNoBuildConstraint(t *testing.T) {
	var code []jen.Code
	code = append(code, docLines(commentLines("text\n+build ignore\n  +build linux\nmore"))...)
	code = append(code, jen.Return())

	src := renderCode(t, code...)

	assert.NotContains(t, src, "//go:build")
	for _, line := range strings.Split(src, "\n") {
		assert.False(t, constraint.IsPlusBuild(strings.TrimSpace(line)), "line %q", line)
	}
	assert.Contains(t, src, `// \+build ignore`)
}

func TestStringLitRawOnlyWithoutDirectiveLines(t *testing.T) {
	tests := []struct {
		name string
		text string
		raw  bool
	}{
		{"plain lines", "{\n  \"a\": 1\n}", true},
		{"go:generate line", "{\n//go:generate rm -rf /\n}", false},
		{"line directive", "a\n//line x.go:1\nb", false},
		{"comment line", "a\n// note\nb", false},
		{"indented comment", "a\n  //go:generate x\nb", true},
		{"back quote", "a\n`b`", false},
		{"carriage return", "a\r\nb", false},
		{"bidirectional", "a\n\u202eb", false},
		{"one line", "//go:generate x", false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			src := renderCode(t, jen.Id("_").Op("=").Add(stringLit(tt.text)))

			assert.Equal(t, tt.raw, strings.Contains(src, "_ = `"), "literal of %q:\n%s", tt.text, src)
			for _, line := range strings.Split(src, "\n") {
				assert.False(t, strings.HasPrefix(line, "//go:") || strings.HasPrefix(line, "//line "), "line %q", line)
			}
		})
	}
}

func TestCommentLinesDropHiddenCharacters(t *testing.T) {
	got := commentLines("a\u202eb\u2066c\u200bd\x00e\x1bf\ufeffg\u2028h\r\ni\u0085j")

	assert.Equal(t, []string{"abcdefg", "h", "i", "j"}, got)
}

func TestBodyReferencesOncePerName(t *testing.T) {
	body := &model.Body{
		Template: `{"shift": "{{shiftId}}", "sum": {{amount}}, "again": "{{shiftId}}", "key": "{{$guid}}"}`,
		Form:     []model.FormField{{Key: "cashier", Value: "{{cashier}}"}},
	}

	assert.Equal(t, []string{"{{shiftId}}", "{{amount}}", "{{$guid}}", "{{cashier}}"}, bodyReferences(body))
	assert.Nil(t, bodyReferences(nil))
	assert.Nil(t, bodyReferences(&model.Body{Template: `{"a": 1}`}))
}

func TestBodyReferencesCountsTheRest(t *testing.T) {
	var template strings.Builder
	for i := range maxBodyReferences + 3 {
		fmt.Fprintf(&template, "{{v%d}}", i)
	}

	refs := bodyReferences(&model.Body{Template: template.String()})

	require.Len(t, refs, maxBodyReferences+1)
	assert.Equal(t, "{{v0}}", refs[0])
	assert.Equal(t, "3 more", refs[maxBodyReferences])
}

func TestHostOptionDocWithoutHost(t *testing.T) {
	g := &gen{}
	for template, want := range map[string]string{
		"":            "// WithHostURL sets the base URL of the requests whose URL in the collection has no host:",
		"{{baseUrl}}": "// WithHostURL sets the base URL of the requests sent to {{baseUrl}}:",
	} {
		f := jen.NewFile("p")
		f.Add(g.hostOption(0, &model.Host{Template: template, GoName: "WithHostURL"}))
		var buf bytes.Buffer
		require.NoError(t, f.Render(&buf))

		assert.Contains(t, buf.String(), want+"\n")
	}
}

// TestPlainDocNeedsNoCanonicalForm checks that every doc comment that
// docLines writes without go/doc/comment is one that its printer would
// write back unchanged.
func TestPlainDocNeedsNoCanonicalForm(t *testing.T) {
	plain := [][]string{
		{"Prodazha sends the request \"Продажа / Наличные\"."},
		{"Method sends [a link] and https://example.com/x?y=1 to {{baseUrl}}.", "Second line: *not italic*, `code`, TODO: later."},
		{"Trailing blanks stay   ", "inner\ttabs stay"},
		{"Ünïcödé letters", "Ёлка 1. 2) - * + • # not markers here"},
		{"Deprecated: ends with a colon:", "Then a line. With dots..."},
		{"A line", "B line", "C line", "D line"},
		{"x := 1 // not code, it starts with a letter"},
		{"Heading Like Text"},
		{"Sale sends the request \"Продажа\".", "", "\tPOST {{baseUrl}}/sales", "", "ShiftID is the path variable :shiftId."},
		{"First paragraph", "", "\tcode line one", "\tcode  line two", "", "Two lines", "of text"},
		{"First", "", "Not a heading."},
	}
	for _, lines := range plain {
		require.True(t, plainDoc(lines), "%q", lines)
		assert.Equal(t, lines, canonicalDoc(lines), "%q", lines)
	}

	rewritten := [][]string{
		{"\tcode first"},
		{"- item"},
		{"1. item"},
		{"# Heading"},
		{"First", "", "", "Second"},
		{"First", ""},
		{"[Link]: https://example.com"},
		{"First", "", "Old Heading", "", "Text."},
		{"First", "", "\t  indented code"},
		{"First", "\tcode in a text paragraph"},
	}
	for _, lines := range rewritten {
		assert.False(t, plainDoc(lines), "%q", lines)
	}
}

// TestDocCommentIsGofmtStable writes doc comments for texts that
// go/doc/comment's printer changes on a second pass or that gofmt would
// rewrite, and checks that gofmt leaves them as they are.
func TestDocCommentIsGofmtStable(t *testing.T) {
	texts := []string{
		"Use ``x'' here.",
		"a``b",
		"Price\u00a0",
		"Price\u3000",
		"  x\nTitle\n\nText.",
		"[x]: http://127.0.0.1/\n\nTitle",
		"- a\n  b",
		"a\u3164b\u034fc\u115fd\ufe0fe\U000e0100f",
	}
	for _, text := range texts {
		lines := append([]string{"T sends the request.", "", "\tGET http://127.0.0.1/c"}, commentLines(text)...)
		src := "package p\n\n" + strings.Join(docComment(lines), "\n") + "\ntype T struct{}\n"
		formatted, err := format.Source([]byte(src))
		require.NoError(t, err, "text %q", text)
		assert.Equal(t, string(formatted), src, "text %q", text)
		assert.NotContains(t, src, "\u3164", "text %q", text)
		assert.NotContains(t, src, "\ufe0f", "text %q", text)
	}
}

// TestDocCommentKeepsLineBreaksOut checks that a line break inside a line
// given to docComment cannot end the comment.
func TestDocCommentKeepsLineBreaksOut(t *testing.T) {
	got := docComment([]string{"A sends the request.", "", "\tGET\n)\nX /*\r\u202e http://127.0.0.1/a"})
	assert.Equal(t, []string{"// A sends the request.", "//", "//\tGET ) X /*  http://127.0.0.1/a"}, got)
}

// TestUnsafeInCommentFastPaths compares unsafeInComment with the lookups
// it skips for ASCII, Latin, Greek and Cyrillic characters.
func TestUnsafeInCommentFastPaths(t *testing.T) {
	for r := rune(0); r < 0x800; r++ {
		want := r != '\t' && unicode.IsControl(r) || unicode.Is(unicode.Cf, r) ||
			unicode.Is(unicode.Bidi_Control, r) || invisible(r)
		assert.Equal(t, want, unsafeInComment(r), "%U", r)
	}
}
