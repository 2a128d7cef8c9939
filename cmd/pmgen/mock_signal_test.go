//go:build unix

package main

import (
	"bufio"
	"errors"
	"io"
	"net"
	"net/http"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestMockStopsOnSignal builds pmgen, runs pmgen mock, sends it a request
// and then SIGTERM, and checks that it shuts down and exits with 0.
func TestMockStopsOnSignal(t *testing.T) {
	if testing.Short() {
		t.Skip("builds pmgen")
	}
	bin := filepath.Join(t.TempDir(), "pmgen")
	out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput()
	require.NoError(t, err, "%s", out)

	cmd := exec.Command(bin, "mock", "-collection", kassaV1, "-env", kassaEnv, "-addr", "127.0.0.1:0")
	stderr, err := cmd.StderrPipe()
	require.NoError(t, err)
	require.NoError(t, cmd.Start())
	t.Cleanup(func() { _ = cmd.Process.Kill() })

	// The log line that announces the server gives the port it chose.
	lines := bufio.NewScanner(stderr)
	serving := regexp.MustCompile(`msg="serving saved examples" addr=\S+ url=(\S+)`)
	var url string
	for url == "" && lines.Scan() {
		if m := serving.FindStringSubmatch(lines.Text()); m != nil {
			url = m[1]
		}
	}
	require.NotEmpty(t, url, "pmgen mock did not start serving")

	res, err := http.Get(url + "/api/v1/kassa")
	require.NoError(t, err)
	_, _ = io.Copy(io.Discard, res.Body)
	res.Body.Close()
	assert.Equal(t, http.StatusOK, res.StatusCode)

	require.NoError(t, cmd.Process.Signal(syscall.SIGTERM))
	var rest []string
	for lines.Scan() {
		rest = append(rest, lines.Text())
	}
	err = cmd.Wait()
	var exitErr *exec.ExitError
	if errors.As(err, &exitErr) {
		t.Fatalf("pmgen mock exited with %d after SIGTERM:\n%q", exitErr.ExitCode(), rest)
	}
	require.NoError(t, err)
	require.Len(t, rest, 3, "%q", rest)
	assert.Contains(t, rest[0], "operation=InformatsiiaOKasse")
	assert.Contains(t, rest[1], `msg="shutting down"`)
	assert.Contains(t, rest[2], "msg=stopped")
}

// TestMockSecondSignalEndsShutdown keeps a request in flight so that the
// shutdown after the first SIGTERM waits, and checks that a second
// SIGTERM ends the process at once.
func TestMockSecondSignalEndsShutdown(t *testing.T) {
	if testing.Short() {
		t.Skip("builds pmgen")
	}
	bin := filepath.Join(t.TempDir(), "pmgen")
	out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput()
	require.NoError(t, err, "%s", out)

	cmd := exec.Command(bin, "mock", "-collection", kassaV1, "-env", kassaEnv, "-addr", "127.0.0.1:0")
	stderr, err := cmd.StderrPipe()
	require.NoError(t, err)
	require.NoError(t, cmd.Start())
	t.Cleanup(func() { _ = cmd.Process.Kill() })
	lines := bufio.NewScanner(stderr)
	serving := regexp.MustCompile(`msg="serving saved examples" addr=(\S+)`)
	var addr string
	for addr == "" && lines.Scan() {
		if m := serving.FindStringSubmatch(lines.Text()); m != nil {
			addr = m[1]
		}
	}
	require.NotEmpty(t, addr, "pmgen mock did not start serving")

	// A request whose body never arrives stays in flight. It expects
	// 100 Continue, which the server sends once the handler reads the
	// body, so the request is in flight before the first signal.
	conn, err := net.Dial("tcp", addr)
	require.NoError(t, err)
	defer conn.Close()
	_, err = io.WriteString(conn, "POST /api/v1/auth/login HTTP/1.1\r\nHost: "+addr+"\r\nContent-Length: 100\r\nExpect: 100-continue\r\n\r\n")
	require.NoError(t, err)
	continueLine, err := bufio.NewReader(conn).ReadString('\n')
	require.NoError(t, err)
	require.Equal(t, "HTTP/1.1 100 Continue\r\n", continueLine)

	require.NoError(t, cmd.Process.Signal(syscall.SIGTERM))
	for lines.Scan() && !strings.Contains(lines.Text(), `msg="shutting down"`) {
	}
	require.NoError(t, cmd.Process.Signal(syscall.SIGTERM))
	err = cmd.Wait()
	var exitErr *exec.ExitError
	require.ErrorAs(t, err, &exitErr)
	status, ok := exitErr.Sys().(syscall.WaitStatus)
	require.True(t, ok)
	assert.True(t, status.Signaled(), "pmgen mock exited with %d instead of being ended by the signal", exitErr.ExitCode())
	assert.Equal(t, syscall.SIGTERM, status.Signal())
}
