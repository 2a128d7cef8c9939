package generator_test

import (
	"bytes"
	"encoding/json"
	"go/build/constraint"
	"go/format"
	"go/parser"
	"go/scanner"
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/pmgen/pmgen/generator"
	"github.com/pmgen/pmgen/internal/gotest"
	"github.com/pmgen/pmgen/internal/pipeline"
)

// hostileDir holds collections whose names, descriptions, keys, values,
// URLs and scripts try to become Go code, to hide text from a reviewer
// with bidirectional or invisible characters, or to collide with names
// the generated package declares or imports.
const hostileDir = "../testdata/hostile"

// injectionMarkers are fragments of the Go code that the hostile
// collections carry. Each may appear in generated Go only inside a
// comment or a string literal.
var injectionMarkers = []string{
	"pmgenInjected(",
	"*/ func init",
	"//go:generate pmgenInjected",
	"//go:build pmgenInjected",
	"//line pmgenInjected",
	"package pmgenInjected",
	`import "pmgenInjected`,
}

// TestHostileCollections generates a package from each collection under
// testdata/hostile, checks every generated file token by token, and then
// builds, vets and tests all the packages in one module.
func TestHostileCollections(t *testing.T) {
	cases, err := filepath.Glob(filepath.Join(hostileDir, "*", "collection.json"))
	require.NoError(t, err)
	require.NotEmpty(t, cases, "no hostile collections found")

	var m *gotest.Module
	if !testing.Short() {
		m = gotest.NewModule(t, "example.com/hostile")
	}
	for _, collection := range cases {
		name := filepath.Base(filepath.Dir(collection))
		t.Run(name, func(t *testing.T) {
			res, err := pipeline.Run(pipeline.Options{Collection: collection, Package: "hostile"})
			require.NoError(t, err)
			for _, f := range res.Files {
				switch {
				case strings.HasSuffix(f.Name, ".go"):
					checkGoFile(t, f)
				case f.Name == "README.md":
					checkReadme(t, f)
				case f.Name == "replay_test.json":
					// Data: the tests decode it with encoding/json.
					assert.True(t, json.Valid(f.Content), "%s is not valid JSON", f.Name)
				default:
					t.Errorf("unexpected file %s", f.Name)
				}
				if m != nil {
					m.WriteFile(name+"/"+f.Name, f.Content)
				}
			}
		})
	}
	if m != nil && !t.Failed() {
		m.VetAndTest()
	}
}

// checkGoFile checks one generated Go file: it parses, its header is the
// generated-code header, gofmt leaves it as it is, it has no directive, every identifier is ASCII,
// the injection markers appear only in comments and string literals, and
// no character hides or reorders text.
func checkGoFile(t *testing.T, f generator.File) {
	t.Helper()
	fset := token.NewFileSet()
	file, err := parser.ParseFile(fset, f.Name, f.Content, parser.ParseComments)
	require.NoError(t, err, "%s does not parse", f.Name)
	assert.Equal(t, "hostile", file.Name.Name, "%s: package clause", f.Name)
	for _, imp := range file.Imports {
		assert.NotContains(t, imp.Path.Value, "pmgenInjected", "%s imports a path from the collection", f.Name)
	}
	assert.True(t, bytes.HasPrefix(f.Content, []byte("// "+generator.Header+"\n")), "%s does not start with the generated-code header", f.Name)
	formatted, err := format.Source(f.Content)
	require.NoError(t, err, "%s does not format", f.Name)
	assert.Equal(t, string(formatted), string(f.Content), "%s is not as gofmt prints it", f.Name)
	// go generate reads lines, not tokens: a line of a raw string literal
	// that starts with //go:generate is a command it runs.
	for i, line := range strings.Split(string(f.Content), "\n") {
		assert.False(t, isDirective(line) && line != replayEmbed, "%s:%d: line %q reads as a directive", f.Name, i+1, line)
	}

	quoted := quotedRanges(t, f)
	for _, marker := range injectionMarkers {
		for at := 0; ; {
			i := bytes.Index(f.Content[at:], []byte(marker))
			if i < 0 {
				break
			}
			at += i
			assert.True(t, inRanges(quoted, at), "%s:%s: %q appears outside comments and string literals",
				f.Name, fset.Position(fset.File(file.Pos()).Pos(at)), marker)
			at += len(marker)
		}
	}
	checkText(t, f.Name, f.Content)
}

