// Package templates holds the static Go files pmgen copies into every
// generated package. They are ordinary Go, compiled and tested in their own
// packages here. clientrt is the client runtime, and replay is the server
// that answers with saved examples in the generated tests and in pmgen
// mock. The generator copies the files verbatim, rewriting only the
// package clause and adding the generated-code header.
package templates

import (
	"embed"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path"
	"sort"
	"strings"
)

//go:embed clientrt
var clientRuntime embed.FS

//go:embed replay
var replayServer embed.FS

// File is one embedded Go source file.
type File struct {
	// Name is the file's base name, "session.go".
	Name    string
	Content []byte
}

// ClientRuntime returns the non-test Go files of the client runtime,
// sorted by name.
func ClientRuntime() []File {
	return goFiles(clientRuntime, "clientrt")
}

// TestHarness returns the harness of generated sequence tests, a test
// file of the client runtime that is compiled and tested here against a
// small stand-in collection (harness_shim_test.go) and copied into every
// generated package, where the generated code provides the names the
// stand-in declares.
func TestHarness() []File {
	content, err := clientRuntime.ReadFile("clientrt/harness_test.go")
	if err != nil {
		panic(fmt.Sprintf("templates: reading embedded harness_test.go: %v", err))
	}
	return []File{{Name: "harness_test.go", Content: content}}
}

// ReplayServer returns the non-test Go files of the replay server, sorted
// by name. Code that imports it directly uses package
// github.com/pmgen/pmgen/templates/replay instead.
func ReplayServer() []File {
	return goFiles(replayServer, "replay")
}

// RuntimeNames returns the exported identifiers the client runtime
// declares at package level, sorted. Generated names must avoid them.
func RuntimeNames() ([]string, error) {
	return exportedNames(ClientRuntime())
}

// goFiles returns the non-test .go files of dir in fsys, sorted by name.
func goFiles(fsys embed.FS, dir string) []File {
	entries, err := fs.ReadDir(fsys, dir)
	if err != nil {
		// The directory is embedded at build time, so reading it cannot fail.
		panic(fmt.Sprintf("templates: reading embedded %s: %v", dir, err))
	}
	var files []File
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || !strings.HasSuffix(name, ".go") || strings.HasSuffix(name, "_test.go") {
			continue
		}
		content, err := fsys.ReadFile(path.Join(dir, name))
		if err != nil {
			panic(fmt.Sprintf("templates: reading embedded %s: %v", name, err))
		}
		files = append(files, File{Name: name, Content: content})
	}
	sort.Slice(files, func(i, j int) bool { return files[i].Name < files[j].Name })
	return files
}

// exportedNames parses files and returns their exported package-level
// identifiers, sorted. Methods and struct fields are not included.
func exportedNames(files []File) ([]string, error) {
	fset := token.NewFileSet()
	var names []string
	for _, f := range files {
		file, err := parser.ParseFile(fset, f.Name, f.Content, parser.SkipObjectResolution)
		if err != nil {
			return nil, fmt.Errorf("parsing %s: %w", f.Name, err)
		}
		for _, decl := range file.Decls {
			names = appendDeclNames(names, decl)
		}
	}
	sort.Strings(names)
	return names, nil
}

func appendDeclNames(names []string, decl ast.Decl) []string {
	switch d := decl.(type) {
	case *ast.FuncDecl:
		if d.Recv == nil && d.Name.IsExported() {
			names = append(names, d.Name.Name)
		}
	case *ast.GenDecl:
		for _, spec := range d.Specs {
			switch s := spec.(type) {
			case *ast.TypeSpec:
				if s.Name.IsExported() {
					names = append(names, s.Name.Name)
				}
			case *ast.ValueSpec:
				for _, n := range s.Names {
					if n.IsExported() {
						names = append(names, n.Name)
					}
				}
			}
		}
	}
	return names
}
