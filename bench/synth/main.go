// Command synth writes the synthetic collections of pmgen's benchmarks
// and their environment into a folder, for the scripts in bench.
//
// Usage:
//
//	go run ./bench/synth -out DIR [-requests 100,1000,10000]
package main

import (
	"flag"
	"fmt"
	"os"
	"strconv"
	"strings"

	"github.com/pmgen/pmgen/internal/synth"
)

func main() {
	out := flag.String("out", "", "`folder` to write the collections to (required)")
	sizes := flag.String("requests", "100,1000,10000", "comma-separated `numbers` of requests, one collection each")
	flag.Parse()
	if err := run(*out, *sizes); err != nil {
		fmt.Fprintln(os.Stderr, "synth:", err)
		os.Exit(1)
	}
}

func run(out, sizes string) error {
	if out == "" {
		return fmt.Errorf("missing -out: name the folder to write the collections to")
	}
	if err := os.MkdirAll(out, 0o755); err != nil {
		return err
	}
	for _, s := range strings.Split(sizes, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil {
			return fmt.Errorf("invalid -requests entry %q: want a number", s)
		}
		files, err := synth.Write(out, n)
		if err != nil {
			return err
		}
		fmt.Println(files.Collection)
	}
	return nil
}
