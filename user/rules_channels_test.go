package user

import (
	"testing"

	"github.com/connectkit/createuser/channel"
	cuerrors "github.com/connectkit/createuser/errors"
)

// SPEC section 4, "Channel-specific lists". The channel rule and the
// agent-first ignored warnings apply only to valid channels other than
// VOICE; an invalid channel gets enum only; duplicates are counted among
// valid channels only. A null element is the reader's to find.

func TestAutoAcceptConfigRules(t *testing.T)           { runRuleCases(t, autoAcceptCases) }
func TestAfterContactWorkConfigRules(t *testing.T)     { runRuleCases(t, afterContactWorkCases) }
func TestPhoneNumberConfigRules(t *testing.T)          { runRuleCases(t, phoneNumberCases) }
func TestPersistentConnectionConfigRules(t *testing.T) { runRuleCases(t, persistentConnectionCases) }
func TestVoiceEnhancementConfigRules(t *testing.T)     { runRuleCases(t, voiceEnhancementCases) }

func setAutoAccept(list ...channel.AutoAcceptConfig) func(*CreateUserInput) {
	return func(in *CreateUserInput) { in.AutoAcceptConfigs = list }
}

func setACW(list ...channel.AfterContactWorkConfig) func(*CreateUserInput) {
	return func(in *CreateUserInput) { in.AfterContactWorkConfigs = list }
}

func setNumbers(list ...channel.PhoneNumberConfig) func(*CreateUserInput) {
	return func(in *CreateUserInput) { in.PhoneNumberConfigs = list }
}

func setPersistent(list ...channel.PersistentConnectionConfig) func(*CreateUserInput) {
	return func(in *CreateUserInput) { in.PersistentConnectionConfigs = list }
}

func setVoice(list ...channel.VoiceEnhancementConfig) func(*CreateUserInput) {
	return func(in *CreateUserInput) { in.VoiceEnhancementConfigs = list }
}

// acw returns an AfterContactWork with the time limit t.
func acw(t int64) *channel.AfterContactWork {
	return &channel.AfterContactWork{AfterContactWorkTimeLimit: new(t)}
}

// channelDetail is the detail of a channel violation: the value is the
// channel, and a duplicate relates to the first occurrence's Channel.
func channelDetail(field string, code cuerrors.Code, value string, related ...string) ruleDetail {
	d := ruleDetail{field: field, code: code, value: value}
	if len(related) > 0 {
		d.related = related
	}
	return d
}

