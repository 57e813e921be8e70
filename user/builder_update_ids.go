package user

import (
	cuerrors "github.com/connectkit/createuser/errors"
)

// The builders of the updates that set identifiers, and of DeleteUser (see
// builder_update.go).

// UpdateUserRoutingProfileBuilder assembles an
// [UpdateUserRoutingProfileInput]:
//
//	in, violations := user.NewUpdateUserRoutingProfileBuilder().
//		WithInstanceId("a1b2c3d4-...").WithUserId("u-1").
//		WithRoutingProfileId("r-2").
//		Build()
//
// Not safe for concurrent use; Build returns a deep copy.
type UpdateUserRoutingProfileBuilder struct{ u updateBuilder }

// NewUpdateUserRoutingProfileBuilder returns an empty builder.
func NewUpdateUserRoutingProfileBuilder() *UpdateUserRoutingProfileBuilder {
	return &UpdateUserRoutingProfileBuilder{}
}

// NewUpdateUserRoutingProfileBuilderFrom returns a builder that starts
// from a deep copy of in (nil: empty); in itself is never changed.
func NewUpdateUserRoutingProfileBuilderFrom(in *UpdateUserRoutingProfileInput) *UpdateUserRoutingProfileBuilder {
	b := &UpdateUserRoutingProfileBuilder{}
	b.u.from(in)
	return b
}

// WithInstanceId sets InstanceId, a required member: "" is kept and
// reported by Build. A second call replaces the value.
func (b *UpdateUserRoutingProfileBuilder) WithInstanceId(id string) *UpdateUserRoutingProfileBuilder {
	b.u.b.WithInstanceId(id)
	return b
}

// WithUserId sets UserId, a required member: "" is kept and reported by
// Build. A second call replaces the value.
func (b *UpdateUserRoutingProfileBuilder) WithUserId(id string) *UpdateUserRoutingProfileBuilder {
	b.u.x.userID = id
	return b
}

// WithRoutingProfileId sets RoutingProfileId, a required member: "" is
// kept and reported by Build. A second call replaces the value.
func (b *UpdateUserRoutingProfileBuilder) WithRoutingProfileId(id string) *UpdateUserRoutingProfileBuilder {
	b.u.b.WithRoutingProfileId(id)
	return b
}

// Build returns a deep copy of the request and every violation under
// opts (see [ValidateRequest]); the request is returned even when it has
// violations.
func (b *UpdateUserRoutingProfileBuilder) Build(opts ...Option) (*UpdateUserRoutingProfileInput, cuerrors.List) {
	v := configure(opts)
	return b.BuildWith(&v)
}

// BuildWith is Build with a Validator made once (nil: the zero Validator).
func (b *UpdateUserRoutingProfileBuilder) BuildWith(v *Validator) (*UpdateUserRoutingProfileInput, cuerrors.List) {
	r, out := b.u.with(opRoutingProfile, v)
	return r.(*UpdateUserRoutingProfileInput), out
}

// BuildUnvalidated returns a deep copy of the request without checking
// it; nil violations (this builder records none).
func (b *UpdateUserRoutingProfileBuilder) BuildUnvalidated() (*UpdateUserRoutingProfileInput, cuerrors.List) {
	r, out := b.u.unvalidated(opRoutingProfile)
	return r.(*UpdateUserRoutingProfileInput), out
}

// UpdateUserSecurityProfilesBuilder assembles an
// [UpdateUserSecurityProfilesInput]:
//
//	in, violations := user.NewUpdateUserSecurityProfilesBuilder().
//		WithInstanceId("a1b2c3d4-...").WithUserId("u-1").
//		WithSecurityProfileIds("s-1", "s-2").
//		Build()
//
// The request replaces the user's security profiles. Not safe for
// concurrent use; Build returns a deep copy.
type UpdateUserSecurityProfilesBuilder struct{ u updateBuilder }

