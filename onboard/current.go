package onboard

import (
	"context"
	"maps"
	"slices"
	"strings"
	"time"

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

// currentUsers returns every user of the instance as the paced reader
// reads them from SearchUsers pages (milliseconds converted), sorted by
// Username.
func (a *Applier) currentUsers(ctx context.Context, instance string) ([]*Current, error) {
	users, err := a.reader.Users(ctx, instance)
	if err != nil {
		return nil, err
	}
	out := make([]*Current, len(users))
	for i, u := range users {
		out[i] = current(u, false)
	}
	slices.SortFunc(out, func(a, b *Current) int { return strings.Compare(a.Input.Username, b.Input.Username) })
	return out, nil
}

// describeUser reads one user whole with DescribeUser, through the
// paced reader.
func (a *Applier) describeUser(ctx context.Context, instance, userID string) (*Current, error) {
	u, err := a.reader.DescribeUser(ctx, instance, userID)
	if err != nil {
		return nil, err
	}
	return current(u, true), nil
}

// current converts a user of the reader (whose request is shared: it is
// copied).
func current(u awsconnect.User, described bool) *Current {
	c := &Current{ID: u.ID, Arn: u.ARN, Input: u.Request.Clone(), Described: described, LastModified: u.LastModifiedTime}
	normalize(c.Input)
	return c
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