var autoAcceptCases = []ruleCase{
	{name: "every channel once passes", mutate: setAutoAccept(
		channel.AutoAcceptConfig{Channel: channel.Voice, AutoAccept: new(true), AgentFirstCallbackAutoAccept: new(true)},
		channel.AutoAcceptConfig{Channel: channel.Chat, AutoAccept: new(false)},
		channel.AutoAcceptConfig{Channel: channel.Task, AutoAccept: new(true)},
		channel.AutoAcceptConfig{Channel: channel.Email, AutoAccept: new(false)}),
		want: everyType()},
	{name: "empty list passes", mutate: setAutoAccept([]channel.AutoAcceptConfig{}...), want: everyType()},
	{name: "Channel absent is required", mutate: setAutoAccept(channel.AutoAcceptConfig{AutoAccept: new(true)}),
		want:   everyType(ve("AutoAcceptConfigs[0].Channel", cuerrors.CodeRequired)),
		detail: []ruleDetail{{field: "AutoAcceptConfigs[0].Channel", code: cuerrors.CodeRequired}}},
	{name: "Channel FAX is not a channel", mutate: setAutoAccept(channel.AutoAcceptConfig{Channel: "FAX", AutoAccept: new(true)}),
		want:   everyType(ve("AutoAcceptConfigs[0].Channel", cuerrors.CodeEnum)),
		detail: []ruleDetail{channelDetail("AutoAcceptConfigs[0].Channel", cuerrors.CodeEnum, "FAX")}},
	{name: "Channel in lower case is not a channel", mutate: setAutoAccept(channel.AutoAcceptConfig{Channel: "voice", AutoAccept: new(true)}),
		want: everyType(ve("AutoAcceptConfigs[0].Channel", cuerrors.CodeEnum))},
	{name: "Channel twice is a duplicate at the later index", mutate: setAutoAccept(
		channel.AutoAcceptConfig{Channel: channel.Voice, AutoAccept: new(true)},
		channel.AutoAcceptConfig{Channel: channel.Voice, AutoAccept: new(false)}),
		want:   everyType(ve("AutoAcceptConfigs[1].Channel", cuerrors.CodeDuplicate)),
		detail: []ruleDetail{channelDetail("AutoAcceptConfigs[1].Channel", cuerrors.CodeDuplicate, "VOICE", "AutoAcceptConfigs[0].Channel")}},
	{name: "Channel duplicate past an invalid one relates to the first", mutate: setAutoAccept(
		channel.AutoAcceptConfig{Channel: channel.Chat, AutoAccept: new(true)},
		channel.AutoAcceptConfig{Channel: "FAX", AutoAccept: new(true)},
		channel.AutoAcceptConfig{Channel: channel.Chat, AutoAccept: new(true)},
		channel.AutoAcceptConfig{Channel: channel.Chat, AutoAccept: new(true)}),
		want: everyType(ve("AutoAcceptConfigs[1].Channel", cuerrors.CodeEnum),
			ve("AutoAcceptConfigs[2].Channel", cuerrors.CodeDuplicate), ve("AutoAcceptConfigs[3].Channel", cuerrors.CodeDuplicate)),
		detail: []ruleDetail{
			channelDetail("AutoAcceptConfigs[2].Channel", cuerrors.CodeDuplicate, "CHAT", "AutoAcceptConfigs[0].Channel"),
			channelDetail("AutoAcceptConfigs[3].Channel", cuerrors.CodeDuplicate, "CHAT", "AutoAcceptConfigs[0].Channel"),
		}},
	{name: "invalid channels twice are no duplicate", mutate: setAutoAccept(
		channel.AutoAcceptConfig{Channel: "FAX", AutoAccept: new(true)},
		channel.AutoAcceptConfig{Channel: "FAX", AutoAccept: new(true)}),
		want: everyType(ve("AutoAcceptConfigs[0].Channel", cuerrors.CodeEnum), ve("AutoAcceptConfigs[1].Channel", cuerrors.CodeEnum))},
	{name: "absent channels twice are no duplicate", mutate: setAutoAccept(
		channel.AutoAcceptConfig{AutoAccept: new(true)},
		channel.AutoAcceptConfig{AutoAccept: new(true)}),
		want: everyType(ve("AutoAcceptConfigs[0].Channel", cuerrors.CodeRequired), ve("AutoAcceptConfigs[1].Channel", cuerrors.CodeRequired))},
	{name: "AutoAccept absent is required", mutate: setAutoAccept(channel.AutoAcceptConfig{Channel: channel.Voice}),
		want: everyType(ve("AutoAcceptConfigs[0].AutoAccept", cuerrors.CodeRequired))},
	{name: "AgentFirstCallbackAutoAccept on CHAT is ignored", mutate: setAutoAccept(
		channel.AutoAcceptConfig{Channel: channel.Chat, AutoAccept: new(true), AgentFirstCallbackAutoAccept: new(false)}),
		want:   everyType(vw("AutoAcceptConfigs[0].AgentFirstCallbackAutoAccept", cuerrors.CodeIgnored)),
		detail: []ruleDetail{{field: "AutoAcceptConfigs[0].AgentFirstCallbackAutoAccept", code: cuerrors.CodeIgnored, value: anyValue}}},
	{name: "AgentFirstCallbackAutoAccept on EMAIL is ignored", mutate: setAutoAccept(
		channel.AutoAcceptConfig{Channel: channel.Email, AutoAccept: new(true), AgentFirstCallbackAutoAccept: new(true)}),
		want: everyType(vw("AutoAcceptConfigs[0].AgentFirstCallbackAutoAccept", cuerrors.CodeIgnored))},
	{name: "AgentFirstCallbackAutoAccept on an invalid channel gets enum only", mutate: setAutoAccept(
		channel.AutoAcceptConfig{Channel: "FAX", AutoAccept: new(true), AgentFirstCallbackAutoAccept: new(true)}),
		want: everyType(ve("AutoAcceptConfigs[0].Channel", cuerrors.CodeEnum))},
	{name: "AgentFirstCallbackAutoAccept without a channel gets required only", mutate: setAutoAccept(
		channel.AutoAcceptConfig{AutoAccept: new(true), AgentFirstCallbackAutoAccept: new(true)}),
		want: everyType(ve("AutoAcceptConfigs[0].Channel", cuerrors.CodeRequired))},
	{name: "zero element", mutate: setAutoAccept(channel.AutoAcceptConfig{}),
		want: everyType(ve("AutoAcceptConfigs[0].Channel", cuerrors.CodeRequired), ve("AutoAcceptConfigs[0].AutoAccept", cuerrors.CodeRequired))},
}

