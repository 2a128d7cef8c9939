package model

import (
	"slices"
	"sort"
	"strings"

	"github.com/pmgen/pmgen/model/internal/parallel"
	"github.com/pmgen/pmgen/parser"
)

// resolveOperations fills every operation's method, URL, headers, auth and
// parameters, and decides where each {{variable}} it reads comes from.
func (b *builder) resolveOperations() {
	for _, src := range b.ops {
		req := src.item.Request
		op := src.op
		op.Method = normalizeMethod(req.Method)
		if !validMethod(op.Method) {
			b.diags.Error(CodeInvalidMethod, op.Pos, op.Where,
				"method %q is not an HTTP method: use letters, digits and !#$%%&'*+-.^_`|~ only, as in GET or POST", op.Method)
		}
		op.KeepBody = keepBody(src)

		parts := splitURL(req.URL)
		// A request without any URL has the parser's request-without-url
		// warning already.
		if req.HasURL && req.URL.Object && !req.URL.HasHost && !req.URL.HasPath {
			b.diags.Warn(CodeMissingURL, op.Pos, op.Where,
				"the URL object has neither host nor path, so Postman ignores its raw text and sends nothing; the client sends the request only once its base URL option is set; add host and path to the URL")
		}
		op.URL = URL{Raw: firstNonEmpty(req.URL.Raw, parts.rawURL()), Hash: parts.hash, Query: parts.query}
		op.URL.Host = b.host(parts.host, op)
		b.resolvePath(op, parts.path, req.URL.Variables)

		for _, h := range req.Headers {
			if h.Disabled {
				continue
			}
			op.Headers = append(op.Headers, Header{Name: h.Key, Value: h.Value})
			if op.IdempotencyHeader == "" && idempotencyHeader(h.Key) && strings.TrimSpace(h.Value) != "" {
				op.IdempotencyHeader = h.Key
			}
		}
		op.Auth = b.effectiveAuth(src)
		b.resolveUndefined(op)
	}
	b.setHostDefaults()
}

// idempotencyHeader reports whether a header name is an idempotency key,
// such as Idempotency-Key, X-Idempotency-Key or Idempotence-Key, ignoring
// case and punctuation.
func idempotencyHeader(name string) bool {
	var b strings.Builder
	for _, r := range strings.ToLower(name) {
		if r >= 'a' && r <= 'z' {
			b.WriteRune(r)
		}
	}
	letters := b.String()
	return strings.Contains(letters, "idempotencykey") || strings.Contains(letters, "idempotencekey")
}

// normalizeMethod returns the method Postman sends: upper case, GET when
// the request has none.
func normalizeMethod(m string) Method {
	m = strings.TrimSpace(m)
	if m == "" {
		return "GET"
	}
	return Method(strings.ToUpper(m))
}

// validMethod reports whether m is an HTTP method token, made of letters,
// digits and !#$%&'*+-.^_`|~ only, as net/http requires of a request's
// method.
func validMethod(m Method) bool {
	for i := 0; i < len(m); i++ {
		c := m[i]
		switch {
		case 'A' <= c && c <= 'Z', 'a' <= c && c <= 'z', '0' <= c && c <= '9':
		case strings.IndexByte("!#$%&'*+-.^_`|~", c) >= 0:
		default:
			return false
		}
	}
	return len(m) > 0
}

// keepBody reports whether protocolProfileBehavior.disableBodyPruning is
// set on the request or, failing that, on the nearest folder or the
// collection that sets it.
func keepBody(src *opSource) bool {
	if v := src.item.Behavior.DisableBodyPruning; v != nil {
		return *v
	}
	for i := len(src.parents) - 1; i >= 0; i-- {
		if v := src.parents[i].Behavior.DisableBodyPruning; v != nil {
			return *v
		}
	}
	return false
}

// prunedMethods are the methods whose body Postman drops unless
// disableBodyPruning is set.
var prunedMethods = []Method{"GET", "HEAD", "COPY", "PURGE", "UNLOCK"}

// host returns the Host of a host template, creating it on first use.
func (b *builder) host(template string, op *Operation) *Host {
	if h, ok := b.hosts[template]; ok {
		return h
	}
	h := &Host{Template: template}
	b.hosts[template] = h
	b.api.Hosts = append(b.api.Hosts, h)
	return h
}

