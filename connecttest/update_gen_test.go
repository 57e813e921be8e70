package connecttest_test

import (
	"fmt"
	"math/rand/v2"
	"os"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/leanovate/gopter"

	"github.com/connectkit/createuser/channel"
	"github.com/connectkit/createuser/connecttest"
	"github.com/connectkit/createuser/identity"
	"github.com/connectkit/createuser/user"
)

// The property tests' settings, as in package user: CREATEUSER_PROPERTY_CASES
// sets the number of cases per property (150 by default; CI runs more),
// CREATEUSER_PROPERTY_SEED fixes the seed (else the clock picks one, and
// the test logs it).

func propParameters(t *testing.T) *gopter.TestParameters {
	t.Helper()
	seed := time.Now().UnixNano()
	if s := os.Getenv("CREATEUSER_PROPERTY_SEED"); s != "" {
		v, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			t.Fatalf("CREATEUSER_PROPERTY_SEED=%q: %v", s, err)
		}
		seed = v
	}
	n := 150
	if s := os.Getenv("CREATEUSER_PROPERTY_CASES"); s != "" {
		v, err := strconv.Atoi(s)
		if err != nil || v < 1 {
			t.Fatalf("CREATEUSER_PROPERTY_CASES=%q: want a positive integer", s)
		}
		n = v
	}
	params := gopter.DefaultTestParametersWithSeed(seed)
	params.MinSuccessfulTests = n
	params.Workers = 1
	t.Logf("gopter seed %d, %d cases; replay with: CREATEUSER_PROPERTY_SEED=%d CREATEUSER_PROPERTY_CASES=%d go test ./connecttest/ -run '^%s$'",
		seed, n, seed, n, t.Name())
	return params
}

// rgen draws the members of random requests: mostly valid values, with
// some that the catalog refuses, so that both answers are seen.
type rgen struct {
	r     *rand.Rand
	badIn int // one value in badIn is one the catalog refuses
}

func newGen(seed uint64, badIn int) rgen {
	return rgen{rand.New(rand.NewPCG(seed, 0x75706461)), badIn}
}

func (g rgen) oneIn(n int) bool { return g.r.IntN(n) == 0 }

// bad reports whether to draw a value the catalog refuses.
func (g rgen) bad() bool { return g.oneIn(g.badIn) }

func pick[T any](g rgen, xs ...T) T { return xs[g.r.IntN(len(xs))] }

// value returns one of good, or one of bad now and then.
func value[T any](g rgen, good []T, bad ...T) T {
	if len(bad) > 0 && g.bad() {
		return pick(g, bad...)
	}
	return pick(g, good...)
}

// secret returns nil (when optional) or a value.
func (g rgen) secret(optional bool, good []string, bad ...string) *identity.Secret {
	if optional && g.oneIn(3) || !optional && g.bad() {
		return nil
	}
	return ptr(identity.Secret(value(g, good, bad...)))
}

func (g rgen) boolPtr() *bool { return pick(g, nil, ptr(true), ptr(false)) }

func (g rgen) limit() *int64 {
	return value(g, []*int64{nil, ptr(int64(0)), ptr(int64(30)), ptr(int64(600)), ptr(int64(2_000_000))}, ptr(int64(2_000_001)), ptr(int64(-1)))
}

// channels returns n distinct channels (a channel twice now and then), of
// VOICE only when voiceOnly (another now and then).
func (g rgen) channels(n int, voiceOnly bool) []channel.Channel {
	all := []channel.Channel{channel.Voice, channel.Chat, channel.Task, channel.Email}
	g.r.Shuffle(len(all), func(i, j int) { all[i], all[j] = all[j], all[i] })
	out := all[:n]
	if voiceOnly {
		out = []channel.Channel{channel.Voice}
		if g.bad() {
			out[0] = pick(g, channel.Chat, "FAX")
		}
	}
	if g.bad() {
		out = append(out, pick(g, out[0], "FAX"))
	}
	return out
}

var (
	firstNames = []string{"Ana", "Li", "José", "Zoë"}
	lastNames  = []string{"Silva", "Wang", "O'Brien"}
	emails     = []string{"ana@example.com", "li@example.org"}
	phones     = []string{"+15555550100", "+447700900123"}
)

