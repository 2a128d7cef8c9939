package model

import (
	"strings"

	"github.com/pmgen/pmgen/model/infer"
	"github.com/pmgen/pmgen/model/types"
)

// inferTypes infers the Go types of every body from its samples, in one
// registry so that identical structs are shared and names are unique.
func (b *builder) inferTypes() {
	opts := b.inferOptions()
	opts.Reserved = b.reserved
	opts.Placeholder = b.placeholderValue
	reg := infer.NewRegistry(opts)

	// The type that InferAll returns for bodies[i] goes to *dests[i].
	var bodies []infer.Body
	var dests []**types.Type
	addBody := func(root string, samples []sample, dest **types.Type) {
		bodies = append(bodies, infer.Body{Root: root, Samples: inferSamples(samples)})
		dests = append(dests, dest)
	}
	for _, src := range b.ops {
		op := src.op
		if op.Body != nil && (op.Body.Kind == BodyJSON || op.Body.Kind == BodyGraphQL) && len(src.samples.request) > 0 {
			addBody(op.GoName+"Request", src.samples.request, &op.Body.Type)
		}
		op.Response = responsePayload(op, src.samples.response, isSuccess)
		if op.Response != nil && op.Response.Kind == PayloadJSON {
			addBody(op.GoName+"Response", src.samples.response, &op.Response.Type)
		}
		op.ErrorBody = responsePayload(op, src.samples.errors, isError)
		if op.ErrorBody != nil && op.ErrorBody.Kind == PayloadJSON {
			addBody(op.GoName+"Error", src.samples.errors, &op.ErrorBody.Type)
		}
	}
	for i, t := range reg.InferAll(bodies) {
		*dests[i] = t
	}

	b.api.Types = reg.Types()
	b.diags.Append(reg.Diagnostics())
	b.reportUnusedTypes(reg)
}

func isSuccess(status int) bool { return status >= 200 && status < 300 }
func isError(status int) bool   { return status >= 400 }

// responsePayload returns the payload of the response bodies whose status
// matches: JSON when some example has a JSON body, text or bytes when the
// examples have bodies of another type, nil when they have none. The type
// of a JSON payload is left for inference.
func responsePayload(op *Operation, samples []sample, match func(int) bool) *Payload {
	if len(samples) > 0 {
		return &Payload{Kind: PayloadJSON, ContentType: "application/json"}
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
