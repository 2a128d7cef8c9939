package model

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestReferences(t *testing.T) {
	cases := []struct {
		in   string
		want []string
	}{
		{"{{baseUrl}}/shifts/{{shiftId}}", []string{"baseUrl", "shiftId"}},
		{"{{a}}{{a}}{{b}}", []string{"a", "b"}},
		{"{{{{x}}}}", []string{"x"}},
		{"{{ spaced name }}", []string{" spaced name "}},
		{"{{}} {{open", nil},
		{"{x}} {{$guid}}", []string{"$guid"}},
		{"", nil},
	}
	for _, c := range cases {
		assert.Equal(t, c.want, References(c.in), c.in)
	}
}
