package user

import (
	"math"
	"reflect"
	"strconv"
	"strings"

	"github.com/leanovate/gopter"
	"github.com/leanovate/gopter/gen"

	"github.com/connectkit/createuser/channel"
	"github.com/connectkit/createuser/identity"
	"github.com/connectkit/createuser/internal/pattern"
)

// Generators of whole CreateUserInput values for the property tests
// (properties_test.go): propArbitraryInput mixes valid and invalid values in
// every member, with the presence of every optional pointer random;
// propValidCase yields a request and an identity management type under
// which it has no violation at all.
//
// Every leaf is drawn from a pool of typed constants with propPick, which
// shrinks toward the pool's first value (valid pools first), so a shrunk
// counterexample reads as "the canonical request, but for this member".
// Lists are bounded (propList), maps too (propTags).

// propPick draws one of vs and shrinks toward vs[0].
func propPick[T comparable](vs ...T) gopter.Gen {
	first := vs[0]
	shrinker := func(v any) gopter.Shrink {
		if v.(T) == first {
			return gopter.NoShrink
		}
		done := false
		return func() (any, bool) {
			if done {
				return nil, false
			}
			done = true
			return first, true
		}
	}
	return func(p *gopter.GenParameters) *gopter.GenResult {
		return gopter.NewGenResult(vs[p.Rng.Intn(len(vs))], shrinker)
	}
}

// propMix draws from valid or from invalid with even odds, and shrinks
// toward valid[0].
func propMix[T comparable](valid, invalid []T) gopter.Gen {
	all := append(append([]T(nil), valid...), invalid...)
	pickValid, pickAll := propPick(valid...), propPick(all...)
	return func(p *gopter.GenParameters) *gopter.GenResult {
		if p.NextBool() {
			return pickValid(p)
		}
		return pickAll(p)
	}
}

// propPresent generates a pointer to a value of g that is never nil, not
// even when shrunk: for members that a valid request must have.
func propPresent[T any](g gopter.Gen) gopter.Gen {
	return func(p *gopter.GenParameters) *gopter.GenResult {
		r := g(p)
		v, ok := r.Retrieve()
		if !ok {
			return gopter.NewEmptyResult(reflect.TypeFor[*T]())
		}
		x := v.(T)
		elem := r.Shrinker
		return gopter.NewGenResult(&x, func(v any) gopter.Shrink {
			return elem(*v.(*T)).Map(func(e T) *T { return &e })
		})
	}
}

// propAbsent generates the nil *T.
func propAbsent[T any]() gopter.Gen { return gen.Const((*T)(nil)) }

// propList generates a list of min to max elements of elem (never nil).
// It shrinks by dropping and shrinking elements, never below min.
func propList[T any](elem gopter.Gen, min, max int) gopter.Gen {
	slices := gen.SliceOf(elem, reflect.TypeFor[T]())
	return func(p *gopter.GenParameters) *gopter.GenResult {
		q := *p
		q.MinSize, q.MaxSize = min, max+1 // SliceOf draws a length in [MinSize, MaxSize)
		r := slices(&q)
		prev := r.Sieve
		r.Sieve = func(v any) bool {
			n := len(v.([]T))
			return n >= min && n <= max && (prev == nil || prev(v))
		}
		return r
	}
}

// propOptionalList generates a list that is absent (nil), present and
// empty ([]), or 1 to max elements long.
func propOptionalList[T any](elem gopter.Gen, max int) gopter.Gen {
	return propShrinkToAbsent(gen.Weighted([]gen.WeightedGen{
		{Weight: 1, Gen: gen.Const([]T(nil))},
		{Weight: 1, Gen: gen.Const([]T{})},
		{Weight: 4, Gen: propList[T](elem, 1, max)},
	}))
}

// propShrinkToAbsent makes a generator of lists or maps try the absent
// (nil) value first when shrinking.
func propShrinkToAbsent(g gopter.Gen) gopter.Gen {
	return func(p *gopter.GenParameters) *gopter.GenResult {
		r := g(p)
		inner := r.Shrinker
		r.Shrinker = func(v any) gopter.Shrink {
			rv := reflect.ValueOf(v)
			if rv.IsNil() {
				return gopter.NoShrink
			}
			done := false
			absent := func() (any, bool) {
				if done {
					return nil, false
				}
				done = true
				return reflect.Zero(rv.Type()).Interface(), true
			}
			return gopter.ConcatShrinks(absent, inner(v))
		}
		return r
	}
}

