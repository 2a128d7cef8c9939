package clientrt

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"
)

type saleRequest struct {
	Till   string  `json:"till"`
	Amount float64 `json:"amount"`
	Items  []int   `json:"items"`
}

type saleResponse struct {
	ID     int    `json:"id"`
	Status string `json:"status"`
}

func benchServer(b *testing.B) *httptest.Server {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.Copy(io.Discard, r.Body)
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(`{"id":42,"status":"ok"}`))
	}))
	b.Cleanup(srv.Close)
	return srv
}

var benchSale = saleRequest{Till: "T1", Amount: 12.5, Items: []int{1, 2, 3}}

// BenchmarkSend and BenchmarkHandWritten send the same POST with a JSON
// body and decode the same JSON response; compare them with benchstat.
func BenchmarkSend(b *testing.B) {
	srv := benchServer(b)
	spec := testSpec(varSpec{name: "token", scope: ScopeEnvironment, value: "t0k"})
	c, err := newClient(spec, []Option{variableOption("baseUrl", srv.URL)})
	if err != nil {
		b.Fatal(err)
	}
	op := &operation{name: "Sell", method: "POST", path: []string{"receipts", "sale"}, auth: -1,
		headers: []header{{"Authorization", "Basic {{token}}"}},
		body:    bodySpec{kind: bodyJSON, contentType: "application/json"}}
	ctx := context.Background()
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		var out saleResponse
		if err := c.send(ctx, op, &callInput{json: &benchSale}, &out, nil); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkHandWritten(b *testing.B) {
	srv := benchServer(b)
	hc := &http.Client{Timeout: DefaultTimeout}
	ctx := context.Background()
	token := "t0k"
	b.ReportAllocs()
	b.ResetTimer()
	for range b.N {
		body, err := json.Marshal(&benchSale)
		if err != nil {
			b.Fatal(err)
		}
		req, err := http.NewRequestWithContext(ctx, "POST", srv.URL+"/receipts/sale", bytes.NewReader(body))
		if err != nil {
			b.Fatal(err)
		}
		req.Header.Set("Authorization", "Basic "+token)
		req.Header.Set("Content-Type", "application/json")
		resp, err := hc.Do(req)
		if err != nil {
			b.Fatal(err)
		}
		var out saleResponse
		err = json.NewDecoder(resp.Body).Decode(&out)
		resp.Body.Close()
		if err != nil || resp.StatusCode != 200 {
			b.Fatal(err, resp.Status)
		}
	}
}

// TestSendAllocationBudget keeps send within 3 allocations of the
// hand-written call of BenchmarkHandWritten.
func TestSendAllocationBudget(t *testing.T) {
	if testing.Short() {
		t.Skip("sends a few hundred loopback requests")
	}
	send := testing.Benchmark(BenchmarkSend)
	hand := testing.Benchmark(BenchmarkHandWritten)
	if send.N == 0 || hand.N == 0 {
		t.Fatal("a benchmark failed")
	}
	if got, budget := send.AllocsPerOp(), hand.AllocsPerOp()+3; got > budget {
		t.Errorf("send makes %d allocations per call, want at most %d (hand-written: %d)", got, budget, hand.AllocsPerOp())
	}
}
