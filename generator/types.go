package generator

import (
	"github.com/dave/jennifer/jen"

	"github.com/pmgen/pmgen/model/types"
)

// goType returns the Go type expression of t.
func goType(t *types.Type) jen.Code {
	switch t.Kind {
	case types.String:
		return jen.String()
	case types.Int:
		return jen.Int64()
	case types.Float:
		return jen.Float64()
	case types.Bool:
		return jen.Bool()
	case types.Struct:
		return jen.Id(t.Name)
	case types.Array:
		return jen.Index().Add(goType(t.Elem))
	case types.External:
		if t.Ref.ImportPath == "" {
			return jen.Id(t.Ref.Name)
		}
		return jen.Qual(t.Ref.ImportPath, t.Ref.Name)
	}
	return jen.Qual("encoding/json", "RawMessage")
}

// jsonTag returns the json struct tag of a field. The key "-" is written
// "-," so that encoding/json reads it as a key instead of "skip".
func jsonTag(f *types.Field) map[string]string {
	key := f.JSONName
	if key == "-" {
		key = "-,"
	}
	if f.Optional {
		if key == "-," {
			key = "-"
		}
		key += ",omitempty"
	}
	return map[string]string{"json": key}
}
