package awsconnect

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	awsmiddleware "github.com/aws/aws-sdk-go-v2/aws/middleware"
	"github.com/aws/aws-sdk-go-v2/service/connect"
	"github.com/aws/smithy-go/middleware"
	smithyhttp "github.com/aws/smithy-go/transport/http"

	cuerrors "github.com/connectkit/createuser/errors"
	"github.com/connectkit/createuser/identity"
	"github.com/connectkit/createuser/user"
)

// PreflightID is the ID of the pre-flight middleware in the Initialize
// step of a CreateUser operation stack (and of each update operation's).
const PreflightID = "awsconnect.Preflight"

// Option configures the pre-flight check of [WithPreflight], an
// [InstanceChecker], a [Resolver] or a [Reader].
type Option func(*settings)

type settings struct {
	identity     identity.Type
	fromInstance bool
	fallback     bool
	checks       bool
	cache        lookupConfig
}

// newSettings applies opts over the defaults; fromInstance is the default
// of reading the identity type from the instance.
func newSettings(fromInstance bool, opts []Option) settings {
	s := settings{identity: identity.Unknown, fromInstance: fromInstance, cache: defaultLookupConfig()}
	for _, o := range opts {
		if o != nil {
			o(&s)
		}
	}
	return s
}

// needsInstance reports whether the settings read the instance.
func (s *settings) needsInstance() bool { return s.fromInstance || s.checks }

// WithInstanceChecks makes the pre-flight run the instance checks of
// [InstanceChecker] after the catalog found no error: the instance exists,
// its security profiles, routing profile and hierarchy group exist, the
// Username is free. It implies reading the identity type from the
// instance unless [WithIdentityManagement] comes after it. A user created
// through the client counts as taken at once.
func WithInstanceChecks() Option {
	return func(s *settings) {
		s.checks = true
		s.fromInstance = true
		s.identity = identity.Unknown
	}
}

// WithCacheTTL keeps what is read of an instance (its type, listings and
// users) for d (default [DefaultCacheTTL]); 0 keeps nothing beyond
// sharing a look-up in flight, a negative d keeps everything for ever.
func WithCacheTTL(d time.Duration) Option {
	return func(s *settings) { s.cache.ttl = d }
}

// WithUsernameSearches sets how many usernames of one instance are looked
// up with one SearchUsers each before the instance's users are listed
// once instead (default [DefaultUsernameSearches]); 0 always lists, a
// negative n always searches.
func WithUsernameSearches(n int) Option {
	return func(s *settings) { s.cache.searchLimit = n }
}

