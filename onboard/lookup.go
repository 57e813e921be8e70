package onboard

import (
	"context"
	"fmt"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/connect"
)

// noSDKRetries turns the SDK's own retries off for one call: onboard
// retries by itself, through its own token buckets.
func noSDKRetries(o *connect.Options) { o.Retryer = aws.NopRetryer{} }

// LookupError reports a look-up (a listing, DescribeInstance or
// SearchUsers) that failed after its retries: it names the call.
type LookupError struct {
	// Call is the operation, such as "ListSecurityProfiles".
	Call string
	// Instance is the instance it was about.
	Instance string
	// Err is the last error of the call.
	Err error
}

// Error names the call, the instance and the cause.
func (e *LookupError) Error() string {
	return fmt.Sprintf("%s of instance %s failed: %v", e.Call, e.Instance, e.Err)
}

// Unwrap returns Err.
func (e *LookupError) Unwrap() error { return e.Err }

// caller sends look-ups through their own token bucket, retrying
// throttling, 5xx and network failures with backoff, at most maxAttempts
// times each. Look-ups change nothing, so a retry is always safe.
type caller struct {
	api         API
	pace        *pacer
	maxAttempts int
	base, cap   time.Duration
	timeout     time.Duration
}

// do calls fn until it succeeds, fails for good or runs out of attempts.
func (c *caller) do(ctx context.Context, call, instance string, fn func(ctx context.Context) error) error {
	var err error
	for n := 1; n <= c.maxAttempts; n++ {
		if n > 1 && !sleep(ctx, backoff(n-1, c.base, c.cap)) {
			return &LookupError{call, instance, ctx.Err()}
		}
		if werr := c.pace.wait(ctx); werr != nil {
			return &LookupError{call, instance, werr}
		}
		cctx, cancel := context.WithTimeout(ctx, c.timeout)
		err = fn(cctx)
		cancel()
		switch a, _, _ := classify(err); a {
		case answerOK:
			c.pace.success()
			return nil
		case answerThrottled:
			c.pace.throttledAnswer()
		case answerServer, answerNone:
			if ctx.Err() != nil {
				return &LookupError{call, instance, ctx.Err()}
			}
		default:
			return &LookupError{call, instance, err}
		}
	}
	return &LookupError{call, instance, err}
}
