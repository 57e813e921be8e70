package onboard

import (
	"cmp"
	"context"
	"fmt"
	"maps"
	"slices"
	"sync"
	"time"

	"github.com/connectkit/createuser/awsconnect"
	cuerrors "github.com/connectkit/createuser/errors"
	"github.com/connectkit/createuser/user"
)

// Outcome is what Apply reports for a user, after the journal has it.
type Outcome struct {
	// Item is the user.
	Item *Item
	// Event is created, exists, failed or invalid.
	Event Event
	// Settled is true for a created user found after an attempt without
	// an answer (or by an earlier run that died after sending).
	Settled bool
	// Attempts is how many CreateUser requests this run sent for it.
	Attempts int
	// ErrorCode is the service's error code (or the first violation's
	// code) for failed and invalid.
	ErrorCode string
	// ErrorMessage is the service's error message for failed (the
	// violations' fields and rules for invalid), as the journal records
	// it.
	ErrorMessage string
}

// Failure names a user that Apply could not create: where its request
// came from, its username, and the error as the journal records it.
type Failure struct {
	Origin   user.Origin
	Instance string
	Username string
	// Operation is the API's name of the call that failed (CreateUser,
	// an update operation, DeleteUser).
	Operation string
	// ErrorCode is the service's error code (NoAnswer when no attempt
	// got one).
	ErrorCode string
	// ErrorMessage is the service's message, or what went wrong.
	ErrorMessage string
}

// Summary counts what Apply did.
type Summary struct {
	Total   int // users in the plan
	Created int // created by this run (Settled of them after an uncertain attempt)
	Settled int
	Existed int // the instance had them already; not made by this tool
	Done    int // done by an earlier run, per the journal
	// Changed counts users an earlier run made or found for a request
	// that differs from this one (ActionChanged): they exist, unchanged.
	Changed int
	Failed  int
	Invalid int
	Pending int // not finished: interrupted, or a look-up to settle them failed
	// Updated, Unchanged and Deleted count the users of a plan of
	// Applier.Plan brought to the file's state, found as the file asks,
	// and deleted.
	Updated, Unchanged, Deleted int
	// Attempts is the number of CreateUser requests sent, Throttled how
	// many of them were throttled, Uncertain how many got no answer (a
	// network failure or a 5xx).
	Attempts, Throttled, Uncertain int
	Elapsed                        time.Duration
	Interrupted                    bool
	// Failures are the users counted in Failed, in the order of the
	// plan, each with the operation that failed.
	Failures []Failure

	converge bool // a plan of Applier.Plan: String counts updates and deletes
}

// OK reports whether every user of the plan exists now.
func (s *Summary) OK() bool {
	return s.Created+s.Existed+s.Done+s.Changed+s.Updated+s.Unchanged+s.Deleted == s.Total
}

// Rate returns the users created per second of Elapsed.
func (s *Summary) Rate() float64 {
	if s.Elapsed <= 0 {
		return 0
	}
	return float64(s.Created) / s.Elapsed.Seconds()
}

// String is a one-line summary for people.
func (s *Summary) String() string {
	changed := ""
	if s.Changed > 0 {
		changed = fmt.Sprintf(" (%d changed since)", s.Changed)
	}
	converged := ""
	if s.converge {
		converged = fmt.Sprintf("updated %d, deleted %d, unchanged %d, ", s.Updated, s.Deleted, s.Unchanged)
	}
	return fmt.Sprintf("created %d (settled %d), %sexisted %d, already done %d%s, failed %d, invalid %d, pending %d; %d requests, %d throttled, %d without an answer; %s, %.2f users/s",
		s.Created, s.Settled, converged, s.Existed, s.Done, changed, s.Failed, s.Invalid, s.Pending, s.Attempts, s.Throttled, s.Uncertain,
		s.Elapsed.Round(time.Millisecond), s.Rate())
}

// run is the state of one Apply.
type run struct {
	a        *Applier
	converge bool       // a plan of Applier.Plan
	mu       sync.Mutex // guards sum, failed and the observer
	sum      Summary
	failed   []*Item // the users counted in sum.Failed
	err      error   // the first journal error: everything stops
}

