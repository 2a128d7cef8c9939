package fidelity

import (
	"encoding/json"
	"fmt"
	"os"
	"path"
	"slices"
	"strings"

	"github.com/pmgen/pmgen/model"
	"github.com/pmgen/pmgen/parser"
)

// Plan is the work of the driver program: the options it passes to New,
// the values it puts in the session, and the calls it makes, in
// collection order. The harness writes it as JSON for the driver.
type Plan struct {
	Options []OptionValue  `json:"options"`
	Session []SessionValue `json:"session"`
	Calls   []Call         `json:"calls"`
}

// OptionValue is one call of a generated option function, With<Name>(Value).
type OptionValue struct {
	Option string `json:"option"`
	Value  string `json:"value"`
}

// SessionValue is a value the driver sets in the client's session before
// the first call: "data" for iteration data, "environment" for pinned
// dynamic variables.
type SessionValue struct {
	Scope string `json:"scope"`
	Name  string `json:"name"`
	Value string `json:"value"`
}

// Call is one method call of the client.
type Call struct {
	Name   string   `json:"name"`   // the request's folder path and name
	Method string   `json:"method"` // the Go method name
	Args   []Arg    `json:"args"`   // one per method parameter
	Body   *BodyArg `json:"body,omitempty"`
}

// Arg is the value of a method parameter: Template expanded with the
// session at call time, or Value as it is.
type Arg struct {
	Template string  `json:"template,omitempty"`
	Value    *string `json:"value,omitempty"`
}

// BodyArg is the body argument of a call.
type BodyArg struct {
	// Kind is "json", "text", "form", "file" or "graphql".
	Kind string `json:"kind"`
	// Template is the JSON, text or GraphQL variables template.
	Template string     `json:"template,omitempty"`
	Fields   []FieldArg `json:"fields,omitempty"`
	// File is the path of a binary body, relative to the fixture folder.
	File string `json:"file,omitempty"`
}

// FieldArg is one field of a form body: a template for a text field, a
// file path for a file part.
type FieldArg struct {
	GoName   string `json:"goName"`
	Template string `json:"template,omitempty"`
	File     string `json:"file,omitempty"`
}

// planInput is everything a plan is made from.
type planInput struct {
	api        *model.API
	collection *parser.Collection
	// env holds the environment newman runs with, globals its globals,
	// both with the base URL variables pointing at the capture server.
	env, globals *envFile
	data         map[string]string
	pins         []Pin
}

// newPlan returns the calls that send every request of the collection in
// order, with the values newman has for the same run.
func newPlan(in planInput) (*Plan, error) {
	p := &Plan{}
	for _, h := range in.api.Hosts {
		// A request without URL has an empty host, which newman does
		// not send either.
		if h.Template != "" {
			p.Options = append(p.Options, OptionValue{Option: h.GoName, Value: in.substitute(h.Template)})
		}
	}
	for _, v := range in.api.Variables {
		// Values of the environment and globals files never reach the
		// generated code, so the driver passes them as options, as a
		// caller of the client does. It passes secrets the same way,
		// whatever defines them.
		_, inEnv := in.env.lookup(v.Name)
		_, inGlobals := in.globals.lookup(v.Name)
		if !v.Secret && !inEnv && !inGlobals {
			continue
		}
		if value, ok := in.lookup(v.Name); ok {
			p.Options = append(p.Options, OptionValue{Option: v.GoName, Value: value})
		}
	}
	for _, pin := range in.pins {
		p.Session = append(p.Session, SessionValue{Scope: "environment", Name: pin.Name, Value: pin.Value})
	}
	for _, name := range sortedKeys(in.data) {
		p.Session = append(p.Session, SessionValue{Scope: "data", Name: name, Value: in.data[name]})
	}
	items := requestItems(in.collection.Items, nil)
	if len(items) != len(in.api.Operations) {
		return nil, fmt.Errorf("the collection has %d requests and the model %d operations", len(items), len(in.api.Operations))
	}
	for i, op := range in.api.Operations {
		call, err := in.call(op, items[i])
		if err != nil {
			return nil, fmt.Errorf("%s: %w", op.Where, err)
		}
		p.Calls = append(p.Calls, call)
	}
	return p, nil
}

// requestItems returns the items that are requests, in the order the
// model walks them.
func requestItems(items []*parser.Item, out []*parser.Item) []*parser.Item {
	for _, it := range items {
		if it.IsFolder {
			out = requestItems(it.Items, out)
		} else if it.Request != nil {
			out = append(out, it)
		}
	}
	return out
}

