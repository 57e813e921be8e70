package user

import (
	"testing"

	"github.com/connectkit/createuser/channel"
	cuerrors "github.com/connectkit/createuser/errors"
	"github.com/connectkit/createuser/identity"
)

// TestUpdateSharedMembers runs every CreateUser rule case under every
// identity type through each update operation: at the members the update
// shares with CreateUser, the update reports exactly what CreateUser
// reports (path, code, rule, severity), but where the update's own
// required row fires (PhoneConfig.PhoneType "" in UpdateUserPhoneConfig).
func TestUpdateSharedMembers(t *testing.T) {
	for _, table := range ruleTables {
		for _, tc := range table {
			for _, col := range ruleColumns {
				in := col.base()
				if tc.mutate != nil {
					tc.mutate(in)
				}
				v := NewValidator(WithIdentityManagement(col.typ))
				for _, op := range updateOps {
					if d := sharedDiff(v, op, in); d != "" {
						t.Errorf("%s under %s: %s", tc.name, col.name, d)
					}
				}
			}
		}
	}
}

// updateCase is a case of an update's own rules: a request and the exact
// violations, as (field, code, severity), under every identity type.
type updateCase struct {
	name string
	r    Request
	want []cuerrors.Want
}

// updateCaseTypes limits cases by name to some identity types (the
// others run under every type and Unknown).
var updateCaseTypes = map[string][]identity.Type{
	"identity info valid":             federated,
	"identity info absent":            federated,
	"user id absent":                  federated,
	"identity info absent under SAML": {identity.SAML},
}

var federated = []identity.Type{identity.ExistingDirectory, identity.Unknown}

func strp(s string) *string { return &s }

