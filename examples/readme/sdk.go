package main

import (
	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/connect"

	"github.com/connectkit/createuser/awsconnect"
)

func newClient(cfg aws.Config) *connect.Client {
	// snippet: preflight
	client := connect.NewFromConfig(cfg, awsconnect.WithPreflight(awsconnect.IdentityFromInstance()))
	// end snippet: preflight
	return client
}
