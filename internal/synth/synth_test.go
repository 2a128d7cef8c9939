package synth

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/pmgen/pmgen/model"
	"github.com/pmgen/pmgen/parser"
)

// parse decodes a synthetic collection and fails on any diagnostic.
func parse(t *testing.T, n int) *parser.Collection {
	t.Helper()
	data, err := Collection(n)
	if err != nil {
		t.Fatal(err)
	}
	coll, diags := parser.ParseCollection("synth.json", data, parser.Options{})
	if coll == nil || len(diags.Sorted()) > 0 {
		t.Fatalf("parse of %d requests: %v", n, diags.Sorted())
	}
	return coll
}

// requestDepths returns the folder depth of every request.
func requestDepths(items []*parser.Item, depth int, out *[]int) {
	for _, it := range items {
		if it.IsFolder {
			requestDepths(it.Items, depth+1, out)
			continue
		}
		*out = append(*out, depth)
	}
}

func TestCollectionHasRequestedSize(t *testing.T) {
	for _, n := range []int{1, 2, 7, 100, 101, 250} {
		var depths []int
		requestDepths(parse(t, n).Items, 0, &depths)
		if len(depths) != n {
			t.Errorf("Collection(%d) has %d requests", n, len(depths))
		}
	}
}

func TestCollectionNestsFoldersThreeToFive(t *testing.T) {
	var depths []int
	requestDepths(parse(t, 100).Items, 0, &depths)
	if depths[0] != 0 {
		t.Errorf("login request is at depth %d, want the top level", depths[0])
	}
	seen := map[int]int{}
	for _, d := range depths[1:] {
		seen[d]++
	}
	for d := range seen {
		if d < 3 || d > 5 {
			t.Errorf("%d requests sit in folders at depth %d, want 3 to 5", seen[d], d)
		}
	}
	for d := 3; d <= 5; d++ {
		if seen[d] == 0 {
			t.Errorf("no request sits in a folder at depth %d", d)
		}
	}
}

func TestCollectionIsDeterministic(t *testing.T) {
	a, err := Collection(300)
	if err != nil {
		t.Fatal(err)
	}
	b, err := Collection(300)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a, b) {
		t.Error("two collections of 300 requests differ")
	}
}

func TestCollectionContent(t *testing.T) {
	data, err := Collection(100)
	if err != nil {
		t.Fatal(err)
	}
	text := string(data)
	for _, want := range []string{
		`pm.environment.set(\"receipt1Id\", pm.response.json().id);`,
		`pm.variables.replaceIn(\"{{$guid}}\")`,
		`"type": "bearer"`,
		`"type": "basic"`,
		`"type": "noauth"`,
		`"key": "receiptId"`,
		`"value": "{{pageSize}}"`,
		`\"discount\": null`,
		`"code": 201`,
		`"code": 400`,
		`"code": 404`,
		`"code": 409`,
	} {
		if !strings.Contains(text, want) {
			t.Errorf("collection lacks %s", want)
		}
	}
	amount := regexp.MustCompile(`\\"(amount|price|total)\\": \d+\.\d\d[,\\]`)
	if !amount.MatchString(text) {
		t.Error("collection has no amount with two decimals")
	}
}

func TestCollectionBuildsModel(t *testing.T) {
	api, diags := model.Build(model.Input{Collection: parse(t, 100), Package: "synth"})
	if diags.HasErrors() {
		t.Fatalf("build: %v", diags.Err())
	}
	if len(api.Operations) != 100 {
		t.Errorf("model has %d operations, want 100", len(api.Operations))
	}
	// The whole collection and its one top-level folder.
	if len(api.Sequences) != 2 {
		t.Errorf("model has %d sequences, want 2", len(api.Sequences))
	}
	typed := 0
	for _, op := range api.Operations {
		if op.Response != nil {
			typed++
		}
	}
	if typed != len(api.Operations) {
		t.Errorf("%d of %d operations have a response type", typed, len(api.Operations))
	}
}

func TestCollectionRejectsNoRequests(t *testing.T) {
	if _, err := Collection(0); err == nil {
		t.Error("Collection(0) returned no error")
	}
}

func TestWriteCreatesFiles(t *testing.T) {
	dir := t.TempDir()
	files, err := Write(dir, 10)
	if err != nil {
		t.Fatal(err)
	}
	if files.Collection != filepath.Join(dir, "synth-10.postman_collection.json") {
		t.Errorf("collection written to %s", files.Collection)
	}
	data, err := os.ReadFile(files.Environment)
	if err != nil {
		t.Fatal(err)
	}
	env, diags := parser.ParseEnvironment(files.Environment, data, parser.Options{})
	if env == nil || diags.HasErrors() {
		t.Fatalf("environment does not parse: %v", diags.Err())
	}
}
