// Package naming turns free text from a collection (request, folder and
// variable names, JSON keys) into Go identifiers, and resolves collisions
// between them once every candidate is known.
//
// A name is built in three steps. Words splits the text into words on
// everything that is not a letter or digit and on camelCase and digit
// boundaries, and transliterates each word into lower-case ASCII: Cyrillic
// by the ICAO Doc 9303 table, Latin letters without their diacritics.
// UpperCamel and LowerCamel join the words, spelling Go initialisms in
// upper case, and make the result a valid identifier. Resolve then makes a
// set of names unique.
package naming

import (
	"fmt"
	"go/token"
	"hash/fnv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// MaxLen is the longest identifier UpperCamel and LowerCamel return, in
// bytes. Longer names are cut at a word boundary and get a hash suffix, so
// that two long names that share their first MaxLen bytes stay distinct.
const MaxLen = 64

// hashLen is the number of hex digits of the suffix of a shortened name.
const hashLen = 6

// Words splits text into lower-case ASCII words. It reports false when the
// text holds a letter or digit that cannot be transliterated, such as a
// Chinese character, because a name built from the remaining words would
// carry the meaning of the text. The caller then falls back to another
// source for the name. Text with no letters or digits gives no words and
// true.
func Words(text string) ([]string, bool) {
	var textBuf [64]byte
	var endsBuf [16]int
	words, ends, ok := splitWords(text, textBuf[:0], endsBuf[:0])
	if !ok {
		return nil, false
	}
	return substrings(words, ends, nil), true
}

// splitWords transliterates the words of text and appends them to words,
// one after another, and the offset where each ends to ends. The words
// come from the maximal runs of letters, digits and combining marks in
// text, with apostrophes removed, each split by splitBefore. It reports
// false when a word has no transliteration.
func splitWords(text string, words []byte, ends []int) ([]byte, []int, bool) {
	// Most runs fit in runBuf, so that collecting one allocates nothing.
	var runBuf [64]rune
	run := runBuf[:0]
	ok := true
	for _, r := range text {
		switch {
		case isApostrophe(r):
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r):
			run = append(run, r)
		case len(run) > 0:
			if words, ends, ok = splitRun(run, words, ends); !ok {
				return nil, nil, false
			}
			run = run[:0]
		}
	}
	if len(run) > 0 {
		return splitRun(run, words, ends)
	}
	return words, ends, true
}

// splitRun splits a run of letters and digits into words and appends them
// as splitWords does.
func splitRun(run []rune, words []byte, ends []int) ([]byte, []int, bool) {
	start := 0
	for i := 1; i <= len(run); i++ {
		if i < len(run) && !splitBefore(run, i) {
			continue
		}
		n := len(words)
		var ok bool
		if words, ok = appendASCIIWord(words, run[start:i]); !ok {
			return nil, nil, false
		}
		if len(words) > n {
			ends = append(ends, len(words))
		}
		start = i
	}
	return words, ends, true
}

// substrings appends to dst the words that splitWords gives, each a
// substring of one new string. It returns dst unchanged when there are no
// words.
func substrings(words []byte, ends []int, dst []string) []string {
	if len(ends) == 0 {
		return dst
	}
	all := string(words)
	start := 0
	for _, end := range ends {
		dst = append(dst, all[start:end])
		start = end
	}
	return dst
}

// splitBefore reports whether a new word starts at run[i]. A word starts
// at an upper-case letter that follows a lower-case one ("openShift") and
// at a letter that follows a digit ("v2beta"). In an upper-case run
// followed by a lower-case letter, the run's last letter starts a word
// ("HTTPServer") unless that lower-case letter is a lone "s", so "URLs" is
// one word.
func splitBefore(run []rune, i int) bool {
	prev, cur := run[i-1], run[i]
	switch {
	case unicode.IsUpper(cur) && unicode.IsLower(prev):
		return true
	case unicode.IsLetter(cur) && unicode.IsDigit(prev):
		return true
	case unicode.IsUpper(prev) && unicode.IsUpper(cur) && i+1 < len(run) && unicode.IsLower(run[i+1]):
		return !pluralSuffix(run, i+1)
	}
	return false
}

// pluralSuffix reports whether run[i] is a lone lower-case "s" that ends
// the run or precedes a letter that is not lower case.
func pluralSuffix(run []rune, i int) bool {
	if run[i] != 's' {
		return false
	}
	return i+1 == len(run) || !unicode.IsLower(run[i+1])
}

// Exported returns the UpperCamel identifier for text, or false when the
// text gives none: it has no letters or digits, or has letters that
// cannot be transliterated.
func Exported(text string) (string, bool) {
	return camelCase(text, true)
}

// Unexported returns the lowerCamel identifier for text, or false when the
// text gives none; see Exported.
func Unexported(text string) (string, bool) {
	return camelCase(text, false)
}

