package parser

import (
	"runtime"
	"testing"

	"github.com/pmgen/pmgen/internal/synth"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestConcurrentDecodeMatchesSequential decodes the same collections with
// GOMAXPROCS 1, which decodes sequentially, and 2, which decodes the
// top-level items while parsing, and expects equal collections and equal
// diagnostics. The cases include the request limit cutting the items
// short and item lists that the stream does not receive.
func TestConcurrentDecodeMatchesSequential(t *testing.T) {
	data, err := synth.Collection(1000)
	require.NoError(t, err)
	const info = `"info": {"name": "c", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"}`
	cases := map[string]struct {
		data []byte
		opts Options
	}{
		"synthetic":                 {data, Options{}},
		"synthetic over limit":      {data, Options{MaxRequests: 333}},
		"synthetic too deep":        {data, Options{MaxFolderDepth: 2}},
		"flat over limit":           {flatRequests(10), Options{MaxRequests: 4}},
		"flat exactly at the limit": {flatRequests(10), Options{MaxRequests: 10}},
		"repeated item key": {[]byte(`{` + info + `, "item": [{"name": "a", "request": 1}],
			"item": [{"request": "http://127.0.0.1/b"}, {"name": "c"}]}`), Options{}},
		"items key": {[]byte(`{` + info + `, "items": [{"name": "a", "request": "http://127.0.0.1/a"}],
			"item": null}`), Options{}},
		"envelope": {[]byte(`{"collection": {` + info + `,
			"item": [{"name": "a", "request": "http://127.0.0.1/a"}, 7]}}`), Options{}},
		"item not an array": {[]byte(`{` + info + `, "item": [{"name": "a"}], "item": {}}`), Options{}},
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
