package awsconnect

import (
	"maps"
	"slices"

	"github.com/aws/aws-sdk-go-v2/service/connect"

	cuerrors "github.com/connectkit/createuser/errors"
	"github.com/connectkit/createuser/user"
)

// The conversions of the update operations follow [ToSDK] and [FromSDK]
// member for member: a member that CreateUser has converts, and is
// reported lost, exactly as it is there ([LossyRules]); InstanceId,
// UserId and ResourceArn are nil for "" (the library's absent) and come
// back as "". A string that is not UTF-8 is lost only in the JSON body:
// the path (InstanceId, UserId, resourceArn) and the query string
// (UntagResource's tagKeys) carry its bytes percent-escaped, as given. Each result shares no memory with its input; a nil input
// gives nil (and no losses).

// ToSDKUpdateUserIdentityInfo converts in to the SDK's input. The list
// holds a warning for each value the SDK cannot send as in holds it.
func ToSDKUpdateUserIdentityInfo(in *user.UpdateUserIdentityInfoInput) (*connect.UpdateUserIdentityInfoInput, cuerrors.List) {
	if in == nil {
		return nil, nil
	}
	var u utf8Scan // InstanceId and UserId go in the path, byte for byte
	u.identity(in.IdentityInfo)
	return &connect.UpdateUserIdentityInfoInput{
		InstanceId:   nonEmpty(in.InstanceId),
		UserId:       nonEmpty(in.UserId),
		IdentityInfo: identityToSDK(in.IdentityInfo),
	}, u.lost
}

// FromSDKUpdateUserIdentityInfo converts the SDK's input to the library's.
func FromSDKUpdateUserIdentityInfo(in *connect.UpdateUserIdentityInfoInput) *user.UpdateUserIdentityInfoInput {
	if in == nil {
		return nil
	}
	return &user.UpdateUserIdentityInfoInput{
		InstanceId:   deref(in.InstanceId),
		UserId:       deref(in.UserId),
		IdentityInfo: identityFromSDK(in.IdentityInfo),
	}
}

// ToSDKUpdateUserPhoneConfig converts in to the SDK's input. The list
// holds a warning for each value the SDK cannot send as in holds it:
// PhoneConfig.AutoAccept false, an AfterContactWorkTimeLimit of 0 or
// outside int32, an empty PhoneType, a string that is not UTF-8.
func ToSDKUpdateUserPhoneConfig(in *user.UpdateUserPhoneConfigInput) (*connect.UpdateUserPhoneConfigInput, cuerrors.List) {
	if in == nil {
		return nil, nil
	}
	var lost cuerrors.List
	out := &connect.UpdateUserPhoneConfigInput{
		InstanceId:  nonEmpty(in.InstanceId),
		UserId:      nonEmpty(in.UserId),
		PhoneConfig: phoneConfigToSDK(in.PhoneConfig, &lost),
	}
	var u utf8Scan // InstanceId and UserId go in the path, byte for byte
	u.phone(in.PhoneConfig)
	return out, append(lost, u.lost...)
}

// FromSDKUpdateUserPhoneConfig converts the SDK's input to the library's,
// describing what the SDK sends: AutoAccept false, a time limit of 0 and
// an empty PhoneType, which the SDK leaves out, are absent (nil).
func FromSDKUpdateUserPhoneConfig(in *connect.UpdateUserPhoneConfigInput) *user.UpdateUserPhoneConfigInput {
	if in == nil {
		return nil
	}
	return &user.UpdateUserPhoneConfigInput{
		InstanceId:  deref(in.InstanceId),
		UserId:      deref(in.UserId),
		PhoneConfig: phoneConfigFromSDK(in.PhoneConfig),
	}
}

