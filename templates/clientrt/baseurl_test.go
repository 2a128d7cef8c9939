package clientrt

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const baseURLHint = `; pass scheme, host, port and an optional path, such as "https://example.com/api"`

func TestBaseURLOptionRejected(t *testing.T) {
	spec := &apiSpec{hosts: []hostSpec{{template: "{{baseUrl}}", option: "WithBaseURL"}}}
	tests := []struct {
		name    string
		baseURL string
		want    string
	}{
		{"query", "http://127.0.0.1:18080/nothing?token=QSECRET",
			`WithBaseURL: invalid base URL "http://127.0.0.1:18080/nothing?…": it has a query string` + baseURLHint},
		{"empty query", "http://127.0.0.1:18080/api?",
			`WithBaseURL: invalid base URL "http://127.0.0.1:18080/api?…": it has a query string` + baseURLHint},
		{"fragment", "http://127.0.0.1:18080/api#token=QSECRET",
			`WithBaseURL: invalid base URL "http://127.0.0.1:18080/api#…": it has a fragment` + baseURLHint},
		{"query and password", "http://till:QSECRET@127.0.0.1:18080/api?key=QSECRET",
			`WithBaseURL: invalid base URL "http://till:REDACTED@127.0.0.1:18080/api?…": it has a query string` + baseURLHint},
		{"no scheme", "127.0.0.1:18080/api",
			`WithBaseURL: invalid base URL "127.0.0.1:18080/api": it does not start with "https://" or "http://"` + baseURLHint},
		{"other scheme", "ftp://127.0.0.1/files",
			`WithBaseURL: invalid base URL "ftp://127.0.0.1/files": its scheme "ftp" is not http or https` + baseURLHint},
		{"no host", "http:///api",
			`WithBaseURL: invalid base URL "http:///api": it has no host` + baseURLHint},
		{"scheme only", "https://",
			`WithBaseURL: invalid base URL "https://": it has no host` + baseURLHint},
		{"password and no host", "https://till:QSECRET@/api",
			`WithBaseURL: invalid base URL "https://till:REDACTED@/api": it has no host` + baseURLHint},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := newClient(spec, []Option{hostOption(0, tt.baseURL)})
			require.Error(t, err)
			assert.Equal(t, tt.want, err.Error())
			assert.NotContains(t, err.Error(), "QSECRET")
		})
	}
}

func TestBaseURLOptionAccepted(t *testing.T) {
	spec := &apiSpec{hosts: []hostSpec{{template: "{{baseUrl}}", option: "WithBaseURL"}}}
	for _, baseURL := range []string{
		"http://127.0.0.1:1",
		"http://127.0.0.1:1/api/v1",
		"HTTPS://Till.Example.com",
		"http://till:pw@127.0.0.1:1/api",
		"http://[::1]:8080",
		"{{scheme}}://127.0.0.1:1", // checked once a call expands it
	} {
		_, err := newClient(spec, []Option{hostOption(0, baseURL)})
		assert.NoError(t, err, baseURL)
	}
}

// A base URL that a variable gives is checked when a call expands it, and
// the call fails before anything is sent.
func TestBaseURLFromVariableRejected(t *testing.T) {
	srv := newRawServer(t, okJSON)
	query := srv.url() + "/nothing?token=QSECRET"
	wantQuery := `Get: invalid base URL "` + srv.url() + `/nothing?…" (the value of {{baseUrl}}): it has a query string; pass one such as "https://example.com/api" with WithBaseURL`
	spec := testSpec()
	spec.schemes = []authScheme{{kind: "apikey", params: map[string]string{"key": "api_key", "value": "SUPERSECRET", "in": "query"}}}
	op := &operation{name: "Get", method: "GET", path: []string{"a2"}, auth: 0}

	t.Run("variable option", func(t *testing.T) {
		c := newTestClient(t, spec, query)
		err := c.send(context.Background(), op, nil, nil, nil)
		require.Error(t, err)
		assert.Equal(t, wantQuery, err.Error())
		assert.NotContains(t, err.Error(), "QSECRET")
		assert.NotContains(t, err.Error(), "SUPERSECRET")
	})

	t.Run("environment file", func(t *testing.T) {
		path := filepath.Join(t.TempDir(), "env.json")
		env := `{"values": [{"key": "baseUrl", "value": "` + query + `", "enabled": true}]}`
		require.NoError(t, os.WriteFile(path, []byte(env), 0o600))
		c, err := newClient(spec, []Option{WithEnvironmentFile(path)})
		require.NoError(t, err)
		err = c.send(context.Background(), op, nil, nil, nil)
		require.Error(t, err)
		assert.Equal(t, wantQuery, err.Error())
		assert.NotContains(t, err.Error(), "QSECRET")
	})

	t.Run("session", func(t *testing.T) {
		c := newTestClient(t, spec, srv.url())
		c.Session().Set(ScopeEnvironment, "baseUrl", "ftp://till:QSECRET@127.0.0.1/files")
		err := c.send(context.Background(), op, nil, nil, nil)
		require.Error(t, err)
		assert.Equal(t, `Get: invalid base URL "ftp://till:REDACTED@127.0.0.1/files" (the value of {{baseUrl}}): its scheme "ftp" is not http or https; pass one such as "https://example.com/api" with WithBaseURL`, err.Error())
		assert.NotContains(t, err.Error(), "QSECRET")
	})

	t.Run("fragment", func(t *testing.T) {
		c := newTestClient(t, spec, srv.url()+"/api#top")
		err := c.send(context.Background(), op, nil, nil, nil)
		require.Error(t, err)
		assert.Contains(t, err.Error(), `"`+srv.url()+`/api#…" (the value of {{baseUrl}}): it has a fragment`)
	})

	t.Run("no host", func(t *testing.T) {
		c := newTestClient(t, spec, "http://")
		err := c.send(context.Background(), op, nil, nil, nil)
		require.Error(t, err)
		assert.Contains(t, err.Error(), `invalid base URL "http://" (the value of {{baseUrl}}): it has no host`)
	})

	srv.mu.Lock()
	defer srv.mu.Unlock()
	assert.Empty(t, srv.requests, "no request is sent with an invalid base URL")
}

// A variable's base URL without a scheme is sent with http, as Postman
// sends it.
func TestBaseURLVariableWithoutScheme(t *testing.T) {
	srv := newRawServer(t, okJSON)
	c := newTestClient(t, testSpec(), srv.ln.Addr().String()+"/api")
	require.NoError(t, c.send(context.Background(), getOp("a2"), nil, nil, nil))
	assert.Equal(t, "GET /api/a2 HTTP/1.1", srv.last().line)
}

// A literal host template of the collection is checked like a variable's
// value, and the error names no variable.
func TestBaseURLLiteralHostRejected(t *testing.T) {
	spec := &apiSpec{hosts: []hostSpec{{template: "ftp://files.example.invalid", option: "WithFilesExampleInvalid"}}}
	c, err := newClient(spec, nil)
	require.NoError(t, err)
	err = c.send(context.Background(), getOp("a2"), nil, nil, nil)
	assert.EqualError(t, err, `Get: invalid base URL "ftp://files.example.invalid": its scheme "ftp" is not http or https; pass one such as "https://example.com/api" with WithFilesExampleInvalid`)
}
