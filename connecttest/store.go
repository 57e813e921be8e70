package connecttest

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/connectkit/createuser/identity"
)

// maxHierarchyLevels is how deep the service's agent hierarchy goes.
const maxHierarchyLevels = 5

// store holds the instances. Every method takes the lock it needs.
type store struct {
	mu        sync.RWMutex
	instances map[string]*instanceState
	order     []string // instance ids, in the order they were added
}

// instanceState is one instance: its description and indexes.
type instanceState struct {
	info    Instance // Users is always nil here; the users live in users
	created time.Time
	sp, rp  map[string]int // id -> index in info.SecurityProfiles, RoutingProfiles
	groups  map[string]int // id -> index in info.HierarchyGroups
	users   map[string]*storedUser
	names   map[string]*storedUser
}

// storedUser is a user with what the service says about it beyond the
// request.
type storedUser struct {
	User
	modified time.Time
}

func newStore() *store {
	return &store{instances: map[string]*instanceState{}}
}

// newInstanceState checks in (without its users) and indexes it.
func newInstanceState(in Instance, now time.Time) (*instanceState, error) {
	switch {
	case in.Id == "":
		return nil, errors.New("connecttest: an instance needs an Id")
	case strings.ContainsAny(in.Id, "/:") || len(in.Id) > 100:
		return nil, fmt.Errorf("connecttest: instance Id %q: at most 100 characters, no '/' or ':'", in.Id)
	case !in.IdentityManagementType.Known():
		return nil, fmt.Errorf("connecttest: instance %s: IdentityManagementType %q is not CONNECT_MANAGED, SAML or EXISTING_DIRECTORY", in.Id, in.IdentityManagementType)
	case in.UserQuota < 0:
		return nil, fmt.Errorf("connecttest: instance %s: negative UserQuota %d", in.Id, in.UserQuota)
	}
	st := &instanceState{
		info:    in.clone(),
		created: now,
		users:   map[string]*storedUser{},
		names:   map[string]*storedUser{},
	}
	st.info.Users = nil
	var err error
	if st.sp, err = indexResources(in.Id, "security profile", in.SecurityProfiles); err != nil {
		return nil, err
	}
	if st.rp, err = indexResources(in.Id, "routing profile", in.RoutingProfiles); err != nil {
		return nil, err
	}
	if st.groups, err = indexGroups(in.Id, in.HierarchyGroups); err != nil {
		return nil, err
	}
	return st, nil
}

func indexResources(instance, kind string, rs []Resource) (map[string]int, error) {
	ids := make(map[string]int, len(rs))
	names := make(map[string]bool, len(rs))
	for i, r := range rs {
		switch _, dup := ids[r.Id]; {
		case r.Id == "" || strings.ContainsAny(r.Id, "/:"):
			return nil, fmt.Errorf("connecttest: instance %s: %s %d: Id %q is empty or holds '/' or ':'", instance, kind, i, r.Id)
		case dup:
			return nil, fmt.Errorf("connecttest: instance %s: %s Id %s twice", instance, kind, r.Id)
		case names[r.Name]:
			return nil, fmt.Errorf("connecttest: instance %s: %s name %q twice", instance, kind, r.Name)
		}
		ids[r.Id] = i
		names[r.Name] = true
	}
	return ids, nil
}

func indexGroups(instance string, gs []HierarchyGroup) (map[string]int, error) {
	ids := make(map[string]int, len(gs))
	for i, g := range gs {
		if _, dup := ids[g.Id]; dup {
			return nil, fmt.Errorf("connecttest: instance %s: hierarchy group Id %s twice", instance, g.Id)
		}
		if g.Id == "" || strings.ContainsAny(g.Id, "/:") {
			return nil, fmt.Errorf("connecttest: instance %s: hierarchy group %d: Id %q is empty or holds '/' or ':'", instance, i, g.Id)
		}
		ids[g.Id] = i
	}
	for _, g := range gs {
		if g.ParentId != "" {
			if _, ok := ids[g.ParentId]; !ok {
				return nil, fmt.Errorf("connecttest: instance %s: hierarchy group %s: no parent group %s", instance, g.Id, g.ParentId)
			}
		}
		if _, err := groupLevel(gs, ids, g.Id); err != nil {
			return nil, fmt.Errorf("connecttest: instance %s: hierarchy group %s: %w", instance, g.Id, err)
		}
	}
	return ids, nil
}

// groupLevel returns the level of group id: 1 at the top.
func groupLevel(gs []HierarchyGroup, ids map[string]int, id string) (int, error) {
	level := 0
	for at := id; at != ""; at = gs[ids[at]].ParentId {
		level++
		if level > maxHierarchyLevels {
			return 0, fmt.Errorf("deeper than %d levels, or a cycle", maxHierarchyLevels)
		}
	}
	return level, nil
}

