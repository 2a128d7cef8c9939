package diff

import (
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// find returns the changes of a kind and subject.
func find(r *Report, kind Kind, subject string) []Change {
	var out []Change
	for _, c := range r.Changes {
		if c.Kind == kind && c.Subject == subject {
			out = append(out, c)
		}
	}
	return out
}

// TestKassaReleaseChanges checks that each change listed in
// testdata/example/README.md between release 1 and 2 is found, with its
// class.
func TestKassaReleaseChanges(t *testing.T) {
	r := Compare(buildModel(t, "kassa.postman_collection.json"), buildModel(t, "kassa-v2.postman_collection.json"))

	tests := []struct {
		name     string
		kind     Kind
		subject  string
		class    Class
		old, new string
	}{
		{"request added", RequestAdded, "Client.AnnulirovatChek", NonBreaking, "", "POST /api/v1/receipts/:receiptId/annul"},
		{"request removed", RequestRemoved, "Client.ProverkaSviaziSServerom", Breaking, "GET /api/v1/ping", ""},
		{"request renamed", RequestRenamed, "Client.ProdazhaZaNalichnye", Breaking, "ProdazhaZaNalichnye", "ProdazhaSOplatoiNalichnymi"},
		{"field added", FieldAdded, "StatusQRPlatezhaResponse.PayerBank", NonBreaking, "", "*string"},
		{"field removed", FieldRemoved, "VkhodKassiraRequest.RememberDevice", Breaking, "bool", ""},
		{"field retyped", FieldRetyped, "InformatsiiaOKasseResponse.RegistrationNumber", Breaking, "int64", "string"},
		{"path changed", PathChanged, "Client.XOtchet", Wire, "/api/v1/shifts/:shiftId/x-report", "/api/v1/shifts/:shiftId/reports/x"},
		{"error example added", ErrorExampleAdded, "Client.IzieiatieNalichnykh", NonBreaking, "", "422 Недостаточно наличных"},
		{"step removed", StepRemoved, "TestSequenceOtchety", SequenceChange, "SpisokChekovSmeny", ""},
		{"step added", StepAdded, "TestSequenceZakrytieSmeny", SequenceChange, "", "SpisokChekovSmeny"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := find(r, tt.kind, tt.subject)
			require.Len(t, got, 1, "changes of kind %s on %s", tt.kind, tt.subject)
			assert.Equal(t, tt.class, got[0].Class)
			assert.Equal(t, tt.old, got[0].Old)
			assert.Equal(t, tt.new, got[0].New)
		})
	}

	t.Run("description changed", func(t *testing.T) {
		got := find(r, DescriptionChanged, "Client.ZakrytSmenuZOtchet")
		require.Len(t, got, 1)
		assert.Equal(t, NonBreaking, got[0].Class)
		assert.NotContains(t, got[0].Old, "24 часа")
		assert.Contains(t, got[0].New, "24 часа")
	})
	t.Run("renamed request is no removal", func(t *testing.T) {
		assert.Empty(t, find(r, RequestRemoved, "Client.ProdazhaZaNalichnye"))
		assert.Empty(t, find(r, RequestAdded, "Client.ProdazhaSOplatoiNalichnymi"))
	})
	t.Run("renamed types", func(t *testing.T) {
		got := find(r, TypeRenamed, "ProdazhaZaNalichnyeRequest")
		require.Len(t, got, 1)
		assert.Equal(t, Breaking, got[0].Class)
		assert.Equal(t, "ProdazhaSOplatoiNalichnymiRequest", got[0].New)
	})
	t.Run("counts", func(t *testing.T) {
		assert.Equal(t, 9, r.Count(Breaking))
		assert.Equal(t, 1, r.Count(Wire))
		assert.Equal(t, 6, r.Count(NonBreaking))
		assert.Equal(t, 7, r.Count(SequenceChange))
	})
}

func TestKassaReleaseGolden(t *testing.T) {
	r := Compare(buildModel(t, "kassa.postman_collection.json"), buildModel(t, "kassa-v2.postman_collection.json"))
	dir := filepath.Join("..", "testdata", "diff", "kassa")
	golden(t, filepath.Join(dir, "diff.txt"), []byte(r.Text()))
	golden(t, filepath.Join(dir, "diff.md"), []byte(r.Markdown()))
	data, err := r.JSON()
	require.NoError(t, err)
	golden(t, filepath.Join(dir, "diff.json"), data)
}

func TestSameReleaseHasNoChanges(t *testing.T) {
	for _, name := range []string{"kassa.postman_collection.json", "kassa-v2.postman_collection.json"} {
		r := Compare(buildModel(t, name), buildModel(t, name))
		assert.Empty(t, r.Changes, name)
	}
}
