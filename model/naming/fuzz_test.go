package naming

import (
	"strings"
	"testing"
	"unicode"
)

// FuzzNames derives names from any text and resolves three candidates
// built from it. Every name must be an ASCII identifier that is no
// keyword and has at most MaxLen bytes; exported names start with an
// upper-case letter, unexported ones are not reserved, and resolved names
// are distinct and outside the reserved list.
func FuzzNames(f *testing.F) {
	for _, text := range []string{
		"Открыть смену", "getUserByID", "HTTPServerURLs", "v1.2", "200 OK", "type", "string",
		"x */ func init() { panic(1) }", "\u202eabc\u2066", "a\u200bb", "\x00\xff", "获取订单",
		strings.Repeat("Очень длинное имя ", 600), strings.Repeat("x", 10000), "ǅemo", "ﬁle", "Ⅻ item",
	} {
		f.Add(text, "Smena", "")
	}
	f.Add("New", "", "New")
	f.Add("Session", "Folder", "1x")

	reserved := []string{"New", "Session", "Client", "TestSequenceAll"}
	f.Fuzz(func(t *testing.T, text, folder, pinned string) {
		if name, ok := Exported(text); ok {
			checkName(t, text, name)
			if r := rune(name[0]); !unicode.IsUpper(r) {
				t.Fatalf("Exported(%q) = %q, want an upper-case first letter", text, name)
			}
		}
		if name, ok := Unexported(text); ok {
			checkName(t, text, name)
			if IsReserved(name) {
				t.Fatalf("Unexported(%q) = %q, a reserved name", text, name)
			}
		}

		base, _ := Exported(text)
		qualifier, _ := Exported(folder)
		cands := []Candidate{
			{Base: "X" + base},
			{Base: "X" + base, Qualifiers: []string{qualifier}, Pinned: pinned},
			{Base: "X" + base, Pinned: pinned},
		}
		names, _ := Resolve(cands, reserved)
		seen := map[string]bool{}
		for _, name := range reserved {
			seen[name] = true
		}
		for i, name := range names {
			if !IsValid(name) {
				t.Fatalf("candidate %d resolves to %q, not a valid identifier", i, name)
			}
			if seen[name] {
				t.Fatalf("candidate %d resolves to %q, which is reserved or taken", i, name)
			}
			seen[name] = true
		}
	})
}

func checkName(t *testing.T, text, name string) {
	t.Helper()
	if !IsValid(name) {
		t.Fatalf("%q gives %q, not a valid ASCII identifier", text, name)
	}
	if len(name) > MaxLen {
		t.Fatalf("%q gives %q, longer than %d bytes", text, name, MaxLen)
	}
}
