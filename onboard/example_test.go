package onboard_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/connectkit/createuser/connecttest"
	"github.com/connectkit/createuser/identity"
	"github.com/connectkit/createuser/onboard"
	"github.com/connectkit/createuser/user"
)

// Create users exactly once against a local service, with a journal.
func ExampleApplier() {
	srv := connecttest.NewServer()
	defer srv.Close()
	srv.AddDemoInstances()
	client := newClient(srv) // connect.New with BaseEndpoint = srv.URL

	dir, _ := os.MkdirTemp("", "onboard")
	defer os.RemoveAll(dir)
	journal, err := onboard.OpenJournal(filepath.Join(dir, "journal.jsonl"))
	if err != nil {
		fmt.Println(err)
		return
	}
	defer journal.Close()

	requests, _ := onboard.ReadJSONLines(strings.NewReader(
		`{"Username":"mmajor","Password":"Passw0rdExample","IdentityInfo":{"FirstName":"Mary","LastName":"Major","Email":"mary@example.com"},"SecurityProfileIds":["12345678-1234-1234-1234-123456789012"],"RoutingProfileId":"87654321-9876-9876-9876-210987654321"}
{"Username":"dramirez","Password":"Passw0rdExample","IdentityInfo":{"FirstName":"Diego","LastName":"Ramirez","Email":"diego@example.com"},"SecurityProfileIds":["12345678-1234-1234-1234-123456789012"],"RoutingProfileId":"87654321-9876-9876-9876-210987654321"}
`), "users.jsonl")
	a := onboard.New(client, onboard.WithJournal(journal),
		onboard.WithInstanceID("40c83b68-ea62-414c-97bb-d018e39e158e"))
	ctx := context.Background()
	plan, err := a.Check(ctx, requests)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("valid:", plan.Valid(), "to create:", plan.Count(onboard.ActionCreate))
	sum, err := a.Apply(ctx, plan)
	fmt.Println("created:", sum.Created, "ok:", sum.OK(), err)

	// The same requests again: the journal knows them.
	plan, _ = onboard.New(client, onboard.WithJournal(journal),
		onboard.WithInstanceID("40c83b68-ea62-414c-97bb-d018e39e158e")).Check(ctx, requests)
	fmt.Println("done already:", plan.Count(onboard.ActionDone))
	// Output:
	// valid: true to create: 2
	// created: 2 ok: true <nil>
	// done already: 2
}

// Read the admin website's CSV template offline, with a names file.
func ExampleImporter() {
	names, err := onboard.ReadNamesTable("../examples/onboarding/names.json")
	if err != nil {
		fmt.Println(err)
		return
	}
	im := onboard.NewImporter(names, "40c83b68-ea62-414c-97bb-d018e39e158e", identity.ConnectManaged)
	csv := `first name,last name,email address,secondary email address,mobile,password,user login,routing profile name,security_profile_name_1|security_profile_name_2,phone type (soft/desk),phone number,soft phone auto accept (yes/no),ACW timeout (seconds)
Mary,Major,mary@example.com,,,Passw0rdExample,mmajor,Basic Routing Profile,Agent,soft,,yes,30
Diego,Ramirez,diego@example.com,,,Passw0rdExample,dramirez,Basic Routing Profile,Agnet,soft,,yes,30
`
	err = im.Import(context.Background(), strings.NewReader(csv), "users.csv", func(r onboard.Row) {
		for _, p := range r.Problems {
			fmt.Println(p)
		}
		if r.Input != nil {
			fmt.Println(r.Origin, r.Input.Username, r.Input.SecurityProfileIds)
		}
	})
	fmt.Println(err)
	// Output:
	// users.csv:2 mmajor [12345678-1234-1234-1234-123456789012]
	// users.csv:3: "security_profile_name_1|security_profile_name_2": error reference names.security-profile.reference: The instance has no security profile named "Agnet" (names are case-sensitive). Did you mean Agent (12345678-1234-1234-1234-123456789012)?
	// <nil>
}

// Resolve names against the instance itself.
func ExampleNewInstanceNames() {
	srv := connecttest.NewServer()
	defer srv.Close()
	srv.AddDemoInstances()
	names := onboard.NewInstanceNames(newClient(srv), "40c83b68-ea62-414c-97bb-d018e39e158e")
	ctx := context.Background()
	t, _ := names.IdentityManagement(ctx)
	fmt.Println(t)
	id, _ := names.RoutingProfile(ctx, "Basic Routing Profile")
	fmt.Println(id)
	_, err := names.SecurityProfile(ctx, "agent")
	fmt.Println(err)
	// Output:
	// CONNECT_MANAGED
	// 87654321-9876-9876-9876-210987654321
	// The instance has no security profile named "agent" (names are case-sensitive). Did you mean Agent (12345678-1234-1234-1234-123456789012)?
}

// A journal is locked while it is open: a second run on it is refused,
// naming the holder (*onboard.JournalLockedError), until the first
// closes it.
func ExampleOpenJournal_locked() {
	dir, _ := os.MkdirTemp("", "onboard")
	defer os.RemoveAll(dir)
	path := filepath.Join(dir, "journal.jsonl")
	first, err := onboard.OpenJournal(path)
	if err != nil {
		fmt.Println(err)
		return
	}
	_, err = onboard.OpenJournal(path)
	var locked *onboard.JournalLockedError
	fmt.Println("locked:", errors.As(err, &locked), "held by this process:", locked.Holder.PID == os.Getpid())
	first.Close()
	second, err := onboard.OpenJournal(path)
	fmt.Println("after Close:", err)
	second.Close()
	// Output:
	// locked: true held by this process: true
	// after Close: <nil>
}

// The digest of a request leaves out its password: a request that differs
// in any other member has another digest.
func ExampleJournal_Digest() {
	dir, _ := os.MkdirTemp("", "onboard")
	defer os.RemoveAll(dir)
	journal, err := onboard.OpenJournal(filepath.Join(dir, "journal.jsonl"))
	if err != nil {
		fmt.Println(err)
		return
	}
	defer journal.Close()
	in := &user.CreateUserInput{Username: "mmajor", Password: new(identity.Secret("Passw0rdExample")),
		SecurityProfileIds: []string{"12345678-1234-1234-1234-123456789012"}, RoutingProfileId: "87654321-9876-9876-9876-210987654321"}
	otherPassword := in.Clone()
	otherPassword.Password = new(identity.Secret("Other0Password"))
	otherProfile := in.Clone()
	otherProfile.RoutingProfileId = "87654321-9876-9876-9876-000000000000"
	fmt.Println(journal.Digest(in) == journal.Digest(otherPassword), journal.Digest(in) == journal.Digest(otherProfile))
	// Output:
	// true false
}
