package clientrt

import "time"

// RetryPolicy retries calls that failed for reasons a later attempt may
// not meet: network errors, 5xx and 429 responses. Only idempotent methods
// (GET, HEAD, OPTIONS, PUT, DELETE, TRACE) are retried, and POST and PATCH
// when the request carries an idempotency key header.
type RetryPolicy struct {
	// MaxAttempts counts the first attempt; 1 or less disables retries.
	MaxAttempts int
	// MinBackoff is the wait before the second attempt; it doubles for each
	// later one up to MaxBackoff.
	MinBackoff time.Duration
	MaxBackoff time.Duration
}

// WithRetry retries failed calls as p says. Without it no call is retried.
func WithRetry(p RetryPolicy) Option {
	return func(c *clientConfig) error {
		c.retry = &p
		return nil
	}
}
