package awsconnect

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/service/connect"
	"github.com/aws/smithy-go/middleware"

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
