package generator

import (
	"go/token"
	"math"
	"strings"
	"testing"

	"github.com/dave/jennifer/jen"
	"github.com/stretchr/testify/assert"
)

func TestLocalNameIsInjective(t *testing.T) {
	names := []string{"a_b", "a$b", "a__b", "a_24_b", "ab", "a_", "_", "__", "$", "имя", "имь", "_436_", "v_1", "v_1_2", "x\u200by"}
	seen := map[string]string{}
	for _, name := range names {
		got := localName(name)
		assert.True(t, token.IsIdentifier(got), "%q gives %q", name, got)
		assert.True(t, isASCIIName(got), "%q gives %q", name, got)
		if other, ok := seen[got]; ok {
			t.Errorf("%q and %q both give %q", other, name, got)
		}
		seen[got] = name
	}
	assert.Equal(t, "jsreceiptId", localName("receiptId"))
	assert.Equal(t, "jsa__b", localName("a_b"))
	assert.Equal(t, "jsa_24_b", localName("a$b"))
}

func isASCIIName(s string) bool {
	return strings.IndexFunc(s, func(r rune) bool { return r >= 0x80 }) < 0
}

func TestFloatCodeWritesNonFiniteNumbers(t *testing.T) {
	tests := []struct {
		v    float64
		want string
	}{
		{math.Inf(1), "math.Inf(1)"},
		{math.Inf(-1), "math.Inf(-1)"},
		{math.NaN(), "math.NaN()"},
		{1.5, "1.5"},
		{200, "200.0"},
	}
	for _, tt := range tests {
		src := renderCode(t, jen.Id("_").Op("=").Add(floatCode(tt.v)))
		assert.Contains(t, src, "_ = "+tt.want, "%v", tt.v)
	}
}
