package clientrt

import (
	"context"
	"fmt"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"time"
)

// loggingMiddleware logs each attempt of a call with log/slog.
func loggingMiddleware(logger *slog.Logger) func(http.RoundTripper) http.RoundTripper {
	return func(next http.RoundTripper) http.RoundTripper {
		return roundTripFunc(func(req *http.Request) (*http.Response, error) {
			resp, err := next.RoundTrip(req)
			if err != nil {
				logger.Error("request failed", "method", req.Method, "path", req.URL.Opaque, "error", err)
				return nil, err
			}
			logger.Info("request", "method", req.Method, "path", req.URL.Opaque, "status", resp.StatusCode)
			return resp, nil
		})
	}
}

func Example_logging() {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fmt.Fprint(w, `{"id":1}`)
	}))
	defer srv.Close()

	// Drop the time so that the output is stable.
	logger := slog.New(slog.NewTextHandler(os.Stdout, &slog.HandlerOptions{
		ReplaceAttr: func(groups []string, a slog.Attr) slog.Attr {
			if a.Key == slog.TimeKey {
				return slog.Attr{}
			}
			return a
		},
	}))
	spec := testSpec()
	c, err := newClient(spec, []Option{
		variableOption("baseUrl", srv.URL),
		WithMiddleware(loggingMiddleware(logger)),
		WithLogger(logger),
		WithTimeout(10 * time.Second),
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	// The response has no shiftId, so the test script stores nothing and
	// the client logs a warning.
	op := &operation{name: "OpenShift", method: "POST", path: []string{"shift", "open"}, auth: -1,
		postScript: func(e *scriptEnv) { e.set(ScopeEnvironment, "shiftId", e.json("shiftId")) }}
	if err := c.send(context.Background(), op, nil, nil, nil); err != nil {
		fmt.Println(err)
	}
	// Output:
	// level=INFO msg=request method=POST path=/shift/open status=200
	// level=WARN msg="script stored nothing" operation=OpenShift variable=shiftId scope=environment reason="the value is undefined"
}
