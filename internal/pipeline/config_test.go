package pipeline

import (
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// tempCollection copies a small collection into a new folder and returns
// the folder and the collection's path.
func tempCollection(t *testing.T) (dir, collection string) {
	t.Helper()
	data, err := os.ReadFile("../../testdata/config/package/collection.json")
	require.NoError(t, err)
	dir = t.TempDir()
	collection = filepath.Join(dir, "collection.json")
	require.NoError(t, os.WriteFile(collection, data, 0o644))
	return dir, collection
}

func TestPackageNamePrecedence(t *testing.T) {
	tests := []struct {
		name     string
		config   string // pmgen.yaml next to the collection; "" for none
		flag     string
		fallback string
		want     string
	}{
		{name: "flag wins over config", config: "package: fromconfig\n", flag: "fromflag", fallback: "fromdir", want: "fromflag"},
		{name: "config wins over folder", config: "package: fromconfig\n", fallback: "fromdir", want: "fromconfig"},
		{name: "folder without config", fallback: "fromdir", want: "fromdir"},
		{name: "config without package", config: "skip: []\n", fallback: "fromdir", want: "fromdir"},
		{name: "nothing at all", want: "client"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			dir, coll := tempCollection(t)
			if tt.config != "" {
				require.NoError(t, os.WriteFile(filepath.Join(dir, "pmgen.yaml"), []byte(tt.config), 0o644))
			}
			res, err := Model(Options{Collection: coll, Package: tt.flag, DefaultPackage: tt.fallback})
			require.NoError(t, err)
			assert.Equal(t, tt.want, res.API.Package)
		})
	}
}

func TestConfigFoundNextToCollection(t *testing.T) {
	dir, coll := tempCollection(t)
	beside := filepath.Join(dir, "pmgen.yaml")
	require.NoError(t, os.WriteFile(beside, []byte("package: beside\n"), 0o644))

	res, err := Model(Options{Collection: coll})
	require.NoError(t, err)
	assert.Equal(t, beside, res.ConfigFile)
	assert.Equal(t, "beside", res.API.Package)
}

func TestConfigOptionWinsOverDiscovery(t *testing.T) {
	dir, coll := tempCollection(t)
	require.NoError(t, os.WriteFile(filepath.Join(dir, "pmgen.yaml"), []byte("package: beside\n"), 0o644))
	named := filepath.Join(t.TempDir(), "other.yaml")
	require.NoError(t, os.WriteFile(named, []byte("package: named\n"), 0o644))

	res, err := Model(Options{Collection: coll, Config: named})
	require.NoError(t, err)
	assert.Equal(t, named, res.ConfigFile)
	assert.Equal(t, "named", res.API.Package)
}

func TestConfigOptionMissingFile(t *testing.T) {
	_, coll := tempCollection(t)
	res, err := Model(Options{Collection: coll, Config: filepath.Join(t.TempDir(), "missing.yaml")})
	require.Error(t, err)
	assert.Contains(t, err.Error(), "read config:")
	assert.Nil(t, res.API)
}

func TestNoConfigReadsNothing(t *testing.T) {
	_, coll := tempCollection(t)
	res, err := Model(Options{Collection: coll})
	require.NoError(t, err)
	assert.Empty(t, res.ConfigFile)
}

func TestReportListsSkippedWarnings(t *testing.T) {
	res, err := Run(Options{Collection: "../../testdata/config/skip/collection.json"})
	require.NoError(t, err)
	data, err := NewReport(res).JSON()
	require.NoError(t, err)

	var report struct {
		Warnings []ReportDiagnostic `json:"warnings"`
		Skipped  []ReportDiagnostic `json:"skipped"`
	}
	require.NoError(t, json.Unmarshal(data, &report))
	require.Len(t, report.Skipped, 2)
	assert.Equal(t, "untyped-null", report.Skipped[0].Code)
	assert.Equal(t, "untyped-empty-array", report.Skipped[1].Code)
	require.Len(t, report.Warnings, 1)
	assert.Equal(t, "unused-config-entry", report.Warnings[0].Code)
	assert.Equal(t, "../../testdata/config/skip/pmgen.yaml:4:5", report.Warnings[0].Position)
}

func TestSkipKeepsWarningsOfFailedRun(t *testing.T) {
	// The run stops at the invalid type, before inference could report
	// the code of the skip entry, so the entry is not reported unused.
	dir, coll := tempCollection(t)
	config := "skip: [untyped-null]\ntypes:\n  fraction: string\n"
	require.NoError(t, os.WriteFile(filepath.Join(dir, "pmgen.yaml"), []byte(config), 0o644))

	res, err := Model(Options{Collection: coll})
	require.Error(t, err)
	assert.Equal(t, 1, res.Diags.Len())
	assert.Equal(t, 0, res.Skipped.Len())
}
