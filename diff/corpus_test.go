package diff

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/pmgen/pmgen/internal/pipeline"
)

const corpusDir = "../../shared/corpus/public"

// TestCorpusAgainstItself compares every collection of the shared corpus
// with itself, which must find no change, and two real releases of one
// API with each other, which must not fail.
func TestCorpusAgainstItself(t *testing.T) {
	if _, err := os.Stat(corpusDir); err != nil {
		t.Skip("the shared corpus is not next to the repository")
	}
	files, err := filepath.Glob(filepath.Join(corpusDir, "*.postman_collection.json"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no collections in %s: %v", corpusDir, err)
	}
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			old, errOld := pipeline.Model(pipeline.Options{Collection: file})
			new, errNew := pipeline.Model(pipeline.Options{Collection: file})
			if errOld != nil || errNew != nil {
				t.Skipf("the model cannot be built: %v", errOld)
			}
			r := Compare(old.API, new.API)
			assert.Empty(t, r.Changes)
		})
	}

	t.Run("two releases", func(t *testing.T) {
		old, err := pipeline.Model(pipeline.Options{Collection: filepath.Join(corpusDir, "002-sabre-booking-mgmt-v2024-10.postman_collection.json")})
		if err != nil {
			t.Skipf("the model cannot be built: %v", err)
		}
		new, err := pipeline.Model(pipeline.Options{Collection: filepath.Join(corpusDir, "001-sabre-booking-mgmt-v2026-04.postman_collection.json")})
		if err != nil {
			t.Skipf("the model cannot be built: %v", err)
		}
		r := Compare(old.API, new.API)
		assert.NotEmpty(t, r.Changes)
		assert.NotEmpty(t, r.Text())
		_, err = r.JSON()
		assert.NoError(t, err)
	})
}
