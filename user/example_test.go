package user_test

import (
	"encoding/json"
	"errors"
	"fmt"

	"github.com/connectkit/createuser/channel"
	cuerrors "github.com/connectkit/createuser/errors"
	"github.com/connectkit/createuser/identity"
	"github.com/connectkit/createuser/user"
)

func ExampleValidate() {
	in := &user.CreateUserInput{
		InstanceId:         "40c83b68-ea62-414c-97bb-d018e39e158e",
		Username:           "mary",
		Password:           new(identity.Secret("Sunrise2026Desk")),
		IdentityInfo:       &identity.Info{FirstName: new(identity.Secret("Mary"))},
		PhoneConfig:        &user.PhoneConfig{AutoAccept: new(false)},
		SecurityProfileIds: []string{"12345678-1234-1234-1234-123456789012"},
		RoutingProfileId:   "87654321-9876-9876-9876-210987654321",
		AutoAcceptConfigs:  []channel.AutoAcceptConfig{{Channel: channel.Chat, AutoAccept: new(true)}},
	}
	violations := user.Validate(in, user.WithIdentityManagement(identity.ConnectManaged))
	for _, v := range violations {
		fmt.Println(v.Field, v.Code, v.Severity, v.Related)
	}
	err := violations.Err()
	fmt.Println(errors.Is(err, cuerrors.CodeConflict))
	// Output:
	// IdentityInfo.LastName required error []
	// IdentityInfo.Email required warning []
	// PhoneConfig.AutoAccept conflict error [AutoAcceptConfigs]
	// true
}

func ExampleValidate_unknownIdentityType() {
	in := &user.CreateUserInput{
		InstanceId:         "40c83b68-ea62-414c-97bb-d018e39e158e",
		Username:           "a-username-that-is-far-longer-than-sixty-four-characters-for-a-SAML-sign-in",
		SecurityProfileIds: []string{"12345678-1234-1234-1234-123456789012"},
		RoutingProfileId:   "87654321-9876-9876-9876-210987654321",
	}
	// Unknown type: an error only under SAML becomes a warning, and a
	// missing Password (fine under SAML) is not reported.
	for _, v := range user.Validate(in) {
		fmt.Println(v.Field, v.Code, v.Severity)
	}
	fmt.Println("under SAML:")
	for _, v := range user.Validate(in, user.WithIdentityManagement(identity.SAML)) {
		fmt.Println(v.Field, v.Code, v.Severity)
	}
	// Output:
	// Username length warning
	// under SAML:
	// Username length error
	// IdentityInfo.FirstName required error
	// IdentityInfo.LastName required error
}

func ExampleBuilder() {
	in, violations := user.NewBuilder().
		WithInstanceId("40c83b68-ea62-414c-97bb-d018e39e158e").
		WithUsername("mary").
		WithFirstName("Mary").
		WithLastName("Major").
		WithSecurityProfileIds("12345678-1234-1234-1234-123456789012").
		WithRoutingProfileId("87654321-9876-9876-9876-210987654321").
		WithPhoneType(channel.DeskPhone).
		WithDeskPhoneNumber("+15555551212").
		WithAutoAccept(false).
		WithAfterContactWorkTimeLimit(0).
		Build(user.WithIdentityManagement(identity.SAML))
	fmt.Println(len(violations))
	body, _ := in.Body()
	fmt.Println(user.Method, in.RequestPath())
	fmt.Println(string(body))
	// Output:
	// 0
	// PUT /users/40c83b68-ea62-414c-97bb-d018e39e158e
	// {"Username":"mary","IdentityInfo":{"FirstName":"Mary","LastName":"Major"},"PhoneConfig":{"PhoneType":"DESK_PHONE","AutoAccept":false,"AfterContactWorkTimeLimit":0,"DeskPhoneNumber":"+15555551212"},"SecurityProfileIds":["12345678-1234-1234-1234-123456789012"],"RoutingProfileId":"87654321-9876-9876-9876-210987654321"}
}

func ExampleValidateDocument() {
	doc := []byte(`{
	  "InstanceId": "40c83b68-ea62-414c-97bb-d018e39e158e",
	  "Username": "mary",
	  "Password": "Sunrise2026Desk",
	  "IdentityInfo": {"FirstName": "Mary", "LastName": "Major", "Email": "mary@example.com"},
	  "PhoneConfig": {"PhoneType": "SOFT_PHONE", "AutoAcept": true},
	  "SecurityProfileIds": ["12345678-1234-1234-1234-123456789012", 42],
	  "RoutingProfileId": "87654321-9876-9876-9876-210987654321"
	}`)
	_, violations := user.ValidateDocument(doc, user.WithIdentityManagement(identity.ConnectManaged))
	for _, v := range violations {
		fmt.Println(v.Field, v.Code, v.Severity)
	}
	// Output:
	// PhoneConfig.AutoAcept unknown error
	// SecurityProfileIds[1] type error
}

func ExampleRules() {
	for _, r := range user.Rules() {
		if r.Field == "Password" {
			fmt.Println(r.ID, r.Code, r.Severity, r.Identity)
		}
	}
	// Output:
	// password.required required error [CONNECT_MANAGED]
	// password.forbidden forbidden error [SAML EXISTING_DIRECTORY]
	// password.length length error []
	// password.pattern pattern error []
}

// Violations of a document carry the line and column of the member they
// name; Locate places violations found elsewhere about the same document.
func ExampleLocate() {
	doc := []byte("{\n  \"InstanceId\": \"i-1\",\n  \"Username\": \"john smith\"\n}")
	_, list := user.ValidateDocument(doc)
	for _, v := range list {
		fmt.Printf("%d:%d %s %s\n", v.Line, v.Column, v.Field, v.Rule)
	}
	// Output:
	// 3:3 Username username.pattern
	// 1:1 SecurityProfileIds security-profile-ids.required
	// 1:1 RoutingProfileId routing-profile-id.required
}

// The JSON Schema of the request document, for editors.
func ExampleJSONSchema() {
	var schema struct {
		Schema   string   `json:"$schema"`
		Required []string `json:"required"`
	}
	if err := json.Unmarshal(user.JSONSchema(), &schema); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(schema.Schema)
	fmt.Println(schema.Required)
	// Output:
	// https://json-schema.org/draft/2020-12/schema
	// [InstanceId Username SecurityProfileIds RoutingProfileId]
}
