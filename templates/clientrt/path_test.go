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
