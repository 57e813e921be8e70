package user

import (
	"encoding/json"
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/connectkit/createuser/channel"
	cuerrors "github.com/connectkit/createuser/errors"
	"github.com/connectkit/createuser/identity"
)

// decWant is shorthand for an expected error-severity violation.
func decWant(field string, code cuerrors.Code) cuerrors.Want {
	return cuerrors.Want{Field: field, Code: code, Severity: cuerrors.SeverityError}
}

// decPaths renders paths for comparison.
func decPaths(ps []cuerrors.Path) []string {
	out := make([]string, 0, len(ps))
	for _, p := range ps {
		out = append(out, p.String())
	}
	return out
}

// decCheckViolations checks what every reading violation must have: a
// known code, a severity, and the id and code of a catalog row.
func decCheckViolations(t testing.TB, list cuerrors.List) {
	t.Helper()
	for i := range list {
		v := &list[i]
		if !v.Code.Known() {
			t.Errorf("violation %d: unknown code %q", i, v.Code)
		}
		if v.Severity != cuerrors.SeverityError && v.Severity != cuerrors.SeverityWarning {
			t.Errorf("violation %d: no severity", i)
		}
		found := false
		for r := range catalog {
			if catalog[r].ID == v.Rule {
				found = true
				if catalog[r].Code != v.Code || catalog[r].Severity != v.Severity {
					t.Errorf("violation %d (%s): code %s %s, catalog says %s %s", i, v.Rule, v.Code, v.Severity, catalog[r].Code, catalog[r].Severity)
				}
			}
		}
		if !found {
			t.Errorf("violation %d: rule %q is not in the catalog", i, v.Rule)
		}
		if v.Message == "" {
			t.Errorf("violation %d (%s): empty message", i, v.Rule)
		}
	}
}

func TestDecodeValidMatchesEncodingJSON(t *testing.T) {
	full, err := json.MarshalIndent(fullRequest(), "", "\t")
	if err != nil {
		t.Fatal(err)
	}
	minimal, err := json.Marshal(minimalRequest())
	if err != nil {
		t.Fatal(err)
	}
	docs := []struct{ name, doc string }{
		{"full", string(full)},
		{"minimal", string(minimal)},
		{"empty object", `{}`},
		{"white space everywhere", " \t\r\n{ \"Username\" :\n\"a\" , \"Tags\" : { \"k\" : \"v\" } }\n\t "},
		{"present but empty", `{"IdentityInfo":{},"PhoneConfig":{},"SecurityProfileIds":[],"AutoAcceptConfigs":[],
			"AfterContactWorkConfigs":[{"AfterContactWorkConfig":{},"AgentFirstCallbackAfterContactWorkConfig":{}}],
			"PhoneNumberConfigs":[{}],"PersistentConnectionConfigs":[],"VoiceEnhancementConfigs":[],"Tags":{}}`},
		{"zero values", `{"Username":"","Password":"","DirectoryUserId":"","HierarchyGroupId":"",
			"PhoneConfig":{"PhoneType":"","AutoAccept":false,"AfterContactWorkTimeLimit":0,"DeskPhoneNumber":"","PersistentConnection":false}}`},
		{"every PhoneConfig member", `{"PhoneConfig":{"PhoneType":"DESK_PHONE","AutoAccept":true,"AfterContactWorkTimeLimit":2000000,
			"DeskPhoneNumber":"+15555551212","PersistentConnection":true},"DirectoryUserId":"d-1"}`},
		{"null is absent", `{"InstanceId":null,"Username":null,"Password":null,"IdentityInfo":null,"PhoneConfig":null,
			"DirectoryUserId":null,"SecurityProfileIds":null,"RoutingProfileId":null,"HierarchyGroupId":null,
			"AutoAcceptConfigs":null,"AfterContactWorkConfigs":null,"PhoneNumberConfigs":null,
			"PersistentConnectionConfigs":null,"VoiceEnhancementConfigs":null,"Tags":null}`},
		{"nested nulls", `{"IdentityInfo":{"FirstName":null,"LastName":null,"Email":null,"SecondaryEmail":null,"Mobile":null},
			"PhoneConfig":{"PhoneType":null,"AutoAccept":null,"AfterContactWorkTimeLimit":null,"DeskPhoneNumber":null,"PersistentConnection":null},
			"AutoAcceptConfigs":[{"Channel":null,"AutoAccept":null,"AgentFirstCallbackAutoAccept":null}],
			"AfterContactWorkConfigs":[{"Channel":null,"AfterContactWorkConfig":{"AfterContactWorkTimeLimit":null},"AgentFirstCallbackAfterContactWorkConfig":null}],
			"PhoneNumberConfigs":[{"Channel":null,"PhoneType":null,"PhoneNumber":null}],
			"PersistentConnectionConfigs":[{"Channel":null,"PersistentConnection":null}],
			"VoiceEnhancementConfigs":[{"Channel":null,"VoiceEnhancementMode":null}]}`},
		{"escapes", `{"Username":"a\"b\\c\/d\b\f\n\r\t\u00e9\u20AC\ud83d\ude00 end","Tags":{"k\u0041":"\u003cv\u003e"}}`},
		{"lone surrogates become U+FFFD", `{"Username":"\ud800","RoutingProfileId":"\udc00x","HierarchyGroupId":"\ud800\u0041","DirectoryUserId":"\ud83d\ud83d\ude00"}`},
		{"escaped member names", `{"User\u006eame":"a","\u0054ags":{"x":"y"}}`},
		{"raw UTF-8", `{"Username":"ünïcødé ✓ 😀","Tags":{"é":"ü"}}`},
		{"invalid enum values are read as they are", `{"AutoAcceptConfigs":[{"Channel":"FAX","AutoAccept":true}],
			"PhoneNumberConfigs":[{"Channel":"voice","PhoneType":"CELL"}],"VoiceEnhancementConfigs":[{"Channel":"","VoiceEnhancementMode":"LOUD"}]}`},
		{"integers", `{"PhoneConfig":{"AfterContactWorkTimeLimit":-0},"AfterContactWorkConfigs":[
			{"AfterContactWorkConfig":{"AfterContactWorkTimeLimit":-1},"AgentFirstCallbackAfterContactWorkConfig":{"AfterContactWorkTimeLimit":9223372036854775807}},
			{"AfterContactWorkConfig":{"AfterContactWorkTimeLimit":-9223372036854775808}}]}`},
		{"null security profile id", `{"SecurityProfileIds":["a",null,""]}`},
	}
	for _, tc := range docs {
		t.Run(tc.name, func(t *testing.T) {
			d := decode([]byte(tc.doc))
			if len(d.list) > 0 || len(d.skip) > 0 || d.fatal {
				t.Fatalf("decode: violations %v, skip %v, fatal %v", d.list, decPaths(d.skip), d.fatal)
			}
			var want CreateUserInput
			if err := json.Unmarshal([]byte(tc.doc), &want); err != nil {
				t.Fatalf("encoding/json: %v", err)
			}
			if diff := cmp.Diff(&want, d.input); diff != "" {
				t.Errorf("decode differs from encoding/json (-json +decode):\n%s", diff)
			}
		})
	}
}

