package user

import (
	"math"
	"slices"

	"golang.org/x/text/unicode/norm"

	"github.com/connectkit/createuser/channel"
	cuerrors "github.com/connectkit/createuser/errors"
	"github.com/connectkit/createuser/identity"
	"github.com/connectkit/createuser/internal/pattern"
)

// The engine is one hand-written pass over the request that asks, member
// by member, every question of the catalog (catalog.go) and reports the
// answers by row. Paths, values and related paths are built only when a
// row fires, so a valid request costs no allocation.

// Limits of the catalog.
const (
	maxInstanceID       = 100
	maxUsername         = 100
	maxUsernameSAML     = 64
	maxUsernameDocument = 20
	minUsernameSAML     = 2
	minPassword         = 8
	maxPassword         = 64
	maxFirstName        = 255
	maxLastNameCM       = 256
	maxLastName         = 300
	maxEmail            = 265
	maxSecurityProfiles = 10
	maxTags             = 50
	maxTagKey           = 128
	maxTagValue         = 256
	maxTimeLimit        = 2_000_000
)

// Wire names used to build paths.
const (
	nameAutoAccept    = "AutoAcceptConfigs"
	nameACW           = "AfterContactWorkConfigs"
	namePhoneNumbers  = "PhoneNumberConfigs"
	namePersistent    = "PersistentConnectionConfigs"
	nameVoice         = "VoiceEnhancementConfigs"
	nameTimeLimit     = "AfterContactWorkTimeLimit"
	nameChannelMember = "Channel"
)

// checker carries one validation: the identity types it checks under, the
// members the reader could not read, and the violations found so far.
//
// A validation that finds violations makes two passes: the first only
// counts them (and the related paths), so that the second can write them
// into one list of the right size and one block of related paths. A
// violation is 240 bytes; growing the list by appending (two or three
// allocations and copies for ten violations) cost more than the second
// pass. A valid request makes one pass and allocates nothing.
type checker struct {
	modes modeSet
	skip  []cuerrors.Path
	out   cuerrors.List

	counting bool            // the first pass: count, write nothing
	n        int             // violations counted by the first pass
	nRelated int             // related paths counted by the first pass
	related  []cuerrors.Path // the second pass's related paths, one block
	tagsOK   bool            // the first pass found every tag valid
}

// check runs the whole catalog over in, appending to out.
func (v *Validator) check(in *CreateUserInput, skip []cuerrors.Path, out cuerrors.List) cuerrors.List {
	modes := modeAll
	if v != nil && v.modes != 0 {
		modes = v.modes
	}
	c := checker{modes: modes, skip: skip, counting: true}
	for {
		c.top(in)
		c.identityInfo(in.IdentityInfo)
		c.phoneConfig(in)
		c.directoryAndIDs(in)
		c.autoAcceptConfigs(in.AutoAcceptConfigs)
		c.afterContactWorkConfigs(in.AfterContactWorkConfigs)
		c.phoneNumberConfigs(in.PhoneNumberConfigs)
		c.persistentConnectionConfigs(in.PersistentConnectionConfigs)
		c.voiceEnhancementConfigs(in.VoiceEnhancementConfigs)
		c.tags(in.Tags)
		switch {
		case !c.counting:
			return c.out
		case c.n == 0:
			return out
		}
		// The second pass writes what the first counted.
		if cap(out)-len(out) < c.n {
			grown := make(cuerrors.List, len(out), len(out)+c.n)
			copy(grown, out)
			out = grown
		}
		c.out, c.counting = out, false
		if c.nRelated > 0 {
			c.related = make([]cuerrors.Path, 0, c.nRelated)
		}
	}
}

func (c *checker) skipped(p cuerrors.Path) bool {
	for i := range c.skip {
		if p.HasPrefix(c.skip[i]) {
			return true
		}
	}
	return false
}

// report appends the violation of row r at field, unless the reader could
// not read field (or a member above it).
func (c *checker) report(r ruleIndex, field cuerrors.Path, value cuerrors.Value) {
	if len(c.skip) > 0 && c.skipped(field) {
		return
	}
	if c.counting {
		c.n++
		return
	}
	c.out = append(c.out, violation(r, field))
	c.out[len(c.out)-1].Value = value
}

// reportRelated is report with the other member involved.
func (c *checker) reportRelated(r ruleIndex, field cuerrors.Path, value cuerrors.Value, related cuerrors.Path) {
	if len(c.skip) > 0 && (c.skipped(field) || c.skipped(related)) {
		return
	}
	if c.counting {
		c.n++
		c.nRelated++
		return
	}
	c.related = append(c.related, related)
	k := len(c.related)
	c.out = append(c.out, violation(r, field))
	v := &c.out[len(c.out)-1]
	v.Value = value
	v.Related = c.related[k-1 : k : k] // its own capacity: appending to it copies
}

