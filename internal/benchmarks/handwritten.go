// Package benchmarks holds the comparators that the library's benchmarks
// measure it against: [Handwritten], a plain single pass over the rule
// catalog (the floor to approach), and [V10], the same rules written with
// github.com/go-playground/validator/v10 struct tags (what a team would
// write with the popular library). They exist only for the benchmarks and
// the agreement tests of this package; nothing else imports them.
//
// The published comparison is the side-by-side run of the command in
// ./sidebyside (go run ./internal/benchmarks/sidebyside, from the module's
// root: BENCHMARKS.md gives its figures); the benchmarks of this package
// compare versions of the library (go test -bench . ./internal/benchmarks).
package benchmarks

import (
	"slices"
	"strconv"

	"golang.org/x/text/unicode/norm"

	"github.com/connectkit/createuser/channel"
	cuerrors "github.com/connectkit/createuser/errors"
	"github.com/connectkit/createuser/identity"
	"github.com/connectkit/createuser/internal/pattern"
	"github.com/connectkit/createuser/user"
)

// Violation is a broken rule as the comparators report it: the wire path
// of the member and the code of the rule.
type Violation struct {
	Field string
	Code  string
}

// Handwritten checks in against the whole rule catalog under the identity
// management type t with one plain pass: an if per rule, in the library's
// order, the identity types spelled out rule by rule. It exists only as
// the benchmarks' floor: it is the code a careful engineer writes by hand
// for one service, with none of the library's catalog, paths or messages.
// It reports the same (Field, Code) pairs as user.Validator.Validate. It is
// kept tight: no allocation but the result (and the paths of list
// elements in violation), characters counted only where a string's byte
// length leaves a limit in doubt.
func Handwritten(t identity.Type, in *user.CreateUserInput) []Violation {
	return AppendHandwritten(nil, t, in)
}

