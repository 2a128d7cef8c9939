package parser

import (
	"fmt"

	"github.com/pmgen/pmgen/internal/jsontree"
)

// children decodes the item list of the collection or of a folder at the
// given depth: "item", or the non-standard "items" with a warning.
func (d *decoder) children(n node, depth int) []*Item {
	list := n.field("item")
	if alt := n.field("items"); !alt.isNull() {
		if list.isNull() {
			d.warn(CodeItemsKey, alt, `reading "items" as "item", the key the collection format defines`)
			list = alt
		} else {
			d.warn(CodeIgnoredKey, alt, `ignoring "items" next to "item"`)
		}
	}

	elems := d.list(list)
	if depth == 0 {
		if items, ok := d.streamedItems(elems); ok {
			return items
		}
	}
	items := make([]*Item, 0, len(elems))
	for i, e := range elems {
		if d.tooMany {
			break
		}
		if it := d.item(e, i, depth+1); it != nil {
			items = append(items, it)
		}
	}
	return items
}

// isFolder applies Postman's rule: an item with an "item" list is a
// folder (item group), whatever else it has.
func isFolder(n node) bool {
	return !n.field("item").isNull() || !n.field("items").isNull()
}

// item decodes one element of an item list at the given folder depth.
// It returns nil for an element that is not an object and for a request
// beyond Options.MaxRequests.
func (d *decoder) item(n node, index, depth int) *Item {
	if !n.is(jsontree.Object) {
		d.wrongType(n, "an object")
		return nil
	}
	it := &Item{}
	d.place(&it.Pos, n)
	it.Name, it.HasName = d.optText(n.field("name"))

	parent := d.where
	defer func() { d.where = parent }()
	d.where = joinWhere(parent, itemLabel(it, index))
	if !it.HasName {
		d.warn(CodeItemWithoutName, n, "the item has no name")
	}

	it.ID = d.text(n.field("id"))
	if it.ID == "" {
		it.ID = d.text(n.field("_postman_id"))
	}
	it.Description = d.description(n.field("description"))
	it.Events = d.events(n.field("event"))
	it.Variables = d.variables(n.field("variable"))
	it.Auth = d.auth(n.field("auth"))
	it.Behavior = d.behavior(n.field("protocolProfileBehavior"))
	d.ignoreMisnamed(n, "events", "event")

	if isFolder(n) {
		d.folder(it, n, depth)
		return it
	}
	d.requestItem(it, n)
	if it.Request != nil && !d.countRequest(n) {
		return nil
	}
	return it
}

func (d *decoder) folder(it *Item, n node, depth int) {
	it.IsFolder = true
	if req := n.field("request"); !req.isNull() {
		d.warn(CodeFolderWithRequest, req, `the item has both "item" and "request"; Postman treats it as a folder and ignores the request`)
	}
	if depth > d.opts.MaxFolderDepth {
		d.fail(CodeFolderTooDeep, n, "folders nest deeper than %d levels, so the contents of this folder are dropped; raise the limit with -max-folder-depth to read them", d.opts.MaxFolderDepth)
		return
	}
	it.Items = d.children(n, depth)
}

func (d *decoder) requestItem(it *Item, n node) {
	if req := n.field("request"); req.isNull() {
		d.warn(CodeItemWithoutRequest, n, `the item has neither "request" nor "item", so it sends nothing`)
	} else {
		it.Request = d.request(req)
	}
	it.Responses = d.responses(n.field("response"))
	d.ignoreMisnamed(n, "responses", "response")
}

// countRequest counts one more request and reports whether it is within
// Options.MaxRequests. The first request beyond the limit is an error, and
// decoding stops there.
func (d *decoder) countRequest(n node) bool {
	d.requests++
	if d.requests <= d.opts.MaxRequests {
		return true
	}
	d.tooMany = true
	d.fail(CodeTooManyRequests, n, "the collection has more than %d requests, so pmgen stops here; raise the limit with -max-requests to read them", d.opts.MaxRequests)
	return false
}

// itemLabel names an item in a folder path: its name, or its 1-based
// position when the name is missing or empty.
func itemLabel(it *Item, index int) string {
	if it.Name != "" {
		return it.Name
	}
	return fmt.Sprintf("(unnamed item %d)", index+1)
}

func joinWhere(parent, name string) string {
	if parent == "" {
		return name
	}
	return parent + " / " + name
}
