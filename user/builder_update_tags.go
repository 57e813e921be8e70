package user

import (
	cuerrors "github.com/connectkit/createuser/errors"
)

// The builders of TagResource and UntagResource for a user (see
// builder_update.go).

// TagResourceBuilder assembles a [TagResourceInput] for a user:
//
//	in, violations := user.NewTagResourceBuilder().
//		WithResourceArn("arn:aws:connect:us-east-1:123456789012:instance/a1b2c3d4-.../agent/u-1").
//		WithTag("team", "billing").
//		Build()
//
// Not safe for concurrent use; Build returns a deep copy.
type TagResourceBuilder struct{ u updateBuilder }

// NewTagResourceBuilder returns an empty builder.
func NewTagResourceBuilder() *TagResourceBuilder { return &TagResourceBuilder{} }

// NewTagResourceBuilderFrom returns a builder that starts from a deep copy
// of in (nil: empty); in itself is never changed.
func NewTagResourceBuilderFrom(in *TagResourceInput) *TagResourceBuilder {
	b := &TagResourceBuilder{}
	b.u.from(in)
	return b
}

// WithResourceArn sets resourceArn, the user's ARN, a required member: ""
// is kept and reported by Build. A second call replaces the value.
func (b *TagResourceBuilder) WithResourceArn(arn string) *TagResourceBuilder {
	b.u.x.resourceARN = arn
	return b
}

// WithTag adds the tag key=value. A second call appends to tags; a second
// call with the same key keeps the first value and is reported by Build as
// a duplicate key, since the service would see the key twice.
func (b *TagResourceBuilder) WithTag(key, value string) *TagResourceBuilder {
	n := len(b.u.b.recorded)
	b.u.b.WithTag(key, value)
	for i := n; i < len(b.u.b.recorded); i++ {
		b.u.b.recorded[i].Field = pathTagsLower // this operation's wire name
	}
	return b
}

// Build returns a deep copy of the request and every violation: what the
// builder recorded, then the catalog under opts (see [ValidateRequest]).
// The request is returned even when it has violations.
func (b *TagResourceBuilder) Build(opts ...Option) (*TagResourceInput, cuerrors.List) {
	v := configure(opts)
	return b.BuildWith(&v)
}

// BuildWith is Build with a Validator made once (nil: the zero Validator).
func (b *TagResourceBuilder) BuildWith(v *Validator) (*TagResourceInput, cuerrors.List) {
	r, out := b.u.with(opTagResource, v)
	return r.(*TagResourceInput), out
}

// BuildUnvalidated returns a deep copy of the request without checking
// it, and only what the builder recorded (a tag key given twice); nil
// when there is none.
func (b *TagResourceBuilder) BuildUnvalidated() (*TagResourceInput, cuerrors.List) {
	r, out := b.u.unvalidated(opTagResource)
	return r.(*TagResourceInput), out
}

// UntagResourceBuilder assembles an [UntagResourceInput] for a user:
//
//	in, violations := user.NewUntagResourceBuilder().
//		WithResourceArn("arn:aws:connect:us-east-1:123456789012:instance/a1b2c3d4-.../agent/u-1").
//		WithTagKeys("team").
//		Build()
//
// Not safe for concurrent use; Build returns a deep copy.
type UntagResourceBuilder struct{ u updateBuilder }

// NewUntagResourceBuilder returns an empty builder.
func NewUntagResourceBuilder() *UntagResourceBuilder { return &UntagResourceBuilder{} }

// NewUntagResourceBuilderFrom returns a builder that starts from a deep
// copy of in (nil: empty); in itself is never changed.
func NewUntagResourceBuilderFrom(in *UntagResourceInput) *UntagResourceBuilder {
	b := &UntagResourceBuilder{}
	b.u.from(in)
	return b
}

// WithResourceArn sets resourceArn, the user's ARN, a required member: ""
// is kept and reported by Build. A second call replaces the value.
func (b *UntagResourceBuilder) WithResourceArn(arn string) *UntagResourceBuilder {
	b.u.x.resourceARN = arn
	return b
}

// WithTagKeys adds keys of the tags to remove. A second call appends to
// the list.
func (b *UntagResourceBuilder) WithTagKeys(keys ...string) *UntagResourceBuilder {
	b.u.x.tagKeys = append(b.u.x.tagKeys, keys...)
	return b
}

// Build returns a deep copy of the request and every violation under
// opts (see [ValidateRequest]); the request is returned even when it has
// violations.
func (b *UntagResourceBuilder) Build(opts ...Option) (*UntagResourceInput, cuerrors.List) {
	v := configure(opts)
	return b.BuildWith(&v)
}

// BuildWith is Build with a Validator made once (nil: the zero Validator).
func (b *UntagResourceBuilder) BuildWith(v *Validator) (*UntagResourceInput, cuerrors.List) {
	r, out := b.u.with(opUntagResource, v)
	return r.(*UntagResourceInput), out
}

// BuildUnvalidated returns a deep copy of the request without checking
// it; nil violations (this builder records none).
func (b *UntagResourceBuilder) BuildUnvalidated() (*UntagResourceInput, cuerrors.List) {
	r, out := b.u.unvalidated(opUntagResource)
	return r.(*UntagResourceInput), out
}