var afterContactWorkCases = []ruleCase{
	{name: "every channel once at the bounds passes", mutate: setACW(
		channel.AfterContactWorkConfig{Channel: channel.Voice, AfterContactWorkConfig: acw(0), AgentFirstCallbackAfterContactWorkConfig: acw(2_000_000)},
		channel.AfterContactWorkConfig{Channel: channel.Chat, AfterContactWorkConfig: acw(2_000_000)},
		channel.AfterContactWorkConfig{Channel: channel.Task, AfterContactWorkConfig: acw(0)},
		channel.AfterContactWorkConfig{Channel: channel.Email, AfterContactWorkConfig: acw(1)}),
		want: everyType()},
	{name: "VOICE at the other bounds passes", mutate: setACW(
		channel.AfterContactWorkConfig{Channel: channel.Voice, AfterContactWorkConfig: acw(2_000_000), AgentFirstCallbackAfterContactWorkConfig: acw(0)}),
		want: everyType()},
	{name: "AfterContactWorkConfig absent is required", mutate: setACW(channel.AfterContactWorkConfig{Channel: channel.Voice}),
		want: everyType(ve("AfterContactWorkConfigs[0].AfterContactWorkConfig", cuerrors.CodeRequired))},
	{name: "AfterContactWorkConfig without a time limit passes", mutate: setACW(channel.AfterContactWorkConfig{Channel: channel.Voice, AfterContactWorkConfig: &channel.AfterContactWork{}}),
		want: everyType()},
	{name: "time limit -1 is out of range", mutate: setACW(channel.AfterContactWorkConfig{Channel: channel.Voice, AfterContactWorkConfig: acw(-1)}),
		want: everyType(ve("AfterContactWorkConfigs[0].AfterContactWorkConfig.AfterContactWorkTimeLimit", cuerrors.CodeRange)),
		detail: []ruleDetail{{field: "AfterContactWorkConfigs[0].AfterContactWorkConfig.AfterContactWorkTimeLimit",
			code: cuerrors.CodeRange, value: int64(-1)}}},
	{name: "time limit 2000001 is out of range", mutate: setACW(channel.AfterContactWorkConfig{Channel: channel.Chat, AfterContactWorkConfig: acw(2_000_001)}),
		want: everyType(ve("AfterContactWorkConfigs[0].AfterContactWorkConfig.AfterContactWorkTimeLimit", cuerrors.CodeRange)),
		detail: []ruleDetail{{field: "AfterContactWorkConfigs[0].AfterContactWorkConfig.AfterContactWorkTimeLimit",
			code: cuerrors.CodeRange, value: int64(2_000_001)}}},
	{name: "agent-first time limit -1 on VOICE is out of range", mutate: setACW(channel.AfterContactWorkConfig{Channel: channel.Voice,
		AfterContactWorkConfig: acw(60), AgentFirstCallbackAfterContactWorkConfig: acw(-1)}),
		want: everyType(ve("AfterContactWorkConfigs[0].AgentFirstCallbackAfterContactWorkConfig.AfterContactWorkTimeLimit", cuerrors.CodeRange))},
	{name: "agent-first time limit 2000001 on VOICE is out of range", mutate: setACW(channel.AfterContactWorkConfig{Channel: channel.Voice,
		AfterContactWorkConfig: acw(60), AgentFirstCallbackAfterContactWorkConfig: acw(2_000_001)}),
		want: everyType(ve("AfterContactWorkConfigs[0].AgentFirstCallbackAfterContactWorkConfig.AfterContactWorkTimeLimit", cuerrors.CodeRange)),
		detail: []ruleDetail{{field: "AfterContactWorkConfigs[0].AgentFirstCallbackAfterContactWorkConfig.AfterContactWorkTimeLimit",
			code: cuerrors.CodeRange, value: int64(2_000_001)}}},
	{name: "agent-first config on CHAT is ignored", mutate: setACW(channel.AfterContactWorkConfig{Channel: channel.Chat,
		AfterContactWorkConfig: acw(60), AgentFirstCallbackAfterContactWorkConfig: acw(0)}),
		want:   everyType(vw("AfterContactWorkConfigs[0].AgentFirstCallbackAfterContactWorkConfig", cuerrors.CodeIgnored)),
		detail: []ruleDetail{{field: "AfterContactWorkConfigs[0].AgentFirstCallbackAfterContactWorkConfig", code: cuerrors.CodeIgnored, value: anyValue}}},
	{name: "agent-first config on TASK out of range is ignored and checked", mutate: setACW(channel.AfterContactWorkConfig{Channel: channel.Task,
		AfterContactWorkConfig: acw(60), AgentFirstCallbackAfterContactWorkConfig: acw(2_000_001)}),
		want: everyType(vw("AfterContactWorkConfigs[0].AgentFirstCallbackAfterContactWorkConfig", cuerrors.CodeIgnored),
			ve("AfterContactWorkConfigs[0].AgentFirstCallbackAfterContactWorkConfig.AfterContactWorkTimeLimit", cuerrors.CodeRange))},
	{name: "agent-first config empty on EMAIL is ignored", mutate: setACW(channel.AfterContactWorkConfig{Channel: channel.Email,
		AfterContactWorkConfig: acw(60), AgentFirstCallbackAfterContactWorkConfig: &channel.AfterContactWork{}}),
		want: everyType(vw("AfterContactWorkConfigs[0].AgentFirstCallbackAfterContactWorkConfig", cuerrors.CodeIgnored))},
	{name: "agent-first config on an invalid channel gets enum only", mutate: setACW(channel.AfterContactWorkConfig{Channel: "SMS",
		AfterContactWorkConfig: acw(60), AgentFirstCallbackAfterContactWorkConfig: acw(0)}),
		want:   everyType(ve("AfterContactWorkConfigs[0].Channel", cuerrors.CodeEnum)),
		detail: []ruleDetail{channelDetail("AfterContactWorkConfigs[0].Channel", cuerrors.CodeEnum, "SMS")}},
	{name: "Channel twice is a duplicate", mutate: setACW(
		channel.AfterContactWorkConfig{Channel: channel.Task, AfterContactWorkConfig: acw(1)},
		channel.AfterContactWorkConfig{Channel: channel.Task, AfterContactWorkConfig: acw(2)}),
		want:   everyType(ve("AfterContactWorkConfigs[1].Channel", cuerrors.CodeDuplicate)),
		detail: []ruleDetail{channelDetail("AfterContactWorkConfigs[1].Channel", cuerrors.CodeDuplicate, "TASK", "AfterContactWorkConfigs[0].Channel")}},
	{name: "zero element", mutate: setACW(channel.AfterContactWorkConfig{}),
		want: everyType(ve("AfterContactWorkConfigs[0].Channel", cuerrors.CodeRequired), ve("AfterContactWorkConfigs[0].AfterContactWorkConfig", cuerrors.CodeRequired))},
}

