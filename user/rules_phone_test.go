package user

import (
	"testing"

	"github.com/connectkit/createuser/channel"
	cuerrors "github.com/connectkit/createuser/errors"
	"github.com/connectkit/createuser/identity"
)

// SPEC section 4, "PhoneConfig": its own rules, and its five conflicts
// with the channel-specific lists, each reported once at the PhoneConfig
// member with related = the list. Conflicts look only at presence.

func TestPhoneConfigRules(t *testing.T) { runRuleCases(t, phoneConfigCases) }

func setPhoneConfig(pc PhoneConfig) func(*CreateUserInput) {
	return func(in *CreateUserInput) { in.PhoneConfig = &pc }
}

func ruleSecret(s string) *identity.Secret { return new(identity.Secret(s)) }

func rulePhoneType(t channel.PhoneType) *channel.PhoneType { return &t }

// conflict is the detail of a conflict at PhoneConfig.member with list.
func conflictDetail(member, list string) ruleDetail {
	return ruleDetail{field: "PhoneConfig." + member, code: cuerrors.CodeConflict, related: []string{list}, value: anyValue}
}

// One valid element of each channel-specific list.
var (
	voiceAutoAccept = []channel.AutoAcceptConfig{{Channel: channel.Voice, AutoAccept: new(true)}}
	voiceACW        = []channel.AfterContactWorkConfig{{Channel: channel.Voice, AfterContactWorkConfig: &channel.AfterContactWork{AfterContactWorkTimeLimit: new(int64(30))}}}
	voiceNumber     = []channel.PhoneNumberConfig{{Channel: channel.Voice, PhoneType: channel.SoftPhone}}
	voicePersistent = []channel.PersistentConnectionConfig{{Channel: channel.Voice, PersistentConnection: new(true)}}
)

