package model

import "slices"

// buildSequences creates the default sequences: the whole collection in
// order, as Postman's collection runner runs it, and one per top-level
// folder. A folder's sequence starts with the earlier requests that produce
// the variables its requests read, so that logging in comes before opening
// a shift.
func (b *builder) buildSequences() {
	all := b.api.Operations
	if len(all) == 0 {
		return
	}
	b.api.Sequences = append(b.api.Sequences, b.sequence(b.api.Name, all, true))
	for _, f := range b.api.Folders {
		ops := folderOperations(f)
		if len(ops) == 0 {
			continue
		}
		steps := append(b.prerequisites(ops), ops...)
		seq := b.sequence(f.Name, steps, false)
		seq.Folder = f
		b.api.Sequences = append(b.api.Sequences, seq)
	}
}

// folderOperations returns the operations of a folder and its subfolders
// in collection order.
func folderOperations(f *Folder) []*Operation {
	var ops []*Operation
	var collect func(*Folder)
	collect = func(f *Folder) {
		ops = append(ops, f.Operations...)
		for _, sub := range f.Folders {
			collect(sub)
		}
	}
	collect(f)
	slices.SortStableFunc(ops, func(a, b *Operation) int { return a.index - b.index })
	return ops
}

// prerequisites returns the operations before ops[0] that produce, directly
// or through their own prerequisites, the variables ops read; in
// collection order.
func (b *builder) prerequisites(ops []*Operation) []*Operation {
	first := ops[0].index
	need := map[string]bool{}
	produced := map[string]bool{}
	for _, op := range ops {
		for _, r := range op.Reads {
			if !produced[r] {
				need[r] = true
			}
		}
		for _, p := range op.Produces {
			produced[p] = true
		}
	}
	chosen := map[*Operation]bool{}
	for i := first - 1; i >= 0 && len(need) > 0; i-- {
		op := b.api.Operations[i]
		useful := false
		for _, p := range op.Produces {
			if need[p] {
				useful = true
				delete(need, p)
			}
		}
		if !useful {
			continue
		}
		chosen[op] = true
		for _, r := range op.Reads {
			need[r] = true
		}
	}
	var out []*Operation
	for _, op := range b.api.Operations[:first] {
		if chosen[op] {
			out = append(out, op)
		}
	}
	return out
}

// sequence builds the steps of a sequence and records, for each variable
// a step reads, the latest earlier step that produces it. With warn set,
// a variable that only a later step produces is reported.
func (b *builder) sequence(name string, ops []*Operation, warn bool) *Sequence {
	seq := &Sequence{Name: name}
	producer := map[string]*Step{}
	for _, op := range ops {
		step := &Step{Operation: op}
		// A prerequest script runs before the request reads its variables.
		for _, s := range op.PreRequest {
			for _, set := range s.Sets {
				producer[set.Name] = step
			}
		}
		for _, r := range op.Reads {
			step.Reads = append(step.Reads, VariableFlow{Name: r, Producer: producer[r]})
			if warn && producer[r] == nil && !b.knownBeforeRun(r) {
				if later := laterProducer(ops, op, r); later != nil {
					b.diags.Warn(CodeReadBeforeProduced, op.Pos, op.Where,
						"variable %s is read before request %s produces it", quoteName(r), quoteName(later.Where))
				}
			}
		}
		for _, p := range op.Produces {
			producer[p] = step
		}
		seq.Steps = append(seq.Steps, step)
	}
	return seq
}

// knownBeforeRun reports whether a variable has a value before any request
// runs: a collection or environment variable, or a dynamic variable.
func (b *builder) knownBeforeRun(name string) bool {
	_, ok := b.variables[name]
	return ok || IsDynamic(name)
}

func laterProducer(ops []*Operation, after *Operation, name string) *Operation {
	for _, op := range ops[slices.Index(ops, after)+1:] {
		if slices.Contains(op.Produces, name) {
			return op
		}
	}
	return nil
}
