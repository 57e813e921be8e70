package user

import (
	"strconv"
	"strings"
	"testing"

	cuerrors "github.com/connectkit/createuser/errors"
	"github.com/connectkit/createuser/identity"
)

// SPEC section 4, "Top level": InstanceId, Username, Password,
// SecurityProfileIds, RoutingProfileId and HierarchyGroupId.

func TestInstanceAndUsernameRules(t *testing.T) { runRuleCases(t, instanceAndUsernameCases) }
func TestPasswordRules(t *testing.T)            { runRuleCases(t, passwordCases) }
func TestIDRules(t *testing.T)                  { runRuleCases(t, idsCases) }

const (
	exampleInstanceARN = "arn:aws:connect:us-west-2:123456789012:instance/a1b2c3d4-5678-90ab-cdef-EXAMPLE11111"
	exampleProfileID   = "12345678-1234-1234-1234-123456789012"
)

// setUsername returns a mutation that sets Username to s.
func setUsername(s string) func(*CreateUserInput) {
	return func(in *CreateUserInput) { in.Username = s }
}

// usernameCase is a Username case whose violations are wants at Username
// under each type, with the value checked.
func usernameCase(name, username string, want perType) ruleCase {
	tc := ruleCase{name: name, mutate: setUsername(username), want: want}
	for _, w := range [][]cuerrors.Want{want.cm, want.saml, want.ed, want.unknown} {
		if len(w) > 0 && w[0].Code != cuerrors.CodeRequired {
			tc.detail = []ruleDetail{{field: "Username", code: w[0].Code, value: username}}
			break
		}
	}
	return tc
}

var (
	usernameLengthError   = ve("Username", cuerrors.CodeLength)
	usernameLengthWarning = vw("Username", cuerrors.CodeLength)
	usernamePatternError  = ve("Username", cuerrors.CodePattern)
	usernameEmailWarning  = vw("Username", cuerrors.CodePattern)
	// usernameOverSAML is the answer for 65 to 100 characters: an error
	// under SAML, the documented-limit warning under CM and ED, so a
	// warning under unknown.
	usernameOverSAML = perType{
		cm:      []cuerrors.Want{usernameLengthWarning},
		saml:    []cuerrors.Want{usernameLengthError},
		ed:      []cuerrors.Want{usernameLengthWarning},
		unknown: []cuerrors.Want{usernameLengthWarning},
	}
	// usernameOverDocumented is the answer for 21 to 64 characters.
	usernameOverDocumented = perType{
		cm: []cuerrors.Want{usernameLengthWarning},
		ed: []cuerrors.Want{usernameLengthWarning},
	}
)

