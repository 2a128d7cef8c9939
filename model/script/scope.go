package script

import (
	"cmp"
	"fmt"
	"slices"

	"github.com/dop251/goja/ast"
)

// scope holds the local variables of a block of the script.
type scope struct {
	parent *scope
	kind   scopeKind
	vars   map[string]*binding
}

// scopeKind is the way a block runs, which decides where var declarations
// and assignments bind.
type scopeKind uint8

const (
	blockScope    scopeKind = iota // a plain block: runs whenever its parent does
	functionScope                  // the script or a pm.test callback: holds var declarations
	branchScope                    // a branch of an if: may not run
)

func newScope(parent *scope, kind scopeKind) *scope {
	return &scope{parent: parent, kind: kind, vars: map[string]*binding{}}
}

// binding is the content of a local variable: the expression it stands
// for, or the reason its value was not translated.
type binding struct {
	value Expr
	err   error
	// object is set for a local that holds an object whose methods are
	// translated, but which is no value itself.
	object objectKind
}

// objectKind is an object a local variable may hold.
type objectKind uint8

const (
	notObject  objectKind = iota
	dateObject            // new Date()
	uuidModule            // require("uuid")
)

// object returns the binding of an initializer that creates an object of
// a known kind, and nil for any other.
func object(init ast.Expression) *binding {
	if isNewDate(init) {
		return &binding{object: dateObject}
	}
	if call, ok := init.(*ast.CallExpression); ok && dotted(call.Callee) == "require" && len(call.ArgumentList) == 1 {
		if lit, ok := call.ArgumentList[0].(*ast.StringLiteral); ok && lit.Value == "uuid" {
			return &binding{object: uuidModule}
		}
	}
	return nil
}

// lookup returns the binding of name in sc or an enclosing scope, nil
// when the script declares no such variable.
func (sc *scope) lookup(name string) *binding {
	for s := sc; s != nil; s = s.parent {
		if b, ok := s.vars[name]; ok {
			return b
		}
	}
	return nil
}

// owner returns the scope that declares name, and the outermost scope for
// a name that no scope declares, where JavaScript puts an implicit global.
func (sc *scope) owner(name string) *scope {
	s := sc
	for ; s.parent != nil; s = s.parent {
		if _, ok := s.vars[name]; ok {
			return s
		}
	}
	return s
}

// function returns the nearest enclosing function scope, where var
// declarations bind.
func (sc *scope) function() *scope {
	s := sc
	for s.kind != functionScope && s.parent != nil {
		s = s.parent
	}
	return s
}

// put binds name to b in target, seen from sc. When a branch of an if lies
// between sc and target, the branch may not run: the value holds inside
// sc, and target gets an untranslated binding, because after the if the
// variable has one of two values.
func (sc *scope) put(target *scope, name string, b *binding) {
	for s := sc; s != target && s != nil; s = s.parent {
		if s.kind == branchScope {
			sc.vars[name] = b
			target.vars[name] = &binding{err: unsupported("%q is assigned in a branch of an if", name)}
			return
		}
	}
	target.vars[name] = b
}

// declare translates var, let and const declarations, which bind in
// target: the function scope for var, the block for let and const. When
// one initializer fails, every name of the statement is marked
// untranslated.
func (t *translator) declare(list []*ast.Binding, sc, target *scope, line int) ([]Statement, error) {
	names := make([]string, len(list))
	values := make([]Expr, len(list))
	var failure error
	for i, b := range list {
		id, ok := b.Target.(*ast.Identifier)
		if !ok {
			failure = unsupported("destructuring declarations are not translated")
			break
		}
		names[i] = id.Name.String()
		if b.Initializer == nil || object(b.Initializer) != nil {
			continue
		}
		v, err := t.expr(b.Initializer, sc)
		if err != nil {
			failure = err
			break
		}
		values[i] = v
	}

	if failure != nil {
		for _, b := range list {
			if id, ok := b.Target.(*ast.Identifier); ok {
				sc.put(target, id.Name.String(), &binding{err: failure})
			}
		}
		return nil, failure
	}

	var out []Statement
	for i, name := range names {
		if b := object(list[i].Initializer); b != nil {
			sc.put(target, name, b)
			continue
		}
		if values[i] == nil {
			sc.put(target, name, &binding{err: fmt.Errorf("%q is declared without a value", name)})
			continue
		}
		b, lets := t.store(name, values[i], line)
		sc.put(target, name, b)
		out = append(out, lets...)
	}
	return out, nil
}

