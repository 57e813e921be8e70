package validatortags

import (
	"errors"
	"reflect"

	"github.com/go-playground/validator/v10"
	"golang.org/x/text/unicode/norm"

	"github.com/connectkit/createuser/channel"
	cuerrors "github.com/connectkit/createuser/errors"
	"github.com/connectkit/createuser/internal/pattern"
)

// Limits of the Connect rules the tags check (the service's API model).
const (
	maxInstanceID       = 100
	maxUsername         = 100
	minPassword         = 8
	maxPassword         = 64
	maxFirstName        = 255
	maxLastName         = 256 // CONNECT_MANAGED's limit, the strictest of the identity types
	maxEmail            = 265
	maxTagKey           = 128
	maxTagValue         = 256
	maxSecurityProfiles = 10
)

// The tags Register installs; the package documentation lists what each
// checks and the code it reports.
const (
	TagInstanceID           = "connect_instance_id"
	TagUsername             = "connect_username"
	TagPassword             = "connect_password"
	TagName                 = "connect_name"
	TagFirstName            = "connect_first_name"
	TagLastName             = "connect_last_name"
	TagEmail                = "connect_email"
	TagE164                 = "connect_e164"
	TagTagKey               = "connect_tag_key"
	TagTagValue             = "connect_tag_value"
	TagSecurityProfileIDs   = "connect_security_profile_ids"
	TagChannel              = "connect_channel"
	TagPhoneType            = "connect_phone_type"
	TagVoiceEnhancementMode = "connect_voice_enhancement_mode"
)

// check is one rule a connect_* tag enforces: its suffix in the rule id,
// its code and its fixed message.
type check struct {
	id      string
	code    cuerrors.Code
	message string
}

// stringCheck is a check over one string; ok reports whether s passes.
type stringCheck struct {
	check
	ok func(s string) bool
}

// connectTag is one connect_* tag: either a list of string checks or,
// for the security profile list, a list check.
type connectTag struct {
	name    string
	strings []stringCheck
	list    bool
}

// finding is one broken check. index is -1 for the member itself, or the
// element of a list; related is the index of the first occurrence of a
// duplicate, or -1.
type finding struct {
	check   *check
	index   int
	related int
}

// Checks of the security profile list.
var (
	profilesRequired = check{"required", cuerrors.CodeRequired, "At least one security profile id is required."}
	profilesCount    = check{"count", cuerrors.CodeCount, "At most 10 security profile ids are allowed."}
	profileRequired  = check{"element.required", cuerrors.CodeRequired, "A security profile id must not be empty."}
	profileDuplicate = check{"duplicate", cuerrors.CodeDuplicate, "The same security profile id appears twice (an ARN counts as the id it ends with)."}
)

// wrongType is reported when a connect_* tag sits on a field that cannot
// hold what it checks (an int under connect_username, say).
var wrongType = check{"type", cuerrors.CodeType, "The field's Go type does not fit this Connect rule (it needs a string, or a list of strings)."}

func maxLen(n int) func(string) bool {
	return func(s string) bool { return pattern.Length(s) <= n }
}

func nonEmpty(s string) bool { return s != "" }

func isNFC(s string) bool { return norm.NFC.IsNormalString(s) }

func nameChecks(limit int, length string) []stringCheck {
	return []stringCheck{
		{check{"length", cuerrors.CodeLength, length}, maxLen(limit)},
		{check{"normalization", cuerrors.CodeNormalization, "A name must be in Unicode Normalization Form C."}, isNFC},
	}
}

