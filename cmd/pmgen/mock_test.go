package main

import (
	"bytes"
	"context"
	"io"
	"net"
	"net/http"
	"path/filepath"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// lockedBuffer is a bytes.Buffer that the server's goroutines and the
// test may use at once.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

func TestMockServesUntilCanceled(t *testing.T) {
	ctx, cancel := context.WithCancel(t.Context())
	addrs := make(chan net.Addr, 1)
	var stderr lockedBuffer
	exit := make(chan int, 1)
	go func() {
		args := []string{"-collection", kassaV1, "-env", kassaEnv, "-addr", "127.0.0.1:0"}
		exit <- serveMock(ctx, args, &stderr, func(a net.Addr) { addrs <- a })
	}()

	var addr net.Addr
	select {
	case addr = <-addrs:
	case code := <-exit:
		t.Fatalf("pmgen mock exited with %d before serving:\n%s", code, stderr.String())
	}
	res, err := http.Get("http://" + addr.String() + "/api/v1/ping")
	require.NoError(t, err)
	body, err := io.ReadAll(res.Body)
	res.Body.Close()
	require.NoError(t, err)
	assert.Equal(t, http.StatusOK, res.StatusCode)
	assert.Contains(t, string(body), `"apiVersion": "1.4.2"`)

	cancel()
	assert.Equal(t, exitOK, <-exit)
	log := stderr.String()
	assert.Contains(t, log, `msg="serving saved examples" addr=`+addr.String())
	assert.Contains(t, log, "operations=17 examples=23")
	assert.Contains(t, log, `msg=request method=GET target=/api/v1/ping operation=ProverkaSviaziSServerom example="Сервер доступен" status=200`)
	assert.Contains(t, log, `msg=stopped addr=`+addr.String())
}

func TestMockExitCodes(t *testing.T) {
	busy, err := net.Listen("tcp", "127.0.0.1:0")
	require.NoError(t, err)
	defer busy.Close()
	missing := filepath.Join(t.TempDir(), "missing.json")

	tests := []struct {
		name       string
		args       []string
		want       int
		wantStderr string
	}{
		{"help", []string{"-h"}, exitOK, "Usage: pmgen mock"},
		{"no collection", nil, exitUsage, "missing -collection"},
		{"unknown flag", []string{"-nope"}, exitUsage, "flag provided but not defined: -nope"},
		{"argument", []string{"-collection", kassaV1, "extra"}, exitUsage, `unexpected argument "extra"`},
		{"address without port", []string{"-collection", kassaV1, "-addr", "127.0.0.1"}, exitUsage, `invalid address "127.0.0.1"`},
		{"missing collection", []string{"-collection", missing, "-addr", "127.0.0.1:0"}, exitInput, "read collection"},
		{"address in use", []string{"-collection", kassaV1, "-addr", busy.Addr().String()}, exitInput, "choose another port with -addr, or -addr 127.0.0.1:0 for any free one"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var stderr lockedBuffer
			code := serveMock(t.Context(), tt.args, &stderr, func(net.Addr) { t.Error("pmgen mock started serving") })
			assert.Equal(t, tt.want, code, stderr.String())
			assert.Contains(t, stderr.String(), tt.wantStderr)
		})
	}
}

func TestMockIsRegistered(t *testing.T) {
	code, stdout, _ := runPmgen("help")
	assert.Equal(t, exitOK, code)
	assert.Contains(t, stdout, "pmgen mock -collection FILE [flags]")

	code, _, stderr := runPmgen("mock")
	assert.Equal(t, exitUsage, code)
	assert.Contains(t, stderr, "pmgen mock: missing -collection")
}
