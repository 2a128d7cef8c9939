package clientrt

import (
	"fmt"
	"strings"
	"unicode/utf8"
)

// Limits of variable substitution.
const (
	// maxNesting is the depth of the deepest reference that is
	// substituted: a reference written in a template has depth 1, one in
	// its variable's value depth 2, and so on. Postman's substitution makes
	// 19 passes over a string (checked against newman 6.2.2), so a
	// reference first reached at depth 20 stays as written, "{{name}}". A
	// variable that refers to itself stops there too.
	//
	// NOTE: Postman rescans the whole string after each pass, so "{{" and
	// "}}" that only meet once a value is pasted next to the text around it
	// also form a reference there. Here only references inside a value are
	// expanded again.
	maxNesting = 19
	// maxExpandedBytes bounds the text one expansion produces, so that a
	// chain of variables each repeating the next ("billion laughs") stops
	// with an error instead of exhausting memory.
	maxExpandedBytes = 8 << 20
	// maxReferences bounds the references one expansion resolves, so that
	// the same chain of variables with empty final values stops too.
	//
	// NOTE: both bounds are constants that no client option changes, so
	// an error names the variables to check rather than a setting.
	maxReferences = 100_000
)

// template is text with {{name}} references, split once. The text between
// references is in literals, which has one element more than refs.
type template struct {
	text     string
	literals []string
	refs     []templateRef
}

// templateRef is one {{name}} reference.
type templateRef struct {
	name string
	// inString is set, for JSON templates, when the reference is inside a
	// JSON string literal.
	inString bool
}

// parseTemplate splits text at its {{name}} references. A reference is
// "{{", a name without braces, and "}}", the same text Postman's
// substitution matches. "{{}}" is not a reference. With json set, each
// reference records whether it is inside a JSON string.
func parseTemplate(text string, json bool) template {
	t := template{text: text}
	if !strings.Contains(text, "{{") {
		return t
	}
	start := 0 // start of the current literal
	inString, escaped := false, false
	scanned := 0 // text[:scanned] has been fed to the JSON string state
	track := func(upTo int) {
		if !json {
			return
		}
		for ; scanned < upTo; scanned++ {
			c := text[scanned]
			switch {
			case escaped:
				escaped = false
			case inString && c == '\\':
				escaped = true
			case c == '"':
				inString = !inString
			}
		}
	}
	for i := 0; i+1 < len(text); i++ {
		if text[i] != '{' || text[i+1] != '{' {
			continue
		}
		end := referenceEnd(text, i)
		if end < 0 {
			continue
		}
		track(i)
		t.literals = append(t.literals, text[start:i])
		t.refs = append(t.refs, templateRef{name: text[i+2 : end-2], inString: inString})
		start = end
		scanned = end
		i = end - 1
	}
	if t.refs == nil {
		return template{text: text}
	}
	t.literals = append(t.literals, text[start:])
	return t
}

// referenceEnd returns the index after the "}}" closing the reference that
// starts at text[i:], or -1 when no reference starts there.
func referenceEnd(text string, i int) int {
	for j := i + 2; j < len(text); j++ {
		switch text[j] {
		case '{':
			return -1
		case '}':
			if j == i+2 || j+1 >= len(text) || text[j+1] != '}' {
				return -1
			}
			return j + 2
		}
	}
	return -1
}

// UnsetVariableError reports a {{name}} reference to a variable that is
// not set.
type UnsetVariableError struct {
	Name string
	// Option is the client option that sets the variable, "" when none
	// does.
	Option string
}

func (e *UnsetVariableError) Error() string {
	if e.Option != "" {
		return fmt.Sprintf("variable %q is not set: pass %s to New or set it with Session.Set", e.Name, e.Option)
	}
	return fmt.Sprintf("variable %q is not set: set it with Session.Set", e.Name)
}

var (
	errTooLong = fmt.Errorf("variable substitution exceeds its limit of %d MiB of text: "+
		"values that repeat other variables multiply the text, so check the values of the variables it uses", maxExpandedBytes>>20)
	errTooManyRefs = fmt.Errorf("variable substitution exceeds its limit of %d references: "+
		"values that repeat other variables multiply the references, so check the values of the variables it uses", maxReferences)
)

// resolver looks variables up for one expansion: the call's params first,
// then the session, then the client's option values when the call uses a
// session of its own.
type resolver struct {
	params  []param
	session *Session
	// base holds the client's collection and environment values; nil when
	// session already contains them.
	base *Session
	// vars names the option of each known variable for error messages.
	vars []varSpec
	// refs counts the references resolved by the current expansion.
	refs int
}

// lookup returns the value of name, narrowest scope first. The call's
// params are the local scope of the call.
func (r *resolver) lookup(name string) (string, bool) {
	for i := range r.params {
		if r.params[i].name == name {
			return r.params[i].value, true
		}
	}
	return r.lookupSession(name)
}

// param returns the value of the call's param name.
func (r *resolver) param(name string) (string, bool) {
	for i := range r.params {
		if r.params[i].name == name {
			return r.params[i].value, true
		}
	}
	return "", false
}

