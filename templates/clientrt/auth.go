package clientrt

import "net/http"

// Signer signs a request for an auth scheme the client does not implement
// itself: OAuth 1.0, AWS Signature, Hawk, NTLM, JWT, EdgeGrid, ASAP and the
// like. Sign is called once per attempt, after every header and the body
// are set; req.GetBody returns a copy of the body.
type Signer interface {
	Sign(req *http.Request, scheme string) error
}

// WithSigner signs the requests whose auth scheme the client does not
// implement itself.
func WithSigner(s Signer) Option {
	return func(c *clientConfig) error {
		c.signer = s
		return nil
	}
}

// digestChallenge is the last Digest challenge a server sent for a scheme.
type digestChallenge struct {
	realm, nonce, opaque, algorithm, qop string
	count                                uint32
}
