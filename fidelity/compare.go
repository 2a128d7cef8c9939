package fidelity

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"math/big"
	"mime"
	"mime/multipart"
	"net/url"
	"slices"
	"strings"
)

// DepartureKind names a place where pmgen deliberately sends something
// other than newman.
type DepartureKind string

const (
	// DepartureJSONEscape: a substituted value containing a quote or a
	// backslash inside a JSON string.
	DepartureJSONEscape DepartureKind = "json-escape"
	// DeparturePathValue: a path variable whose value is a number or a
	// boolean.
	DeparturePathValue DepartureKind = "path-variable-value"
	// DeparturePathSegmentObject: a path segment written as a
	// {type, value} object.
	DeparturePathSegmentObject DepartureKind = "path-segment-object"
	// DepartureItemsKey: a collection that lists its items under "items"
	// instead of "item".
	DepartureItemsKey DepartureKind = "items-key"
)

// departureReasons are the deliberate departures and why pmgen makes
// them; no other difference is accepted.
var departureReasons = map[DepartureKind]string{
	DepartureJSONEscape: "pmgen escapes a substituted value that contains a quote or a backslash inside a JSON string; " +
		"newman pastes it raw and sends invalid JSON, or for a backslash another string",
	DeparturePathValue: "pmgen fills a path variable whose value is a number or a boolean; " +
		"newman sends the segment \":name\" literally",
	DeparturePathSegmentObject: "pmgen sends the value of a path segment written as a {type, value} object, which format v2.1 allows; " +
		"newman sends \"[object Object]\"",
	DepartureItemsKey: "pmgen reads the requests of a collection that lists its items under \"items\" instead of \"item\", with a warning; " +
		"newman runs none of them",
}

// DepartureReason returns why pmgen departs from newman in kind, "" for
// an unknown kind.
func DepartureReason(kind DepartureKind) string {
	return departureReasons[kind]
}

func departureKinds() []DepartureKind {
	kinds := make([]DepartureKind, 0, len(departureReasons))
	for k := range departureReasons {
		kinds = append(kinds, k)
	}
	slices.Sort(kinds)
	return kinds
}

// ignoredHeaders differ between any two HTTP clients and do not depend
// on the collection, so they are left out of every comparison.
var ignoredHeaders = []string{"user-agent", "accept-encoding", "connection", "host", "content-length", "postman-token"}

// newmanDefaults are the headers newman adds when the request sets no
// header of that name; they are ignored where the other side lacks the
// header.
var newmanDefaults = []Field{{"Accept", "*/*"}, {"Cache-Control", "no-cache"}}

// Outcome is the result of comparing one request.
type Outcome string

const (
	Identical Outcome = "identical"
	Departed  Outcome = "departure"
	Different Outcome = "DIFFERENT"
)

// Row is the comparison of the n-th request newman sent with the n-th
// request the pmgen client sent.
type Row struct {
	Index   int // 1-based
	Name    string
	Method  string
	Target  string
	Outcome Outcome
	// Departure is set when Outcome is Departed.
	Departure DepartureKind
	// Diffs describe each difference, for Different.
	Diffs []string
}

// Compare compares newman's requests with the pmgen client's. The two
// lists are aligned on method and target first, so that a request one
// client did not send shows up as such instead of shifting every later
// pair. expected supplies the names of newman's requests and the declared
// departures; it may be shorter than the list or nil.
//
// unmatched is the departure of the requests only pmgen sends, when the
// fixture declares one: such requests count as that departure.
func Compare(newman, pmgen []Request, expected []ExpectedRequest, unmatched DepartureKind) []Row {
	var rows []Row
	for _, pair := range align(newman, pmgen) {
		row := Row{Index: len(rows) + 1}
		var exp *ExpectedRequest
		if pair.newman >= 0 && pair.newman < len(expected) {
			exp = &expected[pair.newman]
			row.Name = exp.Name
		}
		switch {
		case pair.pmgen < 0:
			r := &newman[pair.newman]
			row.Method, row.Target = r.Method, r.Target
			row.Outcome, row.Diffs = Different, []string{"the pmgen client did not send this request"}
		case pair.newman < 0 && unmatched != "":
			r := &pmgen[pair.pmgen]
			row.Method, row.Target = r.Method, r.Target
			row.Outcome, row.Departure = Departed, unmatched
		case pair.newman < 0:
			r := &pmgen[pair.pmgen]
			row.Method, row.Target = r.Method, r.Target
			row.Outcome, row.Diffs = Different, []string{"newman did not send this request"}
		default:
			r := &newman[pair.newman]
			row.Method, row.Target = r.Method, r.Target
			compareRow(&row, r, &pmgen[pair.pmgen], exp)
		}
		rows = append(rows, row)
	}
	return rows
}

