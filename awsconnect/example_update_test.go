package awsconnect_test

import (
	"context"
	"errors"
	"fmt"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/connect"
	"github.com/aws/aws-sdk-go-v2/service/connect/types"

	"github.com/connectkit/createuser/awsconnect"
	"github.com/connectkit/createuser/channel"
	cuerrors "github.com/connectkit/createuser/errors"
	"github.com/connectkit/createuser/identity"
	"github.com/connectkit/createuser/user"
)

// Converting an update to the SDK's input: the SDK cannot send
// PhoneConfig.AutoAccept false (it omits false), so the conversion says
// so, with the same rule as for CreateUser.
func ExampleToSDKUpdateUserPhoneConfig() {
	in := &user.UpdateUserPhoneConfigInput{
		InstanceId: "i-1",
		UserId:     "u-1",
		PhoneConfig: &user.PhoneConfig{
			PhoneType:                 new(channel.SoftPhone),
			AutoAccept:                new(false),
			AfterContactWorkTimeLimit: new(int64(30)),
		},
	}
	out, lost := awsconnect.ToSDKUpdateUserPhoneConfig(in)
	fmt.Println(*out.UserId, out.PhoneConfig.PhoneType, out.PhoneConfig.AfterContactWorkTimeLimit)
	for _, v := range lost {
		fmt.Println(v.Field, v.Rule)
	}
	// Output:
	// u-1 SOFT_PHONE 30
	// PhoneConfig.AutoAccept awsconnect.lossy.phone-config.auto-accept.false
}

// ToSDKRequest converts a request of any user operation to the input of
// the SDK's method of that operation; FromSDKRequest goes back.
func ExampleToSDKRequest() {
	requests := []user.Request{
		&user.UpdateUserRoutingProfileInput{InstanceId: "i-1", UserId: "u-1", RoutingProfileId: "rp-2"},
		&user.TagResourceInput{ResourceArn: "arn:aws:connect:us-east-1:123456789012:instance/i-1/agent/u-1", Tags: map[string]string{"team": "blue"}},
		&user.DeleteUserInput{InstanceId: "i-1", UserId: "u-1"},
	}
	for _, r := range requests {
		in, lost := awsconnect.ToSDKRequest(r)
		back, _ := awsconnect.FromSDKRequest(in)
		fmt.Printf("%s %T %d %v\n", r.Operation(), in, len(lost), back.Operation() == r.Operation())
	}
	// Output:
	// UpdateUserRoutingProfile *connect.UpdateUserRoutingProfileInput 0 true
	// TagResource *connect.TagResourceInput 0 true
	// DeleteUser *connect.DeleteUserInput 0 true
}

// FromSDKRequest describes what the SDK sends for the input of any user
// operation, as a request of the library.
func ExampleFromSDKRequest() {
	r, _ := awsconnect.FromSDKRequest(&connect.UpdateUserHierarchyInput{InstanceId: aws.String("i-1"), UserId: aws.String("u-1")})
	h := r.(*user.UpdateUserHierarchyInput)
	fmt.Println(r.Operation(), h.UserId, h.HierarchyGroupId == nil)
	// Output: UpdateUserHierarchy u-1 true
}

// ValidateSDKRequest checks the SDK's input of an update as the service
// will receive it, without copying it.
func ExampleValidateSDKRequest() {
	list := awsconnect.ValidateSDKRequest(user.NewValidator(), &connect.UpdateUserSecurityProfilesInput{
		InstanceId:         aws.String("i-1"),
		UserId:             aws.String("u-1"),
		SecurityProfileIds: []string{"sp-1", "sp-1"},
	})
	for _, v := range list {
		fmt.Println(v.Field, v.Code, v.Severity)
	}
	// Output: SecurityProfileIds[1] duplicate error
}

// The pre-flight checks the update operations too: an update that breaks
// the catalog never reaches the network.
func ExampleWithPreflight_update() {
	srv, cfg := localConnect()
	defer srv.Close()
	client := connect.NewFromConfig(cfg, awsconnect.WithPreflight())

	_, err := client.UpdateUserRoutingProfile(context.Background(), &connect.UpdateUserRoutingProfileInput{
		InstanceId: aws.String("i-1"),
		UserId:     aws.String("u-1"),
	})
	var list cuerrors.List
	if errors.As(err, &list) {
		for _, v := range list {
			fmt.Println(v.Field, v.Code, v.Severity)
		}
	}
	// Output: RoutingProfileId required error
}

