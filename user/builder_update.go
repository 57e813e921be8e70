package user

import (
	"slices"

	"github.com/connectkit/createuser/channel"
	cuerrors "github.com/connectkit/createuser/errors"
)

// The builders of the update requests, one per operation, in the style of
// [Builder]: chained With methods that never fail, "" on an optional
// member leaves it out (and removes what an earlier call set), required
// members are kept as given ("" is reported by Build), and Build,
// BuildWith and BuildUnvalidated as Builder has them. The shared members
// are held by a CreateUser Builder, so that each With method does exactly
// what Builder's does.

// updateBuilder is the state of an update builder: the shared members in
// a CreateUser Builder and the members only updates have.
type updateBuilder struct {
	b Builder
	x extras
}

// from starts u from a deep copy of r's members (r nil: empty).
func (u *updateBuilder) from(r Request) {
	var in CreateUserInput
	if _, ok := viewOf(r, &in, &u.x); ok {
		u.b.in = *in.Clone()
		u.x.tagKeys = slices.Clone(u.x.tagKeys)
	}
}

// unvalidated returns a deep copy of the request of op and what the
// builder recorded.
func (u *updateBuilder) unvalidated(op opSet) (Request, cuerrors.List) {
	in, out := u.b.BuildUnvalidated()
	x := u.x
	x.tagKeys = slices.Clone(x.tagKeys)
	return requestOf(op, in, &x), out
}

// with returns a deep copy of the request of op and every violation:
// what the builder recorded, then the catalog under v.
func (u *updateBuilder) with(op opSet, v *Validator) (Request, cuerrors.List) {
	r, out := u.unvalidated(op)
	if v == nil {
		v = &Validator{}
	}
	return r, v.validateRequest(r, out, true)
}

// UpdateUserIdentityInfoBuilder assembles an [UpdateUserIdentityInfoInput]:
//
//	in, violations := user.NewUpdateUserIdentityInfoBuilder().
//		WithInstanceId("a1b2c3d4-...").WithUserId("u-1").
//		WithFirstName("Mary").WithLastName("Major").
//		Build(user.WithIdentityManagement(identity.ConnectManaged))
//
// The request replaces the user's IdentityInfo whole: a member not set is
// cleared by the service. IdentityInfo is present once a With method of
// its members is given a value. Not safe for concurrent use; Build returns
// a deep copy.
type UpdateUserIdentityInfoBuilder struct{ u updateBuilder }

// NewUpdateUserIdentityInfoBuilder returns an empty builder.
func NewUpdateUserIdentityInfoBuilder() *UpdateUserIdentityInfoBuilder {
	return &UpdateUserIdentityInfoBuilder{}
}

// NewUpdateUserIdentityInfoBuilderFrom returns a builder that starts from
// a deep copy of in (nil: empty); in itself is never changed.
func NewUpdateUserIdentityInfoBuilderFrom(in *UpdateUserIdentityInfoInput) *UpdateUserIdentityInfoBuilder {
	b := &UpdateUserIdentityInfoBuilder{}
	b.u.from(in)
	return b
}

// WithInstanceId sets InstanceId, a required member: "" is kept and
// reported by Build. A second call replaces the value.
func (b *UpdateUserIdentityInfoBuilder) WithInstanceId(id string) *UpdateUserIdentityInfoBuilder {
	b.u.b.WithInstanceId(id)
	return b
}

// WithUserId sets UserId, a required member: "" is kept and reported by
// Build. A second call replaces the value.
func (b *UpdateUserIdentityInfoBuilder) WithUserId(id string) *UpdateUserIdentityInfoBuilder {
	b.u.x.userID = id
	return b
}

// WithFirstName sets IdentityInfo.FirstName; "" leaves it out. A second
// call replaces the value.
func (b *UpdateUserIdentityInfoBuilder) WithFirstName(name string) *UpdateUserIdentityInfoBuilder {
	b.u.b.WithFirstName(name)
	return b
}