func (g rgen) identityInfo() *identity.Info {
	if g.bad() {
		return nil
	}
	return &identity.Info{
		FirstName:      g.secret(false, firstNames, "", strings.Repeat("x", 300)),
		LastName:       g.secret(false, lastNames, ""),
		Email:          g.secret(true, emails, "not-an-email"),
		SecondaryEmail: g.secret(true, emails, "x@"),
		Mobile:         g.secret(true, phones, "555"),
	}
}

func (g rgen) phoneConfig() *user.PhoneConfig {
	if g.bad() {
		return nil
	}
	var t *channel.PhoneType
	if !g.bad() {
		t = ptr(value(g, []channel.PhoneType{channel.SoftPhone, channel.DeskPhone}, "FAX"))
	}
	pc := &user.PhoneConfig{PhoneType: t, AutoAccept: g.boolPtr(), AfterContactWorkTimeLimit: g.limit(), PersistentConnection: g.boolPtr()}
	if t != nil && *t == channel.DeskPhone || g.bad() {
		pc.DeskPhoneNumber = g.secret(false, phones, "12")
	}
	return pc
}

// list returns nil (absent) mostly, an empty list now and then, or an
// element per channel drawn.
func list[T any](g rgen, voiceOnly bool, one func(channel.Channel) T) []T {
	switch g.r.IntN(3) {
	case 0, 1:
		return nil
	}
	if g.bad() {
		return []T{}
	}
	var out []T
	for _, c := range g.channels(1+g.r.IntN(4), voiceOnly) {
		out = append(out, one(c))
	}
	return out
}

func (g rgen) acw() *channel.AfterContactWork {
	return &channel.AfterContactWork{AfterContactWorkTimeLimit: g.limit()}
}

func (g rgen) userConfig(in *user.UpdateUserConfigInput) {
	for in.AutoAcceptConfigs == nil && in.AfterContactWorkConfigs == nil && in.PhoneNumberConfigs == nil &&
		in.PersistentConnectionConfigs == nil && in.VoiceEnhancementConfigs == nil && !g.bad() {
		g.oneUserConfig(in)
	}
}

func (g rgen) oneUserConfig(in *user.UpdateUserConfigInput) {
	in.AutoAcceptConfigs = list(g, false, func(c channel.Channel) channel.AutoAcceptConfig {
		cfg := channel.AutoAcceptConfig{Channel: c, AutoAccept: pick(g, ptr(true), ptr(false))}
		if g.bad() {
			cfg.AutoAccept = nil
		}
		return cfg
	})
	in.AfterContactWorkConfigs = list(g, false, func(c channel.Channel) channel.AfterContactWorkConfig {
		cfg := channel.AfterContactWorkConfig{Channel: c, AfterContactWorkConfig: g.acw()}
		if g.bad() {
			cfg.AfterContactWorkConfig = nil
		}
		return cfg
	})
	in.PhoneNumberConfigs = list(g, true, func(c channel.Channel) channel.PhoneNumberConfig {
		t := value(g, []channel.PhoneType{channel.SoftPhone, channel.DeskPhone}, "")
		cfg := channel.PhoneNumberConfig{Channel: c, PhoneType: t}
		if t == channel.DeskPhone || g.bad() {
			cfg.PhoneNumber = g.secret(false, phones, "1")
		}
		return cfg
	})
	in.PersistentConnectionConfigs = list(g, true, func(c channel.Channel) channel.PersistentConnectionConfig {
		return channel.PersistentConnectionConfig{Channel: c, PersistentConnection: value(g, []*bool{ptr(true), ptr(false)}, nil)}
	})
	in.VoiceEnhancementConfigs = list(g, true, func(c channel.Channel) channel.VoiceEnhancementConfig {
		return channel.VoiceEnhancementConfig{Channel: c, VoiceEnhancementMode: value(g, []channel.VoiceEnhancementMode{channel.VoiceIsolation, channel.NoiseSuppression, channel.None}, "LOUD")}
	})
}

// tags returns 1 to n tags (sometimes none) from a pool of 60 keys, with a
// reserved or empty key now and then.
func (g rgen) tags(n int) map[string]string {
	if g.bad() {
		return nil
	}
	out := map[string]string{}
	for range 1 + g.r.IntN(n) {
		out[fmt.Sprintf("k%02d", g.r.IntN(60))] = pick(g, "v", "")
	}
	if g.bad() {
		out[pick(g, "aws:owner", "AWS:x", "", "k00")] = pick(g, "v", strings.Repeat("w", 257))
	}
	return out
}

