package awsconnect

import (
	"context"
	"errors"
	"strconv"
	"sync"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/connect"
	"github.com/aws/aws-sdk-go-v2/service/connect/types"

	"github.com/connectkit/createuser/identity"
)

// LookupError reports that a call reading an instance failed: access
// denied, throttled past the [Reader]'s retries, no answer within the
// request timeout ([*TimeoutError]), the deadline of the caller's context,
// the network. Call names the operation (DescribeInstance,
// ListSecurityProfiles, ListRoutingProfiles, ListUserHierarchyGroups,
// DescribeUserHierarchyGroup, ListUsers, SearchUsers or DescribeUser); Err
// is the last attempt's error, so errors.As reaches the
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

// RetryableError returns false: the look-up was retried by the [Reader]
// already, so the CreateUser call that needed it is not retried for it.
func (e *LookupError) RetryableError() bool { return false }

// ReadAPI is the part of *connect.Client (aws-sdk-go-v2) that a [Reader]
// calls: every read of an instance that this library makes. A
// *connect.Client satisfies it, configured as usual (credentials,
// region, or BaseEndpoint for a local service such as package
// connecttest). Each call gets a per-call option that turns the SDK's own
// retries off: the Reader retries by itself, through its token buckets.
type ReadAPI interface {
	DescribeInstance(context.Context, *connect.DescribeInstanceInput, ...func(*connect.Options)) (*connect.DescribeInstanceOutput, error)
	DescribeUser(context.Context, *connect.DescribeUserInput, ...func(*connect.Options)) (*connect.DescribeUserOutput, error)
	DescribeUserHierarchyGroup(context.Context, *connect.DescribeUserHierarchyGroupInput, ...func(*connect.Options)) (*connect.DescribeUserHierarchyGroupOutput, error)
	connect.ListSecurityProfilesAPIClient
	connect.ListRoutingProfilesAPIClient
	connect.ListUserHierarchyGroupsAPIClient
	connect.ListUsersAPIClient
	connect.SearchUsersAPIClient
}

var _ ReadAPI = (*connect.Client)(nil)

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
	// searchPageSize is the MaxResults of SearchUsers: the most the
	// service allows.
	searchPageSize = 500
)

// ResourceKind is a kind of resource of an instance that a [Reader]
// lists, as in the resource's ARN (…:instance/ID/KIND/RESOURCE_ID).
type ResourceKind string

// The kinds of resource a [Reader] lists.
const (
	SecurityProfiles ResourceKind = "security-profile"
	RoutingProfiles  ResourceKind = "routing-profile"
	HierarchyGroups  ResourceKind = "agent-group"
)

// resource kinds, as the internals name them.
const (
	kindSecurityProfile = SecurityProfiles
	kindRoutingProfile  = RoutingProfiles
	kindHierarchyGroup  = HierarchyGroups
)

// Resource is one security profile, routing profile or hierarchy group
// of an instance, as its listing gives it.
type Resource struct {
	ID   string `json:"Id"`
	ARN  string `json:"Arn"`
	Name string `json:"Name"`
}

// resource is the internals' name of [Resource].
type resource = Resource

// instanceInfo is what DescribeInstance says of an instance.
type instanceInfo struct {
	ID, ARN, Alias string
	Type           identity.Type
	// notFound is the service's ResourceNotFoundException when the
	// instance does not exist (kept like an answer: it is one).
	notFound error
}

// opRate is the quota of one operation.
type opRate struct {
	rate  float64
	burst int
}

// lookupConfig are the settings of the look-ups: the cache and the
// pacing of a [Reader].
type lookupConfig struct {
	ttl         time.Duration
	pageSize    int32
	searchLimit int

	rate        float64
	burst       int
	opRates     map[string]opRate
	timeout     time.Duration
	maxAttempts int
	backoffBase time.Duration
	maxBackoff  time.Duration
	retryTime   time.Duration
	observer    func(CallEvent)
	shared      *Reader // WithReader: the reader to use instead of a new one
}

// defaultLookupConfig is the look-ups' settings before the options.
func defaultLookupConfig() lookupConfig {
	return lookupConfig{
		ttl: DefaultCacheTTL, searchLimit: DefaultUsernameSearches, pageSize: DefaultPageSize,
		rate: DefaultReadRate, burst: DefaultReadBurst, timeout: DefaultRequestTimeout,
		maxAttempts: DefaultMaxAttempts, backoffBase: DefaultBackoffBase, maxBackoff: DefaultMaxBackoff,
		retryTime: DefaultRetryTime,
	}
}

// lookups reads instances through one client and keeps what it read: the
// engine of a [Reader]. Everything it keeps is per instance; one lookups
// serves any number of instances and concurrent callers.
type lookups struct {
	api  ReadAPI
	cfg  lookupConfig
	pace pacing

	instances flightCache[*instanceInfo]
	lists     flightCache[*Listing]   // key: kind, NUL, instance
	paths     flightCache[[]resource] // key: instance, NUL, group id
	users     flightCache[*userSet]   // key: instance
	searches  flightCache[*UserRef]   // key: instance, NUL, username; shared in flight only
	everyone  flightCache[[]User]     // key: instance

	mu       sync.Mutex
	searched map[string]int                 // SearchUsers calls per instance
	created  map[string]map[string]struct{} // usernames created through this client
}

// userSet is every user of an instance, as ListUsers gave them, by
// username.
type userSet struct {
	byName map[string]UserRef
}

func newLookups(api ReadAPI, cfg lookupConfig) *lookups {
	return &lookups{api: api, cfg: cfg, searched: map[string]int{}, created: map[string]map[string]struct{}{}}
}

