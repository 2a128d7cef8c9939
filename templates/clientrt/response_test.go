package clientrt

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

type shift struct {
	ID     int    `json:"id"`
	Status string `json:"status"`
}

type errorBody struct {
	Code    string `json:"code"`
	Message string `json:"message"`
}

func TestResponseDecoding(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		fmt.Fprint(w, `{"id":7,"status":"open"}`)
	}))
	defer srv.Close()
	c := newTestClient(t, testSpec(), srv.URL)
	ctx := context.Background()

	var s shift
	require.NoError(t, c.send(ctx, getOp("shift"), nil, &s, nil))
	assert.Equal(t, shift{7, "open"}, s)
	var text string
	require.NoError(t, c.send(ctx, getOp("shift"), nil, &text, nil))
	assert.Equal(t, `{"id":7,"status":"open"}`, text)
	var raw []byte
	require.NoError(t, c.send(ctx, getOp("shift"), nil, &raw, nil))
	assert.Equal(t, `{"id":7,"status":"open"}`, string(raw))
	require.NoError(t, c.send(ctx, getOp("shift"), nil, nil, nil))
	var captured Response
	require.NoError(t, c.send(ctx, getOp("shift"), nil, nil, []CallOption{CaptureResponse(&captured)}))
	assert.Equal(t, 200, captured.StatusCode)
	assert.Equal(t, "application/json", captured.Header.Get("Content-Type"))
	var wrong []int
	err := c.send(ctx, getOp("shift"), nil, &wrong, nil)
	assert.ErrorContains(t, err, "Get: decoding response body")
}

func TestAPIError(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusConflict)
		fmt.Fprint(w, `{"code":"SHIFT_OPEN","message":"shift is already open"}`)
	}))
	defer srv.Close()
	spec := testSpec()
	spec.schemes = []authScheme{{kind: "apikey", params: map[string]string{"key": "api_key", "value": "s3cret", "in": "query"}}}
	c := newTestClient(t, spec, srv.URL)
	op := &operation{name: "OpenShift", method: "POST", path: []string{"shift"}, auth: 0,
		query:        []queryParam{{key: "till", value: "1"}, {key: "password", value: "hunter2"}},
		headers:      []header{{"Authorization", "Bearer very-secret"}},
		newErrorBody: func() any { return new(errorBody) }}
	err := c.send(context.Background(), op, nil, nil, nil)
	var apiErr *APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, "OpenShift", apiErr.Operation)
	assert.Equal(t, 409, apiErr.StatusCode)
	assert.Equal(t, "409 Conflict", apiErr.Status)
	assert.Equal(t, "application/json", apiErr.ContentType)
	assert.JSONEq(t, `{"code":"SHIFT_OPEN","message":"shift is already open"}`, string(apiErr.Body))
	body, ok := ErrorBodyAs[errorBody](err)
	require.True(t, ok)
	assert.Equal(t, "SHIFT_OPEN", body.Code)
	_, ok = ErrorBodyAs[shift](err)
	assert.False(t, ok)

	msg := err.Error()
	assert.Equal(t, "OpenShift: POST "+srv.URL+`/shift?till=1&password=REDACTED&api_key=REDACTED: 409 Conflict: {"code":"SHIFT_OPEN","message":"shift is already open"}`, msg)
	for _, secret := range []string{"s3cret", "hunter2", "very-secret"} {
		assert.NotContains(t, msg, secret)
	}
}

func TestNetworkErrorRedactsURL(t *testing.T) {
	ln := newRawServer(t, "")
	addr := ln.url()
	ln.ln.Close() // nothing listens there any more
	c := newTestClient(t, testSpec(), addr)
	op := getOp("x")
	op.query = []queryParam{{key: "token", value: "abc123"}}
	err := c.send(context.Background(), op, nil, nil, nil)
	require.Error(t, err)
	assert.NotContains(t, err.Error(), "abc123")
	assert.Contains(t, err.Error(), "token=REDACTED")
}

// closedLoopbackAddr returns "127.0.0.1:PORT" of a listener that was
// bound and closed, so that a dial to it is refused.
func closedLoopbackAddr(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	addr := ln.Addr().String()
	require.NoError(t, ln.Close())
	return addr
}

