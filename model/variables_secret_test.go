package model

import (
	"testing"

	"github.com/pmgen/pmgen/parser"
)

// buildWithEnvironment builds the model of a collection with one
// environment file.
func buildWithEnvironment(t *testing.T, collection, environment string) *API {
	t.Helper()
	c, diags := parser.ParseCollection("c.json", []byte(collection), parser.Options{})
	if c == nil || diags.HasErrors() {
		t.Fatalf("parse collection: %v", diags.Err())
	}
	env, diags := parser.ParseEnvironment("e.json", []byte(environment), parser.Options{})
	if env == nil || diags.HasErrors() {
		t.Fatalf("parse environment: %v", diags.Err())
	}
	api, _ := Build(Input{Collection: c, Environments: []*parser.Environment{env}})
	return api
}

func variableNamed(api *API, name string) *Variable {
	for _, v := range api.Variables {
		if v.Name == name {
			return v
		}
	}
	return nil
}

func TestCredentialReferencesSecret(t *testing.T) {
	api := buildWithEnvironment(t, `{
		"info": {"name": "n", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
		"auth": {"type": "bearer", "bearer": [{"key": "token", "value": "{{relay}}"}]},
		"variable": [
			{"key": "relay", "value": "unused"},
			{"key": "inner", "value": "collection-secret"},
			{"key": "plain", "value": "kept"}
		],
		"item": [
			{"name": "r", "request": {"method": "GET", "url": "http://127.0.0.1:9/p?i={{inner}}&p={{plain}}"}},
			{"name": "o", "request": {"method": "GET", "url": "http://127.0.0.1:9/o?c={{cs}}",
				"auth": {"type": "oauth1", "oauth1": [{"key": "consumerSecret", "value": "{{cs}}"}]}}}
		]
	}`, `{"name": "e", "values": [
		{"key": "relay", "value": "{{inner}}", "enabled": true}
	]}`)

	// relay's environment value refers to inner, so inner is a credential
	// although a query reads it too.
	for _, name := range []string{"relay", "inner"} {
		v := variableNamed(api, name)
		if v == nil {
			t.Fatalf("no variable %q", name)
		}
		if !v.Secret || v.Default != "" {
			t.Errorf("variable %q: secret %v, default %q; want secret without default", name, v.Secret, v.Default)
		}
	}
	if v := variableNamed(api, "plain"); v == nil || v.Secret || v.Default != "kept" {
		t.Errorf("variable \"plain\" = %+v, want a default of \"kept\"", v)
	}
	if v := variableNamed(api, "cs"); v == nil || !v.Secret {
		t.Errorf("variable \"cs\" = %+v, want a secret: oauth1's consumerSecret reads it", v)
	}
}

func TestEnvironmentKeepsCollectionDefault(t *testing.T) {
	api := buildWithEnvironment(t, `{
		"info": {"name": "n", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
		"variable": [
			{"key": "baseUrl", "value": "http://127.0.0.1:9/collection"},
			{"key": "currency", "value": "BYN"},
			{"key": "region", "value": "by"}
		],
		"item": [{"name": "r", "request": {"method": "GET",
			"url": "{{baseUrl}}/p?c={{currency}}&r={{region}}&l={{login}}"}}]
	}`, `{"name": "e", "values": [
		{"key": "baseUrl", "value": "http://127.0.0.1:9/environment", "enabled": true},
		{"key": "currency", "value": "EUR", "type": "default", "enabled": true},
		{"key": "region", "value": "ru", "type": "secret", "enabled": true},
		{"key": "login", "value": "cashier", "enabled": true}
	]}`)

	if got := api.Hosts[0].Default; got != "http://127.0.0.1:9/collection" {
		t.Errorf("host default %q, want the collection's value", got)
	}
	tests := []struct {
		name   string
		secret bool
		want   string
		reason string
	}{
		{"currency", false, "BYN", "the environment's value replaces no default"},
		{"region", true, "", "the environment types it secret"},
		{"login", true, "", "only the environment defines it"},
	}
	for _, tt := range tests {
		v := variableNamed(api, tt.name)
		if v == nil {
			t.Fatalf("no variable %q", tt.name)
		}
		if v.Secret != tt.secret || v.Default != tt.want {
			t.Errorf("variable %q: secret %v, default %q; want secret %v, default %q: %s",
				tt.name, v.Secret, v.Default, tt.secret, tt.want, tt.reason)
		}
		if v.Scope != ScopeEnvironment {
			t.Errorf("variable %q has scope %d, want the environment's", tt.name, v.Scope)
		}
	}
}
