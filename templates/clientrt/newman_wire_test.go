package clientrt

import (
	"context"
	"net/http"
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
