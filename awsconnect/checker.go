package awsconnect

import (
	"context"
	"errors"
	"strings"

	cuerrors "github.com/connectkit/createuser/errors"
	"github.com/connectkit/createuser/identity"
	"github.com/connectkit/createuser/user"
)

// InstanceChecker predicts the service's answer to CreateUser requests:
// the rule catalog first, then what only the instance knows (SPEC section
// 9). It is safe for concurrent use; everything it reads is shared by its
// callers and kept for the cache time ([WithCacheTTL]).
//
// Check runs, in order, stopping at the first step that finds an error:
//
//  1. the catalog under the identity type of [WithIdentityManagement], or
//     under [identity.Unknown] (what it reports holds under every type),
//     which needs no call;
//  2. DescribeInstance, once per instance: an instance that does not exist
//     (or an instance ARN of another region or account) is a reference
//     error at InstanceId; then the catalog again under the instance's
//     type, unless the type was given;
//  3. the references: every SecurityProfileIds[i], RoutingProfileId and
//     HierarchyGroupId must be a resource of the instance, by id or by an
//     ARN of this instance (an ARN of another instance, region, account or
//     kind is a reference error too), and the Username must be free
//     (compared exactly). Missing resources are reference errors, with
//     "Did you mean NAME (ID)?" when one is close by id or name; a taken
//     Username is a duplicate error.
//
// Cost: each listing (ListSecurityProfiles, ListRoutingProfiles,
// ListUserHierarchyGroups) is read once per instance with every page, by
// one caller while the others wait, and kept for the cache time. A
// username costs one SearchUsers (EXACT) for the first
// [DefaultUsernameSearches] usernames of an instance; after that the
// instance's users are listed once (ListUsers, every page, 1000 users a
// page at most) and answer every further username, so checking N requests
// costs O(pages), not O(N) calls. A user created through a client with
// the same checker (the pre-flight's [WithInstanceChecks], or [CreateUser])
// or recorded with [InstanceChecker.Created] counts as taken at once.
type InstanceChecker struct {
	s settings
	l *lookups
}

// NewInstanceChecker returns a checker that reads instances through
// client (a *connect.Client, or any [ReadAPI]) with a [Reader] of its own,
// or through the reader of [WithReader]. Options:
// [WithIdentityManagement] (else the type is read from each instance),
// the reader's options ([WithCacheTTL], [WithUsernameSearches],
// [WithPageSize], [WithReadRate], [WithRequestTimeout], ...).
func NewInstanceChecker(client ReadAPI, opts ...Option) *InstanceChecker {
	s := newSettings(true, opts)
	s.checks = true
	return &InstanceChecker{s: s, l: sharedLookups(client, s.cache)}
}

// Check returns every violation that the service would answer for in, as
// the catalog and the instance see it, and an error when a look-up
// failed. The error names the call that failed ([*LookupError]); the list
// then still holds what the catalog found, which is never hidden by a
// failed look-up. A nil in is checked as an empty request.
func (c *InstanceChecker) Check(ctx context.Context, in *user.CreateUserInput) (cuerrors.List, error) {
	if in == nil {
		in = &user.CreateUserInput{}
	}
	list := validatorFor(c.s.identity).Validate(in)
	if list.HasErrors() {
		return list, nil
	}
	list, _, err := instancePhase(ctx, c.s, c.l, in, list)
	return list, err
}

// References checks only what the instance knows of the resources in
// names, without the catalog and without the Username: the instance
// exists (else a reference error at InstanceId) and every
// SecurityProfileIds[i], RoutingProfileId and HierarchyGroupId is a
// resource of it, as [InstanceChecker.Check] does. For callers that run
// the catalog themselves and decide what a taken Username means (package
// onboard: the user exists). A failed look-up is a [*LookupError].
func (c *InstanceChecker) References(ctx context.Context, in *user.CreateUserInput) (cuerrors.List, error) {
	if in == nil || in.InstanceId == "" {
		return nil, nil
	}
	id := instanceKey(in.InstanceId)
	info, err := c.l.describe(ctx, id)
	if err != nil {
		return nil, &LookupError{Call: "DescribeInstance", InstanceId: id, Err: err}
	}
	if info.notFound != nil || (strings.HasPrefix(in.InstanceId, "arn:") && info.ARN != "" && in.InstanceId != info.ARN) {
		return cuerrors.List{instanceViolation(ruleInstance, cuerrors.NewPath("InstanceId"), in.InstanceId, "")}, nil
	}
	resources := *in
	resources.Username = ""
	return references(ctx, c.l, info, &resources)
}

// Reader returns the reader the checker reads through.
func (c *InstanceChecker) Reader() *Reader { return &Reader{l: c.l} }

// Created records that username now exists in the instance (an ID or an
// instance ARN), for a user created through another client: later checks
// report it taken without asking the service.
func (c *InstanceChecker) Created(instanceID, username string) {
	c.l.noteCreated(instanceKey(instanceID), username)
}

// Forget drops everything kept for the instance (an ID or an instance
// ARN), so that the next check reads it afresh: after a profile or group
// was added or deleted, say.
func (c *InstanceChecker) Forget(instanceID string) {
	c.l.forget(instanceKey(instanceID))
}

