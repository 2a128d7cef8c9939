package model

import (
	"strings"
	"unicode"

	"github.com/pmgen/pmgen/parser"
)

// collectVariables records the variables known before any request runs:
// collection variables (folder variables count as collection variables,
// as Postman's runner treats them) and every value of the environment
// files. Environment values and secret-looking variables lose their value:
// their options are required.
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
}

func (b *builder) addFolderVariables(items []*parser.Item) {
	for _, it := range items {
		for _, v := range it.Variables {
			b.addVariable(v, ScopeCollection)
		}
		b.addFolderVariables(it.Items)
	}
}

func (b *builder) addVariable(v *parser.Variable, scope VariableScope) {
	if v.Disabled || v.Key == "" {
		return
	}
	fromEnvironment := scope != ScopeCollection
	secret := fromEnvironment || v.Type == "secret" || SecretName(v.Key)
	value := v.Value
	if v.Kind == parser.ValueMissing || v.Kind == parser.ValueNull || secret {
		value = ""
	}
	existing, ok := b.variables[v.Key]
	if !ok {
		existing = &Variable{Name: v.Key, Scope: scope, Doc: v.Description}
		b.variables[v.Key] = existing
		b.api.Variables = append(b.api.Variables, existing)
	}
	// A narrower scope wins, as in Postman; a later definition in the
	// same scope replaces an earlier one.
	if scope <= existing.Scope {
		existing.Scope = scope
		existing.Default = value
	}
	existing.Secret = existing.Secret || secret
	if existing.Secret {
		existing.Default = ""
	}
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
