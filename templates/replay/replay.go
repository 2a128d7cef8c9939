// Package replay serves the saved examples of a Postman collection over
// HTTP. The generated tests of a client run against it, and pmgen mock
// serves it, so both match requests by the same rules.
//
// The generator copies this file into generated test files verbatim, so
// it uses the standard library only.
package replay

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"sort"
	"strings"
	"sync"
)

// ReplayOperation is one request of the collection and its saved examples.
type ReplayOperation struct {
	// Name identifies the operation in records and in the 404 listing,
	// such as the client's method name.
	Name   string `json:"name"`
	Method string `json:"method"`
	// Path is the path template relative to the host, "/shift/:id" or
	// "/receipts/{{receiptId}}". Path variables and {{variable}}
	// references match any text within a segment and capture it.
	Path string `json:"path"`
	// Query, Headers and Body are the operation's request templates. They
	// choose among operations with the same method and path, such as
	// "/pay?type=cash" and "/pay?type=card".
	Query    []ReplayHeader  `json:"query,omitempty"`
	Headers  []ReplayHeader  `json:"headers,omitempty"`
	Body     string          `json:"body,omitempty"`
	Examples []ReplayExample `json:"examples,omitempty"`
}

// ReplayExample is a saved response.
type ReplayExample struct {
	Name string `json:"name"`
	// Status is the status code; 0 means 200.
	Status  int            `json:"status,omitempty"`
	Headers []ReplayHeader `json:"headers,omitempty"`
	Body    string         `json:"body,omitempty"`
	// Request is the example's original request, used to choose among the
	// examples of an operation; nil when the example has none.
	Request *ReplayExampleRequest `json:"request,omitempty"`
}

// ReplayExampleRequest is the original request of an example. Its values may be
// {{variable}} references or placeholders such as "<string>" and
// "<integer>", which match any value.
type ReplayExampleRequest struct {
	// Path is the request's path relative to the host, "/shift/12";
	// empty when unknown.
	Path    string         `json:"path,omitempty"`
	Query   []ReplayHeader `json:"query,omitempty"`
	Headers []ReplayHeader `json:"headers,omitempty"`
	Body    string         `json:"body,omitempty"`
}

// ReplayHeader is a name and value pair of a header or query parameter.
type ReplayHeader struct {
	Name  string `json:"name"`
	Value string `json:"value"`
}

// ReplayRecord is one request the server received.
type ReplayRecord struct {
	Method string
	// Target is the request target as received, path and query.
	Target string
	Header http.Header
	Body   []byte
	// Operation is the name of the matched operation, "" when none matched.
	Operation string
	// Example is the name of the example served, "" when none was.
	Example string
	// Captures maps the wildcards of the path template to the values the
	// request had for them: a path variable under ":name" and a {{name}}
	// reference under "name".
	Captures map[string]string
}

// ReplayServer is an http.Handler serving the examples of a list of operations.
// It is safe for concurrent use.
type ReplayServer struct {
	routes []replayRoute

	mu        sync.Mutex
	records   []ReplayRecord
	preferred string
}

// replayRoute is an operation with its path template split into segments.
type replayRoute struct {
	op       *ReplayOperation
	segments []replaySegment
	literals int // the number of segments without a wildcard
}

// replaySegment is a path segment template: literal text alternating with
// wildcards. parts has one element more than names.
type replaySegment struct {
	parts []string
	names []string
}

// NewReplayServer returns a server for ops, which it keeps and does not modify.
func NewReplayServer(ops []ReplayOperation) *ReplayServer {
	s := &ReplayServer{}
	for i := range ops {
		r := replayRoute{op: &ops[i]}
		for _, text := range replaySplitPath(ops[i].Path) {
			seg := replayParseSegment(text)
			if len(seg.names) == 0 {
				r.literals++
			}
			r.segments = append(r.segments, seg)
		}
		s.routes = append(s.routes, r)
	}
	return s
}

// replaySplitPath splits a path at its slashes, without the leading one and any
// query.
func replaySplitPath(path string) []string {
	path, _, _ = strings.Cut(path, "?")
	path = strings.TrimPrefix(path, "/")
	if path == "" {
		return nil
	}
	return strings.Split(path, "/")
}

// replayParseSegment splits a segment template at its wildcards: a whole
// replaySegment ":name", and {{name}} references anywhere.
func replayParseSegment(text string) replaySegment {
	if name, ok := strings.CutPrefix(text, ":"); ok && name != "" {
		return replaySegment{parts: []string{"", ""}, names: []string{":" + name}}
	}
	var seg replaySegment
	for {
		start := strings.Index(text, "{{")
		end := strings.Index(text[max(start, 0):], "}}")
		if start < 0 || end < 0 {
			seg.parts = append(seg.parts, replayUnescape(text))
			return seg
		}
		end += start
		seg.parts = append(seg.parts, replayUnescape(text[:start]))
		seg.names = append(seg.names, text[start+2:end])
		text = text[end+2:]
	}
}

