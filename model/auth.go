package model

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/pmgen/pmgen/diag"
	"github.com/pmgen/pmgen/parser"
)

// AuthSigner is the auth kind of the auth types pmgen does not implement
// (oauth1, awsv4, hawk, ntlm, jwt, edgegrid, asap, ...): the client asks
// the caller's request signer to sign the request.
const AuthSigner AuthKind = "signer"

// secretAuthParams lists, for each auth kind, the parameters that are
// credentials. Their values never reach generated code.
var secretAuthParams = map[AuthKind][]string{
	AuthBasic:  {"username", "password"},
	AuthDigest: {"username", "password"},
	AuthBearer: {"token"},
	AuthAPIKey: {"value"},
	AuthOAuth2: {"accessToken"},
}

// unsentCredentialParams lists, for each auth type, the credential
// parameters that the client does not send itself: the parameters of the
// auth types pmgen does not implement, and oauth2's parameters for getting
// a token. Variables they refer to are secret too, because a request or a
// script may read the same variables.
var unsentCredentialParams = map[string][]string{
	"oauth2":   {"clientSecret", "password", "refreshToken"},
	"oauth1":   {"consumerSecret", "token", "tokenSecret", "privateKey"},
	"awsv4":    {"secretKey", "sessionToken"},
	"hawk":     {"authKey"},
	"ntlm":     {"password"},
	"jwt":      {"secret", "privateKey"},
	"edgegrid": {"accessToken", "clientToken", "clientSecret"},
	"asap":     {"privateKey"},
}

// structuralAuthParams lists the non-secret parameters the client uses.
var structuralAuthParams = map[AuthKind][]string{
	AuthAPIKey: {"key", "in"},
	AuthOAuth2: {"addTokenTo", "headerPrefix"},
}

// effectiveAuth walks request → folders (innermost first) → collection
// until it finds an auth object with a type, as Postman does.
//
// An auth object whose type is "inherit" ends the walk too:
// postman-collection 4.x takes any type as the item's auth, and Postman's
// runtime has no handler for "inherit", so newman 6.2.2 sends such a
// request without auth. The client does the same and warns.
func (b *builder) effectiveAuth(src *opSource) *Auth {
	auth := src.item.Request.Auth
	for i := len(src.parents) - 1; i >= 0 && inherits(auth); i-- {
		auth = src.parents[i].Auth
	}
	if inherits(auth) {
		auth = b.in.Collection.Auth
	}
	if inherits(auth) {
		return nil
	}
	kind := AuthKind(strings.ToLower(auth.Type))
	for _, key := range unsentCredentialParams[string(kind)] {
		if v, ok := auth.Param(key); ok {
			b.secretReferences(References(v))
		}
	}
	switch kind {
	case AuthNone:
		return nil
	case "inherit":
		b.diags.Warn(CodeExplicitInherit, auth.Pos, src.op.Where,
			"auth type \"inherit\" is written out: Postman's runtime finds no handler for it and sends the request without auth, and so does the client; remove the auth object to inherit the parent's auth")
		return nil
	case AuthBasic, AuthBearer, AuthAPIKey, AuthDigest, AuthOAuth2:
	default:
		b.diags.Warn(diag.Code("unsupported-auth-"+string(kind)), auth.Pos, src.op.Where,
			"%s auth is not implemented: the client calls the request signer given with WithSigner instead", kind)
		kind = AuthSigner
	}
	scheme := b.scheme(kind, auth)
	return &Auth{Kind: kind, Scheme: scheme}
}

// inherits reports whether an auth leaves the choice to the parent: it
// is missing or has no type.
func inherits(a *parser.Auth) bool {
	return a == nil || a.Type == ""
}

// CodeExplicitInherit: an auth object has the type "inherit", which
// Postman's runtime treats as an auth type without a handler.
const CodeExplicitInherit diag.Code = "explicit-inherit-auth"

// scheme returns the shared AuthScheme of an auth object. Credentials
// written as literals become secret variables, so that the client asks
// for them through options instead of carrying them in code.
func (b *builder) scheme(kind AuthKind, auth *parser.Auth) *AuthScheme {
	params := map[string]string{}
	for _, key := range structuralAuthParams[kind] {
		if v, ok := auth.Param(key); ok {
			params[key] = v
		}
	}
	for _, key := range secretAuthParams[kind] {
		v, _ := auth.Param(key)
		params[key] = v
	}
	id := schemeID(kind, params)
	if s, ok := b.schemes[id]; ok {
		return s
	}
	for _, key := range secretAuthParams[kind] {
		params[key] = b.credentialTemplate(kind, key, params[key])
	}
	s := &AuthScheme{Kind: kind, Params: params}
	b.schemes[id] = s
	b.api.Schemes = append(b.api.Schemes, s)
	return s
}

func schemeID(kind AuthKind, params map[string]string) string {
	keys := make([]string, 0, len(params))
	for k := range params {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	var sb strings.Builder
	sb.WriteString(string(kind))
	for _, k := range keys {
		fmt.Fprintf(&sb, "\x00%s=%s", k, params[k])
	}
	return sb.String()
}

// credentialTemplate returns the template a credential is read from. A
// template over variables stays as it is, and the variables it refers to
// become secret. A literal becomes a new secret variable named after the
// auth kind and parameter.
func (b *builder) credentialTemplate(kind AuthKind, key, value string) string {
	if refs := References(value); len(refs) > 0 {
		b.secretReferences(refs)
		return value
	}
	literal := string(kind) + "\x00" + key + "\x00" + value
	if name, ok := b.credentials[literal]; ok {
		return "{{" + name + "}}"
	}
	base := string(kind) + strings.ToUpper(key[:1]) + key[1:]
	name := base
	for i := 2; b.variables[name] != nil; i++ {
		name = base + strconv.Itoa(i)
	}
	b.credentials[literal] = name
	b.secretVariable(name)
	return "{{" + name + "}}"
}

// secretReferences makes the named variables secret, and every variable
// that their values refer to at any depth, in the collection or in an
// environment file. A name that nothing defines becomes a new secret
// variable. Dynamic variables and variables that only scripts set have no
// value in the code, so they stay as they are.
func (b *builder) secretReferences(names []string) {
	queue := slices.Clone(names)
	seen := map[string]bool{}
	for len(queue) > 0 {
		name := queue[len(queue)-1]
		queue = queue[:len(queue)-1]
		if seen[name] {
			continue
		}
		seen[name] = true
		if _, ok := b.variables[name]; ok || !b.defined(name) {
			b.secretVariable(name)
		}
		queue = append(queue, b.valueRefs[name]...)
	}
}

// secretVariable makes a variable required and removes its default,
// adding it when nothing defines it.
func (b *builder) secretVariable(name string) {
	if v, ok := b.variables[name]; ok {
		v.Secret, v.Default = true, ""
		return
	}
	v := &Variable{Name: name, Scope: ScopeEnvironment, Secret: true}
	b.variables[name] = v
	b.api.Variables = append(b.api.Variables, v)
}
