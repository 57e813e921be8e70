package onboard_test

import (
	"encoding/json"
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/connectkit/createuser/channel"
	"github.com/connectkit/createuser/identity"
	"github.com/connectkit/createuser/onboard"
	"github.com/connectkit/createuser/user"
)

func sec(s string) *identity.Secret { return new(identity.Secret(s)) }

// currentUser is a user as the instance holds it (normalized: a
// PhoneConfig always).
func currentUser() *user.CreateUserInput {
	return &user.CreateUserInput{
		InstanceId: testInstance, Username: "jdoe",
		IdentityInfo:       &identity.Info{FirstName: sec("Jane"), LastName: sec("Doe"), Email: sec("jane@example.com")},
		PhoneConfig:        &user.PhoneConfig{PhoneType: new(channel.SoftPhone), AutoAccept: new(false), AfterContactWorkTimeLimit: new(int64(0))},
		SecurityProfileIds: []string{agentID}, RoutingProfileId: routingID, HierarchyGroupId: new(groupTop),
		Tags: map[string]string{"team": "north", onboard.ManagedTagKey: onboard.ManagedTagValue},
	}
}

// opMembers is an operation with the paths of the members it changes.
type opMembers struct {
	Op      string
	Members []string
}

func summarize(changes []onboard.Change) []opMembers {
	var out []opMembers
	for _, c := range changes {
		om := opMembers{Op: c.Operation}
		for _, m := range c.Members {
			om.Members = append(om.Members, m.Path)
		}
		out = append(out, om)
	}
	return out
}

