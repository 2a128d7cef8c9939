package generator

import (
	"go/build/constraint"
	"go/doc/comment"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dave/jennifer/jen"
)

// maxCommentLine is the width at which comment text from the collection is
// wrapped, and maxCommentLines the number of lines kept of one text.
const (
	maxCommentLine  = 100
	maxCommentLines = 40
)

// commentLines turns text from the collection into lines that are safe in
// // comments: every line break starts a new comment line, so no text can
// end the comment; control, invisible and bidirectional formatting
// characters are dropped, so the comment reads as it renders; long lines
// are wrapped and long texts cut.
func commentLines(text string) []string {
	if text == "" {
		return nil
	}
	var lines []string
	for _, line := range strings.Split(cleanText(text), "\n") {
		line = strings.TrimRightFunc(line, unicode.IsSpace)
		lines = append(lines, wrap(line, maxCommentLine)...)
	}
	// Drop leading and trailing blank lines and collapse runs of blanks.
	var out []string
	for _, l := range lines {
		if l == "" && (len(out) == 0 || out[len(out)-1] == "") {
			continue
		}
		out = append(out, l)
	}
	for len(out) > 0 && out[len(out)-1] == "" {
		out = out[:len(out)-1]
	}
	if len(out) > maxCommentLines {
		out = append(out[:maxCommentLines], "…")
	}
	return out
}

// cleanText normalises line breaks and drops the characters that must not
// reach a comment: C0 and C1 controls other than tab and newline,
// bidirectional formatting characters (the "Trojan Source" attack),
// zero-width and other invisible format characters, and invalid UTF-8.
func cleanText(text string) string {
	if plainLine(text) {
		return text
	}
	text = strings.ReplaceAll(text, "\r\n", "\n")
	var b strings.Builder
	b.Grow(len(text))
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		i += size
		switch {
		case r == utf8.RuneError && size == 1:
			continue
		case r == '\n' || r == '\t':
			b.WriteRune(r)
		case r == '\r' || r == '\u2028' || r == '\u2029' || r == '\u0085' || r == '\f' || r == '\v':
			b.WriteByte('\n')
		case r != utf8.RuneError && unsafeInComment(r):
			continue
		default:
			b.WriteRune(r)
		}
	}
	return strings.ReplaceAll(b.String(), "\t", "    ")
}

// invisible reports whether r is a character that renders as nothing
// although it is neither a control nor a format character: a variation
// selector, a Hangul filler or the combining grapheme joiner.
func invisible(r rune) bool {
	return unicode.Is(unicode.Variation_Selector, r) || unicode.Is(unicode.Other_Default_Ignorable_Code_Point, r)
}

// unsafeInComment reports whether r must not reach a comment line: a line
// break or another control character other than tab, invalid UTF-8, or an
// invisible or bidirectional formatting character.
func unsafeInComment(r rune) bool {
	switch {
	case r < utf8.RuneSelf:
		return r < ' ' && r != '\t' || r == '\x7f'
	case r >= 0xA0 && r < 0x600:
		// Latin, Greek and Cyrillic letters are common in collections,
		// so they skip the table lookups below. This block contains no
		// control or bidirectional character, and only two unsafe ones:
		// the soft hyphen and the combining grapheme joiner.
		return r == '\u00AD' || r == '\u034F'
	}
	return r == utf8.RuneError || unicode.IsControl(r) ||
		unicode.Is(unicode.Cf, r) || unicode.Is(unicode.Bidi_Control, r) || invisible(r)
}

// safeCommentRune turns a line break into a space and drops the other
// characters unsafeInComment reports.
func safeCommentRune(r rune) rune {
	switch r {
	case '\n', '\r', '\v', '\f', '\u0085', '\u2028', '\u2029':
		return ' '
	}
	if unsafeInComment(r) {
		return -1
	}
	return r
}

