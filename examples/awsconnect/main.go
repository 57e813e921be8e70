// Command awsconnect shows the pre-flight check inside an aws-sdk-go-v2
// Connect client. It starts a stand-in for the service on 127.0.0.1 (a
// SAML instance), creates a client with one option,
//
//	connect.NewFromConfig(cfg, awsconnect.WithPreflight(awsconnect.IdentityFromInstance()))
//
// and sends a bad request, which never leaves the process, then a good
// one. It runs offline:
//
//	go run ./examples/awsconnect
package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync/atomic"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/connect"
	"github.com/aws/aws-sdk-go-v2/service/connect/types"

	"github.com/connectkit/createuser/awsconnect"
	cuerrors "github.com/connectkit/createuser/errors"
)

const instanceID = "40c83b68-ea62-414c-97bb-d018e39e158e"

func main() {
	if err := run(); err != nil {
		fmt.Fprintln(os.Stderr, "awsconnect:", err)
		os.Exit(1)
	}
}

func run() error {
	var describes, creates atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		switch {
		case r.Method == http.MethodGet && strings.HasPrefix(r.URL.Path, "/instance/"):
			describes.Add(1)
			_, _ = io.WriteString(w, `{"Instance":{"Id":"`+instanceID+`","IdentityManagementType":"SAML","InstanceStatus":"ACTIVE"}}`)
		case r.Method == http.MethodPut && strings.HasPrefix(r.URL.Path, "/users/"):
			creates.Add(1)
			_, _ = io.WriteString(w, `{"UserId":"a1b2c3d4","UserArn":"arn:aws:connect:us-east-1:123456789012:instance/`+instanceID+`/agent/a1b2c3d4"}`)
		default:
			http.Error(w, "not found", http.StatusNotFound)
		}
	}))
	defer srv.Close()

	cfg := aws.Config{
		Region:       "us-east-1",
		Credentials:  credentials.NewStaticCredentialsProvider("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", ""),
		BaseEndpoint: aws.String(srv.URL),
		HTTPClient:   srv.Client(),
		Retryer:      func() aws.Retryer { return aws.NopRetryer{} },
	}
	client := connect.NewFromConfig(cfg, awsconnect.WithPreflight(awsconnect.IdentityFromInstance()))
	ctx := context.Background()

	// A request written for a CONNECT_MANAGED instance, sent to a SAML one,
	// with a few more mistakes.
	bad := &connect.CreateUserInput{
		InstanceId: aws.String(instanceID),
		Username:   aws.String("mary major"),
		Password:   aws.String("Str0ngPassw0rd"),
		IdentityInfo: &types.UserIdentityInfo{
			FirstName: aws.String("Mary"),
			LastName:  aws.String("Major"),
			Email:     aws.String("mary@example"),
		},
		PhoneConfig:        &types.UserPhoneConfig{PhoneType: types.PhoneTypeSoftPhone, AutoAccept: true},
		SecurityProfileIds: []string{"sp-1", "sp-1"},
		AutoAcceptConfigs:  []types.AutoAcceptConfig{{Channel: types.ChannelVoice, AutoAccept: true}},
	}
	_, err := client.CreateUser(ctx, bad)
	var list cuerrors.List
	if !errors.As(err, &list) {
		return fmt.Errorf("the bad request was not stopped: %v", err)
	}
	fmt.Printf("bad request: %d violations, %d requests sent\n", len(list), creates.Load())
	for _, v := range list {
		fmt.Printf("  %-24s %-10s %-8s %s\n", v.Field, v.Code, v.Severity, v.Rule)
	}

	good := &connect.CreateUserInput{
		InstanceId: aws.String(instanceID),
		Username:   aws.String("mary.major@example.com"),
		IdentityInfo: &types.UserIdentityInfo{
			FirstName: aws.String("Mary"),
			LastName:  aws.String("Major"),
		},
		PhoneConfig:        &types.UserPhoneConfig{PhoneType: types.PhoneTypeSoftPhone},
		SecurityProfileIds: []string{"sp-1"},
		RoutingProfileId:   aws.String("rp-1"),
		AutoAcceptConfigs:  []types.AutoAcceptConfig{{Channel: types.ChannelVoice, AutoAccept: true}},
	}
	out, err := client.CreateUser(ctx, good)
	if err != nil {
		return err
	}
	report, _ := awsconnect.ReportOf(out.ResultMetadata)
	fmt.Printf("good request: created %s (checked under %s, %d warnings, %d requests sent)\n",
		aws.ToString(out.UserId), report.Identity, len(report.Warnings), creates.Load())
	fmt.Printf("DescribeInstance requests: %d\n", describes.Load())
	return nil
}
