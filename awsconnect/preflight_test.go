package awsconnect

import (
	"context"
	"errors"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/connect"
	"github.com/aws/aws-sdk-go-v2/service/connect/types"
	smithy "github.com/aws/smithy-go"
	"github.com/google/go-cmp/cmp"

	cuerrors "github.com/connectkit/createuser/errors"
	"github.com/connectkit/createuser/identity"
	"github.com/connectkit/createuser/user"
)

// The tests marked "engine" below observe violations of the rule catalog,
// so they need (*user.Validator).Validate to report them.

// TestPreflightBlocksInvalid (engine): an invalid request makes no HTTP
// request, and the call returns every violation the catalog finds, as a
// cuerrors.List behind the SDK's OperationError.
func TestPreflightBlocksInvalid(t *testing.T) {
	f := newFakeConnect(t, nil)
	client := f.client(WithPreflight(WithIdentityManagement(identity.SAML)))
	in := &user.CreateUserInput{ // no Username, no RoutingProfileId, a Password under SAML
		InstanceId:         "instance-1",
		Password:           new(identity.Secret("Str0ngPassw0rd")),
		IdentityInfo:       &identity.Info{FirstName: new(identity.Secret("Jane")), LastName: new(identity.Secret("Doe"))},
		SecurityProfileIds: []string{"sp-1"},
	}
	_, err := client.CreateUser(context.Background(), sdkInput(t, in))
	if err == nil {
		t.Fatal("CreateUser succeeded; want the pre-flight violations")
	}
	if n := f.creates.Load(); n != 0 {
		t.Errorf("%d HTTP requests reached the server; want 0", n)
	}
	var list cuerrors.List
	if !errors.As(err, &list) {
		t.Fatalf("errors.As(err, *cuerrors.List) = false for %T: %v", err, err)
	}
	var opErr *smithy.OperationError
	if !errors.As(err, &opErr) || opErr.Operation() != "CreateUser" {
		t.Errorf("the list is not wrapped in the SDK's OperationError: %T", err)
	}
	want := []cuerrors.Want{
		{Field: "Username", Code: cuerrors.CodeRequired, Severity: cuerrors.SeverityError},
		{Field: "RoutingProfileId", Code: cuerrors.CodeRequired, Severity: cuerrors.SeverityError},
		{Field: "Password", Code: cuerrors.CodeForbidden, Severity: cuerrors.SeverityError},
	}
	if d := cuerrors.Diff(want, list); d != "" {
		t.Error(d)
	}
	// Every violation: exactly what the catalog reports for the request.
	all := user.Validate(in, user.WithIdentityManagement(identity.SAML))
	if d := cmp.Diff(cuerrors.Wants(all), cuerrors.Wants(list)); d != "" {
		t.Errorf("pre-flight list (-catalog +pre-flight):\n%s", d)
	}
	if !errors.Is(err, cuerrors.CodeForbidden) {
		t.Error("errors.Is(err, CodeForbidden) = false")
	}
	var v *cuerrors.Violation
	if !errors.As(err, &v) {
		t.Error("errors.As(err, *Violation) = false")
	}
	if strings.Contains(err.Error(), "Str0ngPassw0rd") {
		t.Error("the error shows the password")
	}
}

// TestPreflightNilInput (engine): a nil input is checked as an empty
// request, without a panic or a request.
func TestPreflightNilInput(t *testing.T) {
	f := newFakeConnect(t, nil)
	_, err := f.client(WithPreflight()).CreateUser(context.Background(), nil)
	var list cuerrors.List
	if !errors.As(err, &list) {
		t.Fatalf("want a violation list, got %v", err)
	}
	if !errors.Is(err, cuerrors.CodeRequired) || f.creates.Load() != 0 {
		t.Errorf("want required violations and no request; got %v and %d requests", cuerrors.Wants(list), f.creates.Load())
	}
}

// TestPreflightValidGoesThrough: a valid request is sent, once, and the
// report says how it was checked.
func TestPreflightValidGoesThrough(t *testing.T) {
	f := newFakeConnect(t, nil)
	client := f.client(WithPreflight(WithIdentityManagement(identity.ConnectManaged)))
	out, err := client.CreateUser(context.Background(), sdkInput(t, validConnectManaged("instance-1")))
	if err != nil {
		t.Fatal(err)
	}
	if aws.ToString(out.UserId) != "user-1" || f.creates.Load() != 1 {
		t.Errorf("UserId %q, %d requests; want user-1 and 1", aws.ToString(out.UserId), f.creates.Load())
	}
	r, ok := ReportOf(out.ResultMetadata)
	if !ok {
		t.Fatal("no pre-flight report in the result metadata")
	}
	if r.Identity != identity.ConnectManaged || r.LookupErr != nil || r.Warnings != nil {
		t.Errorf("report %+v; want CONNECT_MANAGED, no look-up error, no warnings", r)
	}
}