// NewUpdateUserSecurityProfilesBuilder returns an empty builder.
func NewUpdateUserSecurityProfilesBuilder() *UpdateUserSecurityProfilesBuilder {
	return &UpdateUserSecurityProfilesBuilder{}
}

// NewUpdateUserSecurityProfilesBuilderFrom returns a builder that starts
// from a deep copy of in (nil: empty); in itself is never changed.
func NewUpdateUserSecurityProfilesBuilderFrom(in *UpdateUserSecurityProfilesInput) *UpdateUserSecurityProfilesBuilder {
	b := &UpdateUserSecurityProfilesBuilder{}
	b.u.from(in)
	return b
}

// WithInstanceId sets InstanceId, a required member: "" is kept and
// reported by Build. A second call replaces the value.
func (b *UpdateUserSecurityProfilesBuilder) WithInstanceId(id string) *UpdateUserSecurityProfilesBuilder {
	b.u.b.WithInstanceId(id)
	return b
}

// WithUserId sets UserId, a required member: "" is kept and reported by
// Build. A second call replaces the value.
func (b *UpdateUserSecurityProfilesBuilder) WithUserId(id string) *UpdateUserSecurityProfilesBuilder {
	b.u.x.userID = id
	return b
}

// WithSecurityProfileIds adds security profile ids (identifiers or ARNs).
// A second call appends to the list.
func (b *UpdateUserSecurityProfilesBuilder) WithSecurityProfileIds(ids ...string) *UpdateUserSecurityProfilesBuilder {
	b.u.b.WithSecurityProfileIds(ids...)
	return b
}

// Build returns a deep copy of the request and every violation under
// opts (see [ValidateRequest]); the request is returned even when it has
// violations.
func (b *UpdateUserSecurityProfilesBuilder) Build(opts ...Option) (*UpdateUserSecurityProfilesInput, cuerrors.List) {
	v := configure(opts)
	return b.BuildWith(&v)
}

// BuildWith is Build with a Validator made once (nil: the zero Validator).
func (b *UpdateUserSecurityProfilesBuilder) BuildWith(v *Validator) (*UpdateUserSecurityProfilesInput, cuerrors.List) {
	r, out := b.u.with(opSecurityProfiles, v)
	return r.(*UpdateUserSecurityProfilesInput), out
}

// BuildUnvalidated returns a deep copy of the request without checking
// it; nil violations (this builder records none).
func (b *UpdateUserSecurityProfilesBuilder) BuildUnvalidated() (*UpdateUserSecurityProfilesInput, cuerrors.List) {
	r, out := b.u.unvalidated(opSecurityProfiles)
	return r.(*UpdateUserSecurityProfilesInput), out
}

// UpdateUserHierarchyBuilder assembles an [UpdateUserHierarchyInput]:
//
//	in, violations := user.NewUpdateUserHierarchyBuilder().
//		WithInstanceId("a1b2c3d4-...").WithUserId("u-1").
//		WithHierarchyGroupId("g-3"). // or none: the user leaves its group
//		Build()
//
// Not safe for concurrent use; Build returns a deep copy.
type UpdateUserHierarchyBuilder struct{ u updateBuilder }

// NewUpdateUserHierarchyBuilder returns an empty builder.
func NewUpdateUserHierarchyBuilder() *UpdateUserHierarchyBuilder {
	return &UpdateUserHierarchyBuilder{}
}

// NewUpdateUserHierarchyBuilderFrom returns a builder that starts from a
// deep copy of in (nil: empty); in itself is never changed.
func NewUpdateUserHierarchyBuilderFrom(in *UpdateUserHierarchyInput) *UpdateUserHierarchyBuilder {
	b := &UpdateUserHierarchyBuilder{}
	b.u.from(in)
	return b
}

// WithInstanceId sets InstanceId, a required member: "" is kept and
// reported by Build. A second call replaces the value.
func (b *UpdateUserHierarchyBuilder) WithInstanceId(id string) *UpdateUserHierarchyBuilder {
	b.u.b.WithInstanceId(id)
	return b
}

