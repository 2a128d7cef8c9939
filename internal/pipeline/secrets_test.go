package pipeline

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/pmgen/pmgen/internal/gotest"
	"github.com/pmgen/pmgen/model"
)

// writeInputs writes a collection and an environment file into a
// temporary folder and returns the options that generate from them.
func writeInputs(t *testing.T, collection, environment string) Options {
	t.Helper()
	dir := t.TempDir()
	opts := Options{Collection: filepath.Join(dir, "collection.json"), DefaultPackage: "client"}
	require.NoError(t, os.WriteFile(opts.Collection, []byte(collection), 0o644))
	if environment != "" {
		env := filepath.Join(dir, "environment.json")
		require.NoError(t, os.WriteFile(env, []byte(environment), 0o644))
		opts.Environments = []string{env}
	}
	return opts
}

// vetAndTestGenerated generates the package client into a new module,
// adds the test file name with content to it, and runs go vet and go test
// on the module. It skips the test in -short mode.
func vetAndTestGenerated(t *testing.T, opts Options, name, content string) {
	t.Helper()
	if testing.Short() {
		t.Skip("builds a generated module")
	}
	m := gotest.NewModule(t, "example.com/app")
	generateInto(t, m, "client", opts)
	m.WriteFile("client/"+name, []byte(content))
	m.VetAndTest()
}

// findVariable returns the model variable named name, nil when the model
// has none.
func findVariable(api *model.API, name string) *model.Variable {
	for _, v := range api.Variables {
		if v.Name == name {
			return v
		}
	}
	return nil
}

// credentialCollection reads credentials from collection variables: the
// basic password from pw (the literal username becomes the secret variable
// basicUsername), the bearer token from relay, whose value refers
// to deep, and the API key from envShared, which the environment defines
// too. The header X-Typed reads a variable of type "secret".
const credentialCollection = `{
	"info": {"name": "Credential variables", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
	"auth": {"type": "basic", "basic": [
		{"key": "username", "value": "cashier", "type": "string"},
		{"key": "password", "value": "{{pw}}", "type": "string"}
	]},
	"variable": [
		{"key": "baseUrl", "value": "http://127.0.0.1:9/api"},
		{"key": "pw", "value": "secretpw"},
		{"key": "relay", "value": "{{deep}}"},
		{"key": "deep", "value": "nested-secret-value"},
		{"key": "envShared", "value": "collection-secret-value"},
		{"key": "typed", "value": "typed-secret-value", "type": "secret"}
	],
	"item": [
		{"name": "Ping", "request": {"method": "GET", "url": "{{baseUrl}}/ping",
			"header": [{"key": "X-Typed", "value": "{{typed}}"}]}},
		{"name": "Bearer", "request": {"method": "GET", "url": "{{baseUrl}}/bearer",
			"auth": {"type": "bearer", "bearer": [{"key": "token", "value": "{{relay}}"}]}}},
		{"name": "Key", "request": {"method": "GET", "url": "{{baseUrl}}/key",
			"auth": {"type": "apikey", "apikey": [
				{"key": "key", "value": "X-Api-Key"},
				{"key": "value", "value": "{{envShared}}"}
			]}}}
	]
}`

const credentialEnvironment = `{
	"name": "Stand",
	"values": [
		{"key": "envShared", "value": "environment-secret-value", "type": "default", "enabled": true}
	],
	"_postman_variable_scope": "environment"
}`

// credentialTest runs inside the generated package: every request fails
// with an error naming the option of its unset credential, and sends the
// credentials once the options give them.
const credentialTest = `package client

import (
	"net/http"
	"net/http/httptest"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestCredentialsRequireOptions(t *testing.T) {
	var mu sync.Mutex
	received := map[string]string{}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		defer mu.Unlock()
		received[r.URL.Path] = r.Header.Get("Authorization") + "|" + r.Header.Get("X-Api-Key")
	}))
	defer srv.Close()

	c, err := New(WithBaseURL(srv.URL), WithTyped("typed"), WithBasicUsername("cashier"))
	require.NoError(t, err)
	calls := []struct {
		option string
		call   func() error
	}{
		{"WithPw", func() error { _, err := c.Ping(t.Context()); return err }},
		{"WithRelay", func() error { _, err := c.Bearer(t.Context()); return err }},
		{"WithEnvShared", func() error { _, err := c.Key(t.Context()); return err }},
	}
	for _, call := range calls {
		err := call.call()
		var unset *UnsetVariableError
		require.ErrorAs(t, err, &unset, "a request without %s", call.option)
		assert.Equal(t, call.option, unset.Option)
	}
	mu.Lock()
	assert.Empty(t, received, "requests without credentials reached the server")
	mu.Unlock()

	c, err = New(WithBaseURL(srv.URL), WithTyped("typed"), WithBasicUsername("cashier"),
		WithPw("p"), WithRelay("r"), WithEnvShared("k"))
	require.NoError(t, err)
	for _, call := range calls {
		require.NoError(t, call.call(), "a request with %s", call.option)
	}
	mu.Lock()
	defer mu.Unlock()
	assert.Equal(t, "Basic Y2FzaGllcjpw|", received["/ping"])
	assert.Equal(t, "Bearer r|", received["/bearer"])
	assert.Equal(t, "|k", received["/key"])
}
`

