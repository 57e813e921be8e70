package connecttest_test

import (
	"encoding/json"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/connectkit/createuser/channel"
	"github.com/connectkit/createuser/connecttest"
	"github.com/connectkit/createuser/identity"
	"github.com/connectkit/createuser/user"
)

func ptr[T any](v T) *T { return &v }

// seedAnswerUsers adds a user with nothing but the required members and one
// with every member that SearchUsers converts.
func seedAnswerUsers(t *testing.T, srv *connecttest.Server) {
	t.Helper()
	bare := connecttest.User{Id: "u-bare", Username: "bare", SecurityProfileIds: []string{agentSP}, RoutingProfileId: basicRP}
	full := connecttest.User{
		Id: "u-full", Username: "full", SecurityProfileIds: []string{agentSP}, RoutingProfileId: basicRP,
		IdentityInfo: &identity.Info{FirstName: ptr(identity.Secret("Ana")), LastName: ptr(identity.Secret("Silva")), Email: ptr(identity.Secret("ana@example.com"))},
		PhoneConfig:  &user.PhoneConfig{PhoneType: ptr(channel.DeskPhone), AfterContactWorkTimeLimit: ptr(int64(30)), DeskPhoneNumber: ptr(identity.Secret("+15555550100"))},
		AfterContactWorkConfigs: []channel.AfterContactWorkConfig{{
			Channel:                                  channel.Voice,
			AfterContactWorkConfig:                   &channel.AfterContactWork{AfterContactWorkTimeLimit: ptr(int64(45))},
			AgentFirstCallbackAfterContactWorkConfig: &channel.AfterContactWork{AfterContactWorkTimeLimit: ptr(int64(2_000_000))},
		}},
		Tags: map[string]string{"team": "blue"},
	}
	for _, u := range []connecttest.User{bare, full} {
		if err := srv.AddUser(cmInstance, u); err != nil {
			t.Fatal(err)
		}
	}
}

// TestDescribeUserDefaults: DescribeUser fills the service's defaults (a
// phone configuration always, Tags {} when none) and keeps what was set.
func TestDescribeUserDefaults(t *testing.T) {
	srv := connecttest.NewServer()
	defer srv.Close()
	srv.AddDemoInstances()
	seedAnswerUsers(t, srv)
	cases := []struct {
		id                string
		phoneConfig, tags string
	}{
		{"u-bare", `{"PhoneType":"SOFT_PHONE","AutoAccept":false,"AfterContactWorkTimeLimit":0,"DeskPhoneNumber":""}`, `{}`},
		{"u-full", `{"PhoneType":"DESK_PHONE","AutoAccept":false,"AfterContactWorkTimeLimit":30,"DeskPhoneNumber":"+15555550100"}`, `{"team":"blue"}`},
	}
	for _, tc := range cases {
		a := send(t, srv, "GET", "/users/"+cmInstance+"/"+tc.id, "", signed, nil)
		if a.status != 200 {
			t.Fatalf("%s: %d %s", tc.id, a.status, a.body)
		}
		var got struct {
			User struct{ PhoneConfig, Tags any }
		}
		if err := json.Unmarshal(a.body, &got); err != nil {
			t.Fatal(err)
		}
		var wantPC, wantTags any
		_ = json.Unmarshal([]byte(tc.phoneConfig), &wantPC)
		_ = json.Unmarshal([]byte(tc.tags), &wantTags)
		if diff := cmp.Diff(wantPC, got.User.PhoneConfig); diff != "" {
			t.Errorf("%s: PhoneConfig (-want +got):\n%s", tc.id, diff)
		}
		if diff := cmp.Diff(wantTags, got.User.Tags); diff != "" {
			t.Errorf("%s: Tags (-want +got):\n%s", tc.id, diff)
		}
	}
	// What the Go API reads back is what was stored: no defaults added.
	if u, _ := srv.User(cmInstance, "u-bare"); u.PhoneConfig != nil || u.Tags != nil {
		t.Errorf("the stored user gained defaults: %+v", u)
	}
}

// TestSearchUsersAnswer: SearchUsers without criteria returns every user,
// names only in IdentityInfo, and every after-contact-work time limit in
// milliseconds.
func TestSearchUsersAnswer(t *testing.T) {
	srv := connecttest.NewServer()
	defer srv.Close()
	srv.AddDemoInstances()
	seedAnswerUsers(t, srv)
	a := send(t, srv, "POST", "/search-users", "application/json", signed, []byte(`{"InstanceId":"`+cmInstance+`"}`))
	if a.status != 200 {
		t.Fatalf("%d %s", a.status, a.body)
	}
	var got struct{ Users []map[string]any }
	if err := json.Unmarshal(a.body, &got); err != nil {
		t.Fatal(err)
	}
	if len(got.Users) != 2 {
		t.Fatalf("%d users, want both", len(got.Users))
	}
	type want struct{ identityInfo, phoneConfig, acw string }
	wants := map[string]want{
		"bare": {`null`, `{"PhoneType":"SOFT_PHONE","AutoAccept":false,"AfterContactWorkTimeLimit":0,"DeskPhoneNumber":""}`, `null`},
		"full": {`{"FirstName":"Ana","LastName":"Silva"}`,
			`{"PhoneType":"DESK_PHONE","AutoAccept":false,"AfterContactWorkTimeLimit":30000,"DeskPhoneNumber":"+15555550100"}`,
			`[{"Channel":"VOICE","AfterContactWorkConfig":{"AfterContactWorkTimeLimit":45000},"AgentFirstCallbackAfterContactWorkConfig":{"AfterContactWorkTimeLimit":2000000000}}]`},
	}
	for _, u := range got.Users {
		name, _ := u["Username"].(string)
		w, ok := wants[name]
		if !ok {
			t.Fatalf("unexpected user %q", name)
		}
		for _, m := range []struct{ member, want string }{
			{"IdentityInfo", w.identityInfo}, {"PhoneConfig", w.phoneConfig}, {"AfterContactWorkConfigs", w.acw},
		} {
			var wantV any
			if err := json.Unmarshal([]byte(m.want), &wantV); err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(wantV, u[m.member]); diff != "" {
				t.Errorf("%s: %s (-want +got):\n%s", name, m.member, diff)
			}
		}
	}
	// The stored user keeps seconds.
	if u, _ := srv.User(cmInstance, "u-full"); *u.PhoneConfig.AfterContactWorkTimeLimit != 30 {
		t.Errorf("stored PhoneConfig %+v", u.PhoneConfig)
	}
}
