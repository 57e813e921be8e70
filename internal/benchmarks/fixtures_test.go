package benchmarks

import (
	"encoding/json"
	"math/rand/v2"
	"strconv"
	"strings"

	"github.com/connectkit/createuser/channel"
	"github.com/connectkit/createuser/identity"
	"github.com/connectkit/createuser/user"
)

// The inputs of the benchmarks. minimalRequest, fullRequest and
// tenViolations are those of package user's own tests and benchmark
// (user/fixtures_test.go), repeated here because test files cannot be
// imported.

// minimalRequest is the smallest valid request under CONNECT_MANAGED.
func minimalRequest() *user.CreateUserInput {
	return &user.CreateUserInput{
		InstanceId:         "a1b2c3d4-5678-90ab-cdef-EXAMPLE11111",
		Username:           "agent1",
		Password:           new(identity.Secret("Passw0rdExample")),
		IdentityInfo:       &identity.Info{FirstName: new(identity.Secret("Mary")), LastName: new(identity.Secret("Major")), Email: new(identity.Secret("mary@example.com"))},
		SecurityProfileIds: []string{"12345678-1234-1234-1234-123456789012"},
		RoutingProfileId:   "87654321-4321-4321-4321-210987654321",
	}
}

// fullRequest is a valid request under CONNECT_MANAGED with every member
// that can be set together, all five lists and 50 tags.
func fullRequest() *user.CreateUserInput {
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
func tenViolations() *user.CreateUserInput {
	in := minimalRequest()
	in.Username = "mary major"                                                                                                 // pattern
	in.Password = new(identity.Secret("short"))                                                                                // length, pattern
	in.IdentityInfo.Email = new(identity.Secret("mary@example"))                                                               // pattern
	in.IdentityInfo.Mobile = new(identity.Secret("5555551212"))                                                                // pattern
	in.SecurityProfileIds = append(in.SecurityProfileIds, in.SecurityProfileIds[0])                                            // duplicate
	in.RoutingProfileId = ""                                                                                                   // required
	in.PhoneConfig = &user.PhoneConfig{AutoAccept: new(false)}                                                                 // conflict
	in.AutoAcceptConfigs = []channel.AutoAcceptConfig{{Channel: "FAX", AutoAccept: new(true)}}                                 // enum
	in.VoiceEnhancementConfigs = []channel.VoiceEnhancementConfig{{Channel: channel.Chat, VoiceEnhancementMode: channel.None}} // channel
	in.Tags = map[string]string{"aws:team": "x"}                                                                               // reserved
	return in
}

// input is one of the benchmarks' three requests, with its document.
type input struct {
	name       string
	in         *user.CreateUserInput
	violations int // under CONNECT_MANAGED
	doc        []byte
}

// inputs returns the three requests in benchmark order. Documents are
// indented, as people keep them in files.
func inputs() []input {
	out := []input{
		{name: "minimal", in: minimalRequest(), violations: 0},
		{name: "full", in: fullRequest(), violations: 0},
		{name: "violations10", in: tenViolations(), violations: 11},
	}
	for i := range out {
		out[i].doc = document(out[i].in)
	}
	return out
}

// document returns the request document of in.
func document(in *user.CreateUserInput) []byte {
	doc, err := json.MarshalIndent(in, "", "  ")
	if err != nil {
		panic(err)
	}
	return doc
}

// plainRequest is a request document as encoding/json users read it: the
// same members in plain Go types, no rule checked.
type plainRequest struct {
	InstanceId   string
	Username     string
	Password     *string
	IdentityInfo *struct {
		FirstName, LastName, Email, SecondaryEmail, Mobile *string
	}
	PhoneConfig *struct {
		PhoneType                 *string
		AutoAccept                *bool
		AfterContactWorkTimeLimit *int64
		DeskPhoneNumber           *string
		PersistentConnection      *bool
	}
	DirectoryUserId    *string
	SecurityProfileIds []string
	RoutingProfileId   string
	HierarchyGroupId   *string
	AutoAcceptConfigs  []struct {
		Channel                      string
		AutoAccept                   *bool
		AgentFirstCallbackAutoAccept *bool
	}
	AfterContactWorkConfigs []struct {
		Channel                                  string
		AfterContactWorkConfig                   *struct{ AfterContactWorkTimeLimit *int64 }
		AgentFirstCallbackAfterContactWorkConfig *struct{ AfterContactWorkTimeLimit *int64 }
	}
	PhoneNumberConfigs []struct {
		Channel, PhoneType string
		PhoneNumber        *string
	}
	PersistentConnectionConfigs []struct {
		Channel              string
		PersistentConnection *bool
	}
	VoiceEnhancementConfigs []struct {
		Channel, VoiceEnhancementMode string
	}
	Tags map[string]string
}

// variedRequests returns n requests drawn from seed: most valid under
// CONNECT_MANAGED (some with warnings), some with a few broken rules, some
// with many, with every member and list length represented, so that a run
// over them exercises every rule.
func variedRequests(seed uint64, n int) []*user.CreateUserInput {
	r := rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))
	out := make([]*user.CreateUserInput, n)
	for i := range out {
		var bad float64 // the chance that a member takes a bad value
		switch i % 8 {
		case 0:
			bad = 0.3
		case 1, 2:
			bad = 0.05
		}
		out[i] = variedRequest(r, bad)
	}
	return out
}

