package fidelity

import (
	"bytes"
	"context"
	_ "embed"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"text/template"
	"time"

	"github.com/pmgen/pmgen/internal/pipeline"
	"github.com/pmgen/pmgen/model"
	"github.com/pmgen/pmgen/parser"
)

// driverSource is the driver program copied into each temporary module.
//
//go:embed driver/main.go
var driverSource []byte

// Result is the outcome of running one fixture.
type Result struct {
	Fixture *Fixture
	// Newman and PMGen are the requests each client sent, in order.
	Newman []Request
	PMGen  []Request
	Rows   []Row
	// NewmanOutput and DriverOutput are what the two programs printed.
	NewmanOutput string
	DriverOutput string
	// Calls are the names of the requests the driver called, in order.
	Calls []string
}

// Runner runs fixtures. Build must be called with every fixture before
// Run.
type Runner struct {
	// Newman is the path of the newman executable.
	Newman string
	// Go is the path of the go command that builds the drivers.
	Go string
	// Work is a folder for the files of each run; Run makes a subfolder
	// per fixture.
	Work string

	drivers map[string]*driver // by fixture name
}

// driver is the driver program built for one fixture.
type driver struct {
	api        *model.API
	collection *parser.Collection
	binary     string
	err        error // the error of generating the client, nil on success
}

// Build generates the client of every fixture and builds all drivers
// with one go build, which compiles them in parallel and starts the go
// command once.
func (rn *Runner) Build(ctx context.Context, fixtures []*Fixture) error {
	module := filepath.Join(rn.Work, "drivers")
	if err := os.MkdirAll(module, 0o755); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(module, "go.mod"), []byte("module fidelitydriver\n\ngo 1.24\n"), 0o644); err != nil {
		return err
	}
	rn.drivers = map[string]*driver{}
	for _, f := range fixtures {
		d := &driver{binary: filepath.Join(module, "bin", f.Name)}
		d.err = rn.generate(f, filepath.Join(module, f.Name), d)
		rn.drivers[f.Name] = d
	}
	build := exec.CommandContext(ctx, rn.Go, "build", "-o", filepath.Join(module, "bin")+string(filepath.Separator), "./...")
	build.Dir = module
	build.Env = append(os.Environ(), "GOWORK=off", "GOFLAGS=-mod=mod", "GOPROXY=off", "GOTOOLCHAIN=local")
	if out, err := build.CombinedOutput(); err != nil {
		return fmt.Errorf("building the drivers: %w\n%s", err, out)
	}
	return nil
}

// generate writes the client of f and its driver into dir. The client is
// generated with the fixture's environment, the base URL variables
// pointing at a loopback address: environment values never reach
// generated code, so the capture server's port need not be known yet.
func (rn *Runner) generate(f *Fixture, dir string, d *driver) error {
	work := filepath.Join(rn.Work, f.Name)
	if err := os.MkdirAll(work, 0o755); err != nil {
		return err
	}
	env, err := readEnvFile(f.Environment)
	if err != nil {
		return err
	}
	for _, name := range f.Config.BaseURLVariables {
		env.set(name, "http://127.0.0.1")
	}
	envFile := filepath.Join(work, "generate.postman_environment.json")
	if err := env.write(envFile); err != nil {
		return err
	}
	envs := []string{envFile}
	if f.Globals != "" {
		envs = append(envs, f.Globals)
	}
	gen, err := pipeline.Run(pipeline.Options{Collection: f.Collection, Environments: envs, Package: "client"})
	if err != nil {
		return fmt.Errorf("pmgen generate %s: %w", f.Name, err)
	}
	d.api = gen.API
	if d.collection, err = parseCollection(f.Collection); err != nil {
		return err
	}
	return writeDriver(dir, "fidelitydriver/"+f.Name+"/client", gen)
}

