package user

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/connectkit/createuser/channel"
	cuerrors "github.com/connectkit/createuser/errors"
	"github.com/connectkit/createuser/identity"
)

// TestUpdateBuildersMatchLiterals checks that each builder produces the
// literal request: absent is not zero, "" on an optional member leaves it
// out, a second call replaces or appends as its doc says.
func TestUpdateBuildersMatchLiterals(t *testing.T) {
	const inst, uid = "i-1", "u-1"
	for _, tc := range []struct {
		name string
		got  func() (Request, cuerrors.List)
		want Request
	}{
		{"identity info", func() (Request, cuerrors.List) {
			return NewUpdateUserIdentityInfoBuilder().WithInstanceId(inst).WithUserId(uid).
				WithFirstName("Mary").WithLastName("X").WithLastName("Major").WithEmail("").
				WithSecondaryEmail("m@example.org").WithMobile("+15555551212").Build()
		}, &UpdateUserIdentityInfoInput{InstanceId: inst, UserId: uid, IdentityInfo: &identity.Info{
			FirstName: new(identity.Secret("Mary")), LastName: new(identity.Secret("Major")),
			SecondaryEmail: new(identity.Secret("m@example.org")), Mobile: new(identity.Secret("+15555551212"))}}},
		{"identity info: only empty values leave it absent", func() (Request, cuerrors.List) {
			r, l := NewUpdateUserIdentityInfoBuilder().WithInstanceId(inst).WithUserId(uid).WithEmail("").BuildUnvalidated()
			return r, l
		}, &UpdateUserIdentityInfoInput{InstanceId: inst, UserId: uid}},
		{"phone config", func() (Request, cuerrors.List) {
			return NewUpdateUserPhoneConfigBuilder().WithInstanceId(inst).WithUserId(uid).
				WithPhoneType(channel.DeskPhone).WithDeskPhoneNumber("+15555551212").WithAutoAccept(false).
				WithAfterContactWorkTimeLimit(0).WithPersistentConnection(true).Build()
		}, &UpdateUserPhoneConfigInput{InstanceId: inst, UserId: uid, PhoneConfig: &PhoneConfig{
			PhoneType: new(channel.DeskPhone), DeskPhoneNumber: new(identity.Secret("+15555551212")), AutoAccept: new(false),
			AfterContactWorkTimeLimit: new(int64(0)), PersistentConnection: new(true)}}},
		{"config", func() (Request, cuerrors.List) {
			return NewUpdateUserConfigBuilder().WithInstanceId(inst).WithUserId(uid).
				WithAutoAcceptConfig(channel.Voice, true).WithAutoAcceptConfigs(channel.AutoAcceptConfig{Channel: channel.Chat, AutoAccept: new(false)}).
				WithAfterContactWorkConfig(channel.Chat, 30).
				WithAfterContactWorkConfigs(channel.AfterContactWorkConfig{Channel: channel.Task, AfterContactWorkConfig: &channel.AfterContactWork{AfterContactWorkTimeLimit: new(int64(5))}}).
				WithPhoneNumberConfig(channel.Voice, channel.SoftPhone, "").
				WithPersistentConnectionConfig(channel.Voice, false).
				WithVoiceEnhancementConfig(channel.Voice, channel.None).Build()
		}, &UpdateUserConfigInput{InstanceId: inst, UserId: uid,
			AutoAcceptConfigs: []channel.AutoAcceptConfig{{Channel: channel.Voice, AutoAccept: new(true)}, {Channel: channel.Chat, AutoAccept: new(false)}},
			AfterContactWorkConfigs: []channel.AfterContactWorkConfig{
				{Channel: channel.Chat, AfterContactWorkConfig: &channel.AfterContactWork{AfterContactWorkTimeLimit: new(int64(30))}},
				{Channel: channel.Task, AfterContactWorkConfig: &channel.AfterContactWork{AfterContactWorkTimeLimit: new(int64(5))}}},
			PhoneNumberConfigs:          []channel.PhoneNumberConfig{{Channel: channel.Voice, PhoneType: channel.SoftPhone}},
			PersistentConnectionConfigs: []channel.PersistentConnectionConfig{{Channel: channel.Voice, PersistentConnection: new(false)}},
			VoiceEnhancementConfigs:     []channel.VoiceEnhancementConfig{{Channel: channel.Voice, VoiceEnhancementMode: channel.None}}}},
		{"routing profile", func() (Request, cuerrors.List) {
			return NewUpdateUserRoutingProfileBuilder().WithInstanceId(inst).WithUserId(uid).WithRoutingProfileId("r-1").WithRoutingProfileId("r-2").Build()
		}, &UpdateUserRoutingProfileInput{InstanceId: inst, UserId: uid, RoutingProfileId: "r-2"}},
		{"security profiles", func() (Request, cuerrors.List) {
			return NewUpdateUserSecurityProfilesBuilder().WithInstanceId(inst).WithUserId(uid).WithSecurityProfileIds("s-1").WithSecurityProfileIds("s-2", "s-3").Build()
		}, &UpdateUserSecurityProfilesInput{InstanceId: inst, UserId: uid, SecurityProfileIds: []string{"s-1", "s-2", "s-3"}}},
		{"hierarchy", func() (Request, cuerrors.List) {
			return NewUpdateUserHierarchyBuilder().WithInstanceId(inst).WithUserId(uid).WithHierarchyGroupId("g-1").Build()
		}, &UpdateUserHierarchyInput{InstanceId: inst, UserId: uid, HierarchyGroupId: new("g-1")}},
		{"hierarchy: \"\" clears it", func() (Request, cuerrors.List) {
			return NewUpdateUserHierarchyBuilder().WithInstanceId(inst).WithUserId(uid).WithHierarchyGroupId("g-1").WithHierarchyGroupId("").Build()
		}, &UpdateUserHierarchyInput{InstanceId: inst, UserId: uid}},
		{"tag", func() (Request, cuerrors.List) {
			return NewTagResourceBuilder().WithResourceArn(testUserARN).WithTag("team", "billing").WithTag("env", "").Build()
		}, &TagResourceInput{ResourceArn: testUserARN, Tags: map[string]string{"team": "billing", "env": ""}}},
		{"untag", func() (Request, cuerrors.List) {
			return NewUntagResourceBuilder().WithResourceArn(testUserARN).WithTagKeys("team").WithTagKeys("env").Build()
		}, &UntagResourceInput{ResourceArn: testUserARN, TagKeys: []string{"team", "env"}}},
		{"delete", func() (Request, cuerrors.List) {
			return NewDeleteUserBuilder().WithInstanceId(inst).WithUserId(uid).Build()
		}, &DeleteUserInput{InstanceId: inst, UserId: uid}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got, list := tc.got()
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("request (-want +got):\n%s", diff)
			}
			if list != nil {
				t.Errorf("violations: %v", list)
			}
		})
	}
}

