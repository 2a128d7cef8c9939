package model

import (
	"github.com/pmgen/pmgen/diag"
	"github.com/pmgen/pmgen/model/internal/parallel"
	"github.com/pmgen/pmgen/model/script"
	"github.com/pmgen/pmgen/parser"
)

// translateScripts translates every script of the collection once and
// gives each operation the scripts that run around it in Postman's order:
// collection, then folders from the outermost, then the request's own.
// The scripts are translated concurrently and recorded in source order.
func (b *builder) translateScripts() {
	c := b.in.Collection
	var inputs []scriptInput
	inputs = appendScriptInputs(inputs, c.Events, "collection "+quoteName(c.Info.Name))
	inputs = appendItemScriptInputs(inputs, c.Items, nil)

	scripts := make([]*script.Script, len(inputs))
	diags := make([]diag.List, len(inputs))
	parallel.For(len(inputs), func(i int) {
		scripts[i], diags[i] = script.Translate(inputs[i].Input)
	})
	for i, s := range scripts {
		b.diags.Append(diags[i])
		b.api.ScriptReport.Add(s)
		for _, set := range s.Sets {
			b.scriptSets[set.Name] = true
		}
		b.scripts[inputs[i].event] = s
	}
	b.attachScripts()
}

// attachScripts gives each operation the translated scripts that run
// around it.
func (b *builder) attachScripts() {
	c := b.in.Collection
	for _, src := range b.ops {
		var events []*parser.Event
		events = append(events, c.Events...)
		for _, parent := range src.parents {
			events = append(events, parent.Events...)
		}
		events = append(events, src.item.Events...)
		for _, ev := range events {
			s := b.scripts[ev]
			if s == nil {
				continue
			}
			switch s.Listen {
			case script.PreRequest:
				src.op.PreRequest = append(src.op.PreRequest, s)
			case script.Test:
				src.op.Test = append(src.op.Test, s)
			}
		}
	}
}

// scriptInput is a script to translate and the event it comes from.
type scriptInput struct {
	script.Input
	event *parser.Event
}

// appendItemScriptInputs appends the scripts of items and of the items
// inside them, in source order.
func appendItemScriptInputs(inputs []scriptInput, items []*parser.Item, path []string) []scriptInput {
	for _, it := range items {
		inner := append(path[:len(path):len(path)], it.Name)
		inputs = appendScriptInputs(inputs, it.Events, joinWhere(inner))
		inputs = appendItemScriptInputs(inputs, it.Items, inner)
	}
	return inputs
}

// appendScriptInputs appends the enabled prerequest and test scripts of
// events.
func appendScriptInputs(inputs []scriptInput, events []*parser.Event, where string) []scriptInput {
	for _, ev := range events {
		if ev.Disabled || len(ev.Exec) == 0 {
			continue
		}
		if ev.Listen != string(script.PreRequest) && ev.Listen != string(script.Test) {
			continue
		}
		inputs = append(inputs, scriptInput{
			Input: script.Input{
				Listen: script.Event(ev.Listen),
				Source: ev.Script(),
				Where:  where,
				Pos:    firstLinePos(ev.ExecPos),
			},
			event: ev,
		})
	}
	return inputs
}

// firstLinePos returns the position of a script's first line. The parser
// records the position of the "exec" value, to which the line number of a
// script line is added, so the first line is one line further.
func firstLinePos(exec diag.Position) diag.Position {
	if exec.Line > 0 {
		exec.Line++
		exec.Col = 1
	}
	return exec
}