// path returns the groups from the top level down to id.
func (st *instanceState) path(id string) []HierarchyGroup {
	var up []HierarchyGroup
	for at := id; at != ""; {
		g := st.info.HierarchyGroups[st.groups[at]]
		up = append(up, g)
		at = g.ParentId
	}
	slices.Reverse(up)
	return up
}

// addUser checks u against st and stores it. The caller holds the write
// lock.
func (st *instanceState) addUser(u User, now time.Time) error {
	switch {
	case u.Username == "":
		return fmt.Errorf("connecttest: instance %s: a user needs a Username", st.info.Id)
	case st.names[u.Username] != nil:
		return fmt.Errorf("connecttest: instance %s: the username %s twice", st.info.Id, u.Username)
	case u.Id != "" && st.users[u.Id] != nil:
		return fmt.Errorf("connecttest: instance %s: user Id %s twice", st.info.Id, u.Id)
	case u.Id != "" && strings.ContainsAny(u.Id, "/:"):
		return fmt.Errorf("connecttest: instance %s: user Id %q holds '/' or ':'", st.info.Id, u.Id)
	}
	for _, id := range u.SecurityProfileIds {
		if _, ok := st.sp[id]; !ok {
			return fmt.Errorf("connecttest: instance %s: user %s: no security profile %s", st.info.Id, u.Username, id)
		}
	}
	if _, ok := st.rp[u.RoutingProfileId]; u.RoutingProfileId != "" && !ok {
		return fmt.Errorf("connecttest: instance %s: user %s: no routing profile %s", st.info.Id, u.Username, u.RoutingProfileId)
	}
	if u.HierarchyGroupId != nil {
		if _, ok := st.groups[*u.HierarchyGroupId]; !ok {
			return fmt.Errorf("connecttest: instance %s: user %s: no hierarchy group %s", st.info.Id, u.Username, *u.HierarchyGroupId)
		}
	}
	if u.Id == "" {
		u.Id = newUUID()
	}
	su := &storedUser{User: u.clone(), modified: now}
	st.users[u.Id] = su
	st.names[u.Username] = su
	return nil
}

// sortedUsers returns the users ordered by Username.
func (st *instanceState) sortedUsers() []*storedUser {
	out := make([]*storedUser, 0, len(st.users))
	for _, u := range st.users {
		out = append(out, u)
	}
	slices.SortFunc(out, func(a, b *storedUser) int { return cmp.Compare(a.Username, b.Username) })
	return out
}

// snapshot returns a deep copy of the instance with its users.
func (st *instanceState) snapshot() Instance {
	in := st.info.clone()
	in.SecurityProfiles = nonNil(in.SecurityProfiles)
	in.RoutingProfiles = nonNil(in.RoutingProfiles)
	in.HierarchyGroups = nonNil(in.HierarchyGroups)
	in.Users = []User{}
	for _, u := range st.sortedUsers() {
		in.Users = append(in.Users, u.clone())
	}
	return in
}

func nonNil[T any](s []T) []T {
	if s == nil {
		return []T{}
	}
	return s
}

// add adds in, users included, or nothing when any of it is wrong. The
// caller holds the write lock.
func (s *store) add(in Instance, now time.Time) error {
	if _, dup := s.instances[in.Id]; dup {
		return fmt.Errorf("connecttest: instance %s twice", in.Id)
	}
	st, err := newInstanceState(in, now)
	if err != nil {
		return err
	}
	for _, u := range in.Users {
		if err := st.addUser(u, now); err != nil {
			return err
		}
	}
	s.instances[in.Id] = st
	s.order = append(s.order, in.Id)
	return nil
}

// demoInstances are the instances of AddDemoInstances, without users.
func demoInstances() []Instance {
	profiles := func() ([]Resource, []Resource) {
		return []Resource{
				{Id: "32345678-1234-1234-1234-123456789012", Name: "Admin"},
				{Id: "12345678-1234-1234-1234-123456789012", Name: "Agent"},
				{Id: "22345678-1234-1234-1234-123456789012", Name: "CallCenterManager"},
				{Id: "42345678-1234-1234-1234-123456789012", Name: "QualityAnalyst"},
			}, []Resource{
				{Id: "87654321-9876-9876-9876-210987654321", Name: "Basic Routing Profile"},
			}
	}
	var out []Instance
	for _, d := range []struct {
		id, alias string
		t         identity.Type
	}{
		{"40c83b68-ea62-414c-97bb-d018e39e158e", "demo-connect-managed", identity.ConnectManaged},
		{"a1b2c3d4-5678-90ab-cdef-EXAMPLE11111", "demo-saml", identity.SAML},
		{"e7d3f0a2-5c1b-4d9e-8f6a-0b2c4d6e8f10", "demo-existing-directory", identity.ExistingDirectory},
	} {
		sp, rp := profiles()
		out = append(out, Instance{Id: d.id, Alias: d.alias, IdentityManagementType: d.t,
			SecurityProfiles: sp, RoutingProfiles: rp, HierarchyGroups: []HierarchyGroup{}, Users: []User{}})
	}
	return out
}
