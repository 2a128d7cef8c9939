// Package pipeline runs pmgen's stages in order: read the input files,
// parse them, build the model, and render the generated files. It writes
// nothing; cmd/pmgen decides what to do with the result.
package pipeline

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"

	"github.com/pmgen/pmgen/diag"
	"github.com/pmgen/pmgen/generator"
	"github.com/pmgen/pmgen/model"
	"github.com/pmgen/pmgen/parser"
)

// Options are the inputs of one run.
type Options struct {
	Collection   string   // path of the collection file
	Environments []string // paths of environment files
	Package      string   // Go package name; empty means "client"
	Limits       parser.Options
	Version      string // pmgen's version
}

// Result is the output of a run.
type Result struct {
	API   *model.API
	Files []generator.File
	// Diags holds every diagnostic of every stage; they are warnings
	// unless the run failed.
	Diags diag.List
}

// Run reads, parses, models and renders. It returns an error when a stage
// fails; the result then still carries the diagnostics collected so far,
// and no files.
func Run(opts Options) (*Result, error) {
	res, err := Model(opts)
	if err != nil {
		return res, err
	}

	files, err := generator.Generate(res.API, generator.Options{Version: opts.Version})
	if err != nil {
		return res, fmt.Errorf("generate: %w", err)
	}
	res.Files = files
	return res, nil
}

// Model reads and parses the input and builds the model, and stops there:
// the result has no files. pmgen diff compares two such models.
func Model(opts Options) (*Result, error) {
	res := &Result{}

	data, err := os.ReadFile(opts.Collection)
	if err != nil {
		return res, fmt.Errorf("read collection: %w", err)
	}
	coll, diags := parser.ParseCollection(opts.Collection, data, opts.Limits)
	res.Diags.Append(diags)
	if coll == nil || diags.HasErrors() {
		return res, fmt.Errorf("parse collection: %w", errorsOf(&res.Diags))
	}

	envs, err := readEnvironments(opts, res)
	if err != nil {
		return res, err
	}

	sum := sha256.Sum256(data)
	api, diags := model.Build(model.Input{
		Collection:   coll,
		Environments: envs,
		SourceSHA256: hex.EncodeToString(sum[:]),
		Package:      opts.Package,
	})
	res.Diags.Append(diags)
	res.API = api
	if diags.HasErrors() {
		return res, fmt.Errorf("build model: %w", errorsOf(&res.Diags))
	}
	return res, nil
}

func readEnvironments(opts Options, res *Result) ([]*parser.Environment, error) {
	var envs []*parser.Environment
	for _, path := range opts.Environments {
		data, err := os.ReadFile(path)
		if err != nil {
			return nil, fmt.Errorf("read environment: %w", err)
		}
		env, diags := parser.ParseEnvironment(path, data, opts.Limits)
		res.Diags.Append(diags)
		if env == nil || diags.HasErrors() {
			return nil, fmt.Errorf("parse environment: %w", errorsOf(&res.Diags))
		}
		envs = append(envs, env)
	}
	return envs, nil
}

// errorsOf returns the errors of a list as one error.
func errorsOf(l *diag.List) error {
	if err := l.Err(); err != nil {
		return err
	}
	return fmt.Errorf("unknown error")
}
