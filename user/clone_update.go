package user

import "slices"

// cloneOf returns a deep copy of r, a request of op, through its view
// (see viewOf): what CreateUserInput.Clone copies, plus the update's own
// members.
func cloneOf(op opSet, r Request) Request {
	var in CreateUserInput
	var x extras
	viewOf(r, &in, &x)
	x.tagKeys = slices.Clone(x.tagKeys)
	return requestOf(op, in.Clone(), &x)
}

// Clone returns a deep copy of in; Clone of nil is nil.
func (in *UpdateUserIdentityInfoInput) Clone() *UpdateUserIdentityInfoInput {
	if in == nil {
		return nil
	}
	return cloneOf(opIdentityInfo, in).(*UpdateUserIdentityInfoInput)
}

// Clone returns a deep copy of in; Clone of nil is nil.
func (in *UpdateUserPhoneConfigInput) Clone() *UpdateUserPhoneConfigInput {
	if in == nil {
		return nil
	}
	return cloneOf(opPhoneConfig, in).(*UpdateUserPhoneConfigInput)
}

// Clone returns a deep copy of in; Clone of nil is nil.
func (in *UpdateUserConfigInput) Clone() *UpdateUserConfigInput {
	if in == nil {
		return nil
	}
	return cloneOf(opConfig, in).(*UpdateUserConfigInput)
}

// Clone returns a copy of in; Clone of nil is nil.
func (in *UpdateUserRoutingProfileInput) Clone() *UpdateUserRoutingProfileInput {
	if in == nil {
		return nil
	}
	return cloneOf(opRoutingProfile, in).(*UpdateUserRoutingProfileInput)
}

// Clone returns a deep copy of in; Clone of nil is nil.
func (in *UpdateUserSecurityProfilesInput) Clone() *UpdateUserSecurityProfilesInput {
	if in == nil {
		return nil
	}
	return cloneOf(opSecurityProfiles, in).(*UpdateUserSecurityProfilesInput)
}

// Clone returns a deep copy of in; Clone of nil is nil.
func (in *UpdateUserHierarchyInput) Clone() *UpdateUserHierarchyInput {
	if in == nil {
		return nil
	}
	return cloneOf(opHierarchy, in).(*UpdateUserHierarchyInput)
}

// Clone returns a deep copy of in; Clone of nil is nil.
func (in *TagResourceInput) Clone() *TagResourceInput {
	if in == nil {
		return nil
	}
	return cloneOf(opTagResource, in).(*TagResourceInput)
}

// Clone returns a deep copy of in; Clone of nil is nil.
func (in *UntagResourceInput) Clone() *UntagResourceInput {
	if in == nil {
		return nil
	}
	return cloneOf(opUntagResource, in).(*UntagResourceInput)
}

// Clone returns a copy of in; Clone of nil is nil.
func (in *DeleteUserInput) Clone() *DeleteUserInput {
	if in == nil {
		return nil
	}
	return cloneOf(opDelete, in).(*DeleteUserInput)
}
