package clientrt

import (
	"context"
	"crypto/md5"
	"crypto/sha256"
	"encoding/hex"
	"hash"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// digestServer checks RFC 7616 Digest responses independently of the
// client's code.
type digestServer struct {
	algorithm, user, password, realm, nonce string
	mu                                      sync.Mutex
	challenges, accepted                    int
	lastNC                                  string
}

func (s *digestServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	defer s.mu.Unlock()
	params, ok := parseDigestHeader(r.Header.Get("Authorization"))
	if !ok || !s.valid(r, params) {
		s.challenges++
		w.Header().Set("WWW-Authenticate", `Digest realm="`+s.realm+`", qop="auth,auth-int", algorithm=`+s.algorithm+`, nonce="`+s.nonce+`", opaque="op"`)
		w.WriteHeader(http.StatusUnauthorized)
		return
	}
	s.accepted++
	s.lastNC = params["nc"]
	w.Write([]byte("ok"))
}

func (s *digestServer) valid(r *http.Request, p map[string]string) bool {
	var newHash func() hash.Hash = md5.New
	if strings.HasPrefix(s.algorithm, "SHA-256") {
		newHash = sha256.New
	}
	h := func(text string) string {
		d := newHash()
		d.Write([]byte(text))
		return hex.EncodeToString(d.Sum(nil))
	}
	ha1 := h(s.user + ":" + s.realm + ":" + s.password)
	if strings.HasSuffix(s.algorithm, "-sess") {
		ha1 = h(ha1 + ":" + s.nonce + ":" + p["cnonce"])
	}
	ha2 := h(r.Method + ":" + r.RequestURI)
	want := h(ha1 + ":" + s.nonce + ":" + p["nc"] + ":" + p["cnonce"] + ":auth:" + ha2)
	return p["username"] == s.user && p["realm"] == s.realm && p["uri"] == r.RequestURI &&
		p["qop"] == "auth" && p["opaque"] == "op" && p["algorithm"] == s.algorithm && p["response"] == want
}

func parseDigestHeader(v string) (map[string]string, bool) {
	rest, ok := strings.CutPrefix(v, "Digest ")
	if !ok {
		return nil, false
	}
	params := map[string]string{}
	for _, kv := range splitAuthParams(rest) {
		key, value, _ := strings.Cut(strings.TrimSpace(kv), "=")
		params[key] = strings.Trim(value, `"`)
	}
	return params, true
}

func TestDigestAuth(t *testing.T) {
	for _, algorithm := range []string{"MD5", "SHA-256", "MD5-sess"} {
		t.Run(algorithm, func(t *testing.T) {
			ds := &digestServer{algorithm: algorithm, user: "cashier", password: "p@ss", realm: "till", nonce: "n0nce"}
			srv := httptest.NewServer(ds)
			defer srv.Close()
			spec := testSpec()
			spec.schemes = []authScheme{{kind: "digest", params: map[string]string{"username": "cashier", "password": "p@ss"}}}
			c := newTestClient(t, spec, srv.URL)
			op := &operation{name: "Report", method: "POST", path: []string{"x report"}, query: []queryParam{{key: "a", value: "1 2"}},
				auth: 0, body: bodySpec{kind: bodyText, contentType: "text/plain"}}
			var out string
			require.NoError(t, c.send(context.Background(), op, &callInput{text: "body"}, &out, nil))
			assert.Equal(t, "ok", out)
			assert.Equal(t, 1, ds.challenges)
			assert.Equal(t, "00000001", ds.lastNC)
			// Like Postman, the next call starts without authorization and
			// answers a new challenge.
			require.NoError(t, c.send(context.Background(), op, &callInput{text: "body"}, &out, nil))
			assert.Equal(t, 2, ds.challenges)
			assert.Equal(t, 2, ds.accepted)
			assert.Equal(t, "00000001", ds.lastNC)
		})
	}
}

func TestDigestWrongPasswordReturnsUnauthorized(t *testing.T) {
	ds := &digestServer{algorithm: "MD5", user: "cashier", password: "right", realm: "till", nonce: "n"}
	srv := httptest.NewServer(ds)
	defer srv.Close()
	spec := testSpec()
	spec.schemes = []authScheme{{kind: "digest", params: map[string]string{"username": "cashier", "password": "wrong"}}}
	c := newTestClient(t, spec, srv.URL)
	err := c.send(context.Background(), &operation{name: "Get", method: "GET", auth: 0}, nil, nil, nil)
	var apiErr *APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, 401, apiErr.StatusCode)
	assert.Equal(t, 2, ds.challenges, "one challenge round trip, then the answer is final")
}

func TestDigestChallengeParsing(t *testing.T) {
	ch := parseDigestChallenge([]string{`Basic realm="x"`, `Digest realm="a, b", nonce="n", qop="auth", algorithm=SHA-256`})
	require.NotNil(t, ch)
	assert.Equal(t, digestChallenge{realm: "a, b", nonce: "n", qop: "auth", algorithm: "SHA-256"}, *ch)
	assert.Nil(t, parseDigestChallenge([]string{`Bearer realm="x"`}))
	_, err := (&digestChallenge{nonce: "n", algorithm: "SHA-512"}).authorization("GET", "/", "u", "p", 1, "c")
	assert.EqualError(t, err, `digest auth: algorithm "SHA-512", want MD5, MD5-sess, SHA-256 or SHA-256-sess`)
	_, err = (&digestChallenge{nonce: "n", qop: "auth-int"}).authorization("GET", "/", "u", "p", 1, "c")
	assert.EqualError(t, err, `digest auth: qop "auth-int", want one including "auth"`)
}