// Run sends the fixture's requests with newman and with the pmgen client,
// each against the capture server, and compares them.
func (rn *Runner) Run(ctx context.Context, f *Fixture) (*Result, error) {
	d, ok := rn.drivers[f.Name]
	if !ok {
		return nil, fmt.Errorf("fixture %s was not built: call Build first", f.Name)
	}
	if d.err != nil {
		return nil, d.err
	}
	work := filepath.Join(rn.Work, f.Name)
	srv, err := NewServer(f.Config.Responses, f.Config.Digest)
	if err != nil {
		return nil, err
	}
	defer srv.Close()

	files, in, err := prepareFiles(f, work, srv.URL())
	if err != nil {
		return nil, err
	}
	in.api, in.collection = d.api, d.collection
	res := &Result{Fixture: f}

	res.NewmanOutput, err = rn.runNewman(ctx, f, files)
	if err != nil {
		return res, err
	}
	if res.Newman, err = srv.Take(); err != nil {
		return res, err
	}

	res.DriverOutput, res.Calls, err = runDriver(ctx, f, d.binary, in, work)
	if err != nil {
		return res, err
	}
	if res.PMGen, err = srv.Take(); err != nil {
		return res, err
	}

	res.Rows = Compare(res.Newman, res.PMGen, f.Expected, f.Config.Departure)
	return res, nil
}

// runFiles are the input files of one newman run.
type runFiles struct {
	newmanEnv string // the environment with pinned dynamic variables
	globals   string
}

// prepareFiles writes the environments of both runs, with the base URL
// variables pointing at the capture server, and reads what the plan needs.
func prepareFiles(f *Fixture, work, baseURL string) (runFiles, planInput, error) {
	var files runFiles
	var in planInput
	env, err := readEnvFile(f.Environment)
	if err != nil {
		return files, in, err
	}
	for _, name := range f.Config.BaseURLVariables {
		env.set(name, baseURL)
	}
	// The plan looks values up without the pins, which reach the driver
	// through its session.
	in.env = env
	pinned, err := readEnvFile(f.Environment)
	if err != nil {
		return files, in, err
	}
	for _, name := range f.Config.BaseURLVariables {
		pinned.set(name, baseURL)
	}
	for _, pin := range f.Config.Dynamic {
		pinned.set(pin.Name, pin.Value)
	}
	files.newmanEnv = filepath.Join(work, "newman.postman_environment.json")
	if err := pinned.write(files.newmanEnv); err != nil {
		return files, in, err
	}
	files.globals = f.Globals
	if in.globals, err = readEnvFile(f.Globals); err != nil {
		return files, in, err
	}
	if in.data, err = readDataRow(f.Data); err != nil {
		return files, in, err
	}
	in.pins = f.Config.Dynamic
	return files, in, nil
}

// runNewman runs the collection once with newman from the fixture's
// folder, so that relative file paths resolve there.
func (rn *Runner) runNewman(ctx context.Context, f *Fixture, files runFiles) (string, error) {
	args := []string{"run", f.Collection, "-e", files.newmanEnv,
		"--reporters", "cli", "--color", "off", "--disable-unicode", "--suppress-exit-code",
		"--working-dir", f.Dir, "--timeout-request", "20000"}
	if files.globals != "" {
		args = append(args, "-g", files.globals)
	}
	if f.Data != "" {
		args = append(args, "-d", f.Data)
	}
	cmd := exec.CommandContext(ctx, rn.Newman, args...)
	cmd.Dir = f.Dir
	var out syncBuffer
	cmd.Stdout, cmd.Stderr = &out, &out
	if err := cmd.Start(); err != nil {
		return "", fmt.Errorf("newman run %s: %w", f.Name, err)
	}
	done := make(chan error, 1)
	go func() { done <- cmd.Wait() }()
	// NOTE: newman sometimes stays alive after it printed its summary,
	// until the context's timeout kills it. The summary's last line ends
	// the run, so newman then gets a grace period to exit before it is
	// stopped, and its output counts as complete.
	tick := time.NewTicker(200 * time.Millisecond)
	defer tick.Stop()
	var finished time.Time
	for {
		select {
		case err := <-done:
			if err != nil {
				return out.String(), fmt.Errorf("newman run %s: %w\n%s", f.Name, err, out.String())
			}
			return out.String(), nil
		case <-tick.C:
			if finished.IsZero() && strings.Contains(out.String(), newmanSummaryEnd) {
				finished = time.Now()
			}
			if !finished.IsZero() && time.Since(finished) > newmanExitGrace {
				_ = cmd.Process.Kill()
				<-done
				return out.String(), nil
			}
		}
	}
}

