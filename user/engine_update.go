package user

import (
	"strings"

	cuerrors "github.com/connectkit/createuser/errors"
	"github.com/connectkit/createuser/internal/pattern"
)

// The update operations go through the CreateUser engine member by
// member: a request is seen as a CreateUserInput holding the members it
// shares with CreateUser (its view, built on the stack) plus the members
// only updates have, and the operation says which members' checks run.
// A member's rules, ids and costs are CreateUser's.

var (
	pathUserID      = cuerrors.NewPath("UserId")
	pathResourceARN = cuerrors.NewPath("resourceArn")
	pathTagsLower   = cuerrors.NewPath("tags")
	pathTagKeys     = cuerrors.NewPath("tagKeys")
)

// Limits of the update operations.
const maxTagKeys = 50

// extras holds the members of an update that CreateUser does not have.
type extras struct {
	userID      string
	resourceARN string
	tagKeys     []string
}

// viewOf returns the operation of r, its shared members as a
// CreateUserInput and its own members; ok is false for a request of a
// type that is not one of the family. A nil request is its operation's
// zero request.
func viewOf(r Request, in *CreateUserInput, x *extras) (op opSet, ok bool) {
	switch r := r.(type) {
	case *UpdateUserIdentityInfoInput:
		if r != nil {
			in.InstanceId, x.userID, in.IdentityInfo = r.InstanceId, r.UserId, r.IdentityInfo
		}
		return opIdentityInfo, true
	case *UpdateUserPhoneConfigInput:
		if r != nil {
			in.InstanceId, x.userID, in.PhoneConfig = r.InstanceId, r.UserId, r.PhoneConfig
		}
		return opPhoneConfig, true
	case *UpdateUserConfigInput:
		if r != nil {
			in.InstanceId, x.userID = r.InstanceId, r.UserId
			in.AutoAcceptConfigs, in.AfterContactWorkConfigs = r.AutoAcceptConfigs, r.AfterContactWorkConfigs
			in.PhoneNumberConfigs, in.PersistentConnectionConfigs = r.PhoneNumberConfigs, r.PersistentConnectionConfigs
			in.VoiceEnhancementConfigs = r.VoiceEnhancementConfigs
		}
		return opConfig, true
	case *UpdateUserRoutingProfileInput:
		if r != nil {
			in.InstanceId, x.userID, in.RoutingProfileId = r.InstanceId, r.UserId, r.RoutingProfileId
		}
		return opRoutingProfile, true
	case *UpdateUserSecurityProfilesInput:
		if r != nil {
			in.InstanceId, x.userID, in.SecurityProfileIds = r.InstanceId, r.UserId, r.SecurityProfileIds
		}
		return opSecurityProfiles, true
	case *UpdateUserHierarchyInput:
		if r != nil {
			in.InstanceId, x.userID, in.HierarchyGroupId = r.InstanceId, r.UserId, r.HierarchyGroupId
		}
		return opHierarchy, true
	case *TagResourceInput:
		if r != nil {
			x.resourceARN, in.Tags = r.ResourceArn, r.Tags
		}
		return opTagResource, true
	case *UntagResourceInput:
		if r != nil {
			x.resourceARN, x.tagKeys = r.ResourceArn, r.TagKeys
		}
		return opUntagResource, true
	case *DeleteUserInput:
		if r != nil {
			in.InstanceId, x.userID = r.InstanceId, r.UserId
		}
		return opDelete, true
	}
	return 0, false
}

// ValidateRequest checks r, a request of any user operation, against
// every rule of the catalog that applies to its operation (see
// Rule.Operations) and returns every violation, in a deterministic order;
// nil when there is none. A valid request costs no allocation. A member
// shared with CreateUser is judged by CreateUser's rules, under the
// Validator's identity management type, with the same rule ids; paths are
// the operation's wire names (TagResource's tags and UntagResource's
// tagKeys are lower case). A *CreateUserInput is checked as
// [Validator.Validate] checks it; a nil pointer is its operation's zero
// request. A nil r, or a type that is not one of the family, is one
// document.type violation.
func (v *Validator) ValidateRequest(r Request) cuerrors.List {
	return v.validateRequest(r, nil, true)
}

// AppendValidateRequest checks r as [Validator.ValidateRequest] does and
// appends its violations to dst, returning the extended list, as
// [Validator.AppendValidate] does.
func (v *Validator) AppendValidateRequest(dst cuerrors.List, r Request) cuerrors.List {
	return v.validateRequest(r, dst, false)
}

