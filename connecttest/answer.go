package connecttest

import (
	"github.com/connectkit/createuser/channel"
	"github.com/connectkit/createuser/identity"
	"github.com/connectkit/createuser/user"
)

// The user as the service answers for it: DescribeUser and SearchUsers fill
// in the defaults the service stores for members a request left out, and
// SearchUsers gives after-contact-work time limits in milliseconds, as the
// model documents for UserPhoneConfig ("When returned by a SearchUsers call,
// AfterContactWorkTimeLimit is returned in milliseconds").

// answeredPhoneConfig returns p with the service's defaults where a member
// is not set: PhoneType SOFT_PHONE, AutoAccept false,
// AfterContactWorkTimeLimit 0 and DeskPhoneNumber "". A user always has a
// phone configuration in the service's answers, even one created without.
func answeredPhoneConfig(p *user.PhoneConfig) *user.PhoneConfig {
	var out user.PhoneConfig
	if p != nil {
		out = *p
	}
	if out.PhoneType == nil {
		t := channel.SoftPhone
		out.PhoneType = &t
	}
	if out.AutoAccept == nil {
		f := false
		out.AutoAccept = &f
	}
	if out.AfterContactWorkTimeLimit == nil {
		var zero int64
		out.AfterContactWorkTimeLimit = &zero
	}
	if out.DeskPhoneNumber == nil {
		var empty identity.Secret
		out.DeskPhoneNumber = &empty
	}
	return &out
}

// answeredTags returns tags, or an empty map for none: the service answers
// "Tags": {} for a user without tags.
func answeredTags(tags map[string]string) map[string]string {
	if tags == nil {
		return map[string]string{}
	}
	return tags
}

// answered returns u as DescribeUser gives it back: the stored members
// with the service's defaults. The result shares u's members; it is for
// encoding under the store's lock.
func answered(u User) User {
	u.PhoneConfig = answeredPhoneConfig(u.PhoneConfig)
	u.Tags = answeredTags(u.Tags)
	return u
}

// msPerSecond converts SearchUsers' seconds to its milliseconds.
const msPerSecond = 1000

// inMilliseconds returns a copy of p (defaults filled) with its
// AfterContactWorkTimeLimit in milliseconds.
func inMilliseconds(p *user.PhoneConfig) *user.PhoneConfig {
	out := answeredPhoneConfig(p)
	ms := *out.AfterContactWorkTimeLimit * msPerSecond
	out.AfterContactWorkTimeLimit = &ms
	return out
}

// acwInMilliseconds returns a copy of cs with every after-contact-work time
// limit in milliseconds.
func acwInMilliseconds(cs []channel.AfterContactWorkConfig) []channel.AfterContactWorkConfig {
	if cs == nil {
		return nil
	}
	out := make([]channel.AfterContactWorkConfig, len(cs))
	for i, c := range cs {
		out[i] = channel.AfterContactWorkConfig{
			Channel:                                  c.Channel,
			AfterContactWorkConfig:                   acwMillis(c.AfterContactWorkConfig),
			AgentFirstCallbackAfterContactWorkConfig: acwMillis(c.AgentFirstCallbackAfterContactWorkConfig),
		}
	}
	return out
}

func acwMillis(a *channel.AfterContactWork) *channel.AfterContactWork {
	if a == nil {
		return nil
	}
	out := &channel.AfterContactWork{}
	if a.AfterContactWorkTimeLimit != nil {
		ms := *a.AfterContactWorkTimeLimit * msPerSecond
		out.AfterContactWorkTimeLimit = &ms
	}
	return out
}
