package user

import (
	cuerrors "github.com/connectkit/createuser/errors"
	"github.com/connectkit/createuser/identity"
)

// Rule is one row of the rule catalog: what the library checks, where,
// how a violation is reported, under which identity management types, and
// where the rule comes from. [Rules] lists them all; `connectuser rules`
// prints the same table.
type Rule struct {
	// ID is the stable identifier that violations carry in their Rule
	// member, such as "phone-config.auto-accept.conflict".
	ID string `json:"id"`
	// Field is the wire path the rule reports at; [i] stands for any
	// index and [k] for any tag key.
	Field string `json:"field"`
	// Code is the code of its violations.
	Code cuerrors.Code `json:"code"`
	// Severity is the severity of its violations.
	Severity cuerrors.Severity `json:"severity"`
	// Identity lists the identity management types under which the rule
	// applies; empty means every type, including Unknown. A rule limited to
	// some types reports under Unknown only where every type would (see
	// [WithIdentityManagement]).
	Identity []identity.Type `json:"identity,omitempty"`
	// Description is the one sentence that violations carry as their
	// message; it names the limit or the allowed values.
	Description string `json:"description"`
	// Source says where the rule comes from.
	Source string `json:"source"`
	// Operations lists the operations whose requests the rule checks, in
	// the order of [Operations]; a member keeps its rules, and their ids,
	// in every operation that has it.
	Operations []Operation `json:"operations"`
}

// Where the rules come from. The service's API model and reference are
// those of service id connect, API version 2017-08-08, operation
// CreateUser; aws-sdk-go-v2/service/connect carries the same text.
const (
	srcModel     = "API model (CreateUser shapes, constraints)"
	srcReference = "CreateUser API reference"
	srcAdmin     = "Administrator guide"
	srcObserved  = "documented limit; the service has been seen to accept more"
	srcReading   = "JSON (RFC 8259) and the request shape"
	srcSpec      = "createuser specification (decision recorded there)"
	srcCLI       = "createuser specification, section 5 (one run of documents)"
	srcLimits    = "createuser limits for hostile input (limits.go)"
	srcInstance  = "createuser specification, section 9 (the instance, read through the API)"
	srcUpdate    = "API model (the UpdateUser*, TagResource, UntagResource and DeleteUser shapes, constraints)"
	srcReading11 = "UpdateUser* and TagResource API reference (a reading where the model is silent)"
)

// ruleIndex names a row of the catalog. The engine refers to rows by
// index, so that reporting is a table look-up.
type ruleIndex uint8

const (
	rInstanceIDRequired ruleIndex = iota
	rInstanceIDLength
	rInstanceIDDotSegment
	rUserIDRequired
	rUserIDDotSegment
	rResourceARNRequired
	rResourceARNPattern
	rResourceARNUser
	rUsernameRequired
	rUsernameLength
	rUsernameLengthSAML
	rUsernameLengthDocumented
	rUsernameMinLengthSAML
	rUsernamePattern
	rUsernameEmail
	rPasswordRequired
	rPasswordForbidden
	rPasswordLength
	rPasswordPattern
	rIdentityInfoRequired
	rFirstNameRequired
	rFirstNameLength
	rFirstNameNormalization
	rLastNameRequired
	rLastNameLengthConnectManaged
	rLastNameLength
	rLastNameNormalization
	rEmailRequired
	rEmailForbiddenSAML
	rEmailPattern
	rEmailLength
	rSecondaryEmailPattern
	rSecondaryEmailLength
	rMobilePattern
	rDirectoryUserIDForbidden
	rDirectoryUserIDIgnored
	rDirectoryUserIDLength
	rSecurityProfileIDsRequired
	rSecurityProfileIDsCount
	rSecurityProfileIDRequired
	rSecurityProfileIDDuplicate
	rRoutingProfileIDRequired
	rHierarchyGroupIDLength
	rTagsRequired
	rTagsCount
	rTagKeyLength
	rTagKeyReserved
	rTagKeyPattern
	rTagKeyDuplicate
	rTagValueLength
	rTagKeysRequired
	rTagKeysCount
	rPhoneConfigRequired
	rPhoneTypeRequired
	rPhoneTypeEnum
	rPhoneACWRange
	rDeskPhonePattern
	rDeskPhoneIncomplete
	rDeskPhoneIgnored
	rPhoneAutoAcceptConflict
	rPhoneACWConflict
	rPhoneTypeConflict
	rDeskPhoneConflict
	rPhonePersistentConflict
	rUserConfigListRequired
	rListElementRequired
	rListChannelRequired
	rListChannelEnum
	rListChannelDuplicate
	rListChannelVoiceOnly
	rAutoAcceptRequired
	rAutoAcceptAgentFirstIgnored
	rACWConfigRequired
	rACWRange
	rACWAgentFirstIgnored
	rNumberPhoneTypeRequired
	rNumberPhoneTypeEnum
	rNumberPattern
	rNumberIncomplete
	rNumberIgnored
	rPersistentRequired
	rVoiceModeRequired
	rVoiceModeEnum
	rDocumentSyntax
	rDocumentEncoding
	rDocumentType
	rDocumentUnknown
	rDocumentDuplicate
	rDocumentTooLarge
	rDocumentTooDeep
	rDocumentTooManyViolations
	rLimitElements
	rBatchUsernameDuplicate

	// The instance checks and the name resolver (SPEC section 9), which
	// package awsconnect reports from what the instance holds; the engine
	// never produces them.
	rInstanceExists
	rInstanceSecurityProfile
	rInstanceRoutingProfile
	rInstanceHierarchyGroup
	rInstanceOtherARN
	rInstanceUsernameTaken
	rNameSecurityProfile
	rNameRoutingProfile
	rNameHierarchyGroup

	ruleCount
)