var updateCases = []updateCase{
	{"identity info valid", &UpdateUserIdentityInfoInput{InstanceId: "i-1", UserId: testUserID,
		IdentityInfo: &identity.Info{FirstName: new(identity.Secret("Mary")), LastName: new(identity.Secret("Major"))}}, nil},
	{"identity info absent", &UpdateUserIdentityInfoInput{InstanceId: "i-1", UserId: testUserID},
		[]cuerrors.Want{ve("IdentityInfo", cuerrors.CodeRequired)}},
	{"identity info absent under SAML", &UpdateUserIdentityInfoInput{InstanceId: "i-1", UserId: testUserID},
		[]cuerrors.Want{ve("IdentityInfo", cuerrors.CodeRequired), ve("IdentityInfo.FirstName", cuerrors.CodeRequired),
			ve("IdentityInfo.LastName", cuerrors.CodeRequired)}},
	{"user id absent", &UpdateUserIdentityInfoInput{InstanceId: "i-1", IdentityInfo: &identity.Info{}},
		[]cuerrors.Want{ve("UserId", cuerrors.CodeRequired)}},
	{"user id dot segment", &DeleteUserInput{InstanceId: "i-1", UserId: ".."},
		[]cuerrors.Want{ve("UserId", cuerrors.CodePattern)}},
	{"user id not utf-8", &DeleteUserInput{InstanceId: "i-1", UserId: "u\xff"},
		[]cuerrors.Want{ve("UserId", cuerrors.CodeSyntax)}},
	{"delete nothing", &DeleteUserInput{},
		[]cuerrors.Want{ve("InstanceId", cuerrors.CodeRequired), ve("UserId", cuerrors.CodeRequired)}},
	{"delete nil", (*DeleteUserInput)(nil),
		[]cuerrors.Want{ve("InstanceId", cuerrors.CodeRequired), ve("UserId", cuerrors.CodeRequired)}},
	{"phone config absent", &UpdateUserPhoneConfigInput{InstanceId: "i-1", UserId: testUserID},
		[]cuerrors.Want{ve("PhoneConfig", cuerrors.CodeRequired), ve("PhoneConfig.PhoneType", cuerrors.CodeRequired)}},
	{"phone type absent", &UpdateUserPhoneConfigInput{InstanceId: "i-1", UserId: testUserID, PhoneConfig: &PhoneConfig{AutoAccept: new(true)}},
		[]cuerrors.Want{ve("PhoneConfig.PhoneType", cuerrors.CodeRequired)}},
	{"phone type empty", &UpdateUserPhoneConfigInput{InstanceId: "i-1", UserId: testUserID, PhoneConfig: &PhoneConfig{PhoneType: new(channel.PhoneType(""))}},
		[]cuerrors.Want{ve("PhoneConfig.PhoneType", cuerrors.CodeRequired)}},
	{"desk phone without number", &UpdateUserPhoneConfigInput{InstanceId: "i-1", UserId: testUserID, PhoneConfig: &PhoneConfig{PhoneType: new(channel.DeskPhone)}},
		[]cuerrors.Want{vw("PhoneConfig.DeskPhoneNumber", cuerrors.CodeIncomplete)}},
	{"config no list", &UpdateUserConfigInput{InstanceId: "i-1", UserId: testUserID},
		[]cuerrors.Want{ve("", cuerrors.CodeRequired)}},
	{"config empty lists", &UpdateUserConfigInput{InstanceId: "i-1", UserId: testUserID, AutoAcceptConfigs: []channel.AutoAcceptConfig{}},
		[]cuerrors.Want{ve("", cuerrors.CodeRequired)}},
	{"config one list", &UpdateUserConfigInput{InstanceId: "i-1", UserId: testUserID,
		VoiceEnhancementConfigs: []channel.VoiceEnhancementConfig{{Channel: channel.Voice, VoiceEnhancementMode: channel.VoiceIsolation}}}, nil},
	{"routing profile empty", &UpdateUserRoutingProfileInput{InstanceId: "i-1", UserId: testUserID},
		[]cuerrors.Want{ve("RoutingProfileId", cuerrors.CodeRequired)}},
	{"security profiles 11", &UpdateUserSecurityProfilesInput{InstanceId: "i-1", UserId: testUserID,
		SecurityProfileIds: []string{"a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k"}},
		[]cuerrors.Want{ve("SecurityProfileIds", cuerrors.CodeCount)}},
	{"hierarchy none", &UpdateUserHierarchyInput{InstanceId: "i-1", UserId: testUserID}, nil},
	{"hierarchy empty", &UpdateUserHierarchyInput{InstanceId: "i-1", UserId: testUserID, HierarchyGroupId: strp("")},
		[]cuerrors.Want{ve("HierarchyGroupId", cuerrors.CodeLength)}},
	{"tag valid", &TagResourceInput{ResourceArn: testUserARN, Tags: map[string]string{"team": "billing"}}, nil},
	{"tag nothing", &TagResourceInput{},
		[]cuerrors.Want{ve("resourceArn", cuerrors.CodeRequired), ve("tags", cuerrors.CodeRequired)}},
	{"tag empty", &TagResourceInput{ResourceArn: testUserARN, Tags: map[string]string{}},
		[]cuerrors.Want{ve("tags", cuerrors.CodeCount)}},
	{"tag reserved key", &TagResourceInput{ResourceArn: testUserARN, Tags: map[string]string{"AWS:x": "1"}},
		[]cuerrors.Want{ve("tags", cuerrors.CodeReserved)}},
	{"tag value too long", &TagResourceInput{ResourceArn: testUserARN, Tags: map[string]string{"k": string(make([]byte, 257))}},
		[]cuerrors.Want{ve("tags[k]", cuerrors.CodeLength)}},
	{"arn not an arn", &TagResourceInput{ResourceArn: "agent/u", Tags: map[string]string{"k": "v"}},
		[]cuerrors.Want{ve("resourceArn", cuerrors.CodePattern)}},
	{"arn of another service", &TagResourceInput{ResourceArn: "arn:aws:s3:::bucket/instance/x/agent/y", Tags: map[string]string{"k": "v"}},
		[]cuerrors.Want{ve("resourceArn", cuerrors.CodePattern)}},
	{"arn of a routing profile", &TagResourceInput{ResourceArn: "arn:aws:connect:us-west-2:123456789012:instance/i-1/routing-profile/r-1", Tags: map[string]string{"k": "v"}},
		[]cuerrors.Want{vw("resourceArn", cuerrors.CodePattern)}},
	{"arn of an instance", &UntagResourceInput{ResourceArn: "arn:aws-cn:connect:cn-north-1:123456789012:instance/i-1", TagKeys: []string{"k"}},
		[]cuerrors.Want{vw("resourceArn", cuerrors.CodePattern)}},
	{"arn not utf-8", &UntagResourceInput{ResourceArn: "arn:\xff", TagKeys: []string{"k"}},
		[]cuerrors.Want{ve("resourceArn", cuerrors.CodeSyntax)}},
	{"untag valid", &UntagResourceInput{ResourceArn: testUserARN, TagKeys: []string{"team", "env"}}, nil},
	{"untag nothing", &UntagResourceInput{ResourceArn: testUserARN},
		[]cuerrors.Want{ve("tagKeys", cuerrors.CodeRequired)}},
	{"untag empty", &UntagResourceInput{ResourceArn: testUserARN, TagKeys: []string{}},
		[]cuerrors.Want{ve("tagKeys", cuerrors.CodeCount)}},
	{"untag 51", &UntagResourceInput{ResourceArn: testUserARN, TagKeys: keys(51)},
		[]cuerrors.Want{ve("tagKeys", cuerrors.CodeCount)}},
	{"untag bad keys", &UntagResourceInput{ResourceArn: testUserARN, TagKeys: []string{"ok", "", "aws:x", "a\tb", "k\xff", string(make([]byte, 129))}},
		[]cuerrors.Want{ve("tagKeys[1]", cuerrors.CodeLength), ve("tagKeys[2]", cuerrors.CodeReserved),
			ve("tagKeys[3]", cuerrors.CodePattern), ve("tagKeys[4]", cuerrors.CodeSyntax),
			ve("tagKeys[5]", cuerrors.CodeLength), ve("tagKeys[5]", cuerrors.CodePattern)}},
	{"untag 101 keys", &UntagResourceInput{ResourceArn: testUserARN, TagKeys: keys(101)},
		[]cuerrors.Want{ve("tagKeys", cuerrors.CodeCount), ve("tagKeys", cuerrors.CodeCount)}},
	{"config 101 elements", &UpdateUserConfigInput{InstanceId: "i-1", UserId: testUserID,
		AutoAcceptConfigs: make([]channel.AutoAcceptConfig, 101)},
		append([]cuerrors.Want{ve("AutoAcceptConfigs", cuerrors.CodeCount)}, channelless(100)...)},
}

