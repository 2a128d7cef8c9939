package mock

import (
	"bytes"
	"context"
	"log/slog"
	"testing"
	"text/template"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/pmgen/pmgen/internal/gotest"
	"github.com/pmgen/pmgen/internal/pipeline"
	"github.com/pmgen/pmgen/model"
)

// clientCall is one call of clientTest: the client method, its request
// body type and the collection's body template, and the saved example the
// mock is expected to respond with.
type clientCall struct {
	Method      string
	RequestType string
	Template    string
	Example     string
	ExampleBody string
}

// newClientCall finds the request named name in api and its example named
// example.
func newClientCall(t *testing.T, api *model.API, name, example string) clientCall {
	t.Helper()
	for _, op := range api.Operations {
		if op.Name != name {
			continue
		}
		require.NotNil(t, op.Body, "%s has no body", name)
		require.NotNil(t, op.Body.Type, "%s has no body type", name)
		for _, ex := range op.Examples {
			if ex.Name == example {
				return clientCall{Method: op.GoName, RequestType: op.Body.Type.Name, Template: op.Body.JSONTemplate, Example: ex.Name, ExampleBody: ex.ReplayBody}
			}
		}
		t.Fatalf("%s has no example %q", name, example)
	}
	t.Fatalf("the collection has no request %q", name)
	return clientCall{}
}

// clientTest is a test inside a module that imports the generated
// package: it logs in, opens a shift and sells for cash through the
// generated client against the mock, and checks that each response
// decodes to the body of the saved example.
var clientTest = template.Must(template.New("").Parse(`package kassa_test

import (
	"encoding/json"
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"example.com/app/kassa"
)

// decodeTemplate fills a body template of the collection with the
// client's variables and decodes it into body.
func decodeTemplate(t *testing.T, c *kassa.Client, template string, body any) {
	t.Helper()
	text, err := c.Session().ExpandJSON(template)
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal([]byte(text), body))
}

// assertDecodes checks that a decoded response encodes back to the JSON of
// the saved example.
func assertDecodes(t *testing.T, example string, response any) {
	t.Helper()
	got, err := json.Marshal(response)
	require.NoError(t, err)
	assert.JSONEq(t, example, string(got))
}

func TestClientAgainstMock(t *testing.T) {
	c, err := kassa.New(
		kassa.WithBaseURL(os.Getenv("PMGEN_MOCK_URL")),
		kassa.WithKassaToken("test-kassa-token"),
		kassa.WithCashierLogin("cashier-01"),
		kassa.WithCashierPin("0000"),
		kassa.WithCashierName("Иванова Анна Сергеевна"),
	)
	require.NoError(t, err)
	ctx := t.Context()
{{range $i, $call := .}}
	var body{{$i}} kassa.{{$call.RequestType}}
	decodeTemplate(t, c, {{printf "%q" $call.Template}}, &body{{$i}})
	response{{$i}}, err := c.{{$call.Method}}(ctx, body{{$i}})
	require.NoError(t, err, "{{$call.Method}}")
	assertDecodes(t, {{printf "%q" $call.ExampleBody}}, response{{$i}})
{{end}}
	// The test scripts of the collection stored values from the responses
	// in the session, and the later requests sent them.
	var login, shift map[string]any
	require.NoError(t, json.Unmarshal([]byte({{printf "%q" (index . 0).ExampleBody}}), &login))
	require.NoError(t, json.Unmarshal([]byte({{printf "%q" (index . 1).ExampleBody}}), &shift))
	token, _ := c.Session().Get("sessionToken")
	assert.Equal(t, login["token"], token)
	shiftID, _ := c.Session().Get("shiftId")
	assert.Equal(t, shift["shiftId"], shiftID)
	assert.Equal(t, shift["shiftId"], body2.ShiftID)
}
`))

// TestGeneratedClientAgainstMock generates the example collection's client
// into a module and runs a test there that logs in, opens a shift and
// sells through the client, with the mock serving the saved examples.
func TestGeneratedClientAgainstMock(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a generated module")
	}
	res, err := pipeline.Run(pipeline.Options{
		Collection:   kassaCollection,
		Environments: []string{kassaEnvironment},
		Package:      "kassa",
	})
	require.NoError(t, err)
	calls := []clientCall{
		newClientCall(t, res.API, "Вход кассира", "Успешный вход"),
		newClientCall(t, res.API, "Открыть смену", "Смена открыта"),
		newClientCall(t, res.API, "Продажа за наличные", "Чек со сдачей"),
	}

	m := gotest.NewModule(t, "example.com/app")
	for _, f := range res.Files {
		m.WriteFile("kassa/"+f.Name, f.Content)
	}
	var test bytes.Buffer
	require.NoError(t, clientTest.Execute(&test, calls))
	m.WriteFile("kassa/mock_client_test.go", test.Bytes())

	var log syncBuffer
	url := startMock(t, res.API, slog.New(slog.NewTextHandler(&log, nil)))
	t.Setenv("PMGEN_MOCK_URL", url)
	m.MustGo("test", "-count=1", "-run", "^TestClientAgainstMock$", "./kassa/")

	for _, c := range calls {
		assert.Contains(t, log.String(), "operation="+c.Method+` example="`+c.Example+`"`)
	}
}

// startMock serves api on a free loopback port through Listen and Serve,
// as pmgen mock does, until the test ends, and returns its URL.
func startMock(t *testing.T, api *model.API, logger *slog.Logger) string {
	t.Helper()
	ln, err := Listen("127.0.0.1:0", false)
	require.NoError(t, err)
	ctx, cancel := context.WithCancel(context.Background())
	served := make(chan error, 1)
	go func() { served <- Serve(ctx, ln, NewServer(api, logger), logger) }()
	t.Cleanup(func() {
		cancel()
		assert.NoError(t, <-served)
	})
	return "http://" + ln.Addr().String()
}
