package awsconnect

import (
	"context"
	"errors"
	"sync"
	"time"
)

// flightCache remembers look-ups by key for a time. The first caller for a
// key fetches; every caller that arrives meanwhile waits for that fetch
// instead of starting its own (single flight). A value is kept for ttl
// (ttl == 0: only shared while in flight; ttl < 0: for ever); a failed
// fetch is never kept, so the next call tries again.
type flightCache[V any] struct {
	mu      sync.Mutex
	entries map[string]*flightEntry[V]
}

// flightEntry is one key's fetch; val, err and at are set before done is
// closed and never change afterwards.
type flightEntry[V any] struct {
	done chan struct{}
	val  V
	err  error
	at   time.Time
	// abandoned is set when the fetch failed because its own caller's
	// context ended: the callers waiting on it try again with theirs.
	abandoned bool
}

// get returns the value of key, calling fetch at most once at a time per
// key. A caller stops waiting when its ctx ends.
func (c *flightCache[V]) get(ctx context.Context, key string, ttl time.Duration, fetch func(context.Context) (V, error)) (V, error) {
	const maxRounds = 1000 // each round needs an abandoned fetch; bounded all the same
	for range maxRounds {
		c.mu.Lock()
		e, ok := c.entries[key]
		if ok && ttl >= 0 && isDone(e.done) && time.Since(e.at) >= ttl {
			delete(c.entries, key)
			ok = false
		}
		if !ok {
			e = &flightEntry[V]{done: make(chan struct{})}
			if c.entries == nil {
				c.entries = make(map[string]*flightEntry[V])
			}
			c.entries[key] = e
			c.mu.Unlock()
			c.fill(ctx, key, ttl, e, fetch)
			return e.val, e.err
		}
		c.mu.Unlock()
		select {
		case <-e.done:
			if e.abandoned {
				continue
			}
			return e.val, e.err
		case <-ctx.Done():
			var zero V
			return zero, ctxErr(ctx)
		}
	}
	var zero V
	return zero, errors.New("awsconnect: look-up abandoned too often")
}

// forget drops what is kept for key; a fetch in flight completes for its
// callers but is not kept.
func (c *flightCache[V]) forget(key string) {
	c.mu.Lock()
	delete(c.entries, key)
	c.mu.Unlock()
}

// fill runs fetch for e, drops e when it fails (or ttl is 0), and releases
// the waiters even if fetch panics.
func (c *flightCache[V]) fill(ctx context.Context, key string, ttl time.Duration, e *flightEntry[V], fetch func(context.Context) (V, error)) {
	completed := false
	defer func() {
		if !completed {
			e.err, e.abandoned = errors.New("look-up did not complete"), true
		}
		if e.err != nil || ttl == 0 {
			c.mu.Lock()
			if c.entries[key] == e {
				delete(c.entries, key)
			}
			c.mu.Unlock()
		}
		close(e.done)
	}()
	e.val, e.err = fetch(ctx)
	e.at = time.Now()
	e.abandoned = e.err != nil && ctx.Err() != nil
	completed = true
}

func isDone(ch chan struct{}) bool {
	select {
	case <-ch:
		return true
	default:
		return false
	}
}
