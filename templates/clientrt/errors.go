package clientrt

import (
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"unicode/utf8"
)

// APIError is a response whose status is not 2xx.
type APIError struct {
	// Operation is the Go method name of the call.
	Operation string
	Method    string
	// URL is the request URL with credentials in it redacted.
	URL         string
	StatusCode  int
	Status      string // "404 Not Found"
	ContentType string
	Body        []byte
	// ErrorBody is the body decoded into the operation's error type, a
	// pointer; nil when the operation has none or the body does not decode.
	ErrorBody any
}

// maxErrorExcerpt bounds the part of the body APIError.Error shows.
const maxErrorExcerpt = 200

// Error returns the status and the start of the body. It never contains
// the request's headers or credentials in its URL.
func (e *APIError) Error() string {
	msg := fmt.Sprintf("%s %s: %s", e.Method, e.URL, e.Status)
	excerpt := strings.TrimSpace(string(e.Body))
	if excerpt == "" {
		return msg
	}
	if len(excerpt) > maxErrorExcerpt {
		cut := maxErrorExcerpt
		for cut > 0 && !utf8.RuneStart(excerpt[cut]) {
			cut--
		}
		excerpt = excerpt[:cut] + "…"
	}
	return msg + ": " + excerpt
}

func newAPIError(op *operation, req *http.Request, resp *http.Response, body []byte) *APIError {
	e := &APIError{
		Operation:   op.name,
		Method:      req.Method,
		URL:         redactURL(req.URL),
		StatusCode:  resp.StatusCode,
		Status:      resp.Status,
		ContentType: resp.Header.Get("Content-Type"),
		Body:        body,
	}
	if e.Status == "" {
		e.Status = fmt.Sprintf("%d %s", resp.StatusCode, http.StatusText(resp.StatusCode))
	}
	if op.newErrorBody != nil && len(body) > 0 {
		v := op.newErrorBody()
		if json.Unmarshal(body, v) == nil {
			e.ErrorBody = v
		}
	}
	return e
}

// ErrorBodyAs returns the decoded error body of the *APIError in err's
// chain when it is a *T.
func ErrorBodyAs[T any](err error) (*T, bool) {
	var apiErr *APIError
	if !errors.As(err, &apiErr) {
		return nil, false
	}
	v, ok := apiErr.ErrorBody.(*T)
	return v, ok
}

// redactURL returns u as text with the password of its user information
// and the values of query parameters that look like credentials replaced
// by "REDACTED". Scheme, host, port and path are kept.
func redactURL(u *url.URL) string {
	if u == nil {
		return ""
	}
	r := *u
	if _, ok := r.User.Password(); ok {
		r.User = url.UserPassword(r.User.Username(), "REDACTED")
	}
	r.RawQuery = redactQuery(r.RawQuery)
	if r.Opaque == "" {
		return r.String()
	}
	// The request URLs that setURL builds carry their path in Opaque, and
	// URL.String writes Opaque in place of the user information, host and
	// path, so the text is put together here.
	path := r.Opaque
	if strings.HasPrefix(path, "//") {
		// setURL writes a path starting with "//" in the absolute form
		// "//host/path".
		rest, ok := strings.CutPrefix(path[2:], r.Host)
		if !ok {
			return r.Scheme + ":" + path + querySuffix(&r)
		}
		path = rest
	}
	var b strings.Builder
	b.WriteString(r.Scheme)
	b.WriteString("://")
	if r.User != nil {
		b.WriteString(r.User.String())
		b.WriteByte('@')
	}
	b.WriteString(r.Host)
	b.WriteString(path)
	b.WriteString(querySuffix(&r))
	return b.String()
}

// querySuffix returns the query of u with its "?", or "" when u has none.
func querySuffix(u *url.URL) string {
	if u.RawQuery == "" && !u.ForceQuery {
		return ""
	}
	return "?" + u.RawQuery
}

// redactQuery returns the encoded query rawQuery with the value of each
// parameter that isSecretName matches replaced by "REDACTED".
func redactQuery(rawQuery string) string {
	if rawQuery == "" {
		return ""
	}
	parts := strings.Split(rawQuery, "&")
	for i, part := range parts {
		key, _, hasValue := strings.Cut(part, "=")
		if hasValue && isSecretName(key) {
			parts[i] = key + "=REDACTED"
		}
	}
	return strings.Join(parts, "&")
}

// isSecretName reports whether a query parameter named name likely
// carries a credential.
func isSecretName(name string) bool {
	if unescaped, err := url.QueryUnescape(name); err == nil {
		name = unescaped
	}
	name = strings.ToLower(name)
	for _, word := range []string{"token", "key", "secret", "password", "passwd", "pwd", "signature", "sig", "auth", "credential", "session", "code"} {
		if strings.Contains(name, word) {
			return true
		}
	}
	return false
}

// redactURLError replaces the URL in a *url.Error, which net/http
// returns for transport failures, with its redacted form. reqURL is the
// URL of the request the client sent. net/http writes it with
// URL.String, which drops the host of a URL whose path is in Opaque, so
// when the error names that request the text is rebuilt from reqURL
// instead of parsed back. The URL of a redirect, which net/http builds
// itself, is parsed.
func redactURLError(err error, reqURL *url.URL) error {
	var ue *url.Error
	if !errors.As(err, &ue) {
		return err
	}
	if reqURL != nil && ue.URL == reqURL.String() {
		return &url.Error{Op: ue.Op, URL: redactURL(reqURL), Err: ue.Err}
	}
	parsed, perr := url.Parse(ue.URL)
	if perr != nil {
		return &url.Error{Op: ue.Op, URL: "(unparsable URL)", Err: ue.Err}
	}
	return &url.Error{Op: ue.Op, URL: redactURL(parsed), Err: ue.Err}
}
