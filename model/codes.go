package model

import "github.com/pmgen/pmgen/diag"

// Diagnostic codes of the model. Each is stable: it appears in -report
// files and the config can skip a feature by its code.
const (
	// CodeNoRequests: the collection has no requests; the client is empty.
	CodeNoRequests diag.Code = "no-requests"
	// CodeMissingURL: a request's URL object has neither host nor path.
	CodeMissingURL diag.Code = "missing-url"
	// CodeUndefinedVariable: a {{variable}} that nothing defines; it
	// becomes a method parameter.
	CodeUndefinedVariable diag.Code = "undefined-variable"
	// CodeUndefinedBodyVariable: a {{variable}} in a body that nothing
	// defines; the generated tests fill it with a placeholder value.
	CodeUndefinedBodyVariable diag.Code = "undefined-body-variable"
	// CodeBodyPruned: a GET, HEAD, COPY, PURGE or UNLOCK request has a
	// body that Postman does not send.
	CodeBodyPruned diag.Code = "body-pruned"
	// CodeUnknownBodyMode: a body mode pmgen does not know.
	CodeUnknownBodyMode diag.Code = "unknown-body-mode"
	// CodeInvalidJSONSample: a JSON body or example that does not parse.
	CodeInvalidJSONSample diag.Code = "invalid-json-sample"
	// CodeReadBeforeProduced: a sequence step reads a variable that only
	// a later step produces.
	CodeReadBeforeProduced diag.Code = "read-before-produced"
	// CodeNameConflict: a Go name pinned in the config cannot be used.
	CodeNameConflict diag.Code = "name-conflict"
	// CodeInvalidMethod: a request's method is not an HTTP method token,
	// so no HTTP client can send it.
	CodeInvalidMethod diag.Code = "invalid-method"
)
