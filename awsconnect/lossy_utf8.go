package awsconnect

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/connectkit/createuser/channel"
	cuerrors "github.com/connectkit/createuser/errors"
	"github.com/connectkit/createuser/identity"
	"github.com/connectkit/createuser/user"
)

// appendUTF8Losses appends a lInvalidUTF8 warning for every string member
// of in's JSON body that is not valid UTF-8: ToSDK copies it as it is, and
// the SDK's JSON encoding then sends U+FFFD in place of each invalid byte.
// InstanceId is not one: the SDK percent-escapes the path byte for byte,
// so it arrives as given. The
// warnings carry no value (the member may be sensitive); a tag key is
// reported at Tags, in the order of the keys.
func appendUTF8Losses(lost cuerrors.List, in *user.CreateUserInput) cuerrors.List {
	u := utf8Scan{lost: lost}
	u.str(in.Username, cuerrors.NewPath("Username"))
	u.secret(in.Password, cuerrors.NewPath("Password"))
	u.identity(in.IdentityInfo)
	u.phone(in.PhoneConfig)
	if in.DirectoryUserId != nil {
		u.str(*in.DirectoryUserId, cuerrors.NewPath("DirectoryUserId"))
	}
	u.strs(in.SecurityProfileIds, cuerrors.NewPath("SecurityProfileIds"))
	u.str(in.RoutingProfileId, cuerrors.NewPath("RoutingProfileId"))
	if in.HierarchyGroupId != nil {
		u.str(*in.HierarchyGroupId, cuerrors.NewPath("HierarchyGroupId"))
	}
	u.channels(in.AutoAcceptConfigs, in.AfterContactWorkConfigs, in.PhoneNumberConfigs, in.PersistentConnectionConfigs, in.VoiceEnhancementConfigs)
	u.tags(in.Tags, cuerrors.NewPath("Tags"))
	return u.lost
}

// utf8Scan collects the lInvalidUTF8 warnings of one request, member by
// member, in the order of the request's members.
type utf8Scan struct{ lost cuerrors.List }

func (u *utf8Scan) str(s string, at cuerrors.Path) {
	if !utf8.ValidString(s) {
		u.lost = append(u.lost, lossy(lInvalidUTF8, at, cuerrors.Value{}))
	}
}

func (u *utf8Scan) secret(s *identity.Secret, at cuerrors.Path) {
	if s != nil {
		u.str(string(*s), at)
	}
}

func (u *utf8Scan) strs(list []string, at cuerrors.Path) {
	for i, s := range list {
		u.str(s, at.Index(i))
	}
}

func (u *utf8Scan) identity(info *identity.Info) {
	if info == nil {
		return
	}
	at := cuerrors.NewPath("IdentityInfo")
	u.secret(info.FirstName, at.Child("FirstName"))
	u.secret(info.LastName, at.Child("LastName"))
	u.secret(info.Email, at.Child("Email"))
	u.secret(info.SecondaryEmail, at.Child("SecondaryEmail"))
	u.secret(info.Mobile, at.Child("Mobile"))
}

func (u *utf8Scan) phone(pc *user.PhoneConfig) {
	if pc == nil {
		return
	}
	at := cuerrors.NewPath("PhoneConfig")
	if pc.PhoneType != nil {
		u.str(string(*pc.PhoneType), at.Child("PhoneType"))
	}
	u.secret(pc.DeskPhoneNumber, at.Child("DeskPhoneNumber"))
}

func (u *utf8Scan) channels(aa []channel.AutoAcceptConfig, acw []channel.AfterContactWorkConfig,
	pn []channel.PhoneNumberConfig, pcc []channel.PersistentConnectionConfig, ve []channel.VoiceEnhancementConfig,
) {
	for i, c := range aa {
		u.str(string(c.Channel), cuerrors.NewPath("AutoAcceptConfigs").Index(i).Child("Channel"))
	}
	for i, c := range acw {
		u.str(string(c.Channel), cuerrors.NewPath("AfterContactWorkConfigs").Index(i).Child("Channel"))
	}
	for i, c := range pn {
		at := cuerrors.NewPath("PhoneNumberConfigs").Index(i)
		u.str(string(c.Channel), at.Child("Channel"))
		u.str(string(c.PhoneType), at.Child("PhoneType"))
		u.secret(c.PhoneNumber, at.Child("PhoneNumber"))
	}
	for i, c := range pcc {
		u.str(string(c.Channel), cuerrors.NewPath("PersistentConnectionConfigs").Index(i).Child("Channel"))
	}
	for i, c := range ve {
		at := cuerrors.NewPath("VoiceEnhancementConfigs").Index(i)
		u.str(string(c.Channel), at.Child("Channel"))
		u.str(string(c.VoiceEnhancementMode), at.Child("VoiceEnhancementMode"))
	}
}

// tags reports an invalid key at the map (with the key made valid as the
// value) and an invalid value at its key, in the order of the keys.
func (u *utf8Scan) tags(m map[string]string, at cuerrors.Path) {
	if len(m) == 0 {
		return
	}
	keys := make([]string, 0, len(m))
	for k, v := range m {
		if !utf8.ValidString(k) || !utf8.ValidString(v) {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	for _, k := range keys {
		if !utf8.ValidString(k) {
			u.lost = append(u.lost, lossy(lInvalidUTF8, at, cuerrors.StringValue(strings.ToValidUTF8(k, "\uFFFD"))))
		}
		u.str(m[k], at.Key(strings.ToValidUTF8(k, "\uFFFD")))
	}
}
