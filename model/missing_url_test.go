package model

import (
	"strings"
	"testing"
)

func TestMissingURLWarnedOnce(t *testing.T) {
	_, messages := buildJSON(t, `{
		"info": {"name": "n", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
		"item": [
			{"name": "No URL", "request": {"method": "GET"}},
			{"name": "Empty object", "request": {"method": "GET", "url": {"raw": "http://127.0.0.1/x"}}}
		]
	}`)

	var missing []string
	for _, m := range messages {
		if strings.HasPrefix(m, string(CodeMissingURL)+": ") {
			missing = append(missing, m)
		}
	}
	// The parser warns about the request without a URL; the model warns
	// only about the URL object that Postman sends nothing for.
	if len(missing) != 1 || !strings.Contains(missing[0], "neither host nor path") {
		t.Errorf("missing-url warnings = %q, want one about the URL object", missing)
	}
}

func TestInvalidMethodIsAnError(t *testing.T) {
	_, messages := buildJSON(t, `{
		"info": {"name": "n", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
		"item": [
			{"name": "Broken", "request": {"method": "GET\n)\nX /*", "url": "http://127.0.0.1/a"}},
			{"name": "Custom", "request": {"method": "purge", "url": "http://127.0.0.1/b"}}
		]
	}`)

	var invalid []string
	for _, m := range messages {
		if strings.HasPrefix(m, string(CodeInvalidMethod)+": ") {
			invalid = append(invalid, m)
		}
	}
	if len(invalid) != 1 || !strings.Contains(invalid[0], `method "GET\n)\nX /*" is not an HTTP method`) {
		t.Errorf("invalid-method errors = %q, want one about the broken request", invalid)
	}
}
