package user

import (
	"github.com/connectkit/createuser/channel"
	cuerrors "github.com/connectkit/createuser/errors"
	"github.com/connectkit/createuser/identity"
)

// Builder assembles a CreateUserInput with chained calls:
//
//	in, violations := user.NewBuilder().
//		WithInstanceId("a1b2c3d4-...").
//		WithUsername("mary").
//		WithPassword("Passw0rdExample").
//		...
//		Build(user.WithIdentityManagement(identity.ConnectManaged))
//
// No method panics or fails: what cannot be held in the request (a tag key
// given twice) is recorded, and Build returns it with every other
// violation.
//
// One rule for empty strings: a method that sets an optional string
// member (Password, the IdentityInfo members, PhoneConfig.PhoneType,
// PhoneConfig.DeskPhoneNumber, DirectoryUserId, HierarchyGroupId, and the
// phone number of WithPhoneNumberConfig) leaves the member out when given
// "", and removes a value an earlier call set. So a form whose optional
// fields are empty needs no if per field. The required members
// (InstanceId, Username, RoutingProfileId) are set as given: "" there is
// reported as missing by Build. A Builder is not safe for concurrent use; the request Build
// returns is a deep copy that shares nothing with the Builder, so it may be
// handed to other goroutines and the Builder reused.
type Builder struct {
	in       CreateUserInput
	recorded cuerrors.List
}

// NewBuilder returns an empty Builder.
func NewBuilder() *Builder { return &Builder{} }

// WithInstanceId sets InstanceId (an identifier or an instance ARN), a
// required member: "" is kept and reported by Build. A second call
// replaces the value.
func (b *Builder) WithInstanceId(id string) *Builder {
	b.in.InstanceId = id
	return b
}

// WithUsername sets Username, a required member: "" is kept and reported
// by Build. A second call replaces the value.
func (b *Builder) WithUsername(username string) *Builder {
	b.in.Username = username
	return b
}

// WithPassword sets Password; "" leaves it out. A second call replaces
// the value.
func (b *Builder) WithPassword(password string) *Builder {
	b.in.Password = secret(password)
	return b
}

// secret returns s as a present member, or nil (absent) for "".
func secret(s string) *identity.Secret {
	if s == "" {
		return nil
	}
	return new(identity.Secret(s))
}

// optional returns s as a present member, or nil (absent) for "".
func optional(s string) *string {
	if s == "" {
		return nil
	}
	return new(s)
}

// info returns IdentityInfo, made present when set is true; nil when it
// is absent and set is false (clearing a member of an absent object).
func (b *Builder) info(set bool) *identity.Info {
	if b.in.IdentityInfo == nil && set {
		b.in.IdentityInfo = &identity.Info{}
	}
	if b.in.IdentityInfo == nil {
		return &identity.Info{} // a scratch object: clearing it changes nothing
	}
	return b.in.IdentityInfo
}

// WithFirstName sets IdentityInfo.FirstName; "" leaves it out. A second
// call replaces the value.
func (b *Builder) WithFirstName(name string) *Builder {
	b.info(name != "").FirstName = secret(name)
	return b
}

// WithLastName sets IdentityInfo.LastName; "" leaves it out. A second
// call replaces the value.
func (b *Builder) WithLastName(name string) *Builder {
	b.info(name != "").LastName = secret(name)
	return b
}

// WithEmail sets IdentityInfo.Email; "" leaves it out. A second call
// replaces the value.
func (b *Builder) WithEmail(email string) *Builder {
	b.info(email != "").Email = secret(email)
	return b
}

// WithSecondaryEmail sets IdentityInfo.SecondaryEmail; "" leaves it out.
// A second call replaces the value.
func (b *Builder) WithSecondaryEmail(email string) *Builder {
	b.info(email != "").SecondaryEmail = secret(email)
	return b
}

// WithMobile sets IdentityInfo.Mobile (E.164); "" leaves it out. A second
// call replaces the value.
func (b *Builder) WithMobile(number string) *Builder {
	b.info(number != "").Mobile = secret(number)
	return b
}

