package onboard_test

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"sync/atomic"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/leanovate/gopter"
	"github.com/leanovate/gopter/gen"
	"github.com/leanovate/gopter/prop"

	"github.com/connectkit/createuser/channel"
	"github.com/connectkit/createuser/connecttest"
	"github.com/connectkit/createuser/identity"
	"github.com/connectkit/createuser/onboard"
	"github.com/connectkit/createuser/user"
)

// The instance of the convergence property: two routing profiles, two
// security profiles, a group under a group.
const (
	propInstance = "22222222-2222-3333-4444-555555555555"
	propRouting2 = "bbbbbbbb-0000-0000-0000-000000000002"
)

// seedUser is a user the instance has before the plan.
type seedUser struct {
	N          int // username index
	Team       string
	Routing2   bool
	Admin      bool
	Group      int // 0 none, 1 top, 2 leaf
	Managed    bool
	AutoAccept bool
	ACW        int64
}

// desiredUser is a file's entry: each Give flag says whether the file
// manages the member.
type desiredUser struct {
	N                     int
	GiveName              bool
	FirstName             string
	GiveRouting, Routing2 bool
	GiveProfiles, Admin   bool
	GiveGroup             bool
	Group                 int // 1 top, 2 leaf
	GivePhone, AutoAccept bool
	ACW                   int64
	GiveTags              bool
	Team                  string
	GiveEmail             bool
	Email                 string
}

// scenario is one case: the instance, the file, the faults and where each
// run is cancelled (after that many outcomes; 0: not cancelled).
type scenario struct {
	Instance  []seedUser
	Desired   []desiredUser
	Faults    bool
	FaultSeed int64
	Cancel    []int
}

// seedUserGen generates users of the instance.
func seedUserGen() gopter.Gen {
	return gen.StrictStruct(reflect.TypeOf(seedUser{}), map[string]gopter.Gen{
		"N": gen.IntRange(0, 9), "Team": gen.OneConstOf("", "north", "south"), "Routing2": gen.Bool(), "Admin": gen.Bool(),
		"Group": gen.IntRange(0, 2), "Managed": gen.Bool(), "AutoAccept": gen.Bool(), "ACW": gen.OneConstOf(int64(0), int64(30), int64(120)),
	})
}

func scenarioGen() gopter.Gen {
	seed := seedUserGen()
	desired := gen.StrictStruct(reflect.TypeOf(desiredUser{}), map[string]gopter.Gen{
		"N": gen.IntRange(0, 9), "GiveName": gen.Bool(), "FirstName": gen.OneConstOf("Ana", "Bo", "Cy"),
		"GiveRouting": gen.Bool(), "Routing2": gen.Bool(), "GiveProfiles": gen.Bool(), "Admin": gen.Bool(),
		"GiveGroup": gen.Bool(), "Group": gen.IntRange(1, 2), "GivePhone": gen.Bool(), "AutoAccept": gen.Bool(),
		"ACW": gen.OneConstOf(int64(0), int64(30), int64(120)), "GiveTags": gen.Bool(), "Team": gen.OneConstOf("north", "south", "east"),
		"GiveEmail": gen.Bool(), "Email": gen.OneConstOf("a@example.com", "b@example.com"),
	})
	return gen.StrictStruct(reflect.TypeOf(scenario{}), map[string]gopter.Gen{
		"Instance":  gen.SliceOfN(8, seed),
		"Desired":   gen.SliceOfN(8, desired),
		"Faults":    gen.Bool(),
		"FaultSeed": gen.Int64Range(1, 1<<40),
		"Cancel":    gen.SliceOfN(3, gen.IntRange(0, 6)),
	})
}

func propName(n int) string { return fmt.Sprintf("prop%02d", n) }

