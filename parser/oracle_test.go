package parser

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/pmgen/pmgen/internal/jsontree"
	postman "github.com/rbretecher/go-postman-collection"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The differential test decodes each input with this parser and with
// github.com/rbretecher/go-postman-collection v0.9.0, an independent
// decoder built on encoding/json. It compares a view of the fields both
// model: item names and nesting, methods, URLs (raw and parts), headers,
// bodies and saved responses. Inputs the oracle rejects are not compared.
//
// Where the two decoders legitimately differ, a named rule below states
// the difference and the view applies it, so that every other field is
// still compared:
//
//   - ruleEnvelope: the oracle reads zero items from the
//     {"collection": {...}} envelope of the Postman API, so it is given the
//     inner object.
//   - ruleEscapedURLString: the oracle copies a URL or request given as a
//     JSON string without decoding escapes (\u0430 stays six characters),
//     so the view shows the parser's raw URL as the source text between
//     the quotes.
//   - ruleQueryDisabled: the oracle drops "disabled" of query parameters,
//     so the view has no such flag.
//   - ruleNullQueryValue: the oracle reads a null query value as "", which
//     the parser keeps apart as a nil Value; the view shows nil as "".
//   - ruleMissingMethod: the oracle keeps a missing or empty method of a
//     request object as written, the parser gives "GET" with HasMethod
//     false; the view shows the method as written.
//   - ruleItemsKey: the oracle does not read "items" in place of "item",
//     so such an item is to it neither a folder nor a request; the view
//     shows it that way, and the top-level "items" as no items.
//   - ruleFolderRequest: the oracle keeps the request of an item that also
//     has "item", which Postman and the parser ignore; folders show no
//     request.
//   - ruleModeFields: the oracle decodes every body field, the parser only
//     the fields of the body's mode, which is all Postman sends; the view
//     shows only the mode's fields.
//   - ruleBodyWithoutMode: the oracle keeps "body": {} and any body
//     without mode as a Body with an empty mode; the parser reads {} as no
//     body and another body without mode as an empty Body with a warning.
//     The view shows no body for either.
//   - ruleNotACollection: the oracle decodes any JSON object, a v1
//     collection or an object without "info" and "item" included, into a
//     collection without items, which the parser rejects; for those inputs
//     the test checks that the oracle found no items.

type itemView struct {
	Name      string
	Folder    bool
	Children  []itemView
	Request   *requestView
	Responses []responseView
}

type requestView struct {
	Method  string
	URL     urlView
	Headers []headerView
	Body    *bodyView
}

type urlView struct {
	Raw, Protocol, Port, Hash string
	Host, Path                []string
	Query                     []headerView
}

type headerView struct {
	Key, Value string
	Disabled   bool
}

type bodyView struct {
	Mode, Raw, Language string
	Form                []headerView
	Disabled            bool
}

type responseView struct {
	Name, Status, Body string
	Code               int
	Headers            []headerView
	Original           *requestView
}

func TestOracleAgreement(t *testing.T) {
	files, err := filepath.Glob(filepath.Join(goldenDir, "*", "collection.json"))
	require.NoError(t, err)
	if corpus, err := filepath.Glob(filepath.Join(corpusDir, "*.json")); err == nil {
		files = append(files, corpus...)
	}

	compared := 0
	for _, file := range files {
		data, err := os.ReadFile(file)
		require.NoError(t, err)
		theirs, err := postman.ParseCollection(bytes.NewReader(oracleInput(data)))
		if err != nil {
			t.Logf("%s: the oracle rejects it: %v", file, err)
			continue
		}
		compared++
		t.Run(filepath.Base(filepath.Dir(file))+"/"+filepath.Base(file), func(t *testing.T) {
			ours, diags := ParseCollection(file, data, Options{})
			if ours == nil {
				require.True(t, diags.HasErrors())
				assert.Empty(t, theirs.Items, "ruleNotACollection")
				return
			}
			root, err := jsontree.Parse(data, jsontree.Options{})
			require.NoError(t, err)

			src := ourSource{root: root, data: data}
			assert.Equal(t, oracleItems(theirs.Items), src.items(ours.Items))
		})
	}
	assert.Positive(t, compared, "the oracle accepted no input")
}

// oracleInput applies ruleEnvelope.
func oracleInput(data []byte) []byte {
	var top map[string]json.RawMessage
	if json.Unmarshal(data, &top) != nil {
		return data
	}
	_, hasInfo := top["info"]
	if inner, ok := top["collection"]; ok && !hasInfo {
		return inner
	}
	return data
}

func oracleItems(items []*postman.Items) []itemView {
	var out []itemView
	for _, it := range items {
		v := itemView{Name: it.Name, Folder: it.IsGroup()}
		if v.Folder {
			v.Children = oracleItems(it.Items)
		} else if it.Request != nil {
			v.Request = oracleRequest(it.Request)
		}
		for _, r := range it.Responses {
			v.Responses = append(v.Responses, oracleResponse(r))
		}
		out = append(out, v)
	}
	return out
}

func oracleRequest(r *postman.Request) *requestView {
	v := &requestView{Method: string(r.Method)}
	if r.URL != nil {
		v.URL = oracleURL(r.URL)
	}
	for _, h := range r.Header {
		v.Headers = append(v.Headers, headerView{h.Key, h.Value, h.Disabled})
	}
	if b := r.Body; b != nil && b.Mode != "" {
		v.Body = oracleBody(b)
	}
	return v
}

func oracleURL(u *postman.URL) urlView {
	v := urlView{Raw: u.Raw, Protocol: u.Protocol, Port: u.Port, Hash: u.Hash, Host: u.Host, Path: u.Path}
	for _, q := range u.Query {
		v.Query = append(v.Query, headerView{Key: q.Key, Value: q.Value})
	}
	return v
}

