package infer

import (
	"math/bits"
	"strconv"
	"strings"
	"time"

	"github.com/pmgen/pmgen/internal/jsontree"
)

// kind is one JSON type a node of the samples had.
type kind uint8

const (
	kindNull kind = iota
	kindBool
	kindInt
	kindFloat
	kindString
	kindObject
	kindArray
	kindCount
)

var kindWords = [kindCount]string{"null", "boolean", "integer", "fraction", "string", "object", "array"}

// kindSet is a set of kinds.
type kindSet uint16

func (s kindSet) has(k kind) bool { return s&(1<<k) != 0 }

func (s kindSet) count() int { return bits.OnesCount16(uint16(s)) }

// shape merges what the samples contain at one place of the body: the
// kinds of its values, and for objects and arrays their members and
// elements.
type shape struct {
	kinds kindSet
	// origin is the index of the first sample that had each kind, used to
	// point diagnostics at a sample.
	origin [kindCount]int
	// placeholder is the first placeholder at this place that the hook
	// gave no value for; placeholders contribute no type.
	placeholder       string
	placeholderOrigin int
	// notTime is set when some string here is not an RFC 3339 timestamp.
	notTime bool
	// bigInt is set when some number here is an integer beyond the int64
	// range, and written is set when some number has a decimal point or
	// an exponent.
	bigInt, written bool

	objects int // number of objects merged into fields
	fields  []*field
	index   map[string]int // key → position in fields

	elem *shape // merged array elements; nil while every array is empty
	// emptyOrigin is the index of the first sample with an empty array
	// here, or -1.
	emptyOrigin int
}

// field is one key of the merged objects.
type field struct {
	key string
	// seen counts the objects that have the key; fewer than the shape's
	// objects make the field optional.
	seen int
	// duplicated is the index of the first sample where one object has
	// the key twice, or -1.
	duplicated int
	shape      *shape
}

func newShape() *shape {
	return &shape{emptyOrigin: -1, placeholderOrigin: -1}
}

// merger adds parsed samples to shapes.
type merger struct {
	// placeholder returns the value text of a {{name}} placeholder.
	placeholder func(name string) (string, bool)
	sample      int // index of the sample being merged
}

// add merges one value into s.
func (m *merger) add(s *shape, v *jsontree.Value) {
	switch v.Kind {
	case jsontree.Null:
		s.mark(kindNull, m.sample)
	case jsontree.Bool:
		s.mark(kindBool, m.sample)
	case jsontree.Number:
		k := numberKind(v.Str)
		s.mark(k, m.sample)
		if k == kindFloat {
			if strings.ContainsAny(v.Str, ".eE") {
				s.written = true
			} else {
				s.bigInt = true
			}
		}
	case jsontree.String:
		s.mark(kindString, m.sample)
		if !isTimestamp(v.Str) {
			s.notTime = true
		}
	case jsontree.Array:
		m.addArray(s, v)
	case jsontree.Object:
		m.addObject(s, v)
	case jsontree.Placeholder:
		m.addPlaceholder(s, v.Str)
	}
}

func (s *shape) mark(k kind, sample int) {
	if !s.kinds.has(k) {
		s.kinds |= 1 << k
		s.origin[k] = sample
	}
}

func (m *merger) addArray(s *shape, v *jsontree.Value) {
	s.mark(kindArray, m.sample)
	if len(v.Items) == 0 && s.emptyOrigin < 0 {
		s.emptyOrigin = m.sample
	}
	for i := range v.Items {
		if s.elem == nil {
			s.elem = newShape()
		}
		m.add(s.elem, &v.Items[i])
	}
}

func (m *merger) addObject(s *shape, v *jsontree.Value) {
	s.mark(kindObject, m.sample)
	s.objects++
	if s.index == nil {
		s.index = map[string]int{}
	}
	// Keys of this object seen so far, to count each object once per key.
	var keysSeen map[string]bool
	if len(v.Members) > 1 {
		keysSeen = make(map[string]bool, len(v.Members))
	}
	for i := range v.Members {
		mem := &v.Members[i]
		f := s.field(mem.Key)
		switch {
		case keysSeen == nil:
			f.seen++
		case keysSeen[mem.Key]:
			if f.duplicated < 0 {
				f.duplicated = m.sample
			}
		default:
			keysSeen[mem.Key] = true
			f.seen++
		}
		m.add(f.shape, &mem.Value)
	}
}

// field returns the field for key, adding it after the known ones.
func (s *shape) field(key string) *field {
	if i, ok := s.index[key]; ok {
		return s.fields[i]
	}
	f := &field{key: key, duplicated: -1, shape: newShape()}
	s.index[key] = len(s.fields)
	s.fields = append(s.fields, f)
	return f
}

// addPlaceholder merges the value the hook gives for an unquoted
// {{name}}, or records the placeholder when there is none.
func (m *merger) addPlaceholder(s *shape, text string) {
	name := strings.TrimSpace(strings.TrimSuffix(strings.TrimPrefix(text, "{{"), "}}"))
	if m.placeholder != nil {
		if value, ok := m.placeholder(name); ok {
			// The value is substituted unquoted, as Postman does, so it
			// must be JSON itself to give a type.
			if v, err := jsontree.Parse([]byte(value), jsontree.Options{}); err == nil {
				m.add(s, v)
				return
			}
		}
	}
	if s.placeholderOrigin < 0 {
		s.placeholder, s.placeholderOrigin = text, m.sample
	}
}

// numberKind returns kindFloat for a number written with a decimal point or
// an exponent, or too large for an int64, and kindInt otherwise. The
// converter types a place whose only numbers beyond int64 are integers as
// json.Number, which keeps every digit.
func numberKind(text string) kind {
	if strings.ContainsAny(text, ".eE") {
		return kindFloat
	}
	if _, err := strconv.ParseInt(text, 10, 64); err != nil {
		return kindFloat
	}
	return kindInt
}

// isTimestamp reports whether s is an RFC 3339 date and time, such as
// "2024-05-01T10:00:00+03:00", in the layout time.Time decodes from JSON.
func isTimestamp(s string) bool {
	if len(s) < len("2006-01-02T15:04:05Z") {
		return false
	}
	_, err := time.Parse(time.RFC3339, s)
	return err == nil
}