var phoneNumberCases = []ruleCase{
	{name: "VOICE SOFT_PHONE passes", mutate: setNumbers(channel.PhoneNumberConfig{Channel: channel.Voice, PhoneType: channel.SoftPhone}),
		want: everyType()},
	{name: "VOICE DESK_PHONE with a number passes", mutate: setNumbers(channel.PhoneNumberConfig{Channel: channel.Voice, PhoneType: channel.DeskPhone, PhoneNumber: ruleSecret("+15555551212")}),
		want: everyType()},
	{name: "CHAT is not supported", mutate: setNumbers(channel.PhoneNumberConfig{Channel: channel.Chat, PhoneType: channel.SoftPhone}),
		want:   everyType(ve("PhoneNumberConfigs[0].Channel", cuerrors.CodeChannel)),
		detail: []ruleDetail{channelDetail("PhoneNumberConfigs[0].Channel", cuerrors.CodeChannel, "CHAT")}},
	{name: "TASK is not supported", mutate: setNumbers(channel.PhoneNumberConfig{Channel: channel.Task, PhoneType: channel.SoftPhone}),
		want: everyType(ve("PhoneNumberConfigs[0].Channel", cuerrors.CodeChannel))},
	{name: "EMAIL is not supported", mutate: setNumbers(channel.PhoneNumberConfig{Channel: channel.Email, PhoneType: channel.SoftPhone}),
		want: everyType(ve("PhoneNumberConfigs[0].Channel", cuerrors.CodeChannel))},
	{name: "an invalid channel gets enum only", mutate: setNumbers(channel.PhoneNumberConfig{Channel: "FAX", PhoneType: channel.SoftPhone}),
		want: everyType(ve("PhoneNumberConfigs[0].Channel", cuerrors.CodeEnum))},
	{name: "Channel absent is required only", mutate: setNumbers(channel.PhoneNumberConfig{PhoneType: channel.SoftPhone}),
		want: everyType(ve("PhoneNumberConfigs[0].Channel", cuerrors.CodeRequired))},
	{name: "PhoneType absent is required", mutate: setNumbers(channel.PhoneNumberConfig{Channel: channel.Voice}),
		want: everyType(ve("PhoneNumberConfigs[0].PhoneType", cuerrors.CodeRequired))},
	{name: "PhoneType absent with a number is required only", mutate: setNumbers(channel.PhoneNumberConfig{Channel: channel.Voice, PhoneNumber: ruleSecret("+15555551212")}),
		want: everyType(ve("PhoneNumberConfigs[0].PhoneType", cuerrors.CodeRequired))},
	{name: "PhoneType FAX is not a phone type", mutate: setNumbers(channel.PhoneNumberConfig{Channel: channel.Voice, PhoneType: "FAX"}),
		want:   everyType(ve("PhoneNumberConfigs[0].PhoneType", cuerrors.CodeEnum)),
		detail: []ruleDetail{{field: "PhoneNumberConfigs[0].PhoneType", code: cuerrors.CodeEnum, value: "FAX"}}},
	{name: "DESK_PHONE without a number is incomplete", mutate: setNumbers(channel.PhoneNumberConfig{Channel: channel.Voice, PhoneType: channel.DeskPhone}),
		want:   everyType(vw("PhoneNumberConfigs[0].PhoneNumber", cuerrors.CodeIncomplete)),
		detail: []ruleDetail{{field: "PhoneNumberConfigs[0].PhoneNumber", code: cuerrors.CodeIncomplete}}},
	{name: "SOFT_PHONE with a number ignores it", mutate: setNumbers(channel.PhoneNumberConfig{Channel: channel.Voice, PhoneType: channel.SoftPhone, PhoneNumber: ruleSecret("+15555551212")}),
		want:   everyType(vw("PhoneNumberConfigs[0].PhoneNumber", cuerrors.CodeIgnored)),
		detail: []ruleDetail{{field: "PhoneNumberConfigs[0].PhoneNumber", code: cuerrors.CodeIgnored}}},
	{name: "DESK_PHONE with an empty number is a pattern error, not incomplete", mutate: setNumbers(channel.PhoneNumberConfig{Channel: channel.Voice, PhoneType: channel.DeskPhone, PhoneNumber: ruleSecret("")}),
		want: everyType(ve("PhoneNumberConfigs[0].PhoneNumber", cuerrors.CodePattern))},
	{name: "SOFT_PHONE with an empty number is a pattern error and ignored", mutate: setNumbers(channel.PhoneNumberConfig{Channel: channel.Voice, PhoneType: channel.SoftPhone, PhoneNumber: ruleSecret("")}),
		want: everyType(ve("PhoneNumberConfigs[0].PhoneNumber", cuerrors.CodePattern), vw("PhoneNumberConfigs[0].PhoneNumber", cuerrors.CodeIgnored))},
	{name: "PhoneNumber +12 (2 digits) passes", mutate: setNumbers(channel.PhoneNumberConfig{Channel: channel.Voice, PhoneType: channel.DeskPhone, PhoneNumber: ruleSecret("+12")}),
		want: everyType()},
	{name: "PhoneNumber +1 (1 digit) fails", mutate: setNumbers(channel.PhoneNumberConfig{Channel: channel.Voice, PhoneType: channel.DeskPhone, PhoneNumber: ruleSecret("+1")}),
		want:   everyType(ve("PhoneNumberConfigs[0].PhoneNumber", cuerrors.CodePattern)),
		detail: []ruleDetail{{field: "PhoneNumberConfigs[0].PhoneNumber", code: cuerrors.CodePattern}}},
	{name: "PhoneNumber of 15 digits passes", mutate: setNumbers(channel.PhoneNumberConfig{Channel: channel.Voice, PhoneType: channel.DeskPhone, PhoneNumber: ruleSecret("+123456789012345")}),
		want: everyType()},
	{name: "PhoneNumber of 16 digits fails", mutate: setNumbers(channel.PhoneNumberConfig{Channel: channel.Voice, PhoneType: channel.DeskPhone, PhoneNumber: ruleSecret("+1234567890123456")}),
		want: everyType(ve("PhoneNumberConfigs[0].PhoneNumber", cuerrors.CodePattern))},
	{name: "PhoneNumber with a leading 0 fails", mutate: setNumbers(channel.PhoneNumberConfig{Channel: channel.Voice, PhoneType: channel.DeskPhone, PhoneNumber: ruleSecret("+0123")}),
		want: everyType(ve("PhoneNumberConfigs[0].PhoneNumber", cuerrors.CodePattern))},
	{name: "VOICE twice is a duplicate", mutate: setNumbers(
		channel.PhoneNumberConfig{Channel: channel.Voice, PhoneType: channel.SoftPhone},
		channel.PhoneNumberConfig{Channel: channel.Voice, PhoneType: channel.SoftPhone}),
		want:   everyType(ve("PhoneNumberConfigs[1].Channel", cuerrors.CodeDuplicate)),
		detail: []ruleDetail{channelDetail("PhoneNumberConfigs[1].Channel", cuerrors.CodeDuplicate, "VOICE", "PhoneNumberConfigs[0].Channel")}},
	{name: "CHAT twice is unsupported twice and a duplicate", mutate: setNumbers(
		channel.PhoneNumberConfig{Channel: channel.Chat, PhoneType: channel.SoftPhone},
		channel.PhoneNumberConfig{Channel: channel.Chat, PhoneType: channel.SoftPhone}),
		want: everyType(ve("PhoneNumberConfigs[0].Channel", cuerrors.CodeChannel), ve("PhoneNumberConfigs[1].Channel", cuerrors.CodeChannel),
			ve("PhoneNumberConfigs[1].Channel", cuerrors.CodeDuplicate))},
	{name: "invalid channels twice are enum only", mutate: setNumbers(
		channel.PhoneNumberConfig{Channel: "FAX", PhoneType: channel.SoftPhone},
		channel.PhoneNumberConfig{Channel: "FAX", PhoneType: channel.SoftPhone}),
		want: everyType(ve("PhoneNumberConfigs[0].Channel", cuerrors.CodeEnum), ve("PhoneNumberConfigs[1].Channel", cuerrors.CodeEnum))},
}