// wrap splits a line at spaces so that no part is longer than width
// characters, unless a single word is.
func wrap(line string, width int) []string {
	if utf8.RuneCountInString(line) <= width {
		return []string{line}
	}
	indent := line[:len(line)-len(strings.TrimLeft(line, " "))]
	indentLen := utf8.RuneCountInString(indent)
	var out []string
	var cur strings.Builder
	curLen := 0 // runes in cur after the indentation
	for _, word := range strings.Fields(line) {
		wordLen := utf8.RuneCountInString(word)
		if curLen > 0 && indentLen+curLen+1+wordLen > width {
			out = append(out, indent+cur.String())
			cur.Reset()
			curLen = 0
		}
		if curLen > 0 {
			cur.WriteByte(' ')
			curLen++
		}
		cur.WriteString(word)
		curLen += wordLen
	}
	return append(out, indent+cur.String())
}

// docLines returns the doc comment statements for lines that are already
// safe (see commentLines), in the canonical form gofmt gives doc comments
// (go/doc/comment's printer): indented lines become code blocks, lists
// are indented the standard way. Emitting that form directly keeps the
// generated files stable under gofmt, which reformats doc comments that
// go/format leaves alone on jennifer's first rendering.
func docLines(lines []string) []jen.Code {
	comment := docComment(lines)
	out := make([]jen.Code, 0, len(comment))
	for _, l := range comment {
		out = append(out, jen.Comment(l).Line())
	}
	return out
}

// docComment returns the // lines of the doc comment that docLines
// emits, as gofmt prints them.
func docComment(lines []string) []string {
	if len(lines) == 0 {
		return nil
	}
	// The lines are meant to be clean already. A line break or a hidden
	// character that slipped through would end the comment or hide text,
	// so it is replaced here.
	cloned := false
	for i, l := range lines {
		if strings.ContainsFunc(l, unsafeInComment) {
			if !cloned {
				lines, cloned = slices.Clone(lines), true
			}
			lines[i] = strings.Map(safeCommentRune, l)
		}
	}
	if !plainDoc(lines) {
		lines = canonicalDoc(lines)
	}
	out := make([]string, 0, len(lines))
	for _, l := range lines {
		// The printer returns the text without comment markers; gofmt
		// writes a code line as "//\t..." and others as "// ...".
		switch {
		case l == "":
			l = "//"
		case strings.HasPrefix(l, "\t"):
			l = "//" + l
		default:
			l = "// " + l
		}
		// gofmt drops the blanks at the end of a line, such as the
		// space after the method of a request without a URL.
		out = append(out, guardConstraint(strings.TrimRightFunc(l, unicode.IsSpace)))
	}
	return out
}

// canonicalDoc returns lines as go/doc/comment's printer writes them.
// The printer's output can read differently when parsed again: an
// indented line before a line of text makes that line a heading on the
// second pass. gofmt parses and prints a doc comment once more, so the
// printer runs until its output stays the same, at most maxDocPasses
// times.
func canonicalDoc(lines []string) []string {
	var p comment.Parser
	var pr comment.Printer
	text := strings.Join(lines, "\n") + "\n"
	for range maxDocPasses {
		next := string(pr.Comment(p.Parse(text)))
		if next == text {
			break
		}
		text = next
	}
	return strings.Split(strings.TrimSuffix(text, "\n"), "\n")
}

// maxDocPasses bounds the passes of canonicalDoc. The texts in the tests
// settle after two or three passes.
const maxDocPasses = 8

// plainDoc reports whether go/doc/comment's printer writes lines back
// unchanged. That holds for paragraphs separated by single blank lines.
// A text paragraph has lines that start with a letter, so none is a list
// item, a heading or a link definition. A code paragraph has lines of a
// tab and then a character that is not a space. The first paragraph is
// text, so the lines share no indentation. A one-line text
// paragraph after the first must end in neither a letter nor a digit,
// because the parser could read it as a heading.
func plainDoc(lines []string) bool {
	if len(lines) > 0 && strings.HasPrefix(lines[0], "\t") {
		return false // the parser removes the indentation that all lines share
	}
	start := 0 // the first line of the current paragraph
	for i, l := range lines {
		if l == "" {
			if i == start || i == len(lines)-1 {
				return false // a leading, trailing or repeated blank line
			}
			start = i + 1
			continue
		}
		if strings.Contains(l, "``") || strings.Contains(l, "''") {
			return false // the printer writes them as curly quotes
		}
		code := strings.HasPrefix(l, "\t")
		if i > start && code != strings.HasPrefix(lines[start], "\t") {
			return false // text and code in one paragraph
		}
		first, _ := utf8.DecodeRuneInString(strings.TrimPrefix(l, "\t"))
		if code && (first == utf8.RuneError || unicode.IsSpace(first)) || !code && !unicode.IsLetter(first) {
			return false
		}
		single := i == start && (i == len(lines)-1 || lines[i+1] == "")
		if single && !code && start > 0 {
			last, _ := utf8.DecodeLastRuneInString(l)
			if unicode.IsLetter(last) || unicode.IsDigit(last) {
				return false
			}
		}
	}
	return true
}

