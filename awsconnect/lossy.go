package awsconnect

import (
	cuerrors "github.com/connectkit/createuser/errors"
	"github.com/connectkit/createuser/user"
)

// lossyIndex names a row of lossyCatalog.
type lossyIndex uint8

const (
	lPhoneTypeEmpty lossyIndex = iota
	lPhoneAutoAcceptFalse
	lPhoneACWZero
	lPhoneACWInt32
	lAutoAcceptAbsent
	lACWZero
	lACWInt32
	lInvalidUTF8
	lossyCount
)

// srcSDK names the code whose behaviour the lossy rules describe.
const srcSDK = "aws-sdk-go-v2/service/connect types.go and serializers.go"

// lossyCatalog is every way in which ToSDK can fail to carry a request
// exactly: what aws-sdk-go-v2 cannot express. Each row's violations are
// warnings; the request still converts.
var lossyCatalog = [lossyCount]user.Rule{
	lPhoneTypeEmpty: {ID: "awsconnect.lossy.phone-config.phone-type.empty", Field: "PhoneConfig.PhoneType",
		Code: cuerrors.CodeIgnored, Severity: cuerrors.SeverityWarning,
		Description: "aws-sdk-go-v2 cannot send an empty PhoneConfig.PhoneType (it omits the empty enum); the member is left out of the request.",
		Source:      srcSDK + " (UserPhoneConfig.PhoneType is a plain string, sent only when non-empty)"},
	lPhoneAutoAcceptFalse: {ID: "awsconnect.lossy.phone-config.auto-accept.false", Field: "PhoneConfig.AutoAccept",
		Code: cuerrors.CodeIgnored, Severity: cuerrors.SeverityWarning,
		Description: "aws-sdk-go-v2 cannot send PhoneConfig.AutoAccept false (it omits false); the member is left out of the request.",
		Source:      srcSDK + " (UserPhoneConfig.AutoAccept is a plain bool, sent only when true)"},
	lPhoneACWZero: {ID: "awsconnect.lossy.phone-config.after-contact-work-time-limit.zero", Field: "PhoneConfig.AfterContactWorkTimeLimit",
		Code: cuerrors.CodeIgnored, Severity: cuerrors.SeverityWarning,
		Description: "aws-sdk-go-v2 cannot send PhoneConfig.AfterContactWorkTimeLimit 0 (indefinite; it omits 0); the member is left out of the request.",
		Source:      srcSDK + " (UserPhoneConfig.AfterContactWorkTimeLimit is a plain int32, sent only when non-zero)"},
	lPhoneACWInt32: {ID: "awsconnect.lossy.phone-config.after-contact-work-time-limit.int32", Field: "PhoneConfig.AfterContactWorkTimeLimit",
		Code: cuerrors.CodeRange, Severity: cuerrors.SeverityWarning,
		Description: "PhoneConfig.AfterContactWorkTimeLimit does not fit the SDK's int32 (-2147483648 to 2147483647); the nearest int32 is sent instead.",
		Source:      srcSDK + " (UserPhoneConfig.AfterContactWorkTimeLimit is an int32)"},
	lAutoAcceptAbsent: {ID: "awsconnect.lossy.auto-accept-configs.auto-accept.absent", Field: "AutoAcceptConfigs[i].AutoAccept",
		Code: cuerrors.CodeRequired, Severity: cuerrors.SeverityWarning,
		Description: "aws-sdk-go-v2 always sends AutoAccept (a plain bool) and cannot leave it out; the absent member is sent as false.",
		Source:      srcSDK + " (AutoAcceptConfig.AutoAccept is a plain bool, always sent)"},
	lACWZero: {ID: "awsconnect.lossy.after-contact-work-configs.time-limit.zero", Field: "AfterContactWorkConfigs[i].{AfterContactWorkConfig|AgentFirstCallbackAfterContactWorkConfig}.AfterContactWorkTimeLimit",
		Code: cuerrors.CodeIgnored, Severity: cuerrors.SeverityWarning,
		Description: "aws-sdk-go-v2 cannot send an AfterContactWorkTimeLimit of 0 (indefinite; it omits 0); the member is left out of the request.",
		Source:      srcSDK + " (AfterContactWorkConfig.AfterContactWorkTimeLimit is a plain int32, sent only when non-zero)"},
	lACWInt32: {ID: "awsconnect.lossy.after-contact-work-configs.time-limit.int32", Field: "AfterContactWorkConfigs[i].{AfterContactWorkConfig|AgentFirstCallbackAfterContactWorkConfig}.AfterContactWorkTimeLimit",
		Code: cuerrors.CodeRange, Severity: cuerrors.SeverityWarning,
		Description: "AfterContactWorkTimeLimit does not fit the SDK's int32 (-2147483648 to 2147483647); the nearest int32 is sent instead.",
		Source:      srcSDK + " (AfterContactWorkConfig.AfterContactWorkTimeLimit is an int32)"},
	lInvalidUTF8: {ID: "awsconnect.lossy.utf8", Field: "(any string member of the JSON body)",
		Code: cuerrors.CodeSyntax, Severity: cuerrors.SeverityWarning,
		Description: "The string is not valid UTF-8: the SDK's JSON encoding sends U+FFFD in place of each invalid byte, a value the request never held.",
		Source:      srcSDK + " (smithy-go's JSON encoder, like encoding/json, replaces invalid UTF-8)"},
}

// LossyRules returns every way in which [ToSDK] (and the conversions of
// the update operations, [ToSDKRequest], for the same members) can fail
// to carry a request exactly, as rows in the shape of the rule catalog
// ([user.Rules]): each is reported as a warning at the member's wire
// path, with the row's ID as the violation's Rule. The slice is a copy.
//
// Everything else converts exactly. Enum members (Channel, PhoneType,
// VoiceEnhancementMode) are strings in the SDK too, so values outside the
// enums pass through unchanged. Empty lists and maps are left out in both
// encodings ([user.CreateUserInput.Body] omits them as well), so they are
// no loss.
func LossyRules() []user.Rule {
	out := make([]user.Rule, len(lossyCatalog))
	copy(out, lossyCatalog[:])
	return out
}

// lossy returns the violation of row r at field, carrying value v.
func lossy(r lossyIndex, field cuerrors.Path, v cuerrors.Value) cuerrors.Violation {
	row := &lossyCatalog[r]
	return cuerrors.Violation{
		Field:    field,
		Code:     row.Code,
		Severity: row.Severity,
		Rule:     row.ID,
		Message:  row.Description,
		Value:    v,
	}
}
