package parser

import (
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/goccy/go-yaml/ast"
	yamlparser "github.com/goccy/go-yaml/parser"
	"github.com/goccy/go-yaml/token"

	"github.com/pmgen/pmgen/diag"
)

// ConfigFileName is the name of the config file that pmgen looks for next
// to the collection.
const ConfigFileName = "pmgen.yaml"

// Diagnostic codes of the config file. All of them are errors.
//
//	code                   meaning
//	config-syntax-error    the file is not valid YAML, or holds more than one document
//	unknown-config-key     a mapping has a key the config does not define
//	invalid-config-value   a value has the wrong YAML type, such as a list where a name belongs
const (
	CodeConfigSyntaxError  diag.Code = "config-syntax-error"
	CodeUnknownConfigKey   diag.Code = "unknown-config-key"
	CodeInvalidConfigValue diag.Code = "invalid-config-value"
)

// Config is a decoded pmgen.yaml. The parser checks its shape only: which
// keys exist and which YAML type each value has. Whether a name is a Go
// identifier, a type exists or a request path matches a request is for
// the model to decide, so every entry keeps its position.
//
// A config with every key:
//
//	package: kassa                  # the -package flag wins over it
//	names:
//	  requests:                     # folder path / request name: Go method name
//	    "Продажа / Продажа за наличные": SellCash
//	  folders:                      # folder path: Go name
//	    "Продажа": Sales
//	  fields:                       # type path pattern: Go field name
//	    "SellCashRequest.positions[].vatRate": VATPercent
//	types:
//	  fraction: json.Number         # float64 (default), json.Number or import/path.Type
//	  time: true                    # RFC 3339 strings become time.Time (default false)
//	  overrides:                    # type path pattern: Go type
//	    "**.sum": github.com/shopspring/decimal.Decimal
//	sequences:
//	  skip: ["Отчёты"]              # default sequences, by collection or folder name
//	  define:                       # name: request paths in run order
//	    Sale and refund: ["Смена / Открыть смену", "Продажа / Продажа за наличные"]
//	skip: [untyped-null]            # warning codes to acknowledge
//
// A type of another package, as in types.fraction and types.overrides, is
// imported by the generated code, so the integrator's module must require
// the module that provides it. For amounts it must implement
// json.Marshaler and json.Unmarshaler, read and write a JSON number, and
// keep its digits, so that the client sends what the collection shows.
// github.com/shopspring/decimal.Decimal (v1.4) writes a quoted string
// unless the program sets decimal.MarshalJSONWithoutQuotes to true.
//
// Type path patterns use the syntax of the model/infer package:
// "Root.key[].key", "*" within a step and "**" for any number of steps.
type Config struct {
	File string // the path the config was read from, for diagnostics
	// Package is the Go package name of the generated client; its Value
	// is empty when the file sets none.
	Package   ConfigValue
	Names     ConfigNames
	Types     ConfigTypes
	Sequences ConfigSequences
	// Skip lists the diagnostic codes whose warnings are acknowledged:
	// they are reported as skipped instead of printed.
	Skip []ConfigValue
}

// ConfigValue is one scalar of the config file.
type ConfigValue struct {
	// Key is the mapping key the value stands under; empty for a list
	// item and for the value of a fixed key such as "package".
	Key   string
	Value string
	// Pos is the position of the key for a mapping entry and of the value
	// otherwise.
	Pos diag.Position
}

// ConfigNames pins Go names, so that a later release of the collection
// cannot rename them. Each entry's Key says what is named and its Value is
// the Go name.
type ConfigNames struct {
	// Requests are keyed by folder path and request name joined with
	// " / ": "Продажа / Продажа за наличные".
	Requests []ConfigValue
	// Folders are keyed by folder path: "Продажа" or "Kassa / Smena".
	Folders []ConfigValue
	// Fields are keyed by type path: "ProdazhaRequest.positions[].vatRate".
	Fields []ConfigValue
}

