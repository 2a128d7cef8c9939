package clientrt

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"net/http"
	"net/http/httptest"
	"os"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// harness runs the steps of a generated sequence test. In replay mode, the
// default, the client talks to a local replay server that answers from the
// collection's saved examples, and each step checks that the request
// arrived as the collection describes it. In live mode, chosen by setting
// PMGEN_BASE_URL (every host) or PMGEN_BASE_URL_<NAME> (one host), the
// client talks to a real stand and only the collection's own test-script
// checks run.
type harness struct {
	ctx    context.Context
	client *Client
	live   bool
	replay *ReplayServer
	// records is the number of requests the replay server had received
	// before the current step, and body the body the step built from the
	// collection's template.
	records int
	body    *string
	// sent is a copy of the session as the step's request was built, for
	// comparing the request after scripts have changed the session.
	sent *Session
}

// Environment variables of live mode.
const (
	liveBaseURL = "PMGEN_BASE_URL"
	liveEnvFile = "PMGEN_ENV_FILE"
	liveVar     = "PMGEN_VAR_"
	// strictChecks makes replay mode fail on checks that do not hold on
	// the saved examples.
	strictChecks = "PMGEN_STRICT_CHECKS"
)

// newHarness starts the replay server and a client whose every base URL
// points at it and whose credentials and dynamic variables have fixed test
// values; or, in live mode, a client configured from the environment.
func newHarness(t *testing.T) *harness {
	t.Helper()
	h := &harness{ctx: t.Context()}
	var opts []Option
	if liveRequested() {
		h.live = true
		opts = h.liveOptions(t)
	} else {
		h.replay = NewReplayServer(replayOperations)
		srv := httptest.NewServer(h.replay)
		t.Cleanup(srv.Close)
		for i := range api.hosts {
			opts = append(opts, hostOption(i, srv.URL))
		}
		for _, v := range api.vars {
			if v.secret {
				opts = append(opts, variableOption(v.name, "pmgen-test-"+v.name))
			}
		}
		opts = append(opts, WithSigner(unsignedTestSigner{}))
	}
	c, err := New(opts...)
	require.NoError(t, err)
	h.client = c
	if !h.live {
		// A fixed clock and fixed dynamic variables make every value the
		// client sends repeatable.
		c.Session().now = func() time.Time { return replayClock }
		pinDynamicVariables(c.Session())
	}
	return h
}

// replayClock is the time of the session clock in replay mode.
var replayClock = time.Date(2026, time.January, 2, 3, 4, 5, 6_000_000, time.UTC)

// liveRequested reports whether PMGEN_BASE_URL or PMGEN_BASE_URL_<NAME>
// is set to a non-empty value.
func liveRequested() bool {
	for _, kv := range os.Environ() {
		name, value, _ := strings.Cut(kv, "=")
		if value != "" && (name == liveBaseURL || strings.HasPrefix(name, liveBaseURL+"_")) {
			return true
		}
	}
	return false
}

// liveOptions configures the client from the environment: base URLs,
// an environment file named by PMGEN_ENV_FILE, and variables given as
// PMGEN_VAR_<name>. It skips the test, naming what to set, when a
// credential has no value.
func (h *harness) liveOptions(t *testing.T) []Option {
	var opts []Option
	for i, host := range api.hosts {
		base := os.Getenv(liveBaseURL + "_" + envName(strings.TrimPrefix(host.option, "With")))
		if base == "" {
			base = os.Getenv(liveBaseURL)
		}
		if base != "" {
			opts = append(opts, hostOption(i, base))
		}
	}
	known := map[string]bool{}
	if path := os.Getenv(liveEnvFile); path != "" {
		values, err := readEnvironmentFile(path)
		require.NoError(t, err, "%s names an unreadable environment file", liveEnvFile)
		for _, v := range values {
			known[v.name] = true
		}
		opts = append(opts, WithEnvironmentFile(path))
	}
	var missing []string
	for _, v := range api.vars {
		if value, ok := os.LookupEnv(liveVar + envName(v.name)); ok {
			opts = append(opts, variableOption(v.name, value))
			continue
		}
		if v.secret && !known[v.name] {
			missing = append(missing, liveVar+envName(v.name))
		}
	}
	if len(missing) > 0 {
		t.Skipf("live mode needs values for %s: set them, or name an environment file in %s", strings.Join(missing, ", "), liveEnvFile)
	}
	return opts
}

