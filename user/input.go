package user

import (
	"encoding/json"
	"strings"

	"github.com/connectkit/createuser/channel"
	"github.com/connectkit/createuser/identity"
)

// CreateUserInput is a whole CreateUser request: every member of the
// service's API, under its wire name. Its JSON encoding is the request
// document (the body members plus InstanceId, the shape that
// `aws connect create-user --cli-input-json` reads); [CreateUserInput.Body]
// is the HTTP body, without InstanceId.
//
// Optional scalars are pointers, so absent and zero differ:
// PhoneConfig.AutoAccept = new(false) is sent, nil is not. Since Go 1.26
// new accepts a value: new("agent-1"), new(int64(0)). Likewise a nil list
// or map is absent and an empty one is present: it is sent as [] or {}
// (and breaks the rules that want at least one entry).
type CreateUserInput struct {
	// InstanceId is the instance's identifier or ARN. It travels in the
	// request path, not the body.
	InstanceId string `json:"InstanceId,omitempty"`
	// Username is the user's login name.
	Username string `json:"Username,omitempty"`
	// Password is required under CONNECT_MANAGED and must be absent
	// otherwise.
	Password *identity.Secret `json:"Password,omitempty"`
	// IdentityInfo is the user's personal data.
	IdentityInfo *identity.Info `json:"IdentityInfo,omitempty"`
	// PhoneConfig is the phone settings for every channel; it conflicts
	// member by member with the channel-specific lists.
	PhoneConfig *PhoneConfig `json:"PhoneConfig,omitempty"`
	// DirectoryUserId is the user's identifier in an existing directory.
	DirectoryUserId *string `json:"DirectoryUserId,omitempty"`
	// SecurityProfileIds are 1 to 10 security profile identifiers.
	SecurityProfileIds []string `json:"SecurityProfileIds,omitzero"`
	// RoutingProfileId is the routing profile's identifier.
	RoutingProfileId string `json:"RoutingProfileId,omitempty"`
	// HierarchyGroupId is the agent hierarchy group's identifier.
	HierarchyGroupId *string `json:"HierarchyGroupId,omitempty"`
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
	// Tags are 1 to 50 tags; JSON encodes them as an object.
	Tags map[string]string `json:"Tags,omitzero"`
}

// PhoneConfig is the PhoneConfig member: phone settings that apply to
// every channel.
type PhoneConfig struct {
	// PhoneType is SOFT_PHONE or DESK_PHONE.
	PhoneType *channel.PhoneType `json:"PhoneType,omitempty"`
	// AutoAccept accepts contacts automatically.
	AutoAccept *bool `json:"AutoAccept,omitempty"`
	// AfterContactWorkTimeLimit is in seconds, 0 to 2,000,000; 0 means
	// indefinite.
	AfterContactWorkTimeLimit *int64 `json:"AfterContactWorkTimeLimit,omitempty"`
	// DeskPhoneNumber is the desk phone number in E.164 form.
	DeskPhoneNumber *identity.Secret `json:"DeskPhoneNumber,omitempty"`
	// PersistentConnection keeps the agent's connection open between calls.
	PersistentConnection *bool `json:"PersistentConnection,omitempty"`
}

// body is CreateUserInput without InstanceId, for the HTTP body.
type body struct {
	CreateUserInput
	InstanceId *struct{} `json:"InstanceId,omitempty"`
}

// Body returns the JSON body of the HTTP request: every member but
// InstanceId, in wire names.
func (in *CreateUserInput) Body() ([]byte, error) {
	return json.Marshal(body{CreateUserInput: *in})
}

// RequestPath returns the HTTP path of the request, /users/{InstanceId},
// with every byte of InstanceId but A-Z a-z 0-9 - . _ ~ percent-escaped
// ("/" and ":" of an instance ARN included), byte for byte as
// aws-sdk-go-v2 escapes it.
func (in *CreateUserInput) RequestPath() string {
	return "/users/" + escapePathSegment(in.InstanceId)
}

func escapePathSegment(s string) string {
	const hex = "0123456789ABCDEF"
	var b strings.Builder
	b.Grow(len(s) + 16)
	for i := 0; i < len(s); i++ {
		c := s[i]
		if 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '-' || c == '.' || c == '_' || c == '~' {
			b.WriteByte(c)
			continue
		}
		b.WriteByte('%')
		b.WriteByte(hex[c>>4])
		b.WriteByte(hex[c&0xF])
	}
	return b.String()
}

// Method is the HTTP method of CreateUser.
const Method = "PUT"

// CreateUserOutput is the service's answer.
type CreateUserOutput struct {
	// UserId is the new user's identifier.
	UserId string `json:"UserId,omitempty"`
	// UserArn is the new user's ARN.
	UserArn string `json:"UserArn,omitempty"`
}
