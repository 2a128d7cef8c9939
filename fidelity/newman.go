package fidelity

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
)

// errNoNewman is returned by FindNewman when newman is not installed.
var errNoNewman = errors.New("newman not found")

// FindNewman returns the absolute path of the newman executable: the one
// on PATH, else the one .ci/run installs under repoRoot/.ci/node_modules.
func FindNewman(repoRoot string) (string, error) {
	if p, err := exec.LookPath("newman"); err == nil {
		return p, nil
	}
	p, err := filepath.Abs(filepath.Join(repoRoot, ".ci", "node_modules", ".bin", "newman"))
	if err != nil {
		return "", err
	}
	if info, err := os.Stat(p); err == nil && !info.IsDir() {
		return p, nil
	}
	return "", errNoNewman
}