// TestPreflightWarningsGoThrough (engine): warnings do not stop the call;
// the report holds them.
func TestPreflightWarningsGoThrough(t *testing.T) {
	f := newFakeConnect(t, nil)
	client := f.client(WithPreflight(WithIdentityManagement(identity.ConnectManaged)))
	in := validConnectManaged("instance-1")
	in.DirectoryUserId = new("dir-1") // no effect under CONNECT_MANAGED
	out, err := client.CreateUser(context.Background(), sdkInput(t, in))
	if err != nil {
		t.Fatal(err)
	}
	r, _ := ReportOf(out.ResultMetadata)
	if r == nil || f.creates.Load() != 1 {
		t.Fatalf("report %v, %d requests", r, f.creates.Load())
	}
	want := []cuerrors.Want{{Field: "DirectoryUserId", Code: cuerrors.CodeIgnored, Severity: cuerrors.SeverityWarning}}
	if d := cuerrors.Diff(want, r.Warnings); d != "" {
		t.Error(d)
	}
}

// TestPreflightChecksTheWire (engine): the check sees what the SDK sends.
// PhoneConfig.AutoAccept=false is not sent, so it does not conflict with
// AutoAcceptConfigs; true does.
func TestPreflightChecksTheWire(t *testing.T) {
	f := newFakeConnect(t, nil)
	client := f.client(WithPreflight(WithIdentityManagement(identity.ConnectManaged)))
	in := sdkInput(t, validConnectManaged("instance-1"))
	in.AutoAcceptConfigs = []types.AutoAcceptConfig{{Channel: types.ChannelChat, AutoAccept: true}}
	in.PhoneConfig = &types.UserPhoneConfig{PhoneType: types.PhoneTypeSoftPhone, AutoAccept: false}
	if _, err := client.CreateUser(context.Background(), in); err != nil {
		t.Fatalf("AutoAccept=false, which the SDK leaves out: %v", err)
	}
	in.PhoneConfig.AutoAccept = true
	_, err := client.CreateUser(context.Background(), in)
	want := []cuerrors.Want{{Field: "PhoneConfig.AutoAccept", Code: cuerrors.CodeConflict, Severity: cuerrors.SeverityError}}
	var list cuerrors.List
	if !errors.As(err, &list) {
		t.Fatalf("AutoAccept=true: want a conflict, got %v", err)
	}
	if d := cuerrors.Diff(want, list); d != "" {
		t.Error(d)
	}
}

// TestPreflightIdentityFromInstance (engine): the type DescribeInstance
// returns decides the rules: the same request with a Password goes
// through for a CONNECT_MANAGED instance and is stopped for a SAML one.
// Each instance is described once.
func TestPreflightIdentityFromInstance(t *testing.T) {
	f := newFakeConnect(t, map[string]string{"inst-cm": "CONNECT_MANAGED", "inst-saml": "SAML"})
	client := f.client(WithPreflight(IdentityFromInstance()))
	for range 3 {
		out, err := client.CreateUser(context.Background(), sdkInput(t, validConnectManaged("inst-cm")))
		if err != nil {
			t.Fatalf("CONNECT_MANAGED instance: %v", err)
		}
		if r, _ := ReportOf(out.ResultMetadata); r == nil || r.Identity != identity.ConnectManaged {
			t.Errorf("report %+v; want CONNECT_MANAGED", r)
		}
		_, err = client.CreateUser(context.Background(), sdkInput(t, validConnectManaged("inst-saml")))
		var list cuerrors.List
		if !errors.As(err, &list) {
			t.Fatalf("SAML instance: want violations, got %v", err)
		}
		want := []cuerrors.Want{
			{Field: "Password", Code: cuerrors.CodeForbidden, Severity: cuerrors.SeverityError},
			{Field: "IdentityInfo.Email", Code: cuerrors.CodeForbidden, Severity: cuerrors.SeverityWarning},
		}
		if d := cuerrors.Diff(want, list); d != "" {
			t.Error(d)
		}
	}
	if f.creates.Load() != 3 {
		t.Errorf("%d CreateUser requests; want 3 (CONNECT_MANAGED only)", f.creates.Load())
	}
	for _, id := range []string{"inst-cm", "inst-saml"} {
		if n := f.describeCount(id); n != 1 {
			t.Errorf("DescribeInstance %s sent %d times; want 1", id, n)
		}
	}
}