// ToSDKUpdateUserConfig converts in to the SDK's input, the five
// channel-specific lists as [ToSDK] converts them. The list holds a
// warning for each value the SDK cannot send as in holds it (an absent
// AutoAcceptConfigs[i].AutoAccept, a time limit of 0 or outside int32, a
// string that is not UTF-8).
func ToSDKUpdateUserConfig(in *user.UpdateUserConfigInput) (*connect.UpdateUserConfigInput, cuerrors.List) {
	if in == nil {
		return nil, nil
	}
	var lost cuerrors.List
	out := &connect.UpdateUserConfigInput{
		InstanceId:                  nonEmpty(in.InstanceId),
		UserId:                      nonEmpty(in.UserId),
		AutoAcceptConfigs:           autoAcceptToSDK(in.AutoAcceptConfigs, &lost),
		AfterContactWorkConfigs:     afterContactWorkConfigsToSDK(in.AfterContactWorkConfigs, &lost),
		PhoneNumberConfigs:          phoneNumbersToSDK(in.PhoneNumberConfigs),
		PersistentConnectionConfigs: persistentToSDK(in.PersistentConnectionConfigs),
		VoiceEnhancementConfigs:     voiceToSDK(in.VoiceEnhancementConfigs),
	}
	var u utf8Scan // InstanceId and UserId go in the path, byte for byte
	u.channels(in.AutoAcceptConfigs, in.AfterContactWorkConfigs, in.PhoneNumberConfigs, in.PersistentConnectionConfigs, in.VoiceEnhancementConfigs)
	return out, append(lost, u.lost...)
}

// FromSDKUpdateUserConfig converts the SDK's input to the library's, as
// [FromSDK] converts the channel-specific lists: AutoAccept is always
// present (the SDK always sends it), a time limit of 0 absent.
func FromSDKUpdateUserConfig(in *connect.UpdateUserConfigInput) *user.UpdateUserConfigInput {
	if in == nil {
		return nil
	}
	return &user.UpdateUserConfigInput{
		InstanceId:                  deref(in.InstanceId),
		UserId:                      deref(in.UserId),
		AutoAcceptConfigs:           autoAcceptFromSDK(in.AutoAcceptConfigs),
		AfterContactWorkConfigs:     afterContactWorkConfigsFromSDK(in.AfterContactWorkConfigs),
		PhoneNumberConfigs:          phoneNumbersFromSDK(in.PhoneNumberConfigs),
		PersistentConnectionConfigs: persistentFromSDK(in.PersistentConnectionConfigs),
		VoiceEnhancementConfigs:     voiceFromSDK(in.VoiceEnhancementConfigs),
	}
}

// ToSDKUpdateUserRoutingProfile converts in to the SDK's input; "" in
// RoutingProfileId becomes nil.
func ToSDKUpdateUserRoutingProfile(in *user.UpdateUserRoutingProfileInput) (*connect.UpdateUserRoutingProfileInput, cuerrors.List) {
	if in == nil {
		return nil, nil
	}
	var u utf8Scan // InstanceId and UserId go in the path, byte for byte
	u.str(in.RoutingProfileId, cuerrors.NewPath("RoutingProfileId"))
	return &connect.UpdateUserRoutingProfileInput{
		InstanceId:       nonEmpty(in.InstanceId),
		UserId:           nonEmpty(in.UserId),
		RoutingProfileId: nonEmpty(in.RoutingProfileId),
	}, u.lost
}

// FromSDKUpdateUserRoutingProfile converts the SDK's input to the
// library's.
func FromSDKUpdateUserRoutingProfile(in *connect.UpdateUserRoutingProfileInput) *user.UpdateUserRoutingProfileInput {
	if in == nil {
		return nil
	}
	return &user.UpdateUserRoutingProfileInput{
		InstanceId:       deref(in.InstanceId),
		UserId:           deref(in.UserId),
		RoutingProfileId: deref(in.RoutingProfileId),
	}
}

// ToSDKUpdateUserSecurityProfiles converts in to the SDK's input.
func ToSDKUpdateUserSecurityProfiles(in *user.UpdateUserSecurityProfilesInput) (*connect.UpdateUserSecurityProfilesInput, cuerrors.List) {
	if in == nil {
		return nil, nil
	}
	var u utf8Scan // InstanceId and UserId go in the path, byte for byte
	u.strs(in.SecurityProfileIds, cuerrors.NewPath("SecurityProfileIds"))
	return &connect.UpdateUserSecurityProfilesInput{
		InstanceId:         nonEmpty(in.InstanceId),
		UserId:             nonEmpty(in.UserId),
		SecurityProfileIds: slices.Clone(in.SecurityProfileIds),
	}, u.lost
}