// AppendHandwritten is Handwritten appending to out, for a caller that
// reuses its result (pass out[:0]), as user.Validator.AppendValidate does.
func AppendHandwritten(out []Violation, t identity.Type, in *user.CreateUserInput) []Violation {
	cm, saml, ed := t == identity.ConnectManaged, t == identity.SAML, t == identity.ExistingDirectory
	unknown := !cm && !saml && !ed

	if in.InstanceId == "" {
		out = append(out, Violation{"InstanceId", "required"})
	} else if in.InstanceId == "." || in.InstanceId == ".." {
		out = append(out, Violation{"InstanceId", "pattern"})
	} else if over(in.InstanceId, 100) {
		out = append(out, Violation{"InstanceId", "length"})
	}

	if u := in.Username; u == "" {
		out = append(out, Violation{"Username", "required"})
	} else {
		n := len(u) // 8 to 20 bytes are 2 to 20 characters: every limit below is decided
		if n < 8 || n > 20 {
			n = pattern.Length(u)
		}
		switch {
		case n > 100:
			out = append(out, Violation{"Username", "length"})
		case saml || unknown:
			if n > 64 || (saml && n < 2) {
				out = append(out, Violation{"Username", "length"})
			}
		case n > 20: // CONNECT_MANAGED, EXISTING_DIRECTORY
			out = append(out, Violation{"Username", "length"})
		}
		if !pattern.UsernameChars(u) || (hasAt(u) && !pattern.Email(u)) {
			out = append(out, Violation{"Username", "pattern"})
		}
	}

	p := in.Password
	switch {
	case cm && (p == nil || *p == ""):
		out = append(out, Violation{"Password", "required"})
	case p == nil, unknown && *p == "":
	default:
		if saml || ed {
			out = append(out, Violation{"Password", "forbidden"})
		}
		n := len(*p) // 32 to 64 bytes are 8 to 64 characters
		if n < 32 || n > 64 {
			n = pattern.Length(string(*p))
		}
		if n < 8 || n > 64 {
			out = append(out, Violation{"Password", "length"})
		}
		if !pattern.Password(string(*p)) {
			out = append(out, Violation{"Password", "pattern"})
		}
	}

	var first, last, email, second, mobile *identity.Secret
	if info := in.IdentityInfo; info != nil {
		first, last, email, second, mobile = info.FirstName, info.LastName, info.Email, info.SecondaryEmail, info.Mobile
	}
	if (cm || saml) && (first == nil || *first == "") {
		out = append(out, Violation{"IdentityInfo.FirstName", "required"})
	} else if first != nil {
		if over(string(*first), 255) {
			out = append(out, Violation{"IdentityInfo.FirstName", "length"})
		}
		if !isNFC(string(*first)) {
			out = append(out, Violation{"IdentityInfo.FirstName", "normalization"})
		}
	}
	if (cm || saml) && (last == nil || *last == "") {
		out = append(out, Violation{"IdentityInfo.LastName", "required"})
	} else if last != nil {
		limit := 300
		if cm {
			limit = 256
		}
		if over(string(*last), limit) {
			out = append(out, Violation{"IdentityInfo.LastName", "length"})
		}
		if !isNFC(string(*last)) {
			out = append(out, Violation{"IdentityInfo.LastName", "normalization"})
		}
	}
	if cm && (email == nil || *email == "") {
		out = append(out, Violation{"IdentityInfo.Email", "required"}) // a warning: hides nothing
	}
	if email != nil {
		if saml {
			out = append(out, Violation{"IdentityInfo.Email", "forbidden"})
		}
		if !pattern.Email(string(*email)) {
			out = append(out, Violation{"IdentityInfo.Email", "pattern"})
		}
		if over(string(*email), 265) {
			out = append(out, Violation{"IdentityInfo.Email", "length"})
		}
	}
	if second != nil {
		if !pattern.Email(string(*second)) {
			out = append(out, Violation{"IdentityInfo.SecondaryEmail", "pattern"})
		}
		if over(string(*second), 265) {
			out = append(out, Violation{"IdentityInfo.SecondaryEmail", "length"})
		}
	}
	if mobile != nil && !pattern.E164(string(*mobile)) {
		out = append(out, Violation{"IdentityInfo.Mobile", "pattern"})
	}

	if pc := in.PhoneConfig; pc != nil {
		if pc.PhoneType != nil {
			if !pc.PhoneType.Valid() {
				out = append(out, Violation{"PhoneConfig.PhoneType", "enum"})
			}
			if len(in.PhoneNumberConfigs) > 0 {
				out = append(out, Violation{"PhoneConfig.PhoneType", "conflict"})
			}
		}
		if pc.AutoAccept != nil && len(in.AutoAcceptConfigs) > 0 {
			out = append(out, Violation{"PhoneConfig.AutoAccept", "conflict"})
		}
		if w := pc.AfterContactWorkTimeLimit; w != nil {
			if *w < 0 || *w > 2_000_000 {
				out = append(out, Violation{"PhoneConfig.AfterContactWorkTimeLimit", "range"})
			}
			if len(in.AfterContactWorkConfigs) > 0 {
				out = append(out, Violation{"PhoneConfig.AfterContactWorkTimeLimit", "conflict"})
			}
		}
		if n := pc.DeskPhoneNumber; n != nil {
			if !pattern.E164(string(*n)) {
				out = append(out, Violation{"PhoneConfig.DeskPhoneNumber", "pattern"})
			}
			if pc.PhoneType != nil && *pc.PhoneType == channel.SoftPhone {
				out = append(out, Violation{"PhoneConfig.DeskPhoneNumber", "ignored"})
			}
			if len(in.PhoneNumberConfigs) > 0 {
				out = append(out, Violation{"PhoneConfig.DeskPhoneNumber", "conflict"})
			}
		} else if pc.PhoneType != nil && *pc.PhoneType == channel.DeskPhone {
			out = append(out, Violation{"PhoneConfig.DeskPhoneNumber", "incomplete"})
		}
		if pc.PersistentConnection != nil && len(in.PersistentConnectionConfigs) > 0 {
			out = append(out, Violation{"PhoneConfig.PersistentConnection", "conflict"})
		}
	}

	if d := in.DirectoryUserId; d != nil {
		if saml {
			out = append(out, Violation{"DirectoryUserId", "forbidden"})
		}
		if cm {
			out = append(out, Violation{"DirectoryUserId", "ignored"})
		}
		if *d == "" {
			out = append(out, Violation{"DirectoryUserId", "length"})
		}
	}

	ids := in.SecurityProfileIds
	if len(ids) == 0 {
		out = append(out, Violation{"SecurityProfileIds", "required"})
	} else if len(ids) > 10 {
		out = append(out, Violation{"SecurityProfileIds", "count"})
	}
	for j, id := range ids {
		if id == "" {
			out = append(out, Violation{indexed("SecurityProfileIds", j, ""), "required"})
			continue
		}
		key := pattern.ARNID(id)
		for k := range j {
			if ids[k] != "" && pattern.ARNID(ids[k]) == key {
				out = append(out, Violation{indexed("SecurityProfileIds", j, ""), "duplicate"})
				break
			}
		}
	}
	if in.RoutingProfileId == "" {
		out = append(out, Violation{"RoutingProfileId", "required"})
	}
	if g := in.HierarchyGroupId; g != nil && *g == "" {
		out = append(out, Violation{"HierarchyGroupId", "length"})
	}

	var seen [4]bool
	for i := range in.AutoAcceptConfigs {
		e := &in.AutoAcceptConfigs[i]
		var valid bool
		out, valid = channelRules(out, &seen, "AutoAcceptConfigs", i, e.Channel, false)
		if e.AutoAccept == nil {
			out = append(out, Violation{indexed("AutoAcceptConfigs", i, ".AutoAccept"), "required"})
		}
		if e.AgentFirstCallbackAutoAccept != nil && valid && e.Channel != channel.Voice {
			out = append(out, Violation{indexed("AutoAcceptConfigs", i, ".AgentFirstCallbackAutoAccept"), "ignored"})
		}
	}
	seen = [4]bool{}
	for i := range in.AfterContactWorkConfigs {
		e := &in.AfterContactWorkConfigs[i]
		var valid bool
		out, valid = channelRules(out, &seen, "AfterContactWorkConfigs", i, e.Channel, false)
		if w := e.AfterContactWorkConfig; w == nil {
			out = append(out, Violation{indexed("AfterContactWorkConfigs", i, ".AfterContactWorkConfig"), "required"})
		} else if t := w.AfterContactWorkTimeLimit; t != nil && (*t < 0 || *t > 2_000_000) {
			out = append(out, Violation{indexed("AfterContactWorkConfigs", i, ".AfterContactWorkConfig.AfterContactWorkTimeLimit"), "range"})
		}
		if w := e.AgentFirstCallbackAfterContactWorkConfig; w != nil {
			if t := w.AfterContactWorkTimeLimit; t != nil && (*t < 0 || *t > 2_000_000) {
				out = append(out, Violation{indexed("AfterContactWorkConfigs", i, ".AgentFirstCallbackAfterContactWorkConfig.AfterContactWorkTimeLimit"), "range"})
			}
			if valid && e.Channel != channel.Voice {
				out = append(out, Violation{indexed("AfterContactWorkConfigs", i, ".AgentFirstCallbackAfterContactWorkConfig"), "ignored"})
			}
		}
	}
	seen = [4]bool{}
	for i := range in.PhoneNumberConfigs {
		e := &in.PhoneNumberConfigs[i]
		out, _ = channelRules(out, &seen, "PhoneNumberConfigs", i, e.Channel, true)
		if e.PhoneType == "" {
			out = append(out, Violation{indexed("PhoneNumberConfigs", i, ".PhoneType"), "required"})
		} else if !e.PhoneType.Valid() {
			out = append(out, Violation{indexed("PhoneNumberConfigs", i, ".PhoneType"), "enum"})
		}
		if n := e.PhoneNumber; n != nil {
			if !pattern.E164(string(*n)) {
				out = append(out, Violation{indexed("PhoneNumberConfigs", i, ".PhoneNumber"), "pattern"})
			}
			if e.PhoneType == channel.SoftPhone {
				out = append(out, Violation{indexed("PhoneNumberConfigs", i, ".PhoneNumber"), "ignored"})
			}
		} else if e.PhoneType == channel.DeskPhone {
			out = append(out, Violation{indexed("PhoneNumberConfigs", i, ".PhoneNumber"), "incomplete"})
		}
	}
	seen = [4]bool{}
	for i := range in.PersistentConnectionConfigs {
		e := &in.PersistentConnectionConfigs[i]
		out, _ = channelRules(out, &seen, "PersistentConnectionConfigs", i, e.Channel, true)
		if e.PersistentConnection == nil {
			out = append(out, Violation{indexed("PersistentConnectionConfigs", i, ".PersistentConnection"), "required"})
		}
	}
	seen = [4]bool{}
	for i := range in.VoiceEnhancementConfigs {
		e := &in.VoiceEnhancementConfigs[i]
		out, _ = channelRules(out, &seen, "VoiceEnhancementConfigs", i, e.Channel, true)
		if e.VoiceEnhancementMode == "" {
			out = append(out, Violation{indexed("VoiceEnhancementConfigs", i, ".VoiceEnhancementMode"), "required"})
		} else if !e.VoiceEnhancementMode.Valid() {
			out = append(out, Violation{indexed("VoiceEnhancementConfigs", i, ".VoiceEnhancementMode"), "enum"})
		}
	}

	if in.Tags != nil {
		if n := len(in.Tags); n == 0 || n > 50 {
			out = append(out, Violation{"Tags", "count"})
		}
		var bad []string
		for k, v := range in.Tags {
			// A string has no more characters than bytes: count them
			// only when the byte length is over the limit.
			if k == "" || over(k, 128) || over(v, 256) ||
				pattern.ReservedTagKey(k) || !pattern.TagKey(k) {
				bad = append(bad, k)
			}
		}
		slices.Sort(bad) // a map has no order; the report must have one
		for _, k := range bad {
			if n := pattern.Length(k); n < 1 || n > 128 {
				out = append(out, Violation{"Tags", "length"})
			}
			if pattern.ReservedTagKey(k) {
				out = append(out, Violation{"Tags", "reserved"})
			}
			if !pattern.TagKey(k) {
				out = append(out, Violation{"Tags", "pattern"})
			}
			if pattern.Length(in.Tags[k]) > 256 {
				out = append(out, Violation{cuerrors.NewPath("Tags").Key(k).String(), "length"}) // quoted when the key needs it
			}
		}
	}
	return out
}

