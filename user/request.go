package user

import (
	"net/url"

	"github.com/connectkit/createuser/channel"
	"github.com/connectkit/createuser/identity"
)

// Request is one typed request of the user operations: a
// *[CreateUserInput] or one of the update requests
// (*[UpdateUserIdentityInfoInput], ..., *[DeleteUserInput]). Each is a
// pointer to a struct whose JSON encoding is the document that
// `aws connect CLI-NAME --cli-input-json` reads; [Validator.ValidateRequest]
// checks any of them.
type Request interface {
	// Operation returns the API name of the request's operation.
	Operation() Operation
}

// NewRequest returns a zero request of op, to decode a document into or to
// fill in: *CreateUserInput for CreateUser, *UpdateUserPhoneConfigInput
// for UpdateUserPhoneConfig, and so on; nil for an operation that is not
// one of [Operations].
func NewRequest(op Operation) Request {
	switch op {
	case OperationCreateUser:
		return new(CreateUserInput)
	case OperationUpdateUserIdentityInfo:
		return new(UpdateUserIdentityInfoInput)
	case OperationUpdateUserPhoneConfig:
		return new(UpdateUserPhoneConfigInput)
	case OperationUpdateUserConfig:
		return new(UpdateUserConfigInput)
	case OperationUpdateUserRoutingProfile:
		return new(UpdateUserRoutingProfileInput)
	case OperationUpdateUserSecurityProfiles:
		return new(UpdateUserSecurityProfilesInput)
	case OperationUpdateUserHierarchy:
		return new(UpdateUserHierarchyInput)
	case OperationTagResource:
		return new(TagResourceInput)
	case OperationUntagResource:
		return new(UntagResourceInput)
	case OperationDeleteUser:
		return new(DeleteUserInput)
	}
	return nil
}

// Operation returns [OperationCreateUser].
func (*CreateUserInput) Operation() Operation { return OperationCreateUser }

// Method returns the HTTP method of CreateUser, [Method] (PUT).
func (*CreateUserInput) Method() string { return Method }

// UpdateUserIdentityInfoInput is an UpdateUserIdentityInfo request: it
// replaces the user's IdentityInfo whole (a member not given is cleared).
// Its members keep CreateUser's names, types and rules; InstanceId and
// UserId travel in the request path and are members of the document.
type UpdateUserIdentityInfoInput struct {
	// InstanceId is the instance's identifier or ARN.
	InstanceId string `json:"InstanceId,omitempty"`
	// UserId is the user's identifier.
	UserId string `json:"UserId,omitempty"`
	// IdentityInfo is the user's personal data, required; under
	// CONNECT_MANAGED and SAML FirstName and LastName are required in it,
	// as in CreateUser.
	IdentityInfo *identity.Info `json:"IdentityInfo,omitempty"`
}

// UpdateUserPhoneConfigInput is an UpdateUserPhoneConfig request: it
// replaces the user's PhoneConfig whole, so PhoneConfig and its PhoneType
// are required.
type UpdateUserPhoneConfigInput struct {
	// InstanceId is the instance's identifier or ARN.
	InstanceId string `json:"InstanceId,omitempty"`
	// UserId is the user's identifier.
	UserId string `json:"UserId,omitempty"`
	// PhoneConfig is the phone settings for every channel.
	PhoneConfig *PhoneConfig `json:"PhoneConfig,omitempty"`
}

// UpdateUserConfigInput is an UpdateUserConfig request: each list given
// replaces the user's settings of the channels it names; at least one
// list must hold an element. A nil list is absent, an empty one is sent
// as [].
type UpdateUserConfigInput struct {
	// InstanceId is the instance's identifier or ARN.
	InstanceId string `json:"InstanceId,omitempty"`
	// UserId is the user's identifier.
	UserId string `json:"UserId,omitempty"`
	// AutoAcceptConfigs sets auto-accept per channel.
	AutoAcceptConfigs []channel.AutoAcceptConfig `json:"AutoAcceptConfigs,omitzero"`
	// AfterContactWorkConfigs sets the after-contact work time per channel.
	AfterContactWorkConfigs []channel.AfterContactWorkConfig `json:"AfterContactWorkConfigs,omitzero"`
	// PhoneNumberConfigs sets the phone type and number (VOICE only).
	PhoneNumberConfigs []channel.PhoneNumberConfig `json:"PhoneNumberConfigs,omitzero"`
	// PersistentConnectionConfigs sets persistent connection (VOICE only).
	PersistentConnectionConfigs []channel.PersistentConnectionConfig `json:"PersistentConnectionConfigs,omitzero"`
	// VoiceEnhancementConfigs sets voice enhancement (VOICE only).
	VoiceEnhancementConfigs []channel.VoiceEnhancementConfig `json:"VoiceEnhancementConfigs,omitzero"`
}

