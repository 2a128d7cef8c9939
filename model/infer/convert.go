package infer

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/pmgen/pmgen/diag"
	"github.com/pmgen/pmgen/model/naming"
	"github.com/pmgen/pmgen/model/types"
)

// converter turns the merged shape of one body into a draft. Of the
// registry it changes only the cache keyNames, so that several bodies
// convert at once.
type converter struct {
	r       *Registry
	samples []Sample
	draft
}

// draft is the type of one body before its structs are shared with
// identical structs of other bodies, and what converting it found.
type draft struct {
	root *types.Type // nil when no sample parsed
	// structs are the structs of root, each nested struct before the
	// struct that holds it.
	structs []*types.Type
	diags   diag.List
	// usedOverrides and usedFieldNames are true at the index of each
	// override and field name pin that matched a place; nil when none did.
	usedOverrides, usedFieldNames []bool
	// fractionKeys are the JSON keys whose numbers some sample writes with
	// a decimal point or an exponent.
	fractionKeys []string
}

// convert returns the type of the place p, whose struct, if it is one, is
// named name.
func (c *converter) convert(s *shape, p path, name string) *types.Type {
	if t, ok := c.override(p); ok {
		c.checkOverride(s, p, t)
		return t
	}
	kinds := s.kinds &^ (1 << kindNull)
	if kinds.has(kindInt) && kinds.has(kindFloat) {
		kinds &^= 1 << kindInt
	}
	switch {
	case kinds == 0:
		return c.untyped(s, p)
	case kinds.count() > 1:
		c.conflict(s, p, kinds)
		return c.raw(p)
	}

	switch {
	case kinds.has(kindBool):
		return &types.Type{Kind: types.Bool, Path: p.String()}
	case kinds.has(kindInt):
		return &types.Type{Kind: types.Int, Path: p.String()}
	case kinds.has(kindFloat):
		if ref := c.r.opts.Fraction; ref != nil {
			return &types.Type{Kind: types.External, Ref: ref, Path: p.String()}
		}
		if s.bigInt && !s.written {
			// An integer too large for int64, such as a 20-digit ID,
			// would lose digits in a float64.
			return &types.Type{Kind: types.External, Ref: &types.Ref{ImportPath: "encoding/json", Name: "Number"}, Path: p.String()}
		}
		return &types.Type{Kind: types.Float, Path: p.String()}
	case kinds.has(kindString):
		if c.r.opts.Time && !s.notTime {
			return &types.Type{Kind: types.External, Ref: &types.Ref{ImportPath: "time", Name: "Time"}, Path: p.String()}
		}
		return &types.Type{Kind: types.String, Path: p.String()}
	case kinds.has(kindArray):
		if s.elem == nil {
			c.untypedWarn(CodeUntypedEmptyArray, s.emptyOrigin, p, "is an empty array in every sample")
			return c.raw(p)
		}
		// NOTE: a null among the elements is not kept: the element type
		// is never a pointer, so null decodes to the zero value.
		elem := c.convert(s.elem, p.elem(), name)
		return &types.Type{Kind: types.Array, Elem: elem, Path: p.String()}
	}
	if len(s.fields) == 0 {
		c.untypedWarn(CodeUntypedEmptyObject, s.origin[kindObject], p, "is an empty object in every sample")
		return c.raw(p)
	}
	for _, f := range s.fields {
		if strings.Contains(f.key, "{{") && strings.Contains(f.key, "}}") {
			c.untypedWarn(CodeUntaggableKey, s.origin[kindObject], p,
				fmt.Sprintf("has the key %q, a variable whose value names the key at run time", f.key))
			return c.raw(p)
		}
		if !taggableKey(f.key) {
			c.untypedWarn(CodeUntaggableKey, s.origin[kindObject], p,
				fmt.Sprintf("has the key %q, which encoding/json cannot name in a struct tag", f.key))
			return c.raw(p)
		}
	}
	return c.structOf(s, p, name)
}

// taggableKey reports whether encoding/json accepts key as the name in a
// json struct tag: not empty, and only letters, digits and the punctuation
// !#$%&()*+-./:;<=>?@[]^_{|}~ and space.
func taggableKey(key string) bool {
	if key == "" {
		return false
	}
	for _, r := range key {
		if !unicode.IsLetter(r) && !unicode.IsDigit(r) && !strings.ContainsRune("!#$%&()*+-./:;<=>?@[]^_{|}~ ", r) {
			return false
		}
	}
	return true
}

func (c *converter) raw(p path) *types.Type {
	return &types.Type{Kind: types.Raw, Path: p.String()}
}

