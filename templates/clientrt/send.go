package clientrt

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"slices"
	"strings"
	"time"
)

// CallOption configures one call.
type CallOption func(*callSettings)

// callSettings collects the call options of one call.
type callSettings struct {
	session  *Session
	response *Response
}

// Response is the raw response of a call, filled by CaptureResponse.
type Response struct {
	StatusCode int
	Header     http.Header
	Body       []byte
	// Elapsed is the time from sending the request to reading the whole
	// response, as Postman's responseTime measures it.
	Elapsed time.Duration
}

// UseSession makes the call read and store variables and cookies in s
// instead of the client's session. The values the client's options set
// stay visible unless s sets the same names in the same or a narrower
// scope.
func UseSession(s *Session) CallOption {
	return func(cs *callSettings) { cs.session = s }
}

// CaptureResponse stores the status, headers and body of the call's
// response in r, for 2xx and error responses alike.
func CaptureResponse(r *Response) CallOption {
	return func(cs *callSettings) { cs.response = r }
}

// applyCallOptions returns the settings opts make. It is a function of its
// own so that calls without options do not allocate the settings.
func applyCallOptions(opts []CallOption) callSettings {
	cs := new(callSettings)
	for _, opt := range opts {
		if opt != nil {
			opt(cs)
		}
	}
	return *cs
}

// preparedOperation holds the templates of an operation, split once.
type preparedOperation struct {
	path           []pathSegment
	query          []preparedQuery
	headers        []preparedHeader
	hasContentType bool
	// dropBody is set for methods whose body Postman does not send.
	dropBody bool
	// retryable is set when a retry policy may resend the request.
	retryable bool
	body      template
}

// pathSegment is one path segment: a template, or a path variable
// ":name" whose value comes from the call's params, followed by suffix
// (postman-collection 4.x reads ":id.json" as the variable id and the
// suffix ".json").
type pathSegment struct {
	text     template
	variable string
	suffix   string
}

type preparedQuery struct {
	key, value template
	noValue    bool
}

type preparedHeader struct {
	name  string
	value template
}

// prepare splits the templates of op on first use.
func (op *operation) prepare() *preparedOperation {
	op.prepareOnce.Do(func() {
		p := &preparedOperation{
			dropBody:  !op.keepBody && bodylessMethod(op.method),
			retryable: idempotentMethod(op.method) || op.idempotencyHeader != "",
		}
		for _, seg := range op.path {
			if name, ok := strings.CutPrefix(seg, ":"); ok && name != "" {
				name, suffix, _ := strings.Cut(name, ".")
				if suffix != "" {
					suffix = "." + suffix
				}
				p.path = append(p.path, pathSegment{variable: name, suffix: suffix})
				continue
			}
			p.path = append(p.path, pathSegment{text: parseTemplate(seg, false)})
		}
		for _, q := range op.query {
			p.query = append(p.query, preparedQuery{
				key: parseTemplate(q.key, false), value: parseTemplate(q.value, false), noValue: q.noValue,
			})
		}
		for _, h := range sentHeaders(op.headers) {
			if strings.EqualFold(h.name, "Content-Type") {
				p.hasContentType = true
			}
			p.headers = append(p.headers, preparedHeader{name: h.name, value: parseTemplate(h.value, false)})
		}
		p.body = parseTemplate(op.body.template, op.body.kind == bodyJSON)
		op.prepared = p
	})
	return op.prepared
}

// sentHeaders returns the headers Postman sends, as newman 6.2.2 does:
// headers are grouped by their exact name, in the order each name first
// appears, and a group replaces any earlier group whose name differs only
// in case. So X-A: 1, X-A: 2 sends both values, while X-A: 1, x-a: 2
// sends only x-a: 2. Headers without a name are not sent.
func sentHeaders(headers []header) []header {
	var names []string // exact names in order of first appearance
	last := map[string]string{}
	for _, h := range headers {
		if strings.TrimSpace(h.name) == "" || slices.Contains(names, h.name) {
			continue
		}
		names = append(names, h.name)
		last[strings.ToLower(h.name)] = h.name
	}
	out := make([]header, 0, len(headers))
	for _, name := range names {
		if last[strings.ToLower(name)] != name {
			continue
		}
		for _, h := range headers {
			if h.name == name {
				out = append(out, h)
			}
		}
	}
	return out
}

// bodylessMethod reports whether Postman drops the body of method unless
// the request disables body pruning.
func bodylessMethod(method string) bool {
	switch strings.ToUpper(method) {
	case "GET", "HEAD", "COPY", "PURGE", "UNLOCK":
		return true
	}
	return false
}

// idempotentMethod reports whether RFC 9110 defines method as idempotent.
func idempotentMethod(method string) bool {
	switch strings.ToUpper(method) {
	case "GET", "HEAD", "OPTIONS", "PUT", "DELETE", "TRACE":
		return true
	}
	return false
}

