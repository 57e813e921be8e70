package awsconnect

import (
	"encoding/json"
	"fmt"
	"math"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/connect"
	"github.com/aws/aws-sdk-go-v2/service/connect/types"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/connectkit/createuser/channel"
	cuerrors "github.com/connectkit/createuser/errors"
	"github.com/connectkit/createuser/identity"
	"github.com/connectkit/createuser/user"
)

// sdkTypes lists the SDK structs with unexported members, for
// cmpopts.IgnoreUnexported.
var sdkTypes = cmpopts.IgnoreUnexported(
	connect.CreateUserInput{},
	types.UserIdentityInfo{},
	types.UserPhoneConfig{},
	types.AutoAcceptConfig{},
	types.AfterContactWorkConfigPerChannel{},
	types.AfterContactWorkConfig{},
	types.PhoneNumberConfig{},
	types.PersistentConnectionConfig{},
	types.VoiceEnhancementConfig{},
)

func TestToSDKNil(t *testing.T) {
	out, lost := ToSDK(nil)
	if out != nil || lost != nil {
		t.Fatalf("ToSDK(nil) = %v, %v; want nil, nil", out, lost)
	}
	if got := FromSDK(nil); got != nil {
		t.Fatalf("FromSDK(nil) = %v; want nil", got)
	}
	// Nil members and empty structs convert without panicking.
	if _, lost := ToSDK(&user.CreateUserInput{}); lost != nil {
		t.Fatalf("ToSDK(empty) reported %v", lost)
	}
	if got := FromSDK(&connect.CreateUserInput{}); got == nil {
		t.Fatal("FromSDK(empty) = nil")
	}
}

// TestToSDKExact converts a request with every member set to values the
// SDK can carry, and compares with the SDK input written by hand.
func TestToSDKExact(t *testing.T) {
	in := &user.CreateUserInput{
		InstanceId:   "instance-1",
		Username:     "jdoe",
		Password:     new(identity.Secret("Str0ngPassw0rd")),
		IdentityInfo: &identity.Info{FirstName: new(identity.Secret("Jane")), LastName: new(identity.Secret("Doe")), Email: new(identity.Secret("a@example.com")), SecondaryEmail: new(identity.Secret("b@example.com")), Mobile: new(identity.Secret("+15555550100"))},
		PhoneConfig: &user.PhoneConfig{
			PhoneType: new(channel.DeskPhone), AutoAccept: new(true), AfterContactWorkTimeLimit: new(int64(60)),
			DeskPhoneNumber: new(identity.Secret("+15555550101")), PersistentConnection: new(false),
		},
		DirectoryUserId:    new("dir-1"),
		SecurityProfileIds: []string{"sp-1", "sp-2"},
		RoutingProfileId:   "rp-1",
		HierarchyGroupId:   new(""),
		AutoAcceptConfigs: []channel.AutoAcceptConfig{
			{Channel: channel.Voice, AutoAccept: new(false), AgentFirstCallbackAutoAccept: new(true)},
			{Channel: channel.Chat, AutoAccept: new(true)},
		},
		AfterContactWorkConfigs: []channel.AfterContactWorkConfig{
			{Channel: channel.Voice, AfterContactWorkConfig: &channel.AfterContactWork{AfterContactWorkTimeLimit: new(int64(30))}, AgentFirstCallbackAfterContactWorkConfig: &channel.AfterContactWork{}},
			{Channel: "PIGEON"},
		},
		PhoneNumberConfigs:          []channel.PhoneNumberConfig{{Channel: channel.Voice, PhoneType: channel.SoftPhone, PhoneNumber: new(identity.Secret("+15555550102"))}},
		PersistentConnectionConfigs: []channel.PersistentConnectionConfig{{Channel: channel.Voice, PersistentConnection: new(true)}, {Channel: channel.Task}},
		VoiceEnhancementConfigs:     []channel.VoiceEnhancementConfig{{Channel: channel.Voice, VoiceEnhancementMode: channel.NoiseSuppression}},
		Tags:                        map[string]string{"env": "prod", "": ""},
	}
	want := &connect.CreateUserInput{
		InstanceId:   aws.String("instance-1"),
		Username:     aws.String("jdoe"),
		Password:     aws.String("Str0ngPassw0rd"),
		IdentityInfo: &types.UserIdentityInfo{FirstName: aws.String("Jane"), LastName: aws.String("Doe"), Email: aws.String("a@example.com"), SecondaryEmail: aws.String("b@example.com"), Mobile: aws.String("+15555550100")},
		PhoneConfig: &types.UserPhoneConfig{
			PhoneType: types.PhoneTypeDeskPhone, AutoAccept: true, AfterContactWorkTimeLimit: 60,
			DeskPhoneNumber: aws.String("+15555550101"), PersistentConnection: aws.Bool(false),
		},
		DirectoryUserId:    aws.String("dir-1"),
		SecurityProfileIds: []string{"sp-1", "sp-2"},
		RoutingProfileId:   aws.String("rp-1"),
		HierarchyGroupId:   aws.String(""),
		AutoAcceptConfigs: []types.AutoAcceptConfig{
			{Channel: types.ChannelVoice, AutoAccept: false, AgentFirstCallbackAutoAccept: aws.Bool(true)},
			{Channel: types.ChannelChat, AutoAccept: true},
		},
		AfterContactWorkConfigs: []types.AfterContactWorkConfigPerChannel{
			{Channel: types.ChannelVoice, AfterContactWorkConfig: &types.AfterContactWorkConfig{AfterContactWorkTimeLimit: 30}, AgentFirstCallbackAfterContactWorkConfig: &types.AfterContactWorkConfig{}},
			{Channel: "PIGEON"},
		},
		PhoneNumberConfigs:          []types.PhoneNumberConfig{{Channel: types.ChannelVoice, PhoneType: types.PhoneTypeSoftPhone, PhoneNumber: aws.String("+15555550102")}},
		PersistentConnectionConfigs: []types.PersistentConnectionConfig{{Channel: types.ChannelVoice, PersistentConnection: aws.Bool(true)}, {Channel: types.ChannelTask}},
		VoiceEnhancementConfigs:     []types.VoiceEnhancementConfig{{Channel: types.ChannelVoice, VoiceEnhancementMode: types.VoiceEnhancementModeNoiseSuppression}},
		Tags:                        map[string]string{"env": "prod", "": ""},
	}
	got, lost := ToSDK(in)
	if lost != nil {
		t.Errorf("ToSDK reported %v; want nothing", cuerrors.Wants(lost))
	}
	if d := cmp.Diff(want, got, sdkTypes); d != "" {
		t.Errorf("ToSDK (-want +got):\n%s", d)
	}
	if d := cmp.Diff(in, FromSDK(got)); d != "" {
		t.Errorf("FromSDK(ToSDK(in)) (-in +got):\n%s", d)
	}
}