// WithLastName sets IdentityInfo.LastName; "" leaves it out. A second
// call replaces the value.
func (b *UpdateUserIdentityInfoBuilder) WithLastName(name string) *UpdateUserIdentityInfoBuilder {
	b.u.b.WithLastName(name)
	return b
}

// WithEmail sets IdentityInfo.Email; "" leaves it out. A second call
// replaces the value.
func (b *UpdateUserIdentityInfoBuilder) WithEmail(email string) *UpdateUserIdentityInfoBuilder {
	b.u.b.WithEmail(email)
	return b
}

// WithSecondaryEmail sets IdentityInfo.SecondaryEmail; "" leaves it out.
// A second call replaces the value.
func (b *UpdateUserIdentityInfoBuilder) WithSecondaryEmail(email string) *UpdateUserIdentityInfoBuilder {
	b.u.b.WithSecondaryEmail(email)
	return b
}

// WithMobile sets IdentityInfo.Mobile (E.164); "" leaves it out. A second
// call replaces the value.
func (b *UpdateUserIdentityInfoBuilder) WithMobile(number string) *UpdateUserIdentityInfoBuilder {
	b.u.b.WithMobile(number)
	return b
}

// Build returns a deep copy of the request and every violation under
// opts (see [ValidateRequest]); the request is returned even when it has
// violations.
func (b *UpdateUserIdentityInfoBuilder) Build(opts ...Option) (*UpdateUserIdentityInfoInput, cuerrors.List) {
	v := configure(opts)
	return b.BuildWith(&v)
}

// BuildWith is Build with a Validator made once (nil: the zero Validator).
func (b *UpdateUserIdentityInfoBuilder) BuildWith(v *Validator) (*UpdateUserIdentityInfoInput, cuerrors.List) {
	r, out := b.u.with(opIdentityInfo, v)
	return r.(*UpdateUserIdentityInfoInput), out
}

// BuildUnvalidated returns a deep copy of the request without checking
// it; nil violations (this builder records none).
func (b *UpdateUserIdentityInfoBuilder) BuildUnvalidated() (*UpdateUserIdentityInfoInput, cuerrors.List) {
	r, out := b.u.unvalidated(opIdentityInfo)
	return r.(*UpdateUserIdentityInfoInput), out
}

// UpdateUserPhoneConfigBuilder assembles an [UpdateUserPhoneConfigInput]:
//
//	in, violations := user.NewUpdateUserPhoneConfigBuilder().
//		WithInstanceId("a1b2c3d4-...").WithUserId("u-1").
//		WithPhoneType(channel.DeskPhone).WithDeskPhoneNumber("+12065550100").
//		Build()
//
// The request replaces the user's PhoneConfig whole, so PhoneType is
// required. PhoneConfig is present once a With method of its members is
// given a value. Not safe for concurrent use; Build returns a deep copy.
type UpdateUserPhoneConfigBuilder struct{ u updateBuilder }

// NewUpdateUserPhoneConfigBuilder returns an empty builder.
func NewUpdateUserPhoneConfigBuilder() *UpdateUserPhoneConfigBuilder {
	return &UpdateUserPhoneConfigBuilder{}
}

// NewUpdateUserPhoneConfigBuilderFrom returns a builder that starts from a
// deep copy of in (nil: empty); in itself is never changed.
func NewUpdateUserPhoneConfigBuilderFrom(in *UpdateUserPhoneConfigInput) *UpdateUserPhoneConfigBuilder {
	b := &UpdateUserPhoneConfigBuilder{}
	b.u.from(in)
	return b
}

// WithInstanceId sets InstanceId, a required member: "" is kept and
// reported by Build. A second call replaces the value.
func (b *UpdateUserPhoneConfigBuilder) WithInstanceId(id string) *UpdateUserPhoneConfigBuilder {
	b.u.b.WithInstanceId(id)
	return b
}

// WithUserId sets UserId, a required member: "" is kept and reported by
// Build. A second call replaces the value.
func (b *UpdateUserPhoneConfigBuilder) WithUserId(id string) *UpdateUserPhoneConfigBuilder {
	b.u.x.userID = id
	return b
}