func TestDiff(t *testing.T) {
	tests := []struct {
		name     string
		desired  user.CreateUserInput
		want     []opMembers
		warnings []string // member:code
	}{
		{name: "only the username: nothing managed", desired: user.CreateUserInput{Username: "jdoe"}},
		{name: "the same values", desired: user.CreateUserInput{Username: "jdoe", RoutingProfileId: routingID,
			SecurityProfileIds: []string{agentID}, Tags: map[string]string{"team": "north"},
			IdentityInfo: &identity.Info{FirstName: sec("Jane")}}},
		{name: "ARNs name the same resources", desired: user.CreateUserInput{Username: "jdoe",
			RoutingProfileId: "arn:aws:connect:us-east-1:123456789012:instance/" + testInstance + "/routing-profile/" + routingID}},
		{name: "security profiles in another order", desired: user.CreateUserInput{Username: "jdoe", SecurityProfileIds: []string{agentID}}},
		{name: "routing profile", desired: user.CreateUserInput{Username: "jdoe", RoutingProfileId: "rp-2"},
			want: []opMembers{{onboard.OpUpdateUserRoutingProfile, []string{"RoutingProfileId"}}}},
		{name: "security profiles", desired: user.CreateUserInput{Username: "jdoe", SecurityProfileIds: []string{agentID, adminID}},
			want: []opMembers{{onboard.OpUpdateUserSecurityProfiles, []string{"SecurityProfileIds"}}}},
		{name: "hierarchy group", desired: user.CreateUserInput{Username: "jdoe", HierarchyGroupId: new(groupLeaf)},
			want: []opMembers{{onboard.OpUpdateUserHierarchy, []string{"HierarchyGroupId"}}}},
		{name: "first name: the rest of IdentityInfo kept", desired: user.CreateUserInput{Username: "jdoe", IdentityInfo: &identity.Info{FirstName: sec("Janet")}},
			want: []opMembers{{onboard.OpUpdateUserIdentityInfo, []string{"IdentityInfo.FirstName"}}}},
		{name: "email: a warning", desired: user.CreateUserInput{Username: "jdoe", IdentityInfo: &identity.Info{Email: sec("j@example.com")}},
			want:     []opMembers{{onboard.OpUpdateUserIdentityInfo, []string{"IdentityInfo.Email"}}},
			warnings: []string{"IdentityInfo.Email:email-change"}},
		{name: "mobile added", desired: user.CreateUserInput{Username: "jdoe", IdentityInfo: &identity.Info{Mobile: sec("+15555550100")}},
			want: []opMembers{{onboard.OpUpdateUserIdentityInfo, []string{"IdentityInfo.Mobile"}}}},
		{name: "phone: one member, the rest kept", desired: user.CreateUserInput{Username: "jdoe", PhoneConfig: &user.PhoneConfig{AutoAccept: new(true)}},
			want: []opMembers{{onboard.OpUpdateUserPhoneConfig, []string{"PhoneConfig.AutoAccept"}}}},
		{name: "tags: exactly those, managed-by kept", desired: user.CreateUserInput{Username: "jdoe", Tags: map[string]string{"team": "south", "site": "x"}},
			want: []opMembers{{onboard.OpTagResource, []string{"Tags[site]", "Tags[team]"}}}},
		{name: "tags: one removed", desired: user.CreateUserInput{Username: "jdoe", Tags: map[string]string{}},
			want: []opMembers{{onboard.OpUntagResource, []string{"Tags[team]"}}}},
		{name: "tags: the managed-by tag in the file is no change", desired: user.CreateUserInput{Username: "jdoe", Tags: map[string]string{"team": "north", onboard.ManagedTagKey: "someone"}}},
		{name: "channel settings", desired: user.CreateUserInput{Username: "jdoe", AutoAcceptConfigs: []channel.AutoAcceptConfig{{Channel: channel.Chat, AutoAccept: new(true)}}},
			want: []opMembers{{onboard.OpUpdateUserConfig, []string{"AutoAcceptConfigs"}}}},
		{name: "password and directory user id: replace-required", desired: user.CreateUserInput{Username: "jdoe", Password: sec("Passw0rdExample"), DirectoryUserId: new("d-1")},
			warnings: []string{"Password:replace-required", "DirectoryUserId:replace-required"}},
		{name: "several operations in order", desired: user.CreateUserInput{Username: "jdoe", RoutingProfileId: "rp-2", IdentityInfo: &identity.Info{LastName: sec("Roe")},
			PhoneConfig: &user.PhoneConfig{PhoneType: new(channel.DeskPhone), DeskPhoneNumber: sec("+15555550100")}, Tags: map[string]string{"team": "north", "x": "1"}},
			want: []opMembers{
				{onboard.OpUpdateUserIdentityInfo, []string{"IdentityInfo.LastName"}},
				{onboard.OpUpdateUserPhoneConfig, []string{"PhoneConfig.PhoneType", "PhoneConfig.DeskPhoneNumber"}},
				{onboard.OpUpdateUserRoutingProfile, []string{"RoutingProfileId"}},
				{onboard.OpTagResource, []string{"Tags[x]"}},
			}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			changes, warnings := onboard.Diff(&tc.desired, currentUser())
			if d := cmp.Diff(tc.want, summarize(changes)); d != "" {
				t.Errorf("operations (-want +got):\n%s", d)
			}
			var got []string
			for _, w := range warnings {
				got = append(got, w.Member+":"+w.Code)
			}
			if d := cmp.Diff(tc.warnings, got); d != "" {
				t.Errorf("warnings (-want +got):\n%s", d)
			}
			// Applying the operations' requests to the current user gives
			// a user whose diff is empty: the plan converges.
			after := applyChanges(currentUser(), changes)
			if again, _ := onboard.Diff(&tc.desired, after); len(again) > 0 {
				t.Errorf("after the changes, still %v", summarize(again))
			}
		})
	}
}

