package awsconnect

import (
	"context"
	"errors"

	"github.com/aws/aws-sdk-go-v2/service/connect"
	"github.com/aws/smithy-go/middleware"
	smithyhttp "github.com/aws/smithy-go/transport/http"

	cuerrors "github.com/connectkit/createuser/errors"
	"github.com/connectkit/createuser/user"
)

// CreateUser creates the user in through client, in one call for SDK
// wrappers: it converts in with [ToSDK], sends it with client.CreateUser
// behind the pre-flight check, and returns the SDK's output and one report
// that merges the conversion's losses (warnings of [LossyRules]) with what
// the catalog and the instance checks found: their warnings when the call
// went through, every violation when the pre-flight stopped it (err then
// wraps the same [cuerrors.List]).
//
// A client that has a pre-flight ([WithPreflight] given to connect.New)
// keeps it, with its cache, and opts are ignored; otherwise the call is
// checked by WithPreflight(opts...). err is the SDK's error as
// client.CreateUser returns it.
func CreateUser(ctx context.Context, client *connect.Client, in *user.CreateUserInput, opts ...Option) (*connect.CreateUserOutput, cuerrors.List, error) {
	sdk, lost := ToSDK(in)
	holder := &reportHolder{}
	ctx = context.WithValue(ctx, reportHolderKey{}, holder)
	var optFns []func(*connect.Options)
	if !hasPreflight(client) {
		optFns = append(optFns, WithPreflight(opts...))
	}
	out, err := client.CreateUser(ctx, sdk, optFns...)
	report := append(cuerrors.List(nil), lost...)
	if list, ok := blocked(err); ok {
		report = append(report, list...)
	} else if holder.report != nil {
		report = append(report, holder.report.Warnings...)
	}
	if len(report) == 0 {
		report = nil
	}
	return out, report, err
}

// blocked returns the violation list the pre-flight stopped a call with.
func blocked(err error) (cuerrors.List, bool) {
	var list cuerrors.List
	if errors.As(err, &list) {
		return list, true
	}
	return nil, false
}

// hasPreflight reports whether client's options put the pre-flight into a
// CreateUser stack.
func hasPreflight(client *connect.Client) bool {
	stack := middleware.NewStack("CreateUser", smithyhttp.NewStackRequest)
	for _, fn := range client.Options().APIOptions {
		_ = fn(stack) // other options may expect the SDK's own middleware
	}
	_, ok := stack.Initialize.Get(PreflightID)
	return ok
}
