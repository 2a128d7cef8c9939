// Package jsontree parses JSON into a tree that keeps what encoding/json
// throws away and pmgen needs: the byte offset of every value, object
// members in source order (duplicates included), and the literal text of
// numbers, so that 12.00 stays distinguishable from 12.
//
// Options relax the grammar for request bodies found in Postman
// collections, which may carry comments, trailing commas and unquoted
// {{variable}} placeholders.
package jsontree

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf16"
	"unicode/utf8"
)

// Kind is the JSON type of a Value.
type Kind uint8

const (
	Null Kind = iota
	Bool
	Number
	String
	Array
	Object
	// Placeholder is an unquoted {{name}} where a value belongs; only
	// produced with Options.Placeholders.
	Placeholder
)

var kindNames = [...]string{"null", "boolean", "number", "string", "array", "object", "placeholder"}

func (k Kind) String() string {
	if int(k) < len(kindNames) {
		return kindNames[k]
	}
	return "kind(" + strconv.Itoa(int(k)) + ")"
}

// Value is one node of the tree.
type Value struct {
	Kind   Kind
	Bool   bool // value of a Bool, next to Kind so that both share one word
	Offset int  // byte offset of the first byte of the value in the input
	End    int  // byte offset just past the value's last byte
	// Str is the decoded text of a String, the literal text of a Number and
	// the whole "{{...}}" text of a Placeholder.
	Str     string
	Items   []Value  // elements of an Array
	Members []Member // members of an Object, in source order
}

// Member is one key and value of an object.
type Member struct {
	Key       string
	KeyOffset int
	Value     Value
}

// Get returns the value of the last member named key, as encoding/json
// would decode it, or nil when v is not an object or has no such member.
func (v *Value) Get(key string) *Value {
	if v == nil || v.Kind != Object {
		return nil
	}
	for i := len(v.Members) - 1; i >= 0; i-- {
		// Many keys have the same length, so comparing the first byte
		// before the whole key saves most calls of the runtime's memory
		// comparison.
		k := v.Members[i].Key
		if len(k) == len(key) && (k == "" || k[0] == key[0]) && k == key {
			return &v.Members[i].Value
		}
	}
	return nil
}

// Options relax the JSON grammar. The zero value parses strict RFC 8259
// JSON, apart from a leading UTF-8 byte-order mark, which is skipped.
type Options struct {
	// Comments allows // line and /* block */ comments between tokens.
	Comments bool
	// TrailingCommas allows a comma before a closing ] or }.
	TrailingCommas bool
	// Placeholders allows an unquoted {{name}} wherever a value may stand.
	Placeholders bool
	// MaxDepth bounds the nesting of arrays and objects; zero means
	// DefaultMaxDepth.
	MaxDepth int
	// RootElement, when set, is called with each element of every array
	// that is a member of a top-level object, as soon as the element is
	// parsed: the member's key, the element's index and a copy of the
	// element. It runs on the goroutine of Parse, also when Parse later
	// returns an error.
	RootElement func(key string, index int, elem Value)
}

// DefaultMaxDepth is the nesting bound used when Options.MaxDepth is zero.
// Postman collections nest folders a few dozen levels at most; the bound
// exists so that hostile input cannot exhaust memory through the stack of
// open containers.
const DefaultMaxDepth = 1000

// SyntaxError reports invalid input at a byte offset.
type SyntaxError struct {
	Offset int
	Msg    string
}

func (e *SyntaxError) Error() string {
	return fmt.Sprintf("offset %d: %s", e.Offset, e.Msg)
}