func TestConnectionErrorKeepsHost(t *testing.T) {
	addr := closedLoopbackAddr(t)
	spec := testSpec()
	spec.schemes = []authScheme{{kind: "apikey", params: map[string]string{"key": "api_key", "value": "SUPERSECRET", "in": "query"}}}
	connectionRefused := ": dial tcp " + addr + ": connect: connection refused"
	tests := []struct {
		name    string
		baseURL string
		path    []string
		want    string
	}{
		{"path", "http://" + addr, []string{"a2"},
			`ApikeyQuery: Get "http://` + addr + `/a2?api_key=REDACTED"` + connectionRefused},
		{"base path and password", "http://till:PASSWORD@" + addr + "/api/v1", []string{"a2"},
			`ApikeyQuery: Get "http://till:REDACTED@` + addr + `/api/v1/a2?api_key=REDACTED"` + connectionRefused},
		{"path starting with two slashes", "http://" + addr, []string{"", "a2"},
			`ApikeyQuery: Get "http://` + addr + `//a2?api_key=REDACTED"` + connectionRefused},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c := newTestClient(t, spec, tt.baseURL)
			op := &operation{name: "ApikeyQuery", method: http.MethodGet, path: tt.path, auth: 0}
			err := c.send(context.Background(), op, nil, nil, nil)
			require.Error(t, err)
			assert.Equal(t, tt.want, err.Error())
			assert.NotContains(t, err.Error(), "SUPERSECRET")
			assert.NotContains(t, err.Error(), "PASSWORD")
		})
	}
}

func TestRequestURLInMiddleware(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {}))
	defer srv.Close()
	spec := testSpec()
	spec.schemes = []authScheme{{kind: "apikey", params: map[string]string{"key": "api_key", "value": "SUPERSECRET", "in": "query"}}}
	var logged []string
	logging := func(next http.RoundTripper) http.RoundTripper {
		return loggingTransport{next: next, logged: &logged}
	}
	c := newTestClient(t, spec, srv.URL+"/api", WithMiddleware(logging))

	op := &operation{name: "ApikeyQuery", method: http.MethodGet, path: []string{"a2"}, auth: 0}
	require.NoError(t, c.send(context.Background(), op, nil, nil, nil))

	assert.Equal(t, []string{srv.URL + "/api/a2?api_key=REDACTED"}, logged)
	assert.Empty(t, RequestURL(nil))
}

// loggingTransport records the RequestURL of every request it passes on.
type loggingTransport struct {
	next   http.RoundTripper
	logged *[]string
}

func (l loggingTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	*l.logged = append(*l.logged, RequestURL(req))
	return l.next.RoundTrip(req)
}

func TestRedirectConnectionErrorRedactsURL(t *testing.T) {
	addr := closedLoopbackAddr(t)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "http://"+addr+"/next?till=1&token=REDIRECTSECRET", http.StatusFound)
	}))
	defer srv.Close()
	c := newTestClient(t, testSpec(), srv.URL)
	err := c.send(context.Background(), getOp("start"), nil, nil, nil)
	require.Error(t, err)
	assert.Equal(t, `Get: Get "http://`+addr+`/next?till=1&token=REDACTED": dial tcp `+addr+`: connect: connection refused`, err.Error())
	assert.NotContains(t, err.Error(), "REDIRECTSECRET")
}

func TestResponseBodyLimit(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/chunked" {
			w.(http.Flusher).Flush() // no Content-Length
		}
		fmt.Fprint(w, strings.Repeat("x", 100))
	}))
	defer srv.Close()
	c := newTestClient(t, testSpec(), srv.URL, WithMaxResponseBytes(99))
	for _, path := range []string{"sized", "chunked"} {
		err := c.send(context.Background(), getOp(path), nil, nil, nil)
		assert.EqualError(t, err, "Get: response body exceeds 99 bytes: raise the limit with WithMaxResponseBytes", path)
	}
	c = newTestClient(t, testSpec(), srv.URL, WithMaxResponseBytes(100))
	require.NoError(t, c.send(context.Background(), getOp("chunked"), nil, nil, nil))
	_, err := newClient(testSpec(), []Option{WithMaxResponseBytes(0)})
	assert.EqualError(t, err, "WithMaxResponseBytes: 0, want a positive size")
}

func TestTimeoutAndCancellation(t *testing.T) {
	release := make(chan struct{})
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-release:
		case <-r.Context().Done():
		}
	}))
	defer srv.Close()
	defer close(release)

	c := newTestClient(t, testSpec(), srv.URL, WithTimeout(50*time.Millisecond))
	err := c.send(context.Background(), getOp("slow"), nil, nil, nil)
	require.Error(t, err)
	var netErr interface{ Timeout() bool }
	require.ErrorAs(t, err, &netErr)
	assert.True(t, netErr.Timeout())

	c = newTestClient(t, testSpec(), srv.URL)
	assert.Equal(t, DefaultTimeout, c.httpClient.Timeout)
	ctx, cancel := context.WithCancel(context.Background())
	go func() {
		time.Sleep(20 * time.Millisecond)
		cancel()
	}()
	err = c.send(ctx, getOp("slow"), nil, nil, nil)
	assert.ErrorIs(t, err, context.Canceled)
}

