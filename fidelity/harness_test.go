package fidelity

import (
	"bufio"
	"io"
	"net"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/pmgen/pmgen/internal/pipeline"
)

// send writes raw requests on one connection and reads one response per
// request.
func send(t *testing.T, srv *Server, raw string, responses int) []string {
	t.Helper()
	conn, err := net.Dial("tcp", strings.TrimPrefix(srv.URL(), "http://"))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	if _, err := io.WriteString(conn, raw); err != nil {
		t.Fatal(err)
	}
	br := bufio.NewReader(conn)
	var out []string
	for range responses {
		var resp strings.Builder
		length := 0
		for {
			line, err := br.ReadString('\n')
			if err != nil {
				t.Fatal(err)
			}
			resp.WriteString(line)
			if v, ok := strings.CutPrefix(line, "Content-Length: "); ok {
				for _, c := range strings.TrimSpace(v) {
					length = length*10 + int(c-'0')
				}
			}
			if line == "\r\n" {
				break
			}
		}
		body := make([]byte, length)
		if _, err := io.ReadFull(br, body); err != nil {
			t.Fatal(err)
		}
		resp.Write(body)
		out = append(out, resp.String())
	}
	return out
}

func TestCaptureKeepsRawRequests(t *testing.T) {
	fixed := []Response{{Method: "POST", Path: "/login", Status: 201, Headers: [][]string{{"Set-Cookie", "sid=1"}}, Body: "created"}}
	srv, err := NewServer(fixed, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	responses := send(t, srv,
		"GET /a%20b/:id?x=1&y&q=a+b HTTP/1.1\r\nHost: h\r\nX-B: 2\r\nx-a: 1\r\nX-B:  3 \r\n\r\n"+
			"POST /login HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n4\r\nbody\r\n3;ext=1\r\n 42\r\n0\r\n\r\n", 2)
	if !strings.HasPrefix(responses[0], "HTTP/1.1 200 OK\r\n") || !strings.HasSuffix(responses[0], `{"ok":true}`) {
		t.Errorf("default response = %q", responses[0])
	}
	if !strings.HasPrefix(responses[1], "HTTP/1.1 201 ") || !strings.Contains(responses[1], "Set-Cookie: sid=1\r\n") || !strings.HasSuffix(responses[1], "created") {
		t.Errorf("fixture response = %q", responses[1])
	}

	reqs, err := srv.Take()
	if err != nil {
		t.Fatal(err)
	}
	if len(reqs) != 2 {
		t.Fatalf("captured %d requests, want 2", len(reqs))
	}
	if got := reqs[0].Target; got != "/a%20b/:id?x=1&y&q=a+b" {
		t.Errorf("target = %q, want it byte for byte", got)
	}
	var names []string
	for _, f := range reqs[0].Headers {
		names = append(names, f.Name+"="+f.Value)
	}
	if got := strings.Join(names, " "); got != "Host=h X-B=2 x-a=1 X-B=3" {
		t.Errorf("headers = %s, want them in arrival order with names as sent", got)
	}
	if got := string(reqs[1].Body); got != "body 42" {
		t.Errorf("chunked body = %q, want %q", got, "body 42")
	}
	if again, _ := srv.Take(); len(again) != 0 {
		t.Errorf("Take returned %d requests a second time", len(again))
	}
}

func TestCaptureHeadResponseHasNoBody(t *testing.T) {
	srv, err := NewServer(nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	// A body after the HEAD response would be read as the start of the
	// next response.
	responses := send(t, srv, "HEAD /h HTTP/1.1\r\nHost: h\r\n\r\nGET /g HTTP/1.1\r\nHost: h\r\n\r\n", 1)
	if !strings.HasPrefix(responses[0], "HTTP/1.1 200 OK\r\n") {
		t.Fatalf("HEAD response = %q", responses[0])
	}
	conn, err := net.Dial("tcp", strings.TrimPrefix(srv.URL(), "http://"))
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close()
	io.WriteString(conn, "HEAD /h HTTP/1.1\r\nHost: h\r\n\r\nGET /g HTTP/1.1\r\nHost: h\r\n\r\n")
	br := bufio.NewReader(conn)
	for {
		line, err := br.ReadString('\n')
		if err != nil {
			t.Fatal(err)
		}
		if line == "\r\n" {
			break
		}
	}
	next, err := br.ReadString('\n')
	if err != nil {
		t.Fatal(err)
	}
	if next != "HTTP/1.1 200 OK\r\n" {
		t.Errorf("line after the HEAD response = %q, want the status line of the next response", next)
	}
}

// The values are the example of RFC 2617, section 3.5.
func TestDigestCheckRFC2617Example(t *testing.T) {
	d := &DigestChallenge{
		Paths: []string{"/dir/index.html"}, Realm: "testrealm@host.com", Nonce: "dcd98b7102dd2f0e8b11d0f600bfb0c093",
		Opaque: "5ccc069c403ebaf9f0171e9517f40e41", QOP: "auth", Username: "Mufasa", Password: "Circle Of Life",
	}
	auth := `Digest username="Mufasa", realm="testrealm@host.com", nonce="dcd98b7102dd2f0e8b11d0f600bfb0c093", ` +
		`uri="/dir/index.html", qop=auth, nc=00000001, cnonce="0a4f113b", ` +
		`response="6629fae49393a05397450978507c4ef1", opaque="5ccc069c403ebaf9f0171e9517f40e41"`
	req := &Request{Method: "GET", Target: "/dir/index.html", Headers: []Field{{"Authorization", auth}}}
	if got := d.check(req); got != DigestValid {
		t.Errorf("check = %q, want %q", got, DigestValid)
	}
	if got := d.check(&Request{Method: "GET", Target: "/dir/index.html"}); got != DigestChallenged {
		t.Errorf("check without Authorization = %q, want %q", got, DigestChallenged)
	}
	wrong := &Request{Method: "POST", Target: "/dir/index.html", Headers: []Field{{"Authorization", auth}}}
	if got := d.check(wrong); !strings.HasPrefix(string(got), "invalid: response") {
		t.Errorf("check of a response for another method = %q, want an invalid response", got)
	}
}

func TestDiffBody(t *testing.T) {
	tests := []struct {
		name     string
		typeA    string
		a, b     string
		typeB    string
		wantSame bool
	}{
		{"json key order and number form", "application/json", `{"a": 10.00, "b": [1, 2]}`, `{"b":[1,2],"a":10}`, "application/json", true},
		{"json values differ", "application/json", `{"a": "x"}`, `{"a": "y"}`, "application/json", false},
		{"json labelled as text", "text/plain", `{"a": 1}`, `{"a":1}`, "text/plain", true},
		{"invalid json compared by bytes", "application/json", `{"a": "say "hi""}`, `{"a": "say \"hi\""}`, "application/json", false},
		{"urlencoded decoded", "application/x-www-form-urlencoded", "a=b%20c&d=%2B", "a=b+c&d=%2b", "application/x-www-form-urlencoded", true},
		{"urlencoded order matters", "application/x-www-form-urlencoded", "a=1&b=2", "b=2&a=1", "application/x-www-form-urlencoded", false},
		{"multipart with different boundaries", "multipart/form-data; boundary=XX",
			"--XX\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n--XX--\r\n",
			"--YY\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n--YY--\r\n", "multipart/form-data; boundary=YY", true},
		{"multipart part headers differ", "multipart/form-data; boundary=XX",
			"--XX\r\nContent-Disposition: form-data; name=\"a\"\r\nContent-Type: text/plain\r\n\r\n1\r\n--XX--\r\n",
			"--XX\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\n1\r\n--XX--\r\n", "multipart/form-data; boundary=XX", false},
		{"text by bytes", "text/plain", "a b", "a  b", "text/plain", false},
	}
	for _, tt := range tests {
		d := diffBody(tt.typeA, []byte(tt.a), []byte(tt.b), tt.typeB)
		if (d == "") != tt.wantSame {
			t.Errorf("%s: diffBody = %q, want same %v", tt.name, d, tt.wantSame)
		}
	}
}

func TestComparableHeadersIgnoreClientDefaults(t *testing.T) {
	newman := &Request{Headers: []Field{
		{"User-Agent", "PostmanRuntime/7.43.0"}, {"Accept", "*/*"}, {"Cache-Control", "no-cache"},
		{"Postman-Token", "x"}, {"Host", "h"}, {"Accept-Encoding", "gzip, deflate, br"}, {"Connection", "keep-alive"},
		{"Content-Type", "multipart/form-data; boundary=--1"}, {"Content-Length", "5"}, {"X-Kept", "1"},
	}}
	pmgen := &Request{Headers: []Field{{"Content-Type", "multipart/form-data; boundary=2"}, {"X-Kept", "1"}}}
	if d := diffHeaders(comparableHeaders(newman, pmgen), comparableHeaders(pmgen, newman)); len(d) != 0 {
		t.Errorf("differences %q, want none", d)
	}
	// An Accept the collection sets on the other side is compared.
	withAccept := &Request{Headers: []Field{{"Accept", "application/json"}}}
	if d := diffHeaders(comparableHeaders(&Request{Headers: []Field{{"Accept", "*/*"}}}, withAccept), comparableHeaders(withAccept, nil)); len(d) != 1 {
		t.Errorf("differences %q, want one for Accept", d)
	}
}

func TestCompareAlignsMissingRequests(t *testing.T) {
	newman := []Request{{Method: "GET", Target: "/a"}, {Method: "GET", Target: "/b"}, {Method: "GET", Target: "/c"}}
	pmgen := []Request{{Method: "GET", Target: "/a"}, {Method: "GET", Target: "/c"}}
	rows := Compare(newman, pmgen, nil, "")
	if len(rows) != 3 {
		t.Fatalf("%d rows, want 3", len(rows))
	}
	if rows[0].Outcome != Identical || rows[2].Outcome != Identical {
		t.Errorf("rows /a and /c: %s, %s, want identical", rows[0].Outcome, rows[2].Outcome)
	}
	if rows[1].Target != "/b" || rows[1].Outcome != Different || rows[1].Diffs[0] != "the pmgen client did not send this request" {
		t.Errorf("row 2 = %+v, want /b sent by newman only", rows[1])
	}
}

func TestDeclaredDepartureMustDiffer(t *testing.T) {
	req := Request{Method: "POST", Target: "/x", Body: []byte(`{"a":1}`), Headers: []Field{{"Content-Type", "application/json"}}}
	exp := []ExpectedRequest{{Departure: DepartureJSONEscape, PMGen: &Override{Body: `{"a":1}`}}}
	rows := Compare([]Request{req}, []Request{req}, exp, "")
	if rows[0].Outcome != Different {
		t.Errorf("outcome %s, want a declared departure without a difference to fail", rows[0].Outcome)
	}
	other := req
	other.Headers = []Field{{"Content-Type", "text/plain"}}
	other.Body = []byte(`{"a":2}`)
	rows = Compare([]Request{req}, []Request{other}, []ExpectedRequest{{Departure: DepartureJSONEscape, PMGen: &Override{Body: `{"a":2}`}}}, "")
	if rows[0].Outcome != Different {
		t.Errorf("outcome %s, want a header difference beside a body departure to fail", rows[0].Outcome)
	}
}

func TestPostmanString(t *testing.T) {
	tests := []struct {
		value any
		want  string
	}{
		{"s", "s"}, {10.5, "10.5"}, {10.0, "10"}, {1e21, "1e+21"}, {1e-7, "1e-7"}, {0.000001, "0.000001"},
		{true, "true"}, {nil, "null"}, {[]any{1.0, nil, "x"}, "1,,x"}, {map[string]any{"a": 1.0}, "[object Object]"},
	}
	for _, tt := range tests {
		if got := postmanString(tt.value); got != tt.want {
			t.Errorf("postmanString(%#v) = %q, want %q", tt.value, got, tt.want)
		}
	}
}

// Requests that share method and path stay distinct operations with
// distinct method names.
func TestRPCStyleOperationsDistinct(t *testing.T) {
	f, err := LoadFixture(fixturesRoot + "/rpc-style")
	if err != nil {
		t.Fatal(err)
	}
	gen, err := pipeline.Run(pipeline.Options{Collection: f.Collection, Package: "client"})
	if err != nil {
		t.Fatal(err)
	}
	names := map[string]bool{}
	for _, op := range gen.API.Operations {
		if op.URL.PathTemplate() != "/rpc" || op.Method != "POST" {
			t.Errorf("operation %s is %s %s, want POST /rpc", op.GoName, op.Method, op.URL.PathTemplate())
		}
		if names[op.GoName] {
			t.Errorf("method name %s is used twice", op.GoName)
		}
		names[op.GoName] = true
	}
	if len(gen.API.Operations) != 3 {
		t.Errorf("%d operations, want 3", len(gen.API.Operations))
	}
}

// TestNewmanStoppedAfterSummary runs a stand-in for newman that prints
// the summary's last line and then hangs: the run must end with its
// output once the grace period is over.
func TestNewmanStoppedAfterSummary(t *testing.T) {
	dir := t.TempDir()
	fake := filepath.Join(dir, "newman")
	script := "#!/bin/sh\necho 'Root Ping'\necho '| average response time: 1ms [min: 1ms, max: 1ms, s.d.: 0µs] |'\nexec sleep 600\n"
	if err := os.WriteFile(fake, []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	grace := newmanExitGrace
	newmanExitGrace = 100 * time.Millisecond
	t.Cleanup(func() { newmanExitGrace = grace })
	rn := &Runner{Newman: fake}

	start := time.Now()
	out, err := rn.runNewman(t.Context(), &Fixture{Name: "fake", Dir: dir, Collection: "c.json"}, runFiles{newmanEnv: "e.json"})

	if err != nil {
		t.Fatalf("runNewman: %v", err)
	}
	if !strings.Contains(out, "Root Ping") {
		t.Errorf("output %q lacks the run", out)
	}
	if d := time.Since(start); d > 30*time.Second {
		t.Errorf("runNewman took %v, want it to stop newman after the grace period", d)
	}
}
