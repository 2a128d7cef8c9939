package parser

import (
	"strings"

	"github.com/pmgen/pmgen/internal/jsontree"
)

// request decodes an item's request or a saved example's originalRequest:
// an object, or a string holding the URL of a GET request.
func (d *decoder) request(n node) *Request {
	if n.is(jsontree.String) {
		r := &Request{Method: "GET", URL: URL{Raw: n.v.Str, HasRaw: true}, HasURL: true}
		d.place(&r.Pos, n)
		return r
	}
	if !n.is(jsontree.Object) {
		d.wrongType(n, "an object or a string")
		return nil
	}

	r := &Request{}
	d.place(&r.Pos, n)
	r.Method, r.HasMethod = d.optText(n.field("method"))
	if r.Method == "" {
		r.Method, r.HasMethod = "GET", false
	}
	r.URL, r.HasURL = d.url(n.field("url"))
	if !r.HasURL {
		d.warn(CodeRequestWithoutURL, n, "the request has no URL")
	}
	r.Headers = d.headers(n.field("header"))
	r.Body = d.body(n.field("body"))
	r.Auth = d.auth(n.field("auth"))
	r.Description = d.description(n.field("description"))
	d.ignoreMisnamed(n, "headers", "header")
	return r
}

// url decodes a URL given as a string or as an object, and reports
// whether the request has one.
func (d *decoder) url(n node) (URL, bool) {
	switch {
	case n.is(jsontree.String):
		return URL{Raw: n.v.Str, HasRaw: true}, true
	case n.is(jsontree.Object):
		return d.urlObject(n), true
	case !n.isNull():
		d.wrongType(n, "a string or an object")
	}
	return URL{}, false
}

func (d *decoder) urlObject(n node) URL {
	u := URL{Object: true}
	u.Raw, u.HasRaw = d.optText(n.field("raw"))
	u.Protocol = d.text(n.field("protocol"))
	u.Host, u.HasHost = d.host(n.field("host"))
	u.Port = d.port(n.field("port"))
	u.Path, u.HasPath = d.path(n.field("path"))
	u.Query = d.query(n.field("query"))
	u.Hash = d.text(n.field("hash"))
	u.Variables = d.variables(n.field("variable"))
	return u
}

// host decodes url.host, a string or an array of segments. A string is
// kept as one segment: joining segments with "." gives it back unchanged.
func (d *decoder) host(n node) ([]string, bool) {
	if n.is(jsontree.String) {
		return []string{n.v.Str}, true
	}
	if !n.is(jsontree.Array) {
		d.list(n) // warns about a wrong type
		return nil, false
	}
	return d.stringList(n), true
}

// port decodes url.port, a string or, in some exports, a number.
func (d *decoder) port(n node) string {
	if n.is(jsontree.Number) {
		return n.v.Str
	}
	return d.text(n)
}

// path decodes url.path: a string split at "/" after one leading "/" is
// removed, or an array whose elements are strings or {type, value}
// objects.
func (d *decoder) path(n node) ([]string, bool) {
	if n.is(jsontree.String) {
		return strings.Split(strings.TrimPrefix(n.v.Str, "/"), "/"), true
	}
	if !n.is(jsontree.Array) {
		d.list(n) // warns about a wrong type
		return nil, false
	}
	segments := make([]string, 0, len(n.v.Items))
	for _, e := range d.list(n) {
		if e.is(jsontree.Object) {
			segments = append(segments, d.text(e.field("value")))
		} else if s, ok := d.optText(e); ok {
			segments = append(segments, s)
		}
	}
	return segments, true
}

// stringList decodes an array of strings, skipping other elements with a
// warning.
func (d *decoder) stringList(n node) []string {
	if !n.is(jsontree.Array) {
		d.list(n) // warns about a wrong type
		return nil
	}
	elems := d.list(n)
	out := make([]string, 0, len(elems))
	for _, e := range elems {
		if s, ok := d.optText(e); ok {
			out = append(out, s)
		}
	}
	return out
}

func (d *decoder) query(n node) []*QueryParam {
	var out []*QueryParam
	for _, e := range d.list(n) {
		if !d.object(e) {
			continue
		}
		q := &QueryParam{
			Key:         d.text(e.field("key")),
			Disabled:    d.boolean(e.field("disabled")),
			Description: d.description(e.field("description")),
		}
		if v, ok := d.optText(e.field("value")); ok {
			q.Value = &v
		}
		out = append(out, q)
	}
	return out
}

// headers decodes a header list: an array of {key, value} objects or of
// "Key: value" strings, or one string of such lines.
func (d *decoder) headers(n node) []*Header {
	if n.is(jsontree.String) {
		return d.headerLines(n)
	}
	var out []*Header
	for _, e := range d.list(n) {
		if e.is(jsontree.String) {
			out = append(out, d.headerLines(e)...)
			continue
		}
		if !d.object(e) {
			continue
		}
		out = append(out, &Header{
			Key:         d.text(e.field("key")),
			Value:       d.text(e.field("value")),
			Disabled:    d.boolean(e.field("disabled")),
			Description: d.description(e.field("description")),
		})
	}
	return out
}

// headerLines splits a string of "Key: value" lines. The key ends at the
// first ':', so values may contain ':'. Blank lines are skipped, and both
// parts are trimmed of spaces.
func (d *decoder) headerLines(n node) []*Header {
	var out []*Header
	for line := range strings.SplitSeq(n.v.Str, "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		key, value, ok := strings.Cut(line, ":")
		if !ok {
			d.warn(CodeInvalidHeader, n, "header line %q has no ':', want \"Key: value\"; reading it as a header without value", line)
		}
		out = append(out, &Header{Key: strings.TrimSpace(key), Value: strings.TrimSpace(value)})
	}
	return out
}
