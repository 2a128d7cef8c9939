package clientrt

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A path variable without a non-empty value of the call's own params is
// sent as written, as postman-collection's Url.getPath leaves it; session
// variables of the same name do not fill it.
func TestPathVariableWithoutValueSentAsWritten(t *testing.T) {
	srv := newRawServer(t, okJSON)
	c := newTestClient(t, testSpec(), srv.url())
	c.Session().Set(ScopeEnvironment, "name", "from-session")
	op := &operation{name: "Get", method: http.MethodGet, auth: -1,
		path: []string{"files", ":name.json", ":id", ":empty.txt", ":Sid.json"}}
	in := &callInput{params: []param{{name: "id", value: "7"}, {name: "empty", value: ""}, {name: "Sid", value: "CA1"}}}
	require.NoError(t, c.send(context.Background(), op, in, nil, nil))
	assert.Equal(t, "GET /files/:name.json/7/:empty.txt/CA1.json HTTP/1.1", srv.last().line)
}

// Captured from newman 6.2.2: repeated headers of one exact name are all
// sent, and a header whose name differs only in case replaces the group
// of the earlier spelling.
func TestRepeatedHeadersAsNewmanSends(t *testing.T) {
	tests := []struct {
		headers []header
		want    []string
	}{
		{[]header{{"X-M", "1"}, {"X-M", "2"}}, []string{"1", "2"}},
		{[]header{{"X-M", "1"}, {"x-m", "2"}, {"X-M", "3"}}, []string{"2"}},
		{[]header{{"X-M", "1"}, {"X-M", "2"}, {"x-m", "3"}}, []string{"3"}},
		{[]header{{"X-M", "1"}, {"X-Other", "o"}, {"x-m", "2"}, {"X-M", "3"}}, []string{"2"}},
	}
	srv := newRawServer(t, okJSON)
	c := newTestClient(t, testSpec(), srv.url())
	for _, tt := range tests {
		op := &operation{name: "Get", method: http.MethodGet, auth: -1, path: []string{"h"}, headers: tt.headers}
		require.NoError(t, c.send(context.Background(), op, nil, nil, nil))
		assert.Equal(t, tt.want, srv.last().header.Values("X-M"), "%v", tt.headers)
	}
}

// A regular file is sent with a Content-Length, not chunked, as newman
// sends a binary body.
func TestFileBodyHasContentLength(t *testing.T) {
	path := filepath.Join(t.TempDir(), "payload.bin")
	require.NoError(t, os.WriteFile(path, []byte("0123456789"), 0o644))
	f, err := os.Open(path)
	require.NoError(t, err)
	defer f.Close()
	_, err = f.Seek(2, io.SeekStart)
	require.NoError(t, err)

	srv := newRawServer(t, okJSON)
	c := newTestClient(t, testSpec(), srv.url())
	op := &operation{name: "Upload", method: http.MethodPost, auth: -1, path: []string{"f"},
		body: bodySpec{kind: bodyFile, contentType: "application/octet-stream"}}
	require.NoError(t, c.send(context.Background(), op, &callInput{file: f}, nil, nil))
	got := srv.last()
	assert.Equal(t, "8", got.header.Get("Content-Length"))
	assert.Empty(t, got.header.Get("Transfer-Encoding"))
	assert.Equal(t, "23456789", got.body)
}

// A server may answer HEAD with the Content-Length of the GET response;
// the call still succeeds with an empty body.
func TestHeadResponseWithContentLength(t *testing.T) {
	srv := newRawServer(t, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 11\r\n\r\n")
	c := newTestClient(t, testSpec(), srv.url())
	op := &operation{name: "Head", method: http.MethodHead, auth: -1, path: []string{"h"}}
	var out []byte
	require.NoError(t, c.send(context.Background(), op, nil, &out, nil))
	assert.Empty(t, out)
}

// newman 6.2.2 leaves "variables" out of a GraphQL body that has none.
func TestGraphQLWithoutVariables(t *testing.T) {
	srv := newRawServer(t, okJSON)
	c := newTestClient(t, testSpec(), srv.url())
	op := &operation{name: "Query", method: http.MethodPost, auth: -1, path: []string{"graphql"},
		body: bodySpec{kind: bodyGraphQL, contentType: "application/json"}}
	for _, vars := range []any{nil, json.RawMessage(nil), (*struct{ ID string })(nil)} {
		require.NoError(t, c.send(context.Background(), op, &callInput{graphQL: &graphQLBody{query: "{ ping }", variables: vars}}, nil, nil))
		assert.Equal(t, `{"query":"{ ping }"}`, srv.last().body, "%#v", vars)
	}
	require.NoError(t, c.send(context.Background(), op, &callInput{graphQL: &graphQLBody{query: "q", variables: map[string]string{"id": "<1>"}}}, nil, nil))
	assert.Equal(t, `{"query":"q","variables":{"id":"<1>"}}`, srv.last().body)
}