// send performs the call op with in and decodes a 2xx response body into
// out: a pointer to a value decoded from JSON, a *string, a *[]byte, or
// nil to discard the body. A response with another status is returned as
// an *APIError.
func (c *Client) send(ctx context.Context, op *operation, in *callInput, out any, opts []CallOption) error {
	if err := c.call(ctx, op, in, out, opts); err != nil {
		return fmt.Errorf("%s: %w", op.name, err)
	}
	return nil
}

// runScriptOn runs a script of op on a heap copy of r and copies the
// result back to r. The script environment escapes to the heap, so the
// copy keeps r on the stack in calls of operations without scripts.
func (c *Client) runScriptOn(r *resolver, event string, script func(*scriptEnv), op *operation, res *response, elapsed time.Duration) error {
	onHeap := new(resolver)
	*onHeap = *r
	err := runScript(event, script, c.newScriptEnv(onHeap, op, res, elapsed))
	*r = *onHeap
	return err
}

func (c *Client) call(ctx context.Context, op *operation, in *callInput, out any, opts []CallOption) error {
	p := op.prepare()
	var cs callSettings
	if len(opts) > 0 {
		cs = applyCallOptions(opts)
	}
	var empty callInput
	if in == nil {
		in = &empty
	}
	r := resolver{params: in.params, session: c.session, vars: c.spec.vars}
	if cs.session != nil && cs.session != c.session {
		r.session, r.base = cs.session, c.defaults
	}
	if op.preScript != nil {
		if err := c.runScriptOn(&r, "prerequest", op.preScript, op, nil, 0); err != nil {
			return err
		}
	}
	auth, err := c.expandAuth(&r, op)
	if err != nil {
		return err
	}
	req, err := c.newRequest(ctx, &r, op, p, in, &auth)
	if err != nil {
		return err
	}
	// Only a captured response and a test script read the time the
	// call took.
	timed := cs.response != nil || op.postScript != nil
	var start time.Time
	if timed {
		start = time.Now()
	}
	resp, body, err := c.do(req, op, p, c.httpFor(r.session), &auth)
	if err != nil {
		return err
	}
	var elapsed time.Duration
	if timed {
		elapsed = time.Since(start)
	}
	if cs.response != nil {
		*cs.response = Response{StatusCode: resp.StatusCode, Header: resp.Header, Body: body, Elapsed: elapsed}
	}
	res := response{status: resp.StatusCode, header: resp.Header, body: body}
	if op.postScript != nil {
		// A failing test script does not fail the call, as in Postman: the
		// response has arrived. The error goes to the missing-value hook.
		if err := c.runScriptOn(&r, "test", op.postScript, op, &res, elapsed); err != nil {
			c.reportMissing(MissingValue{Operation: op.name, Reason: err.Error()})
		}
	}
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return newAPIError(op, req, resp, body)
	}
	return decodeBody(body, resp.Header.Get("Content-Type"), out)
}

// newRequest builds the request of one attempt.
func (c *Client) newRequest(ctx context.Context, r *resolver, op *operation, p *preparedOperation, in *callInput, auth *expandedAuth) (*http.Request, error) {
	if op.host < 0 || op.host >= len(c.hosts) {
		return nil, fmt.Errorf("host %d is not in the collection's %d hosts", op.host, len(c.hosts))
	}
	target, err := c.buildTarget(r, op, p, auth)
	if err != nil {
		return nil, err
	}
	body, err := c.buildBody(r, op, p, in)
	if err != nil {
		return nil, err
	}
	req, err := http.NewRequestWithContext(ctx, op.method, "", nil)
	if err != nil {
		return nil, err
	}
	target.setURL(req.URL)
	req.Host = req.URL.Host
	body.attach(req)
	if err := c.setHeaders(r, op, p, req.Header, body.contentType); err != nil {
		return nil, err
	}
	auth.setHeaders(req.Header)
	return req, nil
}

