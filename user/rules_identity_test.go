package user

import (
	"strings"
	"testing"

	cuerrors "github.com/connectkit/createuser/errors"
	"github.com/connectkit/createuser/identity"
)

// SPEC section 4, "Top level": IdentityInfo and DirectoryUserId, the rows
// that most depend on the identity management type.

func TestIdentityInfoRules(t *testing.T)    { runRuleCases(t, identityInfoCases) }
func TestDirectoryUserIDRules(t *testing.T) { runRuleCases(t, directoryUserIDCases) }

func setFirstName(s string) func(*CreateUserInput) {
	return func(in *CreateUserInput) { in.IdentityInfo.FirstName = new(identity.Secret(s)) }
}

func setLastName(s string) func(*CreateUserInput) {
	return func(in *CreateUserInput) { in.IdentityInfo.LastName = new(identity.Secret(s)) }
}

func setEmail(s string) func(*CreateUserInput) {
	return func(in *CreateUserInput) { in.IdentityInfo.Email = new(identity.Secret(s)) }
}

func setSecondaryEmail(s string) func(*CreateUserInput) {
	return func(in *CreateUserInput) { in.IdentityInfo.SecondaryEmail = new(identity.Secret(s)) }
}

func setMobile(s string) func(*CreateUserInput) {
	return func(in *CreateUserInput) { in.IdentityInfo.Mobile = new(identity.Secret(s)) }
}

// emailOf returns a valid email address of n characters (n >= 8).
func emailOf(n int) string {
	const domain = "@example.com"
	return strings.Repeat("m", n-len(domain)) + domain
}

var (
	firstNameRequired = ve("IdentityInfo.FirstName", cuerrors.CodeRequired)
	lastNameRequired  = ve("IdentityInfo.LastName", cuerrors.CodeRequired)
	emailRequired     = vw("IdentityInfo.Email", cuerrors.CodeRequired)
	emailForbidden    = vw("IdentityInfo.Email", cuerrors.CodeForbidden)
	emailPattern      = ve("IdentityInfo.Email", cuerrors.CodePattern)
	emailLength       = ve("IdentityInfo.Email", cuerrors.CodeLength)
	lastNameLength    = ve("IdentityInfo.LastName", cuerrors.CodeLength)
	mobilePattern     = everyType(ve("IdentityInfo.Mobile", cuerrors.CodePattern))
)

// emailCase is an IdentityInfo.Email value case: the value's own
// violations are the same under every type, and SAML adds the forbidden
// warning (a primary email is present).
func emailCase(name, email string, value ...cuerrors.Want) ruleCase {
	saml := append([]cuerrors.Want{emailForbidden}, value...)
	return ruleCase{name: name, mutate: setEmail(email),
		want:   perType{cm: value, saml: saml, ed: value, unknown: value},
		detail: []ruleDetail{{field: "IdentityInfo.Email", code: cuerrors.CodeForbidden}}}
}