// UpdateUserIdentityInfo replaces the whole IdentityInfo; the members
// convert as CreateUser's do.
func ExampleToSDKUpdateUserIdentityInfo() {
	out, lost := awsconnect.ToSDKUpdateUserIdentityInfo(&user.UpdateUserIdentityInfoInput{
		InstanceId:   "i-1",
		UserId:       "u-1",
		IdentityInfo: &identity.Info{FirstName: new(identity.Secret("Mary")), LastName: new(identity.Secret("Major"))},
	})
	fmt.Println(*out.IdentityInfo.FirstName, out.IdentityInfo.Email == nil, len(lost))
	// Output: Mary true 0
}

// The five channel-specific lists convert as CreateUser's: an absent
// AutoAccept cannot be left out by the SDK (it always sends the bool).
func ExampleToSDKUpdateUserConfig() {
	_, lost := awsconnect.ToSDKUpdateUserConfig(&user.UpdateUserConfigInput{
		InstanceId:        "i-1",
		UserId:            "u-1",
		AutoAcceptConfigs: []channel.AutoAcceptConfig{{Channel: channel.Chat}},
	})
	for _, v := range lost {
		fmt.Println(v.Field, v.Code)
	}
	// Output: AutoAcceptConfigs[0].AutoAccept required
}

func ExampleToSDKUpdateUserRoutingProfile() {
	out, _ := awsconnect.ToSDKUpdateUserRoutingProfile(&user.UpdateUserRoutingProfileInput{InstanceId: "i-1", UserId: "u-1", RoutingProfileId: "rp-2"})
	fmt.Println(*out.InstanceId, *out.UserId, *out.RoutingProfileId)
	// Output: i-1 u-1 rp-2
}

func ExampleToSDKUpdateUserSecurityProfiles() {
	out, _ := awsconnect.ToSDKUpdateUserSecurityProfiles(&user.UpdateUserSecurityProfilesInput{InstanceId: "i-1", UserId: "u-1", SecurityProfileIds: []string{"sp-1", "sp-2"}})
	fmt.Println(out.SecurityProfileIds)
	// Output: [sp-1 sp-2]
}

// A HierarchyGroupId left out (nil) takes the user out of every group.
func ExampleToSDKUpdateUserHierarchy() {
	out, _ := awsconnect.ToSDKUpdateUserHierarchy(&user.UpdateUserHierarchyInput{InstanceId: "i-1", UserId: "u-1"})
	fmt.Println(out.HierarchyGroupId == nil)
	// Output: true
}

// A tag whose value is not UTF-8 is reported at the operation's wire name,
// tags, without the value.
func ExampleToSDKTagResource() {
	_, lost := awsconnect.ToSDKTagResource(&user.TagResourceInput{
		ResourceArn: "arn:aws:connect:us-east-1:123456789012:instance/i-1/agent/u-1",
		Tags:        map[string]string{"team": "blue", "site": "Z\xfcrich"},
	})
	for _, v := range lost {
		fmt.Println(v.Field, v.Rule)
	}
	// Output: tags[site] awsconnect.lossy.utf8
}

func ExampleToSDKUntagResource() {
	out, _ := awsconnect.ToSDKUntagResource(&user.UntagResourceInput{
		ResourceArn: "arn:aws:connect:us-east-1:123456789012:instance/i-1/agent/u-1",
		TagKeys:     []string{"team"},
	})
	fmt.Println(out.TagKeys)
	// Output: [team]
}

func ExampleToSDKDeleteUser() {
	out, lost := awsconnect.ToSDKDeleteUser(&user.DeleteUserInput{InstanceId: "i-1", UserId: "u-1"})
	fmt.Println(*out.InstanceId, *out.UserId, lost == nil)
	// Output: i-1 u-1 true
}

// What the SDK sends: PhoneConfig.AutoAccept false is left out of the
// wire, so it is absent in the library's request.
func ExampleFromSDKUpdateUserPhoneConfig() {
	r := awsconnect.FromSDKUpdateUserPhoneConfig(&connect.UpdateUserPhoneConfigInput{
		InstanceId:  aws.String("i-1"),
		UserId:      aws.String("u-1"),
		PhoneConfig: &types.UserPhoneConfig{PhoneType: types.PhoneTypeSoftPhone, AutoAccept: false},
	})
	fmt.Println(*r.PhoneConfig.PhoneType, r.PhoneConfig.AutoAccept == nil)
	// Output: SOFT_PHONE true
}
