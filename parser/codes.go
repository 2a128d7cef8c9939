package parser

import "github.com/pmgen/pmgen/diag"

// Diagnostic codes of the parser. A code names a kind of problem and never
// changes once released.
//
//	code                  severity  meaning
//	input-too-large       error     the input is larger than Options.MaxInputSize
//	syntax-error          error     the input is not valid JSON
//	not-a-collection      error     the JSON value is not a Postman collection
//	not-an-environment    error     the JSON value is not an object, so it is no Postman environment
//	collection-v1         error     the collection uses format v1, which pmgen does not read
//	folder-too-deep       error     folders nest deeper than Options.MaxFolderDepth, so the deeper ones are dropped
//	too-many-requests     error     the collection has more than Options.MaxRequests requests, so the rest are dropped
//	missing-schema        warning   info.schema is missing, so the collection is read as v2.1.0
//	unknown-schema        warning   info.schema names no known version, so the collection is read as v2.1.0
//	items-key             warning   "items" is used in place of "item" and is read as "item"
//	ignored-key           warning   a misspelled key ("events", "headers", ...) that Postman ignores is ignored
//	wrong-type            warning   a field has a JSON type the format does not allow, so the field is skipped
//	item-without-name     warning   an item has no "name"
//	item-without-request  warning   an item has neither "request" nor "item"
//	folder-with-request   warning   an item has both "item" and "request", and Postman treats it as a folder
//	request-without-url   warning   a request has no "url"
//	invalid-header        warning   a header line of a header string has no ':'
//	body-without-mode     warning   a request body has no "mode"
//	unknown-body-mode     warning   a request body has a "mode" outside the format
//	auth-without-type     warning   an auth object has no "type"
//	invalid-status-code   warning   a saved response's "code" is not an integer
//	environment-without-values warning an environment has no "values"
//	variable-without-key  warning   an environment variable has no "key", so it is ignored
const (
	CodeInputTooLarge      diag.Code = "input-too-large"
	CodeSyntaxError        diag.Code = "syntax-error"
	CodeNotACollection     diag.Code = "not-a-collection"
	CodeNotAnEnvironment   diag.Code = "not-an-environment"
	CodeCollectionV1       diag.Code = "collection-v1"
	CodeFolderTooDeep      diag.Code = "folder-too-deep"
	CodeTooManyRequests    diag.Code = "too-many-requests"
	CodeMissingSchema      diag.Code = "missing-schema"
	CodeUnknownSchema      diag.Code = "unknown-schema"
	CodeItemsKey           diag.Code = "items-key"
	CodeIgnoredKey         diag.Code = "ignored-key"
	CodeWrongType          diag.Code = "wrong-type"
	CodeItemWithoutName    diag.Code = "item-without-name"
	CodeItemWithoutRequest diag.Code = "item-without-request"
	CodeFolderWithRequest  diag.Code = "folder-with-request"
	CodeRequestWithoutURL  diag.Code = "request-without-url"
	CodeInvalidHeader      diag.Code = "invalid-header"
	CodeBodyWithoutMode    diag.Code = "body-without-mode"
	CodeUnknownBodyMode    diag.Code = "unknown-body-mode"
	CodeAuthWithoutType    diag.Code = "auth-without-type"
	CodeInvalidStatusCode  diag.Code = "invalid-status-code"

	CodeEnvironmentWithoutValues diag.Code = "environment-without-values"
	CodeVariableWithoutKey       diag.Code = "variable-without-key"
)
