package parser

import (
	"strings"

	"github.com/pmgen/pmgen/internal/jsontree"
)

// events decodes an event list.
func (d *decoder) events(n node) []*Event {
	var out []*Event
	for _, e := range d.list(n) {
		if ev := d.event(e); ev != nil {
			out = append(out, ev)
		}
	}
	return out
}

// event decodes one event. Its script is an object whose exec is an array
// of lines or one string, or the script is given as a string itself.
func (d *decoder) event(n node) *Event {
	if !d.object(n) {
		return nil
	}
	ev := &Event{
		Listen:   d.text(n.field("listen")),
		Disabled: d.boolean(n.field("disabled")),
	}
	d.place(&ev.Pos, n)

	script := n.field("script")
	exec := script
	if script.is(jsontree.Object) {
		ev.Type = d.text(script.field("type"))
		exec = script.field("exec")
	}
	switch {
	case exec.is(jsontree.String):
		ev.Exec = strings.Split(exec.v.Str, "\n")
	case exec.is(jsontree.Array):
		ev.Exec = d.execLines(exec)
	case !exec.isNull():
		d.wrongType(exec, "an array of lines or a string")
	}
	if !exec.missing() {
		d.place(&ev.ExecPos, exec)
	}
	return ev
}

// execLines decodes an exec array. An element that is not a string becomes
// an empty line, with a warning, so that later lines keep their numbers.
func (d *decoder) execLines(n node) []string {
	elems := d.list(n)
	lines := make([]string, len(elems))
	for i, e := range elems {
		lines[i] = d.text(e)
	}
	return lines
}
