package parser

import (
	"bytes"
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/pmgen/pmgen/diag"
	"github.com/pmgen/pmgen/internal/jsontree"
)

// node is a JSON value with its RFC 6901 JSON pointer. A node with a nil
// value is a missing member.
//
// Objects and arrays carry their own pointer, which their members extend.
// A scalar carries its parent's pointer and its own token, and joins them
// only when a position or a message needs the pointer: most scalars never
// do, and building every pointer would cost one allocation per value.
type node struct {
	v      *jsontree.Value
	ptr    string // the node's pointer, or its parent's when scalar is set
	token  string // escaped key or index of a scalar within its parent
	scalar bool
}

func (n node) missing() bool { return n.v == nil }

// is reports whether the node is present and of the given kind.
func (n node) is(kind jsontree.Kind) bool { return n.v != nil && n.v.Kind == kind }

// isNull reports whether the node is missing or an explicit null, which
// the format treats alike.
func (n node) isNull() bool { return n.v == nil || n.v.Kind == jsontree.Null }

// pointer returns the node's RFC 6901 JSON pointer.
func (n node) pointer() string {
	if n.scalar {
		return n.ptr + "/" + n.token
	}
	return n.ptr
}

// child returns the node for v, found under token in the container n.
func (n node) child(v *jsontree.Value, token string) node {
	if v.Kind == jsontree.Object || v.Kind == jsontree.Array {
		return node{v: v, ptr: n.ptr + "/" + token}
	}
	return node{v: v, ptr: n.ptr, token: token, scalar: true}
}

// field returns the last member named key, as encoding/json and Postman's
// JavaScript runtime pick it when a key repeats.
func (n node) field(key string) node {
	v := n.v.Get(key)
	if v == nil {
		return node{}
	}
	return n.child(v, escapePointer(key))
}

func (n node) index(i int) node {
	return n.child(&n.v.Items[i], strconv.Itoa(i))
}

func (n node) member(i int) (string, node) {
	m := &n.v.Members[i]
	return m.Key, n.child(&m.Value, escapePointer(m.Key))
}

// name returns how messages refer to the node: its quoted key, or
// "element N" inside an array.
func (n node) name() string {
	p := n.pointer()
	token := p[strings.LastIndexByte(p, '/')+1:]
	if _, err := strconv.Atoi(token); err == nil {
		return "element " + token
	}
	return strconv.Quote(pointerUnescaper.Replace(token))
}

var (
	pointerEscaper   = strings.NewReplacer("~", "~0", "/", "~1")
	pointerUnescaper = strings.NewReplacer("~1", "/", "~0", "~")
)

func escapePointer(key string) string {
	if strings.IndexByte(key, '~') < 0 && strings.IndexByte(key, '/') < 0 {
		return key
	}
	return pointerEscaper.Replace(key)
}

// decoder turns a jsontree into parser values, collecting diagnostics.
// Line and column numbers are filled once at the end, in one pass over the
// input, so that positions cost O(n log n) even when the whole collection
// is on one line.
type decoder struct {
	file  string
	data  []byte
	opts  Options
	where string // folder path of the item being decoded, for diagnostics

	diags     []diag.Diagnostic
	positions []pendingPosition // node positions that finish completes

	requests int
	tooMany  bool // the request limit was hit, so later items are dropped

	stream *itemStream // top-level items decoded while parsing, or nil
}

// pendingPosition is a position whose line and column finish fills. Its
// offset is kept beside it, so that sorting reads no position.
type pendingPosition struct {
	offset int
	pos    *diag.Position
}

func newDecoder(file string, data []byte, opts Options) *decoder {
	return &decoder{file: file, data: data, opts: opts}
}

// place sets *p to the position of n and registers it for line and column.
func (d *decoder) place(p *diag.Position, n node) {
	*p = diag.Position{File: d.file, Offset: n.v.Offset, Pointer: n.pointer()}
	d.positions = append(d.positions, pendingPosition{n.v.Offset, p})
}

func (d *decoder) report(sev diag.Severity, code diag.Code, n node, format string, args ...any) {
	pos := diag.Position{File: d.file, Offset: -1}
	if !n.missing() {
		pos = diag.Position{File: d.file, Offset: n.v.Offset, Pointer: n.pointer()}
	}
	d.diags = append(d.diags, diag.Diagnostic{
		Severity: sev,
		Code:     code,
		Pos:      pos,
		Where:    d.where,
		Message:  fmt.Sprintf(format, args...),
	})
}

