package output

import (
	"fmt"
	"strings"
)

// ContextLines is the number of unchanged lines a unified diff shows
// around each change, as diff -u and git diff do by default.
const ContextLines = 3

// UnifiedDiff returns the line-based unified diff that turns old into new,
// in the format of diff -u: a "--- oldName" and a "+++ newName" header,
// then one "@@ -start,count +start,count @@" hunk per group of changes
// with ContextLines lines of context. Pass "/dev/null" as the name of a
// side that does not exist. A last line without a final newline is
// followed by "\ No newline at end of file". The result is empty when
// old and new are equal.
func UnifiedDiff(oldName, newName string, old, new []byte) string {
	if string(old) == string(new) {
		return ""
	}
	a, b := splitLines(string(old)), splitLines(string(new))
	edits := diffLines(a, b)

	var out strings.Builder
	fmt.Fprintf(&out, "--- %s\n+++ %s\n", oldName, newName)
	for _, h := range hunks(edits, ContextLines) {
		writeHunk(&out, h, a, b)
	}
	return out.String()
}

// splitLines splits text after every newline; each line keeps its "\n",
// so that a last line without one differs from the same line with one.
func splitLines(text string) []string {
	if text == "" {
		return nil
	}
	lines := strings.SplitAfter(text, "\n")
	if lines[len(lines)-1] == "" {
		lines = lines[:len(lines)-1]
	}
	return lines
}

// editOp is one step of an edit script.
type editOp uint8

const (
	opEqual editOp = iota
	opDelete
	opInsert
)

// edit is one line of an edit script. It carries the index a of its line
// in old and b of its line in new. For a deletion, b is the number of new
// lines before it. For an insertion, a is the number of old lines before.
type edit struct {
	op   editOp
	a, b int
}

// diffLines returns a shortest edit script from a to b: equal lines, and
// within each change all deletions before the insertions.
func diffLines(a, b []string) []edit {
	deleted, inserted := markChanges(a, b)

	var edits []edit
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		switch {
		case i < len(a) && deleted[i]:
			edits = append(edits, edit{op: opDelete, a: i, b: j})
			i++
		case j < len(b) && inserted[j]:
			edits = append(edits, edit{op: opInsert, a: i, b: j})
			j++
		default:
			edits = append(edits, edit{op: opEqual, a: i, b: j})
			i++
			j++
		}
	}
	return edits
}

// markChanges returns which lines of a a shortest edit script deletes and
// which lines of b it inserts. A line that occurs on one side only is
// always changed, so only the lines that occur on both sides go through
// Myers' algorithm: that keeps the script shortest and makes rewritten
// files cost linear time instead of quadratic.
func markChanges(a, b []string) (deleted, inserted []bool) {
	deleted = make([]bool, len(a))
	inserted = make([]bool, len(b))

	// Compare integers instead of strings: equal lines get equal ids.
	ids := map[string]int{}
	inA := map[string]bool{}
	for _, l := range a {
		inA[l] = true
	}
	inB := map[string]bool{}
	for _, l := range b {
		inB[l] = true
	}
	// lineIDs returns the ids of the lines that also occur in other, with
	// their indexes, and marks every other line as changed.
	lineIDs := func(lines []string, other map[string]bool, changed []bool) (shared, index []int) {
		for i, l := range lines {
			if !other[l] {
				changed[i] = true
				continue
			}
			id, ok := ids[l]
			if !ok {
				id = len(ids)
				ids[l] = id
			}
			shared = append(shared, id)
			index = append(index, i)
		}
		return shared, index
	}
	sharedA, indexA := lineIDs(a, inB, deleted)
	sharedB, indexB := lineIDs(b, inA, inserted)

	m := &myers{a: sharedA, b: sharedB, deleted: make([]bool, len(sharedA)), inserted: make([]bool, len(sharedB))}
	m.compare(0, len(sharedA), 0, len(sharedB))
	for i, d := range m.deleted {
		deleted[indexA[i]] = d
	}
	for j, d := range m.inserted {
		inserted[indexB[j]] = d
	}
	return deleted, inserted
}

// myers marks the lines of a to delete and of b to insert, with the
// linear-space divide-and-conquer variant of Myers' O(ND) algorithm
// ("An O(ND) Difference Algorithm and Its Variations", 1986, section 4b):
// find the middle snake of an optimal path, then solve both halves.
type myers struct {
	a, b              []int
	deleted, inserted []bool
}

// compare marks the differences between a[aLo:aHi] and b[bLo:bHi].
func (m *myers) compare(aLo, aHi, bLo, bHi int) {
	for aLo < aHi && bLo < bHi && m.a[aLo] == m.b[bLo] {
		aLo++
		bLo++
	}
	for aLo < aHi && bLo < bHi && m.a[aHi-1] == m.b[bHi-1] {
		aHi--
		bHi--
	}
	switch {
	case aLo == aHi:
		for j := bLo; j < bHi; j++ {
			m.inserted[j] = true
		}
		return
	case bLo == bHi:
		for i := aLo; i < aHi; i++ {
			m.deleted[i] = true
		}
		return
	}
	xs, ys, xe, ye := m.middleSnake(aLo, aHi, bLo, bHi)
	m.compare(aLo, aLo+xs, bLo, bLo+ys)
	m.compare(aLo+xe, aHi, bLo+ye, bHi)
}

