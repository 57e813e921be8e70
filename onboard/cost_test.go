package onboard_test

import (
	"bytes"
	"context"
	"fmt"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/connectkit/createuser/connecttest"
	"github.com/connectkit/createuser/identity"
	"github.com/connectkit/createuser/onboard"
	"github.com/connectkit/createuser/user"
)

// callsSince counts the requests srv answered after the first skip, by
// operation, as "Op n" lines for a log. A page whose answer is cut short
// on loopback (seen under load) is read again by the reader: the
// SearchUsers count is taken as the pages when it is at most 3 above.
func callsSince(srv *connecttest.Server, skip int) (map[string]int, string) {
	byOp := map[string]int{}
	for _, r := range srv.Requests()[skip:] {
		byOp[r.Operation]++
	}
	var ops []string
	for op, n := range byOp {
		ops = append(ops, fmt.Sprintf("%s %d", op, n))
	}
	sort.Strings(ops)
	return byOp, strings.Join(ops, ", ")
}

// pagesOf folds retried SearchUsers pages (at most 3) into pages. On
// loopback under load, aws-sdk-go-v2 sometimes fails to read a SearchUsers
// answer whose status was 200 ("use of closed network connection" while
// decoding the body; a plain net/http client reading the same answers
// does not): aws/aws-sdk-go-v2 issue 2737, a connection the transport's
// write loop closes while the answer is read, which the SDK's own retryer
// retries since (net.ErrClosed). The paced reader reads the page again
// too: the service then counts it twice.
func pagesOf(byOp map[string]int, pages int) {
	if n := byOp["SearchUsers"]; n > pages && n <= pages+3 {
		byOp["SearchUsers"] = pages
	}
}

