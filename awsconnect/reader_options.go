package awsconnect

import "time"

// WithReader makes an [InstanceChecker] or a [Resolver] read through r
// (its pacing and its cache) instead of a reader of its own, so that
// every look-up of a program shares one reader per client; the client
// given to them is then not used. The pre-flight ([WithPreflight])
// ignores it: it follows each call's endpoint and credentials with
// readers of its own.
func WithReader(r *Reader) Option {
	return func(s *settings) { s.cache.shared = r }
}

// WithReadRate sets the token bucket of every read operation: perSecond
// requests a second with bursts of burst (defaults [DefaultReadRate] and
// [DefaultReadBurst], the service's default quota). Values below the
// minimum (a rate of zero or less, a burst below 1) keep the default.
func WithReadRate(perSecond float64, burst int) Option {
	return func(s *settings) {
		if perSecond > 0 {
			s.cache.rate = perSecond
		}
		if burst >= 1 {
			s.cache.burst = burst
		}
	}
}

// WithOperationRate sets the token bucket of one operation (its name,
// such as "SearchUsers"), for an account whose quota for it was raised.
func WithOperationRate(operation string, perSecond float64, burst int) Option {
	return func(s *settings) {
		if perSecond <= 0 || burst < 1 {
			return
		}
		m := make(map[string]opRate, len(s.cache.opRates)+1)
		for k, v := range s.cache.opRates {
			m[k] = v
		}
		m[operation] = opRate{rate: perSecond, burst: burst}
		s.cache.opRates = m
	}
}

// WithRequestTimeout bounds each request (default
// [DefaultRequestTimeout]); a request without an answer in time fails
// with a [*TimeoutError] and is not retried. A d of zero or less keeps
// the default.
func WithRequestTimeout(d time.Duration) Option {
	return func(s *settings) {
		if d > 0 {
			s.cache.timeout = d
		}
	}
}

// WithMaxAttempts sets how many times a call is sent at most (default
// [DefaultMaxAttempts]); 1 means no retry. Values below 1 keep the
// default.
func WithMaxAttempts(n int) Option {
	return func(s *settings) {
		if n >= 1 {
			s.cache.maxAttempts = n
		}
	}
}

// WithBackoff sets the backoff between attempts: base doubles with each
// failed attempt up to maxDelay, and the wait is drawn uniformly below
// that (defaults [DefaultBackoffBase] and [DefaultMaxBackoff]). Values of
// zero or less keep the default.
func WithBackoff(base, maxDelay time.Duration) Option {
	return func(s *settings) {
		if base > 0 {
			s.cache.backoffBase = base
		}
		if maxDelay > 0 {
			s.cache.maxBackoff = maxDelay
		}
	}
}

// WithRetryTime bounds the time one call spends retrying (default
// [DefaultRetryTime]): no retry starts whose backoff would end after it.
// A d of zero or less keeps the default.
func WithRetryTime(d time.Duration) Option {
	return func(s *settings) {
		if d > 0 {
			s.cache.retryTime = d
		}
	}
}

// WithCallObserver calls fn after each attempt of every call the reader
// sends, from the goroutine that sent it (concurrently for concurrent
// callers): for progress reports and logs.
func WithCallObserver(fn func(CallEvent)) Option {
	return func(s *settings) { s.cache.observer = fn }
}
