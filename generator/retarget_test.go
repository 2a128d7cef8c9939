package generator

import (
	"go/format"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/pmgen/pmgen/templates"
)

// TestRetargetedTemplatesAreFormatted checks that copying a template into
// a generated package leaves it gofmt-formatted, which Generate relies on
// instead of formatting the copies again.
func TestRetargetedTemplatesAreFormatted(t *testing.T) {
	files := append(templates.ClientRuntime(), templates.TestHarness()...)
	files = append(files, templates.ReplayServer()...)
	for _, f := range files {
		out, err := retargetPackage(f.Content, "kassa")
		require.NoError(t, err, f.Name)
		formatted, err := format.Source(out)
		require.NoError(t, err, f.Name)
		assert.Equal(t, string(formatted), string(out), "%s is not formatted after retargeting", f.Name)
	}
}
