package clientrt

import (
	"context"
	"errors"
	"io"
	"mime"
	"mime/multipart"
	"net/http"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestHeadersKeepOrderAndAuthReplacesAuthorization(t *testing.T) {
	// Captured from newman 6.2.2: repeated names keep their order, a header
	// without a name is not sent, basic auth replaces the request's own
	// Authorization header, and the JSON Content-Type is added.
	srv := newRawServer(t, okJSON)
	spec := testSpec(varSpec{name: "user", scope: ScopeEnvironment, value: "user"})
	spec.schemes = []authScheme{{kind: "basic", params: map[string]string{"username": "{{user}}", "password": "pa:ss"}}}
	c := newTestClient(t, spec, srv.url())
	op := &operation{name: "Post", method: "POST", path: []string{"h"}, auth: 0,
		headers: []header{{"X-A", "1"}, {"X-B", "2"}, {"X-A", "3"}, {"", "empty"}, {"Authorization", "Custom abc"}},
		body:    bodySpec{kind: bodyJSON, contentType: "application/json"}}
	require.NoError(t, c.send(context.Background(), op, &callInput{json: map[string]string{"a": "<b>"}}, nil, nil))
	got := srv.last()
	assert.Equal(t, []string{"1", "3"}, got.header.Values("X-A"))
	assert.Equal(t, "2", got.header.Get("X-B"))
	assert.Equal(t, []string{"Basic dXNlcjpwYTpzcw=="}, got.header.Values("Authorization"))
	assert.Equal(t, "application/json", got.header.Get("Content-Type"))
	assert.Equal(t, `{"a":"<b>"}`, got.body)
	for _, l := range got.headerLines {
		assert.False(t, strings.HasPrefix(l, ":"), "header line %q", l)
	}
}

func TestContentTypeOfTheRequestWins(t *testing.T) {
	srv := newRawServer(t, okJSON)
	c := newTestClient(t, testSpec(), srv.url())
	op := &operation{name: "Post", method: "POST", auth: -1,
		headers: []header{{"content-type", "application/vnd.till+json"}},
		body:    bodySpec{kind: bodyJSON, contentType: "application/json"}}
	require.NoError(t, c.send(context.Background(), op, &callInput{json: 1}, nil, nil))
	assert.Equal(t, []string{"application/vnd.till+json"}, srv.last().header.Values("Content-Type"))
}

func TestBodies(t *testing.T) {
	vars := []varSpec{
		{name: "tricky", scope: ScopeCollection, value: "a b+c%2F#&=тест\"<>|{}"},
		{name: "num", scope: ScopeCollection, value: "12.50"},
	}
	tests := []struct {
		name     string
		op       operation
		in       callInput
		wantType string
		wantBody string
	}{
		{
			// Captured from newman 6.2.2: every byte but RFC 3986's
			// unreserved characters is percent-encoded, a space as %20.
			name:     "urlencoded as newman",
			op:       operation{method: "POST", body: bodySpec{kind: bodyURLEncoded, contentType: "application/x-www-form-urlencoded"}},
			in:       callInput{form: append(formOf(trickyValues), formValue{key: "a b+&=", value: "{{tricky}}", template: true})},
			wantType: "application/x-www-form-urlencoded",
			wantBody: "k0=a%20b&k1=a%2Bb&k2=a%252Fb&k3=100%25&k4=%25&k5=a%23b&k6=a%26b&k7=a%3Db&k8=%22q%27&k9=%3C%3E&k10=%7C&k11=%7B%7D&k12=%D1%82%D0%B5%D1%81%D1%82&k13=&k14=a%25zz&k15=~%21%24%27%28%29%2A%2C%3B%3A%40%2F%3F&k16=%5B%5D%5E%60%5C&a%20b%2B%26%3D=a%20b%2Bc%252F%23%26%3D%D1%82%D0%B5%D1%81%D1%82%22%3C%3E%7C%7B%7D",
		},
		{
			// Captured from newman 6.2.2: variables are pasted into text
			// bodies as written.
			name:     "xml template",
			op:       operation{method: "POST", body: bodySpec{kind: bodyText, contentType: "application/xml", template: "<a>{{tricky}}</a>"}},
			wantType: "application/xml",
			wantBody: "<a>a b+c%2F#&=тест\"<>|{}</a>",
		},
		{
			name:     "json template escapes inside strings",
			op:       operation{method: "POST", body: bodySpec{kind: bodyJSON, contentType: "application/json", template: `{"a": "{{tricky}}", "n": {{num}}}`}},
			wantType: "application/json",
			wantBody: `{"a": "a b+c%2F#&=тест\"<>|{}", "n": 12.50}`,
		},
		{
			name:     "json value without HTML escaping or newline",
			op:       operation{method: "PUT", body: bodySpec{kind: bodyJSON, contentType: "application/json"}},
			in:       callInput{json: struct{ A string }{"<&>"}},
			wantType: "application/json",
			wantBody: `{"A":"<&>"}`,
		},
		{
			name:     "text from the caller",
			op:       operation{method: "POST", body: bodySpec{kind: bodyText, contentType: "text/plain", template: "{{unused}}"}},
			in:       callInput{text: "as is {{x}}"},
			wantType: "text/plain",
			wantBody: "as is {{x}}",
		},
		{
			name:     "graphql",
			op:       operation{method: "POST", body: bodySpec{kind: bodyGraphQL, contentType: "application/json"}},
			in:       callInput{graphQL: &graphQLBody{query: "query { a }", variables: map[string]int{"x": 1}}},
			wantType: "application/json",
			wantBody: `{"query":"query { a }","variables":{"x":1}}`,
		},
		{
			name:     "file",
			op:       operation{method: "POST", body: bodySpec{kind: bodyFile}},
			in:       callInput{file: strings.NewReader("\x00binary\xff")},
			wantBody: "\x00binary\xff",
		},
		{
			// Captured from newman 6.2.2: a GET request drops its body.
			name: "get drops its body",
			op:   operation{method: "GET", body: bodySpec{kind: bodyText, contentType: "text/plain", template: "hello"}},
		},
		{
			name:     "get keeps its body when pruning is disabled",
			op:       operation{method: "GET", keepBody: true, body: bodySpec{kind: bodyText, contentType: "text/plain", template: "hello"}},
			wantType: "text/plain",
			wantBody: "hello",
		},
	}
	srv := newRawServer(t, okJSON)
	c := newTestClient(t, testSpec(vars...), srv.url())
	for i := range tests {
		tt := &tests[i]
		t.Run(tt.name, func(t *testing.T) {
			tt.op.name, tt.op.auth = "Call", -1
			require.NoError(t, c.send(context.Background(), &tt.op, &tt.in, nil, nil))
			got := srv.last()
			assert.Equal(t, tt.wantType, got.header.Get("Content-Type"))
			assert.Equal(t, tt.wantBody, got.body)
		})
	}
}

func formOf(values []string) []formValue {
	form := make([]formValue, len(values))
	for i, v := range values {
		form[i] = formValue{key: "k" + strconv.Itoa(i), value: v}
	}
	return form
}

func TestMultipartBody(t *testing.T) {
	srv := newRawServer(t, okJSON)
	c := newTestClient(t, testSpec(varSpec{name: "v", scope: ScopeCollection, value: "from var"}), srv.url())
	op := &operation{name: "Upload", method: "POST", auth: -1, body: bodySpec{kind: bodyMultipart, contentType: "multipart/form-data"},
		headers: []header{{"Content-Type", "multipart/form-data"}}}
	in := &callInput{form: []formValue{
		{key: "f1", value: "a b"},
		{key: "f2", value: "{{v}}", template: true},
		{key: "meta", value: `{"x":1}`, contentType: "application/json"},
		{key: "file", file: strings.NewReader("file bytes"), fileName: "z.txt", contentType: "text/plain"},
	}}
	require.NoError(t, c.send(context.Background(), op, in, nil, nil))
	got := srv.last()
	mediaType, params, err := mime.ParseMediaType(got.header.Get("Content-Type"))
	require.NoError(t, err)
	assert.Equal(t, "multipart/form-data", mediaType)
	require.NotEmpty(t, params["boundary"])
	r := multipart.NewReader(strings.NewReader(got.body), params["boundary"])
	type part struct{ name, file, contentType, body string }
	var parts []part
	for {
		p, err := r.NextPart()
		if errors.Is(err, io.EOF) {
			break
		}
		require.NoError(t, err)
		b, err := io.ReadAll(p)
		require.NoError(t, err)
		parts = append(parts, part{p.FormName(), p.FileName(), p.Header.Get("Content-Type"), string(b)})
	}
	assert.Equal(t, []part{
		{"f1", "", "", "a b"},
		{"f2", "", "", "from var"},
		{"meta", "", "application/json", `{"x":1}`},
		{"file", "z.txt", "text/plain", "file bytes"},
	}, parts)
}

func TestAuthSchemes(t *testing.T) {
	tests := []struct {
		name       string
		scheme     authScheme
		query      []queryParam
		headers    []header
		wantLine   string
		wantHeader http.Header
	}{
		{
			// Captured from newman 6.2.2: the key replaces the request's
			// parameter of the same name and is encoded as URL text.
			name:     "api key in query",
			scheme:   authScheme{kind: "apikey", params: map[string]string{"key": "api_key", "value": "s e+cret", "in": "query"}},
			query:    []queryParam{{key: "api_key", value: "old"}, {key: "a", value: "1"}},
			wantLine: "GET /k?a=1&api_key=s%20e+cret HTTP/1.1",
		},
		{
			name:       "api key in header",
			scheme:     authScheme{kind: "apikey", params: map[string]string{"key": "X-Key", "value": "new"}},
			headers:    []header{{"X-Key", "old"}},
			wantLine:   "GET /k HTTP/1.1",
			wantHeader: http.Header{"X-Key": {"new"}},
		},
		{
			name:       "bearer",
			scheme:     authScheme{kind: "bearer", params: map[string]string{"token": "{{token}}"}},
			wantLine:   "GET /k HTTP/1.1",
			wantHeader: http.Header{"Authorization": {"Bearer t0k"}},
		},
		{
			// Captured from newman 6.2.2.
			name:     "oauth2 in query",
			scheme:   authScheme{kind: "oauth2", params: map[string]string{"accessToken": "tok en", "addTokenTo": "queryParams"}},
			wantLine: "GET /k?access_token=tok%20en HTTP/1.1",
		},
		{
			// Captured from newman 6.2.2: an empty prefix sends the bare token.
			name:       "oauth2 with empty prefix",
			scheme:     authScheme{kind: "oauth2", params: map[string]string{"accessToken": "tok", "headerPrefix": ""}},
			wantLine:   "GET /k HTTP/1.1",
			wantHeader: http.Header{"Authorization": {"tok"}},
		},
		{
			name:       "oauth2 default prefix",
			scheme:     authScheme{kind: "oauth2", params: map[string]string{"accessToken": "tok"}},
			wantLine:   "GET /k HTTP/1.1",
			wantHeader: http.Header{"Authorization": {"Bearer tok"}},
		},
		{
			name:       "signer",
			scheme:     authScheme{kind: "awsv4"},
			wantLine:   "GET /k HTTP/1.1",
			wantHeader: http.Header{"X-Signed": {"awsv4 GET /k"}},
		},
	}
	srv := newRawServer(t, okJSON)
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			spec := testSpec(varSpec{name: "token", scope: ScopeEnvironment, secret: true, option: "WithToken"})
			spec.schemes = []authScheme{tt.scheme}
			c := newTestClient(t, spec, srv.url(), variableOption("token", "t0k"), WithSigner(testSigner{}))
			op := &operation{name: "Get", method: "GET", path: []string{"k"}, query: tt.query, headers: tt.headers, auth: 0}
			require.NoError(t, c.send(context.Background(), op, nil, nil, nil))
			got := srv.last()
			assert.Equal(t, tt.wantLine, got.line)
			for name, values := range tt.wantHeader {
				assert.Equal(t, values, got.header.Values(name), name)
			}
		})
	}
}

