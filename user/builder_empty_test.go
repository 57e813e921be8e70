package user

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/connectkit/createuser/channel"
	cuerrors "github.com/connectkit/createuser/errors"
	"github.com/connectkit/createuser/identity"
)

// TestBuilderEmptyOptional: one rule for every optional string member:
// "" leaves it out, and removes what an earlier call set (issue 9: before,
// WithMobile("") stored a present "" while WithPhoneNumberConfig treated
// "" as absent).
func TestBuilderEmptyOptional(t *testing.T) {
	set := map[string]func(b *Builder, s string) *Builder{
		"Password":                    (*Builder).WithPassword,
		"IdentityInfo.FirstName":      (*Builder).WithFirstName,
		"IdentityInfo.LastName":       (*Builder).WithLastName,
		"IdentityInfo.Email":          (*Builder).WithEmail,
		"IdentityInfo.SecondaryEmail": (*Builder).WithSecondaryEmail,
		"IdentityInfo.Mobile":         (*Builder).WithMobile,
		"PhoneConfig.PhoneType":       func(b *Builder, s string) *Builder { return b.WithPhoneType(channel.PhoneType(s)) },
		"PhoneConfig.DeskPhoneNumber": (*Builder).WithDeskPhoneNumber,
		"DirectoryUserId":             (*Builder).WithDirectoryUserId,
		"HierarchyGroupId":            (*Builder).WithHierarchyGroupId,
		"PhoneNumberConfigs[0].PhoneNumber": func(b *Builder, s string) *Builder {
			return b.WithPhoneNumberConfig(channel.Voice, channel.DeskPhone, s)
		},
	}
	for member, with := range set {
		t.Run(member, func(t *testing.T) {
			// Alone: "" makes nothing present, not even the parent object.
			in, _ := with(NewBuilder(), "").BuildUnvalidated()
			want := &CreateUserInput{}
			if member == "PhoneNumberConfigs[0].PhoneNumber" {
				want.PhoneNumberConfigs = []channel.PhoneNumberConfig{{Channel: channel.Voice, PhoneType: channel.DeskPhone}}
			}
			if d := cmp.Diff(want, in); d != "" {
				t.Errorf(`With(""): (-want +got)\n%s`, d)
			}
			// After a value: "" removes it.
			if member != "PhoneNumberConfigs[0].PhoneNumber" {
				b := with(NewBuilder(), "x1")
				in, _ = with(b, "").BuildUnvalidated()
				if in.Password != nil || in.DirectoryUserId != nil || in.HierarchyGroupId != nil ||
					in.IdentityInfo != nil && *in.IdentityInfo != (identity.Info{}) ||
					in.PhoneConfig != nil && *in.PhoneConfig != (PhoneConfig{}) {
					t.Errorf(`With("x1") then With(""): %+v`, in)
				}
			}
		})
	}
	// A form with empty optional fields: only what is really missing.
	_, got := NewBuilder().WithInstanceId("40c83b68-ea62-414c-97bb-d018e39e158e").WithUsername("mary").WithPassword("Sunrise2026Desk").
		WithFirstName("Mary").WithLastName("Major").WithEmail("").WithSecondaryEmail("").WithMobile("").
		WithDirectoryUserId("").WithHierarchyGroupId("").WithDeskPhoneNumber("").
		WithSecurityProfileIds("12345678-1234-1234-1234-123456789012").WithRoutingProfileId("87654321-9876-9876-9876-210987654321").
		Build(WithIdentityManagement(identity.ConnectManaged))
	if d := cuerrors.Diff([]cuerrors.Want{{Field: "IdentityInfo.Email", Code: cuerrors.CodeRequired, Severity: cuerrors.SeverityWarning}}, got); d != "" {
		t.Error(d)
	}
}

// TestBuilderBuildWith: Build with a Validator made once gives what
// Build with the same options gives; BuildUnvalidated checks nothing but
// keeps what the builder recorded.
func TestBuilderBuildWith(t *testing.T) {
	b := NewBuilder().WithUsername("mary").WithTag("env", "a").WithTag("env", "b")
	in1, want := b.Build(WithIdentityManagement(identity.SAML))
	in2, got := b.BuildWith(NewValidator(WithIdentityManagement(identity.SAML)))
	if d := cmp.Diff(cuerrors.Wants(want), cuerrors.Wants(got)); d != "" || len(got) < 3 {
		t.Errorf("BuildWith (-Build +BuildWith):\n%s", d)
	}
	if d := cmp.Diff(in1, in2); d != "" {
		t.Errorf("requests differ:\n%s", d)
	}
	_, nilV := b.BuildWith(nil)
	_, unknown := b.Build()
	if d := cmp.Diff(cuerrors.Wants(unknown), cuerrors.Wants(nilV)); d != "" {
		t.Errorf("BuildWith(nil) is not Build():\n%s", d)
	}
	in3, recorded := b.BuildUnvalidated()
	if d := cuerrors.Diff([]cuerrors.Want{{Field: "Tags", Code: cuerrors.CodeDuplicate}}, recorded); d != "" {
		t.Error(d)
	}
	if in3 == in1 || in3.Username != "mary" || in3.Tags["env"] != "a" {
		t.Errorf("BuildUnvalidated = %+v", in3)
	}
	if _, none := NewBuilder().BuildUnvalidated(); none != nil {
		t.Errorf("BuildUnvalidated of an empty builder: %v", none)
	}
}

// TestNewBuilderFrom: a builder starts from a copy of an existing request
// and never changes it.
func TestNewBuilderFrom(t *testing.T) {
	orig := fullRequest()
	keep := orig.Clone()
	in, _ := NewBuilderFrom(orig).WithUsername("other").WithTag("new", "x").WithEmail("").WithSecurityProfileIds("sp-3").BuildUnvalidated()
	if d := cmp.Diff(keep, orig); d != "" {
		t.Fatalf("the request given changed:\n%s", d)
	}
	if in.Username != "other" || in.Tags["new"] != "x" || in.IdentityInfo.Email != nil ||
		len(in.SecurityProfileIds) != len(orig.SecurityProfileIds)+1 || in.IdentityInfo.FirstName == nil {
		t.Errorf("NewBuilderFrom: %+v", in)
	}
	if in, _ := NewBuilderFrom(nil).BuildUnvalidated(); !cmp.Equal(in, &CreateUserInput{}) {
		t.Errorf("NewBuilderFrom(nil) = %+v", in)
	}
}
