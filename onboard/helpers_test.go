package onboard_test

import (
	"context"
	"fmt"
	"net/http"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/connect"

	"github.com/connectkit/createuser/connecttest"
	"github.com/connectkit/createuser/identity"
	"github.com/connectkit/createuser/onboard"
	"github.com/connectkit/createuser/user"
)

// The test instance: CONNECT_MANAGED, the default profiles and a small
// hierarchy.
const (
	testInstance = "11111111-2222-3333-4444-555555555555"
	agentID      = "aaaaaaaa-0000-0000-0000-000000000001"
	adminID      = "aaaaaaaa-0000-0000-0000-000000000002"
	routingID    = "bbbbbbbb-0000-0000-0000-000000000001"
	groupTop     = "cccccccc-0000-0000-0000-000000000001"
	groupLeaf    = "cccccccc-0000-0000-0000-000000000002"
)

// newServer starts a local service with the test instance.
func newServer(t testing.TB, opts ...connecttest.Option) *connecttest.Server {
	t.Helper()
	srv := connecttest.NewServer(opts...)
	t.Cleanup(srv.Close)
	err := srv.AddInstance(connecttest.Instance{
		Id: testInstance, Alias: "onboard-test", IdentityManagementType: identity.ConnectManaged,
		SecurityProfiles: []connecttest.Resource{{Id: agentID, Name: "Agent"}, {Id: adminID, Name: "Admin"}},
		RoutingProfiles:  []connecttest.Resource{{Id: routingID, Name: "Basic Routing Profile"}},
		HierarchyGroups: []connecttest.HierarchyGroup{
			{Id: groupTop, Name: "North"}, {Id: groupLeaf, Name: "Team A", ParentId: groupTop}},
	})
	if err != nil {
		t.Fatal(err)
	}
	return srv
}

// newClient returns an SDK client of srv.
func newClient(srv *connecttest.Server) *connect.Client {
	return connect.New(connect.Options{
		Region:       "us-east-1",
		BaseEndpoint: aws.String(srv.URL),
		Credentials:  credentials.NewStaticCredentialsProvider("test", "test", ""),
		HTTPClient:   &http.Client{Timeout: 10 * time.Second},
	})
}

// document returns the request document of test user i.
func document(i int) []byte {
	return fmt.Appendf(nil, `{"InstanceId":%q,"Username":"agent%04d","Password":"Passw0rdExample",`+
		`"IdentityInfo":{"FirstName":"Agent","LastName":"Number%d","Email":"agent%d@example.com"},`+
		`"SecurityProfileIds":[%q],"RoutingProfileId":%q,"PhoneConfig":{"PhoneType":"SOFT_PHONE"}}`,
		testInstance, i, i, i, agentID, routingID)
}

// requests returns n test requests.
func requests(n int) []onboard.Request {
	reqs := make([]onboard.Request, n)
	for i := range reqs {
		reqs[i] = onboard.Request{Origin: user.Origin{Source: "users.jsonl", Line: i + 1}, Document: document(i)}
	}
	return reqs
}

// fast are options for tests: a high rate and short backoffs.
func fast() []onboard.Option {
	return []onboard.Option{
		onboard.WithRate(2000, 100), onboard.WithLookupRate(2000, 100),
		onboard.WithBackoff(time.Millisecond, 20*time.Millisecond), onboard.WithConcurrency(8),
		onboard.WithMaxAttempts(20),
	}
}

// usernames returns how many times the instance holds each username.
func usernames(t testing.TB, srv *connecttest.Server) map[string]int {
	t.Helper()
	// Read through ListUsers, as a client would.
	client := newClient(srv)
	seen := map[string]int{}
	p := connect.NewListUsersPaginator(client, &connect.ListUsersInput{InstanceId: aws.String(testInstance), MaxResults: aws.Int32(1000)})
	for n := 0; p.HasMorePages() && n < 100; n++ {
		out, err := p.NextPage(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		for _, u := range out.UserSummaryList {
			seen[aws.ToString(u.Username)]++
		}
	}
	return seen
}

// checkExactlyOnce fails unless the instance holds users agent0000 ..
// agent(n-1), each once, and no other.
func checkExactlyOnce(t testing.TB, srv *connecttest.Server, n int) {
	t.Helper()
	seen := usernames(t, srv)
	if len(seen) != n {
		t.Errorf("the instance holds %d users, want %d", len(seen), n)
	}
	for i := range n {
		name := fmt.Sprintf("agent%04d", i)
		if seen[name] != 1 {
			t.Errorf("%s is held %d times", name, seen[name])
		}
	}
}
