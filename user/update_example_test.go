package user_test

import (
	"encoding/json"
	"fmt"

	"github.com/connectkit/createuser/channel"
	"github.com/connectkit/createuser/identity"
	"github.com/connectkit/createuser/user"
)

// An update is checked by the same rules as CreateUser, member by member.
func ExampleValidator_ValidateRequest() {
	v := user.NewValidator(user.WithIdentityManagement(identity.ConnectManaged))
	in := &user.UpdateUserPhoneConfigInput{
		InstanceId:  "a1b2c3d4-5678-90ab-cdef-EXAMPLE11111",
		UserId:      "f1e2d3c4-0000-1111-2222-EXAMPLEUSER1",
		PhoneConfig: &user.PhoneConfig{PhoneType: new(channel.DeskPhone), DeskPhoneNumber: new(identity.Secret("555-0100"))},
	}
	for _, violation := range v.ValidateRequest(in) {
		fmt.Println(violation.Field, violation.Code, violation.Rule)
	}
	// Output: PhoneConfig.DeskPhoneNumber pattern phone-config.desk-phone-number.pattern
}

// A caller that checks many requests reuses one list.
func ExampleValidator_AppendValidateRequest() {
	v := user.NewValidator()
	var list []user.Request
	list = append(list, &user.DeleteUserInput{InstanceId: "a1b2c3d4-5678-90ab-cdef-EXAMPLE11111", UserId: ".."},
		&user.UpdateUserSecurityProfilesInput{InstanceId: "a1b2c3d4-5678-90ab-cdef-EXAMPLE11111", UserId: "u-1"})
	violations := v.AppendValidateRequest(nil, list[0])
	violations = v.AppendValidateRequest(violations, list[1])
	for _, violation := range violations {
		fmt.Println(violation.Field, violation.Code)
	}
	// Output:
	// UserId pattern
	// SecurityProfileIds required
}

// What `aws connect tag-resource --cli-input-json` reads, checked with
// positions; its members are lower case.
func ExampleValidator_ValidateOperationDocument() {
	doc := []byte(`{
  "resourceArn": "arn:aws:connect:us-west-2:123456789012:instance/a1b2c3d4-5678-90ab-cdef-EXAMPLE11111/agent/f1e2d3c4",
  "tags": {"aws:team": "billing"}
}`)
	r, violations := user.NewValidator().ValidateOperationDocument(user.OperationTagResource, doc)
	fmt.Printf("%T\n", r)
	for _, v := range violations {
		fmt.Println(v.Field, v.Code, v.Value, v.Line, v.Column)
	}
	// Output:
	// *user.TagResourceInput
	// tags reserved "aws:team" 3 12
}

// The package-level form makes its Validator from options.
func ExampleValidateOperationDocument() {
	_, violations := user.ValidateOperationDocument(user.OperationDeleteUser, []byte(`{"InstanceId":"i-1","UserID":"u-1"}`))
	for _, v := range violations {
		fmt.Println(v.Field, v.Code, v.Message)
	}
	// Output:
	// UserID unknown The request has no such member: did you mean UserId?
	// UserId required UserId must be present and non-empty.
}

// The package-level form of ValidateRequest.
func ExampleValidateRequest() {
	violations := user.ValidateRequest(&user.UpdateUserConfigInput{InstanceId: "i-1", UserId: "u-1"})
	fmt.Println(violations[0].Rule)
	// Output: user-config.lists.required
}

// The command line's names and the API's.
func ExampleParseOperation() {
	op, err := user.ParseOperation("update-user-routing-profile")
	fmt.Println(op, op.CLIName(), err)
	_, err = user.ParseOperation("update-user-routing-profle")
	fmt.Println(err != nil)
	// Output:
	// UpdateUserRoutingProfile update-user-routing-profile <nil>
	// true
}

// Every operation, with the members of its document.
func ExampleOperations() {
	for _, op := range user.Operations() {
		if op != user.OperationCreateUser {
			fmt.Println(op.CLIName(), op.Members())
		}
	}
	// Output:
	// update-user-identity-info [InstanceId UserId IdentityInfo]
	// update-user-phone-config [InstanceId UserId PhoneConfig]
	// update-user-config [InstanceId UserId AutoAcceptConfigs AfterContactWorkConfigs PhoneNumberConfigs PersistentConnectionConfigs VoiceEnhancementConfigs]
	// update-user-routing-profile [InstanceId UserId RoutingProfileId]
	// update-user-security-profiles [InstanceId UserId SecurityProfileIds]
	// update-user-hierarchy [InstanceId UserId HierarchyGroupId]
	// tag-resource [resourceArn tags]
	// untag-resource [resourceArn tagKeys]
	// delete-user [InstanceId UserId]
}

// A zero request of an operation named at run time, to decode into.
func ExampleNewRequest() {
	r := user.NewRequest(user.OperationUpdateUserHierarchy)
	_ = json.Unmarshal([]byte(`{"InstanceId":"i-1","UserId":"u-1"}`), r)
	in := r.(*user.UpdateUserHierarchyInput)
	fmt.Println(in.Method(), in.RequestPath(), in.HierarchyGroupId == nil)
	// Output: POST /users/i-1/u-1/hierarchy true
}

// The JSON Schema of an update's document, for editors.
func ExampleJSONSchemaOf() {
	var s struct {
		ID       string   `json:"$id"`
		Required []string `json:"required"`
	}
	_ = json.Unmarshal(user.JSONSchemaOf(user.OperationUpdateUserRoutingProfile), &s)
	fmt.Println(s.ID)
	fmt.Println(s.Required)
	// Output:
	// https://github.com/connectkit/createuser/schemas/update-user-routing-profile-request.json
	// [InstanceId UserId RoutingProfileId]
}

