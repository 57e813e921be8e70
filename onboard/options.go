package onboard

import (
	"time"

	"github.com/connectkit/createuser/awsconnect"
)

// Defaults of an Applier: the service's default quota for CreateUser
// (2 per second, a burst of 5), and the AWS SDKs' cap on backoff.
const (
	DefaultRate           = 2.0
	DefaultBurst          = 5
	DefaultMaxAttempts    = 10
	DefaultBackoffBase    = time.Second
	DefaultMaxBackoff     = 20 * time.Second
	DefaultConcurrency    = 4
	DefaultRequestTimeout = 30 * time.Second
)

type config struct {
	rate, lookupRate   float64
	burst, lookupBurst int
	maxAttempts        int
	backoffBase        time.Duration
	maxBackoff         time.Duration
	concurrency        int
	requestTimeout     time.Duration
	continueOnInvalid  bool
	instanceID         string
	journal            *Journal
	observe            func(Outcome)
	reader             *awsconnect.Reader
	prune              bool
	maxDeletes         int
	noManagedTag       bool
}

// newConfig applies opts over the defaults.
func newConfig(opts []Option) config {
	cfg := defaults()
	for _, o := range opts {
		if o != nil {
			o(&cfg)
		}
	}
	return cfg
}

// readerFor returns the reader of WithReader, or a new one through api
// with the look-up settings.
func (c *config) readerFor(api awsconnect.ReadAPI) *awsconnect.Reader {
	if c.reader != nil {
		return c.reader
	}
	return awsconnect.NewReader(api,
		awsconnect.WithReadRate(c.lookupRate, c.lookupBurst),
		awsconnect.WithMaxAttempts(c.maxAttempts),
		awsconnect.WithBackoff(c.backoffBase, c.maxBackoff),
		awsconnect.WithRequestTimeout(c.requestTimeout))
}

func defaults() config {
	return config{
		rate: DefaultRate, burst: DefaultBurst,
		lookupRate: DefaultRate, lookupBurst: DefaultBurst,
		maxAttempts: DefaultMaxAttempts,
		backoffBase: DefaultBackoffBase, maxBackoff: DefaultMaxBackoff,
		concurrency: DefaultConcurrency, requestTimeout: DefaultRequestTimeout,
	}
}

// Option configures an Applier.
type Option func(*config)

// WithRate sets at most how many CreateUser calls a second are sent, and
// the burst of the token bucket (defaults 2 and 5). The rate falls on
// throttling and climbs back to it. Values below the minimum (a rate of
// zero or less, a burst below 1) keep the default.
func WithRate(perSecond float64, burst int) Option {
	return func(c *config) {
		if perSecond > 0 {
			c.rate = perSecond
		}
		if burst >= 1 {
			c.burst = burst
		}
	}
}

// WithLookupRate sets the token buckets of look-ups (DescribeInstance,
// listings, SearchUsers: one bucket per operation, in package
// awsconnect's paced reader), which are separate from CreateUser's
// (defaults 2 and 5, the service's default quota per operation). It has
// no effect with WithReader.
func WithLookupRate(perSecond float64, burst int) Option {
	return func(c *config) {
		if perSecond > 0 {
			c.lookupRate = perSecond
		}
		if burst >= 1 {
			c.lookupBurst = burst
		}
	}
}

// WithMaxAttempts sets how many times a user's CreateUser (and each
// look-up) is tried at most (default 10).
func WithMaxAttempts(n int) Option {
	return func(c *config) {
		if n >= 1 {
			c.maxAttempts = n
		}
	}
}

// WithBackoff sets the backoff between attempts: base doubles with each
// failed attempt up to maxDelay, and the wait is drawn uniformly below
// that (defaults 1 s and 20 s).
func WithBackoff(base, maxDelay time.Duration) Option {
	return func(c *config) {
		if base > 0 {
			c.backoffBase = base
		}
		if maxDelay > 0 {
			c.maxBackoff = maxDelay
		}
	}
}

// WithConcurrency sets how many users are worked on at once (default 4);
// the rate still bounds how many requests are sent.
func WithConcurrency(n int) Option {
	return func(c *config) {
		if n >= 1 {
			c.concurrency = n
		}
	}
}

// WithRequestTimeout bounds each request (default 30 s). A CreateUser
// that times out counts as an attempt without an answer; a look-up that
// times out fails (see awsconnect.WithRequestTimeout).
func WithRequestTimeout(d time.Duration) Option {
	return func(c *config) {
		if d > 0 {
			c.requestTimeout = d
		}
	}
}

// WithContinueOnInvalid creates the valid users even when some requests
// are invalid; without it, one invalid request means nothing is created.
func WithContinueOnInvalid() Option {
	return func(c *config) { c.continueOnInvalid = true }
}

// WithInstanceID fills in the instance of requests that have none; a
// request's own InstanceId wins.
func WithInstanceID(id string) Option {
	return func(c *config) { c.instanceID = id }
}

// WithJournal records every attempt and outcome in j, and resumes from
// what j holds (see Applier.Check).
func WithJournal(j *Journal) Option {
	return func(c *config) { c.journal = j }
}

// WithObserver calls fn after each outcome is in the journal, one call
// at a time, for progress reports.
func WithObserver(fn func(Outcome)) Option {
	return func(c *config) { c.observe = fn }
}

// WithReader makes every look-up go through r, package awsconnect's paced
// reader (its buckets, retries, timeouts and cache), shared with the
// program's other look-ups; WithLookupRate and the look-ups' share of
// WithMaxAttempts, WithBackoff and WithRequestTimeout are then r's own.
func WithReader(r *awsconnect.Reader) Option {
	return func(c *config) { c.reader = r }
}

// WithPrune makes Applier.Plan delete the users of the instance that the
// file does not name and that carry the tag managed-by=connectuser; never
// another user.
func WithPrune() Option {
	return func(c *config) { c.prune = true }
}

// WithMaxDeletes lets Apply send at most n DeleteUser calls (default 0):
// a plan with more deletes is refused before anything is sent.
func WithMaxDeletes(n int) Option {
	return func(c *config) {
		if n >= 0 {
			c.maxDeletes = n
		}
	}
}

// WithoutManagedTag makes Apply create users without the tag
// managed-by=connectuser, which a prune needs to delete them.
func WithoutManagedTag() Option {
	return func(c *config) { c.noManagedTag = true }
}