// propMap generates a map of min to max draws of (key, value); equal keys
// collapse, so the map may hold fewer entries.
func propMap(keys, values gopter.Gen, min, max int) gopter.Gen {
	maps := gen.MapOf(keys, values)
	return func(p *gopter.GenParameters) *gopter.GenResult {
		q := *p
		q.MinSize, q.MaxSize = min, max+1
		return maps(&q)
	}
}

// Pools of values. The first value of each valid pool is the canonical
// one that shrinking moves toward.
var (
	propInstanceID  = "a1b2c3d4-5678-90ab-cdef-EXAMPLE11111"
	propInstanceARN = "arn:aws:connect:us-west-2:123456789012:instance/" + propInstanceID
	propProfiles    = []string{
		"12345678-1234-1234-1234-123456789012",
		"22345678-1234-1234-1234-123456789012",
		"32345678-1234-1234-1234-123456789012",
		"42345678-1234-1234-1234-123456789012",
		propInstanceARN + "/security-profile/22345678-1234-1234-1234-123456789012", // counts as the second
		"arn:aws-cn:connect:cn-north-1:123456789012:instance/i-1/security-profile/32345678-1234-1234-1234-123456789012",
		"52345678-1234-1234-1234-123456789012",
		"62345678-1234-1234-1234-123456789012",
		"72345678-1234-1234-1234-123456789012",
		"82345678-1234-1234-1234-123456789012",
		"92345678-1234-1234-1234-123456789012",
		"a2345678-1234-1234-1234-123456789012",
	}

	propInstanceIDsValid   = []string{propInstanceID, propInstanceARN, strings.Repeat("i", 100)}
	propInstanceIDsInvalid = []string{"", strings.Repeat("i", 101)}

	// Usernames valid under every identity type: 2 to 20 characters of
	// A-Z a-z 0-9 _ - . @, an email address when it holds @.
	propUsernamesValid = []string{"agent1", "ab", "mary.major", "john_doe-2", "mary@example.com", "abcdefghij0123456789"}
	// Usernames valid under SAML only (21 to 64 characters), and under
	// Unknown (which reports a length only where every type does).
	propUsernamesSAML    = []string{strings.Repeat("s", 21), strings.Repeat("s", 64)}
	propUsernamesUnknown = []string{"a", strings.Repeat("u", 21), strings.Repeat("u", 64)}
	propUsernamesInvalid = []string{
		"", "a", "mary major", "testuser@example", "alias@id@org", "agent\u00e91",
		strings.Repeat("u", 21), strings.Repeat("u", 64), strings.Repeat("u", 65),
		strings.Repeat("u", 100), strings.Repeat("u", 101), strings.Repeat("u", 120),
	}

	propPasswordsValid   = []identity.Secret{"Passw0rdExample", "aB3aB3aB", identity.Secret("aB3" + strings.Repeat("x", 61)), "P\u00e4ssw0rd!x"}
	propPasswordsInvalid = []identity.Secret{
		"", "short", "aB3aB3a", identity.Secret("aB3" + strings.Repeat("x", 62)),
		"Passw0rd example", "alllowercase1", "Passw0rd\u00a0x", "PASSWORD1",
	}

	propFirstNamesValid   = []identity.Secret{"Mary", "Jos\u00e9", identity.Secret(strings.Repeat("f", 255))}
	propFirstNamesInvalid = []identity.Secret{"", "Jose\u0301", identity.Secret(strings.Repeat("f", 256))}
	// Last names valid under CONNECT_MANAGED (at most 256), and up to 300
	// under the other types.
	propLastNamesValid   = []identity.Secret{"Major", "\u00d1\u00fa\u00f1ez", identity.Secret(strings.Repeat("l", 256))}
	propLastNamesLong    = []identity.Secret{identity.Secret(strings.Repeat("l", 257)), identity.Secret(strings.Repeat("l", 300))}
	propLastNamesInvalid = []identity.Secret{
		"", "Nu\u0303nez", identity.Secret(strings.Repeat("l", 257)),
		identity.Secret(strings.Repeat("l", 300)), identity.Secret(strings.Repeat("l", 301)),
	}

	propEmailsValid   = []identity.Secret{"mary@example.com", "a.b+c_d%e-f@sub.example-host.org", "x@y.museum"}
	propEmailsInvalid = []identity.Secret{
		"", "mary@example", "mary", "@example.com", "mary@example.c", "mary @example.com",
		identity.Secret(strings.Repeat("m", 254) + "@example.com"), // 266 characters
	}

	propNumbersValid   = []identity.Secret{"+15555551212", "+12", "+123456789012345"}
	propNumbersInvalid = []identity.Secret{"", "5555551212", "+0123", "+1234567890123456", "+1 555 555 1212"}

	propDirectoryIDsValid   = []string{"d-1234567890"}
	propDirectoryIDsInvalid = []string{""}
	propRoutingValid        = []string{"87654321-4321-4321-4321-210987654321", propInstanceARN + "/routing-profile/87654321-4321-4321-4321-210987654321"}
	propRoutingInvalid      = []string{""}
	propHierarchyValid      = []string{"hg-12345678"}
	propHierarchyInvalid    = []string{""}

	propTagKeysValid = []string{
		"team", "env", "cost-center", "\u00dcn\u00efcode key", "a:b/c=d+e-f@g_h.i",
		"\uff11\uff12\uff13", strings.Repeat("k", 128),
	}
	propTagKeysInvalid = []string{"", "aws:team", "AWS:Team", "tab\tkey", "e\u0301", "semi;colon", strings.Repeat("k", 129)}
	propTagValuesValid = []string{"", "x", "contact center", strings.Repeat("v", 256)}
	propTagValuesLong  = []string{strings.Repeat("v", 257)}

	propChannelsValid   = []channel.Channel{channel.Voice, channel.Chat, channel.Task, channel.Email}
	propChannelsInvalid = []channel.Channel{"", "FAX", "voice"}
	propPhoneTypesValid = []channel.PhoneType{channel.SoftPhone, channel.DeskPhone}
	propPhoneTypesBad   = []channel.PhoneType{"", "CELL_PHONE", "soft_phone"}
	propModesValid      = []channel.VoiceEnhancementMode{channel.VoiceIsolation, channel.NoiseSuppression, channel.None}
	propModesInvalid    = []channel.VoiceEnhancementMode{"", "ECHO"}
	propLimitsValid     = []int64{60, 0, 2_000_000}
	propLimitsInvalid   = []int64{-1, 2_000_001, math.MaxInt64, math.MinInt64}
	propBools           = []bool{true, false}
	propIdentityTypes   = []identity.Type{identity.Unknown, identity.ConnectManaged, identity.SAML, identity.ExistingDirectory}
)

