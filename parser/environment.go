package parser

import (
	"github.com/pmgen/pmgen/diag"
	"github.com/pmgen/pmgen/internal/jsontree"
)

// ParseEnvironment decodes a Postman environment or globals file: an
// object with "name", "values" and "_postman_variable_scope".
//
// The environment is nil when data is not valid JSON or not an object, or
// when it is larger than Options.MaxInputSize.
func ParseEnvironment(file string, data []byte, opts Options) (*Environment, diag.List) {
	opts = opts.withDefaults()
	var list diag.List
	root, ok := parseJSON(file, data, opts, &list, nil)
	if !ok {
		return nil, list
	}

	d := newDecoder(file, data, opts)
	env := d.environment(node{v: root})
	d.finish(&list)
	return env, list
}

func (d *decoder) environment(n node) *Environment {
	if !n.is(jsontree.Object) {
		d.fail(CodeNotAnEnvironment, n, "the file contains a JSON %s, want a Postman environment object", n.v.Kind)
		return nil
	}
	values := n.field("values")
	if values.missing() {
		if !n.field("info").missing() || !n.field("item").missing() {
			d.fail(CodeNotAnEnvironment, n, "the file is a Postman collection, not an environment: pass it with -collection, and its environment with -env")
			return nil
		}
		d.warn(CodeEnvironmentWithoutValues, n, `the environment has no "values", so it defines no variables; an exported Postman environment keeps them there`)
	}
	env := &Environment{
		File:  d.file,
		Name:  d.text(n.field("name")),
		Scope: d.text(n.field("_postman_variable_scope")),
	}
	for _, e := range d.list(values) {
		v := d.variable(e)
		if v == nil {
			continue
		}
		if v.Key == "" {
			d.warn(CodeVariableWithoutKey, e, `this variable has no "key", so it is ignored`)
		}
		env.Variables = append(env.Variables, v)
	}
	return env
}
