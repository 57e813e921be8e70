package awsconnect_test

import (
	"context"
	"errors"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/connect"

	"github.com/connectkit/createuser/awsconnect"
	"github.com/connectkit/createuser/channel"
	cuerrors "github.com/connectkit/createuser/errors"
	"github.com/connectkit/createuser/identity"
	"github.com/connectkit/createuser/user"
)

// sdkIn converts in for the SDK, failing on a loss.
func sdkIn(tb testing.TB, in *user.CreateUserInput) *connect.CreateUserInput {
	tb.Helper()
	out, lost := awsconnect.ToSDK(in)
	if len(lost) != 0 {
		tb.Fatalf("ToSDK: %v", lost)
	}
	return out
}

// TestPreflightUnknownFirst (issue 9, item 8): an invalid request is
// stopped by the catalog under Unknown without any call, even when
// DescribeInstance would fail; a valid one is described.
func TestPreflightUnknownFirst(t *testing.T) {
	srv := service(t) // no instance: DescribeInstance answers ResourceNotFoundException
	client := clientOf(srv, awsconnect.WithPreflight(awsconnect.IdentityFromInstance()))
	in := request("inst-1", "")
	_, err := client.CreateUser(context.Background(), sdkIn(t, in))
	var list cuerrors.List
	if !errors.As(err, &list) || !errors.Is(err, cuerrors.CodeRequired) {
		t.Fatalf("err = %v; want the catalog's violations", err)
	}
	var lookupErr *awsconnect.IdentityLookupError
	if errors.As(err, &lookupErr) {
		t.Errorf("the look-up error hides the violations: %v", err)
	}
	if n := len(srv.Requests()); n != 0 {
		t.Errorf("%d requests for an invalid request; want 0", n)
	}
	_, err = client.CreateUser(context.Background(), sdkIn(t, request("inst-1", "a.user")))
	if !errors.As(err, &lookupErr) {
		t.Fatalf("valid request: err = %v; want an IdentityLookupError", err)
	}
	if got := calls(srv); got["DescribeInstance"] != 1 || got["CreateUser"] != 0 {
		t.Errorf("calls %v; want one DescribeInstance and no CreateUser", got)
	}
}

// TestPreflightFollowsCopiedClient (issue 9, item 9): a client copied with
// connect.New(c.Options(), ...) for another endpoint reads its own
// instance there, not through the original's endpoint or cache.
func TestPreflightFollowsCopiedClient(t *testing.T) {
	a, b := service(t), service(t)
	seed(t, a, "inst-1", identity.ConnectManaged, 1)
	seed(t, b, "inst-1", identity.SAML, 1) // the same id, another type
	orig := clientOf(a, awsconnect.WithPreflight(awsconnect.IdentityFromInstance()))
	ctx := context.Background()
	// The original learns CONNECT_MANAGED for inst-1 (and caches it).
	if _, err := orig.CreateUser(ctx, sdkIn(t, request("inst-1", "first.user"))); err != nil {
		t.Fatal(err)
	}
	copied := connect.New(orig.Options(), func(o *connect.Options) { o.BaseEndpoint = aws.String(b.URL) })
	_, err := copied.CreateUser(ctx, sdkIn(t, request("inst-1", "second.user")))
	var list cuerrors.List
	if !errors.As(err, &list) || !errors.Is(list.Err(), cuerrors.CodeForbidden) {
		t.Fatalf("copy: err = %v; want Password forbidden under b's SAML", err)
	}
	if got := calls(b); got["DescribeInstance"] != 1 || got["CreateUser"] != 0 {
		t.Errorf("b: %v; want one DescribeInstance, no CreateUser", got)
	}
	if got := calls(a); got["DescribeInstance"] != 1 || got["CreateUser"] != 1 {
		t.Errorf("a: %v; want only the original's DescribeInstance and CreateUser", got)
	}
	// The original is unaffected by the copy.
	if _, err := orig.CreateUser(ctx, sdkIn(t, request("inst-1", "third.user"))); err != nil {
		t.Fatalf("original after the copy: %v", err)
	}
}

// TestPreflightCopyWithOtherCredentials: a copy that signs with other
// credentials is told so, and nothing is sent anywhere.
func TestPreflightCopyWithOtherCredentials(t *testing.T) {
	a, b := service(t), service(t)
	seed(t, b, "inst-1", identity.ConnectManaged, 1)
	orig := clientOf(a, awsconnect.WithPreflight(awsconnect.WithInstanceChecks()))
	copied := connect.New(orig.Options(), func(o *connect.Options) {
		o.BaseEndpoint = aws.String(b.URL)
		o.Credentials = credentials.NewStaticCredentialsProvider("AKIDOTHER", "secret", "")
	})
	_, err := copied.CreateUser(context.Background(), sdkIn(t, request("inst-1", "a.user")))
	if !errors.Is(err, awsconnect.ErrOtherCredentials) {
		t.Fatalf("err = %v; want ErrOtherCredentials", err)
	}
	if len(a.Requests())+len(b.Requests()) != 0 {
		t.Errorf("requests sent: a %v, b %v", calls(a), calls(b))
	}
	// Given its own pre-flight, the copy works.
	own := connect.New(orig.Options(), func(o *connect.Options) {
		o.BaseEndpoint = aws.String(b.URL)
		o.Credentials = credentials.NewStaticCredentialsProvider("AKIDOTHER", "secret", "")
	}, awsconnect.WithPreflight(awsconnect.WithInstanceChecks()))
	if _, err := own.CreateUser(context.Background(), sdkIn(t, request("inst-1", "a.user"))); err != nil {
		t.Fatal(err)
	}
}