// propIdentityType draws an identity management type, Unknown included.
func propIdentityType() gopter.Gen { return propPick(propIdentityTypes...) }

// propTags generates Tags: absent, present and empty (invalid only), a few
// tags, or around the limit of 50. With invalid set,
// keys and values are drawn from valid and invalid pools alike.
func propTags(invalid bool) gopter.Gen {
	keys, values := propPick(propTagKeysValid...), propPick(propTagValuesValid...)
	if invalid {
		keys, values = propMix(propTagKeysValid, propTagKeysInvalid), propMix(propTagValuesValid, propTagValuesLong)
	}
	many := make([]string, 60)
	for i := range many {
		many[i] = "team-" + strconv.Itoa(i)
	}
	// 120 to 160 draws of 60 keys give 48 to 58 tags; 150 to 200 draws of
	// 50 give 47 to 50.
	bulk := propMap(propPick(many...), values, 120, 160)
	if !invalid {
		bulk = propMap(propPick(many[:50]...), values, 150, 200)
	}
	weighted := []gen.WeightedGen{
		{Weight: 2, Gen: gen.Const(map[string]string(nil))},
		{Weight: 6, Gen: propMap(keys, values, 1, 5)},
		{Weight: 1, Gen: bulk},
	}
	if invalid {
		weighted = append(weighted, gen.WeightedGen{Weight: 1, Gen: gen.Const(map[string]string{})})
	}
	return propShrinkToAbsent(gen.Weighted(weighted))
}

