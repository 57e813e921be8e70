package awsconnect_test

import (
	"context"
	"errors"
	"fmt"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/connect"

	"github.com/connectkit/createuser/awsconnect"
	"github.com/connectkit/createuser/connecttest"
	cuerrors "github.com/connectkit/createuser/errors"
	"github.com/connectkit/createuser/identity"
	"github.com/connectkit/createuser/user"
)

// demoService starts the local service with one CONNECT_MANAGED instance
// "demo" (profiles Agent and Basic Routing Profile, groups Europe|Paris,
// the user ana.silva) and returns it with a client for it.
func demoService() (*connecttest.Server, *connect.Client) {
	srv := connecttest.NewServer()
	_ = srv.AddInstance(connecttest.Instance{
		Id: "demo", Alias: "demo", IdentityManagementType: identity.ConnectManaged,
		SecurityProfiles: []connecttest.Resource{{Id: "sp-agent", Name: "Agent"}},
		RoutingProfiles:  []connecttest.Resource{{Id: "rp-basic", Name: "Basic Routing Profile"}},
		HierarchyGroups:  []connecttest.HierarchyGroup{{Id: "g-europe", Name: "Europe"}, {Id: "g-paris", Name: "Paris", ParentId: "g-europe"}},
		Users:            []connecttest.User{{Id: "u-1", Username: "ana.silva", SecurityProfileIds: []string{"sp-agent"}, RoutingProfileId: "rp-basic"}},
	})
	client := connect.New(connect.Options{
		Region:       srv.Region(),
		Credentials:  credentials.NewStaticCredentialsProvider("local", "local", ""),
		BaseEndpoint: aws.String(srv.URL),
	})
	return srv, client
}

// demoUser returns a request valid under CONNECT_MANAGED.
func demoUser(username, profile string) *user.CreateUserInput {
	return &user.CreateUserInput{
		InstanceId: "demo", Username: username, Password: new(identity.Secret("Str0ngPassw0rd")),
		IdentityInfo: &identity.Info{FirstName: new(identity.Secret("Jane")), LastName: new(identity.Secret("Doe")),
			Email: new(identity.Secret("jane.doe@example.com"))},
		SecurityProfileIds: []string{profile}, RoutingProfileId: "rp-basic",
	}
}

// An InstanceChecker predicts what CreateUser would answer: here a taken
// Username and a mistyped security profile id.
func ExampleInstanceChecker_Check() {
	srv, client := demoService()
	defer srv.Close()
	checker := awsconnect.NewInstanceChecker(client)
	list, err := checker.Check(context.Background(), demoUser("ana.silva", "sp-agnet"))
	if err != nil {
		fmt.Println(err) // a look-up failed; the error names the call
		return
	}
	for _, v := range list {
		fmt.Println(v.Field, v.Code, v.Message)
	}
	// Output:
	// SecurityProfileIds[0] reference The instance has no security profile with this id. Did you mean Agent (sp-agent)?
	// Username duplicate The instance already has a user with this Username (compared exactly); CreateUser would answer DuplicateResourceException.
}

// A Resolver turns names into ids; names are case-sensitive, and a name
// that differs only in case is suggested.
func ExampleResolver() {
	srv, client := demoService()
	defer srv.Close()
	r := awsconnect.NewResolver(client, "demo")
	ctx := context.Background()
	id, _, _ := r.SecurityProfile(ctx, "Agent")
	group, _, _ := r.HierarchyGroup(ctx, []string{"Europe", "Paris"})
	_, v, _ := r.RoutingProfile(ctx, "basic routing profile")
	fmt.Println(id, group)
	fmt.Println(v.Field, v.Code, v.Value, v.Message)
	// Output:
	// sp-agent g-paris
	// RoutingProfileId reference "basic routing profile" The instance has no routing profile with this name (names are case-sensitive). Did you mean Basic Routing Profile (rp-basic)?
}

// WithInstanceChecks makes the pre-flight of a client stop what the
// instance would refuse, before anything is sent.
func ExampleWithInstanceChecks() {
	srv, _ := demoService()
	defer srv.Close()
	client := connect.New(connect.Options{
		Region:       srv.Region(),
		Credentials:  credentials.NewStaticCredentialsProvider("local", "local", ""),
		BaseEndpoint: aws.String(srv.URL),
	}, awsconnect.WithPreflight(awsconnect.WithInstanceChecks()))
	in, _ := awsconnect.ToSDK(demoUser("ana.silva", "sp-agent"))
	_, err := client.CreateUser(context.Background(), in)
	var list cuerrors.List
	if errors.As(err, &list) {
		fmt.Println(list[0].Field, list[0].Code)
	}
	fmt.Println(len(srv.Users("demo")), "user in the instance")
	// Output:
	// Username duplicate
	// 1 user in the instance
}

// CreateUser creates a user from a *user.CreateUserInput in one call and
// returns one report: what the SDK could not send and the catalog's
// warnings.
func ExampleCreateUser() {
	srv, client := demoService()
	defer srv.Close()
	in := demoUser("jdoe", "sp-agent")
	in.DirectoryUserId = new("d-1") // no effect in a CONNECT_MANAGED instance
	out, report, err := awsconnect.CreateUser(context.Background(), client, in, awsconnect.WithInstanceChecks())
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(aws.ToString(out.UserId) != "")
	for _, v := range report {
		fmt.Println(v.Field, v.Code, v.Severity)
	}
	// Output:
	// true
	// DirectoryUserId ignored warning
}
