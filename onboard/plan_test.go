package onboard_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/connectkit/createuser/connecttest"
	"github.com/connectkit/createuser/onboard"
	"github.com/connectkit/createuser/user"
)

// callsByOperation counts the requests srv answered, by operation.
func callsByOperation(srv *connecttest.Server) map[string]int {
	out := map[string]int{}
	for _, r := range srv.Requests() {
		out[r.Operation]++
	}
	return out
}

func docs(lines ...string) []onboard.Request {
	var out []onboard.Request
	for i, l := range lines {
		out = append(out, onboard.Request{Origin: user.Origin{Source: "users.jsonl", Line: i + 1}, Document: []byte(l)})
	}
	return out
}

func TestPlanActionsAndCost(t *testing.T) {
	srv := newServer(t)
	seedUsers(t, srv, 12)
	a := onboard.New(newClient(srv), append(fast(), onboard.WithInstanceID(testInstance), onboard.WithPrune())...)
	before := callsByOperation(srv)
	plan, err := a.Plan(context.Background(), docs(
		`{"Username":"user0001"}`,
		`{"Username":"user0002","RoutingProfileId":"`+routingID+`","Tags":{"team":"south"}}`,
		`{"Username":"user0003","IdentityInfo":{"FirstName":"Other"}}`,
		`{"Username":"user0004","IdentityInfo":{"Email":"user4@example.com"}}`,
		`{"Username":"user0006","IdentityInfo":{"Email":"changed@example.com"}}`,
		`{"Username":"newuser","Password":"Passw0rdExample","IdentityInfo":{"FirstName":"New","LastName":"User"},"SecurityProfileIds":["`+agentID+`"],"RoutingProfileId":"`+routingID+`"}`,
		`{"Username":"baduser","SecurityProfileIds":["`+agentID+`"],"RoutingProfileId":"`+routingID+`"}`,
		`{"Username":"user0007","RoutingProfileId":"no-such-profile"}`,
	))
	if err != nil {
		t.Fatal(err)
	}
	type row struct {
		User   string
		Action string
		Ops    []string
	}
	var got []row
	for _, it := range plan.Items {
		r := row{User: it.Username, Action: it.Action.String()}
		for _, c := range it.Changes {
			r.Ops = append(r.Ops, c.Operation)
		}
		got = append(got, r)
	}
	want := []row{
		{"user0001", "unchanged", nil},
		{"user0002", "update", []string{onboard.OpTagResource}},
		{"user0003", "update", []string{onboard.OpUpdateUserIdentityInfo}},
		{"user0004", "unchanged", nil},
		{"user0006", "update", []string{onboard.OpUpdateUserIdentityInfo}},
		{"newuser", "create", nil},
		{"baduser", "invalid", nil}, // CreateUser needs a password: it does not exist
		{"user0007", "invalid", nil},
		// Pruned: tagged managed-by=connectuser and not in the file
		// (user0000, user0005, user0010); never the others.
		{"user0000", "delete", []string{onboard.OpDeleteUser}},
		{"user0005", "delete", []string{onboard.OpDeleteUser}},
		{"user0010", "delete", []string{onboard.OpDeleteUser}},
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("plan (-want +got):\n%s", d)
	}
	if w := plan.Items[4].Warnings; len(w) != 1 || w[0].Code != onboard.WarningEmailChange {
		t.Errorf("user0006 warnings %+v, want an email change", w)
	}
	// DescribeUser only for user0003 (its IdentityInfo is updated),
	// user0004 and user0006 (the file gives an email).
	calls := callsByOperation(srv)
	calls["SearchUsers"] -= before["SearchUsers"]
	pagesOf(calls, 1) // a page cut short on loopback is read again (see pagesOf)
	if n := calls["DescribeUser"] - before["DescribeUser"]; n != 3 {
		t.Errorf("%d DescribeUser calls, want 3", n)
	}
	if n := calls["SearchUsers"]; n != 1 {
		t.Errorf("%d SearchUsers calls, want 1 (one page)", n)
	}
	var text bytes.Buffer
	plan.WriteText(&text, false)
	for _, s := range []string{"  ~ user0003\n      UpdateUserIdentityInfo\n        IdentityInfo.FirstName: (changed)\n", "  + newuser\n", "  - user0000\n",
		"Plan: 1 to create, 3 to update, 3 to delete, 2 unchanged, 2 invalid.\n"} {
		if !strings.Contains(text.String(), s) {
			t.Errorf("the text lacks %q:\n%s", s, text.String())
		}
	}
	if strings.Contains(text.String(), "Other") || strings.Contains(text.String(), "changed@example.com") {
		t.Errorf("the text shows a name or an email:\n%s", text.String())
	}
}