// ConfigTypes changes the Go types inferred for bodies.
type ConfigTypes struct {
	// Fraction is the Go type of every fraction, as written:
	// "float64", "json.Number" or "import/path.Type". Its Value is empty
	// when the file sets none.
	Fraction ConfigValue
	// Time types RFC 3339 strings as time.Time; TimePos is where it is
	// set, diag.NoPosition when the file does not set it.
	Time    bool
	TimePos diag.Position
	// Overrides map a path pattern (Key) to a Go type (Value), in file
	// order.
	Overrides []ConfigValue
}

// ConfigSequences changes the sequences that become tests.
type ConfigSequences struct {
	// Skip names default sequences that get no test.
	Skip []ConfigValue
	// Define adds sequences, in file order.
	Define []ConfigSequence
}

// ConfigSequence is a sequence defined in the config.
type ConfigSequence struct {
	Name string
	Pos  diag.Position
	// Steps are request paths, "Смена / Открыть смену", in run order.
	Steps []ConfigValue
}

// MaxConfigSize is the largest config file accepted, in bytes: about a
// thousand pinned names.
//
// NOTE: goccy/go-yaml v1.19.2 parses in time quadratic in the input size
// (10,000 mapping entries, 600 KB, take seconds), and deeply nested flow
// lists are slower still, so the limit is far below the collection's.
const MaxConfigSize = 64 << 10

// ParseConfig decodes a config file. The file argument names the input in
// positions and messages, and data is its content. An empty file is an
// empty config.
//
// The config is nil only when data is not valid YAML or is larger than
// MaxConfigSize. Otherwise it holds every entry that could be decoded,
// even when the list has errors.
func ParseConfig(file string, data []byte) (*Config, diag.List) {
	var list diag.List
	if len(data) > MaxConfigSize {
		list.Error(CodeInputTooLarge, diag.Position{File: file, Offset: -1}, "",
			"config is %s, larger than the limit of %s; check that it is a pmgen config file", formatSize(int64(len(data))), formatSize(MaxConfigSize))
		return nil, list
	}
	d := &configDecoder{file: file, lines: lineStarts(data), data: data, anchors: map[string]ast.Node{}, diags: &list}

	f, err := yamlparser.ParseBytes(data, 0)
	if err != nil {
		list.Add(d.syntaxError(err))
		return nil, list
	}
	cfg := &Config{File: file, Types: ConfigTypes{TimePos: diag.NoPosition}}
	var docs []*ast.DocumentNode
	for _, doc := range f.Docs {
		if doc != nil && doc.Body != nil {
			docs = append(docs, doc)
		}
	}
	switch {
	case len(docs) == 0:
		return cfg, list
	case len(docs) > 1:
		list.Error(CodeConfigSyntaxError, d.pos(docs[1].Body, ""), "",
			"the config holds %d YAML documents, want one", len(docs))
		return nil, list
	}
	d.root(cfg, docs[0].Body)
	return cfg, list
}

// configDecoder walks the YAML tree of one config file.
type configDecoder struct {
	file  string
	data  []byte
	lines []int // byte offset at which each line starts
	// anchors are the nodes of the &anchors seen so far, by name.
	anchors map[string]ast.Node
	diags   *diag.List
}

// entry is one key and value of a YAML mapping.
type entry struct {
	key   string
	keyAt ast.Node
	value ast.Node
	ptr   string // JSON pointer of the value
}

// The keys of each fixed mapping of the config, in the order messages list them.
var (
	topKeys       = []string{"package", "names", "types", "sequences", "skip"}
	namesKeys     = []string{"requests", "folders", "fields"}
	typesKeys     = []string{"fraction", "time", "overrides"}
	sequencesKeys = []string{"skip", "define"}
)

