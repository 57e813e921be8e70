package main

import (
	"strconv"

	"github.com/connectkit/createuser/channel"
	"github.com/connectkit/createuser/identity"
	"github.com/connectkit/createuser/user"
)

func secret(s string) *identity.Secret { return new(identity.Secret(s)) }

func acw(limit int64) *channel.AfterContactWork {
	return &channel.AfterContactWork{AfterContactWorkTimeLimit: new(limit)}
}

// fullValid is a valid request under CONNECT_MANAGED with every member
// that can be set together: two security profiles, a hierarchy group,
// identity info with both emails and a mobile, AutoAccept and after
// contact work on the four channels, a desk phone, a persistent
// connection and voice enhancement on VOICE, and five tags. PhoneConfig
// is left out: each of its settings conflicts with a per-channel list.
func fullValid() *user.CreateUserInput {
	return &user.CreateUserInput{
		InstanceId:         "11111111-2222-3333-4444-555555555555",
		Username:           "jane.doe@example.com",
		Password:           secret("Str0ngPassw0rd!"),
		SecurityProfileIds: []string{"0f0f0f0f-1111-2222-3333-444444444444", "1e1e1e1e-5555-6666-7777-888888888888"},
		RoutingProfileId:   "aaaaaaaa-bbbb-cccc-dddd-eeeeeeeeeeee",
		HierarchyGroupId:   new("99999999-8888-7777-6666-555555555555"),
		IdentityInfo: &identity.Info{
			FirstName: secret("Jane"), LastName: secret("Doe"), Email: secret("jane.doe@example.com"),
			SecondaryEmail: secret("jd+alerts@mail.example.org"), Mobile: secret("+14155550123"),
		},
		AutoAcceptConfigs: []channel.AutoAcceptConfig{
			{Channel: channel.Voice, AutoAccept: new(true), AgentFirstCallbackAutoAccept: new(true)},
			{Channel: channel.Chat, AutoAccept: new(false)},
			{Channel: channel.Task, AutoAccept: new(true)},
			{Channel: channel.Email, AutoAccept: new(false)},
		},
		AfterContactWorkConfigs: []channel.AfterContactWorkConfig{
			{Channel: channel.Voice, AfterContactWorkConfig: acw(120), AgentFirstCallbackAfterContactWorkConfig: acw(60)},
			{Channel: channel.Chat, AfterContactWorkConfig: acw(30)},
			{Channel: channel.Task, AfterContactWorkConfig: acw(0)},
			{Channel: channel.Email, AfterContactWorkConfig: acw(600)},
		},
		PhoneNumberConfigs: []channel.PhoneNumberConfig{
			{Channel: channel.Voice, PhoneType: channel.DeskPhone, PhoneNumber: secret("+442071838750")},
		},
		PersistentConnectionConfigs: []channel.PersistentConnectionConfig{
			{Channel: channel.Voice, PersistentConnection: new(true)},
		},
		VoiceEnhancementConfigs: []channel.VoiceEnhancementConfig{
			{Channel: channel.Voice, VoiceEnhancementMode: channel.NoiseSuppression},
		},
		Tags: map[string]string{
			"team": "support", "cost-center": "cc-1234", "env": "prod", "region": "emea", "owner": "jane.doe@example.com",
		},
	}
}

// fullValid50 is fullValid with 45 more tags, 50 in all (information
// only: per tag, both sides check the key's characters and the value).
func fullValid50() *user.CreateUserInput {
	in := fullValid()
	for i := range 45 {
		in.Tags["team-"+strconv.Itoa(i)] = "contact-center value " + strconv.Itoa(i)
	}
	return in
}

// tenViolations breaks exactly ten rules under CONNECT_MANAGED, each once:
// InstanceId required, 11 security profiles (count), Username pattern,
// Email pattern, Mobile pattern, PhoneConfig.PhoneType enum, VOICE twice
// in AutoAcceptConfigs (duplicate), PhoneConfig.AutoAccept with
// AutoAcceptConfigs (conflict), a voice enhancement mode that does not
// exist (enum), a reserved tag key.
func tenViolations() *user.CreateUserInput {
	ids := make([]string, 11)
	for i := range ids {
		ids[i] = "sp-" + strconv.Itoa(10+i)
	}
	return &user.CreateUserInput{
		Username:           "jane doe!",
		Password:           secret("Str0ngPassw0rd!"),
		SecurityProfileIds: ids,
		RoutingProfileId:   "rp-1",
		IdentityInfo: &identity.Info{
			FirstName: secret("Jane"), LastName: secret("Doe"), Email: secret("jane.doe@example"), Mobile: secret("4155550123"),
		},
		PhoneConfig: &user.PhoneConfig{PhoneType: new(channel.PhoneType("CELL")), AutoAccept: new(true)},
		AutoAcceptConfigs: []channel.AutoAcceptConfig{
			{Channel: channel.Voice, AutoAccept: new(true)},
			{Channel: channel.Voice, AutoAccept: new(false)},
		},
		VoiceEnhancementConfigs: []channel.VoiceEnhancementConfig{{Channel: channel.Voice, VoiceEnhancementMode: "LOUD"}},
		Tags:                    map[string]string{"aws:owner": "x", "team": "support"},
	}
}
