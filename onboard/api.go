package onboard

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/service/connect"

	"github.com/connectkit/createuser/awsconnect"
)

// API is the part of *connect.Client (github.com/aws/aws-sdk-go-v2/service/connect)
// that onboard calls: CreateUser, the update operations and DeleteUser, and the reads of awsconnect.ReadAPI,
// which go through package awsconnect's paced reader. A *connect.Client
// satisfies it, configured as usual (credentials, region, or BaseEndpoint
// for a local service such as package connecttest).
//
// Every call onboard makes passes a per-call option that turns the SDK's
// own retries off: onboard retries CreateUser by itself, so that each
// attempt is written to the journal before it is sent, and the reader
// retries the reads; each paces its calls with its own token buckets.
type API interface {
	CreateUser(ctx context.Context, in *connect.CreateUserInput, optFns ...func(*connect.Options)) (*connect.CreateUserOutput, error)
	awsconnect.ReadAPI

	// The update operations of a user's life and DeleteUser, which Apply
	// sends to bring a user to its file's state.
	UpdateUserIdentityInfo(ctx context.Context, in *connect.UpdateUserIdentityInfoInput, optFns ...func(*connect.Options)) (*connect.UpdateUserIdentityInfoOutput, error)
	UpdateUserPhoneConfig(ctx context.Context, in *connect.UpdateUserPhoneConfigInput, optFns ...func(*connect.Options)) (*connect.UpdateUserPhoneConfigOutput, error)
	UpdateUserConfig(ctx context.Context, in *connect.UpdateUserConfigInput, optFns ...func(*connect.Options)) (*connect.UpdateUserConfigOutput, error)
	UpdateUserRoutingProfile(ctx context.Context, in *connect.UpdateUserRoutingProfileInput, optFns ...func(*connect.Options)) (*connect.UpdateUserRoutingProfileOutput, error)
	UpdateUserSecurityProfiles(ctx context.Context, in *connect.UpdateUserSecurityProfilesInput, optFns ...func(*connect.Options)) (*connect.UpdateUserSecurityProfilesOutput, error)
	UpdateUserHierarchy(ctx context.Context, in *connect.UpdateUserHierarchyInput, optFns ...func(*connect.Options)) (*connect.UpdateUserHierarchyOutput, error)
	TagResource(ctx context.Context, in *connect.TagResourceInput, optFns ...func(*connect.Options)) (*connect.TagResourceOutput, error)
	UntagResource(ctx context.Context, in *connect.UntagResourceInput, optFns ...func(*connect.Options)) (*connect.UntagResourceOutput, error)
	DeleteUser(ctx context.Context, in *connect.DeleteUserInput, optFns ...func(*connect.Options)) (*connect.DeleteUserOutput, error)
}

var _ API = (*connect.Client)(nil)
