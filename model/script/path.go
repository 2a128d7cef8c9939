package script

import (
	"strconv"
	"strings"
)

// String formats the path in JavaScript notation, ".items[0].id", with
// bracket notation for keys that are not identifiers: ["content-type"].
func (p Path) String() string {
	var b strings.Builder
	for _, step := range p {
		switch {
		case step.IsIndex:
			b.WriteString("[" + strconv.Itoa(step.Index) + "]")
		case isIdentifier(step.Key):
			b.WriteString("." + step.Key)
		default:
			b.WriteString("[" + strconv.Quote(step.Key) + "]")
		}
	}
	return b.String()
}

// isIdentifier reports whether s is an ASCII JavaScript identifier.
func isIdentifier(s string) bool {
	if s == "" {
		return false
	}
	for i, r := range s {
		letter := r == '_' || r == '$' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z'
		if !letter && (i == 0 || r < '0' || r > '9') {
			return false
		}
	}
	return true
}

// parseLodashPath splits a lodash property path, the path argument of
// jsonBody: "data.items[0].id", "a['b c']", "[0].id". An empty path is the
// one key "", as in lodash. ok is false for an unclosed bracket or quote.
func parseLodashPath(s string) (path Path, ok bool) {
	if s == "" {
		return Path{{Key: ""}}, true
	}
	key, inKey := "", false
	flush := func() {
		if inKey {
			path = append(path, PathStep{Key: key})
		}
		key, inKey = "", false
	}
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '.':
			flush()
		case '[':
			flush()
			if i+1 < len(s) && (s[i+1] == '"' || s[i+1] == '\'') {
				c := strings.IndexByte(s[i+2:], s[i+1])
				j := i + 2 + c
				if c < 0 || j+1 >= len(s) || s[j+1] != ']' {
					return nil, false
				}
				path = append(path, PathStep{Key: s[i+2 : j]})
				i = j + 1
				continue
			}
			end := strings.IndexByte(s[i:], ']')
			if end < 0 {
				return nil, false
			}
			inner := s[i+1 : i+end]
			if n, err := strconv.Atoi(inner); err == nil && n >= 0 && inner == strconv.Itoa(n) {
				path = append(path, PathStep{Index: n, IsIndex: true})
			} else {
				path = append(path, PathStep{Key: inner})
			}
			i += end
		default:
			key += string(c)
			inKey = true
		}
	}
	flush()
	return path, len(path) > 0
}
