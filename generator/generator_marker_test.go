package generator

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/pmgen/pmgen/internal/output"
)

// TestMarkersMatchOutput checks that the writer recognises the files the
// generator marks as generated.
func TestMarkersMatchOutput(t *testing.T) {
	assert.Equal(t, output.GoMarker, "// "+Header)
	assert.Equal(t, output.JSONMarker, ReplayDataMarker)
}
