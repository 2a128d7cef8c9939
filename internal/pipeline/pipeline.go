// Package pipeline runs pmgen's stages in order: read the input files,
// parse them, build the model, and render the generated files. It writes
// nothing; cmd/pmgen decides what to do with the result.
package pipeline

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"go/token"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/pmgen/pmgen/diag"
	"github.com/pmgen/pmgen/generator"
	"github.com/pmgen/pmgen/model"
	"github.com/pmgen/pmgen/parser"
)

// Options are the inputs of one run.
type Options struct {
	Collection   string   // path of the collection file
	Environments []string // paths of environment files
	// Config is the path of the config file. When it is empty, the
	// pmgen.yaml next to the collection is read if there is one.
	Config string
	// Package is the Go package name. It wins over the config's package;
	// when both are empty, DefaultPackage is used, and "client" when that
	// is empty too.
	Package        string
	DefaultPackage string
	Limits         parser.Options
	Version        string // pmgen's version
}

// Result is the output of a run.
type Result struct {
	API   *model.API
	Files []generator.File
	// Diags holds every diagnostic of every stage; they are warnings
	// unless the run failed.
	Diags diag.List
	// Skipped holds the warnings whose codes the config's skip list
	// acknowledges; they are not in Diags.
	Skipped diag.List
	// ConfigFile is the path of the config file read, "" when none was.
	ConfigFile string
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
func Model(opts Options) (res *Result, err error) {
	res = &Result{}

	cfg, err := readConfig(opts, res)
	if err != nil {
		return res, err
	}
	defer func() { skipWarnings(res, cfg, err == nil) }()

	pkg, err := packageName(opts, cfg, res)
	if err != nil {
		return res, err
	}

	data, err := readInput(opts.Collection, opts.Limits, res)
	if err != nil {
		return res, fmt.Errorf("read collection: %w", err)
	}
	// Hashing a 50 MiB collection takes about 55 ms, so the checksum is
	// computed while the collection is parsed.
	sum := make(chan [sha256.Size]byte, 1)
	go func() { sum <- sha256.Sum256(data) }()
	coll, diags := parser.ParseCollection(opts.Collection, data, opts.Limits)
	res.Diags.Append(diags)
	if coll == nil || diags.HasErrors() {
		return res, fmt.Errorf("parse collection: %w", errorsOf(&res.Diags))
	}

	envs, err := readEnvironments(opts, res)
	if err != nil {
		return res, err
	}

	checksum := <-sum
	api, diags := model.Build(model.Input{
		Collection:   coll,
		Environments: envs,
		SourceSHA256: hex.EncodeToString(checksum[:]),
		Package:      pkg,
		Config:       cfg,
	})
	res.Diags.Append(diags)
	res.API = api
	if diags.HasErrors() {
		return res, fmt.Errorf("build model: %w", errorsOf(&res.Diags))
	}
	return res, nil
}

// ConfigBeside returns the path of the pmgen.yaml next to a collection,
// and false when no file is there.
func ConfigBeside(collection string) (string, bool) {
	path := filepath.Join(filepath.Dir(collection), parser.ConfigFileName)
	_, err := os.Stat(path)
	return path, !errors.Is(err, fs.ErrNotExist)
}

// readConfig reads the config file that opts name, or the pmgen.yaml next
// to the collection. It returns nil when there is none.
func readConfig(opts Options, res *Result) (*parser.Config, error) {
	path := opts.Config
	if path == "" {
		beside, ok := ConfigBeside(opts.Collection)
		if !ok {
			return nil, nil
		}
		path = beside
	}
	data, err := readLimited(path, parser.MaxConfigSize)
	if err != nil {
		return nil, fmt.Errorf("read config: %w", err)
	}
	res.ConfigFile = path
	cfg, diags := parser.ParseConfig(path, data)
	res.Diags.Append(diags)
	if cfg == nil || diags.HasErrors() {
		return nil, fmt.Errorf("parse config: %w", errorsOf(&res.Diags))
	}
	return cfg, nil
}

// packageName returns the Go package name of the generated client: the
// one in opts, else the config's, else opts.DefaultPackage. A config
// package that is no Go identifier is an error.
func packageName(opts Options, cfg *parser.Config, res *Result) (string, error) {
	if opts.Package != "" {
		return opts.Package, nil
	}
	if cfg == nil || cfg.Package.Value == "" {
		return opts.DefaultPackage, nil
	}
	name := cfg.Package.Value
	if !UsablePackageName(name) {
		res.Diags.Error(parser.CodeInvalidConfigValue, cfg.Package.Pos, "",
			"package %q cannot name the client's package: want a Go identifier such as kassa, other than main and documentation and not ending in _test", name)
		return "", fmt.Errorf("read config: %w", errorsOf(&res.Diags))
	}
	return name, nil
}

// UsablePackageName reports whether name can be the package name of a
// generated client: a Go identifier other than a keyword and "_". The go
// command treats three kinds of names specially, so they are refused too:
// main needs a main function, documentation is never built, and a name
// ending in _test is for tests.
func UsablePackageName(name string) bool {
	return token.IsIdentifier(name) && !token.IsKeyword(name) && name != "_" &&
		name != "main" && name != "documentation" && !strings.HasSuffix(name, "_test")
}

func readEnvironments(opts Options, res *Result) ([]*parser.Environment, error) {
	var envs []*parser.Environment
	for _, path := range opts.Environments {
		data, err := readInput(path, opts.Limits, res)
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

// readInput reads a collection or environment file of at most
// limits.MaxInputSize bytes. A larger file is an input-too-large error in
// res, found without reading more than one byte past the limit.
func readInput(path string, limits parser.Options, res *Result) ([]byte, error) {
	limit := limits.MaxInputSize
	if limit <= 0 {
		limit = parser.DefaultMaxInputSize
	}
	data, err := readLimited(path, limit)
	var large *tooLargeError
	if errors.As(err, &large) {
		res.Diags.Append(parser.InputTooLarge(path, large.size, limits))
		return nil, errorsOf(&res.Diags)
	}
	return data, err
}

// tooLargeError is a file larger than the limit readLimited was given.
type tooLargeError struct {
	size  int64 // the file's size, or -1 when it is unknown
	limit int
}

func (e *tooLargeError) Error() string {
	if e.size < 0 {
		return fmt.Sprintf("file is larger than the limit of %d bytes", e.limit)
	}
	return fmt.Sprintf("file has %d bytes, more than the limit of %d", e.size, e.limit)
}

// readLimited reads a file of at most limit bytes. For a larger one it
// returns a *tooLargeError having read at most limit+1 bytes, so that a
// huge file or an endless one such as /dev/zero cannot exhaust memory.
func readLimited(path string, limit int) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	size := int64(-1)
	if info, err := f.Stat(); err == nil && info.Mode().IsRegular() {
		size = info.Size()
		if size > int64(limit) {
			return nil, &tooLargeError{size: size, limit: limit}
		}
	}
	var data []byte
	if size >= 0 {
		// One read into a buffer of the file's size, with a byte to
		// spare to see whether the file has grown, instead of the copies
		// io.ReadAll makes while it grows its buffer.
		buf := make([]byte, size+1)
		n, err := io.ReadFull(f, buf)
		switch {
		case err == nil:
			// The file grew after Stat: read on up to one byte past
			// the limit.
			rest, err := io.ReadAll(io.LimitReader(f, int64(limit)-size))
			if err != nil {
				return nil, err
			}
			data = append(buf, rest...)
		case err == io.EOF || err == io.ErrUnexpectedEOF:
			data = buf[:n]
		default:
			return nil, err
		}
	} else {
		data, err = io.ReadAll(io.LimitReader(f, int64(limit)+1))
		if err != nil {
			return nil, err
		}
	}
	if len(data) > limit {
		// A regular file that grew after Stat lands here too.
		return nil, &tooLargeError{size: -1, limit: limit}
	}
	return data, nil
}

// errorsOf returns the errors of a list as one error.
func errorsOf(l *diag.List) error {
	if err := l.Err(); err != nil {
		return err
	}
	return fmt.Errorf("unknown error")
}
