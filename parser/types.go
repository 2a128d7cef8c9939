package parser

import "github.com/pmgen/pmgen/diag"

// The types below mirror the Postman collection format v2.0.0 and v2.1.0
// after every union shape of the schema has been normalised: a description
// is always text, a URL keeps its raw text and the parts that were written,
// headers are always a list, auth parameters are always an ordered list of
// strings. They say nothing about Go; the model package interprets them.

// Collection is a decoded Postman collection file.
type Collection struct {
	File string // the path the collection was read from, for diagnostics
	// SchemaVersion is "2.0.0" or "2.1.0", taken from info.schema. When the
	// file has no schema, it is "2.1.0" and a warning is reported.
	SchemaVersion string
	Info          Info
	Items         []*Item
	Events        []*Event
	Variables     []*Variable
	Auth          *Auth
	Behavior      Behavior
	Pos           diag.Position
}

// Info is the collection's "info" object.
type Info struct {
	Name        string
	PostmanID   string
	Description string
	// Version is the collection's own version: the string form as written,
	// or "major.minor.patch[-identifier]" built from the object form.
	Version string
}

// Item is an element of an "item" list: a folder (item group) when
// IsFolder is set, otherwise a request.
type Item struct {
	ID          string
	Name        string
	HasName     bool // false when the item has no "name" string
	Description string
	IsFolder    bool
	Items       []*Item // children of a folder
	Request     *Request
	Responses   []*Response
	Events      []*Event
	Auth        *Auth // folder-level auth; a request's auth is in Request.Auth
	Variables   []*Variable
	Behavior    Behavior
	Pos         diag.Position
}

// Behavior is the subset of protocolProfileBehavior that changes what is
// sent on the wire.
type Behavior struct {
	// DisableBodyPruning keeps the body of GET, HEAD, COPY, PURGE and
	// UNLOCK requests, which Postman drops otherwise. Nil when unset.
	DisableBodyPruning *bool
}

// Request is an item's request, or a saved example's originalRequest.
type Request struct {
	// Method is as written, case kept. When the request has no method or
	// an empty one, Method is "GET", as Postman sends it, and HasMethod is
	// false.
	Method      string
	HasMethod   bool
	URL         URL
	HasURL      bool
	Headers     []*Header
	Body        *Body
	Auth        *Auth
	Description string
	Pos         diag.Position
}

// URL is a request URL. Postman's runtime builds the URL from the parts
// when they are present and from Raw otherwise; both are kept.
type URL struct {
	// Object is set when the URL is written as an object, not a string.
	Object   bool
	Raw      string
	HasRaw   bool
	Protocol string
	Host     []string // host segments, joined with "." by Postman
	HasHost  bool
	Port     string
	Path     []string // path segments without the separating slashes
	HasPath  bool
	Query    []*QueryParam
	Hash     string
	// Variables are the path variables ("variable" key) that give values
	// to :name segments.
	Variables []*Variable
}

// QueryParam is one key=value pair of a URL query. A nil Value is a key
// without "=" (Postman writes "?flag").
type QueryParam struct {
	Key         string
	Value       *string
	Disabled    bool
	Description string
}

// Header is a request or response header.
type Header struct {
	Key         string
	Value       string
	Disabled    bool
	Description string
}

// BodyMode is the "mode" of a request body.
type BodyMode string

const (
	BodyRaw        BodyMode = "raw"
	BodyURLEncoded BodyMode = "urlencoded"
	BodyFormData   BodyMode = "formdata"
	BodyFile       BodyMode = "file"
	BodyGraphQL    BodyMode = "graphql"
)

// Body is a request body.
type Body struct {
	Mode BodyMode
	// Raw is the raw text for BodyRaw.
	Raw string
	// Language is options.raw.language: "json", "xml", "text",
	// "javascript", "html" or empty.
	Language string
	// Form holds the fields of BodyURLEncoded and BodyFormData.
	Form []*FormParam
	// FileSrc is the source path of BodyFile.
	FileSrc string
	// GraphQL query and variables (the variables as the raw JSON text).
	GraphQLQuery     string
	GraphQLVariables string
	Disabled         bool
	Pos              diag.Position
}

// FormParam is a urlencoded or multipart form field.
type FormParam struct {
	Key         string
	Value       string
	Type        string   // "text" or "file" (formdata only); empty means text
	Src         []string // file paths of a file field
	ContentType string
	Disabled    bool
	Description string
}

// Auth is an auth object with its parameters in source order. Values of
// other JSON types (numbers, booleans) are kept as their JSON text.
type Auth struct {
	Type   string // "noauth", "basic", "bearer", "apikey", "digest", "oauth2", ...
	Params []AuthParam
	Pos    diag.Position
}

// AuthParam is one parameter of an auth object, for example
// {key: "username", value: "{{login}}"}.
type AuthParam struct {
	Key   string
	Value string
	Type  string
}

// Param returns the value of the parameter named key and whether it exists.
func (a *Auth) Param(key string) (string, bool) {
	if a == nil {
		return "", false
	}
	for _, p := range a.Params {
		if p.Key == key {
			return p.Value, true
		}
	}
	return "", false
}

// Event is a script attached to the collection, a folder or a request.
type Event struct {
	Listen   string // "prerequest" or "test"
	Exec     []string
	Type     string // script type, usually "text/javascript"
	Disabled bool
	Pos      diag.Position
	// ExecPos is the position of the "exec" value; a script line N is
	// reported at ExecPos with the line number added.
	ExecPos diag.Position
}

// Script returns the whole script text, with lines joined by "\n" as
// Postman joins them.
func (e *Event) Script() string {
	n := 0
	for _, l := range e.Exec {
		n += len(l) + 1
	}
	b := make([]byte, 0, n)
	for i, l := range e.Exec {
		if i > 0 {
			b = append(b, '\n')
		}
		b = append(b, l...)
	}
	return string(b)
}

// ValueKind is the JSON type a variable value was written with.
type ValueKind uint8

const (
	ValueString ValueKind = iota
	ValueNumber
	ValueBool
	ValueNull
	ValueMissing // the variable has no "value" key
	ValueJSON    // an object or an array, kept as its JSON text
)

// Variable is a collection, folder, path or environment variable.
type Variable struct {
	Key         string
	Value       string // numbers, booleans, objects and arrays as their JSON text, null as ""
	Kind        ValueKind
	Type        string // "string", "secret", "default", "any", ... as written
	Disabled    bool   // "disabled": true, or "enabled": false in environments
	Description string
	Pos         diag.Position
}

// Response is a saved example.
type Response struct {
	Name            string
	OriginalRequest *Request
	Status          string
	Code            int
	Headers         []*Header
	Body            string
	HasBody         bool
	PreviewLanguage string // "_postman_previewlanguage"
	Pos             diag.Position
}

// Environment is a decoded Postman environment (or globals) file.
type Environment struct {
	File      string
	Name      string
	Scope     string // "_postman_variable_scope": "environment" or "globals"
	Variables []*Variable
}
