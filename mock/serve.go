package mock

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"time"
)

// DefaultAddr is the address pmgen mock listens on unless told otherwise:
// loopback only, so that no other host reaches the collection's examples.
const DefaultAddr = "127.0.0.1:8080"

// ShutdownTimeout is how long Serve waits for requests in flight after its
// context is done before it closes their connections.
const ShutdownTimeout = 5 * time.Second

// readHeaderTimeout bounds the time a client may take to send the request
// headers, so that idle connections do not pile up.
const readHeaderTimeout = 10 * time.Second

// CheckAddr checks that addr is a host:port address and, unless
// allowNonLoopback is set, that its host is a loopback address or
// "localhost". An empty host, as in ":8080", listens on every interface
// and is not loopback.
func CheckAddr(addr string, allowNonLoopback bool) error {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return fmt.Errorf("invalid address %q: want host:port, such as %s", addr, DefaultAddr)
	}
	if allowNonLoopback || IsLoopback(host) {
		return nil
	}
	return fmt.Errorf("address %q is not a loopback address, and other hosts could reach it: want a host such as 127.0.0.1 or ::1", addr)
}

// IsLoopback reports whether host is "localhost" or a loopback IP address.
func IsLoopback(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// Listen checks addr as CheckAddr does and listens on it with TCP.
func Listen(addr string, allowNonLoopback bool) (net.Listener, error) {
	if err := CheckAddr(addr, allowNonLoopback); err != nil {
		return nil, err
	}
	return net.Listen("tcp", addr)
}

// Serve serves h on ln until ctx is done, then shuts the server down: it
// stops accepting connections and waits up to ShutdownTimeout for requests
// in flight. It returns nil after a clean shutdown.
func Serve(ctx context.Context, ln net.Listener, h http.Handler, logger *slog.Logger) error {
	srv := &http.Server{
		Handler:           h,
		ReadHeaderTimeout: readHeaderTimeout,
		ErrorLog:          slog.NewLogLogger(logger.Handler(), slog.LevelWarn),
	}
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()

	select {
	case err := <-served:
		return fmt.Errorf("serve %s: %w", ln.Addr(), err)
	case <-ctx.Done():
	}

	logger.Info("shutting down", "addr", ln.Addr().String(), "timeout", ShutdownTimeout.String())
	shutdownCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), ShutdownTimeout)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil {
		_ = srv.Close()
		return fmt.Errorf("shut down %s: %w", ln.Addr(), err)
	}
	if err := <-served; !errors.Is(err, http.ErrServerClosed) {
		return fmt.Errorf("serve %s: %w", ln.Addr(), err)
	}
	logger.Info("stopped", "addr", ln.Addr().String())
	return nil
}
