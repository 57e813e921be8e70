package awsconnect_test

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/connect"
	"github.com/aws/aws-sdk-go-v2/service/connect/types"
	"github.com/google/go-cmp/cmp"

	"github.com/connectkit/createuser/awsconnect"
	"github.com/connectkit/createuser/connecttest"
	cuerrors "github.com/connectkit/createuser/errors"
	"github.com/connectkit/createuser/identity"
	"github.com/connectkit/createuser/user"
)

// fakeRead is a ReadAPI whose DescribeInstance and SearchUsers answer as
// the test says; the other calls are not made by these tests.
type fakeRead struct {
	awsconnect.ReadAPI
	describe func(ctx context.Context, n int) (*connect.DescribeInstanceOutput, error)
	search   func(ctx context.Context, in *connect.SearchUsersInput) (*connect.SearchUsersOutput, error)
	calls    atomic.Int64
	retryers atomic.Int64 // calls whose options turned the SDK's retryer off
}

func (f *fakeRead) options(optFns []func(*connect.Options)) {
	var o connect.Options
	for _, fn := range optFns {
		fn(&o)
	}
	if _, ok := o.Retryer.(aws.NopRetryer); ok {
		f.retryers.Add(1)
	}
}

func (f *fakeRead) DescribeInstance(ctx context.Context, _ *connect.DescribeInstanceInput, optFns ...func(*connect.Options)) (*connect.DescribeInstanceOutput, error) {
	f.options(optFns)
	return f.describe(ctx, int(f.calls.Add(1)))
}

func (f *fakeRead) SearchUsers(ctx context.Context, in *connect.SearchUsersInput, optFns ...func(*connect.Options)) (*connect.SearchUsersOutput, error) {
	f.options(optFns)
	f.calls.Add(1)
	return f.search(ctx, in)
}

func instanceOut() *connect.DescribeInstanceOutput {
	return &connect.DescribeInstanceOutput{Instance: &types.Instance{Id: aws.String("i-1"), Arn: aws.String("arn:aws:connect:us-east-1:111122223333:instance/i-1"),
		InstanceAlias: aws.String("demo"), IdentityManagementType: types.DirectoryTypeConnectManaged}}
}

// fast are the options of a reader that retries without waiting long.
func fast(opts ...awsconnect.Option) []awsconnect.Option {
	return append([]awsconnect.Option{awsconnect.WithBackoff(time.Millisecond, 2*time.Millisecond), awsconnect.WithReadRate(1000, 100)}, opts...)
}

// TestReaderRetries: what each kind of failure costs, in attempts, and
// what the error says. Every attempt turns the SDK's own retryer off.
func TestReaderRetries(t *testing.T) {
	throttle := &types.ThrottlingException{Message: aws.String("Rate exceeded")}
	for _, tc := range []struct {
		name         string
		answer       func(n int) error // the n-th attempt's error
		opts         []awsconnect.Option
		wantAttempts int
		wantErr      bool
		wantThrottle int
	}{
		{"throttled twice then answered", func(n int) error {
			if n <= 2 {
				return throttle
			}
			return nil
		}, nil, 3, false, 2},
		{"5xx then answered", func(n int) error {
			if n == 1 {
				return &types.InternalServiceException{Message: aws.String("boom")}
			}
			return nil
		}, nil, 2, false, 0},
		{"connection refused then answered", func(n int) error {
			if n == 1 {
				return errors.New("dial tcp 127.0.0.1:1: connect: connection refused")
			}
			return nil
		}, nil, 2, false, 0},
		{"always throttled: bounded by the attempts", func(int) error { return throttle }, []awsconnect.Option{awsconnect.WithMaxAttempts(4)}, 4, true, 4},
		{"always throttled: bounded by the retry time", func(int) error { return throttle },
			[]awsconnect.Option{awsconnect.WithMaxAttempts(1000), awsconnect.WithBackoff(20*time.Millisecond, 20*time.Millisecond), awsconnect.WithRetryTime(30 * time.Millisecond)}, 0, true, 0},
		{"access denied: not retried", func(int) error { return &types.AccessDeniedException{Message: aws.String("no")} }, nil, 1, true, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			f := &fakeRead{describe: func(_ context.Context, n int) (*connect.DescribeInstanceOutput, error) {
				if err := tc.answer(n); err != nil {
					return nil, err
				}
				return instanceOut(), nil
			}}
			r := awsconnect.NewReader(f, fast(tc.opts...)...)
			inst, err := r.Instance(context.Background(), "i-1")
			if (err != nil) != tc.wantErr {
				t.Fatalf("err = %v, want error %v", err, tc.wantErr)
			}
			if err != nil {
				var le *awsconnect.LookupError
				if !errors.As(err, &le) || le.Call != "DescribeInstance" || le.InstanceId != "i-1" {
					t.Errorf("err = %#v; want a LookupError naming DescribeInstance of i-1", err)
				}
			} else if inst.Alias != "demo" || inst.IdentityManagementType != identity.ConnectManaged {
				t.Errorf("instance = %+v", inst)
			}
			got := int(f.calls.Load())
			if tc.wantAttempts > 0 && got != tc.wantAttempts {
				t.Errorf("%d attempts, want %d", got, tc.wantAttempts)
			}
			if tc.wantAttempts == 0 && (got < 1 || got >= 1000) {
				t.Errorf("%d attempts, want a few (the retry time bounds them)", got)
			}
			if f.retryers.Load() != f.calls.Load() {
				t.Errorf("%d of %d calls turned the SDK's retryer off", f.retryers.Load(), f.calls.Load())
			}
			st := r.Stats()["DescribeInstance"]
			if st.Calls != got || (tc.wantAttempts > 0 && st.Throttled != tc.wantThrottle) {
				t.Errorf("stats = %+v after %d calls", st, got)
			}
		})
	}
}

