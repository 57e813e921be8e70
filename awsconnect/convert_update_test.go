package awsconnect

import (
	"context"
	"io"
	"math"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/connect"
	"github.com/google/go-cmp/cmp"

	"github.com/connectkit/createuser/channel"
	cuerrors "github.com/connectkit/createuser/errors"
	"github.com/connectkit/createuser/identity"
	"github.com/connectkit/createuser/user"
)

// TestToSDKUpdateLosses: an update reports a loss exactly where CreateUser
// reports one for the same member (same rule, same path), and the
// members of its own at their wire names.
func TestToSDKUpdateLosses(t *testing.T) {
	type loss struct{ Field, Rule string }
	tests := []struct {
		name string
		in   user.Request
		want []loss
	}{
		{"phone config: false, 0 and an empty type", &user.UpdateUserPhoneConfigInput{InstanceId: "i", UserId: "u",
			PhoneConfig: &user.PhoneConfig{PhoneType: new(channel.PhoneType("")), AutoAccept: new(false), AfterContactWorkTimeLimit: new(int64(0))}},
			[]loss{{"PhoneConfig.PhoneType", "awsconnect.lossy.phone-config.phone-type.empty"},
				{"PhoneConfig.AutoAccept", "awsconnect.lossy.phone-config.auto-accept.false"},
				{"PhoneConfig.AfterContactWorkTimeLimit", "awsconnect.lossy.phone-config.after-contact-work-time-limit.zero"}}},
		{"phone config: beyond int32", &user.UpdateUserPhoneConfigInput{PhoneConfig: &user.PhoneConfig{AfterContactWorkTimeLimit: new(int64(math.MaxInt32) + 1)}},
			[]loss{{"PhoneConfig.AfterContactWorkTimeLimit", "awsconnect.lossy.phone-config.after-contact-work-time-limit.int32"}}},
		{"config: absent AutoAccept, limit 0, not UTF-8", &user.UpdateUserConfigInput{
			AutoAcceptConfigs: []channel.AutoAcceptConfig{{Channel: channel.Voice}},
			AfterContactWorkConfigs: []channel.AfterContactWorkConfig{{Channel: channel.Chat,
				AgentFirstCallbackAfterContactWorkConfig: &channel.AfterContactWork{AfterContactWorkTimeLimit: new(int64(0))}}},
			VoiceEnhancementConfigs: []channel.VoiceEnhancementConfig{{Channel: "V\xff"}}},
			[]loss{{"AutoAcceptConfigs[0].AutoAccept", "awsconnect.lossy.auto-accept-configs.auto-accept.absent"},
				{"AfterContactWorkConfigs[0].AgentFirstCallbackAfterContactWorkConfig.AfterContactWorkTimeLimit", "awsconnect.lossy.after-contact-work-configs.time-limit.zero"},
				{"VoiceEnhancementConfigs[0].Channel", "awsconnect.lossy.utf8"}}},
		{"identity info not UTF-8", &user.UpdateUserIdentityInfoInput{UserId: "u\xfe", IdentityInfo: &identity.Info{Email: new(identity.Secret("a\xff@example.com"))}},
			[]loss{{"IdentityInfo.Email", "awsconnect.lossy.utf8"}}}, // UserId is in the path
		{"tags at their wire name", &user.TagResourceInput{ResourceArn: "arn", Tags: map[string]string{"k\xff": "v", "team": "\xfe"}},
			[]loss{{"tags", "awsconnect.lossy.utf8"}, {"tags[team]", "awsconnect.lossy.utf8"}}},
		{"tag keys in the query string", &user.UntagResourceInput{ResourceArn: "arn\xfe", TagKeys: []string{"ok", "k\xff"}}, nil},
		{"security profiles", &user.UpdateUserSecurityProfilesInput{SecurityProfileIds: []string{"\xff"}},
			[]loss{{"SecurityProfileIds[0]", "awsconnect.lossy.utf8"}}},
		{"hierarchy", &user.UpdateUserHierarchyInput{HierarchyGroupId: new("\xff")}, []loss{{"HierarchyGroupId", "awsconnect.lossy.utf8"}}},
		{"routing profile", &user.UpdateUserRoutingProfileInput{RoutingProfileId: "\xff"}, []loss{{"RoutingProfileId", "awsconnect.lossy.utf8"}}},
		{"delete: the path only", &user.DeleteUserInput{InstanceId: "\xff", UserId: "u\xfe"}, nil},
		{"exact", &user.UpdateUserPhoneConfigInput{InstanceId: "i", UserId: "u",
			PhoneConfig: &user.PhoneConfig{PhoneType: new(channel.SoftPhone), AutoAccept: new(true), AfterContactWorkTimeLimit: new(int64(30))}}, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, lost := ToSDKRequest(tt.in)
			var got []loss
			for _, v := range lost {
				if v.Severity != cuerrors.SeverityWarning {
					t.Errorf("%s: severity %s", v.Field, v.Severity)
				}
				got = append(got, loss{v.Field.String(), v.Rule})
			}
			if d := cmp.Diff(tt.want, got); d != "" {
				t.Errorf("losses (-want +got):\n%s", d)
			}
		})
	}
}

