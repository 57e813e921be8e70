package main

import (
	"context"
	"errors"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/connect"
	"github.com/aws/aws-sdk-go-v2/service/connect/types"

	"github.com/connectkit/createuser/connecttest"
)

// TestConnecttestSnippet runs the README's connecttest snippet: the first
// CreateUser creates the user, the same request again is a duplicate.
func TestConnecttestSnippet(t *testing.T) {
	ctx := context.Background()
	in := &connect.CreateUserInput{
		InstanceId:         aws.String("40c83b68-ea62-414c-97bb-d018e39e158e"),
		Username:           aws.String("mary"),
		Password:           aws.String("Sunrise2026Desk"),
		IdentityInfo:       &types.UserIdentityInfo{FirstName: aws.String("Mary"), LastName: aws.String("Major"), Email: aws.String("mary@example.com")},
		PhoneConfig:        &types.UserPhoneConfig{PhoneType: types.PhoneTypeSoftPhone},
		SecurityProfileIds: []string{"12345678-1234-1234-1234-123456789012"},
		RoutingProfileId:   aws.String("87654321-9876-9876-9876-210987654321"),
	}
	// snippet: connecttest
	srv := connecttest.NewServer()
	defer srv.Close()
	demo := srv.AddDemoInstances() // one instance per identity management type
	client := connect.New(connect.Options{
		Region:       srv.Region(),
		Credentials:  credentials.NewStaticCredentialsProvider("AKIDEXAMPLE", "any", ""),
		BaseEndpoint: aws.String(srv.URL),
	})
	_, err := client.CreateUser(ctx, in) // *types.DuplicateResourceException, ...
	users := srv.Users(demo[0].Id)       // what the service holds, without passwords
	// end snippet: connecttest
	if err != nil {
		t.Fatalf("CreateUser: %v", err)
	}
	if demo[0].Id != *in.InstanceId || len(users) != 1 || users[0].Username != "mary" {
		t.Fatalf("users of %s: %+v", demo[0].Id, users)
	}
	_, err = client.CreateUser(ctx, in)
	var dup *types.DuplicateResourceException
	if !errors.As(err, &dup) {
		t.Fatalf("second CreateUser: %v, want a DuplicateResourceException", err)
	}
}
