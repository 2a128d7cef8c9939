package diff

import (
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/pmgen/pmgen/internal/pipeline"
	"github.com/pmgen/pmgen/model"
)

var update = flag.Bool("update", false, "rewrite the expected files under testdata/diff")

// buildModel builds the model of a collection in testdata/example with
// the example environment.
func buildModel(t *testing.T, collection string) *model.API {
	t.Helper()
	res, err := pipeline.Model(pipeline.Options{
		Collection:   filepath.Join("..", "testdata", "example", collection),
		Environments: []string{filepath.Join("..", "testdata", "example", "kassa.postman_environment.json")},
		Package:      "kassa",
	})
	require.NoError(t, err)
	return res.API
}

// golden compares got with the expected file, or rewrites it with -update.
func golden(t *testing.T, path string, got []byte) {
	t.Helper()
	if *update {
		require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
		require.NoError(t, os.WriteFile(path, got, 0o644))
		return
	}
	want, err := os.ReadFile(path)
	require.NoError(t, err, "run go test ./diff/ -update to create it")
	assert.Equal(t, string(want), string(got), "%s differs; run go test ./diff/ -update and review the change", path)
}