// bind translates the assignment name = init. An assignment to a name
// that no scope declares creates an implicit global, as JavaScript does.
func (t *translator) bind(name string, init ast.Expression, sc *scope, line int) ([]Statement, error) {
	owner := sc.owner(name)
	if b := object(init); b != nil {
		sc.put(owner, name, b)
		return nil, nil
	}
	v, err := t.expr(init, sc)
	if err != nil {
		sc.put(owner, name, &binding{err: err})
		return nil, err
	}
	b, lets := t.store(name, v, line)
	sc.put(owner, name, b)
	return lets, nil
}

// store returns the binding of name to v. A value that may change between
// two evaluations goes into a *Let, and the name stands for a *Local that
// reads it back. Any other value is substituted where the name is used.
func (t *translator) store(name string, v Expr, line int) (*binding, []Statement) {
	if !changes(v) {
		return &binding{value: v}, nil
	}
	unique := name
	for n := 2; t.letNames[unique]; n++ {
		unique = fmt.Sprintf("%s_%d", name, n)
	}
	t.letNames[unique] = true
	return &binding{value: &Local{Name: unique}}, []Statement{&Let{Line: line, Name: unique, Value: v}}
}

// changes reports whether two evaluations of e may give different values
// within one script run: e reads a variable, a dynamic variable or the
// time.
func changes(e Expr) bool {
	switch e := e.(type) {
	case *Variable, *Dynamic, *Now:
		return true
	case *Concat:
		return slices.ContainsFunc(e.Parts, changes)
	case *Length:
		return changes(e.X)
	case *Substring:
		return changes(e.X)
	case *Stringify:
		return changes(e.X)
	case *Base64:
		return changes(e.X)
	case *ParseJSON:
		return changes(e.X)
	case *ParseNumber:
		return changes(e.X)
	case *Condition:
		return assertionChanges(e.Assertion)
	}
	return false
}

// assertionChanges reports whether an operand of a may change between two
// evaluations.
func assertionChanges(a Assertion) bool {
	if a.Actual != nil && changes(a.Actual) || a.Expected != nil && changes(a.Expected) {
		return true
	}
	return slices.ContainsFunc(a.Operands, assertionChanges)
}

// flow records the variables a script reads, sets and unsets, in the
// order met. Translation of a statement that fails is rolled back with
// mark and reset.
type flow struct {
	reads, sets, unsets []VarRef
}

type flowMark struct{ reads, sets, unsets int }

func (f *flow) mark() flowMark {
	return flowMark{len(f.reads), len(f.sets), len(f.unsets)}
}

func (f *flow) reset(m flowMark) {
	f.reads, f.sets, f.unsets = f.reads[:m.reads], f.sets[:m.sets], f.unsets[:m.unsets]
}

func (f *flow) read(scope Scope, name string) {
	f.reads = append(f.reads, VarRef{Scope: scope, Name: name})
}

func (f *flow) set(scope Scope, name string) {
	f.sets = append(f.sets, VarRef{Scope: scope, Name: name})
}

func (f *flow) unset(scope Scope, name string) {
	f.unsets = append(f.unsets, VarRef{Scope: scope, Name: name})
}

// sorted returns list sorted by name, then scope, without duplicates.
func (f *flow) sorted(list []VarRef) []VarRef {
	out := slices.Clone(list)
	slices.SortFunc(out, func(a, b VarRef) int {
		if c := cmp.Compare(a.Name, b.Name); c != 0 {
			return c
		}
		return cmp.Compare(a.Scope, b.Scope)
	})
	return slices.Compact(out)
}
