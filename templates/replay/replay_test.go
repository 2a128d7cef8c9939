package replay

import (
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func tillOperations() []ReplayOperation {
	return []ReplayOperation{
		{Name: "GetShift", Method: "GET", Path: "/shift/:shiftId", Examples: []ReplayExample{
			{Name: "open", Status: 200, Headers: []ReplayHeader{{"Content-Type", "application/json"}, {"Content-Length", "999"}}, Body: `{"id":1,"status":"open"}`},
		}},
		{Name: "GetCurrentShift", Method: "GET", Path: "/shift/current"},
		{Name: "GetReceipt", Method: "GET", Path: "/registers/{{registerId}}/receipts/r-{{receiptId}}.json"},
		{Name: "Sell", Method: "POST", Path: "/receipts/sale", Examples: []ReplayExample{
			{Name: "paid by card", Status: 201, Body: `{"paid":"card"}`, Request: &ReplayExampleRequest{Body: `{"payment":{"type":"card","sum":"<number>"}}`}},
			{Name: "paid in cash", Status: 201, Body: `{"paid":"cash"}`, Request: &ReplayExampleRequest{Body: `{"payment":{"type":"cash","sum":"{{sum}}"}}`}},
			{Name: "rejected", Status: 422, Body: `{"error":"no shift"}`, Request: &ReplayExampleRequest{Headers: []ReplayHeader{{"X-Shift", "closed"}}}},
		}},
		{Name: "Report", Method: "GET", Path: "/report", Examples: []ReplayExample{
			{Name: "x", Body: "X", Request: &ReplayExampleRequest{Query: []ReplayHeader{{"type", "x"}}}},
			{Name: "z", Body: "Z", Request: &ReplayExampleRequest{Query: []ReplayHeader{{"type", "z"}}}},
			{Name: "any", Body: "?", Request: &ReplayExampleRequest{Query: []ReplayHeader{{"type", "<string>"}}}},
		}},
		{Name: "PayCash", Method: "POST", Path: "/pay", Query: []ReplayHeader{{"type", "cash"}}, Examples: []ReplayExample{{Name: "cash", Body: "cash"}}},
		{Name: "PayCard", Method: "POST", Path: "/pay", Query: []ReplayHeader{{"type", "card"}}, Examples: []ReplayExample{{Name: "card", Body: "card"}}},
	}
}

func do(t *testing.T, url, method, target, body string, header http.Header) (int, http.Header, string) {
	t.Helper()
	req, err := http.NewRequest(method, url+target, strings.NewReader(body))
	require.NoError(t, err)
	for k, v := range header {
		req.Header[k] = v
	}
	resp, err := http.DefaultClient.Do(req)
	require.NoError(t, err)
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	require.NoError(t, err)
	return resp.StatusCode, resp.Header, string(b)
}

func TestServesExamplesAndRecordsRequests(t *testing.T) {
	rs := NewReplayServer(tillOperations())
	srv := httptest.NewServer(rs)
	defer srv.Close()

	status, header, body := do(t, srv.URL, "GET", "/shift/42?x=1", "", nil)
	assert.Equal(t, 200, status)
	assert.Equal(t, "application/json", header.Get("Content-Type"))
	assert.Equal(t, `{"id":1,"status":"open"}`, body)

	status, _, body = do(t, srv.URL, "GET", "/shift/current", "", nil)
	assert.Equal(t, 200, status, "the literal path wins over :shiftId")
	assert.Equal(t, "", body, "an operation without examples returns an empty 200")

	status, _, _ = do(t, srv.URL, "GET", "/registers/R%201/receipts/r-77.json", "", nil)
	assert.Equal(t, 200, status)

	recs := rs.Requests()
	require.Len(t, recs, 3)
	assert.Equal(t, ReplayRecord{Method: "GET", Target: "/shift/42?x=1", Header: recs[0].Header, Body: []byte{},
		Operation: "GetShift", Example: "open", Captures: map[string]string{":shiftId": "42"}}, recs[0])
	assert.Equal(t, "GetCurrentShift", recs[1].Operation)
	assert.Equal(t, map[string]string{}, recs[1].Captures)
	assert.Equal(t, map[string]string{"registerId": "R 1", "receiptId": "77"}, recs[2].Captures)

	rs.Reset()
	assert.Empty(t, rs.Requests())
}

func TestChoosesTheBestExample(t *testing.T) {
	rs := NewReplayServer(tillOperations())
	srv := httptest.NewServer(rs)
	defer srv.Close()
	tests := []struct {
		name, method, target, body string
		header                     http.Header
		wantStatus                 int
		wantBody                   string
	}{
		{"json member", "POST", "/receipts/sale", `{"payment":{"type":"cash","sum":12.5}}`, nil, 201, `{"paid":"cash"}`},
		{"placeholder", "POST", "/receipts/sale", `{"payment":{"type":"card","sum":3}}`, nil, 201, `{"paid":"card"}`},
		{"header", "POST", "/receipts/sale", `{}`, http.Header{"X-Shift": {"closed"}}, 422, `{"error":"no shift"}`},
		{"query value", "GET", "/report?type=z", "", nil, 200, "Z"},
		{"query placeholder", "GET", "/report?type=q", "", nil, 200, "?"},
		{"operation query", "POST", "/pay?type=card", "", nil, 200, "card"},
		{"operation query first", "POST", "/pay?type=cash", "", nil, 200, "cash"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			status, _, body := do(t, srv.URL, tt.method, tt.target, tt.body, tt.header)
			assert.Equal(t, tt.wantStatus, status)
			assert.Equal(t, tt.wantBody, body)
		})
	}
}