// setHostDefaults sets the default of every host. A template that is
// exactly one variable reference takes its default from that variable,
// which then needs no option of its own. It runs once every auth of the
// collection has marked the variables of its credentials secret.
func (b *builder) setHostDefaults() {
	for _, h := range b.api.Hosts {
		refs := References(h.Template)
		switch {
		case len(refs) == 0:
			h.Default = h.Template
		case len(refs) == 1 && h.Template == "{{"+refs[0]+"}}":
			if v, ok := b.variables[refs[0]]; ok && !v.Secret {
				h.Default = v.Default
			}
		}
	}
}

// resolvePath turns path segments into templates; a ":name" segment with
// a matching path variable becomes a parameter. As in postman-collection
// 4.x, the variable's name ends at the first ".", so ":Sid.json" is the
// variable Sid followed by ".json".
func (b *builder) resolvePath(op *Operation, segments []string, vars []*parser.Variable) {
	for _, seg := range segments {
		s := PathSegment{Template: seg}
		if rest, ok := strings.CutPrefix(seg, ":"); ok {
			name, _, _ := strings.Cut(rest, ".")
			if i := slices.IndexFunc(vars, func(v *parser.Variable) bool { return name != "" && v.Key == name }); i >= 0 {
				s.Param = op.param(name, FromPathVariable)
				s.Param.Default = pathVariableValue(vars[i])
				s.Param.Doc = vars[i].Description
			}
		}
		op.URL.Path = append(op.URL.Path, s)
	}
}

// pathVariableValue returns the value of a path variable. Postman sends
// ":name" as written for a null or missing value, and the client does so
// for the empty value returned here. A number or a boolean is filled in
// as JavaScript writes it, although Postman sends ":name" for it too.
func pathVariableValue(v *parser.Variable) string {
	if v.Kind == parser.ValueNull || v.Kind == parser.ValueMissing {
		return ""
	}
	return PostmanValue(v)
}

// param returns the operation's parameter for a name, adding it on first use.
func (op *Operation) param(name string, source ParamSource) *Param {
	for _, p := range op.Params {
		if p.Name == name && p.Source == source {
			return p
		}
	}
	p := &Param{Name: name, Source: source}
	op.Params = append(op.Params, p)
	return p
}

// resolveUndefined makes a parameter of every {{variable}} in the path,
// query and headers that no variable, environment or script defines, and
// warns about each, and about undefined variables in the body.
func (b *builder) resolveUndefined(op *Operation) {
	var refs []string
	for _, s := range op.URL.Path {
		if s.Param == nil {
			refs = append(refs, References(s.Template)...)
		}
	}
	for _, q := range op.URL.Query {
		refs = append(refs, References(q.Key)...)
		refs = append(refs, References(q.Value)...)
	}
	for _, h := range op.Headers {
		refs = append(refs, References(h.Name)...)
		refs = append(refs, References(h.Value)...)
	}
	for _, name := range refs {
		if b.defined(name) {
			continue
		}
		if !slices.ContainsFunc(op.Params, func(p *Param) bool { return p.Name == name && p.Source == FromUndefined }) {
			b.diags.Warn(CodeUndefinedVariable, op.Pos, op.Where,
				"variable %s is not defined by the collection, the environment or a script: the method takes it as parameter", quoteName(name))
		}
		op.param(name, FromUndefined)
	}
}

// defined reports whether a variable has a value without the caller
// passing one: a dynamic variable, a known variable, or one a script sets.
func (b *builder) defined(name string) bool {
	if IsDynamic(name) {
		return true
	}
	if _, ok := b.variables[name]; ok {
		return true
	}
	return b.scriptSets[name]
}

// recordReads fills Reads and Produces of every operation, on up to
// GOMAXPROCS goroutines, and marks the variables that scripts set.
func (b *builder) recordReads() {
	parallel.For(len(b.ops), func(i int) {
		recordOperationReads(b.ops[i])
	})
	for _, v := range b.api.Variables {
		v.SetByScript = b.scriptSets[v.Name]
	}
	b.dropUnreadVariables()
}

