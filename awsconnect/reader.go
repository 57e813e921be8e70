package awsconnect

import (
	"context"
	"errors"

	"github.com/aws/aws-sdk-go-v2/service/connect/types"

	"github.com/connectkit/createuser/identity"
)

// Reader is the one paced reader of instances: every look-up of this
// library (the instance checks, the name resolver, the pre-flight's
// DescribeInstance, and package onboard's import and apply) goes through
// one. It reads through a [ReadAPI] (a *connect.Client) and:
//
//   - paces each operation with a token bucket of its own at the
//     service's default quota (2 requests a second, a burst of 5;
//     [WithReadRate], [WithOperationRate]) whose rate falls by a fifth on
//     a throttling answer and climbs back to the quota (AIMD);
//   - retries throttling, 5xx and failed connections with exponential
//     backoff and full jitter (base 1 s, capped at 20 s), at most
//     [DefaultMaxAttempts] times and within [DefaultRetryTime] a call
//     ([WithMaxAttempts], [WithBackoff], [WithRetryTime]). The SDK's own
//     retryer is turned off for these calls (a per-call option), so no
//     retry is doubled and every throttling answer slows the reader;
//   - bounds each request by the request timeout ([WithRequestTimeout],
//     default 30 s; a request without an answer in time is a
//     [*TimeoutError] and is not retried) and everything by the caller's
//     context (a command's deadline);
//   - reads each listing once per instance, every page, by one caller
//     while concurrent callers wait for it (single flight), and keeps it
//     for the cache time ([WithCacheTTL]; [Reader.Forget] drops it).
//
// A failed call is a [*LookupError] that names it. A Reader is safe for
// concurrent use; share one per client with [WithReader].
type Reader struct {
	l *lookups
}

// NewReader returns a Reader of instances through api. Options: the
// pacing ([WithReadRate], [WithOperationRate], [WithRequestTimeout],
// [WithMaxAttempts], [WithBackoff], [WithRetryTime], [WithCallObserver])
// and the cache ([WithCacheTTL], [WithPageSize], [WithUsernameSearches]);
// the others have no effect here.
func NewReader(api ReadAPI, opts ...Option) *Reader {
	s := newSettings(false, opts)
	s.cache.shared = nil
	return &Reader{l: newLookups(api, s.cache)}
}

// Instance is what DescribeInstance says of an instance.
type Instance struct {
	// ID and ARN are the instance's.
	ID, ARN string
	// Alias is the instance's alias (InstanceAlias).
	Alias string
	// IdentityManagementType is the instance's type; [identity.Unknown]
	// for a type this library does not know.
	IdentityManagementType identity.Type
}

// Instance describes the instance (an ID or an instance ARN), once per
// cache time. An instance the service does not know is a [*LookupError]
// whose Err is the service's *types.ResourceNotFoundException
// ([IsNotFound] reports it).
func (r *Reader) Instance(ctx context.Context, instanceID string) (Instance, error) {
	id := instanceKey(instanceID)
	info, err := r.l.describe(ctx, id)
	if err == nil && info.notFound != nil {
		err = info.notFound
	}
	if err != nil {
		return Instance{}, &LookupError{Call: "DescribeInstance", InstanceId: id, Err: err}
	}
	return Instance{ID: info.ID, ARN: info.ARN, Alias: info.Alias, IdentityManagementType: info.Type}, nil
}

// IsNotFound reports whether err says that the service does not have what
// was looked up (a ResourceNotFoundException).
func IsNotFound(err error) bool {
	var nf *types.ResourceNotFoundException
	return errors.As(err, &nf)
}

// Listing returns every resource of kind in the instance: security
// profiles, routing profiles or hierarchy groups, every page, read once
// per cache time. Look one up with [Listing.ByID] or [Listing.ByName].
func (r *Reader) Listing(ctx context.Context, instanceID string, kind ResourceKind) (*Listing, error) {
	switch kind {
	case SecurityProfiles, RoutingProfiles, HierarchyGroups:
	default:
		return nil, &LookupError{Call: "List", InstanceId: instanceKey(instanceID), Err: errors.New("unknown resource kind " + string(kind))}
	}
	return r.l.resources(ctx, kind, instanceKey(instanceID))
}

