package naming

import (
	"go/token"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestWordsSplitsAndTransliterates(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"Открыть смену", []string{"otkryt", "smenu"}},
		{"ОткрытьСмену", []string{"otkryt", "smenu"}},
		{"ЗАКРЫТЬ СМЕНУ (Z-отчёт)", []string{"zakryt", "smenu", "z", "otchet"}},
		{"Щука, ёж, объём, юла, яма, хлеб, цех", []string{"shchuka", "ezh", "obieem", "iula", "iama", "khleb", "tsekh"}},
		{"Мышь, эхо, чай, жук, шум, йод", []string{"mysh", "ekho", "chai", "zhuk", "shum", "iod"}},
		{"Сплата ўнёску п’ять", []string{"splata", "unesku", "piat"}},
		{"Сплата ўнёску п'ять", []string{"splata", "unesku", "piat"}},
		{"м\u02bcята", []string{"miata"}},
		{"Їжак, ґанок, Європа", []string{"izhak", "ganok", "ievropa"}},
		{"Crème brûlée for Łódź, Straße", []string{"creme", "brulee", "for", "lodz", "strasse"}},
		{"getUserByID", []string{"get", "user", "by", "id"}},
		{"HTTPServerURLs", []string{"http", "server", "urls"}},
		{"listURLs", []string{"list", "urls"}},
		{"IDs", []string{"ids"}},
		{"v2beta1", []string{"v2", "beta1"}},
		{"sha256Sum", []string{"sha256", "sum"}},
		{"3ds_secure", []string{"3", "ds", "secure"}},
		{"snake_case-and kebab", []string{"snake", "case", "and", "kebab"}},
		{"@type", []string{"type"}},
		{"  --  ", nil},
		{"", nil},
		{"emoji 🚀 rocket", []string{"emoji", "rocket"}},
	}
	for _, tt := range tests {
		got, ok := Words(tt.text)
		assert.True(t, ok, tt.text)
		assert.Equal(t, tt.want, got, tt.text)
	}
}

func TestWordsRejectsOtherScripts(t *testing.T) {
	for _, text := range []string{"获取订单", "订单ID", "Ελληνικά", "קופה", "٣ items"} {
		got, ok := Words(text)
		assert.False(t, ok, text)
		assert.Nil(t, got, text)
	}
}

func TestExported(t *testing.T) {
	tests := []struct{ text, want string }{
		{"Открыть смену", "OtkrytSmenu"},
		{"Продажа по QR (е-деньги)", "ProdazhaPoQREDengi"},
		{"X-отчёт", "XOtchet"},
		{"user_id", "UserID"},
		{"userId", "UserID"},
		{"user ids", "UserIDs"},
		{"api url", "APIURL"},
		{"utf8 json", "UTF8JSON"},
		{"vat rate", "VATRate"},
		{"200", "N200"},
		{"1c_guid", "N1CGUID"},
		{"v1.2", "V1_2"},
		{"item 2", "Item2"},
		{"Get all users", "GetAllUsers"},
		{"type", "Type"},
	}
	for _, tt := range tests {
		got, ok := Exported(tt.text)
		require.True(t, ok, tt.text)
		assert.Equal(t, tt.want, got, tt.text)
		assert.True(t, IsValid(got), got)
	}
}

func TestUnexported(t *testing.T) {
	tests := []struct{ text, want string }{
		{"Открыть смену", "otkrytSmenu"},
		{"ID", "id"},
		{"URL path", "urlPath"},
		{"IDs", "ids"},
		{"receipt id", "receiptID"},
		{"200 OK", "n200Ok"},
		{"type", "typeValue"},
		{"func", "funcValue"},
		{"string", "stringValue"},
		{"len", "lenValue"},
		{"ctx", "ctxValue"},
		{"context", "contextValue"},
		{"body", "bodyValue"},
		{"err", "errValue"},
		{"c", "cValue"},
		{"http", "httpValue"},
		{"amount", "amount"},
	}
	for _, tt := range tests {
		got, ok := Unexported(tt.text)
		require.True(t, ok, tt.text)
		assert.Equal(t, tt.want, got, tt.text)
		assert.True(t, IsValid(got), got)
	}
}

