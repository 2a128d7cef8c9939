package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/pmgen/pmgen/internal/synth"
)

// BenchmarkGenerateCommand runs "pmgen generate" in process on synthetic
// collections of 100, 1,000 and 10,000 requests. Every iteration writes
// into a new folder, so every file is written; the folders are removed
// with the timer stopped. The metric cpu-s/op, the process's CPU time per
// run, counts the removal too.
func BenchmarkGenerateCommand(b *testing.B) {
	for _, n := range synth.Sizes() {
		b.Run(synth.SizeName(n), func(b *testing.B) {
			dir := b.TempDir()
			in, err := synth.Write(dir, n)
			if err != nil {
				b.Fatal(err)
			}
			i := 0
			synth.Measure(b, func() {
				out := filepath.Join(dir, "out"+strconv.Itoa(i))
				i++
				var stderr bytes.Buffer
				args := []string{"generate", "-collection", in.Collection, "-env", in.Environment, "-out", out, "-package", "synth"}
				if code := run(args, &bytes.Buffer{}, &stderr); code != exitOK {
					b.Fatalf("exit code %d: %s", code, stderr.String())
				}

				b.StopTimer()
				if err := os.RemoveAll(out); err != nil {
					b.Fatal(err)
				}
				b.StartTimer()
			})
		})
	}
}
