package infer

import (
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/pmgen/pmgen/diag"
	"github.com/pmgen/pmgen/internal/jsontree"
	"github.com/pmgen/pmgen/model/naming"
	"github.com/pmgen/pmgen/model/types"
)

const corpusDir = "../../../shared/corpus/public"

// minTypedShare is the share of typed fields the corpus must keep. The
// share measured on the 56 public collections when this test was written
// was 0.953. Most untyped fields are null in every sample.
const minTypedShare = 0.95

// corpusBody is one body of a collection with its samples.
type corpusBody struct {
	root    string
	samples []Sample
}

// TestCorpusTypedShare infers every JSON body of the real collections, one
// registry per collection, and logs the share of typed fields.
func TestCorpusTypedShare(t *testing.T) {
	files, _ := filepath.Glob(filepath.Join(corpusDir, "*.postman_collection.json"))
	if len(files) == 0 {
		t.Skip("corpus not found at " + corpusDir)
	}
	var totalFields, totalTyped, totalBodies, untypedRoots int
	codes := map[diag.Code]int{}
	for _, file := range files {
		data, err := os.ReadFile(file)
		require.NoError(t, err)
		bodies, variables := corpusBodies(t, filepath.Base(file), data)

		r := NewRegistry(Options{Placeholder: variableHook(variables)})
		for _, b := range bodies {
			root := r.Infer(b.root, b.samples)
			if root != nil && Untyped(root) {
				untypedRoots++
			}
		}
		// Each struct of the registry is counted once, however many
		// bodies share it.
		fields, typed := 0, 0
		structs := r.Types()
		checkNames(t, structs)
		for _, st := range structs {
			for _, f := range st.Fields {
				fields++
				if !Untyped(f.Type) {
					typed++
				}
			}
		}
		diags := r.Diagnostics()
		for _, d := range diags.Sorted() {
			codes[d.Code]++
		}
		totalFields += fields
		totalTyped += typed
		totalBodies += len(bodies)
		if fields > 0 {
			t.Logf("%-60s bodies %4d  structs %4d  fields %5d  typed %.3f", filepath.Base(file), len(bodies), len(structs), fields, float64(typed)/float64(fields))
		}
	}
	require.NotZero(t, totalFields)
	share := float64(totalTyped) / float64(totalFields)
	t.Logf("total: %d bodies, %d fields, %d typed, share %.4f, %d bodies untyped as a whole", totalBodies, totalFields, totalTyped, share, untypedRoots)
	for _, code := range slices.Sorted(maps.Keys(codes)) {
		t.Logf("  %-22s %d", code, codes[code])
	}
	assert.GreaterOrEqual(t, share, minTypedShare)
}

// checkNames asserts that struct and field names are valid and unique.
func checkNames(t *testing.T, structs []*types.Type) {
	t.Helper()
	seen := map[string]bool{}
	for _, st := range structs {
		assert.True(t, naming.IsValid(st.Name), st.Name)
		assert.False(t, seen[st.Name], "duplicate type name %q", st.Name)
		seen[st.Name] = true
		fields := map[string]bool{}
		for _, f := range st.Fields {
			assert.True(t, naming.IsValid(f.Name), "%s.%s", st.Name, f.Name)
			assert.False(t, fields[f.Name], "duplicate field %s.%s", st.Name, f.Name)
			fields[f.Name] = true
		}
	}
}

// corpusBodies returns the JSON bodies of every request of a collection:
// the request body with the bodies of its examples' original requests,
// and the bodies of its saved responses grouped by status code.
// It also returns the collection's variables.
func corpusBodies(t *testing.T, file string, data []byte) ([]corpusBody, map[string]string) {
	t.Helper()
	doc, err := jsontree.Parse(data, jsontree.Options{})
	require.NoError(t, err, file)
	w := corpusWalker{file: file, names: map[string]int{}}
	w.items(doc.Get("item"))
	w.items(doc.Get("items"))

	variables := map[string]string{}
	if list := doc.Get("variable"); list != nil && list.Kind == jsontree.Array {
		for i := range list.Items {
			key, value := list.Items[i].Get("key"), list.Items[i].Get("value")
			if key != nil && value != nil && value.Kind == jsontree.String {
				variables[key.Str] = value.Str
			}
		}
	}
	return w.bodies, variables
}

