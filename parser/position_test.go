package parser

import (
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/pmgen/pmgen/diag"
	"github.com/pmgen/pmgen/internal/jsontree"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// collectPositions returns every non-zero diag.Position inside v.
func collectPositions(v reflect.Value, out []diag.Position) []diag.Position {
	switch v.Kind() {
	case reflect.Pointer:
		if !v.IsNil() {
			out = collectPositions(v.Elem(), out)
		}
	case reflect.Slice:
		for i := range v.Len() {
			out = collectPositions(v.Index(i), out)
		}
	case reflect.Struct:
		if v.Type() == positionType {
			if !v.IsZero() {
				out = append(out, v.Interface().(diag.Position))
			}
			return out
		}
		for i := range v.NumField() {
			out = collectPositions(v.Field(i), out)
		}
	}
	return out
}

// lineColSample bounds how many positions per file checkPositions compares
// with jsontree's LineIndex, which counts characters from the start of the
// line and so is slow on minified files.
const lineColSample = 500

// checkPositions asserts that each position's JSON pointer names the value
// at its offset, and that an evenly spread sample of the positions has the
// line and column that jsontree's LineIndex computes for its offset.
func checkPositions(t *testing.T, file string, data []byte, positions []diag.Position) {
	t.Helper()
	root, err := jsontree.Parse(data, jsontree.Options{})
	require.NoError(t, err)
	index := jsontree.NewLineIndex(data)
	step := max(1, len(positions)/lineColSample)
	for i, p := range positions {
		if p.Offset < 0 {
			continue
		}
		if p.File != file {
			t.Errorf("%s: position names file %q", file, p.File)
		}
		if v := resolvePointer(root, p.Pointer); v == nil || v.Offset != p.Offset {
			t.Errorf("%s: pointer %q does not name the value at offset %d", file, p.Pointer, p.Offset)
		}
		if i%step != 0 {
			continue
		}
		if line, col := index.LineCol(p.Offset); line != p.Line || col != p.Col {
			t.Errorf("%s: %s is at %d:%d, want %d:%d", file, p.Pointer, p.Line, p.Col, line, col)
		}
	}
}

func TestPositions(t *testing.T) {
	files, err := filepath.Glob(filepath.Join(goldenDir, "*", "collection.json"))
	require.NoError(t, err)
	if corpus, err := filepath.Glob(filepath.Join(corpusDir, "*.json")); err == nil {
		files = append(files, corpus...)
	}

	for _, file := range files {
		data, err := os.ReadFile(file)
		require.NoError(t, err)
		c, diags := ParseCollection(file, data, Options{})
		if c == nil {
			continue
		}
		positions := collectPositions(reflect.ValueOf(c), nil)
		for _, d := range diags.Sorted() {
			positions = append(positions, d.Pos)
		}
		require.NotEmpty(t, positions, file)
		checkPositions(t, file, data, positions)
	}
}

func TestPositionsEnvironment(t *testing.T) {
	file := filepath.Join(goldenDir, "environment", "environment.json")
	data, err := os.ReadFile(file)
	require.NoError(t, err)

	env, diags := ParseEnvironment(file, data, Options{})

	require.NotNil(t, env, diags.Sorted())
	positions := collectPositions(reflect.ValueOf(env), nil)
	assert.Len(t, positions, len(env.Variables))
	checkPositions(t, file, data, positions)
}

func TestPositionsOnOneLine(t *testing.T) {
	data := []byte(`{"info":{"name":"Кассы"},"item":[{"name":"Чек","request":{"url":"http://127.0.0.1/ч","method":7}}]}`)

	c, diags := ParseCollection("one-line.json", data, Options{})

	require.NotNil(t, c)
	assert.Equal(t, diag.Position{File: "one-line.json", Offset: 38, Line: 1, Col: 34, Pointer: "/item/0"}, c.Items[0].Pos)
	sorted := diags.Sorted()
	require.Len(t, sorted, 2)
	assert.Equal(t, CodeMissingSchema, sorted[0].Code)
	assert.Equal(t, "/item/0/request/method", sorted[1].Pos.Pointer)
}
