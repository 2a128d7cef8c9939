package clientrt

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
	"time"
)

// FuzzExpand expands any template with any values of three variables,
// which may refer to each other and to themselves. Expansion must return
// a result or an error of a known kind, never panic, stay within
// maxExpandedBytes, leave text without references unchanged, and escape
// a value substituted inside a JSON string so that the string decodes to
// the value.
func FuzzExpand(f *testing.F) {
	seeds := []struct{ template, a, b, c string }{
		{"plain", "", "", ""},
		{"x{{a}}y{{b}}z{{c}}", "A", "B", "C"},
		{`{"q": "{{a}}", "n": {{b}}}`, `say "hi"\`, "12.50", ""},
		{"{{a}}", "{{a}}", "", ""},
		{"{{a}}", "p{{b}}", "q{{a}}", ""},
		{"{{a}}", "{{b}}{{b}}{{b}}{{b}}{{b}}{{b}}{{b}}{{b}}{{b}}{{b}}", "{{c}}{{c}}{{c}}{{c}}{{c}}{{c}}{{c}}{{c}}{{c}}{{c}}", "{{a}}{{a}}{{a}}{{a}}{{a}}{{a}}{{a}}{{a}}{{a}}{{a}}"},
		{"{{a}}", "{{b}}{{b}}{{b}}{{b}}{{b}}{{b}}{{b}}{{b}}", "{{c}}{{c}}{{c}}{{c}}{{c}}{{c}}{{c}}{{c}}", ""},
		{"{{$guid}} {{$timestamp}} {{$randomInt}} {{$unknown}}", "", "", ""},
		{"{{missing}}", "", "", ""},
		{"{{}} {{a b {{{a}}} }}{{", "\u202e\x00\xff", "\n\r\t\u2028", "}}{{"},
	}
	for _, s := range seeds {
		f.Add(s.template, s.a, s.b, s.c, false)
		f.Add(s.template, s.a, s.b, s.c, true)
	}

	clock := func() time.Time { return time.Date(2025, 3, 14, 8, 0, 0, 0, time.UTC) }
	f.Fuzz(func(t *testing.T, template, a, b, c string, jsonText bool) {
		s := NewSession()
		s.now = clock
		s.Set(ScopeCollection, "a", a)
		s.Set(ScopeEnvironment, "b", b)
		s.Set(ScopeLocal, "c", c)
		expand := s.Expand
		if jsonText {
			expand = s.ExpandJSON
		}

		got, err := expand(template)
		if err != nil {
			checkExpandError(t, err)
			return
		}
		if len(got) > maxExpandedBytes && strings.Contains(template, "{{") {
			t.Fatalf("expansion has %d bytes, more than the limit of %d", len(got), maxExpandedBytes)
		}
		if !strings.Contains(template, "{{") && got != template {
			t.Fatalf("text without references changed: %q gives %q", template, got)
		}
		if !strings.Contains(template, "{{$") {
			again, err := expand(template)
			if err != nil || again != got {
				t.Fatalf("second expansion gives %q, %v; first gave %q", again, err, got)
			}
		}
		if !strings.Contains(a+b+c, "{{$") {
			checkJSONString(t, s, validText(a, b, c, clock))
		}
	})
}

// checkExpandError fails the test unless err is an error that expansion
// documents: an unset variable, an unknown dynamic variable or a limit.
func checkExpandError(t *testing.T, err error) {
	t.Helper()
	var unset *UnsetVariableError
	switch {
	case errors.As(err, &unset):
	case errors.Is(err, errTooLong), errors.Is(err, errTooManyRefs):
	case strings.Contains(err.Error(), "is not a supported dynamic variable"):
	default:
		t.Fatalf("unexpected error: %v", err)
	}
}

// validText returns a session with the values a, b and c in which each
// byte of invalid UTF-8 is replaced by U+FFFD, as a JSON string escapes
// each value it substitutes.
func validText(a, b, c string, clock func() time.Time) *Session {
	s := NewSession()
	s.now = clock
	s.Set(ScopeCollection, "a", string([]rune(a)))
	s.Set(ScopeEnvironment, "b", string([]rune(b)))
	s.Set(ScopeLocal, "c", string([]rune(c)))
	return s
}

// checkJSONString checks that {{a}} inside a JSON string of session s
// expands to a string that decodes to the plain expansion of {{a}} in
// valid, the same session with its values made valid UTF-8. The values
// are escaped one by one, so invalid bytes of two values that together
// would form a character stay two replacement characters. The values
// must not use dynamic variables, which give a new value on each
// expansion.
func checkJSONString(t *testing.T, s, valid *Session) {
	t.Helper()
	plain, err := valid.Expand("{{a}}")
	if err != nil {
		return
	}
	quoted, err := s.ExpandJSON(`"{{a}}"`)
	if err != nil {
		if _, textErr := s.Expand("{{a}}"); textErr == nil {
			t.Fatalf("{{a}} expands as text but not inside a JSON string: %v", err)
		}
		return
	}
	var decoded string
	if err := json.Unmarshal([]byte(quoted), &decoded); err != nil {
		t.Fatalf("%q in a JSON string gives invalid JSON %q: %v", plain, quoted, err)
	}
	if decoded != plain {
		t.Fatalf("%q in a JSON string decodes to %q", plain, decoded)
	}
}