func TestDecodePresence(t *testing.T) {
	d := decode([]byte(`{"IdentityInfo":{},"PhoneConfig":{},"SecurityProfileIds":[],"AutoAcceptConfigs":[],
		"AfterContactWorkConfigs":[],"PhoneNumberConfigs":[],"PersistentConnectionConfigs":[],"VoiceEnhancementConfigs":[],"Tags":{}}`))
	in := d.input
	switch {
	case in.IdentityInfo == nil, in.PhoneConfig == nil:
		t.Error("{} must decode to a non-nil object")
	case in.SecurityProfileIds == nil, in.AutoAcceptConfigs == nil, in.AfterContactWorkConfigs == nil,
		in.PhoneNumberConfigs == nil, in.PersistentConnectionConfigs == nil, in.VoiceEnhancementConfigs == nil:
		t.Error("[] must decode to a non-nil empty list")
	case in.Tags == nil || len(in.Tags) != 0:
		t.Error("Tags {} must decode to a non-nil empty map")
	}
	d = decode([]byte(`{"PhoneConfig":{"AutoAccept":false,"AfterContactWorkTimeLimit":0}}`))
	if pc := d.input.PhoneConfig; pc.AutoAccept == nil || *pc.AutoAccept || pc.AfterContactWorkTimeLimit == nil || *pc.AfterContactWorkTimeLimit != 0 {
		t.Errorf("false and 0 must be present: %+v", pc)
	}
}

// decCase is a document with the reading violations and skipped paths it
// must give.
type decCase struct {
	name  string
	doc   string
	want  []cuerrors.Want
	skip  []string
	fatal bool
	// check, when set, looks at the request as read.
	check func(t *testing.T, in *CreateUserInput)
}

