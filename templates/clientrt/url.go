package clientrt

import (
	"bytes"
	"errors"
	"net/url"
	"strings"
)

// The request URL is built the way Postman's runtime builds it, as checked
// against newman 6.2.2. The host, path and query templates are pasted into
// one URL text with every variable's value as written. That text is split
// into its parts again, and each part is percent-encoded with the
// WHATWG-style sets of postman-url-encoder. So "q=a+b%2F" goes out as
// written, a space becomes %20, non-ASCII text becomes its UTF-8
// percent-encoding, and a "#" in a variable's value ends the URL there.
//
// The values the caller passes (path variables and the variables nothing
// in the collection defines) are data, not URL text: they are
// percent-encoded before they are pasted, so they reach the server exactly
// as given.

// encoding is the way text is written into a request part.
type encoding uint8

const (
	// asIs writes the text unchanged.
	asIs encoding = iota
	// jsonString escapes the text for the inside of a JSON string.
	jsonString
	// queryKeyText is collection text of a query key: Postman encodes "&",
	// "#" and "=" before pasting it.
	queryKeyText
	// queryValueText is collection text of a query value: Postman encodes
	// "&" and "#" before pasting it.
	queryValueText
	// pathData percent-encodes everything but the characters RFC 3986
	// allows unencoded in a path segment.
	pathData
	// componentData percent-encodes everything but RFC 3986's unreserved
	// characters; it is used for query data and urlencoded bodies.
	componentData
)

// textMode is the encoding of each part of a template: its own literal
// text, the values of variables with any text nested in them, and the
// values of the call's params.
type textMode struct {
	literal encoding
	value   encoding
	param   encoding
}

var (
	plainMode      = textMode{}
	jsonStringMode = textMode{jsonString, jsonString, jsonString}
	pathMode       = textMode{asIs, asIs, pathData}
	queryKeyMode   = textMode{queryKeyText, asIs, componentData}
	queryValueMode = textMode{queryValueText, asIs, componentData}
)

const upperHex = "0123456789ABCDEF"

// appendEncoded appends s to dst in encoding e.
func appendEncoded(dst []byte, s string, e encoding) []byte {
	switch e {
	case asIs:
		return append(dst, s...)
	case jsonString:
		return appendText(dst, s, true)
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if mustEncode(c, e) {
			dst = append(dst, '%', upperHex[c>>4], upperHex[c&15])
		} else {
			dst = append(dst, c)
		}
	}
	return dst
}

// mustEncode reports whether c is percent-encoded in encoding e.
func mustEncode(c byte, e encoding) bool {
	switch e {
	case queryKeyText:
		return c == '&' || c == '#' || c == '='
	case queryValueText:
		return c == '&' || c == '#'
	case pathData:
		return !isUnreserved(c) && !isSubDelimiter(c) && c != ':' && c != '@'
	case componentData:
		return !isUnreserved(c)
	}
	return false
}

func isUnreserved(c byte) bool {
	return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' ||
		c == '-' || c == '.' || c == '_' || c == '~'
}

func isSubDelimiter(c byte) bool {
	switch c {
	case '!', '$', '&', '\'', '(', ')', '*', '+', ',', ';', '=':
		return true
	}
	return false
}

// inPathSet reports whether postman-url-encoder's path set encodes c.
func inPathSet(c byte) bool {
	if c < 0x20 || c >= 0x7f {
		return true
	}
	switch c {
	case ' ', '"', '<', '>', '`', '#', '?', '{', '}':
		return true
	}
	return false
}

// inQuerySet reports whether postman-url-encoder's query set encodes c.
func inQuerySet(c byte) bool {
	if c < 0x20 || c >= 0x7f {
		return true
	}
	switch c {
	case ' ', '"', '#', '\'', '<', '>':
		return true
	}
	return false
}

var errNoHost = errors.New("request URL has no host")

// requestTarget is the URL text after Postman's parse and encoding.
type requestTarget struct {
	scheme   string
	user     *url.Userinfo
	host     string // lower case, with the port
	path     string // encoded, starting with "/"
	query    string // encoded
	hasQuery bool
}

