package onboard_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/connectkit/createuser/connecttest"
	"github.com/connectkit/createuser/onboard"
)

// convergeDocs asks for: user0001 unchanged, user0002 a new routing
// profile and tags, user0003 another first name, user0004 in another
// group with both profiles, user0006 a desk phone, and a new user; with
// prune, user0000, user0005 and user0010 (tagged, not named) go.
func convergeDocs() []onboard.Request {
	return docs(
		`{"Username":"user0001"}`,
		`{"Username":"user0002","RoutingProfileId":"`+routingID+`","Tags":{"team":"south"}}`,
		`{"Username":"user0003","IdentityInfo":{"FirstName":"Other"}}`,
		`{"Username":"user0004","HierarchyGroupId":"`+groupTop+`","SecurityProfileIds":["`+agentID+`","`+adminID+`"]}`,
		`{"Username":"user0006","PhoneConfig":{"PhoneType":"DESK_PHONE","DeskPhoneNumber":"+15555550199","AfterContactWorkTimeLimit":45}}`,
		`{"Username":"newuser","Password":"Passw0rdExample","IdentityInfo":{"FirstName":"New","LastName":"User"},"SecurityProfileIds":["`+agentID+`"],"RoutingProfileId":"`+routingID+`"}`,
	)
}

func TestApplyConverges(t *testing.T) {
	for _, tc := range []struct {
		name   string
		faults connecttest.Faults
	}{
		{name: "no faults"},
		{name: "every fault", faults: connecttest.Faults{Throttle: 0.15, Error: 0.1, ResetBefore: 0.05, ResetAfter: 0.1}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			srv := newServer(t, connecttest.WithSeed(11), connecttest.WithFaults(tc.faults))
			seedUsers(t, srv, 12)
			j := openJournal(t, filepath.Join(t.TempDir(), "journal.jsonl"))
			opts := append(fast(), onboard.WithInstanceID(testInstance), onboard.WithPrune(), onboard.WithJournal(j))
			a := onboard.New(newClient(srv), append(opts, onboard.WithMaxDeletes(3))...)
			ctx := context.Background()
			plan, err := a.Plan(ctx, convergeDocs())
			if err != nil {
				t.Fatal(err)
			}
			if s := plan.Summary(); s["create"] != 1 || s["update"] != 4 || s["delete"] != 3 || s["unchanged"] != 1 {
				t.Fatalf("plan %v", s)
			}
			sum, err := a.Apply(ctx, plan)
			if err != nil || !sum.OK() {
				t.Fatalf("Apply: %v, %s, failures %v", err, sum, sum.Failures)
			}
			if sum.Created != 1 || sum.Updated != 4 || sum.Deleted != 3 || sum.Unchanged != 1 {
				t.Errorf("summary %s", sum)
			}
			again, err := onboard.New(newClient(srv), opts...).Plan(ctx, convergeDocs())
			if err != nil {
				t.Fatal(err)
			}
			if again.Changed() {
				var b bytes.Buffer
				again.WriteText(&b, true)
				t.Errorf("the plan after apply still changes:\n%s", b.String())
			}
			names := usernames(t, srv)
			for _, gone := range []string{"user0000", "user0005", "user0010"} {
				if names[gone] != 0 {
					t.Errorf("%s not deleted", gone)
				}
			}
			for name, n := range names {
				if n != 1 {
					t.Errorf("%s held %d times", name, n)
				}
			}
			if len(names) != 10 {
				t.Errorf("%d users, want 10", len(names))
			}
			// Every call the server saw was announced in the journal
			// (attempt, with the operation's name) before it was sent, and
			// each user's outcome follows its attempts.
			assertJournalAnnounces(t, srv, j.Path())
			// The new user carries the managed-by tag.
			for _, u := range srv.Users(testInstance) {
				if u.Username == "newuser" && u.Tags[onboard.ManagedTagKey] != onboard.ManagedTagValue {
					t.Errorf("newuser tags %v", u.Tags)
				}
			}
		})
	}
}