var decSyntaxCases = []decCase{
	{name: "empty", doc: ``, want: []cuerrors.Want{decWant("", cuerrors.CodeSyntax)}, fatal: true},
	{name: "white space only", doc: " \n\t ", want: []cuerrors.Want{decWant("", cuerrors.CodeSyntax)}, fatal: true},
	{name: "null document", doc: ` null `, want: []cuerrors.Want{decWant("", cuerrors.CodeType)}, fatal: true},
	{name: "list document", doc: `[{"Username":"a"}]`, want: []cuerrors.Want{decWant("", cuerrors.CodeType)}, fatal: true},
	{name: "string document", doc: `"x"`, want: []cuerrors.Want{decWant("", cuerrors.CodeType)}, fatal: true},
	{name: "number document", doc: `42`, want: []cuerrors.Want{decWant("", cuerrors.CodeType)}, fatal: true},
	{name: "broken list document", doc: `[1,`, want: []cuerrors.Want{decWant("", cuerrors.CodeSyntax)}, fatal: true},
	{name: "null then more", doc: `null {}`, want: []cuerrors.Want{decWant("", cuerrors.CodeSyntax)}, fatal: true},
	{name: "second value", doc: `{} {}`, want: []cuerrors.Want{decWant("", cuerrors.CodeSyntax)}, fatal: true},
	{name: "trailing garbage", doc: `{"Username":"a"}x`, want: []cuerrors.Want{decWant("", cuerrors.CodeSyntax)}, fatal: true},
	{name: "byte order mark", doc: "\xEF\xBB\xBF{}", want: []cuerrors.Want{decWant("", cuerrors.CodeSyntax)}, fatal: true},
	{name: "unterminated object", doc: `{"Username":"a"`, want: []cuerrors.Want{decWant("", cuerrors.CodeSyntax)}, fatal: true},
	{name: "unterminated string", doc: `{"Username":"a`, want: []cuerrors.Want{decWant("", cuerrors.CodeSyntax)}, fatal: true},
	{name: "trailing comma in object", doc: `{"Username":"a",}`, want: []cuerrors.Want{decWant("", cuerrors.CodeSyntax)}, fatal: true},
	{name: "trailing comma in list", doc: `{"SecurityProfileIds":["a",]}`, want: []cuerrors.Want{decWant("", cuerrors.CodeSyntax)}, fatal: true},
	{name: "missing colon", doc: `{"Username" "a"}`, want: []cuerrors.Want{decWant("", cuerrors.CodeSyntax)}, fatal: true},
	{name: "missing comma", doc: `{"Username":"a" "Password":"b"}`, want: []cuerrors.Want{decWant("", cuerrors.CodeSyntax)}, fatal: true},
	{name: "unquoted name", doc: `{Username:"a"}`, want: []cuerrors.Want{decWant("", cuerrors.CodeSyntax)}, fatal: true},
	{name: "single quotes", doc: `{"Username":'a'}`, want: []cuerrors.Want{decWant("", cuerrors.CodeSyntax)}, fatal: true},
	{name: "raw control character", doc: "{\"Username\":\"a\tb\"}", want: []cuerrors.Want{decWant("", cuerrors.CodeSyntax)}, fatal: true},
	{name: "raw control character after an escape", doc: "{\"Username\":\"\\n\x01\"}", want: []cuerrors.Want{decWant("", cuerrors.CodeSyntax)}, fatal: true},
	{name: "bad escape", doc: `{"Username":"\x41"}`, want: []cuerrors.Want{decWant("", cuerrors.CodeSyntax)}, fatal: true},
	{name: "short unicode escape", doc: `{"Username":"\u12"}`, want: []cuerrors.Want{decWant("", cuerrors.CodeSyntax)}, fatal: true},
	{name: "backslash at the end", doc: `{"Username":"\`, want: []cuerrors.Want{decWant("", cuerrors.CodeSyntax)}, fatal: true},
	{name: "leading zero", doc: `{"PhoneConfig":{"AfterContactWorkTimeLimit":01}}`, want: []cuerrors.Want{decWant("", cuerrors.CodeSyntax)}, fatal: true},
	{name: "plus sign", doc: `{"PhoneConfig":{"AfterContactWorkTimeLimit":+1}}`, want: []cuerrors.Want{decWant("", cuerrors.CodeSyntax)}, fatal: true},
	{name: "bare minus", doc: `{"PhoneConfig":{"AfterContactWorkTimeLimit":-}}`, want: []cuerrors.Want{decWant("", cuerrors.CodeSyntax)}, fatal: true},
	{name: "dot without digits", doc: `{"PhoneConfig":{"AfterContactWorkTimeLimit":1.}}`, want: []cuerrors.Want{decWant("", cuerrors.CodeSyntax)}, fatal: true},
	{name: "exponent without digits", doc: `{"PhoneConfig":{"AfterContactWorkTimeLimit":1e+}}`, want: []cuerrors.Want{decWant("", cuerrors.CodeSyntax)}, fatal: true},
	{name: "capitalised literal", doc: `{"PhoneConfig":{"AutoAccept":True}}`, want: []cuerrors.Want{decWant("", cuerrors.CodeSyntax)}, fatal: true},
	{name: "truncated literal", doc: `{"PhoneConfig":{"AutoAccept":tru`, want: []cuerrors.Want{decWant("", cuerrors.CodeSyntax)}, fatal: true},
	{name: "literal followed by letters", doc: `{"PhoneConfig":{"AutoAccept":truex}}`, want: []cuerrors.Want{decWant("", cuerrors.CodeSyntax)}, fatal: true},
	{name: "NaN", doc: `{"x":NaN}`, want: []cuerrors.Want{decWant("x", cuerrors.CodeUnknown), decWant("", cuerrors.CodeSyntax)}, fatal: true},
	{name: "broken value of an unknown member", doc: `{"x":{"a":[1,2}}`, want: []cuerrors.Want{decWant("x", cuerrors.CodeUnknown), decWant("", cuerrors.CodeSyntax)}, fatal: true},
	{name: "broken value of a mistyped member", doc: `{"Username":{"a":}}`, want: []cuerrors.Want{decWant("", cuerrors.CodeSyntax)}, fatal: true},
	{name: "violations before the error are kept", doc: `{"x":1,"Username":2,"Tags":{"a":null,"b":}}`,
		want: []cuerrors.Want{decWant("x", cuerrors.CodeUnknown), decWant("Username", cuerrors.CodeType),
			decWant("Tags[a]", cuerrors.CodeType), decWant("", cuerrors.CodeSyntax)},
		skip: []string{"Username", "Tags[a]"}, fatal: true},
	{name: "request read so far is kept", doc: `{"Username":"a","SecurityProfileIds":["p"],"AutoAcceptConfigs":[{"Channel":"VOICE"},`,
		want: []cuerrors.Want{decWant("", cuerrors.CodeSyntax)}, fatal: true,
		check: func(t *testing.T, in *CreateUserInput) {
			if in == nil || in.Username != "a" || len(in.SecurityProfileIds) != 1 || len(in.AutoAcceptConfigs) != 1 || in.AutoAcceptConfigs[0].Channel != channel.Voice {
				t.Errorf("partial request = %+v", in)
			}
		}},
	{name: "too deep", doc: `{"x":` + strings.Repeat("[", 100) + strings.Repeat("]", 100) + `}`,
		want: []cuerrors.Want{decWant("x", cuerrors.CodeUnknown), decWant("x", cuerrors.CodeSyntax)}, fatal: true},
	{name: "too deep under a mistyped member", doc: `{"PhoneConfig":{"AutoAccept":` + strings.Repeat(`{"a":`, 70) + `1` + strings.Repeat("}", 70) + `}}`,
		want: []cuerrors.Want{decWant("PhoneConfig.AutoAccept", cuerrors.CodeSyntax)}, fatal: true},
	{name: "too deep in a tag value", doc: `{"Tags":{"k":` + strings.Repeat("[", 70) + `}}`,
		want: []cuerrors.Want{decWant("Tags[k]", cuerrors.CodeSyntax)}, fatal: true},
	{name: "too deep document", doc: strings.Repeat("[", 1_000_000), want: []cuerrors.Want{decWant("", cuerrors.CodeSyntax)}, fatal: true},
	{name: "deep but within the limit", doc: `{"x":` + strings.Repeat("[", 63) + strings.Repeat("]", 63) + `}`,
		want: []cuerrors.Want{decWant("x", cuerrors.CodeUnknown)}},
}

var decMemberCases = []decCase{
	{name: "member names are case-sensitive", doc: `{"username":"a","PhoneConfig":{"autoAccept":true}}`,
		want: []cuerrors.Want{decWant("username", cuerrors.CodeUnknown), decWant("PhoneConfig.autoAccept", cuerrors.CodeUnknown)},
		check: func(t *testing.T, in *CreateUserInput) {
			if in.Username != "" || in.PhoneConfig.AutoAccept != nil {
				t.Errorf("unknown members were read: %+v", in)
			}
		}},
	{name: "unknown members at every level", doc: `{"IdentityInfo":{"Emial":"x"},"PhoneConfig":{"AutoAcept":true},
		"AutoAcceptConfigs":[{"Chanel":"VOICE","AutoAccept":true}],
		"AfterContactWorkConfigs":[{"Channel":"VOICE","AfterContactWorkConfig":{"TimeLimit":1}}],
		"PhoneNumberConfigs":[{"Channel":"VOICE","PhoneType":"SOFT_PHONE","Number":"+1555"}],
		"PersistentConnectionConfigs":[{"Channel":"VOICE","Persistent":true}],
		"VoiceEnhancementConfigs":[{"Channel":"VOICE","Mode":"NONE"}],
		"Email":"x","Key":[{"nested":{"deep":[1,2.5e3,true,false,null,"s"]}}]}`,
		want: []cuerrors.Want{
			decWant("IdentityInfo.Emial", cuerrors.CodeUnknown),
			decWant("PhoneConfig.AutoAcept", cuerrors.CodeUnknown),
			decWant("AutoAcceptConfigs[0].Chanel", cuerrors.CodeUnknown),
			decWant("AfterContactWorkConfigs[0].AfterContactWorkConfig.TimeLimit", cuerrors.CodeUnknown),
			decWant("PhoneNumberConfigs[0].Number", cuerrors.CodeUnknown),
			decWant("PersistentConnectionConfigs[0].Persistent", cuerrors.CodeUnknown),
			decWant("VoiceEnhancementConfigs[0].Mode", cuerrors.CodeUnknown),
			decWant("Email", cuerrors.CodeUnknown),
			decWant("Key", cuerrors.CodeUnknown),
		}},
	{name: "InstanceId is a member of the document", doc: `{"InstanceId":"i-1"}`,
		check: func(t *testing.T, in *CreateUserInput) {
			if in.InstanceId != "i-1" {
				t.Errorf("InstanceId = %q", in.InstanceId)
			}
		}},
	{name: "duplicate members, the last wins", doc: `{"Username":"a","Username":"b","IdentityInfo":{"Email":"x","Email":"y"},
		"PhoneConfig":{"AutoAccept":true,"AutoAccept":false},"PhoneConfig":{"PersistentConnection":true},
		"AutoAcceptConfigs":[{"Channel":"VOICE","Channel":"CHAT"}],
		"AfterContactWorkConfigs":[{"AfterContactWorkConfig":{"AfterContactWorkTimeLimit":1,"AfterContactWorkTimeLimit":2}}],
		"Tags":{"a":"1"},"Tags":{"b":"2"}}`,
		want: []cuerrors.Want{
			decWant("Username", cuerrors.CodeDuplicate),
			decWant("IdentityInfo.Email", cuerrors.CodeDuplicate),
			decWant("PhoneConfig.AutoAccept", cuerrors.CodeDuplicate),
			decWant("PhoneConfig", cuerrors.CodeDuplicate),
			decWant("AutoAcceptConfigs[0].Channel", cuerrors.CodeDuplicate),
			decWant("AfterContactWorkConfigs[0].AfterContactWorkConfig.AfterContactWorkTimeLimit", cuerrors.CodeDuplicate),
			decWant("Tags", cuerrors.CodeDuplicate),
		},
		check: func(t *testing.T, in *CreateUserInput) {
			want := &CreateUserInput{
				Username:                "b",
				IdentityInfo:            &identity.Info{Email: new(identity.Secret("y"))},
				PhoneConfig:             &PhoneConfig{PersistentConnection: new(true)},
				AutoAcceptConfigs:       []channel.AutoAcceptConfig{{Channel: channel.Chat}},
				AfterContactWorkConfigs: []channel.AfterContactWorkConfig{{AfterContactWorkConfig: &channel.AfterContactWork{AfterContactWorkTimeLimit: new(int64(2))}}},
				Tags:                    map[string]string{"b": "2"},
			}
			if diff := cmp.Diff(want, in); diff != "" {
				t.Errorf("request (-want +got):\n%s", diff)
			}
		}},
	{name: "a duplicate null removes the member", doc: `{"Password":"Secret123","Password":null}`,
		want: []cuerrors.Want{decWant("Password", cuerrors.CodeDuplicate)},
		check: func(t *testing.T, in *CreateUserInput) {
			if in.Password != nil {
				t.Error("Password should be absent")
			}
		}},
}

var decTypeCases = []decCase{
	{name: "wrong types at the top", doc: `{"InstanceId":1,"Username":true,"Password":["x"],"IdentityInfo":"x","PhoneConfig":[],
		"DirectoryUserId":{},"SecurityProfileIds":"a","RoutingProfileId":null,"HierarchyGroupId":0,
		"AutoAcceptConfigs":{},"AfterContactWorkConfigs":"x","PhoneNumberConfigs":1,"PersistentConnectionConfigs":true,
		"VoiceEnhancementConfigs":false,"Tags":[]}`,
		want: []cuerrors.Want{
			decWant("InstanceId", cuerrors.CodeType), decWant("Username", cuerrors.CodeType),
			decWant("Password", cuerrors.CodeType), decWant("IdentityInfo", cuerrors.CodeType),
			decWant("PhoneConfig", cuerrors.CodeType), decWant("DirectoryUserId", cuerrors.CodeType),
			decWant("SecurityProfileIds", cuerrors.CodeType), decWant("HierarchyGroupId", cuerrors.CodeType),
			decWant("AutoAcceptConfigs", cuerrors.CodeType), decWant("AfterContactWorkConfigs", cuerrors.CodeType),
			decWant("PhoneNumberConfigs", cuerrors.CodeType), decWant("PersistentConnectionConfigs", cuerrors.CodeType),
			decWant("VoiceEnhancementConfigs", cuerrors.CodeType), decWant("Tags", cuerrors.CodeType),
		},
		skip: []string{"InstanceId", "Username", "Password", "IdentityInfo", "PhoneConfig", "DirectoryUserId",
			"SecurityProfileIds", "HierarchyGroupId", "AutoAcceptConfigs", "AfterContactWorkConfigs", "PhoneNumberConfigs",
			"PersistentConnectionConfigs", "VoiceEnhancementConfigs", "Tags"},
		check: func(t *testing.T, in *CreateUserInput) {
			if diff := cmp.Diff(&CreateUserInput{}, in); diff != "" {
				t.Errorf("mistyped members were read:\n%s", diff)
			}
		}},
	{name: "wrong types inside", doc: `{"IdentityInfo":{"FirstName":1,"Mobile":15555551212},
		"PhoneConfig":{"PhoneType":1,"AutoAccept":"true","AfterContactWorkTimeLimit":"60","DeskPhoneNumber":15555551212,"PersistentConnection":1},
		"AutoAcceptConfigs":[{"Channel":0,"AutoAccept":"yes","AgentFirstCallbackAutoAccept":{}}],
		"AfterContactWorkConfigs":[{"Channel":[],"AfterContactWorkConfig":60,"AgentFirstCallbackAfterContactWorkConfig":{"AfterContactWorkTimeLimit":true}}],
		"PhoneNumberConfigs":[{"Channel":"VOICE","PhoneType":false,"PhoneNumber":null}],
		"PersistentConnectionConfigs":[{"Channel":"VOICE","PersistentConnection":"false"}],
		"VoiceEnhancementConfigs":[{"Channel":"VOICE","VoiceEnhancementMode":["NONE"]}]}`,
		want: []cuerrors.Want{
			decWant("IdentityInfo.FirstName", cuerrors.CodeType), decWant("IdentityInfo.Mobile", cuerrors.CodeType),
			decWant("PhoneConfig.PhoneType", cuerrors.CodeType), decWant("PhoneConfig.AutoAccept", cuerrors.CodeType),
			decWant("PhoneConfig.AfterContactWorkTimeLimit", cuerrors.CodeType), decWant("PhoneConfig.DeskPhoneNumber", cuerrors.CodeType),
			decWant("PhoneConfig.PersistentConnection", cuerrors.CodeType),
			decWant("AutoAcceptConfigs[0].Channel", cuerrors.CodeType), decWant("AutoAcceptConfigs[0].AutoAccept", cuerrors.CodeType),
			decWant("AutoAcceptConfigs[0].AgentFirstCallbackAutoAccept", cuerrors.CodeType),
			decWant("AfterContactWorkConfigs[0].Channel", cuerrors.CodeType), decWant("AfterContactWorkConfigs[0].AfterContactWorkConfig", cuerrors.CodeType),
			decWant("AfterContactWorkConfigs[0].AgentFirstCallbackAfterContactWorkConfig.AfterContactWorkTimeLimit", cuerrors.CodeType),
			decWant("PhoneNumberConfigs[0].PhoneType", cuerrors.CodeType),
			decWant("PersistentConnectionConfigs[0].PersistentConnection", cuerrors.CodeType),
			decWant("VoiceEnhancementConfigs[0].VoiceEnhancementMode", cuerrors.CodeType),
		},
		skip: []string{"IdentityInfo.FirstName", "IdentityInfo.Mobile", "PhoneConfig.PhoneType", "PhoneConfig.AutoAccept",
			"PhoneConfig.AfterContactWorkTimeLimit", "PhoneConfig.DeskPhoneNumber", "PhoneConfig.PersistentConnection",
			"AutoAcceptConfigs[0].Channel", "AutoAcceptConfigs[0].AutoAccept", "AutoAcceptConfigs[0].AgentFirstCallbackAutoAccept",
			"AfterContactWorkConfigs[0].Channel", "AfterContactWorkConfigs[0].AfterContactWorkConfig",
			"AfterContactWorkConfigs[0].AgentFirstCallbackAfterContactWorkConfig.AfterContactWorkTimeLimit",
			"PhoneNumberConfigs[0].PhoneType", "PersistentConnectionConfigs[0].PersistentConnection",
			"VoiceEnhancementConfigs[0].VoiceEnhancementMode"}},
	{name: "integers", doc: `{"PhoneConfig":{"AfterContactWorkTimeLimit":60.0},"AfterContactWorkConfigs":[
		{"AfterContactWorkConfig":{"AfterContactWorkTimeLimit":1e3},"AgentFirstCallbackAfterContactWorkConfig":{"AfterContactWorkTimeLimit":-1.5}},
		{"AfterContactWorkConfig":{"AfterContactWorkTimeLimit":1E+2}}]}`,
		want: []cuerrors.Want{
			decWant("PhoneConfig.AfterContactWorkTimeLimit", cuerrors.CodeType),
			decWant("AfterContactWorkConfigs[0].AfterContactWorkConfig.AfterContactWorkTimeLimit", cuerrors.CodeType),
			decWant("AfterContactWorkConfigs[0].AgentFirstCallbackAfterContactWorkConfig.AfterContactWorkTimeLimit", cuerrors.CodeType),
			decWant("AfterContactWorkConfigs[1].AfterContactWorkConfig.AfterContactWorkTimeLimit", cuerrors.CodeType),
		},
		skip: []string{"PhoneConfig.AfterContactWorkTimeLimit",
			"AfterContactWorkConfigs[0].AfterContactWorkConfig.AfterContactWorkTimeLimit",
			"AfterContactWorkConfigs[0].AgentFirstCallbackAfterContactWorkConfig.AfterContactWorkTimeLimit",
			"AfterContactWorkConfigs[1].AfterContactWorkConfig.AfterContactWorkTimeLimit"},
		check: func(t *testing.T, in *CreateUserInput) {
			if in.PhoneConfig.AfterContactWorkTimeLimit != nil || in.AfterContactWorkConfigs[0].AfterContactWorkConfig.AfterContactWorkTimeLimit != nil {
				t.Error("a mistyped integer was read")
			}
		}},
	{name: "integers beyond int64 are clamped", doc: `{"PhoneConfig":{"AfterContactWorkTimeLimit":99999999999999999999999999999},
		"AfterContactWorkConfigs":[{"AfterContactWorkConfig":{"AfterContactWorkTimeLimit":-9223372036854775809},
		"AgentFirstCallbackAfterContactWorkConfig":{"AfterContactWorkTimeLimit":9223372036854775808}}]}`,
		check: func(t *testing.T, in *CreateUserInput) {
			if got := *in.PhoneConfig.AfterContactWorkTimeLimit; got != math.MaxInt64 {
				t.Errorf("PhoneConfig.AfterContactWorkTimeLimit = %d", got)
			}
			if got := *in.AfterContactWorkConfigs[0].AfterContactWorkConfig.AfterContactWorkTimeLimit; got != math.MinInt64 {
				t.Errorf("AfterContactWorkConfig = %d", got)
			}
			if got := *in.AfterContactWorkConfigs[0].AgentFirstCallbackAfterContactWorkConfig.AfterContactWorkTimeLimit; got != math.MaxInt64 {
				t.Errorf("AgentFirstCallbackAfterContactWorkConfig = %d", got)
			}
		}},
	{name: "-0 is 0", doc: `{"PhoneConfig":{"AfterContactWorkTimeLimit":-0}}`,
		check: func(t *testing.T, in *CreateUserInput) {
			if v := in.PhoneConfig.AfterContactWorkTimeLimit; v == nil || *v != 0 {
				t.Errorf("AfterContactWorkTimeLimit = %v", v)
			}
		}},
	{name: "booleans are only true and false", doc: `{"PhoneConfig":{"AutoAccept":1,"PersistentConnection":0},"AutoAcceptConfigs":[{"AutoAccept":"false"}]}`,
		want: []cuerrors.Want{decWant("PhoneConfig.AutoAccept", cuerrors.CodeType), decWant("PhoneConfig.PersistentConnection", cuerrors.CodeType),
			decWant("AutoAcceptConfigs[0].AutoAccept", cuerrors.CodeType)},
		skip: []string{"PhoneConfig.AutoAccept", "PhoneConfig.PersistentConnection", "AutoAcceptConfigs[0].AutoAccept"}},
	{name: "one mistyped security profile id", doc: `{"SecurityProfileIds":["a",42,"c"]}`,
		want: []cuerrors.Want{decWant("SecurityProfileIds[1]", cuerrors.CodeType)},
		skip: []string{"SecurityProfileIds[1]"},
		check: func(t *testing.T, in *CreateUserInput) {
			if diff := cmp.Diff([]string{"a", "", "c"}, in.SecurityProfileIds); diff != "" {
				t.Errorf("SecurityProfileIds: %s", diff)
			}
		}},
	{name: "a null security profile id is left to the required rule", doc: `{"SecurityProfileIds":[null,"b"]}`,
		check: func(t *testing.T, in *CreateUserInput) {
			if diff := cmp.Diff([]string{"", "b"}, in.SecurityProfileIds); diff != "" {
				t.Errorf("SecurityProfileIds: %s", diff)
			}
		}},
	{name: "null and mistyped channel-specific elements keep their index", doc: `{
		"AutoAcceptConfigs":[null,{"Channel":"CHAT","AutoAccept":true}],
		"AfterContactWorkConfigs":["VOICE",null],
		"PhoneNumberConfigs":[[],{"Channel":"VOICE","PhoneType":"SOFT_PHONE"}],
		"PersistentConnectionConfigs":[1,null,{"Channel":"VOICE","PersistentConnection":true}],
		"VoiceEnhancementConfigs":[true]}`,
		want: []cuerrors.Want{
			decWant("AutoAcceptConfigs[0]", cuerrors.CodeRequired),
			decWant("AfterContactWorkConfigs[0]", cuerrors.CodeType), decWant("AfterContactWorkConfigs[1]", cuerrors.CodeRequired),
			decWant("PhoneNumberConfigs[0]", cuerrors.CodeType),
			decWant("PersistentConnectionConfigs[0]", cuerrors.CodeType), decWant("PersistentConnectionConfigs[1]", cuerrors.CodeRequired),
			decWant("VoiceEnhancementConfigs[0]", cuerrors.CodeType),
		},
		skip: []string{"AutoAcceptConfigs[0]", "AfterContactWorkConfigs[0]", "AfterContactWorkConfigs[1]", "PhoneNumberConfigs[0]",
			"PersistentConnectionConfigs[0]", "PersistentConnectionConfigs[1]", "VoiceEnhancementConfigs[0]"},
		check: func(t *testing.T, in *CreateUserInput) {
			want := &CreateUserInput{
				AutoAcceptConfigs:           []channel.AutoAcceptConfig{{}, {Channel: channel.Chat, AutoAccept: new(true)}},
				AfterContactWorkConfigs:     []channel.AfterContactWorkConfig{{}, {}},
				PhoneNumberConfigs:          []channel.PhoneNumberConfig{{}, {Channel: channel.Voice, PhoneType: channel.SoftPhone}},
				PersistentConnectionConfigs: []channel.PersistentConnectionConfig{{}, {}, {Channel: channel.Voice, PersistentConnection: new(true)}},
				VoiceEnhancementConfigs:     []channel.VoiceEnhancementConfig{{}},
			}
			if diff := cmp.Diff(want, in); diff != "" {
				t.Errorf("request (-want +got):\n%s", diff)
			}
		}},
}

var decTagCases = []decCase{
	{name: "tag values must be strings", doc: `{"Tags":{"a":null,"b":1,"c":"ok","d":{},"e":[],"f":false}}`,
		want: []cuerrors.Want{decWant("Tags[a]", cuerrors.CodeType), decWant("Tags[b]", cuerrors.CodeType),
			decWant("Tags[d]", cuerrors.CodeType), decWant("Tags[e]", cuerrors.CodeType), decWant("Tags[f]", cuerrors.CodeType)},
		skip: []string{"Tags[a]", "Tags[b]", "Tags[d]", "Tags[e]", "Tags[f]"},
		check: func(t *testing.T, in *CreateUserInput) {
			want := map[string]string{"a": "", "b": "", "c": "ok", "d": "", "e": "", "f": ""}
			if diff := cmp.Diff(want, in.Tags); diff != "" {
				t.Errorf("Tags (-want +got):\n%s", diff)
			}
		}},
	{name: "a tag key twice", doc: `{"Tags":{"env":"a","Env":"b","env":"c","env":null}}`,
		want: []cuerrors.Want{decWant("Tags", cuerrors.CodeDuplicate), decWant("Tags", cuerrors.CodeDuplicate),
			decWant("Tags[env]", cuerrors.CodeType)},
		skip: []string{"Tags[env]"},
		check: func(t *testing.T, in *CreateUserInput) {
			want := map[string]string{"env": "", "Env": "b"}
			if diff := cmp.Diff(want, in.Tags); diff != "" {
				t.Errorf("Tags (-want +got):\n%s", diff)
			}
		}},
	{name: "empty and escaped keys", doc: `{"Tags":{"":"x","a\u0000b":"y","\u0061":"z","a":"w"}}`,
		want: []cuerrors.Want{decWant("Tags", cuerrors.CodeDuplicate)},
		check: func(t *testing.T, in *CreateUserInput) {
			want := map[string]string{"": "x", "a\x00b": "y", "a": "w"}
			if diff := cmp.Diff(want, in.Tags); diff != "" {
				t.Errorf("Tags (-want +got):\n%s", diff)
			}
		}},
	{name: "more than 64 tags", doc: func() string {
		var b strings.Builder
		b.WriteString(`{"Tags":{`)
		for i := range MaxCheckedTags - 1 { // and one more below: every member is read
			if i > 0 {
				b.WriteByte(',')
			}
			b.WriteString(`"k` + strings.Repeat("x", i) + `":"v"`)
		}
		b.WriteString(`,"k":1}}`)
		return b.String()
	}(),
		want: []cuerrors.Want{decWant("Tags", cuerrors.CodeDuplicate), decWant("Tags[k]", cuerrors.CodeType)},
		skip: []string{"Tags[k]"},
		check: func(t *testing.T, in *CreateUserInput) {
			if len(in.Tags) != MaxCheckedTags-1 {
				t.Errorf("%d tags, want %d", len(in.Tags), MaxCheckedTags-1)
			}
		}},
}

var decEncodingCases = []decCase{
	{name: "invalid UTF-8 is not fatal", doc: "{\"Username\":\"a\xffb\",\"RoutingProfileId\":\"r\",\"Password\":\"\xc3\x28\\n\",\"IdentityInfo\":{\"Email\":\"\xed\xa0\x80\"}}",
		want: []cuerrors.Want{decWant("Username", cuerrors.CodeSyntax), decWant("Password", cuerrors.CodeSyntax),
			decWant("IdentityInfo.Email", cuerrors.CodeSyntax)},
		skip: []string{"Username", "Password", "IdentityInfo.Email"},
		check: func(t *testing.T, in *CreateUserInput) {
			if in.Username != "" || in.Password != nil || in.IdentityInfo.Email != nil || in.RoutingProfileId != "r" {
				t.Errorf("request = %+v", in)
			}
		}},
	{name: "invalid UTF-8 in lists and tags", doc: "{\"SecurityProfileIds\":[\"\xfe\"],\"AutoAcceptConfigs\":[{\"Channel\":\"VOICE\xff\"}],\"Tags\":{\"k\":\"\x80\",\"\xff\":\"v\",\"ok\":\"v\"}}",
		want: []cuerrors.Want{decWant("SecurityProfileIds[0]", cuerrors.CodeSyntax), decWant("AutoAcceptConfigs[0].Channel", cuerrors.CodeSyntax),
			decWant("Tags[k]", cuerrors.CodeSyntax), decWant("Tags", cuerrors.CodeSyntax)},
		skip: []string{"SecurityProfileIds[0]", "AutoAcceptConfigs[0].Channel", "Tags[k]"},
		check: func(t *testing.T, in *CreateUserInput) {
			want := map[string]string{"k": "", "ok": "v"}
			if diff := cmp.Diff(want, in.Tags); diff != "" {
				t.Errorf("Tags (-want +got):\n%s", diff)
			}
		}},
	{name: "invalid UTF-8 in an unknown member is only unknown", doc: "{\"x\xff\":\"\xff\",\"y\":[\"\xff\"]}",
		want: []cuerrors.Want{decWant(`"x\xff"`, cuerrors.CodeUnknown), decWant("y", cuerrors.CodeUnknown)}},
}

func TestDecodeReadingRules(t *testing.T) {
	for _, group := range []struct {
		name  string
		cases []decCase
	}{
		{"syntax", decSyntaxCases},
		{"members", decMemberCases},
		{"types", decTypeCases},
		{"tags", decTagCases},
		{"encoding", decEncodingCases},
	} {
		t.Run(group.name, func(t *testing.T) {
			for _, tc := range group.cases {
				t.Run(tc.name, func(t *testing.T) {
					d := decode([]byte(tc.doc))
					decCheckViolations(t, d.list)
					if diff := cuerrors.Diff(tc.want, d.list); diff != "" {
						t.Errorf("violations:\n%s\ngot: %v", diff, d.list)
					}
					if diff := cmp.Diff(tc.skip, decPaths(d.skip), decEquateEmptyStrings); diff != "" {
						t.Errorf("skip (-want +got):\n%s", diff)
					}
					if d.fatal != tc.fatal {
						t.Errorf("fatal = %v, want %v", d.fatal, tc.fatal)
					}
					if !d.fatal && d.input == nil {
						t.Error("input is nil without a fatal error")
					}
					if tc.check != nil {
						tc.check(t, d.input)
					}
				})
			}
		})
	}
}

// decEquateEmptyStrings makes a nil and an empty []string equal.
var decEquateEmptyStrings = cmp.Comparer(func(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
})

func TestDecodeDocumentOrder(t *testing.T) {
	doc := `{"Tags":{"a":1,"a":"x"},"zz":1,"Username":2,"AutoAcceptConfigs":[null,{"Chanel":"VOICE"}],"SecurityProfileIds":[1],"Username":"u"}`
	want := []cuerrors.Want{
		decWant("Tags[a]", cuerrors.CodeType),
		decWant("Tags", cuerrors.CodeDuplicate),
		decWant("zz", cuerrors.CodeUnknown),
		decWant("Username", cuerrors.CodeType),
		decWant("AutoAcceptConfigs[0]", cuerrors.CodeRequired),
		decWant("AutoAcceptConfigs[1].Chanel", cuerrors.CodeUnknown),
		decWant("SecurityProfileIds[0]", cuerrors.CodeType),
		decWant("Username", cuerrors.CodeDuplicate),
	}
	first := decode([]byte(doc))
	if diff := cmp.Diff(want, cuerrors.Wants(first.list)); diff != "" {
		t.Errorf("order (-want +got):\n%s", diff)
	}
	if diff := cmp.Diff(first, decode([]byte(doc)), decodedComparer); diff != "" {
		t.Errorf("a second decode differs:\n%s", diff)
	}
}

// decodedComparer compares two decode results member by member.
var decodedComparer = cmp.Comparer(func(a, b decoded) bool {
	return a.fatal == b.fatal &&
		cmp.Equal(a.input, b.input) &&
		cmp.Equal(decPaths(a.skip), decPaths(b.skip)) &&
		cmp.Equal(a.list, b.list, cmp.Comparer(func(p, q cuerrors.Path) bool { return p.Equal(q) }),
			cmp.Comparer(func(v, w cuerrors.Value) bool { return v == w }))
})

func TestDecodeNeverEchoesSecrets(t *testing.T) {
	const secret = "Hunter2Secret"
	docs := []string{
		`{"Password":` + secret + `}`, // a syntax error on the value itself
		`{"Password":"` + secret + "\x01\"}",
		`{"Password":"` + secret + `\q"}`,
		`{"Password":["` + secret + `"]}`,
		"{\"Password\":\"" + secret + "\xff\"}",
		`{"IdentityInfo":{"Emial":"` + secret + `","FirstName":{"x":"` + secret + `"}}}`,
		`{"PhoneConfig":{"DeskPhoneNumber":["` + secret + `"]}}`,
		`{"PhoneNumberConfigs":[{"PhoneNumber":1,"PhoneNumbr":"` + secret + `"}]}`,
		`{"Password":"` + secret + `","Password":"` + secret + `"}`,
	}
	for _, doc := range docs {
		d := decode([]byte(doc))
		if len(d.list) == 0 {
			t.Errorf("%s: no violation", doc)
		}
		for _, v := range d.list {
			b, _ := v.MarshalJSON()
			if strings.Contains(string(b), "Hunter") || strings.Contains(v.Error(), "Hunter") {
				t.Errorf("%s: violation echoes the secret: %s", doc, b)
			}
		}
	}
}

func TestDecodeTagKeyIsTheValue(t *testing.T) {
	d := decode([]byte("{\"Tags\":{\"env\":\"a\",\"env\":\"b\",\"x\xffy\":\"c\"}}"))
	if len(d.list) != 2 {
		t.Fatalf("violations: %v", d.list)
	}
	if got := d.list[0].Value.Interface(); got != "env" {
		t.Errorf("duplicate key value = %v", got)
	}
	if got := d.list[1].Value.Interface(); got != "x\uFFFDy" {
		t.Errorf("invalid key value = %q", got)
	}
}

func TestDecodeLineColumn(t *testing.T) {
	data := []byte("{\n  \"a\": 1,\n\tx")
	d := decoder{data: data}
	for _, tc := range []struct{ pos, line, col int }{
		{0, 1, 1}, {1, 1, 2}, {2, 2, 1}, {4, 2, 3}, {12, 3, 1}, {13, 3, 2}, {14, 3, 3},
	} {
		if line, col := d.lineColumn(tc.pos); line != tc.line || col != tc.col {
			t.Errorf("lineColumn(%d) = %d:%d, want %d:%d", tc.pos, line, col, tc.line, tc.col)
		}
	}
}

func TestSuggest(t *testing.T) {
	for _, tc := range []struct {
		name    string
		members []string
		want    string
	}{
		{"AutoAcept", phoneConfigMembers, "AutoAccept"},
		{"autoaccept", phoneConfigMembers, "AutoAccept"},
		{"USERNAME", inputMembers, "Username"},
		{"Emial", identityInfoMembers, "Email"},
		{"Tag", inputMembers, "Tags"},
		{"SecurityProfileId", inputMembers, "SecurityProfileIds"},
		{"a", inputMembers, ""},
		{"Zebra", inputMembers, ""},
		{strings.Repeat("x", 1000), inputMembers, ""},
	} {
		if got := suggest(tc.name, tc.members); got != tc.want {
			t.Errorf("suggest(%q) = %q, want %q", tc.name, got, tc.want)
		}
	}
	if got := nestedMember("Email"); got != "IdentityInfo.Email" {
		t.Errorf("nestedMember(Email) = %q", got)
	}
}

func TestDecodeAllocations(t *testing.T) {
	// A document of scalars that need no allocation of their own costs the
	// request and nothing else.
	doc := []byte(`{"AutoAcceptConfigs":[],"Tags":null,"PhoneNumberConfigs":null}`)
	if n := testing.AllocsPerRun(100, func() { decode(doc) }); n > 1 {
		t.Errorf("decode allocates %v times, want 1", n)
	}
}

func TestHasSpecialByte(t *testing.T) {
	special := func(w uint64) bool {
		for range 8 {
			if !plainByte[byte(w)] {
				return true
			}
			w >>= 8
		}
		return false
	}
	fill := uint64(lowBits * 'a')
	for b := range 256 {
		for pos := range 8 {
			w := fill&^(0xFF<<(8*pos)) | uint64(b)<<(8*pos)
			if got, want := hasSpecialByte(w), special(w); got != want {
				t.Fatalf("hasSpecialByte(%#x) = %v, want %v", w, got, want)
			}
		}
	}
	r := rand.New(rand.NewPCG(1, 2))
	for range 100_000 {
		w := r.Uint64()
		if got, want := hasSpecialByte(w), special(w); got != want {
			t.Fatalf("hasSpecialByte(%#x) = %v, want %v", w, got, want)
		}
	}
}
