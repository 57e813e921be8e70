package main

// snippet: short
import (
	"errors"
	"fmt"

	"github.com/connectkit/createuser/channel"
	cuerrors "github.com/connectkit/createuser/errors"
	"github.com/connectkit/createuser/identity"
	"github.com/connectkit/createuser/user"
)

func createMary() (*user.CreateUserInput, error) {
	in, violations := user.NewBuilder().
		WithInstanceId("40c83b68-ea62-414c-97bb-d018e39e158e").
		WithUsername("mary").
		WithPassword("Sunrise2026Desk").
		WithFirstName("Mary").WithLastName("Major").WithEmail("mary@example.com").
		WithMobile(""). // an empty optional field is left out
		WithSecurityProfileIds("12345678-1234-1234-1234-123456789012").
		WithRoutingProfileId("87654321-9876-9876-9876-210987654321").
		WithAutoAccept(true).
		WithAutoAcceptConfig(channel.Chat, false). // conflicts with WithAutoAccept
		Build(user.WithIdentityManagement(identity.ConnectManaged))

	for _, v := range violations {
		fmt.Println(v.Field, v.Code, v.Severity) // PhoneConfig.AutoAccept conflict error
	}
	err := violations.Err() // the errors only; nil when there are only warnings
	if errors.Is(err, cuerrors.CodeConflict) {
		fmt.Println("two settings conflict")
	}
	return in, err
}

// end snippet: short