func TestTLSVerificationIsOn(t *testing.T) {
	srv := httptest.NewTLSServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {}))
	defer srv.Close()
	c := newTestClient(t, testSpec(), srv.URL)
	err := c.send(context.Background(), getOp(), nil, nil, nil)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "certificate")

	c = newTestClient(t, testSpec(), srv.URL, WithHTTPClient(srv.Client()))
	require.NoError(t, c.send(context.Background(), getOp(), nil, nil, nil))
}

// statusSequence returns a server that responds with the given statuses
// in turn, then with 200 and the request body.
func statusSequence(t *testing.T, statuses ...int) (*httptest.Server, *atomic.Int32) {
	var n atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		i := int(n.Add(1)) - 1
		if i < len(statuses) {
			w.Header().Set("Retry-After", "0")
			w.WriteHeader(statuses[i])
			return
		}
		fmt.Fprintf(w, "%s", body)
	}))
	t.Cleanup(srv.Close)
	return srv, &n
}

func TestRetry(t *testing.T) {
	policy := WithRetry(RetryPolicy{MaxAttempts: 3, MinBackoff: time.Millisecond, MaxBackoff: 2 * time.Millisecond})

	t.Run("off by default", func(t *testing.T) {
		srv, n := statusSequence(t, 503)
		c := newTestClient(t, testSpec(), srv.URL)
		err := c.send(context.Background(), getOp(), nil, nil, nil)
		var apiErr *APIError
		require.ErrorAs(t, err, &apiErr)
		assert.Equal(t, 503, apiErr.StatusCode)
		assert.Equal(t, int32(1), n.Load())
	})
	t.Run("idempotent method", func(t *testing.T) {
		srv, n := statusSequence(t, 503, 429)
		c := newTestClient(t, testSpec(), srv.URL, policy)
		op := &operation{name: "Put", method: "PUT", auth: -1, body: bodySpec{kind: bodyText}}
		var out string
		require.NoError(t, c.send(context.Background(), op, &callInput{text: "again"}, &out, nil))
		assert.Equal(t, int32(3), n.Load())
		assert.Equal(t, "again", out, "the body is sent again")
	})
	t.Run("gives up after max attempts", func(t *testing.T) {
		srv, n := statusSequence(t, 500, 500, 500, 500)
		c := newTestClient(t, testSpec(), srv.URL, policy)
		err := c.send(context.Background(), getOp(), nil, nil, nil)
		var apiErr *APIError
		require.ErrorAs(t, err, &apiErr)
		assert.Equal(t, int32(3), n.Load())
	})
	t.Run("post without idempotency key", func(t *testing.T) {
		srv, n := statusSequence(t, 503)
		c := newTestClient(t, testSpec(), srv.URL, policy)
		op := &operation{name: "Sell", method: "POST", auth: -1}
		require.Error(t, c.send(context.Background(), op, nil, nil, nil))
		assert.Equal(t, int32(1), n.Load())
	})
	t.Run("post with idempotency key", func(t *testing.T) {
		srv, n := statusSequence(t, 503)
		c := newTestClient(t, testSpec(), srv.URL, policy)
		op := &operation{name: "Sell", method: "POST", auth: -1, idempotencyHeader: "Idempotency-Key",
			headers: []header{{"Idempotency-Key", "{{$guid}}"}}}
		require.NoError(t, c.send(context.Background(), op, nil, nil, nil))
		assert.Equal(t, int32(2), n.Load())
	})
	t.Run("client error is final", func(t *testing.T) {
		srv, n := statusSequence(t, 400)
		c := newTestClient(t, testSpec(), srv.URL, policy)
		require.Error(t, c.send(context.Background(), getOp(), nil, nil, nil))
		assert.Equal(t, int32(1), n.Load())
	})
}

