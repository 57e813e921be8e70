package onboard_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/connectkit/createuser/connecttest"
	cuerrors "github.com/connectkit/createuser/errors"
	"github.com/connectkit/createuser/onboard"
	"github.com/connectkit/createuser/user"
)

func openJournal(t *testing.T, path string) *onboard.Journal {
	t.Helper()
	j, err := onboard.OpenJournal(path)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { j.Close() })
	return j
}

func TestApplyWithFaultsCreatesEachUserOnce(t *testing.T) {
	const n = 300
	srv := newServer(t, connecttest.WithSeed(7), connecttest.WithFaults(connecttest.Faults{
		Throttle: 0.10, Error: 0.05, ResetBefore: 0.02, ResetAfter: 0.02}))
	j := openJournal(t, filepath.Join(t.TempDir(), "journal.jsonl"))
	a := onboard.New(newClient(srv), append(fast(), onboard.WithJournal(j))...)
	ctx := context.Background()
	plan, err := a.Check(ctx, requests(n))
	if err != nil {
		t.Fatal(err)
	}
	if got := plan.Count(onboard.ActionCreate); got != n {
		t.Fatalf("plan: %d to create, want %d", got, n)
	}
	sum, err := a.Apply(ctx, plan)
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("summary: %s; uncertain attempts %d", sum, sum.Uncertain)
	if !sum.OK() || sum.Created != n || sum.Failed != 0 {
		t.Errorf("summary %+v, want %d created", sum, n)
	}
	if sum.Settled == 0 {
		t.Errorf("no user was settled after a reset after CreateUser; the faults did not happen?")
	}
	checkExactlyOnce(t, srv, n)
	assertJournal(t, j, n, onboard.EventCreated)
	// Every CreateUser the server saw was announced in the journal: the
	// SDK's own retries are off.
	sent := 0
	for _, r := range srv.Requests() {
		if r.Operation == "CreateUser" {
			sent++
		}
	}
	if sent != sum.Attempts || attemptsIn(t, j.Path()) != sent {
		t.Errorf("the server saw %d CreateUser requests; Apply counted %d attempts, the journal %d", sent, sum.Attempts, attemptsIn(t, j.Path()))
	}
}

// attemptsIn counts the attempt records of a journal file.
func attemptsIn(t *testing.T, path string) int {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return strings.Count(string(data), `"event":"attempt"`)
}

// assertJournal checks that the last event of test users 0..n-1 is want.
func assertJournal(t *testing.T, j *onboard.Journal, n int, want onboard.Event) {
	t.Helper()
	for i := range n {
		name := "agent" + pad(i)
		if st := j.State(testInstance, name); st.Last != want || st.UserId == "" {
			t.Errorf("journal: %s last event %q (user id %q), want %q", name, st.Last, st.UserId, want)
		}
	}
}

func pad(i int) string {
	s := "0000" + itoa(i)
	return s[len(s)-4:]
}

func itoa(i int) string {
	if i == 0 {
		return "0"
	}
	var b []byte
	for ; i > 0; i /= 10 {
		b = append([]byte{byte('0' + i%10)}, b...)
	}
	return string(b)
}

func TestApplySettlesEveryResetAfterCreate(t *testing.T) {
	// Every CreateUser is carried out and its answer lost: each retry
	// meets DuplicateResourceException, settled through SearchUsers.
	const n = 20
	srv := newServer(t, connecttest.WithFaults(connecttest.Faults{ResetAfter: 1}))
	j := openJournal(t, filepath.Join(t.TempDir(), "journal.jsonl"))
	a := onboard.New(newClient(srv), append(fast(), onboard.WithJournal(j))...)
	plan, err := a.Check(context.Background(), requests(n))
	if err != nil {
		t.Fatal(err)
	}
	sum, err := a.Apply(context.Background(), plan)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Created != n || sum.Settled != n || sum.Attempts != 2*n {
		t.Errorf("summary %s: want %d created, all settled, 2 attempts each", sum, n)
	}
	checkExactlyOnce(t, srv, n)
	assertJournal(t, j, n, onboard.EventCreated)
}

