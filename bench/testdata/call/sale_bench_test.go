package sale_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"reflect"
	"strings"
	"testing"
	"time"

	"example.com/callbench/sale"
)

// token is the register's Basic token that both clients send.
const token = "dGlsbC0xOnNlY3JldA=="

const responseBody = `{"receiptId":"r-1001","status":"REGISTERED","total":4.70,"change":5.30,"fiscalSign":"FS-7788"}`

// newServer starts a loopback server that responds to the sale with a fixed
// receipt and rejects requests without the register's token.
func newServer(tb testing.TB, record func(*http.Request, []byte)) *httptest.Server {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		if record != nil {
			record(r, body)
		}
		if r.URL.Path != "/api/v1/receipts/sale" || r.Header.Get("Authorization") != "Basic "+token {
			http.Error(w, "unexpected request", http.StatusBadRequest)
			return
		}
		w.Header().Set("Content-Type", "application/json; charset=utf-8")
		w.WriteHeader(http.StatusCreated)
		_, _ = io.WriteString(w, responseBody)
	}))
	tb.Cleanup(srv.Close)
	return srv
}

var generatedBody = sale.SellForCashRequest{
	ShiftID:   "5e2f8c1a-7b3d-4c9e-a0f1-2d6b8e4c9a73",
	Positions: []sale.SellForCashRequestPosition{{Name: "Bread, 500 g", Quantity: 2, Price: 2.35, VATRate: 10}},
	Payment:   sale.SellForCashRequestPayment{Type: "cash", Amount: 10},
	Total:     4.70,
}

// The hand-written client declares its own types, as a program without
// pmgen would.
type position struct {
	Name     string  `json:"name"`
	Quantity int64   `json:"quantity"`
	Price    float64 `json:"price"`
	VATRate  int64   `json:"vatRate"`
}

type payment struct {
	Type   string  `json:"type"`
	Amount float64 `json:"amount"`
}

type saleRequest struct {
	ShiftID   string     `json:"shiftId"`
	Positions []position `json:"positions"`
	Payment   payment    `json:"payment"`
	Total     float64    `json:"total"`
}

type saleResponse struct {
	ReceiptID  string  `json:"receiptId"`
	Status     string  `json:"status"`
	Total      float64 `json:"total"`
	Change     float64 `json:"change"`
	FiscalSign string  `json:"fiscalSign"`
}

var handBody = saleRequest{
	ShiftID:   "5e2f8c1a-7b3d-4c9e-a0f1-2d6b8e4c9a73",
	Positions: []position{{Name: "Bread, 500 g", Quantity: 2, Price: 2.35, VATRate: 10}},
	Payment:   payment{Type: "cash", Amount: 10},
	Total:     4.70,
}

// handWritten is the same call written with net/http alone.
type handWritten struct {
	hc      *http.Client
	baseURL string
}

func (h *handWritten) sellForCash(ctx context.Context, in *saleRequest) (*saleResponse, error) {
	body, err := json.Marshal(in)
	if err != nil {
		return nil, err
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodPost, h.baseURL+"/api/v1/receipts/sale", bytes.NewReader(body))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", "application/json")
	req.Header.Set("Accept", "application/json")
	req.Header.Set("Authorization", "Basic "+token)
	resp, err := h.hc.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return nil, &httpError{status: resp.StatusCode, body: data}
	}
	out := new(saleResponse)
	if err := json.Unmarshal(data, out); err != nil {
		return nil, err
	}
	return out, nil
}

type httpError struct {
	status int
	body   []byte
}

func (e *httpError) Error() string { return http.StatusText(e.status) + ": " + string(e.body) }

func newGenerated(tb testing.TB, baseURL string) *sale.Client {
	c, err := sale.New(sale.WithBaseURL(baseURL), sale.WithKassaToken(token))
	if err != nil {
		tb.Fatal(err)
	}
	return c
}

func newHandWritten(baseURL string) *handWritten {
	return &handWritten{hc: &http.Client{Timeout: 30 * time.Second}, baseURL: baseURL}
}

