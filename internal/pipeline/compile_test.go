package pipeline

import (
	"bytes"
	"path/filepath"
	"strings"
	"testing"
	"text/template"

	"github.com/stretchr/testify/require"

	"github.com/pmgen/pmgen/internal/gotest"
	"github.com/pmgen/pmgen/model"
	"github.com/pmgen/pmgen/model/types"
)

// generateInto runs the pipeline and writes the generated package into
// the folder dir of the module.
func generateInto(t *testing.T, m *gotest.Module, dir string, opts Options) *Result {
	t.Helper()
	res, err := Run(opts)
	require.NoError(t, err)
	for _, f := range res.Files {
		m.WriteFile(dir+"/"+f.Name, f.Content)
	}
	return res
}

// render fills a Go source template.
func render(t *testing.T, text string, data any) []byte {
	t.Helper()
	var buf bytes.Buffer
	require.NoError(t, template.Must(template.New("").Parse(text)).Execute(&buf, data))
	return buf.Bytes()
}

// roundTripTest is a test inside a generated package: it decodes a
// request sample into the body type, checks that encoding gives the same
// bytes back, sends it through the client and checks what the server
// received, and decodes the server's response the same way.
const roundTripTest = `package client

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const (
	moneyRequestSample  = {{printf "%q" .Request}}
	moneyResponseSample = {{printf "%q" .Response}}
)

func TestMoneyRoundTrip(t *testing.T) {
	var body {{.RequestType}}
	require.NoError(t, json.Unmarshal([]byte(moneyRequestSample), &body))
	encoded, err := json.Marshal(body)
	require.NoError(t, err)
	assert.Equal(t, moneyRequestSample, string(encoded), "amounts changed in a round trip")

	var received []byte
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		received, _ = io.ReadAll(r.Body)
		w.Header().Set("Content-Type", "application/json")
		w.WriteHeader(http.StatusCreated)
		_, _ = io.WriteString(w, moneyResponseSample)
	}))
	defer srv.Close()

	c, err := New({{.HostOption}}(srv.URL))
	require.NoError(t, err)
	resp, err := c.{{.Method}}(t.Context(), body)
	require.NoError(t, err)
	assert.Equal(t, moneyRequestSample, string(received), "the client did not send the amounts as decoded")

	encoded, err = json.Marshal(resp)
	require.NoError(t, err)
	assert.Equal(t, moneyResponseSample, string(encoded), "response amounts changed in a round trip")
}
`

// moneyCase is the data of roundTripTest for the golden case under
// testdata/types that a config turns into the given fraction type.
type moneyCase struct {
	Request, Response string
	RequestType       string
	HostOption        string
	Method            string
}

// newMoneyCase generates the case's package into the module and returns
// the data of its round trip test. The samples use the case's keys in
// struct order, without spaces, and with digits that float64 would lose:
// 12.10 becomes 12.1 and 0.10 becomes 0.1 through a float64.
func newMoneyCase(t *testing.T, m *gotest.Module, dir string) moneyCase {
	res := generateInto(t, m, "client", Options{Collection: "../../testdata/types/" + dir + "/collection.json", DefaultPackage: "client"})
	op := res.API.Operations[0]
	return moneyCase{
		Request:     `{"total":12.10,"count":2,"positions":[{"price":0.10,"qty":1.000,"sum":0.10}],"discount":0}`,
		Response:    `{"receiptId":"r1","total":12.10,"change":0.00,"vat":[{"rate":20,"sum":2.02}]}`,
		RequestType: op.Body.Type.Name,
		HostOption:  res.API.Hosts[0].GoName,
		Method:      op.GoName,
	}
}

func TestGeneratedJSONNumberKeepsDigits(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a generated module")
	}
	m := gotest.NewModule(t, "example.com/app")
	c := newMoneyCase(t, m, "fraction-json-number")
	m.WriteFile("client/money_test.go", render(t, roundTripTest, c))
	m.VetAndTest()
}

// decimalPackage is a decimal type as an integrator's module provides
// one: it implements json.Marshaler and json.Unmarshaler and keeps the
// digits as written.
const decimalPackage = `// Package money holds a decimal type that keeps a JSON number's digits.
package money

import (
	"encoding/json"
	"fmt"
)

// Decimal is a decimal number, kept as its JSON text.
type Decimal struct{ text string }

// MarshalJSON writes the number as it was read; the zero Decimal is 0.
func (d Decimal) MarshalJSON() ([]byte, error) {
	if d.text == "" {
		return []byte("0"), nil
	}
	return []byte(d.text), nil
}

// UnmarshalJSON reads a JSON number.
func (d *Decimal) UnmarshalJSON(data []byte) error {
	var n json.Number
	if err := json.Unmarshal(data, &n); err != nil {
		return fmt.Errorf("decimal: %w", err)
	}
	d.text = string(data)
	return nil
}

// String returns the number's text.
func (d Decimal) String() string { return d.text }
`

// requireMoney creates the module example.com/money with decimalPackage
// and makes m use it.
func requireMoney(t *testing.T, m *gotest.Module) {
	money := gotest.NewModule(t, "example.com/money")
	money.WriteFile("money.go", []byte(decimalPackage))
	m.Require("example.com/money", "v0.0.0")
	m.Replace("example.com/money", money.Dir)
}

func TestGeneratedDecimalKeepsDigits(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a generated module")
	}
	m := gotest.NewModule(t, "example.com/app")
	requireMoney(t, m)
	c := newMoneyCase(t, m, "fraction-decimal")
	m.WriteFile("client/money_test.go", render(t, roundTripTest, c))
	m.VetAndTest()
}

