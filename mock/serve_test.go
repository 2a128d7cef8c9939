package mock

import (
	"context"
	"io"
	"log/slog"
	"net"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestCheckAddr(t *testing.T) {
	tests := []struct {
		addr             string
		allowNonLoopback bool
		wantErr          string
	}{
		{"127.0.0.1:8080", false, ""},
		{"127.0.0.2:0", false, ""},
		{"[::1]:8080", false, ""},
		{"localhost:8080", false, ""},
		{"0.0.0.0:8080", false, `address "0.0.0.0:8080" is not a loopback address`},
		{":8080", false, `address ":8080" is not a loopback address`},
		{"192.0.2.10:8080", false, `address "192.0.2.10:8080" is not a loopback address`},
		{"mock.example.invalid:8080", false, `address "mock.example.invalid:8080" is not a loopback address`},
		{"0.0.0.0:8080", true, ""},
		{":8080", true, ""},
		{"127.0.0.1", false, `invalid address "127.0.0.1": want host:port`},
		{"127.0.0.1", true, `invalid address "127.0.0.1": want host:port`},
	}
	for _, tt := range tests {
		err := CheckAddr(tt.addr, tt.allowNonLoopback)
		if tt.wantErr == "" {
			assert.NoError(t, err, tt.addr)
		} else {
			assert.ErrorContains(t, err, tt.wantErr, tt.addr)
		}
	}
}

func TestListenRejectsNonLoopback(t *testing.T) {
	ln, err := Listen("0.0.0.0:0", false)
	assert.Nil(t, ln)
	assert.ErrorContains(t, err, "not a loopback address")
}

func TestListenLoopback(t *testing.T) {
	ln, err := Listen("127.0.0.1:0", false)
	require.NoError(t, err)
	defer ln.Close()
	host, _, err := net.SplitHostPort(ln.Addr().String())
	require.NoError(t, err)
	assert.Equal(t, "127.0.0.1", host)
}

// TestServeWaitsForRequestInFlight cancels the context while a request is
// being served and checks that the request still completes and that Serve
// then returns nil.
func TestServeWaitsForRequestInFlight(t *testing.T) {
	ln, err := Listen("127.0.0.1:0", false)
	require.NoError(t, err)

	started, release := make(chan struct{}), make(chan struct{})
	handler := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		close(started)
		<-release
		_, _ = io.WriteString(w, "done")
	})
	ctx, cancel := context.WithCancel(t.Context())
	served := make(chan error, 1)
	go func() { served <- Serve(ctx, ln, handler, slog.New(slog.DiscardHandler)) }()

	type result struct {
		body string
		err  error
	}
	answered := make(chan result, 1)
	go func() {
		res, err := http.Get("http://" + ln.Addr().String() + "/slow")
		if err != nil {
			answered <- result{err: err}
			return
		}
		defer res.Body.Close()
		data, err := io.ReadAll(res.Body)
		answered <- result{body: string(data), err: err}
	}()

	<-started
	cancel()
	close(release)
	got := <-answered
	require.NoError(t, got.err)
	assert.Equal(t, "done", got.body)
	assert.NoError(t, <-served)

	_, err = net.Dial("tcp", ln.Addr().String())
	assert.Error(t, err, "the listener is closed after the shutdown")
}
