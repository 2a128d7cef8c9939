// Package model is pmgen's intermediate model of a collection: the
// operations a client sends, where every value in them comes from, the
// types of their bodies and the sequences in which they run. Build creates
// it from the parser's output; the generator, diff and mock read it and
// never look at the collection JSON.
package model

import (
	"github.com/pmgen/pmgen/diag"
	"github.com/pmgen/pmgen/model/script"
	"github.com/pmgen/pmgen/model/types"
)

// API is the model of one collection.
type API struct {
	Name        string
	Version     string // empty when the collection states none
	Description string
	// SourceSHA256 is the hex SHA-256 of the collection file's bytes.
	SourceSHA256 string
	// Package is the Go package name of the generated client.
	Package string

	Hosts      []*Host
	Variables  []*Variable
	Folders    []*Folder    // top-level folders in collection order
	Operations []*Operation // every request, in collection order
	Sequences  []*Sequence
	// Types are the named struct types of every body, in the order of
	// their first use, each emitted once.
	Types []*types.Type
	// Schemes are the distinct credentials the operations use.
	Schemes []*AuthScheme
	// ScriptReport counts the script statements of the collection and
	// lists those that were not translated.
	ScriptReport script.Report
}

// Folder is a folder (item group) of the collection.
type Folder struct {
	Name        string
	Description string
	// GoName is the folder's Go name, used for its file and as the first
	// rung of the collision ladder of request names.
	GoName     string
	Parent     *Folder
	Folders    []*Folder
	Operations []*Operation
	Pos        diag.Position
}

// Path returns the names of the folder and its ancestors, outermost first.
func (f *Folder) Path() []string {
	if f == nil {
		return nil
	}
	return append(f.Parent.Path(), f.Name)
}

// Method is an HTTP method as sent: upper case for the standard methods,
// as written for custom ones.
type Method string

// Operation is one request of the collection, which becomes one client
// method.
type Operation struct {
	Name        string // as written in the collection
	GoName      string // the client method name
	Description string
	Folder      *Folder // nil for a request at the top level
	// Where is the folder path and name, "Смена / Открыть смену", used in
	// diagnostics and doc comments.
	Where string
	Pos   diag.Position

	Method Method
	URL    URL
	// Headers in source order; disabled headers are dropped by Build.
	Headers []Header
	// Auth is the effective auth after collection → folder → request
	// inheritance; nil when the request sends none.
	Auth *Auth
	Body *Body
	// KeepBody is set when protocolProfileBehavior.disableBodyPruning
	// keeps the body of a GET, HEAD, COPY, PURGE or UNLOCK request.
	KeepBody bool
	// IdempotencyHeader is the name of the request's idempotency-key
	// header, "" when it has none; with it, retries may repeat a POST.
	IdempotencyHeader string

	// Params are the method's parameters after ctx and before the body,
	// in order of first appearance: path variables, then variables that
	// nothing in the collection defines.
	Params []*Param

	// Response is the type of the 2xx response body; nil when the
	// examples show none.
	Response *Payload
	// ErrorBody is the type of 4xx and 5xx response bodies; nil when the
	// examples show none.
	ErrorBody *Payload
	Examples  []*Example

	// Scripts in Postman's order: collection, folders outermost first,
	// then the request.
	PreRequest []*script.Script
	Test       []*script.Script

	// Reads lists the variables the request reads, Produces the variables
	// its scripts set, both sorted.
	Reads    []string
	Produces []string

	index int // position in API.Operations
}

// URL is a request URL split the way the client builds it: a host
// template, path segments and query parameters, each a template that may
// contain {{variable}} references.
type URL struct {
	Host  *Host
	Path  []PathSegment
	Query []QueryParam
	Hash  string
	// Raw is the URL as written in the collection, for doc comments.
	Raw string
}

// PathSegment is one segment between slashes. A segment ":name" is a path
// variable whose value comes from the parameter or variable Param.
type PathSegment struct {
	Template string
	Param    *Param // set for :name segments
}

// QueryParam is one query parameter. NoValue marks a key written without
// "=", which is sent as "?key".
type QueryParam struct {
	Key     string
	Value   string
	NoValue bool
}

// Header is one request header; Value is a template.
type Header struct {
	Name  string
	Value string
}

// Host is a distinct host template, "{{baseUrl}}" or "https://api.example.com":
// everything of a URL before its path. Each gets a base URL option.
type Host struct {
	Template string
	GoName   string // option name suffix: WithBaseURL<GoName>
	// Default is the template's value as the collection defines it, empty
	// when the template is a variable that nothing defines.
	Default string
}

// ParamSource tells where the value of a method parameter comes from.
type ParamSource uint8

const (
	// FromPathVariable: a :name segment of the path.
	FromPathVariable ParamSource = iota
	// FromUndefined: a {{variable}} that no collection variable,
	// environment or script defines.
	FromUndefined
)

