package generated

import (
	"testing"

	"github.com/stretchr/testify/require"

	"github.com/pmgen/pmgen/internal/output"
	"github.com/pmgen/pmgen/internal/pipeline"
)

// TestGeneratedIsCurrent fails when the checked-in package differs from
// what pmgen generates now from the example collection, with the flags of
// the go:generate line in generate.go.
func TestGeneratedIsCurrent(t *testing.T) {
	res, err := pipeline.Run(pipeline.Options{
		Collection:   "../testdata/example/kassa.postman_collection.json",
		Environments: []string{"../testdata/example/kassa.postman_environment.json"},
		Package:      "kassa",
	})
	require.NoError(t, err)

	files := make([]output.File, len(res.Files))
	for i, f := range res.Files {
		files[i] = output.File{Name: f.Name, Content: f.Content}
	}
	changes, err := output.Plan("kassa", "kassa", files)
	require.NoError(t, err)
	for _, c := range changes {
		t.Errorf("generated/kassa/%s is stale (%s needed): run go generate ./...", c.Name, c.Kind)
	}
}
