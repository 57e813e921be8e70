package awsconnect

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/service/connect"
	"github.com/aws/smithy-go/middleware"
	"github.com/leanovate/gopter"
	"github.com/leanovate/gopter/gen"
	"github.com/leanovate/gopter/prop"

	"github.com/connectkit/createuser/channel"
	cuerrors "github.com/connectkit/createuser/errors"
	"github.com/connectkit/createuser/identity"
	"github.com/connectkit/createuser/user"
)

// callSDK sends the SDK input of any user operation through client and
// returns the result's metadata.
func callSDK(ctx context.Context, client *connect.Client, in any) (middleware.Metadata, error) {
	switch in := in.(type) {
	case *connect.CreateUserInput:
		out, err := client.CreateUser(ctx, in)
		return metadataOf(out, err, func() middleware.Metadata { return out.ResultMetadata })
	case *connect.UpdateUserIdentityInfoInput:
		out, err := client.UpdateUserIdentityInfo(ctx, in)
		return metadataOf(out, err, func() middleware.Metadata { return out.ResultMetadata })
	case *connect.UpdateUserPhoneConfigInput:
		out, err := client.UpdateUserPhoneConfig(ctx, in)
		return metadataOf(out, err, func() middleware.Metadata { return out.ResultMetadata })
	case *connect.UpdateUserConfigInput:
		out, err := client.UpdateUserConfig(ctx, in)
		return metadataOf(out, err, func() middleware.Metadata { return out.ResultMetadata })
	case *connect.UpdateUserRoutingProfileInput:
		out, err := client.UpdateUserRoutingProfile(ctx, in)
		return metadataOf(out, err, func() middleware.Metadata { return out.ResultMetadata })
	case *connect.UpdateUserSecurityProfilesInput:
		out, err := client.UpdateUserSecurityProfiles(ctx, in)
		return metadataOf(out, err, func() middleware.Metadata { return out.ResultMetadata })
	case *connect.UpdateUserHierarchyInput:
		out, err := client.UpdateUserHierarchy(ctx, in)
		return metadataOf(out, err, func() middleware.Metadata { return out.ResultMetadata })
	case *connect.TagResourceInput:
		out, err := client.TagResource(ctx, in)
		return metadataOf(out, err, func() middleware.Metadata { return out.ResultMetadata })
	case *connect.UntagResourceInput:
		out, err := client.UntagResource(ctx, in)
		return metadataOf(out, err, func() middleware.Metadata { return out.ResultMetadata })
	case *connect.DeleteUserInput:
		out, err := client.DeleteUser(ctx, in)
		return metadataOf(out, err, func() middleware.Metadata { return out.ResultMetadata })
	}
	return middleware.Metadata{}, fmt.Errorf("callSDK: %T is no user operation", in)
}

func metadataOf[T any](out *T, err error, md func() middleware.Metadata) (middleware.Metadata, error) {
	if err != nil || out == nil {
		return middleware.Metadata{}, err
	}
	return md(), nil
}

// testUserARN is the ARN of user-1 of instance-1.
const testUserARN = "arn:aws:connect:us-east-1:123456789012:instance/instance-1/agent/user-1"

