package awsconnect_test

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/connectkit/createuser/awsconnect"
)

// A Reader reads an instance at the service's quota: the instance, its
// listings by id and by name, its hierarchy paths and its users. One
// reader serves every look-up of a program (WithReader shares it).
func ExampleNewReader() {
	srv, client := demoService()
	defer srv.Close()
	r := awsconnect.NewReader(client, awsconnect.WithRequestTimeout(10*time.Second))
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute) // the whole job's deadline
	defer cancel()

	inst, err := r.Instance(ctx, "demo")
	if err != nil {
		fmt.Println(err) // a *LookupError naming the call
		return
	}
	fmt.Println(inst.Alias, inst.IdentityManagementType)

	profiles, _ := r.Listing(ctx, "demo", awsconnect.SecurityProfiles)
	fmt.Println(profiles.ByName("Agent")[0].ID)
	groups, _ := r.HierarchyGroups(ctx, "demo")
	for _, g := range groups {
		fmt.Println(g.ID, strings.Join(g.PathNames(), "|"))
	}
	u, exists, _ := r.User(ctx, "demo", "ana.silva")
	fmt.Println(exists, u.ID)
	users, _ := r.Users(ctx, "demo")
	fmt.Println(len(users), users[0].Request.Username)

	checker := awsconnect.NewInstanceChecker(client, awsconnect.WithReader(r))
	list, _ := checker.Check(ctx, demoUser("ana.silva", "sp-agent"))
	for _, v := range list {
		fmt.Println(v.Field, v.Code)
	}
	// Output:
	// demo CONNECT_MANAGED
	// sp-agent
	// g-europe Europe
	// g-paris Europe|Paris
	// true u-1
	// 1 ana.silva
	// Username duplicate
}
