package clientrt

import (
	"runtime"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A variable whose value is a long text and a reference to itself must
// stop at the first nesting level that passes the limit, not after
// copying the text once per level.
func TestExpandStopsLongSelfReference(t *testing.T) {
	s := NewSession()
	s.Set(ScopeCollection, "v", strings.Repeat("a", 5<<20)+"{{v}}")

	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	_, err := s.Expand("{{v}}")
	runtime.ReadMemStats(&after)

	require.ErrorIs(t, err, errTooLong)
	allocated := after.TotalAlloc - before.TotalAlloc
	assert.Less(t, allocated, uint64(64<<20), "allocated %d MiB", allocated>>20)
}

func TestExpandResultWithinLimit(t *testing.T) {
	s := NewSession()
	s.Set(ScopeCollection, "half", strings.Repeat("a", maxExpandedBytes/2))

	got, err := s.Expand("{{half}}{{half}}")
	require.NoError(t, err)
	assert.Len(t, got, maxExpandedBytes)

	_, err = s.Expand("{{half}}{{half}}x")
	assert.ErrorIs(t, err, errTooLong)
}

func TestExpandLimitErrorsSayWhatToCheck(t *testing.T) {
	s := NewSession()
	ten := strings.Repeat("{{l%d}}", 10)
	for i := range 12 {
		s.Set(ScopeCollection, "l"+strconv.Itoa(i), strings.ReplaceAll(ten, "%d", strconv.Itoa(i+1)))
	}
	s.Set(ScopeCollection, "l12", "")

	_, err := s.Expand("{{l0}}")

	require.ErrorIs(t, err, errTooManyRefs)
	assert.EqualError(t, err, "variable substitution exceeds its limit of 100000 references: "+
		"values that repeat other variables multiply the references, so check the values of the variables it uses")

	s.Set(ScopeCollection, "l12", strings.Repeat("lol", 1000))
	_, err = s.Expand("{{l0}}")

	require.ErrorIs(t, err, errTooLong)
	assert.EqualError(t, err, "variable substitution exceeds its limit of 8 MiB of text: "+
		"values that repeat other variables multiply the text, so check the values of the variables it uses")
}
