package user

import (
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/connectkit/createuser/channel"
	cuerrors "github.com/connectkit/createuser/errors"
	"github.com/connectkit/createuser/identity"
)

// SPEC section 2 (the unknown identity type) and the "Precise semantics"
// bullets of section 4 that the engine owns, each as it is written there,
// plus whole requests, determinism and robustness.

func TestPreciseSemantics(t *testing.T) { runRuleCases(t, semanticsCases) }

var semanticsCases = []ruleCase{
	// Section 2's three examples.
	{name: "unknown: a username of 120 characters is an error everywhere", mutate: setUsername(strings.Repeat("u", 120)),
		want: everyType(usernameLengthError)},
	{name: "unknown: a username of 70 characters is a warning", mutate: setUsername(strings.Repeat("u", 70)),
		want: usernameOverSAML},
	{name: "unknown: a missing password is nothing", mutate: func(in *CreateUserInput) { in.Password = nil },
		want: perType{cm: []cuerrors.Want{ve("Password", cuerrors.CodeRequired)}}},
	{name: "unknown: DirectoryUserId gives nothing", mutate: func(in *CreateUserInput) { in.DirectoryUserId = new("d-1") },
		want: perType{cm: []cuerrors.Want{vw("DirectoryUserId", cuerrors.CodeIgnored)}, saml: []cuerrors.Want{ve("DirectoryUserId", cuerrors.CodeForbidden)}}},

	// Presence.
	{name: "presence: AutoAccept false conflicts like true", mutate: func(in *CreateUserInput) {
		in.PhoneConfig = &PhoneConfig{AutoAccept: new(false)}
		in.AutoAcceptConfigs = []channel.AutoAcceptConfig{{Channel: channel.Chat, AutoAccept: new(false)}}
	},
		want:   everyType(ve("PhoneConfig.AutoAccept", cuerrors.CodeConflict)),
		detail: []ruleDetail{conflictDetail("AutoAccept", "AutoAcceptConfigs")}},
	{name: "presence: time limit 0 conflicts", mutate: func(in *CreateUserInput) {
		in.PhoneConfig = &PhoneConfig{AfterContactWorkTimeLimit: new(int64(0))}
		in.AfterContactWorkConfigs = []channel.AfterContactWorkConfig{{Channel: channel.Chat, AfterContactWorkConfig: acw(0)}}
	},
		want: everyType(ve("PhoneConfig.AfterContactWorkTimeLimit", cuerrors.CodeConflict))},
	{name: "presence: an empty list is not set", mutate: func(in *CreateUserInput) {
		in.PhoneConfig = &PhoneConfig{PhoneType: rulePhoneType(channel.SoftPhone), AutoAccept: new(false),
			AfterContactWorkTimeLimit: new(int64(0)), PersistentConnection: new(false)}
		in.AutoAcceptConfigs = []channel.AutoAcceptConfig{}
		in.AfterContactWorkConfigs = []channel.AfterContactWorkConfig{}
		in.PhoneNumberConfigs = []channel.PhoneNumberConfig{}
		in.PersistentConnectionConfigs = []channel.PersistentConnectionConfig{}
		in.VoiceEnhancementConfigs = []channel.VoiceEnhancementConfig{}
	},
		want: everyType()},

	// required.
	{name: "required: at the leaf when the parent is absent", mutate: func(in *CreateUserInput) { in.IdentityInfo = nil },
		want: perType{
			cm:   []cuerrors.Want{firstNameRequired, lastNameRequired, emailRequired},
			saml: []cuerrors.Want{firstNameRequired, lastNameRequired},
		}},
	{name: "required: an error silences the other codes on the member", mutate: setPassword(""),
		want: perType{
			cm:   []cuerrors.Want{ve("Password", cuerrors.CodeRequired)},
			saml: []cuerrors.Want{ve("Password", cuerrors.CodeForbidden), ve("Password", cuerrors.CodeLength), ve("Password", cuerrors.CodePattern)},
			ed:   []cuerrors.Want{ve("Password", cuerrors.CodeForbidden), ve("Password", cuerrors.CodeLength), ve("Password", cuerrors.CodePattern)},
		}},
	{name: "required: a warning silences nothing (CM Email empty)", mutate: setEmail(""),
		want: perType{
			cm:      []cuerrors.Want{emailRequired, emailPattern},
			saml:    []cuerrors.Want{emailForbidden, emailPattern},
			ed:      []cuerrors.Want{emailPattern},
			unknown: []cuerrors.Want{emailPattern},
		}},

	// Present values, "" included.
	{name: "present: HierarchyGroupId empty is a length error", mutate: func(in *CreateUserInput) { in.HierarchyGroupId = new("") },
		want: everyType(ve("HierarchyGroupId", cuerrors.CodeLength))},
	{name: "present: DeskPhoneNumber empty is a pattern error, not incomplete", mutate: setPhoneConfig(PhoneConfig{PhoneType: rulePhoneType(channel.DeskPhone), DeskPhoneNumber: ruleSecret("")}),
		want: everyType(ve("PhoneConfig.DeskPhoneNumber", cuerrors.CodePattern))},

	// Error over warning; forbidden still checked.
	{name: "error hides the warning of the same code (120-character username under CM)", mutate: setUsername(strings.Repeat("u", 120)),
		want:   everyType(usernameLengthError),
		detail: []ruleDetail{{field: "Username", code: cuerrors.CodeLength, value: strings.Repeat("u", 120)}}},
	{name: "forbidden is still checked (SAML Password abc)", mutate: setPassword("abc"),
		want: perType{
			cm:      []cuerrors.Want{ve("Password", cuerrors.CodeLength), ve("Password", cuerrors.CodePattern)},
			saml:    []cuerrors.Want{ve("Password", cuerrors.CodeForbidden), ve("Password", cuerrors.CodeLength), ve("Password", cuerrors.CodePattern)},
			ed:      []cuerrors.Want{ve("Password", cuerrors.CodeForbidden), ve("Password", cuerrors.CodeLength), ve("Password", cuerrors.CodePattern)},
			unknown: []cuerrors.Want{ve("Password", cuerrors.CodeLength), ve("Password", cuerrors.CodePattern)},
		}},

	// Channels.
	{name: "channels: an invalid channel gets enum only, everywhere", mutate: func(in *CreateUserInput) {
		in.AutoAcceptConfigs = []channel.AutoAcceptConfig{{Channel: "FAX", AutoAccept: new(true), AgentFirstCallbackAutoAccept: new(true)}}
		in.AfterContactWorkConfigs = []channel.AfterContactWorkConfig{{Channel: "FAX", AfterContactWorkConfig: acw(0), AgentFirstCallbackAfterContactWorkConfig: acw(0)}}
		in.PhoneNumberConfigs = []channel.PhoneNumberConfig{{Channel: "FAX", PhoneType: channel.SoftPhone}}
		in.PersistentConnectionConfigs = []channel.PersistentConnectionConfig{{Channel: "FAX", PersistentConnection: new(true)}}
		in.VoiceEnhancementConfigs = []channel.VoiceEnhancementConfig{{Channel: "FAX", VoiceEnhancementMode: channel.None}}
	},
		want: everyType(
			ve("AutoAcceptConfigs[0].Channel", cuerrors.CodeEnum),
			ve("AfterContactWorkConfigs[0].Channel", cuerrors.CodeEnum),
			ve("PhoneNumberConfigs[0].Channel", cuerrors.CodeEnum),
			ve("PersistentConnectionConfigs[0].Channel", cuerrors.CodeEnum),
			ve("VoiceEnhancementConfigs[0].Channel", cuerrors.CodeEnum))},
	{name: "channels: duplicates among valid channels only", mutate: func(in *CreateUserInput) {
		in.VoiceEnhancementConfigs = []channel.VoiceEnhancementConfig{
			{Channel: "FAX", VoiceEnhancementMode: channel.None},
			{Channel: channel.Task, VoiceEnhancementMode: channel.None},
			{Channel: "FAX", VoiceEnhancementMode: channel.None},
			{Channel: channel.Task, VoiceEnhancementMode: channel.None},
		}
	},
		want: everyType(
			ve("VoiceEnhancementConfigs[0].Channel", cuerrors.CodeEnum),
			ve("VoiceEnhancementConfigs[1].Channel", cuerrors.CodeChannel),
			ve("VoiceEnhancementConfigs[2].Channel", cuerrors.CodeEnum),
			ve("VoiceEnhancementConfigs[3].Channel", cuerrors.CodeChannel),
			ve("VoiceEnhancementConfigs[3].Channel", cuerrors.CodeDuplicate)),
		detail: []ruleDetail{channelDetail("VoiceEnhancementConfigs[3].Channel", cuerrors.CodeDuplicate, "TASK", "VoiceEnhancementConfigs[1].Channel")}},

	// Unicode.
	{name: "Unicode: lengths count code points (255 four-byte runes)", mutate: setFirstName(strings.Repeat("😀", 255)),
		want: everyType()},
	{name: "Unicode: NFC, e + U+0301 fails and é passes", mutate: func(in *CreateUserInput) {
		in.IdentityInfo.FirstName = ruleSecret("é")
		in.IdentityInfo.LastName = ruleSecret("e\u0301")
	},
		want: everyType(ve("IdentityInfo.LastName", cuerrors.CodeNormalization))},

	// Whole requests.
	{name: "whole: the zero request", mutate: func(in *CreateUserInput) { *in = CreateUserInput{} },
		want: perType{
			cm: []cuerrors.Want{ve("InstanceId", cuerrors.CodeRequired), ve("Username", cuerrors.CodeRequired), ve("Password", cuerrors.CodeRequired),
				firstNameRequired, lastNameRequired, emailRequired,
				ve("SecurityProfileIds", cuerrors.CodeRequired), ve("RoutingProfileId", cuerrors.CodeRequired)},
			saml: []cuerrors.Want{ve("InstanceId", cuerrors.CodeRequired), ve("Username", cuerrors.CodeRequired),
				firstNameRequired, lastNameRequired,
				ve("SecurityProfileIds", cuerrors.CodeRequired), ve("RoutingProfileId", cuerrors.CodeRequired)},
			ed: []cuerrors.Want{ve("InstanceId", cuerrors.CodeRequired), ve("Username", cuerrors.CodeRequired),
				ve("SecurityProfileIds", cuerrors.CodeRequired), ve("RoutingProfileId", cuerrors.CodeRequired)},
			unknown: []cuerrors.Want{ve("InstanceId", cuerrors.CodeRequired), ve("Username", cuerrors.CodeRequired),
				ve("SecurityProfileIds", cuerrors.CodeRequired), ve("RoutingProfileId", cuerrors.CodeRequired)},
		}},
	{name: "whole: every rule on its own (tenViolations)", mutate: func(in *CreateUserInput) { *in = *tenViolations() },
		want: perType{
			cm:      tenViolationsWant(),
			saml:    append(tenViolationsWant(), ve("Password", cuerrors.CodeForbidden), emailForbidden),
			ed:      append(tenViolationsWant(), ve("Password", cuerrors.CodeForbidden)),
			unknown: tenViolationsWant(),
		}},
	{name: "whole: fullRequest", mutate: func(in *CreateUserInput) { *in = *fullRequest() },
		want: perType{
			saml: []cuerrors.Want{ve("Password", cuerrors.CodeForbidden), emailForbidden},
			ed:   []cuerrors.Want{ve("Password", cuerrors.CodeForbidden)},
		}},
}

