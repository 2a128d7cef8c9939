package main

import (
	"errors"
	"flag"
	"fmt"
	"io"

	"github.com/pmgen/pmgen/internal/output"
	"github.com/pmgen/pmgen/internal/pipeline"
)

// runCheck renders the package as generate does and compares it with the
// output folder instead of writing it. It prints a unified diff of every
// file that generate would create, update or delete, and exits with
// exitFindings when there is one.
func runCheck(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("pmgen check", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var f generateFlags
	f.register(fs)
	fs.Usage = func() {
		fmt.Fprint(fs.Output(), "Usage: pmgen check -collection FILE -out DIR [flags]\n\n"+
			"Reports whether the output folder holds exactly what pmgen generate would write\n"+
			"with the same flags. Writes a unified diff of the differences to standard output\n"+
			"and exits with 3 when there are any. Nothing is written.\n\nFlags:\n")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK
		}
		return exitUsage
	}
	if err := f.validate(fs.Args()); err != nil {
		fmt.Fprintf(stderr, "pmgen check: %v\n", err)
		return exitUsage
	}

	res, err := pipeline.Run(f.pipelineOptions())
	printDiagnostics(stderr, &res.Diags)
	if code := writeReport(f.report, res, stderr); code != exitOK {
		return code
	}
	if err != nil {
		fmt.Fprintf(stderr, "pmgen check: %s\n", firstLine(err))
		return exitInput
	}

	changes, err := output.Plan(f.out, res.API.Package, outputFiles(res))
	if err != nil {
		fmt.Fprintf(stderr, "pmgen check: %v\n", err)
		return exitInput
	}
	if len(changes) == 0 {
		return exitOK
	}
	for _, c := range changes {
		fmt.Fprint(stdout, c.Diff(f.out))
	}
	fmt.Fprintf(stderr, "pmgen check: %d %s in %s %s from the generated package: run pmgen generate with the same flags, or go generate\n",
		len(changes), plural(len(changes), "file", "files"), f.out, plural(len(changes), "differs", "differ"))
	return exitFindings
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
