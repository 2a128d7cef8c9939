package generator

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/pmgen/pmgen/model"
)

// ReadmeMarker is the first line of the generated README.md. pmgen
// overwrites or removes a Markdown file only when it starts with it.
const ReadmeMarker = "<!-- " + Header + " -->"

// readme renders README.md of the generated package: where the package
// comes from, the requests grouped by folder, and a Mermaid sequence
// diagram per sequence. Text from the collection is escaped for the place
// it appears in, so that it cannot end a table cell, a heading or a
// diagram statement.
func readme(api *model.API) []byte {
	var b strings.Builder
	b.WriteString(ReadmeMarker + "\n\n")
	fmt.Fprintf(&b, "# Package %s\n\n", api.Package)
	fmt.Fprintf(&b, "Package `%s` is a Go client for the Postman collection %s.\n\n", api.Package, markdownText(api.Name))
	if api.Version != "" {
		fmt.Fprintf(&b, "- Collection version: %s\n", markdownText(api.Version))
	}
	fmt.Fprintf(&b, "- Collection SHA-256: `%s`\n\n", api.SourceSHA256)
	b.WriteString("pmgen generated this package and this file. Regenerate them instead of editing them;\n")
	b.WriteString("`pmgen check` with the same flags reports whether they are current.\n")

	writeRequests(&b, api)
	writeSequences(&b, api)
	return []byte(b.String())
}

// writeRequests writes one table of requests per folder, in collection
// order; a folder's heading is its path.
func writeRequests(b *strings.Builder, api *model.API) {
	if len(api.Operations) == 0 {
		return
	}
	b.WriteString("\n## Requests\n")
	var current *model.Folder
	for i, op := range api.Operations {
		if i == 0 || op.Folder != current {
			current = op.Folder
			heading := "Requests outside folders"
			if current != nil {
				heading = markdownText(strings.Join(current.Path(), " / "))
			}
			fmt.Fprintf(b, "\n### %s\n\n", heading)
			b.WriteString("| Request | Method | Path | Go method |\n")
			b.WriteString("| --- | --- | --- | --- |\n")
		}
		fmt.Fprintf(b, "| %s | %s | %s | `%s` |\n",
			markdownText(op.Name), markdownText(string(op.Method)), markdownText(requestPath(op)), op.GoName)
	}
}

// requestPath returns the path and query of an operation as written, with
// path variables as ":name": "/shifts/:shiftId?includeTotals=true".
func requestPath(op *model.Operation) string {
	var b strings.Builder
	for _, s := range op.URL.Path {
		b.WriteByte('/')
		if s.Param != nil {
			b.WriteString(":" + s.Param.Name)
		} else {
			b.WriteString(s.Template)
		}
	}
	if b.Len() == 0 {
		b.WriteByte('/')
	}
	for i, q := range op.URL.Query {
		if i == 0 {
			b.WriteByte('?')
		} else {
			b.WriteByte('&')
		}
		b.WriteString(q.Key)
		if !q.NoValue {
			b.WriteString("=" + q.Value)
		}
	}
	return b.String()
}

// writeSequences writes a heading, the test name and a diagram for each
// sequence.
func writeSequences(b *strings.Builder, api *model.API) {
	if len(api.Sequences) == 0 {
		return
	}
	b.WriteString("\n## Sequences\n\n")
	b.WriteString("Each sequence is a test in `sequences_test.go` that sends its requests in order,\n")
	b.WriteString("through one step function per request in the `*_steps_test.go` file of its folder.\n")
	b.WriteString("A response arrow names the variables that later steps read from it, and a note\n")
	b.WriteString("before a request names the variables it reads and the steps that set them.\n")
	for _, seq := range api.Sequences {
		fmt.Fprintf(b, "\n### %s\n\n", markdownText(seq.Name))
		fmt.Fprintf(b, "Test: `%s`\n\n", seq.GoName)
		b.WriteString("```mermaid\n")
		b.WriteString(sequenceDiagram(seq))
		b.WriteString("```\n")
	}
}

