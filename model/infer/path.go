package infer

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
)

// The syntax of paths and patterns is described in the package comment.

// step is one step of a path: a key, or the elements of an array.
type step struct {
	key  string
	elem bool
}

// path is a root name followed by steps; the root is stored as a key step.
type path []step

func (p path) key(k string) path { return append(p[:len(p):len(p)], step{key: k}) }

func (p path) elem() path { return append(p[:len(p):len(p)], step{elem: true}) }

func (p path) String() string {
	var b strings.Builder
	// A step takes at most its key's length and two bytes unless the key
	// is quoted, so most paths are written with one allocation.
	n := 0
	for _, s := range p {
		n += len(s.key) + 2
	}
	b.Grow(n)
	for i, s := range p {
		switch {
		case s.elem:
			b.WriteString("[]")
		case i == 0:
			b.WriteString(s.key)
		case plainKey(s.key):
			b.WriteByte('.')
			b.WriteString(s.key)
		default:
			b.WriteByte('[')
			b.WriteString(strconv.Quote(s.key))
			b.WriteByte(']')
		}
	}
	return b.String()
}

func plainKey(k string) bool {
	return k != "" && !strings.ContainsAny(k, `.[]*"\`)
}

// patternStep is one step of a parsed pattern.
type patternStep struct {
	glob string // a key in which "*" matches any run of characters
	elem bool   // "[]"
	deep bool   // "**"
	// quoted is set for a ["key"] step, which matches the key literally.
	quoted bool
}

// pattern is a parsed path pattern.
type pattern []patternStep

// parsePattern parses a path pattern; see Paths in the package comment.
func parsePattern(text string) (pattern, error) {
	if text == "" {
		return nil, errors.New("empty path")
	}
	var pat pattern
	rest := text
	first := true
	for rest != "" {
		var st patternStep
		switch {
		case strings.HasPrefix(rest, "[]"):
			st.elem, rest = true, rest[2:]
		case strings.HasPrefix(rest, "["):
			quoted, err := strconv.QuotedPrefix(rest[1:])
			if err != nil || !strings.HasPrefix(rest[1+len(quoted):], "]") {
				return nil, fmt.Errorf("invalid path %q: want [] or [\"key\"] at %q", text, rest)
			}
			key, _ := strconv.Unquote(quoted)
			st = patternStep{glob: key, quoted: true}
			rest = rest[1+len(quoted)+1:]
		default:
			if !first {
				if rest[0] != '.' {
					return nil, fmt.Errorf("invalid path %q: want '.', [] or [\"key\"] at %q", text, rest)
				}
				rest = rest[1:]
			}
			end := strings.IndexAny(rest, ".[")
			if end < 0 {
				end = len(rest)
			}
			st.glob, rest = rest[:end], rest[end:]
			if st.glob == "" {
				return nil, fmt.Errorf("invalid path %q: empty key", text)
			}
			st.deep = st.glob == "**"
		}
		if first && st.elem {
			return nil, fmt.Errorf("invalid path %q: want a root name first", text)
		}
		pat = append(pat, st)
		first = false
	}
	return pat, nil
}

// match reports whether the pattern matches the whole path.
func (pat pattern) match(p path) bool {
	if len(pat) == 0 {
		return len(p) == 0
	}
	st := pat[0]
	if st.deep {
		for i := 0; i <= len(p); i++ {
			if pat[1:].match(p[i:]) {
				return true
			}
		}
		return false
	}
	if len(p) == 0 || st.elem != p[0].elem {
		return false
	}
	if !st.elem {
		if st.quoted && st.glob != p[0].key || !st.quoted && !globMatch(st.glob, p[0].key) {
			return false
		}
	}
	return pat[1:].match(p[1:])
}

// globMatch reports whether s matches glob, in which "*" matches any run
// of characters and every other character matches itself.
func globMatch(glob, s string) bool {
	parts := strings.Split(glob, "*")
	if len(parts) == 1 {
		return glob == s
	}
	if !strings.HasPrefix(s, parts[0]) {
		return false
	}
	s = s[len(parts[0]):]
	last := parts[len(parts)-1]
	for _, part := range parts[1 : len(parts)-1] {
		i := strings.Index(s, part)
		if i < 0 {
			return false
		}
		s = s[i+len(part):]
	}
	return len(s) >= len(last) && strings.HasSuffix(s, last)
}

// ValidatePath returns an error when text is not a valid path pattern, so
// that a config loader can reject it with the entry's position.
func ValidatePath(text string) error {
	_, err := parsePattern(text)
	return err
}
