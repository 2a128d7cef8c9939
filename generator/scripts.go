package generator

import (
	"math"
	"strconv"

	"github.com/dave/jennifer/jen"

	"github.com/pmgen/pmgen/model/script"
)

// assignments returns the runtime assignments of the variable sets and
// unsets in scripts, in order. Sets the runtime cannot express are left
// out here; the sequence tests log them.
func assignments(scripts []*script.Script) []jen.Code {
	var out []jen.Code
	for _, s := range scripts {
		for _, st := range s.Statements {
			if a := assignment(st); a != nil {
				out = append(out, a)
			}
		}
	}
	return out
}

// assignment emits {scope: ScopeEnvironment, name: "token", from: fromResponseJSON, path: []any{"token"}}.
func assignment(st script.Statement) jen.Code {
	switch st := st.(type) {
	case *script.Unset:
		return jen.Values(jen.Dict{
			jen.Id("scope"): jen.Id(runtimeScope(st.Scope)),
			jen.Id("name"):  jen.Lit(st.Name),
			jen.Id("from"):  jen.Id("fromUnset"),
		})
	case *script.Set:
		d := valueSource(st.Value)
		if d == nil {
			return nil
		}
		d[jen.Id("scope")] = jen.Id(runtimeScope(st.Scope))
		d[jen.Id("name")] = jen.Lit(st.Name)
		return jen.Values(d)
	}
	return nil
}

// valueSource returns the from, path and text fields of an assignment
// that stores the value of e, or nil when the runtime cannot compute it.
func valueSource(e script.Expr) jen.Dict {
	switch e := e.(type) {
	case *script.Literal:
		text, ok := jsString(e.Value)
		if !ok {
			return nil
		}
		return jen.Dict{jen.Id("from"): jen.Id("fromLiteral"), jen.Id("text"): jen.Lit(text)}
	case *script.Variable:
		return jen.Dict{jen.Id("from"): jen.Id("fromVariable"), jen.Id("text"): jen.Lit(e.Name)}
	case *script.Dynamic:
		return jen.Dict{jen.Id("from"): jen.Id("fromDynamic"), jen.Id("text"): jen.Lit(e.Name)}
	case *script.Now:
		switch e.Format {
		case script.UnixMilli:
			return jen.Dict{jen.Id("from"): jen.Id("fromTimestampMillis")}
		case script.ISO8601:
			return jen.Dict{jen.Id("from"): jen.Id("fromISOTimestamp")}
		}
	case *script.ResponseJSON:
		var path []jen.Code
		for _, step := range e.Path {
			if step.IsIndex {
				path = append(path, jen.Lit(step.Index))
			} else {
				path = append(path, jen.Lit(step.Key))
			}
		}
		d := jen.Dict{jen.Id("from"): jen.Id("fromResponseJSON")}
		if len(path) > 0 {
			d[jen.Id("path")] = jen.Index().Any().Values(path...)
		}
		return d
	case *script.ResponseHeader:
		return jen.Dict{jen.Id("from"): jen.Id("fromResponseHeader"), jen.Id("text"): jen.Lit(e.Name)}
	case *script.ResponseCode:
		return jen.Dict{jen.Id("from"): jen.Id("fromResponseCode")}
	case *script.ResponseText:
		return jen.Dict{jen.Id("from"): jen.Id("fromResponseText")}
	case *script.Concat:
		if text, ok := concatTemplate(e); ok {
			return jen.Dict{jen.Id("from"): jen.Id("fromTemplate"), jen.Id("text"): jen.Lit(text)}
		}
	}
	return nil
}

// concatTemplate turns a concatenation of literals, variables and dynamic
// variables into one {{template}}.
func concatTemplate(c *script.Concat) (string, bool) {
	var out string
	for _, p := range c.Parts {
		switch p := p.(type) {
		case *script.Literal:
			text, ok := jsString(p.Value)
			if !ok {
				return "", false
			}
			out += text
		case *script.Variable:
			out += "{{" + p.Name + "}}"
		case *script.Dynamic:
			out += "{{" + p.Name + "}}"
		default:
			return "", false
		}
	}
	return out, true
}

// jsString formats a literal as JavaScript's String() does.
func jsString(v any) (string, bool) {
	switch v := v.(type) {
	case nil:
		return "null", true
	case bool:
		return strconv.FormatBool(v), true
	case string:
		return v, true
	case float64:
		return jsNumber(v), true
	}
	return "", false
}

// jsNumber formats a number as JavaScript's Number.prototype.toString
// does for the values scripts write: integers without a fraction, others
// in the shortest form that reads back the same.
func jsNumber(f float64) string {
	if f == math.Trunc(f) && math.Abs(f) < 1e21 {
		return strconv.FormatFloat(f, 'f', -1, 64)
	}
	return strconv.FormatFloat(f, 'g', -1, 64)
}

// runtimeScope names the runtime constant for a script scope.
func runtimeScope(s script.Scope) string {
	switch s {
	case script.ScopeLocal:
		return "ScopeLocal"
	case script.ScopeData:
		return "ScopeData"
	case script.ScopeCollection:
		return "ScopeCollection"
	case script.ScopeGlobal:
		return "ScopeGlobal"
	}
	return "ScopeEnvironment"
}
