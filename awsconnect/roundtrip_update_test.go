package awsconnect

import (
	"reflect"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/service/connect"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/leanovate/gopter/prop"

	cuerrors "github.com/connectkit/createuser/errors"
	"github.com/connectkit/createuser/user"
)

// sdkUpdateTypes lists the SDK inputs of the update operations, for
// cmpopts.IgnoreUnexported.
var sdkUpdateTypes = cmpopts.IgnoreUnexported(
	connect.UpdateUserIdentityInfoInput{}, connect.UpdateUserPhoneConfigInput{}, connect.UpdateUserConfigInput{},
	connect.UpdateUserRoutingProfileInput{}, connect.UpdateUserSecurityProfilesInput{}, connect.UpdateUserHierarchyInput{},
	connect.TagResourceInput{}, connect.UntagResourceInput{}, connect.DeleteUserInput{},
)

// updateCase is one update operation for the round-trip properties: its
// generators (both derived from CreateUser's, member for member) and the
// view of its members that can be lost, laid over a CreateUserInput so
// that member finds them; the view shares the request's memory.
type updateCase struct {
	op      user.Operation
	members []string // the wire names of its members
	lib     func(*user.CreateUserInput) user.Request
	sdk     func(*connect.CreateUserInput) any
	view    func(user.Request) *user.CreateUserInput
}

