// Command validator-tags shows how a service that validates its own
// onboarding form with github.com/go-playground/validator/v10 checks
// Connect's field rules on it: it registers the connect_* tags of package
// validatortags and a JSON tag name function on its validator, validates a
// form, and prints the violations with wire-style paths. Passwords, email
// addresses and phone numbers never appear in what it prints.
//
//	go run ./examples/validator-tags
package main

import (
	"fmt"
	"os"
	"reflect"
	"strings"

	"github.com/go-playground/validator/v10"

	"github.com/connectkit/createuser/identity"
	"github.com/connectkit/createuser/user/validatortags"
)

// Agent is the part of the form that becomes a Connect user.
type Agent struct {
	Username           string            `json:"Username" validate:"required,connect_username"`
	Password           *identity.Secret  `json:"Password,omitempty" validate:"connect_password"`
	FirstName          identity.Secret   `json:"FirstName" validate:"required,connect_first_name"`
	LastName           identity.Secret   `json:"LastName" validate:"required,connect_last_name"`
	Email              identity.Secret   `json:"Email" validate:"required,connect_email"`
	Mobile             *identity.Secret  `json:"Mobile,omitempty" validate:"connect_e164"`
	SecurityProfileIds []string          `json:"SecurityProfileIds" validate:"connect_security_profile_ids"`
	Channels           []string          `json:"Channels" validate:"unique,dive,connect_channel"`
	Tags               map[string]string `json:"Tags,omitempty" validate:"max=50,dive,keys,connect_tag_key,endkeys,connect_tag_value"`
}

// Form is the service's own onboarding form.
type Form struct {
	Team  string `json:"team" validate:"oneof=sales support"`
	Seats int    `json:"seats" validate:"min=1,max=500"`
	Agent Agent  `json:"agent"`
}

// jsonName names fields by their JSON member names.
func jsonName(f reflect.StructField) string {
	name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
	if name == "-" {
		return ""
	}
	return name
}

func main() {
	v := validator.New(validator.WithRequiredStructEnabled())
	if err := validatortags.Register(v); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	v.RegisterTagNameFunc(jsonName)

	form := Form{
		Team:  "marketing",
		Seats: 0,
		Agent: Agent{
			Username:  "mary major",
			Password:  new(identity.Secret("hunter2")),
			FirstName: "Mary",
			LastName:  "Ma\u0301jor", // decomposed: not in Normalization Form C
			Email:     "mary@example",
			Mobile:    new(identity.Secret("+15555551212")),
			SecurityProfileIds: []string{
				"sp-1",
				"arn:aws:connect:us-west-2:123456789012:instance/i-1/security-profile/sp-1",
			},
			Channels: []string{"VOICE", "FAX"},
			Tags:     map[string]string{"AWS:team": "support", "env": strings.Repeat("v", 257)},
		},
	}

	list := validatortags.Violations(v.Struct(form))
	if len(list) == 0 {
		fmt.Println("the form is valid")
		return
	}
	fmt.Printf("%d violations:\n", len(list))
	for _, x := range list {
		fmt.Printf("  %-28s %-14s %s\n", x.Field, x.Code, x.Message)
	}
}