func (d *decoder) warn(code diag.Code, n node, format string, args ...any) {
	d.report(diag.Warning, code, n, format, args...)
}

func (d *decoder) fail(code diag.Code, n node, format string, args ...any) {
	d.report(diag.Error, code, n, format, args...)
}

// wrongType warns that n has a JSON type other than want and is skipped.
func (d *decoder) wrongType(n node, want string) {
	d.warn(CodeWrongType, n, "%s is %s %s, want %s; ignoring it", n.name(), article(n.v.Kind), n.v.Kind, want)
}

func article(k jsontree.Kind) string {
	if k == jsontree.Array || k == jsontree.Object {
		return "an"
	}
	return "a"
}

// finish fills the line and column of every position and appends the
// diagnostics to list.
func (d *decoder) finish(list *diag.List) {
	positions := d.positions
	for i := range d.diags {
		positions = append(positions, pendingPosition{d.diags[i].Pos.Offset, &d.diags[i].Pos})
	}
	fillLineCol(d.data, positions)
	for _, x := range d.diags {
		list.Add(x)
	}
}

// fillLineCol sets Line and Col of each position from its Offset, counting
// columns in characters as jsontree.LineCol does. Offsets must point at the
// first byte of a character, which holds for every value and key offset.
func fillLineCol(data []byte, positions []pendingPosition) {
	slices.SortFunc(positions, func(a, b pendingPosition) int { return cmp.Compare(a.offset, b.offset) })
	line, col, at := 1, 1, 0
	for _, p := range positions {
		if p.offset < 0 {
			continue
		}
		offset := min(p.offset, len(data))
		seg := data[at:offset]
		if nl := bytes.LastIndexByte(seg, '\n'); nl >= 0 {
			line += bytes.Count(seg, []byte{'\n'})
			col = 1 + utf8.RuneCount(seg[nl+1:])
		} else {
			col += utf8.RuneCount(seg)
		}
		at = offset
		p.pos.Line, p.pos.Col = line, col
	}
}

// text decodes a string field. A missing field or null gives "", and any
// other type gives a warning and "".
func (d *decoder) text(n node) string {
	s, _ := d.optText(n)
	return s
}

// optText is text that also reports whether the field holds a string.
func (d *decoder) optText(n node) (string, bool) {
	switch {
	case n.is(jsontree.String):
		return n.v.Str, true
	case !n.isNull():
		d.wrongType(n, "a string")
	}
	return "", false
}

// boolean decodes a boolean field. Missing and null are false.
func (d *decoder) boolean(n node) bool {
	b, _ := d.optBoolean(n)
	return b
}

func (d *decoder) optBoolean(n node) (value, ok bool) {
	switch {
	case n.is(jsontree.Bool):
		return n.v.Bool, true
	case !n.isNull():
		d.wrongType(n, "a boolean")
	}
	return false, false
}

// list returns the elements of an array field. Missing and null give none.
func (d *decoder) list(n node) []node {
	if !n.is(jsontree.Array) {
		if !n.isNull() {
			d.wrongType(n, "an array")
		}
		return nil
	}
	out := make([]node, len(n.v.Items))
	for i := range n.v.Items {
		out[i] = n.index(i)
	}
	return out
}

// object reports whether n is an object, warning when it is present but
// of another type.
func (d *decoder) object(n node) bool {
	if n.is(jsontree.Object) {
		return true
	}
	if !n.isNull() {
		d.wrongType(n, "an object")
	}
	return false
}

// scalarText returns any JSON value as text: strings decoded, numbers and
// booleans as written, null as "", objects and arrays as their JSON source.
func (d *decoder) scalarText(n node) (string, ValueKind) {
	switch {
	case n.missing():
		return "", ValueMissing
	case n.v.Kind == jsontree.String:
		return n.v.Str, ValueString
	case n.v.Kind == jsontree.Number:
		return n.v.Str, ValueNumber
	case n.v.Kind == jsontree.Bool:
		return strconv.FormatBool(n.v.Bool), ValueBool
	case n.v.Kind == jsontree.Null:
		return "", ValueNull
	}
	return string(d.data[n.v.Offset:n.v.End]), ValueJSON
}

// description decodes a description given as a string, as an object
// {content, type, version} or as null.
func (d *decoder) description(n node) string {
	if n.is(jsontree.Object) {
		return d.text(n.field("content"))
	}
	if n.isNull() {
		return ""
	}
	if !n.is(jsontree.String) {
		d.wrongType(n, "a string or an object")
		return ""
	}
	return n.v.Str
}
