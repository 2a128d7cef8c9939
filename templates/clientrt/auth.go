package clientrt

import (
	"crypto/md5"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"hash"
	"net/http"
	"strings"
)

// Signer signs a request for an auth scheme the client does not implement
// itself: OAuth 1.0, AWS Signature, Hawk, NTLM, JWT, EdgeGrid, ASAP and the
// like. Sign is called before each attempt, after every header and the
// body are set, with Postman's name of the auth type ("awsv4"). When
// req.GetBody is not nil, it returns a copy of the body to hash.
type Signer interface {
	Sign(req *http.Request, authType string) error
}

// WithSigner signs the requests whose auth type the client does not
// implement itself.
func WithSigner(s Signer) Option {
	return func(c *clientConfig) error {
		c.signer = s
		return nil
	}
}

// Auth types the client implements; any other is passed to the Signer.
const (
	authBasic  = "basic"
	authBearer = "bearer"
	authAPIKey = "apikey"
	authDigest = "digest"
	authOAuth2 = "oauth2"
)

// expandedAuth is an auth scheme with its templates expanded for one call.
type expandedAuth struct {
	kind   string // "" when the request sends no auth
	scheme int
	// headerName and header are the header the scheme sets, replacing any
	// header of that name the request has.
	headerName, header string
	// removeHeader is a header the scheme removes without setting it.
	removeHeader string
	// queryKey and queryValue are the query parameter the scheme adds.
	queryKey, queryValue string
	// removeQuery is the key of the request's query parameters the scheme
	// removes; it is queryKey, or "access_token" for OAuth 2.0.
	removeQuery        string
	username, password string // digest
}

// parseAuthParams returns the parsed templates of the parameters of each
// scheme, in the order of schemes.
func parseAuthParams(schemes []authScheme) []map[string]template {
	out := make([]map[string]template, len(schemes))
	for i, s := range schemes {
		out[i] = make(map[string]template, len(s.params))
		for key, value := range s.params {
			out[i][key] = parseTemplate(value, false)
		}
	}
	return out
}

// expandAuth expands the templates of op's auth scheme.
func (c *Client) expandAuth(r *resolver, op *operation) (expandedAuth, error) {
	a := expandedAuth{scheme: op.auth}
	if op.auth < 0 {
		return a, nil
	}
	if op.auth >= len(c.spec.schemes) {
		return a, fmt.Errorf("auth scheme %d is not in the collection's %d schemes", op.auth, len(c.spec.schemes))
	}
	s := &c.spec.schemes[op.auth]
	a.kind = s.kind
	param := func(key string) (string, error) {
		t := c.authParams[op.auth][key]
		v, err := r.expand(&t)
		if err != nil {
			return "", fmt.Errorf("%s auth %s: %w", s.kind, key, err)
		}
		return v, nil
	}
	var err error
	switch s.kind {
	case authBasic:
		var user, password string
		if user, err = param("username"); err != nil {
			return a, err
		}
		if password, err = param("password"); err != nil {
			return a, err
		}
		a.headerName = "Authorization"
		a.header = "Basic " + base64.StdEncoding.EncodeToString([]byte(user+":"+password))
	case authBearer:
		var token string
		if token, err = param("token"); err != nil {
			return a, err
		}
		// As in Postman, an empty token sends no Authorization header
		// and leaves the request's own.
		if token != "" {
			a.headerName, a.header = "Authorization", "Bearer "+token
		}
	case authAPIKey:
		var key, value string
		if key, err = param("key"); err != nil {
			return a, err
		}
		if value, err = param("value"); err != nil {
			return a, err
		}
		if key == "" && value == "" {
			break // Postman adds nothing either
		}
		switch in := s.params["in"]; in {
		case "", "header":
			a.headerName, a.header = key, value
		case "query":
			a.queryKey, a.queryValue, a.removeQuery = key, value, key
		default:
			return a, fmt.Errorf("apikey auth: in %q, want \"header\" or \"query\"", in)
		}
	case authOAuth2:
		if err := c.expandOAuth2(&a, s, param); err != nil {
			return a, err
		}
	case authDigest:
		if a.username, err = param("username"); err != nil {
			return a, err
		}
		if a.password, err = param("password"); err != nil {
			return a, err
		}
	default:
		if c.signer == nil {
			return a, fmt.Errorf("the request uses %s auth, which needs a Signer: pass WithSigner to New", s.kind)
		}
	}
	return a, nil
}

// expandOAuth2 fills a for an OAuth 2.0 access token the way Postman's
// runtime (postman-runtime 7.x, as newman 6.2.2 bundles it) adds one. An
// empty token adds nothing. Otherwise the request's Authorization header
// and access_token query parameters are removed, and the token goes to
// the header after the trimmed prefix ("Bearer" by default) or to the
// query.
func (c *Client) expandOAuth2(a *expandedAuth, s *authScheme, param func(string) (string, error)) error {
	token, err := param("accessToken")
	if err != nil || token == "" {
		return err
	}
	a.removeHeader, a.removeQuery = "Authorization", "access_token"
	switch to := s.params["addTokenTo"]; to {
	case "", "header":
		prefix := "Bearer"
		if _, ok := s.params["headerPrefix"]; ok {
			if prefix, err = param("headerPrefix"); err != nil {
				return err
			}
		}
		a.headerName, a.header = "Authorization", token
		if prefix = strings.TrimSpace(prefix); prefix != "" {
			a.header = prefix + " " + token
		}
	case "queryParams":
		a.queryKey, a.queryValue = "access_token", token
	default:
		return fmt.Errorf("oauth2 auth: addTokenTo %q, want \"header\" or \"queryParams\"", to)
	}
	return nil
}

