package main

import (
	"errors"
	"flag"
	"fmt"
	"io"

	"github.com/pmgen/pmgen/diff"
	"github.com/pmgen/pmgen/internal/pipeline"
)

// diffFlags are the flags of diff.
type diffFlags struct {
	format string
	failOn string
	config string
	envs   listFlag
	limits limitFlags
}

func (f *diffFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&f.format, "format", "text", "output `format`: text for a terminal, markdown for a pull request, json for tools")
	fs.StringVar(&f.failOn, "fail-on", "", "exit with 3 when a change of this `class` is found: breaking, or any for every change")
	fs.Var(&f.envs, "env", "Postman environment `file` read with both releases, as generate reads it; may be repeated")
	fs.StringVar(&f.config, "config", "", "config `file` in YAML read with both releases (default: the pmgen.yaml next to each release, and for a NEW without one, OLD's)")
	f.limits.register(fs)
}

// parseDiffArgs parses flags before, between and after the two collection
// files, and returns the files.
func parseDiffArgs(fs *flag.FlagSet, args []string) ([]string, error) {
	var files []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		if fs.NArg() == 0 {
			return files, nil
		}
		files = append(files, fs.Arg(0))
		args = fs.Args()[1:]
	}
}

// runDiff builds the models of two releases of a collection and reports
// their changes in Go API terms.
func runDiff(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("pmgen diff", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var f diffFlags
	f.register(fs)
	fs.Usage = func() {
		fmt.Fprint(fs.Output(), "Usage: pmgen diff [flags] OLD NEW\n\n"+
			"Compares two releases of a Postman collection and lists each change of the\n"+
			"generated Go API with its class: breaking, wire, non-breaking or sequence.\n\nFlags:\n")
		fs.PrintDefaults()
	}
	files, err := parseDiffArgs(fs, args)
	if err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return exitOK
		}
		return exitUsage
	}
	if err := f.validate(files); err != nil {
		fmt.Fprintf(stderr, "pmgen diff: %v\n", err)
		return exitUsage
	}

	oldConfig, newConfig := f.configs(files[0], files[1])
	old, code := f.model(files[0], oldConfig, stderr)
	if code != exitOK {
		return code
	}
	new, code := f.model(files[1], newConfig, stderr)
	if code != exitOK {
		return code
	}
	report := diff.Compare(old.API, new.API)

	if err := writeDiff(stdout, report, f.format); err != nil {
		fmt.Fprintf(stderr, "pmgen diff: %v\n", err)
		return exitInput
	}
	if (f.failOn == "breaking" && report.Count(diff.Breaking) > 0) || (f.failOn == "any" && len(report.Changes) > 0) {
		return exitFindings
	}
	return exitOK
}

func (f *diffFlags) validate(files []string) error {
	if len(files) != 2 {
		return fmt.Errorf("want two collection files, OLD and NEW, got %d", len(files))
	}
	switch f.format {
	case "text", "markdown", "json":
	default:
		return fmt.Errorf("invalid -format %q: want text, markdown or json", f.format)
	}
	switch f.failOn {
	case "", "breaking", "any":
	default:
		return fmt.Errorf("invalid -fail-on %q: want breaking or any", f.failOn)
	}
	return f.limits.validate()
}

// configs returns the config files of the two releases, "" where the
// pipeline looks for a pmgen.yaml next to the collection. The -config
// flag names one for both. Without it, a NEW release with no pmgen.yaml
// beside it, such as a download, is read with OLD's. The config belongs
// to the integrator's repository, and without its pinned names every
// pinned request would look renamed.
func (f *diffFlags) configs(oldCollection, newCollection string) (string, string) {
	if f.config != "" {
		return f.config, f.config
	}
	beside := func(collection string) string {
		if path, ok := pipeline.ConfigBeside(collection); ok {
			return path
		}
		return ""
	}
	oldConfig, newConfig := beside(oldCollection), beside(newCollection)
	if newConfig == "" {
		newConfig = oldConfig
	}
	return oldConfig, newConfig
}

// model builds the model of one release with config, "" for none. Only
// when that fails are its diagnostics printed: warnings are generate's
// business.
func (f *diffFlags) model(collection, config string, stderr io.Writer) (*pipeline.Result, int) {
	res, err := pipeline.Model(pipeline.Options{
		Collection:   collection,
		Environments: f.envs,
		Config:       config,
		Limits:       f.limits.options(),
	})
	if err != nil {
		printDiagnostics(stderr, &res.Diags)
		fmt.Fprintf(stderr, "pmgen diff: %s: %s\n", collection, firstLine(err))
		return nil, exitInput
	}
	return res, exitOK
}

func writeDiff(w io.Writer, r *diff.Report, format string) error {
	switch format {
	case "markdown":
		_, err := io.WriteString(w, r.Markdown())
		return err
	case "json":
		data, err := r.JSON()
		if err != nil {
			return err
		}
		_, err = w.Write(data)
		return err
	}
	_, err := io.WriteString(w, r.Text())
	return err
}
