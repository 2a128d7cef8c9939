// Package infer derives Go types for JSON bodies from samples of them: a
// request's raw body, the bodies of its saved examples' original requests,
// or the bodies of the saved responses with one status.
//
// Every sample of a body is merged. A field missing from some sample is
// optional, a field that is null in one sample and has a value in another
// is nullable, and the elements of every array are merged into one element
// type. A number is a fraction when any sample writes it with a decimal
// point or an exponent ("12.00" included) and an integer otherwise. When
// the samples give no type (an empty array, a lone null) or conflicting
// ones, the type is json.RawMessage and a warning names the place.
//
// Objects become named structs. A Registry spans every body of a
// collection: structurally identical structs are kept once, and their
// names are made unique across it.
//
// # Paths
//
// A path names a place in the bodies inferred under one root name. Its
// text is the root name, then ".key" for an object member and "[]" for
// the elements of an array:
//
//	ProdazhaRequest.positions[].price
//
// A key that is empty or contains one of the characters . [ ] * " \ is
// written as a quoted Go string in brackets: Root["a.b"]. Diagnostics
// print paths in this form, so a path from a message can be pasted into a
// type override.
//
// A type override matches places by a pattern: a path in which a "*"
// inside the root name or a key matches any run of characters, and a
// "**" step matches any number of steps, none included. A quoted key
// matches literally.
//
//	*Request.sum          the field sum of every root whose name ends in Request
//	**.price              every field named price, at any depth
//	ProdazhaRequest.**[]  the elements of every array in ProdazhaRequest
package infer

import (
	"fmt"
	"sync"

	"github.com/pmgen/pmgen/diag"
	"github.com/pmgen/pmgen/internal/jsontree"
	"github.com/pmgen/pmgen/model/internal/parallel"
	"github.com/pmgen/pmgen/model/naming"
	"github.com/pmgen/pmgen/model/types"
)

// Diagnostic codes of this package.
const (
	// CodeBrokenExample marks a sample that is not JSON even with
	// comments, trailing commas and placeholders allowed; it is ignored.
	CodeBrokenExample diag.Code = "broken-example"
	// CodeUntypedEmptyArray marks an array that is empty in every sample.
	CodeUntypedEmptyArray diag.Code = "untyped-empty-array"
	// CodeUntypedEmptyObject marks an object that is empty in every sample.
	CodeUntypedEmptyObject diag.Code = "untyped-empty-object"
	// CodeUntypedNull marks a value that is null in every sample.
	CodeUntypedNull diag.Code = "untyped-null"
	// CodeUntypedPlaceholder marks a value that is an unquoted {{name}} in
	// every sample, with no value from the placeholder hook.
	CodeUntypedPlaceholder diag.Code = "untyped-placeholder"
	// CodeUntaggableKey marks an object with a key that a Go struct tag
	// cannot name, such as "" or a key with a quote or comma; the object
	// stays json.RawMessage.
	CodeUntaggableKey diag.Code = "untaggable-key"
	// CodeConflictingTypes marks a value whose samples have different
	// JSON types, such as a string in one and an object in another.
	CodeConflictingTypes diag.Code = "conflicting-types"
	// CodeDuplicateKey marks an object that has the same key twice.
	CodeDuplicateKey diag.Code = "duplicate-key"
	// CodeInvalidTypeOverride marks a type override with an invalid path
	// or no type; it is ignored.
	CodeInvalidTypeOverride diag.Code = "invalid-type-override"
	// CodeOverrideMismatch marks a type override whose Go type cannot
	// decode a value that the samples hold at its path.
	CodeOverrideMismatch diag.Code = "override-mismatch"
)

