package clientrt

import (
	"net/http"
	"net/http/cookiejar"
	"net/url"
	"strconv"
	"sync"
	"sync/atomic"
	"time"
)

// Scope is a Postman variable scope. The constants are ordered narrowest
// first: when a name is set in several scopes, the narrowest one wins.
type Scope uint8

const (
	// ScopeLocal holds pm.variables values, which last for one run.
	ScopeLocal Scope = iota
	// ScopeData holds the values of the current iteration data row.
	ScopeData
	// ScopeEnvironment holds the environment's values.
	ScopeEnvironment
	// ScopeCollection holds the collection variables.
	ScopeCollection
	// ScopeGlobal holds the global variables.
	ScopeGlobal

	scopeCount = int(ScopeGlobal) + 1
)

var scopeNames = [scopeCount]string{"local", "data", "environment", "collection", "global"}

// String returns the scope's name, "environment".
func (s Scope) String() string {
	if int(s) < scopeCount {
		return scopeNames[s]
	}
	return "Scope(" + strconv.Itoa(int(s)) + ")"
}

// Session carries variable values and cookies from one call to the next,
// the way a Postman runner carries them between the requests of a run. It
// is safe for concurrent use.
type Session struct {
	mu   sync.RWMutex
	vars [scopeCount]map[string]string
	jar  *sessionJar
	// now is the clock of {{$timestamp}}, {{$isoTimestamp}} and the times
	// that scripts read, such as Date.now().
	now func() time.Time
}

// NewSession returns an empty session with its own cookie jar.
func NewSession() *Session {
	// cookiejar.New returns an error only for options it cannot use, and
	// it is given none.
	jar, _ := cookiejar.New(nil)
	return &Session{jar: &sessionJar{jar: jar}, now: time.Now}
}

// sessionJar is the cookie jar of a session. Until a response has set a
// cookie it has none to send, so Cookies returns at once instead of
// looking the request's host up in the cookiejar on every call.
type sessionJar struct {
	jar *cookiejar.Jar
	set atomic.Bool
}

// SetCookies stores the cookies a response to u sets.
func (j *sessionJar) SetCookies(u *url.URL, cookies []*http.Cookie) {
	if len(cookies) == 0 {
		return
	}
	j.set.Store(true)
	j.jar.SetCookies(u, cookies)
}

// Cookies returns the cookies to send in a request to u.
func (j *sessionJar) Cookies(u *url.URL) []*http.Cookie {
	if !j.set.Load() {
		return nil
	}
	return j.jar.Cookies(u)
}

// Set stores value under name in scope. A scope outside the Scope
// constants stores nothing.
func (s *Session) Set(scope Scope, name, value string) {
	if int(scope) >= scopeCount {
		return
	}
	s.mu.Lock()
	if s.vars[scope] == nil {
		s.vars[scope] = make(map[string]string)
	}
	s.vars[scope][name] = value
	s.mu.Unlock()
}

// Unset removes name from scope. The name stays visible when another scope
// sets it.
func (s *Session) Unset(scope Scope, name string) {
	if int(scope) >= scopeCount {
		return
	}
	s.mu.Lock()
	delete(s.vars[scope], name)
	s.mu.Unlock()
}

// Get returns the value of name from the narrowest scope that sets it.
func (s *Session) Get(name string) (string, bool) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	for i := range s.vars {
		if v, ok := s.vars[i][name]; ok {
			return v, true
		}
	}
	return "", false
}

// GetScope returns the value of name in scope alone.
func (s *Session) GetScope(scope Scope, name string) (string, bool) {
	if int(scope) >= scopeCount {
		return "", false
	}
	s.mu.RLock()
	v, ok := s.vars[scope][name]
	s.mu.RUnlock()
	return v, ok
}

// Expand replaces the {{name}} references of template with the session's
// values and returns the result. Dynamic variables such as {{$guid}} get a
// new value unless the session sets a variable of that name. A reference
// to a variable the session does not set is an error.
func (s *Session) Expand(template string) (string, error) {
	r := resolver{session: s}
	return r.expandString(template, false)
}

// ExpandJSON is Expand for the text of a JSON document. A value substituted
// inside a JSON string is escaped for it, so a value containing a quote
// keeps the document valid. A reference outside any string is pasted as
// written, so {"sum": {{amount}}} with amount 12.5 becomes {"sum": 12.5}.
func (s *Session) ExpandJSON(template string) (string, error) {
	r := resolver{session: s}
	return r.expandString(template, true)
}

// clock returns the session's clock.
func (s *Session) clock() time.Time {
	if s.now == nil {
		return time.Now()
	}
	return s.now()
}
