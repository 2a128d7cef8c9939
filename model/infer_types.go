package model

import (
	"strings"

	"github.com/pmgen/pmgen/model/infer"
)

// inferTypes infers the Go types of every body from its samples, in one
// registry so that identical structs are shared and names are unique.
func (b *builder) inferTypes() {
	opts := b.inferOptions()
	opts.Reserved = b.reserved
	opts.Placeholder = b.placeholderValue
	reg := infer.NewRegistry(opts)
	for _, src := range b.ops {
		op := src.op
		if op.Body != nil && (op.Body.Kind == BodyJSON || op.Body.Kind == BodyGraphQL) && len(src.samples.request) > 0 {
			op.Body.Type = reg.Infer(op.GoName+"Request", inferSamples(src.samples.request))
		}
		op.Response = responsePayload(reg, op, op.GoName+"Response", src.samples.response, isSuccess)
		op.ErrorBody = responsePayload(reg, op, op.GoName+"Error", src.samples.errors, isError)
	}
	b.api.Types = reg.Types()
	b.diags.Append(reg.Diagnostics())
	b.reportUnusedTypes(reg)
}

func isSuccess(status int) bool { return status >= 200 && status < 300 }
func isError(status int) bool   { return status >= 400 }

// responsePayload returns the type of the response bodies whose status
// matches: JSON when some example has a JSON body, text or bytes when the
// examples have bodies of another type, nil when they have none.
func responsePayload(reg *infer.Registry, op *Operation, root string, samples []sample, match func(int) bool) *Payload {
	if len(samples) > 0 {
		return &Payload{Kind: PayloadJSON, Type: reg.Infer(root, inferSamples(samples)), ContentType: "application/json"}
	}
	for _, ex := range op.Examples {
		if !match(ex.Status) || ex.Body == "" || strings.Contains(ex.ContentType, "json") {
			continue
		}
		if textual(ex.ContentType) {
			return &Payload{Kind: PayloadText, ContentType: ex.ContentType}
		}
		return &Payload{Kind: PayloadBytes, ContentType: ex.ContentType}
	}
	return nil
}

// textual reports whether a content type is text a Go string holds well.
func textual(contentType string) bool {
	ct := strings.ToLower(contentType)
	return strings.HasPrefix(ct, "text/") || strings.Contains(ct, "xml") || strings.Contains(ct, "javascript") || strings.Contains(ct, "html")
}

func inferSamples(samples []sample) []infer.Sample {
	out := make([]infer.Sample, len(samples))
	for i, s := range samples {
		out[i] = infer.Sample{Data: []byte(s.text), Name: s.name, Pos: s.pos, Where: s.where}
	}
	return out
}

// placeholderValue returns the value an unquoted {{name}} placeholder in a
// body would be replaced with: the variable's default, when it has one.
func (b *builder) placeholderValue(name string) (string, bool) {
	v, ok := b.variables[name]
	if !ok || v.Secret || v.Default == "" {
		return "", false
	}
	return v.Default, true
}