func oracleBody(b *postman.Body) *bodyView {
	v := &bodyView{Mode: b.Mode, Disabled: b.Disabled}
	switch b.Mode {
	case "raw":
		v.Raw = b.Raw
		if b.Options != nil {
			v.Language = b.Options.Raw.Language
		}
	case "urlencoded":
		v.Form = oracleForm(b.URLEncoded)
	case "formdata":
		v.Form = oracleForm(b.FormData)
	}
	return v
}

// oracleForm reads the form fields, which the oracle keeps as decoded JSON.
func oracleForm(fields any) []headerView {
	list, _ := fields.([]any)
	var out []headerView
	for _, f := range list {
		m, _ := f.(map[string]any)
		key, _ := m["key"].(string)
		value, _ := m["value"].(string)
		disabled, _ := m["disabled"].(bool)
		out = append(out, headerView{key, value, disabled})
	}
	return out
}

func oracleResponse(r *postman.Response) responseView {
	v := responseView{Name: r.Name, Status: r.Status, Body: r.Body, Code: r.Code}
	if r.Headers != nil {
		for _, h := range r.Headers.Headers {
			v.Headers = append(v.Headers, headerView{h.Key, h.Value, h.Disabled})
		}
	}
	if r.OriginalRequest != nil {
		v.Original = oracleRequest(r.OriginalRequest)
	}
	return v
}

// ourSource is the parsed input the view of the parser's result consults
// to apply the rules.
type ourSource struct {
	root *jsontree.Value
	data []byte
}

func (src ourSource) items(items []*Item) []itemView {
	var out []itemView
	for _, it := range items {
		v := itemView{Name: it.Name, Folder: it.IsFolder}
		switch {
		case it.IsFolder && src.readFromItemsKey(it):
			v.Folder = false // ruleItemsKey
		case it.IsFolder:
			v.Children = src.items(it.Items)
		case it.Request != nil:
			v.Request = src.request(it.Request)
		}
		for _, r := range it.Responses {
			v.Responses = append(v.Responses, src.response(r))
		}
		out = append(out, v)
	}
	if src.readFromItemsKey(nil) {
		return nil // ruleItemsKey at the top level
	}
	return out
}

// readFromItemsKey reports whether the children of the folder, or of the
// collection when folder is nil, come from an "items" key.
func (src ourSource) readFromItemsKey(folder *Item) bool {
	v := src.root
	if folder != nil {
		v = resolvePointer(src.root, folder.Pos.Pointer)
	} else if env := v.Get("collection"); env != nil && v.Get("info") == nil {
		v = env
	}
	return isAbsent(v.Get("item")) && !isAbsent(v.Get("items"))
}

func isAbsent(v *jsontree.Value) bool {
	return v == nil || v.Kind == jsontree.Null
}

func (src ourSource) request(r *Request) *requestView {
	v := &requestView{Method: r.Method, URL: ourURL(r.URL)}
	written := resolvePointer(src.root, r.Pos.Pointer)
	if !r.HasMethod && written.Kind == jsontree.Object {
		v.Method = "" // ruleMissingMethod
		if m := written.Get("method"); m != nil {
			v.Method = m.Str
		}
	}
	if written.Kind == jsontree.String {
		v.URL.Raw = src.stringSource(written) // ruleEscapedURLString
	} else if u := written.Get("url"); u != nil && u.Kind == jsontree.String {
		v.URL.Raw = src.stringSource(u)
	}
	for _, h := range r.Headers {
		v.Headers = append(v.Headers, headerView{h.Key, h.Value, h.Disabled})
	}
	if b := r.Body; b != nil && b.Mode != "" { // ruleBodyWithoutMode
		v.Body = &bodyView{Mode: string(b.Mode), Raw: b.Raw, Language: b.Language, Disabled: b.Disabled}
		for _, f := range b.Form {
			v.Body.Form = append(v.Body.Form, headerView{f.Key, f.Value, f.Disabled})
		}
	}
	return v
}

// stringSource returns the source text of a JSON string without its quotes.
func (src ourSource) stringSource(v *jsontree.Value) string {
	return string(src.data[v.Offset+1 : v.End-1])
}

func ourURL(u URL) urlView {
	v := urlView{Raw: u.Raw, Protocol: u.Protocol, Port: u.Port, Hash: u.Hash, Host: u.Host, Path: u.Path}
	for _, q := range u.Query {
		value := ""
		if q.Value != nil {
			value = *q.Value // ruleNullQueryValue
		}
		v.Query = append(v.Query, headerView{Key: q.Key, Value: value}) // ruleQueryDisabled
	}
	return v
}

func (src ourSource) response(r *Response) responseView {
	v := responseView{Name: r.Name, Status: r.Status, Body: r.Body, Code: r.Code}
	for _, h := range r.Headers {
		v.Headers = append(v.Headers, headerView{h.Key, h.Value, h.Disabled})
	}
	if r.OriginalRequest != nil {
		v.Original = src.request(r.OriginalRequest)
	}
	return v
}

// resolvePointer returns the value an RFC 6901 pointer names, or nil.
func resolvePointer(root *jsontree.Value, pointer string) *jsontree.Value {
	v := root
	if pointer == "" {
		return v
	}
	for _, token := range strings.Split(pointer[1:], "/") {
		token = pointerUnescaper.Replace(token)
		switch v.Kind {
		case jsontree.Object:
			v = v.Get(token)
		case jsontree.Array:
			i, err := strconv.Atoi(token)
			if err != nil || i < 0 || i >= len(v.Items) {
				return nil
			}
			v = &v.Items[i]
		default:
			return nil
		}
		if v == nil {
			return nil
		}
	}
	return v
}
