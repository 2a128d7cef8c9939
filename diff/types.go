package diff

import (
	"fmt"
	"slices"
	"strings"

	"github.com/pmgen/pmgen/model"
	"github.com/pmgen/pmgen/model/types"
)

// compareSignature reports the changes of a method's Go signature: its
// parameters, body parameter, result and error body type.
func (c *comparer) compareSignature(subject string, old, new *model.Operation) {
	c.compareParams(subject, old, new)
	c.compareBody(subject, old, new)
	c.compareResponse(subject, old, new)
	c.compareErrorBody(subject, old, new)
}

// compareParams reports added, removed and reordered method parameters.
// All of them are strings, so a reordering still compiles but passes
// values to the wrong parameters.
func (c *comparer) compareParams(subject string, old, new *model.Operation) {
	oldNames, newNames := paramNames(old), paramNames(new)
	for _, p := range new.Params {
		if !slices.Contains(oldNames, p.Name) {
			c.add(Breaking, ParamAdded, subject, "", p.GoName+" string", "new method parameter: "+paramSource(p))
		}
	}
	for _, p := range old.Params {
		if !slices.Contains(newNames, p.Name) {
			c.add(Breaking, ParamRemoved, subject, p.GoName+" string", "", "method parameter removed: "+paramSource(p))
		}
	}
	oldCommon := keep(oldNames, newNames)
	newCommon := keep(newNames, oldNames)
	if !slices.Equal(oldCommon, newCommon) {
		c.add(Breaking, ParamsReordered, subject, strings.Join(oldCommon, ", "), strings.Join(newCommon, ", "),
			"method parameters in a new order; every one is a string, so calls still compile")
	}
}

func paramNames(op *model.Operation) []string {
	var out []string
	for _, p := range op.Params {
		out = append(out, p.Name)
	}
	return out
}

// keep returns the elements of list that are also in other, in order.
func keep(list, other []string) []string {
	var out []string
	for _, s := range list {
		if slices.Contains(other, s) {
			out = append(out, s)
		}
	}
	return out
}

func paramSource(p *model.Param) string {
	if p.Source == model.FromPathVariable {
		return "path variable :" + p.Name
	}
	return "variable {{" + p.Name + "}}, which the collection does not define"
}

// bodyParam returns the kind and Go type of a method's body parameter,
// and the type graph of a JSON or GraphQL body. The kind is "" when the
// method takes no body.
func bodyParam(op *model.Operation) (kind, goType string, t *types.Type) {
	b := op.Body
	if b == nil {
		return "", "", nil
	}
	switch b.Kind {
	case model.BodyJSON:
		return "json", typeName(b.Type), b.Type
	case model.BodyText:
		return "text", "string", nil
	case model.BodyFile:
		return "file", "io.Reader", nil
	case model.BodyGraphQL:
		return "graphql", typeName(b.Type), b.Type
	case model.BodyURLEncoded, model.BodyMultipart:
		return "form", b.FormGoName, nil
	}
	return "", "", nil
}

func (c *comparer) compareBody(subject string, old, new *model.Operation) {
	oldKind, oldType, oldGraph := bodyParam(old)
	newKind, newType, newGraph := bodyParam(new)
	switch {
	case oldKind != newKind || (oldKind != "form" && typeShape(oldGraph) != typeShape(newGraph)):
		c.add(Breaking, BodyChanged, subject, oldType, newType, "type of the body parameter")
	case oldKind == "form":
		c.compareForm(subject, old.Body, new.Body)
	case oldKind == "json" || oldKind == "graphql":
		c.compareTypes(subject, "request body", true, oldGraph, newGraph)
	}
}

// compareForm compares the fields of urlencoded and multipart bodies. The
// method sends every field, so a new one is sent empty until the caller
// sets it.
func (c *comparer) compareForm(subject string, old, new *model.Body) {
	if old.FormGoName != new.FormGoName {
		c.renameType(old.FormGoName, new.FormGoName, "form body", subject)
	}
	oldIDs, newIDs := formFieldIDs(old.Form), formFieldIDs(new.Form)
	find := func(fields []model.FormField, ids []string, id string) *model.FormField {
		if i := slices.Index(ids, id); i >= 0 {
			return &fields[i]
		}
		return nil
	}
	for i, f := range old.Form {
		detail := fmt.Sprintf("form field %s of %s", quote(f.Key), subject)
		n := find(new.Form, newIDs, oldIDs[i])
		switch {
		case n == nil:
			c.add(Breaking, FieldRemoved, old.FormGoName+"."+f.GoName, formType(f), "", detail)
		case n.File != f.File:
			c.add(Breaking, FieldRetyped, old.FormGoName+"."+f.GoName, formType(f), formType(*n), detail)
		case n.GoName != f.GoName:
			c.add(Breaking, FieldRenamed, old.FormGoName+"."+f.GoName, f.GoName, n.GoName, detail)
		}
	}
	for i, f := range new.Form {
		if find(old.Form, oldIDs, newIDs[i]) == nil {
			c.add(Breaking, FieldAdded, new.FormGoName+"."+f.GoName, "", formType(f),
				fmt.Sprintf("form field %s of %s, sent empty unless set", quote(f.Key), subject))
		}
	}
}