// lookupSession returns the value of name in the sessions, narrowest scope
// first.
func (r *resolver) lookupSession(name string) (string, bool) {
	if r.session == nil {
		return "", false
	}
	if r.base == nil {
		return r.session.Get(name)
	}
	for scope := range Scope(scopeCount) {
		if v, ok := r.session.GetScope(scope, name); ok {
			return v, true
		}
		if v, ok := r.base.GetScope(scope, name); ok {
			return v, true
		}
	}
	return "", false
}

// expandString parses and expands text.
func (r *resolver) expandString(text string, json bool) (string, error) {
	t := parseTemplate(text, json)
	return r.expand(&t)
}

// expand returns the text of t with its references substituted.
func (r *resolver) expand(t *template) (string, error) {
	if t.refs == nil {
		return t.text, nil
	}
	r.refs = 0
	buf, err := r.appendTemplate(make([]byte, 0, len(t.text)+32), t, plainMode, nil)
	if err != nil {
		return "", err
	}
	return string(buf), nil
}

// appendTemplate appends the expansion of t to dst, writing each part in
// the encoding m gives it. chain holds the variables being expanded around
// t, outermost first.
func (r *resolver) appendTemplate(dst []byte, t *template, m textMode, chain []string) ([]byte, error) {
	if t.refs == nil {
		return appendEncoded(dst, t.text, m.literal), nil
	}
	for i, ref := range t.refs {
		// The length is checked after every part, so that a long literal
		// in the value of a self-referring variable cannot pile up once per
		// nesting level before the first check.
		dst = appendEncoded(dst, t.literals[i], m.literal)
		if len(dst) > maxExpandedBytes {
			return dst, errTooLong
		}
		refMode := m
		if ref.inString {
			refMode = jsonStringMode
		}
		var err error
		dst, err = r.appendReference(dst, ref.name, refMode, chain)
		if err != nil {
			return dst, err
		}
		if len(dst) > maxExpandedBytes {
			return dst, errTooLong
		}
	}
	dst = appendEncoded(dst, t.literals[len(t.literals)-1], m.literal)
	if len(dst) > maxExpandedBytes {
		return dst, errTooLong
	}
	return dst, nil
}

// appendReference appends the value of the variable name, expanding the
// references the value contains. chain holds the variables whose values
// contain this reference, outermost first.
func (r *resolver) appendReference(dst []byte, name string, m textMode, chain []string) ([]byte, error) {
	r.refs++
	if r.refs > maxReferences {
		return dst, errTooManyRefs
	}
	if len(chain) >= maxNesting {
		return appendEncoded(dst, "{{"+name+"}}", m.value), nil
	}
	for i := range r.params {
		if r.params[i].name == name {
			return appendEncoded(dst, r.params[i].value, m.param), nil
		}
	}
	value, ok := r.lookupSession(name)
	if !ok {
		if strings.HasPrefix(name, "$") {
			v, err := r.dynamic(name)
			if err != nil {
				return dst, err
			}
			return appendEncoded(dst, v, m.value), nil
		}
		return dst, r.unsetError(name)
	}
	if !strings.Contains(value, "{{") {
		return appendEncoded(dst, value, m.value), nil
	}
	nested := parseTemplate(value, false)
	if nested.refs == nil {
		return appendEncoded(dst, value, m.value), nil
	}
	return r.appendTemplate(dst, &nested, textMode{m.value, m.value, m.param}, append(chain, name))
}

// dynamic returns a new value of the dynamic variable name.
func (r *resolver) dynamic(name string) (string, error) {
	s := r.session
	if s == nil {
		s = &Session{}
	}
	return dynamicValue(name, s.clock)
}

func (r *resolver) unsetError(name string) error {
	for _, v := range r.vars {
		if v.name == name {
			return &UnsetVariableError{Name: name, Option: v.option}
		}
	}
	return &UnsetVariableError{Name: name}
}

// appendText appends s to dst, escaped for a JSON string when escape is
// set. HTML characters and non-ASCII text stay as they are, as
// json.Encoder writes them with SetEscapeHTML(false).
func appendText(dst []byte, s string, escape bool) []byte {
	if !escape {
		return append(dst, s...)
	}
	const hex = "0123456789abcdef"
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case c == '"' || c == '\\':
				dst = append(dst, '\\', c)
			case c == '\n':
				dst = append(dst, '\\', 'n')
			case c == '\r':
				dst = append(dst, '\\', 'r')
			case c == '\t':
				dst = append(dst, '\\', 't')
			case c < 0x20:
				dst = append(dst, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xf])
			default:
				dst = append(dst, c)
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			dst = append(dst, `\ufffd`...)
		case r == '\u2028' || r == '\u2029':
			dst = append(dst, '\\', 'u', '2', '0', '2', hex[r&0xf])
		default:
			dst = append(dst, s[i:i+size]...)
		}
		i += size
	}
	return dst
}