// envName turns a variable or option name into the tail of an environment
// variable name: upper case, with every character other than a letter or
// digit replaced by "_", and "_" between a lower-case letter and an upper-
// case one: "kassaToken" gives "KASSA_TOKEN".
func envName(name string) string {
	var b strings.Builder
	var prev rune
	for _, r := range name {
		switch {
		case r >= 'A' && r <= 'Z':
			if prev >= 'a' && prev <= 'z' || prev >= '0' && prev <= '9' {
				b.WriteByte('_')
			}
			b.WriteRune(r)
		case r >= 'a' && r <= 'z':
			b.WriteRune(r - 'a' + 'A')
		case r >= '0' && r <= '9':
			b.WriteRune(r)
		default:
			b.WriteByte('_')
		}
		prev = r
	}
	return b.String()
}

// pinDynamicVariables gives every dynamic variable one fresh value for the
// whole test, in the global scope, so that a value the client sends can be
// compared with the collection's template.
func pinDynamicVariables(s *Session) {
	pin := func(name string) {
		if v, err := dynamicValue(name, s.clock); err == nil {
			s.Set(ScopeGlobal, name, v)
		}
	}
	for name := range dynamicGenerators {
		pin(name)
	}
	for name := range dynamicLists {
		pin(name)
	}
}

// unsignedTestSigner leaves requests unsigned: the replay server checks no
// signature.
type unsignedTestSigner struct{}

func (unsignedTestSigner) Sign(*http.Request, string) error { return nil }

// before prepares the step of op. In replay mode it gives the variables
// the step reads a test value when nothing has set them yet (a value
// ending in "-" is a prefix of the variable's name) and tells the replay
// server which request comes. In both modes it runs the request's
// prerequest scripts, so that the values they set are there when the step
// builds the body from the collection's template, as in Postman; the call
// runs them again.
func (h *harness) before(t *testing.T, op *operation, value string, names ...string) {
	t.Helper()
	h.body = nil
	defer func() {
		s := h.client.Session()
		if op.preScript != nil {
			e := &scriptEnv{session: s, lookup: s.Get, now: s.clock,
				dynamic: func(name string) (string, error) { return dynamicValue(name, s.clock) }}
			op.preScript(e)
			require.NoError(t, e.err, "%s: prerequest script", op.name)
		}
		h.sent = snapshotSession(s)
	}()
	if h.live {
		return
	}
	h.records = len(h.replay.Requests())
	h.replay.Prefer(op.name)
	s := h.client.Session()
	for _, name := range names {
		if _, ok := s.Get(name); ok {
			continue
		}
		v := value
		if strings.HasSuffix(v, "-") {
			v += name
		}
		s.Set(ScopeGlobal, name, v)
	}
}

// unquoted gives the variables that stand unquoted in a JSON body, given
// as name and JSON value pairs, that value when they have no value or one
// that is not JSON: such a value is pasted into the body as it is.
func (h *harness) unquoted(t *testing.T, pairs ...string) {
	t.Helper()
	if h.live {
		return
	}
	s := h.client.Session()
	for i := 0; i+1 < len(pairs); i += 2 {
		if v, ok := s.Get(pairs[i]); !ok || !json.Valid([]byte(v)) {
			s.Set(ScopeLocal, pairs[i], pairs[i+1])
		}
	}
}

// param returns the test's argument for a method parameter that stands
// for a variable nothing in the collection defines: the session's value
// when a step or the test has set one, otherwise a test value, which it
// stores so that later steps pass the same.
func (h *harness) param(t *testing.T, name string) string {
	t.Helper()
	s := h.client.Session()
	if v, ok := s.Get(name); ok {
		return v
	}
	v := "pmgen-test-" + name
	s.Set(ScopeGlobal, name, v)
	return v
}

// snapshotSession copies the variables of s.
func snapshotSession(s *Session) *Session {
	s.mu.RLock()
	defer s.mu.RUnlock()
	c := &Session{now: s.now}
	for i, m := range s.vars {
		if m != nil {
			c.vars[i] = maps.Clone(m)
		}
	}
	return c
}

// expand expands a template of the collection with the session's values.
func (h *harness) expand(t *testing.T, template string) string {
	t.Helper()
	s, err := h.client.Session().Expand(template)
	require.NoError(t, err)
	return s
}

// decodeJSON expands a JSON body of the collection and decodes it into v,
// rejecting keys that v has no field for, so a type that loses part of the
// collection's body fails the test.
func (h *harness) decodeJSON(t *testing.T, template string, v any) {
	t.Helper()
	text, err := h.client.Session().ExpandJSON(template)
	require.NoError(t, err)
	dec := json.NewDecoder(strings.NewReader(text))
	dec.DisallowUnknownFields()
	require.NoError(t, dec.Decode(v), "decoding the collection's body into %T:\n%s", v, text)
	h.body = &text
}