// HierarchyPath returns the path of the hierarchy group groupID from the
// top level down to the group itself, with one DescribeUserHierarchyGroup
// per group, kept for the cache time.
func (r *Reader) HierarchyPath(ctx context.Context, instanceID, groupID string) ([]Resource, error) {
	p, err := r.l.groupPath(ctx, instanceKey(instanceID), groupID)
	return append([]Resource(nil), p...), err
}

// HierarchyGroup is a hierarchy group with its path of groups from the
// top level down to itself.
type HierarchyGroup struct {
	Resource
	// Path is the groups from the top level down, the group itself last.
	Path []Resource
}

// PathNames returns the names of the path, top level first.
func (g HierarchyGroup) PathNames() []string {
	names := make([]string, len(g.Path))
	for i, p := range g.Path {
		names[i] = p.Name
	}
	return names
}

// HierarchyGroups returns every hierarchy group of the instance with its
// path: the listing, then one DescribeUserHierarchyGroup per group.
func (r *Reader) HierarchyGroups(ctx context.Context, instanceID string) ([]HierarchyGroup, error) {
	id := instanceKey(instanceID)
	rl, err := r.l.resources(ctx, kindHierarchyGroup, id)
	if err != nil {
		return nil, err
	}
	out := make([]HierarchyGroup, 0, len(rl.items))
	for _, g := range rl.items {
		p, err := r.l.groupPath(ctx, id, g.ID)
		if err != nil {
			return nil, err
		}
		out = append(out, HierarchyGroup{Resource: g, Path: append([]Resource(nil), p...)})
	}
	return out, nil
}

// User looks a user up by its exact username: ok is true when the
// instance has it (the username is taken; the user exists). The first
// usernames of an instance ([WithUsernameSearches], default
// [DefaultUsernameSearches]) cost one SearchUsers each; after that the
// instance's users are listed once (ListUsers, every page) and answer
// every further username for the cache time, so N usernames cost
// O(pages), not O(N) calls. A username given to [Reader.Created] is taken
// at once, with no id.
func (r *Reader) User(ctx context.Context, instanceID, username string) (UserRef, bool, error) {
	u, err := r.l.userLookup(ctx, instanceKey(instanceID), username)
	if err != nil || u == nil {
		return UserRef{}, false, err
	}
	return *u, true, nil
}

// SearchUser looks a user up by its exact username with SearchUsers,
// always (nothing kept; callers asking at once share one call): for an
// answer that must be fresh, such as settling whether a CreateUser
// without an answer created the user.
func (r *Reader) SearchUser(ctx context.Context, instanceID, username string) (UserRef, bool, error) {
	u, err := r.l.searchUser(ctx, instanceKey(instanceID), username)
	if err != nil || u == nil {
		return UserRef{}, false, err
	}
	return *u, true, nil
}

// Users returns every user of the instance through SearchUsers pages (500
// users a page), in the service's order, kept for the cache time. Each
// User's Request holds what SearchUsers gives: IdentityInfo with the
// first and last name only (DescribeUser has the rest), and
// PhoneConfig.AfterContactWorkTimeLimit converted from the milliseconds
// SearchUsers answers to seconds. The slice is the caller's; the users'
// requests are shared, do not change them.
func (r *Reader) Users(ctx context.Context, instanceID string) ([]User, error) {
	all, err := r.l.allUsers(ctx, instanceKey(instanceID))
	return append([]User(nil), all...), err
}

// DescribeUser reads one user with DescribeUser, every time (nothing
// kept): every member the service has, LastModifiedTime included.
func (r *Reader) DescribeUser(ctx context.Context, instanceID, userID string) (User, error) {
	return r.l.describeUser(ctx, instanceKey(instanceID), userID)
}

// Created records that username now exists in the instance: later
// look-ups report it taken without asking the service.
func (r *Reader) Created(instanceID, username string) {
	r.l.noteCreated(instanceKey(instanceID), username)
}

// Forget drops everything kept of the instance, so that the next look-up
// reads it afresh.
func (r *Reader) Forget(instanceID string) {
	r.l.forget(instanceKey(instanceID))
}

// Stats returns what the reader sent so far, by operation.
func (r *Reader) Stats() map[string]CallStats {
	return r.l.pace.snapshot()
}