// WithPhoneType sets PhoneConfig.PhoneType; "" leaves it out. A second
// call replaces the value.
func (b *UpdateUserPhoneConfigBuilder) WithPhoneType(t channel.PhoneType) *UpdateUserPhoneConfigBuilder {
	b.u.b.WithPhoneType(t)
	return b
}

// WithAutoAccept sets PhoneConfig.AutoAccept; false is sent as false. A
// second call replaces the value.
func (b *UpdateUserPhoneConfigBuilder) WithAutoAccept(accept bool) *UpdateUserPhoneConfigBuilder {
	b.u.b.WithAutoAccept(accept)
	return b
}

// WithAfterContactWorkTimeLimit sets PhoneConfig.AfterContactWorkTimeLimit
// in seconds; 0 means indefinite. A second call replaces the value.
func (b *UpdateUserPhoneConfigBuilder) WithAfterContactWorkTimeLimit(seconds int64) *UpdateUserPhoneConfigBuilder {
	b.u.b.WithAfterContactWorkTimeLimit(seconds)
	return b
}

// WithDeskPhoneNumber sets PhoneConfig.DeskPhoneNumber (E.164); "" leaves
// it out. A second call replaces the value.
func (b *UpdateUserPhoneConfigBuilder) WithDeskPhoneNumber(number string) *UpdateUserPhoneConfigBuilder {
	b.u.b.WithDeskPhoneNumber(number)
	return b
}

// WithPersistentConnection sets PhoneConfig.PersistentConnection. A second
// call replaces the value.
func (b *UpdateUserPhoneConfigBuilder) WithPersistentConnection(on bool) *UpdateUserPhoneConfigBuilder {
	b.u.b.WithPersistentConnection(on)
	return b
}

// Build returns a deep copy of the request and every violation under
// opts (see [ValidateRequest]); the request is returned even when it has
// violations.
func (b *UpdateUserPhoneConfigBuilder) Build(opts ...Option) (*UpdateUserPhoneConfigInput, cuerrors.List) {
	v := configure(opts)
	return b.BuildWith(&v)
}

// BuildWith is Build with a Validator made once (nil: the zero Validator).
func (b *UpdateUserPhoneConfigBuilder) BuildWith(v *Validator) (*UpdateUserPhoneConfigInput, cuerrors.List) {
	r, out := b.u.with(opPhoneConfig, v)
	return r.(*UpdateUserPhoneConfigInput), out
}

// BuildUnvalidated returns a deep copy of the request without checking
// it; nil violations (this builder records none).
func (b *UpdateUserPhoneConfigBuilder) BuildUnvalidated() (*UpdateUserPhoneConfigInput, cuerrors.List) {
	r, out := b.u.unvalidated(opPhoneConfig)
	return r.(*UpdateUserPhoneConfigInput), out
}

// UpdateUserConfigBuilder assembles an [UpdateUserConfigInput]:
//
//	in, violations := user.NewUpdateUserConfigBuilder().
//		WithInstanceId("a1b2c3d4-...").WithUserId("u-1").
//		WithAutoAcceptConfig(channel.Voice, true).
//		WithAfterContactWorkConfig(channel.Chat, 30).
//		Build()
//
// Each list given replaces the user's settings of the channels it names.
// Not safe for concurrent use; Build returns a deep copy.
type UpdateUserConfigBuilder struct{ u updateBuilder }

// NewUpdateUserConfigBuilder returns an empty builder.
func NewUpdateUserConfigBuilder() *UpdateUserConfigBuilder { return &UpdateUserConfigBuilder{} }

// NewUpdateUserConfigBuilderFrom returns a builder that starts from a
// deep copy of in (nil: empty); in itself is never changed.
func NewUpdateUserConfigBuilderFrom(in *UpdateUserConfigInput) *UpdateUserConfigBuilder {
	b := &UpdateUserConfigBuilder{}
	b.u.from(in)
	return b
}

// WithInstanceId sets InstanceId, a required member: "" is kept and
// reported by Build. A second call replaces the value.
func (b *UpdateUserConfigBuilder) WithInstanceId(id string) *UpdateUserConfigBuilder {
	b.u.b.WithInstanceId(id)
	return b
}