// Options change how types are inferred. The zero value types fractions
// as float64 and timestamps as strings.
type Options struct {
	// Fraction is the Go type of every fraction, such as encoding/json's
	// Number or a decimal type; nil means float64.
	Fraction *types.Ref
	// Time types a string as time.Time when every sample of it is an
	// RFC 3339 timestamp.
	Time bool
	// Overrides set the type at the places their path patterns match; the
	// first matching override wins, and no type is inferred below it.
	Overrides []Override
	// Reserved are names that no struct type may take, such as the
	// generated client's own exported identifiers.
	Reserved []string
	// Placeholder returns the value of the variable named in an unquoted
	// {{name}} placeholder, as it would be substituted into the body, and
	// false when there is none. Nil means no placeholder has a value.
	Placeholder func(name string) (value string, ok bool)
	// FieldNames pin the Go names of fields; see FieldName.
	FieldNames []FieldName
}

// Override sets the type at every place that the pattern Path matches,
// such as "ProdazhaRequest.sum" or "**.price"; see Paths in the package
// comment.
type Override struct {
	Path string
	Type *types.Type
}

// Sample is one JSON text of a body.
type Sample struct {
	Data []byte
	// Name identifies the sample in messages: "request body",
	// `example "Успех"`.
	Name string
	// Pos and Where are copied into the diagnostics about this sample.
	Pos   diag.Position
	Where string
}

// Registry infers the types of every body of a collection, so that
// identical structs are kept once and struct names are unique.
type Registry struct {
	opts      Options
	overrides []compiledOverride
	// fieldNames are the compiled Options.FieldNames.
	fieldNames []compiledFieldName
	diags      diag.List

	structs map[string]*types.Type // by structural signature
	sigIDs  map[*types.Type]int    // struct → number used in signatures
	// foreign numbers the structs that overrides bring, for signatures.
	foreign  map[*types.Type]int
	ids      map[*types.Type]int // struct → index into order
	order    []*types.Type       // structs in order of first use
	baseName []string            // candidate name of each struct in order
	// fractionKeys are the JSON keys whose numbers some sample writes
	// with a decimal point or an exponent, in any body.
	fractionKeys map[string]bool

	// sigBuf and shared are reused by every addDraft call.
	sigBuf []byte
	shared map[*types.Type]*types.Type
	// keyNames maps JSON keys to their Go field names. Bodies that convert
	// concurrently share it, so it is a sync.Map, which suits a cache that
	// only grows.
	keyNames sync.Map
}

type compiledOverride struct {
	Override
	pattern pattern
	used    bool
}

// NewRegistry returns an empty registry. Overrides with an invalid path
// or an incomplete type are reported in Diagnostics and ignored.
func NewRegistry(opts Options) *Registry {
	r := &Registry{
		opts:    opts,
		structs: map[string]*types.Type{},
		sigIDs:  map[*types.Type]int{},
		foreign: map[*types.Type]int{},
		ids:     map[*types.Type]int{},

		fractionKeys: map[string]bool{},
	}
	for _, o := range opts.Overrides {
		pat, err := parsePattern(o.Path)
		switch {
		case err != nil:
			r.diags.Error(CodeInvalidTypeOverride, diag.NoPosition, "", "type override: %v", err)
			continue
		case !validType(o.Type):
			r.diags.Error(CodeInvalidTypeOverride, diag.NoPosition, "", "type override %q: missing or incomplete type", o.Path)
			continue
		}
		r.overrides = append(r.overrides, compiledOverride{Override: o, pattern: pat})
	}
	r.compileFieldNames()
	return r
}

// validType reports whether t can stand in the type graph: not nil, with
// a Ref for an External and an element type for an Array.
func validType(t *types.Type) bool {
	switch {
	case t == nil:
		return false
	case t.Kind == types.External:
		return t.Ref != nil
	case t.Kind == types.Array:
		return validType(t.Elem)
	}
	return true
}

// Infer returns the type of the body that samples are examples of, with
// root the name of its struct when it is an object. Broken samples get a
// warning and are skipped. Infer returns nil when no sample could be
// parsed. Struct names may change until Types is called.
func (r *Registry) Infer(root string, samples []Sample) *types.Type {
	return r.InferAll([]Body{{Root: root, Samples: samples}})[0]
}