func replayUnescape(s string) string {
	if u, err := url.PathUnescape(s); err == nil {
		return u
	}
	return s
}

// match reports whether value matches seg, storing the captured values in
// captures.
func (seg *replaySegment) match(value string, captures map[string]string) bool {
	if len(seg.names) == 0 {
		return seg.parts[0] == value
	}
	if !strings.HasPrefix(value, seg.parts[0]) {
		return false
	}
	rest := value[len(seg.parts[0]):]
	for i, name := range seg.names {
		next := seg.parts[i+1]
		var captured string
		switch {
		case i == len(seg.names)-1:
			if !strings.HasSuffix(rest, next) {
				return false
			}
			captured, rest = rest[:len(rest)-len(next)], ""
		case next == "":
			// Two wildcards in a row: the first captures nothing.
		default:
			j := strings.Index(rest, next)
			if j < 0 {
				return false
			}
			captured, rest = rest[:j], rest[j+len(next):]
		}
		captures[name] = captured
	}
	return true
}

// ServeHTTP records the request and serves the best example of the
// operation it matches, an empty 200 when the operation has no example,
// or 404 with the list of known requests.
func (s *ReplayServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(r.Body)
	if err != nil {
		http.Error(w, fmt.Sprintf("reading the request body: %v", err), http.StatusBadRequest)
		return
	}
	rec := ReplayRecord{Method: r.Method, Target: r.URL.RequestURI(), Header: r.Header.Clone(), Body: body}
	rt, captures := s.find(r, body)
	if rt == nil {
		s.add(rec)
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.WriteHeader(http.StatusNotFound)
		fmt.Fprintf(w, "no request matches %s %s\nknown requests:\n%s", r.Method, r.URL.EscapedPath(), s.known())
		return
	}
	rec.Operation, rec.Captures = rt.op.Name, captures
	ex := replayBestExample(rt.op.Examples, r, body)
	if ex == nil {
		s.add(rec)
		w.WriteHeader(http.StatusOK)
		return
	}
	rec.Example = ex.Name
	s.add(rec)
	for _, h := range ex.Headers {
		switch strings.ToLower(h.Name) {
		case "content-length", "transfer-encoding", "connection", "content-encoding":
			// The server sets these for the body it writes.
			continue
		}
		w.Header().Add(h.Name, h.Value)
	}
	status := ex.Status
	if status == 0 {
		status = http.StatusOK
	}
	w.WriteHeader(status)
	io.WriteString(w, ex.Body)
}

// find returns the route matching r with the most literal segments, and
// its captures. Among routes as specific, the one whose query, headers and
// body match r best wins, the first one on a tie.
func (s *ReplayServer) find(r *http.Request, body []byte) (*replayRoute, map[string]string) {
	raw := replaySplitPath(r.URL.EscapedPath())
	values := make([]string, len(raw))
	for i, v := range raw {
		values[i] = replayUnescape(v)
	}
	s.mu.Lock()
	preferred := s.preferred
	s.mu.Unlock()
	var best *replayRoute
	var bestCaptures map[string]string
	bestScore := 0
	for i := range s.routes {
		rt := &s.routes[i]
		if !strings.EqualFold(rt.op.Method, r.Method) || len(rt.segments) != len(values) {
			continue
		}
		captures := map[string]string{}
		ok := true
		for j := range rt.segments {
			if !rt.segments[j].match(values[j], captures) {
				ok = false
				break
			}
		}
		if !ok {
			continue
		}
		if preferred != "" && rt.op.Name == preferred {
			return rt, captures
		}
		score := replayMatchScore(&ReplayExampleRequest{Query: rt.op.Query, Headers: rt.op.Headers, Body: rt.op.Body}, r, body)
		if best == nil || rt.literals > best.literals || rt.literals == best.literals && score > bestScore {
			best, bestCaptures, bestScore = rt, captures, score
		}
	}
	return best, bestCaptures
}

// known lists the operations, one a line, sorted.
func (s *ReplayServer) known() string {
	lines := make([]string, len(s.routes))
	for i, rt := range s.routes {
		lines[i] = fmt.Sprintf("  %s %s (%s)", strings.ToUpper(rt.op.Method), rt.op.Path, rt.op.Name)
	}
	sort.Strings(lines)
	return strings.Join(lines, "\n") + "\n"
}

func (s *ReplayServer) add(rec ReplayRecord) {
	s.mu.Lock()
	s.records = append(s.records, rec)
	s.mu.Unlock()
}

// Requests returns the requests received so far, in order of arrival.
func (s *ReplayServer) Requests() []ReplayRecord {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]ReplayRecord(nil), s.records...)
}