var (
	onlyCM    = []identity.Type{identity.ConnectManaged}
	onlySAML  = []identity.Type{identity.SAML}
	cmAndSAML = []identity.Type{identity.ConnectManaged, identity.SAML}
	cmAndED   = []identity.Type{identity.ConnectManaged, identity.ExistingDirectory}
	samlAndED = []identity.Type{identity.SAML, identity.ExistingDirectory}
)

// catalog is the rule catalog: every rule the library checks, in the
// order violations are reported. It is the single source of truth for
// codes, severities, identity types and messages.
var catalog = [ruleCount]Rule{
	// Top level.
	rInstanceIDRequired: {ID: "instance-id.required", Field: "InstanceId", Code: cuerrors.CodeRequired, Severity: errorLevel,
		Description: "InstanceId must be present and non-empty.", Source: srcModel},
	rInstanceIDLength: {ID: "instance-id.length", Field: "InstanceId", Code: cuerrors.CodeLength, Severity: errorLevel,
		Description: "InstanceId must be at most 100 characters.", Source: srcModel},
	rInstanceIDDotSegment: {ID: "instance-id.dot-segment", Field: "InstanceId", Code: cuerrors.CodePattern, Severity: errorLevel,
		Description: "InstanceId must not be . or .. (the request path /users/.. names another resource once normalized).", Source: "RFC 3986 section 5.2.4: proxies and servers resolve the dot segment of /users/.. to another path"},
	rUserIDRequired: {ID: "user-id.required", Field: "UserId", Code: cuerrors.CodeRequired, Severity: errorLevel,
		Description: "UserId must be present and non-empty.", Source: srcUpdate},
	rUserIDDotSegment: {ID: "user-id.dot-segment", Field: "UserId", Code: cuerrors.CodePattern, Severity: errorLevel,
		Description: "UserId must not be . or .. (the request path /users/{InstanceId}/.. names another resource once normalized).", Source: "RFC 3986 section 5.2.4: proxies and servers resolve dot segments of the request path"},
	rResourceARNRequired: {ID: "resource-arn.required", Field: "resourceArn", Code: cuerrors.CodeRequired, Severity: errorLevel,
		Description: "resourceArn must be present and non-empty.", Source: srcUpdate},
	rResourceARNPattern: {ID: "resource-arn.pattern", Field: "resourceArn", Code: cuerrors.CodePattern, Severity: errorLevel,
		Description: "resourceArn must be an Amazon Connect ARN: arn:PARTITION:connect:REGION:ACCOUNT:instance/INSTANCE_ID, then /agent/USER_ID for a user.", Source: srcUpdate + "; ARN format of the service's resources"},
	rResourceARNUser: {ID: "resource-arn.user", Field: "resourceArn", Code: cuerrors.CodePattern, Severity: warnLevel,
		Description: "resourceArn names an Amazon Connect resource that is not a user (a user's ARN ends with instance/INSTANCE_ID/agent/USER_ID); the service would tag that resource instead.", Source: srcReading11},
	rUsernameRequired: {ID: "username.required", Field: "Username", Code: cuerrors.CodeRequired, Severity: errorLevel,
		Description: "Username must be present and non-empty.", Source: srcModel},
	rUsernameLength: {ID: "username.length", Field: "Username", Code: cuerrors.CodeLength, Severity: errorLevel,
		Description: "Username must be at most 100 characters.", Source: srcModel},
	rUsernameLengthSAML: {ID: "username.length.saml", Field: "Username", Code: cuerrors.CodeLength, Severity: errorLevel, Identity: onlySAML,
		Description: "Under SAML, Username must be at most 64 characters.", Source: srcReference + "; CloudFormation; SAML sign-in session name"},
	rUsernameLengthDocumented: {ID: "username.length.documented", Field: "Username", Code: cuerrors.CodeLength, Severity: warnLevel, Identity: cmAndED,
		Description: "Under CONNECT_MANAGED and EXISTING_DIRECTORY, Username is documented as at most 20 characters.", Source: srcReference + "; " + srcObserved},
	rUsernameMinLengthSAML: {ID: "username.min-length.saml", Field: "Username", Code: cuerrors.CodeLength, Severity: warnLevel, Identity: onlySAML,
		Description: "Under SAML, Username should be at least 2 characters (the sign-in session name needs 2).", Source: "IAM role session name constraints"},
	rUsernamePattern: {ID: "username.pattern", Field: "Username", Code: cuerrors.CodePattern, Severity: errorLevel,
		Description: "Username may contain only A-Z, a-z, 0-9, _, -, . and @.", Source: srcModel},
	rUsernameEmail: {ID: "username.email", Field: "Username", Code: cuerrors.CodePattern, Severity: warnLevel,
		Description: "A Username containing @ should be an email address (name@example.com); SAML instances are seen with other forms.", Source: srcReference},
	rPasswordRequired: {ID: "password.required", Field: "Password", Code: cuerrors.CodeRequired, Severity: errorLevel, Identity: onlyCM,
		Description: "Under CONNECT_MANAGED, Password must be present.", Source: srcReference},
	rPasswordForbidden: {ID: "password.forbidden", Field: "Password", Code: cuerrors.CodeForbidden, Severity: errorLevel, Identity: samlAndED,
		Description: "Under SAML and EXISTING_DIRECTORY, Password must be absent.", Source: srcReference},
	rPasswordLength: {ID: "password.length", Field: "Password", Code: cuerrors.CodeLength, Severity: errorLevel,
		Description: "Password must be 8 to 64 characters.", Source: srcReference},
	rPasswordPattern: {ID: "password.pattern", Field: "Password", Code: cuerrors.CodePattern, Severity: errorLevel,
		Description: "Password must contain a lowercase letter (a-z), an uppercase letter (A-Z) and a digit (0-9), and no white space.", Source: srcModel},
	rIdentityInfoRequired: {ID: "identity-info.required", Field: "IdentityInfo", Code: cuerrors.CodeRequired, Severity: errorLevel,
		Description: "IdentityInfo must be present.", Source: srcUpdate},
	rFirstNameRequired: {ID: "identity-info.first-name.required", Field: "IdentityInfo.FirstName", Code: cuerrors.CodeRequired, Severity: errorLevel, Identity: cmAndSAML,
		Description: "Under CONNECT_MANAGED and SAML, IdentityInfo.FirstName must be present.", Source: srcReference},
	rFirstNameLength: {ID: "identity-info.first-name.length", Field: "IdentityInfo.FirstName", Code: cuerrors.CodeLength, Severity: errorLevel,
		Description: "IdentityInfo.FirstName must be at most 255 characters.", Source: srcModel},
	rFirstNameNormalization: {ID: "identity-info.first-name.normalization", Field: "IdentityInfo.FirstName", Code: cuerrors.CodeNormalization, Severity: errorLevel,
		Description: "IdentityInfo.FirstName must be in Unicode Normalization Form C.", Source: srcReference},
	rLastNameRequired: {ID: "identity-info.last-name.required", Field: "IdentityInfo.LastName", Code: cuerrors.CodeRequired, Severity: errorLevel, Identity: cmAndSAML,
		Description: "Under CONNECT_MANAGED and SAML, IdentityInfo.LastName must be present.", Source: srcReference},
	rLastNameLengthConnectManaged: {ID: "identity-info.last-name.length.connect-managed", Field: "IdentityInfo.LastName", Code: cuerrors.CodeLength, Severity: errorLevel, Identity: onlyCM,
		Description: "Under CONNECT_MANAGED, IdentityInfo.LastName must be at most 256 characters.", Source: srcReference},
	rLastNameLength: {ID: "identity-info.last-name.length", Field: "IdentityInfo.LastName", Code: cuerrors.CodeLength, Severity: errorLevel, Identity: samlAndED,
		Description: "IdentityInfo.LastName must be at most 300 characters.", Source: srcModel},
	rLastNameNormalization: {ID: "identity-info.last-name.normalization", Field: "IdentityInfo.LastName", Code: cuerrors.CodeNormalization, Severity: errorLevel,
		Description: "IdentityInfo.LastName must be in Unicode Normalization Form C.", Source: srcReference},
	rEmailRequired: {ID: "identity-info.email.required", Field: "IdentityInfo.Email", Code: cuerrors.CodeRequired, Severity: warnLevel, Identity: onlyCM,
		Description: "Under CONNECT_MANAGED, IdentityInfo.Email is required by the operation documentation (since 2025-08), though users without it are seen accepted.", Source: srcReference},
	rEmailForbiddenSAML: {ID: "identity-info.email.forbidden.saml", Field: "IdentityInfo.Email", Code: cuerrors.CodeForbidden, Severity: warnLevel, Identity: onlySAML,
		Description: "Under SAML, users have no primary email: the member documentation and the administrator guide call IdentityInfo.Email an error.", Source: srcAdmin + "; " + srcReference + " (contradicts the operation text)"},
	rEmailPattern: {ID: "identity-info.email.pattern", Field: "IdentityInfo.Email", Code: cuerrors.CodePattern, Severity: errorLevel,
		Description: "IdentityInfo.Email must be an email address matching ^[a-zA-Z0-9._%+-]+@[a-zA-Z0-9.-]+\\.[a-zA-Z]{2,63}$.", Source: srcModel},
	rEmailLength: {ID: "identity-info.email.length", Field: "IdentityInfo.Email", Code: cuerrors.CodeLength, Severity: errorLevel,
		Description: "IdentityInfo.Email must be at most 265 characters.", Source: srcModel},
	rSecondaryEmailPattern: {ID: "identity-info.secondary-email.pattern", Field: "IdentityInfo.SecondaryEmail", Code: cuerrors.CodePattern, Severity: errorLevel,
		Description: "IdentityInfo.SecondaryEmail must be an email address matching ^[a-zA-Z0-9._%+-]+@[a-zA-Z0-9.-]+\\.[a-zA-Z]{2,63}$.", Source: srcModel},
	rSecondaryEmailLength: {ID: "identity-info.secondary-email.length", Field: "IdentityInfo.SecondaryEmail", Code: cuerrors.CodeLength, Severity: errorLevel,
		Description: "IdentityInfo.SecondaryEmail must be at most 265 characters.", Source: srcModel},
	rMobilePattern: {ID: "identity-info.mobile.pattern", Field: "IdentityInfo.Mobile", Code: cuerrors.CodePattern, Severity: errorLevel,
		Description: "IdentityInfo.Mobile must be an E.164 number: + and 2 to 15 digits, the first not 0.", Source: srcModel + " (its pattern is mis-escaped; E.164 is its intent)"},
	rDirectoryUserIDForbidden: {ID: "directory-user-id.forbidden", Field: "DirectoryUserId", Code: cuerrors.CodeForbidden, Severity: errorLevel, Identity: onlySAML,
		Description: "Under SAML, DirectoryUserId must be absent.", Source: srcReference},
	rDirectoryUserIDIgnored: {ID: "directory-user-id.ignored", Field: "DirectoryUserId", Code: cuerrors.CodeIgnored, Severity: warnLevel, Identity: onlyCM,
		Description: "Under CONNECT_MANAGED, DirectoryUserId has no effect.", Source: srcReference},
	rDirectoryUserIDLength: {ID: "directory-user-id.length", Field: "DirectoryUserId", Code: cuerrors.CodeLength, Severity: errorLevel,
		Description: "DirectoryUserId, when present, must not be empty.", Source: srcModel},
	rSecurityProfileIDsRequired: {ID: "security-profile-ids.required", Field: "SecurityProfileIds", Code: cuerrors.CodeRequired, Severity: errorLevel,
		Description: "SecurityProfileIds must hold at least one id.", Source: srcModel},
	rSecurityProfileIDsCount: {ID: "security-profile-ids.count", Field: "SecurityProfileIds", Code: cuerrors.CodeCount, Severity: errorLevel,
		Description: "SecurityProfileIds must hold at most 10 ids.", Source: srcModel},
	rSecurityProfileIDRequired: {ID: "security-profile-ids.element.required", Field: "SecurityProfileIds[i]", Code: cuerrors.CodeRequired, Severity: errorLevel,
		Description: "A security profile id must not be empty.", Source: srcModel},
	rSecurityProfileIDDuplicate: {ID: "security-profile-ids.duplicate", Field: "SecurityProfileIds[i]", Code: cuerrors.CodeDuplicate, Severity: errorLevel,
		Description: "The same security profile id appears twice (an ARN counts as the id it ends with).", Source: srcSpec},
	rRoutingProfileIDRequired: {ID: "routing-profile-id.required", Field: "RoutingProfileId", Code: cuerrors.CodeRequired, Severity: errorLevel,
		Description: "RoutingProfileId must be present and non-empty.", Source: srcModel},
	rHierarchyGroupIDLength: {ID: "hierarchy-group-id.length", Field: "HierarchyGroupId", Code: cuerrors.CodeLength, Severity: errorLevel,
		Description: "HierarchyGroupId, when present, must not be empty.", Source: srcModel},
	rTagsRequired: {ID: "tags.required", Field: "tags", Code: cuerrors.CodeRequired, Severity: errorLevel,
		Description: "tags must be present with 1 to 50 entries.", Source: srcUpdate},
	rTagsCount: {ID: "tags.count", Field: "Tags|tags", Code: cuerrors.CodeCount, Severity: errorLevel,
		Description: "Tags, when present, must hold 1 to 50 entries.", Source: srcModel},
	rTagKeyLength: {ID: "tags.key.length", Field: "Tags|tags|tagKeys[i]", Code: cuerrors.CodeLength, Severity: errorLevel,
		Description: "A tag key must be 1 to 128 characters.", Source: srcModel},
	rTagKeyReserved: {ID: "tags.key.reserved", Field: "Tags|tags|tagKeys[i]", Code: cuerrors.CodeReserved, Severity: errorLevel,
		Description: "A tag key must not begin with aws: (in any letter case).", Source: srcModel},
	rTagKeyPattern: {ID: "tags.key.pattern", Field: "Tags|tags|tagKeys[i]", Code: cuerrors.CodePattern, Severity: errorLevel,
		Description: "A tag key may contain only Unicode letters, numbers and separators and _ . : / = + - @.", Source: srcModel},
	rTagKeyDuplicate: {ID: "tags.key.duplicate", Field: "Tags|tags", Code: cuerrors.CodeDuplicate, Severity: errorLevel,
		Description: "The same tag key appears twice in Tags.", Source: srcSpec},
	rTagValueLength: {ID: "tags.value.length", Field: "Tags[k]|tags[k]", Code: cuerrors.CodeLength, Severity: errorLevel,
		Description: "A tag value must be at most 256 characters.", Source: srcModel},
	rTagKeysRequired: {ID: "tag-keys.required", Field: "tagKeys", Code: cuerrors.CodeRequired, Severity: errorLevel,
		Description: "tagKeys must be present with 1 to 50 keys.", Source: srcUpdate},
	rTagKeysCount: {ID: "tag-keys.count", Field: "tagKeys", Code: cuerrors.CodeCount, Severity: errorLevel,
		Description: "tagKeys must hold 1 to 50 keys.", Source: srcUpdate},
	rPhoneConfigRequired: {ID: "phone-config.required", Field: "PhoneConfig", Code: cuerrors.CodeRequired, Severity: errorLevel,
		Description: "PhoneConfig must be present.", Source: srcUpdate},
	rPhoneTypeRequired: {ID: "phone-config.phone-type.required", Field: "PhoneConfig.PhoneType", Code: cuerrors.CodeRequired, Severity: errorLevel,
		Description: "PhoneConfig.PhoneType must be present: UpdateUserPhoneConfig replaces the whole PhoneConfig.", Source: srcReading11 + "; the model's shape requires no member"},

	// PhoneConfig.
	rPhoneTypeEnum: {ID: "phone-config.phone-type.enum", Field: "PhoneConfig.PhoneType", Code: cuerrors.CodeEnum, Severity: errorLevel,
		Description: "PhoneConfig.PhoneType must be SOFT_PHONE or DESK_PHONE.", Source: srcModel},
	rPhoneACWRange: {ID: "phone-config.after-contact-work-time-limit.range", Field: "PhoneConfig.AfterContactWorkTimeLimit", Code: cuerrors.CodeRange, Severity: errorLevel,
		Description: "PhoneConfig.AfterContactWorkTimeLimit must be 0 to 2000000 seconds.", Source: srcModel},
	rDeskPhonePattern: {ID: "phone-config.desk-phone-number.pattern", Field: "PhoneConfig.DeskPhoneNumber", Code: cuerrors.CodePattern, Severity: errorLevel,
		Description: "PhoneConfig.DeskPhoneNumber must be an E.164 number: + and 2 to 15 digits, the first not 0.", Source: srcModel},
	rDeskPhoneIncomplete: {ID: "phone-config.desk-phone-number.incomplete", Field: "PhoneConfig.DeskPhoneNumber", Code: cuerrors.CodeIncomplete, Severity: warnLevel,
		Description: "PhoneConfig.PhoneType DESK_PHONE needs a DeskPhoneNumber.", Source: srcReference},
	rDeskPhoneIgnored: {ID: "phone-config.desk-phone-number.ignored", Field: "PhoneConfig.DeskPhoneNumber", Code: cuerrors.CodeIgnored, Severity: warnLevel,
		Description: "PhoneConfig.DeskPhoneNumber has no effect with PhoneType SOFT_PHONE.", Source: srcReference},
	rPhoneAutoAcceptConflict: {ID: "phone-config.auto-accept.conflict", Field: "PhoneConfig.AutoAccept", Code: cuerrors.CodeConflict, Severity: errorLevel,
		Description: "PhoneConfig.AutoAccept must not be set together with AutoAcceptConfigs.", Source: srcReference},
	rPhoneACWConflict: {ID: "phone-config.after-contact-work-time-limit.conflict", Field: "PhoneConfig.AfterContactWorkTimeLimit", Code: cuerrors.CodeConflict, Severity: errorLevel,
		Description: "PhoneConfig.AfterContactWorkTimeLimit must not be set together with AfterContactWorkConfigs.", Source: srcReference},
	rPhoneTypeConflict: {ID: "phone-config.phone-type.conflict", Field: "PhoneConfig.PhoneType", Code: cuerrors.CodeConflict, Severity: errorLevel,
		Description: "PhoneConfig.PhoneType must not be set together with PhoneNumberConfigs.", Source: srcReference},
	rDeskPhoneConflict: {ID: "phone-config.desk-phone-number.conflict", Field: "PhoneConfig.DeskPhoneNumber", Code: cuerrors.CodeConflict, Severity: errorLevel,
		Description: "PhoneConfig.DeskPhoneNumber must not be set together with PhoneNumberConfigs (the documentation calls it PhoneConfig.PhoneNumber).", Source: srcReference},
	rPhonePersistentConflict: {ID: "phone-config.persistent-connection.conflict", Field: "PhoneConfig.PersistentConnection", Code: cuerrors.CodeConflict, Severity: errorLevel,
		Description: "PhoneConfig.PersistentConnection must not be set together with PersistentConnectionConfigs.", Source: srcReference},

	// The channel-specific lists.
	rUserConfigListRequired: {ID: "user-config.lists.required", Field: "", Code: cuerrors.CodeRequired, Severity: errorLevel,
		Description: "At least one of AutoAcceptConfigs, AfterContactWorkConfigs, PhoneNumberConfigs, PersistentConnectionConfigs and VoiceEnhancementConfigs must hold an element.", Source: srcReading11 + "; the model requires none"},
	rListElementRequired: {ID: "channel-configs.element.required", Field: channelList + "[i]", Code: cuerrors.CodeRequired, Severity: errorLevel,
		Description: "An element of a channel-specific list must not be null.", Source: srcModel},
	rListChannelRequired: {ID: "channel-configs.channel.required", Field: channelList + "[i].Channel", Code: cuerrors.CodeRequired, Severity: errorLevel,
		Description: "Channel must be present.", Source: srcModel},
	rListChannelEnum: {ID: "channel-configs.channel.enum", Field: channelList + "[i].Channel", Code: cuerrors.CodeEnum, Severity: errorLevel,
		Description: "Channel must be VOICE, CHAT, TASK or EMAIL.", Source: srcModel},
	rListChannelDuplicate: {ID: "channel-configs.channel.duplicate", Field: channelList + "[i].Channel", Code: cuerrors.CodeDuplicate, Severity: errorLevel,
		Description: "The same channel appears twice in one list.", Source: srcReference},
	rListChannelVoiceOnly: {ID: "channel-configs.channel.voice-only", Field: "PhoneNumberConfigs|PersistentConnectionConfigs|VoiceEnhancementConfigs[i].Channel", Code: cuerrors.CodeChannel, Severity: errorLevel,
		Description: "This configuration supports only the VOICE channel.", Source: srcReference},
	rAutoAcceptRequired: {ID: "auto-accept-configs.auto-accept.required", Field: "AutoAcceptConfigs[i].AutoAccept", Code: cuerrors.CodeRequired, Severity: errorLevel,
		Description: "AutoAccept must be present.", Source: srcModel},
	rAutoAcceptAgentFirstIgnored: {ID: "auto-accept-configs.agent-first-callback.ignored", Field: "AutoAcceptConfigs[i].AgentFirstCallbackAutoAccept", Code: cuerrors.CodeIgnored, Severity: warnLevel,
		Description: "AgentFirstCallbackAutoAccept has no effect on a channel other than VOICE.", Source: srcReference},
	rACWConfigRequired: {ID: "after-contact-work-configs.config.required", Field: "AfterContactWorkConfigs[i].AfterContactWorkConfig", Code: cuerrors.CodeRequired, Severity: errorLevel,
		Description: "AfterContactWorkConfig must be present.", Source: srcModel},
	rACWRange: {ID: "after-contact-work-configs.time-limit.range", Field: "AfterContactWorkConfigs[i].{AfterContactWorkConfig|AgentFirstCallbackAfterContactWorkConfig}.AfterContactWorkTimeLimit", Code: cuerrors.CodeRange, Severity: errorLevel,
		Description: "AfterContactWorkTimeLimit must be 0 to 2000000 seconds.", Source: srcModel},
	rACWAgentFirstIgnored: {ID: "after-contact-work-configs.agent-first-callback.ignored", Field: "AfterContactWorkConfigs[i].AgentFirstCallbackAfterContactWorkConfig", Code: cuerrors.CodeIgnored, Severity: warnLevel,
		Description: "AgentFirstCallbackAfterContactWorkConfig has no effect on a channel other than VOICE.", Source: srcReference},
	rNumberPhoneTypeRequired: {ID: "phone-number-configs.phone-type.required", Field: "PhoneNumberConfigs[i].PhoneType", Code: cuerrors.CodeRequired, Severity: errorLevel,
		Description: "PhoneType must be present.", Source: srcModel},
	rNumberPhoneTypeEnum: {ID: "phone-number-configs.phone-type.enum", Field: "PhoneNumberConfigs[i].PhoneType", Code: cuerrors.CodeEnum, Severity: errorLevel,
		Description: "PhoneType must be SOFT_PHONE or DESK_PHONE.", Source: srcModel},
	rNumberPattern: {ID: "phone-number-configs.phone-number.pattern", Field: "PhoneNumberConfigs[i].PhoneNumber", Code: cuerrors.CodePattern, Severity: errorLevel,
		Description: "PhoneNumber must be an E.164 number: + and 2 to 15 digits, the first not 0.", Source: srcModel},
	rNumberIncomplete: {ID: "phone-number-configs.phone-number.incomplete", Field: "PhoneNumberConfigs[i].PhoneNumber", Code: cuerrors.CodeIncomplete, Severity: warnLevel,
		Description: "PhoneType DESK_PHONE needs a PhoneNumber.", Source: srcReference},
	rNumberIgnored: {ID: "phone-number-configs.phone-number.ignored", Field: "PhoneNumberConfigs[i].PhoneNumber", Code: cuerrors.CodeIgnored, Severity: warnLevel,
		Description: "PhoneNumber has no effect with PhoneType SOFT_PHONE.", Source: srcReference},
	rPersistentRequired: {ID: "persistent-connection-configs.persistent-connection.required", Field: "PersistentConnectionConfigs[i].PersistentConnection", Code: cuerrors.CodeRequired, Severity: errorLevel,
		Description: "PersistentConnection must be present.", Source: srcModel},
	rVoiceModeRequired: {ID: "voice-enhancement-configs.mode.required", Field: "VoiceEnhancementConfigs[i].VoiceEnhancementMode", Code: cuerrors.CodeRequired, Severity: errorLevel,
		Description: "VoiceEnhancementMode must be present.", Source: srcModel},
	rVoiceModeEnum: {ID: "voice-enhancement-configs.mode.enum", Field: "VoiceEnhancementConfigs[i].VoiceEnhancementMode", Code: cuerrors.CodeEnum, Severity: errorLevel,
		Description: "VoiceEnhancementMode must be VOICE_ISOLATION, NOISE_SUPPRESSION or NONE.", Source: srcModel},

	// Reading a request document.
	rDocumentSyntax: {ID: "document.syntax", Field: "", Code: cuerrors.CodeSyntax, Severity: errorLevel,
		Description: "The document is not valid JSON, is empty, or holds more than one value.", Source: srcReading},
	rDocumentEncoding: {ID: "document.utf8", Field: "(member)", Code: cuerrors.CodeSyntax, Severity: errorLevel,
		Description: "The string is not valid UTF-8.", Source: srcReading},
	rDocumentType: {ID: "document.type", Field: "(member)", Code: cuerrors.CodeType, Severity: errorLevel,
		Description: "The value has the wrong JSON type.", Source: srcReading},
	rDocumentUnknown: {ID: "document.unknown", Field: "(member)", Code: cuerrors.CodeUnknown, Severity: errorLevel,
		Description: "The request has no such member.", Source: srcReading},
	rDocumentDuplicate: {ID: "document.duplicate", Field: "(member)", Code: cuerrors.CodeDuplicate, Severity: errorLevel,
		Description: "The member appears twice in one object.", Source: srcReading},
	rDocumentTooLarge: {ID: "document.size", Field: "", Code: cuerrors.CodeLength, Severity: errorLevel,
		Description: "The document is larger than the size limit.", Source: srcSpec},
	rDocumentTooDeep: {ID: "document.depth", Field: "(member)", Code: cuerrors.CodeSyntax, Severity: errorLevel,
		Description: "The value is nested deeper than the limit.", Source: srcSpec},
	rDocumentTooManyViolations: {ID: "document.violations", Field: "", Code: cuerrors.CodeCount, Severity: errorLevel,
		Description: "The document has more than 1000 reading violations; reading stopped there, and no other rule is checked.", Source: srcLimits},
	rLimitElements: {ID: "limit.elements", Field: "SecurityProfileIds|*Configs|Tags|tags|tagKeys", Code: cuerrors.CodeCount, Severity: errorLevel,
		Description: "The list or Tags has more than 100 entries, far more than the service allows; only the first 100 are checked.", Source: srcLimits},

	// A run of documents.
	rBatchUsernameDuplicate: {ID: "batch.username.duplicate", Field: "Username", Code: cuerrors.CodeDuplicate, Severity: errorLevel,
		Description: "Another request in this run creates the same Username in the same instance; the service would reject the second.", Source: srcCLI},

	// The instance checks (package awsconnect): what the instance holds.
	// Violations of these rows may add "Did you mean NAME (ID)?" to the
	// description when a resource of the instance is close.
	rInstanceExists: {ID: "instance.instance-id.reference", Field: "InstanceId", Code: cuerrors.CodeReference, Severity: errorLevel,
		Description: "No instance with this InstanceId exists (DescribeInstance finds none, or the ARN names another region or account).", Source: srcInstance},
	rInstanceSecurityProfile: {ID: "instance.security-profile-ids.reference", Field: "SecurityProfileIds[i]", Code: cuerrors.CodeReference, Severity: errorLevel,
		Description: "The instance has no security profile with this id.", Source: srcInstance + "; CreateUser answers ResourceNotFoundException"},
	rInstanceRoutingProfile: {ID: "instance.routing-profile-id.reference", Field: "RoutingProfileId", Code: cuerrors.CodeReference, Severity: errorLevel,
		Description: "The instance has no routing profile with this id.", Source: srcInstance + "; CreateUser answers ResourceNotFoundException"},
	rInstanceHierarchyGroup: {ID: "instance.hierarchy-group-id.reference", Field: "HierarchyGroupId", Code: cuerrors.CodeReference, Severity: errorLevel,
		Description: "The instance has no hierarchy group with this id.", Source: srcInstance + "; CreateUser answers ResourceNotFoundException"},
	rInstanceOtherARN: {ID: "instance.resource-arn.other", Field: "SecurityProfileIds[i]|RoutingProfileId|HierarchyGroupId", Code: cuerrors.CodeReference, Severity: errorLevel,
		Description: "The ARN names a resource of another instance, region or account, or of another kind.", Source: srcInstance},
	rInstanceUsernameTaken: {ID: "instance.username.duplicate", Field: "Username", Code: cuerrors.CodeDuplicate, Severity: errorLevel,
		Description: "The instance already has a user with this Username (compared exactly); CreateUser would answer DuplicateResourceException.", Source: srcInstance},
	rNameSecurityProfile: {ID: "names.security-profile.reference", Field: "SecurityProfileIds[i]", Code: cuerrors.CodeReference, Severity: errorLevel,
		Description: "The instance has no security profile with this name (names are case-sensitive).", Source: srcInstance},
	rNameRoutingProfile: {ID: "names.routing-profile.reference", Field: "RoutingProfileId", Code: cuerrors.CodeReference, Severity: errorLevel,
		Description: "The instance has no routing profile with this name (names are case-sensitive).", Source: srcInstance},
	rNameHierarchyGroup: {ID: "names.hierarchy-group.reference", Field: "HierarchyGroupId", Code: cuerrors.CodeReference, Severity: errorLevel,
		Description: "The instance has no hierarchy group with this path of names from the top level (names are case-sensitive).", Source: srcInstance},
}