// TestToSDKUpdateExact: the members of an update land in the SDK's
// members of the same name; "" is nil, a present "" HierarchyGroupId
// stays present.
func TestToSDKUpdateExact(t *testing.T) {
	got, lost := ToSDKUpdateUserHierarchy(&user.UpdateUserHierarchyInput{InstanceId: "i-1", UserId: "", HierarchyGroupId: new("")})
	want := &connect.UpdateUserHierarchyInput{InstanceId: new("i-1"), HierarchyGroupId: new("")}
	if d := cmp.Diff(want, got, sdkUpdateTypes); d != "" || lost != nil {
		t.Errorf("ToSDKUpdateUserHierarchy (-want +got):\n%s%v", d, lost)
	}
	tag, _ := ToSDKTagResource(&user.TagResourceInput{ResourceArn: "arn:x", Tags: map[string]string{}})
	if tag.Tags == nil || len(tag.Tags) != 0 || *tag.ResourceArn != "arn:x" {
		t.Errorf("ToSDKTagResource: %+v; an empty map must stay empty and non-nil", tag)
	}
	in := &user.UpdateUserSecurityProfilesInput{InstanceId: "i", UserId: "u", SecurityProfileIds: []string{"sp-1"}}
	out, _ := ToSDKUpdateUserSecurityProfiles(in)
	out.SecurityProfileIds[0] = "changed"
	if in.SecurityProfileIds[0] != "sp-1" {
		t.Error("the SDK input shares the list with the request")
	}
}

// otherRequest is a request of no operation that awsconnect knows.
type otherRequest struct{}

func (otherRequest) Operation() user.Operation { return "ListUsers" }

// TestToSDKRequestBadInput: nil, typed nil pointers and unknown types
// convert without a panic.
func TestToSDKRequestBadInput(t *testing.T) {
	for _, r := range []user.Request{nil, (*user.CreateUserInput)(nil), (*user.UpdateUserPhoneConfigInput)(nil), (*user.DeleteUserInput)(nil)} {
		if out, lost := ToSDKRequest(r); out != nil || lost != nil {
			t.Errorf("ToSDKRequest(%T nil) = %v, %v; want nil, nil", r, out, lost)
		}
	}
	out, lost := ToSDKRequest(otherRequest{})
	if out != nil || len(lost) != 1 || lost[0].Rule != RuleRequestType || lost[0].Code != cuerrors.CodeType || !lost.HasErrors() {
		t.Errorf("ToSDKRequest(other) = %v, %v", out, lost)
	}
	for _, in := range []any{nil, (*connect.CreateUserInput)(nil), (*connect.TagResourceInput)(nil)} {
		if r, errs := FromSDKRequest(in); r != nil || errs != nil {
			t.Errorf("FromSDKRequest(%T nil) = %v, %v; want nil, nil", in, r, errs)
		}
	}
	if r, errs := FromSDKRequest(&connect.ListUsersInput{}); r != nil || len(errs) != 1 || errs[0].Rule != RuleRequestType {
		t.Errorf("FromSDKRequest(ListUsersInput) = %v, %v", r, errs)
	}
}

