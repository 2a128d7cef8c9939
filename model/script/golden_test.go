package script

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/pmgen/pmgen/diag"
)

var update = flag.Bool("update", false, "rewrite the golden files of testdata/script")

// goldenDir holds one folder per idiom: test.js or prerequest.js is the
// script, want.txt the translation.
const goldenDir = "../../testdata/script"

// goldenPos is where every golden script starts, so that diagnostics show
// the shift from script lines to collection lines.
var goldenPos = diag.Position{File: "collection.json", Line: 100, Offset: -1}

// goldenInput reads the script of a golden case folder.
func goldenInput(t testing.TB, dir string) Input {
	t.Helper()
	for _, listen := range []Event{Test, PreRequest} {
		data, err := os.ReadFile(filepath.Join(dir, string(listen)+".js"))
		if err == nil {
			return Input{
				Listen: listen,
				Source: strings.TrimSuffix(string(data), "\n"),
				Where:  "Golden / " + filepath.Base(dir),
				Pos:    goldenPos,
			}
		}
	}
	t.Fatalf("%s has neither test.js nor prerequest.js", dir)
	return Input{}
}

func TestGolden(t *testing.T) {
	dirs, err := filepath.Glob(filepath.Join(goldenDir, "*"))
	if err != nil {
		t.Fatal(err)
	}
	if len(dirs) == 0 {
		t.Fatalf("no golden cases in %s", goldenDir)
	}
	for _, dir := range dirs {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			s, diags := Translate(goldenInput(t, dir))
			got := dump(s, diags)
			wantFile := filepath.Join(dir, "want.txt")
			if *update {
				if err := os.WriteFile(wantFile, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(wantFile)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if got != string(want) {
				t.Errorf("translation differs from %s (go test -update rewrites it):\n--- got\n%s\n--- want\n%s", wantFile, got, want)
			}
		})
	}
}