// pair holds the indexes of two requests compared with each other; -1
// marks a request only one client sent.
type pair struct{ newman, pmgen int }

// align pairs the requests of both lists in order. Requests with the same
// method and target are matched by a longest common subsequence. Between
// two matches, the unmatched requests of both sides are paired in order,
// and the rest stand alone.
func align(a, b []Request) []pair {
	key := func(r *Request) string { return r.Method + " " + r.Target }
	// lcs[i][j] is the length of the longest common subsequence of a[i:]
	// and b[j:].
	lcs := make([][]int, len(a)+1)
	for i := range lcs {
		lcs[i] = make([]int, len(b)+1)
	}
	for i := len(a) - 1; i >= 0; i-- {
		for j := len(b) - 1; j >= 0; j-- {
			if key(&a[i]) == key(&b[j]) {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	var out []pair
	var onlyA, onlyB []int
	flush := func() {
		for k := range max(len(onlyA), len(onlyB)) {
			p := pair{-1, -1}
			if k < len(onlyA) {
				p.newman = onlyA[k]
			}
			if k < len(onlyB) {
				p.pmgen = onlyB[k]
			}
			out = append(out, p)
		}
		onlyA, onlyB = onlyA[:0], onlyB[:0]
	}
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		switch {
		case i < len(a) && j < len(b) && key(&a[i]) == key(&b[j]):
			flush()
			out = append(out, pair{i, j})
			i++
			j++
		case j >= len(b) || (i < len(a) && lcs[i+1][j] >= lcs[i][j+1]):
			onlyA = append(onlyA, i)
			i++
		default:
			onlyB = append(onlyB, j)
			j++
		}
	}
	flush()
	return out
}

// compareRow fills the outcome of one pair of requests.
func compareRow(row *Row, newman, pmgen *Request, exp *ExpectedRequest) {
	diffs := diffRequests(newman, pmgen)
	if exp == nil || exp.Departure == "" {
		row.Outcome, row.Diffs = Identical, diffs
		if len(diffs) > 0 {
			row.Outcome = Different
		}
		return
	}
	row.Departure = exp.Departure
	problems := checkDeparture(exp, newman, pmgen, diffs)
	if len(problems) > 0 {
		row.Outcome, row.Diffs = Different, problems
		return
	}
	row.Outcome = Departed
}

// checkDeparture returns what is wrong with a declared departure: the
// difference must be exactly the declared one, with pmgen sending what
// the fixture states.
func checkDeparture(exp *ExpectedRequest, newman, pmgen *Request, diffs []string) []string {
	if len(diffs) == 0 {
		return []string{fmt.Sprintf("departure %q is declared, but both clients sent the same request", exp.Departure)}
	}
	if exp.PMGen == nil {
		return []string{fmt.Sprintf("departure %q is declared without what pmgen sends: add \"pmgen\" to the expected request", exp.Departure)}
	}
	field := "body"
	if exp.Departure == DeparturePathValue || exp.Departure == DeparturePathSegmentObject {
		field = "target"
	}
	var problems []string
	for _, d := range diffs {
		if !strings.HasPrefix(d, field+":") {
			problems = append(problems, d)
		}
	}
	switch exp.Departure {
	case DepartureJSONEscape:
		if !json.Valid(pmgen.Body) {
			problems = append(problems, "departure \"json-escape\": pmgen sent invalid JSON")
		}
		if d := diffBody(contentType(pmgen), []byte(exp.PMGen.Body), pmgen.Body, contentType(pmgen)); d != "" {
			problems = append(problems, "pmgen body is not the expected one: "+d)
		}
	case DeparturePathValue:
		if !strings.Contains(newman.Path(), "/:") {
			problems = append(problems, fmt.Sprintf("departure %q: newman's path %q has no \":name\" segment", exp.Departure, newman.Path()))
		}
		if pmgen.Target != exp.PMGen.Target {
			problems = append(problems, fmt.Sprintf("pmgen target is %q, want %q", pmgen.Target, exp.PMGen.Target))
		}
	case DeparturePathSegmentObject:
		if !strings.Contains(newman.Path(), "[object%20Object]") {
			problems = append(problems, fmt.Sprintf("departure %q: newman's path %q has no \"[object Object]\" segment", exp.Departure, newman.Path()))
		}
		if pmgen.Target != exp.PMGen.Target {
			problems = append(problems, fmt.Sprintf("pmgen target is %q, want %q", pmgen.Target, exp.PMGen.Target))
		}
	}
	return problems
}

// diffRequests lists the differences between two requests, each starting
// with the part that differs: "method:", "target:", "header:", "digest:"
// or "body:".
func diffRequests(a, b *Request) []string {
	var diffs []string
	if a.Method != b.Method {
		diffs = append(diffs, fmt.Sprintf("method: newman %q, pmgen %q", a.Method, b.Method))
	}
	if a.Target != b.Target {
		diffs = append(diffs, fmt.Sprintf("target: newman %q, pmgen %q", a.Target, b.Target))
	}
	if a.Digest != b.Digest {
		diffs = append(diffs, fmt.Sprintf("digest: newman %s, pmgen %s", a.Digest, b.Digest))
	}
	ha, hb := comparableHeaders(a, b), comparableHeaders(b, a)
	diffs = append(diffs, diffHeaders(ha, hb)...)
	if d := diffBody(contentType(a), a.Body, b.Body, contentType(b)); d != "" {
		diffs = append(diffs, "body: "+d)
	}
	return diffs
}

// ComparableHeaders returns the headers of r that a comparison looks at,
// in order. It leaves out the ignored headers, newman's defaults where
// other lacks a header of that name, the boundary of a multipart
// Content-Type, and the Authorization of a Digest round trip, whose
// verdict is compared instead. other may be nil.
func ComparableHeaders(r, other *Request) []Field {
	return comparableHeaders(r, other)
}

func comparableHeaders(r, other *Request) []Field {
	var out []Field
	for _, f := range r.Headers {
		name := strings.ToLower(f.Name)
		if slices.Contains(ignoredHeaders, name) {
			continue
		}
		if r.Digest != "" && name == "authorization" {
			continue
		}
		if isNewmanDefault(f) && (other == nil || len(other.Header(f.Name)) == 0) {
			continue
		}
		if name == "content-type" {
			f.Value = withoutBoundary(f.Value)
		}
		out = append(out, f)
	}
	return out
}

func isNewmanDefault(f Field) bool {
	for _, d := range newmanDefaults {
		if strings.EqualFold(d.Name, f.Name) && d.Value == f.Value {
			return true
		}
	}
	return false
}

// withoutBoundary drops the boundary parameter of a multipart media type,
// which each client chooses at random.
func withoutBoundary(contentType string) string {
	mediaType, _, err := mime.ParseMediaType(contentType)
	if err != nil || !strings.HasPrefix(mediaType, "multipart/") {
		return contentType
	}
	return mediaType
}

// diffHeaders compares two header lists as multisets of names (case
// insensitive, as HTTP defines them), keeping the order of the values of
// a repeated name.
func diffHeaders(a, b []Field) []string {
	group := func(fields []Field) (map[string][]string, []string) {
		m := map[string][]string{}
		var order []string
		for _, f := range fields {
			key := strings.ToLower(f.Name)
			if _, ok := m[key]; !ok {
				order = append(order, key)
			}
			m[key] = append(m[key], f.Value)
		}
		return m, order
	}
	ma, orderA := group(a)
	mb, orderB := group(b)
	var diffs []string
	for _, name := range orderA {
		if !slices.Equal(ma[name], mb[name]) {
			diffs = append(diffs, fmt.Sprintf("header: %s: newman %q, pmgen %q", name, ma[name], mb[name]))
		}
	}
	for _, name := range orderB {
		if _, ok := ma[name]; !ok {
			diffs = append(diffs, fmt.Sprintf("header: %s: newman none, pmgen %q", name, mb[name]))
		}
	}
	return diffs
}

func contentType(r *Request) string {
	if values := r.Header("Content-Type"); len(values) > 0 {
		return values[len(values)-1]
	}
	return ""
}

// diffBody compares two bodies: JSON as JSON, then by the media type of
// a, urlencoded as ordered decoded fields, multipart as parts, and
// anything else byte for byte. It returns "" when they are the same.
func diffBody(typeA string, a, b []byte, typeB string) string {
	mediaA, paramsA, _ := mime.ParseMediaType(typeA)
	_, paramsB, _ := mime.ParseMediaType(typeB)
	switch {
	case bytes.Equal(a, b):
		return ""
	case json.Valid(a) && json.Valid(b):
		// JSON is compared as JSON whatever its Content-Type, because
		// the header comparison covers the Content-Type.
		if equalJSON(a, b) {
			return ""
		}
	case mediaA == "application/x-www-form-urlencoded":
		fa, errA := decodeForm(a)
		fb, errB := decodeForm(b)
		if errA == nil && errB == nil && slices.Equal(fa, fb) {
			return ""
		}
	case strings.HasPrefix(mediaA, "multipart/"):
		pa, errA := decodeMultipart(a, paramsA["boundary"])
		pb, errB := decodeMultipart(b, paramsB["boundary"])
		if errA != nil || errB != nil {
			return fmt.Sprintf("multipart: newman %v, pmgen %v", errA, errB)
		}
		if slices.EqualFunc(pa, pb, equalPart) {
			return ""
		}
		return fmt.Sprintf("newman parts %s, pmgen parts %s", formatParts(pa), formatParts(pb))
	}
	return fmt.Sprintf("newman %q, pmgen %q", clip(a), clip(b))
}

func clip(b []byte) string {
	const max = 600
	if len(b) > max {
		return string(b[:max]) + "…"
	}
	return string(b)
}

// equalJSON reports whether two JSON documents have the same value.
// Numbers are compared as decimal values, so 10.00 equals 10.
func equalJSON(a, b []byte) bool {
	va, errA := decodeJSON(a)
	vb, errB := decodeJSON(b)
	return errA == nil && errB == nil && equalValue(va, vb)
}

func decodeJSON(data []byte) (any, error) {
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return nil, err
	}
	return v, nil
}

func equalValue(a, b any) bool {
	switch x := a.(type) {
	case map[string]any:
		y, ok := b.(map[string]any)
		if !ok || len(x) != len(y) {
			return false
		}
		for k, v := range x {
			w, ok := y[k]
			if !ok || !equalValue(v, w) {
				return false
			}
		}
		return true
	case []any:
		y, ok := b.([]any)
		return ok && slices.EqualFunc(x, y, equalValue)
	case json.Number:
		y, ok := b.(json.Number)
		if !ok {
			return false
		}
		ra, okA := new(big.Rat).SetString(string(x))
		rb, okB := new(big.Rat).SetString(string(y))
		return okA && okB && ra.Cmp(rb) == 0
	}
	return a == b
}

// decodeForm splits a urlencoded body into its decoded key=value pairs,
// in order.
func decodeForm(body []byte) ([]string, error) {
	if len(body) == 0 {
		return nil, nil
	}
	var out []string
	for _, pair := range strings.Split(string(body), "&") {
		k, v, _ := strings.Cut(pair, "=")
		key, err := url.QueryUnescape(k)
		if err != nil {
			return nil, err
		}
		value, err := url.QueryUnescape(v)
		if err != nil {
			return nil, err
		}
		out = append(out, key+"="+value)
	}
	return out, nil
}

// part is one part of a multipart body.
type part struct {
	headers []string // "Name: value", sorted
	content string
}

func equalPart(a, b part) bool {
	return a.content == b.content && slices.Equal(a.headers, b.headers)
}

func formatParts(parts []part) string {
	var b strings.Builder
	for i, p := range parts {
		if i > 0 {
			b.WriteString(" | ")
		}
		fmt.Fprintf(&b, "%q %q", p.headers, clip([]byte(p.content)))
	}
	return b.String()
}

// decodeMultipart splits a multipart body into its parts. Without a
// boundary from the Content-Type, the body's first line gives it, as in
// the expected requests, whose Content-Type omits the boundary.
func decodeMultipart(body []byte, boundary string) ([]part, error) {
	if boundary == "" {
		first, _, _ := bytes.Cut(body, []byte("\r\n"))
		boundary = string(bytes.TrimPrefix(first, []byte("--")))
	}
	if boundary == "" {
		return nil, fmt.Errorf("no boundary in Content-Type or body")
	}
	r := multipart.NewReader(bytes.NewReader(body), boundary)
	var parts []part
	for {
		p, err := r.NextRawPart()
		if err == io.EOF {
			return parts, nil
		}
		if err != nil {
			return nil, err
		}
		content, err := io.ReadAll(p)
		if err != nil {
			return nil, err
		}
		var headers []string
		for name, values := range p.Header {
			for _, v := range values {
				headers = append(headers, name+": "+v)
			}
		}
		slices.Sort(headers)
		parts = append(parts, part{headers: headers, content: string(content)})
	}
}
