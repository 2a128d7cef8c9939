package kassa

// This file is written by hand: pmgen leaves files without its marker alone.

import (
	"bytes"
	"encoding/json"
	"errors"
	"net/http"
	"net/http/httptest"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// TestExamplesRoundTrip decodes every saved JSON example of the collection
// into the Go type the client returns for it (the method's result for 2xx,
// the error body type for 4xx and 5xx) and encodes it again: no field may
// be lost or changed.
func TestExamplesRoundTrip(t *testing.T) {
	clientType := reflect.TypeOf(&Client{})
	checked := 0
	for _, op := range replayOperations {
		method, ok := clientType.MethodByName(op.Name)
		require.True(t, ok, "no method %s", op.Name)
		for _, ex := range op.Examples {
			if !json.Valid([]byte(ex.Body)) || strings.TrimSpace(ex.Body) == "" {
				continue
			}
			var target any
			if ex.Status >= 400 {
				newErrorBody := operationByName(op.Name).newErrorBody
				require.NotNil(t, newErrorBody, "%s: no error type for example %q", op.Name, ex.Name)
				target = newErrorBody()
			} else {
				result := method.Type.Out(0)
				if result.Kind() == reflect.Pointer {
					result = result.Elem()
				}
				target = reflect.New(result).Interface()
			}
			dec := json.NewDecoder(strings.NewReader(ex.Body))
			dec.DisallowUnknownFields()
			require.NoError(t, dec.Decode(target), "%s: example %q into %T", op.Name, ex.Name, target)
			again, err := json.Marshal(target)
			require.NoError(t, err)

			var want, got any
			require.NoError(t, json.Unmarshal([]byte(ex.Body), &want))
			require.NoError(t, json.Unmarshal(again, &got))
			assert.Equal(t, want, got, "%s: example %q changed in a round trip through %T", op.Name, ex.Name, target)
			checked++
		}
	}
	assert.Greater(t, checked, 20, "the example collection has more than 20 JSON examples")
}

// operationByName returns the request descriptor of a client method.
func operationByName(name string) *operation {
	for _, op := range []*operation{
		&opProverkaSviaziSServerom, &opVkhodKassira, &opInformatsiiaOKasse, &opOtkrytSmenu,
		&opStatusSmeny, &opProdazhaZaNalichnye, &opProdazhaPoBankovskoiKarte, &opSozdatQRPlatezh,
		&opStatusQRPlatezha, &opChekPoOplateQRKodom, &opVozvratPoChekuProdazhi, &opVnesenieNalichnykh,
		&opIzieiatieNalichnykh, &opXOtchet, &opSpisokChekovSmeny, &opZakrytSmenuZOtchet, &opVykhodKassira,
	} {
		if op.name == name {
			return op
		}
	}
	return nil
}

// TestReceiptIDReachesRefund runs log-in, shift, cash sale and refund
// against the replay server and checks that the receipt ID the sale's
// response carries is the one the refund request sends, moved there by
// the collection's test script through the client's session.
func TestReceiptIDReachesRefund(t *testing.T) {
	srv := httptest.NewServer(NewReplayServer(replayOperations))
	defer srv.Close()
	c, err := New(WithBaseURL(srv.URL), WithKassaToken("test-token"), WithCashierLogin("ivanova"), WithCashierPin("1234"))
	require.NoError(t, err)
	ctx := t.Context()

	_, err = c.VkhodKassira(ctx, VkhodKassiraRequest{Login: "ivanova", Pin: "1234", DeviceID: "till-1"})
	require.NoError(t, err)
	shift, err := c.OtkrytSmenu(ctx, OtkrytSmenuRequest{Cashier: OtkrytSmenuRequestCashier{Login: "ivanova", Name: "Иванова А. П."}})
	require.NoError(t, err)
	sale, err := c.ProdazhaZaNalichnye(ctx, ProdazhaZaNalichnyeRequest{ShiftID: shift.ShiftID, Total: 2.35, Currency: "BYN"})
	require.NoError(t, err)
	require.NotEmpty(t, sale.ReceiptID)

	stored, ok := c.Session().Get("receiptId")
	require.True(t, ok, "the sale's test script stores receiptId")
	assert.Equal(t, sale.ReceiptID, stored)

	var refund VozvratPoChekuProdazhiRequest
	text, err := c.Session().ExpandJSON(replayOperation("VozvratPoChekuProdazhi").Body)
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal([]byte(text), &refund))
	var captured Response
	_, err = c.VozvratPoChekuProdazhi(ctx, refund, CaptureResponse(&captured))
	require.NoError(t, err)

	var sent struct {
		OriginalReceiptID string `json:"originalReceiptId"`
		ShiftID           string `json:"shiftId"`
	}
	records := srvRecords(t, srv)
	require.NotEmpty(t, records)
	require.NoError(t, json.NewDecoder(bytes.NewReader(records[len(records)-1].Body)).Decode(&sent))
	assert.Equal(t, sale.ReceiptID, sent.OriginalReceiptID, "the refund names the sale's receipt")
	assert.Equal(t, shift.ShiftID, sent.ShiftID, "the refund names the open shift")
}

// srvRecords returns the requests the replay server behind srv received.
func srvRecords(t *testing.T, srv *httptest.Server) []ReplayRecord {
	t.Helper()
	replay, ok := srv.Config.Handler.(*ReplayServer)
	if !ok {
		t.Fatal(errors.New("the test server is not a replay server"))
	}
	return replay.Requests()
}

// TestSaleRetriedWithSameIdempotencyKey checks the retry rule on the
// example's requests: a sale carries the collection's Idempotency-Key
// header, so a 503 is retried with the same key; opening a shift is a POST
// without one, so it is sent once.
func TestSaleRetriedWithSameIdempotencyKey(t *testing.T) {
	var mu sync.Mutex
	keys := map[string][]string{}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		keys[r.URL.Path] = append(keys[r.URL.Path], r.Header.Get("Idempotency-Key"))
		attempt := len(keys[r.URL.Path])
		mu.Unlock()
		if attempt == 1 || r.URL.Path != "/api/v1/receipts/sale" {
			w.WriteHeader(http.StatusServiceUnavailable)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write([]byte(`{"receiptId": "r-1"}`))
	}))
	defer srv.Close()
	c, err := New(WithBaseURL(srv.URL), WithKassaToken("test-token"),
		WithRetry(RetryPolicy{MaxAttempts: 3, MinBackoff: time.Millisecond}))
	require.NoError(t, err)
	c.Session().Set(ScopeEnvironment, "sessionToken", "s-1")
	ctx := t.Context()

	sale, err := c.ProdazhaZaNalichnye(ctx, ProdazhaZaNalichnyeRequest{ShiftID: "sh-1", Total: 2.35, Currency: "BYN"})
	require.NoError(t, err)
	assert.Equal(t, "r-1", sale.ReceiptID)
	_, err = c.OtkrytSmenu(ctx, OtkrytSmenuRequest{Cashier: OtkrytSmenuRequestCashier{Login: "ivanova"}})
	var apiErr *APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, http.StatusServiceUnavailable, apiErr.StatusCode)

	mu.Lock()
	defer mu.Unlock()
	sales := keys["/api/v1/receipts/sale"]
	require.Len(t, sales, 2, "the sale is retried once")
	assert.NotEmpty(t, sales[0])
	assert.Equal(t, sales[0], sales[1], "both attempts carry the same key")
	assert.Len(t, keys["/api/v1/shifts"], 1, "opening a shift is not retried")
}
