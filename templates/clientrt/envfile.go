package clientrt

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
)

// WithEnvironmentFile reads a Postman environment file, as Postman
// exports it, and sets each enabled value in the environment scope. It
// lets a client use the environment an operator hands out, secrets
// included, without copying values into code. Options given after it that
// set the same variables win. A base URL option, such as WithBaseURL,
// replaces its host's template as a whole, so it wins over the file's
// value of that variable in any order.
func WithEnvironmentFile(path string) Option {
	return func(c *clientConfig) error {
		values, err := readEnvironmentFile(path)
		if err != nil {
			return fmt.Errorf("WithEnvironmentFile: %w", err)
		}
		c.envVars = append(c.envVars, values...)
		return nil
	}
}

// readEnvironmentFile returns the enabled values of a Postman environment
// file in file order. Numbers and booleans are kept as their JSON text.
func readEnvironmentFile(path string) ([]param, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	data = bytes.TrimPrefix(data, []byte("\xef\xbb\xbf"))
	var file struct {
		Values []struct {
			Key     string          `json:"key"`
			Value   json.RawMessage `json:"value"`
			Enabled *bool           `json:"enabled"`
		} `json:"values"`
	}
	if err := json.Unmarshal(data, &file); err != nil {
		return nil, fmt.Errorf("%s is not a Postman environment file: %w", path, err)
	}
	var out []param
	for _, v := range file.Values {
		if v.Key == "" || v.Enabled != nil && !*v.Enabled {
			continue
		}
		out = append(out, param{name: v.Key, value: rawText(v.Value)})
	}
	return out, nil
}

// rawText returns a JSON string's content, or the JSON text of any other
// value; null and a missing value give "".
func rawText(raw json.RawMessage) string {
	if len(raw) == 0 || string(raw) == "null" {
		return ""
	}
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return s
	}
	return string(raw)
}