// sharedLookups returns the look-ups of the reader cfg shares
// ([WithReader]), or new ones through api.
func sharedLookups(api ReadAPI, cfg lookupConfig) *lookups {
	if cfg.shared != nil {
		return cfg.shared.l
	}
	return newLookups(api, cfg)
}

func (l *lookups) observe(e CallEvent) {
	if l.cfg.observer != nil {
		l.cfg.observer(e)
	}
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
		out, err := send(ctx, l, "DescribeInstance", id, func(ctx context.Context, o func(*connect.Options)) (*connect.DescribeInstanceOutput, error) {
			return l.api.DescribeInstance(ctx, &connect.DescribeInstanceInput{InstanceId: aws.String(id)}, o)
		})
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
		info := &instanceInfo{ID: id, ARN: aws.ToString(out.Instance.Arn), Alias: aws.ToString(out.Instance.InstanceAlias), Type: identity.Unknown}
		if t, err := identity.ParseType(string(out.Instance.IdentityManagementType)); err == nil {
			info.Type = t
		}
		return info, nil
	})
}

// callOf names the listing of a kind.
func callOf(kind ResourceKind) string {
	switch kind {
	case kindSecurityProfile:
		return "ListSecurityProfiles"
	case kindRoutingProfile:
		return "ListRoutingProfiles"
	}
	return "ListUserHierarchyGroups"
}

// Listing is every resource of one kind of an instance, every page, in
// the service's order, with indexes by id and by name. It does not
// change once read.
type Listing struct {
	items  []resource
	byID   map[string]int
	byName map[string][]int
}

func newListing(items []resource) *Listing {
	rl := &Listing{items: items, byID: make(map[string]int, len(items)), byName: make(map[string][]int, len(items))}
	for i, r := range items {
		rl.byID[r.ID] = i
		rl.byName[r.Name] = append(rl.byName[r.Name], i)
	}
	return rl
}

// All returns every resource, in the service's order (a copy).
func (rl *Listing) All() []Resource { return append([]Resource(nil), rl.items...) }

// Len returns the number of resources.
func (rl *Listing) Len() int { return len(rl.items) }

// ByID returns the resource whose id is id.
func (rl *Listing) ByID(id string) (Resource, bool) {
	i, ok := rl.byID[id]
	if !ok {
		return Resource{}, false
	}
	return rl.items[i], true
}

// ByName returns the resources named name, compared exactly (several
// hierarchy groups may share a name; profiles are unique by name).
func (rl *Listing) ByName(name string) []Resource {
	return indexed(rl, rl.byName[name])
}

// resources returns every resource of kind in the instance, every page.
func (l *lookups) resources(ctx context.Context, kind ResourceKind, instance string) (*Listing, error) {
	rs, err := l.lists.get(ctx, string(kind)+"\x00"+instance, l.cfg.ttl, func(ctx context.Context) (*Listing, error) {
		items, err := l.list(ctx, kind, instance)
		if err != nil {
			return nil, err
		}
		return newListing(items), nil
	})
	if err != nil {
		return nil, &LookupError{Call: callOf(kind), InstanceId: instance, Err: err}
	}
	return rs, nil
}

// page sends one page of a paginator through the pacing.
func page[O any](ctx context.Context, l *lookups, op, instance string, next func(context.Context, ...func(*connect.Options)) (*O, error)) (*O, error) {
	return send(ctx, l, op, instance, func(ctx context.Context, o func(*connect.Options)) (*O, error) {
		return next(ctx, o)
	})
}

func (l *lookups) list(ctx context.Context, kind ResourceKind, instance string) ([]resource, error) {
	var out []resource
	add := func(id, arn, name *string) {
		out = append(out, resource{ID: aws.ToString(id), ARN: aws.ToString(arn), Name: aws.ToString(name)})
	}
	op := callOf(kind)
	switch kind {
	case kindSecurityProfile:
		p := connect.NewListSecurityProfilesPaginator(l.api, &connect.ListSecurityProfilesInput{InstanceId: &instance, MaxResults: l.maxResults()})
		for n := 0; p.HasMorePages() && n < maxPages; n++ {
			pg, err := page(ctx, l, op, instance, p.NextPage)
			if err != nil {
				return nil, err
			}
			for _, s := range pg.SecurityProfileSummaryList {
				add(s.Id, s.Arn, s.Name)
			}
		}
	case kindRoutingProfile:
		p := connect.NewListRoutingProfilesPaginator(l.api, &connect.ListRoutingProfilesInput{InstanceId: &instance, MaxResults: l.maxResults()})
		for n := 0; p.HasMorePages() && n < maxPages; n++ {
			pg, err := page(ctx, l, op, instance, p.NextPage)
			if err != nil {
				return nil, err
			}
			for _, s := range pg.RoutingProfileSummaryList {
				add(s.Id, s.Arn, s.Name)
			}
		}
	default:
		p := connect.NewListUserHierarchyGroupsPaginator(l.api, &connect.ListUserHierarchyGroupsInput{InstanceId: &instance, MaxResults: l.maxResults()})
		for n := 0; p.HasMorePages() && n < maxPages; n++ {
			pg, err := page(ctx, l, op, instance, p.NextPage)
			if err != nil {
				return nil, err
			}
			for _, s := range pg.UserHierarchyGroupSummaryList {
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
		out, err := send(ctx, l, "DescribeUserHierarchyGroup", instance, func(ctx context.Context, o func(*connect.Options)) (*connect.DescribeUserHierarchyGroupOutput, error) {
			return l.api.DescribeUserHierarchyGroup(ctx, &connect.DescribeUserHierarchyGroupInput{InstanceId: &instance, HierarchyGroupId: &groupID}, o)
		})
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