// Parse parses data as one JSON value followed only by white space.
//
// The tree shares no memory with data, so the caller may change data
// after Parse returns. Short strings of the tree share allocations of up
// to 64 KiB, and each of them keeps its whole allocation in memory.
func Parse(data []byte, opts Options) (*Value, error) {
	p := parser{data: data, opts: opts}
	// A new block holds at most 1024 elements, about 100 KiB. For an
	// input under 128 KiB it holds len(data)/128 elements, which take less
	// memory than the input, so a small tree wastes little.
	p.blockLen = min(len(data)/128, 1024)
	if p.opts.MaxDepth <= 0 {
		p.opts.MaxDepth = DefaultMaxDepth
	}
	if len(data) >= 3 && data[0] == 0xEF && data[1] == 0xBB && data[2] == 0xBF {
		p.pos = 3
	}
	if err := p.skipSpace(); err != nil {
		return nil, err
	}
	v, err := p.value(0)
	if err != nil {
		return nil, err
	}
	if err := p.skipSpace(); err != nil {
		return nil, err
	}
	if p.pos < len(p.data) {
		return nil, p.errorf("unexpected %s after the top-level value", p.describe())
	}
	return &v, nil
}

// LineCol converts a byte offset into a 1-based line and a 1-based column
// counted in characters (runes), as editors show them.
func LineCol(data []byte, offset int) (line, col int) {
	if offset > len(data) {
		offset = len(data)
	}
	line, start := 1, 0
	for i := 0; i < offset; i++ {
		if data[i] == '\n' {
			line++
			start = i + 1
		}
	}
	return line, utf8.RuneCount(data[start:offset]) + 1
}

type parser struct {
	data []byte
	buf  []byte // the text of the string being decoded
	// strings is the current chunk of short strings, see text.
	strings strings.Builder
	pos     int
	opts    Options

	// Stacks of the elements of the open arrays and of the members of the
	// open objects, innermost last. A container that closes moves its
	// part into the next free elements of a block, so that containers
	// share allocations and none has spare capacity.
	items       []Value
	members     []Member
	itemBlock   []Value
	memberBlock []Member
	blockLen    int // elements of a new block

	// Key of the top-level member whose value is being parsed, when
	// inRootMember is set.
	rootKey      string
	inRootMember bool
}

func (p *parser) errorf(format string, args ...any) error {
	return &SyntaxError{Offset: p.pos, Msg: fmt.Sprintf(format, args...)}
}

// describe names the byte at the current position for an error message.
func (p *parser) describe() string {
	if p.pos >= len(p.data) {
		return "end of input"
	}
	r, _ := utf8.DecodeRune(p.data[p.pos:])
	if r == utf8.RuneError || r < 0x20 {
		return fmt.Sprintf("byte 0x%02x", p.data[p.pos])
	}
	return strconv.QuoteRune(r)
}

func (p *parser) skipSpace() error {
	for p.pos < len(p.data) {
		switch p.data[p.pos] {
		case ' ', '\t', '\n', '\r':
			p.skipBlanks()
		case '/':
			if !p.opts.Comments {
				return nil
			}
			if err := p.skipComment(); err != nil {
				return err
			}
		default:
			return nil
		}
	}
	return nil
}

// skipBlanks moves p.pos past spaces, tabs and line breaks.
func (p *parser) skipBlanks() {
	i := p.pos
	for i < len(p.data) {
		if c := p.data[i]; c != ' ' && c != '\t' && c != '\n' && c != '\r' {
			break
		}
		i++
	}
	p.pos = i
}

func (p *parser) skipComment() error {
	if p.pos+1 >= len(p.data) {
		return p.errorf("unexpected '/'")
	}
	switch p.data[p.pos+1] {
	case '/':
		for p.pos < len(p.data) && p.data[p.pos] != '\n' {
			p.pos++
		}
		return nil
	case '*':
		start := p.pos
		p.pos += 2
		for p.pos+1 < len(p.data) {
			if p.data[p.pos] == '*' && p.data[p.pos+1] == '/' {
				p.pos += 2
				return nil
			}
			p.pos++
		}
		p.pos = start
		return p.errorf("unterminated /* comment")
	}
	return p.errorf("unexpected '/'")
}

