package model

import (
	"fmt"
	"slices"
	"strings"

	"github.com/pmgen/pmgen/parser"
)

// buildSequences creates the default sequences: the whole collection in
// order, as Postman's collection runner runs it, and one per top-level
// folder. A folder's sequence starts with the earlier requests that produce
// the variables its requests read, so that logging in comes before opening
// a shift. Then the config's sequences.skip drops default sequences and
// its sequences.define adds sequences.
func (b *builder) buildSequences() {
	all := b.api.Operations
	if len(all) > 0 {
		b.api.Sequences = append(b.api.Sequences, b.sequence(b.api.Name, all, b.warnReadBeforeProduced))
	}
	for _, f := range b.api.Folders {
		ops := folderOperations(f)
		if len(ops) == 0 {
			continue
		}
		steps := append(b.prerequisites(ops), ops...)
		seq := b.sequence(f.Name, steps, nil)
		seq.Folder = f
		b.api.Sequences = append(b.api.Sequences, seq)
	}
	if cfg := b.in.Config; cfg != nil {
		b.skipSequences(cfg.Sequences.Skip)
		for _, def := range cfg.Sequences.Define {
			b.defineSequence(def)
		}
	}
}

// warnReadBeforeProduced reports that ops[i] reads a variable that only
// the later operation produces.
func (b *builder) warnReadBeforeProduced(ops []*Operation, i int, variable string, later *Operation) {
	op := ops[i]
	b.diags.Warn(CodeReadBeforeProduced, op.Pos, op.Where,
		"variable %s is read before request %s produces it", quoteName(variable), quoteName(later.Where))
}

// skipSequences drops the default sequences that the config names.
func (b *builder) skipSequences(skip []parser.ConfigValue) {
	var names []string
	for _, s := range b.api.Sequences {
		names = append(names, quoteName(s.Name))
	}
	for _, e := range skip {
		n := len(b.api.Sequences)
		b.api.Sequences = slices.DeleteFunc(b.api.Sequences, func(s *Sequence) bool { return s.Name == e.Value })
		if len(b.api.Sequences) < n {
			continue
		}
		msg := fmt.Sprintf("sequences.skip: no sequence is named %q", e.Value)
		if len(names) > 0 {
			msg += "; the sequences are " + strings.Join(names, ", ")
		}
		b.diags.Warn(CodeUnusedConfigEntry, e.Pos, "", "%s", msg)
	}
}

// defineSequence adds a sequence of the config, or replaces the default
// sequence of the same name. A step that names no request is reported and
// left out; a sequence without steps is reported and not added.
func (b *builder) defineSequence(def parser.ConfigSequence) {
	var ops []*Operation
	var steps []parser.ConfigValue
	for _, e := range def.Steps {
		op := b.operationByPath(e.Value)
		if op == nil {
			b.diags.Warn(CodeUnusedConfigEntry, e.Pos, "", "sequence %q: %s; the step is left out", def.Name, b.noRequest(e.Value))
			continue
		}
		ops = append(ops, op)
		steps = append(steps, e)
	}
	if len(ops) == 0 {
		b.diags.Warn(CodeUnusedConfigEntry, def.Pos, "", "sequence %q has no steps, so it gets no test", def.Name)
		return
	}

	// A variable read before the step that produces it is reported at the
	// step in the config, because the config chose the order.
	warn := func(ops []*Operation, i int, variable string, later *Operation) {
		b.diags.Warn(CodeReadBeforeProduced, steps[i].Pos, ops[i].Where,
			"sequence %q: variable %s is read before request %s produces it", def.Name, quoteName(variable), quoteName(later.Where))
	}
	seq := b.sequence(def.Name, ops, warn)
	b.config.defined[seq] = true
	if i := slices.IndexFunc(b.api.Sequences, func(s *Sequence) bool { return s.Name == def.Name }); i >= 0 {
		b.api.Sequences[i] = seq
		return
	}
	b.api.Sequences = append(b.api.Sequences, seq)
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
			if !produced[r] && !setsBeforeRequest(op, r) {
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
			if !setsBeforeRequest(op, r) {
				need[r] = true
			}
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

// setsBeforeRequest reports whether a prerequest script of op sets the
// variable. Such a script runs before the request reads its variables,
// so the request needs no earlier step to produce that one.
func setsBeforeRequest(op *Operation, variable string) bool {
	for _, s := range op.PreRequest {
		for _, set := range s.Sets {
			if set.Name == variable {
				return true
			}
		}
	}
	return false
}

// readBeforeProduced reports that ops[i] reads a variable that only the
// later operation produces.
type readBeforeProduced func(ops []*Operation, i int, variable string, later *Operation)

// sequence builds the steps of a sequence and records, for each variable
// a step reads, the latest earlier step that produces it. With warn set,
// a variable that only a later step produces is passed to it.
func (b *builder) sequence(name string, ops []*Operation, warn readBeforeProduced) *Sequence {
	seq := &Sequence{Name: name}
	producer := map[string]*Step{}
	// Only a variable that some step produces can be produced later, so
	// the others, such as method parameters, skip the search for one.
	producedBySome := map[string]bool{}
	if warn != nil {
		for _, op := range ops {
			for _, p := range op.Produces {
				producedBySome[p] = true
			}
		}
	}
	for i, op := range ops {
		step := &Step{Operation: op}
		// A prerequest script runs before the request reads its variables.
		for _, s := range op.PreRequest {
			for _, set := range s.Sets {
				producer[set.Name] = step
			}
		}
		for _, r := range op.Reads {
			step.Reads = append(step.Reads, VariableFlow{Name: r, Producer: producer[r]})
			if warn != nil && producer[r] == nil && producedBySome[r] && !b.knownBeforeRun(r) {
				if later := laterProducer(ops, i, r); later != nil {
					warn(ops, i, r, later)
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

// laterProducer returns the first operation after ops[i] that produces
// the variable name, or nil.
func laterProducer(ops []*Operation, i int, name string) *Operation {
	for _, op := range ops[i+1:] {
		if slices.Contains(op.Produces, name) {
			return op
		}
	}
	return nil
}
