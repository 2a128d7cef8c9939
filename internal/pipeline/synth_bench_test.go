package pipeline_test

import (
	"testing"

	"github.com/pmgen/pmgen/internal/pipeline"
	"github.com/pmgen/pmgen/internal/synth"
)

// BenchmarkRunSynthetic reads, parses, models and renders synthetic
// collections of 100, 1,000 and 10,000 requests written to a temporary
// folder, with their environment.
func BenchmarkRunSynthetic(b *testing.B) {
	for _, n := range synth.Sizes() {
		b.Run(synth.SizeName(n), func(b *testing.B) {
			in, err := synth.Write(b.TempDir(), n)
			if err != nil {
				b.Fatal(err)
			}
			opts := pipeline.Options{
				Collection:   in.Collection,
				Environments: []string{in.Environment},
				Package:      "synth",
			}
			synth.Measure(b, func() {
				res, err := pipeline.Run(opts)
				if err != nil {
					b.Fatal(err)
				}
				if len(res.Files) == 0 {
					b.Fatal("no files generated")
				}
			})
		})
	}
}