// hits collects the rows that fire on one member whose rules depend on the
// identity management type, before resolve decides what is reported.
type hits struct {
	r [8]ruleIndex
	n int
}

func (h *hits) add(r ruleIndex) {
	if h.n < len(h.r) {
		h.r[h.n] = r
		h.n++
	}
}

var modeList = [...]modeSet{modeCM, modeSAML, modeED}

// resolve reports the hits on one member under the checker's identity
// types. Under one type: the rows that apply to it; per code, an error
// hides a warning; an error-severity required hides every other code.
// Under Unknown: a code is reported only when every type reports it, with
// the mildest severity among them (so the report under Unknown is a subset
// of the report under each type).
func (c *checker) resolve(h *hits, field cuerrors.Path, value cuerrors.Value) {
	if h.n == 0 {
		return
	}
	for i := 0; i < h.n; i++ {
		code := catalog[h.r[i]].Code
		if slices.ContainsFunc(h.r[:i], func(r ruleIndex) bool { return catalog[r].Code == code }) {
			continue // this code was decided at its first hit
		}
		// Per type, the strongest row of this code; across types, the
		// mildest of those, and among equally mild rows the one most types
		// chose (its message names the limit that holds for most of them).
		var picks [len(modeList)]ruleIndex
		n, ok := 0, true
		for _, m := range modeList {
			if c.modes&m == 0 {
				continue
			}
			r, found := h.strongest(code, m)
			if !found || (code != cuerrors.CodeRequired && h.requiredError(m)) {
				ok = false
				break
			}
			picks[n] = r
			n++
		}
		chosen, have, votes := ruleIndex(0), false, 0
		for _, r := range picks[:n] {
			v := 0
			for _, q := range picks[:n] {
				if q == r {
					v++
				}
			}
			if !have || catalog[r].Severity < catalog[chosen].Severity || (catalog[r].Severity == catalog[chosen].Severity && v > votes) {
				chosen, have, votes = r, true, v
			}
		}
		if ok && have {
			c.report(chosen, field, value)
		}
	}
}

// strongest returns the hit with code that applies under m and has the
// highest severity.
func (h *hits) strongest(code cuerrors.Code, m modeSet) (ruleIndex, bool) {
	best, found := ruleIndex(0), false
	for _, r := range h.r[:h.n] {
		if catalog[r].Code != code || ruleModes[r]&m == 0 {
			continue
		}
		if !found || catalog[r].Severity > catalog[best].Severity {
			best, found = r, true
		}
	}
	return best, found
}

// requiredError reports whether an error-severity required hit applies
// under m.
func (h *hits) requiredError(m modeSet) bool {
	for _, r := range h.r[:h.n] {
		if catalog[r].Code == cuerrors.CodeRequired && catalog[r].Severity == cuerrors.SeverityError && ruleModes[r]&m != 0 {
			return true
		}
	}
	return false
}

var (
	pathInstanceID       = cuerrors.NewPath("InstanceId")
	pathUsername         = cuerrors.NewPath("Username")
	pathPassword         = cuerrors.NewPath("Password")
	pathIdentityInfo     = cuerrors.NewPath("IdentityInfo")
	pathPhoneConfig      = cuerrors.NewPath("PhoneConfig")
	pathDirectoryUserID  = cuerrors.NewPath("DirectoryUserId")
	pathSecurityProfiles = cuerrors.NewPath("SecurityProfileIds")
	pathRoutingProfileID = cuerrors.NewPath("RoutingProfileId")
	pathHierarchyGroupID = cuerrors.NewPath("HierarchyGroupId")
	pathTags             = cuerrors.NewPath("Tags")
	pathAutoAccept       = cuerrors.NewPath(nameAutoAccept)
	pathACW              = cuerrors.NewPath(nameACW)
	pathPhoneNumbers     = cuerrors.NewPath(namePhoneNumbers)
	pathPersistent       = cuerrors.NewPath(namePersistent)
	pathVoice            = cuerrors.NewPath(nameVoice)
)

