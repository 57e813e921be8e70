package connecttest_test

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/connect"
	"github.com/aws/aws-sdk-go-v2/service/connect/types"

	"github.com/connectkit/createuser/connecttest"
	"github.com/connectkit/createuser/identity"
)

// A test of code that creates users with aws-sdk-go-v2: start the local
// service, point BaseEndpoint at it, and assert on what it holds.
func ExampleNewServer() {
	srv := connecttest.NewServer()
	defer srv.Close()
	demo := srv.AddDemoInstances() // CONNECT_MANAGED, SAML, EXISTING_DIRECTORY

	client := connect.New(connect.Options{
		Region:       srv.Region(),
		Credentials:  credentials.NewStaticCredentialsProvider("AKIDEXAMPLE", "any", ""),
		BaseEndpoint: aws.String(srv.URL),
	})
	ctx := context.Background()
	in := &connect.CreateUserInput{
		InstanceId:         aws.String(demo[0].Id),
		Username:           aws.String("mary"),
		Password:           aws.String("Passw0rdExample"),
		IdentityInfo:       &types.UserIdentityInfo{FirstName: aws.String("Mary"), LastName: aws.String("Major")},
		PhoneConfig:        &types.UserPhoneConfig{PhoneType: types.PhoneTypeSoftPhone},
		SecurityProfileIds: []string{demo[0].SecurityProfiles[1].Id}, // Agent
		RoutingProfileId:   aws.String(demo[0].RoutingProfiles[0].Id),
	}
	out, err := client.CreateUser(ctx, in)
	fmt.Println(err, strings.HasPrefix(*out.UserArn, "arn:aws:connect:us-east-1:123456789012:instance/"+demo[0].Id+"/agent/"))

	_, err = client.CreateUser(ctx, in)
	var dup *types.DuplicateResourceException
	fmt.Println(errors.As(err, &dup))

	for _, u := range srv.Users(demo[0].Id) {
		fmt.Println(u.Username, u.SecurityProfileIds)
	}
	// Output:
	// <nil> true
	// true
	// mary [12345678-1234-1234-1234-123456789012]
}

// Seeding an instance with profiles, a hierarchy and a user, and reading
// it back.
func ExampleServer_AddInstance() {
	srv := connecttest.NewServer()
	defer srv.Close()
	err := srv.AddInstance(connecttest.Instance{
		Id:                     "11111111-2222-3333-4444-555555555555",
		Alias:                  "support",
		IdentityManagementType: identity.SAML,
		UserQuota:              100,
		SecurityProfiles:       []connecttest.Resource{{Id: "sp-agent", Name: "Agent"}},
		RoutingProfiles:        []connecttest.Resource{{Id: "rp-basic", Name: "Basic Routing Profile"}},
		HierarchyGroups: []connecttest.HierarchyGroup{
			{Id: "g-emea", Name: "EMEA"},
			{Id: "g-berlin", Name: "Berlin", ParentId: "g-emea"},
		},
		Users: []connecttest.User{{Id: "u-1", Username: "jdoe@example.com",
			SecurityProfileIds: []string{"sp-agent"}, RoutingProfileId: "rp-basic"}},
	})
	fmt.Println(err)
	in, _ := srv.Instance("11111111-2222-3333-4444-555555555555")
	fmt.Println(in.Alias, in.IdentityManagementType, len(in.HierarchyGroups), in.Users[0].Username)

	err = srv.AddUser(in.Id, connecttest.User{Username: "x", RoutingProfileId: "rp-missing"})
	fmt.Println(err)
	// Output:
	// <nil>
	// support SAML 2 jdoe@example.com
	// connecttest: instance 11111111-2222-3333-4444-555555555555: user x: no routing profile rp-missing
}

// A test of code that updates users: seed a user, let the code under test
// send its updates, and read the user back as stored.
func ExampleServer_User() {
	srv := connecttest.NewServer()
	defer srv.Close()
	demo := srv.AddDemoInstances()
	instance := demo[0]
	err := srv.AddUser(instance.Id, connecttest.User{Id: "u-1", Username: "mary",
		SecurityProfileIds: []string{instance.SecurityProfiles[1].Id}, RoutingProfileId: instance.RoutingProfiles[0].Id,
		Tags: map[string]string{"team": "blue"}})
	fmt.Println(err)

	client := connect.New(connect.Options{
		Region:       srv.Region(),
		Credentials:  credentials.NewStaticCredentialsProvider("AKIDEXAMPLE", "any", ""),
		BaseEndpoint: aws.String(srv.URL),
	})
	ctx := context.Background()
	_, err = client.UpdateUserSecurityProfiles(ctx, &connect.UpdateUserSecurityProfilesInput{
		InstanceId: aws.String(instance.Id), UserId: aws.String("u-1"),
		SecurityProfileIds: []string{instance.SecurityProfiles[2].Id}, // CallCenterManager
	})
	fmt.Println(err)
	_, err = client.TagResource(ctx, &connect.TagResourceInput{
		ResourceArn: aws.String("arn:aws:connect:us-east-1:123456789012:instance/" + instance.Id + "/agent/u-1"),
		Tags:        map[string]string{"site": "lisbon"},
	})
	fmt.Println(err)
	_, err = client.UpdateUserHierarchy(ctx, &connect.UpdateUserHierarchyInput{
		InstanceId: aws.String(instance.Id), UserId: aws.String("nobody"),
	})
	var nf *types.ResourceNotFoundException
	fmt.Println(errors.As(err, &nf))

	u, _ := srv.User(instance.Id, "u-1")
	fmt.Println(u.SecurityProfileIds, u.Tags)
	first, _ := srv.LastModified(instance.Id, "u-1")
	fmt.Println(!first.IsZero())
	// Output:
	// <nil>
	// <nil>
	// <nil>
	// true
	// [22345678-1234-1234-1234-123456789012] map[site:lisbon team:blue]
	// true
}
