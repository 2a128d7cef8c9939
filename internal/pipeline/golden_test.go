package pipeline

import (
	"bytes"
	"flag"
	"fmt"
	"go/ast"
	"go/format"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/pmgen/pmgen/diag"
	"github.com/pmgen/pmgen/model"
)

var update = flag.Bool("update", false, "rewrite the want.txt files of the golden cases under testdata/types and testdata/config")

// goldenDirs hold one folder per case: collection.json, an optional
// environment.json, an optional pmgen.yaml that the run finds next to the
// collection, and want.txt with what the run produced.
var goldenDirs = []string{"../../testdata/types", "../../testdata/config"}

// TestGolden runs the whole pipeline on every case folder and compares
// the names, the generated struct types and the diagnostics with the
// folder's want.txt.
func TestGolden(t *testing.T) {
	for _, root := range goldenDirs {
		dirs, err := filepath.Glob(filepath.Join(root, "*", "collection.json"))
		require.NoError(t, err)
		require.NotEmpty(t, dirs, "no cases under %s", root)
		for _, coll := range dirs {
			dir, err := filepath.Abs(filepath.Dir(coll))
			require.NoError(t, err)
			t.Run(filepath.Base(root)+"/"+filepath.Base(dir), func(t *testing.T) {
				got := runGoldenCase(t, dir)
				wantFile := filepath.Join(dir, "want.txt")
				if *update {
					require.NoError(t, os.WriteFile(wantFile, []byte(got), 0o644))
					return
				}
				want, err := os.ReadFile(wantFile)
				require.NoError(t, err, "run go test ./internal/pipeline -update to create it")
				assert.Equal(t, string(want), got)
			})
		}
	}
}

// runGoldenCase runs the pipeline inside the case folder, so that
// diagnostics name the files without a folder, and renders the result.
func runGoldenCase(t *testing.T, dir string) string {
	t.Chdir(dir)
	opts := Options{Collection: "collection.json", DefaultPackage: "client"}
	if _, err := os.Stat("environment.json"); err == nil {
		opts.Environments = []string{"environment.json"}
	}
	res, err := Run(opts)

	var out strings.Builder
	if err != nil {
		fmt.Fprintf(&out, "# error\n%s\n\n", firstLine(err))
	}
	if api := res.API; api != nil && err == nil {
		writeNames(&out, api)
		out.WriteString("# types\n")
		out.WriteString(structDecls(t, res))
	}
	writeDiagnostics(&out, "diagnostics", &res.Diags)
	writeDiagnostics(&out, "skipped", &res.Skipped)
	return out.String()
}

func firstLine(err error) string {
	line, _, _ := strings.Cut(err.Error(), "\n")
	return line
}

// writeNames writes the package name and the Go names of requests,
// folders and sequences.
func writeNames(out *strings.Builder, api *model.API) {
	fmt.Fprintf(out, "# package\n%s\n\n# requests\n", api.Package)
	for _, op := range api.Operations {
		fmt.Fprintf(out, "%s: %s\n", op.Where, op.GoName)
	}
	out.WriteString("\n# folders\n")
	var folders func([]*model.Folder)
	folders = func(list []*model.Folder) {
		for _, f := range list {
			fmt.Fprintf(out, "%s: %s\n", strings.Join(f.Path(), " / "), f.GoName)
			folders(f.Folders)
		}
	}
	folders(api.Folders)
	out.WriteString("\n# sequences\n")
	for _, s := range api.Sequences {
		var steps []string
		for _, st := range s.Steps {
			steps = append(steps, st.Operation.GoName)
		}
		fmt.Fprintf(out, "%s %q: %s\n", s.GoName, s.Name, strings.Join(steps, ", "))
	}
	out.WriteString("\n")
}

// structDecls returns the declarations of the inferred struct types as
// the generated files spell them, without comments, in the model's order
// of first use.
func structDecls(t *testing.T, res *Result) string {
	fset := token.NewFileSet()
	decls := map[string]string{}
	for _, f := range res.Files {
		if !strings.HasSuffix(f.Name, ".go") || strings.HasSuffix(f.Name, "_test.go") {
			continue
		}
		file, err := parser.ParseFile(fset, f.Name, f.Content, 0)
		require.NoError(t, err, f.Name)
		for _, d := range file.Decls {
			gen, ok := d.(*ast.GenDecl)
			if !ok || gen.Tok != token.TYPE {
				continue
			}
			for _, spec := range gen.Specs {
				ts := spec.(*ast.TypeSpec)
				var buf bytes.Buffer
				require.NoError(t, format.Node(&buf, fset, &ast.GenDecl{Tok: token.TYPE, Specs: []ast.Spec{ts}}))
				decls[ts.Name.Name] = buf.String()
			}
		}
	}
	var out strings.Builder
	for _, typ := range res.API.Types {
		text, ok := decls[typ.Name]
		require.True(t, ok, "type %s is in the model but no generated file declares it", typ.Name)
		out.WriteString(text)
		out.WriteString("\n\n")
	}
	return out.String()
}

func writeDiagnostics(out *strings.Builder, title string, l *diag.List) {
	if l.Len() == 0 {
		return
	}
	fmt.Fprintf(out, "# %s\n", title)
	for _, d := range l.Sorted() {
		fmt.Fprintln(out, d.String())
	}
	out.WriteString("\n")
}
