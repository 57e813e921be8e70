package user_test

import (
	"fmt"

	"github.com/connectkit/createuser/identity"
	"github.com/connectkit/createuser/user"
)

// A server that builds many requests makes its Validator once.
func ExampleBuilder_BuildWith() {
	v := user.NewValidator(user.WithIdentityManagement(identity.SAML))
	_, violations := user.NewBuilder().
		WithInstanceId("40c83b68-ea62-414c-97bb-d018e39e158e").
		WithUsername("mary").
		WithFirstName("Mary").WithLastName("Major").
		WithEmail(""). // an empty optional field is left out
		WithSecurityProfileIds("12345678-1234-1234-1234-123456789012").
		WithRoutingProfileId("87654321-9876-9876-9876-210987654321").
		BuildWith(v)
	fmt.Println(len(violations))
	// Output: 0
}

// Change a request read from a document; the original stays as it was.
func ExampleNewBuilderFrom() {
	in, _ := user.ValidateDocument([]byte(`{"InstanceId":"40c83b68-ea62-414c-97bb-d018e39e158e","Username":"mary"}`))
	out, _ := user.NewBuilderFrom(in).WithUsername("mary.major").BuildUnvalidated()
	fmt.Println(in.Username, out.Username, out.InstanceId)
	// Output: mary mary.major 40c83b68-ea62-414c-97bb-d018e39e158e
}

// BuildUnvalidated checks nothing: validate later, or elsewhere.
func ExampleBuilder_BuildUnvalidated() {
	in, recorded := user.NewBuilder().WithUsername("").WithTag("env", "prod").BuildUnvalidated()
	fmt.Printf("%q %v %d\n", in.Username, in.Tags, len(recorded))
	// Output: "" map[env:prod] 0
}

// For a report that leaves the organisation: usernames (often email
// addresses) are withheld too.
func ExampleWithRedactedUsernames() {
	doc := []byte(`{"InstanceId":"40c83b68-ea62-414c-97bb-d018e39e158e","Username":"mary major",
		"SecurityProfileIds":["12345678-1234-1234-1234-123456789012"],"RoutingProfileId":"87654321-9876-9876-9876-210987654321"}`)
	_, shown := user.ValidateDocument(doc)
	_, withheld := user.ValidateDocument(doc, user.WithRedactedUsernames())
	fmt.Println(shown[0].Field, shown[0].Code, shown[0].Value)
	fmt.Println(withheld[0].Field, withheld[0].Code, withheld[0].Value.IsZero())
	// Output:
	// Username pattern "mary major"
	// Username pattern true
}

// One line of a JSON Lines file: positions are the file's.
func ExampleValidator_ValidateDocumentAt() {
	_, violations := user.NewValidator().ValidateDocumentAt([]byte(`{"Username": }`), 7)
	fmt.Println(violations[0].Code, violations[0].Line, violations[0].Column)
	// Output: syntax 7 14
}