// preflightUpdateCases are, for every update operation, a valid request
// and an invalid one with the violation it must be stopped with.
var preflightUpdateCases = []struct {
	op       user.Operation
	valid    user.Request
	invalid  user.Request
	field    string
	code     cuerrors.Code
	category string
}{
	{user.OperationUpdateUserIdentityInfo,
		&user.UpdateUserIdentityInfoInput{InstanceId: "instance-1", UserId: "user-1", IdentityInfo: &identity.Info{
			FirstName: new(identity.Secret("Jane")), LastName: new(identity.Secret("Doe")), Email: new(identity.Secret("jane.doe@example.com"))}},
		&user.UpdateUserIdentityInfoInput{InstanceId: "instance-1", UserId: "user-1", IdentityInfo: &identity.Info{
			FirstName: new(identity.Secret("Jane")), LastName: new(identity.Secret("Doe")), Email: new(identity.Secret("jane.doe@example"))}},
		"IdentityInfo.Email", cuerrors.CodePattern, "the member's CreateUser rule"},
	{user.OperationUpdateUserPhoneConfig,
		&user.UpdateUserPhoneConfigInput{InstanceId: "instance-1", UserId: "user-1",
			PhoneConfig: &user.PhoneConfig{PhoneType: new(channel.SoftPhone), AutoAccept: new(true), AfterContactWorkTimeLimit: new(int64(30))}},
		&user.UpdateUserPhoneConfigInput{InstanceId: "instance-1", UserId: "user-1"},
		"PhoneConfig", cuerrors.CodeRequired, "a required member"},
	{user.OperationUpdateUserConfig,
		&user.UpdateUserConfigInput{InstanceId: "instance-1", UserId: "user-1",
			AutoAcceptConfigs: []channel.AutoAcceptConfig{{Channel: channel.Voice, AutoAccept: new(true)}}},
		&user.UpdateUserConfigInput{InstanceId: "instance-1", UserId: "user-1",
			AutoAcceptConfigs: []channel.AutoAcceptConfig{{Channel: "PIGEON", AutoAccept: new(true)}}},
		"AutoAcceptConfigs[0].Channel", cuerrors.CodeEnum, "a channel rule"},
	{user.OperationUpdateUserRoutingProfile,
		&user.UpdateUserRoutingProfileInput{InstanceId: "instance-1", UserId: "user-1", RoutingProfileId: "routing-profile-2"},
		&user.UpdateUserRoutingProfileInput{InstanceId: "instance-1", UserId: "user-1"},
		"RoutingProfileId", cuerrors.CodeRequired, "a required member"},
	{user.OperationUpdateUserSecurityProfiles,
		&user.UpdateUserSecurityProfilesInput{InstanceId: "instance-1", UserId: "user-1", SecurityProfileIds: []string{"sp-1", "sp-2"}},
		&user.UpdateUserSecurityProfilesInput{InstanceId: "instance-1", UserId: "user-1", SecurityProfileIds: []string{"sp-1", "sp-1"}},
		"SecurityProfileIds[1]", cuerrors.CodeDuplicate, "the member's CreateUser rule"},
	{user.OperationUpdateUserHierarchy,
		&user.UpdateUserHierarchyInput{InstanceId: "instance-1", UserId: "user-1", HierarchyGroupId: new("group-1")},
		&user.UpdateUserHierarchyInput{InstanceId: "instance-1", UserId: "user-1", HierarchyGroupId: new("")},
		"HierarchyGroupId", cuerrors.CodeLength, "the member's CreateUser rule"},
	{user.OperationTagResource,
		&user.TagResourceInput{ResourceArn: testUserARN, Tags: map[string]string{"team": "blue"}},
		&user.TagResourceInput{ResourceArn: testUserARN, Tags: map[string]string{"aws:team": "blue"}},
		"tags", cuerrors.CodeReserved, "a tag rule at the operation's wire name"},
	{user.OperationUntagResource,
		&user.UntagResourceInput{ResourceArn: testUserARN, TagKeys: []string{"team"}},
		&user.UntagResourceInput{ResourceArn: testUserARN},
		"tagKeys", cuerrors.CodeRequired, "a required member"},
	{user.OperationDeleteUser,
		&user.DeleteUserInput{InstanceId: "instance-1", UserId: "user-1"},
		&user.DeleteUserInput{InstanceId: strings.Repeat("i", 101), UserId: "user-1"},
		"InstanceId", cuerrors.CodeLength, "the member's CreateUser rule"},
}

// TestPreflightUpdates: through a client with the pre-flight, an invalid
// request of every update operation never reaches the network (the server
// on 127.0.0.1 counts what it receives) and fails with the catalog's list
// behind the SDK's OperationError; a valid one is sent once, with a
// report.
func TestPreflightUpdates(t *testing.T) {
	for _, c := range preflightUpdateCases {
		t.Run(string(c.op), func(t *testing.T) {
			f := newFakeConnect(t, nil)
			client := f.client(WithPreflight())
			ctx := context.Background()

			in, lost := ToSDKRequest(c.invalid)
			if lost.HasErrors() {
				t.Fatal(lost)
			}
			_, err := callSDK(ctx, client, in)
			var list cuerrors.List
			if !errors.As(err, &list) {
				t.Fatalf("the invalid request: %v; want the catalog's list", err)
			}
			if n := f.updates.Load(); n != 0 {
				t.Errorf("the invalid request reached the server (%d requests)", n)
			}
			if !hasViolation(list, c.field, c.code) {
				t.Errorf("%s: want a %s error at %s, got %v", c.category, c.code, c.field, cuerrors.Wants(list))
			}
			if want := user.NewValidator().ValidateRequest(c.invalid); !sameViolations(want, list) {
				t.Errorf("the pre-flight's list is not the catalog's:\n%v\n%v", cuerrors.Wants(want), cuerrors.Wants(list))
			}

			in, _ = ToSDKRequest(c.valid)
			md, err := callSDK(ctx, client, in)
			if err != nil {
				t.Fatalf("the valid request: %v", err)
			}
			if n := f.updates.Load(); n != 1 {
				t.Errorf("the valid request: %d requests reached the server, want 1", n)
			}
			if r, ok := ReportOf(md); !ok || r.Warnings.HasErrors() {
				t.Errorf("report %+v, %v", r, ok)
			}
		})
	}
}