// Body is the samples of one body and the name of its root struct, as
// Infer takes them.
type Body struct {
	Root    string
	Samples []Sample
}

// InferAll returns the type of each body. The types, struct names and
// diagnostics are those that calling Infer for each body in order gives.
//
// The bodies are inferred in batches of inferBatch. The samples of each
// body of a batch are parsed, merged and converted into types on up to
// GOMAXPROCS goroutines, so Options.Placeholder may be called from several
// goroutines at once. The structs of each body are then shared with
// identical structs of earlier bodies, one body after another.
func (r *Registry) InferAll(bodies []Body) []*types.Type {
	out := make([]*types.Type, len(bodies))
	drafts := make([]draft, min(len(bodies), inferBatch))
	for start := 0; start < len(bodies); start += len(drafts) {
		batch := bodies[start:min(start+len(drafts), len(bodies))]
		parallel.For(len(batch), func(i int) {
			drafts[i] = r.draftBody(batch[i])
		})
		for i := range batch {
			out[start+i] = r.addDraft(&drafts[i])
			drafts[i] = draft{}
		}
	}
	return out
}

// inferBatch is the number of bodies whose drafts InferAll holds at once.
// The drafts of all bodies of a large collection can take more memory than
// the parsed collection, while a batch of 256 still gives each goroutine
// many bodies to convert.
const inferBatch = 256

// draftBody parses and merges the samples of one body and converts the
// result into types. Of r it changes only the cache keyNames, so several
// bodies can be drafted at once.
func (r *Registry) draftBody(body Body) draft {
	root := body.Root
	if !naming.IsValid(root) {
		name, ok := naming.Exported(root)
		if !ok {
			name = "Body"
		}
		root = name
	}

	c := converter{r: r, samples: body.Samples}
	s := newShape()
	m := merger{placeholder: r.opts.Placeholder}
	parsed := 0
	for i := range body.Samples {
		v := c.parse(&body.Samples[i])
		if v == nil {
			continue
		}
		m.sample = i
		m.add(&s, v)
		parsed++
	}
	if parsed == 0 {
		return c.draft
	}

	// The struct of an array's elements is named RootItem, not Root,
	// because Root names the whole body.
	name := root
	if s.kinds.has(kindArray) {
		name += "Item"
	}
	c.root = c.convert(&s, path{{key: root}}, name)
	return c.draft
}

// addDraft merges what converting one body found into the registry and
// returns the body's type, in which each struct is replaced by the
// identical struct of an earlier body where there is one.
func (r *Registry) addDraft(d *draft) *types.Type {
	r.diags.Append(d.diags)
	for i, used := range d.usedOverrides {
		if used {
			r.overrides[i].used = true
		}
	}
	for i, used := range d.usedFieldNames {
		if used {
			r.fieldNames[i].used = true
		}
	}
	for _, key := range d.fractionKeys {
		r.fractionKeys[key] = true
	}
	if d.root == nil {
		return nil
	}

	if r.shared == nil {
		r.shared = map[*types.Type]*types.Type{}
	}
	defer clear(r.shared)
	for _, t := range d.structs {
		for _, f := range t.Fields {
			f.Type = sharedType(f.Type, r.shared)
		}
		r.shared[t] = r.intern(t)
	}
	root := sharedType(d.root, r.shared)
	r.record(root)
	return root
}

// sharedType returns t with each draft struct replaced by its entry in
// shared. Only the array types of the draft change: a type from an
// override holds no draft struct.
func sharedType(t *types.Type, shared map[*types.Type]*types.Type) *types.Type {
	switch t.Kind {
	case types.Struct:
		if s, ok := shared[t]; ok {
			return s
		}
	case types.Array:
		if elem := sharedType(t.Elem, shared); elem != t.Elem {
			t.Elem = elem
		}
	}
	return t
}