func TestUnknownRequestListsKnownOnes(t *testing.T) {
	rs := NewReplayServer(tillOperations())
	srv := httptest.NewServer(rs)
	defer srv.Close()
	status, _, body := do(t, srv.URL, "DELETE", "/shift/1", "", nil)
	assert.Equal(t, 404, status)
	assert.True(t, strings.HasPrefix(body, "no request matches DELETE /shift/1\nknown requests:\n  GET /registers/"), body)
	assert.Contains(t, body, "  GET /shift/:shiftId (GetShift)\n")
	assert.Contains(t, body, "  POST /receipts/sale (Sell)\n")
	recs := rs.Requests()
	require.Len(t, recs, 1)
	assert.Equal(t, "", recs[0].Operation)
	assert.Equal(t, "DELETE", recs[0].Method)
}

func TestSegmentMatching(t *testing.T) {
	tests := []struct {
		template, value string
		want            map[string]string
	}{
		{":id", "12", map[string]string{":id": "12"}},
		{"{{id}}", "", map[string]string{"id": ""}},
		{"r-{{id}}.json", "r-5.json", map[string]string{"id": "5"}},
		{"r-{{id}}.json", "x-5.json", nil},
		{"{{a}}-{{b}}", "1-2-3", map[string]string{"a": "1", "b": "2-3"}},
		{"literal", "literal", map[string]string{}},
		{"a%20b", "a b", map[string]string{}},
	}
	for _, tt := range tests {
		seg := replayParseSegment(tt.template)
		captures := map[string]string{}
		ok := seg.match(tt.value, captures)
		assert.Equal(t, tt.want != nil, ok, tt.template+" "+tt.value)
		if ok {
			assert.Equal(t, tt.want, captures, tt.template)
		}
	}
}

func TestIsWildcard(t *testing.T) {
	for v, want := range map[string]bool{
		"{{x}}": true, "<string>": true, "<integer>": true, "prefix-{{x}}": true,
		"x": false, "<a b>": false, "<>": false, "": false,
	} {
		assert.Equal(t, want, replayIsWildcard(v), v)
	}
}
