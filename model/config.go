package model

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/pmgen/pmgen/diag"
	"github.com/pmgen/pmgen/model/infer"
	"github.com/pmgen/pmgen/model/naming"
	"github.com/pmgen/pmgen/model/types"
	"github.com/pmgen/pmgen/parser"
)

// CodeUnusedConfigEntry marks an entry of the config file that matches
// nothing in the collection, such as a name for a request that does not
// exist or an override path that matches no field. The entry has no
// effect, and the warning keeps a config from going stale unnoticed when
// the collection changes.
const CodeUnusedConfigEntry diag.Code = "unused-config-entry"

// configState is the part of the config file (Input.Config) that Build
// uses: the checked entries, and whether each has matched something.
type configState struct {
	requests map[string]*configEntry // names.requests by request path
	folders  map[string]*configEntry // names.folders by folder path

	fraction   *types.Ref
	time       bool
	overrides  []infer.Override
	fieldNames []infer.FieldName
	// overrideEntries and fieldEntries are the entries of types.overrides
	// and names.fields by path, to report the ones inference did not use.
	overrideEntries map[string]parser.ConfigValue
	fieldEntries    map[string]parser.ConfigValue

	// defined are the sequences that sequences.define creates.
	defined map[*Sequence]bool
}

// configEntry is a name pinned in the config and whether it named
// something.
type configEntry struct {
	parser.ConfigValue
	used bool
}

// readConfig checks the entries of the config file that the model uses
// and indexes them. An invalid type or path is an error, because the
// generated types would differ from what the config sets. A name that
// cannot be pinned is a warning, and the ladder names the item instead.
func (b *builder) readConfig() {
	b.config = configState{
		requests:        map[string]*configEntry{},
		folders:         map[string]*configEntry{},
		overrideEntries: map[string]parser.ConfigValue{},
		fieldEntries:    map[string]parser.ConfigValue{},
		defined:         map[*Sequence]bool{},
	}
	cfg := b.in.Config
	if cfg == nil {
		return
	}
	for _, e := range cfg.Names.Requests {
		if b.checkPinnedName("names.requests", e) {
			b.config.requests[e.Key] = &configEntry{ConfigValue: e}
		}
	}
	for _, e := range cfg.Names.Folders {
		if b.checkPinnedName("names.folders", e) {
			b.config.folders[e.Key] = &configEntry{ConfigValue: e}
		}
	}
	for _, e := range cfg.Names.Fields {
		if err := infer.ValidatePath(e.Key); err != nil {
			b.diags.Error(parser.CodeInvalidConfigValue, e.Pos, "", "names.fields: %v", err)
			continue
		}
		if b.checkPinnedName("names.fields", e) {
			b.config.fieldNames = append(b.config.fieldNames, infer.FieldName{Path: e.Key, Name: e.Value, Pos: e.Pos})
			b.config.fieldEntries[e.Key] = e
		}
	}
	b.readTypes(cfg.Types)
}

// checkPinnedName reports whether e pins an exported Go identifier, and
// warns when it does not.
func (b *builder) checkPinnedName(section string, e parser.ConfigValue) bool {
	reason := ""
	switch {
	case !naming.IsValid(e.Value):
		reason = "is not an ASCII Go identifier"
	case !isExported(e.Value):
		reason = "is not exported: want an upper-case first letter"
	default:
		return true
	}
	b.diags.Warn(CodeNameConflict, e.Pos, "", "%s %q: pinned name %q %s, so pmgen chooses the name", section, e.Key, e.Value, reason)
	return false
}

func isExported(name string) bool {
	r, _ := utf8.DecodeRuneInString(name)
	return unicode.IsUpper(r)
}

// readTypes checks types.fraction, types.time and types.overrides.
func (b *builder) readTypes(t parser.ConfigTypes) {
	b.config.time = t.Time
	if f := t.Fraction; f.Value != "" {
		b.config.fraction = b.fractionType(f)
	}
	for _, e := range t.Overrides {
		if err := infer.ValidatePath(e.Key); err != nil {
			b.diags.Error(parser.CodeInvalidConfigValue, e.Pos, "", "types.overrides: %v", err)
			continue
		}
		typ, err := infer.ParseType(e.Value)
		if err != nil {
			b.diags.Error(parser.CodeInvalidConfigValue, e.Pos, "", "types.overrides %q: %v", e.Key, err)
			continue
		}
		b.config.overrides = append(b.config.overrides, infer.Override{Path: e.Key, Type: typ})
		b.config.overrideEntries[e.Key] = e
	}
}

// fractionType returns the type types.fraction names: nil for float64,
// which is the default, and the named type otherwise. Only types that
// hold a JSON number are accepted.
func (b *builder) fractionType(e parser.ConfigValue) *types.Ref {
	t, err := infer.ParseType(e.Value)
	switch {
	case err == nil && t.Kind == types.Float:
		return nil
	case err == nil && t.Kind == types.External && *t.Ref != types.Ref{ImportPath: "time", Name: "Time"}:
		return t.Ref
	}
	b.diags.Error(parser.CodeInvalidConfigValue, e.Pos, "",
		"types.fraction %q is not a type for JSON numbers: want float64, json.Number or import/path.Type, such as github.com/shopspring/decimal.Decimal", e.Value)
	return nil
}

// inferOptions returns the options of type inference that the config
// sets.
func (b *builder) inferOptions() infer.Options {
	return infer.Options{
		Fraction:   b.config.fraction,
		Time:       b.config.time,
		Overrides:  b.config.overrides,
		FieldNames: b.config.fieldNames,
	}
}

