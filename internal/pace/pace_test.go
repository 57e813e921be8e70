package pace

import (
	"context"
	"testing"
	"time"
)

// TestBucketAIMD: a throttling answer cuts the rate by a fifth (once per
// cooldown), successes climb back to the configured rate and never past
// it, and the floor holds.
func TestBucketAIMD(t *testing.T) {
	b := NewBucket(2, 5)
	b.Throttled()
	if got := b.Rate(); got != 1.6 {
		t.Fatalf("rate after a throttling answer = %v, want 1.6", got)
	}
	b.Throttled() // within the cooldown: put down to the same burst
	if got := b.Rate(); got != 1.6 {
		t.Errorf("rate after a second answer within the cooldown = %v, want 1.6", got)
	}
	for range 100 {
		b.Success()
	}
	if got := b.Rate(); got != 2 {
		t.Errorf("rate after successes = %v, want back at 2", got)
	}
	if b.ThrottledCount() != 2 {
		t.Errorf("throttled count = %d, want 2", b.ThrottledCount())
	}
	low := NewBucket(2, 1)
	for range 1000 {
		low.lastDecrease = time.Time{}
		low.Throttled()
	}
	if got := low.Rate(); got != 2.0/64 {
		t.Errorf("rate after many throttling answers = %v, want the floor %v", got, 2.0/64)
	}
}

// TestBackoff: exponential from base, capped, drawn at random below the
// bound and above zero.
func TestBackoff(t *testing.T) {
	for _, tc := range []struct {
		n     int
		bound time.Duration
	}{{1, time.Second}, {2, 2 * time.Second}, {5, 16 * time.Second}, {6, 20 * time.Second}, {40, 20 * time.Second}, {0, 20 * time.Second}} {
		for range 200 {
			if d := Backoff(tc.n, time.Second, 20*time.Second); d <= 0 || d > tc.bound {
				t.Fatalf("Backoff(%d) = %v, want in (0, %v]", tc.n, d, tc.bound)
			}
		}
	}
}

// TestWaitEndsWithContext: Wait returns the context's error when it ends
// before a token comes.
func TestWaitEndsWithContext(t *testing.T) {
	b := NewBucket(0.001, 1)
	if err := b.Wait(context.Background()); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if err := b.Wait(ctx); err == nil {
		t.Error("Wait with an ended context returned nil")
	}
	if b.Sent() != 1 {
		t.Errorf("sent = %d, want 1", b.Sent())
	}
}

// TestWaitPastDeadline: a token that would come after the deadline ends
// the wait at the deadline, with the context's error.
func TestWaitPastDeadline(t *testing.T) {
	b := NewBucket(0.001, 1)
	if err := b.Wait(context.Background()); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Millisecond)
	defer cancel()
	if err := b.Wait(ctx); err != context.DeadlineExceeded || ctx.Err() == nil {
		t.Errorf("Wait = %v with ctx.Err() = %v; want the deadline, passed", err, ctx.Err())
	}
}

// TestNoRate: a bucket without a rate paces nothing and never blocks.
func TestNoRate(t *testing.T) {
	b := NewBucket(0, 1)
	for range 100 {
		if err := b.Wait(context.Background()); err != nil {
			t.Fatal(err)
		}
	}
	b.Throttled()
	b.Success()
}

// TestThrottledEarly: the first throttling answer since the bucket was
// full keeps the rate (the service's bucket refilled a little later);
// the next one cuts it as Throttled does; a bucket found full again
// forgives one more. Both are counted.
func TestThrottledEarly(t *testing.T) {
	b := NewBucket(1000, 2)
	ctx := context.Background()
	for range 3 {
		if err := b.Wait(ctx); err != nil {
			t.Fatal(err)
		}
	}
	if !b.ThrottledEarly() {
		t.Fatal("the first throttling answer after the burst is not early")
	}
	if got := b.Rate(); got != 1000 {
		t.Fatalf("rate after an early answer = %v, want 1000", got)
	}
	if b.ThrottledEarly() {
		t.Fatal("a second throttling answer is early")
	}
	if got := b.Rate(); got != 800 {
		t.Fatalf("rate after a second answer = %v, want 800", got)
	}
	// Idle until full again (a burst of 2 at 800 a second: 2.5 ms), bounded.
	for i := 0; b.lim.Tokens() < float64(b.lim.Burst()); i++ {
		if i == 1000 {
			t.Fatal("the bucket does not fill up")
		}
		time.Sleep(time.Millisecond)
	}
	if err := b.Wait(ctx); err != nil {
		t.Fatal(err)
	}
	if !b.ThrottledEarly() {
		t.Error("the first throttling answer after the bucket was full again is not early")
	}
	if b.ThrottledCount() != 3 {
		t.Errorf("throttled count = %d, want 3", b.ThrottledCount())
	}
}
