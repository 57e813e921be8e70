package user

import (
	"strings"

	"github.com/connectkit/createuser/channel"
	cuerrors "github.com/connectkit/createuser/errors"
	"github.com/connectkit/createuser/identity"
)

// The members of each object of a request document, in the order of the
// specification: the readers below accept exactly these names, and an
// unknown member's hint is the nearest of them.
var (
	inputMembers = []string{"InstanceId", "Username", "Password", "IdentityInfo", "PhoneConfig",
		"DirectoryUserId", "SecurityProfileIds", "RoutingProfileId", "HierarchyGroupId",
		"AutoAcceptConfigs", "AfterContactWorkConfigs", "PhoneNumberConfigs",
		"PersistentConnectionConfigs", "VoiceEnhancementConfigs", "Tags"}
	identityInfoMembers           = []string{"FirstName", "LastName", "Email", "SecondaryEmail", "Mobile"}
	phoneConfigMembers            = []string{"PhoneType", "AutoAccept", "AfterContactWorkTimeLimit", "DeskPhoneNumber", "PersistentConnection"}
	autoAcceptConfigMembers       = []string{"Channel", "AutoAccept", "AgentFirstCallbackAutoAccept"}
	afterContactWorkConfigMembers = []string{"Channel", "AfterContactWorkConfig", "AgentFirstCallbackAfterContactWorkConfig"}
	afterContactWorkMembers       = []string{"AfterContactWorkTimeLimit"}
	phoneNumberConfigMembers      = []string{"Channel", "PhoneType", "PhoneNumber"}
	persistentConfigMembers       = []string{"Channel", "PersistentConnection"}
	voiceEnhancementConfigMembers = []string{"Channel", "VoiceEnhancementMode"}
)

// readInput reads the members of the request object, whose opening brace
// was consumed.
func (d *decoder) readInput(in *CreateUserInput) {
	var seen uint32
	for first := true; ; first = false {
		name, ok := d.member(first)
		if !ok {
			return
		}
		switch string(name) {
		case "InstanceId":
			in.InstanceId = d.plain(d.once(&seen, 1<<0, child(0, "InstanceId")))
		case "Username":
			in.Username = d.plain(d.once(&seen, 1<<1, child(0, "Username")))
		case "Password":
			in.Password = textPtr[identity.Secret](d, d.once(&seen, 1<<2, child(0, "Password")))
		case "IdentityInfo":
			in.IdentityInfo = d.identityInfo(d.once(&seen, 1<<3, child(0, "IdentityInfo")))
		case "PhoneConfig":
			in.PhoneConfig = d.phoneConfig(d.once(&seen, 1<<4, child(0, "PhoneConfig")))
		case "DirectoryUserId":
			in.DirectoryUserId = textPtr[string](d, d.once(&seen, 1<<5, child(0, "DirectoryUserId")))
		case "SecurityProfileIds":
			in.SecurityProfileIds = d.securityProfileIds(d.once(&seen, 1<<6, child(0, "SecurityProfileIds")))
		case "RoutingProfileId":
			in.RoutingProfileId = d.plain(d.once(&seen, 1<<7, child(0, "RoutingProfileId")))
		case "HierarchyGroupId":
			in.HierarchyGroupId = textPtr[string](d, d.once(&seen, 1<<8, child(0, "HierarchyGroupId")))
		case "AutoAcceptConfigs":
			in.AutoAcceptConfigs = readList[channel.AutoAcceptConfig](d, limitedAutoAccept, d.once(&seen, 1<<9, child(0, "AutoAcceptConfigs")))
		case "AfterContactWorkConfigs":
			in.AfterContactWorkConfigs = readList[channel.AfterContactWorkConfig](d, limitedACW, d.once(&seen, 1<<10, child(0, "AfterContactWorkConfigs")))
		case "PhoneNumberConfigs":
			in.PhoneNumberConfigs = readList[channel.PhoneNumberConfig](d, limitedNumbers, d.once(&seen, 1<<11, child(0, "PhoneNumberConfigs")))
		case "PersistentConnectionConfigs":
			in.PersistentConnectionConfigs = readList[channel.PersistentConnectionConfig](d, limitedPersistent, d.once(&seen, 1<<12, child(0, "PersistentConnectionConfigs")))
		case "VoiceEnhancementConfigs":
			in.VoiceEnhancementConfigs = readList[channel.VoiceEnhancementConfig](d, limitedVoice, d.once(&seen, 1<<13, child(0, "VoiceEnhancementConfigs")))
		case "Tags":
			in.Tags = d.tags(d.once(&seen, 1<<14, child(0, "Tags")))
		default:
			d.unknown(0, name, inputMembers)
		}
	}
}

