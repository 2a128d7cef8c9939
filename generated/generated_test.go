package generated

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
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

// TestNoSecretInGenerated checks that no secret value of the example's
// environment file reaches the generated package.
func TestNoSecretInGenerated(t *testing.T) {
	data, err := os.ReadFile("../testdata/example/kassa.postman_environment.json")
	require.NoError(t, err)
	var env struct {
		Values []struct {
			Value string `json:"value"`
			Type  string `json:"type"`
		} `json:"values"`
	}
	require.NoError(t, json.Unmarshal(data, &env))

	var secrets []string
	for _, v := range env.Values {
		if v.Type == "secret" && v.Value != "" {
			secrets = append(secrets, v.Value)
		}
	}
	require.NotEmpty(t, secrets, "the example environment has secrets to look for")

	files, err := filepath.Glob("kassa/*")
	require.NoError(t, err)
	require.NotEmpty(t, files)
	for _, f := range files {
		content, err := os.ReadFile(f)
		require.NoError(t, err)
		for _, s := range secrets {
			assert.NotContains(t, string(content), s, "%s contains a secret of the environment", f)
		}
	}
}
