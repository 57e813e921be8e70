package awsconnect_test

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/connect"

	"github.com/connectkit/createuser/awsconnect"
	"github.com/connectkit/createuser/connecttest"
	cuerrors "github.com/connectkit/createuser/errors"
	"github.com/connectkit/createuser/identity"
	"github.com/connectkit/createuser/user"
)

// service starts a local service for the test.
func service(tb testing.TB, opts ...connecttest.Option) *connecttest.Server {
	tb.Helper()
	srv := connecttest.NewServer(opts...)
	tb.Cleanup(srv.Close)
	return srv
}

// clientOf returns an SDK client for srv (any credentials; no retries
// unless optFns set a retryer).
func clientOf(srv *connecttest.Server, optFns ...func(*connect.Options)) *connect.Client {
	return connect.New(connect.Options{
		Region:       srv.Region(),
		Credentials:  credentials.NewStaticCredentialsProvider("AKIDEXAMPLE", "secret", ""),
		BaseEndpoint: aws.String(srv.URL),
		Retryer:      aws.NopRetryer{},
	}, optFns...)
}

// seed adds instance id with n security profiles (sp-000…, "Profile 000"…),
// n routing profiles (rp-…, "Routing 000"…), a hierarchy
// Europe|Paris|Team A plus n groups under Europe, and the user taken.user.
func seed(tb testing.TB, srv *connecttest.Server, id string, typ identity.Type, n int) {
	tb.Helper()
	in := connecttest.Instance{Id: id, Alias: id, IdentityManagementType: typ}
	for i := range n {
		in.SecurityProfiles = append(in.SecurityProfiles, connecttest.Resource{Id: fmt.Sprintf("sp-%03d", i), Name: fmt.Sprintf("Profile %03d", i)})
		in.RoutingProfiles = append(in.RoutingProfiles, connecttest.Resource{Id: fmt.Sprintf("rp-%03d", i), Name: fmt.Sprintf("Routing %03d", i)})
		in.HierarchyGroups = append(in.HierarchyGroups, connecttest.HierarchyGroup{Id: fmt.Sprintf("g-%03d", i), Name: fmt.Sprintf("Site %03d", i), ParentId: "g-europe"})
	}
	in.SecurityProfiles = append(in.SecurityProfiles, connecttest.Resource{Id: "sp-agent", Name: "Agent"})
	in.RoutingProfiles = append(in.RoutingProfiles, connecttest.Resource{Id: "rp-basic", Name: "Basic Routing Profile"})
	in.HierarchyGroups = append(in.HierarchyGroups,
		connecttest.HierarchyGroup{Id: "g-europe", Name: "Europe"},
		connecttest.HierarchyGroup{Id: "g-paris", Name: "Paris", ParentId: "g-europe"},
		connecttest.HierarchyGroup{Id: "g-team-a", Name: "Team A", ParentId: "g-paris"},
		connecttest.HierarchyGroup{Id: "g-lyon", Name: "Lyon", ParentId: "g-europe"},
		connecttest.HierarchyGroup{Id: "g-lyon-a", Name: "Team A", ParentId: "g-lyon"},
	)
	in.Users = []connecttest.User{{Id: "u-taken", Username: "taken.user", SecurityProfileIds: []string{"sp-agent"}, RoutingProfileId: "rp-basic"}}
	if err := srv.AddInstance(in); err != nil {
		tb.Fatal(err)
	}
}

// request returns a request valid under every identity type but SAML's
// and EXISTING_DIRECTORY's password rule: CONNECT_MANAGED instances take
// it as it is.
func request(instance, username string) *user.CreateUserInput {
	return &user.CreateUserInput{
		InstanceId: instance,
		Username:   username,
		Password:   new(identity.Secret("Str0ngPassw0rd")),
		IdentityInfo: &identity.Info{
			FirstName: new(identity.Secret("Jane")),
			LastName:  new(identity.Secret("Doe")),
			Email:     new(identity.Secret("jane.doe@example.com")),
		},
		SecurityProfileIds: []string{"sp-agent"},
		RoutingProfileId:   "rp-basic",
		HierarchyGroupId:   new("g-team-a"),
	}
}

