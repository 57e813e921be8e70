package onboard

import (
	"context"
	"maps"
	"slices"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/connect"
	"github.com/aws/aws-sdk-go-v2/service/connect/types"

	"github.com/connectkit/createuser/awsconnect"
	"github.com/connectkit/createuser/channel"
	"github.com/connectkit/createuser/identity"
	"github.com/connectkit/createuser/user"
)

// Current is a user as the instance holds it, in the form of a request
// document: what a file would say to leave the user as it is.
type Current struct {
	// ID and Arn are the user's identifier and ARN.
	ID, Arn string
	// Input holds the user's members under CreateUser's wire names, with
	// the service's defaults filled in (a PhoneConfig always), ids rather
	// than ARNs, and no Password (the service never returns it). Tags hold
	// every tag, managed-by included.
	Input *user.CreateUserInput
	// Described is true when the user was read with DescribeUser:
	// IdentityInfo is then whole. SearchUsers returns the first and last
	// name only.
	Described bool
	// LastModified is the user's LastModifiedTime, known when Described.
	LastModified time.Time
}

// userReader reads the users of an instance. It is the one seam through
// which plan and export read users, so that the paced reader of package
// awsconnect can take its place in one spot.
type userReader interface {
	// users returns every user of the instance, from SearchUsers pages,
	// sorted by Username.
	users(ctx context.Context, instance string) ([]*Current, error)
	// describeUser reads one user whole with DescribeUser.
	describeUser(ctx context.Context, instance, userID string) (*Current, error)
}

// searchPageSize is SearchUsers' largest page.
const searchPageSize = 500

// users reads every user of instance with SearchUsers (no criteria: every
// user), every page.
func (c *caller) users(ctx context.Context, instance string) ([]*Current, error) {
	var out []*Current
	var token *string
	for n := 0; n < maxPages; n++ {
		var page *connect.SearchUsersOutput
		err := c.do(ctx, "SearchUsers", instance, func(ctx context.Context) error {
			var err error
			page, err = c.api.SearchUsers(ctx, &connect.SearchUsersInput{
				InstanceId: aws.String(instance), MaxResults: aws.Int32(searchPageSize), NextToken: token,
			}, noSDKRetries)
			return err
		})
		if err != nil {
			return nil, err
		}
		for i := range page.Users {
			out = append(out, fromSearch(instance, &page.Users[i]))
		}
		if page.NextToken == nil || *page.NextToken == "" {
			break
		}
		token = page.NextToken
	}
	slices.SortFunc(out, func(a, b *Current) int { return strings.Compare(a.Input.Username, b.Input.Username) })
	return out, nil
}

// describeUser reads one user whole.
func (c *caller) describeUser(ctx context.Context, instance, userID string) (*Current, error) {
	var cur *Current
	err := c.do(ctx, "DescribeUser", instance, func(ctx context.Context) error {
		out, err := c.api.DescribeUser(ctx, &connect.DescribeUserInput{InstanceId: aws.String(instance), UserId: aws.String(userID)}, noSDKRetries)
		if err != nil {
			return err
		}
		if out.User == nil {
			out.User = &types.User{Id: aws.String(userID)}
		}
		cur = fromDescribe(instance, out.User)
		return nil
	})
	return cur, err
}

// fromSearch converts an element of SearchUsers' answer. SearchUsers
// gives the after-contact work time in milliseconds, as the service's
// model documents; it is converted to seconds, the unit of every other
// operation.
func fromSearch(instance string, s *types.UserSearchSummary) *Current {
	in := &connect.CreateUserInput{
		InstanceId: aws.String(instance), Username: s.Username, DirectoryUserId: s.DirectoryUserId,
		HierarchyGroupId: s.HierarchyGroupId, RoutingProfileId: s.RoutingProfileId,
		SecurityProfileIds: s.SecurityProfileIds, Tags: s.Tags, PhoneConfig: s.PhoneConfig,
		AutoAcceptConfigs: s.AutoAcceptConfigs, AfterContactWorkConfigs: s.AfterContactWorkConfigs,
		PhoneNumberConfigs: s.PhoneNumberConfigs, PersistentConnectionConfigs: s.PersistentConnectionConfigs,
		VoiceEnhancementConfigs: s.VoiceEnhancementConfigs,
	}
	if s.IdentityInfo != nil {
		in.IdentityInfo = &types.UserIdentityInfo{FirstName: s.IdentityInfo.FirstName, LastName: s.IdentityInfo.LastName}
	}
	cur := &Current{ID: aws.ToString(s.Id), Arn: aws.ToString(s.Arn), Input: awsconnect.FromSDK(in)}
	millisToSeconds(cur.Input)
	normalize(cur.Input)
	return cur
}