var instanceAndUsernameCases = []ruleCase{
	// InstanceId.
	{name: "InstanceId empty is required", mutate: func(in *CreateUserInput) { in.InstanceId = "" },
		want:   everyType(ve("InstanceId", cuerrors.CodeRequired)),
		detail: []ruleDetail{{field: "InstanceId", code: cuerrors.CodeRequired}}},
	{name: "InstanceId of 100 characters passes", mutate: func(in *CreateUserInput) { in.InstanceId = strings.Repeat("i", 100) },
		want: everyType()},
	{name: "InstanceId of 101 characters is too long", mutate: func(in *CreateUserInput) { in.InstanceId = strings.Repeat("i", 101) },
		want:   everyType(ve("InstanceId", cuerrors.CodeLength)),
		detail: []ruleDetail{{field: "InstanceId", code: cuerrors.CodeLength, value: strings.Repeat("i", 101)}}},
	{name: "InstanceId of 100 two-byte code points passes", mutate: func(in *CreateUserInput) { in.InstanceId = strings.Repeat("é", 100) },
		want: everyType()},
	{name: "InstanceId of 101 two-byte code points is too long", mutate: func(in *CreateUserInput) { in.InstanceId = strings.Repeat("é", 101) },
		want: everyType(ve("InstanceId", cuerrors.CodeLength))},
	{name: "InstanceId as an ARN passes", mutate: func(in *CreateUserInput) { in.InstanceId = exampleInstanceARN },
		want: everyType()},
	{name: "InstanceId . is a dot segment", mutate: func(in *CreateUserInput) { in.InstanceId = "." },
		want:   everyType(ve("InstanceId", cuerrors.CodePattern)),
		detail: []ruleDetail{{field: "InstanceId", code: cuerrors.CodePattern, value: "."}}},
	{name: "InstanceId .. is a dot segment", mutate: func(in *CreateUserInput) { in.InstanceId = ".." },
		want:   everyType(ve("InstanceId", cuerrors.CodePattern)),
		detail: []ruleDetail{{field: "InstanceId", code: cuerrors.CodePattern, value: ".."}}},
	{name: "InstanceId ... is no dot segment", mutate: func(in *CreateUserInput) { in.InstanceId = "..." },
		want: everyType()},
	{name: "InstanceId .a is no dot segment", mutate: func(in *CreateUserInput) { in.InstanceId = ".a" },
		want: everyType()},

	// Username: required.
	{name: "Username empty is required", mutate: setUsername(""),
		want:   everyType(ve("Username", cuerrors.CodeRequired)),
		detail: []ruleDetail{{field: "Username", code: cuerrors.CodeRequired, value: anyValue}}},

	// Username: lengths. SAML at least 2 (warning), CM and ED at most 20
	// (warning), SAML at most 64 (error), every type at most 100 (error).
	usernameCase("Username of 1 character is short under SAML only", "a", perType{
		saml: []cuerrors.Want{usernameLengthWarning}}),
	usernameCase("Username of 2 characters passes", "ab", everyType()),
	usernameCase("Username of 20 characters passes", strings.Repeat("u", 20), everyType()),
	usernameCase("Username of 21 characters is over the documented limit under CM and ED", strings.Repeat("u", 21), usernameOverDocumented),
	usernameCase("Username of 64 characters is over the documented limit under CM and ED", strings.Repeat("u", 64), usernameOverDocumented),
	usernameCase("Username of 65 characters is an error under SAML and a warning otherwise", strings.Repeat("u", 65), usernameOverSAML),
	usernameCase("Username of 70 characters is a warning under unknown", strings.Repeat("u", 70), usernameOverSAML),
	usernameCase("Username of 100 characters is an error under SAML only", strings.Repeat("u", 100), usernameOverSAML),
	usernameCase("Username of 101 characters is an error everywhere", strings.Repeat("u", 101), everyType(usernameLengthError)),
	usernameCase("Username of 120 characters is one length error", strings.Repeat("u", 120), everyType(usernameLengthError)),
	usernameCase("Username email of 27 characters is over the documented limit", "mary.major.long@example.com", usernameOverDocumented),

	// Username: characters.
	usernameCase("Username with every allowed character passes", "A-z_0.9@x.io", everyType()),
	usernameCase("Username with a space is a pattern error", "mary major", everyType(usernamePatternError)),
	usernameCase("Username with a slash is a pattern error", "mary/major", everyType(usernamePatternError)),
	usernameCase("Username with a non-ASCII letter is a pattern error", "maryé", everyType(usernamePatternError)),
	usernameCase("Username with a plus is a pattern error", "mary+1", everyType(usernamePatternError)),

	// Username: with @, an email address is wanted (warning).
	usernameCase("Username that is an email address passes", "mary@example.com", everyType()),
	usernameCase("Username testuser@example is not an email address", "testuser@example", everyType(usernameEmailWarning)),
	usernameCase("Username alias@id@org is not an email address", "alias@id@org", everyType(usernameEmailWarning)),
	usernameCase("Username ending in @ is not an email address", "mary@", everyType(usernameEmailWarning)),
	usernameCase("Username @ alone is short under SAML and not an email address", "@", perType{
		cm:      []cuerrors.Want{usernameEmailWarning},
		saml:    []cuerrors.Want{usernameLengthWarning, usernameEmailWarning},
		ed:      []cuerrors.Want{usernameEmailWarning},
		unknown: []cuerrors.Want{usernameEmailWarning},
	}),
	usernameCase("Username pattern error hides the email pattern warning", "mary major@example", everyType(usernamePatternError)),
	usernameCase("Username of 70 characters with a space", strings.Repeat("u", 65)+" mary", perType{
		cm:      []cuerrors.Want{usernameLengthWarning, usernamePatternError},
		saml:    []cuerrors.Want{usernameLengthError, usernamePatternError},
		ed:      []cuerrors.Want{usernameLengthWarning, usernamePatternError},
		unknown: []cuerrors.Want{usernameLengthWarning, usernamePatternError},
	}),
}

