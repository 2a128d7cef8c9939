package output

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const (
	clientV1 = GoMarker + "\n\npackage kassa\n\nconst V = 1\n"
	clientV2 = GoMarker + "\n\npackage kassa\n\nconst V = 2\n"
	folderGo = GoMarker + "\n\npackage kassa\n\nfunc Smena() {}\n"
	readme   = MarkdownMarker + "\n\n# kassa\n"
	handGo   = "package kassa\n\n// Hand-written helpers beside the generated code.\nfunc Helper() {}\n"
)

// writeTree creates files under dir; it fails the test on any error.
func writeTree(t *testing.T, dir string, files map[string]string) {
	t.Helper()
	for name, content := range files {
		path := filepath.Join(dir, name)
		require.NoError(t, os.MkdirAll(filepath.Dir(path), 0o755))
		require.NoError(t, os.WriteFile(path, []byte(content), 0o644))
	}
}

// readTree returns every file under dir by its slash-separated relative
// name.
func readTree(t *testing.T, dir string) map[string]string {
	t.Helper()
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(path string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		content, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rel, err := filepath.Rel(dir, path)
		out[filepath.ToSlash(rel)] = string(content)
		return err
	})
	require.NoError(t, err)
	return out
}

func files(pairs ...string) []File {
	var out []File
	for i := 0; i < len(pairs); i += 2 {
		out = append(out, File{Name: pairs[i], Content: []byte(pairs[i+1])})
	}
	return out
}

func TestPlanEmptyFolderCreatesAll(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "kassa")
	changes, err := Plan(dir, "kassa", files("client.go", clientV1, "README.md", readme))
	require.NoError(t, err)
	require.Len(t, changes, 2)
	assert.Equal(t, Change{Kind: Create, Name: "README.md", New: []byte(readme)}, changes[0])
	assert.Equal(t, Change{Kind: Create, Name: "client.go", New: []byte(clientV1)}, changes[1])
}

func TestPlanUpToDateIsEmpty(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{"client.go": clientV1, "README.md": readme})
	changes, err := Plan(dir, "kassa", files("client.go", clientV1, "README.md", readme))
	require.NoError(t, err)
	assert.Empty(t, changes)
}

func TestApplyUpdatesAndRemovesStale(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{
		"client.go":    clientV1,
		"smena.go":     folderGo, // its folder is gone from the new release
		"helpers.go":   handGo,
		"NOTES.md":     "# notes\n",
		"README.md":    readme,
		"data/x.go":    GoMarker + "\n\npackage data\n",
		"testdata.txt": GoMarker + "\n",
	})
	changes, err := Plan(dir, "kassa", files("client.go", clientV2, "README.md", readme))
	require.NoError(t, err)
	require.Len(t, changes, 2)
	assert.Equal(t, Update, changes[0].Kind)
	assert.Equal(t, "client.go", changes[0].Name)
	assert.Equal(t, Delete, changes[1].Kind)
	assert.Equal(t, "smena.go", changes[1].Name)

	require.NoError(t, Apply(dir, changes))
	assert.Equal(t, map[string]string{
		"client.go":    clientV2,
		"helpers.go":   handGo,
		"NOTES.md":     "# notes\n",
		"README.md":    readme,
		"data/x.go":    GoMarker + "\n\npackage data\n",
		"testdata.txt": GoMarker + "\n",
	}, readTree(t, dir), "only pmgen's own .go and .md files in the folder itself change")

	again, err := Plan(dir, "kassa", files("client.go", clientV2, "README.md", readme))
	require.NoError(t, err)
	assert.Empty(t, again, "a second plan after Apply finds nothing to do")
}

func TestApplyLeavesNoTemporaryFiles(t *testing.T) {
	dir := t.TempDir()
	changes, err := Plan(dir, "kassa", files("client.go", clientV1))
	require.NoError(t, err)
	require.NoError(t, Apply(dir, changes))
	assert.Equal(t, map[string]string{"client.go": clientV1}, readTree(t, dir))
}

// TestApplyFailureRestoresFolder forces the last rename to fail, because
// a directory is where a file goes, and checks that the files renamed
// before it get their old content back.
func TestApplyFailureRestoresFolder(t *testing.T) {
	dir := t.TempDir()
	before := map[string]string{
		"a_stale.go":     folderGo,
		"b_client.go":    clientV1,
		"z_blocked.go/x": "a directory where a generated file goes\n",
	}
	writeTree(t, dir, before)
	changes := []Change{
		{Kind: Delete, Name: "a_stale.go", Old: []byte(folderGo)},
		{Kind: Update, Name: "b_client.go", Old: []byte(clientV1), New: []byte(clientV2)},
		{Kind: Create, Name: "c_new.go", New: []byte(folderGo)},
		{Kind: Create, Name: "z_blocked.go", New: []byte(clientV2)},
	}
	err := Apply(dir, changes)
	require.Error(t, err)
	assert.Contains(t, err.Error(), "z_blocked.go")
	assert.Equal(t, before, readTree(t, dir), "the folder is byte-identical to before")
}

