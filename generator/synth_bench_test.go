package generator_test

import (
	"testing"

	"github.com/pmgen/pmgen/generator"
	"github.com/pmgen/pmgen/internal/synth"
	"github.com/pmgen/pmgen/model"
	"github.com/pmgen/pmgen/parser"
)

// BenchmarkGenerateSynthetic renders and formats every file for
// synthetic collections of 100, 1,000 and 10,000 requests, whose models
// are built once before the loop.
func BenchmarkGenerateSynthetic(b *testing.B) {
	for _, n := range synth.Sizes() {
		b.Run(synth.SizeName(n), func(b *testing.B) {
			data, err := synth.Collection(n)
			if err != nil {
				b.Fatal(err)
			}
			coll, diags := parser.ParseCollection("synth.postman_collection.json", data, parser.Options{})
			if coll == nil || diags.HasErrors() {
				b.Fatalf("parse failed: %v", diags.Err())
			}
			api, diags := model.Build(model.Input{Collection: coll, Package: "synth"})
			if api == nil || diags.HasErrors() {
				b.Fatalf("build failed: %v", diags.Err())
			}
			synth.Measure(b, func() {
				files, err := generator.Generate(api, generator.Options{})
				if err != nil {
					b.Fatal(err)
				}
				if len(files) == 0 {
					b.Fatal("no files generated")
				}
			})
		})
	}
}