// Move a user to another routing profile.
func ExampleNewUpdateUserRoutingProfileBuilder() {
	in, violations := user.NewUpdateUserRoutingProfileBuilder().
		WithInstanceId("a1b2c3d4-5678-90ab-cdef-EXAMPLE11111").
		WithUserId("f1e2d3c4-0000-1111-2222-EXAMPLEUSER1").
		WithRoutingProfileId("87654321-4321-4321-4321-210987654321").
		Build()
	fmt.Println(in.RoutingProfileId, len(violations))
	// Output: 87654321-4321-4321-4321-210987654321 0
}

// IdentityInfo is replaced whole; under SAML the names are required.
func ExampleNewUpdateUserIdentityInfoBuilder() {
	_, violations := user.NewUpdateUserIdentityInfoBuilder().
		WithInstanceId("a1b2c3d4-5678-90ab-cdef-EXAMPLE11111").
		WithUserId("f1e2d3c4-0000-1111-2222-EXAMPLEUSER1").
		WithLastName("Major").
		WithEmail(""). // left out
		Build(user.WithIdentityManagement(identity.SAML))
	for _, v := range violations {
		fmt.Println(v.Field, v.Code)
	}
	// Output: IdentityInfo.FirstName required
}

// PhoneConfig is replaced whole, so PhoneType is required.
func ExampleNewUpdateUserPhoneConfigBuilder() {
	_, violations := user.NewUpdateUserPhoneConfigBuilder().
		WithInstanceId("a1b2c3d4-5678-90ab-cdef-EXAMPLE11111").
		WithUserId("f1e2d3c4-0000-1111-2222-EXAMPLEUSER1").
		WithAutoAccept(true).
		Build()
	for _, v := range violations {
		fmt.Println(v.Field, v.Code)
	}
	// Output: PhoneConfig.PhoneType required
}

// The channel lists keep their CreateUser rules.
func ExampleNewUpdateUserConfigBuilder() {
	_, violations := user.NewUpdateUserConfigBuilder().
		WithInstanceId("a1b2c3d4-5678-90ab-cdef-EXAMPLE11111").
		WithUserId("f1e2d3c4-0000-1111-2222-EXAMPLEUSER1").
		WithAutoAcceptConfig(channel.Voice, true).
		WithPersistentConnectionConfig(channel.Chat, true).
		Build()
	for _, v := range violations {
		fmt.Println(v.Field, v.Code)
	}
	// Output: PersistentConnectionConfigs[0].Channel channel
}

// A promotion: the security profiles are replaced.
func ExampleNewUpdateUserSecurityProfilesBuilder() {
	in, violations := user.NewUpdateUserSecurityProfilesBuilder().
		WithInstanceId("a1b2c3d4-5678-90ab-cdef-EXAMPLE11111").
		WithUserId("f1e2d3c4-0000-1111-2222-EXAMPLEUSER1").
		WithSecurityProfileIds("12345678-1234-1234-1234-123456789012", "22345678-1234-1234-1234-123456789012").
		Build()
	fmt.Println(len(in.SecurityProfileIds), len(violations))
	// Output: 2 0
}

// No group: the user leaves its hierarchy group.
func ExampleNewUpdateUserHierarchyBuilder() {
	in, _ := user.NewUpdateUserHierarchyBuilder().
		WithInstanceId("a1b2c3d4-5678-90ab-cdef-EXAMPLE11111").
		WithUserId("f1e2d3c4-0000-1111-2222-EXAMPLEUSER1").
		WithHierarchyGroupId(""). // left out
		Build()
	body, _ := json.Marshal(in)
	fmt.Println(string(body))
	// Output: {"InstanceId":"a1b2c3d4-5678-90ab-cdef-EXAMPLE11111","UserId":"f1e2d3c4-0000-1111-2222-EXAMPLEUSER1"}
}

// Tag a user; a key given twice is reported.
func ExampleNewTagResourceBuilder() {
	_, violations := user.NewTagResourceBuilder().
		WithResourceArn("arn:aws:connect:us-west-2:123456789012:instance/a1b2c3d4-5678-90ab-cdef-EXAMPLE11111/agent/f1e2d3c4").
		WithTag("team", "billing").
		WithTag("team", "sales").
		Build()
	for _, v := range violations {
		fmt.Println(v.Field, v.Code, v.Value)
	}
	// Output: tags duplicate "team"
}

// Untag: the keys follow the rules of tag keys.
func ExampleNewUntagResourceBuilder() {
	_, violations := user.NewUntagResourceBuilder().
		WithResourceArn("arn:aws:connect:us-west-2:123456789012:instance/a1b2c3d4-5678-90ab-cdef-EXAMPLE11111/agent/f1e2d3c4").
		WithTagKeys("team", "aws:created").
		Build()
	for _, v := range violations {
		fmt.Println(v.Field, v.Code, v.Value)
	}
	// Output: tagKeys[1] reserved "aws:created"
}

// DeleteUser needs only the user's identifiers.
func ExampleNewDeleteUserBuilder() {
	in, violations := user.NewDeleteUserBuilder().
		WithInstanceId("a1b2c3d4-5678-90ab-cdef-EXAMPLE11111").
		WithUserId("f1e2d3c4-0000-1111-2222-EXAMPLEUSER1").
		Build()
	fmt.Println(in.Method(), in.RequestPath(), len(violations))
	// Output: DELETE /users/a1b2c3d4-5678-90ab-cdef-EXAMPLE11111/f1e2d3c4-0000-1111-2222-EXAMPLEUSER1 0
}
