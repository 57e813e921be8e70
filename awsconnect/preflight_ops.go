package awsconnect

import (
	"context"
	"strings"

	"github.com/aws/aws-sdk-go-v2/service/connect"
	"github.com/aws/smithy-go/middleware"

	cuerrors "github.com/connectkit/createuser/errors"
	"github.com/connectkit/createuser/identity"
	"github.com/connectkit/createuser/user"
)

// The pre-flight of the update operations: UpdateUserIdentityInfo,
// UpdateUserPhoneConfig, UpdateUserConfig, UpdateUserRoutingProfile,
// UpdateUserSecurityProfiles, UpdateUserHierarchy, TagResource,
// UntagResource and DeleteUser. Each input is judged as the SDK sends it
// ([ValidateSDKRequest]: what ValidateRequest of [FromSDKRequest] gives,
// without the copy), with the same options as CreateUser:
//
//   - the identity management type ([WithIdentityManagement],
//     [IdentityFromInstance]) matters to UpdateUserIdentityInfo only, the
//     one update that carries IdentityInfo: only its calls read the
//     instance's type;
//   - [WithInstanceChecks] checks, after the catalog found no error, that
//     the instance exists (for TagResource and UntagResource: the instance
//     the user's ARN names), and the references of
//     UpdateUserRoutingProfile, UpdateUserSecurityProfiles and
//     UpdateUserHierarchy, as for CreateUser. Whether the UserId exists is
//     left to the service. After a DeleteUser through the client, what was
//     read of the instance is dropped, so that its username counts as
//     free again.

// updateOperations are the stack IDs of the update operations.
var updateOperations = func() map[string]bool {
	m := map[string]bool{}
	for _, op := range user.Operations() {
		if op != user.OperationCreateUser {
			m[string(op)] = true
		}
	}
	return m
}()

// registerUpdate puts the pre-flight into the stack of an update
// operation, and leaves every other stack alone.
func (p *preflight) registerUpdate(stack *middleware.Stack) error {
	if !updateOperations[stack.ID()] {
		return nil
	}
	return p.install(stack, &preflightUpdateCheck{p}, &preflightUpdateInstance{p})
}

// updateState carries one update call's request and report from the
// Initialize middleware to the Finalize one.
type updateState struct {
	req    user.Request
	report *Report
	done   bool // the instance was checked (by an earlier attempt)
}

type updateStateKey struct{}

// preflightUpdateCheck is the catalog check of an update, in the
// Initialize step.
type preflightUpdateCheck struct{ p *preflight }

// ID names the middleware in the stack.
func (m *preflightUpdateCheck) ID() string { return PreflightID }

// HandleInitialize checks the update's input and stops the call when the
// check finds an error.
func (m *preflightUpdateCheck) HandleInitialize(ctx context.Context, in middleware.InitializeInput, next middleware.InitializeHandler) (
	middleware.InitializeOutput, middleware.Metadata, error,
) {
	if !isUpdateInput(in.Parameters) {
		return next.HandleInitialize(ctx, in)
	}
	p := m.p
	report := &Report{Identity: p.identity}
	if holder, _ := ctx.Value(reportHolderKey{}).(*reportHolder); holder != nil {
		holder.report = report
	}
	// As for CreateUser: the catalog reads the SDK's input where it lies;
	// only the instance's phase needs the request of its own.
	list := ValidateSDKRequest(validatorFor(p.identity), in.Parameters)
	if list.HasErrors() {
		return middleware.InitializeOutput{}, middleware.Metadata{}, list
	}
	report.Warnings = list
	if p.needsInstance() {
		req, _ := FromSDKRequest(in.Parameters)
		if req == nil { // a nil input: the zero request of the operation
			req = new(sdkView).update(in.Parameters)
		}
		ctx = middleware.WithStackValue(ctx, updateStateKey{}, &updateState{req: req, report: report})
	}
	out, md, err := next.HandleInitialize(ctx, in)
	if err == nil {
		md.Set(reportKey{}, report)
	}
	return out, md, err
}

// isUpdateInput reports whether params is the SDK input of an update
// operation (a nil pointer of one included).
func isUpdateInput(params any) bool {
	switch params.(type) {
	case *connect.UpdateUserIdentityInfoInput, *connect.UpdateUserPhoneConfigInput, *connect.UpdateUserConfigInput,
		*connect.UpdateUserRoutingProfileInput, *connect.UpdateUserSecurityProfilesInput, *connect.UpdateUserHierarchyInput,
		*connect.TagResourceInput, *connect.UntagResourceInput, *connect.DeleteUserInput:
		return true
	}
	return false
}

// preflightUpdateInstance reads the instance of an update, in the
// Finalize step.
type preflightUpdateInstance struct{ p *preflight }

// ID names the middleware in the stack.
func (m *preflightUpdateInstance) ID() string { return PreflightInstanceID }