func (g rgen) tagKeys() []string {
	if g.bad() {
		return nil
	}
	keys := make([]string, 1+g.r.IntN(6))
	for i := range keys {
		keys[i] = pick(g, fmt.Sprintf("k%02d", g.r.IntN(60)), "never", "team")
	}
	return keys
}

// refs are the profiles and groups a request may name: valid is false
// for generators that may also name ones the instance does not have.
type refs struct {
	securityProfiles []string
	routingProfiles  []string
	groups           []string
	valid            bool
}

func (g rgen) ref(xs []string, valid bool) string {
	if !valid && g.oneIn(6) {
		return "gone"
	}
	return value(g, xs, "")
}

// request returns a random update request of the user id of instance (its
// ARN for the tag operations).
func (g rgen) request(srv *connecttest.Server, instance, id string, rf refs) user.Request {
	arn := userARN(srv, instance, id)
	switch g.r.IntN(8) {
	case 0:
		return &user.UpdateUserIdentityInfoInput{InstanceId: instance, UserId: id, IdentityInfo: g.identityInfo()}
	case 1:
		return &user.UpdateUserPhoneConfigInput{InstanceId: instance, UserId: id, PhoneConfig: g.phoneConfig()}
	case 2:
		in := &user.UpdateUserConfigInput{InstanceId: instance, UserId: id}
		g.userConfig(in)
		return in
	case 3:
		return &user.UpdateUserRoutingProfileInput{InstanceId: instance, UserId: id, RoutingProfileId: g.ref(rf.routingProfiles, rf.valid)}
	case 4:
		var ids []string
		if !g.bad() {
			all := slices.Clone(rf.securityProfiles)
			g.r.Shuffle(len(all), func(i, j int) { all[i], all[j] = all[j], all[i] })
			ids = all[:1+g.r.IntN(len(all))]
			if !rf.valid && g.oneIn(6) {
				ids[0] = "gone"
			}
			if g.bad() {
				ids = append(ids, pick(g, "", ids[0]))
			}
			if g.bad() {
				ids = slices.Repeat(ids[:1], 11)
			}
		}
		return &user.UpdateUserSecurityProfilesInput{InstanceId: instance, UserId: id, SecurityProfileIds: ids}
	case 5:
		in := &user.UpdateUserHierarchyInput{InstanceId: instance, UserId: id}
		if !g.oneIn(3) {
			in.HierarchyGroupId = ptr(g.ref(rf.groups, rf.valid))
		}
		return in
	case 6:
		return &user.TagResourceInput{ResourceArn: arn, Tags: g.tags(pick(g, 3, 12, 50))}
	default:
		return &user.UntagResourceInput{ResourceArn: arn, TagKeys: g.tagKeys()}
	}
}

// startUser returns a random user of the fixture's instances to begin a
// sequence with.
func (g rgen) startUser(rf refs) connecttest.User {
	u := connecttest.User{Id: "u-prop", Username: "prop.user", SecurityProfileIds: []string{pick(g, rf.securityProfiles...)},
		RoutingProfileId: pick(g, rf.routingProfiles...)}
	if !g.oneIn(3) {
		u.IdentityInfo = &identity.Info{FirstName: ptr(identity.Secret("Pat")), LastName: ptr(identity.Secret("Lee"))}
	}
	if g.oneIn(2) {
		u.PhoneConfig = &user.PhoneConfig{PhoneType: ptr(channel.SoftPhone), AfterContactWorkTimeLimit: ptr(int64(20))}
	}
	if g.oneIn(2) {
		u.HierarchyGroupId = ptr(pick(g, rf.groups...))
	}
	cfg := &user.UpdateUserConfigInput{}
	g.oneUserConfig(cfg)
	u.AutoAcceptConfigs, u.AfterContactWorkConfigs, u.PhoneNumberConfigs = cfg.AutoAcceptConfigs, cfg.AfterContactWorkConfigs, cfg.PhoneNumberConfigs
	u.PersistentConnectionConfigs, u.VoiceEnhancementConfigs = cfg.PersistentConnectionConfigs, cfg.VoiceEnhancementConfigs
	if g.oneIn(2) {
		u.Tags = map[string]string{"team": "blue"}
	}
	return u
}
