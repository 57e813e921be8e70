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
// violation. A Builder is not safe for concurrent use; the request Build
// returns is a deep copy that shares nothing with the Builder, so it may be
// handed to other goroutines and the Builder reused.
type Builder struct {
	in       CreateUserInput
	recorded cuerrors.List
}

// NewBuilder returns an empty Builder.
func NewBuilder() *Builder { return &Builder{} }

// WithInstanceId sets InstanceId (an identifier or an instance ARN). A
// second call replaces the value.
func (b *Builder) WithInstanceId(id string) *Builder {
	b.in.InstanceId = id
	return b
}

// WithUsername sets Username. A second call replaces the value.
func (b *Builder) WithUsername(username string) *Builder {
	b.in.Username = username
	return b
}

// WithPassword sets Password. A second call replaces the value.
func (b *Builder) WithPassword(password string) *Builder {
	b.in.Password = new(identity.Secret(password))
	return b
}

func (b *Builder) info() *identity.Info {
	if b.in.IdentityInfo == nil {
		b.in.IdentityInfo = &identity.Info{}
	}
	return b.in.IdentityInfo
}

// WithFirstName sets IdentityInfo.FirstName. A second call replaces the
// value.
func (b *Builder) WithFirstName(name string) *Builder {
	b.info().FirstName = new(identity.Secret(name))
	return b
}

// WithLastName sets IdentityInfo.LastName. A second call replaces the
// value.
func (b *Builder) WithLastName(name string) *Builder {
	b.info().LastName = new(identity.Secret(name))
	return b
}

// WithEmail sets IdentityInfo.Email. A second call replaces the value.
func (b *Builder) WithEmail(email string) *Builder {
	b.info().Email = new(identity.Secret(email))
	return b
}

// WithSecondaryEmail sets IdentityInfo.SecondaryEmail. A second call
// replaces the value.
func (b *Builder) WithSecondaryEmail(email string) *Builder {
	b.info().SecondaryEmail = new(identity.Secret(email))
	return b
}

// WithMobile sets IdentityInfo.Mobile (E.164). A second call replaces the
// value.
func (b *Builder) WithMobile(number string) *Builder {
	b.info().Mobile = new(identity.Secret(number))
	return b
}

func (b *Builder) phone() *PhoneConfig {
	if b.in.PhoneConfig == nil {
		b.in.PhoneConfig = &PhoneConfig{}
	}
	return b.in.PhoneConfig
}

// WithPhoneType sets PhoneConfig.PhoneType. A second call replaces the
// value.
func (b *Builder) WithPhoneType(t channel.PhoneType) *Builder {
	b.phone().PhoneType = new(t)
	return b
}

// WithAutoAccept sets PhoneConfig.AutoAccept; false is sent as false. A
// second call replaces the value.
func (b *Builder) WithAutoAccept(accept bool) *Builder {
	b.phone().AutoAccept = new(accept)
	return b
}

// WithAfterContactWorkTimeLimit sets PhoneConfig.AfterContactWorkTimeLimit
// in seconds; 0 means indefinite. A second call replaces the value.
func (b *Builder) WithAfterContactWorkTimeLimit(seconds int64) *Builder {
	b.phone().AfterContactWorkTimeLimit = new(seconds)
	return b
}

// WithDeskPhoneNumber sets PhoneConfig.DeskPhoneNumber (E.164). A second
// call replaces the value.
func (b *Builder) WithDeskPhoneNumber(number string) *Builder {
	b.phone().DeskPhoneNumber = new(identity.Secret(number))
	return b
}

// WithPersistentConnection sets PhoneConfig.PersistentConnection. A second
// call replaces the value.
func (b *Builder) WithPersistentConnection(on bool) *Builder {
	b.phone().PersistentConnection = new(on)
	return b
}

// WithDirectoryUserId sets DirectoryUserId. A second call replaces the
// value.
func (b *Builder) WithDirectoryUserId(id string) *Builder {
	b.in.DirectoryUserId = new(id)
	return b
}

// WithSecurityProfileIds adds security profile ids (identifiers or ARNs).
// A second call appends to the list.
func (b *Builder) WithSecurityProfileIds(ids ...string) *Builder {
	b.in.SecurityProfileIds = append(b.in.SecurityProfileIds, ids...)
	return b
}

// WithRoutingProfileId sets RoutingProfileId. A second call replaces the
// value.
func (b *Builder) WithRoutingProfileId(id string) *Builder {
	b.in.RoutingProfileId = id
	return b
}

// WithHierarchyGroupId sets HierarchyGroupId. A second call replaces the
// value.
func (b *Builder) WithHierarchyGroupId(id string) *Builder {
	b.in.HierarchyGroupId = new(id)
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
// VOICE is supported); number is the desk phone number in E.164 form, or ""
// to leave it out (as with SOFT_PHONE). A second call appends to the list.
func (b *Builder) WithPhoneNumberConfig(ch channel.Channel, t channel.PhoneType, number string) *Builder {
	e := channel.PhoneNumberConfig{Channel: ch, PhoneType: t}
	if number != "" {
		e.PhoneNumber = new(identity.Secret(number))
	}
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

// Build returns a deep copy of the request and every violation: what the
// builder recorded, then the whole catalog under opts (see [Validate]).
// The request is returned even when it has violations, so that a caller can
// inspect or fix it.
func (b *Builder) Build(opts ...Option) (*CreateUserInput, cuerrors.List) {
	in := b.in.Clone()
	var out cuerrors.List
	if len(b.recorded) > 0 {
		out = append(out, b.recorded...)
	}
	v := configure(opts)
	return in, v.validate(in, out, true)
}