// TestPreflightInstanceChecks: with WithInstanceChecks the pre-flight
// stops a request the instance would refuse, sends nothing, and counts a
// user created through the client as taken at once.
func TestPreflightInstanceChecks(t *testing.T) {
	srv := service(t)
	seed(t, srv, "inst-1", identity.ConnectManaged, 1)
	client := clientOf(srv, awsconnect.WithPreflight(awsconnect.WithInstanceChecks()))
	ctx := context.Background()
	bad := request("inst-1", "taken.user")
	bad.RoutingProfileId = "rp-missing"
	_, err := client.CreateUser(ctx, sdkIn(t, bad))
	var list cuerrors.List
	if !errors.As(err, &list) {
		t.Fatalf("err = %v; want violations", err)
	}
	want := []cuerrors.Want{
		{Field: "RoutingProfileId", Code: cuerrors.CodeReference, Severity: cuerrors.SeverityError},
		{Field: "Username", Code: cuerrors.CodeDuplicate, Severity: cuerrors.SeverityError},
	}
	if d := cuerrors.Diff(want, list); d != "" {
		t.Error(d)
	}
	out, err := client.CreateUser(ctx, sdkIn(t, request("inst-1", "new.user")))
	if err != nil {
		t.Fatal(err)
	}
	if r, ok := awsconnect.ReportOf(out.ResultMetadata); !ok || r.Identity != identity.ConnectManaged {
		t.Errorf("report %+v", r)
	}
	before := calls(srv)
	_, err = client.CreateUser(ctx, sdkIn(t, request("inst-1", "new.user")))
	if !errors.As(err, &list) || !errors.Is(list.Err(), cuerrors.CodeDuplicate) {
		t.Fatalf("created earlier in the run: err = %v; want a duplicate", err)
	}
	after := calls(srv)
	for op, n := range after {
		if n != before[op] {
			t.Errorf("%s sent %d more times for a username created through the client", op, n-before[op])
		}
	}
	if after["CreateUser"] != 1 {
		t.Errorf("%d CreateUser requests; want 1", after["CreateUser"])
	}
}

// TestCreateUserOneCall (issue 9, friction): one call from a
// *user.CreateUserInput gives the SDK's output and one report holding the
// conversion's losses and the catalog's warnings; a stopped call gives
// every violation in the same report.
func TestCreateUserOneCall(t *testing.T) {
	srv := service(t)
	seed(t, srv, "inst-1", identity.ConnectManaged, 1)
	ctx := context.Background()
	in := request("inst-1", "one.call")
	in.DirectoryUserId = new("d-1")                                                               // a warning under CONNECT_MANAGED
	in.PhoneConfig = &user.PhoneConfig{PhoneType: new(channel.SoftPhone), AutoAccept: new(false)} // lost: the SDK omits false
	for _, client := range []*connect.Client{
		clientOf(srv), // no pre-flight: CreateUser adds one for the call
		clientOf(srv, awsconnect.WithPreflight(awsconnect.WithInstanceChecks())),
	} {
		in.Username = "one.call." + string(rune('a'+len(srv.Users("inst-1"))))
		out, report, err := awsconnect.CreateUser(ctx, client, in, awsconnect.IdentityFromInstance())
		if err != nil {
			t.Fatal(err)
		}
		if aws.ToString(out.UserId) == "" {
			t.Error("no UserId")
		}
		want := []cuerrors.Want{
			{Field: "PhoneConfig.AutoAccept", Code: cuerrors.CodeIgnored, Severity: cuerrors.SeverityWarning},
			{Field: "DirectoryUserId", Code: cuerrors.CodeIgnored, Severity: cuerrors.SeverityWarning},
		}
		if d := cuerrors.Diff(want, report); d != "" {
			t.Error(d)
		}
	}
	in.Username = ""
	_, report, err := awsconnect.CreateUser(ctx, clientOf(srv), in)
	var list cuerrors.List
	if !errors.As(err, &list) {
		t.Fatalf("err = %v; want the violations", err)
	}
	want := []cuerrors.Want{
		{Field: "PhoneConfig.AutoAccept", Code: cuerrors.CodeIgnored, Severity: cuerrors.SeverityWarning},
		{Field: "Username", Code: cuerrors.CodeRequired, Severity: cuerrors.SeverityError},
	}
	if d := cuerrors.Diff(want, report); d != "" {
		t.Error(d)
	}
}