func TestRetryAfter(t *testing.T) {
	now := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	for value, want := range map[string]time.Duration{
		"3":                             3 * time.Second,
		"Mon, 01 Jan 2024 00:00:10 GMT": 10 * time.Second,
		"Sun, 31 Dec 2023 00:00:10 GMT": 0,
	} {
		got, ok := retryAfter(http.Header{"Retry-After": {value}}, now)
		assert.True(t, ok, value)
		assert.Equal(t, want, got, value)
	}
	_, ok := retryAfter(http.Header{"Retry-After": {"soon"}}, now)
	assert.False(t, ok)

	p := RetryPolicy{MinBackoff: 100 * time.Millisecond, MaxBackoff: 300 * time.Millisecond}
	for attempt, want := range map[int]time.Duration{2: 100 * time.Millisecond, 3: 200 * time.Millisecond, 4: 300 * time.Millisecond, 9: 300 * time.Millisecond} {
		got := p.backoff(attempt)
		assert.LessOrEqual(t, got, want, attempt)
		assert.GreaterOrEqual(t, got, want*3/4, attempt)
	}
}

func TestRetryWaitEndsWithContext(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Retry-After", "3600")
		w.WriteHeader(http.StatusServiceUnavailable)
	}))
	defer srv.Close()
	c := newTestClient(t, testSpec(), srv.URL, WithRetry(RetryPolicy{MaxAttempts: 2}))
	ctx, cancel := context.WithCancel(context.Background())
	go func() {
		time.Sleep(20 * time.Millisecond)
		cancel()
	}()
	err := c.send(ctx, getOp(), nil, nil, nil)
	var apiErr *APIError
	require.ErrorAs(t, err, &apiErr, "the last response is returned when the wait is cut short")
	assert.Equal(t, 503, apiErr.StatusCode)
}

func TestMiddlewareSeesEveryAttempt(t *testing.T) {
	srv, _ := statusSequence(t, 502)
	var seen []string
	logging := func(next http.RoundTripper) http.RoundTripper {
		return roundTripFunc(func(r *http.Request) (*http.Response, error) {
			resp, err := next.RoundTrip(r)
			if err == nil {
				seen = append(seen, r.Method+" "+r.URL.Opaque+" "+resp.Status)
			}
			return resp, err
		})
	}
	c := newTestClient(t, testSpec(), srv.URL, WithMiddleware(logging), WithRetry(RetryPolicy{MaxAttempts: 2, MinBackoff: time.Millisecond}))
	require.NoError(t, c.send(context.Background(), getOp("z"), nil, nil, nil))
	assert.Equal(t, []string{"GET /z 502 Bad Gateway", "GET /z 200 OK"}, seen)
}

type roundTripFunc func(*http.Request) (*http.Response, error)

func (f roundTripFunc) RoundTrip(r *http.Request) (*http.Response, error) { return f(r) }

func TestCookiesFollowTheSession(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/login" {
			http.SetCookie(w, &http.Cookie{Name: "sid", Value: "abc", Path: "/"})
			return
		}
		cookie, err := r.Cookie("sid")
		if err != nil {
			w.WriteHeader(http.StatusUnauthorized)
			return
		}
		fmt.Fprint(w, cookie.Value)
	}))
	defer srv.Close()
	c := newTestClient(t, testSpec(), srv.URL)
	ctx := context.Background()
	require.NoError(t, c.send(ctx, getOp("login"), nil, nil, nil))
	var got string
	require.NoError(t, c.send(ctx, getOp("me"), nil, &got, nil))
	assert.Equal(t, "abc", got)

	other := NewSession()
	err := c.send(ctx, getOp("me"), nil, nil, []CallOption{UseSession(other)})
	var apiErr *APIError
	require.ErrorAs(t, err, &apiErr, "another session has its own cookie jar")
	assert.Equal(t, 401, apiErr.StatusCode)
}

func TestUseSessionSeesOptionValues(t *testing.T) {
	srv := newRawServer(t, okJSON)
	spec := testSpec(varSpec{name: "till", scope: ScopeEnvironment, value: "default", option: "WithTill"})
	c := newTestClient(t, spec, srv.url(), variableOption("till", "T1"))
	op := getOp("{{till}}")
	other := NewSession()
	require.NoError(t, c.send(context.Background(), op, nil, nil, []CallOption{UseSession(other)}))
	assert.Equal(t, "GET /T1 HTTP/1.1", srv.last().line)
	other.Set(ScopeEnvironment, "till", "T2")
	require.NoError(t, c.send(context.Background(), op, nil, nil, []CallOption{UseSession(other)}))
	assert.Equal(t, "GET /T2 HTTP/1.1", srv.last().line)
	require.NoError(t, c.send(context.Background(), op, nil, nil, nil))
	assert.Equal(t, "GET /T1 HTTP/1.1", srv.last().line, "the client's session is unchanged")
}

