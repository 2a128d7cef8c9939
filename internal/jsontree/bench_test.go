package jsontree

import (
	"testing"

	"github.com/pmgen/pmgen/internal/synth"
)

// BenchmarkParseSynthetic parses synthetic collections of 100, 1,000 and
// 10,000 requests into trees.
func BenchmarkParseSynthetic(b *testing.B) {
	for _, n := range synth.Sizes() {
		b.Run(synth.SizeName(n), func(b *testing.B) {
			data, err := synth.Collection(n)
			if err != nil {
				b.Fatal(err)
			}
			b.SetBytes(int64(len(data)))
			synth.Measure(b, func() {
				if _, err := Parse(data, Options{}); err != nil {
					b.Fatal(err)
				}
			})
		})
	}
}
