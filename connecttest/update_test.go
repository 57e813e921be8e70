package connecttest_test

import (
	"encoding/json"
	"fmt"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/connectkit/createuser/channel"
	"github.com/connectkit/createuser/connecttest"
	"github.com/connectkit/createuser/identity"
	"github.com/connectkit/createuser/user"
)

// TestUpdateErrors: each update operation is judged in the order instance
// (404), user (404), catalog (400), references (404), after the body is
// read (400 SerializationException); a refused request changes nothing.
func TestUpdateErrors(t *testing.T) {
	srv := newUpdateServer(t)
	before, _ := srv.User(cmInstance, anaID)
	modified, _ := srv.LastModified(cmInstance, anaID)
	fiftyOne := map[string]string{}
	for i := range 50 {
		fiftyOne[fmt.Sprintf("k%02d", i)] = "v"
	}
	cases := []struct {
		name      string
		req       user.Request
		status    int
		errorType string
	}{
		{"unknown instance", &user.UpdateUserRoutingProfileInput{InstanceId: "nope", UserId: anaID, RoutingProfileId: basicRP}, 404, connecttest.ErrResourceNotFound},
		{"unknown instance before the catalog", &user.UpdateUserRoutingProfileInput{InstanceId: "nope", UserId: anaID}, 404, connecttest.ErrResourceNotFound},
		{"unknown user", &user.UpdateUserRoutingProfileInput{InstanceId: cmInstance, UserId: "nobody", RoutingProfileId: basicRP}, 404, connecttest.ErrResourceNotFound},
		{"a user of another instance", &user.UpdateUserRoutingProfileInput{InstanceId: cmInstance, UserId: otherID, RoutingProfileId: basicRP}, 404, connecttest.ErrResourceNotFound},
		{"the ARN of a user of another instance", &user.UpdateUserHierarchyInput{InstanceId: cmInstance, UserId: userARN(srv, "other", otherID)}, 404, connecttest.ErrResourceNotFound},
		{"unknown user before the catalog", &user.UpdateUserIdentityInfoInput{InstanceId: cmInstance, UserId: "nobody"}, 404, connecttest.ErrResourceNotFound},
		{"no IdentityInfo", &user.UpdateUserIdentityInfoInput{InstanceId: cmInstance, UserId: anaID}, 400, connecttest.ErrInvalidParameter},
		{"no PhoneConfig", &user.UpdateUserPhoneConfigInput{InstanceId: cmInstance, UserId: anaID}, 400, connecttest.ErrInvalidParameter},
		{"no channel list", &user.UpdateUserConfigInput{InstanceId: cmInstance, UserId: anaID}, 400, connecttest.ErrInvalidParameter},
		{"no RoutingProfileId", &user.UpdateUserRoutingProfileInput{InstanceId: cmInstance, UserId: anaID}, 400, connecttest.ErrInvalidParameter},
		{"no SecurityProfileIds", &user.UpdateUserSecurityProfilesInput{InstanceId: cmInstance, UserId: anaID}, 400, connecttest.ErrInvalidParameter},
		{"unknown routing profile", &user.UpdateUserRoutingProfileInput{InstanceId: cmInstance, UserId: anaID, RoutingProfileId: "gone"}, 404, connecttest.ErrResourceNotFound},
		{"unknown security profile", &user.UpdateUserSecurityProfilesInput{InstanceId: cmInstance, UserId: anaID, SecurityProfileIds: []string{agentSP, "gone"}}, 404, connecttest.ErrResourceNotFound},
		{"unknown hierarchy group", &user.UpdateUserHierarchyInput{InstanceId: cmInstance, UserId: anaID, HierarchyGroupId: ptr("gone")}, 404, connecttest.ErrResourceNotFound},
		{"tags of an unknown user", &user.TagResourceInput{ResourceArn: userARN(srv, cmInstance, "nobody"), Tags: map[string]string{"a": "b"}}, 404, connecttest.ErrResourceNotFound},
		{"tags of an unknown instance", &user.TagResourceInput{ResourceArn: userARN(srv, "nope", anaID), Tags: map[string]string{"a": "b"}}, 404, connecttest.ErrResourceNotFound},
		{"no tags", &user.TagResourceInput{ResourceArn: userARN(srv, cmInstance, anaID)}, 400, connecttest.ErrInvalidParameter},
		{"a tag key aws:", &user.TagResourceInput{ResourceArn: userARN(srv, cmInstance, anaID), Tags: map[string]string{"aws:team": "x"}}, 400, connecttest.ErrInvalidParameter},
		{"a tag key AWS:", &user.TagResourceInput{ResourceArn: userARN(srv, cmInstance, anaID), Tags: map[string]string{"AWS:team": "x"}}, 400, connecttest.ErrInvalidParameter},
		{"51 tags after the merge", &user.TagResourceInput{ResourceArn: userARN(srv, cmInstance, anaID), Tags: fiftyOne}, 400, connecttest.ErrInvalidParameter},
		{"untag an unknown user", &user.UntagResourceInput{ResourceArn: userARN(srv, cmInstance, "nobody"), TagKeys: []string{"team"}}, 404, connecttest.ErrResourceNotFound},
		{"untag without keys", &user.UntagResourceInput{ResourceArn: userARN(srv, cmInstance, anaID)}, 400, connecttest.ErrInvalidParameter},
		{"delete an unknown user", &user.DeleteUserInput{InstanceId: cmInstance, UserId: "nobody"}, 404, connecttest.ErrResourceNotFound},
		{"delete a user of another instance", &user.DeleteUserInput{InstanceId: cmInstance, UserId: otherID}, 404, connecttest.ErrResourceNotFound},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			a := sendRequest(t, srv, tc.req)
			if a.status != tc.status || a.errorType != tc.errorType {
				t.Fatalf("%d %s, want %d %s (%s)", a.status, a.errorType, tc.status, tc.errorType, a.body)
			}
			var e struct {
				Message    string
				Violations []struct{ Field, Code, Severity string }
			}
			if err := json.Unmarshal(a.body, &e); err != nil || e.Message == "" {
				t.Fatalf("error body %s", a.body)
			}
			// The catalog's refusals carry every violation; the tag limit
			// after a merge is the state's, not the request's.
			catalog := tc.errorType == connecttest.ErrInvalidParameter && !strings.Contains(tc.name, "merge")
			if (len(e.Violations) > 0) != catalog {
				t.Errorf("Violations %v in a %s", e.Violations, tc.errorType)
			}
		})
	}

	// Bodies the service cannot read, before anything else is judged.
	path := "/users/" + cmInstance + "/" + anaID + "/routing-profile"
	for _, c := range []struct{ name, path, body string }{
		{"not JSON", path, `{"RoutingProfileId":`},
		{"a list", path, `[]`},
		{"null", path, `null`},
		{"empty", path, ``},
		{"wrong type", path, `{"RoutingProfileId":5}`},
		{"wrong type in a list", "/users/" + cmInstance + "/" + anaID + "/security-profiles", `{"SecurityProfileIds":"x"}`},
		{"wrong type for tags", "/tags/" + url.PathEscape(userARN(srv, cmInstance, anaID)), `{"tags":["a"]}`},
		{"invalid UTF-8", path, "{\"RoutingProfileId\":\"\xff\"}"},
		{"not JSON, unknown instance", "/users/nope/" + anaID + "/identity-info", `{`},
	} {
		a := send(t, srv, "POST", c.path, "application/json", signed, []byte(c.body))
		if a.status != 400 || a.errorType != connecttest.ErrSerialization {
			t.Errorf("%s: %d %s, want 400 %s", c.name, a.status, a.errorType, connecttest.ErrSerialization)
		}
	}

	after, _ := srv.User(cmInstance, anaID)
	if diff := cmp.Diff(before, after); diff != "" {
		t.Errorf("refused requests changed the user (-before +after):\n%s", diff)
	}
	if m, _ := srv.LastModified(cmInstance, anaID); !m.Equal(modified) {
		t.Errorf("refused requests changed LastModifiedTime: %v -> %v", modified, m)
	}
	if u, _ := srv.User("other", otherID); u.Username != "olga" {
		t.Errorf("the other instance's user: %+v", u)
	}
}