func TestApplyResumesFromTheJournal(t *testing.T) {
	srv := newServer(t)
	path := filepath.Join(t.TempDir(), "journal.jsonl")
	j := openJournal(t, path)
	// A run that died: agent0000 created and recorded; agent0001 sent
	// and carried out, but no outcome recorded; agent0002 made by
	// someone else; agent0003 failed earlier.
	client := newClient(srv)
	pre := onboard.New(client, fast()...)
	plan, err := pre.Check(context.Background(), requests(3))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := pre.Apply(context.Background(), plan); err != nil {
		t.Fatal(err)
	}
	users := srv.Users(testInstance)
	write := func(r onboard.Record) {
		r.Instance = testInstance
		if err := j.Write(r); err != nil {
			t.Fatal(err)
		}
	}
	write(onboard.Record{Username: "agent0000", Event: onboard.EventAttempt})
	write(onboard.Record{Username: "agent0000", Event: onboard.EventCreated, UserId: users[0].Id})
	write(onboard.Record{Username: "agent0001", Event: onboard.EventAttempt})
	write(onboard.Record{Username: "agent0003", Event: onboard.EventAttempt})
	write(onboard.Record{Username: "agent0003", Event: onboard.EventFailed, ErrorCode: "InternalServiceException"})
	j.Close()
	j = openJournal(t, path)

	a := onboard.New(client, append(fast(), onboard.WithJournal(j))...)
	plan, err = a.Check(context.Background(), requests(5))
	if err != nil {
		t.Fatal(err)
	}
	want := []onboard.Action{onboard.ActionDone, onboard.ActionSettle, onboard.ActionExists, onboard.ActionCreate, onboard.ActionCreate}
	for i, it := range plan.Items {
		if it.Action != want[i] {
			t.Errorf("%s: action %s, want %s", it.Username, it.Action, want[i])
		}
	}
	sum, err := a.Apply(context.Background(), plan)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Done != 1 || sum.Created != 3 || sum.Settled != 1 || sum.Existed != 1 || !sum.OK() {
		t.Errorf("summary %s", sum)
	}
	checkExactlyOnce(t, srv, 5)
	for name, ev := range map[string]onboard.Event{"agent0000": onboard.EventCreated, "agent0001": onboard.EventCreated,
		"agent0002": onboard.EventExists, "agent0003": onboard.EventCreated, "agent0004": onboard.EventCreated} {
		if st := j.State(testInstance, name); st.Last != ev {
			t.Errorf("%s: journal says %q, want %q", name, st.Last, ev)
		}
	}
}

func TestApplyCreatesNothingWhenOneIsInvalid(t *testing.T) {
	srv := newServer(t)
	reqs := requests(4)
	// A typo in a security profile id, and a catalog error.
	reqs[1].Document = []byte(strings.Replace(string(reqs[1].Document), agentID, "aaaaaaaa-0000-0000-0000-00000000001", 1))
	reqs[2].Document = []byte(strings.Replace(string(reqs[2].Document), `"Passw0rdExample"`, `"short"`, 1))
	// And a duplicate across the input.
	reqs = append(reqs, onboard.Request{Origin: user.Origin{Source: "more.json"}, Document: reqs[0].Document})
	j := openJournal(t, filepath.Join(t.TempDir(), "journal.jsonl"))
	a := onboard.New(newClient(srv), append(fast(), onboard.WithJournal(j))...)
	plan, err := a.Check(context.Background(), reqs)
	if err != nil {
		t.Fatal(err)
	}
	if plan.Valid() || plan.Count(onboard.ActionInvalid) != 3 {
		t.Fatalf("plan: %d invalid, want 3", plan.Count(onboard.ActionInvalid))
	}
	if d := cuerrors.Diff([]cuerrors.Want{{Field: "SecurityProfileIds[0]", Code: onboard.CodeReference, Severity: cuerrors.SeverityError}}, plan.Items[1].Violations); d != "" {
		t.Error(d)
	}
	if v := plan.Items[1].Violations[0]; v.Rule != onboard.RuleSecurityProfileRef || !strings.Contains(v.Message, "Agent ("+agentID+")") {
		t.Errorf("reference violation %+v: want the nearest profile suggested", v)
	}
	if plan.Items[4].Violations[0].Rule != "batch.username.duplicate" {
		t.Errorf("duplicate across input: %v", plan.Items[4].Violations)
	}
	sum, err := a.Apply(context.Background(), plan)
	if !errors.Is(err, onboard.ErrInvalid) || sum.Invalid != 3 || sum.Created != 0 {
		t.Fatalf("Apply: %v, %s", err, sum)
	}
	if got := len(srv.Users(testInstance)); got != 0 {
		t.Errorf("%d users created, want none", got)
	}
	if st := j.State(testInstance, "agent0002"); st.Last != onboard.EventInvalid {
		t.Errorf("journal: %q, want invalid", st.Last)
	}

	// --continue-on-invalid creates the two valid ones.
	a = onboard.New(newClient(srv), append(fast(), onboard.WithJournal(j), onboard.WithContinueOnInvalid())...)
	plan, _ = a.Check(context.Background(), reqs)
	sum, err = a.Apply(context.Background(), plan)
	if err != nil || sum.Created != 2 || sum.Invalid != 3 || sum.OK() {
		t.Errorf("continue on invalid: %v, %s", err, sum)
	}
}

func TestCheckUsesTheInstancesIdentityType(t *testing.T) {
	srv := connecttest.NewServer()
	defer srv.Close()
	var saml string
	for _, in := range srv.AddDemoInstances() {
		if in.IdentityManagementType == "SAML" {
			saml = in.Id
		}
	}
	doc := `{"Username":"mmajor","Password":"Passw0rdExample","IdentityInfo":{"FirstName":"Mary","LastName":"Major"},` +
		`"SecurityProfileIds":["nope"],"RoutingProfileId":"nope"}`
	a := onboard.New(newClient(srv), append(fast(), onboard.WithInstanceID(saml))...)
	plan, err := a.Check(context.Background(), []onboard.Request{{Origin: user.Origin{Source: "a.json"}, Document: []byte(doc)}})
	if err != nil {
		t.Fatal(err)
	}
	// A password is forbidden under SAML; the references are checked only
	// once the catalog finds no error.
	if d := cuerrors.Diff([]cuerrors.Want{{Field: "Password", Code: cuerrors.CodeForbidden, Severity: cuerrors.SeverityError}}, plan.Items[0].Violations); d != "" {
		t.Error(d)
	}
}
