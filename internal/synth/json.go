package synth

import "strings"

// value is a JSON value written as text, so that a number keeps the
// digits it was given: an amount stays "12.50" rather than becoming 12.5.
type value interface {
	write(b *strings.Builder, depth int)
}

// object is a JSON object whose members keep their order.
type object []member

type member struct {
	key string
	val value
}

// array is a JSON array.
type array []value

// number is the literal text of a JSON number.
type number string

// text is a JSON string.
type text string

// literal is true, false or null.
type literal string

const (
	jsonNull  = literal("null")
	jsonTrue  = literal("true")
	jsonFalse = literal("false")
)

// indent is the indentation of raw bodies, as Postman's editor writes them.
const indent = "    "

func (o object) write(b *strings.Builder, depth int) {
	if len(o) == 0 {
		b.WriteString("{}")
		return
	}
	b.WriteString("{\n")
	for i, m := range o {
		b.WriteString(strings.Repeat(indent, depth+1))
		text(m.key).write(b, depth+1)
		b.WriteString(": ")
		m.val.write(b, depth+1)
		if i < len(o)-1 {
			b.WriteByte(',')
		}
		b.WriteByte('\n')
	}
	b.WriteString(strings.Repeat(indent, depth))
	b.WriteByte('}')
}

func (a array) write(b *strings.Builder, depth int) {
	if len(a) == 0 {
		b.WriteString("[]")
		return
	}
	b.WriteString("[\n")
	for i, v := range a {
		b.WriteString(strings.Repeat(indent, depth+1))
		v.write(b, depth+1)
		if i < len(a)-1 {
			b.WriteByte(',')
		}
		b.WriteByte('\n')
	}
	b.WriteString(strings.Repeat(indent, depth))
	b.WriteByte(']')
}

func (n number) write(b *strings.Builder, _ int) { b.WriteString(string(n)) }

func (l literal) write(b *strings.Builder, _ int) { b.WriteString(string(l)) }

// write quotes the string. Only the characters that JSON requires are
// escaped, so Cyrillic text stays readable as in a Postman export.
func (t text) write(b *strings.Builder, _ int) {
	const hex = "0123456789abcdef"
	b.WriteByte('"')
	for _, r := range string(t) {
		switch {
		case r == '"' || r == '\\':
			b.WriteByte('\\')
			b.WriteRune(r)
		case r == '\n':
			b.WriteString(`\n`)
		case r < 0x20:
			b.WriteString(`\u00`)
			b.WriteByte(hex[r>>4&0xf])
			b.WriteByte(hex[r&0xf])
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
}

// rawJSON returns the text of v as a raw body of Postman's editor.
func rawJSON(v value) string {
	var b strings.Builder
	v.write(&b, 0)
	return b.String()
}

// resolve returns a copy of v with every string that is exactly one
// "{{name}}" reference replaced by its value in vars, the way the server
// of a saved example saw the request.
func resolve(v value, vars map[string]value) value {
	switch v := v.(type) {
	case object:
		out := make(object, len(v))
		for i, m := range v {
			out[i] = member{m.key, resolve(m.val, vars)}
		}
		return out
	case array:
		out := make(array, len(v))
		for i, e := range v {
			out[i] = resolve(e, vars)
		}
		return out
	case text:
		name, ok := strings.CutPrefix(string(v), "{{")
		if name, ok2 := strings.CutSuffix(name, "}}"); ok && ok2 {
			if val, found := vars[name]; found {
				return val
			}
		}
	}
	return v
}
