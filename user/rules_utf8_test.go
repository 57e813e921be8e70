package user

import (
	"strings"
	"testing"

	"github.com/connectkit/createuser/channel"
	cuerrors "github.com/connectkit/createuser/errors"
	"github.com/connectkit/createuser/identity"
)

// A string member of a typed request that is not valid UTF-8 is a syntax
// violation of its own (rule document.utf8), as when a document is read,
// and takes part in no other rule: the wire encoding would send U+FFFD in
// place of each invalid byte, a value the caller never wrote ("sp-\xff"
// and "sp-\xfe" would both arrive as "sp-\ufffd", a duplicate). Sensitive
// members carry no value.

func TestInvalidUTF8Rules(t *testing.T) { runRuleCases(t, utf8Cases) }

// utf8Error is the violation of a member that is not UTF-8.
func utf8Error(field string) cuerrors.Want { return ve(field, cuerrors.CodeSyntax) }

// noValue is the detail of a member whose violation carries no value.
func noValue(field string) []ruleDetail {
	return []ruleDetail{{field: field, code: cuerrors.CodeSyntax}}
}

var utf8Cases = []ruleCase{
	{name: "two ids that the wire would make one", mutate: func(in *CreateUserInput) { in.SecurityProfileIds = []string{"sp-\xff", "sp-\xfe"} },
		want:   everyType(utf8Error("SecurityProfileIds[0]"), utf8Error("SecurityProfileIds[1]")),
		detail: noValue("SecurityProfileIds[1]")},
	{name: "an id not UTF-8 is no first occurrence", mutate: func(in *CreateUserInput) {
		in.SecurityProfileIds = []string{"sp-\xff", "sp-1", "sp-1"}
	},
		want:   everyType(utf8Error("SecurityProfileIds[0]"), ve("SecurityProfileIds[2]", cuerrors.CodeDuplicate)),
		detail: []ruleDetail{{field: "SecurityProfileIds[2]", code: cuerrors.CodeDuplicate, related: []string{"SecurityProfileIds[1]"}, value: "sp-1"}}},
	{name: "an ARN and an id not UTF-8", mutate: func(in *CreateUserInput) {
		in.SecurityProfileIds = []string{exampleInstanceARN + "/security-profile/p\xff", "p\xff", "p"}
	},
		want: everyType(utf8Error("SecurityProfileIds[0]"), utf8Error("SecurityProfileIds[1]"))},
	{name: "a password in Windows-1252", mutate: func(in *CreateUserInput) { in.Password = ruleSecret("Passw\xf6rd1A") },
		want: everyType(utf8Error("Password")), detail: noValue("Password")},
	{name: "a first name in Windows-1252", mutate: func(in *CreateUserInput) { in.IdentityInfo.FirstName = ruleSecret("Jos\xe9") },
		want: everyType(utf8Error("IdentityInfo.FirstName")), detail: noValue("IdentityInfo.FirstName")},
	{name: "a last name in Windows-1252", mutate: func(in *CreateUserInput) { in.IdentityInfo.LastName = ruleSecret("M\xfcller") },
		want: everyType(utf8Error("IdentityInfo.LastName")), detail: noValue("IdentityInfo.LastName")},
	{name: "a long last name not UTF-8 is only that", mutate: func(in *CreateUserInput) {
		in.IdentityInfo.LastName = ruleSecret(strings.Repeat("\xfc", 400))
	},
		want: everyType(utf8Error("IdentityInfo.LastName"))},
	{name: "names in UTF-8 pass", mutate: func(in *CreateUserInput) {
		in.IdentityInfo.FirstName, in.IdentityInfo.LastName = ruleSecret("José"), ruleSecret("Müller")
	},
		want: everyType()},
	{name: "an email not UTF-8 is neither pattern nor forbidden", mutate: func(in *CreateUserInput) {
		in.IdentityInfo.Email = ruleSecret("mary\xff@example.com")
	},
		want: everyType(utf8Error("IdentityInfo.Email")), detail: noValue("IdentityInfo.Email")},
	{name: "a secondary email and a mobile not UTF-8", mutate: func(in *CreateUserInput) {
		in.IdentityInfo.SecondaryEmail, in.IdentityInfo.Mobile = ruleSecret("m\x80@example.org"), ruleSecret("+1555\xff")
	},
		want: everyType(utf8Error("IdentityInfo.SecondaryEmail"), utf8Error("IdentityInfo.Mobile"))},
	{name: "a username not UTF-8 is no pattern", mutate: setUsername("agent\xff"),
		want: everyType(utf8Error("Username")), detail: noValue("Username")},
	{name: "an instance id not UTF-8", mutate: func(in *CreateUserInput) { in.InstanceId = "\xfe" },
		want: everyType(utf8Error("InstanceId"))},
	{name: "routing profile, hierarchy group and directory user ids not UTF-8", mutate: func(in *CreateUserInput) {
		in.RoutingProfileId, in.HierarchyGroupId, in.DirectoryUserId = "rp\xff", new("hg\xff"), new("du\xff")
	},
		want: everyType(utf8Error("DirectoryUserId"), utf8Error("RoutingProfileId"), utf8Error("HierarchyGroupId"))},
	{name: "a tag key not UTF-8 is shown with U+FFFD", mutate: func(in *CreateUserInput) { in.Tags = map[string]string{"k\xff": "v"} },
		want:   everyType(utf8Error("Tags")),
		detail: []ruleDetail{{field: "Tags", code: cuerrors.CodeSyntax, value: "k\uFFFD"}}},
	{name: "a tag value not UTF-8", mutate: func(in *CreateUserInput) { in.Tags = map[string]string{"team": "\xfe" + strings.Repeat("v", 300)} },
		want: everyType(utf8Error("Tags[team]")), detail: noValue("Tags[team]")},
	{name: "PhoneConfig members not UTF-8 conflict with nothing", mutate: func(in *CreateUserInput) {
		in.PhoneConfig = &PhoneConfig{PhoneType: new(channel.PhoneType("DESK\xff")), DeskPhoneNumber: ruleSecret("+1\xff")}
		in.PhoneNumberConfigs = []channel.PhoneNumberConfig{{Channel: channel.Voice, PhoneType: channel.SoftPhone}}
	},
		want: everyType(utf8Error("PhoneConfig.PhoneType"), utf8Error("PhoneConfig.DeskPhoneNumber"))},
	{name: "channel-specific members not UTF-8", mutate: func(in *CreateUserInput) {
		in.AutoAcceptConfigs = []channel.AutoAcceptConfig{{Channel: "VOICE\xff", AutoAccept: new(true), AgentFirstCallbackAutoAccept: new(true)}}
		in.PhoneNumberConfigs = []channel.PhoneNumberConfig{{Channel: channel.Voice, PhoneType: "SOFT\xff", PhoneNumber: ruleSecret("+1\xff")}}
		in.VoiceEnhancementConfigs = []channel.VoiceEnhancementConfig{{Channel: channel.Voice, VoiceEnhancementMode: "NONE\xff"}}
	},
		want: everyType(utf8Error("AutoAcceptConfigs[0].Channel"), utf8Error("PhoneNumberConfigs[0].PhoneType"),
			utf8Error("PhoneNumberConfigs[0].PhoneNumber"), utf8Error("VoiceEnhancementConfigs[0].VoiceEnhancementMode"))},
}

// TestInvalidUTF8NeverEchoed: the invalid bytes of a sensitive member
// reach no part of its violation.
func TestInvalidUTF8NeverEchoed(t *testing.T) {
	in := minimalRequest()
	in.Password = new(identity.Secret("S3cretPassw\xf6rd"))
	in.IdentityInfo.FirstName = new(identity.Secret("S3cretJos\xe9"))
	for _, typ := range append(identity.Types(), identity.Unknown) {
		list := NewValidator(WithIdentityManagement(typ)).Validate(in)
		syntax := list.Filter(func(v *cuerrors.Violation) bool { return v.Code == cuerrors.CodeSyntax })
		if len(syntax) != 2 || !syntax[0].Value.IsZero() || !syntax[1].Value.IsZero() {
			t.Fatalf("under %s: %v, want 2 syntax violations without a value", typ, list)
		}
		for _, text := range []string{list.Error(), string(must(list.MarshalJSON()))} {
			if strings.Contains(text, "S3cret") {
				t.Errorf("under %s the report echoes a sensitive member: %s", typ, text)
			}
		}
	}
}

func must(b []byte, err error) []byte {
	if err != nil {
		panic(err)
	}
	return b
}
