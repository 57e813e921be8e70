package connecttest_test

import (
	"errors"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/connect"
	"github.com/aws/aws-sdk-go-v2/service/connect/types"
	"github.com/google/go-cmp/cmp"

	"github.com/connectkit/createuser/channel"
	"github.com/connectkit/createuser/identity"
	"github.com/connectkit/createuser/user"
)

// TestSDKUpdates drives every update operation with aws-sdk-go-v2, as a
// program would, and reads the user back through DescribeUser and the Go
// API.
func TestSDKUpdates(t *testing.T) {
	srv := newUpdateServer(t)
	client := newClient(srv)
	ctx := testContext(t)
	in, id := aws.String(cmInstance), aws.String(anaID)
	arn := aws.String(userARN(srv, cmInstance, anaID))
	calls := []struct {
		name string
		call func() error
	}{
		{"UpdateUserIdentityInfo", func() error {
			_, err := client.UpdateUserIdentityInfo(ctx, &connect.UpdateUserIdentityInfoInput{InstanceId: in, UserId: id,
				IdentityInfo: &types.UserIdentityInfo{FirstName: aws.String("Ana"), LastName: aws.String("Souza"), Email: aws.String("ana.souza@example.com")}})
			return err
		}},
		{"UpdateUserPhoneConfig", func() error {
			_, err := client.UpdateUserPhoneConfig(ctx, &connect.UpdateUserPhoneConfigInput{InstanceId: in, UserId: id,
				PhoneConfig: &types.UserPhoneConfig{PhoneType: types.PhoneTypeDeskPhone, DeskPhoneNumber: aws.String("+15555550100"), AfterContactWorkTimeLimit: 45, AutoAccept: true}})
			return err
		}},
		{"UpdateUserConfig", func() error {
			_, err := client.UpdateUserConfig(ctx, &connect.UpdateUserConfigInput{InstanceId: in, UserId: id,
				PersistentConnectionConfigs: []types.PersistentConnectionConfig{{Channel: types.ChannelVoice, PersistentConnection: aws.Bool(true)}}})
			return err
		}},
		{"UpdateUserRoutingProfile", func() error {
			_, err := client.UpdateUserRoutingProfile(ctx, &connect.UpdateUserRoutingProfileInput{InstanceId: in, UserId: id, RoutingProfileId: aws.String(basicRP)})
			return err
		}},
		{"UpdateUserSecurityProfiles", func() error {
			_, err := client.UpdateUserSecurityProfiles(ctx, &connect.UpdateUserSecurityProfilesInput{InstanceId: in, UserId: id, SecurityProfileIds: []string{agentSP, managerSP}})
			return err
		}},
		{"UpdateUserHierarchy", func() error {
			_, err := client.UpdateUserHierarchy(ctx, &connect.UpdateUserHierarchyInput{InstanceId: in, UserId: id, HierarchyGroupId: aws.String(group2)})
			return err
		}},
		{"TagResource", func() error {
			_, err := client.TagResource(ctx, &connect.TagResourceInput{ResourceArn: arn, Tags: map[string]string{"site": "lisbon"}})
			return err
		}},
		{"UntagResource", func() error {
			_, err := client.UntagResource(ctx, &connect.UntagResourceInput{ResourceArn: arn, TagKeys: []string{"team", "never"}})
			return err
		}},
	}
	for _, c := range calls {
		if err := c.call(); err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
	}
	got, _ := srv.User(cmInstance, anaID)
	want := anaUser()
	want.IdentityInfo = &identity.Info{FirstName: ptr(identity.Secret("Ana")), LastName: ptr(identity.Secret("Souza")), Email: ptr(identity.Secret("ana.souza@example.com"))}
	want.PhoneConfig = &user.PhoneConfig{PhoneType: ptr(channel.DeskPhone), DeskPhoneNumber: ptr(identity.Secret("+15555550100")), AfterContactWorkTimeLimit: ptr(int64(45)), AutoAccept: ptr(true)}
	for i := range want.AfterContactWorkConfigs {
		want.AfterContactWorkConfigs[i].AfterContactWorkConfig = &channel.AfterContactWork{AfterContactWorkTimeLimit: ptr(int64(45))}
	}
	want.PersistentConnectionConfigs = []channel.PersistentConnectionConfig{{Channel: channel.Voice, PersistentConnection: ptr(true)}}
	want.SecurityProfileIds = []string{agentSP, managerSP}
	want.HierarchyGroupId = ptr(group2)
	want.Tags = map[string]string{"site": "lisbon"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("the user after the SDK's updates (-want +got):\n%s", diff)
	}
	desc, err := client.DescribeUser(ctx, &connect.DescribeUserInput{InstanceId: in, UserId: id})
	if err != nil {
		t.Fatal(err)
	}
	if desc.User.PhoneConfig.AfterContactWorkTimeLimit != 45 || !desc.User.PhoneConfig.AutoAccept || *desc.User.HierarchyGroupId != group2 ||
		!cmp.Equal(desc.User.Tags, map[string]string{"site": "lisbon"}) || *desc.User.IdentityInfo.LastName != "Souza" {
		t.Errorf("DescribeUser: %+v", desc.User)
	}
	// SearchUsers gives the same limit in milliseconds.
	found, err := client.SearchUsers(ctx, &connect.SearchUsersInput{InstanceId: in})
	if err != nil || len(found.Users) != 1 {
		t.Fatalf("SearchUsers: %v %+v", err, found)
	}
	if u := found.Users[0]; u.PhoneConfig.AfterContactWorkTimeLimit != 45_000 || u.AfterContactWorkConfigs[0].AfterContactWorkConfig.AfterContactWorkTimeLimit != 45_000 ||
		*u.IdentityInfo.FirstName != "Ana" {
		t.Errorf("SearchUsers: %+v", u)
	}
	if _, err := client.DeleteUser(ctx, &connect.DeleteUserInput{InstanceId: in, UserId: id}); err != nil {
		t.Fatal(err)
	}
}

