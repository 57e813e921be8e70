package onboard

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"slices"
	"strings"
)

// Names turns the names of an instance's resources into their ids, for
// import: security profiles and routing profiles by name, hierarchy
// groups by their path of names from the top level or by a name that is
// unique in the instance. A name the instance does not have is a
// *NameError; any other error is a failed look-up.
type Names interface {
	SecurityProfile(ctx context.Context, name string) (string, error)
	RoutingProfile(ctx context.Context, name string) (string, error)
	HierarchyGroup(ctx context.Context, path []string) (string, error)
	HierarchyGroupNamed(ctx context.Context, name string) (string, error)
}

// NameError reports a name that the instance does not have, or a
// hierarchy group name that more than one group has.
type NameError struct {
	// Kind is "security profile", "routing profile" or "hierarchy group".
	Kind string
	// Name is the name (a hierarchy path joined by "|").
	Name string
	// Suggestion is the nearest name and its id, "Agent (ID)", or "".
	Suggestion string
	// Ambiguous is true when several groups have the name.
	Ambiguous bool
}

// Error says which name is unknown and suggests the nearest.
func (e *NameError) Error() string {
	if e.Ambiguous {
		return fmt.Sprintf("More than one %s is named %s; give its path (user_hierarchy_1|user_hierarchy_2).", e.Kind, quote(e.Name))
	}
	s := fmt.Sprintf("The instance has no %s named %s (names are case-sensitive).", e.Kind, quote(e.Name))
	if e.Suggestion != "" {
		s += " Did you mean " + e.Suggestion + "?"
	}
	return s
}

// resource is a named resource of a names file.
type resource struct {
	ID, Name string
}

// directory is the names of one instance's resources.
type directory struct {
	securityProfiles []resource
	routingProfiles  []resource
	groups           []groupPath
}

// groupPath is a hierarchy group with its path of names from the top.
type groupPath struct {
	ID   string
	Path []string
}

func (d *directory) byName(kind, name string, list []resource) (string, error) {
	for _, r := range list {
		if r.Name == name {
			return r.ID, nil
		}
	}
	e := &NameError{Kind: kind, Name: name}
	names := make([]string, len(list))
	for i, r := range list {
		names[i] = r.Name
	}
	if n, ok := nearest(name, names); ok {
		for _, r := range list {
			if r.Name == n {
				e.Suggestion = r.Name + " (" + r.ID + ")"
				break
			}
		}
	}
	return "", e
}

func (d *directory) path(path []string) (string, error) {
	for _, g := range d.groups {
		if slices.Equal(g.Path, path) {
			return g.ID, nil
		}
	}
	joined := strings.Join(path, "|")
	e := &NameError{Kind: "hierarchy group", Name: joined}
	paths := make([]string, len(d.groups))
	for i, g := range d.groups {
		paths[i] = strings.Join(g.Path, "|")
	}
	if n, ok := nearest(joined, paths); ok {
		for _, g := range d.groups {
			if strings.Join(g.Path, "|") == n {
				e.Suggestion = n + " (" + g.ID + ")"
				break
			}
		}
	}
	return "", e
}

func (d *directory) named(name string) (string, error) {
	var found []string
	var leaves []string
	for _, g := range d.groups {
		leaf := g.Path[len(g.Path)-1]
		leaves = append(leaves, leaf)
		if leaf == name {
			found = append(found, g.ID)
		}
	}
	switch len(found) {
	case 1:
		return found[0], nil
	case 0:
		e := &NameError{Kind: "hierarchy group", Name: name}
		if n, ok := nearest(name, leaves); ok {
			for _, g := range d.groups {
				if g.Path[len(g.Path)-1] == n {
					e.Suggestion = n + " (" + g.ID + ")"
					break
				}
			}
		}
		return "", e
	}
	return "", &NameError{Kind: "hierarchy group", Name: name, Ambiguous: true}
}

// NamesTable is a Names read from a file, for an import without access
// to the instance (connectuser import --names FILE).
type NamesTable struct {
	d directory
}

// namesFile is the file's shape (SPEC section 10).
type namesFile struct {
	SecurityProfiles map[string]string `json:"SecurityProfiles"`
	RoutingProfiles  map[string]string `json:"RoutingProfiles"`
	HierarchyGroups  map[string]string `json:"HierarchyGroups"`
}

// ReadNamesTable reads a names file: {"SecurityProfiles": {"Agent":
// "ID", ...}, "RoutingProfiles": {"Basic Routing Profile": "ID", ...},
// "HierarchyGroups": {"Top|Middle|Leaf": "ID", ...}}, a hierarchy group
// by its path of names from the top level joined by "|". An unknown
// member is an error.
func ReadNamesTable(path string) (*NamesTable, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	dec := json.NewDecoder(strings.NewReader(string(data)))
	dec.DisallowUnknownFields()
	var f namesFile
	if err := dec.Decode(&f); err != nil {
		return nil, fmt.Errorf("names file %s: %w", path, err)
	}
	t := &NamesTable{}
	for _, name := range sortedKeys(f.SecurityProfiles) {
		t.d.securityProfiles = append(t.d.securityProfiles, resource{ID: f.SecurityProfiles[name], Name: name})
	}
	for _, name := range sortedKeys(f.RoutingProfiles) {
		t.d.routingProfiles = append(t.d.routingProfiles, resource{ID: f.RoutingProfiles[name], Name: name})
	}
	for _, p := range sortedKeys(f.HierarchyGroups) {
		t.d.groups = append(t.d.groups, groupPath{ID: f.HierarchyGroups[p], Path: splitList(p)})
	}
	return t, nil
}

func sortedKeys(m map[string]string) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// SecurityProfile returns the id of the security profile named name.
func (t *NamesTable) SecurityProfile(_ context.Context, name string) (string, error) {
	return t.d.byName("security profile", name, t.d.securityProfiles)
}

// RoutingProfile returns the id of the routing profile named name.
func (t *NamesTable) RoutingProfile(_ context.Context, name string) (string, error) {
	return t.d.byName("routing profile", name, t.d.routingProfiles)
}

// HierarchyGroup returns the id of the group at path (names from the top).
func (t *NamesTable) HierarchyGroup(_ context.Context, path []string) (string, error) {
	return t.d.path(path)
}

// HierarchyGroupNamed returns the id of the one group named name.
func (t *NamesTable) HierarchyGroupNamed(_ context.Context, name string) (string, error) {
	return t.d.named(name)
}

// splitList splits a "|"-separated cell into its trimmed, non-empty parts.
func splitList(s string) []string {
	var out []string
	for _, p := range strings.Split(s, "|") {
		if p = strings.TrimSpace(p); p != "" {
			out = append(out, p)
		}
	}
	return out
}
