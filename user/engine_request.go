package user

import (
	"strings"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"

	"github.com/connectkit/createuser/channel"
	cuerrors "github.com/connectkit/createuser/errors"
	"github.com/connectkit/createuser/identity"
	"github.com/connectkit/createuser/internal/pattern"
)

// The engine's checks of the request's own members (engine.go has the
// pass and the reporting; engine_lists.go the channel-specific lists and
// Tags). Each string member is scanned once where one scan answers every
// question: a string that passes an ASCII-only pattern is valid UTF-8 and
// has as many characters as bytes, and a length limit that the byte
// length already meets needs no counting (a string has at most as many
// characters as bytes).

var (
	pathFirstName      = pathIdentityInfo.Child("FirstName")
	pathLastName       = pathIdentityInfo.Child("LastName")
	pathEmail          = pathIdentityInfo.Child("Email")
	pathSecondaryEmail = pathIdentityInfo.Child("SecondaryEmail")
	pathMobile         = pathIdentityInfo.Child("Mobile")
	pathPhoneType      = pathPhoneConfig.Child("PhoneType")
	pathDeskPhone      = pathPhoneConfig.Child("DeskPhoneNumber")
	pathPhoneTimeLimit = pathPhoneConfig.Child(nameTimeLimit)
)

func (c *checker) top(in *CreateUserInput) {
	// The common case, an ASCII id of 3 to 100 bytes, breaks no rule of
	// instanceID: tested here, it costs CreateUser no call.
	if id := in.InstanceId; len(id) < 3 || len(id) > maxInstanceID || !pattern.ASCII(id) {
		c.instanceID(id)
	}
	c.username(in.Username)
	c.password(in.Password)
}

// instanceID checks InstanceId, a member of every operation but the
// tagging ones.
func (c *checker) instanceID(id string) {
	switch {
	case id == "":
		c.report(rInstanceIDRequired, pathInstanceID, cuerrors.Value{})
	case !pattern.ASCII(id) && !c.text(id, pathInstanceID):
	case id == "." || id == "..":
		c.report(rInstanceIDDotSegment, pathInstanceID, cuerrors.StringValue(id))
	case len(id) > maxInstanceID && pattern.Length(id) > maxInstanceID:
		c.report(rInstanceIDLength, pathInstanceID, cuerrors.StringValue(id))
	}
}

func (c *checker) username(u string) {
	h := hits{modes: c.modes}
	if u == "" {
		h.add(rUsernameRequired)
		c.resolve(&h, pathUsername, cuerrors.Value{})
		return
	}
	chars, at, email := pattern.Username(u)
	n := len(u)
	if !chars {
		if !c.text(u, pathUsername) {
			return
		}
		n = pattern.Length(u)
	}
	if n > maxUsernameDocument {
		if n > maxUsername {
			h.add(rUsernameLength)
		}
		if n > maxUsernameSAML {
			h.add(rUsernameLengthSAML)
		}
		h.add(rUsernameLengthDocumented)
	}
	if n < minUsernameSAML {
		h.add(rUsernameMinLengthSAML)
	}
	if !chars {
		h.add(rUsernamePattern)
	}
	if at && !email {
		h.add(rUsernameEmail)
	}
	if h.n > 0 {
		c.resolve(&h, pathUsername, cuerrors.StringValue(u))
	}
}

// password checks Password, a sensitive member: no violation carries its
// value.
func (c *checker) password(p *identity.Secret) {
	h := hits{modes: c.modes}
	if p == nil || *p == "" {
		h.add(rPasswordRequired)
	}
	if p != nil {
		ok, n, valid := pattern.PasswordScan(string(*p))
		if !valid {
			c.report(rDocumentEncoding, pathPassword, cuerrors.Value{})
			return
		}
		h.add(rPasswordForbidden)
		if n < minPassword || n > maxPassword {
			h.add(rPasswordLength)
		}
		if !ok {
			h.add(rPasswordPattern)
		}
	}
	if h.n > 0 {
		c.resolve(&h, pathPassword, cuerrors.Value{})
	}
}