// TestClientsSendSameRequest checks that the two clients the benchmark
// compares send the same method, path, headers and body bytes.
func TestClientsSendSameRequest(t *testing.T) {
	type sent struct {
		method, path string
		header       http.Header
		body         string
	}
	var got []sent
	srv := newServer(t, func(r *http.Request, body []byte) {
		got = append(got, sent{r.Method, r.URL.Path, r.Header.Clone(), string(body)})
	})
	ctx := context.Background()
	if _, err := newGenerated(t, srv.URL).SellForCash(ctx, generatedBody); err != nil {
		t.Fatal(err)
	}
	if _, err := newHandWritten(srv.URL).sellForCash(ctx, &handBody); err != nil {
		t.Fatal(err)
	}
	if len(got) != 2 {
		t.Fatalf("server saw %d requests, want 2", len(got))
	}
	if !reflect.DeepEqual(got[0], got[1]) {
		t.Errorf("generated client sent %+v\nhand-written client sent %+v", got[0], got[1])
	}
}

// BenchmarkSellForCash sends the sale through the generated client and
// through the hand-written one; compare them with benchstat -col /client.
// Both clients send warmupCalls calls before either is timed, so that
// neither pays for the new server's first connections. The generated
// client runs first unless SALE_BENCH_FIRST is "handwritten":
// bench/call.sh runs the benchmark once per sample and alternates the
// order, because the first of the two was measured slower whichever
// client it was.
func BenchmarkSellForCash(b *testing.B) {
	srv := newServer(b, nil)
	ctx := context.Background()
	c := newGenerated(b, srv.URL)
	h := newHandWritten(srv.URL)
	for range warmupCalls {
		if _, err := c.SellForCash(ctx, generatedBody); err != nil {
			b.Fatal(err)
		}
		if _, err := h.sellForCash(ctx, &handBody); err != nil {
			b.Fatal(err)
		}
	}

	generated := func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			out, err := c.SellForCash(ctx, generatedBody)
			if err != nil || out.ReceiptID != "r-1001" {
				b.Fatal(out, err)
			}
		}
	}
	handwritten := func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			out, err := h.sellForCash(ctx, &handBody)
			if err != nil || out.ReceiptID != "r-1001" {
				b.Fatal(out, err)
			}
		}
	}
	if os.Getenv("SALE_BENCH_FIRST") == "handwritten" {
		b.Run("client=handwritten", handwritten)
		b.Run("client=generated", generated)
		return
	}
	b.Run("client=generated", generated)
	b.Run("client=handwritten", handwritten)
}

// warmupCalls is the number of calls each client sends before the timed
// ones.
const warmupCalls = 2000

// answerInProcess is an http.RoundTripper that reads the request body and
// returns the receipt without any connection, so that a benchmark through
// it times only the work of the client.
type answerInProcess struct{}

func (answerInProcess) RoundTrip(r *http.Request) (*http.Response, error) {
	if r.Body != nil {
		if _, err := io.Copy(io.Discard, r.Body); err != nil {
			return nil, err
		}
		r.Body.Close()
	}
	return &http.Response{
		StatusCode:    http.StatusCreated,
		Header:        http.Header{"Content-Type": {"application/json; charset=utf-8"}},
		Body:          io.NopCloser(strings.NewReader(responseBody)),
		ContentLength: int64(len(responseBody)),
		Request:       r,
	}, nil
}

// BenchmarkSellForCashInProcess is BenchmarkSellForCash with both clients
// sending through answerInProcess: the difference is the generated
// client's own work, without the loopback server's time and its spread.
func BenchmarkSellForCashInProcess(b *testing.B) {
	ctx := context.Background()
	b.Run("client=generated", func(b *testing.B) {
		c, err := sale.New(sale.WithBaseURL("http://127.0.0.1:8080"), sale.WithKassaToken(token),
			sale.WithHTTPClient(&http.Client{Transport: answerInProcess{}}))
		if err != nil {
			b.Fatal(err)
		}
		b.ReportAllocs()
		for b.Loop() {
			out, err := c.SellForCash(ctx, generatedBody)
			if err != nil || out.ReceiptID != "r-1001" {
				b.Fatal(out, err)
			}
		}
	})
	b.Run("client=handwritten", func(b *testing.B) {
		h := &handWritten{hc: &http.Client{Timeout: 30 * time.Second, Transport: answerInProcess{}}, baseURL: "http://127.0.0.1:8080"}
		b.ReportAllocs()
		for b.Loop() {
			out, err := h.sellForCash(ctx, &handBody)
			if err != nil || out.ReceiptID != "r-1001" {
				b.Fatal(out, err)
			}
		}
	})
}