// phone returns PhoneConfig, made present when set is true, as info does.
func (b *Builder) phone(set bool) *PhoneConfig {
	if b.in.PhoneConfig == nil && set {
		b.in.PhoneConfig = &PhoneConfig{}
	}
	if b.in.PhoneConfig == nil {
		return &PhoneConfig{}
	}
	return b.in.PhoneConfig
}

// WithPhoneType sets PhoneConfig.PhoneType; "" leaves it out. A second
// call replaces the value.
func (b *Builder) WithPhoneType(t channel.PhoneType) *Builder {
	if t == "" {
		b.phone(false).PhoneType = nil
		return b
	}
	b.phone(true).PhoneType = new(t)
	return b
}

// WithAutoAccept sets PhoneConfig.AutoAccept; false is sent as false. A
// second call replaces the value.
func (b *Builder) WithAutoAccept(accept bool) *Builder {
	b.phone(true).AutoAccept = new(accept)
	return b
}

// WithAfterContactWorkTimeLimit sets PhoneConfig.AfterContactWorkTimeLimit
// in seconds; 0 means indefinite. A second call replaces the value.
func (b *Builder) WithAfterContactWorkTimeLimit(seconds int64) *Builder {
	b.phone(true).AfterContactWorkTimeLimit = new(seconds)
	return b
}

// WithDeskPhoneNumber sets PhoneConfig.DeskPhoneNumber (E.164); "" leaves
// it out. A second call replaces the value.
func (b *Builder) WithDeskPhoneNumber(number string) *Builder {
	b.phone(number != "").DeskPhoneNumber = secret(number)
	return b
}

// WithPersistentConnection sets PhoneConfig.PersistentConnection. A second
// call replaces the value.
func (b *Builder) WithPersistentConnection(on bool) *Builder {
	b.phone(true).PersistentConnection = new(on)
	return b
}

// WithDirectoryUserId sets DirectoryUserId; "" leaves it out. A second
// call replaces the value.
func (b *Builder) WithDirectoryUserId(id string) *Builder {
	b.in.DirectoryUserId = optional(id)
	return b
}

// WithSecurityProfileIds adds security profile ids (identifiers or ARNs).
// A second call appends to the list.
func (b *Builder) WithSecurityProfileIds(ids ...string) *Builder {
	b.in.SecurityProfileIds = append(b.in.SecurityProfileIds, ids...)
	return b
}

// WithRoutingProfileId sets RoutingProfileId, a required member: "" is
// kept and reported by Build. A second call replaces the value.
func (b *Builder) WithRoutingProfileId(id string) *Builder {
	b.in.RoutingProfileId = id
	return b
}

// WithHierarchyGroupId sets HierarchyGroupId; "" leaves it out. A second
// call replaces the value.
func (b *Builder) WithHierarchyGroupId(id string) *Builder {
	b.in.HierarchyGroupId = optional(id)
	return b
}

// WithAutoAcceptConfig adds an element to AutoAcceptConfigs: whether
// contacts on ch are accepted automatically. A second call appends to the
// list.
func (b *Builder) WithAutoAcceptConfig(ch channel.Channel, accept bool) *Builder {
	b.in.AutoAcceptConfigs = append(b.in.AutoAcceptConfigs, channel.AutoAcceptConfig{Channel: ch, AutoAccept: new(accept)})
	return b
}

// WithAutoAcceptConfigs adds whole elements to AutoAcceptConfigs, for
// members such as AgentFirstCallbackAutoAccept. A second call appends to
// the list.
func (b *Builder) WithAutoAcceptConfigs(configs ...channel.AutoAcceptConfig) *Builder {
	b.in.AutoAcceptConfigs = append(b.in.AutoAcceptConfigs, configs...)
	return b
}

// WithAfterContactWorkConfig adds an element to AfterContactWorkConfigs:
// the after-contact work time on ch in seconds (0 means indefinite). A
// second call appends to the list.
func (b *Builder) WithAfterContactWorkConfig(ch channel.Channel, seconds int64) *Builder {
	b.in.AfterContactWorkConfigs = append(b.in.AfterContactWorkConfigs, channel.AfterContactWorkConfig{
		Channel:                ch,
		AfterContactWorkConfig: &channel.AfterContactWork{AfterContactWorkTimeLimit: new(seconds)},
	})
	return b
}

