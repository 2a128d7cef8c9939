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
	// index maps keys to positions in fields once there are more than
	// maxScannedFields fields; fewer are found by comparing every key.
	index map[string]int

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
	// lastObject is the number that the merger gave the last object with
	// the key, or 0.
	lastObject int
	// shape is part of the field, so that adding a field allocates once.
	shape shape
}

// maxScannedFields is the number of fields up to which shape.field
// compares keys one by one: for a few keys that costs less than a map.
const maxScannedFields = 8

// newShape returns a shape that nothing has been merged into.
func newShape() shape {
	return shape{emptyOrigin: -1, placeholderOrigin: -1}
}

// merger adds parsed samples to shapes.
type merger struct {
	// placeholder returns the value text of a {{name}} placeholder.
	placeholder func(name string) (string, bool)
	sample      int // index of the sample being merged
	objects     int // number of objects merged so far
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
			elem := newShape()
			s.elem = &elem
		}
		m.add(s.elem, &v.Items[i])
	}
}

func (m *merger) addObject(s *shape, v *jsontree.Value) {
	s.mark(kindObject, m.sample)
	s.objects++
	// The object's number marks the fields it has, so that a key that
	// comes twice in it is counted once.
	m.objects++
	object := m.objects
	for i := range v.Members {
		mem := &v.Members[i]
		f := s.field(mem.Key)
		if f.lastObject == object {
			if f.duplicated < 0 {
				f.duplicated = m.sample
			}
		} else {
			f.lastObject = object
			f.seen++
		}
		m.add(&f.shape, &mem.Value)
	}
}

// field returns the field for key, adding it after the known ones.
func (s *shape) field(key string) *field {
	if s.index != nil {
		if i, ok := s.index[key]; ok {
			return s.fields[i]
		}
	} else {
		for _, f := range s.fields {
			if f.key == key {
				return f
			}
		}
	}

	f := &field{key: key, duplicated: -1, shape: newShape()}
	s.fields = append(s.fields, f)
	switch {
	case s.index != nil:
		s.index[key] = len(s.fields) - 1
	case len(s.fields) > maxScannedFields:
		s.index = make(map[string]int, 2*len(s.fields))
		for i, f := range s.fields {
			s.index[f.key] = i
		}
	}
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
	if len(s) < len("2006-01-02T15:04:05Z") || !hasDatePrefix(s) {
		return false
	}
	_, err := time.Parse(time.RFC3339, s)
	return err == nil
}

// hasDatePrefix reports whether s starts like "2006-01-02T". time.Parse
// with the RFC 3339 layout rejects every other string, because it reads
// four digits of year and two each of month and day. Checking first saves
// the error that it allocates for most strings.
func hasDatePrefix(s string) bool {
	for i := range len("2006-01-02T") {
		switch c := s[i]; i {
		case 4, 7:
			if c != '-' {
				return false
			}
		case 10:
			if c != 'T' {
				return false
			}
		default:
			if c < '0' || c > '9' {
				return false
			}
		}
	}
	return true
}
