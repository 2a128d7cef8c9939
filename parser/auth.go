package parser

import "github.com/pmgen/pmgen/internal/jsontree"

// auth decodes an auth object, or null for none. The parameters of the
// auth type are read in v2.1 array style
// ("basic": [{"key": "username", "value": "x"}]) or in v2.0 map style
// ("basic": {"username": "x"}). Values of any JSON type are kept as text.
func (d *decoder) auth(n node) *Auth {
	if !d.object(n) {
		return nil
	}
	a := &Auth{}
	d.place(&a.Pos, n)
	typ, ok := d.optText(n.field("type"))
	if !ok {
		d.warn(CodeAuthWithoutType, n, "the auth object has no type, want noauth, basic, bearer, apikey or another Postman auth type")
		return a
	}
	a.Type = typ

	params := n.field(typ)
	switch {
	case params.is(jsontree.Array):
		a.Params = d.authList(params)
	case params.is(jsontree.Object):
		a.Params = d.authMap(params)
	case !params.isNull():
		d.wrongType(params, "an array or an object")
	}
	return a
}

// authList decodes v2.1 parameters: [{key, value, type}, ...].
func (d *decoder) authList(n node) []AuthParam {
	out := make([]AuthParam, 0, len(n.v.Items))
	for _, e := range d.list(n) {
		if !d.object(e) {
			continue
		}
		value, _ := d.scalarText(e.field("value"))
		out = append(out, AuthParam{
			Key:   d.text(e.field("key")),
			Value: value,
			Type:  d.text(e.field("type")),
		})
	}
	return out
}

// authMap decodes v2.0 parameters: {key: value, ...}, in source order.
func (d *decoder) authMap(n node) []AuthParam {
	out := make([]AuthParam, 0, len(n.v.Members))
	for i := range n.v.Members {
		key, value := n.member(i)
		text, _ := d.scalarText(value)
		out = append(out, AuthParam{Key: key, Value: text})
	}
	return out
}