func (v *Validator) validateRequest(r Request, out cuerrors.List, fresh bool) cuerrors.List {
	if in, ok := r.(*CreateUserInput); ok {
		if in == nil {
			in = &CreateUserInput{}
		}
		return v.validate(in, out, fresh)
	}
	var in CreateUserInput
	var x extras
	op, ok := viewOf(r, &in, &x)
	if !ok {
		bad := violation(rDocumentType, cuerrors.Path{})
		bad.Message = "The request must be one of the user operations' requests."
		return append(out, bad)
	}
	return v.validateView(op, &in, &x, nil, out, lengths{}, fresh)
}

// validateView checks the view of a request of op (see viewOf), cutting
// lists and tags past the limits as validate does for CreateUser; skip and
// n are the document reader's (n: the real lengths of the lists it cut).
func (v *Validator) validateView(op opSet, in *CreateUserInput, x *extras, skip []cuerrors.Path, out cuerrors.List, n lengths, fresh bool) cuerrors.List {
	cut, cn := cutInput(in)
	keys := 0
	if len(x.tagKeys) > MaxCheckedElements {
		keys = len(x.tagKeys)
		y := *x
		y.tagKeys = y.tagKeys[:MaxCheckedElements:MaxCheckedElements]
		x = &y
	}
	if cut != in || keys > 0 {
		// Cut here, not by the reader: say so, as validate does.
		cn[limitedTagKeys] = keys
		for m := range limitedCount {
			if cn[m] > 0 {
				n[m] = cn[m]
				out = append(out, limitViolationOf(op, m, cn[m]))
			}
		}
	}
	from := len(out)
	list := v.checkOp(op, cut, x, skip, out, fresh)
	setCutCounts(list[from:], n)
	return list
}

// limitViolationOf is limitViolation with op's wire name of the member.
func limitViolationOf(op opSet, m limited, n int) cuerrors.Violation {
	v := limitViolation(m, n)
	if m == limitedTags && op == opTagResource {
		v.Field = pathTagsLower
	}
	return v
}

// checkOp runs the rules of op over its view, appending to out as check
// does.
func (v *Validator) checkOp(op opSet, in *CreateUserInput, x *extras, skip []cuerrors.Path, out cuerrors.List, fresh bool) cuerrors.List {
	modes := modeAll
	if v != nil && v.modes != 0 {
		modes = v.modes
	}
	c := checker{modes: modes, skip: skip, out: out, fresh: fresh}
	from := len(out)
	if op&opInstance != 0 {
		c.instanceID(in.InstanceId)
	}
	if op&opUser != 0 {
		c.userID(x.userID)
	}
	if op&opTagged != 0 {
		c.resourceARN(x.resourceARN)
	}
	switch op {
	case opIdentityInfo:
		if in.IdentityInfo == nil {
			c.report(rIdentityInfoRequired, pathIdentityInfo, cuerrors.Value{})
		}
		c.identityInfo(in.IdentityInfo)
	case opPhoneConfig:
		c.updatePhoneConfig(in.PhoneConfig)
	case opConfig:
		c.updateConfig(in)
	case opRoutingProfile:
		c.routingProfileID(in.RoutingProfileId, pattern.Bytes(in.RoutingProfileId)&pattern.HighBits == 0)
	case opSecurityProfiles:
		// As directoryAndIDs: one test of the ids' bytes tells whether any
		// needs a look for invalid UTF-8.
		var bytes uint64
		for _, id := range in.SecurityProfileIds {
			bytes |= pattern.Bytes(id)
		}
		c.securityProfiles(in.SecurityProfileIds, bytes&pattern.HighBits == 0)
	case opHierarchy:
		c.hierarchyGroupID(in.HierarchyGroupId, false)
	case opTagResource:
		if in.Tags == nil {
			c.report(rTagsRequired, pathTagsLower, cuerrors.Value{})
		}
		c.tags(in.Tags, &pathTagsLower)
	case opUntagResource:
		c.tagKeys(x.tagKeys)
	}
	if c.s == nil {
		return c.out
	}
	return c.finish(from)
}

// userID checks UserId: the rules of the other identifiers (present,
// UTF-8) and, as it travels in the request path as InstanceId does, no
// dot segment.
func (c *checker) userID(id string) {
	switch {
	case id == "":
		c.report(rUserIDRequired, pathUserID, cuerrors.Value{})
	case !pattern.ASCII(id) && !c.text(id, pathUserID):
	case id == "." || id == "..":
		c.report(rUserIDDotSegment, pathUserID, cuerrors.StringValue(id))
	}
}