// WithUserId sets UserId, a required member: "" is kept and reported by
// Build. A second call replaces the value.
func (b *UpdateUserConfigBuilder) WithUserId(id string) *UpdateUserConfigBuilder {
	b.u.x.userID = id
	return b
}

// WithAutoAcceptConfig adds an element to AutoAcceptConfigs: whether
// contacts on ch are accepted automatically. A second call appends to the
// list.
func (b *UpdateUserConfigBuilder) WithAutoAcceptConfig(ch channel.Channel, accept bool) *UpdateUserConfigBuilder {
	b.u.b.WithAutoAcceptConfig(ch, accept)
	return b
}

// WithAutoAcceptConfigs adds whole elements to AutoAcceptConfigs. A second
// call appends to the list.
func (b *UpdateUserConfigBuilder) WithAutoAcceptConfigs(configs ...channel.AutoAcceptConfig) *UpdateUserConfigBuilder {
	b.u.b.WithAutoAcceptConfigs(configs...)
	return b
}

// WithAfterContactWorkConfig adds an element to AfterContactWorkConfigs:
// the after-contact work time on ch in seconds (0 means indefinite). A
// second call appends to the list.
func (b *UpdateUserConfigBuilder) WithAfterContactWorkConfig(ch channel.Channel, seconds int64) *UpdateUserConfigBuilder {
	b.u.b.WithAfterContactWorkConfig(ch, seconds)
	return b
}

// WithAfterContactWorkConfigs adds whole elements to
// AfterContactWorkConfigs. A second call appends to the list.
func (b *UpdateUserConfigBuilder) WithAfterContactWorkConfigs(configs ...channel.AfterContactWorkConfig) *UpdateUserConfigBuilder {
	b.u.b.WithAfterContactWorkConfigs(configs...)
	return b
}

// WithPhoneNumberConfig adds an element to PhoneNumberConfigs on ch (only
// VOICE is supported); number is the desk phone number in E.164 form, and
// "" leaves it out. A second call appends to the list.
func (b *UpdateUserConfigBuilder) WithPhoneNumberConfig(ch channel.Channel, t channel.PhoneType, number string) *UpdateUserConfigBuilder {
	b.u.b.WithPhoneNumberConfig(ch, t, number)
	return b
}

// WithPersistentConnectionConfig adds an element to
// PersistentConnectionConfigs on ch (only VOICE is supported). A second
// call appends to the list.
func (b *UpdateUserConfigBuilder) WithPersistentConnectionConfig(ch channel.Channel, on bool) *UpdateUserConfigBuilder {
	b.u.b.WithPersistentConnectionConfig(ch, on)
	return b
}

// WithVoiceEnhancementConfig adds an element to VoiceEnhancementConfigs on
// ch (only VOICE is supported). A second call appends to the list.
func (b *UpdateUserConfigBuilder) WithVoiceEnhancementConfig(ch channel.Channel, mode channel.VoiceEnhancementMode) *UpdateUserConfigBuilder {
	b.u.b.WithVoiceEnhancementConfig(ch, mode)
	return b
}

// Build returns a deep copy of the request and every violation under
// opts (see [ValidateRequest]); the request is returned even when it has
// violations.
func (b *UpdateUserConfigBuilder) Build(opts ...Option) (*UpdateUserConfigInput, cuerrors.List) {
	v := configure(opts)
	return b.BuildWith(&v)
}

// BuildWith is Build with a Validator made once (nil: the zero Validator).
func (b *UpdateUserConfigBuilder) BuildWith(v *Validator) (*UpdateUserConfigInput, cuerrors.List) {
	r, out := b.u.with(opConfig, v)
	return r.(*UpdateUserConfigInput), out
}

// BuildUnvalidated returns a deep copy of the request without checking
// it; nil violations (this builder records none).
func (b *UpdateUserConfigBuilder) BuildUnvalidated() (*UpdateUserConfigInput, cuerrors.List) {
	r, out := b.u.unvalidated(opConfig)
	return r.(*UpdateUserConfigInput), out
}