func (d *configDecoder) root(cfg *Config, n ast.Node) {
	for _, e := range d.mapping(n, "", "the config", topKeys) {
		switch e.key {
		case "package":
			if v, ok := d.scalar(e.value, e.keyAt, e.ptr, "package", "a Go package name"); ok {
				cfg.Package = v
			}
		case "names":
			d.names(&cfg.Names, e)
		case "types":
			d.types(&cfg.Types, e)
		case "sequences":
			d.sequences(&cfg.Sequences, e)
		case "skip":
			cfg.Skip = d.list(e.value, e.ptr, "skip", "a diagnostic code")
		}
	}
}

func (d *configDecoder) names(names *ConfigNames, parent entry) {
	for _, e := range d.mapping(parent.value, parent.ptr, "names", namesKeys) {
		where := "names." + e.key
		switch e.key {
		case "requests":
			names.Requests = d.stringMap(e.value, e.ptr, where, "a Go method name")
		case "folders":
			names.Folders = d.stringMap(e.value, e.ptr, where, "a Go name")
		case "fields":
			names.Fields = d.stringMap(e.value, e.ptr, where, "a Go field name")
		}
	}
}

func (d *configDecoder) types(types *ConfigTypes, parent entry) {
	for _, e := range d.mapping(parent.value, parent.ptr, "types", typesKeys) {
		switch e.key {
		case "fraction":
			if v, ok := d.scalar(e.value, e.keyAt, e.ptr, "types.fraction", "float64, json.Number or import/path.Type"); ok {
				types.Fraction = v
			}
		case "time":
			if b, ok := d.boolean(e.value, e.keyAt, e.ptr, "types.time"); ok {
				types.Time, types.TimePos = b, d.pos(e.keyAt, e.ptr)
			}
		case "overrides":
			types.Overrides = d.stringMap(e.value, e.ptr, "types.overrides", "a Go type")
		}
	}
}

func (d *configDecoder) sequences(seqs *ConfigSequences, parent entry) {
	for _, e := range d.mapping(parent.value, parent.ptr, "sequences", sequencesKeys) {
		switch e.key {
		case "skip":
			seqs.Skip = d.list(e.value, e.ptr, "sequences.skip", "a sequence name")
		case "define":
			for _, s := range d.mapping(e.value, e.ptr, "sequences.define", nil) {
				seqs.Define = append(seqs.Define, ConfigSequence{
					Name:  s.key,
					Pos:   d.pos(s.keyAt, s.ptr),
					Steps: d.list(s.value, s.ptr, fmt.Sprintf("sequence %q", s.key), "a request path"),
				})
			}
		}
	}
}

// mapping returns the entries of a mapping node in file order. With known
// set, a key outside it is an error that lists the known keys; with known
// nil, every key is accepted. A null node is an empty mapping.
func (d *configDecoder) mapping(n ast.Node, ptr, where string, known []string) []entry {
	n = d.resolve(n)
	if isNull(n) {
		return nil
	}
	var values []*ast.MappingValueNode
	switch m := n.(type) {
	case *ast.MappingNode:
		values = m.Values
	case *ast.MappingValueNode:
		values = []*ast.MappingValueNode{m}
	default:
		d.invalid(n, ptr, "%s is %s, want a mapping", where, describe(n))
		return nil
	}
	var out []entry
	for _, mv := range values {
		keyNode := d.resolve(mv.Key)
		key, ok := scalarText(keyNode)
		if !ok {
			d.invalid(keyNode, ptr, "%s has a key that is %s, want text", where, describe(keyNode))
			continue
		}
		e := entry{key: key, keyAt: keyNode, value: mv.Value, ptr: ptr + "/" + escapePointer(key)}
		if known != nil && !slices.Contains(known, key) {
			d.diags.Error(CodeUnknownConfigKey, d.pos(keyNode, e.ptr), "",
				"unknown key %q in %s; want %s", key, where, orList(known))
			continue
		}
		out = append(out, e)
	}
	return out
}

