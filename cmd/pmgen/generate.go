package main

import (
	"bufio"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"unicode"

	"github.com/pmgen/pmgen/diag"
	"github.com/pmgen/pmgen/internal/output"
	"github.com/pmgen/pmgen/internal/pipeline"
	"github.com/pmgen/pmgen/model/naming"
)

// generateFlags are the flags of generate, shared by check.
type generateFlags struct {
	collection string
	out        string
	pkg        string
	config     string
	envs       listFlag
	report     string
	limits     limitFlags
}

// listFlag is a flag that may be repeated.
type listFlag []string

func (l *listFlag) String() string     { return strings.Join(*l, ",") }
func (l *listFlag) Set(v string) error { *l = append(*l, v); return nil }

func (f *generateFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&f.collection, "collection", "", "Postman collection `file` to read (format v2.0 or v2.1; required)")
	fs.StringVar(&f.out, "out", "", "output `folder` of the generated package (required); pmgen writes only its own files there")
	fs.StringVar(&f.pkg, "package", "", "Go package `name` of the generated code (default: the config's package, else the output folder's name)")
	fs.StringVar(&f.config, "config", "", "config `file` in YAML (default: pmgen.yaml next to the collection, when it exists)")
	fs.Var(&f.envs, "env", "Postman environment `file` whose variables the client takes as options; may be repeated. Values never reach the generated code")
	fs.StringVar(&f.report, "report", "", "write a JSON report of counts and warnings to `file`")
	f.limits.register(fs)
}

// validate checks the flags; it returns a usage error.
func (f *generateFlags) validate(rest []string) error {
	if len(rest) > 0 {
		// The flag package stops at the first argument that is no flag,
		// so the flags after it were not read.
		return fmt.Errorf("unexpected argument %q: every input is a flag, such as -collection FILE; the flags after it were not read", rest[0])
	}
	if f.collection == "" {
		return errors.New("missing -collection: name the Postman collection file to read")
	}
	if f.out == "" {
		return errors.New("missing -out: name the folder to write the generated package to")
	}
	if f.pkg != "" && !pipeline.UsablePackageName(f.pkg) {
		return fmt.Errorf("invalid -package %q: want a Go identifier such as kassa, other than main and documentation and not ending in _test", f.pkg)
	}
	return f.limits.validate()
}

// defaultPackage derives a package name from the output folder's name. Its
// words are transliterated like every Go name pmgen makes, joined in lower
// case and stripped of leading digits. The name is "client" when nothing
// is left or what is left cannot name a client's package.
func defaultPackage(out string) string {
	words, ok := naming.Words(lastElem(out))
	if !ok {
		return "client"
	}
	name := strings.TrimLeft(strings.Join(words, ""), "0123456789")
	if !pipeline.UsablePackageName(name) {
		return "client"
	}
	return name
}

func lastElem(path string) string {
	path = strings.TrimRight(path, `/\`)
	if i := strings.LastIndexAny(path, `/\`); i >= 0 {
		return path[i+1:]
	}
	return path
}

func (f *generateFlags) pipelineOptions() pipeline.Options {
	return pipeline.Options{
		Collection:   f.collection,
		Environments: f.envs,
		Config:       f.config,
		// The flag wins over the config's package, which wins over the
		// name of the output folder.
		Package:        f.pkg,
		DefaultPackage: defaultPackage(f.out),
		Limits:         f.limits.options(),
		Version:        version(),
	}
}

func runGenerate(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("pmgen generate", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var f generateFlags
	f.register(fs)
	fs.Usage = func() {
		fmt.Fprint(fs.Output(), "Usage: pmgen generate -collection FILE -out DIR [flags]\n\n"+
			"Generates a Go client package and its sequence tests from a Postman collection.\n"+
			"Nothing is written unless every file was generated.\n\nFlags:\n")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK
		}
		return exitUsage
	}
	if err := f.validate(fs.Args()); err != nil {
		fmt.Fprintf(stderr, "pmgen generate: %v\n", err)
		return exitUsage
	}

	res, err := pipeline.Run(f.pipelineOptions())
	printDiagnostics(stderr, &res.Diags)
	if code := writeReport(f.report, res, stderr); code != exitOK {
		return code
	}
	if err != nil {
		fmt.Fprintf(stderr, "pmgen generate: %s\n", firstLine(err))
		return exitInput
	}

	changes, err := output.Plan(f.out, res.API.Package, outputFiles(res))
	if err == nil {
		err = output.Apply(f.out, changes)
	}
	if err != nil {
		fmt.Fprintf(stderr, "pmgen generate: %v\n", err)
		return exitInput
	}
	return exitOK
}

func outputFiles(res *pipeline.Result) []output.File {
	files := make([]output.File, len(res.Files))
	for i, f := range res.Files {
		files[i] = output.File{Name: f.Name, Content: f.Content}
	}
	return files
}

// printDiagnostics writes every diagnostic, in source order, one per line,
// each passed through terminalSafe.
func printDiagnostics(w io.Writer, l *diag.List) {
	bw := bufio.NewWriter(w)
	for _, d := range l.Sorted() {
		bw.WriteString(terminalSafe(d.String()))
		bw.WriteByte('\n')
	}
	bw.Flush()
}

// terminalSafe escapes the characters of collection text that a terminal
// would act on instead of showing: control characters, among them the
// escape that starts a terminal command and line breaks, and invisible or
// bidirectional formatting characters. They are written as \u escapes.
func terminalSafe(s string) string {
	if !strings.ContainsFunc(s, unsafeOnTerminal) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		switch {
		case !unsafeOnTerminal(r):
			b.WriteRune(r)
		case r > 0xFFFF:
			fmt.Fprintf(&b, "\\U%08x", r)
		default:
			fmt.Fprintf(&b, "\\u%04x", r)
		}
	}
	return b.String()
}

func unsafeOnTerminal(r rune) bool {
	return r != '\t' && unicode.IsControl(r) || unicode.Is(unicode.Cf, r) || unicode.Is(unicode.Bidi_Control, r)
}

// firstLine returns an error's message without the diagnostics that
// printDiagnostics has already printed.
func firstLine(err error) string {
	var errs *diag.Errors
	if errors.As(err, &errs) {
		n := len(errs.List)
		if n == 1 {
			return "1 error in the input; see above"
		}
		return fmt.Sprintf("%d errors in the input; see above", n)
	}
	return terminalSafe(err.Error())
}

func writeReport(path string, res *pipeline.Result, stderr io.Writer) int {
	if path == "" {
		return exitOK
	}
	data, err := pipeline.NewReport(res).JSON()
	if err == nil {
		err = os.MkdirAll(filepath.Dir(path), 0o755)
	}
	if err == nil {
		err = os.WriteFile(path, data, 0o644)
	}
	if err != nil {
		fmt.Fprintf(stderr, "pmgen: write report: %v; nothing else was written: choose a -report path in a folder that exists or can be created\n", err)
		return exitInput
	}
	return exitOK
}

// version returns pmgen's module version from the build information:
// the tag for "go install module@version", "(devel)" for a local build.
func version() string {
	info, ok := debug.ReadBuildInfo()
	if !ok || info.Main.Version == "" {
		return "(devel)"
	}
	return info.Main.Version
}