var persistentConnectionCases = []ruleCase{
	{name: "VOICE false passes", mutate: setPersistent(channel.PersistentConnectionConfig{Channel: channel.Voice, PersistentConnection: new(false)}),
		want: everyType()},
	{name: "PersistentConnection absent is required", mutate: setPersistent(channel.PersistentConnectionConfig{Channel: channel.Voice}),
		want: everyType(ve("PersistentConnectionConfigs[0].PersistentConnection", cuerrors.CodeRequired))},
	{name: "TASK is not supported", mutate: setPersistent(channel.PersistentConnectionConfig{Channel: channel.Task, PersistentConnection: new(true)}),
		want:   everyType(ve("PersistentConnectionConfigs[0].Channel", cuerrors.CodeChannel)),
		detail: []ruleDetail{channelDetail("PersistentConnectionConfigs[0].Channel", cuerrors.CodeChannel, "TASK")}},
	{name: "an invalid channel gets enum only", mutate: setPersistent(channel.PersistentConnectionConfig{Channel: "X", PersistentConnection: new(true)}),
		want: everyType(ve("PersistentConnectionConfigs[0].Channel", cuerrors.CodeEnum))},
	{name: "VOICE twice is a duplicate", mutate: setPersistent(
		channel.PersistentConnectionConfig{Channel: channel.Voice, PersistentConnection: new(true)},
		channel.PersistentConnectionConfig{Channel: channel.Voice, PersistentConnection: new(false)}),
		want:   everyType(ve("PersistentConnectionConfigs[1].Channel", cuerrors.CodeDuplicate)),
		detail: []ruleDetail{channelDetail("PersistentConnectionConfigs[1].Channel", cuerrors.CodeDuplicate, "VOICE", "PersistentConnectionConfigs[0].Channel")}},
	{name: "zero element", mutate: setPersistent(channel.PersistentConnectionConfig{}),
		want: everyType(ve("PersistentConnectionConfigs[0].Channel", cuerrors.CodeRequired), ve("PersistentConnectionConfigs[0].PersistentConnection", cuerrors.CodeRequired))},
}