// TestReaderTimeout: a request without an answer within the request
// timeout fails once, not retried, as a TimeoutError; the caller's
// deadline bounds everything and is named as the cause.
func TestReaderTimeout(t *testing.T) {
	silent := func(ctx context.Context, _ int) (*connect.DescribeInstanceOutput, error) {
		<-ctx.Done()
		return nil, ctx.Err()
	}
	t.Run("request timeout", func(t *testing.T) {
		f := &fakeRead{describe: silent}
		_, err := awsconnect.NewReader(f, fast(awsconnect.WithRequestTimeout(20*time.Millisecond))...).Instance(context.Background(), "i-1")
		var te *awsconnect.TimeoutError
		var le *awsconnect.LookupError
		if !errors.As(err, &te) || !errors.As(err, &le) || le.Call != "DescribeInstance" {
			t.Fatalf("err = %v; want a TimeoutError in a LookupError naming DescribeInstance", err)
		}
		if n := f.calls.Load(); n != 1 {
			t.Errorf("%d attempts; a silent endpoint is not asked again", n)
		}
	})
	t.Run("caller's deadline", func(t *testing.T) {
		f := &fakeRead{describe: silent}
		cause := errors.New("the job's deadline")
		ctx, cancel := context.WithTimeoutCause(context.Background(), 20*time.Millisecond, cause)
		defer cancel()
		_, err := awsconnect.NewReader(f, fast()...).Instance(ctx, "i-1")
		var le *awsconnect.LookupError
		if !errors.As(err, &le) || le.Call != "DescribeInstance" || !errors.Is(err, context.DeadlineExceeded) || !errors.Is(err, cause) {
			t.Fatalf("err = %v; want the deadline and its cause in a LookupError naming DescribeInstance", err)
		}
	})
}

// TestReaderUsersConverted: SearchUsers answers AfterContactWorkTimeLimit
// in milliseconds; Users holds seconds, every page (500 users a page).
func TestReaderUsersConverted(t *testing.T) {
	f := &fakeRead{search: func(_ context.Context, in *connect.SearchUsersInput) (*connect.SearchUsersOutput, error) {
		if aws.ToInt32(in.MaxResults) != 500 || in.SearchCriteria != nil {
			return nil, fmt.Errorf("MaxResults %d, criteria %v", aws.ToInt32(in.MaxResults), in.SearchCriteria)
		}
		u := types.UserSearchSummary{Id: aws.String("u-1"), Arn: aws.String("arn:u-1"), Username: aws.String("ana"),
			IdentityInfo:       &types.UserIdentityInfoLite{FirstName: aws.String("Ana"), LastName: aws.String("Silva")},
			PhoneConfig:        &types.UserPhoneConfig{PhoneType: types.PhoneTypeSoftPhone, AfterContactWorkTimeLimit: 30000},
			SecurityProfileIds: []string{"sp-1"}, RoutingProfileId: aws.String("rp-1")}
		if in.NextToken == nil {
			return &connect.SearchUsersOutput{Users: []types.UserSearchSummary{u}, NextToken: aws.String("2")}, nil
		}
		u.Id, u.Username, u.PhoneConfig.AfterContactWorkTimeLimit = aws.String("u-2"), aws.String("bo"), 0
		return &connect.SearchUsersOutput{Users: []types.UserSearchSummary{u}}, nil
	}}
	users, err := awsconnect.NewReader(f, fast()...).Users(context.Background(), "i-1")
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, u := range users {
		acw := "absent"
		if l := u.Request.PhoneConfig.AfterContactWorkTimeLimit; l != nil {
			acw = fmt.Sprint(*l)
		}
		got = append(got, fmt.Sprintf("%s %s %s %s", u.ID, u.Request.Username, u.Request.InstanceId, acw))
	}
	want := []string{"u-1 ana i-1 30", "u-2 bo i-1 0"}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("users (-want +got):\n%s", d)
	}
}