// TestUpdateBuildersReport checks that Build reports what ValidateRequest
// reports, after what the builder recorded (a tag key twice, at tags).
func TestUpdateBuildersReport(t *testing.T) {
	r, list := NewTagResourceBuilder().WithTag("k", "1").WithTag("k", "2").WithTag("aws:x", "v").Build()
	want := []cuerrors.Want{ve("tags", cuerrors.CodeDuplicate), ve("resourceArn", cuerrors.CodeRequired), ve("tags", cuerrors.CodeReserved)}
	if d := cuerrors.Diff(want, list); d != "" {
		t.Error(d)
	}
	if r.Tags["k"] != "1" {
		t.Errorf("the first value of a key given twice is kept: %q", r.Tags["k"])
	}
	_, recorded := NewTagResourceBuilder().WithTag("k", "1").WithTag("k", "2").BuildUnvalidated()
	if len(recorded) != 1 || recorded[0].Field.String() != "tags" {
		t.Errorf("BuildUnvalidated: %v, want one duplicate at tags", recorded)
	}
	_, list = NewUpdateUserIdentityInfoBuilder().WithInstanceId("i-1").WithUserId("u-1").WithLastName("Major").
		BuildWith(NewValidator(WithIdentityManagement(identity.SAML)))
	if d := cuerrors.Diff([]cuerrors.Want{ve("IdentityInfo.FirstName", cuerrors.CodeRequired)}, list); d != "" {
		t.Errorf("BuildWith under SAML: %s", d)
	}
	_, list = NewUpdateUserPhoneConfigBuilder().BuildWith(nil)
	if d := cuerrors.Diff([]cuerrors.Want{ve("InstanceId", cuerrors.CodeRequired), ve("UserId", cuerrors.CodeRequired),
		ve("PhoneConfig", cuerrors.CodeRequired), ve("PhoneConfig.PhoneType", cuerrors.CodeRequired)}, list); d != "" {
		t.Errorf("BuildWith(nil): %s", d)
	}
}

// TestUpdateBuildersCopy checks that Build returns a deep copy, that
// NewXBuilderFrom never changes its input, and that Clone is deep.
func TestUpdateBuildersCopy(t *testing.T) {
	b := NewUpdateUserSecurityProfilesBuilder().WithSecurityProfileIds("s-1")
	first, _ := b.BuildUnvalidated()
	b.WithSecurityProfileIds("s-2")
	if len(first.SecurityProfileIds) != 1 {
		t.Errorf("a later call changed an earlier result: %v", first.SecurityProfileIds)
	}
	in := &UntagResourceInput{ResourceArn: testUserARN, TagKeys: []string{"a"}}
	out, _ := NewUntagResourceBuilderFrom(in).WithTagKeys("b").BuildUnvalidated()
	if len(in.TagKeys) != 1 || len(out.TagKeys) != 2 {
		t.Errorf("from: in %v, out %v", in.TagKeys, out.TagKeys)
	}
	pc := &UpdateUserPhoneConfigInput{InstanceId: "i", UserId: "u", PhoneConfig: &PhoneConfig{PhoneType: new(channel.SoftPhone)}}
	c := pc.Clone()
	*c.PhoneConfig.PhoneType = channel.DeskPhone
	if *pc.PhoneConfig.PhoneType != channel.SoftPhone {
		t.Error("Clone shares PhoneConfig.PhoneType")
	}
	tags := &TagResourceInput{ResourceArn: "a", Tags: map[string]string{"k": "v"}}
	tc := tags.Clone()
	tc.Tags["k"] = "w"
	if tags.Tags["k"] != "v" {
		t.Error("Clone shares tags")
	}
	if (*UpdateUserConfigInput)(nil).Clone() != nil || (*DeleteUserInput)(nil).Clone() != nil {
		t.Error("Clone of nil is not nil")
	}
}

