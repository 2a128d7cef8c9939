package generator

import (
	"strconv"
	"strings"
	"unicode"

	"github.com/pmgen/pmgen/model"
	"github.com/pmgen/pmgen/model/types"
	"github.com/pmgen/pmgen/templates"
)

// gen holds the state of one Generate call.
type gen struct {
	api  *model.API
	opts Options

	// units are the files of operations: one per top-level folder, and
	// one for requests outside any folder.
	units []*unit
	// sharedTypes are the struct types used by more than one unit; they
	// go to types.go.
	sharedTypes []*types.Type

	hostIndex   map[*model.Host]int
	schemeIndex map[*model.AuthScheme]int
	// numeric holds the variables that stand unquoted in a JSON body.
	numeric map[string]bool
	// typeUses documents each struct type by its first use.
	typeUses map[*types.Type]string
	// importNames are the names of the imports that need one (see
	// planImports).
	importNames map[string]string
}

// unit is one generated file of operations and the types only they use.
type unit struct {
	file   string
	folder *model.Folder
	ops    []*model.Operation
	types  []*types.Type
}

func newGen(api *model.API, opts Options) *gen {
	g := &gen{
		api:         api,
		opts:        opts,
		hostIndex:   map[*model.Host]int{},
		schemeIndex: map[*model.AuthScheme]int{},
		numeric:     numericVariables(api),
		importNames: planImports(api),
	}
	for i, h := range api.Hosts {
		g.hostIndex[h] = i
	}
	for i, s := range api.Schemes {
		g.schemeIndex[s] = i
	}
	g.splitUnits()
	g.placeTypes()
	g.describeTypes()
	return g
}

// splitUnits assigns every operation to the file of its top-level folder.
func (g *gen) splitUnits() {
	byFolder := map[*model.Folder]*unit{}
	used := map[string]bool{"client.go": true, "types.go": true}
	for _, f := range templates.ClientRuntime() {
		used[runtimeFileName(f.Name)] = true
	}
	for _, op := range g.api.Operations {
		top := op.Folder
		for top != nil && top.Parent != nil {
			top = top.Parent
		}
		u, ok := byFolder[top]
		if !ok {
			name := "requests"
			if top != nil {
				name = snakeCase(top.GoName)
			}
			u = &unit{file: uniqueFileName(name, used), folder: top}
			byFolder[top] = u
			g.units = append(g.units, u)
		}
		u.ops = append(u.ops, op)
	}
}

// goosGoarch lists the file name suffixes that the go command reads as
// build constraints; a file named after a folder must not end in one.
var goosGoarch = map[string]bool{
	"aix": true, "android": true, "darwin": true, "dragonfly": true, "freebsd": true, "hurd": true,
	"illumos": true, "ios": true, "js": true, "linux": true, "nacl": true, "netbsd": true, "openbsd": true,
	"plan9": true, "solaris": true, "wasip1": true, "windows": true, "zos": true,
	"386": true, "amd64": true, "amd64p32": true, "arm": true, "armbe": true, "arm64": true, "arm64be": true,
	"loong64": true, "mips": true, "mipsle": true, "mips64": true, "mips64le": true, "mips64p32": true,
	"mips64p32le": true, "ppc": true, "ppc64": true, "ppc64le": true, "riscv": true, "riscv64": true,
	"s390": true, "s390x": true, "sparc": true, "sparc64": true, "wasm": true, "test": true,
}

// uniqueFileName returns base + ".go", changed so that the go command
// builds it on every platform and no other unit has it.
func uniqueFileName(base string, used map[string]bool) string {
	parts := strings.Split(base, "_")
	if goosGoarch[parts[len(parts)-1]] || base == "" {
		base += "_requests"
	}
	name := base + ".go"
	for i := 2; used[name]; i++ {
		name = base + "_" + strconv.Itoa(i) + ".go"
	}
	used[name] = true
	return name
}

// snakeCase turns a Go name into a file name: "OtkrytSmenu" → "otkryt_smenu".
func snakeCase(goName string) string {
	var b strings.Builder
	runes := []rune(goName)
	for i, r := range runes {
		if unicode.IsUpper(r) && i > 0 && (unicode.IsLower(runes[i-1]) || (i+1 < len(runes) && unicode.IsLower(runes[i+1]))) {
			b.WriteByte('_')
		}
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// placeTypes puts each struct type into the unit that uses it, or into
// types.go when several units do.
func (g *gen) placeTypes() {
	owner := map[*types.Type]*unit{}
	shared := map[*types.Type]bool{}
	for _, u := range g.units {
		for _, op := range u.ops {
			for _, t := range operationTypes(op) {
				walkStructs(t, func(s *types.Type) {
					if o, ok := owner[s]; ok && o != u {
						shared[s] = true
					}
					owner[s] = u
				})
			}
		}
	}
	// API.Types is in order of first use; keep that order in every file.
	for _, t := range g.api.Types {
		u, ok := owner[t]
		switch {
		case !ok:
			continue
		case shared[t]:
			g.sharedTypes = append(g.sharedTypes, t)
		default:
			u.types = append(u.types, t)
		}
	}
}

// operationTypes returns the root types of an operation's bodies.
func operationTypes(op *model.Operation) []*types.Type {
	var out []*types.Type
	if op.Body != nil && op.Body.Type != nil {
		out = append(out, op.Body.Type)
	}
	for _, p := range []*model.Payload{op.Response, op.ErrorBody} {
		if p != nil && p.Type != nil {
			out = append(out, p.Type)
		}
	}
	return out
}

// walkStructs calls fn for every struct type reachable from t, each once.
func walkStructs(t *types.Type, fn func(*types.Type)) {
	walkTypes(func(t *types.Type) {
		if t.Kind == types.Struct {
			fn(t)
		}
	}, t)
}
