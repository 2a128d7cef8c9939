package clientrt

import (
	"io"
	"sync"
)

// apiSpec describes the collection a generated package was made from. The
// generated package fills one package-level apiSpec and passes it to
// newClient.
type apiSpec struct {
	// hosts are indexed by operation.host.
	hosts []hostSpec
	// vars are the collection and environment variables known before any
	// request runs.
	vars []varSpec
	// schemes are indexed by operation.auth.
	schemes []authScheme
}

// hostSpec is everything of a request URL before its path: a template such
// as "{{baseUrl}}" or a literal such as "https://api.example.com".
type hostSpec struct {
	template string
	// option is the name of the generated option that overrides the host,
	// "WithBaseURL", quoted in error messages.
	option string
}

// varSpec is a variable the client knows before any request runs.
type varSpec struct {
	name  string
	scope Scope // ScopeCollection or ScopeEnvironment
	// value is the default value; it is empty and unused when secret is set.
	value string
	// secret marks a required value: a call that reads the variable fails
	// with an error naming option until the option or Session.Set gives it.
	secret bool
	// option is the name of the generated option that sets the variable,
	// "WithLogin".
	option string
}

// authScheme is one set of credentials. Its kind is "basic", "bearer",
// "apikey", "digest", "oauth2" or "signer"; any other kind is handled by
// the caller's Signer.
//
// The params keys are Postman's auth parameter keys and the values are
// templates over variables:
//   - basic and digest: username, password
//   - bearer: token
//   - apikey: key, value, in ("header" or "query"; header when empty)
//   - oauth2: accessToken, addTokenTo ("header" or "queryParams"; header
//     when empty), headerPrefix ("Bearer" when empty)
type authScheme struct {
	kind   string
	params map[string]string
}

// operation describes one request of the collection. The generated
// package keeps each operation in a package-level variable, so the
// templates are split once, on first use, and reused by every call.
type operation struct {
	// name is the Go method name, used in errors and logs.
	name   string
	method string
	// host indexes apiSpec.hosts.
	host int
	// path holds segment templates without slashes: "shift", "{{shiftId}}",
	// or ":receiptId" for a path variable whose value comes from the call's
	// params.
	path []string
	// query is in request order.
	query []queryParam
	// hash is the URL fragment; it is never sent.
	hash string
	// headers are in request order; repeated names keep their order.
	headers []header
	// auth indexes apiSpec.schemes; -1 when the request sends no auth.
	auth int
	body bodySpec
	// keepBody is Postman's disableBodyPruning: the body of a GET, HEAD,
	// COPY, PURGE or UNLOCK request is sent instead of dropped.
	keepBody bool
	// idempotencyHeader is the name of the request's idempotency-key
	// header, "" when it has none. With it, a retry policy also retries
	// POST and PATCH.
	idempotencyHeader string
	// preScript and postScript are the Go translations of the prerequest
	// and test scripts that run around the request: they set and unset
	// variables. Checks of test scripts run only in the generated tests.
	preScript  func(*scriptEnv)
	postScript func(*scriptEnv)
	// newErrorBody returns a pointer to a new value that 4xx and 5xx JSON
	// bodies are decoded into; nil when the error body has no type.
	newErrorBody func() any

	prepareOnce sync.Once
	prepared    *preparedOperation
}

// queryParam is one query parameter; key and value are templates. A
// parameter with noValue is sent as "?key", without "=".
type queryParam struct {
	key     string
	value   string
	noValue bool
}

// header is one request header; value is a template.
type header struct {
	name  string
	value string
}

// bodyKind is the encoding of a request body.
type bodyKind uint8

const (
	bodyNone bodyKind = iota
	bodyJSON
	bodyText
	bodyURLEncoded
	bodyMultipart
	bodyFile
	bodyGraphQL
)

// bodySpec describes a request body.
type bodySpec struct {
	kind bodyKind
	// contentType is the Content-Type Postman adds for the body when the
	// request has no Content-Type header; for multipart bodies the
	// boundary parameter is appended.
	contentType string
	// template is the raw body text with its {{variable}} references. It is
	// sent, expanded, when the call passes no body of its own: JSON bodies
	// are expanded with ExpandJSON and text bodies with Expand.
	template string
}

// callInput is the data of one call, built by a generated method.
type callInput struct {
	// params are the caller's arguments: path variables and the
	// {{variables}} nothing in the collection defines. They overlay the
	// session for this call only and are never stored.
	params []param
	// json is a value marshalled as the JSON body; nil for none.
	json any
	// text is a raw text body sent as is; it is used when json is nil and
	// text is not empty.
	text string
	// form holds urlencoded or multipart fields in order.
	form []formValue
	// file is a binary body.
	file io.Reader
	// graphQL is a GraphQL body.
	graphQL *graphQLBody
}

// param is one argument of a call: a path variable (":receiptId" is named
// "receiptId") or a variable.
type param struct {
	name  string
	value string
}

// formValue is one urlencoded or multipart field. A multipart file part
// has a non-nil file and its fileName; the value is then ignored. The value
// is data the caller passed, unless template is set: then it is a template
// written in the collection and is expanded before it is encoded.
type formValue struct {
	key         string
	value       string
	template    bool
	file        io.Reader
	fileName    string
	contentType string
}

// graphQLBody is a GraphQL request body.
type graphQLBody struct {
	query string
	// variables is marshalled as the "variables" member; nil sends none.
	variables any
}

// newValue returns a pointer to a new T. An operation's newErrorBody is
// newValue of its error body type.
func newValue[T any]() any { return new(T) }
