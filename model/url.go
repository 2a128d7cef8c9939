package model

import (
	"strings"

	"github.com/pmgen/pmgen/parser"
)

// urlParts is a URL split the way Postman's runtime splits it before it
// substitutes variables.
type urlParts struct {
	host  string // protocol, host and port: "{{baseUrl}}", "https://api.example.com:8443"
	path  []string
	query []QueryParam
	hash  string
}

// splitURL returns the parts Postman sends. A URL string is parsed. A URL
// object is built from its parts and its raw text is ignored, as
// postman-collection 4.x does, so an object with neither host nor path is
// an empty URL.
func splitURL(u parser.URL) urlParts {
	switch {
	case u.HasHost || u.HasPath:
		return partsFromObject(u)
	case u.Object:
		return urlParts{}
	}
	return parseRawURL(u.Raw)
}

func partsFromObject(u parser.URL) urlParts {
	var p urlParts
	var host strings.Builder
	if u.Protocol != "" {
		host.WriteString(strings.TrimSuffix(u.Protocol, "://"))
		host.WriteString("://")
	}
	host.WriteString(strings.Join(u.Host, "."))
	if u.Port != "" {
		host.WriteString(":")
		host.WriteString(u.Port)
	}
	p.host = host.String()
	p.path = u.Path
	for _, q := range u.Query {
		if q.Disabled {
			continue
		}
		if q.Value == nil {
			p.query = append(p.query, QueryParam{Key: q.Key, NoValue: true})
		} else {
			p.query = append(p.query, QueryParam{Key: q.Key, Value: *q.Value})
		}
	}
	p.hash = u.Hash
	return p
}

// parseRawURL splits a URL string: the fragment at the first "#", the
// query at the first "?", the scheme before "://", the host up to the
// next "/", and the path segments after it.
func parseRawURL(raw string) urlParts {
	var p urlParts
	raw = strings.TrimSpace(raw)
	if i := strings.IndexByte(raw, '#'); i >= 0 {
		raw, p.hash = raw[:i], raw[i+1:]
	}
	if i := strings.IndexByte(raw, '?'); i >= 0 {
		p.query = parseRawQuery(raw[i+1:])
		raw = raw[:i]
	}
	rest := raw
	prefix := ""
	if i := strings.Index(rest, "://"); i >= 0 && !strings.Contains(rest[:i], "/") {
		prefix, rest = rest[:i+3], rest[i+3:]
	}
	if i := strings.IndexByte(rest, '/'); i >= 0 {
		p.host = prefix + rest[:i]
		p.path = strings.Split(rest[i+1:], "/")
	} else {
		p.host = prefix + rest
	}
	return p
}

func parseRawQuery(q string) []QueryParam {
	if q == "" {
		return nil
	}
	var params []QueryParam
	for _, pair := range strings.Split(q, "&") {
		key, value, hasValue := strings.Cut(pair, "=")
		params = append(params, QueryParam{Key: key, Value: value, NoValue: !hasValue})
	}
	return params
}

// rawURL rebuilds the URL text for doc comments.
func (p urlParts) rawURL() string {
	var b strings.Builder
	b.WriteString(p.host)
	for _, s := range p.path {
		b.WriteString("/")
		b.WriteString(s)
	}
	for i, q := range p.query {
		if i == 0 {
			b.WriteString("?")
		} else {
			b.WriteString("&")
		}
		b.WriteString(q.Key)
		if !q.NoValue {
			b.WriteString("=")
			b.WriteString(q.Value)
		}
	}
	if p.hash != "" {
		b.WriteString("#")
		b.WriteString(p.hash)
	}
	return b.String()
}

// Path returns the path of the URL as a template, "/shifts/:shiftId".
func (u URL) PathTemplate() string {
	var b strings.Builder
	for _, s := range u.Path {
		b.WriteString("/")
		b.WriteString(s.Template)
	}
	return b.String()
}
