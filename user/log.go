package user

import (
	"log/slog"
	"strconv"

	"github.com/connectkit/createuser/identity"
)

// LogValue records the request for log/slog without any sensitive value:
// identifiers, Username, the channel-specific lists and Tags as they are;
// Password, IdentityInfo, DeskPhoneNumber and phone numbers as
// [identity.Redacted] when set. Without it a JSON handler would encode the
// request with encoding/json, its wire form.
func (in CreateUserInput) LogValue() slog.Value {
	attrs := []slog.Attr{
		slog.String("InstanceId", in.InstanceId),
		slog.String("Username", in.Username),
	}
	if a, ok := identity.RedactedAttr("Password", in.Password); ok {
		attrs = append(attrs, a)
	}
	if in.IdentityInfo != nil {
		attrs = append(attrs, slog.Any("IdentityInfo", *in.IdentityInfo))
	}
	if in.PhoneConfig != nil {
		attrs = append(attrs, slog.Any("PhoneConfig", *in.PhoneConfig))
	}
	if in.DirectoryUserId != nil {
		attrs = append(attrs, slog.String("DirectoryUserId", *in.DirectoryUserId))
	}
	attrs = append(attrs, slog.Any("SecurityProfileIds", in.SecurityProfileIds), slog.String("RoutingProfileId", in.RoutingProfileId))
	if in.HierarchyGroupId != nil {
		attrs = append(attrs, slog.String("HierarchyGroupId", *in.HierarchyGroupId))
	}
	if in.AutoAcceptConfigs != nil {
		attrs = append(attrs, slog.Any("AutoAcceptConfigs", in.AutoAcceptConfigs))
	}
	if in.AfterContactWorkConfigs != nil {
		attrs = append(attrs, slog.Any("AfterContactWorkConfigs", in.AfterContactWorkConfigs))
	}
	if in.PhoneNumberConfigs != nil {
		numbers := make([]slog.Attr, len(in.PhoneNumberConfigs))
		for i, e := range in.PhoneNumberConfigs {
			numbers[i] = slog.Any(strconv.Itoa(i), e)
		}
		attrs = append(attrs, slog.Attr{Key: "PhoneNumberConfigs", Value: slog.GroupValue(numbers...)})
	}
	if in.PersistentConnectionConfigs != nil {
		attrs = append(attrs, slog.Any("PersistentConnectionConfigs", in.PersistentConnectionConfigs))
	}
	if in.VoiceEnhancementConfigs != nil {
		attrs = append(attrs, slog.Any("VoiceEnhancementConfigs", in.VoiceEnhancementConfigs))
	}
	if in.Tags != nil {
		attrs = append(attrs, slog.Any("Tags", in.Tags))
	}
	return slog.GroupValue(attrs...)
}

// LogValue records PhoneConfig with DeskPhoneNumber as
// [identity.Redacted] when set.
func (pc PhoneConfig) LogValue() slog.Value {
	var attrs []slog.Attr
	if pc.PhoneType != nil {
		attrs = append(attrs, slog.String("PhoneType", string(*pc.PhoneType)))
	}
	if pc.AutoAccept != nil {
		attrs = append(attrs, slog.Bool("AutoAccept", *pc.AutoAccept))
	}
	if pc.AfterContactWorkTimeLimit != nil {
		attrs = append(attrs, slog.Int64("AfterContactWorkTimeLimit", *pc.AfterContactWorkTimeLimit))
	}
	if a, ok := identity.RedactedAttr("DeskPhoneNumber", pc.DeskPhoneNumber); ok {
		attrs = append(attrs, a)
	}
	if pc.PersistentConnection != nil {
		attrs = append(attrs, slog.Bool("PersistentConnection", *pc.PersistentConnection))
	}
	return slog.GroupValue(attrs...)
}
