package fidelity

import (
	"context"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"
)

var updateExpected = flag.Bool("update-expected", false,
	"write each fixture's expected.json from the requests newman sent; review the files before committing them")

const fixturesRoot = "../testdata/fidelity"

// TestFidelity runs every fixture with newman and with the pmgen client
// and fails on any difference that is not a declared departure, and on
// any request newman sent that differs from the fixture's expected.json.
func TestFidelity(t *testing.T) {
	newman, err := FindNewman("..")
	if err != nil {
		t.Skip("newman not found: run npm ci --prefix .ci (newman 6.2.2) and put .ci/node_modules/.bin on PATH to run the fidelity harness")
	}
	goCmd, err := exec.LookPath("go")
	if err != nil {
		t.Skip("go command not found on PATH: the harness builds a driver program with it")
	}
	fixtures, err := LoadFixtures(fixturesRoot)
	if err != nil {
		t.Fatal(err)
	}
	rn := &Runner{Newman: newman, Go: goCmd, Work: t.TempDir()}
	if err := rn.Build(context.Background(), fixtures); err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	var table []*Result
	// The group returns once every parallel fixture has finished.
	t.Run("fixtures", func(t *testing.T) {
		for _, f := range fixtures {
			t.Run(f.Name, func(t *testing.T) {
				t.Parallel()
				ctx, cancel := context.WithTimeout(context.Background(), 6*time.Minute)
				defer cancel()
				res, err := rn.Run(ctx, f)
				if err != nil {
					t.Fatal(err)
				}
				mu.Lock()
				table = append(table, res)
				mu.Unlock()
				if *updateExpected {
					writeExpected(t, f, res)
					return
				}
				if f.Config.Pending != "" {
					checkPending(t, res)
					return
				}
				checkResult(t, res)
			})
		}
	})
	slices.SortFunc(table, func(a, b *Result) int { return strings.Compare(a.Fixture.Name, b.Fixture.Name) })
	t.Log("\n" + FormatTable(table))
}

// checkResult fails the test for every row that differs and every
// request newman sent that differs from expected.json.
func checkResult(t *testing.T, res *Result) {
	t.Helper()
	failed := false
	for _, row := range res.Rows {
		if row.Outcome != Different {
			continue
		}
		failed = true
		for _, d := range row.Diffs {
			t.Errorf("request %d %q (%s %s): %s", row.Index, row.Name, row.Method, row.Target, d)
		}
	}
	f := res.Fixture
	if f.Expected == nil {
		t.Errorf("fixture %s has no expected.json: write the requests newman should send (or run with -update-expected and review)", f.Name)
	}
	for _, d := range CheckExpected(res.Newman, f.Expected) {
		failed = true
		t.Errorf("newman against expected.json: %s", d)
	}
	if failed {
		t.Logf("requests sent:\n%s", formatSent(res))
		t.Logf("newman output:\n%s\ndriver output:\n%s", res.NewmanOutput, res.DriverOutput)
	}
}

// formatSent lists the requests each client sent, side by side.
func formatSent(res *Result) string {
	var b strings.Builder
	for i := range max(len(res.Newman), len(res.PMGen)) {
		newman, pmgen := "-", "-"
		if i < len(res.Newman) {
			newman = res.Newman[i].Method + " " + res.Newman[i].Target
		}
		if i < len(res.PMGen) {
			pmgen = res.PMGen[i].Method + " " + res.PMGen[i].Target
		}
		fmt.Fprintf(&b, "%3d  newman %-50s  pmgen %s\n", i+1, newman, pmgen)
	}
	return b.String()
}

// checkPending skips a pending fixture that still differs and fails one
// that no longer does, so that the pending note is removed with the gap.
func checkPending(t *testing.T, res *Result) {
	t.Helper()
	for _, d := range CheckExpected(res.Newman, res.Fixture.Expected) {
		t.Errorf("newman against expected.json: %s", d)
	}
	for _, row := range res.Rows {
		if row.Outcome == Different {
			t.Logf("request %d %q (%s %s) differs: %s", row.Index, row.Name, row.Method, row.Target, strings.Join(row.Diffs, "; "))
			t.Skipf("pending: %s", res.Fixture.Config.Pending)
		}
	}
	t.Errorf("fixture %s is marked pending, but every request is identical: remove \"pending\" from its case.json", res.Fixture.Name)
}

func writeExpected(t *testing.T, f *Fixture, res *Result) {
	t.Helper()
	data, err := marshalIndent(ExpectedFromRequests(res.Newman, f.Expected, res.Calls))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(f.Dir, "expected.json"), append(data, '\n'), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestFormatTableCounts(t *testing.T) {
	res := []*Result{{
		Fixture: &Fixture{Name: "case"},
		Rows: []Row{
			{Index: 1, Name: "a", Method: "GET", Target: "/a", Outcome: Identical},
			{Index: 2, Name: "b", Method: "POST", Target: "/b", Outcome: Departed, Departure: DepartureJSONEscape},
			{Index: 3, Name: "c", Method: "GET", Target: "/c", Outcome: Different},
		},
	}, {
		Fixture: &Fixture{Name: "open", Config: Config{Pending: "a known gap"}},
		Rows:    []Row{{Index: 1, Name: "d", Method: "GET", Target: "/d", Outcome: Different}},
	}}
	out := FormatTable(res)
	for _, want := range []string{
		"case", "GET /a", "identical", "departure json-escape", "DIFFERENT", "pending: DIFFERENT",
		"departure json-escape: pmgen escapes",
		"pending open: a known gap",
		"1 of 3 requests identical, 1 deliberate departures, 1 different; 1 requests in pending fixtures",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("table lacks %q:\n%s", want, out)
		}
	}
}

func ExampleDepartureReason() {
	fmt.Println(DepartureReason(DeparturePathValue))
	// Output: pmgen fills a path variable whose value is a number or a boolean; newman sends the segment ":name" literally
}