// sequenceDiagram returns the Mermaid sequenceDiagram of a sequence: for
// each step, a note with the variables it reads from earlier steps, the
// request, and the response with the variables later steps read from it.
//
//	sequenceDiagram
//	    participant client as Client
//	    participant api as API
//	    client->>api: 1. VkhodKassira: POST /api/v1/auth/login
//	    api-->>client: sessionToken
//	    Note over client: reads sessionToken from 1
//	    client->>api: 2. OtkrytSmenu: POST /api/v1/shifts
//	    api-->>client: response
//
// Collection text only ever follows the first colon of a message or note
// statement, where Mermaid reads the rest of the line as text, so a
// keyword such as "end" or "loop" in it starts no block.
func sequenceDiagram(seq *model.Sequence) string {
	index := map[*model.Step]int{}
	for i, step := range seq.Steps {
		index[step] = i + 1
	}
	// passed lists, for each step, the variables later steps read from
	// it, in the order they are first read. A value a step sets for
	// itself, in its pre-request script, passes between no steps.
	passed := map[*model.Step][]string{}
	for _, step := range seq.Steps {
		for _, r := range fromEarlierSteps(step) {
			if !slices.Contains(passed[r.Producer], r.Name) {
				passed[r.Producer] = append(passed[r.Producer], r.Name)
			}
		}
	}

	var b strings.Builder
	b.WriteString("sequenceDiagram\n")
	b.WriteString("    participant client as Client\n")
	b.WriteString("    participant api as API\n")
	for _, step := range seq.Steps {
		var reads []string
		for _, r := range fromEarlierSteps(step) {
			reads = append(reads, mermaidText(r.Name)+" from "+strconv.Itoa(index[r.Producer]))
		}
		if len(reads) > 0 {
			fmt.Fprintf(&b, "    Note over client: reads %s\n", strings.Join(reads, ", "))
		}
		op := step.Operation
		fmt.Fprintf(&b, "    client->>api: %d. %s: %s %s\n",
			index[step], op.GoName, mermaidText(string(op.Method)), mermaidText(requestPath(op)))
		response := "response"
		if names := passed[step]; len(names) > 0 {
			var escaped []string
			for _, n := range names {
				escaped = append(escaped, mermaidText(n))
			}
			response = strings.Join(escaped, ", ")
		}
		fmt.Fprintf(&b, "    api-->>client: %s\n", response)
	}
	return b.String()
}

// fromEarlierSteps returns the variables a step reads that an earlier step
// of its sequence produced.
func fromEarlierSteps(step *model.Step) []model.VariableFlow {
	var out []model.VariableFlow
	for _, r := range step.Reads {
		if r.Producer != nil && r.Producer != step {
			out = append(out, r)
		}
	}
	return out
}

// markdownText returns collection text as one line of inline Markdown
// that renders as the text itself inside a table cell or a heading.
// Control, invisible and bidirectional characters are dropped, and line
// breaks become spaces. A backslash escapes each character that means
// something there: emphasis, code spans, links, images, strikethrough,
// GitHub's math, entities, a heading's closing "#" and the table's "|".
// It also escapes "<", so that no tag and no HTML comment can start.
func markdownText(text string) string {
	var b strings.Builder
	for _, r := range oneLineText(text) {
		if strings.ContainsRune("\\`*_[]<>|!~&$#", r) {
			b.WriteByte('\\')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// mermaidText returns collection text as one line of Mermaid message or
// note text. Mermaid ends a statement at ";" or a newline and starts a
// comment at "#" or "%%". It reads "<", ">", "&" and quotes as markup, and
// ":" after "style" or "classDef" as a style. Each of these characters
// becomes an entity code such as "#59;", which Mermaid shows as the
// character. Backticks become entity codes too, so that no line of a
// diagram can close the Markdown code fence around it.
func mermaidText(text string) string {
	var b strings.Builder
	for _, r := range oneLineText(text) {
		if strings.ContainsRune("#;%:<>&\"`", r) {
			fmt.Fprintf(&b, "#%d;", r)
			continue
		}
		b.WriteRune(r)
	}
	return b.String()
}

// oneLineText cleans collection text as doc comments do and joins its
// lines and runs of spaces into single spaces.
func oneLineText(text string) string {
	return strings.Join(strings.Fields(cleanText(text)), " ")
}
