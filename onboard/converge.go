package onboard

import (
	"context"
	"errors"
	"fmt"
	"maps"
	"slices"
	"sync"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/connect"

	"github.com/connectkit/createuser/awsconnect"
	"github.com/connectkit/createuser/user"
)

// ErrTooManyDeletes is returned by Apply, before it sends anything, for
// a plan with more deletes than WithMaxDeletes allows (default 0).
var ErrTooManyDeletes = errors.New("onboard: the plan deletes more users than allowed (WithMaxDeletes); nothing was sent")

// pacerFor returns the token bucket of op: each operation has its own,
// as the service's quotas are per operation.
func (a *Applier) pacerFor(op string) *pacer {
	if op == OpCreateUser {
		return a.create
	}
	a.pacersMu.Lock()
	defer a.pacersMu.Unlock()
	if a.pacers == nil {
		a.pacers = map[string]*pacer{}
	}
	p := a.pacers[op]
	if p == nil {
		p = newPacer(a.cfg.rate, a.cfg.burst)
		a.pacers[op] = p
	}
	return p
}

// throttled returns how many answers of every operation were throttled.
func (a *Applier) throttled() int {
	n := a.create.throttled.Load()
	a.pacersMu.Lock()
	defer a.pacersMu.Unlock()
	for _, p := range a.pacers {
		n += p.throttled.Load()
	}
	return int(n)
}

// sendResult is how a call ended after its retries.
type sendResult int

const (
	sendDone          sendResult = iota // carried out
	sendGone                            // ResourceNotFoundException: the user is gone
	sendFailed                          // refused, or out of attempts
	sendPending                         // the run was stopped first
	sendJournalFailed                   // the journal could not be written: stop
)

// send sends one call of op for it, paced by op's token bucket, retrying
// throttling, 5xx and network failures with backoff, each attempt
// written to the journal before it is sent. Update operations set
// values and DeleteUser removes, so a call after an attempt that got no
// answer is simply sent again.
func (r *run) send(stop context.Context, it *Item, op string, call func(context.Context) error) (res sendResult, uncertain bool, code, msg string) {
	a := r.a
	p := a.pacerFor(op)
	flight := context.WithoutCancel(stop)
	attempts := 0
	// failures counts the attempts that call for a backoff: all but an
	// early throttling answer (pacer.throttledAnswer), after which the
	// next token is enough.
	failures, early := 0, false
	for n := 1; n <= a.cfg.maxAttempts; n++ {
		if n > 1 && !early && !sleep(stop, backoff(failures, a.cfg.backoffBase, a.cfg.maxBackoff)) {
			return sendPending, uncertain, code, msg
		}
		if p.wait(stop) != nil {
			return sendPending, uncertain, code, msg
		}
		if err := r.journalOp(it, EventAttempt, op, "", ""); err != nil {
			return sendJournalFailed, uncertain, code, msg
		}
		attempts++
		r.count(func(s *Summary) { s.Attempts++ })
		cctx, cancel := context.WithTimeout(flight, a.cfg.requestTimeout)
		err := call(cctx)
		cancel()
		var ans answer
		ans, code, msg = classify(err)
		switch ans {
		case answerOK:
			p.success()
			return sendDone, uncertain, "", ""
		case answerNotFound:
			p.success()
			return sendGone, uncertain, code, msg
		case answerThrottled:
			if early = p.throttledAnswer(); !early {
				failures++
			}
		case answerServer, answerNone:
			early = false
			failures++
			uncertain = true
			r.count(func(s *Summary) { s.Uncertain++ })
		default:
			p.success()
			return sendFailed, uncertain, code, msg
		}
		if stop.Err() != nil {
			return sendPending, uncertain, code, msg
		}
	}
	return sendFailed, uncertain, code, fmt.Sprintf("gave up after %d attempts: %s", attempts, msg)
}

// updateUser sends the changes of an update, in order; false means the
// journal failed and the run must stop.
func (r *run) updateUser(stop context.Context, it *Item) bool {
	for _, c := range it.Changes {
		call, err := r.a.changeCall(it, c)
		if err != nil {
			return r.failOp(it, c.Operation, "InvalidPlan", err.Error())
		}
		res, _, code, msg := r.send(stop, it, c.Operation, call)
		switch res {
		case sendDone:
			if err := r.journalOp(it, EventUpdated, c.Operation, "", ""); err != nil {
				return false
			}
		case sendGone, sendFailed:
			return r.failOp(it, c.Operation, code, msg)
		case sendPending:
			return r.pending(it, 0)
		case sendJournalFailed:
			return false
		}
	}
	r.done(it, EventUpdated)
	return true
}

