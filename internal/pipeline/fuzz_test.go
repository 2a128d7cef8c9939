package pipeline

import (
	"bytes"
	"go/ast"
	"go/importer"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	pmparser "github.com/pmgen/pmgen/parser"
	"github.com/pmgen/pmgen/templates"
)

// maxFuzzSeed is the size of the largest testdata collection used as a
// seed; larger ones slow every mutation down.
const maxFuzzSeed = 256 << 10

// FuzzRun runs the whole generate path on any bytes: parse, build the
// model and render. A run either fails with an error and no files, or
// returns files whose names stay inside the output folder and whose
// non-test Go files parse and type-check as one package. Test files are
// left out to keep each run fast; the hostile collections of the
// generator's tests build and run them.
func FuzzRun(f *testing.F) {
	if testing.Short() {
		f.Skip("runs the whole pipeline and type-checks its output for every seed")
	}
	for _, pattern := range []string{
		"../../testdata/*/*/collection.json",
		"../../testdata/example/*.postman_collection.json",
	} {
		files, err := filepath.Glob(pattern)
		if err != nil {
			f.Fatal(err)
		}
		for _, file := range files {
			data, err := os.ReadFile(file)
			if err != nil {
				f.Fatal(err)
			}
			if len(data) <= maxFuzzSeed {
				f.Add(data)
			}
		}
	}

	checker := newPackageChecker(f)
	f.Fuzz(func(t *testing.T, data []byte) {
		path := filepath.Join(t.TempDir(), "collection.json")
		if err := os.WriteFile(path, data, 0o644); err != nil {
			t.Fatal(err)
		}
		res, err := Run(Options{
			Collection: path,
			Package:    "fuzz",
			Limits:     pmparser.Options{MaxInputSize: 1 << 20, MaxFolderDepth: 8, MaxRequests: 64},
		})
		if err != nil {
			if res == nil || len(res.Files) > 0 {
				t.Fatalf("failed run returns result %v: %v", res, err)
			}
			return
		}
		checker.check(t, res)
	})
}

// packageChecker type-checks generated packages. The runtime files are
// the same in every package, and are compiled and tested on their own,
// so it parses each once and drops the bodies of their functions, which
// are most of the work. Generated files are checked in full.
type packageChecker struct {
	imp  types.Importer
	fset *token.FileSet
	// runtime holds the parsed runtime files by name.
	runtime map[string]parsedFile
}

type parsedFile struct {
	content []byte
	file    *ast.File
}

// newPackageChecker returns a checker whose importer has already read the
// runtime's imports: reading them takes longer than the fuzzing engine
// allows one input. The importer keeps the packages it has read, so one
// importer serves every run of the process.
func newPackageChecker(f *testing.F) *packageChecker {
	f.Helper()
	c := &packageChecker{fset: token.NewFileSet(), runtime: map[string]parsedFile{}}
	c.imp = &cachedImporter{from: importer.ForCompiler(c.fset, "source", nil), packages: map[string]*types.Package{}}
	for _, path := range runtimeImports(f) {
		if _, err := c.imp.Import(path); err != nil {
			f.Fatalf("import %s: %v", path, err)
		}
	}
	return c
}

// cachedImporter returns each package it has imported again without
// looking for its folder, which the source importer does on every call.
type cachedImporter struct {
	from     types.Importer
	packages map[string]*types.Package
}

func (c *cachedImporter) Import(path string) (*types.Package, error) {
	if pkg, ok := c.packages[path]; ok {
		return pkg, nil
	}
	pkg, err := c.from.Import(path)
	if err == nil {
		c.packages[path] = pkg
	}
	return pkg, err
}

// check checks the names of the generated files and type-checks the
// non-test Go files as one package.
func (c *packageChecker) check(t *testing.T, res *Result) {
	t.Helper()
	var files []*ast.File
	runtimeFiles := map[string]bool{}
	for _, f := range res.Files {
		if f.Name != filepath.Base(f.Name) || strings.ContainsAny(f.Name, `/\:`) || strings.HasPrefix(f.Name, ".") {
			t.Fatalf("file name %q leaves the output folder", f.Name)
		}
		if !strings.HasSuffix(f.Name, ".go") || strings.HasSuffix(f.Name, "_test.go") {
			continue
		}
		if strings.HasPrefix(f.Name, "runtime_") {
			files = append(files, c.runtimeFile(t, f.Name, f.Content))
			runtimeFiles[f.Name] = true
			continue
		}
		file, err := parser.ParseFile(c.fset, f.Name, f.Content, parser.SkipObjectResolution)
		if err != nil {
			t.Fatalf("generated %s does not parse: %v\n%s", f.Name, err, f.Content)
		}
		files = append(files, file)
	}

	var errs []string
	conf := types.Config{Importer: c.imp, Error: func(err error) {
		// Without their bodies, runtime files import packages they do
		// not use, which is a soft error.
		if te, ok := err.(types.Error); ok && te.Soft && runtimeFiles[te.Fset.Position(te.Pos).Filename] {
			return
		}
		errs = append(errs, err.Error())
	}}
	_, _ = conf.Check("fuzz", c.fset, files, nil)
	if len(errs) > 0 {
		t.Fatalf("generated package does not type-check:\n%s", strings.Join(errs, "\n"))
	}
}

// runtimeFile returns the parsed runtime file name without function
// bodies, parsing it on first use.
func (c *packageChecker) runtimeFile(t *testing.T, name string, content []byte) *ast.File {
	t.Helper()
	if p, ok := c.runtime[name]; ok && bytes.Equal(p.content, content) {
		return p.file
	}
	file, err := parser.ParseFile(c.fset, name, content, parser.SkipObjectResolution)
	if err != nil {
		t.Fatalf("runtime file %s does not parse: %v", name, err)
	}
	for _, decl := range file.Decls {
		if fd, ok := decl.(*ast.FuncDecl); ok && fd.Type.TypeParams == nil {
			fd.Body = nil
		}
	}
	c.runtime[name] = parsedFile{content: content, file: file}
	return file
}

// runtimeImports returns the import paths of the client runtime's files.
func runtimeImports(f *testing.F) []string {
	f.Helper()
	seen := map[string]bool{}
	var paths []string
	for _, file := range templates.ClientRuntime() {
		parsed, err := parser.ParseFile(token.NewFileSet(), file.Name, file.Content, parser.ImportsOnly)
		if err != nil {
			f.Fatal(err)
		}
		for _, spec := range parsed.Imports {
			path, err := strconv.Unquote(spec.Path.Value)
			if err != nil {
				f.Fatal(err)
			}
			if !seen[path] {
				seen[path] = true
				paths = append(paths, path)
			}
		}
	}
	return paths
}
