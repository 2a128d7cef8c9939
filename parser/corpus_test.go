package parser

import (
	"encoding/csv"
	"os"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// corpusDir holds real collections with a SOURCES.tsv describing each; it
// exists only in the development workspace.
const corpusDir = "../../shared/corpus/public"

type corpusEntry struct {
	file     string
	requests int
}

// readCorpus returns the corpus entries, skipping the test when the corpus
// is absent.
func readCorpus(t testing.TB) []corpusEntry {
	t.Helper()
	f, err := os.Open(filepath.Join(corpusDir, "SOURCES.tsv"))
	if os.IsNotExist(err) {
		t.Skip("corpus not present")
	}
	require.NoError(t, err)
	defer f.Close()

	r := csv.NewReader(f)
	r.Comma = '\t'
	r.LazyQuotes = true
	rows, err := r.ReadAll()
	require.NoError(t, err)
	require.NotEmpty(t, rows)

	col := map[string]int{}
	for i, name := range rows[0] {
		col[name] = i
	}
	var out []corpusEntry
	for _, row := range rows[1:] {
		n, err := strconv.Atoi(row[col["requests"]])
		require.NoError(t, err, row[col["file"]])
		out = append(out, corpusEntry{file: filepath.Join(corpusDir, row[col["file"]]), requests: n})
	}
	return out
}

// countRequests counts items with a request, as Postman counts them.
func countRequests(items []*Item) int {
	n := 0
	for _, it := range items {
		if it.Request != nil {
			n++
		}
		n += countRequests(it.Items)
	}
	return n
}

func TestCorpusRequestCounts(t *testing.T) {
	for _, e := range readCorpus(t) {
		t.Run(filepath.Base(e.file), func(t *testing.T) {
			data, err := os.ReadFile(e.file)
			require.NoError(t, err)

			c, diags := ParseCollection(e.file, data, Options{})

			require.NotNil(t, c, diags.Sorted())
			assert.False(t, diags.HasErrors(), "%v", diags.Err())
			assert.Equal(t, e.requests, countRequests(c.Items))
		})
	}
}
