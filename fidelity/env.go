package fidelity

import (
	"encoding/json"
	"fmt"
	"math"
	"os"
	"strconv"
	"strings"
)

// envFile is a Postman environment or globals file, decoded only as far
// as the harness changes it.
type envFile struct {
	fields map[string]json.RawMessage
	values []map[string]any
}

func readEnvFile(path string) (*envFile, error) {
	e := &envFile{fields: map[string]json.RawMessage{}}
	if path == "" {
		e.fields["name"] = json.RawMessage(`"fidelity"`)
		return e, nil
	}
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	data = trimBOM(data)
	if err := json.Unmarshal(data, &e.fields); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if raw, ok := e.fields["values"]; ok {
		if err := json.Unmarshal(raw, &e.values); err != nil {
			return nil, fmt.Errorf("%s: values: %w", path, err)
		}
	}
	return e, nil
}

func trimBOM(data []byte) []byte {
	return []byte(strings.TrimPrefix(string(data), "\uFEFF"))
}

// set gives the enabled variable key a string value, adding it when the
// file has no variable of that key.
func (e *envFile) set(key, value string) {
	for _, v := range e.values {
		if v["key"] == key {
			v["value"] = value
			v["enabled"] = true
			delete(v, "disabled")
			return
		}
	}
	e.values = append(e.values, map[string]any{"key": key, "value": value, "type": "default", "enabled": true})
}

// lookup returns the value of the enabled variable key as Postman's
// runtime substitutes it.
func (e *envFile) lookup(key string) (string, bool) {
	for _, v := range e.values {
		if v["key"] != key || v["enabled"] == false || v["disabled"] == true {
			continue
		}
		value, ok := v["value"]
		if !ok {
			return "", true
		}
		return postmanString(value), true
	}
	return "", false
}

func (e *envFile) write(path string) error {
	values, err := json.Marshal(e.values)
	if err != nil {
		return err
	}
	fields := map[string]json.RawMessage{}
	for k, v := range e.fields {
		fields[k] = v
	}
	fields["values"] = values
	data, err := json.MarshalIndent(fields, "", "  ")
	if err != nil {
		return err
	}
	return os.WriteFile(path, data, 0o644)
}

// postmanString converts a decoded JSON value to the text Postman's
// runtime substitutes for it: JavaScript's String(value).
func postmanString(v any) string {
	switch x := v.(type) {
	case nil:
		return "null"
	case string:
		return x
	case bool:
		return strconv.FormatBool(x)
	case float64:
		return jsNumber(x)
	case []any:
		parts := make([]string, len(x))
		for i, e := range x {
			if e != nil {
				parts[i] = postmanString(e)
			}
		}
		return strings.Join(parts, ",")
	}
	return "[object Object]"
}

// jsNumber formats f as JavaScript's Number.prototype.toString does:
// the shortest text that reads back as f, in plain notation from 1e-6 up
// to 1e21 and in exponent notation outside that range.
func jsNumber(f float64) string {
	switch {
	case math.IsNaN(f):
		return "NaN"
	case math.IsInf(f, 1):
		return "Infinity"
	case math.IsInf(f, -1):
		return "-Infinity"
	case f == 0:
		return "0"
	}
	abs := math.Abs(f)
	if abs >= 1e-6 && abs < 1e21 {
		return strconv.FormatFloat(f, 'f', -1, 64)
	}
	s := strconv.FormatFloat(f, 'e', -1, 64)
	mantissa, exp, _ := strings.Cut(s, "e")
	sign := exp[0]
	exp = strings.TrimLeft(exp[1:], "0")
	return mantissa + "e" + string(sign) + exp
}