// typedErrorTest is a test inside the generated example package: a
// server answers with a saved 4xx example, and the error the method
// returns carries the status, the raw body and the decoded error body.
const typedErrorTest = `package kassa

import (
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const (
	typedErrorStatus      = {{.Status}}
	typedErrorContentType = {{printf "%q" .ContentType}}
	typedErrorBody        = {{printf "%q" .Body}}
)

func TestTypedErrorFromExample(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", typedErrorContentType)
		w.WriteHeader(typedErrorStatus)
		_, _ = io.WriteString(w, typedErrorBody)
	}))
	defer srv.Close()

	c, err := New({{.HostOption}}(srv.URL))
	require.NoError(t, err)
{{- range .Reads}}
	c.Session().Set(ScopeEnvironment, {{printf "%q" .}}, "test-value")
{{- end}}
	_, err = c.{{.Method}}(t.Context(), {{.RequestType}}{})
	require.Error(t, err)

	var apiErr *APIError
	require.True(t, errors.As(err, &apiErr), "%T is no *APIError", err)
	assert.Equal(t, typedErrorStatus, apiErr.StatusCode)
	assert.Equal(t, typedErrorBody, string(apiErr.Body))

	decoded, ok := ErrorBodyAs[{{.ErrorType}}](err)
	require.True(t, ok, "ErrorBody is %T", apiErr.ErrorBody)
	assert.Equal(t, {{printf "%q" .Code}}, decoded.{{.ErrorField}}.{{.CodeField}})
	assert.Same(t, decoded, apiErr.ErrorBody)
}
`

// typedErrorCase is the data of typedErrorTest.
type typedErrorCase struct {
	Status            int
	ContentType, Body string
	HostOption        string
	Method            string
	RequestType       string
	Reads             []string
	ErrorType         string
	ErrorField        string
	CodeField         string
	Code              string
}

func TestGeneratedTypedErrorFromExample(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a generated module")
	}
	m := gotest.NewModule(t, "example.com/app")
	res := generateInto(t, m, "kassa", Options{
		Collection:   "../../testdata/example/kassa.postman_collection.json",
		Environments: []string{"../../testdata/example/kassa.postman_environment.json"},
		Package:      "kassa",
	})

	// "Продажа / Продажа за наличные" has a saved 409 response whose body is
	// {"error": {"code": "SHIFT_NOT_OPEN", ...}}.
	var op *model.Operation
	var ex *model.Example
	for _, o := range res.API.Operations {
		if o.Where == "Продажа / Продажа за наличные" {
			op = o
		}
	}
	require.NotNil(t, op)
	for _, e := range op.Examples {
		if e.Status == 409 {
			ex = e
		}
	}
	require.NotNil(t, ex, "the request has no 409 example")
	require.Contains(t, ex.Body, "SHIFT_NOT_OPEN")
	require.NotNil(t, op.ErrorBody, "no error body type was inferred")
	require.Empty(t, op.Params)

	errorType := op.ErrorBody.Type
	errorField := fieldByKey(t, errorType, "error")
	codeField := fieldByKey(t, errorField.Type, "code")
	c := typedErrorCase{
		Status:      ex.Status,
		ContentType: ex.ContentType,
		Body:        ex.Body,
		HostOption:  res.API.Hosts[0].GoName,
		Method:      op.GoName,
		RequestType: op.Body.Type.Name,
		Reads:       op.Reads,
		ErrorType:   errorType.Name,
		ErrorField:  errorField.Name,
		CodeField:   codeField.Name,
		Code:        "SHIFT_NOT_OPEN",
	}
	m.WriteFile("kassa/typed_error_test.go", render(t, typedErrorTest, c))
	m.MustGo("vet", "./...")
	out := m.MustGo("test", "-count=1", "-run", "TestTypedErrorFromExample", "-v", "./...")
	require.True(t, strings.Contains(out, "--- PASS: TestTypedErrorFromExample"), out)
}

// TestGoldenPackagesBuild generates the package of every golden case that
// generates one into a single module, one folder each, and runs the
// generated tests on all of them. It runs go test only, with the vet
// checks go test runs itself, because each package compiles the whole
// runtime and a separate go vet would double the time.
func TestGoldenPackagesBuild(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a generated module")
	}
	m := gotest.NewModule(t, "example.com/golden")
	requireMoney(t, m)
	built := 0
	for _, root := range goldenDirs {
		colls, err := filepath.Glob(filepath.Join(root, "*", "collection.json"))
		require.NoError(t, err)
		for _, coll := range colls {
			dir := filepath.Dir(coll)
			res, err := Run(Options{Collection: coll, DefaultPackage: "client"})
			if err != nil {
				continue // a failing case; TestGolden checks its error
			}
			pkgDir := filepath.Base(root) + "/" + filepath.Base(dir)
			for _, f := range res.Files {
				m.WriteFile(pkgDir+"/"+f.Name, f.Content)
			}
			built++
		}
	}
	require.Positive(t, built)
	m.MustGo("test", "-count=1", "./...")
}

// fieldByKey returns the field of a struct whose JSON key is key.
func fieldByKey(t *testing.T, st *types.Type, key string) *types.Field {
	t.Helper()
	require.Equal(t, types.Struct, st.Kind, "%s is no struct", st.Path)
	for _, f := range st.Fields {
		if f.JSONName == key {
			return f
		}
	}
	require.Failf(t, "no field", "%s has no field %q", st.Name, key)
	return nil
}