func hasViolation(list cuerrors.List, field string, code cuerrors.Code) bool {
	for _, v := range list {
		if v.Field.String() == field && v.Code == code && v.Severity == cuerrors.SeverityError {
			return true
		}
	}
	return false
}

// TestPreflightUpdateIdentityFromInstance: UpdateUserIdentityInfo is
// checked under the instance's type: without a FirstName it passes under
// the unknown type, and is stopped, after one DescribeInstance and no
// update request, under CONNECT_MANAGED. The other updates do not read
// the instance.
func TestPreflightUpdateIdentityFromInstance(t *testing.T) {
	f := newFakeConnect(t, map[string]string{"instance-1": "CONNECT_MANAGED"})
	client := f.client(WithPreflight(IdentityFromInstance()))
	ctx := context.Background()
	in, _ := ToSDKUpdateUserIdentityInfo(&user.UpdateUserIdentityInfoInput{InstanceId: "instance-1", UserId: "user-1",
		IdentityInfo: &identity.Info{LastName: new(identity.Secret("Doe"))}})
	if l := user.NewValidator().ValidateRequest(FromSDKUpdateUserIdentityInfo(in)); l.HasErrors() {
		t.Fatalf("the request has errors under the unknown type: %v", l)
	}
	_, err := client.UpdateUserIdentityInfo(ctx, in)
	var list cuerrors.List
	if !errors.As(err, &list) || !hasViolation(list, "IdentityInfo.FirstName", cuerrors.CodeRequired) {
		t.Fatalf("want FirstName required under CONNECT_MANAGED, got %v", err)
	}
	if f.updates.Load() != 0 || f.describeCount("instance-1") != 1 {
		t.Errorf("%d updates, %d DescribeInstance; want 0 and 1", f.updates.Load(), f.describeCount("instance-1"))
	}
	out, err := client.UpdateUserRoutingProfile(ctx, &connect.UpdateUserRoutingProfileInput{
		InstanceId: new("instance-1"), UserId: new("user-1"), RoutingProfileId: new("routing-profile-2")})
	if err != nil {
		t.Fatal(err)
	}
	if f.updates.Load() != 1 || f.describeCount("instance-1") != 1 {
		t.Errorf("%d updates, %d DescribeInstance; want 1 and still 1", f.updates.Load(), f.describeCount("instance-1"))
	}
	if r, ok := ReportOf(out.ResultMetadata); !ok || r.Identity != identity.Unknown {
		t.Errorf("report %+v, %v: want one under the unknown type", r, ok)
	}
}

// TestPreflightLeavesOtherOperations: an operation that is not one of the
// user's (DescribeInstance) goes through untouched.
func TestPreflightLeavesOtherOperations(t *testing.T) {
	f := newFakeConnect(t, map[string]string{"instance-1": "SAML"})
	out, err := f.client(WithPreflight()).DescribeInstance(context.Background(), &connect.DescribeInstanceInput{InstanceId: new("instance-1")})
	if err != nil || out.Instance == nil {
		t.Fatalf("DescribeInstance: %v", err)
	}
	if _, ok := ReportOf(out.ResultMetadata); ok {
		t.Error("a report for an operation the pre-flight does not check")
	}
}

