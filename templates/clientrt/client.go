package clientrt

import (
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"sync"
	"time"
)

// Defaults of a new Client.
const (
	// DefaultTimeout bounds each attempt of a call, redirects included,
	// unless WithTimeout or the client given to WithHTTPClient sets another.
	DefaultTimeout = 30 * time.Second
	// DefaultMaxResponseBytes bounds the body of a response the client
	// reads, unless WithMaxResponseBytes sets another.
	DefaultMaxResponseBytes = 16 << 20
)

// Client sends the requests of the collection. It is safe for concurrent
// use; calls share its Session unless they pass UseSession.
type Client struct {
	spec    *apiSpec
	session *Session
	// defaults holds the collection and environment values from the
	// collection and the options, for calls that use a session of their
	// own.
	defaults *Session
	hosts    []template
	// authParams holds the parsed parameter templates of each auth scheme
	// of spec, in the same order, so that a call does not parse them.
	authParams []map[string]template
	// targetBuffers holds *[]byte buffers for building request URLs.
	targetBuffers sync.Pool
	// httpClient sends with the cookie jar of session; plainHTTP is the
	// same client without a jar, copied for calls with another session.
	httpClient *http.Client
	plainHTTP  *http.Client
	ownJar     bool // the caller's http.Client brings its own cookie jar
	signer     Signer
	retry      *RetryPolicy
	maxBody    int64
	logger     *slog.Logger
	onMissing  func(MissingValue)
}

// Option configures a Client.
type Option func(*clientConfig) error

// clientConfig collects the options before New builds the Client.
type clientConfig struct {
	hosts      map[int]string
	vars       []param
	envVars    []param // from WithEnvironmentFile
	httpClient *http.Client
	timeout    time.Duration
	middleware []func(http.RoundTripper) http.RoundTripper
	signer     Signer
	retry      *RetryPolicy
	maxBody    int64
	session    *Session
	logger     *slog.Logger
	onMissing  func(MissingValue)
}

// hostOption replaces the host template number host with baseURL, text
// such as "https://till.example.com/api". The generated WithBaseURL
// options call it.
func hostOption(host int, baseURL string) Option {
	return func(c *clientConfig) error {
		if c.hosts == nil {
			c.hosts = make(map[int]string)
		}
		c.hosts[host] = baseURL
		return nil
	}
}

// variableOption sets the collection or environment variable name. The
// generated With<Variable> options call it.
func variableOption(name, value string) Option {
	return func(c *clientConfig) error {
		c.vars = append(c.vars, param{name: name, value: value})
		return nil
	}
}

// WithHTTPClient sends requests with hc. The client's Transport, TLS
// settings, redirect policy and Timeout are used as they are; a zero
// Timeout means DefaultTimeout unless WithTimeout sets one. When hc has no
// cookie jar, the session's jar is used.
func WithHTTPClient(hc *http.Client) Option {
	return func(c *clientConfig) error {
		if hc == nil {
			return errors.New("WithHTTPClient: nil *http.Client")
		}
		c.httpClient = hc
		return nil
	}
}

// WithTimeout bounds each attempt of a call, redirects included; 0 means
// no bound beyond the context's. The context bounds the whole call.
func WithTimeout(d time.Duration) Option {
	return func(c *clientConfig) error {
		if d < 0 {
			return fmt.Errorf("WithTimeout: negative duration %v", d)
		}
		c.timeout = d
		return nil
	}
}

// RequestURL returns the URL of a request that the client sends, as text
// for logs with scheme, host, path and query. The password of the user
// information and query values with credential-like names, such as token,
// key or password, are replaced by "REDACTED".
func RequestURL(req *http.Request) string {
	if req == nil {
		return ""
	}
	return redactURL(req.URL)
}

// WithMiddleware wraps the transport, for logging, tracing or metrics.
// The first middleware given is the outermost. To log a request's URL,
// use RequestURL: the client keeps the path in URL.Opaque, to send it
// byte for byte, so req.URL.String() leaves out the host.
func WithMiddleware(m func(http.RoundTripper) http.RoundTripper) Option {
	return func(c *clientConfig) error {
		if m == nil {
			return errors.New("WithMiddleware: nil middleware")
		}
		c.middleware = append(c.middleware, m)
		return nil
	}
}

// WithMaxResponseBytes bounds the response bodies the client reads. A
// longer body fails the call.
func WithMaxResponseBytes(n int64) Option {
	return func(c *clientConfig) error {
		if n <= 0 {
			return fmt.Errorf("WithMaxResponseBytes: %d, want a positive size", n)
		}
		c.maxBody = n
		return nil
	}
}

// WithSession makes s the client's session, so several clients can share
// variables and cookies. The options' values are stored in s.
func WithSession(s *Session) Option {
	return func(c *clientConfig) error {
		if s == nil {
			return errors.New("WithSession: nil *Session")
		}
		c.session = s
		return nil
	}
}

// WithLogger logs what the client does not treat as an error, such as a
// script variable set to a value the response lacks, at level Warn.
func WithLogger(l *slog.Logger) Option {
	return func(c *clientConfig) error {
		c.logger = l
		return nil
	}
}