// tenViolationsWant is what tenViolations breaks under CONNECT_MANAGED.
func tenViolationsWant() []cuerrors.Want {
	return []cuerrors.Want{
		ve("Username", cuerrors.CodePattern),
		ve("Password", cuerrors.CodeLength),
		ve("Password", cuerrors.CodePattern),
		emailPattern,
		ve("IdentityInfo.Mobile", cuerrors.CodePattern),
		ve("SecurityProfileIds[1]", cuerrors.CodeDuplicate),
		ve("RoutingProfileId", cuerrors.CodeRequired),
		ve("PhoneConfig.AutoAccept", cuerrors.CodeConflict),
		ve("AutoAcceptConfigs[0].Channel", cuerrors.CodeEnum),
		ve("VoiceEnhancementConfigs[0].Channel", cuerrors.CodeChannel),
		ve("Tags", cuerrors.CodeReserved),
	}
}

// manyViolations breaks rules in every part of the request, with several
// bad tags, whose order must not depend on the map.
func manyViolations() *CreateUserInput {
	in := tenViolations()
	in.Username = strings.Repeat("u", 70) + "@"
	in.IdentityInfo.FirstName = ruleSecret("e\u0301")
	in.DirectoryUserId = new("")
	in.HierarchyGroupId = new("")
	in.SecurityProfileIds = []string{"a", "", "a", "b", "a"}
	in.PhoneConfig = &PhoneConfig{PhoneType: rulePhoneType("X"), AutoAccept: new(true), AfterContactWorkTimeLimit: new(int64(-5)),
		DeskPhoneNumber: ruleSecret("1"), PersistentConnection: new(true)}
	in.AfterContactWorkConfigs = []channel.AfterContactWorkConfig{{Channel: channel.Chat, AgentFirstCallbackAfterContactWorkConfig: acw(3_000_000)}, {Channel: channel.Chat}}
	in.PhoneNumberConfigs = []channel.PhoneNumberConfig{{Channel: channel.Email, PhoneType: channel.DeskPhone}, {}}
	in.PersistentConnectionConfigs = []channel.PersistentConnectionConfig{{Channel: channel.Voice}, {Channel: channel.Voice}}
	in.Tags = map[string]string{}
	for i := range 60 {
		in.Tags[fmt.Sprintf("key-%02d", i)] = "v"
	}
	for _, k := range []string{"aws:z", "AWS:a", "m\tn", "", strings.Repeat("k", 129), "é\u0301"} {
		in.Tags[k] = strings.Repeat("v", 300)
	}
	return in
}