func TestOptions(t *testing.T) {
	srv := newRawServer(t, okJSON)
	spec := &apiSpec{
		hosts: []hostSpec{{template: "http://unused.invalid", option: "WithBaseURL"}},
		vars:  []varSpec{{name: "login", scope: ScopeEnvironment, secret: true, option: "WithLogin"}},
	}
	c, err := newClient(spec, []Option{hostOption(0, srv.url()+"/api/v1"), variableOption("login", "cashier")})
	require.NoError(t, err)
	v, ok := c.Session().GetScope(ScopeEnvironment, "login")
	assert.True(t, ok)
	assert.Equal(t, "cashier", v)
	require.NoError(t, c.send(context.Background(), getOp("{{login}}"), nil, nil, nil))
	assert.Equal(t, "GET /api/v1/cashier HTTP/1.1", srv.last().line)

	_, err = newClient(spec, []Option{hostOption(3, "http://x")})
	assert.EqualError(t, err, "base URL option for host 3: the collection has 1 hosts")
	_, err = newClient(spec, []Option{WithHTTPClient(nil)})
	assert.EqualError(t, err, "WithHTTPClient: nil *http.Client")

	shared := NewSession()
	c, err = newClient(spec, []Option{WithSession(shared), variableOption("login", "x")})
	require.NoError(t, err)
	assert.Same(t, shared, c.Session())
	v, _ = shared.Get("login")
	assert.Equal(t, "x", v)
}

func TestMissingSecretNamesItsOption(t *testing.T) {
	spec := testSpec(varSpec{name: "login", scope: ScopeEnvironment, secret: true, option: "WithLogin"})
	c := newTestClient(t, spec, "http://127.0.0.1:1")
	err := c.send(context.Background(), getOp("{{login}}"), nil, nil, nil)
	assert.EqualError(t, err, `Get: variable "login" is not set: pass WithLogin to New or set it with Session.Set`)
	var unset *UnsetVariableError
	assert.True(t, errors.As(err, &unset))
}

func TestRelativeRedirectResolvesAgainstPath(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/shift/a b/open" {
			w.Header().Set("Location", "done?x=1")
			w.WriteHeader(http.StatusFound)
			return
		}
		fmt.Fprint(w, r.URL.RequestURI())
	}))
	defer srv.Close()
	c := newTestClient(t, testSpec(), srv.URL)
	var got string
	require.NoError(t, c.send(context.Background(), getOp("shift", "a b", "open"), nil, &got, nil))
	assert.Equal(t, "/shift/a%20b/done?x=1", got)
}

func TestRetryAfterNetworkError(t *testing.T) {
	var n atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if n.Add(1) == 1 {
			conn, _, err := w.(http.Hijacker).Hijack()
			if err == nil {
				conn.Close() // the client sees a broken connection
			}
			return
		}
		fmt.Fprint(w, "second")
	}))
	defer srv.Close()
	c := newTestClient(t, testSpec(), srv.URL, WithRetry(RetryPolicy{MaxAttempts: 2, MinBackoff: time.Millisecond}))
	var got string
	require.NoError(t, c.send(context.Background(), getOp("x"), nil, &got, nil))
	assert.Equal(t, "second", got)
	assert.Equal(t, int32(2), n.Load())
}

// TestCallTimeReachesResponseAndScript checks that the time a call took
// reaches a captured Response and a test script's pm.response.responseTime
// when the server delays its response.
func TestCallTimeReachesResponseAndScript(t *testing.T) {
	const delay = 30 * time.Millisecond
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		time.Sleep(delay)
		fmt.Fprint(w, "{}")
	}))
	defer srv.Close()
	c := newTestClient(t, testSpec(), srv.URL)
	ctx := context.Background()

	var r Response
	require.NoError(t, c.send(ctx, getOp("captured"), nil, nil, []CallOption{CaptureResponse(&r)}))
	assert.GreaterOrEqual(t, r.Elapsed, delay)

	op := getOp("scripted")
	op.postScript = func(e *scriptEnv) { e.set(ScopeEnvironment, "took", e.responseTime()) }
	require.NoError(t, c.send(ctx, op, nil, nil, nil))
	took, ok := c.Session().Get("took")
	require.True(t, ok)
	ms, err := strconv.Atoi(took)
	require.NoError(t, err)
	assert.GreaterOrEqual(t, ms, int(delay.Milliseconds()))
}
