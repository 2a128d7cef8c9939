package mock

import (
	"bytes"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/pmgen/pmgen/internal/pipeline"
	"github.com/pmgen/pmgen/model"
)

const (
	kassaCollection  = "../testdata/example/kassa.postman_collection.json"
	kassaEnvironment = "../testdata/example/kassa.postman_environment.json"
)

// kassaModel builds the model of the example collection.
func kassaModel(t *testing.T) *model.API {
	t.Helper()
	res, err := pipeline.Model(pipeline.Options{
		Collection:     kassaCollection,
		Environments:   []string{kassaEnvironment},
		DefaultPackage: "kassa",
	})
	require.NoError(t, err)
	return res.API
}

// syncBuffer is a bytes.Buffer that several goroutines may write.
type syncBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *syncBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *syncBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// newTestServer starts the mock of the example collection on a loopback
// port and returns its URL and its log.
func newTestServer(t *testing.T) (string, *syncBuffer) {
	t.Helper()
	var log syncBuffer
	srv := NewServer(kassaModel(t), slog.New(slog.NewTextHandler(&log, nil)))
	hs := httptest.NewServer(srv)
	t.Cleanup(hs.Close)
	return hs.URL, &log
}

func send(t *testing.T, method, url, body string) (*http.Response, string) {
	t.Helper()
	req, err := http.NewRequestWithContext(t.Context(), method, url, strings.NewReader(body))
	require.NoError(t, err)
	res, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	defer res.Body.Close()
	data, err := io.ReadAll(res.Body)
	require.NoError(t, err)
	return res, string(data)
}

func TestServerAnswersWithExample(t *testing.T) {
	url, log := newTestServer(t)

	res, body := send(t, http.MethodPost, url+"/api/v1/auth/login", `{"login":"cashier-01","pin":"1234","deviceId":"POS-TERMINAL-03","rememberDevice":false}`)
	assert.Equal(t, http.StatusOK, res.StatusCode)
	assert.Equal(t, "application/json; charset=utf-8", res.Header.Get("Content-Type"))
	assert.Equal(t, "req-19e17d1d", res.Header.Get("X-Request-Id"))
	assert.Contains(t, body, `"token": "sess_5f1c2a7e9b3d4c60a8e1"`)

	assert.Contains(t, log.String(), `level=INFO msg=request method=POST target=/api/v1/auth/login operation=VkhodKassira example="Успешный вход" status=200`)
}

func TestServerChoosesExampleByRequest(t *testing.T) {
	url, log := newTestServer(t)

	res, body := send(t, http.MethodGet, url+"/api/v1/shifts/5e2f8c1a-7b3d-4c9e-a0f1-2d6b8e4c9a73?includeTotals=false", "")
	assert.Equal(t, http.StatusOK, res.StatusCode)
	assert.Contains(t, body, `"status": "CLOSED"`)
	assert.Contains(t, log.String(), `operation=StatusSmeny example="Смена закрыта, без итогов" status=200`)
}

// ordersCollection has a request with a 200 and a 404 example, which the
// paths of their original requests distinguish, and a request without
// examples.
const ordersCollection = `{
  "info": {"name": "Orders", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
  "item": [{
    "name": "Get order",
    "request": {"method": "GET", "url": "{{baseUrl}}/orders/:orderId"},
    "response": [
      {"name": "Found", "code": 200, "header": [{"key": "Content-Type", "value": "application/json"}],
       "originalRequest": {"method": "GET", "url": "{{baseUrl}}/orders/o-1"}, "body": "{\"id\": \"o-1\"}"},
      {"name": "Not found", "code": 404, "header": [{"key": "Content-Type", "value": "application/json"}],
       "originalRequest": {"method": "GET", "url": "{{baseUrl}}/orders/o-404"}, "body": "{\"error\": \"NOT_FOUND\"}"}
    ]
  }, {
    "name": "Delete order",
    "request": {"method": "DELETE", "url": "{{baseUrl}}/orders/:orderId"}
  }]
}`

func TestServerAnswersErrorExample(t *testing.T) {
	path := filepath.Join(t.TempDir(), "collection.json")
	require.NoError(t, os.WriteFile(path, []byte(ordersCollection), 0o644))
	res, err := pipeline.Model(pipeline.Options{Collection: path, DefaultPackage: "client"})
	require.NoError(t, err)
	var log syncBuffer
	hs := httptest.NewServer(NewServer(res.API, slog.New(slog.NewTextHandler(&log, nil))))
	t.Cleanup(hs.Close)

	got, body := send(t, http.MethodGet, hs.URL+"/orders/o-404", "")
	assert.Equal(t, http.StatusNotFound, got.StatusCode)
	assert.JSONEq(t, `{"error": "NOT_FOUND"}`, body)
	assert.Contains(t, log.String(), `msg=request method=GET target=/orders/o-404 operation=GetOrder example="Not found" status=404`)

	got, body = send(t, http.MethodGet, hs.URL+"/orders/o-1", "")
	assert.Equal(t, http.StatusOK, got.StatusCode)
	assert.JSONEq(t, `{"id": "o-1"}`, body)
	assert.Contains(t, log.String(), `msg=request method=GET target=/orders/o-1 operation=GetOrder example=Found status=200`)

	got, body = send(t, http.MethodDelete, hs.URL+"/orders/o-1", "")
	assert.Equal(t, http.StatusOK, got.StatusCode)
	assert.Empty(t, body)
	assert.Contains(t, log.String(), `msg="request of an operation without saved examples" method=DELETE target=/orders/o-1 operation=DeleteOrder status=200`)
}