// propArbitraryInput generates requests that mix valid and invalid values
// in every member; each optional pointer is present or absent at random,
// each list absent, empty or 1 to a few elements long.
func propArbitraryInput() gopter.Gen {
	secret := func(valid, invalid []identity.Secret) gopter.Gen {
		return gen.PtrOf(propMix(valid, invalid))
	}
	info := gen.StrictStruct(reflect.TypeFor[identity.Info](), map[string]gopter.Gen{
		"FirstName":      secret(propFirstNamesValid, propFirstNamesInvalid),
		"LastName":       secret(propLastNamesValid, propLastNamesInvalid),
		"Email":          secret(propEmailsValid, propEmailsInvalid),
		"SecondaryEmail": secret(propEmailsValid, propEmailsInvalid),
		"Mobile":         secret(propNumbersValid, propNumbersInvalid),
	})
	phone := gen.StrictStruct(reflect.TypeFor[PhoneConfig](), map[string]gopter.Gen{
		"PhoneType":                 gen.PtrOf(propMix(propPhoneTypesValid, propPhoneTypesBad)),
		"AutoAccept":                gen.PtrOf(propPick(propBools...)),
		"AfterContactWorkTimeLimit": gen.PtrOf(propMix(propLimitsValid, propLimitsInvalid)),
		"DeskPhoneNumber":           secret(propNumbersValid, propNumbersInvalid),
		"PersistentConnection":      gen.PtrOf(propPick(propBools...)),
	})
	ch := propMix(propChannelsValid, propChannelsInvalid)
	work := gen.StrictStruct(reflect.TypeFor[channel.AfterContactWork](), map[string]gopter.Gen{
		"AfterContactWorkTimeLimit": gen.PtrOf(propMix(propLimitsValid, propLimitsInvalid)),
	})
	autoAccept := gen.StrictStruct(reflect.TypeFor[channel.AutoAcceptConfig](), map[string]gopter.Gen{
		"Channel":                      ch,
		"AutoAccept":                   gen.PtrOf(propPick(propBools...)),
		"AgentFirstCallbackAutoAccept": gen.PtrOf(propPick(propBools...)),
	})
	acw := gen.StrictStruct(reflect.TypeFor[channel.AfterContactWorkConfig](), map[string]gopter.Gen{
		"Channel":                ch,
		"AfterContactWorkConfig": gen.PtrOf(work),
		"AgentFirstCallbackAfterContactWorkConfig": gen.PtrOf(work),
	})
	numbers := gen.StrictStruct(reflect.TypeFor[channel.PhoneNumberConfig](), map[string]gopter.Gen{
		"Channel":     ch,
		"PhoneType":   propMix(propPhoneTypesValid, propPhoneTypesBad),
		"PhoneNumber": secret(propNumbersValid, propNumbersInvalid),
	})
	persistent := gen.StrictStruct(reflect.TypeFor[channel.PersistentConnectionConfig](), map[string]gopter.Gen{
		"Channel":              ch,
		"PersistentConnection": gen.PtrOf(propPick(propBools...)),
	})
	voice := gen.StrictStruct(reflect.TypeFor[channel.VoiceEnhancementConfig](), map[string]gopter.Gen{
		"Channel":              ch,
		"VoiceEnhancementMode": propMix(propModesValid, propModesInvalid),
	})
	return gen.StrictStructPtr(reflect.TypeFor[CreateUserInput](), map[string]gopter.Gen{
		"InstanceId":                  propMix(propInstanceIDsValid, propInstanceIDsInvalid),
		"Username":                    propMix(propUsernamesValid, propUsernamesInvalid),
		"Password":                    secret(propPasswordsValid, propPasswordsInvalid),
		"IdentityInfo":                gen.PtrOf(info),
		"PhoneConfig":                 gen.PtrOf(phone),
		"DirectoryUserId":             gen.PtrOf(propMix(propDirectoryIDsValid, propDirectoryIDsInvalid)),
		"SecurityProfileIds":          propOptionalList[string](propMix(propProfiles, []string{""}), 12),
		"RoutingProfileId":            propMix(propRoutingValid, propRoutingInvalid),
		"HierarchyGroupId":            gen.PtrOf(propMix(propHierarchyValid, propHierarchyInvalid)),
		"AutoAcceptConfigs":           propOptionalList[channel.AutoAcceptConfig](autoAccept, 5),
		"AfterContactWorkConfigs":     propOptionalList[channel.AfterContactWorkConfig](acw, 5),
		"PhoneNumberConfigs":          propOptionalList[channel.PhoneNumberConfig](numbers, 3),
		"PersistentConnectionConfigs": propOptionalList[channel.PersistentConnectionConfig](persistent, 3),
		"VoiceEnhancementConfigs":     propOptionalList[channel.VoiceEnhancementConfig](voice, 3),
		"Tags":                        propTags(true),
	})
}