// violationsEqual compares two lists member by member, messages included.
var violationsEqual = []cmp.Option{
	cmp.Comparer(func(a, b cuerrors.Path) bool { return a.String() == b.String() && a.Equal(b) }),
	cmp.Comparer(func(a, b cuerrors.Value) bool { return a == b }),
}

// TestValidateDeterministic checks that the same input gives the same
// list, in the same order, every time: from fresh copies (new maps, so a
// new iteration order), and from concurrent goroutines sharing one
// Validator.
func TestValidateDeterministic(t *testing.T) {
	inputs := map[string]func() *CreateUserInput{
		"tenViolations":  tenViolations,
		"manyViolations": manyViolations,
		"fullRequest":    fullRequest,
		"zero":           func() *CreateUserInput { return &CreateUserInput{} },
	}
	types := append(identity.Types(), identity.Unknown)
	for name, build := range inputs {
		for _, typ := range types {
			t.Run(name+"/"+typ.String(), func(t *testing.T) {
				t.Parallel()
				v := NewValidator(WithIdentityManagement(typ))
				first := v.Validate(build())
				firstJSON, err := first.MarshalJSON()
				if err != nil {
					t.Fatal(err)
				}
				for range 50 {
					got := v.Validate(build())
					if d := cmp.Diff(first, got, violationsEqual...); d != "" {
						t.Fatalf("second run differs (-first +again):\n%s", d)
					}
					j, _ := got.MarshalJSON()
					if string(j) != string(firstJSON) {
						t.Fatalf("JSON differs:\n%s\n%s", firstJSON, j)
					}
				}
				in := build()
				var wg sync.WaitGroup
				results := make([]cuerrors.List, 8)
				for i := range results {
					wg.Go(func() { results[i] = v.Validate(in) })
				}
				wg.Wait()
				for i, got := range results {
					if d := cmp.Diff(first, got, violationsEqual...); d != "" {
						t.Errorf("goroutine %d differs (-first +got):\n%s", i, d)
					}
				}
			})
		}
	}
}

