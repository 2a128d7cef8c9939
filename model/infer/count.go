package infer

import "github.com/pmgen/pmgen/model/types"

// Count returns the number of fields of the structs reachable from t, each
// struct counted once, and how many of them are typed; see Untyped.
func Count(t *types.Type) (fields, typed int) {
	seen := map[*types.Type]bool{}
	var walk func(*types.Type)
	walk = func(t *types.Type) {
		switch {
		case t == nil:
		case t.Kind == types.Array:
			walk(t.Elem)
		case t.Kind == types.Struct && !seen[t]:
			seen[t] = true
			for _, f := range t.Fields {
				fields++
				if !Untyped(f.Type) {
					typed++
				}
				walk(f.Type)
			}
		}
	}
	walk(t)
	return fields, typed
}

// untypedRefs are the Go types whose values carry no static type, by
// import path and name. An override can name them as External types.
var untypedRefs = map[types.Ref]bool{
	{ImportPath: "encoding/json", Name: "RawMessage"}: true,
	{Name: "any"}:                    true,
	{Name: "interface{}"}:            true,
	{Name: "map[string]any"}:         true,
	{Name: "map[string]interface{}"}: true,
	{Name: "[]any"}:                  true,
	{Name: "[]interface{}"}:          true,
}

// Untyped reports whether values of t carry no static type: json.RawMessage
// (Raw or the External encoding/json.RawMessage), any and the other types
// of untypedRefs, or a slice of one of them.
func Untyped(t *types.Type) bool {
	switch {
	case t == nil:
		return true
	case t.Kind == types.Array:
		return Untyped(t.Elem)
	case t.Kind == types.External:
		return t.Ref == nil || untypedRefs[*t.Ref]
	}
	return t.Kind == types.Raw
}
