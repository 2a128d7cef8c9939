package script

import (
	"cmp"
	"encoding/json"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// corpusDir holds real Postman collections; users' clones do not have it.
const corpusDir = "../../../shared/corpus/public"

// minCorpusRatio is the share of corpus statements that must translate.
const minCorpusRatio = 0.80

// corpusScript is one script found in a corpus collection.
type corpusScript struct {
	file  string
	where string
	in    Input
}

// loadCorpus returns every non-empty script of the corpus collections:
// the events of the collection, of every folder and of every request.
func loadCorpus(t testing.TB) []corpusScript {
	t.Helper()
	files, err := filepath.Glob(filepath.Join(corpusDir, "*.json"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Skipf("no corpus in %s", corpusDir)
	}
	var out []corpusScript
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var doc any
		if err := json.Unmarshal(data, &doc); err != nil {
			continue // the corpus keeps some broken files for the parser's tests
		}
		walkEvents(doc, filepath.Base(f), func(where string, listen Event, source string) {
			out = append(out, corpusScript{file: filepath.Base(f), where: where,
				in: Input{Listen: listen, Source: source, Where: where}})
		})
	}
	return out
}

// walkEvents calls fn for every script in the "event" lists of v and of
// the objects nested in it.
func walkEvents(v any, where string, fn func(where string, listen Event, source string)) {
	switch v := v.(type) {
	case map[string]any:
		if name, ok := v["name"].(string); ok {
			where += " / " + name
		}
		if events, ok := v["event"].([]any); ok {
			for _, ev := range events {
				obj, _ := ev.(map[string]any)
				listen, _ := obj["listen"].(string)
				script, _ := obj["script"].(map[string]any)
				if source := execText(script["exec"]); strings.TrimSpace(source) != "" {
					fn(where, Event(listen), source)
				}
			}
		}
		for _, k := range slices.Sorted(maps.Keys(v)) {
			if k != "event" {
				walkEvents(v[k], where, fn)
			}
		}
	case []any:
		for _, el := range v {
			walkEvents(el, where, fn)
		}
	}
}

// execText joins the lines of an "exec" value, a string or an array of
// strings.
func execText(exec any) string {
	switch exec := exec.(type) {
	case string:
		return exec
	case []any:
		lines := make([]string, 0, len(exec))
		for _, l := range exec {
			if s, ok := l.(string); ok {
				lines = append(lines, s)
			}
		}
		return strings.Join(lines, "\n")
	}
	return ""
}

func TestCorpusRatio(t *testing.T) {
	scripts := loadCorpus(t)
	var report Report
	perFile := map[string]*Counts{}
	for _, cs := range scripts {
		s, _ := Translate(cs.in)
		report.Add(s)
		if perFile[cs.file] == nil {
			perFile[cs.file] = &Counts{}
		}
		perFile[cs.file].Add(s.Counts)
	}

	t.Logf("scripts %d, translated %d / %d statements = %.3f",
		len(scripts), report.Translated, report.Statements, report.Ratio())
	for _, f := range slices.Sorted(maps.Keys(perFile)) {
		c := perFile[f]
		t.Logf("  %-70s %5d / %5d = %.3f", f, c.Translated, c.Statements, c.Ratio())
	}
	t.Logf("most common reasons for untranslated statements:")
	for _, e := range topShapes(report.Untranslated, func(u UntranslatedStatement) string { return string(u.Code) + ": " + u.Reason }, 40) {
		t.Log("  " + e)
	}
	t.Logf("most common untranslated statements:")
	for _, e := range topShapes(report.Untranslated, func(u UntranslatedStatement) string { return u.Text }, 40) {
		t.Log("  " + e)
	}

	if report.Ratio() < minCorpusRatio {
		t.Errorf("translated %.3f of corpus statements, want at least %.2f", report.Ratio(), minCorpusRatio)
	}
	if report.Statements != report.Translated+report.Unsupported {
		t.Errorf("statements %d != translated %d + unsupported %d", report.Statements, report.Translated, report.Unsupported)
	}
	if len(report.Untranslated) != report.Unsupported {
		t.Errorf("report lists %d untranslated statements, counts %d", len(report.Untranslated), report.Unsupported)
	}
}

// topShapes returns the n most frequent keys of list, with their counts.
func topShapes(list []UntranslatedStatement, key func(UntranslatedStatement) string, n int) []string {
	counts := map[string]int{}
	for _, u := range list {
		counts[key(u)]++
	}
	keys := slices.SortedFunc(maps.Keys(counts), func(a, b string) int {
		if c := cmp.Compare(counts[b], counts[a]); c != 0 {
			return c
		}
		return cmp.Compare(a, b)
	})
	if len(keys) > n {
		keys = keys[:n]
	}
	out := make([]string, len(keys))
	for i, k := range keys {
		out[i] = fmt.Sprintf("%5d  %s", counts[k], k)
	}
	return out
}

func BenchmarkTranslateCorpus(b *testing.B) {
	scripts := loadCorpus(b)
	b.ResetTimer()
	for b.Loop() {
		for _, cs := range scripts {
			Translate(cs.in)
		}
	}
}
