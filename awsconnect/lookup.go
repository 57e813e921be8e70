package awsconnect

import (
	"context"
	"errors"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/connect"
	"github.com/aws/aws-sdk-go-v2/service/connect/types"

	"github.com/connectkit/createuser/identity"
)

// LookupError reports that a call reading an instance failed: access
// denied, throttled past the SDK's retries, the network. Call names the
// operation (DescribeInstance, ListSecurityProfiles, ListRoutingProfiles,
// ListUserHierarchyGroups, DescribeUserHierarchyGroup, ListUsers or
// SearchUsers); Err is the SDK's error, so errors.As reaches the
// *smithy.OperationError and the service's exception behind it.
type LookupError struct {
	// Call is the name of the operation that failed.
	Call string
	// InstanceId is the instance it read.
	InstanceId string
	// Err is why it failed.
	Err error
}

// Error names the call, the instance and the cause.
func (e *LookupError) Error() string {
	return "awsconnect: " + e.Call + " of instance " + strconv.Quote(e.InstanceId) + ": " + e.Err.Error()
}

// Unwrap returns Err.
func (e *LookupError) Unwrap() error { return e.Err }

// RetryableError returns false: the look-up was retried by the SDK's
// retryer of its own call already, so the CreateUser call that needed it
// is not retried for it.
func (e *LookupError) RetryableError() bool { return false }

// lookupAPI is what the instance checks call; *connect.Client has it.
type lookupAPI interface {
	DescribeInstance(context.Context, *connect.DescribeInstanceInput, ...func(*connect.Options)) (*connect.DescribeInstanceOutput, error)
	DescribeUserHierarchyGroup(context.Context, *connect.DescribeUserHierarchyGroupInput, ...func(*connect.Options)) (*connect.DescribeUserHierarchyGroupOutput, error)
	connect.ListSecurityProfilesAPIClient
	connect.ListRoutingProfilesAPIClient
	connect.ListUserHierarchyGroupsAPIClient
	connect.ListUsersAPIClient
	connect.SearchUsersAPIClient
}

// The cache settings' defaults.
const (
	// DefaultCacheTTL is how long listings and instance descriptions are
	// kept unless [WithCacheTTL] says otherwise.
	DefaultCacheTTL = 5 * time.Minute
	// DefaultUsernameSearches is how many usernames of one instance are
	// looked up with SearchUsers before the checks list every user of it
	// instead (see [WithUsernameSearches]).
	DefaultUsernameSearches = 10
	// DefaultPageSize is the MaxResults of every listing unless
	// [WithPageSize] says otherwise: the most the service allows.
	DefaultPageSize = 1000
	// maxPages bounds every paginated listing.
	maxPages = 100_000
	// maxGroupCandidates bounds the DescribeUserHierarchyGroup calls of
	// one hierarchy path look-up.
	maxGroupCandidates = 20
)

// resource kinds, as in their ARNs (…:instance/ID/KIND/RESOURCE_ID).
const (
	kindSecurityProfile = "security-profile"
	kindRoutingProfile  = "routing-profile"
	kindHierarchyGroup  = "agent-group"
)

// resource is one security profile, routing profile or hierarchy group.
type resource struct {
	ID, ARN, Name string
}

// instanceInfo is what DescribeInstance says of an instance.
type instanceInfo struct {
	ID, ARN string
	Type    identity.Type
	// notFound is the service's ResourceNotFoundException when the
	// instance does not exist (kept like an answer: it is one).
	notFound error
}

// lookupConfig are the settings of the look-ups.
type lookupConfig struct {
	ttl         time.Duration
	pageSize    int32
	searchLimit int
}

// lookups reads instances through one client and keeps what it read.
// Everything it keeps is per instance; one lookups serves any number of
// instances and concurrent callers.
type lookups struct {
	api lookupAPI
	cfg lookupConfig

	instances flightCache[*instanceInfo]
	lists     flightCache[*resourceList] // key: kind, NUL, instance
	paths     flightCache[[]resource]    // key: instance, NUL, group id
	users     flightCache[*userSet]      // key: instance
	searches  flightCache[bool]          // key: instance, NUL, username; shared in flight only

	mu       sync.Mutex
	searched map[string]int                 // SearchUsers calls per instance
	created  map[string]map[string]struct{} // usernames created through this client
}

// userSet is every username of an instance, as ListUsers gave them.
type userSet struct {
	names map[string]struct{}
}

func newLookups(api lookupAPI, cfg lookupConfig) *lookups {
	return &lookups{api: api, cfg: cfg, searched: map[string]int{}, created: map[string]map[string]struct{}{}}
}