// identityInfo reads the IdentityInfo object at a; {} is present.
func (d *decoder) identityInfo(a at) *identity.Info {
	if !d.enter(a, '{') {
		return nil
	}
	info := new(identity.Info)
	p := d.push(a)
	var seen uint32
	for first := true; ; first = false {
		name, ok := d.member(first)
		if !ok {
			return info
		}
		switch string(name) {
		case "FirstName":
			info.FirstName = textPtr[identity.Secret](d, d.once(&seen, 1<<0, child(p, "FirstName")))
		case "LastName":
			info.LastName = textPtr[identity.Secret](d, d.once(&seen, 1<<1, child(p, "LastName")))
		case "Email":
			info.Email = textPtr[identity.Secret](d, d.once(&seen, 1<<2, child(p, "Email")))
		case "SecondaryEmail":
			info.SecondaryEmail = textPtr[identity.Secret](d, d.once(&seen, 1<<3, child(p, "SecondaryEmail")))
		case "Mobile":
			info.Mobile = textPtr[identity.Secret](d, d.once(&seen, 1<<4, child(p, "Mobile")))
		default:
			d.unknown(p, name, identityInfoMembers)
		}
	}
}

// phoneConfig reads the PhoneConfig object at a; {} is present.
func (d *decoder) phoneConfig(a at) *PhoneConfig {
	if !d.enter(a, '{') {
		return nil
	}
	pc := new(PhoneConfig)
	p := d.push(a)
	var seen uint32
	for first := true; ; first = false {
		name, ok := d.member(first)
		if !ok {
			return pc
		}
		switch string(name) {
		case "PhoneType":
			pc.PhoneType = nil
			if s, ok := d.text(d.once(&seen, 1<<0, child(p, "PhoneType"))); ok {
				pc.PhoneType = new(phoneTypeOf(s))
			}
		case "AutoAccept":
			pc.AutoAccept = d.boolPtr(d.once(&seen, 1<<1, child(p, "AutoAccept")))
		case "AfterContactWorkTimeLimit":
			pc.AfterContactWorkTimeLimit = d.int64Ptr(d.once(&seen, 1<<2, child(p, "AfterContactWorkTimeLimit")))
		case "DeskPhoneNumber":
			pc.DeskPhoneNumber = textPtr[identity.Secret](d, d.once(&seen, 1<<3, child(p, "DeskPhoneNumber")))
		case "PersistentConnection":
			pc.PersistentConnection = d.boolPtr(d.once(&seen, 1<<4, child(p, "PersistentConnection")))
		default:
			d.unknown(p, name, phoneConfigMembers)
		}
	}
}

// securityProfileIds reads the SecurityProfileIds list at a; [] is
// present. A null element is kept as "", which the engine reports as
// required (null is empty, as for every member); an element of another
// type is kept as "" and its path skipped, so later indexes stay right.
// Elements past MaxCheckedElements are only scanned, and the list's length
// is reported.
func (d *decoder) securityProfileIds(a at) []string {
	return d.stringList(a, limitedIDs)
}

// stringList reads a list of strings at a, the limited member m, as
// securityProfileIds describes.
func (d *decoder) stringList(a at, m limited) []string {
	if !d.enter(a, '[') {
		return nil
	}
	p := d.push(a)
	d.out.lengths[m] = 0 // a list given twice: the last one counts
	var ids []string
	n := 0
	for ; d.element(n == 0); n++ {
		elem := at{level: p, index: n, kind: atIndex}
		if n >= MaxCheckedElements {
			d.skipValue(elem) // past the limit: only its syntax is read
			continue
		}
		if ids == nil {
			ids = make([]string, 0, 4)
		}
		s, _ := d.text(elem)
		ids = append(ids, string(s))
	}
	if n > MaxCheckedElements && !d.out.fatal {
		d.tooMany(m, a, n)
	}
	if ids == nil {
		ids = []string{}
	}
	return ids
}

// channelConfig is an element of one of the channel-specific lists.
type channelConfig interface {
	channel.AutoAcceptConfig | channel.AfterContactWorkConfig | channel.PhoneNumberConfig |
		channel.PersistentConnectionConfig | channel.VoiceEnhancementConfig
}

