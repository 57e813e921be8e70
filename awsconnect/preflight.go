package awsconnect

import (
	"context"
	"sync"

	"github.com/aws/aws-sdk-go-v2/service/connect"
	"github.com/aws/smithy-go/middleware"

	cuerrors "github.com/connectkit/createuser/errors"
	"github.com/connectkit/createuser/identity"
	"github.com/connectkit/createuser/user"
)

// PreflightID is the ID of the pre-flight middleware in the Initialize
// step of a CreateUser operation stack.
const PreflightID = "awsconnect.Preflight"

// Option configures the pre-flight check of [WithPreflight].
type Option func(*settings)

type settings struct {
	identity     identity.Type
	fromInstance bool
	fallback     bool
}

// WithIdentityManagement checks every request under the fixed identity
// management type t. It replaces [IdentityFromInstance]. Without either
// option requests are checked under [identity.Unknown].
func WithIdentityManagement(t identity.Type) Option {
	return func(s *settings) {
		s.identity = t
		s.fromInstance = false
	}
}

// IdentityFromInstance reads the identity management type of each
// request's instance with DescribeInstance (Instance.IdentityManagementType)
// the first time the client creates a user in that instance, and keeps it
// for the life of the client. Concurrent first calls for one instance share
// one DescribeInstance request. An instance ARN counts as the instance ID it
// ends with. A type this library does not know is checked as
// [identity.Unknown].
//
// DescribeInstance is sent through a client built from the same final
// Options as the client being configured (the same HTTP client,
// credentials, region, endpoint, retryer and APIOptions); options given to
// a single CreateUser call do not apply to it. The call needs the
// connect:DescribeInstance permission. When it fails, CreateUser fails with
// an [*IdentityLookupError] and sends nothing, unless [FallbackToUnknown]
// is given. A failure is not remembered: the next call tries again.
//
// It replaces [WithIdentityManagement].
func IdentityFromInstance() Option {
	return func(s *settings) {
		s.fromInstance = true
		s.identity = identity.Unknown
	}
}

// FallbackToUnknown makes a failed DescribeInstance look-up (see
// [IdentityFromInstance]) check the request under [identity.Unknown]
// instead of failing the call; [ReportOf] then holds the failure.
func FallbackToUnknown() Option {
	return func(s *settings) { s.fallback = true }
}

// WithPreflight returns a client option that checks every CreateUser
// input against the whole rule catalog before anything is sent: the input
// is converted with [FromSDK] (so the check sees what the SDK would put on
// the wire) and validated under the identity management type the options
// choose. When a violation of error severity exists, CreateUser returns
// the whole [cuerrors.List] (warnings included) wrapped in the SDK's
// *smithy.OperationError, reachable with errors.As, and no HTTP request is
// made. Otherwise the call proceeds, and [ReportOf] on its ResultMetadata
// returns the warnings.
//
// Give it to connect.New or connect.NewFromConfig; each client gets its
// own state (the cache of identity types):
//
//	client := connect.NewFromConfig(cfg,
//		awsconnect.WithPreflight(awsconnect.IdentityFromInstance()))
//
// The check is a middleware with ID [PreflightID] at the front of the
// Initialize step, ahead of the SDK's own validation of required members;
// operations other than CreateUser are left alone. Giving the option twice
// keeps the last. Given to a single call (client.CreateUser(ctx, in,
// awsconnect.WithPreflight(...))) it checks that call only, and
// [IdentityFromInstance] then reads the type anew for each call.
func WithPreflight(opts ...Option) func(*connect.Options) {
	var s settings
	for _, o := range opts {
		if o != nil {
			o(&s)
		}
	}
	return func(o *connect.Options) {
		p := &preflight{settings: s, options: o}
		o.APIOptions = append(o.APIOptions, p.register)
	}
}

// preflight is the middleware, one per client.
type preflight struct {
	settings

	// options points at the Options of the client being built: New applies
	// its option functions to its own copy, finishes it and stores it in the
	// client, so by the first CreateUser call it holds the client's final
	// options. It is read once, to build the DescribeInstance client.
	options *connect.Options

	clientOnce sync.Once
	client     *connect.Client
	instances  instanceCache
}

func (p *preflight) register(stack *middleware.Stack) error {
	if stack.ID() != "CreateUser" {
		return nil
	}
	if _, ok := stack.Initialize.Get(PreflightID); ok {
		_, err := stack.Initialize.Swap(PreflightID, p)
		return err
	}
	return stack.Initialize.Add(p, middleware.Before)
}

// ID names the middleware in the stack.
func (p *preflight) ID() string { return PreflightID }

// HandleInitialize checks the CreateUser input and stops the call when the
// check finds an error.
func (p *preflight) HandleInitialize(ctx context.Context, in middleware.InitializeInput, next middleware.InitializeHandler) (
	middleware.InitializeOutput, middleware.Metadata, error,
) {
	params, ok := in.Parameters.(*connect.CreateUserInput)
	if !ok {
		return next.HandleInitialize(ctx, in)
	}
	req := FromSDK(params)
	if req == nil {
		req = &user.CreateUserInput{}
	}
	report := &Report{Identity: p.identity}
	if p.fromInstance {
		t, err := p.lookup(ctx, req.InstanceId)
		if err != nil && !p.fallback {
			return middleware.InitializeOutput{}, middleware.Metadata{}, err
		}
		report.Identity, report.LookupErr = t, err
	}
	list := validatorFor(report.Identity).Validate(req)
	if list.HasErrors() {
		return middleware.InitializeOutput{}, middleware.Metadata{}, list
	}
	report.Warnings = list
	out, md, err := next.HandleInitialize(ctx, in)
	md.Set(reportKey{}, report)
	return out, md, err
}

// Report is what the pre-flight check decided for a CreateUser call that
// went through.
type Report struct {
	// Identity is the identity management type the request was checked
	// under.
	Identity identity.Type
	// LookupErr is the failed DescribeInstance look-up after which
	// [FallbackToUnknown] checked the request under identity.Unknown; nil
	// otherwise.
	LookupErr error
	// Warnings are the violations found, all of warning severity; nil when
	// the request is clean.
	Warnings cuerrors.List
}

type reportKey struct{}

// ReportOf returns the pre-flight report of a CreateUser call from its
// result metadata (CreateUserOutput.ResultMetadata), and false when the
// call was not checked by [WithPreflight].
func ReportOf(md middleware.Metadata) (*Report, bool) {
	r, ok := md.Get(reportKey{}).(*Report)
	return r, ok
}

// validators holds one Validator per identity management type; Validators
// are immutable and safe for concurrent use.
var validators = map[identity.Type]*user.Validator{
	identity.Unknown:           user.NewValidator(),
	identity.ConnectManaged:    user.NewValidator(user.WithIdentityManagement(identity.ConnectManaged)),
	identity.SAML:              user.NewValidator(user.WithIdentityManagement(identity.SAML)),
	identity.ExistingDirectory: user.NewValidator(user.WithIdentityManagement(identity.ExistingDirectory)),
}

func validatorFor(t identity.Type) *user.Validator {
	if v, ok := validators[t]; ok {
		return v
	}
	return user.NewValidator(user.WithIdentityManagement(t))
}