// TestSDKUpdateErrors: the SDK raises the modelled exception of each
// refusal.
func TestSDKUpdateErrors(t *testing.T) {
	srv := newUpdateServer(t)
	client := newClient(srv)
	ctx := testContext(t)
	in, id := aws.String(cmInstance), aws.String(anaID)
	arn := aws.String(userARN(srv, cmInstance, anaID))
	cases := []struct {
		name string
		call func() error
		want error
	}{
		{"unknown instance", func() error {
			_, err := client.UpdateUserRoutingProfile(ctx, &connect.UpdateUserRoutingProfileInput{InstanceId: aws.String("nope"), UserId: id, RoutingProfileId: aws.String(basicRP)})
			return err
		}, &types.ResourceNotFoundException{}},
		{"a user of another instance", func() error {
			_, err := client.UpdateUserHierarchy(ctx, &connect.UpdateUserHierarchyInput{InstanceId: in, UserId: aws.String(otherID)})
			return err
		}, &types.ResourceNotFoundException{}},
		{"catalog: empty RoutingProfileId", func() error {
			_, err := client.UpdateUserRoutingProfile(ctx, &connect.UpdateUserRoutingProfileInput{InstanceId: in, UserId: id, RoutingProfileId: aws.String("")})
			return err
		}, &types.InvalidParameterException{}},
		{"catalog: a tag key aws:", func() error {
			_, err := client.TagResource(ctx, &connect.TagResourceInput{ResourceArn: arn, Tags: map[string]string{"aws:x": "y"}})
			return err
		}, &types.InvalidParameterException{}},
		{"unknown security profile", func() error {
			_, err := client.UpdateUserSecurityProfiles(ctx, &connect.UpdateUserSecurityProfilesInput{InstanceId: in, UserId: id, SecurityProfileIds: []string{"gone"}})
			return err
		}, &types.ResourceNotFoundException{}},
		{"unknown hierarchy group", func() error {
			_, err := client.UpdateUserHierarchy(ctx, &connect.UpdateUserHierarchyInput{InstanceId: in, UserId: id, HierarchyGroupId: aws.String("gone")})
			return err
		}, &types.ResourceNotFoundException{}},
		{"untag an unknown user", func() error {
			_, err := client.UntagResource(ctx, &connect.UntagResourceInput{ResourceArn: aws.String(userARN(srv, cmInstance, "nobody")), TagKeys: []string{"a"}})
			return err
		}, &types.ResourceNotFoundException{}},
		{"delete an unknown user", func() error {
			_, err := client.DeleteUser(ctx, &connect.DeleteUserInput{InstanceId: in, UserId: aws.String("nobody")})
			return err
		}, &types.ResourceNotFoundException{}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.call()
			if !errors.As(err, reflectNew(tc.want)) {
				t.Fatalf("err = %v, want %T", err, tc.want)
			}
			if code := errorCode(err); code != tc.want.(interface{ ErrorCode() string }).ErrorCode() {
				t.Errorf("error code %s", code)
			}
		})
	}
	var ip *types.InvalidParameterException
	_, err := client.UpdateUserIdentityInfo(ctx, &connect.UpdateUserIdentityInfoInput{InstanceId: in, UserId: id, IdentityInfo: &types.UserIdentityInfo{}})
	if !errors.As(err, &ip) || ip.Message == nil || *ip.Message == "" {
		t.Errorf("empty IdentityInfo under CONNECT_MANAGED: %v", err)
	}
	if u, _ := srv.User(cmInstance, anaID); !cmp.Equal(u, anaUser()) {
		t.Errorf("refused requests changed the user: %+v", u)
	}
}
