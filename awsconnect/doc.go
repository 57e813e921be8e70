// Package awsconnect connects the createuser library to aws-sdk-go-v2
// (github.com/aws/aws-sdk-go-v2/service/connect).
//
// [ToSDK] and [FromSDK] convert between [user.CreateUserInput] and the
// SDK's *connect.CreateUserInput member for member. The SDK cannot express
// every request the service accepts: it omits zero values (it cannot send
// PhoneConfig.AutoAccept=false or an AfterContactWorkTimeLimit of 0), it
// always sends AutoAcceptConfigs[i].AutoAccept, and it holds time limits in
// an int32. ToSDK reports each such loss as a warning violation whose Rule
// begins with "awsconnect.lossy."; [LossyRules] lists them all.
//
// [WithPreflight] plugs the whole rule catalog into a connect.Client, so
// that every CreateUser call is checked before any request leaves the
// process:
//
//	client := connect.NewFromConfig(cfg,
//		awsconnect.WithPreflight(awsconnect.IdentityFromInstance()))
//	_, err := client.CreateUser(ctx, in)
//	var list cuerrors.List
//	if errors.As(err, &list) {
//		// every violation, no request sent
//	}
package awsconnect