// TestUpdateSemantics: what each operation replaces, merges and clears,
// step after step on one user, read back through the Go API, with
// LastModifiedTime moving at every write.
func TestUpdateSemantics(t *testing.T) {
	srv := newUpdateServer(t)
	arn := userARN(srv, cmInstance, anaID)
	spARN := "arn:aws:connect:us-east-1:123456789012:instance/" + cmInstance + "/security-profile/" + managerSP
	steps := []struct {
		name   string
		req    user.Request
		change func(u *connecttest.User)
	}{
		{"identity info replaced whole", &user.UpdateUserIdentityInfoInput{InstanceId: cmInstance, UserId: anaID,
			IdentityInfo: &identity.Info{FirstName: ptr(identity.Secret("Ana")), LastName: ptr(identity.Secret("Souza"))}},
			func(u *connecttest.User) {
				u.IdentityInfo = &identity.Info{FirstName: ptr(identity.Secret("Ana")), LastName: ptr(identity.Secret("Souza"))}
			}},
		{"phone config replaced whole, its ACW to every channel", &user.UpdateUserPhoneConfigInput{InstanceId: cmInstance, UserId: anaID,
			PhoneConfig: &user.PhoneConfig{PhoneType: ptr(channel.DeskPhone), DeskPhoneNumber: ptr(identity.Secret("+15555550100")), AfterContactWorkTimeLimit: ptr(int64(60))}},
			func(u *connecttest.User) {
				u.PhoneConfig = &user.PhoneConfig{PhoneType: ptr(channel.DeskPhone), DeskPhoneNumber: ptr(identity.Secret("+15555550100")), AfterContactWorkTimeLimit: ptr(int64(60))}
				u.AfterContactWorkConfigs[0].AfterContactWorkConfig = &channel.AfterContactWork{AfterContactWorkTimeLimit: ptr(int64(60))}
				u.AfterContactWorkConfigs[1].AfterContactWorkConfig = &channel.AfterContactWork{AfterContactWorkTimeLimit: ptr(int64(60))}
			}},
		{"phone config without ACW: 0 everywhere", &user.UpdateUserPhoneConfigInput{InstanceId: cmInstance, UserId: anaID,
			PhoneConfig: &user.PhoneConfig{PhoneType: ptr(channel.SoftPhone)}},
			func(u *connecttest.User) {
				u.PhoneConfig = &user.PhoneConfig{PhoneType: ptr(channel.SoftPhone)}
				u.AfterContactWorkConfigs[0].AfterContactWorkConfig = &channel.AfterContactWork{AfterContactWorkTimeLimit: ptr(int64(0))}
				u.AfterContactWorkConfigs[1].AfterContactWorkConfig = &channel.AfterContactWork{AfterContactWorkTimeLimit: ptr(int64(0))}
			}},
		{"config per channel", &user.UpdateUserConfigInput{InstanceId: cmInstance, UserId: anaID,
			AutoAcceptConfigs:       []channel.AutoAcceptConfig{{Channel: channel.Voice, AutoAccept: ptr(true)}},
			AfterContactWorkConfigs: []channel.AfterContactWorkConfig{{Channel: channel.Chat, AfterContactWorkConfig: &channel.AfterContactWork{AfterContactWorkTimeLimit: ptr(int64(10))}}}},
			func(u *connecttest.User) {
				u.AutoAcceptConfigs = append(u.AutoAcceptConfigs, channel.AutoAcceptConfig{Channel: channel.Voice, AutoAccept: ptr(true)})
				u.AfterContactWorkConfigs[1] = channel.AfterContactWorkConfig{Channel: channel.Chat, AfterContactWorkConfig: &channel.AfterContactWork{AfterContactWorkTimeLimit: ptr(int64(10))}}
			}},
		{"security profiles replaced, ARNs kept as ids", &user.UpdateUserSecurityProfilesInput{InstanceId: cmInstance, UserId: anaID, SecurityProfileIds: []string{spARN}},
			func(u *connecttest.User) { u.SecurityProfileIds = []string{managerSP} }},
		{"routing profile replaced", &user.UpdateUserRoutingProfileInput{InstanceId: cmInstance, UserId: arn, RoutingProfileId: basicRP},
			func(*connecttest.User) {}},
		{"hierarchy replaced", &user.UpdateUserHierarchyInput{InstanceId: cmInstance, UserId: anaID, HierarchyGroupId: ptr(group2)},
			func(u *connecttest.User) { u.HierarchyGroupId = ptr(group2) }},
		{"no hierarchy group clears it", &user.UpdateUserHierarchyInput{InstanceId: cmInstance, UserId: anaID},
			func(u *connecttest.User) { u.HierarchyGroupId = nil }},
		{"tags merged", &user.TagResourceInput{ResourceArn: arn, Tags: map[string]string{"team": "red", "site": "lisbon"}},
			func(u *connecttest.User) { u.Tags = map[string]string{"team": "red", "site": "lisbon"} }},
		{"untag ignores unknown keys", &user.UntagResourceInput{ResourceArn: arn, TagKeys: []string{"team", "never"}},
			func(u *connecttest.User) { u.Tags = map[string]string{"site": "lisbon"} }},
		{"untag the last key", &user.UntagResourceInput{ResourceArn: arn, TagKeys: []string{"site"}},
			func(u *connecttest.User) { u.Tags = nil }},
	}
	want := anaUser()
	last, _ := srv.LastModified(cmInstance, anaID)
	for _, s := range steps {
		a := sendRequest(t, srv, s.req)
		if a.status != 200 || len(a.body) != 0 {
			t.Fatalf("%s: %d %s", s.name, a.status, a.body)
		}
		s.change(&want)
		got, _ := srv.User(cmInstance, anaID)
		if diff := cmp.Diff(want, got); diff != "" {
			t.Fatalf("%s: (-want +got):\n%s", s.name, diff)
		}
		m, _ := srv.LastModified(cmInstance, anaID)
		if !m.After(last) {
			t.Errorf("%s: LastModifiedTime %v, not after %v", s.name, m, last)
		}
		last = m
	}

	// DescribeUser and ListUsers give the new LastModifiedTime.
	a := send(t, srv, "GET", "/users/"+cmInstance+"/"+anaID, "", signed, nil)
	var desc struct {
		User struct {
			LastModifiedTime   float64
			LastModifiedRegion string
		}
	}
	if err := json.Unmarshal(a.body, &desc); err != nil {
		t.Fatal(err)
	}
	if got := time.UnixMilli(int64(desc.User.LastModifiedTime * 1000)); !got.Equal(last) || desc.User.LastModifiedRegion != srv.Region() {
		t.Errorf("DescribeUser LastModified %v %s, want %v %s", got, desc.User.LastModifiedRegion, last, srv.Region())
	}

	// DeleteUser removes the user and frees the username.
	if a := sendRequest(t, srv, &user.DeleteUserInput{InstanceId: cmInstance, UserId: anaID}); a.status != 200 {
		t.Fatalf("DeleteUser: %d %s", a.status, a.body)
	}
	if _, found := srv.User(cmInstance, anaID); found {
		t.Fatal("the user is there after DeleteUser")
	}
	if a := sendRequest(t, srv, &user.UpdateUserHierarchyInput{InstanceId: cmInstance, UserId: anaID}); a.status != 404 {
		t.Errorf("update of a deleted user: %d", a.status)
	}
	body := strings.Replace(validBody, `"raw.user"`, `"ana"`, 1)
	if a := send(t, srv, "PUT", "/users/"+cmInstance, "application/json", signed, []byte(body)); a.status != 200 {
		t.Errorf("CreateUser with the deleted user's name: %d %s", a.status, a.body)
	}
}

