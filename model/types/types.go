// Package types is the type graph of the model: the Go types that request
// and response bodies decode into, as structured values. The generator
// turns each Type into jennifer code, and Expr writes one as text for
// messages and reports.
package types

import "path"

// Kind is the shape of a Type.
type Kind uint8

const (
	// String is a Go string.
	String Kind = iota
	// Int is an int64: every sample wrote the number without a decimal
	// point or exponent.
	Int
	// Float is a float64: some sample wrote the number with a decimal
	// point or exponent.
	Float
	// Bool is a Go bool.
	Bool
	// Struct is a named Go struct; see Type.Fields.
	Struct
	// Array is a Go slice of Type.Elem.
	Array
	// Raw is json.RawMessage: the samples gave no type (an empty array, a
	// lone null) or conflicting ones.
	Raw
	// External is a named type from another package, such as json.Number,
	// time.Time or a decimal type chosen in the config.
	External
)

var kindNames = [...]string{"string", "int", "float", "bool", "struct", "array", "raw", "external"}

func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "invalid"
}

// Type is a node of the type graph. Struct types are shared by pointer:
// structurally identical structs are merged into one Type.
type Type struct {
	Kind Kind
	// Name is the Go name of a Struct, decided by the model's naming pass.
	Name string
	// Path is the sample path the type was inferred from, for example
	// "Prodazha.request.positions[]", used to derive Name and for messages.
	Path   string
	Doc    string
	Fields []*Field // Struct
	Elem   *Type    // Array
	// Ref names the type of an External kind.
	Ref *Ref
}

// Ref is a qualified Go identifier, such as encoding/json.Number.
type Ref struct {
	ImportPath string // empty for a type of the generated package itself
	Name       string
}

// Field is a field of a Struct.
type Field struct {
	// JSONName is the key exactly as the samples write it.
	JSONName string
	// Name is the Go field name.
	Name string
	Type *Type
	// Optional is set when some sample lacks the field: the field gets
	// omitempty and, for scalar and struct types, a pointer.
	Optional bool
	// Nullable is set when some sample has null and another a value: the
	// field gets a pointer so that null survives a round trip.
	Nullable bool
	Doc      string
}

// Pointer reports whether the field is emitted as a pointer: optional or
// nullable scalars and structs are; slices and json.RawMessage already
// have a nil value.
func (f *Field) Pointer() bool {
	if !f.Optional && !f.Nullable {
		return false
	}
	switch f.Type.Kind {
	case Array, Raw:
		return false
	}
	return true
}

// Untyped reports whether values of t carry no static type: json.RawMessage,
// or a slice of it.
func (t *Type) Untyped() bool {
	switch t.Kind {
	case Raw:
		return true
	case Array:
		return t.Elem.Untyped()
	}
	return false
}

// Expr returns the Go type expression of t, such as "[]int64" or
// "decimal.Decimal", with struct types by name when named is set and as
// "struct" otherwise. A nil type is json.RawMessage.
func Expr(t *Type, named bool) string {
	if t == nil {
		return "json.RawMessage"
	}
	switch t.Kind {
	case String:
		return "string"
	case Int:
		return "int64"
	case Float:
		return "float64"
	case Bool:
		return "bool"
	case Struct:
		if named {
			return t.Name
		}
		return "struct"
	case Array:
		return "[]" + Expr(t.Elem, named)
	case External:
		if t.Ref == nil {
			return "json.RawMessage"
		}
		if t.Ref.ImportPath == "" {
			return t.Ref.Name
		}
		return path.Base(t.Ref.ImportPath) + "." + t.Ref.Name
	}
	return "json.RawMessage"
}