// connectTags is every tag Register installs, in the order of the
// package documentation. Within a tag, checks run (and report) in order.
var connectTags = []*connectTag{
	{name: TagInstanceID, strings: []stringCheck{
		{check{"required", cuerrors.CodeRequired, "An instance id must not be empty."}, nonEmpty},
		{check{"length", cuerrors.CodeLength, "An instance id must be at most 100 characters."}, maxLen(maxInstanceID)},
	}},
	{name: TagUsername, strings: []stringCheck{
		{check{"required", cuerrors.CodeRequired, "A username must not be empty."}, nonEmpty},
		{check{"length", cuerrors.CodeLength, "A username must be at most 100 characters."}, maxLen(maxUsername)},
		{check{"pattern", cuerrors.CodePattern, "A username may contain only A-Z, a-z, 0-9, _, -, . and @."}, pattern.UsernameChars},
	}},
	{name: TagPassword, strings: []stringCheck{
		{check{"length", cuerrors.CodeLength, "A password must be 8 to 64 characters."}, func(s string) bool {
			n := pattern.Length(s)
			return n >= minPassword && n <= maxPassword
		}},
		{check{"pattern", cuerrors.CodePattern, "A password must contain a lowercase letter (a-z), an uppercase letter (A-Z) and a digit (0-9), and no white space."}, pattern.Password},
	}},
	{name: TagName, strings: nameChecks(maxFirstName, "A name must be at most 255 characters.")},
	{name: TagFirstName, strings: nameChecks(maxFirstName, "A first name must be at most 255 characters.")},
	{name: TagLastName, strings: nameChecks(maxLastName, "A last name must be at most 256 characters.")},
	{name: TagEmail, strings: []stringCheck{
		{check{"pattern", cuerrors.CodePattern, "An email address must match " + pattern.EmailRegexp + "."}, pattern.Email},
		{check{"length", cuerrors.CodeLength, "An email address must be at most 265 characters."}, maxLen(maxEmail)},
	}},
	{name: TagE164, strings: []stringCheck{
		{check{"pattern", cuerrors.CodePattern, "A phone number must be in E.164 form: + and 2 to 15 digits, the first not 0."}, pattern.E164},
	}},
	{name: TagTagKey, strings: []stringCheck{
		{check{"length", cuerrors.CodeLength, "A tag key must be 1 to 128 characters."}, func(s string) bool {
			n := pattern.Length(s)
			return n >= 1 && n <= maxTagKey
		}},
		{check{"reserved", cuerrors.CodeReserved, "A tag key must not begin with aws: (in any letter case)."}, func(s string) bool { return !pattern.ReservedTagKey(s) }},
		{check{"pattern", cuerrors.CodePattern, "A tag key may contain only Unicode letters, numbers and separators and _ . : / = + - @."}, pattern.TagKey},
	}},
	{name: TagTagValue, strings: []stringCheck{
		{check{"length", cuerrors.CodeLength, "A tag value must be at most 256 characters."}, maxLen(maxTagValue)},
	}},
	{name: TagSecurityProfileIDs, list: true},
	{name: TagChannel, strings: []stringCheck{
		{check{"required", cuerrors.CodeRequired, "A channel must not be empty."}, nonEmpty},
		{check{"enum", cuerrors.CodeEnum, "A channel must be VOICE, CHAT, TASK or EMAIL."}, func(s string) bool { return s == "" || channel.Channel(s).Valid() }},
	}},
	{name: TagPhoneType, strings: []stringCheck{
		{check{"enum", cuerrors.CodeEnum, "A phone type must be SOFT_PHONE or DESK_PHONE."}, func(s string) bool { return channel.PhoneType(s).Valid() }},
	}},
	{name: TagVoiceEnhancementMode, strings: []stringCheck{
		{check{"required", cuerrors.CodeRequired, "A voice enhancement mode must not be empty."}, nonEmpty},
		{check{"enum", cuerrors.CodeEnum, "A voice enhancement mode must be VOICE_ISOLATION, NOISE_SUPPRESSION or NONE."}, func(s string) bool { return s == "" || channel.VoiceEnhancementMode(s).Valid() }},
	}},
}

// tagsByName indexes connectTags.
var tagsByName = func() map[string]*connectTag {
	m := make(map[string]*connectTag, len(connectTags))
	for _, t := range connectTags {
		m[t.name] = t
	}
	return m
}()

// Register installs every connect_* tag on v (see the package
// documentation for the list). Each tag checks a value when there is one:
// a nil pointer or interface is absent and passes, so that presence stays
// the business of validator's own required (and its variants). Register
// returns an error only when v is nil. Like every registration on a
// *validator.Validate, it must happen before v is used.
func Register(v *validator.Validate) error {
	if v == nil {
		return errors.New("validatortags: Register needs a non-nil *validator.Validate")
	}
	for _, t := range connectTags {
		if err := v.RegisterValidation(t.name, t.validate, true); err != nil {
			return err
		}
	}
	return nil
}

// validate is the validator.Func of t: it passes when nothing is found.
func (t *connectTag) validate(fl validator.FieldLevel) bool {
	rv, present := deref(fl.Field())
	if !present {
		return true
	}
	return len(t.findings(rv)) == 0
}

// deref follows pointers and interfaces; present is false at a nil.
func deref(rv reflect.Value) (_ reflect.Value, present bool) {
	for rv.Kind() == reflect.Pointer || rv.Kind() == reflect.Interface {
		if rv.IsNil() {
			return rv, false
		}
		rv = rv.Elem()
	}
	return rv, rv.IsValid()
}

// findings runs every check of t on a present value and returns the
// broken ones, in check order; nil when there is none.
func (t *connectTag) findings(rv reflect.Value) []finding {
	if t.list {
		return profileFindings(rv)
	}
	if rv.Kind() != reflect.String {
		return []finding{{check: &wrongType, index: -1, related: -1}}
	}
	return t.stringFindings(rv.String())
}

func (t *connectTag) stringFindings(s string) []finding {
	var out []finding
	for i := range t.strings {
		if !t.strings[i].ok(s) {
			out = append(out, finding{check: &t.strings[i].check, index: -1, related: -1})
		}
	}
	return out
}

// profileFindings checks a list of security profile ids: 1 to 10 ids,
// none empty (a nil element counts as empty), none twice, an ARN counting
// as the id it ends with. Duplicates are reported at the later index,
// related to the first, among non-empty ids only.
func profileFindings(rv reflect.Value) []finding {
	if rv.Kind() != reflect.Slice && rv.Kind() != reflect.Array {
		return []finding{{check: &wrongType, index: -1, related: -1}}
	}
	n := rv.Len()
	var out []finding
	switch {
	case n == 0:
		return []finding{{check: &profilesRequired, index: -1, related: -1}}
	case n > maxSecurityProfiles:
		out = append(out, finding{check: &profilesCount, index: -1, related: -1})
	}
	var first map[string]int
	for i := 0; i < n; i++ {
		el, present := deref(rv.Index(i))
		if present && el.Kind() != reflect.String {
			return []finding{{check: &wrongType, index: -1, related: -1}}
		}
		if !present || el.String() == "" {
			out = append(out, finding{check: &profileRequired, index: i, related: -1})
			continue
		}
		id := pattern.ARNID(el.String())
		if first == nil {
			first = make(map[string]int, n)
		}
		if j, dup := first[id]; dup {
			out = append(out, finding{check: &profileDuplicate, index: i, related: j})
			continue
		}
		first[id] = i
	}
	return out
}