// readList reads the channel-specific list at a, limited member m; [] is
// present. A null element is a required violation and an element that is
// not an object a type violation; either is kept as a zero element, so
// that later indexes stay right, and its path is skipped. Elements past
// MaxCheckedElements are only scanned, and the list's length is reported.
func readList[T channelConfig](d *decoder, m limited, a at) []T {
	if !d.enter(a, '[') {
		return nil
	}
	p := d.push(a)
	d.out.lengths[m] = 0 // a list given twice: the last one counts
	var list []T
	i := 0
	for ; d.element(i == 0); i++ {
		c := d.ws()
		if kindOf(c) == "" {
			d.syntax("a value (a string, number, object, list, true, false or null)")
			break
		}
		if i >= MaxCheckedElements {
			d.skipValue(at{level: p, index: i, kind: atIndex}) // past the limit: only its syntax is read
			continue
		}
		if list == nil {
			list = make([]T, 0, len(channel.Channels()))
		}
		var zero T
		list = append(list, zero)
		elem := at{level: p, index: i, kind: atIndex}
		switch c {
		case '{':
			d.open()
			ep := d.push(elem)
			switch e := any(&list[i]).(type) {
			case *channel.AutoAcceptConfig:
				d.autoAcceptConfig(e, ep)
			case *channel.AfterContactWorkConfig:
				d.afterContactWorkConfig(e, ep)
			case *channel.PhoneNumberConfig:
				d.phoneNumberConfig(e, ep)
			case *channel.PersistentConnectionConfig:
				d.persistentConfig(e, ep)
			case *channel.VoiceEnhancementConfig:
				d.voiceEnhancementConfig(e, ep)
			}
		case 'n':
			if d.literal("null") {
				d.unreadable(rListElementRequired, elem, "")
			}
		default:
			d.wrongType(elem, "an object")
		}
	}
	if i > MaxCheckedElements && !d.out.fatal {
		d.tooMany(m, a, i)
	}
	if list == nil {
		list = []T{}
	}
	return list
}

// autoAcceptConfig reads the members of an AutoAcceptConfigs element.
func (d *decoder) autoAcceptConfig(e *channel.AutoAcceptConfig, p uint8) {
	var seen uint32
	for first := true; ; first = false {
		name, ok := d.member(first)
		if !ok {
			return
		}
		switch string(name) {
		case "Channel":
			e.Channel = d.channel(d.once(&seen, 1<<0, child(p, "Channel")))
		case "AutoAccept":
			e.AutoAccept = d.boolPtr(d.once(&seen, 1<<1, child(p, "AutoAccept")))
		case "AgentFirstCallbackAutoAccept":
			e.AgentFirstCallbackAutoAccept = d.boolPtr(d.once(&seen, 1<<2, child(p, "AgentFirstCallbackAutoAccept")))
		default:
			d.unknown(p, name, autoAcceptConfigMembers)
		}
	}
}

// afterContactWorkConfig reads the members of an AfterContactWorkConfigs
// element.
func (d *decoder) afterContactWorkConfig(e *channel.AfterContactWorkConfig, p uint8) {
	var seen uint32
	for first := true; ; first = false {
		name, ok := d.member(first)
		if !ok {
			return
		}
		switch string(name) {
		case "Channel":
			e.Channel = d.channel(d.once(&seen, 1<<0, child(p, "Channel")))
		case "AfterContactWorkConfig":
			e.AfterContactWorkConfig = d.afterContactWork(d.once(&seen, 1<<1, child(p, "AfterContactWorkConfig")))
		case "AgentFirstCallbackAfterContactWorkConfig":
			e.AgentFirstCallbackAfterContactWorkConfig = d.afterContactWork(d.once(&seen, 1<<2, child(p, "AgentFirstCallbackAfterContactWorkConfig")))
		default:
			d.unknown(p, name, afterContactWorkConfigMembers)
		}
	}
}

// afterContactWork reads an AfterContactWorkConfig or
// AgentFirstCallbackAfterContactWorkConfig object at a; {} is present.
func (d *decoder) afterContactWork(a at) *channel.AfterContactWork {
	if !d.enter(a, '{') {
		return nil
	}
	w := new(channel.AfterContactWork)
	p := d.push(a)
	var seen uint32
	for first := true; ; first = false {
		name, ok := d.member(first)
		if !ok {
			return w
		}
		switch string(name) {
		case "AfterContactWorkTimeLimit":
			w.AfterContactWorkTimeLimit = d.int64Ptr(d.once(&seen, 1<<0, child(p, "AfterContactWorkTimeLimit")))
		default:
			d.unknown(p, name, afterContactWorkMembers)
		}
	}
}

