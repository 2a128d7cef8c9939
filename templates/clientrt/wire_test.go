package clientrt

import (
	"context"
	"net/http"
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The expected request lines below were captured from newman 6.2.2 run on
// a collection with the same requests against a raw loopback server. The
// values run through Postman's URL handling: collection text and variable
// values are URL text, encoded only where they cannot stand in a URL.

// trickyValues are the query and path texts sent to newman.
var trickyValues = []string{"a b", "a+b", "a%2Fb", "100%", "%", "a#b", "a&b", "a=b", `"q'`, "<>", "|", "{}", "тест", "", "a%zz", "~!$'()*,;:@/?", "[]^`\\"}

func TestRequestLineMatchesNewman(t *testing.T) {
	queryValues := make([]queryParam, len(trickyValues))
	for i, v := range trickyValues {
		queryValues[i] = queryParam{key: "k" + strconv.Itoa(i), value: v}
	}
	var queryKeys []queryParam
	for _, v := range trickyValues {
		if v != "" {
			queryKeys = append(queryKeys, queryParam{key: v, value: "x"})
		}
	}
	queryKeys = append(queryKeys, queryParam{key: "novalue", noValue: true}, queryParam{key: "emptyvalue"})

	vars := []varSpec{
		{name: "tricky", scope: ScopeCollection, value: "a b+c%2F#&=тест\"<>|{}"},
		{name: "t2", scope: ScopeCollection, value: "a b+c%2F&=тест\"<>|{}`?x=1 2&y"},
		{name: "k", scope: ScopeCollection, value: "a=b&c"},
		{name: "outer", scope: ScopeCollection, value: "x{{inner}}y"},
		{name: "inner", scope: ScopeCollection, value: "IN"},
	}
	tests := []struct {
		name string
		op   *operation
		want string
	}{
		{"query values", &operation{path: []string{"q"}, query: queryValues},
			"GET /q?k0=a%20b&k1=a+b&k2=a%2Fb&k3=100%&k4=%&k5=a%23b&k6=a%26b&k7=a=b&k8=%22q%27&k9=%3C%3E&k10=|&k11={}&k12=%D1%82%D0%B5%D1%81%D1%82&k13=&k14=a%zz&k15=~!$%27()*,;:@/?&k16=[]^`\\ HTTP/1.1"},
		{"query keys", &operation{path: []string{"q"}, query: queryKeys},
			"GET /q?a%20b=x&a+b=x&a%2Fb=x&100%=x&%=x&a%23b=x&a%26b=x&a%3Db=x&%22q%27=x&%3C%3E=x&|=x&{}=x&%D1%82%D0%B5%D1%81%D1%82=x&a%zz=x&~!$%27()*,;:@/?=x&[]^`\\=x&novalue&emptyvalue= HTTP/1.1"},
		{"path ending at a hash", &operation{path: append([]string{"p"}, trickyValues[:6]...)},
			"GET /p/a%20b/a+b/a%2Fb/100%/%/a HTTP/1.1"},
		{"path", &operation{path: []string{"p", "a&b", "a=b", `"q'`, "<>", "|", "{}", "тест", "a%zz", "~!$'()*,;:@", "[]^`"}},
			"GET /p/a&b/a=b/%22q'/%3C%3E/|/%7B%7D/%D1%82%D0%B5%D1%81%D1%82/a%zz/~!$'()*,;:@/[]^%60 HTTP/1.1"},
		{"backslash in path", &operation{path: []string{"p", `a\b`}}, "GET /p/a/b HTTP/1.1"},
		{"question mark in path", &operation{path: []string{"p", "a?b", "c"}}, "GET /p/a?b/c HTTP/1.1"},
		{"variable with hash in query", &operation{path: []string{"v"}, query: []queryParam{{key: "q", value: "{{tricky}}"}}},
			"GET /v?q=a%20b+c%2F HTTP/1.1"},
		{"variable with hash in path", &operation{path: []string{"v", "{{tricky}}", "end"}},
			"GET /v/a%20b+c%2F HTTP/1.1"},
		{"variable in path", &operation{path: []string{"v", "{{t2}}", "end"}},
			"GET /v/a%20b+c%2F&=%D1%82%D0%B5%D1%81%D1%82%22%3C%3E|%7B%7D%60?x=1%202&y/end HTTP/1.1"},
		{"variables in query", &operation{path: []string{"v"}, query: []queryParam{{key: "q", value: "{{t2}}"}, {key: "{{k}}", value: "1"}}},
			"GET /v?q=a%20b+c%2F&=%D1%82%D0%B5%D1%81%D1%82%22%3C%3E|{}`?x=1%202&y&a=b&c=1 HTTP/1.1"},
		{"nested variable", &operation{path: []string{"n"}, query: []queryParam{{key: "n", value: "{{outer}}"}}},
			"GET /n?n=xINy HTTP/1.1"},
		{"no path", &operation{}, "GET / HTTP/1.1"},
		{"trailing slash", &operation{path: []string{"a", ""}}, "GET /a/ HTTP/1.1"},
		{"fragment", &operation{path: []string{"a"}, query: []queryParam{{key: "q", value: "1"}}, hash: "top"},
			"GET /a?q=1 HTTP/1.1"},
	}
	srv := newRawServer(t, okJSON)
	c := newTestClient(t, testSpec(vars...), srv.url())
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			tt.op.name, tt.op.method, tt.op.auth = "Probe", http.MethodGet, -1
			require.NoError(t, c.send(context.Background(), tt.op, nil, nil, nil))
			assert.Equal(t, tt.want, srv.last().line)
		})
	}
}

// Values the caller passes are data: each reaches the server as given,
// encoded exactly once.
func TestCallerValuesAreEncodedOnce(t *testing.T) {
	srv := newRawServer(t, okJSON)
	c := newTestClient(t, testSpec(), srv.url())
	op := &operation{name: "Get", method: "GET", auth: -1,
		path:  []string{"receipts", ":receiptId", ":doc.json"},
		query: []queryParam{{key: "q", value: "{{search}}"}, {key: "fixed", value: "a+b"}}}
	in := &callInput{params: []param{
		{name: "receiptId", value: "a/b c?d#e%2F"},
		{name: "doc", value: "x y"},
		{name: "search", value: "a+b&c=d #%тест"},
	}}
	require.NoError(t, c.send(context.Background(), op, in, nil, nil))
	_, stored := c.Session().Get("search")
	assert.False(t, stored, "params are never stored in the session")
	assert.Equal(t, "GET /receipts/a%2Fb%20c%3Fd%23e%252F/x%20y.json?q=a%2Bb%26c%3Dd%20%23%25%D1%82%D0%B5%D1%81%D1%82&fixed=a+b HTTP/1.1", srv.last().line)
}