// TestToSDKLossy holds one case per way the SDK loses a value, with the
// edges of int32 (the round-trip property found no counterexample to freeze).
func TestToSDKLossy(t *testing.T) {
	const big = int64(math.MaxInt32) + 1
	tests := []struct {
		name string
		in   *user.CreateUserInput
		want []cuerrors.Want
		rule []string
		sdk  func(*connect.CreateUserInput) any // the SDK member concerned
		sent any
	}{
		{
			name: "PhoneConfig.AutoAccept false",
			in:   &user.CreateUserInput{PhoneConfig: &user.PhoneConfig{AutoAccept: new(false)}},
			want: []cuerrors.Want{{Field: "PhoneConfig.AutoAccept", Code: cuerrors.CodeIgnored, Severity: cuerrors.SeverityWarning}},
			rule: []string{"awsconnect.lossy.phone-config.auto-accept.false"},
			sdk:  func(o *connect.CreateUserInput) any { return o.PhoneConfig.AutoAccept },
			sent: false,
		},
		{
			name: "PhoneConfig.AfterContactWorkTimeLimit 0",
			in:   &user.CreateUserInput{PhoneConfig: &user.PhoneConfig{AfterContactWorkTimeLimit: new(int64(0))}},
			want: []cuerrors.Want{{Field: "PhoneConfig.AfterContactWorkTimeLimit", Code: cuerrors.CodeIgnored, Severity: cuerrors.SeverityWarning}},
			rule: []string{"awsconnect.lossy.phone-config.after-contact-work-time-limit.zero"},
			sdk:  func(o *connect.CreateUserInput) any { return o.PhoneConfig.AfterContactWorkTimeLimit },
			sent: int32(0),
		},
		{
			name: "PhoneConfig.AfterContactWorkTimeLimit above int32",
			in:   &user.CreateUserInput{PhoneConfig: &user.PhoneConfig{AfterContactWorkTimeLimit: new(big)}},
			want: []cuerrors.Want{{Field: "PhoneConfig.AfterContactWorkTimeLimit", Code: cuerrors.CodeRange, Severity: cuerrors.SeverityWarning}},
			rule: []string{"awsconnect.lossy.phone-config.after-contact-work-time-limit.int32"},
			sdk:  func(o *connect.CreateUserInput) any { return o.PhoneConfig.AfterContactWorkTimeLimit },
			sent: int32(math.MaxInt32),
		},
		{
			name: "PhoneConfig.AfterContactWorkTimeLimit below int32",
			in:   &user.CreateUserInput{PhoneConfig: &user.PhoneConfig{AfterContactWorkTimeLimit: new(int64(math.MinInt64))}},
			want: []cuerrors.Want{{Field: "PhoneConfig.AfterContactWorkTimeLimit", Code: cuerrors.CodeRange, Severity: cuerrors.SeverityWarning}},
			rule: []string{"awsconnect.lossy.phone-config.after-contact-work-time-limit.int32"},
			sdk:  func(o *connect.CreateUserInput) any { return o.PhoneConfig.AfterContactWorkTimeLimit },
			sent: int32(math.MinInt32),
		},
		{
			name: "PhoneConfig.AfterContactWorkTimeLimit that would wrap to a valid int32",
			in:   &user.CreateUserInput{PhoneConfig: &user.PhoneConfig{AfterContactWorkTimeLimit: new(int64(1<<32 + 60))}},
			want: []cuerrors.Want{{Field: "PhoneConfig.AfterContactWorkTimeLimit", Code: cuerrors.CodeRange, Severity: cuerrors.SeverityWarning}},
			rule: []string{"awsconnect.lossy.phone-config.after-contact-work-time-limit.int32"},
			sdk:  func(o *connect.CreateUserInput) any { return o.PhoneConfig.AfterContactWorkTimeLimit },
			sent: int32(math.MaxInt32),
		},
		{
			name: "PhoneConfig.PhoneType empty",
			in:   &user.CreateUserInput{PhoneConfig: &user.PhoneConfig{PhoneType: new(channel.PhoneType(""))}},
			want: []cuerrors.Want{{Field: "PhoneConfig.PhoneType", Code: cuerrors.CodeIgnored, Severity: cuerrors.SeverityWarning}},
			rule: []string{"awsconnect.lossy.phone-config.phone-type.empty"},
			sdk:  func(o *connect.CreateUserInput) any { return o.PhoneConfig.PhoneType },
			sent: types.PhoneType(""),
		},
		{
			name: "AutoAcceptConfigs[1].AutoAccept absent",
			in: &user.CreateUserInput{AutoAcceptConfigs: []channel.AutoAcceptConfig{
				{Channel: channel.Voice, AutoAccept: new(true)}, {Channel: channel.Chat},
			}},
			want: []cuerrors.Want{{Field: "AutoAcceptConfigs[1].AutoAccept", Code: cuerrors.CodeRequired, Severity: cuerrors.SeverityWarning}},
			rule: []string{"awsconnect.lossy.auto-accept-configs.auto-accept.absent"},
			sdk:  func(o *connect.CreateUserInput) any { return o.AutoAcceptConfigs[1].AutoAccept },
			sent: false,
		},
		{
			name: "AfterContactWorkConfigs time limits 0 and too large",
			in: &user.CreateUserInput{AfterContactWorkConfigs: []channel.AfterContactWorkConfig{
				{Channel: channel.Chat, AfterContactWorkConfig: &channel.AfterContactWork{AfterContactWorkTimeLimit: new(int64(5))}},
				{
					Channel:                                  channel.Voice,
					AfterContactWorkConfig:                   &channel.AfterContactWork{AfterContactWorkTimeLimit: new(int64(0))},
					AgentFirstCallbackAfterContactWorkConfig: &channel.AfterContactWork{AfterContactWorkTimeLimit: new(-big - 1)},
				},
			}},
			want: []cuerrors.Want{
				{Field: "AfterContactWorkConfigs[1].AfterContactWorkConfig.AfterContactWorkTimeLimit", Code: cuerrors.CodeIgnored, Severity: cuerrors.SeverityWarning},
				{Field: "AfterContactWorkConfigs[1].AgentFirstCallbackAfterContactWorkConfig.AfterContactWorkTimeLimit", Code: cuerrors.CodeRange, Severity: cuerrors.SeverityWarning},
			},
			rule: []string{"awsconnect.lossy.after-contact-work-configs.time-limit.zero", "awsconnect.lossy.after-contact-work-configs.time-limit.int32"},
			sdk: func(o *connect.CreateUserInput) any {
				return [2]int32{o.AfterContactWorkConfigs[1].AfterContactWorkConfig.AfterContactWorkTimeLimit, o.AfterContactWorkConfigs[1].AgentFirstCallbackAfterContactWorkConfig.AfterContactWorkTimeLimit}
			},
			sent: [2]int32{0, math.MinInt32},
		},
		{
			name: "AfterContactWorkTimeLimit at the int32 bounds is exact",
			in: &user.CreateUserInput{
				PhoneConfig: &user.PhoneConfig{AfterContactWorkTimeLimit: new(int64(math.MaxInt32))},
				AfterContactWorkConfigs: []channel.AfterContactWorkConfig{
					{AfterContactWorkConfig: &channel.AfterContactWork{AfterContactWorkTimeLimit: new(int64(math.MinInt32))}},
				},
			},
			sdk:  func(o *connect.CreateUserInput) any { return o.PhoneConfig.AfterContactWorkTimeLimit },
			sent: int32(math.MaxInt32),
		},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			out, lost := ToSDK(tc.in)
			if d := cuerrors.Diff(tc.want, lost); d != "" {
				t.Error(d)
			}
			var rules []string
			for _, v := range lost {
				rules = append(rules, v.Rule)
			}
			if d := cmp.Diff(tc.rule, rules); d != "" {
				t.Errorf("rules (-want +got):\n%s", d)
			}
			if d := cmp.Diff(tc.sent, tc.sdk(out)); d != "" {
				t.Errorf("SDK member (-want +got):\n%s", d)
			}
			// The report is deterministic.
			if _, again := ToSDK(tc.in); !cmp.Equal(cuerrors.Wants(lost), cuerrors.Wants(again)) {
				t.Errorf("second ToSDK reported %v, first %v", cuerrors.Wants(again), cuerrors.Wants(lost))
			}
		})
	}
}