// phoneNumberConfig reads the members of a PhoneNumberConfigs element.
func (d *decoder) phoneNumberConfig(e *channel.PhoneNumberConfig, p uint8) {
	var seen uint32
	for first := true; ; first = false {
		name, ok := d.member(first)
		if !ok {
			return
		}
		switch string(name) {
		case "Channel":
			e.Channel = d.channel(d.once(&seen, 1<<0, child(p, "Channel")))
		case "PhoneType":
			s, _ := d.text(d.once(&seen, 1<<1, child(p, "PhoneType")))
			e.PhoneType = phoneTypeOf(s)
		case "PhoneNumber":
			e.PhoneNumber = textPtr[identity.Secret](d, d.once(&seen, 1<<2, child(p, "PhoneNumber")))
		default:
			d.unknown(p, name, phoneNumberConfigMembers)
		}
	}
}

// persistentConfig reads the members of a PersistentConnectionConfigs
// element.
func (d *decoder) persistentConfig(e *channel.PersistentConnectionConfig, p uint8) {
	var seen uint32
	for first := true; ; first = false {
		name, ok := d.member(first)
		if !ok {
			return
		}
		switch string(name) {
		case "Channel":
			e.Channel = d.channel(d.once(&seen, 1<<0, child(p, "Channel")))
		case "PersistentConnection":
			e.PersistentConnection = d.boolPtr(d.once(&seen, 1<<1, child(p, "PersistentConnection")))
		default:
			d.unknown(p, name, persistentConfigMembers)
		}
	}
}

// voiceEnhancementConfig reads the members of a VoiceEnhancementConfigs
// element.
func (d *decoder) voiceEnhancementConfig(e *channel.VoiceEnhancementConfig, p uint8) {
	var seen uint32
	for first := true; ; first = false {
		name, ok := d.member(first)
		if !ok {
			return
		}
		switch string(name) {
		case "Channel":
			e.Channel = d.channel(d.once(&seen, 1<<0, child(p, "Channel")))
		case "VoiceEnhancementMode":
			s, _ := d.text(d.once(&seen, 1<<1, child(p, "VoiceEnhancementMode")))
			e.VoiceEnhancementMode = voiceModeOf(s)
		default:
			d.unknown(p, name, voiceEnhancementConfigMembers)
		}
	}
}

// tags reads the Tags object at a; {} is present. A key twice is one
// duplicate violation at Tags (the key is its value) and one entry, with
// the last value. A value that is not a string, null included, is a type
// violation at Tags[key]; the key stays in the map with "" so that the key
// rules and the count still see it. A key that is not UTF-8 is reported at
// Tags and left out.
//
// The entries are gathered first, their keys and values copied into one
// buffer that becomes one string, and put into a map of the right size at
// the end; their violations are reported then, still in document order.
// Members past MaxCheckedTags are only scanned, and their number (each
// member counts, a repeated key too) is reported.
func (d *decoder) tags(a at) map[string]string {
	if !d.enter(a, '{') {
		return nil
	}
	p := d.push(a)
	var entryStack [64]tagEntry // the service allows 50 tags
	var textStack [2048]byte    // and 50 keys and values fit here mostly
	entries, text := entryStack[:0], textStack[:0]
	d.out.lengths[limitedTags] = 0 // Tags given twice: the last one counts
	members := 0
	for first := true; ; first = false {
		k, ok := d.member(first)
		if !ok {
			break
		}
		if members++; members > MaxCheckedTags {
			d.skipValue(at{level: p}) // past the limit: only its syntax is read
			if d.out.fatal {
				break
			}
			continue
		}
		var e tagEntry
		e.key.start, text = len(text), append(text, k...)
		e.key.end = len(text)
		switch c := d.ws(); {
		case !d.nameValid:
			e.problem = tagKeyEncoding
			d.skipValue(at{level: p})
		case c == '"':
			v, valid, _ := d.str()
			if !valid {
				e.problem = tagValueEncoding
				break
			}
			e.value.start, text = len(text), append(text, v...)
			e.value.end = len(text)
		case kindOf(c) == "":
			d.syntax("a value (a string, number, object, list, true, false or null)")
		default:
			e.problem, e.found = tagValueType, c
			d.skipValue(at{level: p, name: string(text[e.key.start:e.key.end]), kind: atKey})
		}
		if d.out.fatal {
			break
		}
		entries = append(entries, e)
	}
	// After a syntax error in Tags, that error is the last violation: it
	// stays after those of the entries read before it.
	var fatal []cuerrors.Violation
	if d.out.fatal {
		fatal = append(fatal, d.out.list[len(d.out.list)-1])
		d.out.list = d.out.list[:len(d.out.list)-1]
	}
	all := string(text)
	tags := make(map[string]string, len(entries))
	for i := range entries {
		d.addTag(tags, p, all, &entries[i])
	}
	if members > MaxCheckedTags && !d.out.fatal {
		d.tooMany(limitedTags, a, members)
	}
	d.out.list = append(d.out.list, fatal...)
	return tags
}

