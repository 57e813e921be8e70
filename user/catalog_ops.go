package user

// ruleOperations holds, per row of the catalog, the operations whose
// requests it checks: a member's rules go wherever the member goes
// (IdentityInfo's to UpdateUserIdentityInfo, the channel lists' to
// UpdateUserConfig, ...). The conflicts between PhoneConfig and the lists
// stay CreateUser's: no update holds both. [Rules] shows the set as
// Rule.Operations.
var ruleOperations = func() (ops [ruleCount]opSet) {
	set := func(s opSet, rows ...ruleIndex) {
		for _, r := range rows {
			ops[r] = s
		}
	}
	set(opInstance, rInstanceIDRequired, rInstanceIDLength, rInstanceIDDotSegment)
	set(opUser, rUserIDRequired, rUserIDDotSegment)
	set(opTagged, rResourceARNRequired, rResourceARNPattern, rResourceARNUser)
	set(opCreate, rUsernameRequired, rUsernameLength, rUsernameLengthSAML, rUsernameLengthDocumented,
		rUsernameMinLengthSAML, rUsernamePattern, rUsernameEmail,
		rPasswordRequired, rPasswordForbidden, rPasswordLength, rPasswordPattern,
		rDirectoryUserIDForbidden, rDirectoryUserIDIgnored, rDirectoryUserIDLength)
	set(opIdentityInfo, rIdentityInfoRequired)
	set(opCreate|opIdentityInfo, rFirstNameRequired, rFirstNameLength, rFirstNameNormalization,
		rLastNameRequired, rLastNameLengthConnectManaged, rLastNameLength, rLastNameNormalization,
		rEmailRequired, rEmailForbiddenSAML, rEmailPattern, rEmailLength,
		rSecondaryEmailPattern, rSecondaryEmailLength, rMobilePattern)
	set(opCreate|opSecurityProfiles, rSecurityProfileIDsRequired, rSecurityProfileIDsCount,
		rSecurityProfileIDRequired, rSecurityProfileIDDuplicate)
	set(opCreate|opRoutingProfile, rRoutingProfileIDRequired)
	set(opCreate|opHierarchy, rHierarchyGroupIDLength)
	set(opTagResource, rTagsRequired)
	set(opCreate|opTagResource, rTagsCount, rTagKeyDuplicate, rTagValueLength)
	set(opCreate|opTagResource|opUntagResource, rTagKeyLength, rTagKeyReserved, rTagKeyPattern)
	set(opUntagResource, rTagKeysRequired, rTagKeysCount)
	set(opPhoneConfig, rPhoneConfigRequired, rPhoneTypeRequired)
	set(opCreate|opPhoneConfig, rPhoneTypeEnum, rPhoneACWRange, rDeskPhonePattern, rDeskPhoneIncomplete, rDeskPhoneIgnored)
	set(opCreate, rPhoneAutoAcceptConflict, rPhoneACWConflict, rPhoneTypeConflict, rDeskPhoneConflict, rPhonePersistentConflict)
	set(opConfig, rUserConfigListRequired)
	for r := rListElementRequired; r <= rVoiceModeEnum; r++ {
		ops[r] = opCreate | opConfig
	}
	for r := rDocumentSyntax; r <= rDocumentTooManyViolations; r++ {
		ops[r] = opAll
	}
	set(opCreate|opConfig|opSecurityProfiles|opTagResource|opUntagResource, rLimitElements)
	set(opCreate, rBatchUsernameDuplicate)
	for r := rInstanceExists; r < ruleCount; r++ {
		ops[r] = opCreate
	}
	return ops
}()