// over reports whether s has more than limit characters, counting them
// only when its byte length leaves it in doubt (a string has no more
// characters than bytes).
func over(s string, limit int) bool {
	return len(s) > limit && pattern.Length(s) > limit
}

// channelRules checks the Channel of element i of list: present, one of
// the four, not twice among the valid ones, and VOICE when voiceOnly. It
// reports whether the channel is valid.
func channelRules(out []Violation, seen *[4]bool, list string, i int, ch channel.Channel, voiceOnly bool) ([]Violation, bool) {
	o := ch.Ordinal()
	switch {
	case ch == "":
		return append(out, Violation{indexed(list, i, ".Channel"), "required"}), false
	case o < 0:
		return append(out, Violation{indexed(list, i, ".Channel"), "enum"}), false
	}
	if seen[o] {
		out = append(out, Violation{indexed(list, i, ".Channel"), "duplicate"})
	}
	seen[o] = true
	if voiceOnly && ch != channel.Voice {
		out = append(out, Violation{indexed(list, i, ".Channel"), "channel"})
	}
	return out, true
}

// indexed returns "list[i]" followed by member.
func indexed(list string, i int, member string) string {
	return list + "[" + strconv.Itoa(i) + "]" + member
}

// isNFC reports whether s is in Normalization Form C; ASCII always is,
// and norm's check allocates.
func isNFC(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return norm.NFC.IsNormalString(s)
		}
	}
	return true
}

func hasAt(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] == '@' {
			return true
		}
	}
	return false
}