// value parses the value at p.pos. The tree is built from returned
// values rather than through pointers, because the compiler moves a
// variable to the heap when its address enters this recursion.
func (p *parser) value(depth int) (Value, error) {
	start := p.pos
	v, err := p.parseValue(depth)
	v.Offset, v.End = start, p.pos
	return v, err
}

func (p *parser) parseValue(depth int) (Value, error) {
	if p.pos >= len(p.data) {
		return Value{}, p.errorf("unexpected end of input, want a value")
	}
	switch c := p.data[p.pos]; {
	case c == '{':
		if p.opts.Placeholders && p.pos+1 < len(p.data) && p.data[p.pos+1] == '{' {
			return p.placeholder()
		}
		return p.object(depth)
	case c == '[':
		return p.array(depth)
	case c == '"':
		s, err := p.string()
		return Value{Kind: String, Str: s}, err
	case c == '-' || (c >= '0' && c <= '9'):
		return p.number()
	case c == 't':
		return Value{Kind: Bool, Bool: true}, p.literal("true")
	case c == 'f':
		return Value{Kind: Bool}, p.literal("false")
	case c == 'n':
		return Value{Kind: Null}, p.literal("null")
	}
	return Value{}, p.errorf("unexpected %s, want a value", p.describe())
}

func (p *parser) literal(word string) error {
	if len(p.data)-p.pos < len(word) || string(p.data[p.pos:p.pos+len(word)]) != word {
		return p.errorf("invalid literal, want %s", word)
	}
	p.pos += len(word)
	return nil
}

func (p *parser) placeholder() (Value, error) {
	start := p.pos
	for i := p.pos + 2; i+1 < len(p.data); i++ {
		if p.data[i] == '}' && p.data[i+1] == '}' {
			p.pos = i + 2
			return Value{Kind: Placeholder, Str: p.text(p.data[start:p.pos])}, nil
		}
		if p.data[i] == '\n' || p.data[i] == '{' {
			break
		}
	}
	return Value{}, p.errorf("unterminated {{placeholder}}")
}

func (p *parser) enter(depth int) error {
	if depth >= p.opts.MaxDepth {
		return p.errorf("nesting deeper than %d levels", p.opts.MaxDepth)
	}
	return nil
}

func (p *parser) object(depth int) (Value, error) {
	v := Value{Kind: Object}
	if err := p.enter(depth); err != nil {
		return v, err
	}
	p.pos++ // {
	if err := p.skipSpace(); err != nil {
		return v, err
	}
	if p.pos < len(p.data) && p.data[p.pos] == '}' {
		p.pos++
		return v, nil
	}
	base := len(p.members)
	for {
		if p.pos >= len(p.data) || p.data[p.pos] != '"' {
			return v, p.errorf("unexpected %s, want a string key", p.describe())
		}
		keyOffset := p.pos
		key, err := p.string()
		if err != nil {
			return v, err
		}
		if err := p.skipSpace(); err != nil {
			return v, err
		}
		if p.pos >= len(p.data) || p.data[p.pos] != ':' {
			return v, p.errorf("unexpected %s after object key, want ':'", p.describe())
		}
		p.pos++
		if err := p.skipSpace(); err != nil {
			return v, err
		}
		if depth == 0 {
			p.rootKey, p.inRootMember = key, true
		}
		value, err := p.value(depth + 1)
		if depth == 0 {
			p.inRootMember = false
		}
		if err != nil {
			return v, err
		}
		p.members = append(p.members, Member{Key: key, KeyOffset: keyOffset, Value: value})
		done, err := p.next('}')
		if err != nil {
			return v, err
		}
		if done {
			v.Members = pop(&p.members, &p.memberBlock, base, p.blockLen)
			return v, nil
		}
	}
}

