package generator

import (
	"strings"
	"testing"

	"github.com/dave/jennifer/jen"
)

func goodFile(name string) func() *jen.File {
	return func() *jen.File {
		f := jen.NewFile("p")
		f.Var().Id(name).Op("=").Lit(name)
		return f
	}
}

func badFile() *jen.File {
	f := jen.NewFile("p")
	f.Id("func(")
	return f
}

func TestRendererKeepsAddOrder(t *testing.T) {
	r := newRenderer()
	names := []string{"c.go", "a.go", "d.go", "b.go", "e.go"}
	for _, name := range names {
		r.add(name, goodFile(strings.TrimSuffix(name, ".go")))
	}
	files, err := r.wait()
	if err != nil {
		t.Fatal(err)
	}
	if len(files) != len(names) {
		t.Fatalf("got %d files, want %d", len(files), len(names))
	}
	for i, f := range files {
		if f.Name != names[i] {
			t.Errorf("file %d is %s, want %s", i, f.Name, names[i])
		}
		want := "var " + strings.TrimSuffix(names[i], ".go") + " = "
		if !strings.Contains(string(f.Content), want) {
			t.Errorf("%s lacks %q:\n%s", f.Name, want, f.Content)
		}
	}
}

func TestRendererReturnsFirstAddedError(t *testing.T) {
	r := newRenderer()
	r.add("ok.go", goodFile("ok"))
	r.addBytes("data.json", func() ([]byte, error) { return []byte("{}"), nil })
	r.add("first.go", badFile)
	r.add("second.go", badFile)
	_, err := r.wait()
	if err == nil {
		t.Fatal("no error for files that do not format")
	}
	if !strings.HasPrefix(err.Error(), "format first.go:") {
		t.Errorf("error %q does not name first.go", firstLineOf(err.Error()))
	}
}

func firstLineOf(s string) string {
	line, _, _ := strings.Cut(s, "\n")
	return line
}
