package awsconnect_test

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/connectkit/createuser/awsconnect"
	cuerrors "github.com/connectkit/createuser/errors"
	"github.com/connectkit/createuser/identity"
)

// TestResolver: names and hierarchy paths to ids; unknown names are
// reference violations with the nearest name; names are case-sensitive
// and a name differing only in case is suggested; listings are read once.
func TestResolver(t *testing.T) {
	srv := service(t)
	seed(t, srv, "inst-1", identity.ConnectManaged, 3)
	r := awsconnect.NewResolver(clientOf(srv), arnOf(srv, "inst-1"), awsconnect.WithPageSize(2))
	ctx := context.Background()
	type resolve func() (string, *cuerrors.Violation, error)
	for _, tc := range []struct {
		name    string
		call    resolve
		id      string
		field   string
		rule    string
		value   string
		suggest string
	}{
		{"security profile", func() (string, *cuerrors.Violation, error) { return r.SecurityProfile(ctx, "Agent") }, "sp-agent", "", "", "", ""},
		{"security profile on a later page", func() (string, *cuerrors.Violation, error) { return r.SecurityProfile(ctx, "Profile 002") }, "sp-002", "", "", "", ""},
		{"security profile in another case", func() (string, *cuerrors.Violation, error) { return r.SecurityProfile(ctx, "agent") },
			"", "SecurityProfileIds", "names.security-profile.reference", "agent", "Did you mean Agent (sp-agent)?"},
		{"security profile mistyped", func() (string, *cuerrors.Violation, error) { return r.SecurityProfile(ctx, "Profle 001") },
			"", "SecurityProfileIds", "names.security-profile.reference", "Profle 001", "Did you mean Profile 001 (sp-001)?"},
		{"security profile far from any", func() (string, *cuerrors.Violation, error) { return r.SecurityProfile(ctx, "Supervisor of everything") },
			"", "SecurityProfileIds", "names.security-profile.reference", "Supervisor of everything", ""},
		{"routing profile", func() (string, *cuerrors.Violation, error) { return r.RoutingProfile(ctx, "Basic Routing Profile") }, "rp-basic", "", "", "", ""},
		{"routing profile in another case", func() (string, *cuerrors.Violation, error) { return r.RoutingProfile(ctx, "basic routing profile") },
			"", "RoutingProfileId", "names.routing-profile.reference", "basic routing profile", "Did you mean Basic Routing Profile (rp-basic)?"},
		{"hierarchy path", func() (string, *cuerrors.Violation, error) {
			return r.HierarchyGroup(ctx, []string{"Europe", "Paris", "Team A"})
		}, "g-team-a", "", "", "", ""},
		{"the same leaf under another parent", func() (string, *cuerrors.Violation, error) {
			return r.HierarchyGroup(ctx, []string{"Europe", "Lyon", "Team A"})
		}, "g-lyon-a", "", "", "", ""},
		{"top level", func() (string, *cuerrors.Violation, error) { return r.HierarchyGroup(ctx, []string{"Europe"}) }, "g-europe", "", "", "", ""},
		{"path in another case", func() (string, *cuerrors.Violation, error) {
			return r.HierarchyGroup(ctx, []string{"Europe", "paris", "Team A"})
		},
			"", "HierarchyGroupId", "names.hierarchy-group.reference", "Europe|paris|Team A", "Did you mean Europe|Paris|Team A (g-team-a)?"},
		{"path without its top", func() (string, *cuerrors.Violation, error) { return r.HierarchyGroup(ctx, []string{"Lyon", "Team A"}) },
			"", "HierarchyGroupId", "names.hierarchy-group.reference", "Lyon|Team A", "Did you mean"},
		{"unknown leaf", func() (string, *cuerrors.Violation, error) {
			return r.HierarchyGroup(ctx, []string{"Europe", "Paris", "Team Z"})
		},
			"", "HierarchyGroupId", "names.hierarchy-group.reference", "Europe|Paris|Team Z", "Did you mean Europe|Paris|Team A (g-team-a)?"},
		{"empty path", func() (string, *cuerrors.Violation, error) { return r.HierarchyGroup(ctx, nil) },
			"", "HierarchyGroupId", "names.hierarchy-group.reference", "", ""},
		{"group by its unique name", func() (string, *cuerrors.Violation, error) { return r.HierarchyGroupNamed(ctx, "Paris") }, "g-paris", "", "", "", ""},
		{"group by a name two groups have", func() (string, *cuerrors.Violation, error) { return r.HierarchyGroupNamed(ctx, "Team A") },
			"", "HierarchyGroupId", "names.hierarchy-group.reference", "Team A", ""},
		{"group by a mistyped name", func() (string, *cuerrors.Violation, error) { return r.HierarchyGroupNamed(ctx, "Pariss") },
			"", "HierarchyGroupId", "names.hierarchy-group.reference", "Pariss", "Did you mean Paris (g-paris)?"},
		{"group by no name", func() (string, *cuerrors.Violation, error) { return r.HierarchyGroupNamed(ctx, "") },
			"", "HierarchyGroupId", "names.hierarchy-group.reference", "", ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			id, v, err := tc.call()
			if err != nil {
				t.Fatal(err)
			}
			if id != tc.id {
				t.Errorf("id %q, want %q", id, tc.id)
			}
			if tc.rule == "" {
				if v != nil {
					t.Errorf("violation %v", v)
				}
				return
			}
			if v == nil {
				t.Fatal("no violation")
			}
			if v.Field.String() != tc.field || v.Code != cuerrors.CodeReference || v.Rule != tc.rule || v.Value.Interface() != tc.value {
				t.Errorf("violation %s %s %s %v", v.Field, v.Code, v.Rule, v.Value.Interface())
			}
			if tc.suggest == "" && strings.Contains(v.Message, "Did you mean") {
				t.Errorf("message %q suggests something", v.Message)
			}
			if !strings.Contains(v.Message, tc.suggest) {
				t.Errorf("message %q lacks %q", v.Message, tc.suggest)
			}
		})
	}
	got := calls(srv)
	// 4 profiles of each kind and 8 groups, 2 a page; a path costs one
	// DescribeUserHierarchyGroup per candidate group, once.
	if got["ListSecurityProfiles"] != 2 || got["ListRoutingProfiles"] != 2 || got["ListUserHierarchyGroups"] != 4 || got["DescribeUserHierarchyGroup"] != 3 {
		t.Errorf("listings read more than once: %v", got)
	}
}

// TestResolverLookupFailure: a failed listing is an error naming the call.
func TestResolverLookupFailure(t *testing.T) {
	srv := service(t)
	r := awsconnect.NewResolver(clientOf(srv), "inst-gone")
	_, v, err := r.RoutingProfile(context.Background(), "Basic Routing Profile")
	var lookupErr *awsconnect.LookupError
	if v != nil || !errors.As(err, &lookupErr) || lookupErr.Call != "ListRoutingProfiles" || lookupErr.InstanceId != "inst-gone" {
		t.Fatalf("violation %v, err %v; want a LookupError of ListRoutingProfiles", v, err)
	}
}
