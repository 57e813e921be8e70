package awsconnect

import (
	"maps"
	"math"
	"slices"

	"github.com/aws/aws-sdk-go-v2/service/connect"
	"github.com/aws/aws-sdk-go-v2/service/connect/types"

	"github.com/connectkit/createuser/channel"
	cuerrors "github.com/connectkit/createuser/errors"
	"github.com/connectkit/createuser/identity"
	"github.com/connectkit/createuser/user"
)

// ToSDK converts in to the SDK's input, member for member, including the
// five channel-specific lists, IdentityInfo, PhoneConfig and Tags. The
// list holds one warning for each value the SDK cannot send as in holds
// it (see [LossyRules]); it holds no errors and is nil when the conversion
// is exact. ToSDK does not check the rule catalog: use [user.Validate], or
// [WithPreflight] on the client.
//
// Empty strings in InstanceId, Username and RoutingProfileId become nil, as
// [user.CreateUserInput.Body] leaves them out; an empty list or map stays
// empty and non-nil, so the SDK sends [] or {} as Body does. The result
// shares no memory with in. A nil in gives nil, nil.
func ToSDK(in *user.CreateUserInput) (*connect.CreateUserInput, cuerrors.List) {
	if in == nil {
		return nil, nil
	}
	var lost cuerrors.List
	out := &connect.CreateUserInput{
		InstanceId:         nonEmpty(in.InstanceId),
		Username:           nonEmpty(in.Username),
		Password:           reveal(in.Password),
		IdentityInfo:       identityToSDK(in.IdentityInfo),
		PhoneConfig:        phoneConfigToSDK(in.PhoneConfig, &lost),
		DirectoryUserId:    clonePtr(in.DirectoryUserId),
		SecurityProfileIds: slices.Clone(in.SecurityProfileIds),
		RoutingProfileId:   nonEmpty(in.RoutingProfileId),
		HierarchyGroupId:   clonePtr(in.HierarchyGroupId),
	}
	out.AutoAcceptConfigs = autoAcceptToSDK(in.AutoAcceptConfigs, &lost)
	out.AfterContactWorkConfigs = afterContactWorkConfigsToSDK(in.AfterContactWorkConfigs, &lost)
	out.PhoneNumberConfigs = phoneNumbersToSDK(in.PhoneNumberConfigs)
	out.PersistentConnectionConfigs = persistentToSDK(in.PersistentConnectionConfigs)
	out.VoiceEnhancementConfigs = voiceToSDK(in.VoiceEnhancementConfigs)
	if in.Tags != nil {
		out.Tags = maps.Clone(in.Tags)
	}
	lost = appendUTF8Losses(lost, in)
	return out, lost
}

func identityToSDK(in *identity.Info) *types.UserIdentityInfo {
	if in == nil {
		return nil
	}
	return &types.UserIdentityInfo{
		FirstName:      reveal(in.FirstName),
		LastName:       reveal(in.LastName),
		Email:          reveal(in.Email),
		SecondaryEmail: reveal(in.SecondaryEmail),
		Mobile:         reveal(in.Mobile),
	}
}

func phoneConfigToSDK(in *user.PhoneConfig, lost *cuerrors.List) *types.UserPhoneConfig {
	if in == nil {
		return nil
	}
	at := cuerrors.NewPath("PhoneConfig")
	out := &types.UserPhoneConfig{
		DeskPhoneNumber:      reveal(in.DeskPhoneNumber),
		PersistentConnection: clonePtr(in.PersistentConnection),
	}
	if in.PhoneType != nil {
		if *in.PhoneType == "" {
			*lost = append(*lost, lossy(lPhoneTypeEmpty, at.Child("PhoneType"), cuerrors.StringValue("")))
		}
		out.PhoneType = types.PhoneType(*in.PhoneType)
	}
	if in.AutoAccept != nil {
		if !*in.AutoAccept {
			*lost = append(*lost, lossy(lPhoneAutoAcceptFalse, at.Child("AutoAccept"), cuerrors.BoolValue(false)))
		}
		out.AutoAccept = *in.AutoAccept
	}
	if in.AfterContactWorkTimeLimit != nil {
		out.AfterContactWorkTimeLimit = timeLimitToSDK(*in.AfterContactWorkTimeLimit,
			at.Child("AfterContactWorkTimeLimit"), lPhoneACWZero, lPhoneACWInt32, lost)
	}
	return out
}

func afterContactWorkToSDK(in *channel.AfterContactWork, at cuerrors.Path, lost *cuerrors.List) *types.AfterContactWorkConfig {
	if in == nil {
		return nil
	}
	out := &types.AfterContactWorkConfig{}
	if in.AfterContactWorkTimeLimit != nil {
		out.AfterContactWorkTimeLimit = timeLimitToSDK(*in.AfterContactWorkTimeLimit,
			at.Child("AfterContactWorkTimeLimit"), lACWZero, lACWInt32, lost)
	}
	return out
}