func (c *checker) top(in *CreateUserInput) {
	if in.InstanceId == "" {
		c.report(rInstanceIDRequired, pathInstanceID, cuerrors.Value{})
	} else if pattern.Length(in.InstanceId) > maxInstanceID {
		c.report(rInstanceIDLength, pathInstanceID, cuerrors.StringValue(in.InstanceId))
	}

	var h hits
	if u := in.Username; u == "" {
		h.add(rUsernameRequired)
	} else {
		n := pattern.Length(u)
		if n > maxUsername {
			h.add(rUsernameLength)
		}
		if n > maxUsernameSAML {
			h.add(rUsernameLengthSAML)
		}
		if n > maxUsernameDocument {
			h.add(rUsernameLengthDocumented)
		}
		if n < minUsernameSAML {
			h.add(rUsernameMinLengthSAML)
		}
		if !pattern.UsernameChars(u) {
			h.add(rUsernamePattern)
		}
		if containsAt(u) && !pattern.Email(u) {
			h.add(rUsernameEmail)
		}
	}
	if h.n > 0 {
		value := cuerrors.StringValue(in.Username)
		if in.Username == "" {
			value = cuerrors.Value{}
		}
		c.resolve(&h, pathUsername, value)
	}

	h = hits{}
	if p := in.Password; p == nil || *p == "" {
		h.add(rPasswordRequired)
	}
	if p := in.Password; p != nil {
		h.add(rPasswordForbidden)
		if n := pattern.Length(string(*p)); n < minPassword || n > maxPassword {
			h.add(rPasswordLength)
		}
		if !pattern.Password(string(*p)) {
			h.add(rPasswordPattern)
		}
	}
	if h.n > 0 {
		c.resolve(&h, pathPassword, cuerrors.Value{}) // sensitive: no value
	}
}

func containsAt(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] == '@' {
			return true
		}
	}
	return false
}

func isNFC(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return norm.NFC.IsNormalString(s)
		}
	}
	return true
}

// identityInfo checks IdentityInfo; every member is sensitive, so no
// violation carries a value.
func (c *checker) identityInfo(info *identity.Info) {
	var first, last, email, second, mobile *identity.Secret
	if info != nil {
		first, last, email, second, mobile = info.FirstName, info.LastName, info.Email, info.SecondaryEmail, info.Mobile
	}
	var h hits
	if first == nil || *first == "" {
		h.add(rFirstNameRequired)
	}
	if first != nil {
		if pattern.Length(string(*first)) > maxFirstName {
			h.add(rFirstNameLength)
		}
		if !isNFC(string(*first)) {
			h.add(rFirstNameNormalization)
		}
	}
	if h.n > 0 {
		c.resolve(&h, pathIdentityInfo.Child("FirstName"), cuerrors.Value{})
	}

	h = hits{}
	if last == nil || *last == "" {
		h.add(rLastNameRequired)
	}
	if last != nil {
		n := pattern.Length(string(*last))
		if n > maxLastNameCM {
			h.add(rLastNameLengthConnectManaged)
		}
		if n > maxLastName {
			h.add(rLastNameLength)
		}
		if !isNFC(string(*last)) {
			h.add(rLastNameNormalization)
		}
	}
	if h.n > 0 {
		c.resolve(&h, pathIdentityInfo.Child("LastName"), cuerrors.Value{})
	}

	h = hits{}
	if email == nil || *email == "" {
		h.add(rEmailRequired)
	}
	if email != nil {
		h.add(rEmailForbiddenSAML)
		if !pattern.Email(string(*email)) {
			h.add(rEmailPattern)
		}
		if pattern.Length(string(*email)) > maxEmail {
			h.add(rEmailLength)
		}
	}
	if h.n > 0 {
		c.resolve(&h, pathIdentityInfo.Child("Email"), cuerrors.Value{})
	}
	if second != nil {
		if !pattern.Email(string(*second)) {
			c.report(rSecondaryEmailPattern, pathIdentityInfo.Child("SecondaryEmail"), cuerrors.Value{})
		}
		if pattern.Length(string(*second)) > maxEmail {
			c.report(rSecondaryEmailLength, pathIdentityInfo.Child("SecondaryEmail"), cuerrors.Value{})
		}
	}
	if mobile != nil && !pattern.E164(string(*mobile)) {
		c.report(rMobilePattern, pathIdentityInfo.Child("Mobile"), cuerrors.Value{})
	}
}