// setPassword returns a mutation that sets Password to s.
func setPassword(s string) func(*CreateUserInput) {
	return func(in *CreateUserInput) { in.Password = new(identity.Secret(s)) }
}

// passwordCase is a Password value case: the violations of the value
// itself (length, pattern) are the same under every type; SAML and ED add
// forbidden, and CM and unknown report no forbidden.
func passwordCase(name, password string, codes ...cuerrors.Code) ruleCase {
	var value, fed []cuerrors.Want
	fed = append(fed, ve("Password", cuerrors.CodeForbidden))
	for _, c := range codes {
		value = append(value, ve("Password", c))
		fed = append(fed, ve("Password", c))
	}
	return ruleCase{name: name, mutate: setPassword(password),
		want:   perType{cm: value, saml: fed, ed: fed, unknown: value},
		detail: []ruleDetail{{field: "Password", code: cuerrors.CodeForbidden, value: nil}}}
}

var passwordCases = []ruleCase{
	{name: "Password absent is required under CM only", mutate: func(in *CreateUserInput) { in.Password = nil },
		want: perType{cm: []cuerrors.Want{ve("Password", cuerrors.CodeRequired)}}},
	// CM: the required error silences length and pattern. SAML, ED: "" is
	// present, so forbidden, and the value rules still apply. Unknown: no
	// code is reported under every type, so nothing (see the report).
	{name: "Password empty is required under CM and forbidden under SAML and ED", mutate: setPassword(""),
		want: perType{
			cm:   []cuerrors.Want{ve("Password", cuerrors.CodeRequired)},
			saml: []cuerrors.Want{ve("Password", cuerrors.CodeForbidden), ve("Password", cuerrors.CodeLength), ve("Password", cuerrors.CodePattern)},
			ed:   []cuerrors.Want{ve("Password", cuerrors.CodeForbidden), ve("Password", cuerrors.CodeLength), ve("Password", cuerrors.CodePattern)},
		},
		detail: []ruleDetail{{field: "Password", code: cuerrors.CodeRequired}, {field: "Password", code: cuerrors.CodeLength}}},
	passwordCase("Password abc is forbidden under SAML and still checked", "abc", cuerrors.CodeLength, cuerrors.CodePattern),
	passwordCase("Password of 7 characters is too short", "Passw0r", cuerrors.CodeLength),
	passwordCase("Password of 8 characters passes", "Passw0rd"),
	passwordCase("Password of 64 characters passes", "Passw0rd"+strings.Repeat("x", 56)),
	passwordCase("Password of 65 characters is too long", "Passw0rd"+strings.Repeat("x", 57), cuerrors.CodeLength),
	passwordCase("Password of 8 code points in 9 bytes passes", "Pässw0rd"),
	passwordCase("Password of 7 code points in 8 bytes is too short", "Pässw0r", cuerrors.CodeLength),
	passwordCase("Password of 64 two-byte code points passes", "Pa0"+strings.Repeat("é", 61)),
	passwordCase("Password of 65 two-byte code points is too long", "Pa0"+strings.Repeat("é", 62), cuerrors.CodeLength),
	passwordCase("Password without a digit", "Password", cuerrors.CodePattern),
	passwordCase("Password without an upper-case letter", "passw0rd", cuerrors.CodePattern),
	passwordCase("Password without a lower-case letter", "PASSW0RD", cuerrors.CodePattern),
	passwordCase("Password whose only upper-case letter is not A-Z", "Üpassw0rd", cuerrors.CodePattern),
	passwordCase("Password with a space", "Passw0rd here", cuerrors.CodePattern),
	passwordCase("Password with a tab", "Passw0rd\there", cuerrors.CodePattern),
	passwordCase("Password with a no-break space U+00A0", "Passw0rd\u00a0here", cuerrors.CodePattern),
	passwordCase("Password with an ideographic space U+3000", "Passw0rd\u3000here", cuerrors.CodePattern),
	passwordCase("Password with non-ASCII symbols passes", "Passw0rd€§ü!"),
	passwordCase("Password too short, without digit and with a space", "a B", cuerrors.CodeLength, cuerrors.CodePattern),
}