// TestPreflightDescribeOnceConcurrently: many goroutines creating users in
// a few instances at once send one DescribeInstance per instance. Run
// with -race.
func TestPreflightDescribeOnceConcurrently(t *testing.T) {
	instances := []string{"inst-a", "inst-b", "inst-c"}
	f := newFakeConnect(t, map[string]string{"inst-a": "CONNECT_MANAGED", "inst-b": "CONNECT_MANAGED", "inst-c": "CONNECT_MANAGED"})
	f.describeDelay = 50 * time.Millisecond // let every goroutine arrive during the first look-up
	client := f.client(WithPreflight(IdentityFromInstance()))
	const perInstance = 40
	start := make(chan struct{})
	errs := make(chan error, perInstance*len(instances))
	var wg sync.WaitGroup
	for _, id := range instances {
		in := sdkInput(t, validConnectManaged(id))
		for range perInstance {
			wg.Go(func() {
				<-start
				out, err := client.CreateUser(context.Background(), in)
				if err == nil {
					if r, _ := ReportOf(out.ResultMetadata); r == nil || r.Identity != identity.ConnectManaged {
						err = errors.New("report without CONNECT_MANAGED")
					}
				}
				errs <- err
			})
		}
	}
	close(start)
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	for _, id := range instances {
		if n := f.describeCount(id); n != 1 {
			t.Errorf("DescribeInstance %s sent %d times; want 1", id, n)
		}
	}
	if n := f.creates.Load(); n != perInstance*int64(len(instances)) {
		t.Errorf("%d CreateUser requests; want %d", n, perInstance*len(instances))
	}
}

// TestPreflightLookupFailure: when DescribeInstance fails, the call fails
// with an IdentityLookupError that reaches the service's exception, and
// sends no CreateUser. A missing instance is an answer, remembered for the
// cache time; other failures are not remembered (TestPreflightUnknownFirst).
func TestPreflightLookupFailure(t *testing.T) {
	f := newFakeConnect(t, nil) // every instance is unknown to the server
	client := f.client(WithPreflight(IdentityFromInstance()))
	for i := 1; i <= 2; i++ {
		_, err := client.CreateUser(context.Background(), sdkInput(t, validConnectManaged("inst-gone")))
		var lookupErr *IdentityLookupError
		if !errors.As(err, &lookupErr) || lookupErr.InstanceId != "inst-gone" {
			t.Fatalf("want an IdentityLookupError for inst-gone, got %T: %v", err, err)
		}
		var notFound *types.ResourceNotFoundException
		if !errors.As(err, &notFound) {
			t.Errorf("the service's exception is not reachable: %v", err)
		}
		if n := f.describeCount("inst-gone"); n != 1 {
			t.Errorf("after call %d: %d DescribeInstance requests; want 1 (a missing instance is remembered)", i, n)
		}
	}
	if n := f.creates.Load(); n != 0 {
		t.Errorf("%d CreateUser requests; want 0", n)
	}
}

// TestPreflightLookupFallback: with FallbackToUnknown, a failed look-up
// checks the request under Unknown and the call goes through; the report
// holds the failure.
func TestPreflightLookupFallback(t *testing.T) {
	f := newFakeConnect(t, nil)
	client := f.client(WithPreflight(IdentityFromInstance(), FallbackToUnknown()))
	out, err := client.CreateUser(context.Background(), sdkInput(t, validConnectManaged("inst-gone")))
	if err != nil {
		t.Fatal(err)
	}
	r, ok := ReportOf(out.ResultMetadata)
	if !ok || r.Identity != identity.Unknown {
		t.Fatalf("report %+v; want Unknown", r)
	}
	var lookupErr *IdentityLookupError
	if !errors.As(r.LookupErr, &lookupErr) {
		t.Errorf("report.LookupErr = %v; want an IdentityLookupError", r.LookupErr)
	}
	if f.creates.Load() != 1 {
		t.Errorf("%d CreateUser requests; want 1", f.creates.Load())
	}
}

