package parser

import (
	"os"
	"path/filepath"
	"testing"
)

// FuzzParseCollection checks that any input gives a result or diagnostics,
// never a panic, and that every diagnostic carries a code. Environment
// decoding shares the decoder and runs on the same input.
func FuzzParseCollection(f *testing.F) {
	for _, pattern := range []string{
		filepath.Join(goldenDir, "*/collection.json"),
		filepath.Join(goldenDir, "*/environment.json"),
		"../testdata/hostile/*/collection.json",
	} {
		files, err := filepath.Glob(pattern)
		if err != nil {
			f.Fatal(err)
		}
		for _, file := range files {
			data, err := os.ReadFile(file)
			if err != nil {
				f.Fatal(err)
			}
			// Larger seeds slow every mutation down.
			if len(data) <= 256<<10 {
				f.Add(data)
			}
		}
	}

	f.Fuzz(func(t *testing.T, data []byte) {
		c, diags := ParseCollection("fuzz.json", data, Options{MaxFolderDepth: 8, MaxRequests: 64})
		if c == nil && !diags.HasErrors() {
			t.Fatal("no collection and no error")
		}
		for _, d := range diags.Sorted() {
			if d.Code == "" || d.Message == "" {
				t.Fatalf("diagnostic without code or message: %v", d)
			}
		}

		env, diags := ParseEnvironment("fuzz.json", data, Options{})
		if env == nil && !diags.HasErrors() {
			t.Fatal("no environment and no error")
		}
	})
}
