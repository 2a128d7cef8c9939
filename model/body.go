package model

import (
	"encoding/json"
	"path"
	"slices"
	"strings"

	"github.com/pmgen/pmgen/diag"
	"github.com/pmgen/pmgen/internal/jsontree"
	"github.com/pmgen/pmgen/model/internal/parallel"
	"github.com/pmgen/pmgen/parser"
)

// bodySamples are the JSON samples of an operation that parsed. Type
// inference parses them again once names are assigned, because keeping
// the parsed samples of every operation until then can take more memory
// than the parsed collection does.
type bodySamples struct {
	request  []sample
	response []sample // 2xx examples
	errors   []sample // 4xx and 5xx examples
}

// sample is one JSON document that parsed, with where it came from.
type sample struct {
	text  string
	name  string // "request body", `example "Успех"`
	pos   diag.Position
	where string
}

// lenientJSON accepts what request bodies in collections contain besides
// JSON: comments, trailing commas and unquoted {{placeholders}}.
var lenientJSON = jsontree.Options{Comments: true, TrailingCommas: true, Placeholders: true}

// rawContentTypes maps options.raw.language to the Content-Type Postman
// adds to a raw body when the request sets none.
var rawContentTypes = map[string]string{
	"json":       "application/json",
	"javascript": "application/javascript",
	"html":       "text/html",
	"xml":        "application/xml",
	"text":       "text/plain",
}

// fileContentTypes maps file extensions to the Content-Type Postman sends
// for a file of that name. The values come from the mime-db table that
// newman 6.2.2 reads through mime-types.
var fileContentTypes = map[string]string{
	".txt": "text/plain", ".log": "text/plain", ".ini": "text/plain",
	".json": "application/json", ".xml": "application/xml",
	".html": "text/html", ".htm": "text/html", ".css": "text/css", ".csv": "text/csv",
	".md": "text/markdown", ".yaml": "text/yaml", ".yml": "text/yaml", ".ics": "text/calendar",
	".js": "application/javascript", ".pdf": "application/pdf", ".rtf": "application/rtf",
	".zip": "application/zip", ".gz": "application/gzip", ".tar": "application/x-tar",
	".7z": "application/x-7z-compressed", ".rar": "application/vnd.rar", ".sql": "application/x-sql",
	".doc":  "application/msword",
	".docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
	".xls":  "application/vnd.ms-excel",
	".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
	".ppt":  "application/vnd.ms-powerpoint",
	".pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
	".odt":  "application/vnd.oasis.opendocument.text",
	".p12":  "application/x-pkcs12", ".pem": "application/x-x509-ca-cert", ".cer": "application/pkix-cert",
	".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".gif": "image/gif",
	".svg": "image/svg+xml", ".webp": "image/webp", ".bmp": "image/bmp", ".tiff": "image/tiff",
	".ico": "image/vnd.microsoft.icon",
	".mp3": "audio/mpeg", ".wav": "audio/wave", ".ogg": "audio/ogg",
	".mp4": "video/mp4", ".webm": "video/webm", ".avi": "video/x-msvideo", ".mov": "video/quicktime",
	".woff": "font/woff", ".woff2": "font/woff2", ".ttf": "font/ttf",
}

// fileContentType returns the Content-Type Postman sends for a file by
// its name, application/octet-stream when the extension is not known.
//
// NOTE: the table covers common extensions only. Postman looks up every
// extension of mime-db, so a rarer extension may get another type there.
func fileContentType(name string) string {
	if ct, ok := fileContentTypes[strings.ToLower(path.Ext(name))]; ok {
		return ct
	}
	return "application/octet-stream"
}

// prepareBodies decides the kind of every request body and parses the
// JSON samples of bodies and examples. Operations are prepared
// concurrently, and their diagnostics are appended in collection order.
func (b *builder) prepareBodies() {
	diags := make([]diag.List, len(b.ops))
	parallel.For(len(b.ops), func(i int) {
		prepareBody(b.ops[i], &diags[i])
	})
	for _, l := range diags {
		b.diags.Append(l)
	}
}

// prepareBody decides the kind of an operation's request body and parses
// the JSON samples of the body and the examples.
func prepareBody(src *opSource, diags *diag.List) {
	op := src.op
	op.Body = requestBody(src, diags)
	if op.Body != nil && op.Body.Kind == BodyNone {
		op.Body = nil
	}
	if op.Body != nil && slices.Contains(prunedMethods, op.Method) && !op.KeepBody {
		diags.Warn(CodeBodyPruned, op.Pos, op.Where,
			"the body of a %s request is not sent, as in Postman; set protocolProfileBehavior.disableBodyPruning to send it", op.Method)
		op.Body = nil
	}
	recordExamples(src, diags)
}

