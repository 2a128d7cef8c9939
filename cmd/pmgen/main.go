// Command pmgen turns a Postman collection into a typed Go client and Go
// tests that replay the collection's request sequences.
//
// Usage:
//
//	pmgen generate -collection FILE -out DIR [-package NAME] [-env FILE] [-report FILE]
//	pmgen check -collection FILE -out DIR [flags]
//	pmgen diff [-format text|markdown|json] [-fail-on breaking] [-env FILE] OLD NEW
//	pmgen mock -collection FILE [-env FILE] [-addr HOST:PORT]
//
// Run "pmgen help" for every subcommand and "pmgen generate -h" for its flags.
package main

import (
	"fmt"
	"io"
	"os"
	"runtime/debug"
)

// Exit codes, one scheme for every subcommand.
const (
	exitOK       = 0 // success
	exitInput    = 1 // the input cannot be used
	exitUsage    = 2 // the command line is wrong
	exitFindings = 3 // a check found something
)

// defaultMemoryLimit and defaultGCPercent apply unless the GOMEMLIMIT or
// GOGC environment variable sets its own value. pmgen allocates far more
// than it keeps, so with Go's default GOGC of 100 the garbage collector
// takes an estimated fifth of the CPU time for a 10,000-request
// collection. At 400 it runs about a quarter as often, and the soft memory
// limit starts a collection before the heap passes 448 MiB, which keeps
// peak memory below 500 MiB (see BENCHMARKS.md).
const (
	defaultMemoryLimit = 448 << 20
	defaultGCPercent   = 400
)

func main() {
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(defaultMemoryLimit)
	}
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(defaultGCPercent)
	}
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run executes one command line and returns its exit code.
func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		usage(stderr)
		return exitUsage
	}
	switch args[0] {
	case "generate":
		return runGenerate(args[1:], stdout, stderr)
	case "check":
		return runCheck(args[1:], stdout, stderr)
	case "diff":
		return runDiff(args[1:], stdout, stderr)
	case "mock":
		return runMock(args[1:], stderr)
	case "version":
		fmt.Fprintln(stdout, "pmgen", version())
		return exitOK
	case "help", "-h", "-help", "--help":
		usage(stdout)
		return exitOK
	}
	fmt.Fprintf(stderr, "pmgen: unknown command %q\n\n", args[0])
	usage(stderr)
	return exitUsage
}

func usage(w io.Writer) {
	fmt.Fprint(w, `pmgen turns a Postman collection into a typed Go client and sequence tests.

Usage:
  pmgen generate -collection FILE -out DIR [flags]   write the client package
  pmgen check -collection FILE -out DIR [flags]      report whether DIR is current
  pmgen diff [flags] OLD NEW                         list the API changes of a release
  pmgen mock -collection FILE [flags]                serve the saved examples over HTTP
  pmgen version                                      print pmgen's version

Run "pmgen COMMAND -h" for the flags of a command.

Exit codes: 0 success, 1 the input cannot be used, 2 usage error,
3 a check found something.
`)
}
