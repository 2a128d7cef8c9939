package parser

import "github.com/pmgen/pmgen/internal/jsontree"

// body decodes a request body. An empty object, which Postman writes for
// requests without a body, gives nil like a missing body. Only the fields
// of the body's mode are decoded, because Postman sends only those.
func (d *decoder) body(n node) *Body {
	if !d.object(n) || len(n.v.Members) == 0 {
		return nil
	}
	b := &Body{}
	d.place(&b.Pos, n)
	b.Disabled = d.boolean(n.field("disabled"))

	mode, ok := d.optText(n.field("mode"))
	b.Mode = BodyMode(mode)
	switch b.Mode {
	case BodyRaw:
		b.Raw = d.text(n.field("raw"))
		b.Language = d.rawLanguage(n.field("options"))
	case BodyURLEncoded:
		b.Form = d.form(n.field("urlencoded"))
	case BodyFormData:
		b.Form = d.form(n.field("formdata"))
	case BodyFile:
		b.FileSrc = d.fileSrc(n.field("file"))
	case BodyGraphQL:
		b.GraphQLQuery, b.GraphQLVariables = d.graphQL(n.field("graphql"))
	default:
		d.unknownMode(n, ok)
	}
	return b
}

func (d *decoder) unknownMode(n node, hasMode bool) {
	if !hasMode {
		d.warn(CodeBodyWithoutMode, n, "the body has no mode, want raw, urlencoded, formdata, file or graphql; reading the body as empty")
		return
	}
	m := n.field("mode")
	d.warn(CodeUnknownBodyMode, m, "unknown body mode %q, want raw, urlencoded, formdata, file or graphql; reading the body as empty", m.v.Str)
}

// rawLanguage returns options.raw.language.
func (d *decoder) rawLanguage(options node) string {
	if !d.object(options) {
		return ""
	}
	raw := options.field("raw")
	if !d.object(raw) {
		return ""
	}
	return d.text(raw.field("language"))
}

// form decodes the fields of a urlencoded or formdata body.
func (d *decoder) form(n node) []*FormParam {
	var out []*FormParam
	for _, e := range d.list(n) {
		if !d.object(e) {
			continue
		}
		out = append(out, &FormParam{
			Key:         d.text(e.field("key")),
			Value:       d.text(e.field("value")),
			Type:        d.text(e.field("type")),
			Src:         d.formSrc(e.field("src")),
			ContentType: d.text(e.field("contentType")),
			Disabled:    d.boolean(e.field("disabled")),
			Description: d.description(e.field("description")),
		})
	}
	return out
}

// formSrc decodes the src of a file field: one path, a list of paths, or
// null.
func (d *decoder) formSrc(n node) []string {
	if n.is(jsontree.String) {
		return []string{n.v.Str}
	}
	return d.stringList(n)
}

// fileSrc decodes file.src of a file body.
//
// NOTE: file.content (inline content some exports carry) is not decoded,
// because Body has no field for it.
func (d *decoder) fileSrc(n node) string {
	if !d.object(n) {
		return ""
	}
	return d.text(n.field("src"))
}

// graphQL decodes the query and the variables of a graphql body. The
// variables are kept as JSON text, whether written as a string holding
// JSON or as a JSON object.
func (d *decoder) graphQL(n node) (query, variables string) {
	if !d.object(n) {
		return "", ""
	}
	query = d.text(n.field("query"))
	vars := n.field("variables")
	switch {
	case vars.is(jsontree.Object) || vars.is(jsontree.Array):
		variables = string(d.data[vars.v.Offset:vars.v.End])
	default:
		variables = d.text(vars)
	}
	return query, variables
}
