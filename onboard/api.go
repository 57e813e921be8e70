package onboard

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/service/connect"

	"github.com/connectkit/createuser/awsconnect"
)

// API is the part of *connect.Client (github.com/aws/aws-sdk-go-v2/service/connect)
// that onboard calls: CreateUser, and the reads of awsconnect.ReadAPI,
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
}

var _ API = (*connect.Client)(nil)