func requestBody(src *opSource, diags *diag.List) *Body {
	pb := src.item.Request.Body
	if pb == nil || pb.Disabled {
		return nil
	}
	op := src.op
	switch pb.Mode {
	case parser.BodyRaw:
		return rawBody(src, pb, diags)
	case parser.BodyURLEncoded, parser.BodyFormData:
		body := &Body{Kind: BodyURLEncoded, ContentType: "application/x-www-form-urlencoded"}
		if pb.Mode == parser.BodyFormData {
			body.Kind, body.ContentType = BodyMultipart, "multipart/form-data"
		}
		for _, f := range pb.Form {
			if f.Disabled {
				continue
			}
			field := FormField{
				Key: f.Key, Value: f.Value, File: f.Type == "file",
				ContentType: f.ContentType, Doc: f.Description,
			}
			if field.File && len(f.Src) > 0 {
				field.Src = f.Src[0]
			}
			if field.File && field.ContentType == "" {
				field.ContentType = fileContentType(field.Src)
			}
			body.Form = append(body.Form, field)
		}
		if len(body.Form) == 0 {
			return nil
		}
		return body
	case parser.BodyFile:
		return &Body{Kind: BodyFile, ContentType: fileContentType(pb.FileSrc)}
	case parser.BodyGraphQL:
		body := &Body{Kind: BodyGraphQL, ContentType: "application/json", GraphQLQuery: pb.GraphQLQuery, Template: pb.GraphQLVariables}
		if v := parseSample(diags, pb.GraphQLVariables, pb.Pos, op.Where, "GraphQL variables"); v != nil {
			body.Unquoted = unquotedPlaceholders(v, nil)
			body.JSONTemplate = jsonTemplate(pb.GraphQLVariables, v)
			src.samples.request = append(src.samples.request, sample{pb.GraphQLVariables, "GraphQL variables", pb.Pos, op.Where})
		}
		return body
	}
	diags.Warn(CodeUnknownBodyMode, pb.Pos, op.Where, "body mode %s is not known: the request is sent without a body; want raw, urlencoded, formdata, file or graphql", quoteName(string(pb.Mode)))
	return nil
}

func rawBody(src *opSource, pb *parser.Body, diags *diag.List) *Body {
	op := src.op
	if strings.TrimSpace(pb.Raw) == "" {
		return nil
	}
	ct, ok := rawContentTypes[pb.Language]
	if !ok {
		ct = "text/plain"
	}
	body := &Body{Kind: BodyText, ContentType: ct, Template: pb.Raw}
	if !looksJSON(pb.Language, headerValue(op.Headers, "Content-Type"), pb.Raw) {
		return body
	}
	v := parseSample(diags, pb.Raw, pb.Pos, op.Where, "request body")
	if v == nil {
		return body
	}
	body.Kind = BodyJSON
	body.Unquoted = unquotedPlaceholders(v, nil)
	body.JSONTemplate = string(jsontree.AppendTemplate(nil, v))
	src.samples.request = append(src.samples.request, sample{pb.Raw, "request body", pb.Pos, op.Where})
	return body
}

// looksJSON reports whether a raw body is meant as JSON: its language or
// Content-Type says so, or it has no language and starts like a JSON
// object or array.
func looksJSON(language, contentType, raw string) bool {
	if language == "json" || strings.Contains(strings.ToLower(contentType), "json") {
		return true
	}
	if language != "" && language != "text" {
		return false
	}
	t := strings.TrimSpace(raw)
	return strings.HasPrefix(t, "{") || strings.HasPrefix(t, "[")
}

// parseSample parses JSON text leniently. Invalid text returns nil and
// adds a warning to diags that names the sample as sampleName.
func parseSample(diags *diag.List, text string, pos diag.Position, where, sampleName string) *jsontree.Value {
	if strings.TrimSpace(text) == "" {
		return nil
	}
	v, err := jsontree.Parse([]byte(text), lenientJSON)
	if err != nil {
		diags.Warn(CodeInvalidJSONSample, pos, where, "the %s is not valid JSON (%v): it is sent as text and gives no type", sampleName, err)
		return nil
	}
	return v
}

func headerValue(headers []Header, name string) string {
	for _, h := range headers {
		if strings.EqualFold(h.Name, name) {
			return h.Value
		}
	}
	return ""
}

