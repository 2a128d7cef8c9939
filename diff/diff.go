// Package diff compares the models of two releases of a collection and
// reports each change in terms of the generated Go API: client methods,
// types, fields, options and sequence tests. The class of each change
// states whether code that uses the generated client may break.
//
// The JSON format of a report, version 1, is an object with "version",
// "old" and "new" (each {"name", "version", "sha256"}), "summary" (the
// number of changes per class) and "changes", a list of
// {"class", "kind", "subject", "old", "new", "detail"}. Classes are
// "breaking", "wire", "non-breaking" and "sequence"; kinds are the Kind
// constants. Later versions may add fields but do not rename or remove
// any.
package diff

import (
	"fmt"
	"slices"
	"strings"

	"github.com/pmgen/pmgen/model"
)

// Class is the effect of a change on code that uses the generated client.
type Class string

const (
	// Breaking: such code may stop compiling or behave differently.
	Breaking Class = "breaking"
	// Wire: the Go API stays, but what the client sends changes.
	Wire Class = "wire"
	// NonBreaking: such code compiles and behaves as before.
	NonBreaking Class = "non-breaking"
	// SequenceChange: a sequence test gains, loses or reorders steps.
	SequenceChange Class = "sequence"
)

// Classes lists every class in report order.
func Classes() []Class {
	return []Class{Breaking, Wire, NonBreaking, SequenceChange}
}

func (c Class) rank() int {
	return slices.Index(Classes(), c)
}

// Kind names what changed. The values are stable: tools may match them.
type Kind string

const (
	RequestAdded   Kind = "request-added"
	RequestRemoved Kind = "request-removed"
	RequestRenamed Kind = "request-renamed"
	RequestMoved   Kind = "request-moved"

	ParamAdded       Kind = "param-added"
	ParamRemoved     Kind = "param-removed"
	ParamsReordered  Kind = "params-reordered"
	BodyChanged      Kind = "body-changed"
	ResponseChanged  Kind = "response-changed"
	ErrorTypeAdded   Kind = "error-type-added"
	ErrorTypeRemoved Kind = "error-type-removed"

	FieldAdded    Kind = "field-added"
	FieldRemoved  Kind = "field-removed"
	FieldRetyped  Kind = "field-retyped"
	FieldRenamed  Kind = "field-renamed"
	FieldRequired Kind = "field-required"
	FieldOptional Kind = "field-optional"
	TypeRenamed   Kind = "type-renamed"

	OptionAdded   Kind = "option-added"
	OptionRemoved Kind = "option-removed"
	OptionRenamed Kind = "option-renamed"
	OptionSecret  Kind = "option-secret"
	AuthChanged   Kind = "auth-changed"

	MethodChanged      Kind = "method-changed"
	PathChanged        Kind = "path-changed"
	HostChanged        Kind = "host-changed"
	QueryChanged       Kind = "query-changed"
	HeadersChanged     Kind = "headers-changed"
	ContentTypeChanged Kind = "content-type-changed"
	BodyTemplateChange Kind = "body-template-changed"

	ErrorExampleAdded   Kind = "error-example-added"
	ErrorExampleRemoved Kind = "error-example-removed"
	DescriptionChanged  Kind = "description-changed"

	SequenceAdded   Kind = "sequence-added"
	SequenceRemoved Kind = "sequence-removed"
	StepAdded       Kind = "step-added"
	StepRemoved     Kind = "step-removed"
	StepMoved       Kind = "step-moved"
)

// Change is one difference between two releases.
type Change struct {
	Class Class `json:"class"`
	Kind  Kind  `json:"kind"`
	// Subject is the Go identifier the change is about: "Client.XOtchet",
	// "InformatsiiaOKasseResponse.RegistrationNumber", "WithKassaToken",
	// "TestSequenceOtchety" or "package kassa".
	Subject string `json:"subject"`
	// Old and New are the value before and after: a Go type, a method
	// and path, a description. One of them is empty for an addition or
	// a removal.
	Old    string `json:"old"`
	New    string `json:"new"`
	Detail string `json:"detail"`
}

