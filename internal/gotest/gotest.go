// Package gotest builds, vets and tests Go code in a throwaway module, so
// that tests can check that generated code compiles and passes its own
// tests. It is for tests only: every function takes a testing.TB.
//
// The go command runs offline (GOPROXY=off) with GOFLAGS=-mod=mod and the
// module cache that pmgen's own build uses, so a module can require only
// what that cache holds: pmgen's dependencies, such as testify.
package gotest

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// GoVersion is the go line of every module's go.mod: the oldest Go that
// generated code must build with.
const GoVersion = "1.24"

// Module is a Go module in a temporary folder.
type Module struct {
	// Dir is the module's root folder.
	Dir  string
	path string
	tb   testing.TB
	// requires and replaces are the lines of go.mod's require and
	// replace blocks.
	requires []string
	replaces []string
}

// NewModule creates a module named path in a temporary folder that the
// test removes when it ends. Its go.mod requires testify at the version
// pmgen requires, and its go.sum is a copy of pmgen's, so that generated
// tests build offline. It skips the test when no go command is found.
func NewModule(tb testing.TB, path string) *Module {
	tb.Helper()
	if _, err := exec.LookPath("go"); err != nil {
		tb.Skip("no go command in PATH:", err)
	}
	m := &Module{Dir: tb.TempDir(), path: path, tb: tb}

	goMod := goEnv(tb, "GOMOD")
	if goMod == "" || goMod == os.DevNull {
		tb.Fatal("gotest: the test does not run inside a module")
	}
	sum, err := os.ReadFile(filepath.Join(filepath.Dir(goMod), "go.sum"))
	if err != nil {
		tb.Fatalf("gotest: read pmgen's go.sum: %v", err)
	}
	m.WriteFile("go.sum", sum)
	if v := moduleVersion(tb, "github.com/stretchr/testify"); v != "" {
		m.Require("github.com/stretchr/testify", v)
	}
	return m
}

// Require adds a requirement to go.mod.
func (m *Module) Require(path, version string) {
	m.requires = append(m.requires, path+" "+version)
	m.writeGoMod()
}

// Replace makes go.mod replace the module path with the folder dir.
func (m *Module) Replace(path, dir string) {
	m.replaces = append(m.replaces, path+" => "+filepath.ToSlash(dir))
	m.writeGoMod()
}

func (m *Module) writeGoMod() {
	var b strings.Builder
	b.WriteString("module " + m.path + "\n\ngo " + GoVersion + "\n")
	if len(m.requires) > 0 {
		b.WriteString("\nrequire (\n\t" + strings.Join(m.requires, "\n\t") + "\n)\n")
	}
	if len(m.replaces) > 0 {
		b.WriteString("\nreplace (\n\t" + strings.Join(m.replaces, "\n\t") + "\n)\n")
	}
	m.WriteFile("go.mod", []byte(b.String()))
}

// WriteFile writes a file at the slash-separated path name inside the
// module, creating its folders.
func (m *Module) WriteFile(name string, content []byte) {
	m.tb.Helper()
	path := filepath.Join(m.Dir, filepath.FromSlash(name))
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		m.tb.Fatalf("gotest: %v", err)
	}
	if err := os.WriteFile(path, content, 0o644); err != nil {
		m.tb.Fatalf("gotest: %v", err)
	}
}

// Go runs the go command with args in the module's root and returns its
// combined output.
func (m *Module) Go(args ...string) (string, error) {
	cmd := exec.Command("go", args...)
	cmd.Dir = m.Dir
	cmd.Env = goEnviron()
	var out bytes.Buffer
	cmd.Stdout = &out
	cmd.Stderr = &out
	err := cmd.Run()
	return out.String(), err
}

// MustGo runs the go command as Go does and fails the test, showing the
// output, when the command fails.
func (m *Module) MustGo(args ...string) string {
	m.tb.Helper()
	out, err := m.Go(args...)
	if err != nil {
		m.tb.Fatalf("go %s in %s: %v\n%s", strings.Join(args, " "), m.Dir, err, out)
	}
	return out
}

// VetAndTest runs go vet and then go test -count=1 on every package of
// the module, failing the test when either fails.
func (m *Module) VetAndTest() {
	m.tb.Helper()
	m.MustGo("vet", "./...")
	m.MustGo("test", "-count=1", "./...")
}

// goEnviron returns the environment of the go command: the test's own,
// offline, resolving modules from the module cache and ignoring any
// go.work of the folders above.
func goEnviron() []string {
	flags := strings.TrimSpace(os.Getenv("GOFLAGS") + " -mod=mod")
	return append(os.Environ(), "GOFLAGS="+flags, "GOPROXY=off", "GOWORK=off", "GOTOOLCHAIN=local")
}

// goEnv returns the value of a go env variable as seen from the test's
// working folder.
func goEnv(tb testing.TB, name string) string {
	tb.Helper()
	out, err := exec.Command("go", "env", name).Output()
	if err != nil {
		tb.Fatalf("gotest: go env %s: %v", name, err)
	}
	return strings.TrimSpace(string(out))
}

// moduleVersion returns the version of a dependency of the module the
// test runs in, "" when it has none.
func moduleVersion(tb testing.TB, path string) string {
	tb.Helper()
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Version}}", path).Output()
	if err != nil {
		return ""
	}
	return strings.TrimSpace(string(out))
}
