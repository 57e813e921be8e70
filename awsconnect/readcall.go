package awsconnect

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"sync"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/connect"
	"github.com/aws/smithy-go"
	smithyhttp "github.com/aws/smithy-go/transport/http"

	"github.com/connectkit/createuser/internal/pace"
)

// The pacing defaults of a [Reader]: the service's default quota of each
// read operation (2 requests a second, a burst of 5), and retries as the
// AWS SDKs' standard retryer makes them (exponential backoff with full
// jitter, capped at 20 s), bounded in count and in time.
const (
	DefaultReadRate       = 2.0
	DefaultReadBurst      = 5
	DefaultRequestTimeout = 30 * time.Second
	DefaultMaxAttempts    = 10
	DefaultBackoffBase    = time.Second
	DefaultMaxBackoff     = 20 * time.Second
	DefaultRetryTime      = 2 * time.Minute
)

// CallEvent is what a [Reader] reports of each answer (or failure) of a
// call it sends, to an observer given with [WithCallObserver].
type CallEvent struct {
	// Operation is the call's name, such as "ListUsers".
	Operation string
	// InstanceId is the instance it reads.
	InstanceId string
	// Attempt counts the attempts of this call, from 1.
	Attempt int
	// Throttled is true for a throttling answer (it is retried).
	Throttled bool
	// Err is the attempt's error; nil for an answer.
	Err error
}

// CallStats counts what a [Reader] sent of one operation.
type CallStats struct {
	// Calls is the number of requests sent, retries included.
	Calls int
	// Throttled is how many of them were answered with throttling.
	Throttled int
	// Failed is how many calls failed for good (after their retries).
	Failed int
}

// pacing holds a reader's token buckets, one per operation, and counts.
type pacing struct {
	mu      sync.Mutex
	buckets map[string]*pace.Bucket
	stats   map[string]*CallStats
}

func (p *pacing) bucket(cfg *lookupConfig, op string) *pace.Bucket {
	p.mu.Lock()
	defer p.mu.Unlock()
	if b, ok := p.buckets[op]; ok {
		return b
	}
	r, burst := cfg.rate, cfg.burst
	if q, ok := cfg.opRates[op]; ok {
		r, burst = q.rate, q.burst
	}
	b := pace.NewBucket(r, burst)
	if p.buckets == nil {
		p.buckets = map[string]*pace.Bucket{}
	}
	p.buckets[op] = b
	return b
}

func (p *pacing) count(op string, f func(*CallStats)) {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.stats == nil {
		p.stats = map[string]*CallStats{}
	}
	s, ok := p.stats[op]
	if !ok {
		s = &CallStats{}
		p.stats[op] = s
	}
	f(s)
}

func (p *pacing) snapshot() map[string]CallStats {
	p.mu.Lock()
	defer p.mu.Unlock()
	out := make(map[string]CallStats, len(p.stats))
	for op, s := range p.stats {
		out[op] = *s
	}
	return out
}

// noSDKRetries turns the SDK's own retries off for one call: the reader
// retries by itself, through its token buckets, so that a throttled call
// slows the whole reader down and no retry is doubled.
func noSDKRetries(o *connect.Options) { o.Retryer = aws.NopRetryer{} }

// errRetryBudget says why a call stopped being retried before its
// attempts ran out.
var errRetryBudget = errors.New("the retries' time budget is spent")