// Source identifies one release.
type Source struct {
	Name    string `json:"name"`
	Version string `json:"version"`
	SHA256  string `json:"sha256"`
}

// Report is the result of Compare: both releases and their changes,
// breaking ones first, each class in the order the changes were found.
type Report struct {
	Old     Source
	New     Source
	Changes []Change
}

// Count returns the number of changes of class c.
func (r *Report) Count(c Class) int {
	n := 0
	for _, ch := range r.Changes {
		if ch.Class == c {
			n++
		}
	}
	return n
}

// Compare returns every change from the old model to the new one.
func Compare(old, new *model.API) *Report {
	c := &comparer{old: old, new: new, renamedTypes: map[[2]string]bool{}}
	c.pairOperations()

	for _, p := range c.pairs {
		c.compareOperation(p.old, p.new)
	}
	for _, op := range old.Operations {
		if c.newOf(op) == nil {
			c.add(Breaking, RequestRemoved, clientMethod(op), signature(op), "", fmt.Sprintf("request %s", quote(op.Where)))
		}
	}
	for _, op := range new.Operations {
		if c.oldOf(op) == nil {
			c.add(NonBreaking, RequestAdded, clientMethod(op), "", signature(op), fmt.Sprintf("request %s", quote(op.Where)))
		}
	}
	c.compareOptions()
	if old.Description != new.Description {
		c.add(NonBreaking, DescriptionChanged, "package "+new.Package, old.Description, new.Description, "collection description")
	}
	c.compareSequences()

	slices.SortStableFunc(c.changes, func(a, b Change) int { return a.Class.rank() - b.Class.rank() })
	return &Report{
		Old:     source(old),
		New:     source(new),
		Changes: c.changes,
	}
}

func source(api *model.API) Source {
	return Source{Name: api.Name, Version: api.Version, SHA256: api.SourceSHA256}
}

// comparer holds the state of one Compare call.
type comparer struct {
	old, new *model.API
	pairs    []pair
	changes  []Change
	// renamedTypes records each reported type rename, old and new name,
	// so that a type shared by several bodies is reported once.
	renamedTypes map[[2]string]bool
}

// pair is an operation of the old release and its counterpart in the new.
type pair struct {
	old, new *model.Operation
	renamed  bool
}

func (c *comparer) add(class Class, kind Kind, subject, old, new, detail string) {
	c.changes = append(c.changes, Change{Class: class, Kind: kind, Subject: subject, Old: old, New: new, Detail: detail})
}

func (c *comparer) newOf(op *model.Operation) *model.Operation {
	for _, p := range c.pairs {
		if p.old == op {
			return p.new
		}
	}
	return nil
}

func (c *comparer) oldOf(op *model.Operation) *model.Operation {
	for _, p := range c.pairs {
		if p.new == op {
			return p.old
		}
	}
	return nil
}

// minRenameSimilarity is the least share of body fields two requests on
// the same method and path must have in common to count as one request
// renamed.
const minRenameSimilarity = 0.5

// pairOperations pairs the operations of both releases. First it pairs
// those with the same Go method name. Among the rest, an old and a new
// request with the same method and path template whose body fields are
// most alike are one request, renamed.
func (c *comparer) pairOperations() {
	byName := map[string]*model.Operation{}
	for _, op := range c.new.Operations {
		byName[op.GoName] = op
	}
	paired := map[*model.Operation]bool{}
	var unpaired []*model.Operation
	for _, op := range c.old.Operations {
		if n := byName[op.GoName]; n != nil && !paired[n] {
			c.pairs = append(c.pairs, pair{old: op, new: n})
			paired[n] = true
			continue
		}
		unpaired = append(unpaired, op)
	}
	for _, op := range unpaired {
		var best *model.Operation
		bestScore := minRenameSimilarity
		for _, n := range c.new.Operations {
			if paired[n] || n.Method != op.Method || pathShape(n) != pathShape(op) {
				continue
			}
			if s := similarity(op, n); s > bestScore || (best == nil && s >= bestScore) {
				best, bestScore = n, s
			}
		}
		if best != nil {
			c.pairs = append(c.pairs, pair{old: op, new: best, renamed: true})
			paired[best] = true
		}
	}
	// Keep the pairs in the old release's order, so the report is too.
	index := map[*model.Operation]int{}
	for i, op := range c.old.Operations {
		index[op] = i
	}
	slices.SortStableFunc(c.pairs, func(a, b pair) int { return index[a.old] - index[b.old] })
}

