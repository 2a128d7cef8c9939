package clientrt

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"strconv"
	"time"
)

// RetryPolicy retries calls that failed for reasons a later attempt may
// not meet: network errors and 5xx and 429 responses. Only idempotent
// methods (GET, HEAD, OPTIONS, PUT, DELETE, TRACE) are retried, and POST
// and PATCH when the request carries an idempotency key header. A request
// whose body is a stream that cannot seek is not retried.
type RetryPolicy struct {
	// MaxAttempts counts the first attempt; 1 or less disables retries.
	MaxAttempts int
	// MinBackoff is the wait before the second attempt, 200ms when zero.
	// Each later wait doubles, up to MaxBackoff.
	MinBackoff time.Duration
	// MaxBackoff bounds the computed waits, 5s when zero. A Retry-After
	// header longer than MaxBackoff is honoured all the same, but the
	// context's deadline ends any wait.
	MaxBackoff time.Duration
}

// WithRetry retries failed calls under policy p. Without it no call is retried.
func WithRetry(p RetryPolicy) Option {
	return func(c *clientConfig) error {
		if p.MinBackoff < 0 || p.MaxBackoff < 0 {
			return errors.New("WithRetry: negative backoff")
		}
		c.retry = &p
		return nil
	}
}

// backoff returns the wait before attempt number attempt (2 for the first
// retry), with up to a quarter of random jitter.
func (p *RetryPolicy) backoff(attempt int) time.Duration {
	lowest, highest := p.MinBackoff, p.MaxBackoff
	if lowest == 0 {
		lowest = 200 * time.Millisecond
	}
	if highest == 0 {
		highest = 5 * time.Second
	}
	d := lowest
	for i := 2; i < attempt && d < highest; i++ {
		d *= 2
	}
	d = min(d, highest)
	return d - time.Duration(randomBelow(uint64(d/4)+1))
}

// retryAfter reads a Retry-After header: delay seconds or an HTTP date.
func retryAfter(h http.Header, now time.Time) (time.Duration, bool) {
	v := h.Get("Retry-After")
	if v == "" {
		return 0, false
	}
	if secs, err := strconv.Atoi(v); err == nil && secs >= 0 {
		return time.Duration(secs) * time.Second, true
	}
	if t, err := http.ParseTime(v); err == nil {
		return max(t.Sub(now), 0), true
	}
	return 0, false
}

func retryableStatus(code int) bool {
	return code == http.StatusTooManyRequests || code >= 500 && code <= 599
}

// do sends req, responds to a Digest challenge, retries as the policy
// allows, and returns the last response with its body read.
func (c *Client) do(req *http.Request, op *operation, p *preparedOperation, hc *http.Client, auth *expandedAuth) (*http.Response, []byte, error) {
	maxAttempts := 1
	if c.retry != nil && p.retryable {
		maxAttempts = max(c.retry.MaxAttempts, 1)
	}
	var challenge *digestChallenge
	for attempt := 1; ; {
		if err := c.authorize(req, auth, challenge); err != nil {
			return nil, nil, err
		}
		resp, err := hc.Do(req)
		var body []byte
		if err == nil {
			body, err = readBody(resp, c.maxBody)
			if err != nil {
				return nil, nil, err
			}
			if auth.kind == authDigest && resp.StatusCode == http.StatusUnauthorized && challenge == nil {
				if ch := parseDigestChallenge(resp.Header.Values("WWW-Authenticate")); ch != nil {
					challenge = ch
					if rewind(req) {
						continue
					}
				}
			}
			if !retryableStatus(resp.StatusCode) || attempt >= maxAttempts {
				return resp, body, nil
			}
		} else if attempt >= maxAttempts || req.Context().Err() != nil {
			return nil, nil, redactURLError(err, req.URL)
		}
		wait := c.retry.backoff(attempt + 1)
		if resp != nil {
			if d, ok := retryAfter(resp.Header, time.Now()); ok {
				wait = d
			}
		}
		if !rewind(req) {
			if resp != nil {
				return resp, body, nil
			}
			return nil, nil, redactURLError(err, req.URL)
		}
		if werr := sleep(req.Context(), wait); werr != nil {
			if resp != nil {
				return resp, body, nil
			}
			return nil, nil, fmt.Errorf("%w (waiting to retry after: %v)", werr, redactURLError(err, req.URL))
		}
		attempt++
		c.logDebug("retrying", "operation", op.name, "attempt", attempt)
	}
}

// rewind resets the body of req for another attempt, reporting false when
// the body cannot be sent again.
func rewind(req *http.Request) bool {
	if req.Body == nil || req.Body == http.NoBody {
		return true
	}
	if req.GetBody == nil {
		return false
	}
	body, err := req.GetBody()
	if err != nil {
		return false
	}
	req.Body = body
	return true
}

// sleep waits for d or until ctx is done.
func sleep(ctx context.Context, d time.Duration) error {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

func (c *Client) logDebug(msg string, args ...any) {
	if c.logger != nil {
		c.logger.Debug(msg, args...)
	}
}