// HandleFinalize checks the update against its instance, through the
// endpoint, region and credentials of this call, and stops the call when
// the check finds an error.
func (m *preflightUpdateInstance) HandleFinalize(ctx context.Context, in middleware.FinalizeInput, next middleware.FinalizeHandler) (
	middleware.FinalizeOutput, middleware.Metadata, error,
) {
	st, _ := middleware.GetStackValue(ctx, updateStateKey{}).(*updateState)
	if st == nil || st.done || !m.p.readsInstance(st.req) {
		return next.HandleFinalize(ctx, in)
	}
	p := m.p
	l, err := p.lookupsFor(ctx, in.Request)
	if err != nil {
		return middleware.FinalizeOutput{}, middleware.Metadata{}, err
	}
	list, t, err := updateInstancePhase(ctx, p.settings, l, st.req, st.report.Warnings)
	if err := p.instanceOutcome(st.report, list, t, err); err != nil {
		return middleware.FinalizeOutput{}, middleware.Metadata{}, err
	}
	st.done = true
	out, md, err := next.HandleFinalize(ctx, in)
	if err == nil && st.req.Operation() == user.OperationDeleteUser {
		// Its username is free again: what was read of the instance's
		// users must not say it is taken.
		given, _ := updateInstance(st.req)
		l.forget(instanceKey(given))
	}
	return out, md, err
}

// readsInstance reports whether the settings read the instance for req:
// the instance checks read it for every update, the identity type only
// for UpdateUserIdentityInfo.
func (s *settings) readsInstance(req user.Request) bool {
	return s.checks || (s.fromInstance && req.Operation() == user.OperationUpdateUserIdentityInfo)
}

// updateInstance returns the InstanceId of an update as given, and the
// path it is reported at: the instance of a TagResource or UntagResource
// is the one its resourceArn names.
func updateInstance(req user.Request) (string, cuerrors.Path) {
	switch r := req.(type) {
	case *user.TagResourceInput:
		return userARNInstance(r.ResourceArn), cuerrors.NewPath("resourceArn")
	case *user.UntagResourceInput:
		return userARNInstance(r.ResourceArn), cuerrors.NewPath("resourceArn")
	}
	v := instanceOf(req)
	return v, cuerrors.NewPath("InstanceId")
}

// userARNInstance returns the instance ARN that a user's ARN
// (arn:P:connect:R:A:instance/ID/agent/USER) starts with, "" for any other
// value.
func userARNInstance(arn string) string {
	parts := strings.SplitN(arn, ":", 6)
	if len(parts) != 6 || parts[0] != "arn" || parts[2] != "connect" || !strings.HasPrefix(parts[5], "instance/") {
		return ""
	}
	id, _, _ := strings.Cut(strings.TrimPrefix(parts[5], "instance/"), "/")
	if id == "" {
		return ""
	}
	return strings.Join(parts[:5], ":") + ":instance/" + id
}

// instanceOf returns the InstanceId member of an update other than
// TagResource and UntagResource.
func instanceOf(req user.Request) string {
	switch r := req.(type) {
	case *user.UpdateUserIdentityInfoInput:
		return r.InstanceId
	case *user.UpdateUserPhoneConfigInput:
		return r.InstanceId
	case *user.UpdateUserConfigInput:
		return r.InstanceId
	case *user.UpdateUserRoutingProfileInput:
		return r.InstanceId
	case *user.UpdateUserSecurityProfilesInput:
		return r.InstanceId
	case *user.UpdateUserHierarchyInput:
		return r.InstanceId
	case *user.DeleteUserInput:
		return r.InstanceId
	}
	return ""
}

// updateInstancePhase is the instance's part of an update's pre-flight,
// for a request whose catalog list (under s.identity) has no error, as
// instancePhase is CreateUser's: the identity type read from the instance
// (UpdateUserIdentityInfo), then, with the instance checks, the instance
// and the references of the update.
func updateInstancePhase(ctx context.Context, s settings, l *lookups, req user.Request, list cuerrors.List) (cuerrors.List, identity.Type, error) {
	t := s.identity
	given, at := updateInstance(req)
	id := instanceKey(given)
	if id == "" {
		return list, t, nil
	}
	fromInstance := s.fromInstance && req.Operation() == user.OperationUpdateUserIdentityInfo
	info, err := l.describe(ctx, id)
	if err != nil {
		if fromInstance {
			return list, t, &IdentityLookupError{InstanceId: id, Err: err}
		}
		return list, t, &LookupError{Call: "DescribeInstance", InstanceId: id, Err: err}
	}
	if !s.checks && info.notFound != nil {
		return list, t, &IdentityLookupError{InstanceId: id, Err: info.notFound}
	}
	if s.checks && (info.notFound != nil || (strings.HasPrefix(given, "arn:") && info.ARN != "" && given != info.ARN)) {
		return append(list, instanceViolation(ruleInstance, at, given, "")), t, nil
	}
	if fromInstance {
		t = info.Type
		list = validatorFor(t).ValidateRequest(req)
		if list.HasErrors() || !s.checks {
			return list, t, nil
		}
	}
	view := &user.CreateUserInput{InstanceId: given}
	switch r := req.(type) {
	case *user.UpdateUserRoutingProfileInput:
		view.RoutingProfileId = r.RoutingProfileId
	case *user.UpdateUserSecurityProfilesInput:
		view.SecurityProfileIds = r.SecurityProfileIds
	case *user.UpdateUserHierarchyInput:
		view.HierarchyGroupId = r.HierarchyGroupId
	default:
		return list, t, nil
	}
	refs, err := references(ctx, l, info, view)
	return append(list, refs...), t, err
}
