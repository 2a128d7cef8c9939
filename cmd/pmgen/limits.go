package main

import (
	"flag"
	"fmt"

	"github.com/pmgen/pmgen/parser"
)

// limitFlags are the input limits of every command that reads a
// collection. The error for an exceeded limit names the flag that raises
// it.
type limitFlags struct {
	maxInput       int
	maxFolderDepth int
	maxRequests    int
}

func (l *limitFlags) register(fs *flag.FlagSet) {
	fs.IntVar(&l.maxInput, "max-input-size", parser.DefaultMaxInputSize, "largest collection or environment file accepted, in `bytes`")
	fs.IntVar(&l.maxFolderDepth, "max-folder-depth", parser.DefaultMaxFolderDepth, "deepest folder nesting accepted, in `levels`; a top-level folder is at level 1")
	fs.IntVar(&l.maxRequests, "max-requests", parser.DefaultMaxRequests, "largest `number` of requests accepted in one collection, saved examples not counted")
}

// validate checks that every limit is positive; it returns a usage error.
func (l *limitFlags) validate() error {
	for _, limit := range []struct {
		flag  string
		value int
	}{
		{"-max-input-size", l.maxInput},
		{"-max-folder-depth", l.maxFolderDepth},
		{"-max-requests", l.maxRequests},
	} {
		if limit.value < 1 {
			return fmt.Errorf("invalid %s %d: want a positive number", limit.flag, limit.value)
		}
	}
	return nil
}

func (l *limitFlags) options() parser.Options {
	return parser.Options{MaxInputSize: l.maxInput, MaxFolderDepth: l.maxFolderDepth, MaxRequests: l.maxRequests}
}
