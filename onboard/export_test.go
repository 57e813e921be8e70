package onboard_test

import (
	"bytes"
	"context"
	"fmt"
	"testing"

	"github.com/connectkit/createuser/channel"
	"github.com/connectkit/createuser/connecttest"
	"github.com/connectkit/createuser/identity"
	"github.com/connectkit/createuser/onboard"
	"github.com/connectkit/createuser/user"
)

// seedUsers adds n varied users to the test instance.
func seedUsers(t testing.TB, srv *connecttest.Server, n int) {
	t.Helper()
	for i := range n {
		u := connecttest.User{
			Id: fmt.Sprintf("00000000-0000-0000-0000-%012d", i), Username: fmt.Sprintf("user%04d", i),
			IdentityInfo:       &identity.Info{FirstName: sec("First"), LastName: sec(fmt.Sprintf("Last%d", i))},
			SecurityProfileIds: []string{agentID}, RoutingProfileId: routingID,
		}
		if i%2 == 0 {
			u.IdentityInfo.Email = sec(fmt.Sprintf("user%d@example.com", i))
		}
		if i%3 == 0 {
			u.HierarchyGroupId = new(groupLeaf)
			u.SecurityProfileIds = []string{agentID, adminID}
		}
		if i%4 == 0 {
			u.PhoneConfig = &user.PhoneConfig{PhoneType: new(channel.DeskPhone), DeskPhoneNumber: sec("+15555550100"), AutoAccept: new(true), AfterContactWorkTimeLimit: new(int64(30))}
		}
		if i%5 == 0 {
			u.Tags = map[string]string{"team": "north", onboard.ManagedTagKey: onboard.ManagedTagValue}
		}
		if err := srv.AddUser(testInstance, u); err != nil {
			t.Fatal(err)
		}
	}
}

func TestExportThenPlanShowsNoChange(t *testing.T) {
	srv := newServer(t)
	seedUsers(t, srv, 30)
	ctx := context.Background()
	a := onboard.New(newClient(srv), append(fast(), onboard.WithInstanceID(testInstance))...)
	users, err := a.Export(ctx, nil)
	if err != nil {
		t.Fatal(err)
	}
	if len(users) != 30 {
		t.Fatalf("exported %d users, want 30", len(users))
	}
	for i := 1; i < len(users); i++ {
		if users[i-1].Input.Username >= users[i].Input.Username {
			t.Fatalf("not sorted by Username at %d", i)
		}
	}
	t.Run("jsonl", func(t *testing.T) {
		var buf bytes.Buffer
		if err := onboard.WriteDocuments(&buf, users); err != nil {
			t.Fatal(err)
		}
		if bytes.Contains(buf.Bytes(), []byte("Password")) || bytes.Contains(buf.Bytes(), []byte(onboard.ManagedTagKey)) {
			t.Errorf("a document holds a Password or the managed-by tag")
		}
		reqs, err := onboard.ReadJSONLines(&buf, "users.jsonl")
		if err != nil {
			t.Fatal(err)
		}
		assertNoChange(t, a, reqs)
	})
	t.Run("csv", func(t *testing.T) {
		var buf bytes.Buffer
		if err := a.WriteTemplate(ctx, &buf, users); err != nil {
			t.Fatal(err)
		}
		im := onboard.NewImporter(a.Names(), testInstance, identity.ConnectManaged)
		reqs, problems, err := im.Desired(ctx, &buf, "users.csv")
		if err != nil || len(problems) > 0 {
			t.Fatalf("reading the export back: %v %v", err, problems)
		}
		assertNoChange(t, a, reqs)
	})
}

func assertNoChange(t *testing.T, a *onboard.Applier, reqs []onboard.Request) {
	t.Helper()
	plan, err := a.Plan(context.Background(), reqs)
	if err != nil {
		t.Fatal(err)
	}
	if plan.Changed() || plan.Count(onboard.ActionInvalid) > 0 {
		var buf bytes.Buffer
		plan.WriteText(&buf, false)
		t.Errorf("plan of the export shows changes:\n%s", buf.String())
	}
	if got := plan.Count(onboard.ActionUnchanged); got != len(reqs) {
		t.Errorf("%d unchanged, want %d", got, len(reqs))
	}
}
