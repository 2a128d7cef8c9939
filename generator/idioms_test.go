package generator_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/pmgen/pmgen/generator"
	"github.com/pmgen/pmgen/internal/gotest"
	"github.com/pmgen/pmgen/internal/pipeline"
)

var updateIdioms = flag.Bool("update", false, "rewrite the want.txtar files of the golden cases under testdata/idioms")

// idiomsDir holds one folder per script idiom that the translator
// supports:
//
//   - collection.json, a collection with one or two requests whose scripts
//     use the idiom, and saved examples that satisfy them;
//   - want.txtar, the generated Go declarations that show the translation,
//     one section per declaration, named after it ("-- stepGetOrder --");
//   - broken.json, a replacement for one saved example that makes the
//     generated tests fail, as an idiomBreak.
const idiomsDir = "../testdata/idioms"

// idiomBreak is the content of broken.json: the example to replace, what
// to replace in it, and a text the output of the failing tests contains.
type idiomBreak struct {
	// Note explains why the replacement breaks the case.
	Note string `json:"note"`
	// Request and Example name the request of the collection and its
	// saved example to change.
	Request string `json:"request"`
	Example string `json:"example"`
	// Status, Body, Header and OriginalRequest replace the example's
	// "code", "body", "header" and "originalRequest" when they are set.
	Status          *int            `json:"status,omitempty"`
	Body            *string         `json:"body,omitempty"`
	Header          json.RawMessage `json:"header,omitempty"`
	OriginalRequest json.RawMessage `json:"originalRequest,omitempty"`
	// Failure is a text of the output of the failing tests, such as
	// `check "Order is found" failed`.
	Failure string `json:"failure"`
	// Skip, when set, explains why no saved example can break the case,
	// which then has no broken variant.
	Skip string `json:"skip,omitempty"`
}

// idiomCase is one folder of idiomsDir.
type idiomCase struct {
	name, dir string
	brk       idiomBreak
	// generated is set once the case's package was generated.
	generated bool
}

// TestIdioms generates every case of idiomsDir and compares the
// declarations that want.txtar names with the generated code. Unless -short is set, it then
// runs the generated tests of every case with PMGEN_STRICT_CHECKS=1 and
// expects them to pass, and runs them again on the collection with the
// example of broken.json and expects them to fail.
func TestIdioms(t *testing.T) {
	cases := readIdiomCases(t)
	var good, broken *gotest.Module
	if !testing.Short() {
		good = gotest.NewModule(t, "example.com/idioms")
		broken = gotest.NewModule(t, "example.com/idioms")
	}

	for _, c := range cases {
		t.Run("golden/"+c.name, func(t *testing.T) {
			collection, err := os.ReadFile(filepath.Join(c.dir, "collection.json"))
			require.NoError(t, err)
			files := generateIdiom(t, collection)
			compareIdiomGolden(t, c, files)
			if good == nil {
				return
			}
			writePackage(good, c.name, files)
			if c.brk.Skip == "" {
				changed, err := breakExample(collection, c.brk)
				require.NoError(t, err)
				writePackage(broken, c.name, generateIdiom(t, changed))
			}
			c.generated = true
		})
	}
	if testing.Short() {
		t.Skip("-short: the generated tests are not run")
	}

	t.Setenv("PMGEN_STRICT_CHECKS", "1")
	t.Setenv("PMGEN_BASE_URL", "")
	passed := runPackages(t, good)
	failed := runPackages(t, broken)
	for _, c := range cases {
		if !c.generated {
			continue
		}
		t.Run("passes/"+c.name, func(t *testing.T) {
			res, ok := passed[c.name]
			require.True(t, ok, "go test reported nothing for the case")
			assert.True(t, res.passed, "the generated tests fail:\n%s", res.output)
		})
		t.Run("broken/"+c.name, func(t *testing.T) {
			if c.brk.Skip != "" {
				t.Skip(c.brk.Skip)
			}
			res, ok := failed[c.name]
			require.True(t, ok, "go test reported nothing for the case")
			assert.False(t, res.passed, "the generated tests pass on the broken example (%s):\n%s", c.brk.Note, res.output)
			assert.Contains(t, res.output, c.brk.Failure, "the generated tests fail for another reason")
		})
	}
}

