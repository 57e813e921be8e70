package user

import (
	"strconv"

	"github.com/connectkit/createuser/channel"
	"github.com/connectkit/createuser/identity"
)

// Fixtures shared by the tests and benchmarks of this package.

// minimalRequest is the smallest valid request under CONNECT_MANAGED.
func minimalRequest() *CreateUserInput {
	return &CreateUserInput{
		InstanceId:         "a1b2c3d4-5678-90ab-cdef-EXAMPLE11111",
		Username:           "agent1",
		Password:           new(identity.Secret("Passw0rdExample")),
		IdentityInfo:       &identity.Info{FirstName: new(identity.Secret("Mary")), LastName: new(identity.Secret("Major")), Email: new(identity.Secret("mary@example.com"))},
		SecurityProfileIds: []string{"12345678-1234-1234-1234-123456789012"},
		RoutingProfileId:   "87654321-4321-4321-4321-210987654321",
	}
}

// fullRequest is a valid request under CONNECT_MANAGED with every member
// that can be set together: PhoneConfig members that do not conflict are
// left to the channel-specific lists, all five lists are set, and there are
// 50 tags.
func fullRequest() *CreateUserInput {
	in := minimalRequest()
	in.Username = "mary@example.com"
	in.IdentityInfo.SecondaryEmail = new(identity.Secret("mary.major@example.org"))
	in.IdentityInfo.Mobile = new(identity.Secret("+15555551212"))
	in.SecurityProfileIds = []string{
		"12345678-1234-1234-1234-123456789012",
		"arn:aws:connect:us-west-2:123456789012:instance/a1b2c3d4-5678-90ab-cdef-EXAMPLE11111/security-profile/22345678-1234-1234-1234-123456789012",
		"32345678-1234-1234-1234-123456789012",
	}
	in.HierarchyGroupId = new("hg-12345678")
	in.AutoAcceptConfigs = []channel.AutoAcceptConfig{
		{Channel: channel.Voice, AutoAccept: new(true), AgentFirstCallbackAutoAccept: new(false)},
		{Channel: channel.Chat, AutoAccept: new(false)},
		{Channel: channel.Task, AutoAccept: new(true)},
		{Channel: channel.Email, AutoAccept: new(false)},
	}
	in.AfterContactWorkConfigs = []channel.AfterContactWorkConfig{
		{Channel: channel.Voice, AfterContactWorkConfig: &channel.AfterContactWork{AfterContactWorkTimeLimit: new(int64(60))},
			AgentFirstCallbackAfterContactWorkConfig: &channel.AfterContactWork{AfterContactWorkTimeLimit: new(int64(0))}},
		{Channel: channel.Chat, AfterContactWorkConfig: &channel.AfterContactWork{AfterContactWorkTimeLimit: new(int64(2_000_000))}},
		{Channel: channel.Task, AfterContactWorkConfig: &channel.AfterContactWork{AfterContactWorkTimeLimit: new(int64(30))}},
		{Channel: channel.Email, AfterContactWorkConfig: &channel.AfterContactWork{AfterContactWorkTimeLimit: new(int64(0))}},
	}
	in.PhoneNumberConfigs = []channel.PhoneNumberConfig{
		{Channel: channel.Voice, PhoneType: channel.DeskPhone, PhoneNumber: new(identity.Secret("+15555551212"))},
	}
	in.PersistentConnectionConfigs = []channel.PersistentConnectionConfig{
		{Channel: channel.Voice, PersistentConnection: new(true)},
	}
	in.VoiceEnhancementConfigs = []channel.VoiceEnhancementConfig{
		{Channel: channel.Voice, VoiceEnhancementMode: channel.NoiseSuppression},
	}
	in.Tags = make(map[string]string, 50)
	for i := range 50 {
		in.Tags["team-"+strconv.Itoa(i)] = "contact-center value " + strconv.Itoa(i)
	}
	return in
}

// tenViolations breaks ten rules (CONNECT_MANAGED): eleven violations in
// all, spread over the whole request.
func tenViolations() *CreateUserInput {
	in := minimalRequest()
	in.Username = "mary major"                                                                                                 // pattern
	in.Password = new(identity.Secret("short"))                                                                                // length, pattern
	in.IdentityInfo.Email = new(identity.Secret("mary@example"))                                                               // pattern
	in.IdentityInfo.Mobile = new(identity.Secret("5555551212"))                                                                // pattern
	in.SecurityProfileIds = append(in.SecurityProfileIds, in.SecurityProfileIds[0])                                            // duplicate
	in.RoutingProfileId = ""                                                                                                   // required
	in.PhoneConfig = &PhoneConfig{AutoAccept: new(false)}                                                                      // conflict
	in.AutoAcceptConfigs = []channel.AutoAcceptConfig{{Channel: "FAX", AutoAccept: new(true)}}                                 // enum
	in.VoiceEnhancementConfigs = []channel.VoiceEnhancementConfig{{Channel: channel.Chat, VoiceEnhancementMode: channel.None}} // channel
	in.Tags = map[string]string{"aws:team": "x"}                                                                               // reserved
	return in
}
