package model

import (
	"slices"
	"strings"
	"testing"

	"github.com/pmgen/pmgen/parser"
)

// buildJSON parses a collection and builds its model.
func buildJSON(t *testing.T, collection string) (*API, []string) {
	t.Helper()
	c, diags := parser.ParseCollection("c.json", []byte(collection), parser.Options{})
	if c == nil || diags.HasErrors() {
		t.Fatalf("parse: %v", diags.Err())
	}
	api, list := Build(Input{Collection: c})
	var messages []string
	for _, d := range list.Sorted() {
		messages = append(messages, string(d.Code)+": "+d.Message)
	}
	return api, messages
}

func variableNames(api *API) []string {
	var names []string
	for _, v := range api.Variables {
		names = append(names, v.Name)
	}
	return names
}

func TestVariablesReadThroughValuesKept(t *testing.T) {
	api, _ := buildJSON(t, `{
		"info": {"name": "n", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
		"variable": [
			{"key": "first", "value": "Anna"},
			{"key": "full", "value": "{{first}} {{last}}"},
			{"key": "last", "value": "Ivanova"},
			{"key": "unused", "value": "x"}
		],
		"item": [{"name": "r", "request": {"method": "GET", "url": "https://example.com/p?n={{full}}"}}]
	}`)
	got := variableNames(api)
	for _, want := range []string{"first", "full", "last"} {
		if !slices.Contains(got, want) {
			t.Errorf("variables %v lack %q, which a read variable's value refers to", got, want)
		}
	}
	if slices.Contains(got, "unused") {
		t.Errorf("variables %v keep %q, which nothing reads", got, "unused")
	}
}

func TestVariableCycleWarned(t *testing.T) {
	_, messages := buildJSON(t, `{
		"info": {"name": "n", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
		"variable": [
			{"key": "ping", "value": "p{{pong}}"},
			{"key": "pong", "value": "q{{ping}}"},
			{"key": "plain", "value": "{{other}}"},
			{"key": "other", "value": "x"}
		],
		"item": [{"name": "r", "request": {"method": "GET", "url": "https://example.com/p?a={{ping}}&b={{plain}}"}}]
	}`)
	var cycles []string
	for _, m := range messages {
		if strings.HasPrefix(m, string(CodeVariableCycle)) {
			cycles = append(cycles, m)
		}
	}
	if len(cycles) != 2 {
		t.Fatalf("cycle warnings %q, want one for ping and one for pong", cycles)
	}
	if !strings.Contains(cycles[0], `"ping" refers to itself through ping → pong → ping`) {
		t.Errorf("warning %q does not show the chain from ping", cycles[0])
	}
}
