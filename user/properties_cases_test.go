package user

import (
	"strings"
	"testing"

	"github.com/connectkit/createuser/channel"
	"github.com/connectkit/createuser/identity"
)

// Frozen cases of the properties of properties_test.go: every shrunk
// counterexample gopter has found, and the boundary cases each property is
// about, checked by the same functions as the properties, so that they run
// on every `go test` whatever the seed.
type propFrozenCase struct {
	name     string
	property string // conflict, order, round-trip, unknown, determinism, builder
	identity identity.Type
	seed     int64 // the permutation (order) or the builder script (builder)
	in       func() *CreateUserInput
}

var propFrozenCases = []propFrozenCase{
	// Counterexamples found by gopter.
	{
		// Found while writing propBuild: each list is added in chunks, and
		// a chunk that captured a moving bound added nothing. Kept for the
		// builder property: one-element lists of every kind, an empty
		// PhoneNumberConfigs, an absent PersistentConnection.
		name: "builder/lists in chunks", property: "builder", identity: identity.Unknown, seed: 0,
		in: func() *CreateUserInput {
			return &CreateUserInput{
				InstanceId:                  "a1b2c3d4-5678-90ab-cdef-EXAMPLE11111",
				Username:                    "agent1",
				SecurityProfileIds:          []string{"12345678-1234-1234-1234-123456789012"},
				RoutingProfileId:            "87654321-4321-4321-4321-210987654321",
				AutoAcceptConfigs:           []channel.AutoAcceptConfig{{Channel: "VOICE"}},
				PhoneNumberConfigs:          []channel.PhoneNumberConfig{},
				PersistentConnectionConfigs: []channel.PersistentConnectionConfig{{Channel: "VOICE"}},
				VoiceEnhancementConfigs:     []channel.VoiceEnhancementConfig{{Channel: "VOICE", VoiceEnhancementMode: "VOICE_ISOLATION"}},
				Tags:                        map[string]string{"team": strings.Repeat("v", 257)},
			}
		},
	},

	// a. Conflicts: presence, not value; an empty list is not set.
	{name: "conflict/false and 0 and empty string conflict", property: "conflict", identity: identity.ConnectManaged,
		in: func() *CreateUserInput {
			in := fullRequest()
			in.PhoneConfig = &PhoneConfig{AutoAccept: new(false), AfterContactWorkTimeLimit: new(int64(0)),
				DeskPhoneNumber: new(identity.Secret("")), PhoneType: new(channel.PhoneType("")), PersistentConnection: new(false)}
			return in
		}},
	{name: "conflict/empty lists are not set", property: "conflict", identity: identity.SAML,
		in: func() *CreateUserInput {
			in := minimalRequest()
			in.PhoneConfig = &PhoneConfig{AutoAccept: new(true), AfterContactWorkTimeLimit: new(int64(60)),
				DeskPhoneNumber: new(identity.Secret("+15555551212")), PhoneType: new(channel.DeskPhone), PersistentConnection: new(true)}
			in.AutoAcceptConfigs = []channel.AutoAcceptConfig{}
			in.AfterContactWorkConfigs = []channel.AfterContactWorkConfig{}
			in.PhoneNumberConfigs = []channel.PhoneNumberConfig{}
			in.PersistentConnectionConfigs = []channel.PersistentConnectionConfig{}
			return in
		}},
	{name: "conflict/invalid elements still set the list", property: "conflict", identity: identity.Unknown,
		in: func() *CreateUserInput {
			in := minimalRequest()
			in.PhoneConfig = &PhoneConfig{PhoneType: new(channel.PhoneType("CELL_PHONE")), PersistentConnection: new(false)}
			in.PhoneNumberConfigs = []channel.PhoneNumberConfig{{}}
			in.PersistentConnectionConfigs = []channel.PersistentConnectionConfig{{Channel: "FAX"}}
			return in
		}},

	// b. Order: duplicates move with the permutation; an ARN counts as its
	// id; tags with several broken keys.
	{name: "order/duplicate ids and ARNs", property: "order", identity: identity.ConnectManaged, seed: 7,
		in: func() *CreateUserInput {
			in := minimalRequest()
			in.SecurityProfileIds = []string{propProfiles[1], propProfiles[0], propProfiles[4], "", propProfiles[1], propProfiles[0]}
			return in
		}},
	{name: "order/duplicate and invalid channels", property: "order", identity: identity.Unknown, seed: 3,
		in: func() *CreateUserInput {
			in := minimalRequest()
			in.AutoAcceptConfigs = []channel.AutoAcceptConfig{
				{Channel: channel.Chat, AgentFirstCallbackAutoAccept: new(true)}, {Channel: "FAX", AutoAccept: new(true)},
				{Channel: channel.Chat, AutoAccept: new(false)}, {Channel: channel.Voice, AutoAccept: new(true)}, {},
			}
			in.PersistentConnectionConfigs = []channel.PersistentConnectionConfig{{Channel: channel.Task}, {Channel: channel.Task, PersistentConnection: new(true)}, {Channel: channel.Voice}}
			in.Tags = map[string]string{"aws:a": "x", "": "y", "tab\tkey": strings.Repeat("v", 257), "ok": "z"}
			return in
		}},

	// c. Valid requests at the limits of each identity type.
	{name: "round-trip/SAML at its limits", property: "round-trip", identity: identity.SAML,
		in: func() *CreateUserInput {
			in := minimalRequest()
			in.Username = strings.Repeat("s", 64)
			in.Password = nil
			in.IdentityInfo = &identity.Info{FirstName: new(identity.Secret(strings.Repeat("f", 255))), LastName: new(identity.Secret(strings.Repeat("l", 300)))}
			return in
		}},
	{name: "round-trip/Unknown with a one-letter username", property: "round-trip", identity: identity.Unknown,
		in: func() *CreateUserInput {
			in := minimalRequest()
			in.Username = "a"
			in.IdentityInfo.LastName = new(identity.Secret(strings.Repeat("l", 300)))
			in.DirectoryUserId = new("d-1234567890")
			return in
		}},
	{name: "round-trip/full request", property: "round-trip", identity: identity.ConnectManaged, in: fullRequest},

	// d. Unknown: type-dependent rules.
	{name: "unknown/70-character username, empty email, directory id", property: "unknown",
		in: func() *CreateUserInput {
			in := minimalRequest()
			in.Username = strings.Repeat("u", 70)
			in.IdentityInfo.Email = new(identity.Secret(""))
			in.IdentityInfo.LastName = new(identity.Secret(strings.Repeat("l", 280)))
			in.DirectoryUserId = new("")
			in.Password = new(identity.Secret("abc"))
			return in
		}},
	{name: "unknown/nothing at all", property: "unknown", in: func() *CreateUserInput { return &CreateUserInput{} }},

	// e. Determinism.
	{name: "determinism/ten violations", property: "determinism", identity: identity.ConnectManaged, in: tenViolations},

	// f. Builder: replace and append over the full request.
	{name: "builder/full request", property: "builder", identity: identity.ConnectManaged, seed: 42, in: fullRequest},
}

func TestPropertyFrozenCases(t *testing.T) {
	for _, tc := range propFrozenCases {
		t.Run(tc.name, func(t *testing.T) {
			var label string
			switch tc.property {
			case "conflict":
				for _, c := range propConflicts {
					if label = propCheckConflict(c, tc.identity, tc.in()); label != "" {
						break
					}
				}
			case "order":
				label = propCheckOrder(tc.identity, tc.in(), tc.seed)
			case "round-trip":
				label = propCheckRoundTrip(propValidCase{Identity: tc.identity, In: tc.in()})
			case "unknown":
				if label = propCheckUnknownSubset(tc.in()); label == "" {
					label = propCheckUnknownExact(tc.in())
				}
			case "determinism":
				label = propCheckDeterminism(tc.identity, tc.in())
			case "builder":
				label = propCheckBuilder(tc.identity, tc.in(), tc.seed)
			default:
				t.Fatalf("unknown property %q", tc.property)
			}
			if label != "" {
				t.Errorf("violated: %s", label)
			}
		})
	}
}