// replayEmbed is the one directive the generator writes itself, with no
// text from the collection in it.
const replayEmbed = "//go:embed replay_test.json"

// span is a byte range [start, end) of a file.
type span struct{ start, end int }

// quotedRanges scans a Go file and returns the ranges of its comments and
// string and character literals. It checks on the way that identifiers
// are ASCII and that no comment is a directive.
func quotedRanges(t *testing.T, f generator.File) []span {
	t.Helper()
	fset := token.NewFileSet()
	tf := fset.AddFile(f.Name, -1, len(f.Content))
	var s scanner.Scanner
	s.Init(tf, f.Content, func(pos token.Position, msg string) {
		t.Errorf("%s: %s", pos, msg)
	}, scanner.ScanComments)

	var out []span
	for {
		pos, tok, lit := s.Scan()
		if tok == token.EOF {
			return out
		}
		offset := tf.Offset(pos)
		switch tok {
		case token.IDENT:
			assert.True(t, isASCII(lit), "%s: identifier %q is not ASCII", fset.Position(pos), lit)
		case token.COMMENT:
			assert.False(t, isDirective(lit) && lit != replayEmbed, "%s: comment %q is a directive", fset.Position(pos), lit)
			out = append(out, span{offset, offset + len(lit)})
		case token.STRING, token.CHAR:
			out = append(out, span{offset, offset + len(lit)})
		}
	}
}

// isDirective reports whether a comment is read by a tool: a //go: or
// //line directive, a /*line */ comment, an old // +build constraint, or
// a cgo or gccgo export.
func isDirective(comment string) bool {
	if constraint.IsPlusBuild(comment) {
		return true
	}
	for _, prefix := range []string{"//go:", "//line ", "/*line ", "//export ", "//extern "} {
		if strings.HasPrefix(comment, prefix) {
			return true
		}
	}
	return false
}

func inRanges(ranges []span, offset int) bool {
	for _, r := range ranges {
		if offset >= r.start && offset < r.end {
			return true
		}
	}
	return false
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// checkText checks that a generated file is valid UTF-8 and holds no
// control character other than newline and tab, and no bidirectional or
// invisible formatting character, which could show a reviewer text other
// than what the compiler reads.
func checkText(t *testing.T, name string, content []byte) {
	t.Helper()
	if !utf8.Valid(content) {
		t.Errorf("%s is not valid UTF-8", name)
		return
	}
	line := 1
	for _, r := range string(content) {
		switch {
		case r == '\n':
			line++
		case r == '\t':
		case unicode.IsControl(r), unicode.Is(unicode.Cf, r), unicode.Is(unicode.Bidi_Control, r),
			r == '\u2028', r == '\u2029':
			t.Errorf("%s:%d: character %U hides or reorders text", name, line, r)
		}
	}
}

// checkReadme checks the generated README.md: no HTML tag from the
// collection starts, and every code fence is a Mermaid diagram that the
// next fence closes, so that no collection text leaves its table cell,
// heading or diagram.
func checkReadme(t *testing.T, f generator.File) {
	t.Helper()
	checkText(t, f.Name, f.Content)
	text := string(f.Content)
	for _, tag := range []string{"<script", "</script"} {
		for at := 0; ; {
			i := strings.Index(text[at:], tag)
			if i < 0 {
				break
			}
			at += i
			assert.True(t, at > 0 && text[at-1] == '\\', "%s: unescaped %s at offset %d", f.Name, tag, at)
			at += len(tag)
		}
	}
	open := false
	for i, line := range strings.Split(text, "\n") {
		if !strings.HasPrefix(line, "```") {
			continue
		}
		if open {
			assert.Equal(t, "```", line, "%s:%d: fence", f.Name, i+1)
		} else {
			assert.Equal(t, "```mermaid", line, "%s:%d: fence", f.Name, i+1)
		}
		open = !open
	}
	assert.False(t, open, "%s: a code fence is not closed", f.Name)
}

// TestHostileCasesHaveCollections fails when a folder under
// testdata/hostile has no collection, so that a misnamed file cannot
// silently drop a case.
func TestHostileCasesHaveCollections(t *testing.T) {
	entries, err := os.ReadDir(hostileDir)
	require.NoError(t, err)
	for _, e := range entries {
		if e.IsDir() {
			assert.FileExists(t, filepath.Join(hostileDir, e.Name(), "collection.json"))
		}
	}
}
