package parser

import (
	"runtime"
	"testing"

	"github.com/pmgen/pmgen/internal/synth"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestConcurrentDecodeMatchesSequential decodes the same collections with
// one and with two goroutines and expects equal collections and equal
// diagnostics, with and without the request limit cutting them short.
func TestConcurrentDecodeMatchesSequential(t *testing.T) {
	data, err := synth.Collection(1000)
	require.NoError(t, err)
	cases := map[string]struct {
		data []byte
		opts Options
	}{
		"synthetic":                 {data, Options{}},
		"synthetic over limit":      {data, Options{MaxRequests: 333}},
		"synthetic too deep":        {data, Options{MaxFolderDepth: 2}},
		"flat over limit":           {flatRequests(10), Options{MaxRequests: 4}},
		"flat exactly at the limit": {flatRequests(10), Options{MaxRequests: 10}},
	}
	for name, c := range cases {
		t.Run(name, func(t *testing.T) {
			defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
			wantColl, wantDiags := ParseCollection("c.json", c.data, c.opts)

			runtime.GOMAXPROCS(2)
			gotColl, gotDiags := ParseCollection("c.json", c.data, c.opts)

			require.NotNil(t, gotColl)
			assert.Equal(t, wantColl, gotColl)
			assert.Equal(t, wantDiags, gotDiags)
		})
	}
}
