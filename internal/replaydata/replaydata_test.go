package replaydata_test

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/pmgen/pmgen/internal/pipeline"
	"github.com/pmgen/pmgen/internal/replaydata"
	"github.com/pmgen/pmgen/templates/replay"
)

// shiftsCollection has a request with a query, a header without a name
// and an example that has an original request but no Content-Type header,
// and a request whose example has its own Content-Type header.
const shiftsCollection = `{
  "info": {"name": "Shifts", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
  "item": [
    {
      "name": "Open shift",
      "request": {
        "method": "POST",
        "header": [{"key": "Content-Type", "value": "application/json"}, {"key": "", "value": "dropped"}],
        "url": {"raw": "{{baseUrl}}/shifts?mode=open", "host": ["{{baseUrl}}"], "path": ["shifts"], "query": [{"key": "mode", "value": "open"}]},
        "body": {"mode": "raw", "raw": "{\"cashier\": \"{{cashier}}\"}", "options": {"raw": {"language": "json"}}}
      },
      "response": [
        {
          "name": "Opened",
          "code": 201,
          "_postman_previewlanguage": "json",
          "originalRequest": {
            "method": "POST",
            "url": {"raw": "{{baseUrl}}/shifts?mode=open", "host": ["{{baseUrl}}"], "path": ["shifts"], "query": [{"key": "mode", "value": "open"}]},
            "body": {"mode": "raw", "raw": "{\"cashier\": \"anna\"}"}
          },
          "body": "{\"shiftId\": \"s-1\"}"
        }
      ]
    },
    {
      "name": "Shift status",
      "request": {"method": "GET", "url": "{{baseUrl}}/shifts/:shiftId"},
      "response": [
        {"name": "Closed", "code": 200, "header": [{"key": "Content-Type", "value": "text/plain"}], "body": "closed"}
      ]
    }
  ],
  "variable": [{"key": "baseUrl", "value": "http://127.0.0.1:8080"}]
}`

func TestOperationsConvertsModel(t *testing.T) {
	path := filepath.Join(t.TempDir(), "collection.json")
	require.NoError(t, os.WriteFile(path, []byte(shiftsCollection), 0o644))
	res, err := pipeline.Model(pipeline.Options{Collection: path, DefaultPackage: "client"})
	require.NoError(t, err)

	got := replaydata.Operations(res.API)
	require.Len(t, got, 2)

	open := got[0]
	assert.Equal(t, "OpenShift", open.Name)
	assert.Equal(t, "POST", open.Method)
	assert.Equal(t, "/shifts", open.Path)
	assert.Equal(t, []replay.ReplayHeader{{Name: "mode", Value: "open"}}, open.Query)
	assert.Equal(t, []replay.ReplayHeader{{Name: "Content-Type", Value: "application/json"}}, open.Headers, "a header without a name is dropped")
	assert.JSONEq(t, `{"cashier": "{{cashier}}"}`, open.Body)
	require.Len(t, open.Examples, 1)
	opened := open.Examples[0]
	assert.Equal(t, "Opened", opened.Name)
	assert.Equal(t, 201, opened.Status)
	assert.Equal(t, `{"shiftId": "s-1"}`, opened.Body)
	assert.Equal(t, []replay.ReplayHeader{{Name: "Content-Type", Value: "application/json"}}, opened.Headers,
		"the preview language gives the content type")
	require.NotNil(t, opened.Request)
	assert.Equal(t, "/shifts", opened.Request.Path)
	assert.Equal(t, []replay.ReplayHeader{{Name: "mode", Value: "open"}}, opened.Request.Query)
	assert.Equal(t, `{"cashier": "anna"}`, opened.Request.Body)

	status := got[1]
	assert.Equal(t, "/shifts/:shiftId", status.Path)
	assert.Empty(t, status.Headers)
	assert.Empty(t, status.Body)
	require.Len(t, status.Examples, 1)
	assert.Equal(t, []replay.ReplayHeader{{Name: "Content-Type", Value: "text/plain"}}, status.Examples[0].Headers,
		"an example's own Content-Type is kept and not repeated")
	assert.Nil(t, status.Examples[0].Request)
}