func TestExportedReportsNoIdentifier(t *testing.T) {
	for _, text := range []string{"", "---", "🚀", "获取订单", "ь"} {
		_, ok := Exported(text)
		assert.False(t, ok, text)
		_, ok = Unexported(text)
		assert.False(t, ok, text)
	}
}

func TestCamelOfNoWordsIsValid(t *testing.T) {
	assert.Equal(t, "X", UpperCamel(nil))
	assert.Equal(t, "x", LowerCamel(nil))
}

func TestShortenKeepsLongNamesDistinct(t *testing.T) {
	prefix := strings.Repeat("очень длинное название ", 5)
	a, ok := Exported(prefix + "открыть смену")
	require.True(t, ok)
	b, ok := Exported(prefix + "закрыть смену")
	require.True(t, ok)

	assert.LessOrEqual(t, len(a), MaxLen)
	assert.LessOrEqual(t, len(b), MaxLen)
	assert.NotEqual(t, a, b)
	assert.True(t, strings.HasPrefix(a, "OchenDlinnoeNazvanie"), a)
	assert.True(t, token.IsIdentifier(a))

	again, _ := Exported(prefix + "открыть смену")
	assert.Equal(t, a, again, "shortening is deterministic")
}

func TestShortenLeavesShortNames(t *testing.T) {
	name := strings.Repeat("A", MaxLen)
	assert.Equal(t, name, Shorten(name))
	assert.Len(t, Shorten(name+"B"), MaxLen)
}

func TestIsValid(t *testing.T) {
	assert.True(t, IsValid("OtkrytSmenu"))
	assert.False(t, IsValid(""))
	assert.False(t, IsValid("2x"))
	assert.False(t, IsValid("type"))
	assert.False(t, IsValid("Смена"), "non-ASCII identifiers are rejected")
}

func TestSingular(t *testing.T) {
	tests := []struct{ plural, want string }{
		{"positions", "position"},
		{"items", "item"},
		{"entries", "entry"},
		{"categories", "category"},
		{"addresses", "address"},
		{"statuses", "status"},
		{"bonuses", "bonus"},
		{"causes", "cause"},
		{"boxes", "box"},
		{"taxes", "tax"},
		{"batches", "batch"},
		{"wishes", "wish"},
		{"types", "type"},
		{"responses", "response"},
		{"people", "person"},
		{"children", "child"},
		{"ties", "tie"},
		{"movies", "movie"},
		{"caches", "cache"},
		{"status", "status"},
		{"address", "address"},
		{"analysis", "analysis"},
		{"news", "news"},
		{"series", "series"},
		{"data", "data"},
		{"info", "info"},
		{"pozitsii", "pozitsii"},
		{"ids", "id"},
		{"s", "s"},
		{"", ""},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, Singular(tt.plural), tt.plural)
	}
}

func TestResolve(t *testing.T) {
	tests := []struct {
		name     string
		cands    []Candidate
		reserved []string
		want     []string
	}{
		{
			name:  "distinct names stay",
			cands: []Candidate{{Base: "OtkrytSmenu"}, {Base: "ZakrytSmenu"}},
			want:  []string{"OtkrytSmenu", "ZakrytSmenu"},
		},
		{
			name: "innermost folder qualifies",
			cands: []Candidate{
				{Base: "Create", Qualifiers: []string{"Users", "Admin"}},
				{Base: "Create", Qualifiers: []string{"Orders", "Admin"}},
				{Base: "List", Qualifiers: []string{"Orders", "Admin"}},
			},
			want: []string{"UsersCreate", "OrdersCreate", "List"},
		},
		{
			name: "next folder outwards qualifies",
			cands: []Candidate{
				{Base: "Get", Qualifiers: []string{"Users", "V1"}},
				{Base: "Get", Qualifiers: []string{"Users", "V2"}},
			},
			want: []string{"V1UsersGet", "V2UsersGet"},
		},
		{
			name: "top-level candidate keeps the base name",
			cands: []Candidate{
				{Base: "Get"},
				{Base: "Get", Qualifiers: []string{"Users"}},
			},
			want: []string{"Get", "UsersGet"},
		},
		{
			name: "numbered when folders run out",
			cands: []Candidate{
				{Base: "Get", Qualifiers: []string{"Users"}},
				{Base: "Get", Qualifiers: []string{"Users"}},
				{Base: "Get", Qualifiers: []string{"Users"}},
				{Base: "Get", Qualifiers: []string{"Orders"}},
			},
			want: []string{"UsersGet", "UsersGet2", "UsersGet3", "OrdersGet"},
		},
		{
			name:  "numbered without folders",
			cands: []Candidate{{Base: "Login"}, {Base: "Login"}},
			want:  []string{"Login", "Login2"},
		},
		{
			name:     "reserved names are avoided",
			cands:    []Candidate{{Base: "Client"}, {Base: "Do", Qualifiers: []string{"Smena"}}},
			reserved: []string{"Client", "Do"},
			want:     []string{"Client2", "SmenaDo"},
		},
		{
			name: "qualified name taken by a base name",
			cands: []Candidate{
				{Base: "SmenaGet"},
				{Base: "Get", Qualifiers: []string{"Smena"}},
				{Base: "Get", Qualifiers: []string{"Kassa"}},
			},
			want: []string{"SmenaGet", "SmenaGet2", "KassaGet"},
		},
		{
			name: "numbering skips taken names",
			cands: []Candidate{
				{Base: "Get2"},
				{Base: "Get"},
				{Base: "Get"},
			},
			want: []string{"Get2", "Get", "Get3"},
		},
		{
			name: "pinned names win and are reserved",
			cands: []Candidate{
				{Base: "Open"},
				{Base: "OpenShift", Pinned: "Open"},
			},
			want: []string{"Open2", "Open"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, conflicts := Resolve(tt.cands, tt.reserved)
			assert.Equal(t, tt.want, got)
			assert.Empty(t, conflicts)
		})
	}
}