// deleteUser sends DeleteUser; a user found gone after an attempt that
// got no answer was deleted by it.
func (r *run) deleteUser(stop context.Context, it *Item) bool {
	in := &connect.DeleteUserInput{InstanceId: aws.String(it.Instance), UserId: aws.String(it.UserId)}
	res, _, code, msg := r.send(stop, it, OpDeleteUser, func(ctx context.Context) error {
		_, err := r.a.api.DeleteUser(ctx, in, noSDKRetries)
		return err
	})
	switch res {
	case sendDone, sendGone:
		// Gone is the state the plan asks for, whoever removed it.
		if err := r.journalOp(it, EventDeleted, OpDeleteUser, "", ""); err != nil {
			return false
		}
		r.done(it, EventDeleted)
		return true
	case sendFailed:
		return r.failOp(it, OpDeleteUser, code, msg)
	case sendPending:
		return r.pending(it, 0)
	}
	return false
}

// done counts a user brought to its state and reports it.
func (r *run) done(it *Item, ev Event) {
	r.mu.Lock()
	defer r.mu.Unlock()
	switch ev {
	case EventUpdated:
		r.sum.Updated++
	case EventDeleted:
		r.sum.Deleted++
	}
	if r.a.cfg.observe != nil {
		r.a.cfg.observe(Outcome{Item: it, Event: ev})
	}
}

