package parser

import (
	"strconv"

	"github.com/pmgen/pmgen/internal/jsontree"
)

// responses decodes the saved examples of a request.
func (d *decoder) responses(n node) []*Response {
	var out []*Response
	for _, e := range d.list(n) {
		if r := d.response(e); r != nil {
			out = append(out, r)
		}
	}
	return out
}

func (d *decoder) response(n node) *Response {
	if !d.object(n) {
		return nil
	}
	r := &Response{
		Name:            d.text(n.field("name")),
		Status:          d.text(n.field("status")),
		Code:            d.statusCode(n.field("code")),
		Headers:         d.headers(n.field("header")),
		PreviewLanguage: d.text(n.field("_postman_previewlanguage")),
	}
	d.place(&r.Pos, n)
	r.Body, r.HasBody = d.optText(n.field("body"))
	if orig := n.field("originalRequest"); !orig.isNull() {
		r.OriginalRequest = d.request(orig)
	}
	return r
}

// statusCode decodes the HTTP status code of a saved example, a number or
// a string of digits. It is 0 when missing or invalid.
func (d *decoder) statusCode(n node) int {
	if !n.is(jsontree.Number) && !n.is(jsontree.String) {
		if !n.isNull() {
			d.wrongType(n, "a number")
		}
		return 0
	}
	code, err := strconv.Atoi(n.v.Str)
	if err != nil || code < 0 {
		d.warn(CodeInvalidStatusCode, n, "status code %q is not a non-negative integer; ignoring it", n.v.Str)
		return 0
	}
	return code
}
