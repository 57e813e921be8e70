package user

import (
	"github.com/connectkit/createuser/channel"
	cuerrors "github.com/connectkit/createuser/errors"
)

// The documents of the update operations: what
// `aws connect CLI-NAME --cli-input-json` reads, read by the CreateUser
// reader member by member (the same strictness, the same violations).

// updateMembers holds, per operation (by its position in operations), the
// members of its document in the order of the service's model.
var updateMembers = [len(operations)][]string{
	0: inputMembers,
	1: {"InstanceId", "UserId", "IdentityInfo"},
	2: {"InstanceId", "UserId", "PhoneConfig"},
	3: {"InstanceId", "UserId", "AutoAcceptConfigs", "AfterContactWorkConfigs", "PhoneNumberConfigs",
		"PersistentConnectionConfigs", "VoiceEnhancementConfigs"},
	4: {"InstanceId", "UserId", "RoutingProfileId"},
	5: {"InstanceId", "UserId", "SecurityProfileIds"},
	6: {"InstanceId", "UserId", "HierarchyGroupId"},
	7: {"resourceArn", "tags"},
	8: {"resourceArn", "tagKeys"},
	9: {"InstanceId", "UserId"},
}

// bit returns the position of the single operation of s.
func (s opSet) bit() int {
	for i := range operations {
		if s == 1<<i {
			return i
		}
	}
	return -1
}

// readUpdate reads the members of an update's request object, whose
// opening brace was consumed: the members of d.op's document; any other
// is unknown.
func (d *decoder) readUpdate(in *CreateUserInput) {
	members := updateMembers[d.op.bit()]
	x := &d.out.extras
	var seen uint32
	for first := true; ; first = false {
		name, ok := d.member(first)
		if !ok {
			return
		}
		k := -1
		for i, m := range members {
			if m == string(name) {
				k = i
				break
			}
		}
		if k < 0 {
			d.unknown(0, name, members)
			continue
		}
		m := members[k]
		a := d.once(&seen, 1<<k, child(0, m))
		switch m {
		case "InstanceId":
			in.InstanceId = d.plain(a)
		case "UserId":
			x.userID = d.plain(a)
		case "resourceArn":
			x.resourceARN = d.plain(a)
		case "IdentityInfo":
			in.IdentityInfo = d.identityInfo(a)
		case "PhoneConfig":
			in.PhoneConfig = d.phoneConfig(a)
		case "SecurityProfileIds":
			in.SecurityProfileIds = d.securityProfileIds(a)
		case "RoutingProfileId":
			in.RoutingProfileId = d.plain(a)
		case "HierarchyGroupId":
			in.HierarchyGroupId = textPtr[string](d, a)
		case "AutoAcceptConfigs":
			in.AutoAcceptConfigs = readList[channel.AutoAcceptConfig](d, limitedAutoAccept, a)
		case "AfterContactWorkConfigs":
			in.AfterContactWorkConfigs = readList[channel.AfterContactWorkConfig](d, limitedACW, a)
		case "PhoneNumberConfigs":
			in.PhoneNumberConfigs = readList[channel.PhoneNumberConfig](d, limitedNumbers, a)
		case "PersistentConnectionConfigs":
			in.PersistentConnectionConfigs = readList[channel.PersistentConnectionConfig](d, limitedPersistent, a)
		case "VoiceEnhancementConfigs":
			in.VoiceEnhancementConfigs = readList[channel.VoiceEnhancementConfig](d, limitedVoice, a)
		case "tags":
			in.Tags = d.tags(a)
		case "tagKeys":
			x.tagKeys = d.stringList(a, limitedTagKeys)
		}
	}
}