// WithUserId sets UserId, a required member: "" is kept and reported by
// Build. A second call replaces the value.
func (b *UpdateUserHierarchyBuilder) WithUserId(id string) *UpdateUserHierarchyBuilder {
	b.u.x.userID = id
	return b
}

// WithHierarchyGroupId sets HierarchyGroupId; "" leaves it out (the
// request then takes the user out of its group). A second call replaces
// the value.
func (b *UpdateUserHierarchyBuilder) WithHierarchyGroupId(id string) *UpdateUserHierarchyBuilder {
	b.u.b.WithHierarchyGroupId(id)
	return b
}

// Build returns a deep copy of the request and every violation under
// opts (see [ValidateRequest]); the request is returned even when it has
// violations.
func (b *UpdateUserHierarchyBuilder) Build(opts ...Option) (*UpdateUserHierarchyInput, cuerrors.List) {
	v := configure(opts)
	return b.BuildWith(&v)
}

// BuildWith is Build with a Validator made once (nil: the zero Validator).
func (b *UpdateUserHierarchyBuilder) BuildWith(v *Validator) (*UpdateUserHierarchyInput, cuerrors.List) {
	r, out := b.u.with(opHierarchy, v)
	return r.(*UpdateUserHierarchyInput), out
}

// BuildUnvalidated returns a deep copy of the request without checking
// it; nil violations (this builder records none).
func (b *UpdateUserHierarchyBuilder) BuildUnvalidated() (*UpdateUserHierarchyInput, cuerrors.List) {
	r, out := b.u.unvalidated(opHierarchy)
	return r.(*UpdateUserHierarchyInput), out
}

// DeleteUserBuilder assembles a [DeleteUserInput]:
//
//	in, violations := user.NewDeleteUserBuilder().
//		WithInstanceId("a1b2c3d4-...").WithUserId("u-1").
//		Build()
//
// Not safe for concurrent use; Build returns a deep copy.
type DeleteUserBuilder struct{ u updateBuilder }

// NewDeleteUserBuilder returns an empty builder.
func NewDeleteUserBuilder() *DeleteUserBuilder { return &DeleteUserBuilder{} }

// NewDeleteUserBuilderFrom returns a builder that starts from a copy of in
// (nil: empty); in itself is never changed.
func NewDeleteUserBuilderFrom(in *DeleteUserInput) *DeleteUserBuilder {
	b := &DeleteUserBuilder{}
	b.u.from(in)
	return b
}

// WithInstanceId sets InstanceId, a required member: "" is kept and
// reported by Build. A second call replaces the value.
func (b *DeleteUserBuilder) WithInstanceId(id string) *DeleteUserBuilder {
	b.u.b.WithInstanceId(id)
	return b
}

// WithUserId sets UserId, a required member: "" is kept and reported by
// Build. A second call replaces the value.
func (b *DeleteUserBuilder) WithUserId(id string) *DeleteUserBuilder {
	b.u.x.userID = id
	return b
}

// Build returns a copy of the request and every violation under opts (see
// [ValidateRequest]); the request is returned even when it has violations.
func (b *DeleteUserBuilder) Build(opts ...Option) (*DeleteUserInput, cuerrors.List) {
	v := configure(opts)
	return b.BuildWith(&v)
}

// BuildWith is Build with a Validator made once (nil: the zero Validator).
func (b *DeleteUserBuilder) BuildWith(v *Validator) (*DeleteUserInput, cuerrors.List) {
	r, out := b.u.with(opDelete, v)
	return r.(*DeleteUserInput), out
}

// BuildUnvalidated returns a copy of the request without checking it; nil
// violations (this builder records none).
func (b *DeleteUserBuilder) BuildUnvalidated() (*DeleteUserInput, cuerrors.List) {
	r, out := b.u.unvalidated(opDelete)
	return r.(*DeleteUserInput), out
}