// fromDescribe converts DescribeUser's answer.
func fromDescribe(instance string, u *types.User) *Current {
	in := &connect.CreateUserInput{
		InstanceId: aws.String(instance), Username: u.Username, DirectoryUserId: u.DirectoryUserId,
		HierarchyGroupId: u.HierarchyGroupId, RoutingProfileId: u.RoutingProfileId,
		SecurityProfileIds: u.SecurityProfileIds, Tags: u.Tags, PhoneConfig: u.PhoneConfig,
		IdentityInfo: u.IdentityInfo, AutoAcceptConfigs: u.AutoAcceptConfigs, AfterContactWorkConfigs: u.AfterContactWorkConfigs,
		PhoneNumberConfigs: u.PhoneNumberConfigs, PersistentConnectionConfigs: u.PersistentConnectionConfigs,
		VoiceEnhancementConfigs: u.VoiceEnhancementConfigs,
	}
	cur := &Current{ID: aws.ToString(u.Id), Arn: aws.ToString(u.Arn), Input: awsconnect.FromSDK(in), Described: true}
	if u.LastModifiedTime != nil {
		cur.LastModified = *u.LastModifiedTime
	}
	normalize(cur.Input)
	return cur
}

// millisToSeconds converts the after-contact work times of a SearchUsers
// answer from milliseconds to seconds.
func millisToSeconds(in *user.CreateUserInput) {
	conv := func(p *int64) {
		if p != nil {
			*p /= 1000
		}
	}
	if in.PhoneConfig != nil {
		conv(in.PhoneConfig.AfterContactWorkTimeLimit)
	}
	for _, c := range in.AfterContactWorkConfigs {
		if c.AfterContactWorkConfig != nil {
			conv(c.AfterContactWorkConfig.AfterContactWorkTimeLimit)
		}
		if c.AgentFirstCallbackAfterContactWorkConfig != nil {
			conv(c.AgentFirstCallbackAfterContactWorkConfig.AfterContactWorkTimeLimit)
		}
	}
}

// normalize gives a user read from the service the form that a file
// would give it: the service's defaults filled in where the answer left
// them out (a PhoneConfig always: SOFT_PHONE, no auto-accept, a time
// limit of 0), empty strings and empty lists as absent, and every
// after-contact work time present.
func normalize(in *user.CreateUserInput) {
	if in.IdentityInfo != nil {
		ii := in.IdentityInfo
		for _, p := range []**identity.Secret{&ii.FirstName, &ii.LastName, &ii.Email, &ii.SecondaryEmail, &ii.Mobile} {
			if *p != nil && **p == "" {
				*p = nil
			}
		}
		if *ii == (identity.Info{}) {
			in.IdentityInfo = nil
		}
	}
	pc := in.PhoneConfig
	if pc == nil {
		pc = &user.PhoneConfig{}
		in.PhoneConfig = pc
	}
	if pc.PhoneType == nil || *pc.PhoneType == "" {
		pc.PhoneType = new(channel.SoftPhone)
	}
	if pc.AutoAccept == nil {
		pc.AutoAccept = new(false)
	}
	if pc.AfterContactWorkTimeLimit == nil {
		pc.AfterContactWorkTimeLimit = new(int64(0))
	}
	if pc.DeskPhoneNumber != nil && *pc.DeskPhoneNumber == "" {
		pc.DeskPhoneNumber = nil
	}
	for i := range in.AfterContactWorkConfigs {
		c := &in.AfterContactWorkConfigs[i]
		for _, w := range []*channel.AfterContactWork{c.AfterContactWorkConfig, c.AgentFirstCallbackAfterContactWorkConfig} {
			if w != nil && w.AfterContactWorkTimeLimit == nil {
				w.AfterContactWorkTimeLimit = new(int64(0))
			}
		}
	}
	if in.DirectoryUserId != nil && *in.DirectoryUserId == "" {
		in.DirectoryUserId = nil
	}
	if in.HierarchyGroupId != nil && *in.HierarchyGroupId == "" {
		in.HierarchyGroupId = nil
	}
	if len(in.SecurityProfileIds) == 0 {
		in.SecurityProfileIds = nil
	}
	if len(in.Tags) == 0 {
		in.Tags = nil
	} else {
		in.Tags = maps.Clone(in.Tags)
	}
	if len(in.AutoAcceptConfigs) == 0 {
		in.AutoAcceptConfigs = nil
	}
	if len(in.AfterContactWorkConfigs) == 0 {
		in.AfterContactWorkConfigs = nil
	}
	if len(in.PhoneNumberConfigs) == 0 {
		in.PhoneNumberConfigs = nil
	}
	if len(in.PersistentConnectionConfigs) == 0 {
		in.PersistentConnectionConfigs = nil
	}
	if len(in.VoiceEnhancementConfigs) == 0 {
		in.VoiceEnhancementConfigs = nil
	}
}
