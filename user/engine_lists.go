package user

import (
	"math"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/connectkit/createuser/channel"
	cuerrors "github.com/connectkit/createuser/errors"
	"github.com/connectkit/createuser/internal/pattern"
)

// The engine's checks of the channel-specific lists and of Tags (see
// engine.go and engine_request.go).

// channels remembers, for one list, the first index of each valid channel.
type channels [4]int

// firstChannel is the common case of a list's Channel: a valid channel met
// for the first time (and VOICE where only VOICE is supported). It records
// it; otherwise the list calls channel.
func (seen *channels) firstChannel(o, i int, voiceOnly bool) bool {
	if o < 0 || seen[o] != 0 || voiceOnly && o != 0 {
		return false
	}
	seen[o] = i + 1
	return true
}

// channel checks Channel of element i of the list at list: required, one
// of Channel, not twice in the list, and VOICE where only VOICE is
// supported. It reports whether the channel is valid. The lists call it
// only off the common case (a valid channel met for the first time, see
// firstChannel), which they test inline.
func (c *checker) channel(seen *channels, listPath *cuerrors.Path, i int, ch channel.Channel, voiceOnly bool) bool {
	list := *listPath
	if ch == "" {
		c.report(rListChannelRequired, list.Index(i).Child(nameChannelMember), cuerrors.Value{})
		return false
	}
	o := ch.Ordinal()
	if o < 0 {
		if !c.text(string(ch), list.Index(i).Child(nameChannelMember)) {
			return false
		}
		c.report(rListChannelEnum, list.Index(i).Child(nameChannelMember), cuerrors.StringValue(string(ch)))
		return false
	}
	if first := seen[o]; first > 0 {
		c.reportRelated(rListChannelDuplicate, list.Index(i).Child(nameChannelMember), cuerrors.StringValue(string(ch)), list.Index(first-1).Child(nameChannelMember))
	} else {
		seen[o] = i + 1
	}
	if voiceOnly && ch != channel.Voice {
		c.report(rListChannelVoiceOnly, list.Index(i).Child(nameChannelMember), cuerrors.StringValue(string(ch)))
	}
	return true
}

func (c *checker) autoAcceptConfigs(list []channel.AutoAcceptConfig) {
	var seen channels
	for i := range list {
		e := &list[i]
		valid := seen.firstChannel(e.Channel.Ordinal(), i, false) || c.channel(&seen, &pathAutoAccept, i, e.Channel, false)
		if e.AutoAccept == nil {
			c.report(rAutoAcceptRequired, pathAutoAccept.Index(i).Child("AutoAccept"), cuerrors.Value{})
		}
		if e.AgentFirstCallbackAutoAccept != nil && valid && e.Channel != channel.Voice {
			c.report(rAutoAcceptAgentFirstIgnored, pathAutoAccept.Index(i).Child("AgentFirstCallbackAutoAccept"), cuerrors.Value{})
		}
	}
}

func (c *checker) afterContactWorkConfigs(list []channel.AfterContactWorkConfig) {
	var seen channels
	for i := range list {
		e := &list[i]
		valid := seen.firstChannel(e.Channel.Ordinal(), i, false) || c.channel(&seen, &pathACW, i, e.Channel, false)
		if e.AfterContactWorkConfig == nil {
			c.report(rACWConfigRequired, pathACW.Index(i).Child("AfterContactWorkConfig"), cuerrors.Value{})
		} else {
			if t := e.AfterContactWorkConfig.AfterContactWorkTimeLimit; t != nil && uint64(*t) > maxTimeLimit {
				c.timeLimit(e.AfterContactWorkConfig, i, "AfterContactWorkConfig")
			}
		}
		if e.AgentFirstCallbackAfterContactWorkConfig != nil {
			if t := e.AgentFirstCallbackAfterContactWorkConfig.AfterContactWorkTimeLimit; t != nil && uint64(*t) > maxTimeLimit {
				c.timeLimit(e.AgentFirstCallbackAfterContactWorkConfig, i, "AgentFirstCallbackAfterContactWorkConfig")
			}
			if valid && e.Channel != channel.Voice {
				c.report(rACWAgentFirstIgnored, pathACW.Index(i).Child("AgentFirstCallbackAfterContactWorkConfig"), cuerrors.Value{})
			}
		}
	}
}

// timeLimitValue is the value of a range violation of a time limit. The
// document reader clamps an integer beyond int64 to its bounds, so a bound
// is not what the document said: such a violation carries no value.
func timeLimitValue(t int64) cuerrors.Value {
	if t == math.MaxInt64 || t == math.MinInt64 {
		return cuerrors.Value{}
	}
	return cuerrors.IntValue(t)
}

// timeLimit checks the time limit of w, element i's member (the lists test
// the common case inline).
func (c *checker) timeLimit(w *channel.AfterContactWork, i int, member string) {
	if t := w.AfterContactWorkTimeLimit; t != nil && uint64(*t) > maxTimeLimit {
		c.report(rACWRange, pathACW.Index(i).Child(member).Child(nameTimeLimit), timeLimitValue(*t))
	}
}

