package parser_test

import (
	"testing"

	"github.com/pmgen/pmgen/internal/synth"
	"github.com/pmgen/pmgen/parser"
)

// BenchmarkParseSynthetic decodes synthetic collections of 100, 1,000 and
// 10,000 requests.
func BenchmarkParseSynthetic(b *testing.B) {
	for _, n := range synth.Sizes() {
		b.Run(synth.SizeName(n), func(b *testing.B) {
			data, err := synth.Collection(n)
			if err != nil {
				b.Fatal(err)
			}
			b.SetBytes(int64(len(data)))
			synth.Measure(b, func() {
				coll, diags := parser.ParseCollection("synth.postman_collection.json", data, parser.Options{})
				if coll == nil || diags.HasErrors() {
					b.Fatalf("parse failed: %v", diags.Err())
				}
			})
		})
	}
}