// TestFromSDKDescribesTheWire: members the SDK leaves out of the request
// are absent in FromSDK's result, and AutoAcceptConfigs[i].AutoAccept,
// which it always sends, is present.
func TestFromSDKDescribesTheWire(t *testing.T) {
	in := &connect.CreateUserInput{
		Username:          aws.String(""),
		PhoneConfig:       &types.UserPhoneConfig{AutoAccept: false, AfterContactWorkTimeLimit: 0, PhoneType: ""},
		AutoAcceptConfigs: []types.AutoAcceptConfig{{Channel: types.ChannelChat}},
		AfterContactWorkConfigs: []types.AfterContactWorkConfigPerChannel{
			{Channel: types.ChannelChat, AfterContactWorkConfig: &types.AfterContactWorkConfig{AfterContactWorkTimeLimit: 0}},
		},
		SecurityProfileIds: []string{},
	}
	want := &user.CreateUserInput{
		PhoneConfig:       &user.PhoneConfig{},
		AutoAcceptConfigs: []channel.AutoAcceptConfig{{Channel: channel.Chat, AutoAccept: new(false)}},
		AfterContactWorkConfigs: []channel.AfterContactWorkConfig{
			{Channel: channel.Chat, AfterContactWorkConfig: &channel.AfterContactWork{}},
		},
		SecurityProfileIds: []string{},
	}
	if d := cmp.Diff(want, FromSDK(in)); d != "" {
		t.Errorf("FromSDK (-want +got):\n%s", d)
	}
}

