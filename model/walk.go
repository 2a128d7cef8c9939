package model

import (
	"strconv"
	"strings"

	"github.com/pmgen/pmgen/diag"
	"github.com/pmgen/pmgen/model/script"
	"github.com/pmgen/pmgen/parser"
)

// builder holds the state of one Build call.
type builder struct {
	in    Input
	api   *API
	diags diag.List

	// ops pairs each operation with the parser values it came from, in
	// collection order.
	ops []*opSource
	// variables by name: every variable known before any request runs.
	variables map[string]*Variable
	// valueRefs maps each variable to the variables that its values, in
	// the collection and in every environment file, refer to.
	valueRefs map[string][]string
	// scriptSets is the set of variables some script assigns.
	scriptSets map[string]bool
	hosts      map[string]*Host
	schemes    map[string]*AuthScheme
	scripts    map[*parser.Event]*script.Script
	// credentials maps literal credentials to the secret variables that
	// replace them.
	credentials map[string]string
	// reserved are the package-level Go names already taken.
	reserved []string
	// config holds the checked entries of Input.Config.
	config configState
}

// opSource is an operation under construction with its origin.
type opSource struct {
	op      *Operation
	item    *parser.Item
	parents []*parser.Item // enclosing folders, outermost first
	samples bodySamples
}

func newBuilder(in Input) *builder {
	pkg := in.Package
	if pkg == "" {
		pkg = "client"
	}
	c := in.Collection
	return &builder{
		in: in,
		api: &API{
			Name:         c.Info.Name,
			Version:      c.Info.Version,
			Description:  c.Info.Description,
			SourceSHA256: in.SourceSHA256,
			Package:      pkg,
		},
		variables:   map[string]*Variable{},
		valueRefs:   map[string][]string{},
		scriptSets:  map[string]bool{},
		hosts:       map[string]*Host{},
		schemes:     map[string]*AuthScheme{},
		scripts:     map[*parser.Event]*script.Script{},
		credentials: map[string]string{},
	}
}

// walk creates the folder tree and one operation per request item, in
// collection order.
func (b *builder) walk(c *parser.Collection) {
	if countRequests(c.Items) == 0 {
		b.diags.Warn(CodeNoRequests, c.Pos, "", "the collection has no requests: the client has no methods")
	}
	for _, it := range c.Items {
		b.walkItem(it, nil, nil)
	}
}

func countRequests(items []*parser.Item) int {
	n := 0
	for _, it := range items {
		if it.IsFolder {
			n += countRequests(it.Items)
		} else if it.Request != nil {
			n++
		}
	}
	return n
}

func (b *builder) walkItem(it *parser.Item, folder *Folder, parents []*parser.Item) {
	if it.IsFolder {
		f := &Folder{Name: it.Name, Description: it.Description, Parent: folder, Pos: it.Pos}
		if folder == nil {
			b.api.Folders = append(b.api.Folders, f)
		} else {
			folder.Folders = append(folder.Folders, f)
		}
		inner := append(parents[:len(parents):len(parents)], it)
		for _, child := range it.Items {
			b.walkItem(child, f, inner)
		}
		return
	}
	if it.Request == nil {
		// The parser has already warned about items without a request.
		return
	}
	op := &Operation{
		Name:        it.Name,
		Description: firstNonEmpty(it.Request.Description, it.Description),
		Folder:      folder,
		Where:       where(folder, it.Name),
		Pos:         it.Pos,
		index:       len(b.api.Operations),
	}
	if folder != nil {
		folder.Operations = append(folder.Operations, op)
	}
	b.api.Operations = append(b.api.Operations, op)
	b.ops = append(b.ops, &opSource{op: op, item: it, parents: parents})
}

// where formats the folder path of an item for diagnostics and docs.
func where(folder *Folder, name string) string {
	return joinWhere(append(folder.Path(), name))
}

// joinWhere joins folder and item names into a path, "Смена / Открыть смену".
func joinWhere(names []string) string {
	return strings.Join(names, " / ")
}

// quoteName quotes a name from the collection for a message.
func quoteName(name string) string {
	return strconv.Quote(name)
}

func firstNonEmpty(values ...string) string {
	for _, v := range values {
		if v != "" {
			return v
		}
	}
	return ""
}