func (l *lookups) maxResults() *int32 {
	if l.cfg.pageSize <= 0 {
		return nil
	}
	return aws.Int32(l.cfg.pageSize)
}

// describe returns what DescribeInstance says of instance id.
func (l *lookups) describe(ctx context.Context, id string) (*instanceInfo, error) {
	return l.instances.get(ctx, id, l.cfg.ttl, func(ctx context.Context) (*instanceInfo, error) {
		out, err := l.api.DescribeInstance(ctx, &connect.DescribeInstanceInput{InstanceId: aws.String(id)})
		var notFound *types.ResourceNotFoundException
		if errors.As(err, &notFound) {
			return &instanceInfo{ID: id, Type: identity.Unknown, notFound: err}, nil
		}
		if err != nil {
			return nil, err
		}
		if out.Instance == nil {
			return nil, errNoInstance
		}
		info := &instanceInfo{ID: id, ARN: aws.ToString(out.Instance.Arn), Type: identity.Unknown}
		if t, err := identity.ParseType(string(out.Instance.IdentityManagementType)); err == nil {
			info.Type = t
		}
		return info, nil
	})
}

// callOf names the listing of a kind.
func callOf(kind string) string {
	switch kind {
	case kindSecurityProfile:
		return "ListSecurityProfiles"
	case kindRoutingProfile:
		return "ListRoutingProfiles"
	}
	return "ListUserHierarchyGroups"
}

// resourceList is a listing with its indexes.
type resourceList struct {
	items  []resource
	byID   map[string]int
	byName map[string][]int
}

func newResourceList(items []resource) *resourceList {
	rl := &resourceList{items: items, byID: make(map[string]int, len(items)), byName: make(map[string][]int, len(items))}
	for i, r := range items {
		rl.byID[r.ID] = i
		rl.byName[r.Name] = append(rl.byName[r.Name], i)
	}
	return rl
}

// resources returns every resource of kind in the instance, every page.
func (l *lookups) resources(ctx context.Context, kind, instance string) (*resourceList, error) {
	rs, err := l.lists.get(ctx, kind+"\x00"+instance, l.cfg.ttl, func(ctx context.Context) (*resourceList, error) {
		items, err := l.list(ctx, kind, instance)
		if err != nil {
			return nil, err
		}
		return newResourceList(items), nil
	})
	if err != nil {
		return nil, &LookupError{Call: callOf(kind), InstanceId: instance, Err: err}
	}
	return rs, nil
}

func (l *lookups) list(ctx context.Context, kind, instance string) ([]resource, error) {
	var out []resource
	add := func(id, arn, name *string) {
		out = append(out, resource{ID: aws.ToString(id), ARN: aws.ToString(arn), Name: aws.ToString(name)})
	}
	switch kind {
	case kindSecurityProfile:
		p := connect.NewListSecurityProfilesPaginator(l.api, &connect.ListSecurityProfilesInput{InstanceId: &instance, MaxResults: l.maxResults()})
		for n := 0; p.HasMorePages() && n < maxPages; n++ {
			page, err := p.NextPage(ctx)
			if err != nil {
				return nil, err
			}
			for _, s := range page.SecurityProfileSummaryList {
				add(s.Id, s.Arn, s.Name)
			}
		}
	case kindRoutingProfile:
		p := connect.NewListRoutingProfilesPaginator(l.api, &connect.ListRoutingProfilesInput{InstanceId: &instance, MaxResults: l.maxResults()})
		for n := 0; p.HasMorePages() && n < maxPages; n++ {
			page, err := p.NextPage(ctx)
			if err != nil {
				return nil, err
			}
			for _, s := range page.RoutingProfileSummaryList {
				add(s.Id, s.Arn, s.Name)
			}
		}
	default:
		p := connect.NewListUserHierarchyGroupsPaginator(l.api, &connect.ListUserHierarchyGroupsInput{InstanceId: &instance, MaxResults: l.maxResults()})
		for n := 0; p.HasMorePages() && n < maxPages; n++ {
			page, err := p.NextPage(ctx)
			if err != nil {
				return nil, err
			}
			for _, s := range page.UserHierarchyGroupSummaryList {
				add(s.Id, s.Arn, s.Name)
			}
		}
	}
	return out, nil
}

