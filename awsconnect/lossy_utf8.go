package awsconnect

import (
	"slices"
	"strings"
	"unicode/utf8"

	cuerrors "github.com/connectkit/createuser/errors"
	"github.com/connectkit/createuser/identity"
	"github.com/connectkit/createuser/user"
)

// appendUTF8Losses appends a lInvalidUTF8 warning for every string member
// of in that is not valid UTF-8: ToSDK copies it as it is, and the SDK's
// JSON encoding then sends U+FFFD in place of each invalid byte. The
// warnings carry no value (the member may be sensitive); a tag key is
// reported at Tags, in the order of the keys.
func appendUTF8Losses(lost cuerrors.List, in *user.CreateUserInput) cuerrors.List {
	check := func(s string, at cuerrors.Path) {
		if !utf8.ValidString(s) {
			lost = append(lost, lossy(lInvalidUTF8, at, cuerrors.Value{}))
		}
	}
	secret := func(s *identity.Secret, at cuerrors.Path) {
		if s != nil {
			check(string(*s), at)
		}
	}
	check(in.InstanceId, cuerrors.NewPath("InstanceId"))
	check(in.Username, cuerrors.NewPath("Username"))
	secret(in.Password, cuerrors.NewPath("Password"))
	if info := in.IdentityInfo; info != nil {
		at := cuerrors.NewPath("IdentityInfo")
		secret(info.FirstName, at.Child("FirstName"))
		secret(info.LastName, at.Child("LastName"))
		secret(info.Email, at.Child("Email"))
		secret(info.SecondaryEmail, at.Child("SecondaryEmail"))
		secret(info.Mobile, at.Child("Mobile"))
	}
	if pc := in.PhoneConfig; pc != nil {
		at := cuerrors.NewPath("PhoneConfig")
		if pc.PhoneType != nil {
			check(string(*pc.PhoneType), at.Child("PhoneType"))
		}
		secret(pc.DeskPhoneNumber, at.Child("DeskPhoneNumber"))
	}
	if in.DirectoryUserId != nil {
		check(*in.DirectoryUserId, cuerrors.NewPath("DirectoryUserId"))
	}
	for i, id := range in.SecurityProfileIds {
		check(id, cuerrors.NewPath("SecurityProfileIds").Index(i))
	}
	check(in.RoutingProfileId, cuerrors.NewPath("RoutingProfileId"))
	if in.HierarchyGroupId != nil {
		check(*in.HierarchyGroupId, cuerrors.NewPath("HierarchyGroupId"))
	}
	for i, c := range in.AutoAcceptConfigs {
		check(string(c.Channel), cuerrors.NewPath("AutoAcceptConfigs").Index(i).Child("Channel"))
	}
	for i, c := range in.AfterContactWorkConfigs {
		check(string(c.Channel), cuerrors.NewPath("AfterContactWorkConfigs").Index(i).Child("Channel"))
	}
	for i, c := range in.PhoneNumberConfigs {
		at := cuerrors.NewPath("PhoneNumberConfigs").Index(i)
		check(string(c.Channel), at.Child("Channel"))
		check(string(c.PhoneType), at.Child("PhoneType"))
		secret(c.PhoneNumber, at.Child("PhoneNumber"))
	}
	for i, c := range in.PersistentConnectionConfigs {
		check(string(c.Channel), cuerrors.NewPath("PersistentConnectionConfigs").Index(i).Child("Channel"))
	}
	for i, c := range in.VoiceEnhancementConfigs {
		at := cuerrors.NewPath("VoiceEnhancementConfigs").Index(i)
		check(string(c.Channel), at.Child("Channel"))
		check(string(c.VoiceEnhancementMode), at.Child("VoiceEnhancementMode"))
	}
	if len(in.Tags) > 0 {
		tags := cuerrors.NewPath("Tags")
		keys := make([]string, 0, len(in.Tags))
		for k, v := range in.Tags {
			if !utf8.ValidString(k) || !utf8.ValidString(v) {
				keys = append(keys, k)
			}
		}
		slices.Sort(keys)
		for _, k := range keys {
			if !utf8.ValidString(k) {
				v := lossy(lInvalidUTF8, tags, cuerrors.StringValue(strings.ToValidUTF8(k, "\uFFFD")))
				lost = append(lost, v)
			}
			check(in.Tags[k], tags.Key(strings.ToValidUTF8(k, "\uFFFD")))
		}
	}
	return lost
}