// middleSnake returns the start (xs, ys) and end (xe, ye) of the middle
// snake of an optimal path from (aLo, bLo) to (aHi, bHi), relative to
// (aLo, bLo). It runs the greedy search forward from the start and
// backward from the end, one edit at a time, until the two meet. The
// reverse search works on reversed sequences: its diagonal kr is the
// forward diagonal delta-kr, and its x counts lines from the end.
func (m *myers) middleSnake(aLo, aHi, bLo, bHi int) (xs, ys, xe, ye int) {
	n, k := aHi-aLo, bHi-bLo
	delta := n - k
	odd := delta%2 != 0
	maxD := (n + k + 1) / 2
	offset := maxD + 1
	vf := make([]int, 2*maxD+3)
	vb := make([]int, 2*maxD+3)

	for d := 0; d <= maxD; d++ {
		for diag := -d; diag <= d; diag += 2 {
			x := nextX(vf, offset, diag, d)
			y := x - diag
			x0, y0 := x, y
			for x < n && y < k && m.a[aLo+x] == m.b[bLo+y] {
				x++
				y++
			}
			vf[offset+diag] = x
			if odd && delta-diag >= -(d-1) && delta-diag <= d-1 && x+vb[offset+delta-diag] >= n {
				return x0, y0, x, y
			}
		}
		for diag := -d; diag <= d; diag += 2 {
			x := nextX(vb, offset, diag, d)
			y := x - diag
			x0, y0 := x, y
			for x < n && y < k && m.a[aHi-1-x] == m.b[bHi-1-y] {
				x++
				y++
			}
			vb[offset+diag] = x
			if !odd && delta-diag >= -d && delta-diag <= d && x+vf[offset+delta-diag] >= n {
				return n - x, k - y, n - x0, k - y0
			}
		}
	}
	// Unreachable: the searches meet after at most maxD steps.
	panic("output: middle snake not found")
}

// nextX returns the x at which a path with d edits enters diagonal diag:
// by an insertion from diagonal diag+1 or a deletion from diag-1,
// whichever reaches further.
func nextX(v []int, offset, diag, d int) int {
	if diag == -d || (diag != d && v[offset+diag-1] < v[offset+diag+1]) {
		return v[offset+diag+1]
	}
	return v[offset+diag-1] + 1
}

// hunk is a run of edits shown together.
type hunk struct {
	edits []edit
}

// hunks groups an edit script into hunks: each change with up to context
// equal lines before and after it, and changes whose context would touch
// or overlap merged into one hunk.
func hunks(edits []edit, context int) []hunk {
	var out []hunk
	i := 0
	for i < len(edits) {
		for i < len(edits) && edits[i].op == opEqual {
			i++
		}
		if i == len(edits) {
			break
		}
		// The previous hunk ended more than context lines before i, so
		// the two never overlap.
		start := max(i-context, 0)
		end := i
		for {
			for end < len(edits) && edits[end].op != opEqual {
				end++
			}
			// end is the first equal line after a change, or len(edits).
			next := end
			for next < len(edits) && edits[next].op == opEqual {
				next++
			}
			if next < len(edits) && next-end <= 2*context {
				end = next
				continue
			}
			end = min(end+context, len(edits))
			break
		}
		out = append(out, hunk{edits: edits[start:end]})
		i = end
	}
	return out
}

// writeHunk writes one hunk: its "@@" header and its lines.
func writeHunk(out *strings.Builder, h hunk, a, b []string) {
	first := h.edits[0]
	var oldCount, newCount int
	for _, e := range h.edits {
		if e.op != opInsert {
			oldCount++
		}
		if e.op != opDelete {
			newCount++
		}
	}
	fmt.Fprintf(out, "@@ -%s +%s @@\n", hunkRange(first.a, oldCount), hunkRange(first.b, newCount))
	for _, e := range h.edits {
		switch e.op {
		case opEqual:
			writeLine(out, ' ', a[e.a])
		case opDelete:
			writeLine(out, '-', a[e.a])
		case opInsert:
			writeLine(out, '+', b[e.b])
		}
	}
}

// hunkRange formats one side of a hunk header as diff -u does: "start,count"
// with a 1-based start, "start" alone for one line, and for an empty range
// the number of the line before it with ",0".
func hunkRange(index, count int) string {
	switch count {
	case 0:
		return fmt.Sprintf("%d,0", index)
	case 1:
		return fmt.Sprintf("%d", index+1)
	}
	return fmt.Sprintf("%d,%d", index+1, count)
}

func writeLine(out *strings.Builder, prefix byte, line string) {
	out.WriteByte(prefix)
	out.WriteString(line)
	if !strings.HasSuffix(line, "\n") {
		out.WriteString("\n\\ No newline at end of file\n")
	}
}