// modeSet is a set of identity management types, as bits.
type modeSet uint8

const (
	modeCM modeSet = 1 << iota
	modeSAML
	modeED
	modeAll = modeCM | modeSAML | modeED
)

func modesOf(t identity.Type) modeSet {
	switch t {
	case identity.ConnectManaged:
		return modeCM
	case identity.SAML:
		return modeSAML
	case identity.ExistingDirectory:
		return modeED
	}
	return modeAll
}

// ruleModes holds, per row, the identity types it applies to.
var ruleModes = func() (m [ruleCount]modeSet) {
	for i := range catalog {
		if len(catalog[i].Identity) == 0 {
			m[i] = modeAll
			continue
		}
		for _, t := range catalog[i].Identity {
			m[i] |= modesOf(t)
		}
	}
	return m
}()

// Rules returns the rule catalog: every rule the library checks, in the
// order in which violations are reported. The slice is a copy.
func Rules() []Rule {
	out := make([]Rule, len(catalog))
	copy(out, catalog[:])
	for i := range out {
		out[i].Identity = append([]identity.Type(nil), out[i].Identity...)
		out[i].Operations = ruleOperations[i].list()
	}
	return out
}

const (
	errorLevel  = cuerrors.SeverityError
	warnLevel   = cuerrors.SeverityWarning
	channelList = "*Configs" // any of the five channel-specific lists
)

// violation returns the violation of row r at field, with the row's code,
// severity, id and message.
func violation(r ruleIndex, field cuerrors.Path) cuerrors.Violation {
	row := &catalog[r]
	return cuerrors.Violation{Field: field, Code: row.Code, Severity: row.Severity, Rule: row.ID, Message: row.Description}
}
