package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const schema = "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"

// nestedCollection returns a collection of depth nested folders with one
// request in the innermost.
func nestedCollection(depth int) string {
	var b strings.Builder
	b.WriteString(`{"info":{"name":"deep","schema":"` + schema + `"},"item":[`)
	b.WriteString(strings.Repeat(`{"name":"f","item":[`, depth))
	b.WriteString(`{"name":"r","request":"http://127.0.0.1/"}`)
	b.WriteString(strings.Repeat(`]}`, depth))
	b.WriteString(`]}`)
	return b.String()
}

// flatCollection returns a collection of n requests at the top level.
func flatCollection(n int) string {
	items := make([]string, n)
	for i := range items {
		items[i] = fmt.Sprintf(`{"name":"r%d","request":"http://127.0.0.1/%d"}`, i, i)
	}
	return `{"info":{"name":"flat","schema":"` + schema + `"},"item":[` + strings.Join(items, ",") + `]}`
}

// writeCollection writes text to a collection file in a new folder and
// returns its path and the path of an output folder that does not exist.
func writeCollection(t *testing.T, text string) (collection, out string) {
	t.Helper()
	dir := t.TempDir()
	collection = filepath.Join(dir, "collection.json")
	require.NoError(t, os.WriteFile(collection, []byte(text), 0o644))
	return collection, filepath.Join(dir, "client")
}

// assertNoOutput fails when pmgen created the output folder.
func assertNoOutput(t *testing.T, out string) {
	t.Helper()
	_, err := os.Stat(out)
	assert.True(t, os.IsNotExist(err), "the output folder exists after a failed run: %v", err)
}

func TestGenerateRejectsDeepNesting(t *testing.T) {
	collection, out := writeCollection(t, nestedCollection(100_000))

	code, _, stderr := runPmgen("generate", "-collection", collection, "-out", out)

	assert.Equal(t, exitInput, code, stderr)
	assert.Contains(t, stderr, "collection.json:1:")
	assert.Contains(t, stderr, "invalid JSON: nesting deeper than 1512 levels; raise the folder depth limit with -max-folder-depth")
	assertNoOutput(t, out)
}

func TestGenerateFolderDepthFlag(t *testing.T) {
	collection, out := writeCollection(t, nestedCollection(4))

	code, _, stderr := runPmgen("generate", "-collection", collection, "-out", out, "-max-folder-depth", "3")

	assert.Equal(t, exitInput, code, stderr)
	assert.Contains(t, stderr, "f / f / f / f: folders nest deeper than 3 levels")
	assert.Contains(t, stderr, "raise the limit with -max-folder-depth")
	assert.Contains(t, stderr, "[folder-too-deep]")
	assertNoOutput(t, out)

	code, _, stderr = runPmgen("generate", "-collection", collection, "-out", out, "-max-folder-depth", "4")

	assert.Equal(t, exitOK, code, stderr)
	assert.FileExists(t, filepath.Join(out, "f.go"))
}

func TestGenerateRequestLimitFlag(t *testing.T) {
	collection, out := writeCollection(t, flatCollection(5))

	code, _, stderr := runPmgen("generate", "-collection", collection, "-out", out, "-max-requests", "4")

	assert.Equal(t, exitInput, code, stderr)
	assert.Contains(t, stderr, "the collection has more than 4 requests")
	assert.Contains(t, stderr, "raise the limit with -max-requests")
	assertNoOutput(t, out)

	code, _, stderr = runPmgen("generate", "-collection", collection, "-out", out, "-max-requests", "5")

	assert.Equal(t, exitOK, code, stderr)
}

func TestGenerateInputSizeFlag(t *testing.T) {
	text := flatCollection(2)
	collection, out := writeCollection(t, text)
	size := strconv.Itoa(len(text))
	smaller := strconv.Itoa(len(text) - 1)

	code, _, stderr := runPmgen("generate", "-collection", collection, "-out", out, "-max-input-size", smaller)

	assert.Equal(t, exitInput, code, stderr)
	assert.Contains(t, stderr, "input is "+size+" bytes, larger than the limit of "+smaller+" bytes; raise the limit with -max-input-size")
	assertNoOutput(t, out)

	code, _, stderr = runPmgen("generate", "-collection", collection, "-out", out, "-max-input-size", size)

	assert.Equal(t, exitOK, code, stderr)
}

func TestLimitFlagsMustBePositive(t *testing.T) {
	collection, out := writeCollection(t, flatCollection(1))
	for _, flag := range []string{"-max-input-size", "-max-folder-depth", "-max-requests"} {
		for _, command := range [][]string{
			{"generate", "-collection", collection, "-out", out},
			{"check", "-collection", collection, "-out", out},
			{"mock", "-collection", collection},
			{"diff", collection, collection},
		} {
			args := append(append([]string{}, command...), flag, "0")

			code, _, stderr := runPmgen(args...)

			assert.Equal(t, exitUsage, code, "%v: %s", args, stderr)
			assert.Contains(t, stderr, "invalid "+flag+" 0: want a positive number", args)
		}
	}
	assertNoOutput(t, out)
}

func TestDiffAndMockTakeLimits(t *testing.T) {
	collection, _ := writeCollection(t, flatCollection(3))

	code, _, stderr := runPmgen("diff", "-max-requests", "2", collection, collection)

	assert.Equal(t, exitInput, code, stderr)
	assert.Contains(t, stderr, "raise the limit with -max-requests")

	code, _, stderr = runPmgen("mock", "-collection", collection, "-max-requests", "2")

	assert.Equal(t, exitInput, code, stderr)
	assert.Contains(t, stderr, "raise the limit with -max-requests")
}
