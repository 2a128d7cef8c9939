package parser

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestEnvironmentGivenACollection(t *testing.T) {
	data := []byte(`{"info": {"name": "Касса"}, "item": []}`)

	env, diags := ParseEnvironment("kassa.json", data, Options{})

	assert.Nil(t, env)
	sorted := diags.Sorted()
	require.Len(t, sorted, 1)
	assert.Equal(t, CodeNotAnEnvironment, sorted[0].Code)
	assert.Contains(t, sorted[0].Message, "the file is a Postman collection, not an environment: pass it with -collection")
}

func TestEnvironmentWithoutValues(t *testing.T) {
	env, diags := ParseEnvironment("env.json", []byte(`{"name": "Стенд"}`), Options{})

	require.NotNil(t, env)
	assert.Empty(t, env.Variables)
	sorted := diags.Sorted()
	require.Len(t, sorted, 1)
	assert.Equal(t, CodeEnvironmentWithoutValues, sorted[0].Code)
}

func TestEnvironmentVariableWithoutKey(t *testing.T) {
	data := []byte(`{"name": "Стенд", "values": [7, {"value": "x"}, {"key": "pin", "value": 1234}]}`)

	env, diags := ParseEnvironment("env.json", data, Options{})

	require.NotNil(t, env)
	require.Len(t, env.Variables, 2)
	assert.Equal(t, "pin", env.Variables[1].Key)
	assert.Equal(t, "1234", env.Variables[1].Value)
	var codes []string
	for _, d := range diags.Sorted() {
		codes = append(codes, string(d.Code)+" "+d.Pos.Pointer)
	}
	assert.Equal(t, []string{"wrong-type /values/0", "variable-without-key /values/1"}, codes)
}
