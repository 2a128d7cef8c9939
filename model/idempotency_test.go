package model

import "testing"

func TestIdempotencyHeaderNames(t *testing.T) {
	for name, want := range map[string]bool{
		"Idempotency-Key":   true,
		"X-Idempotency-Key": true,
		"idempotence_key":   true,
		"IDEMPOTENCY KEY":   true,
		"Idempotent":        false,
		"X-Request-Id":      false,
		"Key":               false,
	} {
		if got := idempotencyHeader(name); got != want {
			t.Errorf("idempotencyHeader(%q) = %v, want %v", name, got, want)
		}
	}
}

func TestOperationRecordsIdempotencyHeader(t *testing.T) {
	api, _ := buildJSON(t, `{
		"info": {"name": "n", "schema": "https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},
		"item": [
			{"name": "Sale", "request": {"method": "POST", "url": "http://127.0.0.1/sale", "header": [
				{"key": "Idempotency-Key", "value": "", "disabled": false},
				{"key": "X-Idempotency-Key", "value": "{{$guid}}"}
			]}},
			{"name": "Off", "request": {"method": "POST", "url": "http://127.0.0.1/off", "header": [
				{"key": "Idempotency-Key", "value": "{{$guid}}", "disabled": true}
			]}}
		]
	}`)

	if got := api.Operations[0].IdempotencyHeader; got != "X-Idempotency-Key" {
		t.Errorf("Sale: IdempotencyHeader = %q, want the first one with a value", got)
	}
	if got := api.Operations[1].IdempotencyHeader; got != "" {
		t.Errorf("Off: IdempotencyHeader = %q, want none for a disabled header", got)
	}
}
