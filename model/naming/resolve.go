package naming

import (
	"fmt"
	"strconv"
	"strings"
)

// Candidate is one name to resolve, such as a request's method name.
type Candidate struct {
	// Base is the candidate's own Go name, "OtkrytSmenu".
	Base string
	// Qualifiers are the Go names of the folders that hold the candidate,
	// innermost first: {"Smena", "Kassa"} for "Kassa / Smena / Открыть смену".
	Qualifiers []string
	// Pinned is the name the config gives the candidate. When set and
	// valid it is used as is, before any other name is decided.
	Pinned string
}

// qualified returns the candidate's name at a rung of the ladder: the
// base name behind its innermost level qualifiers, outermost first.
func (c *Candidate) qualified(level int) string {
	level = min(level, len(c.Qualifiers))
	if level == 0 {
		return c.Base
	}
	var b strings.Builder
	for i := level - 1; i >= 0; i-- {
		b.WriteString(c.Qualifiers[i])
	}
	b.WriteString(c.Base)
	return b.String()
}

// PinConflict is a pinned name that Resolve could not use; the candidate
// got a name from the ladder instead.
type PinConflict struct {
	Index  int // of the candidate
	Name   string
	Reason string
}

func (p PinConflict) Error() string {
	return fmt.Sprintf("pinned name %q %s", p.Name, p.Reason)
}

// Displacement is an unpinned candidate that did not get its base name
// because the pin of another candidate took it.
type Displacement struct {
	Index int // the displaced candidate
	By    int // the candidate whose pin took the name
}

// Displaced returns the displacements among cands, given the names that
// Resolve decided for them, in candidate order.
func Displaced(cands []Candidate, names []string) []Displacement {
	pinnedBy := map[string]int{}
	for i, c := range cands {
		if c.Pinned != "" && names[i] == c.Pinned {
			pinnedBy[c.Pinned] = i
		}
	}
	var out []Displacement
	for i, c := range cands {
		j, ok := pinnedBy[c.Base]
		if c.Pinned == "" && ok && names[i] != c.Base {
			out = append(out, Displacement{Index: i, By: j})
		}
	}
	return out
}

// Resolve returns a unique name for each candidate, in the candidates'
// order, none of them in reserved. It decides every name in one pass:
//
//  1. Pinned names are taken first, in candidate order. A pinned name that
//     is not a valid identifier, is reserved or is pinned by an earlier
//     candidate is reported as a PinConflict and goes through the ladder.
//  2. A candidate whose base name no other candidate has, and which is not
//     taken, keeps it. So adding a candidate renames no other candidate
//     unless their base names are equal.
//  3. The others are qualified by their innermost folder name
//     ("SmenaOtkrytSmenu"), and those that still collide by the next
//     folder outwards, and so on. At each rung a name is kept when no
//     other remaining candidate has it and it is not taken.
//  4. When the folders run out, the candidates that still collide are
//     numbered in candidate order: the first keeps the name if it is free,
//     the next get Name2, Name3, ..., skipping taken names.
func Resolve(cands []Candidate, reserved []string) ([]string, []PinConflict) {
	set := make(map[string]bool, len(reserved))
	for _, name := range reserved {
		set[name] = true
	}
	return ResolveWithSet(cands, set)
}

// ResolveWithSet does what Resolve does, with the reserved names given as
// a set, which it does not change. A caller that resolves many small
// groups of candidates against the same reserved names builds the set
// once.
func ResolveWithSet(cands []Candidate, reserved map[string]bool) ([]string, []PinConflict) {
	names := make([]string, len(cands))
	taken := &takenNames{reserved: reserved, assigned: make(map[string]bool, len(cands))}

	var conflicts []PinConflict
	pinnedBy := map[string]int{}
	var remaining []int
	for i := range cands {
		pin := cands[i].Pinned
		reason := ""
		switch {
		case pin == "":
			remaining = append(remaining, i)
			continue
		case !IsValid(pin):
			reason = "is not an ASCII Go identifier"
		case taken.has(pin):
			reason = "is reserved"
			if j, ok := pinnedBy[pin]; ok {
				reason = fmt.Sprintf("is already pinned by candidate %d", j)
			}
		}
		if reason != "" {
			conflicts = append(conflicts, PinConflict{Index: i, Name: pin, Reason: reason})
			remaining = append(remaining, i)
			continue
		}
		names[i], pinnedBy[pin] = pin, i
		taken.add(pin)
	}

	remaining = climbLadder(cands, remaining, names, taken)
	numberRest(cands, remaining, names, taken)
	return names, conflicts
}

// takenNames is the set of names that no further candidate may get: the
// reserved names and the names assigned so far.
type takenNames struct {
	reserved map[string]bool
	assigned map[string]bool
}

func (t *takenNames) has(name string) bool { return t.reserved[name] || t.assigned[name] }

func (t *takenNames) add(name string) { t.assigned[name] = true }

// climbLadder assigns names to the candidates of remaining by rungs 2 and
// 3 of Resolve's ladder and returns the ones still colliding.
func climbLadder(cands []Candidate, remaining []int, names []string, taken *takenNames) []int {
	for level := 0; len(remaining) > 0; level++ {
		count := map[string]int{}
		for _, i := range remaining {
			count[cands[i].qualified(level)]++
		}
		var next []int
		deeper := false
		for _, i := range remaining {
			name := cands[i].qualified(level)
			if count[name] == 1 && !taken.has(name) {
				names[i] = name
				taken.add(name)
				continue
			}
			next = append(next, i)
			deeper = deeper || level < len(cands[i].Qualifiers)
		}
		remaining = next
		if !deeper {
			break
		}
	}
	return remaining
}

// numberRest assigns numbered names to the candidates that the ladder
// left colliding, in candidate order.
func numberRest(cands []Candidate, remaining []int, names []string, taken *takenNames) {
	for _, i := range remaining {
		base := cands[i].qualified(len(cands[i].Qualifiers))
		name := base
		for n := 2; taken.has(name); n++ {
			name = base + strconv.Itoa(n)
		}
		names[i] = name
		taken.add(name)
	}
}
