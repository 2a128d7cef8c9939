package clientrt

import (
	"math"
	"regexp"
	"slices"
	"unicode/utf8"
)

// jsSchemaValid reports whether the JSON value v is valid against a JSON
// schema, as Postman's to.have.jsonSchema checks it. It implements the
// keywords collections use: type, enum, const, properties, required,
// additionalProperties, items, minimum, maximum, exclusiveMinimum,
// exclusiveMaximum, minLength, maxLength, pattern, minItems, maxItems,
// allOf, anyOf, oneOf and not.
//
// NOTE: $ref, format and the other keywords are ignored, so a schema that
// relies on them accepts more than Postman's validator does.
func jsSchemaValid(v, schema any) bool {
	s, ok := schema.(map[string]any)
	if !ok {
		// true accepts everything, false nothing; other values are not schemas.
		b, isBool := schema.(bool)
		return !isBool || b
	}
	return schemaType(v, s["type"]) &&
		schemaEnum(v, s) &&
		schemaObject(v, s) &&
		schemaArray(v, s) &&
		schemaNumber(v, s) &&
		schemaString(v, s) &&
		schemaCombinators(v, s)
}

func schemaType(v any, t any) bool {
	switch t := t.(type) {
	case nil:
		return true
	case string:
		return schemaTypeIs(v, t)
	case []any:
		return slices.ContainsFunc(t, func(e any) bool { name, _ := e.(string); return schemaTypeIs(v, name) })
	}
	return true
}

func schemaTypeIs(v any, name string) bool {
	if name == "integer" {
		f, ok := v.(float64)
		return ok && f == math.Trunc(f)
	}
	return jsType(v) == name
}

func schemaEnum(v any, s map[string]any) bool {
	if c, ok := s["const"]; ok && !jsDeepEqual(v, c) {
		return false
	}
	if e, ok := s["enum"].([]any); ok {
		return slices.ContainsFunc(e, func(x any) bool { return jsDeepEqual(v, x) })
	}
	return true
}

func schemaObject(v any, s map[string]any) bool {
	obj, ok := v.(map[string]any)
	if !ok {
		return true
	}
	if req, ok := s["required"].([]any); ok {
		for _, r := range req {
			if name, _ := r.(string); name != "" {
				if _, present := obj[name]; !present {
					return false
				}
			}
		}
	}
	props, _ := s["properties"].(map[string]any)
	for key, value := range obj {
		if sub, ok := props[key]; ok {
			if !jsSchemaValid(value, sub) {
				return false
			}
			continue
		}
		if extra, ok := s["additionalProperties"]; ok && !jsSchemaValid(value, extra) {
			return false
		}
	}
	return true
}

func schemaArray(v any, s map[string]any) bool {
	arr, ok := v.([]any)
	if !ok {
		return true
	}
	if n, ok := s["minItems"].(float64); ok && float64(len(arr)) < n {
		return false
	}
	if n, ok := s["maxItems"].(float64); ok && float64(len(arr)) > n {
		return false
	}
	switch items := s["items"].(type) {
	case map[string]any, bool:
		for _, e := range arr {
			if !jsSchemaValid(e, items) {
				return false
			}
		}
	case []any:
		for i, e := range arr {
			if i < len(items) && !jsSchemaValid(e, items[i]) {
				return false
			}
		}
	}
	return true
}

func schemaNumber(v any, s map[string]any) bool {
	f, ok := v.(float64)
	if !ok {
		return true
	}
	if n, ok := s["minimum"].(float64); ok && f < n {
		return false
	}
	if n, ok := s["maximum"].(float64); ok && f > n {
		return false
	}
	if n, ok := s["exclusiveMinimum"].(float64); ok && f <= n {
		return false
	}
	if n, ok := s["exclusiveMaximum"].(float64); ok && f >= n {
		return false
	}
	return true
}

func schemaString(v any, s map[string]any) bool {
	str, ok := v.(string)
	if !ok {
		return true
	}
	n := float64(utf8.RuneCountInString(str))
	if m, ok := s["minLength"].(float64); ok && n < m {
		return false
	}
	if m, ok := s["maxLength"].(float64); ok && n > m {
		return false
	}
	if p, ok := s["pattern"].(string); ok {
		re, err := regexp.Compile(p)
		if err != nil || !re.MatchString(str) {
			return false
		}
	}
	return true
}

func schemaCombinators(v any, s map[string]any) bool {
	if all, ok := s["allOf"].([]any); ok {
		for _, sub := range all {
			if !jsSchemaValid(v, sub) {
				return false
			}
		}
	}
	if anyOf, ok := s["anyOf"].([]any); ok && !slices.ContainsFunc(anyOf, func(sub any) bool { return jsSchemaValid(v, sub) }) {
		return false
	}
	if oneOf, ok := s["oneOf"].([]any); ok {
		n := 0
		for _, sub := range oneOf {
			if jsSchemaValid(v, sub) {
				n++
			}
		}
		if n != 1 {
			return false
		}
	}
	if not, ok := s["not"]; ok && jsSchemaValid(v, not) {
		return false
	}
	return true
}
