package model

import (
	"encoding/json"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode"

	"github.com/pmgen/pmgen/diag"
	"github.com/pmgen/pmgen/parser"
)

// collectVariables records the variables known before any request runs:
// collection variables (folder variables count as collection variables,
// as Postman's runner treats them) and every value of the environment
// files. Environment values never become defaults: a variable that only
// environment files define is required, and one the collection defines
// too keeps the collection's value as its default. Secret-looking
// variables lose their value wherever it comes from.
func (b *builder) collectVariables() {
	c := b.in.Collection
	for _, v := range c.Variables {
		b.addVariable(v, ScopeCollection)
	}
	b.addFolderVariables(c.Items)
	for _, env := range b.in.Environments {
		scope := ScopeEnvironment
		if env.Scope == "globals" {
			scope = ScopeGlobal
		}
		for _, v := range env.Variables {
			b.addVariable(v, scope)
		}
	}
	b.warnCycles()
}

func (b *builder) addFolderVariables(items []*parser.Item) {
	for _, it := range items {
		for _, v := range it.Variables {
			b.addVariable(v, ScopeCollection)
		}
		b.addFolderVariables(it.Items)
	}
}

// addVariable records one definition of a variable. The collection's
// definitions come before the environments', so a variable that an
// environment file creates has no collection value and stays secret.
func (b *builder) addVariable(v *parser.Variable, scope VariableScope) {
	if v.Disabled || v.Key == "" {
		return
	}
	value := PostmanValue(v)
	b.valueRefs[v.Key] = append(b.valueRefs[v.Key], References(value)...)
	existing, ok := b.variables[v.Key]
	if !ok {
		existing = &Variable{Name: v.Key, Scope: scope, Doc: v.Description, Secret: scope != ScopeCollection}
		b.variables[v.Key] = existing
		b.api.Variables = append(b.api.Variables, existing)
	}
	// A later collection definition replaces an earlier one. The scope is
	// the narrowest that defines the variable, as in Postman, so that an
	// option overrides a value that WithEnvironmentFile reads at run time.
	if scope == ScopeCollection {
		existing.Default = value
	}
	existing.Scope = min(existing.Scope, scope)
	existing.Secret = existing.Secret || v.Type == "secret" || SecretName(v.Key)
	if existing.Secret {
		existing.Default = ""
	}
}

// CodeVariableCycle: a variable's value refers back to the variable.
const CodeVariableCycle diag.Code = "variable-cycle"

// warnCycles warns about each variable whose value refers back to it,
// directly or through other variables. Postman substitutes such a value
// 19 levels deep and sends the rest as written, and so does the client.
func (b *builder) warnCycles() {
	for _, v := range b.api.Variables {
		if path := b.cycle(v.Name, []string{v.Name}); path != nil {
			b.diags.Warn(CodeVariableCycle, diag.NoPosition, "",
				"variable %s refers to itself through %s: it is substituted 19 levels deep and the rest is sent as written, as Postman does",
				quoteName(v.Name), strings.Join(path, " → "))
		}
	}
}

// cycle returns the chain of references from path's last variable back
// to path[0], or nil when there is none.
func (b *builder) cycle(start string, path []string) []string {
	v, ok := b.variables[path[len(path)-1]]
	if !ok || len(path) > len(b.variables) {
		return nil
	}
	for _, ref := range References(v.Default) {
		if ref == start {
			return append(path, ref)
		}
		if slices.Contains(path, ref) {
			continue
		}
		if found := b.cycle(start, append(path, ref)); found != nil {
			return found
		}
	}
	return nil
}

// secretWords are the words that mark a variable name as a credential.
var secretWords = map[string]bool{
	"token": true, "password": true, "passwd": true, "pwd": true, "secret": true,
	"key": true, "apikey": true, "pin": true, "credential": true, "credentials": true,
	"authorization": true, "cookie": true,
	"пароль": true, "токен": true, "ключ": true,
}

// SecretName reports whether a variable name says it holds a credential:
// one of its words (split at case changes, digits and punctuation) is
// token, password, secret, key, PIN or a similar word.
func SecretName(name string) bool {
	for _, w := range splitWords(name) {
		if secretWords[w] {
			return true
		}
	}
	return false
}

// splitWords splits a name into lower-case words at non-letters and at
// lower-to-upper case changes: "sessionToken" → session, token.
func splitWords(name string) []string {
	var words []string
	var cur []rune
	flush := func() {
		if len(cur) > 0 {
			words = append(words, strings.ToLower(string(cur)))
			cur = cur[:0]
		}
	}
	var prev rune
	for _, r := range name {
		switch {
		case !unicode.IsLetter(r):
			flush()
		case unicode.IsUpper(r) && unicode.IsLower(prev):
			flush()
			cur = append(cur, r)
		default:
			cur = append(cur, r)
		}
		prev = r
	}
	flush()
	return words
}

// PostmanValue returns the text Postman's runtime substitutes for a
// variable: JavaScript's String of its JSON value, as postman-collection
// 4.x converts it. So 10.50 is "10.5", 1e21 is "1e+21" and null is "null".
// An array [1, 2] is "1,2", an object is "[object Object]", and a variable
// without a value is "".
func PostmanValue(v *parser.Variable) string {
	switch v.Kind {
	case parser.ValueNumber:
		if f, err := strconv.ParseFloat(v.Value, 64); err == nil {
			return jsNumber(f)
		}
	case parser.ValueNull:
		return "null"
	case parser.ValueMissing:
		return ""
	case parser.ValueJSON:
		var x any
		if err := json.Unmarshal([]byte(v.Value), &x); err == nil {
			return jsString(x)
		}
	}
	return v.Value
}

// jsString converts a decoded JSON value as JavaScript's String does.
func jsString(x any) string {
	switch x := x.(type) {
	case nil:
		return "null"
	case string:
		return x
	case bool:
		return strconv.FormatBool(x)
	case float64:
		return jsNumber(x)
	case []any:
		// Array.prototype.join writes null elements as "".
		parts := make([]string, len(x))
		for i, e := range x {
			if e != nil {
				parts[i] = jsString(e)
			}
		}
		return strings.Join(parts, ",")
	}
	return "[object Object]"
}

// jsNumber formats f as JavaScript's Number.prototype.toString does: the
// shortest text that reads back as f, in plain notation from 1e-6 up to
// 1e21 and in exponent notation ("1e+21", "1e-7") outside that range.
func jsNumber(f float64) string {
	switch {
	case math.IsNaN(f):
		return "NaN"
	case math.IsInf(f, 0):
		if f > 0 {
			return "Infinity"
		}
		return "-Infinity"
	case f == 0:
		return "0"
	}
	if abs := math.Abs(f); abs >= 1e-6 && abs < 1e21 {
		return strconv.FormatFloat(f, 'f', -1, 64)
	}
	mantissa, exp, _ := strings.Cut(strconv.FormatFloat(f, 'e', -1, 64), "e")
	sign, digits := exp[:1], strings.TrimLeft(exp[1:], "0")
	return mantissa + "e" + sign + digits
}