// MissingValue describes a value a script could not store: a variable set
// to undefined, usually because the response lacks the value, or the error
// of a test script, which leaves Variable empty.
type MissingValue struct {
	Operation string // the Go method name
	Variable  string
	Scope     Scope
	Reason    string
}

// WithMissingValueHook calls f for each value a script could not store,
// as MissingValue describes.
func WithMissingValueHook(f func(MissingValue)) Option {
	return func(c *clientConfig) error {
		c.onMissing = f
		return nil
	}
}

// reportMissing passes m to the missing-value hook and logs it.
func (c *Client) reportMissing(m MissingValue) {
	if c.onMissing != nil {
		c.onMissing(m)
	}
	switch {
	case c.logger == nil:
	case m.Variable == "":
		c.logger.Warn("test script failed", "operation", m.Operation, "reason", m.Reason)
	default:
		c.logger.Warn("script stored nothing", "operation", m.Operation, "variable", m.Variable, "scope", m.Scope.String(), "reason", m.Reason)
	}
}

// newClient builds a Client for spec. The generated New calls it.
func newClient(spec *apiSpec, opts []Option) (*Client, error) {
	cfg := clientConfig{timeout: -1, maxBody: DefaultMaxResponseBytes}
	for _, opt := range opts {
		if opt == nil {
			continue
		}
		if err := opt(&cfg); err != nil {
			return nil, err
		}
	}
	c := &Client{
		spec:      spec,
		session:   cfg.session,
		signer:    cfg.signer,
		retry:     cfg.retry,
		maxBody:   cfg.maxBody,
		logger:    cfg.logger,
		onMissing: cfg.onMissing,
	}
	if c.session == nil {
		c.session = NewSession()
	}
	if err := c.setVariables(&cfg); err != nil {
		return nil, err
	}
	if err := c.setHosts(&cfg); err != nil {
		return nil, err
	}
	c.authParams = parseAuthParams(spec.schemes)
	c.targetBuffers.New = func() any {
		buf := make([]byte, 0, 256)
		return &buf
	}
	c.setHTTPClient(&cfg)
	return c, nil
}

// setVariables stores the collection's defaults and the option values in
// the session and in c.defaults.
func (c *Client) setVariables(cfg *clientConfig) error {
	c.defaults = &Session{}
	set := func(scope Scope, name, value string) {
		c.session.Set(scope, name, value)
		c.defaults.Set(scope, name, value)
	}
	for _, v := range c.spec.vars {
		if !v.secret {
			set(v.scope, v.name, v.value)
		}
	}
	for _, p := range cfg.envVars {
		set(ScopeEnvironment, p.name, p.value)
	}
	for _, p := range cfg.vars {
		scope := ScopeCollection
		for _, v := range c.spec.vars {
			if v.name == p.name {
				scope = v.scope
				break
			}
		}
		set(scope, p.name, p.value)
	}
	return nil
}

// setHosts splits the host templates, applying the base URL options.
func (c *Client) setHosts(cfg *clientConfig) error {
	c.hosts = make([]template, len(c.spec.hosts))
	for i, h := range c.spec.hosts {
		c.hosts[i] = parseTemplate(h.template, false)
	}
	for i, baseURL := range cfg.hosts {
		if i < 0 || i >= len(c.hosts) {
			return fmt.Errorf("base URL option for host %d: the collection has %d hosts", i, len(c.hosts))
		}
		if baseURL == "" {
			return fmt.Errorf("%s: empty base URL", c.spec.hosts[i].option)
		}
		if err := checkBaseURLOption(c.spec.hosts[i].option, baseURL); err != nil {
			return err
		}
		c.hosts[i] = parseTemplate(baseURL, false)
	}
	return nil
}

// setHTTPClient builds the http.Client of c: the caller's or a new one,
// with the middleware, the timeout and the session's cookie jar.
func (c *Client) setHTTPClient(cfg *clientConfig) {
	var hc http.Client
	if cfg.httpClient != nil {
		hc = *cfg.httpClient
	}
	switch {
	case cfg.timeout >= 0:
		hc.Timeout = cfg.timeout
	case hc.Timeout == 0:
		hc.Timeout = DefaultTimeout
	}
	if len(cfg.middleware) > 0 {
		rt := hc.Transport
		if rt == nil {
			rt = http.DefaultTransport
		}
		for i := len(cfg.middleware) - 1; i >= 0; i-- {
			rt = cfg.middleware[i](rt)
		}
		hc.Transport = rt
	}
	c.ownJar = hc.Jar != nil
	plain := hc
	c.plainHTTP = &plain
	if !c.ownJar && c.session.jar != nil {
		hc.Jar = c.session.jar
	}
	c.httpClient = &hc
}

// Session returns the client's session.
func (c *Client) Session() *Session {
	return c.session
}

// httpFor returns the http.Client for a call that uses session s.
func (c *Client) httpFor(s *Session) *http.Client {
	if s == c.session || c.ownJar {
		return c.httpClient
	}
	hc := *c.plainHTTP
	if s.jar != nil {
		hc.Jar = s.jar
	}
	return &hc
}