// UpdateUserRoutingProfileInput is an UpdateUserRoutingProfile request: it
// moves the user to another routing profile.
type UpdateUserRoutingProfileInput struct {
	// InstanceId is the instance's identifier or ARN.
	InstanceId string `json:"InstanceId,omitempty"`
	// UserId is the user's identifier.
	UserId string `json:"UserId,omitempty"`
	// RoutingProfileId is the routing profile's identifier, required.
	RoutingProfileId string `json:"RoutingProfileId,omitempty"`
}

// UpdateUserSecurityProfilesInput is an UpdateUserSecurityProfiles
// request: it replaces the user's security profiles.
type UpdateUserSecurityProfilesInput struct {
	// InstanceId is the instance's identifier or ARN.
	InstanceId string `json:"InstanceId,omitempty"`
	// UserId is the user's identifier.
	UserId string `json:"UserId,omitempty"`
	// SecurityProfileIds are 1 to 10 security profile identifiers.
	SecurityProfileIds []string `json:"SecurityProfileIds,omitzero"`
}

// UpdateUserHierarchyInput is an UpdateUserHierarchy request: it puts the
// user in a hierarchy group, or in none.
type UpdateUserHierarchyInput struct {
	// InstanceId is the instance's identifier or ARN.
	InstanceId string `json:"InstanceId,omitempty"`
	// UserId is the user's identifier.
	UserId string `json:"UserId,omitempty"`
	// HierarchyGroupId is the hierarchy group's identifier; nil takes the
	// user out of any group.
	HierarchyGroupId *string `json:"HierarchyGroupId,omitempty"`
}

// TagResourceInput is a TagResource request for a user: it adds tags to
// the user (a key the user has gets the new value). Its members are lower
// case on the wire, as the service names them.
type TagResourceInput struct {
	// ResourceArn is the user's ARN,
	// arn:PARTITION:connect:REGION:ACCOUNT:instance/INSTANCE_ID/agent/USER_ID.
	ResourceArn string `json:"resourceArn,omitempty"`
	// Tags are 1 to 50 tags; JSON encodes them as an object.
	Tags map[string]string `json:"tags,omitzero"`
}

// UntagResourceInput is an UntagResource request for a user: it removes
// the tags with these keys (a key the user does not have is ignored).
type UntagResourceInput struct {
	// ResourceArn is the user's ARN.
	ResourceArn string `json:"resourceArn,omitempty"`
	// TagKeys are 1 to 50 tag keys.
	TagKeys []string `json:"tagKeys,omitzero"`
}

// DeleteUserInput is a DeleteUser request: it deletes the user.
type DeleteUserInput struct {
	// InstanceId is the instance's identifier or ARN.
	InstanceId string `json:"InstanceId,omitempty"`
	// UserId is the user's identifier.
	UserId string `json:"UserId,omitempty"`
}

// Operation returns [OperationUpdateUserIdentityInfo].
func (*UpdateUserIdentityInfoInput) Operation() Operation { return OperationUpdateUserIdentityInfo }

// Operation returns [OperationUpdateUserPhoneConfig].
func (*UpdateUserPhoneConfigInput) Operation() Operation { return OperationUpdateUserPhoneConfig }

// Operation returns [OperationUpdateUserConfig].
func (*UpdateUserConfigInput) Operation() Operation { return OperationUpdateUserConfig }

// Operation returns [OperationUpdateUserRoutingProfile].
func (*UpdateUserRoutingProfileInput) Operation() Operation {
	return OperationUpdateUserRoutingProfile
}

// Operation returns [OperationUpdateUserSecurityProfiles].
func (*UpdateUserSecurityProfilesInput) Operation() Operation {
	return OperationUpdateUserSecurityProfiles
}

// Operation returns [OperationUpdateUserHierarchy].
func (*UpdateUserHierarchyInput) Operation() Operation { return OperationUpdateUserHierarchy }

// Operation returns [OperationTagResource].
func (*TagResourceInput) Operation() Operation { return OperationTagResource }