// timeLimitToSDK converts a present AfterContactWorkTimeLimit to the SDK's
// int32, reporting 0 (which the SDK omits) and values outside int32, which
// are clamped rather than wrapped: a wrapped value could turn an invalid
// limit into a valid one.
func timeLimitToSDK(v int64, at cuerrors.Path, zero, overflow lossyIndex, lost *cuerrors.List) int32 {
	switch {
	case v == 0:
		*lost = append(*lost, lossy(zero, at, cuerrors.IntValue(0)))
		return 0
	case v > math.MaxInt32:
		*lost = append(*lost, lossy(overflow, at, cuerrors.IntValue(v)))
		return math.MaxInt32
	case v < math.MinInt32:
		*lost = append(*lost, lossy(overflow, at, cuerrors.IntValue(v)))
		return math.MinInt32
	}
	return int32(v)
}

// FromSDK converts the SDK's input to the library's, member for member,
// describing the request the SDK sends: a member the SDK leaves out of the
// wire is absent (nil) in the result, even when the SDK struct holds its
// zero value (PhoneConfig.AutoAccept false, an AfterContactWorkTimeLimit of
// 0, an empty PhoneType), and AutoAcceptConfigs[i].AutoAccept, which the
// SDK always sends, is always present. Checking FromSDK(in) therefore
// checks what the service would receive. Two things the library's types
// hold differently: a pointer to "" in InstanceId, Username or
// RoutingProfileId becomes "", which the library treats as absent (both are
// a required error), and a non-nil empty list or map, which the SDK sends
// as [] or {}, stays empty and non-nil. The result shares no memory with
// in. A nil in gives nil.
func FromSDK(in *connect.CreateUserInput) *user.CreateUserInput {
	if in == nil {
		return nil
	}
	out := &user.CreateUserInput{
		InstanceId:         deref(in.InstanceId),
		Username:           deref(in.Username),
		Password:           secret(in.Password),
		IdentityInfo:       identityFromSDK(in.IdentityInfo),
		PhoneConfig:        phoneConfigFromSDK(in.PhoneConfig),
		DirectoryUserId:    clonePtr(in.DirectoryUserId),
		SecurityProfileIds: slices.Clone(in.SecurityProfileIds),
		RoutingProfileId:   deref(in.RoutingProfileId),
		HierarchyGroupId:   clonePtr(in.HierarchyGroupId),
		Tags:               maps.Clone(in.Tags),
	}
	out.AutoAcceptConfigs = autoAcceptFromSDK(in.AutoAcceptConfigs)
	out.AfterContactWorkConfigs = afterContactWorkConfigsFromSDK(in.AfterContactWorkConfigs)
	out.PhoneNumberConfigs = phoneNumbersFromSDK(in.PhoneNumberConfigs)
	out.PersistentConnectionConfigs = persistentFromSDK(in.PersistentConnectionConfigs)
	out.VoiceEnhancementConfigs = voiceFromSDK(in.VoiceEnhancementConfigs)
	return out
}

func identityFromSDK(in *types.UserIdentityInfo) *identity.Info {
	if in == nil {
		return nil
	}
	return &identity.Info{
		FirstName:      secret(in.FirstName),
		LastName:       secret(in.LastName),
		Email:          secret(in.Email),
		SecondaryEmail: secret(in.SecondaryEmail),
		Mobile:         secret(in.Mobile),
	}
}

func phoneConfigFromSDK(in *types.UserPhoneConfig) *user.PhoneConfig {
	if in == nil {
		return nil
	}
	out := &user.PhoneConfig{
		DeskPhoneNumber:      secret(in.DeskPhoneNumber),
		PersistentConnection: clonePtr(in.PersistentConnection),
	}
	if in.PhoneType != "" {
		out.PhoneType = new(channel.PhoneType(in.PhoneType))
	}
	if in.AutoAccept {
		out.AutoAccept = new(true)
	}
	if in.AfterContactWorkTimeLimit != 0 {
		out.AfterContactWorkTimeLimit = new(int64(in.AfterContactWorkTimeLimit))
	}
	return out
}

func afterContactWorkFromSDK(in *types.AfterContactWorkConfig) *channel.AfterContactWork {
	if in == nil {
		return nil
	}
	out := &channel.AfterContactWork{}
	if in.AfterContactWorkTimeLimit != 0 {
		out.AfterContactWorkTimeLimit = new(int64(in.AfterContactWorkTimeLimit))
	}
	return out
}

// nonEmpty returns a pointer to a copy of s, or nil for "".
func nonEmpty(s string) *string {
	if s == "" {
		return nil
	}
	return &s
}

func deref(p *string) string {
	if p == nil {
		return ""
	}
	return *p
}

func clonePtr[T any](p *T) *T {
	if p == nil {
		return nil
	}
	return new(*p)
}

func reveal(s *identity.Secret) *string {
	if s == nil {
		return nil
	}
	return new(s.Reveal())
}

func secret(p *string) *identity.Secret {
	if p == nil {
		return nil
	}
	return new(identity.Secret(*p))
}