func (p *parser) array(depth int) (Value, error) {
	// An empty array has non-nil Items, which distinguishes it from a
	// missing one.
	v := Value{Kind: Array, Items: []Value{}}
	if err := p.enter(depth); err != nil {
		return v, err
	}
	p.pos++ // [
	if err := p.skipSpace(); err != nil {
		return v, err
	}
	if p.pos < len(p.data) && p.data[p.pos] == ']' {
		p.pos++
		return v, nil
	}
	base := len(p.items)
	for {
		item, err := p.value(depth + 1)
		if err != nil {
			return v, err
		}
		p.items = append(p.items, item)
		if depth == 1 && p.inRootMember && p.opts.RootElement != nil {
			p.opts.RootElement(p.rootKey, len(p.items)-base-1, item)
		}
		done, err := p.next(']')
		if err != nil {
			return v, err
		}
		if done {
			v.Items = pop(&p.items, &p.itemBlock, base, p.blockLen)
			return v, nil
		}
	}
}

// pop moves the elements from base on off the top of stack into the
// start of block and returns them as a slice of their exact length and
// capacity. A block too short for them is replaced by a new one of at
// least blockLen elements.
func pop[T any](stack, block *[]T, base, blockLen int) []T {
	n := len(*stack) - base
	if n > len(*block) {
		*block = make([]T, max(n, blockLen))
	}
	out := (*block)[:n:n]
	*block = (*block)[n:]
	copy(out, (*stack)[base:])
	*stack = (*stack)[:base]
	return out
}

// next consumes the comma or the closing bracket after a container element
// and reports whether the container ended.
func (p *parser) next(closing byte) (bool, error) {
	if err := p.skipSpace(); err != nil {
		return false, err
	}
	if p.pos >= len(p.data) {
		return false, p.errorf("unexpected end of input, want ',' or '%c'", closing)
	}
	switch p.data[p.pos] {
	case closing:
		p.pos++
		return true, nil
	case ',':
		p.pos++
		if err := p.skipSpace(); err != nil {
			return false, err
		}
		if p.opts.TrailingCommas && p.pos < len(p.data) && p.data[p.pos] == closing {
			p.pos++
			return true, nil
		}
		return false, nil
	}
	return false, p.errorf("unexpected %s, want ',' or '%c'", p.describe(), closing)
}

func (p *parser) number() (Value, error) {
	start := p.pos
	if p.data[p.pos] == '-' {
		p.pos++
	}
	switch {
	case p.pos < len(p.data) && p.data[p.pos] == '0':
		p.pos++
	case p.pos < len(p.data) && p.data[p.pos] >= '1' && p.data[p.pos] <= '9':
		p.digits()
	default:
		return Value{}, p.errorf("invalid number, want a digit")
	}
	if p.pos < len(p.data) && p.data[p.pos] == '.' {
		p.pos++
		if p.digits() == 0 {
			return Value{}, p.errorf("invalid number, want a digit after '.'")
		}
	}
	if p.pos < len(p.data) && (p.data[p.pos] == 'e' || p.data[p.pos] == 'E') {
		p.pos++
		if p.pos < len(p.data) && (p.data[p.pos] == '+' || p.data[p.pos] == '-') {
			p.pos++
		}
		if p.digits() == 0 {
			return Value{}, p.errorf("invalid number, want a digit in the exponent")
		}
	}
	return Value{Kind: Number, Str: p.text(p.data[start:p.pos])}, nil
}

func (p *parser) digits() int {
	start := p.pos
	for p.pos < len(p.data) && p.data[p.pos] >= '0' && p.data[p.pos] <= '9' {
		p.pos++
	}
	return p.pos - start
}