func TestPlanRejectsHandWrittenFileOfSameName(t *testing.T) {
	for _, tt := range []struct{ name, content, marker string }{
		{"client.go", handGo, GoMarker},
		{"README.md", "# Our own README\n", MarkdownMarker},
	} {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			writeTree(t, dir, map[string]string{tt.name: tt.content})
			_, err := Plan(dir, "kassa", files("client.go", clientV1, "README.md", readme))
			require.Error(t, err)
			assert.Contains(t, err.Error(), filepath.Join(dir, tt.name)+" exists and was not generated by pmgen")
			assert.Contains(t, err.Error(), tt.marker)
		})
	}
}

func TestPlanRejectsUnsafeFolder(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		want  string
	}{
		{"module root", map[string]string{"go.mod": "module example.com/app\n"}, "is the root of a module, workspace or repository (it has go.mod)"},
		{"workspace root", map[string]string{"go.work": "go 1.24\n"}, "is the root of a module, workspace or repository (it has go.work)"},
		{"repository root", map[string]string{".git/HEAD": "ref: refs/heads/main\n"}, "is the root of a module, workspace or repository (it has .git)"},
		{"other package", map[string]string{"main.go": "package main\n\nfunc main() {}\n"}, "holds main.go of package main, not kassa"},
		{"other package on linux only", map[string]string{"main.go": "//go:build linux\n\npackage main\n"}, "holds main.go of package main, not kassa"},
		{"other package unless ignore", map[string]string{"main.go": "//go:build !ignore\n\npackage main\n"}, "holds main.go of package main, not kassa"},
		{"unreadable file", map[string]string{"client.go/x": "folder named like a file"}, "read output folder: read "},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			writeTree(t, dir, tt.files)
			_, err := Plan(dir, "kassa", files("client.go", clientV1))
			require.Error(t, err)
			assert.Contains(t, err.Error(), tt.want)
		})
	}
}

func TestPlanAcceptsSamePackageAndTests(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{
		"helpers.go":      handGo,
		"example_test.go": "package kassa_test\n",
		"broken.go":       "this is not Go",
		"gen.go":          "//go:build ignore\n\n// gen writes a table.\npackage main\n",
		"tool.go":         "// Code written by hand.\n\n//go:build ignore && linux\n\npackage main\n",
	})
	changes, err := Plan(dir, "kassa", files("client.go", clientV1))
	require.NoError(t, err)
	require.Len(t, changes, 1)
	assert.Equal(t, Create, changes[0].Kind)
}

func TestChangeDiffNames(t *testing.T) {
	create := Change{Kind: Create, Name: "smena.go", New: []byte("package kassa\n")}
	assert.Equal(t, "--- /dev/null\n+++ out/kassa/smena.go\n@@ -0,0 +1 @@\n+package kassa\n", create.Diff("out/kassa"))

	del := Change{Kind: Delete, Name: "smena.go", Old: []byte("package kassa\n")}
	assert.Equal(t, "--- out/kassa/smena.go\n+++ /dev/null\n@@ -1 +0,0 @@\n-package kassa\n", del.Diff("out/kassa"))

	upd := Change{Kind: Update, Name: "client.go", Old: []byte(clientV1), New: []byte(clientV2)}
	assert.Equal(t, "--- out/client.go\n+++ out/client.go\n@@ -2,4 +2,4 @@\n \n package kassa\n \n-const V = 1\n+const V = 2\n", upd.Diff("out"))
}

func TestPlanRejectsHandWrittenNameClash(t *testing.T) {
	tests := []struct {
		name, hand string
		clash      bool
	}{
		{"same const", "package kassa\n\nconst V = 3\n", true},
		{"same func in a test file", "package kassa\n\nfunc Smena() {}\n", true},
		{"method of that name", "package kassa\n\ntype T struct{}\n\nfunc (T) Smena() {}\n", false},
		{"external test package", "package kassa_test\n\nconst V = 3\n", false},
		{"other names", handGo, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir := t.TempDir()
			writeTree(t, dir, map[string]string{"mine_test.go": tt.hand})

			_, err := Plan(dir, "kassa", files("client.go", clientV1, "smena.go", folderGo))

			if !tt.clash {
				assert.NoError(t, err)
				return
			}
			require.Error(t, err)
			assert.Contains(t, err.Error(), filepath.Join(dir, "mine_test.go")+" declares ")
			assert.Contains(t, err.Error(), "which the generated ")
		})
	}
}

// TestPlanClashAdvice checks that the error suggests pinning a name in
// pmgen.yaml only for a name made from the collection, not for one of the
// runtime's.
func TestPlanClashAdvice(t *testing.T) {
	dir := t.TempDir()
	writeTree(t, dir, map[string]string{"mine.go": "package kassa\n\nfunc Smena() {}\n"})
	_, err := Plan(dir, "kassa", files("client.go", clientV1, "smena.go", folderGo))
	require.Error(t, err)
	assert.Contains(t, err.Error(), "pin another Go name for the generated one in pmgen.yaml")

	writeTree(t, dir, map[string]string{"mine.go": "package kassa\n\nfunc WithTimeout() {}\n"})
	runtime := "// Code generated by pmgen. DO NOT EDIT.\n\npackage kassa\n\nfunc WithTimeout() {}\n"
	_, err = Plan(dir, "kassa", files("client.go", clientV1, "runtime_client.go", runtime))
	require.Error(t, err)
	assert.Contains(t, err.Error(), "declares WithTimeout, which the generated runtime_client.go declares too: rename it in mine.go")
	assert.NotContains(t, err.Error(), "pmgen.yaml")
}
