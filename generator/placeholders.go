package generator

import (
	"strconv"

	"github.com/pmgen/pmgen/internal/jsontree"
	"github.com/pmgen/pmgen/model"
	"github.com/pmgen/pmgen/model/types"
)

// placeholderValues returns, for each variable that stands unquoted in
// the JSON body of op, a JSON value of the type the body's Go type has at
// that place, for the generated test to substitute: a quoted string for a
// string field, 1 for a number, true, {} or [] for the others.
func placeholderValues(op *model.Operation) map[string]string {
	b := op.Body
	if b == nil || len(b.Unquoted) == 0 {
		return nil
	}
	values := map[string]string{}
	v, err := jsontree.Parse([]byte(b.JSONTemplate), jsontree.Options{Placeholders: true})
	if err == nil {
		walkPlaceholders(v, b.Type, values)
	}
	for _, name := range b.Unquoted {
		if _, ok := values[name]; !ok {
			values[name] = "1"
		}
	}
	return values
}

func walkPlaceholders(v *jsontree.Value, t *types.Type, values map[string]string) {
	switch v.Kind {
	case jsontree.Placeholder:
		for _, name := range model.References(v.Str) {
			if _, ok := values[name]; !ok {
				values[name] = jsonTestValue(t, name)
			}
		}
	case jsontree.Array:
		var elem *types.Type
		if t != nil && t.Kind == types.Array {
			elem = t.Elem
		}
		for i := range v.Items {
			walkPlaceholders(&v.Items[i], elem, values)
		}
	case jsontree.Object:
		for i := range v.Members {
			m := &v.Members[i]
			walkPlaceholders(&m.Value, fieldTypeOf(t, m.Key), values)
		}
	}
}

func fieldTypeOf(t *types.Type, key string) *types.Type {
	if t == nil || t.Kind != types.Struct {
		return nil
	}
	for _, f := range t.Fields {
		if f.JSONName == key {
			return f.Type
		}
	}
	return nil
}

// jsonTestValue returns a JSON value that decodes into a field of type t.
func jsonTestValue(t *types.Type, name string) string {
	if t == nil {
		return "1"
	}
	switch t.Kind {
	case types.String:
		return strconv.Quote("pmgen-test-" + name)
	case types.Bool:
		return "true"
	case types.Struct:
		return "{}"
	case types.Array:
		return "[]"
	}
	return "1"
}