// text returns b as a string. Strings of up to 1 KiB are copied into
// chunks of p.strings, so that they cost no allocation of their own. A
// strings.Builder only appends to its buffer, so every string it returned
// stays unchanged when later strings are written.
func (p *parser) text(b []byte) string {
	const maxShared, chunkLen = 1 << 10, 64 << 10
	if len(b) > maxShared {
		return string(b)
	}
	if p.strings.Cap()-p.strings.Len() < len(b) {
		p.strings = strings.Builder{}
		p.strings.Grow(min(chunkLen, len(p.data)))
	}
	start := p.strings.Len()
	p.strings.Write(b)
	return p.strings.String()[start:]
}

// plain marks the bytes that stand for themselves inside a JSON string:
// all but the quote, the backslash and the control characters.
var plain = func() (t [256]bool) {
	for c := 0x20; c < 256; c++ {
		t[c] = c != '"' && c != '\\'
	}
	return t
}()

// string parses a quoted string at p.pos and returns its decoded text.
// Invalid UTF-8 becomes U+FFFD, as encoding/json does.
func (p *parser) string() (string, error) {
	// The text of a string without escapes, in valid UTF-8, is its bytes
	// in the input, which text copies.
	data, start := p.data, p.pos
	i, seen := start+1, byte(0)
	for i < len(data) && plain[data[i]] {
		seen |= data[i]
		i++
	}
	if i < len(data) && data[i] == '"' {
		s := p.data[start+1 : i]
		if seen < utf8.RuneSelf || utf8.Valid(s) {
			p.pos = i + 1
			return p.text(s), nil
		}
	}
	return p.decodeString(start)
}

// decodeString parses the quoted string at start, which has escapes,
// control characters or invalid UTF-8, or is unterminated. It decodes
// into p.buf, which every string reuses.
func (p *parser) decodeString(start int) (string, error) {
	data, buf, i := p.data, p.buf[:0], start+1
	for {
		run, seen := i, byte(0)
		for i < len(data) && plain[data[i]] {
			seen |= data[i]
			i++
		}
		if s := data[run:i]; seen < utf8.RuneSelf || utf8.Valid(s) {
			buf = append(buf, s...)
		} else {
			for _, r := range string(s) { // an invalid byte reads as U+FFFD
				buf = utf8.AppendRune(buf, r)
			}
		}

		if i >= len(data) {
			p.pos = start
			return "", p.errorf("unterminated string")
		}
		p.pos = i
		switch data[i] {
		case '"':
			p.pos++
			p.buf = buf
			return p.text(buf), nil
		case '\\':
			var err error
			if buf, err = p.escape(buf); err != nil {
				return "", err
			}
			i = p.pos
		default:
			return "", p.errorf("invalid control character %s in string", p.describe())
		}
	}
}

func (p *parser) escape(buf []byte) ([]byte, error) {
	if p.pos+1 >= len(p.data) {
		return nil, p.errorf("unterminated escape sequence")
	}
	c := p.data[p.pos+1]
	if simple := simpleEscape(c); simple != 0 {
		p.pos += 2
		return append(buf, simple), nil
	}
	if c != 'u' {
		return nil, p.errorf("invalid escape sequence \\%c", c)
	}
	r, ok := p.hex4(p.pos + 2)
	if !ok {
		return nil, p.errorf("invalid \\u escape, want four hex digits")
	}
	p.pos += 6
	if utf16.IsSurrogate(r) {
		if r2, ok := p.hex4(p.pos + 2); ok && p.pos+1 < len(p.data) && p.data[p.pos] == '\\' && p.data[p.pos+1] == 'u' {
			if dec := utf16.DecodeRune(r, r2); dec != utf8.RuneError {
				p.pos += 6
				return utf8.AppendRune(buf, dec), nil
			}
		}
		r = utf8.RuneError
	}
	return utf8.AppendRune(buf, r), nil
}

// simpleEscape returns the byte a one-letter escape stands for, or 0.
func simpleEscape(c byte) byte {
	switch c {
	case '"', '\\', '/':
		return c
	case 'b':
		return '\b'
	case 'f':
		return '\f'
	case 'n':
		return '\n'
	case 'r':
		return '\r'
	case 't':
		return '\t'
	}
	return 0
}

