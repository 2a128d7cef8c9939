package fidelity

import (
	"fmt"
	"strings"
	"text/tabwriter"
)

// FormatTable returns one line per compared request, the reasons of the
// departures that occur, the pending fixtures with their reasons, and
// the totals. Rows of pending fixtures count apart from the others.
func FormatTable(results []*Result) string {
	var b strings.Builder
	w := tabwriter.NewWriter(&b, 0, 4, 2, ' ', 0)
	fmt.Fprintln(w, "fixture\t#\trequest\tsent\tresult")
	var total, same, departed, different, pending int
	used := map[DepartureKind]bool{}
	var pendingNotes []string
	for _, res := range results {
		isPending := res.Fixture.Config.Pending != ""
		if isPending {
			pendingNotes = append(pendingNotes, fmt.Sprintf("pending %s: %s", res.Fixture.Name, res.Fixture.Config.Pending))
		}
		for _, row := range res.Rows {
			result := string(row.Outcome)
			switch {
			case isPending:
				pending++
				result = "pending: " + result
			case row.Outcome == Identical:
				same++
			case row.Outcome == Departed:
				departed++
				used[row.Departure] = true
				result = "departure " + string(row.Departure)
			default:
				different++
			}
			if !isPending {
				total++
			}
			fmt.Fprintf(w, "%s\t%d\t%s\t%s %s\t%s\n", res.Fixture.Name, row.Index, row.Name, row.Method, clip([]byte(row.Target)), result)
		}
	}
	w.Flush()
	for _, kind := range departureKinds() {
		if used[kind] {
			fmt.Fprintf(&b, "departure %s: %s\n", kind, departureReasons[kind])
		}
	}
	for _, note := range pendingNotes {
		b.WriteString(note + "\n")
	}
	fmt.Fprintf(&b, "%d of %d requests identical, %d deliberate departures, %d different; %d requests in pending fixtures\n",
		same, total, departed, different, pending)
	return b.String()
}

// CheckExpected compares the requests newman sent with the fixture's
// expected requests and returns each difference.
func CheckExpected(newman []Request, expected []ExpectedRequest) []string {
	var diffs []string
	if len(newman) != len(expected) {
		diffs = append(diffs, fmt.Sprintf("newman sent %d requests, expected.json lists %d", len(newman), len(expected)))
	}
	for i := range min(len(newman), len(expected)) {
		want := expected[i].request()
		got := &newman[i]
		var ds []string
		if got.Method != want.Method {
			ds = append(ds, fmt.Sprintf("method %q, want %q", got.Method, want.Method))
		}
		if got.Target != want.Target {
			ds = append(ds, fmt.Sprintf("target %q, want %q", got.Target, want.Target))
		}
		if got.Digest != want.Digest {
			ds = append(ds, fmt.Sprintf("digest %q, want %q", got.Digest, want.Digest))
		}
		for _, d := range diffHeaders(comparableHeaders(got, want), want.Headers) {
			ds = append(ds, strings.Replace(strings.Replace(d, "newman", "sent", 1), "pmgen", "want", 1))
		}
		if d := diffBody(contentType(got), got.Body, want.Body, contentType(want)); d != "" {
			ds = append(ds, "body: "+strings.Replace(strings.Replace(d, "newman", "sent", 1), "pmgen", "want", 1))
		}
		for _, d := range ds {
			diffs = append(diffs, fmt.Sprintf("request %d %q: %s", i+1, expected[i].Name, d))
		}
	}
	return diffs
}

// request returns the expected request as a Request.
func (e *ExpectedRequest) request() *Request {
	r := &Request{Method: e.Method, Target: e.Target, Body: []byte(e.Body), Digest: e.Digest}
	for _, h := range e.Headers {
		name, value, _ := strings.Cut(h, ":")
		r.Headers = append(r.Headers, Field{Name: name, Value: strings.TrimSpace(value)})
	}
	return r
}

// ExpectedFromRequests returns expected requests written from what
// newman sent, keeping the names, departures and pmgen overrides of old.
// Requests without an old entry are named after calls when there is one
// call per request.
func ExpectedFromRequests(newman []Request, old []ExpectedRequest, calls []string) []ExpectedRequest {
	out := make([]ExpectedRequest, len(newman))
	for i := range newman {
		r := &newman[i]
		e := ExpectedRequest{Method: r.Method, Target: r.Target, Body: string(r.Body), Digest: r.Digest}
		for _, f := range comparableHeaders(r, nil) {
			e.Headers = append(e.Headers, f.Name+": "+f.Value)
		}
		if len(calls) == len(newman) {
			e.Name = calls[i]
		}
		if i < len(old) {
			e.Name, e.Departure, e.PMGen = old[i].Name, old[i].Departure, old[i].PMGen
		}
		out[i] = e
	}
	return out
}
