package diff

import (
	"fmt"

	"github.com/pmgen/pmgen/model"
)

// compareSequences pairs sequences by their test name and reports the
// steps each gained, lost or moved. A step is its operation, followed
// through a rename.
func (c *comparer) compareSequences() {
	find := func(seqs []*model.Sequence, goName string) *model.Sequence {
		for _, s := range seqs {
			if s.GoName == goName {
				return s
			}
		}
		return nil
	}
	for _, o := range c.old.Sequences {
		n := find(c.new.Sequences, o.GoName)
		if n == nil {
			c.add(SequenceChange, SequenceRemoved, o.GoName, stepList(o), "", fmt.Sprintf("sequence %s", quote(o.Name)))
			continue
		}
		c.compareSteps(o, n)
	}
	for _, n := range c.new.Sequences {
		if find(c.old.Sequences, n.GoName) == nil {
			c.add(SequenceChange, SequenceAdded, n.GoName, "", stepList(n), fmt.Sprintf("sequence %s", quote(n.Name)))
		}
	}
}

func stepList(seq *model.Sequence) string {
	s := ""
	for i, step := range seq.Steps {
		if i > 0 {
			s += ", "
		}
		s += step.Operation.GoName
	}
	return s
}

// compareSteps reports the steps of a sequence that were added, removed
// or moved, in terms of the new release's method names. Steps outside a
// longest common subsequence of both step lists have moved.
func (c *comparer) compareSteps(old, new *model.Sequence) {
	oldOps := make([]*model.Operation, len(old.Steps))
	for i, s := range old.Steps {
		oldOps[i] = s.Operation
	}
	// Map each old step to its new operation; a removed operation maps to
	// nil and matches no new step.
	mapped := make([]*model.Operation, len(old.Steps))
	for i, op := range oldOps {
		mapped[i] = c.newOf(op)
	}
	newOps := make([]*model.Operation, len(new.Steps))
	for i, s := range new.Steps {
		newOps[i] = s.Operation
	}

	inLCS := commonSubsequence(mapped, newOps)
	position := func(ops []*model.Operation, op *model.Operation) int {
		for i, o := range ops {
			if o == op {
				return i
			}
		}
		return -1
	}
	where := func(i, n int) string { return fmt.Sprintf("step %d of %d", i+1, n) }

	for i, op := range mapped {
		if op == nil || position(newOps, op) < 0 {
			c.add(SequenceChange, StepRemoved, new.GoName, oldOps[i].GoName, "", "was "+where(i, len(oldOps)))
		}
	}
	for j, op := range newOps {
		i := position(mapped, op)
		switch {
		case i < 0:
			c.add(SequenceChange, StepAdded, new.GoName, "", op.GoName, where(j, len(newOps)))
		case !inLCS[op]:
			c.add(SequenceChange, StepMoved, new.GoName, where(i, len(oldOps)), where(j, len(newOps)), op.GoName)
		}
	}
}

// commonSubsequence returns the new operations on one longest common
// subsequence of a and b.
func commonSubsequence(a, b []*model.Operation) map[*model.Operation]bool {
	dp := make([][]int, len(a)+1)
	for i := range dp {
		dp[i] = make([]int, len(b)+1)
	}
	for i := len(a) - 1; i >= 0; i-- {
		for j := len(b) - 1; j >= 0; j-- {
			if a[i] != nil && a[i] == b[j] {
				dp[i][j] = dp[i+1][j+1] + 1
			} else {
				dp[i][j] = max(dp[i+1][j], dp[i][j+1])
			}
		}
	}
	out := map[*model.Operation]bool{}
	for i, j := 0, 0; i < len(a) && j < len(b); {
		switch {
		case a[i] != nil && a[i] == b[j]:
			out[b[j]] = true
			i++
			j++
		case dp[i+1][j] >= dp[i][j+1]:
			i++
		default:
			j++
		}
	}
	return out
}