// formFieldIDs identifies each form field by its key and, because a key
// may repeat ("services[]" once per value), by the number of earlier
// fields with the same key.
func formFieldIDs(fields []model.FormField) []string {
	seen := map[string]int{}
	ids := make([]string, len(fields))
	for i, f := range fields {
		ids[i] = fmt.Sprintf("%s#%d", f.Key, seen[f.Key])
		seen[f.Key]++
	}
	return ids
}

func formType(f model.FormField) string {
	if f.File {
		return "io.Reader"
	}
	return "string"
}

// resultType returns the Go result type of a method, its shape with
// struct names left out, and the type graph of a JSON response.
func resultType(op *model.Operation) (goType, shape string, t *types.Type) {
	r := op.Response
	switch {
	case r == nil || r.Kind == model.PayloadBytes:
		return "[]byte", "[]byte", nil
	case r.Kind == model.PayloadText:
		return "string", "string", nil
	case r.Type != nil && r.Type.Kind == types.Struct:
		return "*" + r.Type.Name, "*struct", r.Type
	}
	return typeName(r.Type), typeShape(r.Type), r.Type
}

func (c *comparer) compareResponse(subject string, old, new *model.Operation) {
	oldType, oldShape, oldGraph := resultType(old)
	newType, newShape, newGraph := resultType(new)
	if oldShape != newShape {
		c.add(Breaking, ResponseChanged, subject, oldType, newType, "result type of the method")
		return
	}
	c.compareTypes(subject, "response", false, oldGraph, newGraph)
}

func errorType(op *model.Operation) *types.Type {
	if op.ErrorBody == nil || op.ErrorBody.Kind != model.PayloadJSON {
		return nil
	}
	return op.ErrorBody.Type
}

func (c *comparer) compareErrorBody(subject string, old, new *model.Operation) {
	o, n := errorType(old), errorType(new)
	switch {
	case o == nil && n == nil:
	case o == nil:
		c.add(NonBreaking, ErrorTypeAdded, subject, "", typeName(n), "type of the error response body")
	case n == nil:
		c.add(Breaking, ErrorTypeRemoved, subject, typeName(o), "", "type of the error response body")
	case typeShape(o) != typeShape(n):
		c.add(Breaking, ErrorTypeRemoved, subject, typeName(o), typeName(n), "type of the error response body")
	default:
		c.compareTypes(subject, "error response", false, o, n)
	}
}

// entry is a field of a type graph, at its JSON key path.
type entry struct {
	// path is the JSON key path: "cashier.name", "positions[].price",
	// "[].id" below a root array.
	path   string
	parent *types.Type
	field  *types.Field
}

// maxDepth bounds the walk of a type graph. Inferred graphs are trees of
// the samples' depth; the bound only guards against a cycle.
const maxDepth = 64

// flatten returns every field reachable from t, depth first in field
// order.
func flatten(t *types.Type) []entry {
	var out []entry
	var walk func(t *types.Type, prefix string, depth int)
	walk = func(t *types.Type, prefix string, depth int) {
		if t == nil || depth > maxDepth {
			return
		}
		switch t.Kind {
		case types.Array:
			walk(t.Elem, prefix+"[]", depth+1)
		case types.Struct:
			for _, f := range t.Fields {
				p := joinKey(prefix, f.JSONName)
				out = append(out, entry{path: p, parent: t, field: f})
				walk(f.Type, p, depth+1)
			}
		}
	}
	walk(t, "", 0)
	return out
}

// structNames returns the Go name of every struct in t by its JSON key
// path, "" for t itself.
func structNames(t *types.Type) map[string]string {
	out := map[string]string{}
	var walk func(t *types.Type, p string, depth int)
	walk = func(t *types.Type, p string, depth int) {
		if t == nil || depth > maxDepth {
			return
		}
		switch t.Kind {
		case types.Array:
			walk(t.Elem, p+"[]", depth+1)
		case types.Struct:
			out[p] = t.Name
			for _, f := range t.Fields {
				walk(f.Type, joinKey(p, f.JSONName), depth+1)
			}
		}
	}
	walk(t, "", 0)
	return out
}