func variedRequest(r *rand.Rand, bad float64) *user.CreateUserInput {
	g := &gen{r: r, bad: bad}
	in := &user.CreateUserInput{
		InstanceId:       pick(g, []string{"a1b2c3d4-5678-90ab-cdef-EXAMPLE11111", "arn:aws:connect:us-east-1:123456789012:instance/a1b2c3d4"}, []string{"", strings.Repeat("i", 101)}),
		Username:         pick(g, []string{"agent1", "mary@example.com", "jo.smith_2", "a-b"}, []string{"", "a", "mary major", strings.Repeat("u", 30), strings.Repeat("u", 70), strings.Repeat("u", 120), "testuser@example", "alias@id@org", "zoë"}),
		Password:         secretPtr(maybe(g, 0.98, []string{"Passw0rdExample", "Sunrise2026Desk"}, []string{"", "short", "nouppercase1", "Has Space1A", strings.Repeat("p", 70) + "A1"})),
		RoutingProfileId: pick(g, []string{"87654321-4321-4321-4321-210987654321"}, []string{""}),
	}
	if bad == 0 || g.r.Float64() < 0.7 {
		names := []string{"Mary", "Zoë", "José", "O'Brien"}
		badNames := []string{"", "Zoe\u0308", strings.Repeat("n", 260), strings.Repeat("n", 301)}
		in.IdentityInfo = &identity.Info{
			FirstName:      secretPtr(maybe(g, 0.99, names, badNames)),
			LastName:       secretPtr(maybe(g, 0.99, names, badNames)),
			Email:          secretPtr(maybe(g, 0.9, []string{"mary@example.com", "j.o+x@mail.example.org"}, []string{"", "mary@example", "@example.com", strings.Repeat("e", 260) + "@example.com"})),
			SecondaryEmail: secretPtr(maybe(g, 0.3, []string{"mary.major@example.org"}, []string{"", "nope"})),
			Mobile:         secretPtr(maybe(g, 0.3, []string{"+15555551212"}, []string{"", "5555551212", "+0123"})),
		}
	}
	in.DirectoryUserId = maybe(g, 0.02, []string{"dir-user-1"}, []string{""})
	in.HierarchyGroupId = maybe(g, 0.3, []string{"hg-12345678"}, []string{""})
	ids := []string{ // distinct ids, suffixed below by the index
		"12345678-1234-1234-1234-123456789012",
		"22345678-1234-1234-1234-123456789012",
		"arn:aws:connect:us-west-2:123456789012:instance/a1b2c3d4/security-profile/42345678-1234-1234-1234-123456789012",
		"32345678-1234-1234-1234-123456789012",
	}
	// Bad ids: empty, or an id and the ARN that ends with it.
	badIDs := []string{"", ids[0], "arn:aws:connect:us-west-2:123456789012:instance/a1b2c3d4/security-profile/" + ids[0]}
	nIDs := 1 + g.r.IntN(3)
	if g.isBad() {
		nIDs = g.r.IntN(13)
	}
	for j := range nIDs {
		switch {
		case g.isBad():
			in.SecurityProfileIds = append(in.SecurityProfileIds, one(g, badIDs))
		default:
			in.SecurityProfileIds = append(in.SecurityProfileIds, ids[j%len(ids)]+strconv.Itoa(j/len(ids)))
		}
	}
	if nIDs == 0 && g.r.IntN(2) == 0 {
		in.SecurityProfileIds = []string{}
	}
	channels := []channel.Channel{channel.Voice, channel.Chat, channel.Task, channel.Email}
	ch := func(j int, voiceOnly bool) channel.Channel {
		if g.isBad() {
			return one(g, []channel.Channel{"", "FAX", channel.Voice, channel.Chat})
		}
		if voiceOnly {
			return channel.Voice
		}
		return channels[j%4]
	}
	listLen := func(max int) int {
		if g.r.IntN(3) == 0 {
			return 0
		}
		if g.isBad() {
			return g.r.IntN(6)
		}
		return 1 + g.r.IntN(max)
	}
	for j := range listLen(4) {
		e := channel.AutoAcceptConfig{Channel: ch(j, false), AutoAccept: g.maybeBool(!g.isBad())}
		if (e.Channel == channel.Voice || g.isBad()) && g.r.IntN(2) == 0 {
			e.AgentFirstCallbackAutoAccept = new(false)
		}
		in.AutoAcceptConfigs = append(in.AutoAcceptConfigs, e)
	}
	acw := func() *channel.AfterContactWork {
		if g.isBad() {
			return &channel.AfterContactWork{AfterContactWorkTimeLimit: new(one(g, []int64{-1, 2_000_001}))}
		}
		return &channel.AfterContactWork{AfterContactWorkTimeLimit: new(int64(g.r.IntN(2_000_001)))}
	}
	for j := range listLen(4) {
		e := channel.AfterContactWorkConfig{Channel: ch(j, false)}
		if !g.isBad() {
			e.AfterContactWorkConfig = acw()
		}
		if (e.Channel == channel.Voice || g.isBad()) && g.r.IntN(2) == 0 {
			e.AgentFirstCallbackAfterContactWorkConfig = acw()
		}
		in.AfterContactWorkConfigs = append(in.AfterContactWorkConfigs, e)
	}
	for j := range listLen(1) {
		e := channel.PhoneNumberConfig{Channel: ch(j, true), PhoneType: pick(g, []channel.PhoneType{channel.DeskPhone, channel.SoftPhone}, []channel.PhoneType{"", "FAX_PHONE"})}
		if e.PhoneType == channel.DeskPhone || g.isBad() {
			e.PhoneNumber = secretPtr(maybe(g, 0.9, []string{"+15555551212"}, []string{"", "555"}))
		}
		in.PhoneNumberConfigs = append(in.PhoneNumberConfigs, e)
	}
	for j := range listLen(1) {
		in.PersistentConnectionConfigs = append(in.PersistentConnectionConfigs, channel.PersistentConnectionConfig{Channel: ch(j, true), PersistentConnection: g.maybeBool(!g.isBad())})
	}
	for j := range listLen(1) {
		in.VoiceEnhancementConfigs = append(in.VoiceEnhancementConfigs, channel.VoiceEnhancementConfig{Channel: ch(j, true),
			VoiceEnhancementMode: pick(g, []channel.VoiceEnhancementMode{channel.VoiceIsolation, channel.NoiseSuppression, channel.None}, []channel.VoiceEnhancementMode{"", "LOUD"})})
	}
	if g.r.IntN(3) == 0 || g.isBad() {
		pc := &user.PhoneConfig{}
		if len(in.PhoneNumberConfigs) == 0 || g.isBad() {
			pc.PhoneType = new(pick(g, []channel.PhoneType{channel.SoftPhone, channel.DeskPhone}, []channel.PhoneType{"FAX_PHONE"}))
			if *pc.PhoneType == channel.DeskPhone || g.isBad() {
				pc.DeskPhoneNumber = secretPtr(maybe(g, 0.9, []string{"+15555551212"}, []string{"", "12"}))
			}
		}
		if len(in.AutoAcceptConfigs) == 0 || g.isBad() {
			pc.AutoAccept = new(g.r.IntN(2) == 0)
		}
		if len(in.AfterContactWorkConfigs) == 0 || g.isBad() {
			pc.AfterContactWorkTimeLimit = acw().AfterContactWorkTimeLimit
		}
		if len(in.PersistentConnectionConfigs) == 0 || g.isBad() {
			pc.PersistentConnection = new(true)
		}
		in.PhoneConfig = pc
	}
	if n := g.r.IntN(51); n > 0 || g.isBad() {
		if g.isBad() {
			n = one(g, []int{0, 51, n})
		}
		in.Tags = make(map[string]string, n)
		for j := range n {
			k := "team-" + strconv.Itoa(j)
			if g.isBad() {
				k = one(g, []string{"", "aws:team", "AWS:x", "tab\tkey", "e\u0301", strings.Repeat("k", 129), "ключ"})
			}
			in.Tags[k] = pick(g, []string{"value " + strconv.Itoa(j), ""}, []string{strings.Repeat("v", 257)})
		}
	}
	return in
}

// gen draws members: good values most of the time, a bad one with
// probability bad.
type gen struct {
	r   *rand.Rand
	bad float64
}

func (g *gen) isBad() bool { return g.bad > 0 && g.r.Float64() < g.bad }

// one returns an element of s at random.
func one[T any](g *gen, s []T) T { return s[g.r.IntN(len(s))] }

// pick returns one of bad with the generator's chance, else one of good.
func pick[T any](g *gen, good, bad []T) T {
	if g.isBad() {
		return one(g, bad)
	}
	return one(g, good)
}

// maybe returns nil (absent) with chance 1-present unless a bad value is
// drawn, else a pointer to pick(good, bad).
func maybe(g *gen, present float64, good, bad []string) *string {
	if g.isBad() {
		return new(one(g, bad))
	}
	if g.r.Float64() >= present {
		return nil
	}
	return new(one(g, good))
}

func (g *gen) maybeBool(present bool) *bool {
	if !present {
		return nil
	}
	return new(g.r.IntN(2) == 0)
}

func secretPtr(s *string) *identity.Secret {
	if s == nil {
		return nil
	}
	return new(identity.Secret(*s))
}
