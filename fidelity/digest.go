package fidelity

import (
	"crypto/md5"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"hash"
	"slices"
	"strings"
)

// DigestResult is the capture server's verdict on a request under a
// Digest challenge.
type DigestResult string

const (
	// DigestChallenged marks a request without Digest authorization, to
	// which the server responds with the challenge.
	DigestChallenged DigestResult = "challenged"
	// DigestValid marks a request whose Digest response matches the
	// challenge and the credentials.
	DigestValid DigestResult = "valid"
)

// DigestChallenge is the challenge the capture server sends to requests
// of the listed paths, and the credentials it checks responses against
// (RFC 7616, qop "auth" or none).
type DigestChallenge struct {
	Paths     []string `json:"paths"`
	Realm     string   `json:"realm"`
	Nonce     string   `json:"nonce"`
	Opaque    string   `json:"opaque,omitempty"`
	QOP       string   `json:"qop,omitempty"`
	Algorithm string   `json:"algorithm,omitempty"`
	Username  string   `json:"username"`
	Password  string   `json:"password"`
}

func (d *DigestChallenge) covers(r *Request) bool {
	return slices.Contains(d.Paths, r.Path())
}

// header returns the WWW-Authenticate value of the challenge.
func (d *DigestChallenge) header() string {
	var b strings.Builder
	fmt.Fprintf(&b, `Digest realm="%s", nonce="%s"`, d.Realm, d.Nonce)
	if d.QOP != "" {
		fmt.Fprintf(&b, `, qop="%s"`, d.QOP)
	}
	if d.Opaque != "" {
		fmt.Fprintf(&b, `, opaque="%s"`, d.Opaque)
	}
	if d.Algorithm != "" {
		fmt.Fprintf(&b, `, algorithm=%s`, d.Algorithm)
	}
	return b.String()
}

// check returns the verdict on the Authorization header of r.
func (d *DigestChallenge) check(r *Request) DigestResult {
	var auth string
	for _, v := range r.Header("Authorization") {
		if scheme, rest, _ := strings.Cut(v, " "); strings.EqualFold(scheme, "Digest") {
			auth = rest
		}
	}
	if auth == "" {
		return DigestChallenged
	}
	p := parseDigestParams(auth)
	for _, want := range [][2]string{
		{"username", d.Username}, {"realm", d.Realm}, {"nonce", d.Nonce}, {"uri", r.Target}, {"opaque", d.Opaque},
	} {
		if p[want[0]] != want[1] {
			return DigestResult(fmt.Sprintf("invalid: %s is %q, want %q", want[0], p[want[0]], want[1]))
		}
	}
	newHash, err := digestHash(p["algorithm"])
	if err != nil {
		return DigestResult("invalid: " + err.Error())
	}
	h := func(s string) string {
		d := newHash()
		d.Write([]byte(s))
		return hex.EncodeToString(d.Sum(nil))
	}
	ha1 := h(d.Username + ":" + d.Realm + ":" + d.Password)
	ha2 := h(r.Method + ":" + r.Target)
	var want string
	switch p["qop"] {
	case "":
		want = h(ha1 + ":" + d.Nonce + ":" + ha2)
	case "auth":
		want = h(ha1 + ":" + d.Nonce + ":" + p["nc"] + ":" + p["cnonce"] + ":auth:" + ha2)
	default:
		return DigestResult(fmt.Sprintf("invalid: qop %q, want \"auth\" or none", p["qop"]))
	}
	if p["response"] != want {
		return DigestResult(fmt.Sprintf("invalid: response %q, want %q", p["response"], want))
	}
	return DigestValid
}

func digestHash(algorithm string) (func() hash.Hash, error) {
	switch strings.ToUpper(algorithm) {
	case "", "MD5":
		return md5.New, nil
	case "SHA-256":
		return sha256.New, nil
	}
	return nil, fmt.Errorf("algorithm %q, want MD5 or SHA-256", algorithm)
}

// parseDigestParams reads the comma-separated key=value pairs of a Digest
// authorization, unquoting quoted values.
func parseDigestParams(s string) map[string]string {
	params := map[string]string{}
	for len(s) > 0 {
		s = strings.TrimLeft(s, " ,")
		key, rest, ok := strings.Cut(s, "=")
		if !ok {
			break
		}
		key = strings.ToLower(strings.TrimSpace(key))
		var value string
		if strings.HasPrefix(rest, `"`) {
			end := strings.IndexByte(rest[1:], '"')
			if end < 0 {
				value, rest = rest[1:], ""
			} else {
				value, rest = rest[1:1+end], rest[2+end:]
			}
		} else {
			value, rest, _ = strings.Cut(rest, ",")
			value = strings.TrimSpace(value)
		}
		params[key] = value
		s = rest
	}
	return params
}
