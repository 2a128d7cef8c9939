package generator

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/dave/jennifer/jen"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/pmgen/pmgen/model"
)

func TestSequenceDocListsFirstSteps(t *testing.T) {
	seq := &model.Sequence{Name: "All", GoName: "TestSequenceAll"}
	for i := range maxListedSteps + 5 {
		op := &model.Operation{GoName: fmt.Sprintf("Op%d", i), Where: fmt.Sprintf("Folder / Request %d", i)}
		seq.Steps = append(seq.Steps, &model.Step{Operation: op})
	}
	f := jen.NewFile("p")
	f.Add((&gen{}).sequenceTest(seq))
	var buf bytes.Buffer
	require.NoError(t, f.Render(&buf))
	src := buf.String()

	assert.Contains(t, src, fmt.Sprintf("//  %d. Folder / Request %d\n", maxListedSteps, maxListedSteps-1))
	assert.NotContains(t, src, fmt.Sprintf("Folder / Request %d\n", maxListedSteps))
	assert.Contains(t, src, "// and 5 more requests:")
	assert.Equal(t, maxListedSteps+5, strings.Count(src, "(t, h)"), "every step is called")
}