// TestReaderSharesPages: concurrent callers of one reader share every
// page: each listing costs its pages once, however many callers ask at
// once, counted by the service.
func TestReaderSharesPages(t *testing.T) {
	srv := service(t)
	seed(t, srv, "inst-1", identity.ConnectManaged, 23) // 24 security profiles: 5 pages of 5
	for i := range 12 {
		if err := srv.AddUser("inst-1", connecttest.User{Id: fmt.Sprintf("u-%02d", i), Username: fmt.Sprintf("user.%02d", i), SecurityProfileIds: []string{"sp-000"}, RoutingProfileId: "rp-000"}); err != nil {
			t.Fatal(err)
		}
	}
	r := awsconnect.NewReader(clientOf(srv), fast(awsconnect.WithPageSize(5))...)
	ctx := context.Background()
	const callers = 16
	var wg sync.WaitGroup
	errs := make(chan error, 4*callers)
	for range callers {
		wg.Go(func() {
			_, err := r.Instance(ctx, "inst-1")
			errs <- err
			l, err := r.Listing(ctx, "inst-1", awsconnect.SecurityProfiles)
			if err == nil && l.Len() != 24 {
				err = fmt.Errorf("%d security profiles, want 24", l.Len())
			}
			errs <- err
			users, err := r.Users(ctx, "inst-1")
			if err == nil && len(users) != 13 { // and taken.user
				err = fmt.Errorf("%d users, want 13", len(users))
			}
			errs <- err
		})
	}
	wg.Wait()
	close(errs)
	for err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
	got := map[string]int{}
	for _, q := range srv.Requests() {
		got[q.Operation]++
	}
	want := map[string]int{connecttest.OpDescribeInstance: 1, connecttest.OpListSecurityProfiles: 5, connecttest.OpSearchUsers: 1}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("calls by operation (-want +got):\n%s", d)
	}
	if st := r.Stats(); st[connecttest.OpListSecurityProfiles].Calls != 5 {
		t.Errorf("stats = %+v", st)
	}
}

// TestCheckerReferences: References checks the instance and the
// resources only: a taken Username is not its business, nor the catalog.
func TestCheckerReferences(t *testing.T) {
	srv := service(t)
	seed(t, srv, "inst-1", identity.ConnectManaged, 2)
	checker := awsconnect.NewInstanceChecker(clientOf(srv), fast()...)
	for _, tc := range []struct {
		name string
		in   func() *user.CreateUserInput
		want []cuerrors.Want
	}{
		{"taken username, known resources", func() *user.CreateUserInput { return request("inst-1", "taken.user") }, nil},
		{"unknown profile, no password", func() *user.CreateUserInput {
			in := request("inst-1", "taken.user")
			in.Password, in.SecurityProfileIds = nil, []string{"sp-agnet"}
			return in
		}, []cuerrors.Want{{Field: "SecurityProfileIds[0]", Code: cuerrors.CodeReference}}},
		{"unknown instance", func() *user.CreateUserInput { return request("inst-gone", "new.user") },
			[]cuerrors.Want{{Field: "InstanceId", Code: cuerrors.CodeReference}}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			list, err := checker.References(context.Background(), tc.in())
			if err != nil {
				t.Fatal(err)
			}
			if d := cuerrors.Diff(tc.want, list); d != "" {
				t.Error(d)
			}
		})
	}
}
