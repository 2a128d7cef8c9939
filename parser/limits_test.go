package parser

import (
	"fmt"
	"strings"
	"testing"

	"github.com/pmgen/pmgen/diag"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// nestedFolders returns a collection of depth nested folders with one
// request in the innermost.
func nestedFolders(depth int) []byte {
	var b strings.Builder
	b.WriteString(`{"info":{"name":"deep","schema":"https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},"item":[`)
	for range depth {
		b.WriteString(`{"name":"f","item":[`)
	}
	b.WriteString(`{"name":"r","request":"http://127.0.0.1/"}`)
	for range depth {
		b.WriteString(`]}`)
	}
	b.WriteString(`]}`)
	return []byte(b.String())
}

// flatRequests returns a collection of n requests at the top level.
func flatRequests(n int) []byte {
	items := make([]string, n)
	for i := range items {
		items[i] = fmt.Sprintf(`{"name":"r%d","request":"http://127.0.0.1/%d"}`, i, i)
	}
	return []byte(`{"info":{"name":"flat","schema":"https://schema.getpostman.com/json/collection/v2.1.0/collection.json"},"item":[` + strings.Join(items, ",") + `]}`)
}

func codes(list diag.List) []diag.Code {
	var out []diag.Code
	for _, d := range list.Sorted() {
		out = append(out, d.Code)
	}
	return out
}

func TestInputSizeLimit(t *testing.T) {
	data := flatRequests(3)

	c, diags := ParseCollection("big.json", data, Options{MaxInputSize: len(data) - 1})

	assert.Nil(t, c)
	assert.Equal(t, []diag.Code{CodeInputTooLarge}, codes(diags))
	assert.Contains(t, diags.Err().Error(), "input is 248 bytes, larger than the limit of 247 bytes; raise the limit with -max-input-size")

	c, diags = ParseCollection("big.json", data, Options{MaxInputSize: len(data)})
	require.NotNil(t, c)
	assert.Empty(t, codes(diags))
}

func TestInputSizeLimitEnvironment(t *testing.T) {
	env, diags := ParseEnvironment("env.json", []byte(`{"values":[]}`), Options{MaxInputSize: 4})

	assert.Nil(t, env)
	assert.Equal(t, []diag.Code{CodeInputTooLarge}, codes(diags))
}

func TestFolderDepthLimit(t *testing.T) {
	c, diags := ParseCollection("deep.json", nestedFolders(4), Options{MaxFolderDepth: 3})

	require.NotNil(t, c)
	assert.Equal(t, []diag.Code{CodeFolderTooDeep}, codes(diags))
	third := c.Items[0].Items[0].Items[0]
	assert.True(t, third.IsFolder)
	require.Len(t, third.Items, 1, "the folder at the limit keeps its children")
	fourth := third.Items[0]
	assert.True(t, fourth.IsFolder)
	assert.Nil(t, fourth.Items, "the folder beyond the limit loses its children")
	assert.Equal(t, "/item/0/item/0/item/0/item/0", diags.Sorted()[0].Pos.Pointer)
	assert.Equal(t, "f / f / f / f", diags.Sorted()[0].Where)
	assert.Contains(t, diags.Sorted()[0].Message, "deeper than 3 levels")
	assert.Contains(t, diags.Sorted()[0].Message, "raise the limit with -max-folder-depth")
}

func TestFolderDepthDefault(t *testing.T) {
	c, diags := ParseCollection("deep.json", nestedFolders(DefaultMaxFolderDepth), Options{})
	require.NotNil(t, c)
	assert.Empty(t, codes(diags))
	assert.Equal(t, 1, countRequests(c.Items))

	c, diags = ParseCollection("deep.json", nestedFolders(DefaultMaxFolderDepth+1), Options{})
	require.NotNil(t, c)
	assert.Equal(t, []diag.Code{CodeFolderTooDeep}, codes(diags))
	assert.Zero(t, countRequests(c.Items))
}

func TestFolderDepthHostile(t *testing.T) {
	c, diags := ParseCollection("deep.json", nestedFolders(100000), Options{})

	assert.Nil(t, c)
	assert.Equal(t, []diag.Code{CodeSyntaxError}, codes(diags))
	assert.Contains(t, diags.Err().Error(), "nesting deeper than")
	assert.Contains(t, diags.Err().Error(), "raise the folder depth limit with -max-folder-depth")
}

func TestRequestLimit(t *testing.T) {
	c, diags := ParseCollection("flat.json", flatRequests(5), Options{MaxRequests: 3})

	require.NotNil(t, c)
	assert.Equal(t, []diag.Code{CodeTooManyRequests}, codes(diags))
	assert.Equal(t, 3, countRequests(c.Items))
	assert.Equal(t, "/item/3", diags.Sorted()[0].Pos.Pointer)
	assert.Contains(t, diags.Err().Error(), "more than 3 requests")
	assert.Contains(t, diags.Err().Error(), "raise the limit with -max-requests")
}

func TestRequestLimitExact(t *testing.T) {
	c, diags := ParseCollection("flat.json", flatRequests(3), Options{MaxRequests: 3})

	require.NotNil(t, c)
	assert.Empty(t, codes(diags))
	assert.Equal(t, 3, countRequests(c.Items))
}

func TestOptionsDefaults(t *testing.T) {
	o := Options{}.withDefaults()

	assert.Equal(t, 64<<20, o.MaxInputSize)
	assert.Equal(t, 256, o.MaxFolderDepth)
	assert.Equal(t, 100000, o.MaxRequests)
}
