package gotest

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestModuleBuildsAndTests(t *testing.T) {
	m := NewModule(t, "example.com/hello")
	m.WriteFile("hello/hello.go", []byte("package hello\n\n// Greeting returns a greeting.\nfunc Greeting() string { return \"hello\" }\n"))
	m.WriteFile("hello/hello_test.go", []byte(`package hello

import (
	"testing"

	"github.com/stretchr/testify/require"
)

func TestGreeting(t *testing.T) { require.Equal(t, "hello", Greeting()) }
`))
	m.VetAndTest()

	goMod, err := os.ReadFile(filepath.Join(m.Dir, "go.mod"))
	require.NoError(t, err)
	assert.True(t, strings.HasPrefix(string(goMod), "module example.com/hello\n\ngo "+GoVersion+"\n"), string(goMod))
	assert.Contains(t, string(goMod), "github.com/stretchr/testify v")
}

func TestModuleReplaceUsesLocalFolder(t *testing.T) {
	lib := NewModule(t, "example.com/lib")
	lib.WriteFile("lib.go", []byte("package lib\n\n// Answer is the answer.\nconst Answer = 42\n"))

	m := NewModule(t, "example.com/app")
	m.Require("example.com/lib", "v0.0.0")
	m.Replace("example.com/lib", lib.Dir)
	m.WriteFile("app_test.go", []byte(`package app

import (
	"testing"

	"example.com/lib"
)

func TestAnswer(t *testing.T) {
	if lib.Answer != 42 {
		t.Fatal(lib.Answer)
	}
}
`))
	m.VetAndTest()
}

func TestModuleGoReportsFailure(t *testing.T) {
	m := NewModule(t, "example.com/broken")
	m.WriteFile("broken.go", []byte("package broken\n\nfunc f() int { return \"text\" }\n"))

	out, err := m.Go("vet", "./...")
	require.Error(t, err)
	assert.Contains(t, out, "broken.go:3")
}
