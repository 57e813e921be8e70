package onboard

import (
	"context"
	"math/rand/v2"
	"sync"
	"sync/atomic"
	"time"

	"golang.org/x/time/rate"
)

// pacer paces one kind of call with a token bucket whose rate adapts to
// the service: additive increase after each success, multiplicative
// decrease on throttling (AIMD), between a floor and the configured rate.
type pacer struct {
	lim *rate.Limiter

	mu           sync.Mutex
	max, min     float64
	cur          float64
	lastDecrease time.Time

	throttled atomic.Int64
	sent      atomic.Int64
}

// Decrease factor on throttling, and how long after one decrease further
// throttling answers are put down to requests sent before it.
const (
	aimdDecrease = 0.8
	aimdIncrease = 0.25 // of the configured rate per second, spread over the successes
	minCooldown  = 250 * time.Millisecond
)

func newPacer(perSecond float64, burst int) *pacer {
	if burst < 1 {
		burst = 1
	}
	return &pacer{
		lim: rate.NewLimiter(rate.Limit(perSecond), burst),
		max: perSecond,
		min: perSecond / 64,
		cur: perSecond,
	}
}

// wait blocks until a call may be sent, or ctx is done.
func (p *pacer) wait(ctx context.Context) error {
	if err := p.lim.Wait(ctx); err != nil {
		return err
	}
	p.sent.Add(1)
	return nil
}

// throttledAnswer slows down after a throttling answer.
func (p *pacer) throttledAnswer() {
	p.throttled.Add(1)
	p.mu.Lock()
	defer p.mu.Unlock()
	now := time.Now()
	cooldown := time.Duration(float64(time.Second) * float64(p.lim.Burst()) / p.cur)
	cooldown = max(cooldown, minCooldown)
	if now.Sub(p.lastDecrease) < cooldown {
		return
	}
	p.lastDecrease = now
	p.cur = max(p.min, p.cur*aimdDecrease)
	p.lim.SetLimit(rate.Limit(p.cur))
}

// success speeds up again after an answer that was not throttled.
func (p *pacer) success() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.cur >= p.max {
		return
	}
	// Each success at rate cur adds aimdIncrease*max/cur, so the rate
	// climbs by aimdIncrease*max a second whatever it is.
	p.cur = min(p.max, p.cur+aimdIncrease*p.max/p.cur)
	p.lim.SetLimit(rate.Limit(p.cur))
}

// backoff returns how long to wait before attempt n+1 after n failed
// attempts: exponential from base, capped, with full jitter (a uniform
// draw from zero to the exponential bound), as the AWS SDKs' standard
// retryer does.
func backoff(n int, base, maxDelay time.Duration) time.Duration {
	d := maxDelay
	if n < 32 {
		if e := base << (n - 1); e > 0 && e < maxDelay {
			d = e
		}
	}
	if d <= 0 {
		return 0
	}
	return rand.N(d) + 1
}

// sleep waits for d or until ctx is done; false means ctx is done.
func sleep(ctx context.Context, d time.Duration) bool {
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-t.C:
		return true
	case <-ctx.Done():
		return false
	}
}
