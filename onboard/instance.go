package onboard

import (
	"context"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/connect"
	"github.com/aws/aws-sdk-go-v2/service/connect/types"

	"github.com/connectkit/createuser/identity"
)

// maxPages bounds every listing: 10,000 pages of up to 1,000 entries.
const maxPages = 10000

// resource is a named resource of an instance: a security profile,
// a routing profile or a hierarchy group.
type resource struct {
	ID, Name, ParentID string
}

// existing is a user the instance has.
type existing struct {
	ID, Arn string
}

// instance is what onboard reads of one instance: its identity management
// type, its resources and its users, each listed once, every page.
type instance struct {
	id       string
	found    bool // DescribeInstance found it
	identity identity.Type

	securityProfiles []resource
	routingProfiles  []resource
	groups           []resource // with ParentID once paths are read
	groupsDescribed  bool
	users            map[string]existing
}

// describe reads the instance's identity management type; an instance the
// service does not know leaves found false.
func (c *caller) describe(ctx context.Context, id string) (*instance, error) {
	inst := &instance{id: id}
	err := c.do(ctx, "DescribeInstance", id, func(ctx context.Context) error {
		out, err := c.api.DescribeInstance(ctx, &connect.DescribeInstanceInput{InstanceId: aws.String(id)}, noSDKRetries)
		if a, _, _ := classify(err); a == answerNotFound {
			return nil
		}
		if err != nil {
			return err
		}
		if out.Instance != nil {
			inst.found = true
			if t, perr := identity.ParseType(string(out.Instance.IdentityManagementType)); perr == nil {
				inst.identity = t
			}
		}
		return nil
	})
	return inst, err
}