// TestValidateTagOrder checks that bad tags are reported in the order of
// their keys, whatever the map.
func TestValidateTagOrder(t *testing.T) {
	got := Validate(manyViolations(), WithIdentityManagement(identity.ConnectManaged))
	var keys []string
	for _, v := range got {
		if v.Field.String() == "Tags" && v.Code != cuerrors.CodeCount {
			if s, ok := v.Value.Interface().(string); ok && (len(keys) == 0 || keys[len(keys)-1] != s) {
				keys = append(keys, s)
			}
		}
	}
	for i := 1; i < len(keys); i++ {
		if keys[i-1] >= keys[i] {
			t.Errorf("tag keys out of order: %q before %q", keys[i-1], keys[i])
		}
	}
	if len(keys) != 6 {
		t.Errorf("%d bad tag keys reported, want 6: %q", len(keys), keys)
	}
}

// TestValidateNeverPanics runs Validate over requests made of zero values
// and absent members, under every option set, and checks that it returns
// without panicking and within the catalog.
func TestValidateNeverPanics(t *testing.T) {
	inputs := map[string]*CreateUserInput{
		"nil":               nil,
		"zero":              {},
		"zero IdentityInfo": {IdentityInfo: &identity.Info{}},
		"zero PhoneConfig":  {PhoneConfig: &PhoneConfig{}},
		"zero list elements": {
			AutoAcceptConfigs:           make([]channel.AutoAcceptConfig, 3),
			AfterContactWorkConfigs:     make([]channel.AfterContactWorkConfig, 3),
			PhoneNumberConfigs:          make([]channel.PhoneNumberConfig, 3),
			PersistentConnectionConfigs: make([]channel.PersistentConnectionConfig, 3),
			VoiceEnhancementConfigs:     make([]channel.VoiceEnhancementConfig, 3),
			SecurityProfileIds:          make([]string, 40),
		},
		"zero AfterContactWork": {AfterContactWorkConfigs: []channel.AfterContactWorkConfig{
			{AfterContactWorkConfig: &channel.AfterContactWork{}, AgentFirstCallbackAfterContactWorkConfig: &channel.AfterContactWork{}},
			{Channel: channel.Chat, AfterContactWorkConfig: &channel.AfterContactWork{}, AgentFirstCallbackAfterContactWorkConfig: &channel.AfterContactWork{}},
		}},
		"empty pointers": {Password: ruleSecret(""), DirectoryUserId: new(""), HierarchyGroupId: new(""),
			IdentityInfo: &identity.Info{FirstName: ruleSecret(""), LastName: ruleSecret(""), Email: ruleSecret(""), SecondaryEmail: ruleSecret(""), Mobile: ruleSecret("")},
			PhoneConfig:  &PhoneConfig{PhoneType: rulePhoneType(""), DeskPhoneNumber: ruleSecret("")}},
		"empty tag":     {Tags: map[string]string{"": ""}},
		"invalid UTF-8": {Username: "\xff", InstanceId: "\xfe", Tags: map[string]string{"\xff": "\xfe"}, IdentityInfo: &identity.Info{FirstName: ruleSecret("\xff")}},
		"many":          manyViolations(),
	}
	options := map[string][]Option{
		"no options":   nil,
		"unknown":      {WithIdentityManagement(identity.Unknown)},
		"CM":           {WithIdentityManagement(identity.ConnectManaged)},
		"SAML":         {WithIdentityManagement(identity.SAML)},
		"ED":           {WithIdentityManagement(identity.ExistingDirectory)},
		"last one set": {WithIdentityManagement(identity.SAML), WithIdentityManagement(identity.ConnectManaged)},
	}
	for iname, in := range inputs {
		for oname, opts := range options {
			t.Run(iname+"/"+oname, func(t *testing.T) {
				got := Validate(in, opts...)
				typ := NewValidator(opts...).IdentityManagement()
				checkViolations(t, typ, got)
				if again := NewValidator(opts...).Validate(in); cmp.Diff(got, again, violationsEqual...) != "" {
					t.Errorf("Validate and (*Validator).Validate differ")
				}
			})
		}
	}
	t.Run("nil is the zero request", func(t *testing.T) {
		for _, typ := range append(identity.Types(), identity.Unknown) {
			a := Validate(nil, WithIdentityManagement(typ))
			b := Validate(&CreateUserInput{}, WithIdentityManagement(typ))
			if d := cmp.Diff(a, b, violationsEqual...); d != "" {
				t.Errorf("%s: nil and zero request differ:\n%s", typ, d)
			}
		}
	})
	t.Run("no options is unknown", func(t *testing.T) {
		for name, in := range inputs {
			a := Validate(in)
			b := Validate(in, WithIdentityManagement(identity.Unknown))
			if d := cmp.Diff(a, b, violationsEqual...); d != "" {
				t.Errorf("%s: no options and Unknown differ:\n%s", name, d)
			}
		}
	})
	t.Run("an unrecognized type is unknown", func(t *testing.T) {
		for name, in := range inputs {
			a := Validate(in, WithIdentityManagement("ACTIVE_DIRECTORY"))
			b := Validate(in, WithIdentityManagement(identity.Unknown))
			if d := cmp.Diff(a, b, violationsEqual...); d != "" {
				t.Errorf("%s: an unrecognized type and Unknown differ:\n%s", name, d)
			}
		}
	})
}