// TestConvertSharesNoMemory: changing the result does not change the
// source, both ways.
func TestConvertSharesNoMemory(t *testing.T) {
	in := validConnectManaged("i-1")
	in.PhoneConfig = &user.PhoneConfig{PersistentConnection: new(true)}
	in.Tags = map[string]string{"k": "v"}
	out, _ := ToSDK(in)
	*out.PhoneConfig.PersistentConnection = false
	out.SecurityProfileIds[0] = "changed"
	out.Tags["k"] = "changed"
	*out.Password = "changed"
	if d := cmp.Diff(validConnectManaged("i-1").SecurityProfileIds, in.SecurityProfileIds); d != "" || !*in.PhoneConfig.PersistentConnection || in.Tags["k"] != "v" || in.Password.Reveal() != "Str0ngPassw0rd" {
		t.Error("ToSDK's result shares memory with its input")
	}
	back := FromSDK(out)
	*back.PhoneConfig.PersistentConnection = true
	back.SecurityProfileIds[0] = "again"
	back.Tags["k"] = "again"
	if *out.PhoneConfig.PersistentConnection || out.SecurityProfileIds[0] != "changed" || out.Tags["k"] != "changed" {
		t.Error("FromSDK's result shares memory with its input")
	}
}

// TestLossyReportHidesSecrets: no sensitive value reaches a message, a
// value, String, %v, %+v or JSON of the lossy report.
func TestLossyReportHidesSecrets(t *testing.T) {
	const marker = "S3cretMarker"
	s := new(identity.Secret(marker))
	in := &user.CreateUserInput{
		Password:     s,
		IdentityInfo: &identity.Info{FirstName: s, LastName: s, Email: s, SecondaryEmail: s, Mobile: s},
		PhoneConfig: &user.PhoneConfig{
			PhoneType: new(channel.PhoneType("")), AutoAccept: new(false), AfterContactWorkTimeLimit: new(int64(0)), DeskPhoneNumber: s,
		},
		AutoAcceptConfigs:       []channel.AutoAcceptConfig{{Channel: marker}},
		AfterContactWorkConfigs: []channel.AfterContactWorkConfig{{Channel: channel.Voice, AfterContactWorkConfig: &channel.AfterContactWork{AfterContactWorkTimeLimit: new(int64(0))}}},
		PhoneNumberConfigs:      []channel.PhoneNumberConfig{{Channel: channel.Voice, PhoneType: channel.DeskPhone, PhoneNumber: s}},
	}
	_, lost := ToSDK(in)
	if len(lost) != 5 {
		t.Fatalf("want 5 losses, got %v", cuerrors.Wants(lost))
	}
	j, _ := json.Marshal(lost)
	for _, text := range []string{lost.Error(), fmt.Sprintf("%v", lost), fmt.Sprintf("%+v", lost), string(j)} {
		if strings.Contains(text, marker) {
			t.Errorf("the lossy report shows a sensitive value: %s", text)
		}
	}
}

