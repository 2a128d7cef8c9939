package generator

import (
	"github.com/pmgen/pmgen/model"
	"github.com/pmgen/pmgen/model/types"
)

// FieldStats counts the fields of the request and response body types
// Generate emits, each struct type once, and how many of them are typed:
// a field is untyped when its type is, or is a slice of, json.RawMessage.
// Form fields are strings or io.Reader and always typed.
func FieldStats(api *model.API) (fields, typed int) {
	seen := map[*types.Type]bool{}
	for _, op := range api.Operations {
		for _, root := range operationTypes(op) {
			walkStructs(root, func(s *types.Type) {
				if seen[s] {
					return
				}
				seen[s] = true
				for _, f := range s.Fields {
					fields++
					if !f.Type.Untyped() {
						typed++
					}
				}
			})
		}
		if op.Body != nil && op.Body.FormGoName != "" {
			fields += len(op.Body.Form)
			typed += len(op.Body.Form)
		}
	}
	return fields, typed
}