// name scans a first or last name once: its length in characters,
// whether it is in Normalization Form C, and whether it is valid UTF-8.
func name(s string) (n int, nfc, valid bool) {
	if pattern.ASCII(s) {
		return len(s), true, true
	}
	if !utf8.ValidString(s) {
		return 0, false, false
	}
	return utf8.RuneCountInString(s), norm.NFC.IsNormalString(s), true
}

// identityInfo checks IdentityInfo; every member is sensitive, so no
// violation carries a value.
func (c *checker) identityInfo(info *identity.Info) {
	var first, last, email, second, mobile *identity.Secret
	if info != nil {
		first, last, email, second, mobile = info.FirstName, info.LastName, info.Email, info.SecondaryEmail, info.Mobile
	}
	h := hits{modes: c.modes}
	if first == nil || *first == "" {
		h.add(rFirstNameRequired)
	}
	if first != nil {
		n, nfc, valid := name(string(*first))
		switch {
		case !valid:
			c.report(rDocumentEncoding, pathFirstName, cuerrors.Value{})
		default:
			if n > maxFirstName {
				h.add(rFirstNameLength)
			}
			if !nfc {
				h.add(rFirstNameNormalization)
			}
		}
	}
	if h.n > 0 {
		c.resolve(&h, pathFirstName, cuerrors.Value{})
	}

	h = hits{modes: c.modes}
	if last == nil || *last == "" {
		h.add(rLastNameRequired)
	}
	if last != nil {
		n, nfc, valid := name(string(*last))
		switch {
		case !valid:
			c.report(rDocumentEncoding, pathLastName, cuerrors.Value{})
		default:
			if n > maxLastNameCM {
				h.add(rLastNameLengthConnectManaged)
			}
			if n > maxLastName {
				h.add(rLastNameLength)
			}
			if !nfc {
				h.add(rLastNameNormalization)
			}
		}
	}
	if h.n > 0 {
		c.resolve(&h, pathLastName, cuerrors.Value{})
	}

	h = hits{modes: c.modes}
	if email == nil || *email == "" {
		h.add(rEmailRequired)
	}
	if email != nil {
		e := string(*email)
		ok := pattern.Email(e) // a match is ASCII: its length is len(e)
		if ok || c.text(e, pathEmail) {
			h.add(rEmailForbiddenSAML)
			if !ok {
				h.add(rEmailPattern)
			}
			if len(e) > maxEmail && pattern.Length(e) > maxEmail {
				h.add(rEmailLength)
			}
		}
	}
	if h.n > 0 {
		c.resolve(&h, pathEmail, cuerrors.Value{})
	}
	if second != nil {
		e := string(*second)
		if ok := pattern.Email(e); ok || c.text(e, pathSecondaryEmail) {
			if !ok {
				c.report(rSecondaryEmailPattern, pathSecondaryEmail, cuerrors.Value{})
			}
			if len(e) > maxEmail && pattern.Length(e) > maxEmail {
				c.report(rSecondaryEmailLength, pathSecondaryEmail, cuerrors.Value{})
			}
		}
	}
	if mobile != nil && !pattern.E164(string(*mobile)) && c.text(string(*mobile), pathMobile) {
		c.report(rMobilePattern, pathMobile, cuerrors.Value{})
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
	if pt := pc.PhoneType; pt != nil && (pt.Valid() || c.text(string(*pt), pathPhoneType)) {
		if !pt.Valid() {
			c.report(rPhoneTypeEnum, pathPhoneType, cuerrors.StringValue(string(*pt)))
		}
		if len(in.PhoneNumberConfigs) > 0 {
			c.reportRelated(rPhoneTypeConflict, pathPhoneType, cuerrors.Value{}, pathPhoneNumbers)
		}
	}
	if pc.AutoAccept != nil && len(in.AutoAcceptConfigs) > 0 {
		c.reportRelated(rPhoneAutoAcceptConflict, pathPhoneConfig.Child("AutoAccept"), cuerrors.Value{}, pathAutoAccept)
	}
	if pc.AfterContactWorkTimeLimit != nil {
		if t := *pc.AfterContactWorkTimeLimit; t < 0 || t > maxTimeLimit {
			c.report(rPhoneACWRange, pathPhoneTimeLimit, timeLimitValue(t))
		}
		if len(in.AfterContactWorkConfigs) > 0 {
			c.reportRelated(rPhoneACWConflict, pathPhoneTimeLimit, cuerrors.Value{}, pathACW)
		}
	}
	desk := pc.PhoneType != nil && *pc.PhoneType == channel.DeskPhone
	soft := pc.PhoneType != nil && *pc.PhoneType == channel.SoftPhone
	if n := pc.DeskPhoneNumber; n != nil {
		if ok := pattern.E164(string(*n)); ok || c.text(string(*n), pathDeskPhone) {
			if !ok {
				c.report(rDeskPhonePattern, pathDeskPhone, cuerrors.Value{})
			}
			if soft {
				c.report(rDeskPhoneIgnored, pathDeskPhone, cuerrors.Value{})
			}
			if len(in.PhoneNumberConfigs) > 0 {
				c.reportRelated(rDeskPhoneConflict, pathDeskPhone, cuerrors.Value{}, pathPhoneNumbers)
			}
		}
	} else if desk {
		c.report(rDeskPhoneIncomplete, pathDeskPhone, cuerrors.Value{})
	}
	if pc.PersistentConnection != nil && len(in.PersistentConnectionConfigs) > 0 {
		c.reportRelated(rPhonePersistentConflict, pathPhoneConfig.Child("PersistentConnection"), cuerrors.Value{}, pathPersistent)
	}
}

func (c *checker) directoryAndIDs(in *CreateUserInput) {
	// One test of the identifiers' bytes tells whether any of them needs
	// a look for invalid UTF-8 (they are ASCII but for a mistake).
	ids := in.SecurityProfileIds
	bytes := pattern.Bytes(in.RoutingProfileId)
	if d := in.DirectoryUserId; d != nil {
		bytes |= pattern.Bytes(*d)
	}
	if g := in.HierarchyGroupId; g != nil {
		bytes |= pattern.Bytes(*g)
	}
	for _, id := range ids {
		bytes |= pattern.Bytes(id)
	}
	ascii := bytes&pattern.HighBits == 0

	if d := in.DirectoryUserId; d != nil && (ascii || c.text(*d, pathDirectoryUserID)) {
		h := hits{modes: c.modes}
		h.add(rDirectoryUserIDForbidden)
		h.add(rDirectoryUserIDIgnored)
		if *d == "" {
			h.add(rDirectoryUserIDLength)
		}
		if h.n > 0 {
			c.resolve(&h, pathDirectoryUserID, cuerrors.StringValue(*d))
		}
	}

	c.securityProfiles(ids, ascii)
	// The common cases break no rule: tested here, they cost no call.
	if in.RoutingProfileId == "" || !ascii {
		c.routingProfileID(in.RoutingProfileId, ascii)
	}
	if g := in.HierarchyGroupId; g != nil && (*g == "" || !ascii) {
		c.hierarchyGroupID(g, ascii)
	}
}

// securityProfiles checks SecurityProfileIds; ascii says that every id is
// ASCII (false: each one is tested for UTF-8).
func (c *checker) securityProfiles(ids []string, ascii bool) {
	if len(ids) == 0 {
		c.report(rSecurityProfileIDsRequired, pathSecurityProfiles, cuerrors.Value{})
	} else if len(ids) > maxSecurityProfiles {
		c.report(rSecurityProfileIDsCount, pathSecurityProfiles, cuerrors.IntValue(int64(len(ids))))
	}
	if len(ids) > quadraticLimit {
		c.securityProfileIDsMap(ids)
	} else {
		c.securityProfileIDs(ids, ascii)
	}
}

// routingProfileID checks RoutingProfileId (ascii as for securityProfiles).
func (c *checker) routingProfileID(r string, ascii bool) {
	if r == "" {
		c.report(rRoutingProfileIDRequired, pathRoutingProfileID, cuerrors.Value{})
	} else if !ascii {
		c.text(r, pathRoutingProfileID)
	}
}

// hierarchyGroupID checks HierarchyGroupId (ascii as for securityProfiles).
func (c *checker) hierarchyGroupID(g *string, ascii bool) {
	if g != nil {
		if *g == "" {
			c.report(rHierarchyGroupIDLength, pathHierarchyGroupID, cuerrors.StringValue(""))
		} else if !ascii {
			c.text(*g, pathHierarchyGroupID)
		}
	}
}

// quadraticLimit is the list length up to which duplicates are found by
// comparing pairs, which allocates nothing; longer lists use a map.
const quadraticLimit = 32

// securityProfileIDs checks the ids of a list of at most quadraticLimit:
// each one non-empty and UTF-8 (ascii says every id is), and none twice (an ARN counts as the id it
// ends with). The ids are compared as they are unless one is an ARN; only
// then is each one's key computed, once.
func (c *checker) securityProfileIDs(ids []string, ascii bool) {
	var bad uint32 // the ids that take part in no comparison
	arn := false
	for k, id := range ids {
		if id == "" || !ascii && !pattern.Text(id) {
			bad |= 1 << k
		} else if strings.HasPrefix(id, "arn:") {
			arn = true
		}
	}
	if arn {
		c.securityProfileARNs(ids, bad)
		return
	}
	for j, id := range ids {
		if bad&(1<<j) != 0 {
			c.badID(j, id)
			continue
		}
		last := id[len(id)-1] // ids mostly differ in their last byte: no call to compare
		for k := range j {
			if b := ids[k]; bad&(1<<k) == 0 && len(b) == len(id) && b[len(b)-1] == last && b == id {
				c.duplicateID(j, k, id)
				break
			}
		}
	}
}

// securityProfileARNs is securityProfileIDs for a list that holds an ARN.
func (c *checker) securityProfileARNs(ids []string, bad uint32) {
	var keys [quadraticLimit]string
	for j, id := range ids {
		if bad&(1<<j) != 0 {
			c.badID(j, id)
			continue
		}
		keys[j] = pattern.ARNID(id)
		for k := range j {
			if bad&(1<<k) == 0 && keys[k] == keys[j] {
				c.duplicateID(j, k, id)
				break
			}
		}
	}
}

// securityProfileIDsMap is securityProfileIDs for a longer list.
func (c *checker) securityProfileIDsMap(ids []string) {
	first := make(map[string]int, len(ids))
	for j, id := range ids {
		if id == "" || !pattern.Text(id) {
			c.badID(j, id)
			continue
		}
		key := pattern.ARNID(id)
		if k, ok := first[key]; ok {
			c.duplicateID(j, k, id)
		} else {
			first[key] = j
		}
	}
}

// badID reports id j, which is empty or not UTF-8.
func (c *checker) badID(j int, id string) {
	if id == "" {
		c.report(rSecurityProfileIDRequired, pathSecurityProfiles.Index(j), cuerrors.Value{})
	} else {
		c.report(rDocumentEncoding, pathSecurityProfiles.Index(j), cuerrors.Value{})
	}
}

// duplicateID reports id j as the same as the earlier id k.
func (c *checker) duplicateID(j, k int, id string) {
	c.reportRelated(rSecurityProfileIDDuplicate, pathSecurityProfiles.Index(j), cuerrors.StringValue(id), pathSecurityProfiles.Index(k))
}