// FromSDKUpdateUserSecurityProfiles converts the SDK's input to the
// library's.
func FromSDKUpdateUserSecurityProfiles(in *connect.UpdateUserSecurityProfilesInput) *user.UpdateUserSecurityProfilesInput {
	if in == nil {
		return nil
	}
	return &user.UpdateUserSecurityProfilesInput{
		InstanceId:         deref(in.InstanceId),
		UserId:             deref(in.UserId),
		SecurityProfileIds: slices.Clone(in.SecurityProfileIds),
	}
}

// ToSDKUpdateUserHierarchy converts in to the SDK's input: a nil
// HierarchyGroupId (no group) stays nil, a pointer to "" stays one.
func ToSDKUpdateUserHierarchy(in *user.UpdateUserHierarchyInput) (*connect.UpdateUserHierarchyInput, cuerrors.List) {
	if in == nil {
		return nil, nil
	}
	var u utf8Scan // InstanceId and UserId go in the path, byte for byte
	if in.HierarchyGroupId != nil {
		u.str(*in.HierarchyGroupId, cuerrors.NewPath("HierarchyGroupId"))
	}
	return &connect.UpdateUserHierarchyInput{
		InstanceId:       nonEmpty(in.InstanceId),
		UserId:           nonEmpty(in.UserId),
		HierarchyGroupId: clonePtr(in.HierarchyGroupId),
	}, u.lost
}

// FromSDKUpdateUserHierarchy converts the SDK's input to the library's.
func FromSDKUpdateUserHierarchy(in *connect.UpdateUserHierarchyInput) *user.UpdateUserHierarchyInput {
	if in == nil {
		return nil
	}
	return &user.UpdateUserHierarchyInput{
		InstanceId:       deref(in.InstanceId),
		UserId:           deref(in.UserId),
		HierarchyGroupId: clonePtr(in.HierarchyGroupId),
	}
}

// ToSDKTagResource converts in to the SDK's input; the losses of the tags
// are reported at tags, the member's wire name.
func ToSDKTagResource(in *user.TagResourceInput) (*connect.TagResourceInput, cuerrors.List) {
	if in == nil {
		return nil, nil
	}
	var u utf8Scan
	u.tags(in.Tags, cuerrors.NewPath("tags"))
	return &connect.TagResourceInput{
		ResourceArn: nonEmpty(in.ResourceArn),
		Tags:        maps.Clone(in.Tags),
	}, u.lost
}

// FromSDKTagResource converts the SDK's input to the library's.
func FromSDKTagResource(in *connect.TagResourceInput) *user.TagResourceInput {
	if in == nil {
		return nil
	}
	return &user.TagResourceInput{ResourceArn: deref(in.ResourceArn), Tags: maps.Clone(in.Tags)}
}

// ToSDKUntagResource converts in to the SDK's input. It never loses
// anything: the request has no body (resourceArn is in the path, tagKeys
// in the query string).
func ToSDKUntagResource(in *user.UntagResourceInput) (*connect.UntagResourceInput, cuerrors.List) {
	if in == nil {
		return nil, nil
	}
	return &connect.UntagResourceInput{
		ResourceArn: nonEmpty(in.ResourceArn),
		TagKeys:     slices.Clone(in.TagKeys),
	}, nil
}

// FromSDKUntagResource converts the SDK's input to the library's.
func FromSDKUntagResource(in *connect.UntagResourceInput) *user.UntagResourceInput {
	if in == nil {
		return nil
	}
	return &user.UntagResourceInput{ResourceArn: deref(in.ResourceArn), TagKeys: slices.Clone(in.TagKeys)}
}

// ToSDKDeleteUser converts in to the SDK's input. It never loses
// anything: the request has no body.
func ToSDKDeleteUser(in *user.DeleteUserInput) (*connect.DeleteUserInput, cuerrors.List) {
	if in == nil {
		return nil, nil
	}
	return &connect.DeleteUserInput{InstanceId: nonEmpty(in.InstanceId), UserId: nonEmpty(in.UserId)}, nil
}

// FromSDKDeleteUser converts the SDK's input to the library's.
func FromSDKDeleteUser(in *connect.DeleteUserInput) *user.DeleteUserInput {
	if in == nil {
		return nil
	}
	return &user.DeleteUserInput{InstanceId: deref(in.InstanceId), UserId: deref(in.UserId)}
}
