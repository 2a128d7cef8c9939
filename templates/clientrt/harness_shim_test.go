package clientrt

import (
	"encoding/json"
	"net/http"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/pmgen/pmgen/templates/replay"
)

// In a generated package, the generator declares api, New and
// replayOperations, and the replay server's file is copied in. Here the
// same names stand for a small collection, so that harness_test.go is
// compiled and tested as it is.

type (
	ReplayOperation      = replay.ReplayOperation
	ReplayExample        = replay.ReplayExample
	ReplayExampleRequest = replay.ReplayExampleRequest
	ReplayHeader         = replay.ReplayHeader
	ReplayRecord         = replay.ReplayRecord
	ReplayServer         = replay.ReplayServer
)

var NewReplayServer = replay.NewReplayServer

var api = &apiSpec{
	hosts:   []hostSpec{{template: "{{baseUrl}}", option: "WithBaseURL"}},
	vars:    []varSpec{{name: "token", scope: ScopeEnvironment, secret: true, option: "WithToken"}},
	schemes: []authScheme{{kind: "bearer", params: map[string]string{"token": "{{token}}"}}},
}

func New(opts ...Option) (*Client, error) { return newClient(api, opts) }

var opOpenShift = operation{
	name: "OpenShift", method: http.MethodPost, path: []string{"shifts"}, auth: 0,
	headers:    []header{{name: "X-Register", value: "{{registerId}}"}},
	body:       bodySpec{kind: bodyJSON, contentType: "application/json"},
	postScript: func(e *scriptEnv) { e.set(ScopeEnvironment, "shiftId", e.json("shiftId")) },
}

var opCloseShift = operation{
	name: "CloseShift", method: http.MethodPost, path: []string{"shifts", "{{shiftId}}", "close"}, auth: 0,
}

var replayOperations = []ReplayOperation{{
	Name: "OpenShift", Method: "POST", Path: "/shifts",
	Headers: []ReplayHeader{{Name: "X-Register", Value: "{{registerId}}"}},
	Body:    `{"cashier": "{{cashier}}", "float": 10.50}`,
	Examples: []ReplayExample{{
		Name: "opened", Status: 201,
		Headers: []ReplayHeader{{Name: "Content-Type", Value: "application/json"}},
		Body:    `{"shiftId": "s-42"}`,
	}},
}, {
	Name: "CloseShift", Method: "POST", Path: "/shifts/{{shiftId}}/close",
	Examples: []ReplayExample{{Name: "not open", Status: 409, Body: `{"error": "SHIFT_NOT_OPEN"}`}},
}}

type openShiftRequest struct {
	Cashier string  `json:"cashier"`
	Float   float64 `json:"float"`
}

// TestHarnessReplaysASequence runs two steps the way generated tests do:
// the value the first response produces reaches the second request's
// path, and an error example gives an *APIError.
func TestHarnessReplaysASequence(t *testing.T) {
	t.Setenv(liveBaseURL, "")
	h := newHarness(t)

	h.before(t, &opOpenShift, "pmgen-test-", "registerId", "cashier")
	var body openShiftRequest
	h.decodeJSON(t, replayOperations[0].Body, &body)
	assert.Equal(t, "pmgen-test-cashier", body.Cashier)
	var r Response
	err := h.client.send(h.ctx, &opOpenShift, &callInput{json: body}, nil, []CallOption{CaptureResponse(&r)})
	e := h.after(t, "OpenShift", err, &r)
	require.NotNil(t, e)
	h.check(t, "status is 201", jsStrictEqual(e.code(), 201.0), "pm.response.to.have.status(201)")

	shiftID, ok := h.client.Session().Get("shiftId")
	require.True(t, ok)
	assert.Equal(t, "s-42", shiftID)

	h.before(t, &opCloseShift, "pmgen-test-")
	err = h.client.send(h.ctx, &opCloseShift, &callInput{}, nil, []CallOption{CaptureResponse(&r)})
	e = h.after(t, "CloseShift", err, &r)
	require.NotNil(t, e)
	records := h.replay.Requests()
	assert.Equal(t, "/shifts/s-42/close", records[len(records)-1].Target)
	assert.Equal(t, "Bearer pmgen-test-token", records[len(records)-1].Header.Get("Authorization"))
}

