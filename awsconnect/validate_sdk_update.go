package awsconnect

import (
	"github.com/aws/aws-sdk-go-v2/service/connect"

	cuerrors "github.com/connectkit/createuser/errors"
	"github.com/connectkit/createuser/user"
)

// ValidateSDKRequest checks what the SDK will send for the input of any
// user operation (*connect.CreateUserInput, *connect.UpdateUserPhoneConfigInput,
// ...) against the catalog under v, as v.ValidateRequest(FromSDKRequest(in))
// does, and returns the same list, without copying the request: like
// [ValidateSDK], it reads in where it lies, through a view kept from one
// call to the next. A nil pointer of an input type is that operation's
// zero request; a value of another type gives the error of
// [FromSDKRequest]. in is never changed.
func ValidateSDKRequest(v *user.Validator, in any) cuerrors.List {
	switch in := in.(type) {
	case *connect.CreateUserInput:
		return ValidateSDK(v, in)
	case *connect.UpdateUserIdentityInfoInput, *connect.UpdateUserPhoneConfigInput, *connect.UpdateUserConfigInput,
		*connect.UpdateUserRoutingProfileInput, *connect.UpdateUserSecurityProfilesInput, *connect.UpdateUserHierarchyInput,
		*connect.TagResourceInput, *connect.UntagResourceInput, *connect.DeleteUserInput:
		w := sdkViews.Get().(*sdkView)
		list := v.ValidateRequest(w.update(in))
		*w = sdkView{} // it must not keep in alive
		sdkViews.Put(w)
		return list
	}
	_, errs := FromSDKRequest(in)
	return errs
}

// sdkUpdateViews is the room of the update operations' views.
type sdkUpdateViews struct {
	identity  user.UpdateUserIdentityInfoInput
	phone     user.UpdateUserPhoneConfigInput
	config    user.UpdateUserConfigInput
	routing   user.UpdateUserRoutingProfileInput
	security  user.UpdateUserSecurityProfilesInput
	hierarchy user.UpdateUserHierarchyInput
	tag       user.TagResourceInput
	untag     user.UntagResourceInput
	del       user.DeleteUserInput
}

// update returns the view of in, an SDK input of an update operation, in
// w's room; a nil pointer gives the operation's zero request.
func (w *sdkView) update(in any) user.Request {
	u := &w.upd
	switch in := in.(type) {
	case *connect.UpdateUserIdentityInfoInput:
		if in != nil {
			u.identity = user.UpdateUserIdentityInfoInput{InstanceId: deref(in.InstanceId), UserId: deref(in.UserId),
				IdentityInfo: w.identityView(in.IdentityInfo)}
		}
		return &u.identity
	case *connect.UpdateUserPhoneConfigInput:
		if in != nil {
			u.phone = user.UpdateUserPhoneConfigInput{InstanceId: deref(in.InstanceId), UserId: deref(in.UserId),
				PhoneConfig: w.phoneView(in.PhoneConfig)}
		}
		return &u.phone
	case *connect.UpdateUserConfigInput:
		if in != nil {
			// The lists are laid out as CreateUser's, through its view.
			lists := connect.CreateUserInput{
				AutoAcceptConfigs: in.AutoAcceptConfigs, AfterContactWorkConfigs: in.AfterContactWorkConfigs,
				PhoneNumberConfigs: in.PhoneNumberConfigs, PersistentConnectionConfigs: in.PersistentConnectionConfigs,
				VoiceEnhancementConfigs: in.VoiceEnhancementConfigs,
			}
			w.lists.fill(&w.view, &lists)
			u.config = user.UpdateUserConfigInput{InstanceId: deref(in.InstanceId), UserId: deref(in.UserId),
				AutoAcceptConfigs: w.view.AutoAcceptConfigs, AfterContactWorkConfigs: w.view.AfterContactWorkConfigs,
				PhoneNumberConfigs: w.view.PhoneNumberConfigs, PersistentConnectionConfigs: w.view.PersistentConnectionConfigs,
				VoiceEnhancementConfigs: w.view.VoiceEnhancementConfigs}
		}
		return &u.config
	case *connect.UpdateUserRoutingProfileInput:
		if in != nil {
			u.routing = user.UpdateUserRoutingProfileInput{InstanceId: deref(in.InstanceId), UserId: deref(in.UserId),
				RoutingProfileId: deref(in.RoutingProfileId)}
		}
		return &u.routing
	case *connect.UpdateUserSecurityProfilesInput:
		if in != nil {
			u.security = user.UpdateUserSecurityProfilesInput{InstanceId: deref(in.InstanceId), UserId: deref(in.UserId),
				SecurityProfileIds: in.SecurityProfileIds}
		}
		return &u.security
	case *connect.UpdateUserHierarchyInput:
		if in != nil {
			u.hierarchy = user.UpdateUserHierarchyInput{InstanceId: deref(in.InstanceId), UserId: deref(in.UserId),
				HierarchyGroupId: in.HierarchyGroupId}
		}
		return &u.hierarchy
	case *connect.TagResourceInput:
		if in != nil {
			u.tag = user.TagResourceInput{ResourceArn: deref(in.ResourceArn), Tags: in.Tags}
		}
		return &u.tag
	case *connect.UntagResourceInput:
		if in != nil {
			u.untag = user.UntagResourceInput{ResourceArn: deref(in.ResourceArn), TagKeys: in.TagKeys}
		}
		return &u.untag
	case *connect.DeleteUserInput:
		if in != nil {
			u.del = user.DeleteUserInput{InstanceId: deref(in.InstanceId), UserId: deref(in.UserId)}
		}
		return &u.del
	}
	return nil
}