// stringMap returns the entries of a mapping whose values are text.
func (d *configDecoder) stringMap(n ast.Node, ptr, where, want string) []ConfigValue {
	var out []ConfigValue
	for _, e := range d.mapping(n, ptr, where, nil) {
		v, ok := d.scalar(e.value, e.keyAt, e.ptr, fmt.Sprintf("%s %q", where, e.key), want)
		if !ok {
			continue
		}
		out = append(out, ConfigValue{Key: e.key, Value: v.Value, Pos: d.pos(e.keyAt, e.ptr)})
	}
	return out
}

// list returns the items of a sequence node, each a text. A single text
// is a list of one; a null node is an empty list.
func (d *configDecoder) list(n ast.Node, ptr, where, want string) []ConfigValue {
	n = d.resolve(n)
	if isNull(n) {
		return nil
	}
	seq, ok := n.(*ast.SequenceNode)
	if !ok {
		if v, ok := d.scalar(n, n, ptr, where, "a list of "+want+"s"); ok {
			return []ConfigValue{v}
		}
		return nil
	}
	var out []ConfigValue
	for i, item := range seq.Values {
		itemPtr := ptr + "/" + strconv.Itoa(i)
		if v, ok := d.scalar(item, item, itemPtr, fmt.Sprintf("item %d of %s", i+1, where), want); ok {
			out = append(out, v)
		}
	}
	return out
}

// scalar returns the text of a scalar node that is not null. A problem is
// reported at the node, or at the node "at" when n is null, because a
// missing value has no position of its own.
func (d *configDecoder) scalar(n, at ast.Node, ptr, where, want string) (ConfigValue, bool) {
	n = d.resolve(n)
	text, ok := scalarText(n)
	if !ok || isNull(n) {
		d.invalid(nonNull(n, at), ptr, "%s is %s, want %s", where, describe(n), want)
		return ConfigValue{}, false
	}
	return ConfigValue{Value: text, Pos: d.pos(n, ptr)}, true
}

// boolean returns the value of a true or false node, reporting a problem
// as scalar does.
func (d *configDecoder) boolean(n, at ast.Node, ptr, where string) (bool, bool) {
	n = d.resolve(n)
	b, ok := n.(*ast.BoolNode)
	if !ok {
		d.invalid(nonNull(n, at), ptr, "%s is %s, want true or false", where, describe(n))
		return false, false
	}
	return b.Value, true
}

// nonNull returns n, or at when n is null.
func nonNull(n, at ast.Node) ast.Node {
	if isNull(n) {
		return at
	}
	return n
}

// resolve returns the node behind tags, anchors and aliases, recording
// each anchor. An alias to an unknown anchor is reported and gives nil.
func (d *configDecoder) resolve(n ast.Node) ast.Node {
	for {
		switch v := n.(type) {
		case *ast.TagNode:
			n = v.Value
		case *ast.AnchorNode:
			if name, ok := scalarText(v.Name); ok {
				d.anchors[name] = v.Value
			}
			n = v.Value
		case *ast.AliasNode:
			name, _ := scalarText(v.Value)
			target, ok := d.anchors[name]
			if !ok {
				d.diags.Error(CodeConfigSyntaxError, d.pos(v, ""), "", "alias *%s names no earlier anchor", name)
				return nil
			}
			n = target
		case *ast.MappingKeyNode:
			n = v.Value
		default:
			return n
		}
	}
}

// scalarText returns the text of a scalar node: the value of a string,
// with quotes and escapes decoded, and the source text of a number or a
// boolean, so that a request named 404 can be a key.
func scalarText(n ast.Node) (string, bool) {
	switch v := n.(type) {
	case *ast.StringNode:
		return v.Value, true
	case *ast.LiteralNode:
		if v.Value == nil {
			return "", true
		}
		return v.Value.Value, true
	case *ast.IntegerNode, *ast.FloatNode, *ast.BoolNode, *ast.InfinityNode, *ast.NanNode, *ast.NullNode:
		return v.GetToken().Value, true
	case *ast.MergeKeyNode:
		return "<<", true
	}
	return "", false
}