// override returns the type of the first override that matches p.
func (c *converter) override(p path) (*types.Type, bool) {
	for i := range c.r.overrides {
		o := &c.r.overrides[i]
		if o.pattern.match(p) {
			if c.usedOverrides == nil {
				c.usedOverrides = make([]bool, len(c.r.overrides))
			}
			c.usedOverrides[i] = true
			return o.Type, true
		}
	}
	return nil, false
}

// acceptedKinds returns the JSON kinds besides null that encoding/json
// decodes into t. It returns false for a type whose decoding is unknown
// here, such as a decimal type of another package.
func acceptedKinds(t *types.Type) (kindSet, bool) {
	switch t.Kind {
	case types.String:
		return 1 << kindString, true
	case types.Int:
		return 1 << kindInt, true
	case types.Float:
		return 1<<kindInt | 1<<kindFloat, true
	case types.Bool:
		return 1 << kindBool, true
	case types.Array:
		return 1 << kindArray, true
	case types.External:
		switch *t.Ref {
		case types.Ref{ImportPath: "encoding/json", Name: "Number"}:
			// encoding/json also accepts a string that contains a number.
			return 1<<kindInt | 1<<kindFloat | 1<<kindString, true
		case types.Ref{ImportPath: "time", Name: "Time"}:
			return 1 << kindString, true
		}
	}
	return 0, false
}

// checkOverride warns when a sample at p has a value that the override's
// type t cannot decode, because the client would then fail on the
// collection's own examples.
func (c *converter) checkOverride(s *shape, p path, t *types.Type) {
	accepted, ok := acceptedKinds(t)
	if !ok {
		return
	}
	for k := range kindCount {
		if k == kindNull || !s.kinds.has(k) || accepted.has(k) {
			continue
		}
		article := "a"
		if strings.ContainsRune("aeiou", rune(kindWords[k][0])) {
			article = "an"
		}
		c.warn(CodeOverrideMismatch, s.origin[k], "type override of %q: a sample holds %s %s there, which %s does not decode; fix the override or the sample",
			p.String(), article, kindWords[k], types.Expr(t, true))
		return
	}
}

// untyped returns json.RawMessage for a place that has only nulls and
// placeholders without a value, and reports it.
func (c *converter) untyped(s *shape, p path) *types.Type {
	switch {
	case s.placeholderOrigin >= 0 && s.kinds.has(kindNull):
		c.untypedWarn(CodeUntypedPlaceholder, s.placeholderOrigin, p,
			fmt.Sprintf("is null or the placeholder %s without a value in every sample", s.placeholder))
	case s.placeholderOrigin >= 0:
		c.untypedWarn(CodeUntypedPlaceholder, s.placeholderOrigin, p,
			fmt.Sprintf("is the placeholder %s without a value in every sample", s.placeholder))
	default:
		c.untypedWarn(CodeUntypedNull, s.origin[kindNull], p, "is null in every sample")
	}
	return c.raw(p)
}

func (c *converter) untypedWarn(code diag.Code, sample int, p path, description string) {
	c.warn(code, sample, "%q %s, so its type is json.RawMessage; a type override for this path sets one", p.String(), description)
}

// conflict reports a place whose samples have different JSON types, naming
// the first sample of each in the order they appear. The diagnostic points
// at the sample where the conflict first appears.
func (c *converter) conflict(s *shape, p path, kinds kindSet) {
	type seen struct {
		word   string
		origin int
	}
	var found []seen
	for k := kindBool; k < kindCount; k++ {
		if !kinds.has(k) {
			continue
		}
		word, origin := kindWords[k], s.origin[k]
		if k == kindFloat && s.kinds.has(kindInt) {
			word, origin = "number", min(origin, s.origin[kindInt])
		}
		found = append(found, seen{word, origin})
	}
	slices.SortStableFunc(found, func(a, b seen) int { return cmp.Compare(a.origin, b.origin) })

	parts := make([]string, len(found))
	for i, f := range found {
		parts[i] = fmt.Sprintf("%s %s in %s", article(f.word), f.word, sampleName(&c.samples[f.origin]))
	}
	list := strings.Join(parts[:len(parts)-1], ", ") + " and " + parts[len(parts)-1]
	last := found[len(found)-1].origin
	c.warn(CodeConflictingTypes, last, "%q is %s, so its type is json.RawMessage; a type override for this path sets one", p.String(), list)
}

func article(word string) string {
	if strings.ContainsRune("aeiou", rune(word[0])) {
		return "an"
	}
	return "a"
}

func (c *converter) warn(code diag.Code, sample int, format string, args ...any) {
	smp := &c.samples[sample]
	c.diags.Warn(code, smp.Pos, smp.Where, format, args...)
}