type testSigner struct{}

func (testSigner) Sign(req *http.Request, authType string) error {
	req.Header.Set("X-Signed", authType+" "+req.Method+" "+req.URL.RequestURI())
	return nil
}

func TestAuthErrors(t *testing.T) {
	spec := testSpec(varSpec{name: "password", scope: ScopeEnvironment, secret: true, option: "WithPassword"})
	spec.schemes = []authScheme{
		{kind: "basic", params: map[string]string{"username": "u", "password": "{{password}}"}},
		{kind: "hawk"},
	}
	c := newTestClient(t, spec, "http://127.0.0.1:1")
	err := c.send(context.Background(), &operation{name: "Login", method: "GET", auth: 0}, nil, nil, nil)
	var unset *UnsetVariableError
	require.ErrorAs(t, err, &unset)
	assert.Equal(t, "WithPassword", unset.Option)
	assert.EqualError(t, err, `Login: basic auth password: variable "password" is not set: pass WithPassword to New or set it with Session.Set`)

	err = c.send(context.Background(), &operation{name: "Sign", method: "GET", auth: 1}, nil, nil, nil)
	assert.EqualError(t, err, "Sign: the request uses hawk auth, which needs a Signer: pass WithSigner to New")
}

func TestDynamicVariablePinnedBySession(t *testing.T) {
	// Captured from newman 6.2.2: an environment variable named $guid
	// replaces the dynamic variable.
	srv := newRawServer(t, okJSON)
	c := newTestClient(t, testSpec(), srv.url())
	c.Session().Set(ScopeEnvironment, "$guid", "pinned-guid")
	op := &operation{name: "Get", method: "GET", auth: -1, path: []string{"d"},
		query: []queryParam{{key: "g", value: "{{$guid}}"}, {key: "g2", value: "{{$guid}}"}, {key: "u", value: "{{$randomUUID}}"}}}
	require.NoError(t, c.send(context.Background(), op, nil, nil, nil))
	line := srv.last().line
	assert.Regexp(t, `^GET /d\?g=pinned-guid&g2=pinned-guid&u=[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12} HTTP/1.1$`, line)
}

func TestUnescapeHTML(t *testing.T) {
	for in, want := range map[string]string{
		`{"a":"\u003cb\u003e \u0026"}`: `{"a":"<b> &"}`,
		`{"a":"\\u003c"}`:              `{"a":"\\u003c"}`,
		`{"a":"\\\u003c"}`:             `{"a":"\\<"}`,
		`{"a":"\u00e9\u2028"}`:         `{"a":"\u00e9\u2028"}`,
		`[1,2]`:                        `[1,2]`,
	} {
		assert.Equal(t, want, string(unescapeHTML([]byte(in))), in)
	}
	b, err := marshalJSON(map[string]string{"k": `<&> \u003c "q"`})
	require.NoError(t, err)
	assert.Equal(t, `{"k":"<&> \\u003c \"q\""}`, string(b))
}
