package generator

import (
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/pmgen/pmgen/model"
)

// operation returns an operation with a literal path of slash-separated
// segments, where a segment ":name" is a path variable.
func operation(goName, method, path string) *model.Operation {
	op := &model.Operation{Name: goName, GoName: goName, Method: model.Method(method)}
	for _, seg := range strings.Split(strings.TrimPrefix(path, "/"), "/") {
		if name, ok := strings.CutPrefix(seg, ":"); ok {
			op.URL.Path = append(op.URL.Path, model.PathSegment{Template: seg, Param: &model.Param{Name: name}})
			continue
		}
		op.URL.Path = append(op.URL.Path, model.PathSegment{Template: seg})
	}
	return op
}

// shiftSequence is a log-in, open-shift, sale sequence: the sale reads
// the token from step 1, the shift from step 2, an idempotency key that
// its own pre-request script sets, and the currency from an option.
func shiftSequence() *model.Sequence {
	login := &model.Step{Operation: operation("Login", "POST", "/auth/login")}
	open := &model.Step{Operation: operation("OpenShift", "POST", "/shifts")}
	open.Reads = []model.VariableFlow{{Name: "token", Producer: login}}
	sale := &model.Step{Operation: operation("Sale", "POST", "/shifts/:shiftId/sales")}
	sale.Reads = []model.VariableFlow{
		{Name: "currency"},
		{Name: "idempotencyKey", Producer: sale},
		{Name: "shiftId", Producer: open},
		{Name: "token", Producer: login},
	}
	return &model.Sequence{Name: "Shift", GoName: "TestSequenceShift", Steps: []*model.Step{login, open, sale}}
}

func TestSequenceDiagramShift(t *testing.T) {
	want := `sequenceDiagram
    participant client as Client
    participant api as API
    client->>api: 1. Login: POST /auth/login
    api-->>client: token
    Note over client: reads token from 1
    client->>api: 2. OpenShift: POST /shifts
    api-->>client: shiftId
    Note over client: reads shiftId from 2, token from 1
    client->>api: 3. Sale: POST /shifts/#58;shiftId/sales
    api-->>client: response
`
	assert.Equal(t, want, sequenceDiagram(shiftSequence()))
}

// entityCode matches a Mermaid entity code such as "#59;".
var entityCode = regexp.MustCompile(`#[0-9]+;`)

func TestSequenceDiagramEscapesCollectionText(t *testing.T) {
	producer := &model.Step{Operation: operation("Produce", "GET", "/a")}
	hostile := operation("Consume", "PURGE;", "/end/loop;note over api: x/%%{init}%%/#frag/<b>`x`</b>/a-->b")
	hostile.URL.Query = []model.QueryParam{{Key: "q", Value: "1\n    api->>client: injected"}}
	consumer := &model.Step{
		Operation: hostile,
		Reads:     []model.VariableFlow{{Name: "v;end", Producer: producer}},
	}
	got := sequenceDiagram(&model.Sequence{Steps: []*model.Step{producer, consumer}})

	want := `sequenceDiagram
    participant client as Client
    participant api as API
    client->>api: 1. Produce: GET /a
    api-->>client: v#59;end
    Note over client: reads v#59;end from 1
    client->>api: 2. Consume: PURGE#59; /end/loop#59;note over api#58; x/#37;#37;{init}#37;#37;/#35;frag/#60;b#62;#96;x#96;#60;/b#62;/a--#62;b?q=1 api-#62;#62;client#58; injected
    api-->>client: response
`
	assert.Equal(t, want, got)
	// PMGEN_MERMAID_OUT names a file to write the diagram to as Markdown,
	// for example to parse it with Mermaid's own parser.
	if path := os.Getenv("PMGEN_MERMAID_OUT"); path != "" {
		require.NoError(t, os.WriteFile(path, []byte("```mermaid\n"+got+"```\n"), 0o644))
	}

	for _, line := range strings.Split(strings.TrimSuffix(got, "\n"), "\n")[1:] {
		assert.True(t, strings.HasPrefix(line, "    "), "line %q is indented", line)
		text := entityCode.ReplaceAllString(line, "")
		assert.NotContains(t, text, ";", "statement separator outside an entity code in %q", line)
		assert.NotContains(t, text, "#", "comment start outside an entity code in %q", line)
		assert.NotContains(t, text, "%%", "comment start in %q", line)
	}
}