// WithAfterContactWorkConfigs adds whole elements to
// AfterContactWorkConfigs, for agent-first callback settings. A second call
// appends to the list.
func (b *Builder) WithAfterContactWorkConfigs(configs ...channel.AfterContactWorkConfig) *Builder {
	b.in.AfterContactWorkConfigs = append(b.in.AfterContactWorkConfigs, configs...)
	return b
}

// WithPhoneNumberConfig adds an element to PhoneNumberConfigs on ch (only
// VOICE is supported); number is the desk phone number in E.164 form, and
// "" leaves it out (as with SOFT_PHONE). A second call appends to the list.
func (b *Builder) WithPhoneNumberConfig(ch channel.Channel, t channel.PhoneType, number string) *Builder {
	e := channel.PhoneNumberConfig{Channel: ch, PhoneType: t, PhoneNumber: secret(number)}
	b.in.PhoneNumberConfigs = append(b.in.PhoneNumberConfigs, e)
	return b
}

// WithPersistentConnectionConfig adds an element to
// PersistentConnectionConfigs on ch (only VOICE is supported). A second
// call appends to the list.
func (b *Builder) WithPersistentConnectionConfig(ch channel.Channel, on bool) *Builder {
	b.in.PersistentConnectionConfigs = append(b.in.PersistentConnectionConfigs, channel.PersistentConnectionConfig{Channel: ch, PersistentConnection: new(on)})
	return b
}

// WithVoiceEnhancementConfig adds an element to VoiceEnhancementConfigs on
// ch (only VOICE is supported). A second call appends to the list.
func (b *Builder) WithVoiceEnhancementConfig(ch channel.Channel, mode channel.VoiceEnhancementMode) *Builder {
	b.in.VoiceEnhancementConfigs = append(b.in.VoiceEnhancementConfigs, channel.VoiceEnhancementConfig{Channel: ch, VoiceEnhancementMode: mode})
	return b
}

// WithTag adds the tag key=value. A second call appends to Tags; a second
// call with the same key keeps the first value and is reported by Build as
// a duplicate key, since the service would see the key twice.
func (b *Builder) WithTag(key, value string) *Builder {
	if b.in.Tags == nil {
		b.in.Tags = make(map[string]string)
	}
	if _, dup := b.in.Tags[key]; dup {
		v := violation(rTagKeyDuplicate, pathTags)
		v.Value = cuerrors.StringValue(key)
		b.recorded = append(b.recorded, v)
		return b
	}
	b.in.Tags[key] = value
	return b
}

// NewBuilderFrom returns a Builder that starts from a deep copy of in (nil
// is an empty request), to change a request read from a document or made
// elsewhere: in itself is never changed.
func NewBuilderFrom(in *CreateUserInput) *Builder {
	b := &Builder{}
	if in != nil {
		b.in = *in.Clone()
	}
	return b
}

// Build returns a deep copy of the request and every violation: what the
// builder recorded, then the whole catalog under opts (see [Validate]).
// The request is returned even when it has violations, so that a caller can
// inspect or fix it. To check many requests under the same options, make
// one [Validator] and use [Builder.BuildWith], which applies no options.
func (b *Builder) Build(opts ...Option) (*CreateUserInput, cuerrors.List) {
	v := configure(opts)
	return b.BuildWith(&v)
}

// BuildWith is [Builder.Build] with a Validator made once (nil checks
// under the Unknown identity type, as the zero Validator does).
func (b *Builder) BuildWith(v *Validator) (*CreateUserInput, cuerrors.List) {
	in, out := b.BuildUnvalidated()
	if v == nil {
		v = &Validator{}
	}
	return in, v.validate(in, out, true)
}

// BuildUnvalidated returns a deep copy of the request without checking it
// against the catalog, and only what the builder itself recorded (a tag
// key given twice, which the request cannot hold); nil when there is
// none. Use it to validate later, elsewhere, or not at all.
func (b *Builder) BuildUnvalidated() (*CreateUserInput, cuerrors.List) {
	in := b.in.Clone()
	var out cuerrors.List
	if len(b.recorded) > 0 {
		out = append(out, b.recorded...)
	}
	return in, out
}
