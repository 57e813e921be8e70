package onboard

import (
	"context"
	"sync/atomic"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/connect"

	"github.com/connectkit/createuser/internal/pace"
)

// pacer paces CreateUser with a token bucket whose rate adapts to the
// service (AIMD, package internal/pace), and counts its throttled answers.
type pacer struct {
	b         *pace.Bucket
	throttled atomic.Int64
}

func newPacer(perSecond float64, burst int) *pacer {
	return &pacer{b: pace.NewBucket(perSecond, burst)}
}

// wait blocks until a call may be sent, or ctx is done.
func (p *pacer) wait(ctx context.Context) error { return p.b.Wait(ctx) }

// throttledAnswer records a throttling answer; it reports whether it is
// the first since the bucket was last full (the service's bucket started
// refilling a little later than this one: pace.Bucket.ThrottledEarly):
// the rate stays and the call is retried with the next token, without
// backoff. Any other throttling answer slows down (AIMD) and the call
// backs off.
func (p *pacer) throttledAnswer() (early bool) {
	p.throttled.Add(1)
	return p.b.ThrottledEarly()
}

// success speeds up again after an answer that was not throttled.
func (p *pacer) success() { p.b.Success() }

// backoff returns how long to wait before attempt n+1 after n failed
// attempts: exponential from base, capped, with full jitter.
func backoff(n int, base, maxDelay time.Duration) time.Duration {
	return pace.Backoff(n, base, maxDelay)
}

// sleep waits for d or until ctx is done; false means ctx is done.
func sleep(ctx context.Context, d time.Duration) bool { return pace.Sleep(ctx, d) }

// noSDKRetries turns the SDK's own retries off for one call: onboard
// retries CreateUser by itself, through its own token bucket.
func noSDKRetries(o *connect.Options) { o.Retryer = aws.NopRetryer{} }