// newmanSummaryEnd starts the last line of the summary table of newman's
// cli reporter.
const newmanSummaryEnd = "| average response time:"

// newmanExitGrace is how long newman may take to exit after its summary.
var newmanExitGrace = 20 * time.Second

// syncBuffer is a bytes.Buffer that a process writes its output to while
// another goroutine reads it.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// runDriver writes the plan of the run and runs the driver from the
// fixture's folder, so that relative file paths resolve there.
func runDriver(ctx context.Context, f *Fixture, binary string, in planInput, work string) (output string, calls []string, err error) {
	plan, err := newPlan(in)
	if err != nil {
		return "", nil, err
	}
	planJSON, err := marshalIndent(plan)
	if err != nil {
		return "", nil, err
	}
	planFile := filepath.Join(work, "plan.json")
	if err := os.WriteFile(planFile, planJSON, 0o644); err != nil {
		return "", nil, err
	}
	for _, c := range plan.Calls {
		calls = append(calls, c.Name)
	}
	run := exec.CommandContext(ctx, binary, planFile)
	run.Dir = f.Dir
	out, err := run.CombinedOutput()
	if err != nil {
		return string(out), calls, fmt.Errorf("driver of %s: %w\n%s", f.Name, err, out)
	}
	return string(out), calls, nil
}

func parseCollection(path string) (*parser.Collection, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	c, diags := parser.ParseCollection(path, data, parser.Options{})
	if c == nil || diags.HasErrors() {
		return nil, fmt.Errorf("parse %s: %w", path, diags.Err())
	}
	return c, nil
}

// optionsTemplate is options.go of a driver: the generated package's
// option functions by name.
var optionsTemplate = template.Must(template.New("options").Parse(`package main

import client "{{.Import}}"

var options = map[string]func(string) client.Option{
{{- range .Names}}
	{{printf "%q" .}}: client.{{.}},
{{- end}}
}
`))

// writeDriver writes one driver into dir: the generated package without
// its tests under client/, the driver program and its options.go.
func writeDriver(dir, clientImport string, gen *pipeline.Result) error {
	if err := os.RemoveAll(dir); err != nil {
		return err
	}
	pkg := filepath.Join(dir, "client")
	if err := os.MkdirAll(pkg, 0o755); err != nil {
		return err
	}
	for _, file := range gen.Files {
		if strings.HasSuffix(file.Name, "_test.go") {
			continue
		}
		if err := os.WriteFile(filepath.Join(pkg, file.Name), file.Content, 0o644); err != nil {
			return err
		}
	}
	driver := bytes.Replace(driverSource, []byte("//go:build ignore\n"), nil, 1)
	driver = bytes.Replace(driver, []byte(`client "fidelitydriver/client"`), []byte(`client "`+clientImport+`"`), 1)
	var opts bytes.Buffer
	data := struct {
		Import string
		Names  []string
	}{clientImport, optionNames(gen.API)}
	if err := optionsTemplate.Execute(&opts, data); err != nil {
		return err
	}
	return errors.Join(
		os.WriteFile(filepath.Join(dir, "main.go"), driver, 0o644),
		os.WriteFile(filepath.Join(dir, "options.go"), opts.Bytes(), 0o644),
	)
}

// optionNames returns the names of the generated option functions that
// take a string: one per host and one per variable.
func optionNames(api *model.API) []string {
	var names []string
	for _, h := range api.Hosts {
		names = append(names, h.GoName)
	}
	for _, v := range api.Variables {
		names = append(names, v.GoName)
	}
	return names
}

// marshalIndent encodes v as indented JSON, leaving "<", ">" and "&" as
// they are so that the files stay readable.
func marshalIndent(v any) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return nil, err
	}
	return bytes.TrimSuffix(b.Bytes(), []byte("\n")), nil
}
