package user_test

import (
	"fmt"

	cuerrors "github.com/connectkit/createuser/errors"
	"github.com/connectkit/createuser/identity"
	"github.com/connectkit/createuser/user"
)

// A hot caller, such as a server checking one request after another,
// keeps one Validator and one list: AppendValidate appends to the list it
// is given, so once the list is large enough the violations cost no
// allocation.
func ExampleValidator_AppendValidate() {
	v := user.NewValidator(user.WithIdentityManagement(identity.ConnectManaged))
	requests := []*user.CreateUserInput{
		{InstanceId: "40c83b68-ea62-414c-97bb-d018e39e158e", Username: "mary", Password: new(identity.Secret("Sunrise2026Desk")),
			IdentityInfo:       &identity.Info{FirstName: new(identity.Secret("Mary")), LastName: new(identity.Secret("Major")), Email: new(identity.Secret("mary@example.com"))},
			SecurityProfileIds: []string{"12345678-1234-1234-1234-123456789012"}, RoutingProfileId: "87654321-9876-9876-9876-210987654321"},
		{InstanceId: "..", Username: "john doe", SecurityProfileIds: []string{"sp-\xff"}},
	}
	var list cuerrors.List
	for i, in := range requests {
		list = v.AppendValidate(list[:0], in)
		fmt.Printf("request %d: %d violations\n", i, len(list))
		for _, e := range list.Filter(func(v *cuerrors.Violation) bool { return v.Severity == cuerrors.SeverityError }) {
			fmt.Println(" ", e.Field, e.Code, e.Rule)
		}
	}
	// Output:
	// request 0: 0 violations
	// request 1: 8 violations
	//   InstanceId pattern instance-id.dot-segment
	//   Username pattern username.pattern
	//   Password required password.required
	//   IdentityInfo.FirstName required identity-info.first-name.required
	//   IdentityInfo.LastName required identity-info.last-name.required
	//   SecurityProfileIds[0] syntax document.utf8
	//   RoutingProfileId required routing-profile-id.required
}
