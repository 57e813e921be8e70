package onboard_test

import (
	"context"
	"fmt"
	"os"
	"strings"

	"github.com/connectkit/createuser/connecttest"
	"github.com/connectkit/createuser/identity"
	"github.com/connectkit/createuser/onboard"
)

// Plan a file of users against an instance, apply the plan, and plan
// again: no change.
func ExampleApplier_Plan() {
	srv := connecttest.NewServer()
	defer srv.Close()
	srv.AddDemoInstances()
	const instance = "40c83b68-ea62-414c-97bb-d018e39e158e"
	mary, major := identity.Secret("Mary"), identity.Secret("Major")
	srv.AddUser(instance, connecttest.User{Id: "5f3c1a3e-0000-4000-8000-000000000001", Username: "mmajor",
		IdentityInfo:       &identity.Info{FirstName: &mary, LastName: &major},
		SecurityProfileIds: []string{"12345678-1234-1234-1234-123456789012"}, RoutingProfileId: "87654321-9876-9876-9876-210987654321",
		Tags: map[string]string{"team": "north"}})

	desired, _ := onboard.ReadJSONLines(strings.NewReader(
		`{"Username":"mmajor","IdentityInfo":{"FirstName":"Maria"},"Tags":{"team":"south"}}
{"Username":"dramirez","Password":"Passw0rdExample","IdentityInfo":{"FirstName":"Diego","LastName":"Ramirez","Email":"diego@example.com"},"SecurityProfileIds":["12345678-1234-1234-1234-123456789012"],"RoutingProfileId":"87654321-9876-9876-9876-210987654321"}
`), "users.jsonl")
	a := onboard.New(newClient(srv), onboard.WithInstanceID(instance))
	ctx := context.Background()
	plan, err := a.Plan(ctx, desired)
	if err != nil {
		fmt.Println(err)
		return
	}
	plan.WriteText(os.Stdout, false)
	sum, err := a.Apply(ctx, plan)
	fmt.Println("created", sum.Created, "updated", sum.Updated, err)
	plan, _ = a.Plan(ctx, desired)
	plan.WriteText(os.Stdout, false)
	// Output:
	//   ~ mmajor
	//       UpdateUserIdentityInfo
	//         IdentityInfo.FirstName: (changed)
	//       TagResource
	//         Tags[team]: "north" -> "south"
	//   + dramirez
	// Plan: 1 to create, 1 to update, 0 to delete, 0 unchanged, 0 invalid.
	// created 1 updated 1 <nil>
	// warning: Password replace-required (dramirez): The service has no operation that changes the password of an existing user; the file's password is not used.
	// No changes: the instance matches the file (2 unchanged).
}