// Operation returns [OperationUntagResource].
func (*UntagResourceInput) Operation() Operation { return OperationUntagResource }

// Operation returns [OperationDeleteUser].
func (*DeleteUserInput) Operation() Operation { return OperationDeleteUser }

// Method returns POST.
func (*UpdateUserIdentityInfoInput) Method() string { return "POST" }

// Method returns POST.
func (*UpdateUserPhoneConfigInput) Method() string { return "POST" }

// Method returns POST.
func (*UpdateUserConfigInput) Method() string { return "POST" }

// Method returns POST.
func (*UpdateUserRoutingProfileInput) Method() string { return "POST" }

// Method returns POST.
func (*UpdateUserSecurityProfilesInput) Method() string { return "POST" }

// Method returns POST.
func (*UpdateUserHierarchyInput) Method() string { return "POST" }

// Method returns POST.
func (*TagResourceInput) Method() string { return "POST" }

// Method returns DELETE.
func (*UntagResourceInput) Method() string { return "DELETE" }

// Method returns DELETE.
func (*DeleteUserInput) Method() string { return "DELETE" }

// userPath returns /users/{InstanceId}/{UserId} plus suffix, each
// identifier escaped as [CreateUserInput.RequestPath] escapes InstanceId.
func userPath(instanceID, userID, suffix string) string {
	return "/users/" + escapePathSegment(instanceID) + "/" + escapePathSegment(userID) + suffix
}

// RequestPath returns /users/{InstanceId}/{UserId}/identity-info, escaped
// as aws-sdk-go-v2 escapes it (see [CreateUserInput.RequestPath]).
func (in *UpdateUserIdentityInfoInput) RequestPath() string {
	return userPath(in.InstanceId, in.UserId, "/identity-info")
}

// RequestPath returns /users/{InstanceId}/{UserId}/phone-config, escaped
// as aws-sdk-go-v2 escapes it.
func (in *UpdateUserPhoneConfigInput) RequestPath() string {
	return userPath(in.InstanceId, in.UserId, "/phone-config")
}

// RequestPath returns /users/{InstanceId}/{UserId}/config, escaped as
// aws-sdk-go-v2 escapes it.
func (in *UpdateUserConfigInput) RequestPath() string {
	return userPath(in.InstanceId, in.UserId, "/config")
}

// RequestPath returns /users/{InstanceId}/{UserId}/routing-profile,
// escaped as aws-sdk-go-v2 escapes it.
func (in *UpdateUserRoutingProfileInput) RequestPath() string {
	return userPath(in.InstanceId, in.UserId, "/routing-profile")
}

// RequestPath returns /users/{InstanceId}/{UserId}/security-profiles,
// escaped as aws-sdk-go-v2 escapes it.
func (in *UpdateUserSecurityProfilesInput) RequestPath() string {
	return userPath(in.InstanceId, in.UserId, "/security-profiles")
}

// RequestPath returns /users/{InstanceId}/{UserId}/hierarchy, escaped as
// aws-sdk-go-v2 escapes it.
func (in *UpdateUserHierarchyInput) RequestPath() string {
	return userPath(in.InstanceId, in.UserId, "/hierarchy")
}

// RequestPath returns /users/{InstanceId}/{UserId}, escaped as
// aws-sdk-go-v2 escapes it.
func (in *DeleteUserInput) RequestPath() string {
	return userPath(in.InstanceId, in.UserId, "")
}

// RequestPath returns /tags/{resourceArn}, the ARN escaped as
// aws-sdk-go-v2 escapes it ("/" and ":" included).
func (in *TagResourceInput) RequestPath() string {
	return "/tags/" + escapePathSegment(in.ResourceArn)
}

// RequestPath returns /tags/{resourceArn}, the ARN escaped as
// aws-sdk-go-v2 escapes it; the keys travel in the query (see
// [UntagResourceInput.RawQuery]).
func (in *UntagResourceInput) RequestPath() string {
	return "/tags/" + escapePathSegment(in.ResourceArn)
}

// RawQuery returns the request's query string: tagKeys=K once per key, in
// the order of TagKeys, each key query-escaped; "" when there is none.
func (in *UntagResourceInput) RawQuery() string {
	var b []byte
	for i, k := range in.TagKeys {
		if i > 0 {
			b = append(b, '&')
		}
		b = append(b, "tagKeys="...)
		b = append(b, url.QueryEscape(k)...)
	}
	return string(b)
}