// variableHook returns a placeholder hook that gives the collection's
// variables and a value for Postman's integer dynamic variables, like a
// caller that knows the collection.
func variableHook(variables map[string]string) func(string) (string, bool) {
	return func(name string) (string, bool) {
		switch name {
		case "$randomInt", "$timestamp":
			return "1", true
		}
		v, ok := variables[name]
		return v, ok
	}
}

type corpusWalker struct {
	file   string
	names  map[string]int
	bodies []corpusBody
}

func (w *corpusWalker) items(list *jsontree.Value) {
	if list == nil || list.Kind != jsontree.Array {
		return
	}
	for i := range list.Items {
		item := &list.Items[i]
		if item.Kind != jsontree.Object {
			continue
		}
		w.items(item.Get("item"))
		w.items(item.Get("items"))
		if req := item.Get("request"); req != nil && req.Kind == jsontree.Object {
			w.request(item, req)
		}
	}
}

func (w *corpusWalker) request(item, req *jsontree.Value) {
	where := ""
	if name := item.Get("name"); name != nil && name.Kind == jsontree.String {
		where = name.Str
	}
	base, ok := naming.Exported(where)
	if !ok {
		base = "Op"
	}
	w.names[base]++
	if n := w.names[base]; n > 1 {
		base += strconv.Itoa(n)
	}

	var requests []Sample
	if s, ok := w.rawBody(req, "request body", where); ok {
		requests = append(requests, s)
	}
	byStatus := map[int][]Sample{}
	if resps := item.Get("response"); resps != nil && resps.Kind == jsontree.Array {
		for i := range resps.Items {
			w.response(&resps.Items[i], where, &requests, byStatus)
		}
	}
	if len(requests) > 0 {
		w.bodies = append(w.bodies, corpusBody{root: base + "Request", samples: requests})
	}
	for _, code := range slices.Sorted(maps.Keys(byStatus)) {
		w.bodies = append(w.bodies, corpusBody{root: fmt.Sprintf("%sResponse%d", base, code), samples: byStatus[code]})
	}
}

func (w *corpusWalker) response(resp *jsontree.Value, where string, requests *[]Sample, byStatus map[int][]Sample) {
	if resp.Kind != jsontree.Object {
		return
	}
	name := "example"
	if n := resp.Get("name"); n != nil && n.Kind == jsontree.String {
		name = fmt.Sprintf("example %q", n.Str)
	}
	if orig := resp.Get("originalRequest"); orig != nil && orig.Kind == jsontree.Object {
		if s, ok := w.rawBody(orig, name+" request body", where); ok {
			*requests = append(*requests, s)
		}
	}
	body := resp.Get("body")
	if body == nil || body.Kind != jsontree.String || !looksJSON(body.Str) {
		return
	}
	code := 0
	if c := resp.Get("code"); c != nil && c.Kind == jsontree.Number {
		code, _ = strconv.Atoi(c.Str)
	}
	byStatus[code] = append(byStatus[code], w.sample(body, name, where))
}

// rawBody returns the raw body of a request object when it looks like
// JSON.
func (w *corpusWalker) rawBody(req *jsontree.Value, name, where string) (Sample, bool) {
	body := req.Get("body")
	if body == nil || body.Kind != jsontree.Object {
		return Sample{}, false
	}
	mode, raw := body.Get("mode"), body.Get("raw")
	if mode == nil || mode.Str != "raw" || raw == nil || raw.Kind != jsontree.String || !looksJSON(raw.Str) {
		return Sample{}, false
	}
	return w.sample(raw, name, where), true
}

func (w *corpusWalker) sample(v *jsontree.Value, name, where string) Sample {
	return Sample{Data: []byte(v.Str), Name: name, Pos: diag.Position{File: w.file, Offset: v.Offset}, Where: where}
}

// looksJSON reports whether a body starts like a JSON object or array;
// XML, HTML and plain text bodies are not samples.
func looksJSON(s string) bool {
	s = strings.TrimLeft(s, " \t\r\n\uFEFF")
	return strings.HasPrefix(s, "{") || strings.HasPrefix(s, "[")
}