// calls counts the requests the service received, by operation.
func calls(srv *connecttest.Server) map[string]int {
	m := map[string]int{}
	for _, r := range srv.Requests() {
		m[r.Operation]++
	}
	return m
}

func arnOf(srv *connecttest.Server, instance string) string {
	return "arn:aws:connect:" + srv.Region() + ":" + srv.Account() + ":instance/" + instance
}

// TestCheckReferences: every kind of missing reference, the ARN forms and
// a taken username, each with its rule; a clean request costs nothing
// but is found clean.
func TestCheckReferences(t *testing.T) {
	srv := service(t)
	seed(t, srv, "inst-1", identity.ConnectManaged, 3)
	seed(t, srv, "inst-2", identity.ConnectManaged, 3)
	arn := arnOf(srv, "inst-1")
	other := arnOf(srv, "inst-2")
	otherRegion := "arn:aws:connect:eu-west-1:" + srv.Account() + ":instance/inst-1"
	otherAccount := "arn:aws:connect:" + srv.Region() + ":999999999999:instance/inst-1"
	type want struct {
		field string
		code  cuerrors.Code
		rule  string
		hint  string // a part of the message
	}
	for _, tc := range []struct {
		name string
		edit func(*user.CreateUserInput)
		want []want
	}{
		{"clean", func(*user.CreateUserInput) {}, nil},
		{"security profile ARN of the instance", func(in *user.CreateUserInput) {
			in.SecurityProfileIds = []string{arn + "/security-profile/sp-agent", "sp-001"}
		}, nil},
		{"routing profile and group ARNs of the instance", func(in *user.CreateUserInput) {
			in.RoutingProfileId = arn + "/routing-profile/rp-basic"
			in.HierarchyGroupId = new(arn + "/agent-group/g-team-a")
		}, nil},
		{"instance ARN", func(in *user.CreateUserInput) { in.InstanceId = arn }, nil},
		{"missing instance", func(in *user.CreateUserInput) { in.InstanceId = "inst-gone" },
			[]want{{"InstanceId", cuerrors.CodeReference, "instance.instance-id.reference", ""}}},
		{"instance ARN of another region", func(in *user.CreateUserInput) { in.InstanceId = otherRegion },
			[]want{{"InstanceId", cuerrors.CodeReference, "instance.instance-id.reference", ""}}},
		{"missing security profile, close to an id", func(in *user.CreateUserInput) {
			in.SecurityProfileIds = []string{"sp-agent", "sp-01"}
		}, []want{{"SecurityProfileIds[1]", cuerrors.CodeReference, "instance.security-profile-ids.reference", "(sp-001)"}}},
		{"a name given for an id", func(in *user.CreateUserInput) { in.SecurityProfileIds = []string{"agent"} },
			[]want{{"SecurityProfileIds[0]", cuerrors.CodeReference, "instance.security-profile-ids.reference", "Did you mean Agent (sp-agent)?"}}},
		{"missing routing profile", func(in *user.CreateUserInput) { in.RoutingProfileId = "rp-nothing-like-it" },
			[]want{{"RoutingProfileId", cuerrors.CodeReference, "instance.routing-profile-id.reference", ""}}},
		{"missing hierarchy group", func(in *user.CreateUserInput) { in.HierarchyGroupId = new("g-team-b") },
			[]want{{"HierarchyGroupId", cuerrors.CodeReference, "instance.hierarchy-group-id.reference", "Did you mean"}}},
		{"ARN of another instance", func(in *user.CreateUserInput) {
			in.SecurityProfileIds = []string{other + "/security-profile/sp-agent"}
		}, []want{{"SecurityProfileIds[0]", cuerrors.CodeReference, "instance.resource-arn.other", "(sp-agent)"}}},
		{"ARN of another account", func(in *user.CreateUserInput) {
			in.RoutingProfileId = otherAccount + "/routing-profile/rp-basic"
		}, []want{{"RoutingProfileId", cuerrors.CodeReference, "instance.resource-arn.other", ""}}},
		{"ARN of another kind", func(in *user.CreateUserInput) {
			in.HierarchyGroupId = new(arn + "/routing-profile/rp-basic")
		}, []want{{"HierarchyGroupId", cuerrors.CodeReference, "instance.resource-arn.other", ""}}},
		{"taken username", func(in *user.CreateUserInput) { in.Username = "taken.user" },
			[]want{{"Username", cuerrors.CodeDuplicate, "instance.username.duplicate", ""}}},
		{"username differing in case is free", func(in *user.CreateUserInput) { in.Username = "Taken.User" }, nil},
		{"everything at once", func(in *user.CreateUserInput) {
			in.Username = "taken.user"
			in.SecurityProfileIds = []string{"sp-x", "sp-agent"}
			in.RoutingProfileId = "rp-x"
			in.HierarchyGroupId = new("g-x")
		}, []want{
			{"SecurityProfileIds[0]", cuerrors.CodeReference, "instance.security-profile-ids.reference", ""},
			{"RoutingProfileId", cuerrors.CodeReference, "instance.routing-profile-id.reference", ""},
			{"HierarchyGroupId", cuerrors.CodeReference, "instance.hierarchy-group-id.reference", ""},
			{"Username", cuerrors.CodeDuplicate, "instance.username.duplicate", ""},
		}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in := request("inst-1", "new.user")
			tc.edit(in)
			list, err := awsconnect.NewInstanceChecker(clientOf(srv)).Check(context.Background(), in)
			if err != nil {
				t.Fatal(err)
			}
			if len(list) != len(tc.want) {
				t.Fatalf("got %v, want %v", cuerrors.Wants(list), tc.want)
			}
			for i, w := range tc.want {
				v := list[i]
				if v.Field.String() != w.field || v.Code != w.code || v.Rule != w.rule || v.Severity != cuerrors.SeverityError {
					t.Errorf("violation %d: %s %s %s %s, want %+v", i, v.Field, v.Code, v.Rule, v.Severity, w)
				}
				if !strings.Contains(v.Message, w.hint) {
					t.Errorf("violation %d: message %q lacks %q", i, v.Message, w.hint)
				}
				if v.Value.IsZero() {
					t.Errorf("violation %d has no value", i)
				}
			}
		})
	}
}