func isNull(n ast.Node) bool {
	if n == nil {
		return true
	}
	_, ok := n.(*ast.NullNode)
	return ok
}

// describe names the YAML type of a node for a message.
func describe(n ast.Node) string {
	switch n.(type) {
	case nil, *ast.NullNode:
		return "empty"
	case *ast.MappingNode, *ast.MappingValueNode:
		return "a mapping"
	case *ast.SequenceNode:
		return "a list"
	case *ast.BoolNode:
		return "a boolean"
	case *ast.IntegerNode, *ast.FloatNode, *ast.InfinityNode, *ast.NanNode:
		return "a number"
	case *ast.StringNode, *ast.LiteralNode:
		return "text"
	}
	return "a " + strings.ToLower(n.Type().String())
}

func (d *configDecoder) invalid(n ast.Node, ptr, format string, args ...any) {
	d.diags.Error(CodeInvalidConfigValue, d.pos(n, ptr), "", format, args...)
}

// pos returns the position of a node's first token. goccy/go-yaml counts
// columns in characters, as diag does; the byte offset is computed from
// the line and column because the library's own offset counts characters
// and is not always 0-based.
func (d *configDecoder) pos(n ast.Node, ptr string) diag.Position {
	p := diag.Position{File: d.file, Offset: -1, Pointer: ptr}
	if n == nil {
		return p
	}
	// The token of a mapping is its first ':', so a mapping is located at
	// its first key instead.
	switch m := n.(type) {
	case *ast.MappingNode:
		if len(m.Values) > 0 {
			n = m.Values[0].Key
		}
	case *ast.MappingValueNode:
		n = m.Key
	}
	tk := n.GetToken()
	if tk == nil || tk.Position == nil {
		return p
	}
	return d.position(tk.Position, ptr)
}

func (d *configDecoder) position(tp *token.Position, ptr string) diag.Position {
	p := diag.Position{File: d.file, Offset: -1, Pointer: ptr, Line: tp.Line, Col: tp.Column}
	if tp.Line < 1 || tp.Line > len(d.lines) {
		return p
	}
	start := d.lines[tp.Line-1]
	off := start
	for col := 1; col < tp.Column && off < len(d.data) && d.data[off] != '\n'; col++ {
		_, size := utf8.DecodeRune(d.data[off:])
		off += size
	}
	p.Offset = off
	return p
}

// syntaxError turns a YAML parse error into a diagnostic at its position.
func (d *configDecoder) syntaxError(err error) diag.Diagnostic {
	dg := diag.Diagnostic{
		Severity: diag.Error,
		Code:     CodeConfigSyntaxError,
		Pos:      diag.Position{File: d.file, Offset: -1},
		Message:  "invalid YAML: " + err.Error(),
	}
	var ye yamlError
	if errors.As(err, &ye) {
		dg.Message = "invalid YAML: " + ye.GetMessage()
		if tk := ye.GetToken(); tk != nil && tk.Position != nil {
			dg.Pos = d.position(tk.Position, "")
		}
	}
	return dg
}

// yamlError is the part of goccy/go-yaml's errors that locates them.
type yamlError interface {
	GetToken() *token.Token
	GetMessage() string
}

// lineStarts returns the byte offset at which each line of data starts.
func lineStarts(data []byte) []int {
	starts := []int{0}
	for i, c := range data {
		if c == '\n' {
			starts = append(starts, i+1)
		}
	}
	return starts
}

// orList joins words as "a, b or c".
func orList(words []string) string {
	if len(words) == 1 {
		return words[0]
	}
	return strings.Join(words[:len(words)-1], ", ") + " or " + words[len(words)-1]
}