// failOp records a failed operation; false means the journal failed.
func (r *run) failOp(it *Item, op, code, msg string) bool {
	if err := r.journalOp(it, EventFailed, op, code, msg); err != nil {
		return false
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	r.sum.Failed++
	it.errorOperation, it.errorCode, it.errorMessage = op, code, msg
	r.failed = append(r.failed, it)
	if r.a.cfg.observe != nil {
		r.a.cfg.observe(Outcome{Item: it, Event: EventFailed, ErrorCode: code})
	}
	return true
}

// journalOp writes one record of an update operation or a delete.
func (r *run) journalOp(it *Item, ev Event, op, code, msg string) error {
	err := r.a.cfg.journal.Write(Record{
		Source: it.Origin.Source, Line: it.Origin.Line, Instance: it.Instance, Username: it.Username,
		Event: ev, Operation: op, UserId: it.UserId, UserArn: it.UserArn, ErrorCode: code, ErrorMessage: msg,
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

// changeCall returns the call that carries out c for it.
func (a *Applier) changeCall(it *Item, c Change) (func(context.Context) error, error) {
	inst, uid := aws.String(it.Instance), aws.String(it.UserId)
	req := c.Request
	if req == nil && c.Operation != OpUntagResource {
		return nil, fmt.Errorf("%s without its request", c.Operation)
	}
	var sdk *connect.CreateUserInput
	if req != nil {
		sdk, _ = awsconnect.ToSDK(req)
	}
	api := a.api
	switch c.Operation {
	case OpUpdateUserIdentityInfo:
		in := &connect.UpdateUserIdentityInfoInput{InstanceId: inst, UserId: uid, IdentityInfo: sdk.IdentityInfo}
		return func(ctx context.Context) error {
			_, err := api.UpdateUserIdentityInfo(ctx, in, noSDKRetries)
			return err
		}, nil
	case OpUpdateUserPhoneConfig:
		in := &connect.UpdateUserPhoneConfigInput{InstanceId: inst, UserId: uid, PhoneConfig: sdk.PhoneConfig}
		return func(ctx context.Context) error {
			_, err := api.UpdateUserPhoneConfig(ctx, in, noSDKRetries)
			return err
		}, nil
	case OpUpdateUserConfig:
		in := &connect.UpdateUserConfigInput{InstanceId: inst, UserId: uid,
			AutoAcceptConfigs: sdk.AutoAcceptConfigs, AfterContactWorkConfigs: sdk.AfterContactWorkConfigs,
			PhoneNumberConfigs: sdk.PhoneNumberConfigs, PersistentConnectionConfigs: sdk.PersistentConnectionConfigs,
			VoiceEnhancementConfigs: sdk.VoiceEnhancementConfigs}
		return func(ctx context.Context) error { _, err := api.UpdateUserConfig(ctx, in, noSDKRetries); return err }, nil
	case OpUpdateUserRoutingProfile:
		in := &connect.UpdateUserRoutingProfileInput{InstanceId: inst, UserId: uid, RoutingProfileId: aws.String(req.RoutingProfileId)}
		return func(ctx context.Context) error {
			_, err := api.UpdateUserRoutingProfile(ctx, in, noSDKRetries)
			return err
		}, nil
	case OpUpdateUserSecurityProfiles:
		in := &connect.UpdateUserSecurityProfilesInput{InstanceId: inst, UserId: uid, SecurityProfileIds: slices.Clone(req.SecurityProfileIds)}
		return func(ctx context.Context) error {
			_, err := api.UpdateUserSecurityProfiles(ctx, in, noSDKRetries)
			return err
		}, nil
	case OpUpdateUserHierarchy:
		in := &connect.UpdateUserHierarchyInput{InstanceId: inst, UserId: uid, HierarchyGroupId: req.HierarchyGroupId}
		return func(ctx context.Context) error { _, err := api.UpdateUserHierarchy(ctx, in, noSDKRetries); return err }, nil
	case OpTagResource:
		if it.UserArn == "" {
			return nil, errors.New("TagResource without the user's ARN")
		}
		in := &connect.TagResourceInput{ResourceArn: aws.String(it.UserArn), Tags: maps.Clone(req.Tags)}
		return func(ctx context.Context) error { _, err := api.TagResource(ctx, in, noSDKRetries); return err }, nil
	case OpUntagResource:
		if it.UserArn == "" {
			return nil, errors.New("UntagResource without the user's ARN")
		}
		in := &connect.UntagResourceInput{ResourceArn: aws.String(it.UserArn), TagKeys: slices.Clone(c.TagKeys)}
		return func(ctx context.Context) error { _, err := api.UntagResource(ctx, in, noSDKRetries); return err }, nil
	}
	return nil, fmt.Errorf("unknown operation %q", c.Operation)
}

// each runs fn on items with the configured concurrency, in order,
// until stop is done; it returns how many were started.
func (a *Applier) each(stop context.Context, cancel context.CancelFunc, items []*Item, fn func(context.Context, *Item) bool) int {
	next := make(chan *Item)
	var wg sync.WaitGroup
	for range min(a.cfg.concurrency, max(1, len(items))) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for it := range next {
				if !fn(stop, it) {
					cancel()
				}
			}
		}()
	}
	dispatched := 0
dispatch:
	for _, it := range items {
		select {
		case next <- it:
			dispatched++
		case <-stop.Done():
			break dispatch
		}
	}
	close(next)
	wg.Wait()
	return dispatched
}

// typedRequest returns the request of package user that c sends for it,
// for the rule catalog.
func typedRequest(it *Item, c Change) user.Request {
	req := c.Request
	if req == nil {
		req = &user.CreateUserInput{}
	}
	inst, uid := it.Instance, it.UserId
	switch c.Operation {
	case OpUpdateUserIdentityInfo:
		return &user.UpdateUserIdentityInfoInput{InstanceId: inst, UserId: uid, IdentityInfo: req.IdentityInfo}
	case OpUpdateUserPhoneConfig:
		return &user.UpdateUserPhoneConfigInput{InstanceId: inst, UserId: uid, PhoneConfig: req.PhoneConfig}
	case OpUpdateUserConfig:
		return &user.UpdateUserConfigInput{InstanceId: inst, UserId: uid, AutoAcceptConfigs: req.AutoAcceptConfigs,
			AfterContactWorkConfigs: req.AfterContactWorkConfigs, PhoneNumberConfigs: req.PhoneNumberConfigs,
			PersistentConnectionConfigs: req.PersistentConnectionConfigs, VoiceEnhancementConfigs: req.VoiceEnhancementConfigs}
	case OpUpdateUserRoutingProfile:
		return &user.UpdateUserRoutingProfileInput{InstanceId: inst, UserId: uid, RoutingProfileId: req.RoutingProfileId}
	case OpUpdateUserSecurityProfiles:
		return &user.UpdateUserSecurityProfilesInput{InstanceId: inst, UserId: uid, SecurityProfileIds: req.SecurityProfileIds}
	case OpUpdateUserHierarchy:
		return &user.UpdateUserHierarchyInput{InstanceId: inst, UserId: uid, HierarchyGroupId: req.HierarchyGroupId}
	case OpTagResource:
		return &user.TagResourceInput{ResourceArn: it.UserArn, Tags: req.Tags}
	case OpUntagResource:
		return &user.UntagResourceInput{ResourceArn: it.UserArn, TagKeys: c.TagKeys}
	}
	return &user.DeleteUserInput{InstanceId: inst, UserId: uid}
}