// pathShape is an operation's host and path with path variables
// unnamed: "{{baseUrl}} /shifts/:/close".
func pathShape(op *model.Operation) string {
	var b strings.Builder
	if op.URL.Host != nil {
		b.WriteString(op.URL.Host.Template)
	}
	b.WriteByte(' ')
	for _, s := range op.URL.Path {
		b.WriteByte('/')
		if s.Param != nil {
			b.WriteByte(':')
		} else {
			b.WriteString(s.Template)
		}
	}
	return b.String()
}

// similarity returns the Jaccard index of the request body fields of two
// operations, by JSON key path and form key. When neither has request
// body fields, it compares their response fields, and it returns 1 when
// neither has fields at all.
func similarity(a, b *model.Operation) float64 {
	fa, fb := bodyKeys(a), bodyKeys(b)
	if len(fa) == 0 && len(fb) == 0 {
		fa, fb = responseKeys(a), responseKeys(b)
	}
	if len(fa) == 0 && len(fb) == 0 {
		return 1
	}
	common := 0
	for k := range fa {
		if fb[k] {
			common++
		}
	}
	return float64(common) / float64(len(fa)+len(fb)-common)
}

func bodyKeys(op *model.Operation) map[string]bool {
	keys := map[string]bool{}
	if op.Body == nil {
		return keys
	}
	for _, e := range flatten(op.Body.Type) {
		keys[e.path] = true
	}
	for _, f := range op.Body.Form {
		keys["form:"+f.Key] = true
	}
	return keys
}

func responseKeys(op *model.Operation) map[string]bool {
	keys := map[string]bool{}
	if op.Response != nil {
		for _, e := range flatten(op.Response.Type) {
			keys[e.path] = true
		}
	}
	return keys
}

// compareOperation reports the changes of one paired operation.
func (c *comparer) compareOperation(old, new *model.Operation) {
	subject := clientMethod(new)
	if old.GoName != new.GoName {
		c.add(Breaking, RequestRenamed, clientMethod(old), old.GoName, new.GoName,
			fmt.Sprintf("request %s is now %s, same %s", quote(old.Where), quote(new.Where), signature(new)))
	}
	if oldPath, newPath := folderPath(old), folderPath(new); oldPath != newPath {
		c.add(NonBreaking, RequestMoved, subject, oldPath, newPath, "folder of the request, which decides the file of the method")
	}

	c.compareSignature(subject, old, new)
	c.compareWire(subject, old, new)

	if old.Description != new.Description {
		c.add(NonBreaking, DescriptionChanged, subject, old.Description, new.Description, "request description")
	}
	c.compareErrorExamples(subject, old, new)
}

// compareWire reports what the client sends differently behind an
// unchanged Go method.
func (c *comparer) compareWire(subject string, old, new *model.Operation) {
	if old.Method != new.Method {
		c.add(Wire, MethodChanged, subject, string(old.Method), string(new.Method), "HTTP method")
	}
	if o, n := hostTemplate(old), hostTemplate(new); o != n {
		c.add(Wire, HostChanged, subject, o, n, "host of the request URL")
	}
	if o, n := pathTemplate(old), pathTemplate(new); o != n {
		c.add(Wire, PathChanged, subject, o, n, "path of the request URL")
	}
	if o, n := queryString(old), queryString(new); o != n {
		c.add(Wire, QueryChanged, subject, o, n, "query of the request URL")
	}
	if o, n := headerList(old), headerList(new); o != n {
		c.add(Wire, HeadersChanged, subject, o, n, "request headers")
	}
	if o, n := contentType(old), contentType(new); o != n {
		c.add(Wire, ContentTypeChanged, subject, o, n, "Content-Type of the request body")
	}
	if o, n := sentTemplate(old), sentTemplate(new); o != n {
		c.add(Wire, BodyTemplateChange, subject, o, n, "request body sent as written")
	}
	c.compareAuth(subject, old, new)
}