// pinnedOperation returns the Go name the config pins for op, or "".
func (b *builder) pinnedOperation(op *Operation) string {
	e, ok := b.config.requests[op.Where]
	if !ok {
		return ""
	}
	e.used = true
	return e.Value
}

// pinnedFolder returns the Go name the config pins for f, or "".
func (b *builder) pinnedFolder(f *Folder) string {
	e, ok := b.config.folders[joinWhere(f.Path())]
	if !ok {
		return ""
	}
	e.used = true
	return e.Value
}

// reportOperationPinConflicts warns about the pinned request names that
// naming.Resolve could not use, at their config entries. names are the
// names Resolve chose, by operation index.
func (b *builder) reportOperationPinConflicts(conflicts []naming.PinConflict, names []string) {
	for _, c := range conflicts {
		op := b.api.Operations[c.Index]
		pos := op.Pos
		if e, ok := b.config.requests[op.Where]; ok {
			pos = e.Pos
		}
		reason := c.Reason
		if j := slices.Index(names, c.Name); j >= 0 {
			reason = fmt.Sprintf("is already the name of request %q", b.api.Operations[j].Where)
		} else if reason == "is reserved" {
			reason = "is a method of the client runtime"
		}
		b.diags.Warn(CodeNameConflict, pos, "", "names.requests %q: pinned name %q %s, so the request is named %s", op.Where, c.Name, reason, names[c.Index])
	}
}

// reportDisplacedOperations warns about each request that did not get its
// own name because the config pins that name for another request: a
// later release could otherwise rename it without notice.
func (b *builder) reportDisplacedOperations(cands []naming.Candidate, names []string) {
	for _, d := range naming.Displaced(cands, names) {
		op := b.api.Operations[d.Index]
		b.diags.Warn(CodeNameConflict, op.Pos, op.Where, "the request would be named %s, which names.requests gives to %q, so it is named %s; pin a name for it too to keep it stable",
			cands[d.Index].Base, b.api.Operations[d.By].Where, names[d.Index])
	}
}

// reportUnusedNames warns about the request and folder names that named
// nothing, in file order.
func (b *builder) reportUnusedNames() {
	if b.in.Config == nil {
		return
	}
	for _, e := range b.in.Config.Names.Requests {
		if pin, ok := b.config.requests[e.Key]; ok && !pin.used {
			b.diags.Warn(CodeUnusedConfigEntry, e.Pos, "", "names.requests: %s", b.noRequest(e.Key))
		}
	}
	for _, e := range b.in.Config.Names.Folders {
		if pin, ok := b.config.folders[e.Key]; ok && !pin.used {
			b.diags.Warn(CodeUnusedConfigEntry, e.Pos, "", "names.folders: %s", b.noFolder(e.Key))
		}
	}
}

// reportUnusedTypes warns about the overrides and field names that
// matched no place of any body.
func (b *builder) reportUnusedTypes(reg *infer.Registry) {
	for _, path := range reg.UnusedOverrides() {
		e := b.config.overrideEntries[path]
		b.diags.Warn(CodeUnusedConfigEntry, e.Pos, "", "types.overrides: the path %q matches no place in any body, so the override has no effect", path)
	}
	for _, path := range reg.UnusedFieldNames() {
		e := b.config.fieldEntries[path]
		b.diags.Warn(CodeUnusedConfigEntry, e.Pos, "", "names.fields: the path %q matches no field of any body, so the name is not used", path)
	}
}

// operationByPath returns the first operation whose folder path and name
// is path.
func (b *builder) operationByPath(path string) *Operation {
	for _, op := range b.api.Operations {
		if op.Where == path {
			return op
		}
	}
	return nil
}

// noRequest explains that no request has the path key, suggesting one
// whose path differs only in case or spaces, or that has key as its name.
func (b *builder) noRequest(key string) string {
	var paths, names []string
	for _, op := range b.api.Operations {
		paths = append(paths, op.Where)
		names = append(names, op.Name)
	}
	msg := fmt.Sprintf("no request is named %q", key)
	if s := suggest(key, paths, names); s != "" {
		return msg + fmt.Sprintf("; did you mean %q?", s)
	}
	if len(paths) > 0 {
		return msg + fmt.Sprintf("; a request is named by its folder path and name, such as %q", paths[0])
	}
	return msg
}

// noFolder explains that no folder has the path key, as noRequest does.
func (b *builder) noFolder(key string) string {
	var paths, names []string
	var collect func([]*Folder)
	collect = func(folders []*Folder) {
		for _, f := range folders {
			paths = append(paths, joinWhere(f.Path()))
			names = append(names, f.Name)
			collect(f.Folders)
		}
	}
	collect(b.api.Folders)
	msg := fmt.Sprintf("no folder is named %q", key)
	if s := suggest(key, paths, names); s != "" {
		return msg + fmt.Sprintf("; did you mean %q?", s)
	}
	if len(paths) > 0 {
		return msg + fmt.Sprintf("; a folder is named by its path, such as %q", paths[len(paths)-1])
	}
	return msg
}

// suggest returns the first path that equals key after both are folded
// (case, and spaces around "/"), or whose item name, names[i], does;
// "" when none does.
func suggest(key string, paths, names []string) string {
	want := foldPath(key)
	for _, p := range paths {
		if foldPath(p) == want {
			return p
		}
	}
	for i, n := range names {
		if foldPath(n) == want {
			return paths[i]
		}
	}
	return ""
}

// foldPath returns a path in lower case with the spaces around each "/"
// removed and runs of spaces made single.
func foldPath(path string) string {
	parts := strings.Split(strings.ToLower(path), "/")
	for i, p := range parts {
		parts[i] = strings.Join(strings.Fields(p), " ")
	}
	return strings.Join(parts, "/")
}