// recordOperationReads fills Reads and Produces of one operation: the
// variables that its templates and scripts read, and those its scripts
// set.
func recordOperationReads(src *opSource) {
	op := src.op
	reads := map[string]bool{}
	add := func(template string) {
		for _, name := range References(template) {
			if !IsDynamic(name) {
				reads[name] = true
			}
		}
	}
	add(op.URL.Host.Template)
	for _, s := range op.URL.Path {
		if s.Param != nil {
			add(s.Param.Default)
		} else {
			add(s.Template)
		}
	}
	for _, q := range op.URL.Query {
		add(q.Key)
		add(q.Value)
	}
	for _, h := range op.Headers {
		add(h.Name)
		add(h.Value)
	}
	if op.Auth != nil {
		for _, v := range op.Auth.Scheme.Params {
			add(v)
		}
	}
	if body := src.item.Request.Body; body != nil {
		for _, t := range bodyTemplates(body) {
			add(t)
		}
	}
	produces := map[string]bool{}
	for _, s := range append(slices.Clone(op.PreRequest), op.Test...) {
		for _, r := range s.Reads {
			reads[r.Name] = true
		}
		for _, set := range s.Sets {
			produces[set.Name] = true
		}
	}
	op.Reads = sortedKeys(reads)
	op.Produces = sortedKeys(produces)
}

// dropUnreadVariables removes the variables that no request or script
// reads, and those used only as a whole host template ("{{baseUrl}}"),
// whose base URL option replaces theirs.
func (b *builder) dropUnreadVariables() {
	read := map[string]bool{}
	add := func(template string) {
		for _, r := range References(template) {
			read[r] = true
		}
	}
	for _, op := range b.api.Operations {
		host := op.URL.Host.Template
		if refs := References(host); !(len(refs) == 1 && host == "{{"+refs[0]+"}}") {
			add(host)
		}
		for _, t := range operationTemplates(op) {
			add(t)
		}
		for _, s := range append(slices.Clone(op.PreRequest), op.Test...) {
			for _, r := range s.Reads {
				read[r.Name] = true
			}
		}
	}
	b.readNested(read)
	b.api.Variables = slices.DeleteFunc(b.api.Variables, func(v *Variable) bool { return !read[v.Name] })
}

// readNested adds to read the variables that the values of read variables
// refer to, at any depth, since Postman substitutes those too.
func (b *builder) readNested(read map[string]bool) {
	queue := make([]string, 0, len(read))
	for name := range read {
		queue = append(queue, name)
	}
	for len(queue) > 0 {
		name := queue[len(queue)-1]
		queue = queue[:len(queue)-1]
		v, ok := b.variables[name]
		if !ok {
			continue
		}
		for _, ref := range References(v.Default) {
			if !read[ref] {
				read[ref] = true
				queue = append(queue, ref)
			}
		}
	}
}

// operationTemplates returns the templates of an operation other than its
// host: path, query, headers, auth and body.
func operationTemplates(op *Operation) []string {
	var out []string
	for _, s := range op.URL.Path {
		if s.Param != nil {
			out = append(out, s.Param.Default)
		} else {
			out = append(out, s.Template)
		}
	}
	for _, q := range op.URL.Query {
		out = append(out, q.Key, q.Value)
	}
	for _, h := range op.Headers {
		out = append(out, h.Name, h.Value)
	}
	if op.Auth != nil {
		for _, v := range op.Auth.Scheme.Params {
			out = append(out, v)
		}
	}
	if b := op.Body; b != nil {
		out = append(out, b.Template, b.GraphQLQuery)
		for _, f := range b.Form {
			out = append(out, f.Key, f.Value)
		}
	}
	return out
}

// bodyTemplates returns the texts of a body that may hold references.
func bodyTemplates(body *parser.Body) []string {
	out := []string{body.Raw, body.GraphQLQuery, body.GraphQLVariables}
	for _, f := range body.Form {
		out = append(out, f.Key, f.Value)
	}
	return out
}

func sortedKeys(set map[string]bool) []string {
	if len(set) == 0 {
		return nil
	}
	keys := make([]string, 0, len(set))
	for k := range set {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