var updateCases = []updateCase{
	{user.OperationUpdateUserIdentityInfo, []string{"InstanceId", "UserId", "IdentityInfo"},
		func(c *user.CreateUserInput) user.Request {
			return &user.UpdateUserIdentityInfoInput{InstanceId: c.InstanceId, UserId: c.Username, IdentityInfo: c.IdentityInfo}
		},
		func(c *connect.CreateUserInput) any {
			return &connect.UpdateUserIdentityInfoInput{InstanceId: c.InstanceId, UserId: c.Username, IdentityInfo: c.IdentityInfo}
		},
		func(user.Request) *user.CreateUserInput { return &user.CreateUserInput{} }},
	{user.OperationUpdateUserPhoneConfig, []string{"InstanceId", "UserId", "PhoneConfig"},
		func(c *user.CreateUserInput) user.Request {
			return &user.UpdateUserPhoneConfigInput{InstanceId: c.InstanceId, UserId: c.Username, PhoneConfig: c.PhoneConfig}
		},
		func(c *connect.CreateUserInput) any {
			return &connect.UpdateUserPhoneConfigInput{InstanceId: c.InstanceId, UserId: c.Username, PhoneConfig: c.PhoneConfig}
		},
		func(r user.Request) *user.CreateUserInput {
			return &user.CreateUserInput{PhoneConfig: r.(*user.UpdateUserPhoneConfigInput).PhoneConfig}
		}},
	{user.OperationUpdateUserConfig, []string{"InstanceId", "UserId", "AutoAcceptConfigs", "AfterContactWorkConfigs", "PhoneNumberConfigs", "PersistentConnectionConfigs", "VoiceEnhancementConfigs"},
		func(c *user.CreateUserInput) user.Request {
			return &user.UpdateUserConfigInput{InstanceId: c.InstanceId, UserId: c.Username, AutoAcceptConfigs: c.AutoAcceptConfigs,
				AfterContactWorkConfigs: c.AfterContactWorkConfigs, PhoneNumberConfigs: c.PhoneNumberConfigs,
				PersistentConnectionConfigs: c.PersistentConnectionConfigs, VoiceEnhancementConfigs: c.VoiceEnhancementConfigs}
		},
		func(c *connect.CreateUserInput) any {
			return &connect.UpdateUserConfigInput{InstanceId: c.InstanceId, UserId: c.Username, AutoAcceptConfigs: c.AutoAcceptConfigs,
				AfterContactWorkConfigs: c.AfterContactWorkConfigs, PhoneNumberConfigs: c.PhoneNumberConfigs,
				PersistentConnectionConfigs: c.PersistentConnectionConfigs, VoiceEnhancementConfigs: c.VoiceEnhancementConfigs}
		},
		func(r user.Request) *user.CreateUserInput {
			in := r.(*user.UpdateUserConfigInput)
			return &user.CreateUserInput{AutoAcceptConfigs: in.AutoAcceptConfigs, AfterContactWorkConfigs: in.AfterContactWorkConfigs}
		}},
	{user.OperationUpdateUserRoutingProfile, []string{"InstanceId", "UserId", "RoutingProfileId"},
		func(c *user.CreateUserInput) user.Request {
			return &user.UpdateUserRoutingProfileInput{InstanceId: c.InstanceId, UserId: c.Username, RoutingProfileId: c.RoutingProfileId}
		},
		func(c *connect.CreateUserInput) any {
			return &connect.UpdateUserRoutingProfileInput{InstanceId: c.InstanceId, UserId: c.Username, RoutingProfileId: c.RoutingProfileId}
		},
		func(user.Request) *user.CreateUserInput { return &user.CreateUserInput{} }},
	{user.OperationUpdateUserSecurityProfiles, []string{"InstanceId", "UserId", "SecurityProfileIds"},
		func(c *user.CreateUserInput) user.Request {
			return &user.UpdateUserSecurityProfilesInput{InstanceId: c.InstanceId, UserId: c.Username, SecurityProfileIds: c.SecurityProfileIds}
		},
		func(c *connect.CreateUserInput) any {
			return &connect.UpdateUserSecurityProfilesInput{InstanceId: c.InstanceId, UserId: c.Username, SecurityProfileIds: c.SecurityProfileIds}
		},
		func(user.Request) *user.CreateUserInput { return &user.CreateUserInput{} }},
	{user.OperationUpdateUserHierarchy, []string{"InstanceId", "UserId", "HierarchyGroupId"},
		func(c *user.CreateUserInput) user.Request {
			return &user.UpdateUserHierarchyInput{InstanceId: c.InstanceId, UserId: c.Username, HierarchyGroupId: c.HierarchyGroupId}
		},
		func(c *connect.CreateUserInput) any {
			return &connect.UpdateUserHierarchyInput{InstanceId: c.InstanceId, UserId: c.Username, HierarchyGroupId: c.HierarchyGroupId}
		},
		func(user.Request) *user.CreateUserInput { return &user.CreateUserInput{} }},
	{user.OperationTagResource, []string{"resourceArn", "tags"},
		func(c *user.CreateUserInput) user.Request {
			return &user.TagResourceInput{ResourceArn: c.InstanceId, Tags: c.Tags}
		},
		func(c *connect.CreateUserInput) any {
			return &connect.TagResourceInput{ResourceArn: c.InstanceId, Tags: c.Tags}
		},
		func(user.Request) *user.CreateUserInput { return &user.CreateUserInput{} }},
	{user.OperationUntagResource, []string{"resourceArn", "tagKeys"},
		func(c *user.CreateUserInput) user.Request {
			return &user.UntagResourceInput{ResourceArn: c.InstanceId, TagKeys: c.SecurityProfileIds}
		},
		func(c *connect.CreateUserInput) any {
			return &connect.UntagResourceInput{ResourceArn: c.InstanceId, TagKeys: c.SecurityProfileIds}
		},
		func(user.Request) *user.CreateUserInput { return &user.CreateUserInput{} }},
	{user.OperationDeleteUser, []string{"InstanceId", "UserId"},
		func(c *user.CreateUserInput) user.Request {
			return &user.DeleteUserInput{InstanceId: c.InstanceId, UserId: c.Username}
		},
		func(c *connect.CreateUserInput) any {
			return &connect.DeleteUserInput{InstanceId: c.InstanceId, UserId: c.Username}
		},
		func(user.Request) *user.CreateUserInput { return &user.CreateUserInput{} }},
}

