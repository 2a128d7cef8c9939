// Package diag defines the diagnostics that every pmgen stage returns: a
// stable code, a severity, a position in the input and a message.
//
// Stages never print. They collect diagnostics in a List and return it;
// cmd/pmgen sorts the list into source order, prints it and writes it into
// the -report file.
package diag

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode"
)

// Severity tells whether a diagnostic stops generation.
type Severity uint8

const (
	// Warning marks input that pmgen handled in a documented way: the
	// output is usable, but may differ from what the author meant.
	Warning Severity = iota
	// Error marks input that cannot be turned into a correct client.
	Error
)

func (s Severity) String() string {
	if s == Error {
		return "error"
	}
	return "warning"
}

// Code is a stable, kebab-case name for a kind of problem. Codes appear in
// -report files and can be listed in the config to skip a feature, so a
// code never changes once released.
type Code string

// Position locates a problem in an input file. Line and Col are 1-based and
// zero when unknown; Offset is the byte offset and -1 when unknown.
type Position struct {
	File    string
	Offset  int
	Line    int
	Col     int
	Pointer string // RFC 6901 JSON pointer of the node, "" when unknown
}

// NoPosition is the position of a problem that no input byte can be blamed for.
var NoPosition = Position{Offset: -1}

// String formats the position as file:line:col, dropping the parts that are
// unknown (zero).
func (p Position) String() string {
	var b strings.Builder
	b.WriteString(p.File)
	if p.Line > 0 {
		fmt.Fprintf(&b, ":%d", p.Line)
		if p.Col > 0 {
			fmt.Fprintf(&b, ":%d", p.Col)
		}
	}
	return b.String()
}

// Diagnostic is one problem found in the input.
type Diagnostic struct {
	Severity Severity
	Code     Code
	Pos      Position
	// Where names the request or folder by its folder path, for example
	// "Смена / Открыть смену"; empty for problems outside any item.
	Where   string
	Message string
}

// String formats the diagnostic the way compilers do:
// "file:line:col: warning: where: message [code]". Where and the message
// carry text from the input, in which control, bidirectional and
// invisible characters are written as escapes, so that the diagnostic is
// one line and a terminal shows the text the input holds.
func (d Diagnostic) String() string {
	var b strings.Builder
	if pos := d.Pos.String(); pos != "" {
		b.WriteString(pos)
		b.WriteString(": ")
	}
	b.WriteString(d.Severity.String())
	b.WriteString(": ")
	if d.Where != "" {
		b.WriteString(printable(d.Where))
		b.WriteString(": ")
	}
	b.WriteString(printable(d.Message))
	if d.Code != "" {
		fmt.Fprintf(&b, " [%s]", d.Code)
	}
	return b.String()
}

// printable returns s with each control character, line or paragraph
// separator and format character (which include the bidirectional and
// zero-width ones) written as a Go escape: "\n", "\x1b", "\u202e".
func printable(s string) string {
	if !strings.ContainsFunc(s, hidden) {
		return s
	}
	var b strings.Builder
	for _, r := range s {
		if hidden(r) {
			q := strconv.QuoteRune(r)
			b.WriteString(q[1 : len(q)-1])
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

func hidden(r rune) bool {
	return unicode.IsControl(r) || unicode.Is(unicode.Cf, r) || r == '\u2028' || r == '\u2029'
}

// List collects diagnostics. The zero value is ready to use.
type List struct {
	items []Diagnostic
}

// Add appends d to the list.
func (l *List) Add(d Diagnostic) {
	l.items = append(l.items, d)
}

// Warn appends a warning.
func (l *List) Warn(code Code, pos Position, where, format string, args ...any) {
	l.Add(Diagnostic{Severity: Warning, Code: code, Pos: pos, Where: where, Message: fmt.Sprintf(format, args...)})
}

// Error appends an error.
func (l *List) Error(code Code, pos Position, where, format string, args ...any) {
	l.Add(Diagnostic{Severity: Error, Code: code, Pos: pos, Where: where, Message: fmt.Sprintf(format, args...)})
}

// Append appends every diagnostic of other.
func (l *List) Append(other List) {
	l.items = append(l.items, other.items...)
}

// Len returns the number of diagnostics.
func (l *List) Len() int { return len(l.items) }

// HasErrors reports whether the list contains a diagnostic of severity Error.
func (l *List) HasErrors() bool {
	return slices.ContainsFunc(l.items, func(d Diagnostic) bool { return d.Severity == Error })
}

// Sorted returns the diagnostics in source order: by file, then offset,
// with diagnostics of unknown position last and insertion order kept
// between equal positions.
func (l *List) Sorted() []Diagnostic {
	out := slices.Clone(l.items)
	slices.SortStableFunc(out, func(a, b Diagnostic) int {
		if c := cmp.Compare(a.Pos.File, b.Pos.File); c != 0 {
			return c
		}
		ao, bo := a.Pos.Offset, b.Pos.Offset
		if (ao < 0) != (bo < 0) {
			if ao < 0 {
				return 1
			}
			return -1
		}
		return cmp.Compare(ao, bo)
	})
	return out
}

// Err returns nil when the list has no errors, and otherwise an *Errors
// value holding every error of the list in source order.
func (l *List) Err() error {
	var errs []Diagnostic
	for _, d := range l.Sorted() {
		if d.Severity == Error {
			errs = append(errs, d)
		}
	}
	if len(errs) == 0 {
		return nil
	}
	return &Errors{List: errs}
}

// Errors is the error returned when the input has problems of severity Error.
type Errors struct {
	List []Diagnostic
}

func (e *Errors) Error() string {
	lines := make([]string, len(e.List))
	for i, d := range e.List {
		lines[i] = d.String()
	}
	return strings.Join(lines, "\n")
}

// AsErrors returns the *Errors inside err, if there is one.
func AsErrors(err error) (*Errors, bool) {
	var e *Errors
	ok := errors.As(err, &e)
	return e, ok
}