// setHeaders sets the header of a, replacing the request's own.
func (a *expandedAuth) setHeaders(h http.Header) {
	if a.removeHeader != "" {
		h.Del(a.removeHeader)
	}
	if a.headerName != "" {
		h.Del(a.headerName)
		h.Set(a.headerName, a.header)
	}
}

// authorize sets what the auth scheme adds to each attempt: the Digest
// response to the challenge of this call, or the Signer's signature.
// Like Postman, each call starts without Digest authorization and
// responds to the challenge its first attempt receives. ch is that
// challenge, nil before it arrives.
func (c *Client) authorize(req *http.Request, a *expandedAuth, ch *digestChallenge) error {
	switch a.kind {
	case "", authBasic, authBearer, authAPIKey, authOAuth2:
		return nil
	case authDigest:
		if ch == nil {
			return nil // the first attempt fetches the challenge
		}
		ch.count++
		value, err := ch.authorization(req.Method, req.URL.RequestURI(), a.username, a.password, ch.count, newCnonce())
		if err != nil {
			return err
		}
		req.Header.Set("Authorization", value)
		return nil
	}
	if err := c.signer.Sign(req, a.kind); err != nil {
		return fmt.Errorf("signing the request for %s auth: %w", a.kind, err)
	}
	return nil
}

// digestChallenge is the Digest challenge a server sent to a call.
type digestChallenge struct {
	realm, nonce, opaque, algorithm, qop string
	// count is the nonce count of the last request that used nonce.
	count uint32
}

// parseDigestChallenge reads a Digest challenge from WWW-Authenticate
// header values; it returns nil when none of them is one.
func parseDigestChallenge(values []string) *digestChallenge {
	for _, v := range values {
		scheme, rest, _ := strings.Cut(strings.TrimSpace(v), " ")
		if !strings.EqualFold(scheme, "Digest") {
			continue
		}
		ch := &digestChallenge{}
		for _, kv := range splitAuthParams(rest) {
			key, value, _ := strings.Cut(kv, "=")
			value = strings.Trim(strings.TrimSpace(value), `"`)
			switch strings.ToLower(strings.TrimSpace(key)) {
			case "realm":
				ch.realm = value
			case "nonce":
				ch.nonce = value
			case "opaque":
				ch.opaque = value
			case "algorithm":
				ch.algorithm = value
			case "qop":
				ch.qop = value
			}
		}
		if ch.nonce != "" {
			return ch
		}
	}
	return nil
}

// splitAuthParams splits "a=1, b="x, y"" at the commas outside quotes.
func splitAuthParams(s string) []string {
	var parts []string
	quoted, start := false, 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '"':
			quoted = !quoted
		case ',':
			if !quoted {
				parts = append(parts, s[start:i])
				start = i + 1
			}
		}
	}
	return append(parts, s[start:])
}

// authorization returns the Authorization header value that responds to
// the challenge (RFC 7616) for one request.
func (ch *digestChallenge) authorization(method, uri, user, password string, count uint32, cnonce string) (string, error) {
	algorithm := ch.algorithm
	if algorithm == "" {
		algorithm = "MD5"
	}
	var newHash func() hash.Hash
	base, session := strings.CutSuffix(strings.ToUpper(algorithm), "-SESS")
	switch base {
	case "MD5":
		newHash = md5.New
	case "SHA-256":
		newHash = sha256.New
	default:
		return "", fmt.Errorf("digest auth: algorithm %q, want MD5, MD5-sess, SHA-256 or SHA-256-sess", algorithm)
	}
	h := func(s string) string {
		d := newHash()
		d.Write([]byte(s))
		return hex.EncodeToString(d.Sum(nil))
	}
	qop := ""
	if ch.qop != "" {
		for _, q := range strings.Split(ch.qop, ",") {
			if strings.TrimSpace(q) == "auth" {
				qop = "auth"
			}
		}
		if qop == "" {
			return "", fmt.Errorf("digest auth: qop %q, want one including \"auth\"", ch.qop)
		}
	}
	ha1 := h(user + ":" + ch.realm + ":" + password)
	if session {
		ha1 = h(ha1 + ":" + ch.nonce + ":" + cnonce)
	}
	ha2 := h(method + ":" + uri)
	nc := fmt.Sprintf("%08x", count)
	var response string
	if qop != "" {
		response = h(ha1 + ":" + ch.nonce + ":" + nc + ":" + cnonce + ":" + qop + ":" + ha2)
	} else {
		response = h(ha1 + ":" + ch.nonce + ":" + ha2)
	}
	var b strings.Builder
	fmt.Fprintf(&b, `Digest username=%s, realm=%s, nonce=%s, uri=%s, algorithm=%s, response="%s"`,
		quoteParam(user), quoteParam(ch.realm), quoteParam(ch.nonce), quoteParam(uri), algorithm, response)
	if qop != "" {
		fmt.Fprintf(&b, `, qop=%s, nc=%s, cnonce="%s"`, qop, nc, cnonce)
	}
	if ch.opaque != "" {
		fmt.Fprintf(&b, `, opaque=%s`, quoteParam(ch.opaque))
	}
	return b.String(), nil
}

// quoteParam returns s as a quoted string of an auth parameter.
func quoteParam(s string) string {
	return `"` + strings.NewReplacer(`\`, `\\`, `"`, `\"`).Replace(s) + `"`
}

// newCnonce returns a random client nonce.
func newCnonce() string {
	return randomString(16, "0123456789abcdef")
}
