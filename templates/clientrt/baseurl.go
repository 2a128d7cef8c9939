package clientrt

import (
	"bytes"
	"fmt"
	"strings"
)

// A base URL is the text a host template expands to, such as
// "https://till.example.com/api". buildTarget appends the request's path
// and query to it and splits the whole text again, so a "?" or "#" in a
// base URL would turn the request's path into query text or cut it off.

// baseURLExample is the shape of a valid base URL, quoted in errors.
const baseURLExample = `"https://example.com/api"`

// baseURLProblem returns why text is not a valid base URL, or "" when it
// is one. It reads text as parseURLText does. With strict set, text needs
// a scheme, and a slash after "://" is not skipped, so "http:///api" has
// no host where parseURLText reads the host "api".
func baseURLProblem(text []byte, strict bool) string {
	for len(text) > 0 && (text[0] == ' ' || text[0] == '\t' || text[0] == '\n' || text[0] == '\r') {
		text = text[1:]
	}
	for _, c := range text {
		switch c {
		case '?':
			return "it has a query string"
		case '#':
			return "it has a fragment"
		}
	}
	rest := text
	if i := schemeEnd(text); i >= 0 {
		scheme := text[:i]
		if !bytes.EqualFold(scheme, []byte("http")) && !bytes.EqualFold(scheme, []byte("https")) {
			return fmt.Sprintf("its scheme %q is not http or https", scheme)
		}
		rest = text[i+len("://"):]
		for !strict && len(rest) > 0 && isSlash(rest[0]) {
			rest = rest[1:]
		}
	} else if strict {
		return `it does not start with "https://" or "http://"`
	}
	host := rest
	for i, c := range rest {
		if isSlash(c) {
			host = rest[:i]
			break
		}
	}
	if i := bytes.LastIndexByte(host, '@'); i >= 0 {
		host = host[i+1:]
	}
	if len(host) == 0 {
		return "it has no host"
	}
	return ""
}

// schemeEnd returns the index of the first "://" in text, reading a
// backslash as a slash as parseURLText does, or -1.
func schemeEnd(text []byte) int {
	for i := 0; i+2 < len(text); i++ {
		if text[i] == ':' && isSlash(text[i+1]) && isSlash(text[i+2]) {
			return i
		}
	}
	return -1
}

func isSlash(c byte) bool {
	return c == '/' || c == '\\'
}

// baseURLForError returns text as an error message shows it: cut before
// its query or fragment, with "?…" or "#…" in place of what was cut, and
// with the password of its user information replaced by "REDACTED".
func baseURLForError(text []byte) string {
	s, cut := string(text), ""
	if i := strings.IndexAny(s, "?#"); i >= 0 {
		s, cut = s[:i], s[i:i+1]+"…"
	}
	start := 0
	if i := strings.Index(s, "://"); i >= 0 {
		start = i + len("://")
	}
	authority := s[start:]
	if i := strings.IndexAny(authority, `/\`); i >= 0 {
		authority = authority[:i]
	}
	if at := strings.LastIndexByte(authority, '@'); at >= 0 {
		if colon := strings.IndexByte(authority[:at], ':'); colon >= 0 {
			s = s[:start+colon+1] + "REDACTED" + s[start+at:]
		}
	}
	return s + cut
}

// checkBaseURLOption checks the value of a base URL option at New. A
// value with a "{{variable}}" in it is checked once a call has expanded
// it.
func checkBaseURLOption(option, baseURL string) error {
	if strings.Contains(baseURL, "{{") {
		return nil
	}
	problem := baseURLProblem([]byte(baseURL), true)
	if problem == "" {
		return nil
	}
	return fmt.Errorf("%s: invalid base URL %q: %s; pass scheme, host, port and an optional path, such as %s",
		option, baseURLForError([]byte(baseURL)), problem, baseURLExample)
}

// checkExpandedBaseURL checks the base URL a call expanded from the host
// template of host. Such a value may come from WithBaseURL, a variable
// option, an environment file or the session.
//
// NOTE: text without a scheme passes here, because Postman sends it with
// http and environments exported from Postman often hold "host:port".
// WithBaseURL rejects such text at New.
func checkExpandedBaseURL(text []byte, host *hostSpec) error {
	problem := baseURLProblem(text, false)
	if problem == "" {
		return nil
	}
	source := ""
	if strings.Contains(host.template, "{{") {
		source = " (the value of " + host.template + ")"
	}
	return fmt.Errorf("invalid base URL %q%s: %s; pass one such as %s with %s",
		baseURLForError(text), source, problem, baseURLExample, host.option)
}
