package infer

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pmgen/pmgen/model/naming"
	"github.com/pmgen/pmgen/model/types"
)

// FuzzInfer checks that any bytes as a sample give a type or diagnostics,
// never a panic, and that every struct name is a valid identifier.
func FuzzInfer(f *testing.F) {
	seeds, _ := filepath.Glob(filepath.Join(goldenDir, "*", "*.json"))
	for _, file := range seeds {
		if data, err := os.ReadFile(file); err == nil {
			f.Add(data)
		}
	}
	f.Add([]byte(`{"a": {{x}}, "b": [{{y}}, null], "": {}, "名称": [[]]}`))

	f.Fuzz(func(t *testing.T, data []byte) {
		r := NewRegistry(Options{
			Time:        true,
			Overrides:   []Override{{Path: "**.a", Type: &types.Type{Kind: types.String}}},
			Placeholder: func(name string) (string, bool) { return name, true },
		})
		root := r.Infer("Root", []Sample{{Data: data}, {Data: []byte(`{"a": 1}`)}})
		if root == nil {
			return
		}
		fields, typed := Count(root)
		if typed > fields {
			t.Fatalf("Count gives %d typed of %d fields", typed, fields)
		}
		for _, st := range r.Types() {
			if !naming.IsValid(st.Name) {
				t.Fatalf("invalid struct name %q", st.Name)
			}
			for _, fd := range st.Fields {
				if !naming.IsValid(fd.Name) {
					t.Fatalf("invalid field name %q in %s", fd.Name, st.Name)
				}
			}
		}
	})
}

// BenchmarkInfer infers a receipt body with 200 positions from ten
// samples.
func BenchmarkInfer(b *testing.B) {
	var positions []string
	for i := range 200 {
		positions = append(positions, fmt.Sprintf(
			`{"name": "Товар %d", "price": %d.50, "qty": %d, "vat": 20, "barcode": "48100%08d", "discount": null}`, i, i, i%5+1, i))
	}
	body := []byte(`{"kassa": "{{kassaId}}", "shift": 12, "openedAt": "2024-05-01T10:00:00+03:00",
		"positions": [` + strings.Join(positions, ",") + `],
		"payments": {"cash": 10.5, "card": 0, "qr": 0}}`)
	samples := make([]Sample, 10)
	for i := range samples {
		samples[i] = Sample{Data: body, Name: fmt.Sprintf("example %d", i)}
	}
	b.SetBytes(int64(len(body) * len(samples)))
	for b.Loop() {
		r := NewRegistry(Options{Time: true})
		r.Infer("ProdazhaRequest", samples)
		r.Types()
	}
}
