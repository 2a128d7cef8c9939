package pipeline

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/pmgen/pmgen/generator"
	"github.com/pmgen/pmgen/internal/output"
)

const (
	exampleCollection  = "../../testdata/example/kassa.postman_collection.json"
	exampleEnvironment = "../../testdata/example/kassa.postman_environment.json"
)

func generate(t *testing.T, collection, environment string) map[string]string {
	t.Helper()
	res, err := Run(Options{Collection: collection, Environments: []string{environment}, Package: "kassa"})
	require.NoError(t, err)
	files := map[string]string{}
	for _, f := range res.Files {
		files[f.Name] = string(f.Content)
	}
	return files
}

func sha256Hex(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	require.NoError(t, err)
	sum := sha256.Sum256(data)
	return hex.EncodeToString(sum[:])
}

func TestTwoRunsAreIdentical(t *testing.T) {
	first := generate(t, exampleCollection, exampleEnvironment)
	second := generate(t, exampleCollection, exampleEnvironment)
	assert.Equal(t, first, second)
}

// TestOutputIgnoresLocation copies the input under other names into
// another folder and reads it by absolute path.
func TestOutputIgnoresLocation(t *testing.T) {
	dir := t.TempDir()
	collection := filepath.Join(dir, "release.json")
	environment := filepath.Join(dir, "env.json")
	copyFile(t, exampleCollection, collection)
	copyFile(t, exampleEnvironment, environment)

	assert.Equal(t, generate(t, exampleCollection, exampleEnvironment), generate(t, collection, environment))
}

// TestOutputIgnoresKeyOrder re-encodes the collection and the environment
// with the members of every JSON object in random order. Only the
// collection's SHA-256, which the package documentation states, may
// differ, and it is replaced before the comparison.
func TestOutputIgnoresKeyOrder(t *testing.T) {
	want := generate(t, exampleCollection, exampleEnvironment)
	wantSum := sha256Hex(t, exampleCollection)
	for seed := range uint64(3) {
		dir := t.TempDir()
		collection := filepath.Join(dir, "collection.json")
		environment := filepath.Join(dir, "environment.json")
		shuffleFile(t, exampleCollection, collection, seed)
		shuffleFile(t, exampleEnvironment, environment, seed)
		sum := sha256Hex(t, collection)
		require.NotEqual(t, wantSum, sum, "seed %d: the shuffled file differs from the original", seed)

		got := generate(t, collection, environment)
		require.Equal(t, 1, strings.Count(got["client.go"], sum), "client.go states the SHA-256 once")
		require.Equal(t, 1, strings.Count(got["README.md"], sum), "README.md states the SHA-256 once")
		for name, content := range got {
			got[name] = strings.ReplaceAll(content, sum, wantSum)
		}
		assert.Equal(t, want, got, "seed %d", seed)
	}
}

// TestRenderFailureWritesNothing breaks one operation's Go name so that
// its file does not format, and checks that Generate returns no file and
// an error naming the file, and that the output folder keeps the
// previous release.
func TestRenderFailureWritesNothing(t *testing.T) {
	res, err := Run(Options{Collection: exampleCollection, Environments: []string{exampleEnvironment}, Package: "kassa"})
	require.NoError(t, err)
	dir := filepath.Join(t.TempDir(), "kassa")
	changes, err := output.Plan(dir, "kassa", outputFiles(res.Files))
	require.NoError(t, err)
	require.NoError(t, output.Apply(dir, changes))
	before := readDir(t, dir)

	res.API.Operations[len(res.API.Operations)-1].GoName = "Broken Name"
	files, err := generator.Generate(res.API, generator.Options{})

	require.Error(t, err)
	assert.Nil(t, files)
	// The broken name reaches the sequence tests and the request's own
	// file; the sequence tests are rendered first, so their error is the
	// one returned.
	assert.Contains(t, err.Error(), "format sequences_test.go")
	assert.Equal(t, before, readDir(t, dir))
}

func TestReadmeMarkerIsOutputMarker(t *testing.T) {
	assert.Equal(t, output.MarkdownMarker, generator.ReadmeMarker)
}

func outputFiles(files []generator.File) []output.File {
	out := make([]output.File, len(files))
	for i, f := range files {
		out[i] = output.File{Name: f.Name, Content: f.Content}
	}
	return out
}

func readDir(t *testing.T, dir string) map[string]string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	require.NoError(t, err)
	out := map[string]string{}
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join(dir, e.Name()))
		require.NoError(t, err)
		out[e.Name()] = string(data)
	}
	return out
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	data, err := os.ReadFile(from)
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(to, data, 0o644))
}

// shuffleFile writes the JSON document of from to to, with the members
// of every object in an order drawn from seed. Strings and numbers keep
// their values; numbers keep their text.
func shuffleFile(t *testing.T, from, to string, seed uint64) {
	t.Helper()
	data, err := os.ReadFile(from)
	require.NoError(t, err)
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.UseNumber()
	var out bytes.Buffer
	rng := rand.New(rand.NewPCG(seed, 7))
	require.NoError(t, shuffleValue(dec, &out, rng))
	require.NoError(t, os.WriteFile(to, out.Bytes(), 0o644))
}

func shuffleValue(dec *json.Decoder, out *bytes.Buffer, rng *rand.Rand) error {
	tok, err := dec.Token()
	if err != nil {
		return err
	}
	switch v := tok.(type) {
	case json.Delim:
		switch v {
		case '{':
			type member struct{ key, value []byte }
			var members []member
			for dec.More() {
				keyTok, err := dec.Token()
				if err != nil {
					return err
				}
				key, err := json.Marshal(keyTok.(string))
				if err != nil {
					return err
				}
				var value bytes.Buffer
				if err := shuffleValue(dec, &value, rng); err != nil {
					return err
				}
				members = append(members, member{key, value.Bytes()})
			}
			if _, err := dec.Token(); err != nil {
				return err
			}
			rng.Shuffle(len(members), func(i, j int) { members[i], members[j] = members[j], members[i] })
			out.WriteByte('{')
			for i, m := range members {
				if i > 0 {
					out.WriteByte(',')
				}
				out.Write(m.key)
				out.WriteByte(':')
				out.Write(m.value)
			}
			out.WriteByte('}')
		case '[':
			out.WriteByte('[')
			for i := 0; dec.More(); i++ {
				if i > 0 {
					out.WriteByte(',')
				}
				if err := shuffleValue(dec, out, rng); err != nil {
					return err
				}
			}
			if _, err := dec.Token(); err != nil {
				return err
			}
			out.WriteByte(']')
		default:
			return fmt.Errorf("unexpected %v", v)
		}
	case json.Number:
		out.WriteString(v.String())
	case nil:
		out.WriteString("null")
	default:
		data, err := json.Marshal(v)
		if err != nil {
			return err
		}
		out.Write(data)
	}
	return nil
}
