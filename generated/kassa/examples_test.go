package kassa

// This file is written by hand: pmgen leaves files without its marker alone.

import (
	"bytes"
	"encoding/json"
	"errors"
	"net/http/httptest"
	"reflect"
	"strings"
	"testing"

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
