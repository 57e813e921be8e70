package awsconnect_test

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/connect"
	"github.com/aws/aws-sdk-go-v2/service/connect/types"

	"github.com/connectkit/createuser/awsconnect"
	"github.com/connectkit/createuser/channel"
	cuerrors "github.com/connectkit/createuser/errors"
	"github.com/connectkit/createuser/identity"
	"github.com/connectkit/createuser/user"
)

// localConnect starts a stand-in for the service on 127.0.0.1 whose
// instances are all SAML, and returns a client configuration for it.
func localConnect() (*httptest.Server, aws.Config) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		if r.Method == http.MethodGet && strings.HasPrefix(r.URL.Path, "/instance/") {
			_, _ = io.WriteString(w, `{"Instance":{"Id":"i-1","IdentityManagementType":"SAML"}}`)
			return
		}
		_, _ = io.WriteString(w, `{"UserId":"u-1","UserArn":"arn:aws:connect:us-east-1:123456789012:instance/i-1/agent/u-1"}`)
	}))
	cfg := aws.Config{
		Region:       "us-east-1",
		Credentials:  credentials.NewStaticCredentialsProvider("AKIDEXAMPLE", "secret", ""),
		BaseEndpoint: aws.String(srv.URL),
		HTTPClient:   srv.Client(),
		Retryer:      func() aws.Retryer { return aws.NopRetryer{} },
	}
	return srv, cfg
}