// TestHarnessFinishesStepWithoutChecks sends a step the way generated
// tests do when the collection's scripts have no checks for it: the
// request and the error example are checked all the same.
func TestHarnessFinishesStepWithoutChecks(t *testing.T) {
	t.Setenv(liveBaseURL, "")
	h := newHarness(t)

	h.client.Session().Set(ScopeEnvironment, "shiftId", "s-42")
	h.before(t, &opCloseShift, "pmgen-test-")
	h.replay.Prefer("not open")
	err := h.client.send(h.ctx, &opCloseShift, &callInput{}, nil, nil)
	h.finish(t, "CloseShift", err)

	var apiErr *APIError
	require.ErrorAs(t, err, &apiErr)
	assert.Equal(t, 409, apiErr.StatusCode)
	records := h.replay.Requests()
	require.NotEmpty(t, records)
	assert.Equal(t, "CloseShift", records[len(records)-1].Operation)
}

// TestHarnessMatchesTemplates checks the wildcard rules of verifyRequest.
func TestHarnessMatchesTemplates(t *testing.T) {
	t.Setenv(liveBaseURL, "")
	h := newHarness(t)
	h.client.Session().Set(ScopeEnvironment, "known", "v1")
	assert.True(t, h.matches("a {{known}} b", "a v1 b"))
	assert.False(t, h.matches("a {{known}} b", "a v2 b"))
	assert.True(t, h.matches("a {{unknown}} b", "a anything at all b"))
	assert.False(t, h.matches("x{{unknown}}", "y1"))
}

func TestEnvName(t *testing.T) {
	assert.Equal(t, "KASSA_TOKEN", envName("kassaToken"))
	assert.Equal(t, "BASE_URL", envName("BaseURL"))
	assert.Equal(t, "API_V2_KEY", envName("api.v2-key"))
	assert.Equal(t, "X_", envName("xж"))
}

// TestHarnessLiveMode checks that live mode names the variables it needs
// instead of sending requests without them, and runs once they are set.
func TestHarnessLiveMode(t *testing.T) {
	t.Setenv(liveBaseURL, "http://127.0.0.1:1")
	var inner *testing.T
	t.Run("without token", func(t *testing.T) {
		inner = t
		newHarness(t)
	})
	assert.True(t, inner.Skipped(), "without PMGEN_VAR_TOKEN the test is skipped")

	t.Setenv(liveVar+"TOKEN", "t0k")
	h := newHarness(t)
	assert.True(t, h.live)
	v, ok := h.client.Session().Get("token")
	assert.True(t, ok)
	assert.Equal(t, "t0k", v)
}

// TestHarnessBodyHelpers checks the helpers that generated steps call to
// build arguments and bodies from the collection's templates.
func TestHarnessBodyHelpers(t *testing.T) {
	t.Setenv(liveBaseURL, "")
	h := newHarness(t)
	s := h.client.Session()
	s.Set(ScopeEnvironment, "amount", "12.5")
	s.Set(ScopeEnvironment, "count", "many")

	h.unquoted(t, "amount", "1", "count", "2", "absent", "3")
	amount, _ := s.Get("amount")
	assert.Equal(t, "12.5", amount, "a value that is JSON is kept")
	count, _ := s.Get("count")
	assert.Equal(t, "2", count, "a value that is not JSON is replaced")
	absent, _ := s.Get("absent")
	assert.Equal(t, "3", absent, "a variable without a value gets one")

	assert.Equal(t, "pmgen-test-receiptId", h.param(t, "receiptId"))
	stored, _ := s.GetScope(ScopeGlobal, "receiptId")
	assert.Equal(t, "pmgen-test-receiptId", stored, "later steps pass the same value")
	s.Set(ScopeEnvironment, "receiptId", "r-1")
	assert.Equal(t, "r-1", h.param(t, "receiptId"))

	assert.Equal(t, "sum 12.5", h.text(t, "sum {{amount}}"))
	require.NotNil(t, h.body)
	assert.Equal(t, "sum 12.5", *h.body)

	var variables struct {
		Amount float64 `json:"amount"`
	}
	h.decodeGraphQL(t, `query { receipt(id: "{{receiptId}}") { id } }`, `{"amount": {{amount}}}`, &variables)
	assert.Equal(t, 12.5, variables.Amount)
	require.NotNil(t, h.body)
	assert.JSONEq(t, `{"query": "query { receipt(id: \"r-1\") { id } }", "variables": {"amount": 12.5}}`, *h.body)
}

func TestDecodeReplayOperations(t *testing.T) {
	data, err := json.Marshal(map[string]any{"operations": replayOperations})
	require.NoError(t, err)
	assert.Equal(t, replayOperations, decodeReplayOperations(data))
	assert.Panics(t, func() { decodeReplayOperations([]byte("{")) })
}