// TestUpdateCasesCoverEveryOperation: the properties below run for every
// update operation of the family.
func TestUpdateCasesCoverEveryOperation(t *testing.T) {
	var got []user.Operation
	for _, c := range updateCases {
		got = append(got, c.op)
	}
	if d := cmp.Diff(user.Operations()[1:], got); d != "" {
		t.Errorf("update cases (-operations +cases):\n%s", d)
	}
}

// TestRoundTripUpdateLibrary: for every update operation and generated
// requests x, FromSDKRequest(ToSDKRequest(x)) equals x except exactly
// where the lossy report says the SDK cannot carry a value; every loss is
// at a member of the operation.
func TestRoundTripUpdateLibrary(t *testing.T) {
	for _, c := range updateCases {
		t.Run(string(c.op), func(t *testing.T) {
			props := newProperties(t, 300)
			props.Property("FromSDK(ToSDK(x)) = x up to the reported losses", prop.ForAll(
				func(x *user.CreateUserInput) string { return roundTripUpdate(c, c.lib(x)) },
				genInput(false),
			))
			props.TestingRun(t)
		})
	}
}

func roundTripUpdate(c updateCase, x user.Request) string {
	sdk, lost := ToSDKRequest(x)
	if lost.HasErrors() {
		return "an error: " + lost.Error()
	}
	back, errs := FromSDKRequest(sdk)
	if errs != nil {
		return "FromSDKRequest: " + errs.Error()
	}
	if back.Operation() != c.op {
		return "the operation changed to " + string(back.Operation())
	}
	wasView, nowView := c.view(x), c.view(back)
	for i := range lost {
		v := &lost[i]
		if v.Severity != cuerrors.SeverityWarning || !strings.HasPrefix(v.Rule, "awsconnect.lossy.") {
			return "a loss that is not an awsconnect.lossy warning: " + v.Rule
		}
		if root, _, _ := strings.Cut(strings.SplitN(v.Field.String(), "[", 2)[0], "."); !contains(c.members, root) {
			return "a loss at a member the operation does not have: " + v.Field.String()
		}
		if v.Rule == "awsconnect.lossy.utf8" {
			continue // lost on the wire (U+FFFD), not in the SDK's struct
		}
		was, now := member(wasView, v.Field), member(nowView, v.Field)
		if !was.IsValid() || !now.IsValid() {
			return "a loss at a path that is no member: " + v.Field.String()
		}
		if reflect.DeepEqual(was.Interface(), now.Interface()) {
			return "a loss reported where the value survives: " + v.Field.String()
		}
		now.Set(was) // undo the reported loss
	}
	if d := cmp.Diff(x, back, cmpopts.EquateEmpty()); d != "" {
		return "an unreported difference (-x +back):\n" + d
	}
	return ""
}

func contains(list []string, s string) bool {
	for _, e := range list {
		if e == s {
			return true
		}
	}
	return false
}

// TestRoundTripUpdateSDK: for every update operation and generated SDK
// inputs s, ToSDKRequest(FromSDKRequest(s)) equals s and reports no loss.
func TestRoundTripUpdateSDK(t *testing.T) {
	for _, c := range updateCases {
		t.Run(string(c.op), func(t *testing.T) {
			props := newProperties(t, 300)
			props.Property("ToSDK(FromSDK(s)) = s, with no loss", prop.ForAll(
				func(x *connect.CreateUserInput) string {
					s := c.sdk(x)
					r, errs := FromSDKRequest(s)
					if errs != nil {
						return "FromSDKRequest: " + errs.Error()
					}
					back, lost := ToSDKRequest(r)
					if len(lost) != 0 {
						return "a loss on the way back: " + lost.Error()
					}
					if d := cmp.Diff(s, back, sdkTypes, sdkUpdateTypes, cmpopts.EquateEmpty()); d != "" {
						return "a difference (-s +back):\n" + d
					}
					return ""
				},
				genSDKInput(),
			))
			props.TestingRun(t)
		})
	}
}