// Param is a method parameter.
type Param struct {
	Name   string // the variable or path variable name as written
	GoName string // lower camel case Go parameter name
	Source ParamSource
	// Default is the path variable's value from the collection, used by
	// the generated tests; empty for undefined variables.
	Default string
	Doc     string
}

// VariableScope is a Postman variable scope, narrowest first.
type VariableScope uint8

const (
	ScopeLocal VariableScope = iota
	ScopeData
	ScopeEnvironment
	ScopeCollection
	ScopeGlobal
)

// Variable is a variable the client knows before any request runs: a
// collection variable or an environment value. Each becomes a client
// option named With<GoName>.
type Variable struct {
	Name   string
	GoName string
	Scope  VariableScope
	// Default is the collection's value; always empty for a Secret.
	Default string
	// Secret variables never reach generated code: their option is
	// required and has no default.
	Secret bool
	// SetByScript is set when some script of the collection assigns the
	// variable.
	SetByScript bool
	Doc         string
}

// AuthKind is the type of an auth object.
type AuthKind string

const (
	AuthNone   AuthKind = "noauth"
	AuthBasic  AuthKind = "basic"
	AuthBearer AuthKind = "bearer"
	AuthAPIKey AuthKind = "apikey"
	AuthDigest AuthKind = "digest"
	AuthOAuth2 AuthKind = "oauth2"
)

// Auth is the effective auth of an operation.
type Auth struct {
	Kind   AuthKind
	Scheme *AuthScheme
}

// AuthScheme is one set of credentials. Its parameter values are templates
// over variables; literal credentials in the collection become secret
// variables so that they never reach generated code.
type AuthScheme struct {
	Kind   AuthKind
	GoName string
	// Params maps Postman's auth parameter keys (username, password,
	// token, key, value, in, ...) to templates.
	Params map[string]string
}

// BodyKind is the encoding of a request body.
type BodyKind uint8

const (
	BodyNone BodyKind = iota
	BodyJSON
	BodyText // raw text, XML, HTML or JavaScript, sent as written
	BodyURLEncoded
	BodyMultipart
	BodyFile
	BodyGraphQL
)

// Body is a request body.
type Body struct {
	Kind BodyKind
	// ContentType is the Content-Type Postman adds for this body when the
	// request sets none.
	ContentType string
	// Template is the raw body text with its {{variable}} references.
	Template string
	// JSONTemplate is a JSON Template, or the variables of a GraphQL body,
	// rewritten as strict JSON: comments and trailing commas dropped,
	// unquoted placeholders kept. It becomes valid JSON once the
	// placeholders are substituted; empty for other bodies.
	JSONTemplate string
	// Type is the Go type of a JSON body, or of GraphQL variables; nil
	// when the body is sent as text.
	Type *types.Type
	// Form holds the fields of URLEncoded and Multipart bodies, and
	// FormGoName names the struct the method takes them in.
	Form       []FormField
	FormGoName string
	// GraphQLQuery is the query text of a GraphQL body.
	GraphQLQuery string
	// Unquoted lists the variables that stand unquoted in a JSON body,
	// {"sum": {{amount}}}: their values are pasted in as JSON text.
	Unquoted []string
}

// FormField is a urlencoded or multipart field.
type FormField struct {
	Key         string
	GoName      string
	Value       string // template
	File        bool   // a multipart file part; the method takes an io.Reader
	Src         string // the file path of a file part, as the collection gives it
	ContentType string
	Doc         string
}

// PayloadKind is the encoding of a response body.
type PayloadKind uint8

const (
	PayloadJSON PayloadKind = iota
	PayloadText
	PayloadBytes
)

// Payload is the Go type of a response body.
type Payload struct {
	Kind        PayloadKind
	Type        *types.Type // PayloadJSON
	ContentType string
}

// Example is a saved response.
type Example struct {
	Name    string
	Status  int
	Headers []Header
	Body    string
	// ReplayBody is the body a replay server answers with: Body itself, or,
	// when Body is JSON that only parses leniently (comments, trailing
	// commas, unquoted placeholders), the same JSON in strict form with
	// placeholders as null.
	ReplayBody  string
	ContentType string
	// Request is the example's originalRequest, nil when it has none; the
	// replay server uses it to choose among examples.
	Request *ExampleRequest
	Pos     diag.Position
}

// ExampleRequest is the part of an example's originalRequest used to
// choose an answer.
type ExampleRequest struct {
	Method string
	Path   string
	Query  []QueryParam
	Body   string
}

// Sequence is an ordered list of operations that run one after another,
// passing variables along.
type Sequence struct {
	Name   string
	GoName string // the test function is Test<GoName>
	// Folder is the top-level folder of a folder's sequence, nil for the
	// whole collection.
	Folder *Folder
	Steps  []*Step
}

// Step is one operation in a sequence.
type Step struct {
	Operation *Operation
	// Reads are the variables the step reads, each with the step that
	// produced it (nil when it comes from the client's options).
	Reads []VariableFlow
}

// VariableFlow records where a variable read by a step comes from.
type VariableFlow struct {
	Name     string
	Producer *Step
}