func TestLossyRules(t *testing.T) {
	rules := LossyRules()
	if len(rules) != int(lossyCount) {
		t.Fatalf("LossyRules has %d rows, want %d", len(rules), lossyCount)
	}
	seen := map[string]bool{}
	for _, r := range rules {
		if !strings.HasPrefix(r.ID, "awsconnect.lossy.") || seen[r.ID] {
			t.Errorf("rule id %q: not unique or not under awsconnect.lossy.", r.ID)
		}
		seen[r.ID] = true
		if !r.Code.Known() || r.Severity != cuerrors.SeverityWarning || r.Description == "" || r.Field == "" {
			t.Errorf("rule %q is incomplete: %+v", r.ID, r)
		}
	}
	rules[0].ID = "changed"
	if LossyRules()[0].ID == "changed" {
		t.Error("LossyRules returns the table itself, not a copy")
	}
}

// TestToSDKReportsInvalidUTF8: ToSDK never changes a value without saying
// so. A string that is not UTF-8 is copied as it is, but the SDK's JSON
// encoding sends U+FFFD in its place: "sp-\xff" and "sp-\xfe" would both
// arrive as "sp-\ufffd". Each such member is an awsconnect.lossy.utf8
// warning, without its value.
func TestToSDKReportsInvalidUTF8(t *testing.T) {
	in := &user.CreateUserInput{
		InstanceId:         "i-1",
		Username:           "mary",
		Password:           new(identity.Secret("Passw\xf6rd1")),
		IdentityInfo:       &identity.Info{FirstName: new(identity.Secret("Jos\xe9"))},
		SecurityProfileIds: []string{"sp-\xff", "sp-\xfe", "sp-ok"},
		RoutingProfileId:   "rp",
		Tags:               map[string]string{"k\xff": "v", "team": "\xfe"},
	}
	_, lost := ToSDK(in)
	want := []string{"Password", "IdentityInfo.FirstName", "SecurityProfileIds[0]", "SecurityProfileIds[1]", "Tags", "Tags[team]"}
	var got []string
	for _, v := range lost {
		if v.Rule != "awsconnect.lossy.utf8" || v.Code != cuerrors.CodeSyntax || v.Severity != cuerrors.SeverityWarning {
			t.Errorf("%s: %s %s %s, want awsconnect.lossy.utf8", v.Field, v.Rule, v.Code, v.Severity)
		}
		if v.Field.String() != "Tags" && !v.Value.IsZero() {
			t.Errorf("%s: carries a value", v.Field)
		}
		got = append(got, v.Field.String())
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("lossy paths (-want +got):\n%s", diff)
	}
	if _, lost := ToSDK(&user.CreateUserInput{Username: "ünïcødé", Tags: map[string]string{"é": "ü"}}); len(lost) != 0 {
		t.Errorf("valid UTF-8 reported as lost: %v", lost)
	}
}