// requestOf returns the request of op that the view in and x hold (see
// viewOf); in is nil after a document that is not an object.
func requestOf(op opSet, in *CreateUserInput, x *extras) Request {
	if in == nil {
		return nil
	}
	switch op {
	case opCreate:
		return in
	case opIdentityInfo:
		return &UpdateUserIdentityInfoInput{InstanceId: in.InstanceId, UserId: x.userID, IdentityInfo: in.IdentityInfo}
	case opPhoneConfig:
		return &UpdateUserPhoneConfigInput{InstanceId: in.InstanceId, UserId: x.userID, PhoneConfig: in.PhoneConfig}
	case opConfig:
		return &UpdateUserConfigInput{InstanceId: in.InstanceId, UserId: x.userID,
			AutoAcceptConfigs: in.AutoAcceptConfigs, AfterContactWorkConfigs: in.AfterContactWorkConfigs,
			PhoneNumberConfigs: in.PhoneNumberConfigs, PersistentConnectionConfigs: in.PersistentConnectionConfigs,
			VoiceEnhancementConfigs: in.VoiceEnhancementConfigs}
	case opRoutingProfile:
		return &UpdateUserRoutingProfileInput{InstanceId: in.InstanceId, UserId: x.userID, RoutingProfileId: in.RoutingProfileId}
	case opSecurityProfiles:
		return &UpdateUserSecurityProfilesInput{InstanceId: in.InstanceId, UserId: x.userID, SecurityProfileIds: in.SecurityProfileIds}
	case opHierarchy:
		return &UpdateUserHierarchyInput{InstanceId: in.InstanceId, UserId: x.userID, HierarchyGroupId: in.HierarchyGroupId}
	case opTagResource:
		return &TagResourceInput{ResourceArn: x.resourceARN, Tags: in.Tags}
	case opUntagResource:
		return &UntagResourceInput{ResourceArn: x.resourceARN, TagKeys: x.tagKeys}
	case opDelete:
		return &DeleteUserInput{InstanceId: in.InstanceId, UserId: x.userID}
	}
	return nil
}

// unknownOperation is the violation of a document of an operation that is
// not one of [Operations].
func unknownOperation() cuerrors.List {
	bad := violation(rDocumentType, cuerrors.Path{})
	bad.Message = "The operation must be one of the user operations (see user.Operations)."
	return cuerrors.List{bad}
}

// ValidateOperationDocument reads a request document of op, what
// `aws connect CLI-NAME --cli-input-json` reads (InstanceId and UserId as
// members; TagResource's resourceArn and tags, UntagResource's resourceArn
// and tagKeys), and checks it as [Validator.ValidateDocument] checks a
// CreateUser document: the reading rules (syntax, unknown members with the
// nearest of op's members as a hint, wrong JSON types, duplicates,
// invalid UTF-8), then every rule of op on what could be read, each
// violation with its Line and Column. The request is returned as far as it
// was read (nil after a syntax error at the start, for a document over the
// size limit, and for an op that is not one of [Operations]); for
// CreateUser it is a *CreateUserInput, exactly as ValidateDocument gives.
func (v *Validator) ValidateOperationDocument(op Operation, data []byte) (Request, cuerrors.List) {
	return v.ValidateOperationDocumentAt(op, data, 1)
}

// ValidateOperationDocumentAt is [Validator.ValidateOperationDocument] for
// a document that starts on line line of a larger source (see
// [Validator.ValidateDocumentAt]).
func (v *Validator) ValidateOperationDocumentAt(op Operation, data []byte, line int) (Request, cuerrors.List) {
	k := op.ordinal()
	switch {
	case k < 0:
		return nil, unknownOperation()
	case k == 0:
		in, list := v.ValidateDocumentAt(data, line)
		if in == nil {
			return nil, list
		}
		return in, list
	}
	if limit := v.maxDocumentSize(); limit > 0 && int64(len(data)) > limit {
		return nil, documentTooLarge(limit)
	}
	set := opSet(1) << k
	dec := decoder{data: data, line0: max(line, 1) - 1, op: set}
	dec.document()
	d := &dec.out
	list := d.list
	if !d.fatal {
		list = v.validateView(set, d.input, &d.extras, d.skip, d.list, d.lengths, len(d.list) == 0)
	}
	if len(list) > 0 {
		LocateAt(data, list, line)
	}
	return requestOf(set, d.input, &d.extras), list
}

// ValidateRequest checks r with a Validator made from opts; see
// [Validator.ValidateRequest].
func ValidateRequest(r Request, opts ...Option) cuerrors.List {
	v := configure(opts)
	return v.ValidateRequest(r)
}

// ValidateOperationDocument reads and checks a request document of op
// with a Validator made from opts; see [Validator.ValidateOperationDocument].
func ValidateOperationDocument(op Operation, data []byte, opts ...Option) (Request, cuerrors.List) {
	v := configure(opts)
	return v.ValidateOperationDocument(op, data)
}
