package pipeline

import (
	"go/format"
	"io/fs"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestGeneratedGoIsFormatted generates a package from every collection
// under testdata that generates one, and checks that gofmt leaves each
// Go file as it is. Most declarations are written as text in gofmt's
// layout instead of being formatted, so this is what keeps them in it.
func TestGeneratedGoIsFormatted(t *testing.T) {
	var collections []string
	err := filepath.WalkDir("../../testdata", func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && strings.HasSuffix(path, ".json") && strings.Contains(d.Name(), "collection") {
			collections = append(collections, path)
		}
		return nil
	})
	require.NoError(t, err)
	generated := 0
	for _, path := range collections {
		res, err := Run(Options{Collection: path, Package: "p"})
		if err != nil {
			continue // the collections that test errors
		}
		generated++
		for _, f := range res.Files {
			if !strings.HasSuffix(f.Name, ".go") {
				continue
			}
			formatted, err := format.Source(f.Content)
			if !assert.NoError(t, err, "%s: %s", path, f.Name) {
				continue
			}
			assert.Equal(t, string(formatted), string(f.Content), "%s: %s is not as gofmt prints it", path, f.Name)
		}
	}
	assert.Greater(t, generated, 100, "collections that generate")
}