var voiceEnhancementCases = []ruleCase{
	{name: "VOICE VOICE_ISOLATION passes", mutate: setVoice(channel.VoiceEnhancementConfig{Channel: channel.Voice, VoiceEnhancementMode: channel.VoiceIsolation}),
		want: everyType()},
	{name: "VOICE NOISE_SUPPRESSION passes", mutate: setVoice(channel.VoiceEnhancementConfig{Channel: channel.Voice, VoiceEnhancementMode: channel.NoiseSuppression}),
		want: everyType()},
	{name: "VOICE NONE passes", mutate: setVoice(channel.VoiceEnhancementConfig{Channel: channel.Voice, VoiceEnhancementMode: channel.None}),
		want: everyType()},
	{name: "VoiceEnhancementMode absent is required", mutate: setVoice(channel.VoiceEnhancementConfig{Channel: channel.Voice}),
		want: everyType(ve("VoiceEnhancementConfigs[0].VoiceEnhancementMode", cuerrors.CodeRequired))},
	{name: "VoiceEnhancementMode LOUD is not a mode", mutate: setVoice(channel.VoiceEnhancementConfig{Channel: channel.Voice, VoiceEnhancementMode: "LOUD"}),
		want:   everyType(ve("VoiceEnhancementConfigs[0].VoiceEnhancementMode", cuerrors.CodeEnum)),
		detail: []ruleDetail{{field: "VoiceEnhancementConfigs[0].VoiceEnhancementMode", code: cuerrors.CodeEnum, value: "LOUD"}}},
	{name: "VoiceEnhancementMode in lower case is not a mode", mutate: setVoice(channel.VoiceEnhancementConfig{Channel: channel.Voice, VoiceEnhancementMode: "none"}),
		want: everyType(ve("VoiceEnhancementConfigs[0].VoiceEnhancementMode", cuerrors.CodeEnum))},
	{name: "EMAIL is not supported", mutate: setVoice(channel.VoiceEnhancementConfig{Channel: channel.Email, VoiceEnhancementMode: channel.None}),
		want:   everyType(ve("VoiceEnhancementConfigs[0].Channel", cuerrors.CodeChannel)),
		detail: []ruleDetail{channelDetail("VoiceEnhancementConfigs[0].Channel", cuerrors.CodeChannel, "EMAIL")}},
	{name: "an invalid channel gets enum only", mutate: setVoice(channel.VoiceEnhancementConfig{Channel: "PHONE", VoiceEnhancementMode: channel.None}),
		want: everyType(ve("VoiceEnhancementConfigs[0].Channel", cuerrors.CodeEnum))},
	{name: "Channel absent is required", mutate: setVoice(channel.VoiceEnhancementConfig{VoiceEnhancementMode: channel.None}),
		want: everyType(ve("VoiceEnhancementConfigs[0].Channel", cuerrors.CodeRequired))},
	{name: "VOICE twice is a duplicate", mutate: setVoice(
		channel.VoiceEnhancementConfig{Channel: channel.Voice, VoiceEnhancementMode: channel.None},
		channel.VoiceEnhancementConfig{Channel: channel.Voice, VoiceEnhancementMode: channel.VoiceIsolation}),
		want: everyType(ve("VoiceEnhancementConfigs[1].Channel", cuerrors.CodeDuplicate))},
}