// readIdiomCases reads the folders of idiomsDir and their broken.json.
func readIdiomCases(t *testing.T) []*idiomCase {
	t.Helper()
	dirs, err := filepath.Glob(filepath.Join(idiomsDir, "*", "collection.json"))
	require.NoError(t, err)
	require.NotEmpty(t, dirs, "no cases in %s", idiomsDir)
	var cases []*idiomCase
	for _, coll := range dirs {
		dir := filepath.Dir(coll)
		c := &idiomCase{name: filepath.Base(dir), dir: dir}
		data, err := os.ReadFile(filepath.Join(dir, "broken.json"))
		require.NoError(t, err, "every case needs a broken.json")
		dec := json.NewDecoder(bytes.NewReader(data))
		dec.DisallowUnknownFields()
		require.NoError(t, dec.Decode(&c.brk), "%s/broken.json", c.name)
		if c.brk.Skip == "" {
			require.NotEmpty(t, c.brk.Failure, "%s/broken.json: failure is missing", c.name)
			require.NotEmpty(t, c.brk.Note, "%s/broken.json: note is missing", c.name)
		}
		cases = append(cases, c)
	}
	return cases
}

// generateIdiom generates the package of a case's collection and checks
// that every script statement was translated.
func generateIdiom(t *testing.T, collection []byte) []generator.File {
	t.Helper()
	path := filepath.Join(t.TempDir(), "collection.json")
	require.NoError(t, os.WriteFile(path, collection, 0o644))
	res, err := pipeline.Run(pipeline.Options{Collection: path, Package: "idiom"})
	require.NoError(t, err)
	sr := res.API.ScriptReport
	require.Positive(t, sr.Statements, "the collection has no script statements")
	assert.Equal(t, sr.Statements, sr.Translated, "untranslated statements: %+v", sr.Untranslated)
	for _, d := range res.Diags.Sorted() {
		assert.False(t, strings.HasPrefix(string(d.Code), "script-"), "script diagnostic: %s", d.String())
	}
	return res.Files
}

// compareIdiomGolden compares the declarations that the case's want.txtar
// names with the generated ones, or rewrites want.txtar with -update.
func compareIdiomGolden(t *testing.T, c *idiomCase, files []generator.File) {
	t.Helper()
	wantFile := filepath.Join(c.dir, "want.txtar")
	data, err := os.ReadFile(wantFile)
	require.NoError(t, err, "create %s with a line -- name -- for each declaration to compare, then run go test -update", wantFile)
	want := parseSections(string(data))
	require.NotEmpty(t, want, "%s names no declaration", wantFile)

	decls, err := declarations(files)
	require.NoError(t, err)
	got := make([]section, len(want))
	for i, s := range want {
		text, ok := decls[s.name]
		assert.True(t, ok, "the generated package declares no %s", s.name)
		got[i] = section{name: s.name, text: text}
	}
	if *updateIdioms {
		require.NoError(t, os.WriteFile(wantFile, []byte(formatSections(got)), 0o644))
		return
	}
	for i := range want {
		assert.Equal(t, want[i].text, got[i].text, "%s in %s differs (go test -update rewrites it)", want[i].name, wantFile)
	}
}

// section is one section of a want.txtar file.
type section struct {
	name, text string
}

// parseSections splits a file into sections, each starting at a line
// "-- name --". Text before the first such line is ignored.
func parseSections(data string) []section {
	var out []section
	for _, line := range strings.SplitAfter(data, "\n") {
		header := strings.TrimSpace(line)
		if strings.HasPrefix(header, "-- ") && strings.HasSuffix(header, " --") && len(header) > 6 {
			out = append(out, section{name: strings.TrimSpace(header[3 : len(header)-3])})
			continue
		}
		if len(out) > 0 {
			out[len(out)-1].text += line
		}
	}
	return out
}

func formatSections(sections []section) string {
	var b strings.Builder
	for _, s := range sections {
		fmt.Fprintf(&b, "-- %s --\n%s", s.name, s.text)
	}
	return b.String()
}