// recordExamples records the saved responses of an operation and their
// samples.
func recordExamples(src *opSource, diags *diag.List) {
	op := src.op
	for _, r := range src.item.Responses {
		ex := &Example{Name: r.Name, Status: r.Code, Body: r.Body, Pos: r.Pos}
		if ex.Status == 0 {
			ex.Status = 200
		}
		for _, h := range r.Headers {
			if !h.Disabled {
				ex.Headers = append(ex.Headers, Header{Name: h.Key, Value: h.Value})
			}
		}
		ex.ContentType = exampleContentType(ex.Headers, r.PreviewLanguage, r.Body)
		ex.ReplayBody = replayBody(r.Body, ex.ContentType)
		if or := r.OriginalRequest; or != nil {
			ex.Request = exampleRequest(or)
			if op.Body != nil && op.Body.Kind == BodyJSON && or.Body != nil && or.Body.Mode == parser.BodyRaw {
				name := "request body of example " + quoteName(r.Name)
				if parseSample(diags, or.Body.Raw, or.Body.Pos, op.Where, name) != nil {
					src.samples.request = append(src.samples.request, sample{or.Body.Raw, name, or.Body.Pos, op.Where})
				}
			}
		}
		op.Examples = append(op.Examples, ex)
		if !strings.Contains(ex.ContentType, "json") {
			continue
		}
		name := "body of example " + quoteName(r.Name)
		if parseSample(diags, r.Body, r.Pos, op.Where, name) == nil {
			continue
		}
		s := sample{r.Body, name, r.Pos, op.Where}
		switch {
		case ex.Status >= 200 && ex.Status < 300:
			src.samples.response = append(src.samples.response, s)
		case ex.Status >= 400:
			src.samples.errors = append(src.samples.errors, s)
		}
	}
}

// exampleContentType returns the example's Content-Type header, or one
// derived from Postman's preview language, or application/json when the
// body starts like JSON.
func exampleContentType(headers []Header, preview, body string) string {
	if ct := headerValue(headers, "Content-Type"); ct != "" {
		return ct
	}
	switch preview {
	case "json":
		return "application/json"
	case "xml":
		return "application/xml"
	case "html":
		return "text/html"
	case "text":
		return "text/plain"
	}
	if t := strings.TrimSpace(body); strings.HasPrefix(t, "{") || strings.HasPrefix(t, "[") {
		return "application/json"
	}
	if body == "" {
		return ""
	}
	return "text/plain"
}

func exampleRequest(r *parser.Request) *ExampleRequest {
	parts := splitURL(r.URL)
	var path strings.Builder
	for _, s := range parts.path {
		path.WriteString("/")
		path.WriteString(s)
	}
	er := &ExampleRequest{Method: string(normalizeMethod(r.Method)), Path: path.String(), Query: parts.query}
	if r.Body != nil && r.Body.Mode == parser.BodyRaw {
		er.Body = r.Body.Raw
	}
	return er
}

// unquotedPlaceholders appends the names of the unquoted {{placeholders}}
// in a JSON tree, each once.
func unquotedPlaceholders(v *jsontree.Value, names []string) []string {
	switch v.Kind {
	case jsontree.Placeholder:
		for _, name := range References(v.Str) {
			if !slices.Contains(names, name) {
				names = append(names, name)
			}
		}
	case jsontree.Array:
		for i := range v.Items {
			names = unquotedPlaceholders(&v.Items[i], names)
		}
	case jsontree.Object:
		for i := range v.Members {
			names = unquotedPlaceholders(&v.Members[i].Value, names)
		}
	}
	return names
}

// replayBody returns the body a replay server sends for an example. JSON
// that encoding/json rejects but the lenient parser reads is re-encoded
// strictly, so that a client can decode what the example meant.
func replayBody(body, contentType string) string {
	if !strings.Contains(contentType, "json") || json.Valid([]byte(body)) {
		return body
	}
	v, err := jsontree.Parse([]byte(body), lenientJSON)
	if err != nil {
		return body
	}
	return string(jsontree.AppendStrict(nil, v))
}

// jsonTemplate returns raw when it is JSON apart from unquoted
// placeholders, and otherwise v rewritten as such.
func jsonTemplate(raw string, v *jsontree.Value) string {
	if _, err := jsontree.Parse([]byte(raw), jsontree.Options{Placeholders: true}); err == nil {
		return raw
	}
	return string(jsontree.AppendTemplate(nil, v))
}