// camelCase joins the words of text with UpperCamel when upper is set and
// with LowerCamel otherwise. It reports false when text gives no words.
func camelCase(text string, upper bool) (string, bool) {
	var textBuf [64]byte
	var endsBuf [16]int
	words, ends, ok := splitWords(text, textBuf[:0], endsBuf[:0])
	if !ok || len(ends) == 0 {
		return "", false
	}
	var wordsBuf [16]string
	if upper {
		return UpperCamel(substrings(words, ends, wordsBuf[:0])), true
	}
	return LowerCamel(substrings(words, ends, wordsBuf[:0])), true
}

// UpperCamel joins lower-case ASCII words, as Words returns them, into an
// exported identifier: "receipt", "id" gives "ReceiptID". A leading digit
// gets the prefix "N" ("200" gives "N200"), and a name longer than MaxLen
// is shortened. It returns "X" for no words, so that the result is always
// a valid identifier.
func UpperCamel(words []string) string {
	var b strings.Builder
	b.Grow(camelLen(words))
	for i, w := range words {
		writeWordSeparator(&b, words, i)
		writeUpperWord(&b, w)
	}
	return finish(b.String(), "N", "X")
}

// LowerCamel joins lower-case ASCII words into an unexported identifier:
// "receipt", "id" gives "receiptID" and "id", "list" gives "idList". A
// leading digit gets the prefix "n". A result that is a Go keyword, a
// predeclared identifier or a name that generated code declares itself
// (see IsReserved) gets the suffix "Value": "type" gives "typeValue".
func LowerCamel(words []string) string {
	var b strings.Builder
	b.Grow(camelLen(words))
	for i, w := range words {
		writeWordSeparator(&b, words, i)
		if i == 0 {
			b.WriteString(w)
			continue
		}
		writeUpperWord(&b, w)
	}
	name := finish(b.String(), "n", "x")
	if IsReserved(name) {
		name += "Value"
	}
	return name
}

// writeWordSeparator writes "_" between two words when the first ends and
// the second starts with a digit, so that "v1.2" gives "V1_2" and not
// "V12".
func writeWordSeparator(b *strings.Builder, words []string, i int) {
	if i == 0 || words[i-1] == "" || words[i] == "" {
		return
	}
	prev, cur := words[i-1], words[i]
	if isDigitASCII(rune(prev[len(prev)-1])) && isDigitASCII(rune(cur[0])) {
		b.WriteByte('_')
	}
}

// camelLen returns an upper bound of the bytes that UpperCamel and
// LowerCamel write for words: their lengths and one separator each.
func camelLen(words []string) int {
	n := len(words)
	for _, w := range words {
		n += len(w)
	}
	return n
}

// writeUpperWord writes a word in the case it takes inside an UpperCamel
// name.
func writeUpperWord(b *strings.Builder, w string) {
	if w == "" {
		return
	}
	if s, ok := initialisms[w]; ok {
		b.WriteString(s)
		return
	}
	// A plural of an initialism keeps a lower-case "s": "ids" gives "IDs".
	if stem, ok := strings.CutSuffix(w, "s"); ok {
		if s, ok := initialisms[stem]; ok {
			b.WriteString(s)
			b.WriteByte('s')
			return
		}
	}
	switch c := w[0]; {
	case c >= 'a' && c <= 'z':
		b.WriteByte(c - 'a' + 'A')
	case c < utf8.RuneSelf:
		b.WriteByte(c)
	default:
		// Words returns ASCII words only, but UpperCamel accepts any.
		b.WriteString(strings.ToUpper(w[:1]))
	}
	b.WriteString(w[1:])
}

// finish makes name a valid identifier: it prefixes a leading digit,
// replaces an empty name and shortens a long one.
func finish(name, digitPrefix, empty string) string {
	if name == "" {
		return empty
	}
	if isDigitASCII(rune(name[0])) {
		name = digitPrefix + name
	}
	return Shorten(name)
}

// Shorten returns name unchanged when it has at most MaxLen bytes.
// Otherwise it cuts the name at a word boundary and appends six hex digits
// of the FNV-1a hash of the whole name, so that the result depends only on
// the name and has at most MaxLen bytes.
func Shorten(name string) string {
	if len(name) <= MaxLen {
		return name
	}
	h := fnv.New32a()
	h.Write([]byte(name))
	suffix := fmt.Sprintf("%08x", h.Sum32())[:hashLen]

	cut := MaxLen - hashLen
	// Prefer to cut before an upper-case letter, if that keeps at least
	// two thirds of the room.
	for i := cut; i > cut*2/3; i-- {
		if r, _ := utf8.DecodeRuneInString(name[i:]); unicode.IsUpper(r) || r == '_' {
			cut = i
			break
		}
	}
	return strings.TrimRight(name[:cut], "_") + suffix
}

// IsValid reports whether name is an ASCII Go identifier that is not a
// keyword.
func IsValid(name string) bool {
	for i := 0; i < len(name); i++ {
		if name[i] >= utf8.RuneSelf {
			return false
		}
	}
	return token.IsIdentifier(name)
}
