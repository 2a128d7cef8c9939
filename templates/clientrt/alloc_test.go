package clientrt

import "testing"

// TestExpandAuthReusesParsedTemplates checks that a call expands the
// parameter templates that New parsed: expanding "Basic {{token}}" makes
// only its buffer and the result string.
func TestExpandAuthReusesParsedTemplates(t *testing.T) {
	spec := testSpec(varSpec{name: "token", scope: ScopeEnvironment, value: "t0k"})
	spec.schemes = []authScheme{{kind: authAPIKey, params: map[string]string{
		"key": "Authorization", "value": "Basic {{token}}", "in": "header",
	}}}
	c := newTestClient(t, spec, "http://127.0.0.1:1")
	op := &operation{name: "Sell", method: "POST", auth: 0}

	var got expandedAuth
	allocs := testing.AllocsPerRun(100, func() {
		r := resolver{session: c.session, vars: c.spec.vars}
		var err error
		if got, err = c.expandAuth(&r, op); err != nil {
			t.Fatal(err)
		}
	})
	if got.headerName != "Authorization" || got.header != "Basic t0k" {
		t.Errorf("auth header %q: %q, want Authorization: Basic t0k", got.headerName, got.header)
	}
	if allocs > 2 {
		t.Errorf("expandAuth makes %v allocations, want at most 2", allocs)
	}
}

// TestParseURLTextAllocatesOnce checks that the host, path and query of a
// request target share the one string they are built in.
func TestParseURLTextAllocatesOnce(t *testing.T) {
	raw := []byte("http://Kassa.Example.invalid/api/v1/receipts/sale ok?limit=50&from=2025-03-01")
	var got requestTarget
	allocs := testing.AllocsPerRun(100, func() {
		var err error
		if got, err = parseURLText(raw); err != nil {
			t.Fatal(err)
		}
	})
	if got.host != "kassa.example.invalid" || got.path != "/api/v1/receipts/sale%20ok" || got.query != "limit=50&from=2025-03-01" {
		t.Errorf("target %q %q %q, want the lower-case host, the escaped path and the query", got.host, got.path, got.query)
	}
	if allocs > 1 {
		t.Errorf("parseURLText makes %v allocations, want 1", allocs)
	}
}

// TestBuildTargetReusesBuffer checks that building a request URL reuses
// the client's pooled buffer, so the target string is its only
// allocation.
func TestBuildTargetReusesBuffer(t *testing.T) {
	c := newTestClient(t, testSpec(), "http://127.0.0.1:1/api")
	op := getOp("receipts", "sale")
	p := op.prepare()
	var auth expandedAuth
	var got requestTarget
	allocs := testing.AllocsPerRun(100, func() {
		r := resolver{session: c.session, vars: c.spec.vars}
		var err error
		if got, err = c.buildTarget(&r, op, p, &auth); err != nil {
			t.Fatal(err)
		}
	})
	if got.host != "127.0.0.1:1" || got.path != "/api/receipts/sale" {
		t.Errorf("target %q %q, want 127.0.0.1:1 /api/receipts/sale", got.host, got.path)
	}
	if allocs > 1 {
		t.Errorf("buildTarget makes %v allocations, want 1", allocs)
	}
}
