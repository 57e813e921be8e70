package awsconnect

import (
	"github.com/aws/aws-sdk-go-v2/service/connect"

	cuerrors "github.com/connectkit/createuser/errors"
	"github.com/connectkit/createuser/user"
)

// RuleRequestType is the rule of the error [ToSDKRequest] and
// [FromSDKRequest] return for a value that is no request of the user
// operations.
const RuleRequestType = "awsconnect.request.type"

// ToSDKRequest converts any request of the user operations to its SDK
// input, dispatching on its type: a *user.CreateUserInput gives a
// *connect.CreateUserInput ([ToSDK]), a *user.UpdateUserPhoneConfigInput a
// *connect.UpdateUserPhoneConfigInput ([ToSDKUpdateUserPhoneConfig]), and
// so on for every operation of [user.Operations]. The list is the
// conversion's losses, warnings of [LossyRules]. A nil request, or a nil
// pointer of a request type, gives nil and no losses; a request of a type
// this package does not know gives nil and one error (rule
// [RuleRequestType], code type) instead of a panic.
func ToSDKRequest(r user.Request) (any, cuerrors.List) {
	switch in := r.(type) {
	case nil:
		return nil, nil
	case *user.CreateUserInput:
		return nilOr(ToSDK(in))
	case *user.UpdateUserIdentityInfoInput:
		return nilOr(ToSDKUpdateUserIdentityInfo(in))
	case *user.UpdateUserPhoneConfigInput:
		return nilOr(ToSDKUpdateUserPhoneConfig(in))
	case *user.UpdateUserConfigInput:
		return nilOr(ToSDKUpdateUserConfig(in))
	case *user.UpdateUserRoutingProfileInput:
		return nilOr(ToSDKUpdateUserRoutingProfile(in))
	case *user.UpdateUserSecurityProfilesInput:
		return nilOr(ToSDKUpdateUserSecurityProfiles(in))
	case *user.UpdateUserHierarchyInput:
		return nilOr(ToSDKUpdateUserHierarchy(in))
	case *user.TagResourceInput:
		return nilOr(ToSDKTagResource(in))
	case *user.UntagResourceInput:
		return nilOr(ToSDKUntagResource(in))
	case *user.DeleteUserInput:
		return nilOr(ToSDKDeleteUser(in))
	}
	return nil, cuerrors.List{requestTypeError("ToSDKRequest: not a request of the user operations that awsconnect converts")}
}

// FromSDKRequest converts the SDK input of any user operation
// (*connect.CreateUserInput, *connect.UpdateUserPhoneConfigInput, ...) to
// the library's request, as the operation's FromSDK function does. A nil
// input, or a nil pointer of an input type, gives nil; a value of another
// type gives nil and the error of [ToSDKRequest].
func FromSDKRequest(in any) (user.Request, cuerrors.List) {
	var out user.Request
	switch in := in.(type) {
	case nil:
		return nil, nil
	case *connect.CreateUserInput:
		out = nilRequest(FromSDK(in))
	case *connect.UpdateUserIdentityInfoInput:
		out = nilRequest(FromSDKUpdateUserIdentityInfo(in))
	case *connect.UpdateUserPhoneConfigInput:
		out = nilRequest(FromSDKUpdateUserPhoneConfig(in))
	case *connect.UpdateUserConfigInput:
		out = nilRequest(FromSDKUpdateUserConfig(in))
	case *connect.UpdateUserRoutingProfileInput:
		out = nilRequest(FromSDKUpdateUserRoutingProfile(in))
	case *connect.UpdateUserSecurityProfilesInput:
		out = nilRequest(FromSDKUpdateUserSecurityProfiles(in))
	case *connect.UpdateUserHierarchyInput:
		out = nilRequest(FromSDKUpdateUserHierarchy(in))
	case *connect.TagResourceInput:
		out = nilRequest(FromSDKTagResource(in))
	case *connect.UntagResourceInput:
		out = nilRequest(FromSDKUntagResource(in))
	case *connect.DeleteUserInput:
		out = nilRequest(FromSDKDeleteUser(in))
	default:
		return nil, cuerrors.List{requestTypeError("FromSDKRequest: not an SDK input of the user operations that awsconnect converts")}
	}
	return out, nil
}

// nilOr returns out as an any that is nil (not a typed nil) when out is
// a nil pointer.
func nilOr[T any](out *T, lost cuerrors.List) (any, cuerrors.List) {
	if out == nil {
		return nil, lost
	}
	return out, lost
}

// nilRequest returns r as a user.Request that is nil when r is a nil
// pointer.
func nilRequest[T any, P interface {
	*T
	user.Request
}](r P) user.Request {
	if r == nil {
		return nil
	}
	return r
}

func requestTypeError(msg string) cuerrors.Violation {
	return cuerrors.Violation{Code: cuerrors.CodeType, Severity: cuerrors.SeverityError, Rule: RuleRequestType, Message: msg}
}