func TestServerUnknownRequestIs404(t *testing.T) {
	url, log := newTestServer(t)

	res, body := send(t, http.MethodDelete, url+"/api/v1/ping", "")
	assert.Equal(t, http.StatusNotFound, res.StatusCode)
	assert.Contains(t, body, "no request matches DELETE /api/v1/ping\nknown requests:\n")
	assert.Contains(t, body, "  GET /api/v1/ping (ProverkaSviaziSServerom)\n")
	assert.Contains(t, body, "  POST /api/v1/auth/login (VkhodKassira)\n")
	assert.Contains(t, log.String(), `level=WARN msg="no request of the collection matches" method=DELETE target=/api/v1/ping status=404`)
}

func TestServerRejectsLargeBody(t *testing.T) {
	var log syncBuffer
	srv := NewServer(kassaModel(t), slog.New(slog.NewTextHandler(&log, nil)))

	req := httptest.NewRequest(http.MethodPost, "/api/v1/auth/login", strings.NewReader(strings.Repeat("x", MaxBodySize+1)))
	res := httptest.NewRecorder()
	srv.ServeHTTP(res, req)
	assert.Equal(t, http.StatusRequestEntityTooLarge, res.Code)
	assert.Contains(t, log.String(), `msg="reading the request body failed" method=POST target=/api/v1/auth/login status=413`)
}

func TestServerCounts(t *testing.T) {
	srv := NewServer(kassaModel(t), slog.New(slog.DiscardHandler))
	operations, examples := srv.Counts()
	assert.Equal(t, 17, operations)
	assert.Equal(t, 23, examples)
}

// TestServerConcurrentRequests sends requests in parallel and checks that
// each log line names the operation of its own request.
func TestServerConcurrentRequests(t *testing.T) {
	url, log := newTestServer(t)

	paths := map[string]string{
		"/api/v1/ping":  "ProverkaSviaziSServerom",
		"/api/v1/kassa": "InformatsiiaOKasse",
	}
	var wg sync.WaitGroup
	for i := range 20 {
		for path := range paths {
			wg.Add(1)
			go func() {
				defer wg.Done()
				req, err := http.NewRequest(http.MethodGet, fmt.Sprintf("%s%s?n=%d", url, path, i), nil)
				if !assert.NoError(t, err) {
					return
				}
				res, err := http.DefaultClient.Do(req)
				if !assert.NoError(t, err) {
					return
				}
				_, _ = io.Copy(io.Discard, res.Body)
				res.Body.Close()
				assert.Equal(t, http.StatusOK, res.StatusCode)
			}()
		}
	}
	wg.Wait()

	lines := strings.Split(strings.TrimSpace(log.String()), "\n")
	assert.Len(t, lines, 40)
	for _, line := range lines {
		for path, op := range paths {
			if strings.Contains(line, "target="+path+"?") {
				assert.Contains(t, line, "operation="+op, line)
			}
		}
	}
}

// basePathCollection has one request under {{baseUrl}} =
// http://127.0.0.1:9/api with a saved example.
const basePathCollection = `{
	"info": {"name": "Base path", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
	"variable": [{"key": "baseUrl", "value": "http://127.0.0.1:9/api/"}],
	"item": [{
		"name": "Login",
		"request": {"method": "GET", "url": "{{baseUrl}}/login"},
		"response": [{"name": "OK", "code": 200, "header": [{"key": "Content-Type", "value": "application/json"}], "body": "{\"token\": \"t1\"}"}]
	}]
}`

func TestServeWithAndWithoutBasePath(t *testing.T) {
	path := filepath.Join(t.TempDir(), "c.json")
	require.NoError(t, os.WriteFile(path, []byte(basePathCollection), 0o644))
	res, err := pipeline.Model(pipeline.Options{Collection: path, DefaultPackage: "c"})
	require.NoError(t, err)
	srv := httptest.NewServer(NewServer(res.API, slog.New(slog.DiscardHandler)))
	defer srv.Close()

	tests := []struct {
		path   string
		status int
	}{
		{"/login", http.StatusOK},
		{"/api/login", http.StatusOK},
		{"/apix/login", http.StatusNotFound},
		{"/api", http.StatusNotFound},
	}
	for _, tt := range tests {
		t.Run(tt.path, func(t *testing.T) {
			resp, err := http.Get(srv.URL + tt.path)
			require.NoError(t, err)
			defer resp.Body.Close()
			body, err := io.ReadAll(resp.Body)
			require.NoError(t, err)

			assert.Equal(t, tt.status, resp.StatusCode, "%s", body)
			if tt.status == http.StatusOK {
				assert.JSONEq(t, `{"token": "t1"}`, string(body))
			}
		})
	}
}