// propServer starts the local service with the scenario's instance.
func propServer(t *testing.T, sc scenario) (*connecttest.Server, map[string]connecttest.User) {
	opts := []connecttest.Option{connecttest.WithSeed(sc.FaultSeed)}
	if sc.Faults {
		opts = append(opts, connecttest.WithFaults(connecttest.Faults{Throttle: 0.1, Error: 0.05, ResetBefore: 0.05, ResetAfter: 0.1}))
	}
	srv := connecttest.NewServer(opts...)
	t.Cleanup(srv.Close)
	err := srv.AddInstance(connecttest.Instance{
		Id: propInstance, Alias: "converge", IdentityManagementType: identity.ConnectManaged,
		SecurityProfiles: []connecttest.Resource{{Id: agentID, Name: "Agent"}, {Id: adminID, Name: "Admin"}},
		RoutingProfiles:  []connecttest.Resource{{Id: routingID, Name: "Basic"}, {Id: propRouting2, Name: "Second"}},
		HierarchyGroups:  []connecttest.HierarchyGroup{{Id: groupTop, Name: "North"}, {Id: groupLeaf, Name: "Team A", ParentId: groupTop}},
	})
	if err != nil {
		t.Fatal(err)
	}
	before := map[string]connecttest.User{}
	for i, s := range sc.Instance {
		name := propName(s.N)
		if _, dup := before[name]; dup {
			continue
		}
		u := connecttest.User{Id: fmt.Sprintf("00000000-0000-4000-8000-%012d", i), Username: name,
			IdentityInfo:       &identity.Info{FirstName: sec("Seed"), LastName: sec("User")},
			SecurityProfileIds: []string{agentID}, RoutingProfileId: routingID,
			PhoneConfig: &user.PhoneConfig{PhoneType: new(channel.SoftPhone), AutoAccept: new(s.AutoAccept), AfterContactWorkTimeLimit: new(s.ACW)},
		}
		if s.Routing2 {
			u.RoutingProfileId = propRouting2
		}
		if s.Admin {
			u.SecurityProfileIds = append(u.SecurityProfileIds, adminID)
		}
		if s.Group > 0 {
			u.HierarchyGroupId = new([]string{groupTop, groupLeaf}[s.Group-1])
		}
		if s.Team != "" || s.Managed {
			u.Tags = map[string]string{}
			if s.Team != "" {
				u.Tags["team"] = s.Team
			}
			if s.Managed {
				u.Tags[onboard.ManagedTagKey] = onboard.ManagedTagValue
			}
		}
		if err := srv.AddUser(propInstance, u); err != nil {
			t.Fatal(err)
		}
		before[name] = u
	}
	return srv, before
}

// propDocs returns the file of the scenario: one document per username
// (the first entry wins); a user the instance lacks gets what CreateUser
// needs.
func propDocs(sc scenario, exists map[string]connecttest.User) ([]onboard.Request, map[string]bool) {
	var reqs []onboard.Request
	named := map[string]bool{}
	for _, d := range sc.Desired {
		name := propName(d.N)
		if named[name] {
			continue
		}
		named[name] = true
		in := user.CreateUserInput{Username: name}
		_, ok := exists[name]
		if d.GiveName || d.GiveEmail || !ok {
			in.IdentityInfo = &identity.Info{}
			if d.GiveName || !ok {
				in.IdentityInfo.FirstName, in.IdentityInfo.LastName = sec(d.FirstName), sec("Doe")
			}
			if d.GiveEmail {
				in.IdentityInfo.Email = sec(d.Email)
			}
		}
		if d.GiveRouting || !ok {
			in.RoutingProfileId = routingID
			if d.Routing2 {
				in.RoutingProfileId = propRouting2
			}
		}
		if d.GiveProfiles || !ok {
			in.SecurityProfileIds = []string{agentID}
			if d.Admin {
				in.SecurityProfileIds = []string{adminID, agentID}
			}
		}
		if d.GiveGroup {
			in.HierarchyGroupId = new([]string{groupTop, groupLeaf}[d.Group-1])
		}
		if d.GivePhone {
			in.PhoneConfig = &user.PhoneConfig{PhoneType: new(channel.SoftPhone), AutoAccept: new(d.AutoAccept), AfterContactWorkTimeLimit: new(d.ACW)}
		}
		if d.GiveTags {
			in.Tags = map[string]string{"team": d.Team}
		}
		if !ok {
			in.Password = sec("Passw0rdExample")
		}
		b, _ := json.Marshal(&in)
		reqs = append(reqs, onboard.Request{Origin: user.Origin{Source: "users.jsonl", Line: len(reqs) + 1}, Document: b})
	}
	return reqs, named
}

