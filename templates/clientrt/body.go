package clientrt

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"mime/multipart"
	"net/http"
	"net/textproto"
	"os"
	"strings"
)

// requestBody is the body of a request: bytes that can be sent again, or
// a stream from the caller.
type requestBody struct {
	data   []byte
	stream io.Reader
	// hasBody is set when data or stream is the body, even an empty one.
	hasBody     bool
	contentType string
}

// attach sets req's body. Retries and the Digest challenge round trip can
// resend a body from bytes. They can resend a stream only when it is an
// io.Seeker.
func (b *requestBody) attach(req *http.Request) {
	switch {
	case !b.hasBody:
	case b.stream != nil:
		stream := b.stream
		req.ContentLength = -1
		if n, ok := knownLength(stream); ok {
			req.ContentLength = n
		}
		req.Body = io.NopCloser(stream)
		if seeker, ok := stream.(io.Seeker); ok {
			start, err := seeker.Seek(0, io.SeekCurrent)
			if err == nil {
				req.GetBody = func() (io.ReadCloser, error) {
					if _, err := seeker.Seek(start, io.SeekStart); err != nil {
						return nil, err
					}
					return io.NopCloser(stream), nil
				}
			}
		}
		if req.ContentLength == 0 {
			req.Body = http.NoBody
		}
	case len(b.data) == 0:
		req.Body, req.ContentLength = http.NoBody, 0
		req.GetBody = func() (io.ReadCloser, error) { return http.NoBody, nil }
	default:
		data := b.data
		req.ContentLength = int64(len(data))
		req.Body = io.NopCloser(bytes.NewReader(data))
		req.GetBody = func() (io.ReadCloser, error) {
			return io.NopCloser(bytes.NewReader(data)), nil
		}
	}
}

// knownLength returns the number of unread bytes of r when its type
// reports them.
func knownLength(r io.Reader) (int64, bool) {
	switch v := r.(type) {
	case *bytes.Reader:
		return int64(v.Len()), true
	case *bytes.Buffer:
		return int64(v.Len()), true
	case *strings.Reader:
		return int64(v.Len()), true
	case *os.File:
		// A regular file is sent with a Content-Length, as Postman sends
		// files.
		info, err := v.Stat()
		if err != nil || !info.Mode().IsRegular() {
			return 0, false
		}
		pos, err := v.Seek(0, io.SeekCurrent)
		if err != nil {
			return 0, false
		}
		return info.Size() - pos, true
	}
	return 0, false
}

// buildBody encodes the call's body in the operation's body kind.
func (c *Client) buildBody(r *resolver, op *operation, p *preparedOperation, in *callInput) (requestBody, error) {
	if p.dropBody || op.body.kind == bodyNone {
		return requestBody{}, nil
	}
	b := requestBody{hasBody: true, contentType: op.body.contentType}
	var err error
	switch op.body.kind {
	case bodyJSON:
		switch {
		case in.json != nil:
			b.data, err = marshalJSON(in.json)
		case in.text != "":
			b.data = []byte(in.text)
		default:
			b.data, err = r.expandBytes(&p.body)
		}
	case bodyText:
		if in.text != "" {
			b.data = []byte(in.text)
		} else {
			b.data, err = r.expandBytes(&p.body)
		}
	case bodyURLEncoded:
		b.data, err = r.urlEncodedForm(in.form)
	case bodyMultipart:
		b.data, b.contentType, err = r.multipartForm(in.form)
	case bodyFile:
		if in.file == nil {
			b.hasBody = false
			return b, nil
		}
		b.stream = in.file
	case bodyGraphQL:
		if in.graphQL == nil {
			return b, errors.New("GraphQL body is missing")
		}
		b.data, err = graphQLData(in.graphQL)
	default:
		return b, fmt.Errorf("body kind %d is not supported", op.body.kind)
	}
	if err != nil {
		return b, fmt.Errorf("request body: %w", err)
	}
	return b, nil
}

type graphQLPayload struct {
	Query     string          `json:"query"`
	Variables json.RawMessage `json:"variables,omitempty"`
}

// graphQLData encodes a GraphQL body. Variables that encode as null, such
// as a nil json.RawMessage, are left out, as Postman leaves out empty
// variables.
func graphQLData(g *graphQLBody) ([]byte, error) {
	payload := graphQLPayload{Query: g.query}
	if g.variables != nil {
		vars, err := marshalJSON(g.variables)
		if err != nil {
			return nil, err
		}
		if string(vars) != "null" {
			payload.Variables = vars
		}
	}
	return marshalJSON(payload)
}