// Apply carries out plan (from Check): it records the invalid users, the
// users the instance already had (exists) and those an earlier run made
// (created), then creates the rest at the configured rate, retrying
// throttling, 5xx and network failures with backoff, at most
// WithMaxAttempts times each. Every attempt is in the journal before it
// is sent, every outcome before it is reported.
//
// With invalid users and without WithContinueOnInvalid, Apply records
// them and returns ErrInvalid, creating nothing.
//
// Cancelling ctx stops Apply gracefully: nothing new is started, requests
// in flight finish (each within the request timeout) and are recorded,
// and Apply returns ErrInterrupted. A journal that cannot be written
// stops Apply the same way and is returned.
//
// One Apply at a time uses a journal: while one runs, another Apply with
// the same Journal returns a *JournalLockedError at once, having done
// nothing.
func (a *Applier) Apply(ctx context.Context, plan *Plan) (*Summary, error) {
	start := time.Now()
	r := &run{a: a, converge: plan.Converge}
	r.sum.converge = plan.Converge
	r.sum.Total = len(plan.Items)
	if n := plan.Count(ActionDelete); n > a.cfg.maxDeletes {
		r.sum.Pending = r.sum.Total
		return &r.sum, fmt.Errorf("%w: %d deletes, at most %d", ErrTooManyDeletes, n, a.cfg.maxDeletes)
	}
	release, err := a.cfg.journal.acquire()
	if err != nil {
		r.sum.Pending = r.sum.Total
		return &r.sum, err
	}
	defer release()
	finish := func(err error) (*Summary, error) {
		r.sum.Elapsed = time.Since(start)
		slices.SortStableFunc(r.failed, func(a, b *Item) int { return cmp.Compare(a.index, b.index) })
		for _, it := range r.failed {
			r.sum.Failures = append(r.sum.Failures, Failure{Origin: it.Origin, Instance: it.Instance, Username: it.Username,
				Operation: it.errorOperation, ErrorCode: it.errorCode, ErrorMessage: it.errorMessage})
		}
		r.sum.Throttled = a.throttled()
		if r.err != nil {
			return &r.sum, r.err
		}
		return &r.sum, err
	}
	for _, it := range plan.Items {
		if it.Action == ActionInvalid {
			r.outcome(it, EventInvalid, 0, false, firstErrorCode(it.Violations), violationSummary(it.Violations))
		}
	}
	if r.sum.Invalid > 0 && !a.cfg.continueOnInvalid {
		r.sum.Pending = r.sum.Total - r.sum.Invalid
		return finish(ErrInvalid)
	}
	var todo []*Item
	for _, it := range plan.Items {
		switch it.Action {
		case ActionDone:
			r.count(func(s *Summary) { s.Done++ })
		case ActionChanged:
			r.count(func(s *Summary) { s.Changed++ })
		case ActionExists:
			r.outcome(it, EventExists, 0, false, "", "")
		case ActionSettle:
			r.outcome(it, EventCreated, 0, true, "", "")
		case ActionCreate:
			todo = append(todo, it)
		case ActionUnchanged:
			r.count(func(s *Summary) { s.Unchanged++ })
		}
		if r.converge && it.attempted && (it.Action == ActionUnchanged || it.Action == ActionUpdate) {
			// Created by a run that died after sending: settled.
			digest := it.settleDigest
			if r.journal(it, EventCreated, it.UserId, it.UserArn, "", "", digest) == nil {
				r.count(func(s *Summary) { s.Settled++ })
			}
		}
	}
	if r.err != nil {
		return finish(nil)
	}

	// Workers take users in input order until ctx is done or the
	// journal fails.
	stop, cancel := context.WithCancel(ctx)
	defer cancel()
	dispatched := a.each(stop, cancel, todo, r.createUser)
	r.sum.Pending += len(todo) - dispatched
	// Then the updates, then the deletes.
	for _, phase := range []struct {
		action Action
		fn     func(context.Context, *Item) bool
	}{{ActionUpdate, r.updateUser}, {ActionDelete, r.deleteUser}} {
		var items []*Item
		for _, it := range plan.Items {
			if it.Action == phase.action {
				items = append(items, it)
			}
		}
		n := 0
		if stop.Err() == nil {
			n = a.each(stop, cancel, items, phase.fn)
		}
		r.sum.Pending += len(items) - n
	}
	if ctx.Err() != nil {
		r.sum.Interrupted = true
		return finish(ErrInterrupted)
	}
	return finish(nil)
}

// createUser creates one user; false means the journal failed and the
// run must stop. stop is the run's context: when it is done, no new
// attempt starts, and the user is left pending.
func (r *run) createUser(stop context.Context, it *Item) bool {
	a := r.a
	sdkIn, _ := awsconnect.ToSDK(it.Input)
	sdkIn.InstanceId = &it.Instance
	if r.converge && !a.cfg.noManagedTag {
		tags := maps.Clone(sdkIn.Tags)
		if tags == nil {
			tags = map[string]string{}
		}
		tags[ManagedTagKey] = ManagedTagValue
		sdkIn.Tags = tags
	}
	uncertain := it.attempted
	flight := context.WithoutCancel(stop)
	var code, msg string
	attempts := 0
	// failures counts the attempts that call for a backoff: all but an
	// early throttling answer (pacer.throttledAnswer), after which the
	// next token is enough.
	failures, early := 0, false
	for n := 1; n <= a.cfg.maxAttempts; n++ {
		if n > 1 && !early && !sleep(stop, backoff(failures, a.cfg.backoffBase, a.cfg.maxBackoff)) {
			return r.pending(it, attempts)
		}
		if a.create.wait(stop) != nil {
			return r.pending(it, attempts)
		}
		if err := r.journal(it, EventAttempt, "", "", "", "", it.digest); err != nil {
			return false
		}
		attempts++
		r.count(func(s *Summary) { s.Attempts++ })
		cctx, cancel := context.WithTimeout(flight, a.cfg.requestTimeout)
		out, err := a.api.CreateUser(cctx, sdkIn, noSDKRetries)
		cancel()
		var ans answer
		ans, code, msg = classify(err)
		switch ans {
		case answerOK:
			a.create.success()
			if out.UserId != nil {
				it.UserId = *out.UserId
			}
			if out.UserArn != nil {
				it.UserArn = *out.UserArn
			}
			return r.outcome(it, EventCreated, attempts, false, "", "")
		case answerDuplicate:
			a.create.success()
			return r.settle(flight, it, attempts, uncertain, code, msg)
		case answerThrottled:
			if early = a.create.throttledAnswer(); !early {
				failures++
			}
		case answerServer, answerNone:
			early = false
			failures++
			uncertain = true
			r.count(func(s *Summary) { s.Uncertain++ })
		default:
			a.create.success()
			return r.outcome(it, EventFailed, attempts, false, code, msg)
		}
		if stop.Err() != nil {
			return r.pending(it, attempts)
		}
	}
	if uncertain {
		// Out of attempts after one without an answer: the user may
		// exist. Ask before reporting a failure.
		u, ok, err := a.reader.SearchUser(flight, it.Instance, it.Username)
		if err != nil {
			return r.pending(it, attempts)
		}
		if ok {
			it.UserId, it.UserArn = u.ID, u.ARN
			return r.outcome(it, EventCreated, attempts, true, "", "")
		}
	}
	return r.outcome(it, EventFailed, attempts, false, code, fmt.Sprintf("gave up after %d attempts: %s", attempts, msg))
}