// parseURLText splits URL text the way postman-url-encoder's parser does
// and encodes each part. The fragment is dropped.
func parseURLText(raw []byte) (requestTarget, error) {
	var t requestTarget
	// Leading white space is trimmed, and the fragment starts at the
	// first "#" wherever it is.
	for len(raw) > 0 && (raw[0] == ' ' || raw[0] == '\t' || raw[0] == '\n' || raw[0] == '\r') {
		raw = raw[1:]
	}
	if i := bytes.IndexByte(raw, '#'); i >= 0 {
		raw = raw[:i]
	}
	var query []byte
	if i := bytes.IndexByte(raw, '?'); i >= 0 {
		query, t.hasQuery = raw[i+1:], true
		raw = raw[:i]
	}
	// Postman reads a backslash before the query as a slash.
	rest := replaceBackslashes(raw)
	if i := bytes.Index(rest, []byte("://")); i >= 0 {
		t.scheme = lowerASCII(rest[:i])
		rest = rest[i+3:]
		for len(rest) > 0 && rest[0] == '/' {
			rest = rest[1:]
		}
	} else {
		t.scheme = "http"
	}
	hostPart, path := rest, []byte(nil)
	if i := bytes.IndexByte(rest, '/'); i >= 0 {
		hostPart, path = rest[:i], rest[i:]
	}
	if i := bytes.LastIndexByte(hostPart, '@'); i >= 0 {
		userinfo := string(hostPart[:i])
		hostPart = hostPart[i+1:]
		if j := strings.IndexByte(userinfo, ':'); j >= 0 {
			t.user = url.UserPassword(userinfo[:j], userinfo[j+1:])
		} else {
			t.user = url.User(userinfo)
		}
	}
	if len(hostPart) == 0 {
		return t, errNoHost
	}
	if len(path) == 0 {
		path = []byte{'/'}
	}
	// The host, path and query share one string, built in place.
	var b strings.Builder
	b.Grow(len(hostPart) + len(path) + len(query) + 16)
	for _, c := range hostPart {
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		b.WriteByte(c)
	}
	hostLen := b.Len()
	writeEscaped(&b, path, inPathSet)
	pathLen := b.Len()
	writeEscaped(&b, query, inQuerySet)
	s := b.String()
	t.host, t.path, t.query = s[:hostLen], s[hostLen:pathLen], s[pathLen:]
	return t, nil
}

// writeEscaped writes text to b with every byte of the escape set
// percent-encoded in upper-case hex.
func writeEscaped(b *strings.Builder, text []byte, inSet func(byte) bool) {
	for _, c := range text {
		if inSet(c) {
			b.WriteByte('%')
			b.WriteByte(upperHex[c>>4])
			b.WriteByte(upperHex[c&15])
		} else {
			b.WriteByte(c)
		}
	}
}

// setURL sets u to t, so that the transport writes t's request target the transport writes
// byte for byte.
func (t *requestTarget) setURL(u *url.URL) {
	u.Scheme = t.scheme
	u.User = t.user
	u.Host = t.host
	// The transport writes Opaque unchanged, where it would re-encode
	// Path. An Opaque starting with "//" would be read as a host, so such
	// a path is written in absolute form.
	if len(t.path) > 1 && t.path[1] == '/' {
		u.Opaque = "//" + t.host + t.path
	} else {
		u.Opaque = t.path
	}
	u.RawQuery = t.query
	u.ForceQuery = t.hasQuery && t.query == ""
	// Path and RawPath are set as well so that redirects to a relative
	// location resolve against the request's path.
	if path, err := url.PathUnescape(t.path); err == nil {
		u.Path, u.RawPath = path, t.path
	}
}

// replaceBackslashes returns b with every backslash replaced by a slash,
// copying b only when it has one.
func replaceBackslashes(b []byte) []byte {
	if bytes.IndexByte(b, '\\') < 0 {
		return b
	}
	return bytes.ReplaceAll(b, []byte{'\\'}, []byte{'/'})
}

// lowerASCII returns b as a string with ASCII letters in lower case, as
// Postman writes host names and schemes.
func lowerASCII(b []byte) string {
	switch string(b) {
	case "http":
		return "http"
	case "https":
		return "https"
	}
	out := make([]byte, len(b))
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			c += 'a' - 'A'
		}
		out[i] = c
	}
	return string(out)
}
