package pipeline

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/pmgen/pmgen/internal/gotest"
	"github.com/pmgen/pmgen/parser"
)

// laughsCollection returns a collection whose variable l0 repeats l1 ten
// times, l1 repeats l2 ten times, and so on to l12, whose value is last:
// a "billion laughs" of 10^12 copies of last. One request uses {{l0}} in
// its path, query and header.
func laughsCollection(t *testing.T, last string) string {
	t.Helper()
	variables := []map[string]string{{"key": "baseUrl", "value": "http://127.0.0.1:9"}}
	for i := range 12 {
		variables = append(variables, map[string]string{
			"key":   fmt.Sprintf("l%d", i),
			"value": strings.Repeat(fmt.Sprintf("{{l%d}}", i+1), 10),
		})
	}
	variables = append(variables, map[string]string{"key": "l12", "value": last})
	collection := map[string]any{
		"info":     map[string]any{"name": "Laughs", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
		"variable": variables,
		"item": []any{map[string]any{
			"name": "Laugh",
			"request": map[string]any{
				"method": "POST",
				"header": []any{map[string]any{"key": "X-Laugh", "value": "{{l0}}"}},
				"url": map[string]any{
					"raw":   "{{baseUrl}}/laugh/{{l0}}?q={{l0}}",
					"host":  []any{"{{baseUrl}}"},
					"path":  []any{"laugh", "{{l0}}"},
					"query": []any{map[string]any{"key": "q", "value": "{{l0}}"}},
				},
			},
		}},
	}
	data, err := json.Marshal(collection)
	require.NoError(t, err)
	path := filepath.Join(t.TempDir(), "collection.json")
	require.NoError(t, os.WriteFile(path, data, 0o644))
	return path
}

// laughsTest is a test inside the generated package: the call must fail
// with the limit's error before any request is sent, and so must
// Session.Expand.
const laughsTest = `package laughs

import (
	"net/http"
	"net/http/httptest"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestLaughStopsAtTheLimit(t *testing.T) {
	var requests atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		requests.Add(1)
	}))
	defer srv.Close()
	c, err := New(WithBaseURL(srv.URL))
	require.NoError(t, err)

	_, err = c.Laugh(t.Context())

	require.Error(t, err)
	assert.Contains(t, err.Error(), "Laugh: ")
	assert.Contains(t, err.Error(), "variable substitution exceeds its limit of %s")
	assert.Contains(t, err.Error(), "check the values of the variables it uses")
	assert.Zero(t, requests.Load(), "a request reached the server")

	_, err = c.Session().Expand("{{l0}}")
	assert.ErrorContains(t, err, "variable substitution exceeds its limit of %s")
}
`

// TestGeneratedClientStopsBillionLaughs generates a client from a chain
// of variables that multiply each other and runs a call through it. It
// does so once for each limit of variable substitution: the text limit
// when the last value is long text, the reference limit when it is empty.
func TestGeneratedClientStopsBillionLaughs(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a generated module")
	}
	m := gotest.NewModule(t, "example.com/app")
	for _, tt := range []struct {
		dir, last, limit string
	}{
		{"laughs", strings.Repeat("lol", 1000), "8 MiB of text"},
		{"silent", "", "100000 references"},
	} {
		generateInto(t, m, tt.dir, Options{Collection: laughsCollection(t, tt.last), Package: "laughs"})
		test := strings.ReplaceAll(laughsTest, "%s", tt.limit)
		m.WriteFile(tt.dir+"/laughs_test.go", []byte(test))
	}
	// The generated sequence tests fail too, since the request cannot be
	// built; only the test above runs.
	m.MustGo("vet", "./...")
	out := m.MustGo("test", "-count=1", "-v", "-run", "^TestLaughStopsAtTheLimit$", "./...")
	assert.Equal(t, 2, strings.Count(out, "--- PASS: TestLaughStopsAtTheLimit"), out)
}

// TestEndlessInputStopsAtLimit reads /dev/zero, which never ends, as the
// collection, the environment and the config: each must fail with the
// size limit's error instead of reading on.
func TestEndlessInputStopsAtLimit(t *testing.T) {
	if _, err := os.Stat("/dev/zero"); err != nil {
		t.Skip("no /dev/zero here")
	}
	dir := t.TempDir()
	coll := filepath.Join(dir, "c.json")
	require.NoError(t, os.WriteFile(coll, []byte(`{"info":{"name":"c","schema":"https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},"item":[]}`), 0o644))
	limits := parser.Options{MaxInputSize: 1000}

	res, err := Run(Options{Collection: "/dev/zero", Limits: limits})
	require.Error(t, err)
	assert.Contains(t, res.Diags.Err().Error(), "/dev/zero: error: input is larger than the limit of 1000 bytes; raise the limit with -max-input-size")

	res, err = Run(Options{Collection: coll, Environments: []string{"/dev/zero"}, Limits: limits})
	require.Error(t, err)
	assert.Contains(t, res.Diags.Err().Error(), "/dev/zero: error: input is larger than the limit of 1000 bytes")

	_, err = Run(Options{Collection: coll, Config: "/dev/zero"})
	require.Error(t, err)
	assert.Contains(t, err.Error(), fmt.Sprintf("read config: file is larger than the limit of %d bytes", parser.MaxConfigSize))

	big := filepath.Join(dir, "big.json")
	require.NoError(t, os.WriteFile(big, make([]byte, 1001), 0o644))
	res, err = Run(Options{Collection: big, Limits: limits})
	require.Error(t, err)
	assert.Contains(t, res.Diags.Err().Error(), "input is 1001 bytes, larger than the limit of 1000 bytes")
}

// TestReadLimitedRegularFile reads regular files at, under and over the
// limit: the content comes back whole, and a larger file is an error that
// states its size.
func TestReadLimitedRegularFile(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, size int) string {
		path := filepath.Join(dir, name)
		data := bytes.Repeat([]byte("a"), size)
		data[0], data[size-1] = '{', '}'
		require.NoError(t, os.WriteFile(path, data, 0o644))
		return path
	}
	for _, size := range []int{1, 999, 1000} {
		data, err := readLimited(write("f"+strconv.Itoa(size), size), 1000)
		require.NoError(t, err, "size %d", size)
		assert.Len(t, data, size)
		assert.Equal(t, byte('}'), data[size-1])
	}
	_, err := readLimited(write("large", 1001), 1000)
	var large *tooLargeError
	require.ErrorAs(t, err, &large)
	assert.Equal(t, int64(1001), large.size)

	empty := filepath.Join(dir, "empty")
	require.NoError(t, os.WriteFile(empty, nil, 0o644))
	data, err := readLimited(empty, 1000)
	require.NoError(t, err)
	assert.Empty(t, data)
}