// Prefer makes the server answer a request with the operation named name
// whenever that operation's method and path match it, even when another
// operation matches as well; "" restores the usual choice. Sequence tests
// use it when two requests of a collection look the same on the wire.
func (s *ReplayServer) Prefer(name string) {
	s.mu.Lock()
	s.preferred = name
	s.mu.Unlock()
}

// Reset clears the record of the requests received so far.
func (s *ReplayServer) Reset() {
	s.mu.Lock()
	s.records = nil
	s.mu.Unlock()
}

// replayBestExample returns the example whose original request matches r
// best; on a tie a 2xx example wins over others, then the first one. It
// returns nil when there are no examples.
func replayBestExample(examples []ReplayExample, r *http.Request, body []byte) *ReplayExample {
	var best *ReplayExample
	bestScore := 0
	for i := range examples {
		score := replayMatchScore(examples[i].Request, r, body)
		if best == nil || score > bestScore || score == bestScore && !replaySuccess(best) && replaySuccess(&examples[i]) {
			best, bestScore = &examples[i], score
		}
	}
	return best
}

// replaySuccess reports whether an example has a 2xx status.
func replaySuccess(ex *ReplayExample) bool {
	return ex.Status == 0 || ex.Status >= 200 && ex.Status < 300
}

// replayMatchScore counts the values of want that r has, less twice the values
// that differ. An example without an original request scores 0.
func replayMatchScore(want *ReplayExampleRequest, r *http.Request, body []byte) int {
	if want == nil {
		return 0
	}
	score := 0
	add := func(matched bool) {
		if matched {
			score++
		} else {
			score -= 2
		}
	}
	if want.Path != "" {
		wantSegs, gotSegs := replaySplitPath(want.Path), replaySplitPath(r.URL.EscapedPath())
		if len(wantSegs) == len(gotSegs) {
			for i := range wantSegs {
				if !replayIsWildcard(wantSegs[i]) && !strings.HasPrefix(wantSegs[i], ":") {
					add(replayUnescape(wantSegs[i]) == replayUnescape(gotSegs[i]))
				}
			}
		}
	}
	query := r.URL.Query()
	for _, q := range want.Query {
		got, ok := query[q.Name]
		add(ok && (replayIsWildcard(q.Value) || replayContains(got, q.Value)))
	}
	for _, h := range want.Headers {
		got := r.Header.Values(h.Name)
		add(len(got) > 0 && (replayIsWildcard(h.Value) || replayContains(got, h.Value)))
	}
	if strings.TrimSpace(want.Body) != "" {
		score += replayBodyScore(want.Body, body)
	}
	return score
}

func replayContains(values []string, v string) bool {
	for _, x := range values {
		if x == v {
			return true
		}
	}
	return false
}

// replayIsWildcard reports whether an example value matches any value: a
// {{variable}} reference or a placeholder such as "<string>".
func replayIsWildcard(v string) bool {
	v = strings.TrimSpace(v)
	return strings.Contains(v, "{{") && strings.Contains(v, "}}") ||
		len(v) > 2 && v[0] == '<' && v[len(v)-1] == '>' && !strings.ContainsAny(v[1:len(v)-1], "<> ")
}

// replayBodyScore compares an example body with a received one: JSON documents
// member by member, other text as a whole.
func replayBodyScore(want string, got []byte) int {
	var wantDoc, gotDoc any
	if json.Unmarshal([]byte(want), &wantDoc) == nil && json.Unmarshal(got, &gotDoc) == nil {
		return replayJSONScore(wantDoc, gotDoc)
	}
	if replayIsWildcard(want) || strings.TrimSpace(want) == strings.TrimSpace(string(got)) {
		return 1
	}
	if bytes.Contains([]byte(want), []byte("{{")) {
		return 0 // a template body that JSON cannot read, such as {"n": {{n}}}
	}
	return -2
}

// replayJSONScore counts the leaves of want that got has, less twice the leaves
// that differ.
func replayJSONScore(want, got any) int {
	switch w := want.(type) {
	case map[string]any:
		g, ok := got.(map[string]any)
		if !ok {
			return -2
		}
		score := 0
		for k, wv := range w {
			gv, ok := g[k]
			if !ok {
				score -= 2
				continue
			}
			score += replayJSONScore(wv, gv)
		}
		return score
	case []any:
		g, ok := got.([]any)
		if !ok {
			return -2
		}
		score := 0
		for i := range min(len(w), len(g)) {
			score += replayJSONScore(w[i], g[i])
		}
		return score
	case string:
		if replayIsWildcard(w) {
			return 1
		}
		if g, ok := got.(string); ok && g == w {
			return 1
		}
		return -2
	}
	if fmt.Sprint(want) == fmt.Sprint(got) {
		return 1
	}
	return -2
}