// settle resolves a DuplicateResourceException: after an attempt that
// may have created the user, the user found is ours (created);
// otherwise someone else made it (exists).
func (r *run) settle(ctx context.Context, it *Item, attempts int, uncertain bool, code, msg string) bool {
	u, ok, err := r.a.reader.SearchUser(ctx, it.Instance, it.Username)
	if err != nil {
		return r.pending(it, attempts)
	}
	if !ok {
		return r.outcome(it, EventFailed, attempts, false, code, "the service reports the user as existing, but SearchUsers does not find it: "+msg)
	}
	it.UserId, it.UserArn = u.ID, u.ARN
	if uncertain {
		return r.outcome(it, EventCreated, attempts, true, "", "")
	}
	return r.outcome(it, EventExists, attempts, false, "", "")
}

// pending leaves a user without an outcome; it is settled by the next run.
func (r *run) pending(*Item, int) bool {
	r.count(func(s *Summary) { s.Pending++ })
	return true
}

// count changes the summary under the lock.
func (r *run) count(f func(*Summary)) {
	r.mu.Lock()
	f(&r.sum)
	r.mu.Unlock()
}

// journal writes one record of it.
func (r *run) journal(it *Item, ev Event, id, arn, code, msg, digest string) error {
	err := r.a.cfg.journal.Write(Record{
		Source: it.Origin.Source, Line: it.Origin.Line, Instance: it.Instance, Username: it.Username,
		Event: ev, Operation: OpCreateUser, UserId: id, UserArn: arn, ErrorCode: code, ErrorMessage: msg, Digest: digest,
	})
	if err != nil {
		r.mu.Lock()
		if r.err == nil {
			r.err = err
		}
		r.mu.Unlock()
	}
	return err
}

// outcome records an outcome in the journal, then counts and reports it;
// false means the journal failed.
func (r *run) outcome(it *Item, ev Event, attempts int, settled bool, code, msg string) bool {
	digest := ""
	switch {
	case ev == EventCreated && it.Action == ActionSettle && it.settleDigest != "":
		// Made by an earlier run's attempt: the request that attempt sent.
		digest = it.settleDigest
	case ev == EventCreated || ev == EventExists:
		digest = it.digest
	}
	if err := r.journal(it, ev, it.UserId, it.UserArn, code, msg, digest); err != nil {
		return false
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	switch ev {
	case EventCreated:
		r.sum.Created++
		if settled {
			r.sum.Settled++
		}
	case EventExists:
		r.sum.Existed++
	case EventFailed:
		r.sum.Failed++
		it.errorOperation, it.errorCode, it.errorMessage = OpCreateUser, code, msg
		r.failed = append(r.failed, it)
	case EventInvalid:
		r.sum.Invalid++
	}
	if r.a.cfg.observe != nil {
		r.a.cfg.observe(Outcome{Item: it, Event: ev, Settled: settled, Attempts: attempts, ErrorCode: code, ErrorMessage: msg})
	}
	return true
}

// firstErrorCode returns the code of the first error of l.
func firstErrorCode(l cuerrors.List) string {
	for _, v := range l {
		if v.Severity == cuerrors.SeverityError {
			return string(v.Code)
		}
	}
	return ""
}

// violationSummary lists the errors of l as "field: rule", which carry
// no sensitive value.
func violationSummary(l cuerrors.List) string {
	s := ""
	for _, v := range l {
		if v.Severity != cuerrors.SeverityError {
			continue
		}
		if s != "" {
			s += "; "
		}
		s += v.Field.String() + ": " + v.Rule
	}
	return s
}