// phoneConfig checks PhoneConfig and its conflicts with the
// channel-specific lists. Conflicts look only at presence: AutoAccept
// false conflicts like true; an empty list is not set.
func (c *checker) phoneConfig(in *CreateUserInput) {
	pc := in.PhoneConfig
	if pc == nil {
		return
	}
	if pc.PhoneType != nil {
		if !pc.PhoneType.Valid() {
			c.report(rPhoneTypeEnum, pathPhoneConfig.Child("PhoneType"), cuerrors.StringValue(string(*pc.PhoneType)))
		}
		if len(in.PhoneNumberConfigs) > 0 {
			c.reportRelated(rPhoneTypeConflict, pathPhoneConfig.Child("PhoneType"), cuerrors.Value{}, pathPhoneNumbers)
		}
	}
	if pc.AutoAccept != nil && len(in.AutoAcceptConfigs) > 0 {
		c.reportRelated(rPhoneAutoAcceptConflict, pathPhoneConfig.Child("AutoAccept"), cuerrors.Value{}, pathAutoAccept)
	}
	if pc.AfterContactWorkTimeLimit != nil {
		if t := *pc.AfterContactWorkTimeLimit; t < 0 || t > maxTimeLimit {
			c.report(rPhoneACWRange, pathPhoneConfig.Child(nameTimeLimit), timeLimitValue(t))
		}
		if len(in.AfterContactWorkConfigs) > 0 {
			c.reportRelated(rPhoneACWConflict, pathPhoneConfig.Child(nameTimeLimit), cuerrors.Value{}, pathACW)
		}
	}
	desk := pc.PhoneType != nil && *pc.PhoneType == channel.DeskPhone
	soft := pc.PhoneType != nil && *pc.PhoneType == channel.SoftPhone
	if n := pc.DeskPhoneNumber; n != nil {
		if !pattern.E164(string(*n)) {
			c.report(rDeskPhonePattern, pathPhoneConfig.Child("DeskPhoneNumber"), cuerrors.Value{})
		}
		if soft {
			c.report(rDeskPhoneIgnored, pathPhoneConfig.Child("DeskPhoneNumber"), cuerrors.Value{})
		}
		if len(in.PhoneNumberConfigs) > 0 {
			c.reportRelated(rDeskPhoneConflict, pathPhoneConfig.Child("DeskPhoneNumber"), cuerrors.Value{}, pathPhoneNumbers)
		}
	} else if desk {
		c.report(rDeskPhoneIncomplete, pathPhoneConfig.Child("DeskPhoneNumber"), cuerrors.Value{})
	}
	if pc.PersistentConnection != nil && len(in.PersistentConnectionConfigs) > 0 {
		c.reportRelated(rPhonePersistentConflict, pathPhoneConfig.Child("PersistentConnection"), cuerrors.Value{}, pathPersistent)
	}
}

func (c *checker) directoryAndIDs(in *CreateUserInput) {
	if d := in.DirectoryUserId; d != nil {
		var h hits
		h.add(rDirectoryUserIDForbidden)
		h.add(rDirectoryUserIDIgnored)
		if *d == "" {
			h.add(rDirectoryUserIDLength)
		}
		c.resolve(&h, pathDirectoryUserID, cuerrors.StringValue(*d))
	}

	ids := in.SecurityProfileIds
	if len(ids) == 0 {
		c.report(rSecurityProfileIDsRequired, pathSecurityProfiles, cuerrors.Value{})
	} else if len(ids) > maxSecurityProfiles {
		c.report(rSecurityProfileIDsCount, pathSecurityProfiles, cuerrors.IntValue(int64(len(ids))))
	}
	c.securityProfileIDs(ids)

	if in.RoutingProfileId == "" {
		c.report(rRoutingProfileIDRequired, pathRoutingProfileID, cuerrors.Value{})
	}
	if g := in.HierarchyGroupId; g != nil && *g == "" {
		c.report(rHierarchyGroupIDLength, pathHierarchyGroupID, cuerrors.StringValue(""))
	}
}

// quadraticLimit is the list length up to which duplicates are found by
// comparing pairs, which allocates nothing; longer lists use a map.
const quadraticLimit = 32

func (c *checker) securityProfileIDs(ids []string) {
	var first map[string]int
	if len(ids) > quadraticLimit {
		first = make(map[string]int, len(ids))
	}
	for j, id := range ids {
		if id == "" {
			c.report(rSecurityProfileIDRequired, pathSecurityProfiles.Index(j), cuerrors.Value{})
			continue
		}
		key := pattern.ARNID(id)
		i := -1
		if first != nil {
			if k, ok := first[key]; ok {
				i = k
			} else {
				first[key] = j
			}
		} else {
			for k := 0; k < j; k++ {
				if ids[k] != "" && pattern.ARNID(ids[k]) == key {
					i = k
					break
				}
			}
		}
		if i >= 0 {
			c.reportRelated(rSecurityProfileIDDuplicate, pathSecurityProfiles.Index(j), cuerrors.StringValue(id), pathSecurityProfiles.Index(i))
		}
	}
}

// channels remembers, for one list, the first index of each valid channel.
type channels [4]int

