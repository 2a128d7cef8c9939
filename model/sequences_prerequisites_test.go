package model

import (
	"slices"
	"strings"
	"testing"
)

// stepNames returns the names of a sequence's operations.
func stepNames(seq *Sequence) []string {
	var names []string
	for _, s := range seq.Steps {
		names = append(names, s.Operation.Name)
	}
	return names
}

// A variable that a request's own prerequest script sets needs no earlier
// request, so a folder's sequence does not start with the requests of
// other folders that set it too.
func TestPrerequisitesSkipOwnPrerequestSets(t *testing.T) {
	api, _ := buildJSON(t, `{
		"info": {"name": "n", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
		"item": [
			{"name": "Login",
			 "event": [{"listen": "test", "script": {"exec": ["pm.environment.set(\"token\", pm.response.json().token);"]}}],
			 "request": {"method": "POST", "url": "https://example.com/login"}},
			{"name": "A", "item": [{"name": "Sell A",
			 "event": [{"listen": "prerequest", "script": {"exec": ["pm.environment.set(\"key\", pm.variables.replaceIn(\"{{$guid}}\"));"]}}],
			 "request": {"method": "POST", "url": "https://example.com/a",
			  "header": [{"key": "Authorization", "value": "Bearer {{token}}"}, {"key": "Idempotency-Key", "value": "{{key}}"}]}}]},
			{"name": "B", "item": [{"name": "Sell B",
			 "event": [{"listen": "prerequest", "script": {"exec": ["pm.environment.set(\"key\", pm.variables.replaceIn(\"{{$guid}}\"));"]}}],
			 "request": {"method": "POST", "url": "https://example.com/b",
			  "header": [{"key": "Authorization", "value": "Bearer {{token}}"}, {"key": "Idempotency-Key", "value": "{{key}}"}]}}]}
		]
	}`)
	i := slices.IndexFunc(api.Sequences, func(s *Sequence) bool { return s.Name == "B" })
	if i < 0 {
		t.Fatal("no sequence for folder B")
	}
	got := stepNames(api.Sequences[i])
	want := []string{"Login", "Sell B"}
	if !slices.Equal(got, want) {
		t.Errorf("sequence B has steps %q, want %q", got, want)
	}
}

// A variable read before the request that produces it is reported once;
// a variable that no request produces is a method parameter, not a
// reordering problem.
func TestReadBeforeProducedWarned(t *testing.T) {
	_, messages := buildJSON(t, `{
		"info": {"name": "n", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
		"item": [
			{"name": "Status", "request": {"method": "GET", "url": "https://example.com/shifts/{{shiftId}}?from={{dateFrom}}"}},
			{"name": "Open",
			 "event": [{"listen": "test", "script": {"exec": ["pm.environment.set(\"shiftId\", pm.response.json().id);"]}}],
			 "request": {"method": "POST", "url": "https://example.com/shifts"}}
		]
	}`)
	var got []string
	for _, m := range messages {
		if strings.HasPrefix(m, string(CodeReadBeforeProduced)) {
			got = append(got, m)
		}
	}
	want := []string{string(CodeReadBeforeProduced) + `: variable "shiftId" is read before request "Open" produces it`}
	if !slices.Equal(got, want) {
		t.Errorf("warnings %q, want %q", got, want)
	}
}
