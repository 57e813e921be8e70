package awsconnect

import (
	"context"
	"strings"

	cuerrors "github.com/connectkit/createuser/errors"
)

// Resolver turns the names people know into the ids CreateUser takes, for
// one instance: security profile and routing profile names, and a
// hierarchy group by its path of names from the top level. Names are
// compared exactly (case-sensitively), as the service compares them; an
// unknown name is a reference violation, with the nearest name suggested
// ("Did you mean NAME (ID)?"; a name that differs only in letter case
// always is).
//
// Each method returns the id, or a violation when the instance has no
// such name, or an error when a look-up failed ([*LookupError], naming the
// call). The violation's Field is the member the id belongs in
// (SecurityProfileIds, RoutingProfileId, HierarchyGroupId) and its Value
// the name (for a path, its names joined by "|"); a caller that reads
// names from elsewhere (a CSV column) may set Field to suit.
//
// Listings are read once with every page and kept for the cache time, as
// for [InstanceChecker]; a hierarchy path costs one
// DescribeUserHierarchyGroup per group whose name is the path's last (at
// most 20), each kept too. A Resolver is safe for concurrent use.
type Resolver struct {
	l        *lookups
	instance string
}

// NewResolver returns a resolver for the instance (an ID or an instance
// ARN) that reads it through client (a *connect.Client, or any [ReadAPI])
// with a [Reader] of its own, or through the reader of [WithReader].
// Options: the reader's ([WithCacheTTL], [WithPageSize], [WithReadRate],
// [WithRequestTimeout], ...); the others have no effect here.
func NewResolver(client ReadAPI, instanceID string, opts ...Option) *Resolver {
	s := newSettings(false, opts)
	return &Resolver{l: sharedLookups(client, s.cache), instance: instanceKey(instanceID)}
}

// InstanceId returns the instance ID the resolver reads.
func (r *Resolver) InstanceId() string { return r.instance }

// SecurityProfile returns the id of the security profile named name.
func (r *Resolver) SecurityProfile(ctx context.Context, name string) (string, *cuerrors.Violation, error) {
	return r.byName(ctx, kindSecurityProfile, ruleNameSecurity, cuerrors.NewPath("SecurityProfileIds"), name)
}

// RoutingProfile returns the id of the routing profile named name.
func (r *Resolver) RoutingProfile(ctx context.Context, name string) (string, *cuerrors.Violation, error) {
	return r.byName(ctx, kindRoutingProfile, ruleNameRouting, cuerrors.NewPath("RoutingProfileId"), name)
}

func (r *Resolver) byName(ctx context.Context, kind ResourceKind, rule string, field cuerrors.Path, name string) (string, *cuerrors.Violation, error) {
	rs, err := r.l.resources(ctx, kind, r.instance)
	if err != nil {
		return "", nil, err
	}
	if idx := rs.byName[name]; len(idx) > 0 && name != "" {
		return rs.items[idx[0]].ID, nil, nil
	}
	hint := ""
	if near, ok := nearestByName(name, rs.items); ok {
		hint = didYouMean(near)
	}
	v := instanceViolation(rule, field, name, hint)
	return "", &v, nil
}

// HierarchyGroup returns the id of the hierarchy group whose path of
// names from the top level is path (["Europe", "Paris", "Team A"]).
func (r *Resolver) HierarchyGroup(ctx context.Context, path []string) (string, *cuerrors.Violation, error) {
	field := cuerrors.NewPath("HierarchyGroupId")
	value := strings.Join(path, "|")
	rs, err := r.l.resources(ctx, kindHierarchyGroup, r.instance)
	if err != nil {
		return "", nil, err
	}
	if len(path) == 0 {
		v := instanceViolation(ruleNameGroup, field, value, "")
		return "", &v, nil
	}
	leaf := path[len(path)-1]
	// Candidates: the groups named as the leaf, or close to it; exact
	// names first.
	var candidates []resource
	candidates = append(candidates, indexed(rs, rs.byName[leaf])...)
	for _, g := range rs.items {
		if g.Name != leaf && (strings.EqualFold(g.Name, leaf) || editDistance(leaf, g.Name, max(2, len([]rune(leaf))/3)) <= max(2, len([]rune(leaf))/3)) {
			candidates = append(candidates, g)
		}
	}
	if len(candidates) > maxGroupCandidates {
		candidates = candidates[:maxGroupCandidates]
	}
	bestD, best, bestPath := -1, resource{}, []resource(nil)
	for _, g := range candidates {
		gp, err := r.l.groupPath(ctx, r.instance, g.ID)
		if err != nil {
			return "", nil, err
		}
		d := pathDistance(path, gp)
		if d == 0 {
			return g.ID, nil, nil
		}
		if bestD < 0 || d < bestD {
			bestD, best, bestPath = d, g, gp
		}
	}
	hint := ""
	if bestD >= 0 {
		names := make([]string, len(bestPath))
		for i, p := range bestPath {
			names[i] = p.Name
		}
		hint = didYouMean(resource{ID: best.ID, Name: strings.Join(names, "|")})
	}
	v := instanceViolation(ruleNameGroup, field, value, hint)
	return "", &v, nil
}

// HierarchyGroupNamed returns the id of the one hierarchy group named
// name (the admin website's "agent hierarchy" column names a group so).
// No group of that name, or several, is a violation: for several, give
// the group's path to [Resolver.HierarchyGroup].
func (r *Resolver) HierarchyGroupNamed(ctx context.Context, name string) (string, *cuerrors.Violation, error) {
	field := cuerrors.NewPath("HierarchyGroupId")
	rs, err := r.l.resources(ctx, kindHierarchyGroup, r.instance)
	if err != nil {
		return "", nil, err
	}
	switch idx := rs.byName[name]; {
	case len(idx) == 1 && name != "":
		return rs.items[idx[0]].ID, nil, nil
	case len(idx) > 1:
		v := instanceViolation(ruleNameGroup, field, name, "")
		v.Message = "More than one hierarchy group has this name; give the group's path of names from the top level."
		return "", &v, nil
	}
	hint := ""
	if near, ok := nearestByName(name, rs.items); ok {
		hint = didYouMean(near)
	}
	v := instanceViolation(ruleNameGroup, field, name, hint)
	return "", &v, nil
}

// indexed returns the items at idx.
func indexed(rs *Listing, idx []int) []resource {
	out := make([]resource, len(idx))
	for i, j := range idx {
		out[i] = rs.items[j]
	}
	return out
}

// pathDistance is 0 when the names of got are want, exactly; otherwise it
// grows with the edits (a letter-case difference costs least).
func pathDistance(want []string, got []resource) int {
	if len(want) != len(got) {
		return 1000 + 10*abs(len(want)-len(got))
	}
	d := 0
	for i := range want {
		switch {
		case want[i] == got[i].Name:
		case strings.EqualFold(want[i], got[i].Name):
			d++
		default:
			d += 2 + editDistance(want[i], got[i].Name, maxCompared)
		}
	}
	return d
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// nearestByName is [nearest] over names only.
func nearestByName(s string, items []resource) (resource, bool) {
	named := make([]resource, len(items))
	for i, r := range items {
		named[i] = resource{Name: r.Name}
	}
	r, ok := nearest(s, named)
	if !ok {
		return resource{}, false
	}
	for _, it := range items {
		if it.Name == r.Name {
			return it, true
		}
	}
	return resource{}, false
}