// marshalJSON encodes v the way json.Encoder does with SetEscapeHTML(false),
// without the trailing newline the encoder writes. json.Marshal allocates
// less than an Encoder, so its HTML escapes are undone instead.
func marshalJSON(v any) ([]byte, error) {
	b, err := json.Marshal(v)
	if err != nil {
		return nil, err
	}
	return unescapeHTML(b), nil
}

// unescapeHTML replaces the \u003c, \u003e and \u0026 escapes json.Marshal
// writes for "<", ">" and "&" by the characters themselves, in place.
// Backslashes occur only inside strings, where each starts an escape, so
// reading escapes in order never mistakes an escaped backslash followed
// by "u003c" for an escape.
func unescapeHTML(b []byte) []byte {
	if !bytes.Contains(b, []byte(`\u00`)) {
		return b
	}
	out := b[:0]
	for i := 0; i < len(b); i++ {
		c := b[i]
		if c != '\\' || i+1 >= len(b) {
			out = append(out, c)
			continue
		}
		if b[i+1] == 'u' && i+5 < len(b) && string(b[i+2:i+4]) == "00" {
			switch string(b[i+4 : i+6]) {
			case "3c":
				out = append(out, '<')
				i += 5
				continue
			case "3e":
				out = append(out, '>')
				i += 5
				continue
			case "26":
				out = append(out, '&')
				i += 5
				continue
			}
		}
		out = append(out, c, b[i+1])
		i++
	}
	return out
}

// expandBytes expands t into a new byte slice.
func (r *resolver) expandBytes(t *template) ([]byte, error) {
	if t.refs == nil {
		return []byte(t.text), nil
	}
	r.refs = 0
	return r.appendTemplate(make([]byte, 0, len(t.text)+64), t, plainMode, nil)
}

// formText returns the text of a form field: its value, expanded when it
// is a template from the collection.
func (r *resolver) formText(f *formValue) (string, error) {
	if !f.template {
		return f.value, nil
	}
	return r.expandString(f.value, false)
}

// urlEncodedForm encodes fields as application/x-www-form-urlencoded.
// Like newman, it percent-encodes every byte of keys and values except
// RFC 3986's unreserved characters, so a space is "%20" and "+" is "%2B".
func (r *resolver) urlEncodedForm(fields []formValue) ([]byte, error) {
	var buf []byte
	for i := range fields {
		f := &fields[i]
		value, err := r.formText(f)
		if err != nil {
			return nil, fmt.Errorf("field %q: %w", f.key, err)
		}
		if i > 0 {
			buf = append(buf, '&')
		}
		buf = appendEncoded(buf, f.key, componentData)
		buf = append(buf, '=')
		buf = appendEncoded(buf, value, componentData)
	}
	return buf, nil
}

// multipartForm encodes fields as multipart/form-data with a random
// boundary and returns the body and its Content-Type.
//
// NOTE: file parts are read into memory so that retries and the Digest
// round trip can resend the body. Large files are held whole because of
// that.
func (r *resolver) multipartForm(fields []formValue) ([]byte, string, error) {
	var buf bytes.Buffer
	w := multipart.NewWriter(&buf)
	for i := range fields {
		f := &fields[i]
		h := make(textproto.MIMEHeader)
		if f.file != nil {
			h.Set("Content-Disposition", fmt.Sprintf(`form-data; name="%s"; filename="%s"`, quoteEscaper.Replace(f.key), quoteEscaper.Replace(f.fileName)))
			contentType := f.contentType
			if contentType == "" {
				contentType = "application/octet-stream"
			}
			h.Set("Content-Type", contentType)
			part, err := w.CreatePart(h)
			if err != nil {
				return nil, "", err
			}
			if _, err := io.Copy(part, f.file); err != nil {
				return nil, "", fmt.Errorf("field %q: reading file: %w", f.key, err)
			}
			continue
		}
		value, err := r.formText(f)
		if err != nil {
			return nil, "", fmt.Errorf("field %q: %w", f.key, err)
		}
		h.Set("Content-Disposition", fmt.Sprintf(`form-data; name="%s"`, quoteEscaper.Replace(f.key)))
		if f.contentType != "" {
			h.Set("Content-Type", f.contentType)
		}
		part, err := w.CreatePart(h)
		if err != nil {
			return nil, "", err
		}
		if _, err := io.WriteString(part, value); err != nil {
			return nil, "", err
		}
	}
	if err := w.Close(); err != nil {
		return nil, "", err
	}
	return buf.Bytes(), w.FormDataContentType(), nil
}

// quoteEscaper escapes a name for a quoted Content-Disposition parameter,
// as mime/multipart does.
var quoteEscaper = strings.NewReplacer("\\", "\\\\", `"`, "\\\"")
