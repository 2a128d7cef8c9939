package clientrt

import (
	"errors"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestSessionScopes(t *testing.T) {
	s := NewSession()
	s.Set(ScopeGlobal, "x", "global")
	s.Set(ScopeCollection, "x", "collection")
	v, ok := s.Get("x")
	assert.True(t, ok)
	assert.Equal(t, "collection", v)
	s.Set(ScopeEnvironment, "x", "environment")
	v, _ = s.Get("x")
	assert.Equal(t, "environment", v)
	s.Unset(ScopeEnvironment, "x")
	v, _ = s.Get("x")
	assert.Equal(t, "collection", v)
	s.Set(Scope(99), "y", "ignored")
	_, ok = s.Get("y")
	assert.False(t, ok)
	assert.Equal(t, "environment", ScopeEnvironment.String())
	assert.Equal(t, "Scope(9)", Scope(9).String())
}

func TestSessionIsSafeForConcurrentUse(t *testing.T) {
	s := NewSession()
	var wg sync.WaitGroup
	for i := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for j := range 100 {
				s.Set(ScopeLocal, "k"+strconv.Itoa(i), strconv.Itoa(j))
				_, _ = s.Expand("{{k" + strconv.Itoa(i) + "}}")
			}
		}()
	}
	wg.Wait()
	v, ok := s.Get("k3")
	assert.True(t, ok)
	assert.Equal(t, "99", v)
}

