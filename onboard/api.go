package onboard

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/service/connect"
)

// API is the part of *connect.Client (github.com/aws/aws-sdk-go-v2/service/connect)
// that onboard calls. A *connect.Client satisfies it, configured as usual
// (credentials, region, or BaseEndpoint for a local service such as
// package connecttest).
//
// Every call onboard makes passes a per-call option that turns the SDK's
// own retries off: onboard retries by itself, so that each CreateUser
// attempt is written to the journal before it is sent, and it paces every
// call with its own token buckets.
type API interface {
	CreateUser(ctx context.Context, in *connect.CreateUserInput, optFns ...func(*connect.Options)) (*connect.CreateUserOutput, error)
	SearchUsers(ctx context.Context, in *connect.SearchUsersInput, optFns ...func(*connect.Options)) (*connect.SearchUsersOutput, error)
	ListUsers(ctx context.Context, in *connect.ListUsersInput, optFns ...func(*connect.Options)) (*connect.ListUsersOutput, error)
	DescribeInstance(ctx context.Context, in *connect.DescribeInstanceInput, optFns ...func(*connect.Options)) (*connect.DescribeInstanceOutput, error)
	ListSecurityProfiles(ctx context.Context, in *connect.ListSecurityProfilesInput, optFns ...func(*connect.Options)) (*connect.ListSecurityProfilesOutput, error)
	ListRoutingProfiles(ctx context.Context, in *connect.ListRoutingProfilesInput, optFns ...func(*connect.Options)) (*connect.ListRoutingProfilesOutput, error)
	ListUserHierarchyGroups(ctx context.Context, in *connect.ListUserHierarchyGroupsInput, optFns ...func(*connect.Options)) (*connect.ListUserHierarchyGroupsOutput, error)
	DescribeUserHierarchyGroup(ctx context.Context, in *connect.DescribeUserHierarchyGroupInput, optFns ...func(*connect.Options)) (*connect.DescribeUserHierarchyGroupOutput, error)
}

var _ API = (*connect.Client)(nil)