// groupPath returns the hierarchy path of a group, from the top level down
// to the group itself.
func (l *lookups) groupPath(ctx context.Context, instance, groupID string) ([]resource, error) {
	path, err := l.paths.get(ctx, instance+"\x00"+groupID, l.cfg.ttl, func(ctx context.Context) ([]resource, error) {
		out, err := l.api.DescribeUserHierarchyGroup(ctx, &connect.DescribeUserHierarchyGroupInput{InstanceId: &instance, HierarchyGroupId: &groupID})
		if err != nil {
			return nil, err
		}
		if out.HierarchyGroup == nil || out.HierarchyGroup.HierarchyPath == nil {
			return nil, errors.New("the answer holds no HierarchyGroup.HierarchyPath")
		}
		hp := out.HierarchyGroup.HierarchyPath
		var path []resource
		for _, g := range []*types.HierarchyGroupSummary{hp.LevelOne, hp.LevelTwo, hp.LevelThree, hp.LevelFour, hp.LevelFive} {
			if g == nil {
				break
			}
			path = append(path, resource{ID: aws.ToString(g.Id), ARN: aws.ToString(g.Arn), Name: aws.ToString(g.Name)})
		}
		return path, nil
	})
	if err != nil {
		return nil, &LookupError{Call: "DescribeUserHierarchyGroup", InstanceId: instance, Err: err}
	}
	return path, nil
}

// usernameTaken reports whether the instance has a user named username,
// compared exactly. The first searchLimit usernames of an instance cost
// one SearchUsers each (an EXACT condition on Username); after that the
// instance's users are listed once (ListUsers, every page, kept for the
// cache time) and answer every further username.
func (l *lookups) usernameTaken(ctx context.Context, instance, username string) (bool, error) {
	l.mu.Lock()
	if _, ok := l.created[instance][username]; ok {
		l.mu.Unlock()
		return true, nil
	}
	search := l.cfg.searchLimit < 0 || l.searched[instance] < l.cfg.searchLimit
	if search {
		l.searched[instance]++
	}
	l.mu.Unlock()
	if search {
		taken, err := l.searches.get(ctx, instance+"\x00"+username, 0, func(ctx context.Context) (bool, error) {
			return l.search(ctx, instance, username)
		})
		if err != nil {
			return false, &LookupError{Call: "SearchUsers", InstanceId: instance, Err: err}
		}
		return taken, nil
	}
	set, err := l.users.get(ctx, instance, l.cfg.ttl, func(ctx context.Context) (*userSet, error) {
		return l.listUsers(ctx, instance)
	})
	if err != nil {
		return false, &LookupError{Call: "ListUsers", InstanceId: instance, Err: err}
	}
	_, taken := set.names[username]
	return taken, nil
}

// search asks SearchUsers for username with an EXACT condition and
// compares the answers exactly (whatever the service's comparison).
func (l *lookups) search(ctx context.Context, instance, username string) (bool, error) {
	p := connect.NewSearchUsersPaginator(l.api, &connect.SearchUsersInput{
		InstanceId: &instance,
		SearchCriteria: &types.UserSearchCriteria{StringCondition: &types.StringCondition{
			FieldName: aws.String("Username"), Value: aws.String(username), ComparisonType: types.StringComparisonTypeExact,
		}},
	})
	for n := 0; p.HasMorePages() && n < maxPages; n++ {
		page, err := p.NextPage(ctx)
		if err != nil {
			return false, err
		}
		for _, u := range page.Users {
			if aws.ToString(u.Username) == username {
				return true, nil
			}
		}
	}
	return false, nil
}

func (l *lookups) listUsers(ctx context.Context, instance string) (*userSet, error) {
	set := &userSet{names: map[string]struct{}{}}
	p := connect.NewListUsersPaginator(l.api, &connect.ListUsersInput{InstanceId: &instance, MaxResults: l.maxResults()})
	for n := 0; p.HasMorePages() && n < maxPages; n++ {
		page, err := p.NextPage(ctx)
		if err != nil {
			return nil, err
		}
		for _, u := range page.UserSummaryList {
			set.names[aws.ToString(u.Username)] = struct{}{}
		}
	}
	return set, nil
}

// noteCreated records that username was created in instance through this
// client: it counts as taken at once, whatever was listed before.
func (l *lookups) noteCreated(instance, username string) {
	if instance == "" || username == "" {
		return
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	m := l.created[instance]
	if m == nil {
		m = map[string]struct{}{}
		l.created[instance] = m
	}
	m[username] = struct{}{}
}

// forget drops everything kept for instance.
func (l *lookups) forget(instance string) {
	l.instances.forget(instance)
	for _, kind := range []string{kindSecurityProfile, kindRoutingProfile, kindHierarchyGroup} {
		l.lists.forget(kind + "\x00" + instance)
	}
	l.users.forget(instance)
	l.paths.mu.Lock()
	for k := range l.paths.entries {
		if strings.HasPrefix(k, instance+"\x00") {
			delete(l.paths.entries, k)
		}
	}
	l.paths.mu.Unlock()
	l.mu.Lock()
	delete(l.created, instance)
	delete(l.searched, instance)
	l.mu.Unlock()
}