func TestCredentialVariablesAreSecret(t *testing.T) {
	opts := writeInputs(t, credentialCollection, credentialEnvironment)
	res, err := Run(opts)
	require.NoError(t, err)

	for _, name := range []string{"pw", "relay", "envShared", "typed"} {
		v := findVariable(res.API, name)
		require.NotNil(t, v, "variable %q", name)
		assert.True(t, v.Secret, "variable %q is not secret", name)
		assert.Empty(t, v.Default, "variable %q has a default", name)
	}
	if v := findVariable(res.API, "deep"); v != nil {
		assert.True(t, v.Secret, "variable \"deep\" is not secret")
	}

	secrets := []string{"secretpw", "nested-secret-value", "collection-secret-value", "environment-secret-value", "typed-secret-value"}
	require.NotEmpty(t, res.Files)
	for _, f := range res.Files {
		for _, s := range secrets {
			assert.NotContains(t, string(f.Content), s, "%s contains a credential", f.Name)
		}
	}

	vetAndTestGenerated(t, opts, "credentials_test.go", credentialTest)
}

// defaultsCollection gives baseUrl and currency values that an
// environment file overrides. {{server}} is replaced with the test
// server's URL.
const defaultsCollection = `{
	"info": {"name": "Defaults", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
	"variable": [
		{"key": "baseUrl", "value": "{{server}}"},
		{"key": "currency", "value": "BYN"}
	],
	"item": [
		{"name": "Ping", "request": {"method": "GET", "url": "{{baseUrl}}/ping",
			"header": [{"key": "X-Currency", "value": "{{currency}}"}]}}
	]
}`

const defaultsEnvironment = `{
	"name": "Stand",
	"values": [
		{"key": "baseUrl", "value": "http://127.0.0.1:9/environment-only", "type": "default", "enabled": true},
		{"key": "currency", "value": "EUR", "type": "default", "enabled": true}
	],
	"_postman_variable_scope": "environment"
}`

// defaultsTest runs inside the generated package: a client without
// options sends to the collection's base URL.
const defaultsTest = `package client

import "testing"

func TestCollectionDefaults(t *testing.T) {
	c, err := New()
	if err != nil {
		t.Fatal(err)
	}
	if _, err := c.Ping(t.Context()); err != nil {
		t.Fatal(err)
	}
}
`

func TestEnvironmentKeepsCollectionDefaults(t *testing.T) {
	var mu sync.Mutex
	var currencies []string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		defer mu.Unlock()
		currencies = append(currencies, r.Header.Get("X-Currency"))
	}))
	defer srv.Close()
	baseURL := srv.URL + "/api"

	collection := strings.Replace(defaultsCollection, "{{server}}", baseURL, 1)
	opts := writeInputs(t, collection, defaultsEnvironment)
	res, err := Run(opts)
	require.NoError(t, err)

	require.Len(t, res.API.Hosts, 1)
	assert.Equal(t, baseURL, res.API.Hosts[0].Default, "the host's default")
	currency := findVariable(res.API, "currency")
	require.NotNil(t, currency)
	assert.False(t, currency.Secret, "currency is secret")
	assert.Equal(t, "BYN", currency.Default, "currency's default")

	var client string
	for _, f := range res.Files {
		assert.NotContains(t, string(f.Content), "environment-only", "%s contains a value of the environment", f.Name)
		if f.Name == "client.go" {
			client = string(f.Content)
		}
	}
	assert.Contains(t, client, "// Default: "+baseURL+".")
	assert.NotContains(t, client, "gives no default")

	vetAndTestGenerated(t, opts, "defaults_test.go", defaultsTest)

	mu.Lock()
	defer mu.Unlock()
	assert.Equal(t, []string{"BYN"}, currencies, "X-Currency of the requests the server received")
}
