package clientrt

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
	"time"
)

// assign runs script assignments against the session of r. res is the
// response for post-response assignments and nil before the request.
// A value the response lacks stores nothing and is reported to the
// missing-value hook and the logger; only an expansion error fails.
func (c *Client) assign(r *resolver, op *operation, as []assignment, templates []template, res *response) error {
	for i := range as {
		a := &as[i]
		if a.from == fromUnset {
			r.session.Unset(a.scope, a.name)
			continue
		}
		value, reason, err := c.assignmentValue(r, a, i, templates, res)
		if err != nil {
			return fmt.Errorf("setting %s variable %q: %w", a.scope, a.name, err)
		}
		if reason != "" {
			c.reportMissing(MissingValue{Operation: op.name, Variable: a.name, Scope: a.scope, Reason: reason})
			continue
		}
		r.session.Set(a.scope, a.name, value)
	}
	return nil
}

// assignmentValue returns the value a stores, or a reason when there is
// none.
func (c *Client) assignmentValue(r *resolver, a *assignment, i int, templates []template, res *response) (value, reason string, err error) {
	switch a.from {
	case fromLiteral:
		return a.text, "", nil
	case fromTemplate:
		if templates == nil {
			v, err := r.expandString(a.text, false)
			return v, "", err
		}
		v, err := r.expand(&templates[i])
		return v, "", err
	case fromVariable:
		v, ok := r.lookup(a.text)
		if !ok {
			return "", fmt.Sprintf("variable %q is not set", a.text), nil
		}
		return v, "", nil
	case fromDynamic:
		v, err := r.dynamic(a.text)
		return v, "", err
	case fromTimestampMillis:
		return strconv.FormatInt(r.sessionClock().UnixMilli(), 10), "", nil
	case fromISOTimestamp:
		return isoTimestamp(r.sessionClock()), "", nil
	}
	if res == nil {
		return "", "the value comes from a response, and the request has not been sent", nil
	}
	switch a.from {
	case fromResponseCode:
		return strconv.Itoa(res.status), "", nil
	case fromResponseText:
		return string(res.body), "", nil
	case fromResponseHeader:
		if vs := res.header.Values(a.text); len(vs) > 0 {
			return vs[0], "", nil
		}
		return "", fmt.Sprintf("the response has no header %q", a.text), nil
	case fromResponseJSON:
		v, reason := jsonPathValue(res.body, a.path)
		return v, reason, nil
	}
	return "", "", fmt.Errorf("value source %d is not supported", a.from)
}

// jsonPathValue returns the text of the value at path in a JSON document:
// a string without its quotes, a number as written, true or false, and an
// object or array as compact JSON text.
//
// NOTE: Postman stores the JavaScript value, so a number such as 10.00
// would later be written as 10; this keeps the number as the response
// wrote it, which also keeps integers above 2^53 exact.
func jsonPathValue(body []byte, path []any) (string, string) {
	cur := json.RawMessage(bytes.TrimSpace(body))
	if len(cur) == 0 {
		return "", "the response body is empty"
	}
	for i, step := range path {
		switch key := step.(type) {
		case string:
			var obj map[string]json.RawMessage
			if json.Unmarshal(cur, &obj) != nil || obj == nil {
				return "", fmt.Sprintf("%s is not an object", pathText(path[:i]))
			}
			next, ok := obj[key]
			if !ok {
				return "", fmt.Sprintf("%s is missing", pathText(path[:i+1]))
			}
			cur = next
		case int:
			var arr []json.RawMessage
			if json.Unmarshal(cur, &arr) != nil || arr == nil {
				return "", fmt.Sprintf("%s is not an array", pathText(path[:i]))
			}
			if key < 0 || key >= len(arr) {
				return "", fmt.Sprintf("%s is missing", pathText(path[:i+1]))
			}
			cur = arr[key]
		default:
			return "", fmt.Sprintf("path element %v is neither a key nor an index", step)
		}
	}
	cur = bytes.TrimSpace(cur)
	switch {
	case len(cur) == 0:
		return "", "the value is empty"
	case cur[0] == '"':
		var s string
		if err := json.Unmarshal(cur, &s); err != nil {
			return "", "the value is not valid JSON"
		}
		return s, ""
	case string(cur) == "null":
		return "", fmt.Sprintf("%s is null", pathText(path))
	case cur[0] == '{' || cur[0] == '[':
		var buf bytes.Buffer
		if err := json.Compact(&buf, cur); err != nil {
			return "", "the value is not valid JSON"
		}
		return buf.String(), ""
	}
	return string(cur), ""
}

// pathText writes path in JavaScript notation, "json.items[0].id".
func pathText(path []any) string {
	text := "json"
	for _, step := range path {
		switch v := step.(type) {
		case string:
			text += "." + v
		case int:
			text += "[" + strconv.Itoa(v) + "]"
		}
	}
	return text
}

func (c *Client) reportMissing(m MissingValue) {
	if c.onMissing != nil {
		c.onMissing(m)
	}
	if c.logger != nil {
		c.logger.Warn("script assignment stored nothing", "operation", m.Operation, "variable", m.Variable, "scope", m.Scope.String(), "reason", m.Reason)
	}
}

// sessionClock returns the time on the clock of the session r uses.
func (r *resolver) sessionClock() time.Time {
	if r.session == nil {
		return time.Now()
	}
	return r.session.clock()
}