func TestPlanOfManyUsersWithoutEmailCostsPages(t *testing.T) {
	srv := newServer(t)
	seedUsers(t, srv, 1200)
	var reqs []onboard.Request
	for i := range 1200 {
		reqs = append(reqs, onboard.Request{Origin: user.Origin{Source: "u", Line: i + 1},
			Document: fmt.Appendf(nil, `{"Username":"user%04d","RoutingProfileId":%q}`, i, routingID)})
	}
	a := onboard.New(newClient(srv), append(fast(), onboard.WithInstanceID(testInstance))...)
	before := len(srv.Requests())
	plan, err := a.Plan(context.Background(), reqs)
	if err != nil {
		t.Fatal(err)
	}
	if plan.Changed() {
		t.Errorf("changes in a plan of the same routing profile")
	}
	calls := srv.Requests()[before:]
	byOp := map[string]int{}
	for _, r := range calls {
		byOp[r.Operation]++
	}
	// DescribeInstance, the listing the file refers to (routing
	// profiles), 3 pages of SearchUsers (500 a page): no DescribeUser.
	want := map[string]int{"DescribeInstance": 1, "ListRoutingProfiles": 1, "SearchUsers": 3}
	if d := cmp.Diff(want, byOp); d != "" {
		t.Errorf("calls (-want +got):\n%s", d)
	}
}

// A broken document of a plan is reported at its line in the file, as
// Check reports it; with no instance anywhere, the broken requests are
// the plan's invalid items, and only a file that is valid but for its
// instance is ErrNoInstance.
func TestPlanPositionsAndNoInstance(t *testing.T) {
	srv := newServer(t)
	a := onboard.New(newClient(srv), append(fast(), onboard.WithInstanceID(testInstance))...)
	plan, err := a.Plan(context.Background(), []onboard.Request{
		{Origin: user.Origin{Source: "users.jsonl", Line: 5}, Document: []byte(`{"Username": }`)},
	})
	if err != nil {
		t.Fatal(err)
	}
	type pos struct {
		Code       string
		Line       int
		Action     string
		MessageCut bool
	}
	var got []pos
	for _, it := range plan.Items {
		for _, v := range it.Violations {
			got = append(got, pos{Code: string(v.Code), Line: v.Line, Action: it.Action.String(), MessageCut: strings.Contains(v.Message, "at line 5,")})
		}
	}
	want := []pos{{Code: "syntax", Line: 5, Action: "invalid", MessageCut: true}}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("with the instance (-want +got):\n%s", d)
	}

	noInstance := onboard.New(newClient(srv), fast()...)
	plan, err = noInstance.Plan(context.Background(), []onboard.Request{
		{Origin: user.Origin{Source: "users.jsonl", Line: 1}, Document: []byte(`{"Username":"ok","Password":"Passw0rdExample","IdentityInfo":{"FirstName":"A","LastName":"B"},"SecurityProfileIds":["` + agentID + `"],"RoutingProfileId":"` + routingID + `"}`)},
		{Origin: user.Origin{Source: "users.jsonl", Line: 2}, Document: []byte(`{"Username": }`)},
	})
	if err != nil {
		t.Fatalf("a broken file without an instance: %v, want its invalid items", err)
	}
	got = nil
	for _, it := range plan.Items {
		for _, v := range it.Violations {
			got = append(got, pos{Code: string(v.Code), Line: v.Line, Action: it.Action.String(), MessageCut: strings.Contains(v.Message, "at line 2,")})
		}
	}
	want = []pos{{Code: "required", Line: 1, Action: "invalid"}, {Code: "syntax", Line: 2, Action: "invalid", MessageCut: true}}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("without an instance (-want +got):\n%s", d)
	}
	if plan.Changed() || plan.Valid() {
		t.Errorf("the plan of invalid items: Changed %v, Valid %v; want neither", plan.Changed(), plan.Valid())
	}
	_, err = noInstance.Plan(context.Background(), docs(`{"Username":"ok","Password":"Passw0rdExample","IdentityInfo":{"FirstName":"A","LastName":"B"},"SecurityProfileIds":["`+agentID+`"],"RoutingProfileId":"`+routingID+`"}`))
	if !errors.Is(err, onboard.ErrNoInstance) {
		t.Errorf("a valid file without an instance: %v, want ErrNoInstance", err)
	}
}
