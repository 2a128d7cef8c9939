// Package mock serves the saved examples of a Postman collection over
// HTTP, for pmgen mock. It responds through the replay server that
// generated sequence tests use, fed with the same data, so a request gets
// the same example from both.
package mock

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"sync"

	"github.com/pmgen/pmgen/internal/replaydata"
	"github.com/pmgen/pmgen/model"
	"github.com/pmgen/pmgen/templates/replay"
)

// MaxBodySize is the largest request body the server reads, in bytes. A
// larger body gets 413 Request Entity Too Large.
const MaxBodySize = 32 << 20

// Server is an http.Handler that responds to each request with the saved
// example whose original request matches it best, and logs which example
// it served. It is safe for concurrent use.
type Server struct {
	logger *slog.Logger
	// operations and examples count what the server serves.
	operations, examples int

	// mu makes one request at a time use replay, so that the record the
	// replay server keeps of a request is known to be that request's.
	mu     sync.Mutex
	replay *replay.ReplayServer
	// basePaths are the paths of the collection's base URLs, longest
	// first, such as "/api" of {{baseUrl}} = http://host/api. A client
	// whose base URL is the mock's address followed by such a path sends
	// it before the request's own path.
	basePaths []string
}

// NewServer returns a server for the operations and examples of api that
// logs to logger.
func NewServer(api *model.API, logger *slog.Logger) *Server {
	ops := replaydata.Operations(api)
	s := &Server{logger: logger, operations: len(ops), replay: replay.NewReplayServer(ops), basePaths: basePaths(api)}
	for _, op := range ops {
		s.examples += len(op.Examples)
	}
	return s
}

// basePaths returns the paths of the hosts' default base URLs, without a
// trailing slash, longest first. A default that still contains a variable
// is left out.
func basePaths(api *model.API) []string {
	var paths []string
	for _, h := range api.Hosts {
		if h.Default == "" || strings.Contains(h.Default, "{{") {
			continue
		}
		u, err := url.Parse(h.Default)
		if err != nil {
			continue
		}
		p := strings.TrimRight(u.Path, "/")
		if p != "" && !slices.Contains(paths, p) {
			paths = append(paths, p)
		}
	}
	slices.SortFunc(paths, func(a, b string) int { return len(b) - len(a) })
	return paths
}

// serve lets the replay server respond to r, and returns the response and
// the replay server's record of the request. The caller must hold s.mu.
func (s *Server) serve(r *http.Request, body []byte) (*bufferedResponse, replay.ReplayRecord) {
	r.Body = io.NopCloser(bytes.NewReader(body))
	res := &bufferedResponse{}
	s.replay.ServeHTTP(res, r)
	records := s.replay.Requests()
	s.replay.Reset()
	var rec replay.ReplayRecord
	if len(records) > 0 {
		rec = records[len(records)-1]
	}
	return res, rec
}

// withoutBasePath returns r without the first base path that its path
// starts with, or nil when there is none.
func (s *Server) withoutBasePath(r *http.Request) *http.Request {
	for _, p := range s.basePaths {
		rest, ok := strings.CutPrefix(r.URL.Path, p)
		if !ok || (rest != "" && rest[0] != '/') {
			continue
		}
		if rest == "" {
			rest = "/"
		}
		stripped := r.Clone(r.Context())
		stripped.URL.Path = rest
		stripped.URL.RawPath = ""
		return stripped
	}
	return nil
}

// Counts returns the number of operations and of saved examples the server
// serves.
func (s *Server) Counts() (operations, examples int) {
	return s.operations, s.examples
}

// ServeHTTP serves r as the replay server does and logs the request with
// the operation and example it matched, or a warning when no operation
// matched.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	target := r.URL.RequestURI()
	// The body is read before taking the lock, so that a slow client
	// holds up no other request.
	body, err := io.ReadAll(http.MaxBytesReader(w, r.Body, MaxBodySize))
	if err != nil {
		status := http.StatusBadRequest
		var maxErr *http.MaxBytesError
		if errors.As(err, &maxErr) {
			status = http.StatusRequestEntityTooLarge
		}
		s.logger.Warn("reading the request body failed", "method", r.Method, "target", target, "status", status, "error", err)
		http.Error(w, fmt.Sprintf("reading the request body: %v", err), status)
		return
	}
	s.mu.Lock()
	res, rec := s.serve(r, body)
	if rec.Operation == "" {
		if stripped := s.withoutBasePath(r); stripped != nil {
			if strippedRes, strippedRec := s.serve(stripped, body); strippedRec.Operation != "" {
				res, rec = strippedRes, strippedRec
			}
		}
	}
	s.mu.Unlock()

	status := res.statusCode()
	switch {
	case rec.Operation == "":
		s.logger.Warn("no request of the collection matches", "method", r.Method, "target", target, "status", status)
	case rec.Example == "":
		s.logger.Info("request of an operation without saved examples", "method", r.Method, "target", target, "operation", rec.Operation, "status", status)
	default:
		s.logger.Info("request", "method", r.Method, "target", target, "operation", rec.Operation, "example", rec.Example, "status", status)
	}
	res.writeTo(w)
}

// bufferedResponse is an http.ResponseWriter that keeps the response in
// memory until writeTo sends it.
type bufferedResponse struct {
	header http.Header
	status int
	body   bytes.Buffer
}

func (b *bufferedResponse) Header() http.Header {
	if b.header == nil {
		b.header = http.Header{}
	}
	return b.header
}

func (b *bufferedResponse) WriteHeader(status int) {
	if b.status == 0 {
		b.status = status
	}
}

func (b *bufferedResponse) Write(p []byte) (int, error) {
	b.WriteHeader(http.StatusOK)
	return b.body.Write(p)
}

func (b *bufferedResponse) statusCode() int {
	if b.status == 0 {
		return http.StatusOK
	}
	return b.status
}

// writeTo sends the buffered response to w. A failed write means the
// client went away, which the handler cannot report to it.
func (b *bufferedResponse) writeTo(w http.ResponseWriter) {
	for name, values := range b.header {
		w.Header()[name] = values
	}
	w.WriteHeader(b.statusCode())
	_, _ = w.Write(b.body.Bytes())
}