// TestUpdateWireExtras: members that are not the operation's are ignored,
// an unescaped ARN reaches TagResource, and other methods on the update
// paths are unknown operations.
func TestUpdateWireExtras(t *testing.T) {
	srv := newUpdateServer(t)
	a := send(t, srv, "POST", "/users/"+cmInstance+"/"+anaID+"/routing-profile", "application/json", signed,
		[]byte(`{"RoutingProfileId":"`+basicRP+`","InstanceId":5,"userid":[],"Colour":"red"}`))
	if a.status != 200 {
		t.Errorf("unknown and path members: %d %s", a.status, a.body)
	}
	a = send(t, srv, "POST", "/tags/"+userARN(srv, cmInstance, anaID), "application/json", signed, []byte(`{"tags":{"x":"y"}}`))
	if u, _ := srv.User(cmInstance, anaID); a.status != 200 || u.Tags["x"] != "y" {
		t.Errorf("unescaped ARN: %d %s", a.status, a.body)
	}
	for _, c := range []struct{ method, path string }{
		{"GET", "/users/" + cmInstance + "/" + anaID + "/routing-profile"},
		{"PUT", "/users/" + cmInstance + "/" + anaID + "/phone-config"},
		{"POST", "/users/" + cmInstance + "/" + anaID + "/colour"},
		{"GET", "/tags/" + url.PathEscape(userARN(srv, cmInstance, anaID))},
	} {
		if a := send(t, srv, c.method, c.path, "application/json", signed, []byte(`{}`)); a.status != 404 || a.errorType != connecttest.ErrUnknownOperation {
			t.Errorf("%s %s: %d %s", c.method, c.path, a.status, a.errorType)
		}
	}
}