// WithPageSize sets MaxResults of every listing (1 to 1000; default
// [DefaultPageSize], the most the service allows, for the fewest calls);
// 0 leaves it to the service (100 a page).
func WithPageSize(n int) Option {
	return func(s *settings) { s.cache.pageSize = int32(min(max(n, 0), 1000)) }
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
// and checks the request under it. The catalog runs under
// [identity.Unknown] first, which needs no call: what it reports holds
// under every type, so a request with an error there
// costs no DescribeInstance and is stopped with every violation; only a
// request that passes it is described. The type is kept for the cache
// time ([WithCacheTTL]); concurrent first calls for one instance share one
// DescribeInstance request. An instance ARN counts as the instance ID it
// ends with. A type this library does not know is checked as
// [identity.Unknown].
//
// DescribeInstance (and every other look-up) follows the client that runs
// the call: it goes to the endpoint and region the CreateUser call
// resolved, through a client built from the Options the pre-flight was
// given to (the same HTTP client, credentials and APIOptions; paced and
// retried by a [Reader] of its own, from the options of the reader), so
// a client copied with connect.New(c.Options(), ...) for another region or
// endpoint reads its own instances, and keeps them apart. A copy that signs
// with other credentials cannot be followed: its calls fail with
// [ErrOtherCredentials], before anything is sent, until WithPreflight is
// given to the copy too. The call needs the connect:DescribeInstance
// permission. When it fails, CreateUser fails with an
// [*IdentityLookupError] and sends nothing, unless [FallbackToUnknown] is
// given. A failure is not remembered: the next call tries again; a missing
// instance is remembered for the cache time.
//
// It replaces [WithIdentityManagement].
func IdentityFromInstance() Option {
	return func(s *settings) {
		s.fromInstance = true
		s.identity = identity.Unknown
	}
}

// FallbackToUnknown makes a failed look-up (see [IdentityFromInstance] and
// [WithInstanceChecks]) let the call through, checked under
// [identity.Unknown] when the type could not be read, instead of failing
// it; [ReportOf] then holds the failure.
func FallbackToUnknown() Option {
	return func(s *settings) { s.fallback = true }
}

// ErrOtherCredentials is the error of a CreateUser call whose pre-flight
// needs the instance but was given to another client that signs with
// other credentials (a copy made with connect.New(c.Options(), ...) and
// new Credentials): the pre-flight cannot read the instance as the copy
// would. Nothing is sent; give WithPreflight to the copy as well.
var ErrOtherCredentials = errors.New("awsconnect: pre-flight: this client signs with other credentials than the client WithPreflight was given to " +
	"(a copy made with connect.New(c.Options(), ...)?); give WithPreflight to the copy as well")

// WithPreflight returns a client option that checks every CreateUser
// input against the whole rule catalog before anything is sent: the input
// is checked as the SDK will send it ([ValidateSDK]: what [FromSDK] and
// Validate would give, without the copy) and validated under the identity management type the options
// choose. When a violation of error severity exists, CreateUser returns
// the whole [cuerrors.List] (warnings included) wrapped in the SDK's
// *smithy.OperationError, reachable with errors.As, and no HTTP request is
// made. Otherwise the call proceeds, and [ReportOf] on its ResultMetadata
// returns the warnings. With [WithInstanceChecks] it also predicts what
// only the instance knows (see [InstanceChecker]).
//
// Give it to connect.New or connect.NewFromConfig; each client gets its
// own state (the cache of what was read of instances):
//
//	client := connect.NewFromConfig(cfg,
//		awsconnect.WithPreflight(awsconnect.IdentityFromInstance()))
//
// The catalog check is a middleware with ID [PreflightID] at the front of
// the Initialize step, ahead of the SDK's own validation of required
// members; the look-ups of the instance are a middleware with ID
// [PreflightInstanceID] at the end of the Finalize step (after Signing,
// before anything is sent), where the endpoint, region and credentials of
// the call are known. The update operations of a user
// (UpdateUserIdentityInfo, UpdateUserPhoneConfig, UpdateUserConfig,
// UpdateUserRoutingProfile, UpdateUserSecurityProfiles,
// UpdateUserHierarchy, TagResource, UntagResource, DeleteUser) are checked
// the same way, with the same options (see [FromSDKRequest] and
// user.Validator.ValidateRequest); every other operation is left alone.
// Giving the option twice keeps the last. Given to a single call
// (client.CreateUser(ctx, in, awsconnect.WithPreflight(...))) it checks
// that call only, and reads the instance anew for each call.
func WithPreflight(opts ...Option) func(*connect.Options) {
	s := newSettings(false, opts)
	return func(o *connect.Options) {
		p := &preflight{settings: s, options: o}
		o.APIOptions = append(o.APIOptions, p.register)
	}
}

// PreflightInstanceID is the ID of the pre-flight's look-up middleware in
// the Finalize step of a CreateUser operation stack (and of each update
// operation's).
const PreflightInstanceID = "awsconnect.PreflightInstance"

// preflight is the pre-flight of one client.
type preflight struct {
	settings

	// options points at the Options of the client being built: New applies
	// its option functions to its own copy, finishes it and stores it in the
	// client, so by the first CreateUser call it holds the client's final
	// options. Look-up clients are built from it.
	options *connect.Options

	mu      sync.Mutex
	targets map[string]*lookups // by endpoint and region of the calls
}

func (p *preflight) register(stack *middleware.Stack) error {
	if stack.ID() != "CreateUser" {
		return p.registerUpdate(stack) // preflight_ops.go
	}
	return p.install(stack, &preflightCheck{p}, &preflightInstance{p})
}

// install puts check (the catalog check, under PreflightID) into stack's
// Initialize step, in place of one already there, and look (the
// instance's part, under PreflightInstanceID) after the signing in its
// Finalize step when the pre-flight reads the instance, removing one
// already there: for CreateUser and for each update operation.
func (p *preflight) install(stack *middleware.Stack, check middleware.InitializeMiddleware, look middleware.FinalizeMiddleware) error {
	if _, ok := stack.Initialize.Get(PreflightID); ok {
		if _, err := stack.Initialize.Swap(PreflightID, check); err != nil {
			return err
		}
	} else if err := stack.Initialize.Add(check, middleware.Before); err != nil {
		return err
	}
	if _, ok := stack.Finalize.Get(PreflightInstanceID); ok {
		if _, err := stack.Finalize.Remove(PreflightInstanceID); err != nil {
			return err
		}
	}
	if !p.needsInstance() {
		return nil
	}
	if _, ok := stack.Finalize.Get("Signing"); ok {
		return stack.Finalize.Insert(look, "Signing", middleware.After)
	}
	return stack.Finalize.Add(look, middleware.After)
}

// callState carries one call's request and report from the Initialize
// middleware to the Finalize one.
type callState struct {
	req    *user.CreateUserInput
	report *Report
	done   bool     // the instance was checked (by an earlier attempt)
	l      *lookups // the look-ups that served the call
}

type callStateKey struct{}

// preflightCheck is the catalog check, in the Initialize step.
type preflightCheck struct{ p *preflight }

// ID names the middleware in the stack.
func (m *preflightCheck) ID() string { return PreflightID }

// HandleInitialize checks the CreateUser input and stops the call when the
// check finds an error.
func (m *preflightCheck) HandleInitialize(ctx context.Context, in middleware.InitializeInput, next middleware.InitializeHandler) (
	middleware.InitializeOutput, middleware.Metadata, error,
) {
	params, ok := in.Parameters.(*connect.CreateUserInput)
	if !ok {
		return next.HandleInitialize(ctx, in)
	}
	p := m.p
	report := &Report{Identity: p.identity}
	holder, _ := ctx.Value(reportHolderKey{}).(*reportHolder)
	if holder != nil {
		holder.report = report
	}
	// The catalog reads what the SDK will send where it lies (ValidateSDK
	// gives what Validate(FromSDK(params)) gives, without the copy); only
	// the instance's phase needs the request of its own.
	list := ValidateSDK(validatorFor(p.identity), params)
	if list.HasErrors() {
		return middleware.InitializeOutput{}, middleware.Metadata{}, list
	}
	report.Warnings = list
	var st *callState
	if p.needsInstance() {
		req := FromSDK(params)
		if req == nil {
			req = &user.CreateUserInput{}
		}
		st = &callState{req: req, report: report}
		ctx = middleware.WithStackValue(ctx, callStateKey{}, st)
	}
	out, md, err := next.HandleInitialize(ctx, in)
	if err == nil {
		md.Set(reportKey{}, report)
		if st != nil && st.l != nil {
			st.l.noteCreated(instanceKey(st.req.InstanceId), st.req.Username)
		}
	}
	return out, md, err
}

// preflightInstance reads the instance, in the Finalize step.
type preflightInstance struct{ p *preflight }

// ID names the middleware in the stack.
func (m *preflightInstance) ID() string { return PreflightInstanceID }

// HandleFinalize checks the request against its instance, through the
// endpoint, region and credentials of this call, and stops the call when
// the check finds an error.
func (m *preflightInstance) HandleFinalize(ctx context.Context, in middleware.FinalizeInput, next middleware.FinalizeHandler) (
	middleware.FinalizeOutput, middleware.Metadata, error,
) {
	st, _ := middleware.GetStackValue(ctx, callStateKey{}).(*callState)
	if st == nil || st.done {
		return next.HandleFinalize(ctx, in)
	}
	p := m.p
	l, err := p.lookupsFor(ctx, in.Request)
	if err != nil {
		return middleware.FinalizeOutput{}, middleware.Metadata{}, err
	}
	st.l = l
	list, t, err := instancePhase(ctx, p.settings, l, st.req, st.report.Warnings)
	if err := p.instanceOutcome(st.report, list, t, err); err != nil {
		return middleware.FinalizeOutput{}, middleware.Metadata{}, err
	}
	st.done = true
	return next.HandleFinalize(ctx, in)
}

// instanceOutcome takes the result of the instance's part of a
// pre-flight (of CreateUser or of an update) into report, and returns the
// error that stops the call: the violations (first, joined with a failed
// look-up: never hidden by it), or the failed look-up unless the client
// falls back to the catalog alone, in which case report holds it.
func (p *preflight) instanceOutcome(report *Report, list cuerrors.List, t identity.Type, err error) error {
	if err != nil {
		if !p.fallback {
			if list.HasErrors() {
				return errors.Join(list, err)
			}
			return err
		}
		report.LookupErr = err
	}
	if list.HasErrors() {
		return list
	}
	report.Identity, report.Warnings = t, list
	return nil
}

// lookupsFor returns the look-ups for the endpoint and region that req
// (the signed CreateUser request) goes to, built from the pre-flight's
// options the first time; ErrOtherCredentials when req is signed with
// another access key than those options give.
func (p *preflight) lookupsFor(ctx context.Context, req any) (*lookups, error) {
	r, ok := req.(*smithyhttp.Request)
	if !ok {
		return nil, fmt.Errorf("awsconnect: pre-flight: unknown transport type %T", req)
	}
	if signedAccessKey(r.Header.Get("Authorization")) != p.accessKey(ctx) {
		return nil, ErrOtherCredentials
	}
	endpoint := endpointOf(r)
	region := awsmiddleware.GetRegion(ctx)
	key := endpoint + " " + region
	p.mu.Lock()
	defer p.mu.Unlock()
	if l, ok := p.targets[key]; ok {
		return l, nil
	}
	client := connect.New(*p.options, func(o *connect.Options) {
		o.BaseEndpoint = aws.String(endpoint)
		o.Region = region
	})
	l := newLookups(client, p.cache)
	if p.targets == nil {
		p.targets = map[string]*lookups{}
	}
	p.targets[key] = l
	return l, nil
}

// accessKey returns the access key ID that the pre-flight's options sign
// with ("" for none).
func (p *preflight) accessKey(ctx context.Context) string {
	if p.options.Credentials == nil {
		return ""
	}
	c, err := p.options.Credentials.Retrieve(ctx)
	if err != nil {
		return ""
	}
	return c.AccessKeyID
}

// signedAccessKey returns the access key ID of a SigV4 Authorization
// header (Credential=AKID/DATE/REGION/SERVICE/aws4_request), "" for none.
func signedAccessKey(h string) string {
	_, rest, ok := strings.Cut(h, "Credential=")
	if !ok {
		return ""
	}
	akid, _, _ := strings.Cut(rest, "/")
	return akid
}

// endpointOf returns the endpoint a user operation's request goes to:
// its scheme, host and any base path before /users/{InstanceId} (or
// /tags/{resourceArn}).
func endpointOf(r *smithyhttp.Request) string {
	path := r.URL.EscapedPath()
	if i := strings.LastIndex(path, "/users/"); i >= 0 {
		path = path[:i]
	} else if i := strings.LastIndex(path, "/tags/"); i >= 0 {
		path = path[:i]
	} else {
		path = ""
	}
	return r.URL.Scheme + "://" + r.URL.Host + path
}

// Report is what the pre-flight check decided for a CreateUser call that
// went through.
type Report struct {
	// Identity is the identity management type the request was checked
	// under.
	Identity identity.Type
	// LookupErr is the failed look-up after which [FallbackToUnknown] let
	// the call through (checked under identity.Unknown when it was
	// DescribeInstance); nil otherwise.
	LookupErr error
	// Warnings are the violations found, all of warning severity; nil when
	// the request is clean.
	Warnings cuerrors.List
}

type reportKey struct{}

// ReportOf returns the pre-flight report of a CreateUser call (or of an
// update operation's call) from its result metadata
// (CreateUserOutput.ResultMetadata, ...), and false when the call was not
// checked by [WithPreflight].
func ReportOf(md middleware.Metadata) (*Report, bool) {
	r, ok := md.Get(reportKey{}).(*Report)
	return r, ok
}

// reportHolder receives a call's report whatever its outcome ([CreateUser]
// puts one in the context).
type reportHolder struct{ report *Report }

type reportHolderKey struct{}

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
