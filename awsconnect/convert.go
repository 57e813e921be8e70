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
	if in.AutoAcceptConfigs != nil {
		at := cuerrors.NewPath("AutoAcceptConfigs")
		out.AutoAcceptConfigs = make([]types.AutoAcceptConfig, len(in.AutoAcceptConfigs))
		for i, c := range in.AutoAcceptConfigs {
			o := &out.AutoAcceptConfigs[i]
			o.Channel = types.Channel(c.Channel)
			o.AgentFirstCallbackAutoAccept = clonePtr(c.AgentFirstCallbackAutoAccept)
			if c.AutoAccept == nil {
				lost = append(lost, lossy(lAutoAcceptAbsent, at.Index(i).Child("AutoAccept"), cuerrors.Value{}))
			} else {
				o.AutoAccept = *c.AutoAccept
			}
		}
	}
	if in.AfterContactWorkConfigs != nil {
		at := cuerrors.NewPath("AfterContactWorkConfigs")
		out.AfterContactWorkConfigs = make([]types.AfterContactWorkConfigPerChannel, len(in.AfterContactWorkConfigs))
		for i, c := range in.AfterContactWorkConfigs {
			o := &out.AfterContactWorkConfigs[i]
			o.Channel = types.Channel(c.Channel)
			o.AfterContactWorkConfig = afterContactWorkToSDK(c.AfterContactWorkConfig, at.Index(i).Child("AfterContactWorkConfig"), &lost)
			o.AgentFirstCallbackAfterContactWorkConfig = afterContactWorkToSDK(c.AgentFirstCallbackAfterContactWorkConfig, at.Index(i).Child("AgentFirstCallbackAfterContactWorkConfig"), &lost)
		}
	}
	if in.PhoneNumberConfigs != nil {
		out.PhoneNumberConfigs = make([]types.PhoneNumberConfig, len(in.PhoneNumberConfigs))
		for i, c := range in.PhoneNumberConfigs {
			out.PhoneNumberConfigs[i] = types.PhoneNumberConfig{
				Channel:     types.Channel(c.Channel),
				PhoneType:   types.PhoneType(c.PhoneType),
				PhoneNumber: reveal(c.PhoneNumber),
			}
		}
	}
	if in.PersistentConnectionConfigs != nil {
		out.PersistentConnectionConfigs = make([]types.PersistentConnectionConfig, len(in.PersistentConnectionConfigs))
		for i, c := range in.PersistentConnectionConfigs {
			out.PersistentConnectionConfigs[i] = types.PersistentConnectionConfig{
				Channel:              types.Channel(c.Channel),
				PersistentConnection: clonePtr(c.PersistentConnection),
			}
		}
	}
	if in.VoiceEnhancementConfigs != nil {
		out.VoiceEnhancementConfigs = make([]types.VoiceEnhancementConfig, len(in.VoiceEnhancementConfigs))
		for i, c := range in.VoiceEnhancementConfigs {
			out.VoiceEnhancementConfigs[i] = types.VoiceEnhancementConfig{
				Channel:              types.Channel(c.Channel),
				VoiceEnhancementMode: types.VoiceEnhancementMode(c.VoiceEnhancementMode),
			}
		}
	}
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
	if in.AutoAcceptConfigs != nil {
		out.AutoAcceptConfigs = make([]channel.AutoAcceptConfig, len(in.AutoAcceptConfigs))
		for i, c := range in.AutoAcceptConfigs {
			out.AutoAcceptConfigs[i] = channel.AutoAcceptConfig{
				Channel:                      channel.Channel(c.Channel),
				AutoAccept:                   new(c.AutoAccept),
				AgentFirstCallbackAutoAccept: clonePtr(c.AgentFirstCallbackAutoAccept),
			}
		}
	}
	if in.AfterContactWorkConfigs != nil {
		out.AfterContactWorkConfigs = make([]channel.AfterContactWorkConfig, len(in.AfterContactWorkConfigs))
		for i, c := range in.AfterContactWorkConfigs {
			out.AfterContactWorkConfigs[i] = channel.AfterContactWorkConfig{
				Channel:                                  channel.Channel(c.Channel),
				AfterContactWorkConfig:                   afterContactWorkFromSDK(c.AfterContactWorkConfig),
				AgentFirstCallbackAfterContactWorkConfig: afterContactWorkFromSDK(c.AgentFirstCallbackAfterContactWorkConfig),
			}
		}
	}
	if in.PhoneNumberConfigs != nil {
		out.PhoneNumberConfigs = make([]channel.PhoneNumberConfig, len(in.PhoneNumberConfigs))
		for i, c := range in.PhoneNumberConfigs {
			out.PhoneNumberConfigs[i] = channel.PhoneNumberConfig{
				Channel:     channel.Channel(c.Channel),
				PhoneType:   channel.PhoneType(c.PhoneType),
				PhoneNumber: secret(c.PhoneNumber),
			}
		}
	}
	if in.PersistentConnectionConfigs != nil {
		out.PersistentConnectionConfigs = make([]channel.PersistentConnectionConfig, len(in.PersistentConnectionConfigs))
		for i, c := range in.PersistentConnectionConfigs {
			out.PersistentConnectionConfigs[i] = channel.PersistentConnectionConfig{
				Channel:              channel.Channel(c.Channel),
				PersistentConnection: clonePtr(c.PersistentConnection),
			}
		}
	}
	if in.VoiceEnhancementConfigs != nil {
		out.VoiceEnhancementConfigs = make([]channel.VoiceEnhancementConfig, len(in.VoiceEnhancementConfigs))
		for i, c := range in.VoiceEnhancementConfigs {
			out.VoiceEnhancementConfigs[i] = channel.VoiceEnhancementConfig{
				Channel:              channel.Channel(c.Channel),
				VoiceEnhancementMode: channel.VoiceEnhancementMode(c.VoiceEnhancementMode),
			}
		}
	}
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
