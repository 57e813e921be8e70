// Command build-user builds a CreateUser request with the fluent builder,
// prints every violation, fixes them, and prints the request body that
// would be sent.
//
//	go run ./examples/build-user
package main

import (
	"errors"
	"fmt"
	"os"

	"github.com/connectkit/createuser/channel"
	cuerrors "github.com/connectkit/createuser/errors"
	"github.com/connectkit/createuser/identity"
	"github.com/connectkit/createuser/user"
)

func main() {
	managed := user.WithIdentityManagement(identity.ConnectManaged)

	b := user.NewBuilder().
		WithInstanceId("40c83b68-ea62-414c-97bb-d018e39e158e").
		WithUsername("mary").
		WithPassword("password"). // no digit, no capital
		WithFirstName("Mary").
		WithLastName("Major").
		WithEmail("mary@example.com").
		WithSecurityProfileIds("12345678-1234-1234-1234-123456789012").
		WithRoutingProfileId("87654321-9876-9876-9876-210987654321").
		WithAutoAccept(true).                      // conflicts with the list below
		WithAutoAcceptConfig(channel.Voice, true). //
		WithAutoAcceptConfig(channel.Chat, false). //
		WithPhoneNumberConfig(channel.Voice, channel.SoftPhone, "").
		WithTag("team", "billing")

	_, violations := b.Build(managed)
	fmt.Println("first attempt:")
	for _, v := range violations {
		fmt.Printf("  %-24s %-9s %-8s %s\n", v.Field, v.Code, v.Severity, v.Message)
	}
	err := violations.Err()
	fmt.Println("  conflict among them:", errors.Is(err, cuerrors.CodeConflict))

	// Fix both: a strong password, and auto-accept per channel only.
	in, violations := user.NewBuilder().
		WithInstanceId("40c83b68-ea62-414c-97bb-d018e39e158e").
		WithUsername("mary").
		WithPassword("Sunrise2026Desk").
		WithFirstName("Mary").
		WithLastName("Major").
		WithEmail("mary@example.com").
		WithSecurityProfileIds("12345678-1234-1234-1234-123456789012").
		WithRoutingProfileId("87654321-9876-9876-9876-210987654321").
		WithAutoAcceptConfig(channel.Voice, true).
		WithAutoAcceptConfig(channel.Chat, false).
		WithPhoneNumberConfig(channel.Voice, channel.SoftPhone, "").
		WithTag("team", "billing").
		Build(managed)
	if err := violations.Err(); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	body, err := in.Body()
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	fmt.Println("second attempt: valid")
	fmt.Println(" ", user.Method, in.RequestPath())
	fmt.Println(" ", string(body))
	fmt.Printf("  the request prints safely: %v\n", *in.Password)
}