// listResources reads the security profiles, routing profiles and
// hierarchy groups of inst.
func (c *caller) listResources(ctx context.Context, inst *instance) error {
	id := aws.String(inst.id)
	sp := connect.NewListSecurityProfilesPaginator(c.api, &connect.ListSecurityProfilesInput{InstanceId: id, MaxResults: aws.Int32(1000)})
	for n := 0; sp.HasMorePages() && n < maxPages; n++ {
		err := c.do(ctx, "ListSecurityProfiles", inst.id, func(ctx context.Context) error {
			out, err := sp.NextPage(ctx, noSDKRetries)
			if err != nil {
				return err
			}
			for _, s := range out.SecurityProfileSummaryList {
				inst.securityProfiles = append(inst.securityProfiles, resource{ID: aws.ToString(s.Id), Name: aws.ToString(s.Name)})
			}
			return nil
		})
		if err != nil {
			return err
		}
	}
	rp := connect.NewListRoutingProfilesPaginator(c.api, &connect.ListRoutingProfilesInput{InstanceId: id, MaxResults: aws.Int32(1000)})
	for n := 0; rp.HasMorePages() && n < maxPages; n++ {
		err := c.do(ctx, "ListRoutingProfiles", inst.id, func(ctx context.Context) error {
			out, err := rp.NextPage(ctx, noSDKRetries)
			if err != nil {
				return err
			}
			for _, s := range out.RoutingProfileSummaryList {
				inst.routingProfiles = append(inst.routingProfiles, resource{ID: aws.ToString(s.Id), Name: aws.ToString(s.Name)})
			}
			return nil
		})
		if err != nil {
			return err
		}
	}
	hg := connect.NewListUserHierarchyGroupsPaginator(c.api, &connect.ListUserHierarchyGroupsInput{InstanceId: id, MaxResults: aws.Int32(1000)})
	for n := 0; hg.HasMorePages() && n < maxPages; n++ {
		err := c.do(ctx, "ListUserHierarchyGroups", inst.id, func(ctx context.Context) error {
			out, err := hg.NextPage(ctx, noSDKRetries)
			if err != nil {
				return err
			}
			for _, s := range out.UserHierarchyGroupSummaryList {
				inst.groups = append(inst.groups, resource{ID: aws.ToString(s.Id), Name: aws.ToString(s.Name)})
			}
			return nil
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// describeGroups reads the parent of every hierarchy group of inst, one
// DescribeUserHierarchyGroup each, for resolving paths of names.
func (c *caller) describeGroups(ctx context.Context, inst *instance) error {
	if inst.groupsDescribed {
		return nil
	}
	for i := range inst.groups {
		g := &inst.groups[i]
		err := c.do(ctx, "DescribeUserHierarchyGroup", inst.id, func(ctx context.Context) error {
			out, err := c.api.DescribeUserHierarchyGroup(ctx, &connect.DescribeUserHierarchyGroupInput{
				InstanceId: aws.String(inst.id), HierarchyGroupId: aws.String(g.ID)}, noSDKRetries)
			if err != nil {
				return err
			}
			if out.HierarchyGroup != nil {
				g.ParentID = parentOf(g.ID, out.HierarchyGroup.HierarchyPath)
			}
			return nil
		})
		if err != nil {
			return err
		}
	}
	inst.groupsDescribed = true
	return nil
}

// parentOf returns the id of the level above id in path, "" at the top.
func parentOf(id string, path *types.HierarchyPath) string {
	if path == nil {
		return ""
	}
	levels := []*types.HierarchyGroupSummary{path.LevelOne, path.LevelTwo, path.LevelThree, path.LevelFour, path.LevelFive}
	parent := ""
	for _, l := range levels {
		if l == nil {
			break
		}
		if aws.ToString(l.Id) == id {
			return parent
		}
		parent = aws.ToString(l.Id)
	}
	return ""
}

// listUsers reads every user of inst: username to id and ARN.
func (c *caller) listUsers(ctx context.Context, inst *instance) error {
	inst.users = map[string]existing{}
	p := connect.NewListUsersPaginator(c.api, &connect.ListUsersInput{InstanceId: aws.String(inst.id), MaxResults: aws.Int32(1000)})
	for n := 0; p.HasMorePages() && n < maxPages; n++ {
		err := c.do(ctx, "ListUsers", inst.id, func(ctx context.Context) error {
			out, err := p.NextPage(ctx, noSDKRetries)
			if err != nil {
				return err
			}
			for _, u := range out.UserSummaryList {
				inst.users[aws.ToString(u.Username)] = existing{ID: aws.ToString(u.Id), Arn: aws.ToString(u.Arn)}
			}
			return nil
		})
		if err != nil {
			return err
		}
	}
	return nil
}

// searchUser looks one user up by its exact username with SearchUsers;
// ok is false when the instance has no such user.
func (c *caller) searchUser(ctx context.Context, instanceID, username string) (u existing, ok bool, err error) {
	err = c.do(ctx, "SearchUsers", instanceID, func(ctx context.Context) error {
		out, err := c.api.SearchUsers(ctx, &connect.SearchUsersInput{
			InstanceId: aws.String(instanceID),
			MaxResults: aws.Int32(100),
			SearchCriteria: &types.UserSearchCriteria{StringCondition: &types.StringCondition{
				FieldName:      aws.String("Username"),
				Value:          aws.String(username),
				ComparisonType: types.StringComparisonTypeExact,
			}},
		}, noSDKRetries)
		if err != nil {
			return err
		}
		for _, s := range out.Users {
			if aws.ToString(s.Username) == username {
				u, ok = existing{ID: aws.ToString(s.Id), Arn: aws.ToString(s.Arn)}, true
			}
		}
		return nil
	})
	return u, ok, err
}

// lastSegment returns what an identifier names: s itself, or the last
// path segment of an ARN.
func lastSegment(s string) string {
	if strings.HasPrefix(s, "arn:") {
		if i := strings.LastIndexByte(s, '/'); i >= 0 {
			return s[i+1:]
		}
	}
	return s
}

// instanceID returns the instance ID that s names: s, or the ID in an
// instance ARN (arn:PARTITION:connect:REGION:ACCOUNT:instance/ID[/...]).
func instanceID(s string) string {
	if !strings.HasPrefix(s, "arn:") {
		return s
	}
	_, rest, ok := strings.Cut(s, ":instance/")
	if !ok {
		return s
	}
	id, _, _ := strings.Cut(rest, "/")
	return id
}

// armInstance returns the instance ID within a resource ARN, "" for a
// plain id.
func arnInstance(s string) string {
	if !strings.HasPrefix(s, "arn:") {
		return ""
	}
	return instanceID(s)
}