// decodeGraphQL decodes the variables of a GraphQL body as decodeJSON
// does, and remembers the whole body the client is to send: the query,
// expanded, and the variables.
func (h *harness) decodeGraphQL(t *testing.T, query, template string, v any) {
	t.Helper()
	h.decodeJSON(t, template, v)
	expanded, err := h.client.Session().Expand(query)
	require.NoError(t, err)
	body, err := json.Marshal(map[string]any{"query": expanded, "variables": json.RawMessage(*h.body)})
	require.NoError(t, err)
	text := string(body)
	h.body = &text
}

// text expands a text body of the collection and remembers it for the
// check of what the server received.
func (h *harness) text(t *testing.T, template string) string {
	t.Helper()
	text := h.expand(t, template)
	h.body = &text
	return text
}

// after checks a step's call and returns the environment for the checks
// of the collection's test scripts, or nil when they cannot run: in
// replay mode, when the request has no saved example to answer with.
func (h *harness) after(t *testing.T, operation string, err error, r *Response) *scriptEnv {
	t.Helper()
	if !h.received(t, operation, err) {
		t.Logf("%s: the collection saves no example, so the checks of its test scripts are not run", operation)
		return nil
	}
	return responseScriptEnv(h.client.Session(), r)
}

// finish checks the call of a step whose request has no checks in the
// collection's test scripts.
func (h *harness) finish(t *testing.T, operation string, err error) {
	t.Helper()
	h.received(t, operation, err)
}

// received checks a step's call: in replay mode, that the replay server
// got the request the collection describes and that the call returned
// what the example it answered with implies. It reports whether a
// response to run the checks on arrived: false in replay mode when the
// request has no saved example.
func (h *harness) received(t *testing.T, operation string, err error) bool {
	t.Helper()
	if h.live {
		require.NoError(t, err, operation)
		return true
	}
	records := h.replay.Requests()
	require.Greater(t, len(records), h.records, "%s: no request reached the replay server: %v", operation, err)
	rec := records[len(records)-1]
	require.Equal(t, operation, rec.Operation, "%s: the replay server matched %s %s to another request", operation, rec.Method, rec.Target)
	op := replayOperation(operation)
	require.NotNil(t, op, operation)
	h.verifyRequest(t, op, rec)

	if status := exampleStatus(op, rec.Example); status >= 400 {
		var apiErr *APIError
		require.True(t, errors.As(err, &apiErr), "%s: the example answers %d, want an *APIError, got %v", operation, status, err)
		assert.Equal(t, status, apiErr.StatusCode, operation)
	} else {
		require.NoError(t, err, operation)
	}
	return rec.Example != ""
}

// check asserts one check of a collection's test script, named as in the
// script. In replay mode the response is a saved example, so a check that
// fails there shows that the collection's example and its test script
// disagree, which only the collection's author can fix: the failure is
// logged, and fails the test only with PMGEN_STRICT_CHECKS=1. In live
// mode every check is an assertion.
func (h *harness) check(t *testing.T, name string, ok bool, source string) {
	t.Helper()
	// A check outside pm.test has no name, so the log names it by its
	// source alone.
	label := "check"
	if name != "" {
		label = fmt.Sprintf("check %q", name)
	}
	if h.live || os.Getenv(strictChecks) == "1" {
		assert.True(t, ok, "%s failed: %s", label, source)
		return
	}
	if !ok {
		t.Logf("%s does not hold on the saved example: %s (set %s=1 to fail on it)", label, source, strictChecks)
	}
}

// decodeReplayOperations decodes the replay data a generated package
// embeds from its replay_test.json.
func decodeReplayOperations(data []byte) []ReplayOperation {
	var file struct {
		Operations []ReplayOperation `json:"operations"`
	}
	if err := json.Unmarshal(data, &file); err != nil {
		// The generator writes the file with encoding/json, so it always
		// decodes; a hand-edited file is reported at once.
		panic("replay_test.json: " + err.Error())
	}
	return file.Operations
}

func replayOperation(name string) *ReplayOperation {
	for i := range replayOperations {
		if replayOperations[i].Name == name {
			return &replayOperations[i]
		}
	}
	return nil
}

func exampleStatus(op *ReplayOperation, name string) int {
	for _, ex := range op.Examples {
		if ex.Name == name && name != "" {
			return ex.Status
		}
	}
	return 200
}

