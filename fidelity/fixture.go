package fidelity

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
)

// Fixture is one case of the harness: a collection with its environment,
// optional globals and iteration data, the capture server's responses, and
// the requests newman is expected to send, written out by hand.
//
// A fixture folder holds collection.json, and optionally
// environment.json, globals.json, data.json (one iteration row), case.json
// (Config) and expected.json (the expected requests).
type Fixture struct {
	Name        string
	Dir         string
	Collection  string // path of the collection file
	Environment string // path of the environment file, "" for none
	Globals     string // path of the globals file, "" for none
	Data        string // path of the iteration data file, "" for none
	Config      Config
	// Expected are the requests of expected.json; nil when the fixture
	// has no such file.
	Expected []ExpectedRequest
}

// Config is the content of case.json.
type Config struct {
	// Collection and Environment replace the default file names, relative
	// to the fixture folder.
	Collection  string `json:"collection,omitempty"`
	Environment string `json:"environment,omitempty"`
	// BaseURLVariables are the variables that point at the capture server
	// in both runs; default ["baseUrl"].
	BaseURLVariables []string `json:"baseUrlVariables,omitempty"`
	// Dynamic pins dynamic variables such as "$guid" to fixed values:
	// newman reads them from the environment, the driver from its session.
	Dynamic   []Pin      `json:"dynamic,omitempty"`
	Responses []Response `json:"responses,omitempty"`
	// Digest, when set, makes the capture server challenge the requests of
	// its paths.
	Digest *DigestChallenge `json:"digest,omitempty"`
	// Pending, when set, is the reason pmgen cannot send this fixture's
	// requests as newman does yet. The test skips such a fixture while it
	// differs and fails once it no longer does.
	Pending string `json:"pending,omitempty"`
	// Departure, when set, is the deliberate departure of every request
	// that pmgen sends and newman does not.
	Departure DepartureKind `json:"departure,omitempty"`
}

// Pin is a dynamic variable with a fixed value.
type Pin struct {
	Name  string `json:"name"`
	Value string `json:"value"`
}

// ExpectedRequest is a request as newman is expected to send it, with
// the headers the comparison ignores left out. Body is the body text;
// JSON, urlencoded and multipart bodies are compared as Compare does.
type ExpectedRequest struct {
	Name   string `json:"name"`
	Method string `json:"method"`
	Target string `json:"target"`
	// Headers are "Name: value" lines.
	Headers []string `json:"headers,omitempty"`
	Body    string   `json:"body,omitempty"`
	// Digest is the capture server's verdict, for requests under a
	// Digest challenge.
	Digest DigestResult `json:"digest,omitempty"`
	// Departure names a deliberate departure of pmgen from newman for
	// this request, and PMGen gives what pmgen sends instead.
	Departure DepartureKind `json:"departure,omitempty"`
	PMGen     *Override     `json:"pmgen,omitempty"`
}

// Override is what pmgen sends where it departs from newman.
type Override struct {
	Target string `json:"target,omitempty"`
	Body   string `json:"body,omitempty"`
}

// LoadFixture reads the fixture in dir.
func LoadFixture(dir string) (*Fixture, error) {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	f := &Fixture{Name: filepath.Base(dir), Dir: dir}
	if err := readJSON(filepath.Join(dir, "case.json"), &f.Config); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	if k := f.Config.Departure; k != "" && departureReasons[k] == "" {
		return nil, fmt.Errorf("fixture %s: case.json: departure %q is not known, want one of %v", f.Name, k, departureKinds())
	}
	f.Collection = filepath.Join(dir, firstNonEmpty(f.Config.Collection, "collection.json"))
	if _, err := os.Stat(f.Collection); err != nil {
		return nil, fmt.Errorf("fixture %s: %w", f.Name, err)
	}
	f.Environment = optionalFile(dir, firstNonEmpty(f.Config.Environment, "environment.json"))
	f.Globals = optionalFile(dir, "globals.json")
	f.Data = optionalFile(dir, "data.json")
	if len(f.Config.BaseURLVariables) == 0 {
		f.Config.BaseURLVariables = []string{"baseUrl"}
	}
	if err := readJSON(filepath.Join(dir, "expected.json"), &f.Expected); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return nil, err
	}
	for i, e := range f.Expected {
		if e.Departure != "" && departureReasons[e.Departure] == "" {
			return nil, fmt.Errorf("fixture %s: expected request %d: departure %q is not known, want one of %v", f.Name, i+1, e.Departure, departureKinds())
		}
	}
	return f, nil
}

// LoadFixtures reads every fixture folder under root, sorted by name.
func LoadFixtures(root string) ([]*Fixture, error) {
	entries, err := os.ReadDir(root)
	if err != nil {
		return nil, err
	}
	var out []*Fixture
	for _, e := range entries {
		if !e.IsDir() {
			continue
		}
		f, err := LoadFixture(filepath.Join(root, e.Name()))
		if err != nil {
			return nil, err
		}
		out = append(out, f)
	}
	return out, nil
}

func optionalFile(dir, name string) string {
	p := filepath.Join(dir, name)
	if _, err := os.Stat(p); err != nil {
		return ""
	}
	return p
}

func readJSON(path string, v any) error {
	data, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	if err := json.Unmarshal(data, v); err != nil {
		return fmt.Errorf("%s: %w", path, err)
	}
	return nil
}

func firstNonEmpty(values ...string) string {
	for _, v := range values {
		if v != "" {
			return v
		}
	}
	return ""
}
