package onboard_test

import (
	"context"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/connectkit/createuser/awsconnect"
	"github.com/connectkit/createuser/connecttest"
	"github.com/connectkit/createuser/onboard"
)

// TestLookupsThroughTheReader: import's names and apply's check read the
// instance through the one reader they are given (awsconnect.Reader),
// which counts every call; onboard sends no look-up of its own. A taken
// username is the "exists" answer of the reader, with the user's id.
func TestLookupsThroughTheReader(t *testing.T) {
	srv := newServer(t)
	if err := srv.AddUser(testInstance, connecttest.User{Id: "u-old", Username: "agent0001", SecurityProfileIds: []string{agentID}, RoutingProfileId: routingID}); err != nil {
		t.Fatal(err)
	}
	client := newClient(srv)
	r := awsconnect.NewReader(client, awsconnect.WithReadRate(1000, 100), awsconnect.WithBackoff(time.Millisecond, 5*time.Millisecond))
	ctx := context.Background()
	names := onboard.NewInstanceNames(client, testInstance, onboard.WithReader(r))
	if id, err := names.SecurityProfile(ctx, "Agent"); err != nil || id != agentID {
		t.Fatalf("SecurityProfile = %q, %v", id, err)
	}
	a := onboard.New(client, append(fast(), onboard.WithReader(r))...)
	plan, err := a.Check(ctx, requests(3))
	if err != nil {
		t.Fatal(err)
	}
	var actions []string
	for _, it := range plan.Items {
		actions = append(actions, it.Action.String()+" "+it.UserId)
	}
	if d := cmp.Diff([]string{"create ", "exists u-old", "create "}, actions); d != "" {
		t.Errorf("actions (-want +got):\n%s", d)
	}
	sent := 0
	for _, st := range r.Stats() {
		sent += st.Calls
	}
	if served := len(srv.Requests()); sent != served || r.Stats()["DescribeInstance"].Calls != 1 {
		t.Errorf("the reader sent %d calls (%v), the service served %d", sent, r.Stats(), served)
	}
}