// keys returns n distinct valid tag keys.
func keys(n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = "key-" + string(rune('a'+i%26)) + string(rune('a'+i/26))
	}
	return out
}

// channelless is what n zero AutoAcceptConfigs elements give: a missing
// Channel and a missing AutoAccept each.
func channelless(n int) []cuerrors.Want {
	var out []cuerrors.Want
	for i := range n {
		p := cuerrors.NewPath(nameAutoAccept).Index(i)
		out = append(out, ve(p.Child("Channel").String(), cuerrors.CodeRequired), ve(p.Child("AutoAccept").String(), cuerrors.CodeRequired))
	}
	return out
}

// TestUpdateOwnRules checks the update operations' own rows (and a few
// shared ones in their new places) under every identity type.
func TestUpdateOwnRules(t *testing.T) {
	for _, tc := range updateCases {
		types := updateCaseTypes[tc.name]
		if types == nil {
			types = append(identity.Types(), identity.Unknown)
		}
		for _, typ := range types {
			got := ValidateRequest(tc.r, WithIdentityManagement(typ))
			if d := cuerrors.Diff(tc.want, got); d != "" {
				t.Errorf("%s under %s:\n%s", tc.name, typ, d)
			}
			for _, v := range got {
				r := ruleByID(v.Rule)
				if r >= ruleCount {
					t.Errorf("%s: %s has no row", tc.name, v.Rule)
					continue
				}
				if op := opSet(1) << tc.r.Operation().ordinal(); ruleOperations[r]&op == 0 {
					t.Errorf("%s: %s does not name %s", tc.name, v.Rule, tc.r.Operation())
				}
				if v.Code != catalog[r].Code || v.Severity != catalog[r].Severity {
					t.Errorf("%s: %s is %s %s, its row says %s %s", tc.name, v.Rule, v.Code, v.Severity, catalog[r].Code, catalog[r].Severity)
				}
			}
		}
	}
}

// TestUpdateIdentityTypes checks that IdentityInfo keeps its identity-type
// rules in UpdateUserIdentityInfo: FirstName is required under
// CONNECT_MANAGED and SAML, Email is a SAML warning, and Unknown reports
// what every type reports.
func TestUpdateIdentityTypes(t *testing.T) {
	in := &UpdateUserIdentityInfoInput{InstanceId: "i-1", UserId: testUserID,
		IdentityInfo: &identity.Info{LastName: new(identity.Secret("Major")), Email: new(identity.Secret("mary@example.com"))}}
	for _, tc := range []struct {
		typ  identity.Type
		want []cuerrors.Want
	}{
		{identity.ConnectManaged, []cuerrors.Want{ve("IdentityInfo.FirstName", cuerrors.CodeRequired)}},
		{identity.SAML, []cuerrors.Want{ve("IdentityInfo.FirstName", cuerrors.CodeRequired), vw("IdentityInfo.Email", cuerrors.CodeForbidden)}},
		{identity.ExistingDirectory, nil},
		{identity.Unknown, nil},
	} {
		if d := cuerrors.Diff(tc.want, ValidateRequest(in, WithIdentityManagement(tc.typ))); d != "" {
			t.Errorf("under %s:\n%s", tc.typ, d)
		}
	}
}

// TestValidateRequestCreateUser checks that a CreateUser request goes
// through ValidateRequest exactly as through Validate.
func TestValidateRequestCreateUser(t *testing.T) {
	for _, in := range []*CreateUserInput{minimalRequest(), fullRequest(), {}, nil} {
		var want cuerrors.List
		if in == nil {
			want = Validate(&CreateUserInput{})
		} else {
			want = Validate(in)
		}
		if d := cuerrors.Diff(wantsOf(want), ValidateRequest(in)); d != "" {
			t.Errorf("%v", d)
		}
	}
	if got := ValidateRequest(nil); len(got) != 1 || got[0].Code != cuerrors.CodeType {
		t.Errorf("nil request: %v, want one type violation", got)
	}
}

func wantsOf(l cuerrors.List) []cuerrors.Want {
	out := make([]cuerrors.Want, len(l))
	for i, v := range l {
		out[i] = cuerrors.Want{Field: v.Field.String(), Code: v.Code, Severity: v.Severity}
	}
	return out
}