func (c *checker) phoneNumberConfigs(list []channel.PhoneNumberConfig) {
	var seen channels
	for i := range list {
		e := &list[i]
		if !seen.firstChannel(e.Channel.Ordinal(), i, true) {
			c.channel(&seen, &pathPhoneNumbers, i, e.Channel, true)
		}
		switch {
		case e.PhoneType == "":
			c.report(rNumberPhoneTypeRequired, pathPhoneNumbers.Index(i).Child("PhoneType"), cuerrors.Value{})
		case !e.PhoneType.Valid() && c.text(string(e.PhoneType), pathPhoneNumbers.Index(i).Child("PhoneType")):
			c.report(rNumberPhoneTypeEnum, pathPhoneNumbers.Index(i).Child("PhoneType"), cuerrors.StringValue(string(e.PhoneType)))
		}
		if n := e.PhoneNumber; n != nil {
			ok := pattern.E164(string(*n))
			if !ok && !c.text(string(*n), pathPhoneNumbers.Index(i).Child("PhoneNumber")) {
				continue
			}
			if !ok {
				c.report(rNumberPattern, pathPhoneNumbers.Index(i).Child("PhoneNumber"), cuerrors.Value{})
			}
			if e.PhoneType == channel.SoftPhone {
				c.report(rNumberIgnored, pathPhoneNumbers.Index(i).Child("PhoneNumber"), cuerrors.Value{})
			}
		} else if e.PhoneType == channel.DeskPhone {
			c.report(rNumberIncomplete, pathPhoneNumbers.Index(i).Child("PhoneNumber"), cuerrors.Value{})
		}
	}
}

func (c *checker) persistentConnectionConfigs(list []channel.PersistentConnectionConfig) {
	var seen channels
	for i := range list {
		e := &list[i]
		if !seen.firstChannel(e.Channel.Ordinal(), i, true) {
			c.channel(&seen, &pathPersistent, i, e.Channel, true)
		}
		if e.PersistentConnection == nil {
			c.report(rPersistentRequired, pathPersistent.Index(i).Child("PersistentConnection"), cuerrors.Value{})
		}
	}
}

func (c *checker) voiceEnhancementConfigs(list []channel.VoiceEnhancementConfig) {
	var seen channels
	for i := range list {
		e := &list[i]
		if !seen.firstChannel(e.Channel.Ordinal(), i, true) {
			c.channel(&seen, &pathVoice, i, e.Channel, true)
		}
		switch {
		case e.VoiceEnhancementMode == "":
			c.report(rVoiceModeRequired, pathVoice.Index(i).Child("VoiceEnhancementMode"), cuerrors.Value{})
		case !e.VoiceEnhancementMode.Valid() && c.text(string(e.VoiceEnhancementMode), pathVoice.Index(i).Child("VoiceEnhancementMode")):
			c.report(rVoiceModeEnum, pathVoice.Index(i).Child("VoiceEnhancementMode"), cuerrors.StringValue(string(e.VoiceEnhancementMode)))
		}
	}
}

// tagOK reports whether a tag breaks no rule of its own. It runs on every
// tag of every request, so it counts characters only when the byte
// length leaves the limit in doubt (a string has at most as many
// characters as bytes), and tests the aws: prefix only on keys with a
// colon in fourth place. A key that passes TagKey is UTF-8; whether the
// value is, tags asks of all the values at once.
func tagOK(k, v string) bool {
	if len(k) == 0 || len(k) > maxTagKey && pattern.Length(k) > maxTagKey {
		return false
	}
	if len(v) > maxTagValue && pattern.Length(v) > maxTagValue {
		return false
	}
	if len(k) >= 4 && k[3] == ':' && pattern.ReservedTagKey(k) {
		return false
	}
	return pattern.TagKey(k)
}

// tags checks Tags. A map has no order, so when some tags break rules they
// are reported in the order of their keys; a valid map costs nothing. A
// key or a value that is not UTF-8 is reported as in a document (the key
// at Tags, its invalid bytes shown as U+FFFD) and takes part in no other
// rule of the tag.
func (c *checker) tags(tags map[string]string, at *cuerrors.Path) {
	if tags == nil {
		return
	}
	if n := len(tags); n == 0 || n > maxTags {
		c.report(rTagsCount, *at, cuerrors.IntValue(int64(n)))
	}
	var buf [4]string
	bad := buf[:0]
	var bytes uint64
	for k, v := range tags {
		if len(k) == 0 || len(k) > maxTagKey || len(v) > maxTagValue || len(k) >= 4 && k[3] == ':' || !pattern.TagKey(k) {
			if !tagOK(k, v) {
				bad = append(bad, k)
			}
		}
		if len(v) < 8 { // most values: no call
			for i := 0; i < len(v); i++ {
				bytes |= uint64(v[i])
			}
		} else {
			bytes |= pattern.Bytes(v)
		}
	}
	if bytes&pattern.HighBits != 0 {
		// A value is not ASCII: those that are not UTF-8 are bad too.
		for k, v := range tags {
			if !utf8.ValidString(v) && !slices.Contains(bad, k) {
				bad = append(bad, k)
			}
		}
	}
	slices.Sort(bad)
	for _, k := range bad {
		if !pattern.Text(k) {
			c.report(rDocumentEncoding, *at, cuerrors.StringValue(strings.ToValidUTF8(k, "\uFFFD")))
			continue
		}
		c.tagKey(k, at)
		if v := tags[k]; !c.text(v, at.Key(k)) {
			continue
		} else if pattern.Length(v) > maxTagValue {
			c.report(rTagValueLength, at.Key(k), cuerrors.StringValue(v))
		}
	}
}

// tagKey reports the rules a tag key k (valid UTF-8) breaks, at field,
// with the key as the value: a key of Tags (at Tags) or an element of
// UntagResource's tagKeys (at tagKeys[i]).
func (c *checker) tagKey(k string, field *cuerrors.Path) {
	n := pattern.Length(k)
	if n < 1 || n > maxTagKey {
		c.report(rTagKeyLength, *field, cuerrors.StringValue(k))
	}
	if pattern.ReservedTagKey(k) {
		c.report(rTagKeyReserved, *field, cuerrors.StringValue(k))
	}
	if !pattern.TagKey(k) {
		c.report(rTagKeyPattern, *field, cuerrors.StringValue(k))
	}
}