func (p *parser) hex4(at int) (rune, bool) {
	if at+4 > len(p.data) {
		return 0, false
	}
	var r rune
	for _, c := range p.data[at : at+4] {
		switch {
		case c >= '0' && c <= '9':
			r = r<<4 | rune(c-'0')
		case c >= 'a' && c <= 'f':
			r = r<<4 | rune(c-'a'+10)
		case c >= 'A' && c <= 'F':
			r = r<<4 | rune(c-'A'+10)
		default:
			return 0, false
		}
	}
	return r, true
}

// LineIndex converts byte offsets of one input into lines and columns in
// O(log n) per lookup.
type LineIndex struct {
	data  []byte
	lines []int // offset of the first byte of each line
}

// NewLineIndex indexes the line starts of data.
func NewLineIndex(data []byte) *LineIndex {
	idx := &LineIndex{data: data, lines: []int{0}}
	for i, c := range data {
		if c == '\n' {
			idx.lines = append(idx.lines, i+1)
		}
	}
	return idx
}

// LineCol returns the 1-based line and the 1-based column, counted in
// characters, of a byte offset; see LineCol.
func (idx *LineIndex) LineCol(offset int) (line, col int) {
	offset = max(0, min(offset, len(idx.data)))
	lo, hi := 0, len(idx.lines)
	for hi-lo > 1 {
		mid := (lo + hi) / 2
		if idx.lines[mid] <= offset {
			lo = mid
		} else {
			hi = mid
		}
	}
	return lo + 1, utf8.RuneCount(idx.data[idx.lines[lo]:offset]) + 1
}

// AppendStrict appends v to dst as compact RFC 8259 JSON. Numbers keep
// their literal text and members their order; a Placeholder becomes null.
func AppendStrict(dst []byte, v *Value) []byte {
	return appendJSON(dst, v, false)
}

// AppendTemplate is AppendStrict, except that a Placeholder is written as
// its {{...}} text, so the result becomes JSON once the placeholders are
// substituted.
func AppendTemplate(dst []byte, v *Value) []byte {
	return appendJSON(dst, v, true)
}

func appendJSON(dst []byte, v *Value, keepPlaceholders bool) []byte {
	switch v.Kind {
	case Placeholder:
		if keepPlaceholders {
			return append(dst, v.Str...)
		}
		return append(dst, "null"...)
	case Null:
		return append(dst, "null"...)
	case Bool:
		return strconv.AppendBool(dst, v.Bool)
	case Number:
		return append(dst, v.Str...)
	case String:
		return appendString(dst, v.Str)
	case Array:
		dst = append(dst, '[')
		for i := range v.Items {
			if i > 0 {
				dst = append(dst, ',')
			}
			dst = appendJSON(dst, &v.Items[i], keepPlaceholders)
		}
		return append(dst, ']')
	case Object:
		dst = append(dst, '{')
		for i := range v.Members {
			if i > 0 {
				dst = append(dst, ',')
			}
			dst = appendString(dst, v.Members[i].Key)
			dst = append(dst, ':')
			dst = appendJSON(dst, &v.Members[i].Value, keepPlaceholders)
		}
		return append(dst, '}')
	}
	return dst
}

// appendString appends s as a JSON string, escaping quotes, backslashes
// and control characters.
func appendString(dst []byte, s string) []byte {
	const hex = "0123456789abcdef"
	dst = append(dst, '"')
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '"' || c == '\\':
			dst = append(dst, '\\', c)
		case c == '\n':
			dst = append(dst, '\\', 'n')
		case c == '\r':
			dst = append(dst, '\\', 'r')
		case c == '\t':
			dst = append(dst, '\\', 't')
		case c < 0x20:
			dst = append(dst, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xf])
		default:
			dst = append(dst, c)
		}
	}
	return append(dst, '"')
}