// TestCheckCatalogFirst: a request with a catalog error costs no call and
// gets the catalog's violations.
func TestCheckCatalogFirst(t *testing.T) {
	srv := service(t)
	seed(t, srv, "inst-1", identity.ConnectManaged, 1)
	in := request("inst-1", "")
	in.SecurityProfileIds = []string{"sp-missing"}
	list, err := awsconnect.NewInstanceChecker(clientOf(srv)).Check(context.Background(), in)
	if err != nil {
		t.Fatal(err)
	}
	if d := cuerrors.Diff([]cuerrors.Want{{Field: "Username", Code: cuerrors.CodeRequired, Severity: cuerrors.SeverityError}}, list); d != "" {
		t.Error(d)
	}
	if n := len(srv.Requests()); n != 0 {
		t.Errorf("%d requests; want none", n)
	}
}

// TestCheckIdentityFromInstance: the catalog runs again under the
// instance's type: a Password is forbidden in a SAML instance.
func TestCheckIdentityFromInstance(t *testing.T) {
	srv := service(t)
	seed(t, srv, "inst-saml", identity.SAML, 1)
	list, err := awsconnect.NewInstanceChecker(clientOf(srv)).Check(context.Background(), request("inst-saml", "new.user"))
	if err != nil {
		t.Fatal(err)
	}
	if !errors.Is(list.Err(), cuerrors.CodeForbidden) {
		t.Errorf("got %v; want Password forbidden", cuerrors.Wants(list))
	}
	if calls(srv)["ListSecurityProfiles"] != 0 {
		t.Error("listings read for a request the catalog rejects under the instance's type")
	}
}

