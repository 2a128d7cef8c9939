package generator

import (
	"slices"
	"strconv"

	"github.com/dave/jennifer/jen"

	"github.com/pmgen/pmgen/model"
	"github.com/pmgen/pmgen/model/types"
)

// localNames are the names generated functions declare for their
// receivers, parameters and variables besides the operations' own
// parameters. A package of the same name could not be used in them.
var localNames = []string{
	"body", "c", "ctx", "e", "err", "form", "h", "opts", "out", "q", "r", "req", "resp", "t", "u", "variables",
}

// planImports names the packages of the collection's external types,
// such as a decimal type the config chooses. No name may collide with a
// package-level name of the generated package or with a name its
// functions declare, because a package named like the receiver c or a
// path variable would be shadowed where its type is used. It returns the
// import paths that need a name of their own, with that name.
func planImports(api *model.API) map[string]string {
	used := map[string]bool{}
	for _, name := range model.RuntimeNames() {
		used[name] = true
	}
	for _, name := range localNames {
		used[name] = true
	}
	for _, op := range api.Operations {
		for _, p := range op.Params {
			used[p.GoName] = true
		}
	}

	var paths []string
	seen := map[string]bool{}
	addPath := func(t *types.Type) {
		if t.Kind == types.External && t.Ref.ImportPath != "" && !seen[t.Ref.ImportPath] {
			seen[t.Ref.ImportPath] = true
			paths = append(paths, t.Ref.ImportPath)
		}
	}
	roots := slices.Clone(api.Types)
	for _, op := range api.Operations {
		roots = append(roots, operationTypes(op)...)
	}
	walkTypes(addPath, roots...)
	slices.Sort(paths)

	plan := map[string]string{}
	for _, path := range paths {
		base, _ := packageName(path)
		if !used[base] {
			used[base] = true
			continue
		}
		name := base
		for i := 1; used[name] || jen.IsReservedWord(name); i++ {
			name = base + strconv.Itoa(i)
		}
		used[name] = true
		plan[path] = name
	}
	return plan
}

// walkTypes calls fn for each root and every type reachable from them,
// each once.
func walkTypes(fn func(*types.Type), roots ...*types.Type) {
	seen := map[*types.Type]bool{}
	var walk func(*types.Type)
	walk = func(t *types.Type) {
		if t == nil || seen[t] {
			return
		}
		seen[t] = true
		fn(t)
		switch t.Kind {
		case types.Struct:
			for _, f := range t.Fields {
				walk(f.Type)
			}
		case types.Array:
			walk(t.Elem)
		}
	}
	for _, t := range roots {
		walk(t)
	}
}
