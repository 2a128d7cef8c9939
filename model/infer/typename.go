package infer

import (
	"fmt"
	"strings"

	"github.com/pmgen/pmgen/model/naming"
	"github.com/pmgen/pmgen/model/types"
)

// ParseType returns the type that a config names for an override or for
// Options.Fraction: one of string, int, float, bool, json.RawMessage,
// json.Number and time.Time, a slice "[]T" of a type T, or a type of
// another package written as "import/path.Name", such as
// "github.com/shopspring/decimal.Decimal".
func ParseType(name string) (*types.Type, error) {
	if strings.HasPrefix(name, "*") {
		return nil, fmt.Errorf("invalid type %q: write it without \"*\"; a field that is null or missing in a sample becomes a pointer by itself", name)
	}
	if elem, ok := strings.CutPrefix(name, "[]"); ok {
		t, err := ParseType(elem)
		if err != nil {
			return nil, err
		}
		return &types.Type{Kind: types.Array, Elem: t}, nil
	}
	switch name {
	case "string":
		return &types.Type{Kind: types.String}, nil
	case "int", "int64":
		return &types.Type{Kind: types.Int}, nil
	case "float", "float64":
		return &types.Type{Kind: types.Float}, nil
	case "bool":
		return &types.Type{Kind: types.Bool}, nil
	case "json.RawMessage", "encoding/json.RawMessage":
		return &types.Type{Kind: types.Raw}, nil
	case "json.Number":
		return external("encoding/json", "Number"), nil
	case "time.Time":
		return external("time", "Time"), nil
	}
	dot := strings.LastIndexByte(name, '.')
	if dot <= 0 || strings.LastIndexByte(name, '/') > dot || !naming.IsValid(name[dot+1:]) || !validImportPath(name[:dot]) {
		return nil, fmt.Errorf("invalid type %q: want string, int64, float64, bool, json.RawMessage, json.Number, time.Time, []T or import/path.Name", name)
	}
	return external(name[:dot], name[dot+1:]), nil
}

// validImportPath reports whether path has the form of an import path:
// elements separated by single slashes, made of ASCII letters, digits and
// "-._~+", none starting or ending with a dot.
func validImportPath(path string) bool {
	for _, elem := range strings.Split(path, "/") {
		if elem == "" || elem == "." || elem == ".." || elem[0] == '.' || elem[len(elem)-1] == '.' {
			return false
		}
		for i := 0; i < len(elem); i++ {
			c := elem[i]
			switch {
			case 'a' <= c && c <= 'z', 'A' <= c && c <= 'Z', '0' <= c && c <= '9':
			case strings.IndexByte("-._~+", c) >= 0:
			default:
				return false
			}
		}
	}
	return true
}

func external(importPath, name string) *types.Type {
	return &types.Type{Kind: types.External, Ref: &types.Ref{ImportPath: importPath, Name: name}}
}
