// Package pace paces calls to a service: a token bucket whose rate adapts
// to the service's answers (additive increase, multiplicative decrease),
// and exponential backoff with full jitter between retries, as the AWS
// SDKs' standard retryer does. Package awsconnect paces its look-ups with
// it, package onboard its CreateUser calls.
package pace

import (
	"context"
	"math"
	"math/rand/v2"
	"sync"
	"sync/atomic"
	"time"

	"golang.org/x/time/rate"
)

// Bucket paces one kind of call with a token bucket whose rate adapts to
// the service: additive increase after each success, multiplicative
// decrease on throttling (AIMD), between a floor (a 64th) and the
// configured rate. It is safe for concurrent use.
type Bucket struct {
	lim *rate.Limiter

	mu           sync.Mutex
	max, min     float64
	cur          float64
	lastDecrease time.Time
	// earlySpent is set by the first throttling answer since Wait last
	// found the bucket full (ThrottledEarly).
	earlySpent bool

	sent, throttled atomic.Int64
}

// The AIMD constants: the rate falls by a fifth on throttling, at most
// once per cooldown (the time the bucket takes to refill, at least
// MinCooldown: throttling answers within it are put down to requests
// sent before the decrease), and climbs back by a quarter of the
// configured rate a second.
const (
	Decrease    = 0.8
	Increase    = 0.25
	MinCooldown = 250 * time.Millisecond
)

// NewBucket returns a bucket of perSecond calls a second with bursts of
// burst (at least 1); a perSecond of zero or less paces nothing.
func NewBucket(perSecond float64, burst int) *Bucket {
	burst = max(burst, 1)
	if perSecond <= 0 {
		perSecond = math.Inf(1)
	}
	return &Bucket{
		lim: rate.NewLimiter(rate.Limit(perSecond), burst),
		max: perSecond,
		min: perSecond / 64,
		cur: perSecond,
	}
}

// Wait blocks until a call may be sent, or ctx is done (its error then).
// When the next token would come after ctx's deadline, it waits for the
// deadline all the same: the caller learns that ctx is done, as from any
// other wait, when it is.
func (b *Bucket) Wait(ctx context.Context) error {
	b.mu.Lock()
	if b.lim.Tokens() >= float64(b.lim.Burst()) {
		b.earlySpent = false
	}
	b.mu.Unlock()
	if err := b.lim.Wait(ctx); err != nil {
		if ctx.Err() == nil {
			<-ctx.Done()
		}
		return ctx.Err()
	}
	b.sent.Add(1)
	return nil
}

// Throttled slows down after a throttling answer.
func (b *Bucket) Throttled() {
	b.throttled.Add(1)
	b.mu.Lock()
	defer b.mu.Unlock()
	now := time.Now()
	cooldown := max(time.Duration(float64(time.Second)*float64(b.lim.Burst())/b.cur), MinCooldown)
	if now.Sub(b.lastDecrease) < cooldown {
		return
	}
	b.lastDecrease = now
	b.cur = max(b.min, b.cur*Decrease)
	b.lim.SetLimit(rate.Limit(b.cur))
}

// ThrottledEarly records a throttling answer and reports whether it is
// the first since the bucket was last full. Such an answer does not say
// that the rate is too high: the bucket and the service's both start
// full, but the service's starts refilling when the first request
// arrives, a little after it was sent (a new connection takes longer than
// the requests that follow), so while both run at the same rate, a call
// can come a little early. The rate stays; the caller retries with the
// bucket's next token and no backoff, which shifts the calls that follow
// by one token's interval and gives the service's bucket that margin.
// Any other throttling answer slows down as Throttled does (the service's
// rate is lower), and false is returned.
func (b *Bucket) ThrottledEarly() bool {
	b.mu.Lock()
	if !b.earlySpent {
		b.earlySpent = true
		b.mu.Unlock()
		b.throttled.Add(1)
		return true
	}
	b.mu.Unlock()
	b.Throttled()
	return false
}

// Success speeds up again after an answer that was not throttled.
func (b *Bucket) Success() {
	b.mu.Lock()
	defer b.mu.Unlock()
	if b.cur >= b.max {
		return
	}
	// Each success at rate cur adds Increase*max/cur, so the rate climbs
	// by Increase*max a second whatever it is.
	b.cur = min(b.max, b.cur+Increase*b.max/b.cur)
	b.lim.SetLimit(rate.Limit(b.cur))
}

// Rate returns the rate the bucket paces at now.
func (b *Bucket) Rate() float64 {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.cur
}

// Sent returns how many calls Wait let through.
func (b *Bucket) Sent() int64 { return b.sent.Load() }

// ThrottledCount returns how many throttling answers were reported.
func (b *Bucket) ThrottledCount() int64 { return b.throttled.Load() }

// Backoff returns how long to wait before attempt n+1 after n failed
// attempts: exponential from base, capped at maxDelay, with full jitter (a
// uniform draw from zero to the exponential bound).
func Backoff(n int, base, maxDelay time.Duration) time.Duration {
	d := maxDelay
	if n >= 1 && n < 32 {
		if e := base << (n - 1); e > 0 && e < maxDelay {
			d = e
		}
	}
	if d <= 0 {
		return 0
	}
	return rand.N(d) + 1
}

// Sleep waits for d or until ctx is done; false means ctx is done.
func Sleep(ctx context.Context, d time.Duration) bool {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return true
	case <-ctx.Done():
		return false
	}
}