func TestExpand(t *testing.T) {
	s := NewSession()
	s.Set(ScopeCollection, "a", "A")
	s.Set(ScopeCollection, "outer", "[{{middle}}]")
	s.Set(ScopeCollection, "middle", "<{{a}}>")
	s.Set(ScopeCollection, "quote", `say "hi"\`)
	s.Set(ScopeCollection, "amount", "12.50")
	tests := []struct {
		template, want string
		json           bool
	}{
		{template: "plain", want: "plain"},
		{template: "x{{a}}y{{a}}", want: "xAyA"},
		{template: "{{outer}}", want: "[<A>]"},
		{template: "{{}} {{a b", want: "{{}} {{a b"},
		{template: "{{{a}}}", want: "{A}"},
		{template: `{"q": "{{quote}}", "sum": {{amount}}}`, json: true, want: `{"q": "say \"hi\"\\", "sum": 12.50}`},
		{template: `{"q\"{{a}}": {{a}}}`, json: true, want: `{"q\"A": A}`},
		{template: `{"n": "{{outer}}"}`, json: true, want: `{"n": "[<A>]"}`},
	}
	for _, tt := range tests {
		expand := s.Expand
		if tt.json {
			expand = s.ExpandJSON
		}
		got, err := expand(tt.template)
		require.NoError(t, err, tt.template)
		assert.Equal(t, tt.want, got, tt.template)
	}
}

func TestExpandErrors(t *testing.T) {
	s := NewSession()
	s.Set(ScopeCollection, "self", "x{{self}}")
	s.Set(ScopeCollection, "a", "{{b}}")
	s.Set(ScopeCollection, "b", "{{a}}")
	_, err := s.Expand("{{missing}}")
	var unset *UnsetVariableError
	require.ErrorAs(t, err, &unset)
	assert.Equal(t, "missing", unset.Name)
	assert.EqualError(t, err, `variable "missing" is not set: set it with Session.Set`)

	_, err = s.Expand("{{$unknownDynamic}}")
	assert.EqualError(t, err, `variable "$unknownDynamic" is not set and is not a supported dynamic variable`)
}

// References deeper than Postman's 19 substitution passes stay as
// written; newman 6.2.2 sends the same texts for these variables.
func TestExpandDepthBound(t *testing.T) {
	s := NewSession()
	// v0 → v1 → … → v20 = "end".
	for i := 0; i < 20; i++ {
		s.Set(ScopeCollection, "v"+strconv.Itoa(i), "{{v"+strconv.Itoa(i+1)+"}}")
	}
	s.Set(ScopeCollection, "v20", "end")
	for _, tt := range []struct{ template, want string }{
		{"{{v0}}", "{{v19}}"},
		{"{{v1}}", "{{v20}}"},
		{"{{v2}}", "end"},
	} {
		got, err := s.Expand(tt.template)
		require.NoError(t, err)
		assert.Equal(t, tt.want, got, tt.template)
	}
}

// A variable that refers to itself is expanded as deep as Postman's
// passes reach, and the rest is sent as written.
func TestExpandCycleStops(t *testing.T) {
	s := NewSession()
	s.Set(ScopeCollection, "self", "{{self}}")
	s.Set(ScopeCollection, "ping", "p{{pong}}")
	s.Set(ScopeCollection, "pong", "q{{ping}}")
	got, err := s.Expand("{{self}}")
	require.NoError(t, err)
	assert.Equal(t, "{{self}}", got)
	got, err = s.Expand("{{ping}}")
	require.NoError(t, err)
	assert.Equal(t, "pqpqpqpqpqpqpqpqpqp{{pong}}", got)
}

func TestExpandStopsBillionLaughs(t *testing.T) {
	for _, last := range []string{"lol", ""} {
		s := NewSession()
		ten := strings.Repeat("{{l%d}}", 10)
		for i := 0; i < 12; i++ {
			s.Set(ScopeCollection, "l"+strconv.Itoa(i), strings.ReplaceAll(ten, "%d", strconv.Itoa(i+1)))
		}
		s.Set(ScopeCollection, "l12", last)
		_, err := s.Expand("{{l0}}")
		require.Error(t, err, "last value %q", last)
		assert.True(t, errors.Is(err, errTooLong) || errors.Is(err, errTooManyRefs), err.Error())
	}
}

func TestDynamicVariables(t *testing.T) {
	s := NewSession()
	s.now = func() time.Time { return time.Date(2024, 5, 6, 7, 8, 9, 600_000_000, time.UTC) }
	patterns := map[string]string{
		"$guid":               `^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`,
		"$randomUUID":         `^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$`,
		"$timestamp":          `^1714979290$`, // 09.6 s rounds up, as Postman's Math.round does
		"$isoTimestamp":       `^2024-05-06T07:08:09\.600Z$`,
		"$randomInt":          `^([0-9]|[1-9][0-9]{1,2}|1000)$`,
		"$randomBoolean":      `^(true|false)$`,
		"$randomAlphaNumeric": `^[0-9a-z]$`,
		"$randomPassword":     `^\w{15}$`,
		"$randomHexColor":     `^#[0-9a-f]{6}$`,
		"$randomIP":           `^\d{1,3}(\.\d{1,3}){3}$`,
		"$randomIPV6":         `^[0-9a-f]{1,4}(:[0-9a-f]{1,4}){7}$`,
		"$randomMACAddress":   `^[0-9a-f]{2}(:[0-9a-f]{2}){5}$`,
		"$randomPrice":        `^\d{1,4}\.\d{2}$`,
		"$randomBankAccount":  `^\d{8}$`,
		"$randomSemver":       `^\d\.\d\.\d$`,
	}
	for name, pattern := range patterns {
		got, err := s.Expand("{{" + name + "}}")
		require.NoError(t, err, name)
		assert.Regexp(t, regexp.MustCompile(pattern), got, name)
	}
	a, _ := s.Expand("{{$guid}}")
	b, _ := s.Expand("{{$guid}}")
	assert.NotEqual(t, a, b, "each reference gets a new value")
	two, _ := s.Expand("{{$guid}} {{$guid}}")
	parts := strings.Fields(two)
	assert.NotEqual(t, parts[0], parts[1])
}

func TestRandomIntCoversItsRange(t *testing.T) {
	seen := map[uint64]bool{}
	for range 20000 {
		v := randomBelow(4)
		require.Less(t, v, uint64(4))
		seen[v] = true
	}
	assert.Len(t, seen, 4)
}

func TestSessionJarSendsOnlyStoredCookies(t *testing.T) {
	jar := NewSession().jar
	u := &url.URL{Scheme: "http", Host: "127.0.0.1:8080", Path: "/"}
	assert.Nil(t, jar.Cookies(u), "before any response")

	jar.SetCookies(u, nil)
	assert.False(t, jar.set.Load(), "a response without cookies")

	jar.SetCookies(u, []*http.Cookie{{Name: "sid", Value: "abc", Path: "/"}})
	cookies := jar.Cookies(u)
	require.Len(t, cookies, 1)
	assert.Equal(t, "sid", cookies[0].Name)
	assert.Equal(t, "abc", cookies[0].Value)
}