// An SDK client with the pre-flight check: the identity management type
// is read from the instance (SAML here), and a request that breaks the
// catalog returns its violations without reaching the network. The
// catalog runs under UNKNOWN first, which needs no call (what it reports
// holds under every type); only a request that passes it is checked under
// the instance's type, where a Password is forbidden.
func ExampleWithPreflight() {
	srv, cfg := localConnect()
	defer srv.Close()
	client := connect.NewFromConfig(cfg, awsconnect.WithPreflight(awsconnect.IdentityFromInstance()))

	_, err := client.CreateUser(context.Background(), &connect.CreateUserInput{
		InstanceId:         aws.String("i-1"),
		Password:           aws.String("Str0ngPassw0rd"),
		IdentityInfo:       &types.UserIdentityInfo{FirstName: aws.String("Jane"), LastName: aws.String("Doe")},
		SecurityProfileIds: []string{"sp-1"},
	})
	var list cuerrors.List
	if errors.As(err, &list) {
		for _, v := range list {
			fmt.Println(v.Field, v.Code, v.Severity)
		}
	}

	in := &connect.CreateUserInput{
		InstanceId:         aws.String("i-1"),
		Username:           aws.String("jdoe"),
		Password:           aws.String("Str0ngPassw0rd"),
		IdentityInfo:       &types.UserIdentityInfo{FirstName: aws.String("Jane"), LastName: aws.String("Doe")},
		SecurityProfileIds: []string{"sp-1"},
		RoutingProfileId:   aws.String("rp-1"),
	}
	_, err = client.CreateUser(context.Background(), in)
	if errors.As(err, &list) {
		for _, v := range list {
			fmt.Println(v.Field, v.Code, v.Severity)
		}
	}

	out, err := client.CreateUser(context.Background(), &connect.CreateUserInput{
		InstanceId:         aws.String("i-1"),
		Username:           aws.String("jdoe"),
		IdentityInfo:       &types.UserIdentityInfo{FirstName: aws.String("Jane"), LastName: aws.String("Doe")},
		SecurityProfileIds: []string{"sp-1"},
		RoutingProfileId:   aws.String("rp-1"),
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	report, _ := awsconnect.ReportOf(out.ResultMetadata)
	fmt.Println("created", aws.ToString(out.UserId), "checked under", report.Identity)
	// Output:
	// Username required error
	// RoutingProfileId required error
	// Password forbidden error
	// created u-1 checked under SAML
}

// ToSDK reports each value the SDK cannot send: it omits
// PhoneConfig.AutoAccept=false and a time limit of 0, and it always sends
// AutoAcceptConfigs[i].AutoAccept.
func ExampleToSDK() {
	in := &user.CreateUserInput{
		InstanceId: "i-1",
		Username:   "jdoe",
		PhoneConfig: &user.PhoneConfig{
			PhoneType:                 new(channel.SoftPhone),
			AutoAccept:                new(false),
			AfterContactWorkTimeLimit: new(int64(0)),
		},
		AutoAcceptConfigs: []channel.AutoAcceptConfig{{Channel: channel.Chat}},
	}
	sdk, lost := awsconnect.ToSDK(in)
	fmt.Println(aws.ToString(sdk.Username), sdk.PhoneConfig.PhoneType)
	for _, v := range lost {
		fmt.Println(v.Field, v.Code, v.Rule)
	}
	// Output:
	// jdoe SOFT_PHONE
	// PhoneConfig.AutoAccept ignored awsconnect.lossy.phone-config.auto-accept.false
	// PhoneConfig.AfterContactWorkTimeLimit ignored awsconnect.lossy.phone-config.after-contact-work-time-limit.zero
	// AutoAcceptConfigs[0].AutoAccept required awsconnect.lossy.auto-accept-configs.auto-accept.absent
}

// FromSDK describes what the SDK puts on the wire: the zero values it
// omits are absent, and the AutoAccept it always sends is present.
func ExampleFromSDK() {
	in := awsconnect.FromSDK(&connect.CreateUserInput{
		InstanceId:        aws.String("i-1"),
		Username:          aws.String("jdoe"),
		PhoneConfig:       &types.UserPhoneConfig{PhoneType: types.PhoneTypeSoftPhone, AutoAccept: false},
		AutoAcceptConfigs: []types.AutoAcceptConfig{{Channel: types.ChannelChat}},
	})
	body, _ := in.Body()
	fmt.Println(in.RequestPath())
	fmt.Println(string(body))
	// Output:
	// /users/i-1
	// {"Username":"jdoe","PhoneConfig":{"PhoneType":"SOFT_PHONE"},"AutoAcceptConfigs":[{"Channel":"CHAT","AutoAccept":false}]}
}

// ReportOf returns what the pre-flight check found in a call that went
// through: the identity type it used and the warnings.
func ExampleReportOf() {
	srv, cfg := localConnect()
	defer srv.Close()
	client := connect.NewFromConfig(cfg, awsconnect.WithPreflight(awsconnect.WithIdentityManagement(identity.ConnectManaged)))
	out, err := client.CreateUser(context.Background(), &connect.CreateUserInput{
		InstanceId:         aws.String("i-1"),
		Username:           aws.String("jdoe"),
		Password:           aws.String("Str0ngPassw0rd"),
		IdentityInfo:       &types.UserIdentityInfo{FirstName: aws.String("Jane"), LastName: aws.String("Doe"), Email: aws.String("jane@example.com")},
		DirectoryUserId:    aws.String("d-1"),
		SecurityProfileIds: []string{"sp-1"},
		RoutingProfileId:   aws.String("rp-1"),
	})
	if err != nil {
		fmt.Println(err)
		return
	}
	report, _ := awsconnect.ReportOf(out.ResultMetadata)
	fmt.Println(report.Identity)
	for _, v := range report.Warnings {
		fmt.Println(v.Field, v.Code, v.Severity)
	}
	// Output:
	// CONNECT_MANAGED
	// DirectoryUserId ignored warning
}

// LossyRules lists what the SDK cannot express, in the shape of the rule
// catalog.
func ExampleLossyRules() {
	for _, r := range awsconnect.LossyRules() {
		fmt.Println(r.Field, r.Code)
	}
	// Output:
	// PhoneConfig.PhoneType ignored
	// PhoneConfig.AutoAccept ignored
	// PhoneConfig.AfterContactWorkTimeLimit ignored
	// PhoneConfig.AfterContactWorkTimeLimit range
	// AutoAcceptConfigs[i].AutoAccept required
	// AfterContactWorkConfigs[i].{AfterContactWorkConfig|AgentFirstCallbackAfterContactWorkConfig}.AfterContactWorkTimeLimit ignored
	// AfterContactWorkConfigs[i].{AfterContactWorkConfig|AgentFirstCallbackAfterContactWorkConfig}.AfterContactWorkTimeLimit range
	// (any string member of the JSON body) syntax
}

// The error of a failed identity look-up names the instance and wraps the
// service's exception.
func ExampleIdentityLookupError() {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		w.Header().Set("X-Amzn-ErrorType", "ResourceNotFoundException")
		w.WriteHeader(http.StatusNotFound)
		_ = json.NewEncoder(w).Encode(map[string]string{"Message": "instance not found"})
	}))
	defer srv.Close()
	client := connect.New(connect.Options{
		Region:       "us-east-1",
		Credentials:  credentials.NewStaticCredentialsProvider("AKIDEXAMPLE", "secret", ""),
		BaseEndpoint: aws.String(srv.URL),
		HTTPClient:   srv.Client(),
		Retryer:      aws.NopRetryer{},
	}, awsconnect.WithPreflight(awsconnect.IdentityFromInstance()))
	_, err := client.CreateUser(context.Background(), &connect.CreateUserInput{
		InstanceId:         aws.String("i-gone"),
		Username:           aws.String("jdoe"),
		SecurityProfileIds: []string{"sp-1"},
		RoutingProfileId:   aws.String("rp-1"),
	})
	var lookupErr *awsconnect.IdentityLookupError
	var notFound *types.ResourceNotFoundException
	fmt.Println(errors.As(err, &lookupErr), lookupErr.InstanceId, errors.As(err, &notFound))
	// Output:
	// true i-gone true
}

// ValidateSDK checks an SDK input where it lies, without converting it
// first: the same violations as Validate(FromSDK(in)).
func ExampleValidateSDK() {
	in := &connect.CreateUserInput{
		InstanceId:         aws.String(".."),
		Username:           aws.String("jdoe"),
		SecurityProfileIds: []string{"sp-1", "sp-1"},
		RoutingProfileId:   aws.String("rp-1"),
		PhoneConfig:        &types.UserPhoneConfig{PhoneType: types.PhoneTypeSoftPhone},
	}
	v := user.NewValidator(user.WithIdentityManagement(identity.SAML))
	for _, e := range awsconnect.ValidateSDK(v, in) {
		fmt.Println(e.Field, e.Code, e.Severity)
	}
	// Output:
	// InstanceId pattern error
	// IdentityInfo.FirstName required error
	// IdentityInfo.LastName required error
	// SecurityProfileIds[1] duplicate error
}
