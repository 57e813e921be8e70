package awsconnect

import (
	"context"
	"errors"
	"sync/atomic"
	"testing"
	"time"

	cuerrors "github.com/connectkit/createuser/errors"
	"github.com/connectkit/createuser/identity"
)

func TestInstanceKey(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"", ""},
		{"inst-1", "inst-1"},
		{"arn:aws:connect:us-east-1:123456789012:instance/inst-1", "inst-1"},
		{"arn:aws-cn:connect:cn-north-1:123456789012:instance/inst-1/queue/q-1", "inst-1"},
		{"arn:aws:connect:us-east-1:123456789012:instance/", "arn:aws:connect:us-east-1:123456789012:instance/"},
		{"arn:aws:iam::123456789012:role/x", "arn:aws:iam::123456789012:role/x"},
		{"arn:aws:connect", "arn:aws:connect"},
	} {
		if got := instanceKey(tc.in); got != tc.want {
			t.Errorf("instanceKey(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// adapt turns a fetch by id into the cache's fetch of key "i".
func adapt(fetch func(context.Context, string) (identity.Type, error)) func(context.Context) (identity.Type, error) {
	return func(ctx context.Context) (identity.Type, error) { return fetch(ctx, "i") }
}

// TestInstanceCacheAbandoned: when the caller whose look-up is in flight
// gives up (its context ends), a waiting caller fetches again with its own
// context instead of inheriting the cancellation.
func TestInstanceCacheAbandoned(t *testing.T) {
	var c flightCache[identity.Type]
	var calls atomic.Int32
	started := make(chan struct{})
	fetch := func(ctx context.Context, id string) (identity.Type, error) {
		if calls.Add(1) == 1 {
			close(started)
			<-ctx.Done()
			return identity.Unknown, ctx.Err()
		}
		return identity.SAML, nil
	}
	leaderCtx, cancel := context.WithCancel(context.Background())
	leaderDone := make(chan error)
	go func() {
		_, err := c.get(leaderCtx, "i", -1, adapt(fetch))
		leaderDone <- err
	}()
	<-started
	waiterDone := make(chan identity.Type)
	go func() {
		got, _ := c.get(context.Background(), "i", -1, adapt(fetch))
		waiterDone <- got
	}()
	time.Sleep(10 * time.Millisecond) // let the waiter queue behind the leader
	cancel()
	if err := <-leaderDone; !errors.Is(err, context.Canceled) {
		t.Errorf("leader: %v; want context.Canceled", err)
	}
	if got := <-waiterDone; got != identity.SAML {
		t.Errorf("waiter got %q; want SAML from its own fetch", got)
	}
	if got, err := c.get(context.Background(), "i", -1, adapt(fetch)); got != identity.SAML || err != nil || calls.Load() != 2 {
		t.Errorf("cached: %q, %v after %d fetches; want SAML from the cache after 2", got, err, calls.Load())
	}
}

// TestInstanceCacheWaiterGivesUp: a waiting caller returns when its own
// context ends, while the look-up goes on.
func TestInstanceCacheWaiterGivesUp(t *testing.T) {
	var c flightCache[identity.Type]
	release := make(chan struct{})
	started := make(chan struct{})
	fetch := func(ctx context.Context, id string) (identity.Type, error) {
		close(started)
		<-release
		return identity.ConnectManaged, nil
	}
	leaderDone := make(chan identity.Type)
	go func() {
		got, _ := c.get(context.Background(), "i", -1, adapt(fetch))
		leaderDone <- got
	}()
	<-started
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Millisecond)
	defer cancel()
	if _, err := c.get(ctx, "i", -1, adapt(fetch)); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("waiter: %v; want DeadlineExceeded", err)
	}
	close(release)
	if got := <-leaderDone; got != identity.ConnectManaged {
		t.Errorf("leader got %q", got)
	}
}

// TestInstanceCachePanic: a fetch that panics releases its waiters and is
// not cached.
func TestInstanceCachePanic(t *testing.T) {
	var c flightCache[identity.Type]
	func() {
		defer func() { _ = recover() }()
		_, _ = c.get(context.Background(), "i", -1, adapt(func(context.Context, string) (identity.Type, error) { panic("boom") }))
	}()
	got, err := c.get(context.Background(), "i", -1, adapt(func(context.Context, string) (identity.Type, error) { return identity.SAML, nil }))
	if got != identity.SAML || err != nil {
		t.Errorf("after a panic: %q, %v; want SAML", got, err)
	}
}

// TestInstanceRulesInCatalog: every rule the instance checks and the
// resolver report is a row of the catalog, with the code it promises.
func TestInstanceRulesInCatalog(t *testing.T) {
	codes := map[string]cuerrors.Code{
		ruleInstance: cuerrors.CodeReference, ruleSecurityProfile: cuerrors.CodeReference,
		ruleRoutingProfile: cuerrors.CodeReference, ruleHierarchyGroup: cuerrors.CodeReference,
		ruleOtherARN: cuerrors.CodeReference, ruleUsernameTaken: cuerrors.CodeDuplicate,
		ruleNameSecurity: cuerrors.CodeReference, ruleNameRouting: cuerrors.CodeReference, ruleNameGroup: cuerrors.CodeReference,
	}
	rows := InstanceRules()
	if len(rows) != len(codes) {
		t.Errorf("InstanceRules() has %d rows, want %d", len(rows), len(codes))
	}
	for _, r := range rows {
		if code, ok := codes[r.ID]; !ok || r.Code != code || r.Severity != cuerrors.SeverityError {
			t.Errorf("row %s: %s %s", r.ID, r.Code, r.Severity)
		}
	}
}

// TestEditDistance checks the bounded Levenshtein distance.
func TestEditDistance(t *testing.T) {
	for _, tc := range []struct {
		a, b  string
		limit int
		want  int
	}{
		{"Agent", "Agent", 2, 0},
		{"Agnet", "Agent", 2, 2},
		{"Profle", "Profile", 2, 1},
		{"sp-01", "sp-001", 2, 1},
		{"", "abc", 5, 3},
		{"abcdef", "uvwxyz", 2, 3}, // over the limit: limit+1
		{"équipe", "equipe", 2, 1}, // runes, not bytes
	} {
		if got := editDistance(tc.a, tc.b, tc.limit); got != tc.want {
			t.Errorf("editDistance(%q, %q, %d) = %d, want %d", tc.a, tc.b, tc.limit, got, tc.want)
		}
	}
}