func TestMarkdownTextEscapes(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Открыть смену", "Открыть смену"},
		{"a | b", `a \| b`},
		{"first\nsecond\r\nthird", "first second third"},
		{"`code`", "\\`code\\`"},
		{"<!-- end --> <script>", `\<\!-- end --\> \<script\>`},
		{"**bold** _it_ ~~del~~", `\*\*bold\*\* \_it\_ \~\~del\~\~`},
		{"[link](http://x) ![img](y)", `\[link\](http://x) \!\[img\](y)`},
		{"$x$ &amp; # h #", `\$x\$ \&amp; \# h \#`},
		{`back\slash`, `back\\slash`},
		{"bidi\u202eoverride\u200b", "bidioverride"},
	}
	for _, tt := range tests {
		assert.Equal(t, tt.want, markdownText(tt.in), "markdownText(%q)", tt.in)
	}
}

func TestReadmeGroupsRequestsByFolder(t *testing.T) {
	auth := &model.Folder{Name: "Auth | Login"}
	shift := &model.Folder{Name: "Shift"}
	sales := &model.Folder{Name: "Sales", Parent: shift}
	ping := operation("Ping", "GET", "/ping")
	login := operation("Login", "POST", "/auth/login")
	login.Folder = auth
	login.Name = "Log\nin"
	sale := operation("Sale", "POST", "/shifts/:shiftId/sales")
	sale.Folder = sales
	sale.URL.Query = []model.QueryParam{{Key: "dry", NoValue: true}, {Key: "a", Value: "1"}}
	api := &model.API{
		Name:         "Kassa <beta>",
		Version:      "2.1",
		SourceSHA256: "abc123",
		Package:      "kassa",
		Operations:   []*model.Operation{ping, login, sale},
		Sequences:    []*model.Sequence{shiftSequence()},
	}

	got := string(readme(api))

	require.True(t, strings.HasPrefix(got, ReadmeMarker+"\n"), "the first line is the generated-file marker")
	assert.Contains(t, got, "Postman collection Kassa \\<beta\\>.\n")
	assert.Contains(t, got, "- Collection version: 2.1\n")
	assert.Contains(t, got, "- Collection SHA-256: `abc123`\n")
	assert.Contains(t, got, "\n### Requests outside folders\n\n"+
		"| Request | Method | Path | Go method |\n| --- | --- | --- | --- |\n"+
		"| Ping | GET | /ping | `Ping` |\n")
	assert.Contains(t, got, "\n### Auth \\| Login\n\n"+
		"| Request | Method | Path | Go method |\n| --- | --- | --- | --- |\n"+
		"| Log in | POST | /auth/login | `Login` |\n")
	assert.Contains(t, got, "\n### Shift / Sales\n\n"+
		"| Request | Method | Path | Go method |\n| --- | --- | --- | --- |\n"+
		"| Sale | POST | /shifts/:shiftId/sales?dry\\&a=1 | `Sale` |\n")
	assert.Contains(t, got, "\n### Shift\n\nTest: `TestSequenceShift`\n\n```mermaid\n"+sequenceDiagram(shiftSequence())+"```\n")
}

func TestReadmeWithoutVersionOrRequests(t *testing.T) {
	got := string(readme(&model.API{Name: "Empty", Package: "empty", SourceSHA256: "00"}))
	assert.NotContains(t, got, "Collection version")
	assert.NotContains(t, got, "## Requests")
	assert.NotContains(t, got, "## Sequences")
}