// send makes one call (op, reading instance) through its operation's
// token bucket: each attempt waits for a token, is bounded by the request
// timeout, and is retried after a throttling answer, a 5xx or a failed
// connection, with backoff, at most maxAttempts times and within the
// retry time. A request that gets no answer within the request timeout is
// not retried: the endpoint is silent, and waiting again only delays the
// failure. ctx bounds everything (the command's deadline). The error is
// the last attempt's, as the SDK returned it.
func send[O any](ctx context.Context, l *lookups, op, instance string, fn func(context.Context, func(*connect.Options)) (*O, error)) (*O, error) {
	cfg := &l.cfg
	b := l.pace.bucket(cfg, op)
	start := time.Now()
	var err error
	// failures counts the attempts that call for a backoff: every failure
	// but a first throttling answer, after which waiting for the
	// (slowed-down) bucket is enough: the answer says the call came a
	// little early, which the first call after a burst does when the first
	// request's connection took longer than the later ones.
	failures := 0
	// refund: the last attempt was a first throttling answer, which the
	// service did not count against the quota; its token is not charged
	// again: the retry waits an eighth of the interval between tokens
	// instead of a whole one, so that a call that came a few
	// milliseconds early costs no more than that.
	refund := false
	for n := 1; n <= cfg.maxAttempts; n++ {
		if refund {
			if !pace.Sleep(ctx, time.Duration(float64(time.Second)/(8*b.Rate()))) {
				err = ctx.Err()
				break
			}
		} else if failures > 0 {
			d := pace.Backoff(failures, cfg.backoffBase, cfg.maxBackoff)
			if time.Since(start)+d > cfg.retryTime {
				err = fmt.Errorf("%w (%s) after %d attempts: %w", errRetryBudget, cfg.retryTime, n-1, err)
				break
			}
			if !pace.Sleep(ctx, d) {
				err = ctx.Err()
				break
			}
		}
		if !refund {
			if werr := b.Wait(ctx); werr != nil {
				err = werr
				if ctx.Err() != nil {
					err = ctx.Err()
				}
				break
			}
		}
		refund = false
		l.pace.count(op, func(s *CallStats) { s.Calls++ })
		cctx, cancel := context.WithTimeout(ctx, cfg.timeout)
		var out *O
		out, err = fn(cctx, noSDKRetries)
		timedOut := err != nil && ctx.Err() == nil && cctx.Err() != nil
		cancel()
		kind := classifyRead(err)
		l.observe(CallEvent{Operation: op, InstanceId: instance, Attempt: n, Throttled: kind == readThrottled, Err: err})
		switch {
		case kind == readOK:
			b.Success()
			return out, nil
		case kind == readThrottled:
			b.Throttled()
			l.pace.count(op, func(s *CallStats) { s.Throttled++ })
			if n > 1 {
				failures++
			} else {
				refund = true
			}
			continue
		case ctx.Err() != nil:
			err = ctx.Err()
		case timedOut:
			err = &TimeoutError{Limit: cfg.timeout, Err: err}
		case kind == readRetry:
			b.Success()
			failures++
			continue
		default:
			b.Success()
		}
		break
	}
	l.pace.count(op, func(s *CallStats) { s.Failed++ })
	if ctx.Err() != nil && errors.Is(err, ctx.Err()) {
		err = ctxErr(ctx)
	}
	return nil, err
}

// ctxErr returns why ctx is done: its error, with its cause when one was
// given (context.WithTimeoutCause: "the --deadline of 5m passed").
func ctxErr(ctx context.Context) error {
	err := ctx.Err()
	if cause := context.Cause(ctx); cause != nil && cause != err {
		return fmt.Errorf("%w (%w)", err, cause)
	}
	return err
}

// TimeoutError reports a request that got no answer within the request
// timeout ([WithRequestTimeout]); it is not retried.
type TimeoutError struct {
	// Limit is the request timeout.
	Limit time.Duration
	// Err is the SDK's error.
	Err error
}

// Error says how long the request waited.
func (e *TimeoutError) Error() string {
	return fmt.Sprintf("no answer within the request timeout (%s)", e.Limit)
}

// Unwrap returns Err.
func (e *TimeoutError) Unwrap() error { return e.Err }

// Timeout reports true (net.Error's way of saying so).
func (e *TimeoutError) Timeout() bool { return true }

// readKind is what a read call's error means for a retry.
type readKind int

const (
	readOK        readKind = iota
	readThrottled          // slow down and retry
	readRetry              // a 5xx or a failed connection: retry
	readFinal              // an answer that a retry would not change
)

// classifyRead sorts a read call's error.
func classifyRead(err error) readKind {
	if err == nil {
		return readOK
	}
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return readFinal
	}
	var ne net.Error
	if errors.As(err, &ne) || errors.Is(err, net.ErrClosed) || errors.Is(err, io.ErrUnexpectedEOF) {
		// The answer was cut short while its body was read (the status
		// may say 200; aws-sdk-go-v2 issue 2737, "use of closed network
		// connection", which the SDK's standard retryer retries too): no
		// answer. A read is safe to send again.
		return readRetry
	}
	status := 0
	var re *smithyhttp.ResponseError
	if errors.As(err, &re) && re.Response != nil {
		status = re.HTTPStatusCode()
	}
	var ae smithy.APIError
	if errors.As(err, &ae) {
		switch code := ae.ErrorCode(); {
		case code == "ThrottlingException" || code == "TooManyRequestsException" ||
			(status == http.StatusTooManyRequests && code != "LimitExceededException"):
			return readThrottled
		case status >= 500 || code == "InternalServiceException" || code == "ServiceUnavailableException":
			return readRetry
		case status == 0 && ae.ErrorFault() == smithy.FaultServer:
			return readRetry
		}
		return readFinal
	}
	if status == http.StatusTooManyRequests {
		return readThrottled
	}
	if status >= 500 {
		return readRetry
	}
	if status != 0 {
		return readFinal
	}
	// No answer: the connection failed or was cut short. A read is safe
	// to send again.
	return readRetry
}
