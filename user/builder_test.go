package user

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/connectkit/createuser/channel"
	cuerrors "github.com/connectkit/createuser/errors"
	"github.com/connectkit/createuser/identity"
)

func TestBuilderMatchesLiteral(t *testing.T) {
	want := fullRequest()
	b := NewBuilder().
		WithInstanceId(want.InstanceId).
		WithUsername(want.Username).
		WithPassword(want.Password.Reveal()).
		WithFirstName("Mary").
		WithLastName("Major").
		WithEmail("mary@example.com").
		WithSecondaryEmail("mary.major@example.org").
		WithMobile("+15555551212").
		WithSecurityProfileIds(want.SecurityProfileIds[0]).
		WithSecurityProfileIds(want.SecurityProfileIds[1:]...).
		WithRoutingProfileId(want.RoutingProfileId).
		WithHierarchyGroupId(*want.HierarchyGroupId).
		WithAutoAcceptConfigs(want.AutoAcceptConfigs[0]).
		WithAutoAcceptConfig(channel.Chat, false).
		WithAutoAcceptConfig(channel.Task, true).
		WithAutoAcceptConfig(channel.Email, false).
		WithAfterContactWorkConfigs(want.AfterContactWorkConfigs[0]).
		WithAfterContactWorkConfig(channel.Chat, 2_000_000).
		WithAfterContactWorkConfig(channel.Task, 30).
		WithAfterContactWorkConfig(channel.Email, 0).
		WithPhoneNumberConfig(channel.Voice, channel.DeskPhone, "+15555551212").
		WithPersistentConnectionConfig(channel.Voice, true).
		WithVoiceEnhancementConfig(channel.Voice, channel.NoiseSuppression)
	for k, v := range want.Tags {
		b.WithTag(k, v)
	}
	opt := WithIdentityManagement(identity.ConnectManaged)
	got, violations := b.Build(opt)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("Build() request differs from the literal (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(Validate(want, opt), violations); diff != "" {
		t.Errorf("Build() violations differ from Validate(literal) (-want +got):\n%s", diff)
	}
	if len(violations) != 0 {
		t.Errorf("full request: %v", violations)
	}
}

func TestBuilderReplacesAndAppends(t *testing.T) {
	b := NewBuilder().
		WithUsername("first").WithUsername("second").
		WithSecurityProfileIds("a").WithSecurityProfileIds("b").
		WithAutoAccept(true).WithAutoAccept(false).
		WithAfterContactWorkTimeLimit(5).WithAfterContactWorkTimeLimit(0).
		WithPhoneNumberConfig(channel.Voice, channel.SoftPhone, "")
	in, _ := b.Build()
	if in.Username != "second" {
		t.Errorf("Username = %q, want the second value", in.Username)
	}
	if diff := cmp.Diff([]string{"a", "b"}, in.SecurityProfileIds); diff != "" {
		t.Errorf("SecurityProfileIds (-want +got):\n%s", diff)
	}
	if in.PhoneConfig == nil || in.PhoneConfig.AutoAccept == nil || *in.PhoneConfig.AutoAccept {
		t.Errorf("PhoneConfig.AutoAccept = %v, want present and false", in.PhoneConfig.AutoAccept)
	}
	if in.PhoneConfig.AfterContactWorkTimeLimit == nil || *in.PhoneConfig.AfterContactWorkTimeLimit != 0 {
		t.Errorf("AfterContactWorkTimeLimit should be present and 0")
	}
	if in.PhoneNumberConfigs[0].PhoneNumber != nil {
		t.Errorf("an empty number should be left out")
	}
}

func TestBuilderRecordsDuplicateTag(t *testing.T) {
	base := minimalRequest()
	_, got := NewBuilder().
		WithInstanceId(base.InstanceId).WithUsername(base.Username).WithPassword("Passw0rdExample").
		WithFirstName("Mary").WithLastName("Major").WithEmail("mary@example.com").
		WithSecurityProfileIds(base.SecurityProfileIds...).WithRoutingProfileId(base.RoutingProfileId).
		WithTag("team", "a").WithTag("team", "b").WithTag("aws:x", "c").
		Build(WithIdentityManagement(identity.ConnectManaged))
	want := []cuerrors.Want{
		{Field: "Tags", Code: cuerrors.CodeDuplicate, Severity: cuerrors.SeverityError},
		{Field: "Tags", Code: cuerrors.CodeReserved, Severity: cuerrors.SeverityError},
	}
	if d := cuerrors.Diff(want, got); d != "" {
		t.Error(d)
	}
	if got[0].Rule != catalog[rTagKeyDuplicate].ID || got[0].Value.Interface() != "team" {
		t.Errorf("duplicate = %+v, want rule %s with the key as value", got[0], catalog[rTagKeyDuplicate].ID)
	}
}

func TestBuildReturnsIndependentCopy(t *testing.T) {
	b := NewBuilder().WithUsername("a").WithSecurityProfileIds("x").WithTag("k", "v").WithAutoAccept(true)
	first, _ := b.Build()
	b.WithUsername("b").WithSecurityProfileIds("y").WithTag("k2", "v").WithAutoAccept(false)
	first.SecurityProfileIds[0] = "changed"
	second, _ := b.Build()
	if first.Username != "a" || len(first.SecurityProfileIds) != 1 || len(first.Tags) != 1 || !*first.PhoneConfig.AutoAccept {
		t.Errorf("the first request changed with the builder: %+v", first)
	}
	if second.SecurityProfileIds[0] != "x" {
		t.Errorf("changing a built request changed the builder")
	}
}

func TestCloneIsDeep(t *testing.T) {
	in := fullRequest()
	in.PhoneConfig = &PhoneConfig{AutoAccept: new(true), PhoneType: new(channel.SoftPhone)}
	c := in.Clone()
	if diff := cmp.Diff(in, c); diff != "" {
		t.Fatalf("Clone differs (-in +clone):\n%s", diff)
	}
	*c.Password = "other"
	*c.IdentityInfo.FirstName = "other"
	*c.PhoneConfig.AutoAccept = false
	*c.AfterContactWorkConfigs[0].AfterContactWorkConfig.AfterContactWorkTimeLimit = 1
	*c.PhoneNumberConfigs[0].PhoneNumber = "other"
	c.Tags["team-0"] = "other"
	c.SecurityProfileIds[0] = "other"
	if diff := cmp.Diff(fullRequestWithPhone(), in); diff != "" {
		t.Errorf("changing the clone changed the original (-want +got):\n%s", diff)
	}
	if (*CreateUserInput)(nil).Clone() != nil {
		t.Error("Clone(nil) != nil")
	}
	empty := &CreateUserInput{SecurityProfileIds: []string{}, Tags: map[string]string{}}
	if c := empty.Clone(); c.SecurityProfileIds == nil || c.Tags == nil {
		t.Error("Clone must keep an empty list or map present")
	}
}

func fullRequestWithPhone() *CreateUserInput {
	in := fullRequest()
	in.PhoneConfig = &PhoneConfig{AutoAccept: new(true), PhoneType: new(channel.SoftPhone)}
	return in
}