// converge plans and applies until a run finishes (at most 8 runs), each
// cancelled after the scenario's number of outcomes; it returns the
// number of runs.
func converge(t *testing.T, srv *connecttest.Server, sc scenario, reqs []onboard.Request, journal string) (int, error) {
	for run := range 8 {
		j, err := onboard.OpenJournal(journal)
		if err != nil {
			return run, err
		}
		ctx, cancel := context.WithCancel(context.Background())
		after := 0
		if run < len(sc.Cancel) {
			after = sc.Cancel[run]
		}
		var outcomes atomic.Int64
		observe := func(onboard.Outcome) {
			if after > 0 && outcomes.Add(1) >= int64(after) {
				cancel()
			}
		}
		a := onboard.New(newClient(srv), append(fast(), onboard.WithInstanceID(propInstance), onboard.WithPrune(),
			onboard.WithMaxDeletes(100), onboard.WithJournal(j), onboard.WithObserver(observe))...)
		plan, err := a.Plan(context.Background(), reqs)
		if err != nil {
			cancel()
			j.Close()
			return run, fmt.Errorf("plan: %w", err)
		}
		if !plan.Valid() {
			cancel()
			j.Close()
			return run, fmt.Errorf("an invalid plan: %v", plan.Users(onboard.ActionInvalid))
		}
		sum, err := a.Apply(ctx, plan)
		cancel()
		j.Close()
		if err == nil && sum.OK() {
			return run + 1, nil
		}
	}
	return 8, fmt.Errorf("no run finished in 8")
}

func TestPropertyApplyConverges(t *testing.T) {
	seed := time.Now().UnixNano()
	if s := os.Getenv("CREATEUSER_PROPERTY_SEED"); s != "" {
		seed, _ = strconv.ParseInt(s, 10, 64)
	}
	cases := 15
	if s := os.Getenv("CREATEUSER_PROPERTY_CASES"); s != "" {
		if n, err := strconv.Atoi(s); err == nil && n > 0 {
			cases = min(n, 50) // each case is a local service and several runs (about 0.7 s)
		}
	}
	t.Logf("gopter seed %d, %d cases; replay with: CREATEUSER_PROPERTY_SEED=%d CREATEUSER_PROPERTY_CASES=%d go test ./onboard/ -run '^%s$'",
		seed, cases, seed, cases, t.Name())
	params := gopter.DefaultTestParametersWithSeed(seed)
	params.MinSuccessfulTests = cases
	params.Workers = 1
	props := gopter.NewProperties(params)
	props.Property("plan, apply under faults and cancellations, plan again: no change", prop.ForAll(labelled(func(sc scenario) (string, error) {
		srv, before := propServer(t, sc)
		defer srv.Close()
		reqs, named := propDocs(sc, before)
		journal := filepath.Join(t.TempDir(), "journal.jsonl")
		if _, err := converge(t, srv, sc, reqs, journal); err != nil {
			return "converges", err
		}
		j, err := onboard.OpenJournal(journal)
		if err != nil {
			return "journal", err
		}
		defer j.Close()
		plan, err := onboard.New(newClient(srv), append(fast(), onboard.WithInstanceID(propInstance), onboard.WithPrune())...).Plan(context.Background(), reqs)
		if err != nil {
			return "plan again", err
		}
		if plan.Changed() {
			return "no change", fmt.Errorf("still to do: create %v, update %v, delete %v", plan.Users(onboard.ActionCreate), plan.Users(onboard.ActionUpdate), plan.Users(onboard.ActionDelete))
		}
		after := map[string]connecttest.User{}
		for _, u := range srv.Users(propInstance) {
			if _, dup := after[u.Username]; dup {
				return "every user once", fmt.Errorf("%s twice", u.Username)
			}
			after[u.Username] = u
		}
		for name := range named {
			if _, ok := after[name]; !ok {
				return "every user of the file", fmt.Errorf("%s missing", name)
			}
		}
		for name, u := range before {
			if named[name] {
				continue
			}
			managed := u.Tags[onboard.ManagedTagKey] == onboard.ManagedTagValue
			got, ok := after[name]
			switch {
			case managed && ok:
				return "pruned", fmt.Errorf("%s not deleted", name)
			case !managed && !ok:
				return "unmanaged untouched", fmt.Errorf("%s deleted", name)
			case !managed && !cmp.Equal(u, got):
				return "unmanaged untouched", fmt.Errorf("%s changed: %s", name, cmp.Diff(u, got))
			}
		}
		return "", nil
	}), scenarioGen()))
	props.TestingRun(t, propReporter{t})
}