// applyChanges carries out changes on u as the service does.
func applyChanges(u *user.CreateUserInput, changes []onboard.Change) *user.CreateUserInput {
	u = u.Clone()
	for _, c := range changes {
		r := c.Request
		switch c.Operation {
		case onboard.OpUpdateUserIdentityInfo:
			u.IdentityInfo = r.IdentityInfo
		case onboard.OpUpdateUserPhoneConfig:
			u.PhoneConfig = r.PhoneConfig
		case onboard.OpUpdateUserConfig:
			if r.AutoAcceptConfigs != nil {
				u.AutoAcceptConfigs = r.AutoAcceptConfigs // no stored entries in these tests
			}
		case onboard.OpUpdateUserRoutingProfile:
			u.RoutingProfileId = r.RoutingProfileId
		case onboard.OpUpdateUserSecurityProfiles:
			u.SecurityProfileIds = r.SecurityProfileIds
		case onboard.OpUpdateUserHierarchy:
			u.HierarchyGroupId = r.HierarchyGroupId
		case onboard.OpTagResource:
			for k, v := range r.Tags {
				u.Tags[k] = v
			}
		case onboard.OpUntagResource:
			for _, k := range c.TagKeys {
				delete(u.Tags, k)
			}
		}
	}
	return u
}

func TestDiffHidesNamesAndShowsOldAndNew(t *testing.T) {
	changes, _ := onboard.Diff(&user.CreateUserInput{Username: "jdoe", RoutingProfileId: "rp-2",
		IdentityInfo: &identity.Info{FirstName: sec("Janet")}}, currentUser())
	want := []onboard.MemberChange{
		{Path: "IdentityInfo.FirstName", Old: json.RawMessage(`"Jane"`), New: json.RawMessage(`"Janet"`), Sensitive: true},
		{Path: "RoutingProfileId", Old: json.RawMessage(`"` + routingID + `"`), New: json.RawMessage(`"rp-2"`)},
	}
	var got []onboard.MemberChange
	for _, c := range changes {
		got = append(got, c.Members...)
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("(-want +got):\n%s", d)
	}
	// The identity update sends IdentityInfo whole.
	if ii := changes[0].Request.IdentityInfo; ii == nil || ii.LastName == nil || ii.Email == nil || ii.FirstName.Reveal() != "Janet" {
		t.Errorf("UpdateUserIdentityInfo request: %+v", ii)
	}
}

// TestDiffPrintsNoSensitiveValue: %v, %+v, %#v and %s of the changes, of
// a member and of a plan item show no name, email address or phone number
// (the plan's own forms hide them too unless asked).
func TestDiffPrintsNoSensitiveValue(t *testing.T) {
	changes, _ := onboard.Diff(&user.CreateUserInput{Username: "jdoe", RoutingProfileId: "rp-2",
		IdentityInfo: &identity.Info{FirstName: sec("Janet"), LastName: sec("Doe"), Email: sec("janet@example.com")},
		PhoneConfig:  &user.PhoneConfig{PhoneType: new(channel.DeskPhone), DeskPhoneNumber: sec("+12065550123"), AutoAccept: new(false), AfterContactWorkTimeLimit: new(int64(0))},
	}, currentUser())
	if len(changes) == 0 || len(changes[0].Members) == 0 {
		t.Fatalf("no changes: %v", changes)
	}
	it := onboard.Item{Username: "jdoe", Action: onboard.ActionUpdate, Changes: changes}
	for _, verb := range []string{"%v", "%+v", "%#v", "%s"} {
		for name, v := range map[string]any{"changes": changes, "member": changes[0].Members[0], "item": it, "*item": &it} {
			out := fmt.Sprintf(verb, v)
			for _, secret := range []string{"Jane", "Janet", "jane@example.com", "janet@example.com", "+12065550123", "2065550123"} {
				if strings.Contains(out, secret) {
					t.Errorf("%s of the %s shows %q: %s", verb, name, secret, out)
				}
			}
		}
	}
	// Routing profiles are not sensitive: their old and new values show.
	if out := fmt.Sprint(changes); !strings.Contains(out, "rp-2") {
		t.Errorf("%%v of the changes hides the routing profile: %s", out)
	}
}