// ids returns n distinct security profile ids.
func ids(n int) []string {
	out := make([]string, n)
	for i := range out {
		out[i] = "profile-" + strconv.Itoa(i)
	}
	return out
}

// profileARN returns the ARN of the security profile id in partition.
func profileARN(partition, instance, id string) string {
	return "arn:" + partition + ":connect:us-west-2:123456789012:instance/" + instance + "/security-profile/" + id
}

func setProfiles(list ...string) func(*CreateUserInput) {
	return func(in *CreateUserInput) { in.SecurityProfileIds = list }
}

func duplicateProfile(at, first int, value string) ruleDetail {
	return ruleDetail{
		field:   "SecurityProfileIds[" + strconv.Itoa(at) + "]",
		code:    cuerrors.CodeDuplicate,
		related: []string{"SecurityProfileIds[" + strconv.Itoa(first) + "]"},
		value:   value,
	}
}

var idsCases = []ruleCase{
	// SecurityProfileIds.
	{name: "SecurityProfileIds absent is required", mutate: setProfiles(),
		want: everyType(ve("SecurityProfileIds", cuerrors.CodeRequired))},
	{name: "SecurityProfileIds empty list is required", mutate: setProfiles([]string{}...),
		want: everyType(ve("SecurityProfileIds", cuerrors.CodeRequired))},
	{name: "SecurityProfileIds of 10 passes", mutate: setProfiles(ids(10)...),
		want: everyType()},
	{name: "SecurityProfileIds of 11 is too many", mutate: setProfiles(ids(11)...),
		want:   everyType(ve("SecurityProfileIds", cuerrors.CodeCount)),
		detail: []ruleDetail{{field: "SecurityProfileIds", code: cuerrors.CodeCount, value: int64(11)}}},
	// Past MaxCheckedElements only the first ids are checked (limits.go):
	// the limit rule and the count rule both give the real length.
	{name: "SecurityProfileIds of 101 are checked on the first 100", mutate: setProfiles(append(ids(100), "")...),
		want:   everyType(ve("SecurityProfileIds", cuerrors.CodeCount), ve("SecurityProfileIds", cuerrors.CodeCount)),
		detail: []ruleDetail{{field: "SecurityProfileIds", code: cuerrors.CodeCount, value: int64(101)}}},
	{name: "SecurityProfileIds empty element is required", mutate: setProfiles(exampleProfileID, ""),
		want: everyType(ve("SecurityProfileIds[1]", cuerrors.CodeRequired))},
	{name: "SecurityProfileIds two empty elements are no duplicate", mutate: setProfiles("", ""),
		want: everyType(ve("SecurityProfileIds[0]", cuerrors.CodeRequired), ve("SecurityProfileIds[1]", cuerrors.CodeRequired))},
	{name: "SecurityProfileIds duplicate at the later index", mutate: setProfiles("a", "b", "a"),
		want:   everyType(ve("SecurityProfileIds[2]", cuerrors.CodeDuplicate)),
		detail: []ruleDetail{duplicateProfile(2, 0, "a")}},
	{name: "SecurityProfileIds three times relate to the first", mutate: setProfiles("a", "a", "a"),
		want:   everyType(ve("SecurityProfileIds[1]", cuerrors.CodeDuplicate), ve("SecurityProfileIds[2]", cuerrors.CodeDuplicate)),
		detail: []ruleDetail{duplicateProfile(1, 0, "a"), duplicateProfile(2, 0, "a")}},
	{name: "SecurityProfileIds ARN alone passes", mutate: setProfiles(profileARN("aws", "i-1", exampleProfileID)),
		want: everyType()},
	{name: "SecurityProfileIds ARN after its id is a duplicate", mutate: setProfiles(exampleProfileID, profileARN("aws", "i-1", exampleProfileID)),
		want:   everyType(ve("SecurityProfileIds[1]", cuerrors.CodeDuplicate)),
		detail: []ruleDetail{duplicateProfile(1, 0, profileARN("aws", "i-1", exampleProfileID))}},
	{name: "SecurityProfileIds id after its ARN is a duplicate", mutate: setProfiles(profileARN("aws", "i-1", exampleProfileID), exampleProfileID),
		want:   everyType(ve("SecurityProfileIds[1]", cuerrors.CodeDuplicate)),
		detail: []ruleDetail{duplicateProfile(1, 0, exampleProfileID)}},
	{name: "SecurityProfileIds ARNs in other partitions and instances count as the id", mutate: setProfiles(profileARN("aws-cn", "i-1", "p"), profileARN("aws-us-gov", "i-2", "p")),
		want:   everyType(ve("SecurityProfileIds[1]", cuerrors.CodeDuplicate)),
		detail: []ruleDetail{duplicateProfile(1, 0, profileARN("aws-us-gov", "i-2", "p"))}},
	{name: "SecurityProfileIds instance ARN without a resource counts as the instance id", mutate: setProfiles("i-1", "arn:aws:connect:us-west-2:123456789012:instance/i-1"),
		want:   everyType(ve("SecurityProfileIds[1]", cuerrors.CodeDuplicate)),
		detail: []ruleDetail{duplicateProfile(1, 0, "arn:aws:connect:us-west-2:123456789012:instance/i-1")}},
	{name: "SecurityProfileIds ARN of another service is not its last segment", mutate: setProfiles("p", "arn:aws:iam::123456789012:role/p"),
		want: everyType()},
	{name: "SecurityProfileIds of 40 with a duplicate", mutate: func(in *CreateUserInput) {
		in.SecurityProfileIds = ids(40)
		in.SecurityProfileIds[35] = in.SecurityProfileIds[3]
	},
		want:   everyType(ve("SecurityProfileIds", cuerrors.CodeCount), ve("SecurityProfileIds[35]", cuerrors.CodeDuplicate)),
		detail: []ruleDetail{duplicateProfile(35, 3, "profile-3"), {field: "SecurityProfileIds", code: cuerrors.CodeCount, value: int64(40)}}},
	{name: "SecurityProfileIds of 40 with an empty element", mutate: func(in *CreateUserInput) {
		in.SecurityProfileIds = ids(40)
		in.SecurityProfileIds[20] = ""
		in.SecurityProfileIds[39] = ""
	},
		want: everyType(ve("SecurityProfileIds", cuerrors.CodeCount), ve("SecurityProfileIds[20]", cuerrors.CodeRequired), ve("SecurityProfileIds[39]", cuerrors.CodeRequired))},

	// RoutingProfileId.
	{name: "RoutingProfileId empty is required", mutate: func(in *CreateUserInput) { in.RoutingProfileId = "" },
		want: everyType(ve("RoutingProfileId", cuerrors.CodeRequired))},
	{name: "RoutingProfileId as an ARN passes", mutate: func(in *CreateUserInput) {
		in.RoutingProfileId = exampleInstanceARN + "/routing-profile/87654321-4321-4321-4321-210987654321"
	},
		want: everyType()},

	// HierarchyGroupId.
	{name: "HierarchyGroupId empty is a length error", mutate: func(in *CreateUserInput) { in.HierarchyGroupId = new("") },
		want:   everyType(ve("HierarchyGroupId", cuerrors.CodeLength)),
		detail: []ruleDetail{{field: "HierarchyGroupId", code: cuerrors.CodeLength, value: ""}}},
	{name: "HierarchyGroupId of one character passes", mutate: func(in *CreateUserInput) { in.HierarchyGroupId = new("h") },
		want: everyType()},
}