// TestCheckDeletedGroup: a group deleted in the instance is a reference
// error once the checker reads the instance afresh.
func TestCheckDeletedGroup(t *testing.T) {
	srv := service(t)
	seed(t, srv, "inst-1", identity.ConnectManaged, 1)
	checker := awsconnect.NewInstanceChecker(clientOf(srv))
	ctx := context.Background()
	if list, err := checker.Check(ctx, request("inst-1", "a.user")); err != nil || len(list) != 0 {
		t.Fatalf("before: %v %v", cuerrors.Wants(list), err)
	}
	if err := srv.DeleteHierarchyGroup("inst-1", "g-team-a"); err != nil {
		t.Fatal(err)
	}
	checker.Forget("inst-1")
	list, err := checker.Check(ctx, request("inst-1", "a.user"))
	if err != nil {
		t.Fatal(err)
	}
	if d := cuerrors.Diff([]cuerrors.Want{{Field: "HierarchyGroupId", Code: cuerrors.CodeReference, Severity: cuerrors.SeverityError}}, list); d != "" {
		t.Error(d)
	}
	// Without Forget, a zero TTL reads it afresh too.
	fresh := awsconnect.NewInstanceChecker(clientOf(srv), awsconnect.WithCacheTTL(0))
	if list, _ := fresh.Check(ctx, request("inst-1", "a.user")); len(list) != 1 {
		t.Errorf("TTL 0: %v", cuerrors.Wants(list))
	}
}

// TestCheckPagination: with two items a page, every listing is read to
// its last page, and the last item of each is found.
func TestCheckPagination(t *testing.T) {
	srv := service(t)
	seed(t, srv, "inst-1", identity.ConnectManaged, 4) // 5 of each kind (7+ groups): 3 pages or more
	for i := range 5 {
		if err := srv.AddUser("inst-1", connecttest.User{Id: fmt.Sprintf("u-%d", i), Username: fmt.Sprintf("user.%d", i), SecurityProfileIds: []string{"sp-agent"}, RoutingProfileId: "rp-basic"}); err != nil {
			t.Fatal(err)
		}
	}
	checker := awsconnect.NewInstanceChecker(clientOf(srv), awsconnect.WithPageSize(2), awsconnect.WithUsernameSearches(0))
	in := request("inst-1", "user.4") // the last of the users listed
	in.SecurityProfileIds = []string{"sp-003", "sp-agent"}
	in.RoutingProfileId = "rp-basic"
	in.HierarchyGroupId = new("g-team-a")
	list, err := checker.Check(context.Background(), in)
	if err != nil {
		t.Fatal(err)
	}
	if d := cuerrors.Diff([]cuerrors.Want{{Field: "Username", Code: cuerrors.CodeDuplicate, Severity: cuerrors.SeverityError}}, list); d != "" {
		t.Error(d)
	}
	got := calls(srv)
	for op, want := range map[string]int{
		"ListSecurityProfiles":    3, // 5 profiles
		"ListRoutingProfiles":     3, // 5 profiles
		"ListUserHierarchyGroups": 5, // 9 groups
		"ListUsers":               3, // 6 users
		"DescribeInstance":        1,
	} {
		if got[op] != want {
			t.Errorf("%s: %d calls, want %d", op, got[op], want)
		}
	}
}