var phoneConfigCases = []ruleCase{
	{name: "PhoneConfig empty passes", mutate: setPhoneConfig(PhoneConfig{}), want: everyType()},
	{name: "PhoneConfig SOFT_PHONE passes", mutate: setPhoneConfig(PhoneConfig{PhoneType: rulePhoneType(channel.SoftPhone)}), want: everyType()},
	{name: "PhoneConfig DESK_PHONE with a number passes", mutate: setPhoneConfig(PhoneConfig{PhoneType: rulePhoneType(channel.DeskPhone), DeskPhoneNumber: ruleSecret("+15555551212")}),
		want: everyType()},
	{name: "PhoneConfig every member without lists passes", mutate: setPhoneConfig(PhoneConfig{
		PhoneType: rulePhoneType(channel.DeskPhone), AutoAccept: new(false), AfterContactWorkTimeLimit: new(int64(0)),
		DeskPhoneNumber: ruleSecret("+15555551212"), PersistentConnection: new(false)}),
		want: everyType()},

	// PhoneType: one of PhoneType.
	{name: "PhoneType FAX is not a phone type", mutate: setPhoneConfig(PhoneConfig{PhoneType: rulePhoneType("FAX")}),
		want:   everyType(ve("PhoneConfig.PhoneType", cuerrors.CodeEnum)),
		detail: []ruleDetail{{field: "PhoneConfig.PhoneType", code: cuerrors.CodeEnum, value: "FAX"}}},
	{name: "PhoneType empty is not a phone type", mutate: setPhoneConfig(PhoneConfig{PhoneType: rulePhoneType("")}),
		want: everyType(ve("PhoneConfig.PhoneType", cuerrors.CodeEnum))},
	{name: "PhoneType in lower case is not a phone type", mutate: setPhoneConfig(PhoneConfig{PhoneType: rulePhoneType("soft_phone")}),
		want: everyType(ve("PhoneConfig.PhoneType", cuerrors.CodeEnum))},

	// AfterContactWorkTimeLimit: 0 to 2,000,000.
	{name: "PhoneConfig time limit 0 passes", mutate: setPhoneConfig(PhoneConfig{AfterContactWorkTimeLimit: new(int64(0))}), want: everyType()},
	{name: "PhoneConfig time limit 2000000 passes", mutate: setPhoneConfig(PhoneConfig{AfterContactWorkTimeLimit: new(int64(2_000_000))}), want: everyType()},
	{name: "PhoneConfig time limit -1 is out of range", mutate: setPhoneConfig(PhoneConfig{AfterContactWorkTimeLimit: new(int64(-1))}),
		want:   everyType(ve("PhoneConfig.AfterContactWorkTimeLimit", cuerrors.CodeRange)),
		detail: []ruleDetail{{field: "PhoneConfig.AfterContactWorkTimeLimit", code: cuerrors.CodeRange, value: int64(-1)}}},
	{name: "PhoneConfig time limit 2000001 is out of range", mutate: setPhoneConfig(PhoneConfig{AfterContactWorkTimeLimit: new(int64(2_000_001))}),
		want:   everyType(ve("PhoneConfig.AfterContactWorkTimeLimit", cuerrors.CodeRange)),
		detail: []ruleDetail{{field: "PhoneConfig.AfterContactWorkTimeLimit", code: cuerrors.CodeRange, value: int64(2_000_001)}}},
	{name: "PhoneConfig time limit 1<<62 is out of range", mutate: setPhoneConfig(PhoneConfig{AfterContactWorkTimeLimit: new(int64(1 << 62))}),
		want: everyType(ve("PhoneConfig.AfterContactWorkTimeLimit", cuerrors.CodeRange))},

	// DeskPhoneNumber: E.164; incomplete without it under DESK_PHONE,
	// ignored with SOFT_PHONE; "" is present, so pattern, not incomplete.
	{name: "DESK_PHONE without a number is incomplete", mutate: setPhoneConfig(PhoneConfig{PhoneType: rulePhoneType(channel.DeskPhone)}),
		want:   everyType(vw("PhoneConfig.DeskPhoneNumber", cuerrors.CodeIncomplete)),
		detail: []ruleDetail{{field: "PhoneConfig.DeskPhoneNumber", code: cuerrors.CodeIncomplete}}},
	{name: "SOFT_PHONE with a number ignores it", mutate: setPhoneConfig(PhoneConfig{PhoneType: rulePhoneType(channel.SoftPhone), DeskPhoneNumber: ruleSecret("+15555551212")}),
		want:   everyType(vw("PhoneConfig.DeskPhoneNumber", cuerrors.CodeIgnored)),
		detail: []ruleDetail{{field: "PhoneConfig.DeskPhoneNumber", code: cuerrors.CodeIgnored}}},
	{name: "DESK_PHONE with an empty number is a pattern error, not incomplete", mutate: setPhoneConfig(PhoneConfig{PhoneType: rulePhoneType(channel.DeskPhone), DeskPhoneNumber: ruleSecret("")}),
		want: everyType(ve("PhoneConfig.DeskPhoneNumber", cuerrors.CodePattern))},
	{name: "SOFT_PHONE with an empty number is a pattern error and ignored", mutate: setPhoneConfig(PhoneConfig{PhoneType: rulePhoneType(channel.SoftPhone), DeskPhoneNumber: ruleSecret("")}),
		want: everyType(ve("PhoneConfig.DeskPhoneNumber", cuerrors.CodePattern), vw("PhoneConfig.DeskPhoneNumber", cuerrors.CodeIgnored))},
	{name: "DeskPhoneNumber without a phone type passes", mutate: setPhoneConfig(PhoneConfig{DeskPhoneNumber: ruleSecret("+15555551212")}),
		want: everyType()},
	{name: "DeskPhoneNumber under an invalid phone type is neither ignored nor incomplete", mutate: setPhoneConfig(PhoneConfig{PhoneType: rulePhoneType("FAX"), DeskPhoneNumber: ruleSecret("+15555551212")}),
		want: everyType(ve("PhoneConfig.PhoneType", cuerrors.CodeEnum))},
	{name: "DeskPhoneNumber +12 (2 digits) passes", mutate: setPhoneConfig(PhoneConfig{PhoneType: rulePhoneType(channel.DeskPhone), DeskPhoneNumber: ruleSecret("+12")}),
		want: everyType()},
	{name: "DeskPhoneNumber +1 (1 digit) fails", mutate: setPhoneConfig(PhoneConfig{PhoneType: rulePhoneType(channel.DeskPhone), DeskPhoneNumber: ruleSecret("+1")}),
		want:   everyType(ve("PhoneConfig.DeskPhoneNumber", cuerrors.CodePattern)),
		detail: []ruleDetail{{field: "PhoneConfig.DeskPhoneNumber", code: cuerrors.CodePattern}}},
	{name: "DeskPhoneNumber of 15 digits passes", mutate: setPhoneConfig(PhoneConfig{PhoneType: rulePhoneType(channel.DeskPhone), DeskPhoneNumber: ruleSecret("+123456789012345")}),
		want: everyType()},
	{name: "DeskPhoneNumber of 16 digits fails", mutate: setPhoneConfig(PhoneConfig{PhoneType: rulePhoneType(channel.DeskPhone), DeskPhoneNumber: ruleSecret("+1234567890123456")}),
		want: everyType(ve("PhoneConfig.DeskPhoneNumber", cuerrors.CodePattern))},
	{name: "DeskPhoneNumber with a leading 0 fails", mutate: setPhoneConfig(PhoneConfig{PhoneType: rulePhoneType(channel.DeskPhone), DeskPhoneNumber: ruleSecret("+05555551212")}),
		want: everyType(ve("PhoneConfig.DeskPhoneNumber", cuerrors.CodePattern))},

	// Conflicts, each with related = the list, on presence only.
	{name: "AutoAccept true conflicts with AutoAcceptConfigs", mutate: func(in *CreateUserInput) {
		in.PhoneConfig = &PhoneConfig{AutoAccept: new(true)}
		in.AutoAcceptConfigs = voiceAutoAccept
	},
		want:   everyType(ve("PhoneConfig.AutoAccept", cuerrors.CodeConflict)),
		detail: []ruleDetail{conflictDetail("AutoAccept", "AutoAcceptConfigs")}},
	{name: "AutoAccept false conflicts like true", mutate: func(in *CreateUserInput) {
		in.PhoneConfig = &PhoneConfig{AutoAccept: new(false)}
		in.AutoAcceptConfigs = voiceAutoAccept
	},
		want:   everyType(ve("PhoneConfig.AutoAccept", cuerrors.CodeConflict)),
		detail: []ruleDetail{conflictDetail("AutoAccept", "AutoAcceptConfigs")}},
	{name: "AutoAccept with an empty AutoAcceptConfigs passes", mutate: func(in *CreateUserInput) {
		in.PhoneConfig = &PhoneConfig{AutoAccept: new(true)}
		in.AutoAcceptConfigs = []channel.AutoAcceptConfig{}
	},
		want: everyType()},
	{name: "AutoAccept conflicts with an invalid AutoAcceptConfigs element", mutate: func(in *CreateUserInput) {
		in.PhoneConfig = &PhoneConfig{AutoAccept: new(true)}
		in.AutoAcceptConfigs = []channel.AutoAcceptConfig{{Channel: "FAX"}}
	},
		want: everyType(ve("PhoneConfig.AutoAccept", cuerrors.CodeConflict),
			ve("AutoAcceptConfigs[0].Channel", cuerrors.CodeEnum), ve("AutoAcceptConfigs[0].AutoAccept", cuerrors.CodeRequired)),
		detail: []ruleDetail{conflictDetail("AutoAccept", "AutoAcceptConfigs")}},
	{name: "Time limit 0 conflicts with AfterContactWorkConfigs", mutate: func(in *CreateUserInput) {
		in.PhoneConfig = &PhoneConfig{AfterContactWorkTimeLimit: new(int64(0))}
		in.AfterContactWorkConfigs = voiceACW
	},
		want:   everyType(ve("PhoneConfig.AfterContactWorkTimeLimit", cuerrors.CodeConflict)),
		detail: []ruleDetail{conflictDetail("AfterContactWorkTimeLimit", "AfterContactWorkConfigs")}},
	{name: "Time limit out of range and in conflict", mutate: func(in *CreateUserInput) {
		in.PhoneConfig = &PhoneConfig{AfterContactWorkTimeLimit: new(int64(2_000_001))}
		in.AfterContactWorkConfigs = voiceACW
	},
		want: everyType(ve("PhoneConfig.AfterContactWorkTimeLimit", cuerrors.CodeRange), ve("PhoneConfig.AfterContactWorkTimeLimit", cuerrors.CodeConflict))},
	{name: "Time limit with an empty AfterContactWorkConfigs passes", mutate: func(in *CreateUserInput) {
		in.PhoneConfig = &PhoneConfig{AfterContactWorkTimeLimit: new(int64(10))}
		in.AfterContactWorkConfigs = []channel.AfterContactWorkConfig{}
	},
		want: everyType()},
	{name: "PhoneType conflicts with PhoneNumberConfigs", mutate: func(in *CreateUserInput) {
		in.PhoneConfig = &PhoneConfig{PhoneType: rulePhoneType(channel.SoftPhone)}
		in.PhoneNumberConfigs = voiceNumber
	},
		want:   everyType(ve("PhoneConfig.PhoneType", cuerrors.CodeConflict)),
		detail: []ruleDetail{conflictDetail("PhoneType", "PhoneNumberConfigs")}},
	{name: "PhoneType invalid and in conflict", mutate: func(in *CreateUserInput) {
		in.PhoneConfig = &PhoneConfig{PhoneType: rulePhoneType("FAX")}
		in.PhoneNumberConfigs = voiceNumber
	},
		want: everyType(ve("PhoneConfig.PhoneType", cuerrors.CodeEnum), ve("PhoneConfig.PhoneType", cuerrors.CodeConflict))},
	{name: "DeskPhoneNumber conflicts with PhoneNumberConfigs", mutate: func(in *CreateUserInput) {
		in.PhoneConfig = &PhoneConfig{DeskPhoneNumber: ruleSecret("+15555551212")}
		in.PhoneNumberConfigs = voiceNumber
	},
		want:   everyType(ve("PhoneConfig.DeskPhoneNumber", cuerrors.CodeConflict)),
		detail: []ruleDetail{conflictDetail("DeskPhoneNumber", "PhoneNumberConfigs")}},
	{name: "DESK_PHONE and its number both conflict with PhoneNumberConfigs", mutate: func(in *CreateUserInput) {
		in.PhoneConfig = &PhoneConfig{PhoneType: rulePhoneType(channel.DeskPhone), DeskPhoneNumber: ruleSecret("+15555551212")}
		in.PhoneNumberConfigs = voiceNumber
	},
		want: everyType(ve("PhoneConfig.PhoneType", cuerrors.CodeConflict), ve("PhoneConfig.DeskPhoneNumber", cuerrors.CodeConflict))},
	{name: "PhoneType and number with an empty PhoneNumberConfigs pass", mutate: func(in *CreateUserInput) {
		in.PhoneConfig = &PhoneConfig{PhoneType: rulePhoneType(channel.DeskPhone), DeskPhoneNumber: ruleSecret("+15555551212")}
		in.PhoneNumberConfigs = []channel.PhoneNumberConfig{}
	},
		want: everyType()},
	{name: "PersistentConnection false conflicts with PersistentConnectionConfigs", mutate: func(in *CreateUserInput) {
		in.PhoneConfig = &PhoneConfig{PersistentConnection: new(false)}
		in.PersistentConnectionConfigs = voicePersistent
	},
		want:   everyType(ve("PhoneConfig.PersistentConnection", cuerrors.CodeConflict)),
		detail: []ruleDetail{conflictDetail("PersistentConnection", "PersistentConnectionConfigs")}},
	{name: "PersistentConnection with an empty PersistentConnectionConfigs passes", mutate: func(in *CreateUserInput) {
		in.PhoneConfig = &PhoneConfig{PersistentConnection: new(true)}
		in.PersistentConnectionConfigs = []channel.PersistentConnectionConfig{}
	},
		want: everyType()},
	{name: "Every PhoneConfig member conflicts with every list", mutate: func(in *CreateUserInput) {
		in.PhoneConfig = &PhoneConfig{PhoneType: rulePhoneType(channel.SoftPhone), AutoAccept: new(false),
			AfterContactWorkTimeLimit: new(int64(0)), DeskPhoneNumber: ruleSecret("+15555551212"), PersistentConnection: new(false)}
		in.AutoAcceptConfigs = voiceAutoAccept
		in.AfterContactWorkConfigs = voiceACW
		in.PhoneNumberConfigs = voiceNumber
		in.PersistentConnectionConfigs = voicePersistent
	},
		want: everyType(
			ve("PhoneConfig.PhoneType", cuerrors.CodeConflict),
			ve("PhoneConfig.AutoAccept", cuerrors.CodeConflict),
			ve("PhoneConfig.AfterContactWorkTimeLimit", cuerrors.CodeConflict),
			ve("PhoneConfig.DeskPhoneNumber", cuerrors.CodeConflict),
			vw("PhoneConfig.DeskPhoneNumber", cuerrors.CodeIgnored),
			ve("PhoneConfig.PersistentConnection", cuerrors.CodeConflict)),
		detail: []ruleDetail{
			conflictDetail("PhoneType", "PhoneNumberConfigs"),
			conflictDetail("AutoAccept", "AutoAcceptConfigs"),
			conflictDetail("AfterContactWorkTimeLimit", "AfterContactWorkConfigs"),
			conflictDetail("DeskPhoneNumber", "PhoneNumberConfigs"),
			conflictDetail("PersistentConnection", "PersistentConnectionConfigs"),
		}},
	{name: "Lists without PhoneConfig pass", mutate: func(in *CreateUserInput) {
		in.AutoAcceptConfigs = voiceAutoAccept
		in.AfterContactWorkConfigs = voiceACW
		in.PhoneNumberConfigs = voiceNumber
		in.PersistentConnectionConfigs = voicePersistent
	},
		want: everyType()},
}