// TestOperations checks the names: the order of Operations, CLI names,
// ParseOperation of both names, a hint for a near miss, and NewRequest.
func TestOperations(t *testing.T) {
	ops := Operations()
	if len(ops) != 10 || ops[0] != OperationCreateUser || ops[9] != OperationDeleteUser {
		t.Fatalf("Operations() = %v", ops)
	}
	for _, op := range ops {
		for _, name := range []string{op.CLIName(), string(op)} {
			if got, err := ParseOperation(name); err != nil || got != op {
				t.Errorf("ParseOperation(%q) = %q, %v", name, got, err)
			}
		}
		if r := NewRequest(op); r == nil || r.Operation() != op {
			t.Errorf("NewRequest(%s) = %#v", op, r)
		}
		if len(op.Members()) == 0 {
			t.Errorf("%s has no members", op)
		}
	}
	if OperationUpdateUserPhoneConfig.CLIName() != "update-user-phone-config" || Operation("x").CLIName() != "" {
		t.Error("CLIName")
	}
	for _, tc := range []struct{ in, hint string }{
		{"update-user-phone-confg", "update-user-phone-config"},
		{"updateuserphoneconfig", "update-user-phone-config"},
		{"create-users", "create-user"},
		{"nothing-like-it", ""},
	} {
		_, err := ParseOperation(tc.in)
		if err == nil {
			t.Errorf("ParseOperation(%q): no error", tc.in)
			continue
		}
		has := tc.hint != "" && strings.Contains(err.Error(), "did you mean "+tc.hint+"?")
		if (tc.hint != "") != has {
			t.Errorf("ParseOperation(%q): %v, want the hint %q", tc.in, err, tc.hint)
		}
	}
	if NewRequest("x") != nil {
		t.Error("NewRequest of an unknown operation is not nil")
	}
}

// TestRequestPaths checks the HTTP method and path of each operation,
// escaped as the SDK escapes.
func TestRequestPaths(t *testing.T) {
	type pathed interface {
		Method() string
		RequestPath() string
	}
	arn := "arn:aws:connect:us-west-2:123456789012:instance/i-1/agent/u 1"
	for _, tc := range []struct {
		r            pathed
		method, path string
	}{
		{&CreateUserInput{InstanceId: "i/1"}, "PUT", "/users/i%2F1"},
		{&UpdateUserIdentityInfoInput{InstanceId: "i-1", UserId: "u:1"}, "POST", "/users/i-1/u%3A1/identity-info"},
		{&UpdateUserPhoneConfigInput{InstanceId: "i-1", UserId: "u"}, "POST", "/users/i-1/u/phone-config"},
		{&UpdateUserConfigInput{InstanceId: "i-1", UserId: "u"}, "POST", "/users/i-1/u/config"},
		{&UpdateUserRoutingProfileInput{InstanceId: "i-1", UserId: "u"}, "POST", "/users/i-1/u/routing-profile"},
		{&UpdateUserSecurityProfilesInput{InstanceId: "i-1", UserId: "u"}, "POST", "/users/i-1/u/security-profiles"},
		{&UpdateUserHierarchyInput{InstanceId: "i-1", UserId: "u"}, "POST", "/users/i-1/u/hierarchy"},
		{&TagResourceInput{ResourceArn: arn}, "POST", "/tags/arn%3Aaws%3Aconnect%3Aus-west-2%3A123456789012%3Ainstance%2Fi-1%2Fagent%2Fu%201"},
		{&UntagResourceInput{ResourceArn: "a"}, "DELETE", "/tags/a"},
		{&DeleteUserInput{InstanceId: "i-1", UserId: "u"}, "DELETE", "/users/i-1/u"},
	} {
		if tc.r.Method() != tc.method || tc.r.RequestPath() != tc.path {
			t.Errorf("%T: %s %s, want %s %s", tc.r, tc.r.Method(), tc.r.RequestPath(), tc.method, tc.path)
		}
	}
	if q := (&UntagResourceInput{TagKeys: []string{"a b", "c&d"}}).RawQuery(); q != "tagKeys=a+b&tagKeys=c%26d" {
		t.Errorf("RawQuery = %q", q)
	}
}