// declarations returns the source text of every top-level function, type,
// variable and constant of the generated Go files, with its doc comment,
// by name. Methods are left out.
func declarations(files []generator.File) (map[string]string, error) {
	out := map[string]string{}
	fset := token.NewFileSet()
	for _, f := range files {
		if !strings.HasSuffix(f.Name, ".go") {
			continue
		}
		file, err := parser.ParseFile(fset, f.Name, f.Content, parser.ParseComments)
		if err != nil {
			return nil, err
		}
		text := func(doc *ast.CommentGroup, n ast.Node) string {
			start := n.Pos()
			if doc != nil {
				start = doc.Pos()
			}
			return string(f.Content[fset.Position(start).Offset:fset.Position(n.End()).Offset]) + "\n"
		}
		for _, decl := range file.Decls {
			switch d := decl.(type) {
			case *ast.FuncDecl:
				if d.Recv == nil {
					out[d.Name.Name] = text(d.Doc, d)
				}
			case *ast.GenDecl:
				for _, spec := range d.Specs {
					// A declaration of one name without parentheses is
					// shown whole, "var x = ...", with its doc comment.
					var doc *ast.CommentGroup
					var node ast.Node = spec
					if !d.Lparen.IsValid() {
						doc, node = d.Doc, d
					}
					switch s := spec.(type) {
					case *ast.TypeSpec:
						out[s.Name.Name] = text(doc, node)
					case *ast.ValueSpec:
						for _, n := range s.Names {
							out[n.Name] = text(doc, node)
						}
					}
				}
			}
		}
	}
	return out, nil
}

// writePackage writes the generated files of a case into the folder of
// the module named after the case.
func writePackage(m *gotest.Module, name string, files []generator.File) {
	for _, f := range files {
		m.WriteFile(name+"/"+f.Name, f.Content)
	}
}

// breakExample returns the collection with one saved example changed as
// brk describes.
func breakExample(collection []byte, brk idiomBreak) ([]byte, error) {
	var doc map[string]any
	if err := json.Unmarshal(collection, &doc); err != nil {
		return nil, err
	}
	item := findItem(doc["item"], brk.Request)
	if item == nil {
		return nil, fmt.Errorf("no request %q", brk.Request)
	}
	responses, _ := item["response"].([]any)
	var example map[string]any
	for _, r := range responses {
		if ex, ok := r.(map[string]any); ok && ex["name"] == brk.Example {
			example = ex
		}
	}
	if example == nil {
		return nil, fmt.Errorf("request %q has no example %q", brk.Request, brk.Example)
	}

	if brk.Status != nil {
		example["code"] = *brk.Status
		delete(example, "status")
	}
	if brk.Body != nil {
		example["body"] = *brk.Body
	}
	if brk.Header != nil {
		example["header"] = brk.Header
	}
	if brk.OriginalRequest != nil {
		example["originalRequest"] = brk.OriginalRequest
	}
	return json.MarshalIndent(doc, "", "\t")
}

// findItem returns the request item named name among items and their
// folders, depth first.
func findItem(items any, name string) map[string]any {
	list, _ := items.([]any)
	for _, it := range list {
		item, ok := it.(map[string]any)
		if !ok {
			continue
		}
		if item["name"] == name && item["request"] != nil {
			return item
		}
		if found := findItem(item["item"], name); found != nil {
			return found
		}
	}
	return nil
}

// packageResult is the outcome of go test for one package.
type packageResult struct {
	passed bool
	output string
}

// testEvent is the part of a go test -json event that runPackages reads.
type testEvent struct {
	Action     string
	Package    string
	ImportPath string
	Test       string
	Output     string
}

// runPackages runs go test on every package of m and returns each
// package's result, by the name of its folder.
func runPackages(t *testing.T, m *gotest.Module) map[string]*packageResult {
	t.Helper()
	out, err := m.Go("test", "-count=1", "-json", "./...")
	results := map[string]*packageResult{}
	result := func(pkg string) *packageResult {
		// Build events name "example.com/idioms/x [example.com/idioms/x.test]".
		pkg, _, _ = strings.Cut(pkg, " ")
		name := strings.TrimPrefix(pkg, "example.com/idioms/")
		if results[name] == nil {
			results[name] = &packageResult{}
		}
		return results[name]
	}
	for _, line := range strings.Split(out, "\n") {
		var ev testEvent
		if !strings.HasPrefix(line, "{") || json.Unmarshal([]byte(line), &ev) != nil {
			continue
		}
		switch {
		case ev.Action == "build-output":
			result(ev.ImportPath).output += ev.Output
		case ev.Package == "":
		case ev.Action == "output":
			result(ev.Package).output += ev.Output
		case ev.Action == "pass" && ev.Test == "":
			result(ev.Package).passed = true
		case ev.Action == "fail" && ev.Test == "":
			result(ev.Package).passed = false
		}
	}
	require.NotEmpty(t, results, "go test reported no package: %v\n%s", err, out)
	return results
}