// TestPreflightInstanceARN: an instance ARN is described by the ID it
// ends with, and shares the cache entry with the plain ID.
func TestPreflightInstanceARN(t *testing.T) {
	f := newFakeConnect(t, map[string]string{"inst-1": "CONNECT_MANAGED"})
	client := f.client(WithPreflight(IdentityFromInstance()))
	for _, id := range []string{"arn:aws:connect:us-east-1:123456789012:instance/inst-1", "inst-1"} {
		out, err := client.CreateUser(context.Background(), sdkInput(t, validConnectManaged(id)))
		if err != nil {
			t.Fatalf("%s: %v", id, err)
		}
		if r, _ := ReportOf(out.ResultMetadata); r == nil || r.Identity != identity.ConnectManaged {
			t.Errorf("%s: report %+v; want CONNECT_MANAGED", id, r)
		}
	}
	if n := f.describeCount("inst-1"); n != 1 {
		t.Errorf("DescribeInstance inst-1 sent %d times; want 1", n)
	}
}

// TestPreflightUnknownByDefault: without an identity option the request
// is checked under Unknown; the option given last wins; other operations
// are left alone.
func TestPreflightUnknownByDefault(t *testing.T) {
	f := newFakeConnect(t, map[string]string{"inst-1": "SAML"})
	for _, tc := range []struct {
		name string
		opts []func(*connect.Options)
		want identity.Type
	}{
		{"no option", []func(*connect.Options){WithPreflight()}, identity.Unknown},
		{"fixed", []func(*connect.Options){WithPreflight(WithIdentityManagement(identity.ConnectManaged))}, identity.ConnectManaged},
		{"last option wins", []func(*connect.Options){WithPreflight(IdentityFromInstance(), WithIdentityManagement(identity.ExistingDirectory), WithIdentityManagement(identity.ConnectManaged))}, identity.ConnectManaged},
		{"last WithPreflight wins", []func(*connect.Options){WithPreflight(WithIdentityManagement(identity.SAML)), WithPreflight(WithIdentityManagement(identity.ConnectManaged))}, identity.ConnectManaged},
	} {
		t.Run(tc.name, func(t *testing.T) {
			out, err := f.client(tc.opts...).CreateUser(context.Background(), sdkInput(t, validConnectManaged("inst-1")))
			if err != nil {
				t.Fatal(err)
			}
			if r, _ := ReportOf(out.ResultMetadata); r == nil || r.Identity != tc.want {
				t.Errorf("report %+v; want %s", r, tc.want)
			}
		})
	}
	if n := f.describeCount("inst-1"); n != 0 {
		t.Errorf("DescribeInstance sent %d times; want 0", n)
	}
	// DescribeInstance through a client with the pre-flight is untouched.
	client := f.client(WithPreflight(IdentityFromInstance()))
	out, err := client.DescribeInstance(context.Background(), &connect.DescribeInstanceInput{InstanceId: aws.String("inst-1")})
	if err != nil || out.Instance.IdentityManagementType != types.DirectoryTypeSaml {
		t.Fatalf("DescribeInstance: %v, %+v", err, out)
	}
	if _, ok := ReportOf(out.ResultMetadata); ok {
		t.Error("DescribeInstance has a pre-flight report")
	}
}

// TestPreflightWithoutOption: without the option, no
// report.
func TestPreflightWithoutOption(t *testing.T) {
	f := newFakeConnect(t, nil)
	out, err := f.client().CreateUser(context.Background(), sdkInput(t, validConnectManaged("inst-1")))
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := ReportOf(out.ResultMetadata); ok {
		t.Error("a report without WithPreflight")
	}
}

// TestPreflightPerCall: given to one call, the option checks that call and
// reads the identity type for it, through the same endpoint.
func TestPreflightPerCall(t *testing.T) {
	f := newFakeConnect(t, map[string]string{"inst-1": "CONNECT_MANAGED"})
	client := f.client()
	for i := 1; i <= 2; i++ {
		out, err := client.CreateUser(context.Background(), sdkInput(t, validConnectManaged("inst-1")), WithPreflight(IdentityFromInstance()))
		if err != nil {
			t.Fatal(err)
		}
		if r, _ := ReportOf(out.ResultMetadata); r == nil || r.Identity != identity.ConnectManaged {
			t.Errorf("call %d: report %+v; want CONNECT_MANAGED", i, r)
		}
		if n := f.describeCount("inst-1"); n != i {
			t.Errorf("call %d: %d DescribeInstance requests; want %d", i, n, i)
		}
	}
}