// parse parses a sample, reporting a broken one. It returns nil for a
// broken or blank sample.
func (c *converter) parse(s *Sample) *jsontree.Value {
	if isBlank(s.Data) {
		return nil
	}
	v, err := jsontree.Parse(s.Data, jsontree.Options{Comments: true, TrailingCommas: true, Placeholders: true})
	if err == nil {
		return v
	}
	msg := err.Error()
	if se, ok := err.(*jsontree.SyntaxError); ok {
		line, col := jsontree.LineCol(s.Data, se.Offset)
		msg = fmt.Sprintf("line %d, column %d: %s", line, col, se.Msg)
	}
	c.diags.Warn(CodeBrokenExample, s.Pos, s.Where, "%s is not valid JSON (%s), so no type is inferred from it", sampleName(s), msg)
	return nil
}

func isBlank(data []byte) bool {
	for _, c := range data {
		switch c {
		case ' ', '\t', '\n', '\r':
		default:
			return false
		}
	}
	return true
}

func sampleName(s *Sample) string {
	if s.Name == "" {
		return "sample"
	}
	return s.Name
}

// record appends the structs reachable from t that are not yet listed, in
// depth-first order, parents first.
func (r *Registry) record(t *types.Type) {
	if t == nil {
		return
	}
	switch t.Kind {
	case types.Array:
		r.record(t.Elem)
	case types.Struct:
		if _, ok := r.ids[t]; ok {
			return
		}
		r.ids[t] = len(r.order)
		r.order = append(r.order, t)
		r.baseName = append(r.baseName, t.Name)
		for _, f := range t.Fields {
			r.record(f.Type)
		}
	}
}

// Types resolves the names of every struct type inferred so far and
// returns them in order of first use, each once. A name that collides
// with an earlier struct's name or with Options.Reserved is numbered:
// ProdazhaRequest2. Call it after the last Infer, because a later Infer
// can change names.
func (r *Registry) Types() []*types.Type {
	r.promoteFractionKeys()
	cands := make([]naming.Candidate, len(r.order))
	for i, base := range r.baseName {
		cands[i].Base = base
	}
	names, _ := naming.Resolve(cands, r.opts.Reserved)
	for i, t := range r.order {
		t.Name = names[i]
	}
	return append([]*types.Type(nil), r.order...)
}

// promoteFractionKeys gives the fraction type to every inferred integer
// field whose JSON key is a fraction in some body. A "change" that is 0 in
// one example and 3.67 in another request's is an amount in both, and an
// int64 field would fail to decode the first response with a decimal point.
func (r *Registry) promoteFractionKeys() {
	fraction := func(t *types.Type) *types.Type {
		if ref := r.opts.Fraction; ref != nil {
			return &types.Type{Kind: types.External, Ref: ref, Path: t.Path}
		}
		return &types.Type{Kind: types.Float, Path: t.Path}
	}
	// An integer type from an override has no path.
	inferredInt := func(t *types.Type) bool { return t != nil && t.Kind == types.Int && t.Path != "" }
	for _, st := range r.order {
		for _, f := range st.Fields {
			if !r.fractionKeys[f.JSONName] {
				continue
			}
			switch {
			case inferredInt(f.Type):
				f.Type = fraction(f.Type)
			case f.Type.Kind == types.Array && inferredInt(f.Type.Elem) && f.Type.Path != "":
				f.Type = &types.Type{Kind: types.Array, Elem: fraction(f.Type.Elem), Path: f.Type.Path}
			}
		}
	}
}

// Diagnostics returns the problems found so far.
func (r *Registry) Diagnostics() diag.List {
	var l diag.List
	l.Append(r.diags)
	return l
}

// UnusedOverrides returns the paths of the overrides that matched no place
// in any body inferred so far, in the order of Options.Overrides, so that
// the caller can warn about config entries that have no effect.
func (r *Registry) UnusedOverrides() []string {
	var out []string
	for _, o := range r.overrides {
		if !o.used {
			out = append(out, o.Path)
		}
	}
	return out
}