// TestCheckCost1000: checking 1,000 requests for one instance costs the
// pages of the listings, not one call per request; the same holds for 64
// goroutines at once (run with -race).
func TestCheckCost1000(t *testing.T) {
	for _, tc := range []struct {
		concurrent bool
		pageSize   int // 0: the default, 1000
	}{{false, 100}, {true, 100}, {true, 0}} {
		concurrent := tc.concurrent
		t.Run(fmt.Sprintf("concurrent=%v,page=%d", concurrent, tc.pageSize), func(t *testing.T) {
			srv := service(t)
			seed(t, srv, "inst-1", identity.ConnectManaged, 250)
			for i := range 1500 {
				if err := srv.AddUser("inst-1", connecttest.User{Id: fmt.Sprintf("u-%04d", i), Username: fmt.Sprintf("old.%04d", i), SecurityProfileIds: []string{"sp-agent"}, RoutingProfileId: "rp-basic"}); err != nil {
					t.Fatal(err)
				}
			}
			// Paced far above the quota: the test counts calls.
			opts := []awsconnect.Option{awsconnect.WithReadRate(1e6, 1000)}
			size := awsconnect.DefaultPageSize
			if tc.pageSize > 0 {
				opts = append(opts, awsconnect.WithPageSize(tc.pageSize))
				size = tc.pageSize
			}
			pages := func(items int) int { return (items + size - 1) / size }
			checker := awsconnect.NewInstanceChecker(clientOf(srv), opts...)
			ctx := context.Background()
			const n = 1000
			check := func(i int) error {
				in := request("inst-1", fmt.Sprintf("new.%04d", i))
				if i%10 == 0 {
					in.Username = fmt.Sprintf("old.%04d", i)
				}
				in.SecurityProfileIds = []string{fmt.Sprintf("sp-%03d", i%250)}
				list, err := checker.Check(ctx, in)
				if err != nil {
					return err
				}
				if (i%10 == 0) != errors.Is(list.Err(), cuerrors.CodeDuplicate) || len(list) > 1 {
					return fmt.Errorf("request %d: %v", i, cuerrors.Wants(list))
				}
				return nil
			}
			if concurrent {
				var wg sync.WaitGroup
				errs := make(chan error, n)
				sem := make(chan struct{}, 64)
				for i := range n {
					wg.Go(func() {
						sem <- struct{}{}
						defer func() { <-sem }()
						errs <- check(i)
					})
				}
				wg.Wait()
				close(errs)
				for err := range errs {
					if err != nil {
						t.Fatal(err)
					}
				}
			} else {
				for i := range n {
					if err := check(i); err != nil {
						t.Fatal(err)
					}
				}
			}
			got := calls(srv)
			t.Logf("calls for %d requests: %v", n, got)
			want := map[string]int{
				"DescribeInstance":        1,
				"ListSecurityProfiles":    pages(251), // 250 and Agent
				"ListRoutingProfiles":     pages(251),
				"ListUserHierarchyGroups": pages(255),
				"SearchUsers":             awsconnect.DefaultUsernameSearches,
				"ListUsers":               pages(1501), // 1,500 and taken.user
			}
			for op, w := range want {
				if got[op] != w {
					t.Errorf("%s: %d calls, want %d", op, got[op], w)
				}
			}
			if got["DescribeUserHierarchyGroup"] != 0 {
				t.Errorf("DescribeUserHierarchyGroup: %d calls, want 0 (ids need no path)", got["DescribeUserHierarchyGroup"])
			}
		})
	}
}

// TestCheckLookupFailure: a failed look-up is an error naming the call;
// the catalog's findings (warnings) are still returned.
func TestCheckLookupFailure(t *testing.T) {
	srv := service(t, connecttest.WithFaults(connecttest.Faults{Error: 1}))
	in := request("inst-1", "new.user")
	in.DirectoryUserId = new("d-1") // a warning under CONNECT_MANAGED only: nothing under Unknown
	in.IdentityInfo.Email = nil
	list, err := awsconnect.NewInstanceChecker(clientOf(srv), awsconnect.WithIdentityManagement(identity.ConnectManaged),
		awsconnect.WithMaxAttempts(3), awsconnect.WithBackoff(time.Millisecond, 5*time.Millisecond)).Check(context.Background(), in)
	var lookupErr *awsconnect.LookupError
	if !errors.As(err, &lookupErr) || lookupErr.Call != "DescribeInstance" || !strings.Contains(err.Error(), "DescribeInstance") {
		t.Fatalf("err = %v; want a LookupError naming DescribeInstance", err)
	}
	want := []cuerrors.Want{
		{Field: "IdentityInfo.Email", Code: cuerrors.CodeRequired, Severity: cuerrors.SeverityWarning},
		{Field: "DirectoryUserId", Code: cuerrors.CodeIgnored, Severity: cuerrors.SeverityWarning},
	}
	if d := cuerrors.Diff(want, list); d != "" {
		t.Error(d)
	}
}

// TestCheckUnderRate: a burst of checks against a service that throttles
// at its default quota (2 a second, burst 5, per operation) succeeds with
// a client whose SDK retries nothing: the reader paces every operation at
// the quota and retries what is throttled all the same.
func TestCheckUnderRate(t *testing.T) {
	srv := service(t, connecttest.WithRate(2, 5))
	seed(t, srv, "inst-1", identity.ConnectManaged, 3)
	checker := awsconnect.NewInstanceChecker(clientOf(srv))
	var wg sync.WaitGroup
	errs := make(chan error, 30)
	for i := range 30 {
		wg.Go(func() {
			_, err := checker.Check(context.Background(), request("inst-1", fmt.Sprintf("burst.%d", i)))
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
	throttled := 0
	for _, r := range srv.Requests() {
		if r.ErrorType == "ThrottlingException" {
			throttled++
		}
	}
	t.Logf("%d of %d requests throttled and retried", throttled, len(srv.Requests()))
}
