package model

import (
	"github.com/pmgen/pmgen/diag"
	"github.com/pmgen/pmgen/model/script"
	"github.com/pmgen/pmgen/parser"
)

// translateScripts translates every script of the collection once, in
// source order, and gives each operation the scripts that run around it
// in Postman's order: collection, then folders from the outermost, then
// the request's own.
func (b *builder) translateScripts() {
	c := b.in.Collection
	b.translateEvents(c.Events, "collection "+quoteName(c.Info.Name))
	b.translateItemEvents(c.Items, nil)

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

func (b *builder) translateItemEvents(items []*parser.Item, path []string) {
	for _, it := range items {
		inner := append(path[:len(path):len(path)], it.Name)
		b.translateEvents(it.Events, joinWhere(inner))
		b.translateItemEvents(it.Items, inner)
	}
}

func (b *builder) translateEvents(events []*parser.Event, where string) {
	for _, ev := range events {
		if ev.Disabled || len(ev.Exec) == 0 {
			continue
		}
		if ev.Listen != string(script.PreRequest) && ev.Listen != string(script.Test) {
			continue
		}
		s, diags := script.Translate(script.Input{
			Listen: script.Event(ev.Listen),
			Source: ev.Script(),
			Where:  where,
			Pos:    firstLinePos(ev.ExecPos),
		})
		b.diags.Append(diags)
		b.api.ScriptReport.Add(s)
		for _, set := range s.Sets {
			b.scriptSets[set.Name] = true
		}
		b.scripts[ev] = s
	}
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