var identityInfoCases = []ruleCase{
	// Required at the leaf, even without the parent object.
	{name: "IdentityInfo absent reports the required leaves", mutate: func(in *CreateUserInput) { in.IdentityInfo = nil },
		want: perType{
			cm:   []cuerrors.Want{firstNameRequired, lastNameRequired, emailRequired},
			saml: []cuerrors.Want{firstNameRequired, lastNameRequired},
		}},
	{name: "IdentityInfo empty reports the required leaves", mutate: func(in *CreateUserInput) { in.IdentityInfo = &identity.Info{} },
		want: perType{
			cm:   []cuerrors.Want{firstNameRequired, lastNameRequired, emailRequired},
			saml: []cuerrors.Want{firstNameRequired, lastNameRequired},
		}},

	// FirstName.
	{name: "FirstName absent is required under CM and SAML", mutate: func(in *CreateUserInput) { in.IdentityInfo.FirstName = nil },
		want:   perType{cm: []cuerrors.Want{firstNameRequired}, saml: []cuerrors.Want{firstNameRequired}},
		detail: []ruleDetail{{field: "IdentityInfo.FirstName", code: cuerrors.CodeRequired}}},
	{name: "FirstName empty is required under CM and SAML", mutate: setFirstName(""),
		want: perType{cm: []cuerrors.Want{firstNameRequired}, saml: []cuerrors.Want{firstNameRequired}}},
	{name: "FirstName of 255 characters passes", mutate: setFirstName(strings.Repeat("m", 255)),
		want: everyType()},
	{name: "FirstName of 256 characters is too long", mutate: setFirstName(strings.Repeat("m", 256)),
		want:   everyType(ve("IdentityInfo.FirstName", cuerrors.CodeLength)),
		detail: []ruleDetail{{field: "IdentityInfo.FirstName", code: cuerrors.CodeLength}}},
	{name: "FirstName of 255 two-byte code points passes", mutate: setFirstName(strings.Repeat("é", 255)),
		want: everyType()},
	{name: "FirstName of 255 four-byte code points passes", mutate: setFirstName(strings.Repeat("𝔐", 255)),
		want: everyType()},
	{name: "FirstName of 256 two-byte code points is too long", mutate: setFirstName(strings.Repeat("é", 256)),
		want: everyType(ve("IdentityInfo.FirstName", cuerrors.CodeLength))},
	{name: "FirstName precomposed é passes", mutate: setFirstName("José"),
		want: everyType()},
	{name: "FirstName e with combining acute U+0301 is not NFC", mutate: setFirstName("Jose\u0301"),
		want:   everyType(ve("IdentityInfo.FirstName", cuerrors.CodeNormalization)),
		detail: []ruleDetail{{field: "IdentityInfo.FirstName", code: cuerrors.CodeNormalization}}},
	{name: "FirstName q with combining acute is NFC (no precomposed form)", mutate: setFirstName("q\u0301"),
		want: everyType()},
	{name: "FirstName too long and not NFC", mutate: setFirstName(strings.Repeat("m", 255) + "e\u0301"),
		want: everyType(ve("IdentityInfo.FirstName", cuerrors.CodeLength), ve("IdentityInfo.FirstName", cuerrors.CodeNormalization))},

	// LastName: 256 under CM, 300 under SAML, ED and unknown.
	{name: "LastName absent is required under CM and SAML", mutate: func(in *CreateUserInput) { in.IdentityInfo.LastName = nil },
		want: perType{cm: []cuerrors.Want{lastNameRequired}, saml: []cuerrors.Want{lastNameRequired}}},
	{name: "LastName empty is required under CM and SAML", mutate: setLastName(""),
		want: perType{cm: []cuerrors.Want{lastNameRequired}, saml: []cuerrors.Want{lastNameRequired}}},
	{name: "LastName of 256 characters passes", mutate: setLastName(strings.Repeat("m", 256)),
		want: everyType()},
	{name: "LastName of 257 characters is too long under CM only", mutate: setLastName(strings.Repeat("m", 257)),
		want: perType{cm: []cuerrors.Want{lastNameLength}}},
	{name: "LastName of 257 two-byte code points is too long under CM only", mutate: setLastName(strings.Repeat("ü", 257)),
		want: perType{cm: []cuerrors.Want{lastNameLength}}},
	{name: "LastName of 300 characters is too long under CM only", mutate: setLastName(strings.Repeat("m", 300)),
		want: perType{cm: []cuerrors.Want{lastNameLength}}},
	{name: "LastName of 301 characters is too long everywhere", mutate: setLastName(strings.Repeat("m", 301)),
		want:   everyType(lastNameLength),
		detail: []ruleDetail{{field: "IdentityInfo.LastName", code: cuerrors.CodeLength}}},
	{name: "LastName u with combining diaeresis is not NFC", mutate: setLastName("Mu\u0308ller"),
		want: everyType(ve("IdentityInfo.LastName", cuerrors.CodeNormalization))},
	{name: "LastName precomposed ü passes", mutate: setLastName("Müller"),
		want: everyType()},

	// Email: CM wants it (warning), SAML forbids it (warning), the value
	// rules apply under every type.
	{name: "Email absent is a required warning under CM only", mutate: func(in *CreateUserInput) { in.IdentityInfo.Email = nil },
		want:   perType{cm: []cuerrors.Want{emailRequired}},
		detail: []ruleDetail{{field: "IdentityInfo.Email", code: cuerrors.CodeRequired}}},
	{name: "Email empty is a required warning and a pattern error under CM", mutate: setEmail(""),
		want: perType{
			cm:      []cuerrors.Want{emailRequired, emailPattern},
			saml:    []cuerrors.Want{emailForbidden, emailPattern},
			ed:      []cuerrors.Want{emailPattern},
			unknown: []cuerrors.Want{emailPattern},
		}},
	emailCase("Email valid is a forbidden warning under SAML only", "mary@example.com"),
	emailCase("Email without a top-level domain", "mary@example", emailPattern),
	emailCase("Email with a one-letter top-level domain", "mary@example.c", emailPattern),
	emailCase("Email with a two-letter top-level domain passes", "mary@example.co"),
	emailCase("Email with a 63-letter top-level domain passes", "mary@example."+strings.Repeat("c", 63)),
	emailCase("Email with a 64-letter top-level domain", "mary@example."+strings.Repeat("c", 64), emailPattern),
	emailCase("Email with a space", "mary major@example.com", emailPattern),
	emailCase("Email without a local part", "@example.com", emailPattern),
	emailCase("Email of 265 characters passes", emailOf(265)),
	emailCase("Email of 266 characters is too long", emailOf(266), emailLength),
	emailCase("Email of 266 characters without @ is too long and no address", strings.Repeat("m", 266), emailPattern, emailLength),

	// SecondaryEmail: the same value rules, under every type.
	{name: "SecondaryEmail valid passes", mutate: setSecondaryEmail("mary.major@example.org"),
		want: everyType()},
	{name: "SecondaryEmail empty is a pattern error", mutate: setSecondaryEmail(""),
		want: everyType(ve("IdentityInfo.SecondaryEmail", cuerrors.CodePattern))},
	{name: "SecondaryEmail without a top-level domain", mutate: setSecondaryEmail("mary@example"),
		want:   everyType(ve("IdentityInfo.SecondaryEmail", cuerrors.CodePattern)),
		detail: []ruleDetail{{field: "IdentityInfo.SecondaryEmail", code: cuerrors.CodePattern}}},
	{name: "SecondaryEmail of 265 characters passes", mutate: setSecondaryEmail(emailOf(265)),
		want: everyType()},
	{name: "SecondaryEmail of 266 characters is too long", mutate: setSecondaryEmail(emailOf(266)),
		want:   everyType(ve("IdentityInfo.SecondaryEmail", cuerrors.CodeLength)),
		detail: []ruleDetail{{field: "IdentityInfo.SecondaryEmail", code: cuerrors.CodeLength}}},

	// Mobile: E.164, + and 2 to 15 digits, the first not 0.
	{name: "Mobile +12 (2 digits) passes", mutate: setMobile("+12"), want: everyType()},
	{name: "Mobile +1 (1 digit) fails", mutate: setMobile("+1"), want: mobilePattern,
		detail: []ruleDetail{{field: "IdentityInfo.Mobile", code: cuerrors.CodePattern}}},
	{name: "Mobile of 15 digits passes", mutate: setMobile("+123456789012345"), want: everyType()},
	{name: "Mobile of 16 digits fails", mutate: setMobile("+1234567890123456"), want: mobilePattern},
	{name: "Mobile with a leading 0 fails", mutate: setMobile("+05555551212"), want: mobilePattern},
	{name: "Mobile without + fails", mutate: setMobile("15555551212"), want: mobilePattern},
	{name: "Mobile with spaces fails", mutate: setMobile("+1 555 555 1212"), want: mobilePattern},
	{name: "Mobile with a letter fails", mutate: setMobile("+1555555121a"), want: mobilePattern},
	{name: "Mobile empty fails", mutate: setMobile(""), want: mobilePattern},
}