func joinKey(prefix, key string) string {
	if prefix == "" {
		return key
	}
	return prefix + "." + key
}

// compareTypes compares two type graphs by JSON key path. In a request
// body, a field that becomes required, or a new required field, is
// breaking: code that does not set it sends its zero value. In responses
// only removed and retyped fields are.
func (c *comparer) compareTypes(subject, where string, request bool, old, new *types.Type) {
	oldNames, newNames := structNames(old), structNames(new)
	for _, p := range sortedKeys(oldNames) {
		if n, ok := newNames[p]; ok && n != oldNames[p] {
			c.renameType(oldNames[p], n, where, subject)
		}
	}

	oldFields, newFields := flatten(old), flatten(new)
	newByPath := map[string]entry{}
	for _, e := range newFields {
		newByPath[e.path] = e
	}
	oldByPath := map[string]entry{}
	for _, e := range oldFields {
		oldByPath[e.path] = e
	}
	// skip holds the paths whose change is reported already; the fields
	// below them are not reported again.
	var skip []string
	under := func(p string) bool {
		for _, s := range skip {
			if strings.HasPrefix(p, s+".") || strings.HasPrefix(p, s+"[]") {
				return true
			}
		}
		return false
	}

	for _, o := range oldFields {
		if under(o.path) {
			continue
		}
		detail := fmt.Sprintf("JSON key %s in the %s of %s", quote(o.path), where, subject)
		fieldSubject := o.parent.Name + "." + o.field.Name
		n, ok := newByPath[o.path]
		switch {
		case !ok:
			c.add(Breaking, FieldRemoved, fieldSubject, fieldType(o.field), "", detail)
			skip = append(skip, o.path)
		case fieldShape(o.field) != fieldShape(n.field):
			c.add(Breaking, FieldRetyped, fieldSubject, fieldType(o.field), fieldType(n.field), detail)
			skip = append(skip, o.path)
		case o.field.Name != n.field.Name:
			c.add(Breaking, FieldRenamed, fieldSubject, o.field.Name, n.field.Name, detail)
		case request && o.field.Optional && !n.field.Optional:
			c.add(Breaking, FieldRequired, fieldSubject, "optional", "required", detail+"; code that does not set it sends its zero value")
		case request && !o.field.Optional && n.field.Optional:
			c.add(NonBreaking, FieldOptional, fieldSubject, "required", "optional", detail)
		}
	}
	for _, n := range newFields {
		if _, ok := oldByPath[n.path]; ok || under(n.path) {
			continue
		}
		skip = append(skip, n.path)
		detail := fmt.Sprintf("JSON key %s in the %s of %s", quote(n.path), where, subject)
		fieldSubject := n.parent.Name + "." + n.field.Name
		if request && !n.field.Optional {
			c.add(Breaking, FieldAdded, fieldSubject, "", fieldType(n.field), detail+", required: code that does not set it sends its zero value")
			continue
		}
		c.add(NonBreaking, FieldAdded, fieldSubject, "", fieldType(n.field), detail+", optional")
	}
}

// renameType reports a struct type that has a new Go name, once per pair
// of names.
func (c *comparer) renameType(old, new, where, subject string) {
	key := [2]string{old, new}
	if c.renamedTypes[key] {
		return
	}
	c.renamedTypes[key] = true
	c.add(Breaking, TypeRenamed, old, old, new, fmt.Sprintf("Go type in the %s of %s", where, subject))
}

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// fieldType returns a field's Go type as the generator emits it.
func fieldType(f *types.Field) string {
	if f.Pointer() {
		return "*" + typeName(f.Type)
	}
	return typeName(f.Type)
}

// fieldShape is fieldType with struct names left out: a struct that only
// has a new name is reported as a renamed type, not as a retyped field.
func fieldShape(f *types.Field) string {
	if f.Pointer() {
		return "*" + typeShape(f.Type)
	}
	return typeShape(f.Type)
}

// typeName returns the Go type expression of t; nil is untyped JSON.
func typeName(t *types.Type) string {
	return types.Expr(t, true)
}

// typeShape returns the Go type expression of t with "struct" in place
// of struct names.
func typeShape(t *types.Type) string {
	return types.Expr(t, false)
}
