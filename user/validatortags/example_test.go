package validatortags_test

import (
	"fmt"
	"reflect"
	"strings"

	"github.com/go-playground/validator/v10"

	cuerrors "github.com/connectkit/createuser/errors"
	"github.com/connectkit/createuser/identity"
	"github.com/connectkit/createuser/user/validatortags"
)

// Agent is the part of an onboarding form that becomes a Connect user.
type Agent struct {
	Username           string            `json:"Username" validate:"required,connect_username"`
	Password           *identity.Secret  `json:"Password,omitempty" validate:"connect_password"`
	Email              identity.Secret   `json:"Email" validate:"required,connect_email"`
	Mobile             *identity.Secret  `json:"Mobile,omitempty" validate:"connect_e164"`
	SecurityProfileIds []string          `json:"SecurityProfileIds" validate:"connect_security_profile_ids"`
	Tags               map[string]string `json:"Tags,omitempty" validate:"max=50,dive,keys,connect_tag_key,endkeys,connect_tag_value"`
}

// Form is a service's own onboarding form.
type Form struct {
	Team  string `json:"team" validate:"oneof=sales support"`
	Seats int    `json:"seats" validate:"min=1,max=500"`
	Agent Agent  `json:"agent"`
}

// jsonName names fields by their JSON member names, so that violations
// carry wire-style paths ("agent.Tags[env]", not "Agent.Tags[env]").
func jsonName(f reflect.StructField) string {
	name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
	if name == "-" {
		return ""
	}
	return name
}

// A service registers Connect's tags and a JSON tag name function on its
// own validator, validates its form, and turns the result into
// violations. The password, email and mobile number never appear in the
// output.
func Example() {
	v := validator.New(validator.WithRequiredStructEnabled())
	if err := validatortags.Register(v); err != nil {
		panic(err)
	}
	v.RegisterTagNameFunc(jsonName)

	form := Form{
		Team:  "marketing",
		Seats: 0,
		Agent: Agent{
			Username:           "mary major",
			Password:           new(identity.Secret("short")),
			Email:              "mary@example",
			Mobile:             new(identity.Secret("+15555551212")),
			SecurityProfileIds: []string{"sp-1", "arn:aws:connect:us-west-2:123456789012:instance/i-1/security-profile/sp-1"},
			Tags:               map[string]string{"AWS:team": "x", "env": strings.Repeat("v", 257)},
		},
	}
	for _, x := range validatortags.Violations(v.Struct(form)) {
		fmt.Println(x.Field, x.Code)
	}
	// Output:
	// team enum
	// seats range
	// agent.Username pattern
	// agent.Password length
	// agent.Password pattern
	// agent.Email pattern
	// agent.SecurityProfileIds[1] duplicate
	// agent.Tags reserved
	// agent.Tags[env] length
}

// Without a tag name function, paths use the Go field names.
func ExampleViolations() {
	v := validator.New()
	if err := validatortags.Register(v); err != nil {
		panic(err)
	}
	type Signup struct {
		Login    string          `validate:"connect_username"`
		Password identity.Secret `validate:"connect_password"`
	}
	err := v.Struct(Signup{Login: strings.Repeat("a", 101) + "!", Password: "Passw0rd"})
	for _, x := range validatortags.Violations(err) {
		fmt.Println(x.Field, x.Code, x.Rule)
	}
	// Output:
	// Login length validatortags.connect_username.length
	// Login pattern validatortags.connect_username.pattern
}

// Register installs the connect_* tags; they also work with Var.
func ExampleRegister() {
	v := validator.New()
	if err := validatortags.Register(v); err != nil {
		panic(err)
	}
	fmt.Println(v.Var("+15555551212", "connect_e164") == nil)
	fmt.Println(v.Var(identity.Secret("+1"), "connect_e164") == nil)
	// Output:
	// true
	// false
}

// WithTag reports a service's own tag with a code of the closed set.
func ExampleWithTag() {
	v := validator.New()
	if err := v.RegisterValidation("team_code", func(fl validator.FieldLevel) bool {
		return strings.HasPrefix(fl.Field().String(), "T-")
	}); err != nil {
		panic(err)
	}
	type Team struct {
		Code string `validate:"team_code"`
	}
	list := validatortags.Violations(v.Struct(Team{Code: "X-1"}),
		validatortags.WithTag("team_code", cuerrors.CodeEnum, "A team code begins with T-."))
	fmt.Println(list)
	// Output:
	// 1 violation: Code: A team code begins with T-. (error enum)
}

// An anonymous struct has no type name in the validator's namespaces.
func ExampleWithoutRootTypeName() {
	v := validator.New()
	if err := validatortags.Register(v); err != nil {
		panic(err)
	}
	var form struct {
		Agent struct {
			Username string `validate:"connect_username"`
		}
	}
	form.Agent.Username = "mary major"
	for _, x := range validatortags.Violations(v.Struct(form), validatortags.WithoutRootTypeName()) {
		fmt.Println(x.Field, x.Code)
	}
	// Output:
	// Agent.Username pattern
}
