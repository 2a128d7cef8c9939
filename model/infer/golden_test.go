package infer

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"text/tabwriter"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/pmgen/pmgen/diag"
	"github.com/pmgen/pmgen/model/types"
)

var update = flag.Bool("update", false, "rewrite the want.txt files of the golden cases")

const goldenDir = "../../testdata/infer"

// goldenCase is the case.json of a golden case. Without a case.json, the
// case has one body named Root whose samples are every other file of the
// folder except want.txt, in name order.
type goldenCase struct {
	Fraction  string   `json:"fraction"`
	Time      bool     `json:"time"`
	Reserved  []string `json:"reserved"`
	Overrides []struct {
		Path string `json:"path"`
		Type string `json:"type"`
	} `json:"overrides"`
	Placeholders map[string]string `json:"placeholders"`
	Bodies       []struct {
		Root    string   `json:"root"`
		Samples []string `json:"samples"`
	} `json:"bodies"`
}

// TestGolden infers the bodies of every folder under testdata/infer and
// compares the type graph and diagnostics with the folder's want.txt.
func TestGolden(t *testing.T) {
	dirs, err := os.ReadDir(goldenDir)
	require.NoError(t, err)
	for _, d := range dirs {
		if !d.IsDir() {
			continue
		}
		t.Run(d.Name(), func(t *testing.T) {
			dir := filepath.Join(goldenDir, d.Name())
			got := runGolden(t, dir)
			wantFile := filepath.Join(dir, "want.txt")
			if *update {
				require.NoError(t, os.WriteFile(wantFile, []byte(got), 0o644))
				return
			}
			want, err := os.ReadFile(wantFile)
			require.NoError(t, err, "run go test -update to create it")
			assert.Equal(t, string(want), got)
		})
	}
}

func runGolden(t *testing.T, dir string) string {
	c := readCase(t, dir)
	opts := Options{Time: c.Time, Reserved: c.Reserved}
	if c.Fraction != "" {
		ft, err := ParseType(c.Fraction)
		require.NoError(t, err)
		opts.Fraction = ft.Ref
	}
	for _, o := range c.Overrides {
		ot, err := ParseType(o.Type)
		require.NoError(t, err)
		opts.Overrides = append(opts.Overrides, Override{Path: o.Path, Type: ot})
	}
	if c.Placeholders != nil {
		opts.Placeholder = func(name string) (string, bool) {
			v, ok := c.Placeholders[name]
			return v, ok
		}
	}

	r := NewRegistry(opts)
	roots := make([]*types.Type, len(c.Bodies))
	for i, b := range c.Bodies {
		var samples []Sample
		for _, name := range b.Samples {
			data, err := os.ReadFile(filepath.Join(dir, name))
			require.NoError(t, err)
			samples = append(samples, Sample{Data: data, Name: name, Pos: diag.Position{File: name, Offset: -1}, Where: b.Root})
		}
		roots[i] = r.Infer(b.Root, samples)
	}
	all := r.Types()

	var out strings.Builder
	out.WriteString("# bodies\n")
	for i, b := range c.Bodies {
		fmt.Fprintf(&out, "%s: %s\n", b.Root, typeText(roots[i]))
	}
	out.WriteString("\n# types\n")
	for _, st := range all {
		writeStruct(&out, st)
	}
	diags := r.Diagnostics()
	if diags.Len() > 0 {
		out.WriteString("\n# diagnostics\n")
		for _, d := range diags.Sorted() {
			fmt.Fprintf(&out, "%s\n", d)
		}
	}
	if unused := r.UnusedOverrides(); len(unused) > 0 {
		fmt.Fprintf(&out, "\n# unused overrides\n%s\n", strings.Join(unused, "\n"))
	}
	return out.String()
}

func readCase(t *testing.T, dir string) goldenCase {
	var c goldenCase
	data, err := os.ReadFile(filepath.Join(dir, "case.json"))
	if err == nil {
		require.NoError(t, json.Unmarshal(data, &c))
		return c
	}
	require.ErrorIs(t, err, os.ErrNotExist)
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	var samples []string
	for _, e := range entries {
		if e.Name() != "want.txt" {
			samples = append(samples, e.Name())
		}
	}
	slices.Sort(samples)
	c.Bodies = append(c.Bodies, struct {
		Root    string   `json:"root"`
		Samples []string `json:"samples"`
	}{Root: "Root", Samples: samples})
	return c
}

// typeText renders a type as Go would spell it in a field.
func typeText(t *types.Type) string {
	if t == nil {
		return "<none>"
	}
	switch t.Kind {
	case types.String:
		return "string"
	case types.Int:
		return "int64"
	case types.Float:
		return "float64"
	case types.Bool:
		return "bool"
	case types.Raw:
		return "json.RawMessage"
	case types.Array:
		return "[]" + typeText(t.Elem)
	case types.Struct:
		return t.Name
	case types.External:
		if t.Ref.ImportPath == "" {
			return t.Ref.Name
		}
		return t.Ref.ImportPath + "." + t.Ref.Name
	}
	return "<" + t.Kind.String() + ">"
}

func writeStruct(out *strings.Builder, st *types.Type) {
	fmt.Fprintf(out, "type %s struct { // %s\n", st.Name, st.Path)
	tw := tabwriter.NewWriter(out, 0, 4, 1, ' ', 0)
	for _, f := range st.Fields {
		typ := typeText(f.Type)
		if f.Pointer() {
			typ = "*" + typ
		}
		var flags []string
		if f.Optional {
			flags = append(flags, "optional")
		}
		if f.Nullable {
			flags = append(flags, "nullable")
		}
		if len(flags) == 0 {
			fmt.Fprintf(tw, "\t%s\t%s\t%q\n", f.Name, typ, f.JSONName)
			continue
		}
		fmt.Fprintf(tw, "\t%s\t%s\t%q\t%s\n", f.Name, typ, f.JSONName, strings.Join(flags, " "))
	}
	tw.Flush()
	out.WriteString("}\n")
}
