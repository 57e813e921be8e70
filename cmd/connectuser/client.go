package main

import (
	"context"

	"github.com/aws/aws-sdk-go-v2/aws"
	awsconfig "github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/feature/ec2/imds"
	"github.com/aws/aws-sdk-go-v2/service/connect"
)

// newConnectClient returns a Connect client from the SDK's usual
// configuration (environment, shared files), with region and endpoint
// when given. With an endpoint (a local service such as `connectuser
// serve`) and no credentials configured, it signs with placeholder
// credentials, which a local service accepts.
func newConnectClient(ctx context.Context, region, endpoint string) (*connect.Client, error) {
	var opts []func(*awsconfig.LoadOptions) error
	if region != "" {
		opts = append(opts, awsconfig.WithRegion(region))
	}
	if endpoint != "" {
		// A given endpoint (a local service) gets no credentials from
		// the EC2 instance metadata service: nothing is sent anywhere
		// but to the endpoint.
		opts = append(opts, awsconfig.WithEC2IMDSClientEnableState(imds.ClientDisabled))
	}
	cfg, err := awsconfig.LoadDefaultConfig(ctx, opts...)
	if err != nil {
		return nil, err
	}
	if cfg.Region == "" {
		cfg.Region = "us-east-1"
	}
	if endpoint != "" {
		if cfg.Credentials == nil {
			cfg.Credentials = aws.NewCredentialsCache(credentials.NewStaticCredentialsProvider("local", "local", ""))
		} else if _, err := cfg.Credentials.Retrieve(ctx); err != nil {
			cfg.Credentials = aws.NewCredentialsCache(credentials.NewStaticCredentialsProvider("local", "local", ""))
		}
	}
	return connect.NewFromConfig(cfg, func(o *connect.Options) {
		if endpoint != "" {
			o.BaseEndpoint = aws.String(endpoint)
		}
	}), nil
}