// buildTarget builds the URL text of the request and parses it as Postman
// does.
func (c *Client) buildTarget(r *resolver, op *operation, p *preparedOperation, auth *expandedAuth) (requestTarget, error) {
	r.refs = 0
	// The URL text is built in a pooled buffer, because parseURLText
	// copies what it keeps.
	pooled := c.targetBuffers.Get().(*[]byte)
	buf, err := r.appendTemplate((*pooled)[:0], &c.hosts[op.host], pathMode, nil)
	if err != nil {
		return requestTarget{}, fmt.Errorf("base URL: %w", err)
	}
	if len(buf) == 0 {
		return requestTarget{}, fmt.Errorf("empty base URL: set it with %s", c.spec.hosts[op.host].option)
	}
	if err := checkExpandedBaseURL(buf, &c.spec.hosts[op.host]); err != nil {
		return requestTarget{}, err
	}
	for i := range p.path {
		seg := &p.path[i]
		buf = append(buf, '/')
		if seg.variable == "" {
			if buf, err = r.appendTemplate(buf, &seg.text, pathMode, nil); err != nil {
				return requestTarget{}, err
			}
			continue
		}
		// Postman fills a path variable only from the request's own path
		// variables, and only with a non-empty value; otherwise it sends
		// the segment as written.
		value, ok := r.param(seg.variable)
		if !ok || value == "" {
			buf = append(buf, ':')
			buf = append(buf, seg.variable...)
		} else {
			buf = appendEncoded(buf, value, pathData)
		}
		buf = append(buf, seg.suffix...)
	}
	if len(p.query) > 0 || auth.queryKey != "" {
		queryStart := len(buf)
		buf = append(buf, '?')
		first, removed := true, false
		for i := range p.query {
			q := &p.query[i]
			if auth.removeQuery != "" {
				key, err := r.expand(&q.key)
				if err != nil {
					return requestTarget{}, err
				}
				if key == auth.removeQuery {
					removed = true
					continue // the auth scheme removes it, as in Postman
				}
			}
			if !first {
				buf = append(buf, '&')
			}
			first = false
			if buf, err = r.appendTemplate(buf, &q.key, queryKeyMode, nil); err != nil {
				return requestTarget{}, err
			}
			if q.noValue {
				continue
			}
			buf = append(buf, '=')
			if buf, err = r.appendTemplate(buf, &q.value, queryValueMode, nil); err != nil {
				return requestTarget{}, err
			}
		}
		if auth.queryKey != "" {
			if !first {
				buf = append(buf, '&')
			}
			buf = appendEncoded(buf, auth.queryKey, queryKeyText)
			buf = append(buf, '=')
			buf = appendEncoded(buf, auth.queryValue, queryValueText)
		} else if first && removed {
			// Postman writes no "?" once the auth scheme has removed
			// every parameter.
			buf = buf[:queryStart]
		}
	}
	t, err := parseURLText(buf)
	if cap(buf) <= maxPooledTarget {
		*pooled = buf[:0]
		c.targetBuffers.Put(pooled)
	}
	return t, err
}

// maxPooledTarget is the capacity above which a URL buffer is dropped
// instead of pooled, so that one long URL does not stay in memory.
const maxPooledTarget = 64 << 10

// setHeaders adds the operation's headers in order, then the body's
// Content-Type when the operation sets none.
func (c *Client) setHeaders(r *resolver, op *operation, p *preparedOperation, h http.Header, contentType string) error {
	for i := range p.headers {
		ph := &p.headers[i]
		value, err := r.expand(&ph.value)
		if err != nil {
			return fmt.Errorf("header %q: %w", ph.name, err)
		}
		if contentType != "" && op.body.kind == bodyMultipart && strings.EqualFold(ph.name, "Content-Type") {
			continue // the boundary is only known here
		}
		h.Add(ph.name, value)
	}
	if contentType != "" && (!p.hasContentType || op.body.kind == bodyMultipart) {
		h.Set("Content-Type", contentType)
	}
	return nil
}

// response is the received response that test scripts read.
type response struct {
	status int
	header http.Header
	body   []byte
}

// readBody reads and closes the body of resp, failing when it exceeds
// limit bytes.
func readBody(resp *http.Response, limit int64) ([]byte, error) {
	defer resp.Body.Close()
	if resp.Request != nil && resp.Request.Method == http.MethodHead {
		// A response to HEAD has no body, even when it states a
		// Content-Length.
		return nil, nil
	}
	if resp.ContentLength > limit {
		return nil, &bodyTooLargeError{limit: limit}
	}
	var body []byte
	if resp.ContentLength >= 0 {
		body = make([]byte, resp.ContentLength)
		if _, err := io.ReadFull(resp.Body, body); err != nil {
			return nil, fmt.Errorf("reading response body: %w", err)
		}
		return body, nil
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, limit+1))
	if err != nil {
		return nil, fmt.Errorf("reading response body: %w", err)
	}
	if int64(len(body)) > limit {
		return nil, &bodyTooLargeError{limit: limit}
	}
	return body, nil
}

type bodyTooLargeError struct{ limit int64 }

func (e *bodyTooLargeError) Error() string {
	return fmt.Sprintf("response body exceeds %d bytes: raise the limit with WithMaxResponseBytes", e.limit)
}

// decodeBody stores a 2xx body in out.
func decodeBody(body []byte, contentType string, out any) error {
	switch v := out.(type) {
	case nil:
		return nil
	case *string:
		*v = string(body)
		return nil
	case *[]byte:
		*v = body
		return nil
	}
	if len(body) == 0 {
		return nil
	}
	if err := json.Unmarshal(body, out); err != nil {
		var syntax *json.SyntaxError
		if errors.As(err, &syntax) {
			return fmt.Errorf("decoding response body (Content-Type %q) as JSON: %w", contentType, err)
		}
		return fmt.Errorf("decoding response body: %w", err)
	}
	return nil
}