// propValidCase is a request and the identity management type under which
// it is valid: Validate reports no violation, not even a warning.
type propValidCase struct {
	Identity identity.Type
	In       *CreateUserInput
}

// propValidCaseGen generates valid requests under each of the four
// identity management types (Unknown included).
func propValidCaseGen() gopter.Gen {
	cases := make([]gopter.Gen, len(propIdentityTypes))
	for i, t := range propIdentityTypes {
		cases[i] = gen.StrictStruct(reflect.TypeFor[propValidCase](), map[string]gopter.Gen{
			"Identity": gen.Const(t),
			"In":       propValidInput(t),
		})
	}
	return gen.OneGenOf(cases...)
}

// propValidInput generates requests valid under t. Members are drawn from
// valid pools, with what t requires always present (and kept present when
// shrinking) and what t forbids or ignores absent; the rules that tie
// members together (conflicts, distinct channels and ids, DESK_PHONE with
// a number) are met by propNormalizeValid, and the generator's sieve keeps
// shrinking among its fixed points, so a shrunk request is still valid.
func propValidInput(t identity.Type) gopter.Gen {
	username := propPick(propUsernamesValid...)
	lastNames := propLastNamesValid
	switch t {
	case identity.SAML:
		username = propPick(append(append([]string(nil), propUsernamesValid...), propUsernamesSAML...)...)
		lastNames = append(append([]identity.Secret(nil), propLastNamesValid...), propLastNamesLong...)
	case identity.ExistingDirectory:
		lastNames = append(append([]identity.Secret(nil), propLastNamesValid...), propLastNamesLong...)
	case identity.Unknown:
		username = propPick(append(append([]string(nil), propUsernamesValid...), propUsernamesUnknown...)...)
		lastNames = append(append([]identity.Secret(nil), propLastNamesValid...), propLastNamesLong...)
	}
	optional := func(pool []identity.Secret) gopter.Gen { return gen.PtrOf(propPick(pool...)) }
	required := func(pool []identity.Secret) gopter.Gen { return propPresent[identity.Secret](propPick(pool...)) }

	// Password: required under CONNECT_MANAGED, forbidden under SAML and
	// EXISTING_DIRECTORY, either under Unknown.
	password := optional(propPasswordsValid)
	// Names: required under CONNECT_MANAGED and SAML.
	first, last := optional(propFirstNamesValid), optional(lastNames)
	// Email: required (a warning) under CONNECT_MANAGED, forbidden (a
	// warning) under SAML.
	email := optional(propEmailsValid)
	// DirectoryUserId: forbidden under SAML, ignored under CONNECT_MANAGED.
	directory := gen.PtrOf(propPick(propDirectoryIDsValid...))
	switch t {
	case identity.ConnectManaged:
		password = required(propPasswordsValid)
		first, last, email = required(propFirstNamesValid), required(lastNames), required(propEmailsValid)
		directory = propAbsent[string]()
	case identity.SAML:
		password = propAbsent[identity.Secret]()
		first, last, email = required(propFirstNamesValid), required(lastNames), propAbsent[identity.Secret]()
		directory = propAbsent[string]()
	case identity.ExistingDirectory:
		password = propAbsent[identity.Secret]()
	}
	info := gen.StrictStruct(reflect.TypeFor[identity.Info](), map[string]gopter.Gen{
		"FirstName":      first,
		"LastName":       last,
		"Email":          email,
		"SecondaryEmail": optional(propEmailsValid),
		"Mobile":         optional(propNumbersValid),
	})
	infoPtr := gen.PtrOf(info)
	if t == identity.ConnectManaged || t == identity.SAML {
		infoPtr = propPresent[identity.Info](info)
	}

	phone := gen.StrictStruct(reflect.TypeFor[PhoneConfig](), map[string]gopter.Gen{
		"PhoneType":                 gen.PtrOf(propPick(propPhoneTypesValid...)),
		"AutoAccept":                gen.PtrOf(propPick(propBools...)),
		"AfterContactWorkTimeLimit": gen.PtrOf(propPick(propLimitsValid...)),
		"DeskPhoneNumber":           optional(propNumbersValid),
		"PersistentConnection":      gen.PtrOf(propPick(propBools...)),
	})
	ch := propPick(propChannelsValid...)
	work := gen.StrictStruct(reflect.TypeFor[channel.AfterContactWork](), map[string]gopter.Gen{
		"AfterContactWorkTimeLimit": gen.PtrOf(propPick(propLimitsValid...)),
	})
	autoAccept := gen.StrictStruct(reflect.TypeFor[channel.AutoAcceptConfig](), map[string]gopter.Gen{
		"Channel":                      ch,
		"AutoAccept":                   propPresent[bool](propPick(propBools...)),
		"AgentFirstCallbackAutoAccept": gen.PtrOf(propPick(propBools...)),
	})
	acw := gen.StrictStruct(reflect.TypeFor[channel.AfterContactWorkConfig](), map[string]gopter.Gen{
		"Channel":                ch,
		"AfterContactWorkConfig": propPresent[channel.AfterContactWork](work),
		"AgentFirstCallbackAfterContactWorkConfig": gen.PtrOf(work),
	})
	// PhoneNumberConfigs: SOFT_PHONE without a number, DESK_PHONE with one.
	soft := gen.StrictStruct(reflect.TypeFor[channel.PhoneNumberConfig](), map[string]gopter.Gen{
		"Channel":     gen.Const(channel.Voice),
		"PhoneType":   gen.Const(channel.SoftPhone),
		"PhoneNumber": propAbsent[identity.Secret](),
	})
	desk := gen.StrictStruct(reflect.TypeFor[channel.PhoneNumberConfig](), map[string]gopter.Gen{
		"Channel":     gen.Const(channel.Voice),
		"PhoneType":   gen.Const(channel.DeskPhone),
		"PhoneNumber": required(propNumbersValid),
	})
	persistent := gen.StrictStruct(reflect.TypeFor[channel.PersistentConnectionConfig](), map[string]gopter.Gen{
		"Channel":              gen.Const(channel.Voice),
		"PersistentConnection": propPresent[bool](propPick(propBools...)),
	})
	voice := gen.StrictStruct(reflect.TypeFor[channel.VoiceEnhancementConfig](), map[string]gopter.Gen{
		"Channel":              gen.Const(channel.Voice),
		"VoiceEnhancementMode": propPick(propModesValid...),
	})
	return gen.StrictStructPtr(reflect.TypeFor[CreateUserInput](), map[string]gopter.Gen{
		"InstanceId":                  propPick(propInstanceIDsValid...),
		"Username":                    username,
		"Password":                    password,
		"IdentityInfo":                infoPtr,
		"PhoneConfig":                 gen.PtrOf(phone),
		"DirectoryUserId":             directory,
		"SecurityProfileIds":          propList[string](propPick(propProfiles...), 1, 10),
		"RoutingProfileId":            propPick(propRoutingValid...),
		"HierarchyGroupId":            gen.PtrOf(propPick(propHierarchyValid...)),
		"AutoAcceptConfigs":           propOptionalList[channel.AutoAcceptConfig](autoAccept, 4),
		"AfterContactWorkConfigs":     propOptionalList[channel.AfterContactWorkConfig](acw, 4),
		"PhoneNumberConfigs":          propOptionalList[channel.PhoneNumberConfig](gen.OneGenOf(soft, desk), 1),
		"PersistentConnectionConfigs": propOptionalList[channel.PersistentConnectionConfig](persistent, 1),
		"VoiceEnhancementConfigs":     propOptionalList[channel.VoiceEnhancementConfig](voice, 1),
		"Tags":                        propTags(false),
	}).Map(func(in *CreateUserInput) *CreateUserInput {
		propNormalizeValid(in)
		return in
	}).SuchThat(propIsNormalValid)
}