func (in *planInput) call(op *model.Operation, item *parser.Item) (Call, error) {
	c := Call{Name: op.Where, Method: op.GoName}
	for _, prm := range op.Params {
		switch prm.Source {
		case model.FromPathVariable:
			c.Args = append(c.Args, Arg{Template: prm.Default})
		default:
			value, ok := in.data[prm.Name]
			if !ok {
				// newman leaves the reference as written.
				value = "{{" + prm.Name + "}}"
			}
			c.Args = append(c.Args, Arg{Value: &value})
		}
	}
	b := op.Body
	if b == nil {
		return c, nil
	}
	switch b.Kind {
	case model.BodyJSON:
		c.Body = &BodyArg{Kind: "json", Template: b.Template}
	case model.BodyText:
		c.Body = &BodyArg{Kind: "text", Template: b.Template}
	case model.BodyGraphQL:
		c.Body = &BodyArg{Kind: "graphql", Template: b.Template}
	case model.BodyFile:
		c.Body = &BodyArg{Kind: "file"}
		if item.Request.Body != nil {
			c.Body.File = item.Request.Body.FileSrc
		}
	case model.BodyURLEncoded, model.BodyMultipart:
		c.Body = &BodyArg{Kind: "form"}
		for _, f := range b.Form {
			fa := FieldArg{GoName: f.GoName, Template: f.Value}
			if f.File {
				fa.Template, fa.File = "", formFileSrc(item, f.Key)
			}
			c.Body.Fields = append(c.Body.Fields, fa)
		}
	default:
		return c, fmt.Errorf("body kind %d is not handled by the driver", b.Kind)
	}
	return c, nil
}

// formFileSrc returns the file path of the enabled file field key.
func formFileSrc(item *parser.Item, key string) string {
	if item.Request.Body == nil {
		return ""
	}
	for _, f := range item.Request.Body.Form {
		if f.Key == key && !f.Disabled && f.Type == "file" && len(f.Src) > 0 {
			return f.Src[0]
		}
	}
	return ""
}

// lookup returns a variable's value by Postman's precedence: iteration
// data, environment, collection, globals.
func (in *planInput) lookup(name string) (string, bool) {
	if v, ok := in.data[name]; ok {
		return v, true
	}
	if v, ok := in.env.lookup(name); ok {
		return v, true
	}
	if v, ok := collectionValue(in.collection, name); ok {
		return v, true
	}
	return in.globals.lookup(name)
}

// substitute replaces the {{name}} references of a host template with the
// variables' values, leaving unknown references as written.
func (in *planInput) substitute(template string) string {
	var b strings.Builder
	for {
		start := strings.Index(template, "{{")
		if start < 0 {
			break
		}
		end := strings.Index(template[start:], "}}")
		if end < 0 {
			break
		}
		name := template[start+2 : start+end]
		b.WriteString(template[:start])
		if v, ok := in.lookup(name); ok {
			b.WriteString(v)
		} else {
			b.WriteString(template[start : start+end+2])
		}
		template = template[start+end+2:]
	}
	b.WriteString(template)
	return b.String()
}

// collectionValue returns the value of a collection or folder variable
// as Postman substitutes it.
func collectionValue(c *parser.Collection, name string) (string, bool) {
	var found *parser.Variable
	var visit func(items []*parser.Item)
	visit = func(items []*parser.Item) {
		for _, it := range items {
			for _, v := range it.Variables {
				if v.Key == name && !v.Disabled && found == nil {
					found = v
				}
			}
			visit(it.Items)
		}
	}
	for _, v := range c.Variables {
		if v.Key == name && !v.Disabled {
			found = v
			break
		}
	}
	if found == nil {
		visit(c.Items)
	}
	if found == nil {
		return "", false
	}
	switch found.Kind {
	case parser.ValueNumber, parser.ValueJSON:
		var x any
		if err := json.Unmarshal([]byte(found.Value), &x); err == nil {
			return postmanString(x), true
		}
	case parser.ValueNull:
		return "null", true
	}
	return found.Value, true
}

// readDataRow returns the first row of an iteration data file, each value
// as Postman substitutes it.
func readDataRow(file string) (map[string]string, error) {
	if file == "" {
		return nil, nil
	}
	data, err := os.ReadFile(file)
	if err != nil {
		return nil, err
	}
	if ext := path.Ext(file); ext != ".json" {
		return nil, fmt.Errorf("data file %s: extension %q, want .json", file, ext)
	}
	var rows []map[string]any
	if err := json.Unmarshal(data, &rows); err != nil {
		return nil, fmt.Errorf("data file %s: %w", file, err)
	}
	if len(rows) != 1 {
		return nil, fmt.Errorf("data file %s has %d rows, want 1", file, len(rows))
	}
	row := map[string]string{}
	for k, v := range rows[0] {
		row[k] = postmanString(v)
	}
	return row, nil
}

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}
