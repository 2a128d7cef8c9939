// Package parser decodes Postman collection (format v2.0.0 and v2.1.0) and
// environment files into Postman-shaped Go values.
//
// It tolerates every union shape the two schemas allow and the common ways
// real exports break them. Each decoded node records its position (file,
// line:col and JSON pointer), and every problem becomes a diagnostic with a
// stable code, listed in codes.go. The parser resolves no variables and infers no
// types: the model package interprets what it returns.
package parser

import (
	"strconv"
	"strings"

	"github.com/pmgen/pmgen/diag"
	"github.com/pmgen/pmgen/internal/jsontree"
)

// Schema versions a collection can be read as.
const (
	SchemaV200 = "2.0.0"
	SchemaV210 = "2.1.0"
)

// ParseCollection decodes a collection file. The file argument names the
// input in positions and messages, and data is its content.
//
// The collection is nil when data cannot be read as a collection at all:
// invalid JSON, a v1 collection, or a value without "info" and "item".
// Otherwise it holds everything that could be decoded, even when the list
// has errors (a limit was exceeded and the part beyond it was dropped).
func ParseCollection(file string, data []byte, opts Options) (*Collection, diag.List) {
	opts = opts.withDefaults()
	var list diag.List
	// Workers decode the top-level items while the rest is parsed.
	stream := startItemStream(file, data, opts)
	root, ok := parseJSON(file, data, opts, &list, stream.callback())
	stream.wait()
	if !ok {
		return nil, list
	}

	d := newDecoder(file, data, opts)
	d.stream = stream
	c := d.collection(node{v: root})
	d.finish(&list)
	return c, list
}

// InputTooLarge returns the error for an input of size bytes that is
// larger than opts.MaxInputSize. A size below zero stands for an input
// whose size is unknown, such as a pipe that was read up to the limit.
func InputTooLarge(file string, size int64, opts Options) diag.List {
	opts = opts.withDefaults()
	var list diag.List
	pos := diag.Position{File: file, Offset: -1}
	const hint = "raise the limit with -max-input-size to read it"
	if size < 0 {
		list.Error(CodeInputTooLarge, pos, "", "input is larger than the limit of %s; %s", formatSize(int64(opts.MaxInputSize)), hint)
	} else {
		list.Error(CodeInputTooLarge, pos, "", "input is %s, larger than the limit of %s; %s", formatSize(size), formatSize(int64(opts.MaxInputSize)), hint)
	}
	return list
}

// parseJSON checks the input size and parses data into a tree, adding an
// error to list when either fails. A non-nil onElement receives the
// elements of the top-level arrays as jsontree.Options.RootElement
// describes.
func parseJSON(file string, data []byte, opts Options, list *diag.List, onElement func(string, int, jsontree.Value)) (*jsontree.Value, bool) {
	if len(data) > opts.MaxInputSize {
		list.Append(InputTooLarge(file, int64(len(data)), opts))
		return nil, false
	}
	root, err := jsontree.Parse(data, jsontree.Options{MaxDepth: opts.jsonDepth(), RootElement: onElement})
	if err != nil {
		list.Add(syntaxError(file, data, err))
		return nil, false
	}
	return root, true
}

func syntaxError(file string, data []byte, err error) diag.Diagnostic {
	pos := diag.Position{File: file, Offset: -1}
	msg := err.Error()
	if se, ok := err.(*jsontree.SyntaxError); ok {
		pos.Offset = se.Offset
		pos.Line, pos.Col = jsontree.LineCol(data, se.Offset)
		msg = se.Msg
	}
	fix := "fix the file at this position or export it from Postman again"
	// jsontree reports its depth bound with this message. The bound grows
	// with Options.MaxFolderDepth (see Options.jsonDepth).
	if strings.HasPrefix(msg, "nesting deeper than") {
		fix = "raise the folder depth limit with -max-folder-depth to read folders nested this deep"
	}
	return diag.Diagnostic{
		Severity: diag.Error,
		Code:     CodeSyntaxError,
		Pos:      pos,
		Message:  "invalid JSON: " + msg + "; " + fix,
	}
}

func formatSize(n int64) string {
	const mib = 1 << 20
	if n%mib == 0 {
		return strconv.FormatInt(n/mib, 10) + " MiB"
	}
	return strconv.FormatInt(n, 10) + " bytes"
}

