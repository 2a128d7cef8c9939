package clientrt

import (
	"context"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Each case is what newman 6.2.2 sends for the same auth settings.
func TestAuthOnTheWire(t *testing.T) {
	tests := []struct {
		name     string
		scheme   authScheme
		query    []queryParam
		headers  []header
		wantLine string
		wantAuth []string // the Authorization header values
	}{
		{
			name:     "empty bearer token keeps the request's header",
			scheme:   authScheme{kind: "bearer", params: map[string]string{"token": ""}},
			headers:  []header{{"Authorization", "Own"}},
			wantLine: "GET /r HTTP/1.1",
			wantAuth: []string{"Own"},
		},
		{
			name:     "oauth2 header removes access_token from the query",
			scheme:   authScheme{kind: "oauth2", params: map[string]string{"accessToken": "at"}},
			query:    []queryParam{{key: "access_token", value: "stale"}, {key: "x", value: "1"}},
			wantLine: "GET /r?x=1 HTTP/1.1",
			wantAuth: []string{"Bearer at"},
		},
		{
			name:     "oauth2 writes no question mark once the query is empty",
			scheme:   authScheme{kind: "oauth2", params: map[string]string{"accessToken": "at"}},
			query:    []queryParam{{key: "access_token", value: "stale"}},
			wantLine: "GET /r HTTP/1.1",
			wantAuth: []string{"Bearer at"},
		},
		{
			name:     "oauth2 prefix is trimmed",
			scheme:   authScheme{kind: "oauth2", params: map[string]string{"accessToken": "at", "headerPrefix": " Token "}},
			wantLine: "GET /r HTTP/1.1",
			wantAuth: []string{"Token at"},
		},
		{
			name:     "oauth2 empty prefix",
			scheme:   authScheme{kind: "oauth2", params: map[string]string{"accessToken": "at", "headerPrefix": ""}},
			wantLine: "GET /r HTTP/1.1",
			wantAuth: []string{"at"},
		},
		{
			name:     "oauth2 query removes the request's Authorization",
			scheme:   authScheme{kind: "oauth2", params: map[string]string{"accessToken": "at", "addTokenTo": "queryParams"}},
			headers:  []header{{"Authorization", "Own"}},
			wantLine: "GET /r?access_token=at HTTP/1.1",
		},
		{
			name:     "oauth2 empty token adds nothing",
			scheme:   authScheme{kind: "oauth2", params: map[string]string{"accessToken": ""}},
			query:    []queryParam{{key: "access_token", value: "kept"}},
			headers:  []header{{"Authorization", "Own"}},
			wantLine: "GET /r?access_token=kept HTTP/1.1",
			wantAuth: []string{"Own"},
		},
		{
			name:     "apikey without key and value adds nothing",
			scheme:   authScheme{kind: "apikey", params: map[string]string{"key": "", "value": "", "in": "query"}},
			query:    []queryParam{{key: "", value: "v"}},
			wantLine: "GET /r?=v HTTP/1.1",
		},
	}
	srv := newRawServer(t, okJSON)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			spec := testSpec()
			spec.schemes = []authScheme{tt.scheme}
			c := newTestClient(t, spec, srv.url())
			op := &operation{name: "Get", method: http.MethodGet, auth: 0, path: []string{"r"}, query: tt.query, headers: tt.headers}
			require.NoError(t, c.send(context.Background(), op, nil, nil, nil))
			got := srv.last()
			assert.Equal(t, tt.wantLine, got.line)
			assert.Equal(t, tt.wantAuth, got.header.Values("Authorization"))
		})
	}
}