// resourceARN checks the resourceArn of TagResource and UntagResource: an
// Amazon Connect ARN (an error otherwise: the service rejects it), and a
// user's (a warning otherwise: the service would tag another resource).
func (c *checker) resourceARN(arn string) {
	switch {
	case arn == "":
		c.report(rResourceARNRequired, pathResourceARN, cuerrors.Value{})
	case !pattern.ASCII(arn) && !c.text(arn, pathResourceARN):
	default:
		switch connectARN(arn) {
		case arnOther:
			c.report(rResourceARNPattern, pathResourceARN, cuerrors.StringValue(arn))
		case arnConnect:
			c.report(rResourceARNUser, pathResourceARN, cuerrors.StringValue(arn))
		}
	}
}

type arnKind uint8

const (
	arnOther   arnKind = iota // not an Amazon Connect ARN of an instance
	arnConnect                // an instance or a resource of one, not a user
	arnUser                   // a user: instance/ID/agent/USER_ID
)

// connectARN tells what arn names: arn:PARTITION:connect:REGION:ACCOUNT:
// followed by instance/ID and, for a user, /agent/USER_ID (every part
// non-empty; region and account as the service's ARNs have them).
func connectARN(arn string) arnKind {
	rest, ok := strings.CutPrefix(arn, "arn:")
	if !ok {
		return arnOther
	}
	var parts [4]string
	for i := range parts {
		j := strings.IndexByte(rest, ':')
		if j <= 0 {
			return arnOther
		}
		parts[i], rest = rest[:j], rest[j+1:]
	}
	if parts[1] != "connect" {
		return arnOther
	}
	res, ok := strings.CutPrefix(rest, "instance/")
	if !ok {
		return arnOther
	}
	id, sub, _ := strings.Cut(res, "/")
	if id == "" || strings.ContainsAny(id, ":") {
		return arnOther
	}
	if kind, user, ok := strings.Cut(sub, "/"); ok && kind == "agent" && user != "" && !strings.ContainsAny(user, "/:") {
		return arnUser
	}
	return arnConnect
}

// updatePhoneConfig checks UpdateUserPhoneConfig's PhoneConfig: required,
// with its PhoneType (the request replaces the whole), then CreateUser's
// rules of PhoneConfig. A PhoneType of "" is missing: its required error
// silences the other rules of the member.
func (c *checker) updatePhoneConfig(pc *PhoneConfig) {
	if pc == nil {
		c.report(rPhoneConfigRequired, pathPhoneConfig, cuerrors.Value{})
	}
	var view CreateUserInput
	if pc != nil && pc.PhoneType != nil && *pc.PhoneType != "" {
		view.PhoneConfig = pc
	} else {
		c.report(rPhoneTypeRequired, pathPhoneType, cuerrors.Value{})
		if pc != nil {
			without := *pc
			without.PhoneType = nil
			view.PhoneConfig = &without
		}
	}
	c.phoneConfig(&view)
}

// updateConfig checks UpdateUserConfig's lists: at least one with an
// element (unless one could not be read), then CreateUser's rules of each.
func (c *checker) updateConfig(in *CreateUserInput) {
	if len(in.AutoAcceptConfigs) == 0 && len(in.AfterContactWorkConfigs) == 0 && len(in.PhoneNumberConfigs) == 0 &&
		len(in.PersistentConnectionConfigs) == 0 && len(in.VoiceEnhancementConfigs) == 0 &&
		!(len(c.skip) > 0 && (c.skipped(pathAutoAccept) || c.skipped(pathACW) || c.skipped(pathPhoneNumbers) ||
			c.skipped(pathPersistent) || c.skipped(pathVoice))) {
		c.report(rUserConfigListRequired, cuerrors.Path{}, cuerrors.Value{})
	}
	c.autoAcceptConfigs(in.AutoAcceptConfigs)
	c.afterContactWorkConfigs(in.AfterContactWorkConfigs)
	c.phoneNumberConfigs(in.PhoneNumberConfigs)
	c.persistentConnectionConfigs(in.PersistentConnectionConfigs)
	c.voiceEnhancementConfigs(in.VoiceEnhancementConfigs)
}

// tagKeys checks UntagResource's tagKeys: 1 to 50 keys, each one a tag
// key by the rules of Tags' keys (reported at tagKeys[i]).
func (c *checker) tagKeys(keys []string) {
	if keys == nil {
		c.report(rTagKeysRequired, pathTagKeys, cuerrors.Value{})
		return
	}
	if n := len(keys); n == 0 || n > maxTagKeys {
		c.report(rTagKeysCount, pathTagKeys, cuerrors.IntValue(int64(n)))
	}
	for i, k := range keys {
		if len(k) > 0 && len(k) <= maxTagKey && !(len(k) >= 4 && k[3] == ':') && pattern.TagKey(k) {
			continue
		}
		p := pathTagKeys.Index(i)
		if !c.text(k, p) {
			continue
		}
		c.tagKey(k, &p)
	}
}