// Resolver returns a name resolver for one instance that shares this
// checker's reader.
func (c *InstanceChecker) Resolver(instanceID string) *Resolver {
	return &Resolver{l: c.l, instance: instanceKey(instanceID)}
}

// instancePhase is steps 2 and 3 of Check for a request whose catalog
// list (under s.identity) has no error. It returns the list to report,
// the identity type the request was checked under, and a look-up failure:
// an [*IdentityLookupError] when the type (s.fromInstance) could not be
// read, a [*LookupError] when another call failed.
func instancePhase(ctx context.Context, s settings, l *lookups, in *user.CreateUserInput, list cuerrors.List) (cuerrors.List, identity.Type, error) {
	t := s.identity
	if !s.fromInstance && !s.checks {
		return list, t, nil
	}
	id := instanceKey(in.InstanceId)
	if id == "" {
		return list, t, nil
	}
	info, err := l.describe(ctx, id)
	if err != nil {
		if s.fromInstance {
			return list, t, &IdentityLookupError{InstanceId: id, Err: err}
		}
		return list, t, &LookupError{Call: "DescribeInstance", InstanceId: id, Err: err}
	}
	if !s.checks && info.notFound != nil {
		return list, t, &IdentityLookupError{InstanceId: id, Err: info.notFound}
	}
	if s.checks && (info.notFound != nil || (strings.HasPrefix(in.InstanceId, "arn:") && info.ARN != "" && in.InstanceId != info.ARN)) {
		return append(list, instanceViolation(ruleInstance, cuerrors.NewPath("InstanceId"), in.InstanceId, "")), t, nil
	}
	if s.fromInstance {
		t = info.Type
		list = validatorFor(t).Validate(in)
		if list.HasErrors() || !s.checks {
			return list, t, nil
		}
	}
	refs, err := references(ctx, l, info, in)
	return append(list, refs...), t, err
}

// references checks the resources and the Username of in against the
// instance.
func references(ctx context.Context, l *lookups, info *instanceInfo, in *user.CreateUserInput) (cuerrors.List, error) {
	var out cuerrors.List
	var errs []error
	check := func(kind ResourceKind, rule string, field cuerrors.Path, value string) {
		rs, err := l.resources(ctx, kind, info.ID)
		if err != nil {
			errs = append(errs, err)
			return
		}
		id, ok := resourceID(value, info, kind)
		if !ok {
			hint := ""
			if r, found := rs.byID[lastSegment(value)]; found {
				hint = didYouMean(rs.items[r])
			}
			out = append(out, instanceViolation(ruleOtherARN, field, value, hint))
			return
		}
		if _, found := rs.byID[id]; found {
			return
		}
		hint := ""
		if r, found := nearest(id, rs.items); found {
			hint = didYouMean(r)
		}
		out = append(out, instanceViolation(rule, field, value, hint))
	}
	// Listings that an error made useless are not read: errors.Join keeps
	// one error per failed call.
	failed := map[ResourceKind]bool{}
	guarded := func(kind ResourceKind, rule string, field cuerrors.Path, value string) {
		if failed[kind] {
			return
		}
		n := len(errs)
		check(kind, rule, field, value)
		if len(errs) > n {
			failed[kind] = true
		}
	}
	for i, v := range in.SecurityProfileIds {
		if v != "" {
			guarded(kindSecurityProfile, ruleSecurityProfile, cuerrors.NewPath("SecurityProfileIds").Index(i), v)
		}
	}
	if in.RoutingProfileId != "" {
		guarded(kindRoutingProfile, ruleRoutingProfile, cuerrors.NewPath("RoutingProfileId"), in.RoutingProfileId)
	}
	if in.HierarchyGroupId != nil && *in.HierarchyGroupId != "" {
		guarded(kindHierarchyGroup, ruleHierarchyGroup, cuerrors.NewPath("HierarchyGroupId"), *in.HierarchyGroupId)
	}
	if in.Username != "" {
		taken, err := l.usernameTaken(ctx, info.ID, in.Username)
		switch {
		case err != nil:
			errs = append(errs, err)
		case taken:
			out = append(out, instanceViolation(ruleUsernameTaken, cuerrors.NewPath("Username"), in.Username, ""))
		}
	}
	return out, errors.Join(errs...)
}

// resourceID returns the id that value names as a resource of kind in
// the instance: value itself, or the id an ARN of this instance ends with
// (…:instance/ID/KIND/RESOURCE_ID). ok is false for an ARN of another
// instance, region, account or kind.
func resourceID(value string, info *instanceInfo, kind ResourceKind) (string, bool) {
	if !strings.HasPrefix(value, "arn:") {
		return value, true
	}
	var rest string
	var found bool
	if info.ARN != "" {
		rest, found = strings.CutPrefix(value, info.ARN+"/"+string(kind)+"/")
	} else {
		// The service did not give the instance's ARN: any partition,
		// region and account naming this instance.
		parts := strings.SplitN(value, ":", 6)
		if len(parts) == 6 && parts[2] == "connect" {
			rest, found = strings.CutPrefix(parts[5], "instance/"+info.ID+"/"+string(kind)+"/")
		}
	}
	if !found || rest == "" || strings.Contains(rest, "/") {
		return "", false
	}
	return rest, true
}

// lastSegment returns what follows the last / of s.
func lastSegment(s string) string {
	return s[strings.LastIndexByte(s, '/')+1:]
}