// channel checks Channel of element i of the list at list: required, one
// of Channel, not twice in the list, and VOICE where only VOICE is
// supported. It reports whether the channel is valid.
func (c *checker) channel(seen *channels, list cuerrors.Path, i int, ch channel.Channel, voiceOnly bool) bool {
	if ch == "" {
		c.report(rListChannelRequired, list.Index(i).Child(nameChannelMember), cuerrors.Value{})
		return false
	}
	o := ch.Ordinal()
	if o < 0 {
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
		valid := c.channel(&seen, pathAutoAccept, i, e.Channel, false)
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
		valid := c.channel(&seen, pathACW, i, e.Channel, false)
		if e.AfterContactWorkConfig == nil {
			c.report(rACWConfigRequired, pathACW.Index(i).Child("AfterContactWorkConfig"), cuerrors.Value{})
		} else {
			c.timeLimit(e.AfterContactWorkConfig, i, "AfterContactWorkConfig")
		}
		if e.AgentFirstCallbackAfterContactWorkConfig != nil {
			c.timeLimit(e.AgentFirstCallbackAfterContactWorkConfig, i, "AgentFirstCallbackAfterContactWorkConfig")
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

func (c *checker) timeLimit(w *channel.AfterContactWork, i int, member string) {
	if t := w.AfterContactWorkTimeLimit; t != nil && (*t < 0 || *t > maxTimeLimit) {
		c.report(rACWRange, pathACW.Index(i).Child(member).Child(nameTimeLimit), timeLimitValue(*t))
	}
}

func (c *checker) phoneNumberConfigs(list []channel.PhoneNumberConfig) {
	var seen channels
	for i := range list {
		e := &list[i]
		c.channel(&seen, pathPhoneNumbers, i, e.Channel, true)
		switch {
		case e.PhoneType == "":
			c.report(rNumberPhoneTypeRequired, pathPhoneNumbers.Index(i).Child("PhoneType"), cuerrors.Value{})
		case !e.PhoneType.Valid():
			c.report(rNumberPhoneTypeEnum, pathPhoneNumbers.Index(i).Child("PhoneType"), cuerrors.StringValue(string(e.PhoneType)))
		}
		if n := e.PhoneNumber; n != nil {
			if !pattern.E164(string(*n)) {
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
		c.channel(&seen, pathPersistent, i, e.Channel, true)
		if e.PersistentConnection == nil {
			c.report(rPersistentRequired, pathPersistent.Index(i).Child("PersistentConnection"), cuerrors.Value{})
		}
	}
}

func (c *checker) voiceEnhancementConfigs(list []channel.VoiceEnhancementConfig) {
	var seen channels
	for i := range list {
		e := &list[i]
		c.channel(&seen, pathVoice, i, e.Channel, true)
		switch {
		case e.VoiceEnhancementMode == "":
			c.report(rVoiceModeRequired, pathVoice.Index(i).Child("VoiceEnhancementMode"), cuerrors.Value{})
		case !e.VoiceEnhancementMode.Valid():
			c.report(rVoiceModeEnum, pathVoice.Index(i).Child("VoiceEnhancementMode"), cuerrors.StringValue(string(e.VoiceEnhancementMode)))
		}
	}
}

// tagOK reports whether a tag breaks no rule of its own. It runs on every
// tag of every request, so it counts characters only when the byte
// length leaves the limit in doubt (a string has at most as many
// characters as bytes), and tests the aws: prefix only on keys with a
// colon in fourth place.
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
// are reported in the order of their keys; a valid map costs nothing.
func (c *checker) tags(tags map[string]string) {
	if tags == nil {
		return
	}
	if n := len(tags); n == 0 || n > maxTags {
		c.report(rTagsCount, pathTags, cuerrors.IntValue(int64(n)))
	}
	if c.tagsOK {
		return // the second pass: nothing to report past the count
	}
	var buf [4]string
	bad := buf[:0]
	for k, v := range tags {
		if !tagOK(k, v) {
			bad = append(bad, k)
		}
	}
	c.tagsOK = len(bad) == 0
	slices.Sort(bad)
	for _, k := range bad {
		n := pattern.Length(k)
		if n < 1 || n > maxTagKey {
			c.report(rTagKeyLength, pathTags, cuerrors.StringValue(k))
		}
		if pattern.ReservedTagKey(k) {
			c.report(rTagKeyReserved, pathTags, cuerrors.StringValue(k))
		}
		if !pattern.TagKey(k) {
			c.report(rTagKeyPattern, pathTags, cuerrors.StringValue(k))
		}
		if v := tags[k]; pattern.Length(v) > maxTagValue {
			c.report(rTagValueLength, pathTags.Key(k), cuerrors.StringValue(v))
		}
	}
}
