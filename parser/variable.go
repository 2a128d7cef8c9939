package parser

// variables decodes a variable list of a collection, folder or URL.
func (d *decoder) variables(n node) []*Variable {
	var out []*Variable
	for _, e := range d.list(n) {
		if v := d.variable(e); v != nil {
			out = append(out, v)
		}
	}
	return out
}

// variable decodes one variable. Format v2.0 allows "id" in place of
// "key", so the id is the key when the key is missing. An environment's
// "enabled": false marks the variable disabled like "disabled": true.
func (d *decoder) variable(n node) *Variable {
	if !d.object(n) {
		return nil
	}
	v := &Variable{
		Type:        d.text(n.field("type")),
		Description: d.description(n.field("description")),
	}
	d.place(&v.Pos, n)

	key, ok := d.optText(n.field("key"))
	if !ok {
		key = d.text(n.field("id"))
	}
	v.Key = key
	v.Value, v.Kind = d.scalarText(n.field("value"))
	v.Disabled = d.boolean(n.field("disabled"))
	if enabled, ok := d.optBoolean(n.field("enabled")); ok && !enabled {
		v.Disabled = true
	}
	return v
}