// collection decodes the top-level value, unwrapping the
// {"collection": {...}} envelope that the Postman API returns.
func (d *decoder) collection(root node) *Collection {
	if !root.is(jsontree.Object) {
		d.fail(CodeNotACollection, root, "the file contains a JSON %s, want a Postman collection object", root.v.Kind)
		return nil
	}
	if env := root.field("collection"); env.is(jsontree.Object) && root.field("info").missing() && root.field("item").missing() {
		root = env
	}
	if !d.checkFormat(root) {
		return nil
	}

	c := &Collection{File: d.file}
	d.place(&c.Pos, root)
	c.SchemaVersion = d.schemaVersion(root)
	if info := root.field("info"); d.object(info) {
		c.Info = d.info(info)
	}
	c.Auth = d.auth(root.field("auth"))
	c.Events = d.events(root.field("event"))
	c.Variables = d.variables(root.field("variable"))
	c.Behavior = d.behavior(root.field("protocolProfileBehavior"))
	d.ignoreMisnamed(root, "variables", "variable")
	d.ignoreMisnamed(root, "events", "event")
	c.Items = d.children(root, 0)
	return c
}

// checkFormat rejects v1 collections and values that are no collection.
func (d *decoder) checkFormat(root node) bool {
	info, items := root.field("info"), root.field("item")
	if info.missing() && (!root.field("requests").missing() || !root.field("order").missing()) {
		d.fail(CodeCollectionV1, root, "the collection is in Postman format v1, want v2.0 or v2.1; export it from Postman as Collection v2.1")
		return false
	}
	if info.missing() && items.missing() && root.field("items").missing() {
		d.fail(CodeNotACollection, root, `the object has neither "info" nor "item", want a Postman collection v2.0 or v2.1`)
		return false
	}
	return true
}

// schemaVersion reads the format version from info.schema, for example
// "https://schema.getpostman.com/json/collection/v2.1.0/collection.json".
func (d *decoder) schemaVersion(root node) string {
	schema := root.field("info").field("schema")
	url, ok := d.optText(schema)
	switch {
	case !ok:
		at := root.field("info")
		if at.missing() {
			at = root
		}
		d.warn(CodeMissingSchema, at, "the collection has no info.schema; reading it as format v2.1.0")
	case strings.Contains(url, "/v2.0."):
		return SchemaV200
	case strings.Contains(url, "/v2.1."):
		return SchemaV210
	default:
		d.warn(CodeUnknownSchema, schema, "info.schema %q names no known format version, want v2.0.0 or v2.1.0; reading it as v2.1.0", url)
	}
	return SchemaV210
}

func (d *decoder) info(n node) Info {
	return Info{
		Name:        d.text(n.field("name")),
		PostmanID:   d.text(n.field("_postman_id")),
		Description: d.description(n.field("description")),
		Version:     d.version(n.field("version")),
	}
}

// version decodes info.version, a string or an object
// {major, minor, patch, identifier}, into "major.minor.patch[-identifier]".
// An object without any of the three numbers gives "".
func (d *decoder) version(n node) string {
	if !n.is(jsontree.Object) {
		return d.text(n)
	}
	major, minor, patch := n.field("major"), n.field("minor"), n.field("patch")
	if major.missing() && minor.missing() && patch.missing() {
		return ""
	}
	v := d.versionPart(major) + "." + d.versionPart(minor) + "." + d.versionPart(patch)
	if id := d.text(n.field("identifier")); id != "" {
		v += "-" + id
	}
	return v
}

func (d *decoder) versionPart(n node) string {
	if n.is(jsontree.Number) || n.is(jsontree.String) {
		return n.v.Str
	}
	if !n.isNull() {
		d.wrongType(n, "a number")
	}
	return "0"
}

// behavior decodes the protocolProfileBehavior fields that change what is
// sent.
func (d *decoder) behavior(n node) Behavior {
	var b Behavior
	if !d.object(n) {
		return b
	}
	if v, ok := d.optBoolean(n.field("disableBodyPruning")); ok {
		b.DisableBodyPruning = &v
	}
	return b
}

// ignoreMisnamed warns about a key that looks like a misspelling of a
// format key. Postman ignores such keys, so the parser does too.
func (d *decoder) ignoreMisnamed(n node, key, want string) {
	m := n.field(key)
	if m.isNull() || (m.is(jsontree.Array) && len(m.v.Items) == 0) {
		return
	}
	{
		d.warn(CodeIgnoredKey, m, "ignoring %q, which Postman does not read; the collection format names it %q", key, want)
	}
}