// tagEntry is a member of Tags as read, before it goes into the map.
type tagEntry struct {
	key, value span       // in the text of all the entries
	problem    tagProblem // 0 for none
	found      byte       // the first byte of a value of the wrong type
}

// span is text[start:end].
type span struct{ start, end int }

type tagProblem uint8

const (
	tagKeyEncoding   tagProblem = iota + 1 // the key is not UTF-8
	tagValueEncoding                       // the value is not UTF-8
	tagValueType                           // the value is not a string
)

// addTag puts e, whose key and value are in text, into tags, the map of
// the Tags object open at level p, and reports what is wrong with it.
func (d *decoder) addTag(tags map[string]string, p uint8, text string, e *tagEntry) {
	key := text[e.key.start:e.key.end]
	if e.problem == tagKeyEncoding {
		d.report(rDocumentEncoding, d.pathOf(at{level: p}), "a tag key (its invalid bytes are shown as U+FFFD).").Value = cuerrors.StringValue(strings.ToValidUTF8(key, "\uFFFD"))
		return
	}
	if _, dup := tags[key]; dup {
		d.report(rTagKeyDuplicate, d.pathOf(at{level: p}), "the last value is used.").Value = cuerrors.StringValue(key)
	}
	value := at{level: p, name: key, kind: atKey}
	switch e.problem {
	case tagValueEncoding:
		d.unreadable(rDocumentEncoding, value, "")
	case tagValueType:
		d.unreadable(rDocumentType, value, "expected a string, found "+kindOf(e.found)+".")
	}
	tags[key] = text[e.value.start:e.value.end]
}

// plain reads a string member whose type has no pointer: null is "".
func (d *decoder) plain(a at) string {
	s, _ := d.text(a)
	return string(s)
}

// textPtr reads an optional string member: null is nil.
func textPtr[T ~string](d *decoder, a at) *T {
	s, ok := d.text(a)
	if !ok {
		return nil
	}
	return new(T(s))
}

// boolPtr reads an optional boolean member: null is nil.
func (d *decoder) boolPtr(a at) *bool {
	v, ok := d.boolean(a)
	if !ok {
		return nil
	}
	return new(v)
}

// int64Ptr reads an optional integer member: null is nil.
func (d *decoder) int64Ptr(a at) *int64 {
	v, ok := d.integer(a)
	if !ok {
		return nil
	}
	return new(v)
}

// channel reads a Channel member: null is "". The four channels cost no
// allocation.
func (d *decoder) channel(a at) channel.Channel {
	s, _ := d.text(a)
	switch string(s) {
	case "VOICE":
		return channel.Voice
	case "CHAT":
		return channel.Chat
	case "TASK":
		return channel.Task
	case "EMAIL":
		return channel.Email
	}
	return channel.Channel(s)
}

// phoneTypeOf returns s as a PhoneType, without allocating for the two
// valid ones.
func phoneTypeOf(s []byte) channel.PhoneType {
	switch string(s) {
	case "SOFT_PHONE":
		return channel.SoftPhone
	case "DESK_PHONE":
		return channel.DeskPhone
	}
	return channel.PhoneType(s)
}

// voiceModeOf returns s as a VoiceEnhancementMode, without allocating for
// the valid ones.
func voiceModeOf(s []byte) channel.VoiceEnhancementMode {
	switch string(s) {
	case "VOICE_ISOLATION":
		return channel.VoiceIsolation
	case "NOISE_SUPPRESSION":
		return channel.NoiseSuppression
	case "NONE":
		return channel.None
	}
	return channel.VoiceEnhancementMode(s)
}
