package clientrt

import (
	"bufio"
	"io"
	"net"
	"net/http"
	"net/textproto"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/require"
)

// rawRequest is a request as it arrived on the wire.
type rawRequest struct {
	line   string // "GET /path?q HTTP/1.1"
	header textproto.MIMEHeader
	// headerLines are the header lines in arrival order.
	headerLines []string
	body        string
}

// rawServer is a loopback HTTP/1.1 server that records the bytes of each
// request and answers every one with the same response.
type rawServer struct {
	t        *testing.T
	ln       net.Listener
	mu       sync.Mutex
	requests []rawRequest
	response string // a full HTTP response
}

func newRawServer(t *testing.T, response string) *rawServer {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	s := &rawServer{t: t, ln: ln, response: response}
	go s.serve()
	t.Cleanup(func() { ln.Close() })
	return s
}

func (s *rawServer) url() string { return "http://" + s.ln.Addr().String() }

func (s *rawServer) serve() {
	for {
		conn, err := s.ln.Accept()
		if err != nil {
			return
		}
		go s.handle(conn)
	}
}

func (s *rawServer) handle(conn net.Conn) {
	defer conn.Close()
	br := bufio.NewReader(conn)
	for {
		line, err := br.ReadString('\n')
		if err != nil {
			return
		}
		req := rawRequest{line: strings.TrimRight(line, "\r\n"), header: textproto.MIMEHeader{}}
		for {
			l, err := br.ReadString('\n')
			if err != nil {
				return
			}
			l = strings.TrimRight(l, "\r\n")
			if l == "" {
				break
			}
			req.headerLines = append(req.headerLines, l)
			name, value, _ := strings.Cut(l, ":")
			req.header.Add(name, strings.TrimSpace(value))
		}
		if n, err := strconv.Atoi(req.header.Get("Content-Length")); err == nil {
			body := make([]byte, n)
			if _, err := io.ReadFull(br, body); err != nil {
				return
			}
			req.body = string(body)
		}
		s.mu.Lock()
		s.requests = append(s.requests, req)
		s.mu.Unlock()
		if _, err := io.WriteString(conn, s.response); err != nil {
			return
		}
	}
}

func (s *rawServer) last() rawRequest {
	s.mu.Lock()
	defer s.mu.Unlock()
	require.NotEmpty(s.t, s.requests, "the server received no request")
	return s.requests[len(s.requests)-1]
}

const okJSON = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 11\r\n\r\n{\"ok\":true}"

// testSpec returns a spec whose single host is {{baseUrl}}.
func testSpec(vars ...varSpec) *apiSpec {
	return &apiSpec{
		hosts: []hostSpec{{template: "{{baseUrl}}", option: "WithBaseURL"}},
		vars:  append([]varSpec{{name: "baseUrl", scope: ScopeCollection, option: "WithBaseURL"}}, vars...),
	}
}

// newTestClient returns a client of spec whose base URL is baseURL.
func newTestClient(t *testing.T, spec *apiSpec, baseURL string, opts ...Option) *Client {
	t.Helper()
	c, err := newClient(spec, append([]Option{variableOption("baseUrl", baseURL)}, opts...))
	require.NoError(t, err)
	return c
}

// getOp returns a GET operation with no auth.
func getOp(path ...string) *operation {
	return &operation{name: "Get", method: http.MethodGet, path: path, auth: -1}
}
