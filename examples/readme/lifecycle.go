package main

import (
	"context"
	"errors"
	"fmt"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/connect"

	"github.com/connectkit/createuser/awsconnect"
	"github.com/connectkit/createuser/connecttest"
	cuerrors "github.com/connectkit/createuser/errors"
	"github.com/connectkit/createuser/identity"
	"github.com/connectkit/createuser/user"
)

// The instance and user of the "After CreateUser" section: Mary answers
// the Basic Routing Profile and moves to Sales.
const (
	lifecycleInstance = "40c83b68-ea62-414c-97bb-d018e39e158e"
	lifecycleMary     = "2d1f8a3c-7b5e-4c9a-9e0d-5f6a7b8c9d0e"
	lifecycleBasic    = "87654321-9876-9876-9876-210987654321"
	lifecycleSales    = "5a6b7c8d-1e2f-4a3b-8c4d-9e0f1a2b3c4d"
)

// moveMary runs the section's program against a local service seeded
// with the instance and Mary, and returns the routing profile the service
// then holds for her and the violations the pre-flight stopped the first
// call with.
func moveMary(ctx context.Context) (string, cuerrors.List, error) {
	srv := connecttest.NewServer()
	defer srv.Close()
	err := srv.AddInstance(connecttest.Instance{
		Id: lifecycleInstance, Alias: "after-create-user", IdentityManagementType: identity.ConnectManaged,
		SecurityProfiles: []connecttest.Resource{{Id: "12345678-1234-1234-1234-123456789012", Name: "Agent"}},
		RoutingProfiles: []connecttest.Resource{
			{Id: lifecycleBasic, Name: "Basic Routing Profile"},
			{Id: lifecycleSales, Name: "Sales"},
		},
		Users: []connecttest.User{{Id: lifecycleMary, Username: "mary",
			SecurityProfileIds: []string{"12345678-1234-1234-1234-123456789012"}, RoutingProfileId: lifecycleBasic}},
	})
	if err != nil {
		return "", nil, err
	}
	stopped, err := moveToSales(ctx, srv)
	if err != nil {
		return "", stopped, err
	}
	for _, u := range srv.Users(lifecycleInstance) {
		if u.Id == lifecycleMary {
			return u.RoutingProfileId, stopped, nil
		}
	}
	return "", stopped, errors.New("readme: Mary is gone")
}

// moveToSales is the snippet: the pre-flight client stops an update that
// breaks the catalog before it is sent, and sends the valid one.
func moveToSales(ctx context.Context, srv *connecttest.Server) (cuerrors.List, error) {
	// snippet: after-create-user
	client := connect.New(connect.Options{
		Region:       srv.Region(),
		Credentials:  credentials.NewStaticCredentialsProvider("AKIDEXAMPLE", "any", ""),
		BaseEndpoint: aws.String(srv.URL),
	}, awsconnect.WithPreflight(awsconnect.IdentityFromInstance()))

	move := &user.UpdateUserRoutingProfileInput{
		InstanceId: "40c83b68-ea62-414c-97bb-d018e39e158e",
		UserId:     "2d1f8a3c-7b5e-4c9a-9e0d-5f6a7b8c9d0e",
	}
	in, _ := awsconnect.ToSDKUpdateUserRoutingProfile(move) // no loss to report here
	_, err := client.UpdateUserRoutingProfile(ctx, in)
	var stopped cuerrors.List
	errors.As(err, &stopped) // nothing was sent: RoutingProfileId required error

	move.RoutingProfileId = "5a6b7c8d-1e2f-4a3b-8c4d-9e0f1a2b3c4d" // Sales
	in, _ = awsconnect.ToSDKUpdateUserRoutingProfile(move)
	if _, err := client.UpdateUserRoutingProfile(ctx, in); err != nil {
		return stopped, fmt.Errorf("moving Mary: %w", err)
	}
	// end snippet: after-create-user
	return stopped, nil
}
