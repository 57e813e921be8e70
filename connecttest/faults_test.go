package connecttest_test

import (
	"errors"
	"fmt"
	"net/http"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/connect"
	"github.com/aws/aws-sdk-go-v2/service/connect/types"
	"github.com/google/go-cmp/cmp"

	"github.com/connectkit/createuser/connecttest"
)

func TestParseFaults(t *testing.T) {
	good := map[string]connecttest.Faults{
		"":             {},
		"throttle=0.1": {Throttle: 0.1},
		"throttle=0.1,error=0.05,reset-before=0.02,reset-after=0.02,latency=10ms": {Throttle: 0.1, Error: 0.05, ResetBefore: 0.02, ResetAfter: 0.02, Latency: 10 * time.Millisecond},
		" error=1 , latency=0s ": {Error: 1},
	}
	for spec, want := range good {
		got, err := connecttest.ParseFaults(spec)
		if err != nil || got != want {
			t.Errorf("ParseFaults(%q) = %+v, %v; want %+v", spec, got, err, want)
		}
		again, err := connecttest.ParseFaults(got.String())
		if err != nil || again != got {
			t.Errorf("ParseFaults(%q.String() = %q) = %+v, %v", spec, got.String(), again, err)
		}
	}
	for _, spec := range []string{"throttle", "throttle=2", "error=-0.1", "error=NaN", "reset=0.1", "latency=fast", "latency=-1s", "error=0.1,error=0.2", "throttle=0.1,"} {
		if f, err := connecttest.ParseFaults(spec); err == nil {
			t.Errorf("ParseFaults(%q) = %+v, want an error", spec, f)
		}
	}
}

func TestFaults(t *testing.T) {
	ctx := testContext(t)
	start := func(f connecttest.Faults) (*connecttest.Server, *connect.Client) {
		srv := connecttest.NewServer(connecttest.WithFaults(f), connecttest.WithSeed(1))
		t.Cleanup(srv.Close)
		srv.AddDemoInstances()
		return srv, newClient(srv)
	}

	_, c := start(connecttest.Faults{Throttle: 1})
	var throttled *types.ThrottlingException
	if _, err := c.ListUsers(ctx, &connect.ListUsersInput{InstanceId: aws.String(cmInstance)}); !errors.As(err, &throttled) {
		t.Errorf("throttle=1: %v", err)
	}

	_, c = start(connecttest.Faults{Error: 1})
	var internal *types.InternalServiceException
	if _, err := c.DescribeInstance(ctx, &connect.DescribeInstanceInput{InstanceId: aws.String(cmInstance)}); !errors.As(err, &internal) {
		t.Errorf("error=1: %v", err)
	}

	// A reset before handling: no answer, nothing created.
	srv, c := start(connecttest.Faults{ResetBefore: 1})
	if _, err := c.CreateUser(ctx, validInput("a")); err == nil || errorCode(err) != "" {
		t.Errorf("reset-before=1: %v, want a transport error", err)
	}
	if n := len(srv.Users(cmInstance)); n != 0 {
		t.Errorf("reset-before: %d users", n)
	}

	// A reset after a CreateUser: no answer, but the user exists; reads
	// are not reset.
	srv, c = start(connecttest.Faults{ResetAfter: 1})
	if _, err := c.CreateUser(ctx, validInput("b")); err == nil || errorCode(err) != "" {
		t.Errorf("reset-after=1: %v, want a transport error", err)
	}
	if users := srv.Users(cmInstance); len(users) != 1 || users[0].Username != "b" {
		t.Errorf("reset-after: users %+v, want b", users)
	}
	if _, err := c.ListUsers(ctx, &connect.ListUsersInput{InstanceId: aws.String(cmInstance)}); err != nil {
		t.Errorf("reset-after applies to reads: %v", err)
	}
	rec := srv.Requests()
	if rec[0].Fault != "reset-after" || rec[0].Status != 0 || rec[0].Operation != connecttest.OpCreateUser {
		t.Errorf("record of a reset: %+v", rec[0])
	}

	// Latency is added (a lower bound, not a timing assertion).
	srv, c = start(connecttest.Faults{Latency: 20 * time.Millisecond})
	if _, err := c.ListInstances(ctx, &connect.ListInstancesInput{}); err != nil {
		t.Fatal(err)
	}
	if d := srv.Requests()[0].Duration; d < 20*time.Millisecond {
		t.Errorf("latency=20ms: served in %v", d)
	}
}

// The same seed gives the same faults to the same sequence of requests.
func TestFaultsRepeatable(t *testing.T) {
	f := connecttest.Faults{Throttle: 0.3, Error: 0.3, ResetBefore: 0.2, ResetAfter: 0.3}
	run := func(seed int64) []string {
		srv := connecttest.NewServer(connecttest.WithFaults(f), connecttest.WithSeed(seed))
		defer srv.Close()
		srv.AddDemoInstances()
		c := newClient(srv)
		ctx := testContext(t)
		for i := range 40 {
			_, _ = c.CreateUser(ctx, validInput(fmt.Sprint("user", i)))
		}
		var out []string
		for _, r := range srv.Requests() {
			out = append(out, fmt.Sprintf("%s %d %s", r.Fault, r.Status, r.ErrorType))
		}
		return out
	}
	a, b := run(7), run(7)
	if diff := cmp.Diff(a, b); diff != "" {
		t.Errorf("seed 7 twice differs:\n%s", diff)
	}
	kinds := map[string]bool{}
	for _, s := range a {
		kinds[s] = true
	}
	if len(kinds) < 4 {
		t.Errorf("40 requests at these rates gave only %v", kinds)
	}
	if c := run(8); cmp.Equal(a, c) {
		t.Errorf("seeds 7 and 8 gave the same faults")
	}
}

func TestRate(t *testing.T) {
	srv := connecttest.NewServer(connecttest.WithRate(0.001, 2))
	defer srv.Close()
	srv.AddDemoInstances()
	c := newClient(srv)
	ctx := testContext(t)
	for i := range 2 {
		if _, err := c.CreateUser(ctx, validInput(fmt.Sprint("burst", i))); err != nil {
			t.Fatalf("within the burst: %v", err)
		}
	}
	var throttled *types.ThrottlingException
	if _, err := c.CreateUser(ctx, validInput("over")); !errors.As(err, &throttled) {
		t.Errorf("over the burst: %v", err)
	}
	// Buckets are per operation.
	if _, err := c.ListUsers(ctx, &connect.ListUsersInput{InstanceId: aws.String(cmInstance)}); err != nil {
		t.Errorf("another operation: %v", err)
	}
	if n := len(srv.Users(cmInstance)); n != 2 {
		t.Errorf("%d users, want 2", n)
	}
	if rec := srv.Requests(); rec[2].Status != http.StatusTooManyRequests || rec[2].ErrorType != connecttest.ErrThrottling {
		t.Errorf("record %+v", rec[2])
	}
}
