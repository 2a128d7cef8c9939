package parser

import (
	"os"
	"path/filepath"
	"testing"
)

// largestFile returns the largest file matching pattern, or "" when none
// matches.
func largestFile(b *testing.B, pattern string) string {
	b.Helper()
	files, err := filepath.Glob(pattern)
	if err != nil {
		b.Fatal(err)
	}
	best, bestSize := "", int64(-1)
	for _, f := range files {
		info, err := os.Stat(f)
		if err != nil {
			b.Fatal(err)
		}
		if info.Size() > bestSize {
			best, bestSize = f, info.Size()
		}
	}
	return best
}

// BenchmarkParseCollection parses the largest testdata collection and,
// when the corpus is present, the largest corpus collection.
func BenchmarkParseCollection(b *testing.B) {
	for _, pattern := range []string{
		filepath.Join(goldenDir, "*", "collection.json"),
		filepath.Join(corpusDir, "*.json"),
	} {
		file := largestFile(b, pattern)
		if file == "" {
			continue
		}
		data, err := os.ReadFile(file)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(filepath.Base(filepath.Dir(file))+"/"+filepath.Base(file), func(b *testing.B) {
			b.SetBytes(int64(len(data)))
			b.ReportAllocs()
			for b.Loop() {
				if c, _ := ParseCollection(file, data, Options{}); c == nil {
					b.Fatal("no collection")
				}
			}
		})
	}
}