// compareAuth reports a changed auth kind as breaking, because the client
// then needs other credentials, and changed auth parameters as a wire
// change. New secret variables they read are reported as options.
func (c *comparer) compareAuth(subject string, old, new *model.Operation) {
	o, n := authKind(old), authKind(new)
	if o != n {
		c.add(Breaking, AuthChanged, subject, o, n, "auth kind; the client needs the credentials of the new kind")
		return
	}
	if op, np := authParams(old), authParams(new); op != np {
		c.add(Wire, AuthChanged, subject, op, np, "auth parameters")
	}
}

func (c *comparer) compareErrorExamples(subject string, old, new *model.Operation) {
	o, n := errorExamples(old), errorExamples(new)
	for _, e := range o {
		if !slices.Contains(n, e) {
			c.add(NonBreaking, ErrorExampleRemoved, subject, e, "", "saved error response")
		}
	}
	for _, e := range n {
		if !slices.Contains(o, e) {
			c.add(NonBreaking, ErrorExampleAdded, subject, "", e, "saved error response")
		}
	}
}

// errorExamples returns "status name" of each example with a 4xx or 5xx
// status.
func errorExamples(op *model.Operation) []string {
	var out []string
	for _, e := range op.Examples {
		if e.Status >= 400 {
			out = append(out, fmt.Sprintf("%d %s", e.Status, e.Name))
		}
	}
	return out
}

func clientMethod(op *model.Operation) string {
	return "Client." + op.GoName
}

// signature returns "METHOD /path" of an operation.
func signature(op *model.Operation) string {
	return string(op.Method) + " " + pathTemplate(op)
}

func folderPath(op *model.Operation) string {
	return strings.Join(op.Folder.Path(), " / ")
}

func hostTemplate(op *model.Operation) string {
	if op.URL.Host == nil {
		return ""
	}
	return op.URL.Host.Template
}

// pathTemplate returns the path as written, with path variables as
// ":name".
func pathTemplate(op *model.Operation) string {
	var b strings.Builder
	for _, s := range op.URL.Path {
		b.WriteByte('/')
		if s.Param != nil {
			b.WriteString(":" + s.Param.Name)
		} else {
			b.WriteString(s.Template)
		}
	}
	if b.Len() == 0 {
		return "/"
	}
	return b.String()
}

func queryString(op *model.Operation) string {
	var parts []string
	for _, q := range op.URL.Query {
		if q.NoValue {
			parts = append(parts, q.Key)
		} else {
			parts = append(parts, q.Key+"="+q.Value)
		}
	}
	return strings.Join(parts, "&")
}

func headerList(op *model.Operation) string {
	var parts []string
	for _, h := range op.Headers {
		parts = append(parts, h.Name+": "+h.Value)
	}
	return strings.Join(parts, "\n")
}

func contentType(op *model.Operation) string {
	if op.Body == nil {
		return ""
	}
	return op.Body.ContentType
}

// sentTemplate returns the body text the client sends as written: a raw
// text body or a GraphQL query. JSON bodies are Go values, compared by
// their types instead.
func sentTemplate(op *model.Operation) string {
	if op.Body == nil {
		return ""
	}
	switch op.Body.Kind {
	case model.BodyText:
		return op.Body.Template
	case model.BodyGraphQL:
		return op.Body.GraphQLQuery
	}
	return ""
}

func authKind(op *model.Operation) string {
	if op.Auth == nil {
		return string(model.AuthNone)
	}
	return string(op.Auth.Kind)
}

// authParams returns an auth's parameters as "key=template" lines, in key
// order.
func authParams(op *model.Operation) string {
	if op.Auth == nil || op.Auth.Scheme == nil {
		return ""
	}
	params := op.Auth.Scheme.Params
	keys := make([]string, 0, len(params))
	for k := range params {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	var parts []string
	for _, k := range keys {
		parts = append(parts, k+"="+params[k])
	}
	return strings.Join(parts, "\n")
}

// quote returns collection text in double quotes, escaped as %q does.
func quote(s string) string {
	return fmt.Sprintf("%q", s)
}
