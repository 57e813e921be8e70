package awsconnect

import (
	"context"
	"errors"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/connect"
	"github.com/aws/aws-sdk-go-v2/service/connect/types"

	"github.com/connectkit/createuser/user"
)

// UserRef names a user of an instance: what "taken" and "exists" need.
type UserRef struct {
	// ID and ARN are the user's; both are "" for a user that counts as
	// taken because it was created through this reader ([Reader.Created])
	// and was not read since.
	ID, ARN string
	// Username is the user's username.
	Username string
}

// User is a user of an instance as the service describes it.
type User struct {
	// ID and ARN are the user's.
	ID, ARN string
	// Request holds the user's members in the shape of a CreateUser
	// request, InstanceId included and Password absent. From SearchUsers
	// ([Reader.Users]) IdentityInfo holds the first and last name only,
	// and PhoneConfig.AfterContactWorkTimeLimit is in seconds (SearchUsers
	// answers milliseconds; the Reader converts). A PhoneConfig holds
	// AutoAccept and AfterContactWorkTimeLimit always, false and 0
	// included (what the service stores).
	Request *user.CreateUserInput
	// LastModifiedTime and LastModifiedRegion are set by
	// [Reader.DescribeUser] only.
	LastModifiedTime   time.Time
	LastModifiedRegion string
}

// userLookup returns the user named username in the instance, compared
// exactly; nil when there is none. The first searchLimit usernames of an
// instance cost one SearchUsers each (an EXACT condition on Username);
// after that the instance's users are listed once (ListUsers, every page,
// kept for the cache time) and answer every further username.
func (l *lookups) userLookup(ctx context.Context, instance, username string) (*UserRef, error) {
	l.mu.Lock()
	if _, ok := l.created[instance][username]; ok {
		l.mu.Unlock()
		return &UserRef{Username: username}, nil
	}
	search := l.cfg.searchLimit < 0 || l.searched[instance] < l.cfg.searchLimit
	if search {
		l.searched[instance]++
	}
	l.mu.Unlock()
	if search {
		return l.searchUser(ctx, instance, username)
	}
	set, err := l.users.get(ctx, instance, l.cfg.ttl, func(ctx context.Context) (*userSet, error) {
		return l.listUsers(ctx, instance)
	})
	if err != nil {
		return nil, &LookupError{Call: "ListUsers", InstanceId: instance, Err: err}
	}
	if u, ok := set.byName[username]; ok {
		return &u, nil
	}
	return nil, nil
}

// usernameTaken reports whether the instance has a user named username.
func (l *lookups) usernameTaken(ctx context.Context, instance, username string) (bool, error) {
	u, err := l.userLookup(ctx, instance, username)
	return u != nil, err
}

// searchUser asks SearchUsers for username, always (callers asking at
// once share one call).
func (l *lookups) searchUser(ctx context.Context, instance, username string) (*UserRef, error) {
	u, err := l.searches.get(ctx, instance+"\x00"+username, 0, func(ctx context.Context) (*UserRef, error) {
		return l.search(ctx, instance, username)
	})
	if err != nil {
		return nil, &LookupError{Call: "SearchUsers", InstanceId: instance, Err: err}
	}
	return u, nil
}

// search asks SearchUsers for username with an EXACT condition and
// compares the answers exactly (whatever the service's comparison).
func (l *lookups) search(ctx context.Context, instance, username string) (*UserRef, error) {
	p := connect.NewSearchUsersPaginator(l.api, &connect.SearchUsersInput{
		InstanceId: &instance,
		SearchCriteria: &types.UserSearchCriteria{StringCondition: &types.StringCondition{
			FieldName: aws.String("Username"), Value: aws.String(username), ComparisonType: types.StringComparisonTypeExact,
		}},
	})
	for n := 0; p.HasMorePages() && n < maxPages; n++ {
		pg, err := page(ctx, l, "SearchUsers", instance, p.NextPage)
		if err != nil {
			return nil, err
		}
		for _, u := range pg.Users {
			if aws.ToString(u.Username) == username {
				return &UserRef{ID: aws.ToString(u.Id), ARN: aws.ToString(u.Arn), Username: username}, nil
			}
		}
	}
	return nil, nil
}

func (l *lookups) listUsers(ctx context.Context, instance string) (*userSet, error) {
	set := &userSet{byName: map[string]UserRef{}}
	p := connect.NewListUsersPaginator(l.api, &connect.ListUsersInput{InstanceId: &instance, MaxResults: l.maxResults()})
	for n := 0; p.HasMorePages() && n < maxPages; n++ {
		pg, err := page(ctx, l, "ListUsers", instance, p.NextPage)
		if err != nil {
			return nil, err
		}
		for _, u := range pg.UserSummaryList {
			name := aws.ToString(u.Username)
			set.byName[name] = UserRef{ID: aws.ToString(u.Id), ARN: aws.ToString(u.Arn), Username: name}
		}
	}
	return set, nil
}

// allUsers returns every user of the instance through SearchUsers pages,
// converted.
func (l *lookups) allUsers(ctx context.Context, instance string) ([]User, error) {
	all, err := l.everyone.get(ctx, instance, l.cfg.ttl, func(ctx context.Context) ([]User, error) {
		var out []User
		p := connect.NewSearchUsersPaginator(l.api, &connect.SearchUsersInput{InstanceId: &instance, MaxResults: aws.Int32(searchPageSize)})
		for n := 0; p.HasMorePages() && n < maxPages; n++ {
			pg, err := page(ctx, l, "SearchUsers", instance, p.NextPage)
			if err != nil {
				return nil, err
			}
			for i := range pg.Users {
				out = append(out, userFromSearch(instance, &pg.Users[i]))
			}
		}
		return out, nil
	})
	if err != nil {
		return nil, &LookupError{Call: "SearchUsers", InstanceId: instance, Err: err}
	}
	return all, nil
}