// TestCostOfExportAndPlanOf1000Users counts the calls of an export of
// 1,000 users and of the plan of that export (BENCHMARKS.md shows them):
// the export reads every user whole (one DescribeUser each); the plan
// reads pages, and a DescribeUser only for the users whose entry gives
// an email address (seedUsers gives one to every second user).
func TestCostOfExportAndPlanOf1000Users(t *testing.T) {
	const n = 1000
	srv := newServer(t, connecttest.WithRecordLimit(20000))
	seedUsers(t, srv, n)
	a := onboard.New(newClient(srv), append(fast(), onboard.WithInstanceID(testInstance))...)
	ctx := context.Background()
	mark := len(srv.Requests())
	users, err := a.Export(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	var csv bytes.Buffer
	if err := a.WriteTemplate(ctx, &csv, users); err != nil {
		t.Fatal(err)
	}
	export, line := callsSince(srv, mark)
	t.Logf("export of %d users (CSV): %s", n, line)
	pagesOf(export, 2)
	if d := cmp.Diff(map[string]int{"SearchUsers": 2, "DescribeUser": n, "ListSecurityProfiles": 1, "ListRoutingProfiles": 1,
		"DescribeUserHierarchyGroup": 1}, export); d != "" {
		t.Errorf("export calls (-want +got):\n%s", d)
	}

	var docs bytes.Buffer
	onboard.WriteDocuments(&docs, users)
	reqs, _ := onboard.ReadJSONLines(&docs, "users.jsonl")
	mark = len(srv.Requests())
	plan, err := onboard.New(newClient(srv), append(fast(), onboard.WithInstanceID(testInstance))...).Plan(ctx, reqs)
	if err != nil {
		t.Fatal(err)
	}
	if plan.Changed() {
		t.Fatal("the plan of the export changes something")
	}
	planned, line := callsSince(srv, mark)
	t.Logf("plan of the export of %d users: %s", n, line)
	pagesOf(planned, 2)
	if d := cmp.Diff(map[string]int{"DescribeInstance": 1, "SearchUsers": 2, "DescribeUser": n / 2, "ListSecurityProfiles": 1,
		"ListRoutingProfiles": 1, "ListUserHierarchyGroups": 1}, planned); d != "" {
		t.Errorf("plan calls (-want +got):\n%s", d)
	}
}

// TestCostOfPlanOf10000UsersWithoutEmail: a file of 10,000 users that
// gives no email address costs pages, not one call per user.
func TestCostOfPlanOf10000UsersWithoutEmail(t *testing.T) {
	if testing.Short() {
		t.Skip("10,000 users")
	}
	const n = 10000
	srv := newServer(t)
	seedUsers(t, srv, n)
	reqs := make([]onboard.Request, n)
	for i := range reqs {
		reqs[i] = onboard.Request{Origin: user.Origin{Source: "u", Line: i + 1},
			Document: fmt.Appendf(nil, `{"Username":"user%04d","RoutingProfileId":%q,"IdentityInfo":{"LastName":"Last%d"}}`, i, routingID, i)}
	}
	mark := len(srv.Requests())
	plan, err := onboard.New(newClient(srv), append(fast(), onboard.WithInstanceID(testInstance))...).Plan(context.Background(), reqs)
	if err != nil {
		t.Fatal(err)
	}
	if plan.Changed() || plan.Count(onboard.ActionUnchanged) != n {
		t.Fatalf("plan %v", plan.Summary())
	}
	calls, line := callsSince(srv, mark)
	t.Logf("plan of %d users without email: %s", n, line)
	pagesOf(calls, n/500)
	if d := cmp.Diff(map[string]int{"DescribeInstance": 1, "SearchUsers": n / 500, "ListRoutingProfiles": 1}, calls); d != "" {
		t.Errorf("calls (-want +got):\n%s", d)
	}
}

// BenchmarkConvergeApply measures Apply of a plan that creates, updates
// (two operations a user) and deletes against a server whose token
// bucket per operation is the client's (50 a second, a burst of 5: the
// service's quota is 2 and 5; the figure is a ratio) over the ideal of
// idealApply.
//
//	go test -run '^$' -bench BenchmarkConvergeApply -benchtime=1x -count 2 ./onboard/
func BenchmarkConvergeApply(b *testing.B) {
	const (
		rate             = 50.0
		burst            = 5
		creates, updates = 100, 100
		deletes          = 50
	)
	var ratio float64
	for range b.N {
		srv := newServer(b, connecttest.WithRate(rate, burst))
		// Existing users: updates+deletes of them, tagged managed-by.
		for i := range updates + deletes {
			err := srv.AddUser(testInstance, connecttestUser(i))
			if err != nil {
				b.Fatal(err)
			}
		}
		var reqs []onboard.Request
		for i := range updates {
			reqs = append(reqs, onboard.Request{Origin: user.Origin{Source: "u", Line: len(reqs) + 1},
				Document: fmt.Appendf(nil, `{"Username":"user%04d","SecurityProfileIds":[%q,%q],"Tags":{"team":"south"}}`, i, agentID, adminID)})
		}
		for i := range creates {
			reqs = append(reqs, onboard.Request{Origin: user.Origin{Source: "u", Line: len(reqs) + 1}, Document: document(i)})
		}
		a := onboard.New(newClient(srv), onboard.WithRate(rate, burst), onboard.WithLookupRate(1000, 100),
			onboard.WithBackoff(100*time.Millisecond, 20*time.Second), onboard.WithMaxAttempts(20),
			onboard.WithInstanceID(testInstance), onboard.WithPrune(), onboard.WithMaxDeletes(deletes))
		plan, err := a.Plan(context.Background(), reqs)
		if err != nil {
			b.Fatal(err)
		}
		if s := plan.Summary(); s["create"] != creates || s["update"] != updates || s["delete"] != deletes {
			b.Fatalf("plan %v", s)
		}
		sum, err := a.Apply(context.Background(), plan)
		if err != nil || !sum.OK() {
			b.Fatalf("%v: %s", err, sum)
		}
		ideal := idealApply(plan, rate, burst)
		ratio += sum.Elapsed.Seconds() / ideal
		b.Logf("%s; ideal %.2fs", sum, ideal)
		srv.Close()
	}
	b.ReportMetric(ratio/float64(b.N), "elapsed/ideal")
	b.ReportMetric(0, "ns/op")
}

// connecttestUser is existing user i, tagged managed-by=connectuser.
func connecttestUser(i int) connecttest.User {
	return connecttest.User{Id: fmt.Sprintf("00000000-0000-4000-8000-%012d", i), Username: fmt.Sprintf("user%04d", i),
		IdentityInfo:       &identityInfoFor,
		SecurityProfileIds: []string{agentID}, RoutingProfileId: routingID,
		Tags: map[string]string{"team": "north", onboard.ManagedTagKey: onboard.ManagedTagValue}}
}

var identityInfoFor = identity.Info{FirstName: sec("First"), LastName: sec("Last")}

// idealApply is the least time Apply of plan can take against a service
// whose quota is perSecond and burst per operation: the calls each
// operation needs (one CreateUser a create, one call per change of an
// update, one DeleteUser a delete), the burst at once and the rest at
// the rate. The quotas are per operation, so within a phase the busiest
// operation bounds it; the phases (creates, then updates, then deletes)
// run one after another.
func idealApply(plan *onboard.Plan, perSecond float64, burst int) float64 {
	calls := map[onboard.Action]map[string]int{}
	add := func(a onboard.Action, op string) {
		if calls[a] == nil {
			calls[a] = map[string]int{}
		}
		calls[a][op]++
	}
	for _, it := range plan.Items {
		switch it.Action {
		case onboard.ActionCreate:
			add(it.Action, onboard.OpCreateUser)
		case onboard.ActionUpdate:
			for _, c := range it.Changes {
				add(it.Action, c.Operation)
			}
		case onboard.ActionDelete:
			add(it.Action, onboard.OpDeleteUser)
		}
	}
	total := 0.0
	for _, ops := range calls {
		busiest := 0
		for _, n := range ops {
			busiest = max(busiest, n)
		}
		total += float64(max(busiest-burst, 0)) / perSecond
	}
	return total
}