var directoryUserIDCases = []ruleCase{
	// Forbidden under SAML (error), ignored under CM (warning), its
	// purpose under ED; unknown: no code under every type, so nothing.
	{name: "DirectoryUserId present", mutate: func(in *CreateUserInput) { in.DirectoryUserId = new("dir-user-1") },
		want: perType{
			cm:   []cuerrors.Want{vw("DirectoryUserId", cuerrors.CodeIgnored)},
			saml: []cuerrors.Want{ve("DirectoryUserId", cuerrors.CodeForbidden)},
		},
		detail: []ruleDetail{
			{field: "DirectoryUserId", code: cuerrors.CodeIgnored, value: "dir-user-1"},
			{field: "DirectoryUserId", code: cuerrors.CodeForbidden, value: "dir-user-1"},
		}},
	{name: "DirectoryUserId empty is a length error under every type", mutate: func(in *CreateUserInput) { in.DirectoryUserId = new("") },
		want: perType{
			cm:      []cuerrors.Want{vw("DirectoryUserId", cuerrors.CodeIgnored), ve("DirectoryUserId", cuerrors.CodeLength)},
			saml:    []cuerrors.Want{ve("DirectoryUserId", cuerrors.CodeForbidden), ve("DirectoryUserId", cuerrors.CodeLength)},
			ed:      []cuerrors.Want{ve("DirectoryUserId", cuerrors.CodeLength)},
			unknown: []cuerrors.Want{ve("DirectoryUserId", cuerrors.CodeLength)},
		},
		detail: []ruleDetail{{field: "DirectoryUserId", code: cuerrors.CodeLength, value: ""}}},
}
