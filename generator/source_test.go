package generator

import (
	"go/format"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/pmgen/pmgen/model/types"
)

// TestStructLayoutMatchesGofmt writes random struct types and checks that
// gofmt leaves the text as it is: names and types of every length, with
// and without doc comments, pointers, slices, other packages' types and
// tags that cannot be raw string literals.
func TestStructLayoutMatchesGofmt(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	letters := []rune("abcXYZжЖäß_")
	word := func(n int) string {
		var b strings.Builder
		b.WriteRune('A')
		for range n {
			b.WriteRune(letters[rng.IntN(len(letters))])
		}
		return b.String()
	}
	scalars := []*types.Type{
		{Kind: types.String}, {Kind: types.Int}, {Kind: types.Float}, {Kind: types.Bool}, {Kind: types.Raw},
		{Kind: types.External, Ref: &types.Ref{ImportPath: "time", Name: "Time"}},
		{Kind: types.External, Ref: &types.Ref{ImportPath: "github.com/shopspring/decimal", Name: "Decimal"}},
	}
	docs := []string{"", "", "Сумма чека.", "line one\nline two", "*/ func init() {}", "  indented\n\tcode", "+build ignore"}
	keys := []string{"id", "sum", "a`b", `q"uote`, "-", "ключ", "tab\there"}
	for i := range 300 {
		var fields []*types.Field
		for range rng.IntN(7) {
			typ := scalars[rng.IntN(len(scalars))]
			switch rng.IntN(4) {
			case 0:
				typ = &types.Type{Kind: types.Struct, Name: word(rng.IntN(30))}
			case 1:
				typ = &types.Type{Kind: types.Array, Elem: typ}
			}
			fields = append(fields, &types.Field{
				JSONName: keys[rng.IntN(len(keys))],
				Name:     word(rng.IntN(25)),
				Type:     typ,
				Optional: rng.IntN(3) == 0,
				Nullable: rng.IntN(3) == 0,
				Doc:      docs[rng.IntN(len(docs))],
			})
		}
		s := newSource(nil)
		s.structDecl(&types.Type{Kind: types.Struct, Name: word(8), Fields: fields}, docs[rng.IntN(len(docs))]+" type")
		text := "package p\n\n" + string(s.decls)
		formatted, err := format.Source([]byte(text))
		require.NoError(t, err, "struct %d:\n%s", i, text)
		assert.Equal(t, string(formatted), text, "struct %d", i)
	}
}

// TestImportNames checks the names source gives imports: a standard
// package goes by its last element, another gets a written name, and a
// name already taken gets a number.
func TestImportNames(t *testing.T) {
	s := newSource(nil)
	assert.Equal(t, "json", s.use("encoding/json"))
	assert.Equal(t, "rand", s.use("math/rand/v2"))
	assert.Equal(t, "decimal", s.use("github.com/shopspring/decimal"))
	assert.Equal(t, "decimal1", s.use("example.com/other/decimal"))
	assert.Equal(t, "yamlv3", s.use("gopkg.in/yaml.v3"))
	assert.Equal(t, "pkg", s.use("example.com/123"))
	assert.Equal(t, "json", s.use("encoding/json"))
	assert.Equal(t, map[string]bool{
		"github.com/shopspring/decimal": true, "example.com/other/decimal": true,
		"gopkg.in/yaml.v3": true, "example.com/123": true,
	}, s.named)
	file := string(s.file("p", nil))
	assert.Contains(t, file, "\tdecimal1 \"example.com/other/decimal\"\n")
	formatted, err := format.Source([]byte(file))
	require.NoError(t, err)
	assert.Equal(t, string(formatted), file)
}
