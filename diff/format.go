package diff

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"text/tabwriter"
	"unicode/utf8"
)

// maxCellText is the number of characters of an old or new value that
// the text and Markdown formats show; JSON always has the whole value.
const maxCellText = 60

// summary returns "2 breaking, 1 wire, 0 non-breaking and 3 sequence
// changes".
func (r *Report) summary() string {
	var parts []string
	for _, c := range Classes() {
		parts = append(parts, fmt.Sprintf("%d %s", r.Count(c), c))
	}
	last := len(parts) - 1
	return strings.Join(parts[:last], ", ") + " and " + parts[last] + " changes"
}

// title returns the releases compared: their names, versions and the
// first 12 hex digits of their SHA-256.
func (r *Report) title() string {
	describe := func(s Source) string {
		text := s.Name
		if s.Version != "" {
			text += " " + s.Version
		}
		if s.SHA256 == "" {
			return text
		}
		return fmt.Sprintf("%s (%s)", text, shortSum(s.SHA256))
	}
	return describe(r.Old) + " → " + describe(r.New)
}

func shortSum(sum string) string {
	if len(sum) > 12 {
		return sum[:12]
	}
	return sum
}

// classTitle is the heading of a class's section.
func classTitle(c Class) string {
	switch c {
	case Breaking:
		return "Breaking changes"
	case Wire:
		return "Wire changes"
	case NonBreaking:
		return "Non-breaking changes"
	}
	return "Sequence changes"
}

// Text renders the report for a terminal: a title, the counts, then per
// class one aligned line per change with its kind, subject, old and new
// value and detail.
func (r *Report) Text() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s\n%s\n", oneLine(r.title()), r.summary())
	for _, c := range Classes() {
		if r.Count(c) == 0 {
			continue
		}
		fmt.Fprintf(&b, "\n%s:\n", classTitle(c))
		w := tabwriter.NewWriter(&b, 0, 4, 2, ' ', 0)
		for _, ch := range r.Changes {
			if ch.Class == c {
				fmt.Fprintf(w, "  %s\t%s\t%s\t%s\n", ch.Kind, ch.Subject, change(ch), oneLine(ch.Detail))
			}
		}
		w.Flush()
	}
	return b.String()
}

// change returns "old → new", "+ new" for an addition and "- old" for a
// removal, each value cut to maxCellText characters.
func change(ch Change) string {
	switch {
	case ch.Old == "":
		return "+ " + short(ch.New)
	case ch.New == "":
		return "- " + short(ch.Old)
	}
	return short(ch.Old) + " → " + short(ch.New)
}

// short returns text on one line, cut to maxCellText characters.
func short(text string) string {
	text = oneLine(text)
	if utf8.RuneCountInString(text) > maxCellText {
		return string([]rune(text)[:maxCellText-1]) + "…"
	}
	return text
}

// oneLine joins lines and runs of white space into single spaces and
// drops control characters, so that no value breaks a line of output.
func oneLine(text string) string {
	fields := strings.FieldsFunc(text, func(r rune) bool {
		return r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\v' || r == '\f' || r == 0x85 || r == 0x2028 || r == 0x2029
	})
	s := strings.Join(fields, " ")
	return strings.Map(func(r rune) rune {
		if r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0) {
			return -1
		}
		return r
	}, s)
}

// Markdown renders the report for a pull request description: a heading,
// a line of counts, and a table per class that has changes.
func (r *Report) Markdown() string {
	var b strings.Builder
	fmt.Fprintf(&b, "## API changes: %s\n\n", markdownText(r.title()))
	fmt.Fprintf(&b, "%s.\n", r.summary())
	for _, c := range Classes() {
		if r.Count(c) == 0 {
			continue
		}
		fmt.Fprintf(&b, "\n### %s\n\n", classTitle(c))
		b.WriteString("| Kind | Subject | Old | New | Detail |\n")
		b.WriteString("| --- | --- | --- | --- | --- |\n")
		for _, ch := range r.Changes {
			if ch.Class != c {
				continue
			}
			fmt.Fprintf(&b, "| %s | `%s` | %s | %s | %s |\n", ch.Kind, codeSpanText(ch.Subject),
				markdownText(short(ch.Old)), markdownText(short(ch.New)), markdownText(oneLine(ch.Detail)))
		}
	}
	return b.String()
}

// markdownText escapes text for a Markdown table cell or heading: a
// backslash goes before each character that could start emphasis, a code
// span, a link, HTML, an entity or math, or end the cell.
func markdownText(text string) string {
	var b strings.Builder
	for _, r := range text {
		if strings.ContainsRune("\\`*_[]<>|!~&$#", r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// codeSpanText makes a subject safe inside a code span in a table cell:
// subjects are Go identifiers joined by dots and spaces, so only "|" and
// backticks, which no subject contains, would need care.
func codeSpanText(text string) string {
	return strings.NewReplacer("`", "'", "|", "/").Replace(oneLine(text))
}

// jsonReport is the JSON format, version 1. Its fields and the values of
// class and kind are stable: new fields may be added, none is renamed or
// removed without a new version.
type jsonReport struct {
	Version int           `json:"version"`
	Old     Source        `json:"old"`
	New     Source        `json:"new"`
	Summary map[Class]int `json:"summary"`
	Changes []Change      `json:"changes"`
}

// JSON renders the report for tools, indented, with a final newline:
//
//	{
//	  "version": 1,
//	  "old": {"name": "...", "version": "", "sha256": "..."},
//	  "new": {...},
//	  "summary": {"breaking": 4, "non-breaking": 6, "sequence": 5, "wire": 1},
//	  "changes": [{"class": "breaking", "kind": "request-removed",
//	    "subject": "Client.Ping", "old": "GET /ping", "new": "", "detail": "..."}]
//	}
func (r *Report) JSON() ([]byte, error) {
	out := jsonReport{Version: 1, Old: r.Old, New: r.New, Summary: map[Class]int{}, Changes: r.Changes}
	for _, c := range Classes() {
		out.Summary[c] = r.Count(c)
	}
	if out.Changes == nil {
		out.Changes = []Change{}
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(out); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}