// verifyRequest checks the request the replay server received against the
// collection's request: each query parameter, header and the body, with
// variables the session knows expanded and the others matching anything;
// and each path variable and {{variable}} of the path against the
// session's value, which shows that values produced by earlier steps
// reach this one.
func (h *harness) verifyRequest(t *testing.T, op *ReplayOperation, rec ReplayRecord) {
	t.Helper()
	s := h.sent
	for name, got := range rec.Captures {
		if strings.HasPrefix(name, ":") {
			// A path variable carries the step's argument, not a variable.
			continue
		}
		if want, ok := s.Get(name); ok {
			assert.Equal(t, want, got, "%s: path variable %s", op.Name, name)
		}
	}
	query := rawQuery(rec.Target)
	for _, q := range op.Query {
		values := query[percentDecode(h.expandLoose(q.Name))]
		assert.True(t, slices.ContainsFunc(values, func(v string) bool { return h.matchesDecoded(q.Value, v) }),
			"%s: query parameter %s: got %q, want a match for %q", op.Name, q.Name, values, q.Value)
	}
	for _, hd := range op.Headers {
		values := rec.Header.Values(h.expandLoose(hd.Name))
		if strings.EqualFold(hd.Name, "Content-Type") && isMultipart(values) {
			// A multipart body needs the boundary the client chose, so the
			// client sets its own Content-Type.
			continue
		}
		assert.True(t, slices.ContainsFunc(values, func(v string) bool { return h.matches(hd.Value, v) }),
			"%s: header %s: got %q, want a match for %q", op.Name, hd.Name, values, hd.Value)
	}
	h.verifyBody(t, op, rec.Body)
}

func isMultipart(values []string) bool {
	return len(values) == 1 && strings.HasPrefix(values[0], "multipart/")
}

// verifyBody compares the body the server received with the one the step
// built from the collection's template: JSON as JSON, so that a type that
// drops or changes a value fails the test, and text as text. Bodies of
// other kinds are checked by the runtime's own tests.
func (h *harness) verifyBody(t *testing.T, op *ReplayOperation, got []byte) {
	t.Helper()
	if h.body == nil {
		return
	}
	want := *h.body
	var gotJSON, wantJSON any
	if json.Unmarshal([]byte(want), &wantJSON) == nil {
		require.NoError(t, json.Unmarshal(got, &gotJSON), "%s: the body is not JSON:\n%s", op.Name, got)
		assert.True(t, jsDeepEqual(wantJSON, gotJSON), "%s: body\ngot:  %s\nwant: %s", op.Name, got, want)
		return
	}
	assert.Equal(t, want, string(got), "%s: body", op.Name)
}

// expandLoose expands the references the session knew when the request
// was built and leaves the others as they are.
func (h *harness) expandLoose(template string) string {
	if v, err := h.sent.Expand(template); err == nil {
		return v
	}
	return template
}

var referencePattern = regexp.MustCompile(`\{\{[^{}]*\}\}`)

// matches reports whether got is template with its references replaced by
// the values the session had when the request was built, a reference the
// session did not know matching any text.
func (h *harness) matches(template, got string) bool {
	return h.matchText(template, got, func(s string) string { return s })
}

// matchesDecoded is matches for URL text: both sides are compared with
// their percent-encodings decoded, because the client encodes what
// cannot stand in a URL and the collection may write either form.
func (h *harness) matchesDecoded(template, got string) bool {
	return h.matchText(template, percentDecode(got), percentDecode)
}

func (h *harness) matchText(template, got string, decode func(string) string) bool {
	s := h.sent
	if s == nil {
		s = h.client.Session()
	}
	var pattern strings.Builder
	pattern.WriteString(`^`)
	last := 0
	for _, loc := range referencePattern.FindAllStringIndex(template, -1) {
		pattern.WriteString(regexp.QuoteMeta(decode(template[last:loc[0]])))
		if v, err := s.Expand(template[loc[0]:loc[1]]); err == nil {
			pattern.WriteString(regexp.QuoteMeta(decode(v)))
		} else {
			pattern.WriteString(`(?s:.*)`)
		}
		last = loc[1]
	}
	pattern.WriteString(regexp.QuoteMeta(decode(template[last:])))
	pattern.WriteString(`$`)
	re, err := regexp.Compile(pattern.String())
	return err == nil && re.MatchString(got)
}

// rawQuery splits the query of a request target into keys and values at
// "&" and the first "=", decoding percent-encodings leniently: a "%" that
// starts no encoding stays as it is, and "+" stays a plus sign.
func rawQuery(target string) map[string][]string {
	out := map[string][]string{}
	_, query, ok := strings.Cut(target, "?")
	if !ok {
		return out
	}
	for _, pair := range strings.Split(query, "&") {
		key, value, _ := strings.Cut(pair, "=")
		key = percentDecode(key)
		out[key] = append(out[key], value)
	}
	return out
}

// percentDecode decodes every valid %XX sequence of s and leaves the rest.
func percentDecode(s string) string {
	if !strings.Contains(s, "%") {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '%' && i+2 < len(s) && isHex(s[i+1]) && isHex(s[i+2]) {
			b.WriteByte(unhex(s[i+1])<<4 | unhex(s[i+2]))
			i += 2
			continue
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

func isHex(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F'
}

func unhex(c byte) byte {
	switch {
	case c <= '9':
		return c - '0'
	case c >= 'a':
		return c - 'a' + 10
	}
	return c - 'A' + 10
}
