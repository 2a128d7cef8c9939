package infer

import (
	"github.com/pmgen/pmgen/diag"
	"github.com/pmgen/pmgen/model/naming"
)

// CodeNameConflict marks a pinned field name that cannot be used, because
// another field of the same struct takes it or it is no Go identifier.
// The model reports pinned request names that cannot be used under the
// same code.
const CodeNameConflict diag.Code = "name-conflict"

// CodeInvalidFieldName marks a field name pin with an invalid path; it is
// ignored.
const CodeInvalidFieldName diag.Code = "invalid-field-name"

// FieldName pins the Go name of the fields at the places that the pattern
// Path matches, such as "ProdazhaRequest.positions[].vatRate" or
// "**.vatRate". Paths in the package comment describes the syntax. When
// several pins match a field, the first one wins.
type FieldName struct {
	Path string
	Name string
	// Pos is the position of the pin in the config file, for diagnostics.
	Pos diag.Position
}

type compiledFieldName struct {
	FieldName
	pattern pattern
	used    bool
}

// compileFieldNames parses the paths of Options.FieldNames. A pin with an
// invalid path is reported and ignored.
func (r *Registry) compileFieldNames() {
	for _, fn := range r.opts.FieldNames {
		pat, err := parsePattern(fn.Path)
		if err != nil {
			r.diags.Error(CodeInvalidFieldName, fn.Pos, "", "field name: %v", err)
			continue
		}
		r.fieldNames = append(r.fieldNames, compiledFieldName{FieldName: fn, pattern: pat})
	}
}

// resolveFieldNames returns the Go names of the fields of the struct at p,
// given their candidates: pinned names first, then the collision ladder
// of naming.Resolve. A pin that cannot be used is reported.
func (c *converter) resolveFieldNames(p path, s *shape, cands []naming.Candidate) []string {
	var pins []*compiledFieldName
	if len(c.r.fieldNames) > 0 {
		pins = make([]*compiledFieldName, len(cands))
		for i, f := range s.fields {
			if pin := c.fieldPin(p.key(f.key)); pin != nil {
				cands[i].Pinned, pins[i] = pin.Name, pin
			}
		}
	}
	names, conflicts := naming.Resolve(cands, nil)
	for _, conflict := range conflicts {
		pin := pins[conflict.Index]
		fp := p.key(s.fields[conflict.Index].key)
		reason := conflict.Reason
		if j, taken := takenBy(pins, conflict.Index, conflict.Name); taken {
			reason = "is already pinned for " + p.key(s.fields[j].key).String()
		}
		c.diags.Warn(CodeNameConflict, pin.Pos, "", "pinned name %q for %s %s, so the field is named %s",
			conflict.Name, fp.String(), reason, names[conflict.Index])
	}
	c.reportDisplacedFields(p, s, cands, pins, names)
	return names
}

// reportDisplacedFields warns about each field that did not get its own
// name because a pin gives that name to another field of the struct.
func (c *converter) reportDisplacedFields(p path, s *shape, cands []naming.Candidate, pins []*compiledFieldName, names []string) {
	for _, d := range naming.Displaced(cands, names) {
		c.diags.Warn(CodeNameConflict, pins[d.By].Pos, "", "pinned name %q for %s is the name %s would have had, so that field is named %s; pin a name for it too to keep it stable",
			pins[d.By].Name, p.key(s.fields[d.By].key).String(), p.key(s.fields[d.Index].key).String(), names[d.Index])
	}
}

// fieldPin returns the first pin whose pattern matches the field at p.
func (c *converter) fieldPin(p path) *compiledFieldName {
	for i := range c.r.fieldNames {
		pin := &c.r.fieldNames[i]
		if pin.pattern.match(p) {
			if c.usedFieldNames == nil {
				c.usedFieldNames = make([]bool, len(c.r.fieldNames))
			}
			c.usedFieldNames[i] = true
			return pin
		}
	}
	return nil
}

// takenBy returns the index of the earlier candidate pinned to name.
func takenBy(pins []*compiledFieldName, index int, name string) (int, bool) {
	for j, pin := range pins[:index] {
		if pin != nil && pin.Name == name {
			return j, true
		}
	}
	return 0, false
}

// UnusedFieldNames returns the paths of the field name pins that matched
// no field in any body inferred so far, in the order of
// Options.FieldNames.
func (r *Registry) UnusedFieldNames() []string {
	var out []string
	for _, pin := range r.fieldNames {
		if !pin.used {
			out = append(out, pin.Path)
		}
	}
	return out
}
