package clientrt

import (
	"encoding/json"
	"fmt"
	"net/http"
	"time"
)

// scriptEnv is what the Go translation of a collection's prerequest and
// test scripts reads and writes: variables, dynamic variables, the clock
// and, after the response arrives, the response. The generated code calls
// its methods; values follow JavaScript's semantics (see jsvalue.go).
type scriptEnv struct {
	session *Session
	// lookup finds a variable in every scope, narrowest first, including
	// the call's parameters.
	lookup  func(name string) (string, bool)
	dynamic func(name string) (string, error)
	now     func() time.Time
	// missing reports a value a script wanted but the response lacked.
	missing func(name string, scope Scope, reason string)

	hasResponse bool
	statusCode  int
	statusText  string
	headers     http.Header
	body        []byte
	elapsed     time.Duration
	parsed      any
	parseDone   bool

	// err is the first error a script step met, such as an unset variable
	// in a template; the rest of the script still runs, as in Postman.
	err error
}

// Time formats of scriptEnv.time, matching the script translator's.
const (
	timeUnixMilli = iota // Date.now()
	timeUnixSec          // Math.floor(Date.now() / 1000)
	timeISO              // new Date().toISOString()
	timeISODate          // new Date().toISOString().split("T")[0]
)

// set stores a value in a scope, converted to text as Postman's variable
// substitution does. Undefined stores nothing and is reported.
func (e *scriptEnv) set(scope Scope, name string, v any) {
	if isUndefined(v) {
		if e.missing != nil {
			e.missing(name, scope, "the value is undefined")
		}
		return
	}
	e.session.Set(scope, name, jsString(v))
}

// unset removes a variable from a scope.
func (e *scriptEnv) unset(scope Scope, name string) {
	e.session.Unset(scope, name)
}

// variable returns a variable's value from the narrowest scope that has
// it, as pm.variables.get does, or undefined.
func (e *scriptEnv) variable(name string) any {
	if v, ok := e.lookup(name); ok {
		return v
	}
	return jsUndefined
}

// scoped returns a variable's value in one scope, as
// pm.environment.get does, or undefined.
func (e *scriptEnv) scoped(scope Scope, name string) any {
	if v, ok := e.session.GetScope(scope, name); ok {
		return v
	}
	return jsUndefined
}

// dyn returns a fresh value of a dynamic variable such as "$guid", or the
// value of a variable of the same name, which pins it.
func (e *scriptEnv) dyn(name string) any {
	if v, ok := e.lookup(name); ok {
		return v
	}
	v, err := e.dynamic(name)
	if err != nil {
		e.fail(err)
		return jsUndefined
	}
	return v
}

// time returns the current time in one of the time formats.
func (e *scriptEnv) time(format int) any {
	t := e.now()
	switch format {
	case timeUnixSec:
		return float64(t.Unix())
	case timeISO:
		return isoTimestamp(t)
	case timeISODate:
		return t.UTC().Format("2006-01-02")
	}
	return float64(t.UnixMilli())
}

// json returns the value at path in the response body parsed as JSON:
// pm.response.json().a.b[0]. A body that is not JSON, or a missing step,
// gives undefined.
func (e *scriptEnv) json(path ...any) any {
	if !e.parseDone {
		e.parseDone = true
		var v any
		if err := json.Unmarshal(e.body, &v); err == nil {
			e.parsed = v
		} else {
			e.parsed = jsUndefined
		}
	}
	return jsPath(e.parsed, path...)
}

// isJSON reports whether the response body parses as JSON.
func (e *scriptEnv) isJSON() bool {
	return e.hasResponse && !isUndefined(e.json())
}

// header returns a response header, matched case-insensitively, or
// undefined.
func (e *scriptEnv) header(name string) any {
	if values := e.headerValues(name); len(values) > 0 {
		return values[0]
	}
	return jsUndefined
}

func (e *scriptEnv) headerValues(name string) []string {
	if e.headers == nil {
		return nil
	}
	return e.headers.Values(name)
}

// hasHeader reports whether the response has the header, with the value
// when value is not undefined.
func (e *scriptEnv) hasHeader(name string, value any) bool {
	values := e.headerValues(name)
	if isUndefined(value) {
		return len(values) > 0
	}
	for _, v := range values {
		if v == jsString(value) {
			return true
		}
	}
	return false
}

// code returns the response status code.
func (e *scriptEnv) code() any { return float64(e.statusCode) }

// status returns the reason phrase of the response status, "OK".
func (e *scriptEnv) status() any { return e.statusText }

// responseTime returns how long the response took, in milliseconds.
func (e *scriptEnv) responseTime() any { return float64(e.elapsed.Milliseconds()) }

// text returns the response body as text.
func (e *scriptEnv) text() any { return string(e.body) }

// fail records the first error of the script.
func (e *scriptEnv) fail(err error) {
	if e.err == nil {
		e.err = err
	}
}

// newScriptEnv returns the environment of a call's scripts; res is nil
// before the response arrives.
func (c *Client) newScriptEnv(r *resolver, op *operation, res *response, elapsed time.Duration) *scriptEnv {
	e := &scriptEnv{
		session: r.session,
		lookup:  r.lookup,
		dynamic: r.dynamic,
		now:     r.sessionClock,
		missing: func(name string, scope Scope, reason string) {
			c.reportMissing(MissingValue{Operation: op.name, Variable: name, Scope: scope, Reason: reason})
		},
	}
	if res != nil {
		e.hasResponse = true
		e.statusCode, e.headers, e.body, e.elapsed = res.status, res.header, res.body, elapsed
		e.statusText = http.StatusText(res.status)
	}
	return e
}

// sessionClock returns the time on the clock of the session r uses.
func (r *resolver) sessionClock() time.Time {
	if r.session == nil {
		return time.Now()
	}
	return r.session.clock()
}

// responseScriptEnv returns a script environment over a captured
// response, for the checks of generated tests.
func responseScriptEnv(s *Session, r *Response) *scriptEnv {
	return &scriptEnv{
		session:     s,
		lookup:      s.Get,
		dynamic:     func(name string) (string, error) { return dynamicValue(name, s.clock) },
		now:         s.clock,
		hasResponse: true,
		statusCode:  r.StatusCode,
		statusText:  http.StatusText(r.StatusCode),
		headers:     r.Header,
		body:        r.Body,
		elapsed:     r.Elapsed,
	}
}

// runScript runs a translated script and returns its first error, named
// after the script's event.
func runScript(event string, script func(*scriptEnv), e *scriptEnv) error {
	if script == nil {
		return nil
	}
	script(e)
	if e.err != nil {
		return fmt.Errorf("%s script: %w", event, e.err)
	}
	return nil
}