// TestToSDKRequestDispatch: each request converts to its operation's SDK
// input, and back to a request of the same operation.
func TestToSDKRequestDispatch(t *testing.T) {
	for _, c := range updateCases {
		in := c.lib(&user.CreateUserInput{InstanceId: "i", Username: "u"})
		out, _ := ToSDKRequest(in)
		back, errs := FromSDKRequest(out)
		if errs != nil || back == nil || back.Operation() != c.op {
			t.Errorf("%s: %T back to %v (%v)", c.op, out, back, errs)
		}
	}
}

// TestUTF8LossesMatchTheWire: for CreateUser and every update operation,
// a request whose every string member holds an invalid byte is sent by
// the SDK to a recording server on 127.0.0.1. A UTF-8 loss is reported
// exactly when the body arrives with U+FFFD in it, and the members of the
// path and the query string arrive with their bytes (%FF).
func TestUTF8LossesMatchTheWire(t *testing.T) {
	type received struct{ uri, body string }
	var mu sync.Mutex
	var got []received
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		body, _ := io.ReadAll(r.Body)
		mu.Lock()
		got = append(got, received{r.RequestURI, string(body)})
		mu.Unlock()
		w.Header().Set("Content-Type", "application/json")
		_, _ = io.WriteString(w, `{}`)
	}))
	defer srv.Close()
	client := connect.New(connect.Options{Region: "us-east-1", BaseEndpoint: aws.String(srv.URL), Retryer: aws.NopRetryer{},
		Credentials: credentials.NewStaticCredentialsProvider("AKIDEXAMPLE", "secret", "")})
	bad := "x\xff"
	create := &user.CreateUserInput{
		InstanceId: bad, Username: bad, Password: new(identity.Secret(bad)),
		IdentityInfo:       &identity.Info{FirstName: new(identity.Secret(bad))},
		PhoneConfig:        &user.PhoneConfig{PhoneType: new(channel.PhoneType(bad)), DeskPhoneNumber: new(identity.Secret(bad))},
		DirectoryUserId:    new(bad),
		SecurityProfileIds: []string{bad}, RoutingProfileId: bad, HierarchyGroupId: new(bad),
		AutoAcceptConfigs: []channel.AutoAcceptConfig{{Channel: channel.Channel(bad), AutoAccept: new(true)}},
		Tags:              map[string]string{"k": bad},
	}
	requests := []user.Request{create}
	for _, c := range updateCases {
		requests = append(requests, c.lib(create))
	}
	for _, r := range requests {
		mu.Lock()
		got = got[:0]
		mu.Unlock()
		in, lost := ToSDKRequest(r)
		_, err := callSDK(context.Background(), client, in)
		mu.Lock()
		n := len(got)
		mu.Unlock()
		if err != nil || n != 1 {
			t.Fatalf("%s: %v, %d requests", r.Operation(), err, n)
		}
		replaced := strings.Contains(got[0].body, `\ufffd`) || strings.Contains(got[0].body, "\ufffd")
		if replaced != (len(lost) > 0) {
			t.Errorf("%s: body %q, losses %v", r.Operation(), got[0].body, lost)
		}
		if !strings.Contains(got[0].uri, "%FF") {
			t.Errorf("%s: the path or query %s lost its bytes", r.Operation(), got[0].uri)
		}
		for _, v := range lost {
			if v.Rule == "awsconnect.lossy.utf8" && (v.Field.String() == "InstanceId" || v.Field.String() == "UserId" || v.Field.String() == "resourceArn") {
				t.Errorf("%s: a loss reported at %s, which the path carries", r.Operation(), v.Field)
			}
		}
	}
}