// TestPreflightUpdateProperty: for every update operation and generated
// requests (random members, valid and not), a call through the pre-flight
// client reaches the server exactly when the catalog finds no error in
// what the SDK sends, and is otherwise stopped with the catalog's list.
func TestPreflightUpdateProperty(t *testing.T) {
	f := newFakeConnect(t, nil)
	client := f.client(WithPreflight())
	v := user.NewValidator()
	for _, c := range updateCases {
		t.Run(string(c.op), func(t *testing.T) {
			var valid, invalid int
			props := newProperties(t, 100)
			props.Property("reaches the network iff the catalog finds no error", prop.ForAll(
				func(x *user.CreateUserInput) string {
					in, _ := ToSDKRequest(c.lib(x))
					sent, _ := FromSDKRequest(in)
					want := v.ValidateRequest(sent)
					if want.HasErrors() {
						invalid++
					} else {
						valid++
					}
					before := f.updates.Load()
					_, err := callSDK(context.Background(), client, in)
					reached := f.updates.Load() - before
					var list cuerrors.List
					switch {
					case want.HasErrors() && reached != 0:
						return "an invalid request reached the server: " + want.Error()
					case want.HasErrors() && (!errors.As(err, &list) || !sameViolations(want, list)):
						return fmt.Sprintf("stopped with %v, want the catalog's %v", err, want)
					case !want.HasErrors() && (err != nil || reached != 1):
						return fmt.Sprintf("a valid request: %v, %d requests", err, reached)
					}
					return ""
				},
				gen.OneGenOf(genInput(true), genPlausible(), genPlausible(), genPlausible()),
			))
			props.TestingRun(t)
			t.Logf("%d valid, %d invalid", valid, invalid)
			if valid+invalid >= 100 && (valid == 0 || invalid == 0) { // fewer cases may miss one side
				t.Errorf("%d valid and %d invalid requests: the property needs both", valid, invalid)
			}
		})
	}
}

// genPlausible generates requests near the catalog's edge: each member is
// one of a few values, valid ones (more often) and invalid ones, so that
// the update operations built from them are valid about as often as not.
// gen.Struct: the members not named here stay absent.
func genPlausible() gopter.Gen {
	secret := func(s ...string) gopter.Gen {
		vals := make([]any, len(s))
		for i, v := range s {
			if v == "-" {
				vals[i] = (*identity.Secret)(nil)
			} else {
				vals[i] = new(identity.Secret(v))
			}
		}
		return gen.OneConstOf(vals...)
	}
	return gen.StructPtr(reflect.TypeFor[user.CreateUserInput](), map[string]gopter.Gen{
		// A user's ARN: the resourceArn of TagResource and UntagResource.
		"InstanceId": gen.OneConstOf("inst-1", "inst-1", "inst-1", testUserARN, testUserARN, "", strings.Repeat("i", 101)),
		"Username":   gen.OneConstOf("user-1", "user-1", "user-1", ""),
		"IdentityInfo": gen.PtrOf(gen.Struct(reflect.TypeFor[identity.Info](), map[string]gopter.Gen{
			"FirstName": secret("Jane", "Jane", "-"),
			"LastName":  secret("Doe", "Doe", "-"),
			"Email":     secret("jane@example.com", "-", "jane@example"),
			"Mobile":    secret("-", "+15555550100", "555"),
		})),
		"PhoneConfig": gen.PtrOf(gen.Struct(reflect.TypeFor[user.PhoneConfig](), map[string]gopter.Gen{
			"PhoneType":                 gen.OneConstOf(new(channel.SoftPhone), new(channel.DeskPhone), new(channel.DeskPhone), new(channel.PhoneType("CELL"))),
			"DeskPhoneNumber":           secret("+15555550123", "+15555550123", "-"),
			"AutoAccept":                gen.PtrOf(gen.Bool()),
			"AfterContactWorkTimeLimit": gen.OneConstOf(new(int64(30)), new(int64(60)), new(int64(-1)), (*int64)(nil)),
		})),
		"SecurityProfileIds": gen.OneConstOf([]string{"sp-1"}, []string{"sp-1", "sp-2"}, []string{"sp-1", "sp-1"}, []string(nil)),
		"RoutingProfileId":   gen.OneConstOf("rp-1", "rp-1", ""),
		"HierarchyGroupId":   gen.OneConstOf(new("g-1"), (*string)(nil), new("")),
		"AutoAcceptConfigs": gen.OneConstOf(
			[]channel.AutoAcceptConfig{{Channel: channel.Voice, AutoAccept: new(true)}},
			[]channel.AutoAcceptConfig{{Channel: channel.Chat, AutoAccept: new(false)}},
			[]channel.AutoAcceptConfig{{Channel: "PIGEON", AutoAccept: new(true)}},
			[]channel.AutoAcceptConfig(nil)),
		"Tags": gen.OneConstOf(map[string]string{"team": "blue"}, map[string]string{"team": "blue", "site": "paris"},
			map[string]string{"aws:team": "blue"}, map[string]string(nil)),
	})
}