// propNormalizeValid makes in meet the rules that tie members together,
// given members that are each valid on their own: channels and security
// profile ids are kept at their first occurrence, agent-first callback
// settings only on VOICE, a PhoneConfig member in conflict with a
// non-empty list is dropped, DESK_PHONE keeps its number and SOFT_PHONE
// loses it; and what is empty is made absent (empty lists and maps do not
// survive JSON's omitempty, and a present empty Tags is a count error).
func propNormalizeValid(in *CreateUserInput) {
	seen := map[string]bool{}
	in.SecurityProfileIds = propKeepFirst(in.SecurityProfileIds, func(id string) bool {
		key := pattern.ARNID(id)
		dup := seen[key]
		seen[key] = true
		return !dup
	})
	in.AutoAcceptConfigs = propKeepFirstChannel(in.AutoAcceptConfigs, func(e *channel.AutoAcceptConfig) channel.Channel { return e.Channel })
	for i := range in.AutoAcceptConfigs {
		if e := &in.AutoAcceptConfigs[i]; e.Channel != channel.Voice {
			e.AgentFirstCallbackAutoAccept = nil
		}
	}
	in.AfterContactWorkConfigs = propKeepFirstChannel(in.AfterContactWorkConfigs, func(e *channel.AfterContactWorkConfig) channel.Channel { return e.Channel })
	for i := range in.AfterContactWorkConfigs {
		if e := &in.AfterContactWorkConfigs[i]; e.Channel != channel.Voice {
			e.AgentFirstCallbackAfterContactWorkConfig = nil
		}
	}
	in.PhoneNumberConfigs = propKeepFirstChannel(in.PhoneNumberConfigs, func(e *channel.PhoneNumberConfig) channel.Channel { return e.Channel })
	in.PersistentConnectionConfigs = propKeepFirstChannel(in.PersistentConnectionConfigs, func(e *channel.PersistentConnectionConfig) channel.Channel { return e.Channel })
	in.VoiceEnhancementConfigs = propKeepFirstChannel(in.VoiceEnhancementConfigs, func(e *channel.VoiceEnhancementConfig) channel.Channel { return e.Channel })
	if len(in.Tags) == 0 {
		in.Tags = nil
	}
	if pc := in.PhoneConfig; pc != nil {
		if len(in.AutoAcceptConfigs) > 0 {
			pc.AutoAccept = nil
		}
		if len(in.AfterContactWorkConfigs) > 0 {
			pc.AfterContactWorkTimeLimit = nil
		}
		if len(in.PhoneNumberConfigs) > 0 {
			pc.PhoneType, pc.DeskPhoneNumber = nil, nil
		}
		if len(in.PersistentConnectionConfigs) > 0 {
			pc.PersistentConnection = nil
		}
		if pc.PhoneType != nil && *pc.PhoneType == channel.SoftPhone {
			pc.DeskPhoneNumber = nil
		}
		if pc.PhoneType != nil && *pc.PhoneType == channel.DeskPhone && pc.DeskPhoneNumber == nil {
			pc.PhoneType = new(channel.SoftPhone)
		}
	}
}

// propIsNormalValid reports whether in is a fixed point of
// propNormalizeValid: the sieve that keeps shrinking among valid requests.
func propIsNormalValid(in *CreateUserInput) bool {
	c := in.Clone()
	propNormalizeValid(c)
	return reflect.DeepEqual(c, in)
}

// propKeepFirst returns the elements of s for which keep is true, in
// order, and nil instead of an empty list.
func propKeepFirst[T any](s []T, keep func(T) bool) []T {
	var out []T
	for _, e := range s {
		if keep(e) {
			out = append(out, e)
		}
	}
	return out
}

// propKeepFirstChannel keeps the first element of each channel.
func propKeepFirstChannel[T any](s []T, ch func(*T) channel.Channel) []T {
	seen := map[channel.Channel]bool{}
	var out []T
	for i := range s {
		c := ch(&s[i])
		if seen[c] {
			continue
		}
		seen[c] = true
		out = append(out, s[i])
	}
	return out
}
