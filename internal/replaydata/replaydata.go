// Package replaydata converts a model's operations and saved examples into
// the values the replay server serves. The generator writes these values
// into every generated test package, and pmgen mock serves them, so both
// respond to a request with the same example.
package replaydata

import (
	"strings"

	"github.com/pmgen/pmgen/model"
	"github.com/pmgen/pmgen/templates/replay"
)

// Operations returns one replay operation for each operation of api, in
// the model's order.
func Operations(api *model.API) []replay.ReplayOperation {
	ops := make([]replay.ReplayOperation, 0, len(api.Operations))
	for _, op := range api.Operations {
		ops = append(ops, operation(op))
	}
	return ops
}

// operation converts one operation. Its query, headers and body are the
// request templates that tell apart operations with the same method and
// path; headers without a name are dropped.
func operation(op *model.Operation) replay.ReplayOperation {
	out := replay.ReplayOperation{
		Name:   op.GoName,
		Method: string(op.Method),
		Path:   op.URL.PathTemplate(),
	}
	for _, q := range op.URL.Query {
		out.Query = append(out.Query, replay.ReplayHeader{Name: q.Key, Value: q.Value})
	}
	for _, h := range op.Headers {
		if h.Name != "" {
			out.Headers = append(out.Headers, replay.ReplayHeader{Name: h.Name, Value: h.Value})
		}
	}
	switch {
	case op.Body == nil:
	case op.Body.Kind == model.BodyJSON:
		out.Body = op.Body.JSONTemplate
	case op.Body.Kind == model.BodyText:
		out.Body = op.Body.Template
	}
	for _, ex := range op.Examples {
		out.Examples = append(out.Examples, example(ex))
	}
	return out
}

// example converts one saved example. An example without a Content-Type
// header gets the content type the model derived for it, so that a client
// decodes its body as the collection's author saw it.
func example(ex *model.Example) replay.ReplayExample {
	out := replay.ReplayExample{Name: ex.Name, Status: ex.Status, Body: ex.ReplayBody}
	hasContentType := false
	for _, h := range ex.Headers {
		hasContentType = hasContentType || strings.EqualFold(h.Name, "Content-Type")
		out.Headers = append(out.Headers, replay.ReplayHeader{Name: h.Name, Value: h.Value})
	}
	if !hasContentType && ex.ContentType != "" {
		out.Headers = append(out.Headers, replay.ReplayHeader{Name: "Content-Type", Value: ex.ContentType})
	}
	if r := ex.Request; r != nil {
		req := &replay.ReplayExampleRequest{Path: r.Path, Body: r.Body}
		for _, q := range r.Query {
			req.Query = append(req.Query, replay.ReplayHeader{Name: q.Key, Value: q.Value})
		}
		out.Request = req
	}
	return out
}
