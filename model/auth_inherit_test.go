package model

import (
	"strings"
	"testing"
)

func TestExplicitInheritSendsNoAuth(t *testing.T) {
	api, messages := buildJSON(t, `{
		"info": {"name": "n", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
		"auth": {"type": "bearer", "bearer": [{"key": "token", "value": "{{token}}"}]},
		"item": [
			{"name": "implicit", "request": {"method": "GET", "url": "https://example.com/a"}},
			{"name": "explicit", "request": {"method": "GET", "auth": {"type": "inherit"}, "url": "https://example.com/b"}},
			{"name": "folder", "auth": {"type": "inherit"}, "item": [
				{"name": "inside", "request": {"method": "GET", "url": "https://example.com/c"}}
			]}
		]
	}`)
	want := map[string]bool{"implicit": true, "explicit": false, "inside": false}
	for _, op := range api.Operations {
		if got := op.Auth != nil; got != want[op.Name] {
			t.Errorf("%s: has auth %v, want %v", op.Name, got, want[op.Name])
		}
	}
	n := 0
	for _, m := range messages {
		if strings.HasPrefix(m, string(CodeExplicitInherit)) {
			n++
		}
	}
	if n != 2 {
		t.Errorf("%d %s warnings, want 2: %q", n, CodeExplicitInherit, messages)
	}
}
