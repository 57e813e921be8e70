// Command instance-check predicts the service's answer to CreateUser
// requests against an instance: the rule catalog, then what only the
// instance knows (its profiles, hierarchy groups and users). It starts the
// local service (package connecttest) on 127.0.0.1 with a demo instance,
// checks a few requests with an awsconnect.InstanceChecker, resolves
// names with its Resolver, and prints what each would get. It runs
// offline:
//
//	go run ./examples/instance-check
package main

import (
	"context"
	"fmt"
	"os"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/connect"

	"github.com/connectkit/createuser/awsconnect"
	"github.com/connectkit/createuser/connecttest"
	"github.com/connectkit/createuser/identity"
	"github.com/connectkit/createuser/user"
)

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "instance-check:", err)
		os.Exit(1)
	}
}

func run() error {
	srv := connecttest.NewServer()
	defer srv.Close()
	err := srv.AddInstance(connecttest.Instance{
		Id: "demo", Alias: "demo", IdentityManagementType: identity.ConnectManaged,
		SecurityProfiles: []connecttest.Resource{{Id: "sp-agent", Name: "Agent"}, {Id: "sp-admin", Name: "Admin"}},
		RoutingProfiles:  []connecttest.Resource{{Id: "rp-basic", Name: "Basic Routing Profile"}},
		HierarchyGroups: []connecttest.HierarchyGroup{
			{Id: "g-europe", Name: "Europe"}, {Id: "g-paris", Name: "Paris", ParentId: "g-europe"},
		},
		Users: []connecttest.User{{Id: "u-1", Username: "ana.silva", SecurityProfileIds: []string{"sp-agent"}, RoutingProfileId: "rp-basic"}},
	})
	if err != nil {
		return err
	}
	client := connect.New(connect.Options{
		Region:       srv.Region(),
		Credentials:  credentials.NewStaticCredentialsProvider("local", "local", ""), // any: the local service only wants a signature
		BaseEndpoint: aws.String(srv.URL),
	})
	ctx := context.Background()

	// One checker per client: what it reads of an instance is shared by
	// every check and by its resolvers, and kept for five minutes.
	checker := awsconnect.NewInstanceChecker(client)

	// Names to ids, as a person knows them.
	resolver := checker.Resolver("demo")
	agent, _, err := resolver.SecurityProfile(ctx, "Agent")
	if err != nil {
		return err
	}
	group, _, err := resolver.HierarchyGroup(ctx, []string{"Europe", "Paris"})
	if err != nil {
		return err
	}
	_, v, err := resolver.RoutingProfile(ctx, "basic routing profile")
	if err != nil {
		return err
	}
	fmt.Printf("Agent is %s, Europe|Paris is %s\n%s: %s\n", agent, group, v.Code, v.Message)

	for _, in := range []*user.CreateUserInput{
		newUser("jdoe", agent, "rp-basic", group),     // will be created
		newUser("ana.silva", agent, "rp-basic", ""),   // the username is taken
		newUser("mlopez", "sp-agnet", "rp-basic", ""), // a mistyped id
	} {
		list, err := checker.Check(ctx, in)
		if err != nil {
			return err // a look-up failed; the error names the call
		}
		fmt.Printf("%s: %d violations\n", in.Username, len(list))
		for _, v := range list {
			fmt.Printf("  %s %s %s\n", v.Field, v.Code, v.Message)
		}
	}
	counts := callCounts(srv)
	fmt.Println("calls:", counts["DescribeInstance"], "DescribeInstance,", counts["ListSecurityProfiles"], "ListSecurityProfiles,",
		counts["SearchUsers"], "SearchUsers, no CreateUser:", counts["CreateUser"] == 0)
	return nil
}

// newUser returns a request for a CONNECT_MANAGED instance.
func newUser(username, profile, routing, group string) *user.CreateUserInput {
	in := &user.CreateUserInput{
		InstanceId: "demo",
		Username:   username,
		Password:   new(identity.Secret("Str0ngPassw0rd")),
		IdentityInfo: &identity.Info{
			FirstName: new(identity.Secret("Jane")),
			LastName:  new(identity.Secret("Doe")),
			Email:     new(identity.Secret("jane.doe@example.com")),
		},
		SecurityProfileIds: []string{profile},
		RoutingProfileId:   routing,
	}
	if group != "" {
		in.HierarchyGroupId = new(group)
	}
	return in
}

func callCounts(srv *connecttest.Server) map[string]int {
	m := map[string]int{}
	for _, r := range srv.Requests() {
		m[r.Operation]++
	}
	return m
}