func TestApplyRefusesTooManyDeletesBeforeSending(t *testing.T) {
	srv := newServer(t)
	seedUsers(t, srv, 12)
	a := onboard.New(newClient(srv), append(fast(), onboard.WithInstanceID(testInstance), onboard.WithPrune(), onboard.WithMaxDeletes(2))...)
	plan, err := a.Plan(context.Background(), convergeDocs())
	if err != nil {
		t.Fatal(err)
	}
	before := len(srv.Requests())
	_, err = a.Apply(context.Background(), plan)
	if !errors.Is(err, onboard.ErrTooManyDeletes) {
		t.Fatalf("Apply: %v, want ErrTooManyDeletes", err)
	}
	if n := len(srv.Requests()) - before; n != 0 {
		t.Errorf("%d requests sent, want none", n)
	}
}

func TestSavedPlanRefusedWhenTheInstanceChanged(t *testing.T) {
	srv := newServer(t)
	seedUsers(t, srv, 12)
	opts := append(fast(), onboard.WithInstanceID(testInstance), onboard.WithPrune(), onboard.WithMaxDeletes(3))
	a := onboard.New(newClient(srv), opts...)
	ctx := context.Background()
	plan, err := a.Plan(ctx, convergeDocs())
	if err != nil {
		t.Fatal(err)
	}
	var saved bytes.Buffer
	if err := plan.WriteJSON(&saved, onboard.JSONOptions{Requests: true}); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(saved.String(), "(changed)") {
		t.Errorf("a saved plan shows names unless asked")
	}
	read := func() *onboard.Plan {
		p, err := onboard.ReadPlan(bytes.NewReader(saved.Bytes()))
		if err != nil {
			t.Fatal(err)
		}
		return p
	}
	if err := a.CheckPlan(ctx, read()); err != nil {
		t.Fatalf("an unchanged instance: %v", err)
	}
	// Someone changes user0003 after the plan.
	other := onboard.New(newClient(srv), append(fast(), onboard.WithInstanceID(testInstance))...)
	p2, _ := other.Plan(ctx, docs(`{"Username":"user0003","RoutingProfileId":"`+routingID+`","Tags":{"x":"y"}}`))
	if _, err := other.Apply(ctx, p2); err != nil {
		t.Fatal(err)
	}
	var stale *onboard.StalePlanError
	if err := a.CheckPlan(ctx, read()); !errors.As(err, &stale) || len(stale.Users) != 1 || stale.Users[0] != "user0003" {
		t.Fatalf("CheckPlan: %v, want user0003 named", err)
	}
	// The saved plan applied as it is (before the change) converges too.
	p := read()
	sum, err := a.Apply(ctx, p)
	if err != nil || !sum.OK() {
		t.Fatalf("Apply of the saved plan: %v %s", err, sum)
	}
}

// assertJournalAnnounces checks that the journal holds, for every write
// operation, at least as many attempts as the server saw requests, and
// that every updated or deleted record comes after an attempt of the
// same user and operation.
func assertJournalAnnounces(t *testing.T, srv *connecttest.Server, path string) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	attempts := map[string]int{}
	pending := map[string]bool{}
	for _, line := range strings.Split(strings.TrimSpace(string(data)), "\n") {
		var r onboard.Record
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			t.Fatalf("journal line %q: %v", line, err)
		}
		key := r.Username + " " + r.Operation
		switch r.Event {
		case onboard.EventAttempt:
			attempts[r.Operation]++
			pending[key] = true
		case onboard.EventUpdated, onboard.EventDeleted:
			if !pending[key] {
				t.Errorf("%s %s: %s without an attempt before it", r.Username, r.Operation, r.Event)
			}
			delete(pending, key)
		}
	}
	sent := map[string]int{}
	for _, r := range srv.Requests() {
		switch r.Operation {
		case "CreateUser", "UpdateUserIdentityInfo", "UpdateUserPhoneConfig", "UpdateUserConfig", "UpdateUserRoutingProfile",
			"UpdateUserSecurityProfiles", "UpdateUserHierarchy", "TagResource", "UntagResource", "DeleteUser":
			sent[r.Operation]++
		}
	}
	for op, n := range sent {
		if attempts[op] < n {
			t.Errorf("%s: the server saw %d requests, the journal announced %d", op, n, attempts[op])
		}
	}
	if len(sent) < 5 {
		t.Errorf("only %d kinds of write operation sent: %v", len(sent), sent)
	}
}