func TestResolveAddingCandidateRenamesOnlyCollisions(t *testing.T) {
	before := []Candidate{
		{Base: "Login"},
		{Base: "OpenShift", Qualifiers: []string{"Shift"}},
		{Base: "CloseShift", Qualifiers: []string{"Shift"}},
	}
	after := append([]Candidate{{Base: "OpenShift", Qualifiers: []string{"Admin"}}}, before...)
	names1, _ := Resolve(before, nil)
	names2, _ := Resolve(after, nil)

	assert.Equal(t, []string{"Login", "OpenShift", "CloseShift"}, names1)
	assert.Equal(t, []string{"AdminOpenShift", "Login", "ShiftOpenShift", "CloseShift"}, names2)
}

func TestResolveReportsPinConflicts(t *testing.T) {
	cands := []Candidate{
		{Base: "A", Pinned: "Same"},
		{Base: "B", Pinned: "Same"},
		{Base: "C", Pinned: "not valid"},
		{Base: "D", Pinned: "Client"},
	}
	names, conflicts := Resolve(cands, []string{"Client"})

	assert.Equal(t, []string{"Same", "B", "C", "D"}, names)
	require.Len(t, conflicts, 3)
	assert.Equal(t, PinConflict{Index: 1, Name: "Same", Reason: "is already pinned by candidate 0"}, conflicts[0])
	assert.Equal(t, `pinned name "not valid" is not an ASCII Go identifier`, conflicts[1].Error())
	assert.Equal(t, PinConflict{Index: 3, Name: "Client", Reason: "is reserved"}, conflicts[2])
}

func TestResolveNamesAreUnique(t *testing.T) {
	var cands []Candidate
	for _, q := range []string{"", "A", "B", "A", ""} {
		for _, base := range []string{"Get", "AGet", "Get2", "Get"} {
			c := Candidate{Base: base}
			if q != "" {
				c.Qualifiers = []string{q}
			}
			cands = append(cands, c)
		}
	}
	names, _ := Resolve(cands, []string{"Get"})

	seen := map[string]bool{"Get": true}
	for _, n := range names {
		assert.False(t, seen[n], "duplicate %q in %v", n, names)
		seen[n] = true
	}
}

func TestDisplacedByPin(t *testing.T) {
	cands := []Candidate{{Base: "Price"}, {Base: "Qty", Pinned: "Price"}, {Base: "Total"}}
	names, _ := Resolve(cands, nil)

	assert.Equal(t, []string{"Price2", "Price", "Total"}, names)
	assert.Equal(t, []Displacement{{Index: 0, By: 1}}, Displaced(cands, names))
	assert.Empty(t, Displaced([]Candidate{{Base: "A"}, {Base: "B"}}, []string{"A", "B"}))
}