// structOf returns the struct type of an object place. Registry.addDraft
// later replaces it with an identical struct inferred earlier, when there
// is one.
func (c *converter) structOf(s *shape, p path, name string) *types.Type {
	cands := make([]naming.Candidate, len(s.fields))
	for i, f := range s.fields {
		cands[i].Base = c.r.fieldName(f.key)
	}
	names := c.resolveFieldNames(p, s, cands)

	// The fields are allocated in one block, and their paths share one
	// array whose last step changes from field to field. That is safe
	// because convert keeps no path once it returns.
	fields := make([]*types.Field, len(s.fields))
	block := make([]types.Field, len(s.fields))
	fp := p.key("")
	for i, f := range s.fields {
		fp[len(p)] = step{key: f.key}
		if f.duplicated >= 0 {
			c.warn(CodeDuplicateKey, f.duplicated, "%q appears twice in one object of %s; its type merges both values, but a struct holds only one",
				fp.String(), sampleName(&c.samples[f.duplicated]))
		}
		// Only an object or an array of objects names a struct.
		childName := ""
		if f.shape.kinds.has(kindObject) || f.shape.kinds.has(kindArray) {
			childName = nestedName(name, names[i], &f.shape)
		}
		child := c.convert(&f.shape, fp, childName)
		if f.shape.written || (f.shape.elem != nil && f.shape.elem.written) {
			c.fractionKeys = append(c.fractionKeys, f.key)
		}
		block[i] = types.Field{
			JSONName: f.key,
			Name:     names[i],
			Type:     child,
			Optional: f.seen < s.objects,
			// A field that is null in every sample has no type of its own,
			// only the one an override gives it, and stays nullable then.
			Nullable: f.shape.kinds.has(kindNull) && (f.shape.kinds.count() > 1 || child.Kind != types.Raw),
		}
		fields[i] = &block[i]
	}
	t := &types.Type{Kind: types.Struct, Name: name, Path: p.String(), Fields: fields}
	c.structs = append(c.structs, t)
	return t
}

// fieldName returns the Go field name for a JSON key, "Field" when the key
// gives no identifier. The names are cached, because most keys recur in
// many bodies.
func (r *Registry) fieldName(key string) string {
	if name, ok := r.keyNames.Load(key); ok {
		return name.(string)
	}
	name, ok := naming.Exported(key)
	if !ok {
		name = "Field"
	}
	r.keyNames.Store(key, name)
	return name
}

// nestedName returns the name of a struct nested in the struct parent
// under the field named field: the two joined, with the field's last word
// made singular when the field is an array, so "Receipt" and "Positions"
// give "ReceiptPosition".
func nestedName(parent, field string, s *shape) string {
	if s.kinds.has(kindArray) {
		words, _ := naming.Words(field)
		if len(words) > 0 {
			words[len(words)-1] = naming.Singular(words[len(words)-1])
			field = naming.UpperCamel(words)
		}
	}
	return naming.Shorten(parent + field)
}

// intern returns the struct identical to t that the registry has, and
// adds t when there is none. The structs nested in t must be interned.
func (r *Registry) intern(t *types.Type) *types.Type {
	sig := r.sigBuf[:0]
	for _, f := range t.Fields {
		sig = strconv.AppendQuote(sig, f.JSONName)
		sig = append(sig, ' ')
		sig = append(sig, f.Name...)
		if f.Optional {
			sig = append(sig, " opt"...)
		}
		if f.Nullable {
			sig = append(sig, " null"...)
		}
		sig = append(sig, ' ')
		sig = r.appendSignature(sig, f.Type)
		sig = append(sig, ';')
	}
	r.sigBuf = sig
	if known, ok := r.structs[string(sig)]; ok {
		return known
	}
	r.structs[string(sig)] = t
	r.sigIDs[t] = len(r.sigIDs)
	return t
}

// appendSignature appends a text that is equal for two types exactly when
// they are structurally identical, given that nested structs are already
// interned.
func (r *Registry) appendSignature(sig []byte, t *types.Type) []byte {
	switch t.Kind {
	case types.Array:
		sig = append(sig, "[]"...)
		return r.appendSignature(sig, t.Elem)
	case types.Struct:
		id, ok := r.sigIDs[t]
		if !ok {
			// A struct given by an override, compared by identity.
			id = -1 - len(r.foreign)
			if known, seen := r.foreign[t]; seen {
				id = known
			} else {
				r.foreign[t] = id
			}
		}
		sig = append(sig, '#')
		return strconv.AppendInt(sig, int64(id), 10)
	case types.External:
		sig = append(sig, t.Ref.ImportPath...)
		sig = append(sig, '.')
		return append(sig, t.Ref.Name...)
	default:
		return append(sig, t.Kind.String()...)
	}
}
