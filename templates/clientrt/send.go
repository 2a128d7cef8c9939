package clientrt

import "context"

// CallOption configures one call.
type CallOption func(*callSettings)

// callSettings collects the call options of one call.
type callSettings struct {
	session  *Session
	response *Response
}

// Response is the raw response of a call, filled by CaptureResponse.
type Response struct {
	StatusCode int
	Header     map[string][]string
	Body       []byte
}

// UseSession makes the call read and store variables and cookies in s
// instead of the client's session. Values set by the client's options are
// still visible unless s sets the same names.
func UseSession(s *Session) CallOption {
	return func(cs *callSettings) { cs.session = s }
}

// CaptureResponse stores the status, headers and body of the call's
// response in r, for 2xx and error responses alike.
func CaptureResponse(r *Response) CallOption {
	return func(cs *callSettings) { cs.response = r }
}

// preparedOperation holds the templates of an operation, split once.
type preparedOperation struct{}

// send performs the call op with in and decodes a 2xx response body into
// out: a pointer to a JSON-decoded value, a *string, a *[]byte, or nil to
// discard the body.
func (c *Client) send(ctx context.Context, op *operation, in *callInput, out any, opts []CallOption) error {
	return nil
}