// commentLine renders one line of comment text as "// text". The text is
// passed to jennifer with its "// " prefix already written, because
// jennifer renders text that starts with "//" or "/*" verbatim: a line
// "//go:generate ..." from the collection would otherwise become a
// directive.
func commentLine(line string) *jen.Statement {
	return jen.Comment(commentText(line)).Line()
}

// commentText returns "// line", or "//" for an empty line. go/format
// reads any // comment whose text starts with "+build" as a build
// constraint and moves it above the package clause, where it decides
// whether the file is compiled at all. Such a line therefore gets a
// backslash before its "+".
func commentText(line string) string {
	if line == "" {
		return "//"
	}
	return guardConstraint("// " + line)
}

// guardConstraint puts a backslash before "+build" in a // comment line
// that go/format would read as a build constraint.
func guardConstraint(text string) string {
	if constraint.IsPlusBuild(text) {
		i := strings.Index(text, "+build")
		text = text[:i] + `\` + text[i:]
	}
	return text
}

// oneLine flattens collection text for use inside a single comment line.
func oneLine(text string) string {
	if plainLine(text) && utf8.RuneCountInString(text) <= maxCommentLine {
		return text
	}
	lines := commentLines(text)
	s := strings.Join(strings.Fields(strings.Join(lines, " ")), " ")
	if utf8.RuneCountInString(s) > maxCommentLine {
		s = string([]rune(s)[:maxCommentLine]) + "…"
	}
	return s
}

// plainLine reports whether text is one line that needs no cleaning:
// valid UTF-8 without control, invisible or bidirectional formatting
// characters and without spaces other than single blanks between words.
// Most names and URLs are such lines, and cleanText and oneLine return
// them as they are.
func plainLine(text string) bool {
	if strings.HasPrefix(text, " ") || strings.HasSuffix(text, " ") || strings.Contains(text, "  ") {
		return false
	}
	for _, r := range text {
		switch {
		case r == ' ':
		case r < ' ' || r == '\x7f' || r == utf8.RuneError:
			return false
		case r >= utf8.RuneSelf && (r == '\u00A0' || unsafeInComment(r) || r >= 0x600 && unicode.IsSpace(r)):
			return false
		}
	}
	return true
}

// stringLit returns a Go string literal of s: a raw `...` literal when s
// spans lines and a raw literal can hold it exactly, so that bodies read
// as they do in the collection; otherwise an interpreted literal from
// strconv.Quote.
func stringLit(s string) jen.Code {
	if strings.Contains(s, "\n") && rawLiteralSafe(s) {
		return jen.Op("`" + s + "`")
	}
	return jen.Lit(s)
}

// rawLiteralSafe reports whether a raw string literal holds s exactly and
// reads as it renders: valid UTF-8 without back quotes, carriage returns
// (which Go drops from raw literals), control characters other than
// newline and tab, byte-order marks, or format and bidirectional control
// characters. A line of s must not start with "//" either: go generate
// reads every line of a file that starts with "//go:generate" as a
// command to run, inside string literals too.
func rawLiteralSafe(s string) bool {
	if !utf8.ValidString(s) || strings.Contains(s, "\n//") {
		return false
	}
	for _, r := range s {
		switch {
		case r == '`', r == '\r', r == '\uFEFF':
			return false
		case r == '\n', r == '\t':
		case unicode.IsControl(r), unicode.Is(unicode.Cf, r), unicode.Is(unicode.Bidi_Control, r):
			return false
		}
	}
	return true
}
