package naming

import "go/token"

// initialisms are the words spelled in upper case inside a name, in the
// style that golint and staticcheck expect: "userId" gives "UserID". The
// list is short because a longer one would upper-case ordinary words.
// Besides common web initialisms it has QR, VAT and SKU for payment APIs.
var initialisms = map[string]string{
	"acl": "ACL", "api": "API", "ascii": "ASCII", "cpu": "CPU", "css": "CSS",
	"csv": "CSV", "dns": "DNS", "guid": "GUID", "html": "HTML", "http": "HTTP",
	"https": "HTTPS", "id": "ID", "ip": "IP", "json": "JSON", "jwt": "JWT",
	"qr": "QR", "rpc": "RPC", "sku": "SKU", "sms": "SMS", "smtp": "SMTP",
	"sql": "SQL", "ssh": "SSH", "tcp": "TCP", "tls": "TLS", "ttl": "TTL",
	"udp": "UDP", "ui": "UI", "uid": "UID", "uri": "URI", "url": "URL",
	"utf8": "UTF8", "uuid": "UUID", "vat": "VAT", "xml": "XML",
}

// generatedNames are the package names that generated code imports and
// the local names it declares, which a parameter or local variable of the
// same name would shadow.
var generatedNames = map[string]bool{
	// Imports.
	"bytes": true, "context": true, "errors": true, "fmt": true, "http": true,
	"io": true, "json": true, "mime": true, "multipart": true, "os": true,
	"strconv": true, "strings": true, "sync": true, "testing": true,
	"time": true, "url": true,
	// Locals and receivers.
	"body": true, "c": true, "ctx": true, "err": true, "opts": true,
	"q": true, "req": true, "resp": true, "t": true, "u": true,
}

// predeclared are the identifiers of Go's universe block.
var predeclared = map[string]bool{
	"any": true, "append": true, "bool": true, "byte": true, "cap": true,
	"clear": true, "close": true, "comparable": true, "complex": true,
	"complex128": true, "complex64": true, "copy": true, "delete": true,
	"error": true, "false": true, "float32": true, "float64": true,
	"imag": true, "int": true, "int16": true, "int32": true, "int64": true,
	"int8": true, "iota": true, "len": true, "make": true, "max": true,
	"min": true, "new": true, "nil": true, "panic": true, "print": true,
	"println": true, "real": true, "recover": true, "rune": true,
	"string": true, "true": true, "uint": true, "uint16": true,
	"uint32": true, "uint64": true, "uint8": true, "uintptr": true,
}

// IsReserved reports whether an unexported name is a Go keyword, a
// predeclared identifier, or an import or local name of generated code.
func IsReserved(name string) bool {
	return token.IsKeyword(name) || predeclared[name] || generatedNames[name]
}