// describeUser reads one user with DescribeUser (never kept: it is read
// when it is needed fresh).
func (l *lookups) describeUser(ctx context.Context, instance, userID string) (User, error) {
	out, err := send(ctx, l, "DescribeUser", instance, func(ctx context.Context, o func(*connect.Options)) (*connect.DescribeUserOutput, error) {
		return l.api.DescribeUser(ctx, &connect.DescribeUserInput{InstanceId: &instance, UserId: &userID}, o)
	})
	if err == nil && (out == nil || out.User == nil) {
		err = errors.New("the answer holds no User")
	}
	if err != nil {
		return User{}, &LookupError{Call: "DescribeUser", InstanceId: instance, Err: err}
	}
	return userFromDescribe(instance, out.User), nil
}

// userFromSearch converts a SearchUsers summary; its
// PhoneConfig.AfterContactWorkTimeLimit is in milliseconds, as the
// service's model documents, and becomes seconds.
func userFromSearch(instance string, s *types.UserSearchSummary) User {
	in := &connect.CreateUserInput{
		InstanceId: aws.String(instance), Username: s.Username, DirectoryUserId: s.DirectoryUserId,
		HierarchyGroupId: s.HierarchyGroupId, RoutingProfileId: s.RoutingProfileId,
		SecurityProfileIds: s.SecurityProfileIds, Tags: s.Tags,
		AutoAcceptConfigs: s.AutoAcceptConfigs, AfterContactWorkConfigs: s.AfterContactWorkConfigs,
		PhoneNumberConfigs: s.PhoneNumberConfigs, PersistentConnectionConfigs: s.PersistentConnectionConfigs,
		VoiceEnhancementConfigs: s.VoiceEnhancementConfigs,
	}
	if s.IdentityInfo != nil {
		in.IdentityInfo = &types.UserIdentityInfo{FirstName: s.IdentityInfo.FirstName, LastName: s.IdentityInfo.LastName}
	}
	if s.PhoneConfig != nil {
		pc := *s.PhoneConfig
		pc.AfterContactWorkTimeLimit /= 1000
		in.PhoneConfig = &pc
	}
	if s.AfterContactWorkConfigs != nil {
		// The per-channel limits are in milliseconds too.
		in.AfterContactWorkConfigs = make([]types.AfterContactWorkConfigPerChannel, len(s.AfterContactWorkConfigs))
		for i, c := range s.AfterContactWorkConfigs {
			for _, w := range []**types.AfterContactWorkConfig{&c.AfterContactWorkConfig, &c.AgentFirstCallbackAfterContactWorkConfig} {
				if *w != nil {
					v := **w
					v.AfterContactWorkTimeLimit /= 1000
					*w = &v
				}
			}
			in.AfterContactWorkConfigs[i] = c
		}
	}
	return User{ID: aws.ToString(s.Id), ARN: aws.ToString(s.Arn), Request: readBack(in)}
}

// readBack converts a user as the service answered it: unlike a request,
// whose zero values the SDK cannot send, a PhoneConfig read back holds
// AutoAccept and AfterContactWorkTimeLimit always (false and 0 are what
// the service stores).
func readBack(in *connect.CreateUserInput) *user.CreateUserInput {
	out := FromSDK(in)
	if pc := in.PhoneConfig; pc != nil && out.PhoneConfig != nil {
		out.PhoneConfig.AutoAccept = aws.Bool(pc.AutoAccept)
		out.PhoneConfig.AfterContactWorkTimeLimit = aws.Int64(int64(pc.AfterContactWorkTimeLimit))
	}
	return out
}

// userFromDescribe converts a DescribeUser answer.
func userFromDescribe(instance string, u *types.User) User {
	in := &connect.CreateUserInput{
		InstanceId: aws.String(instance), Username: u.Username, DirectoryUserId: u.DirectoryUserId,
		HierarchyGroupId: u.HierarchyGroupId, RoutingProfileId: u.RoutingProfileId,
		SecurityProfileIds: u.SecurityProfileIds, Tags: u.Tags, IdentityInfo: u.IdentityInfo, PhoneConfig: u.PhoneConfig,
		AutoAcceptConfigs: u.AutoAcceptConfigs, AfterContactWorkConfigs: u.AfterContactWorkConfigs,
		PhoneNumberConfigs: u.PhoneNumberConfigs, PersistentConnectionConfigs: u.PersistentConnectionConfigs,
		VoiceEnhancementConfigs: u.VoiceEnhancementConfigs,
	}
	return User{ID: aws.ToString(u.Id), ARN: aws.ToString(u.Arn), Request: readBack(in),
		LastModifiedTime: aws.ToTime(u.LastModifiedTime), LastModifiedRegion: aws.ToString(u.LastModifiedRegion)}
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
	for _, kind := range []ResourceKind{kindSecurityProfile, kindRoutingProfile, kindHierarchyGroup} {
		l.lists.forget(string(kind) + "\x00" + instance)
	}
	l.users.forget(instance)
	l.everyone.forget(instance)
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
