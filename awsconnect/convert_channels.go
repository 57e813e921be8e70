package awsconnect

import (
	"github.com/aws/aws-sdk-go-v2/service/connect/types"

	"github.com/connectkit/createuser/channel"
	cuerrors "github.com/connectkit/createuser/errors"
)

// The five channel-specific lists, both ways: CreateUser and
// UpdateUserConfig hold the same members with the same SDK types. A nil
// list stays nil, an empty one empty and non-nil (the SDK sends []).

func autoAcceptToSDK(in []channel.AutoAcceptConfig, lost *cuerrors.List) []types.AutoAcceptConfig {
	if in == nil {
		return nil
	}
	at := cuerrors.NewPath("AutoAcceptConfigs")
	out := make([]types.AutoAcceptConfig, len(in))
	for i, c := range in {
		o := &out[i]
		o.Channel = types.Channel(c.Channel)
		o.AgentFirstCallbackAutoAccept = clonePtr(c.AgentFirstCallbackAutoAccept)
		if c.AutoAccept == nil {
			*lost = append(*lost, lossy(lAutoAcceptAbsent, at.Index(i).Child("AutoAccept"), cuerrors.Value{}))
		} else {
			o.AutoAccept = *c.AutoAccept
		}
	}
	return out
}

func afterContactWorkConfigsToSDK(in []channel.AfterContactWorkConfig, lost *cuerrors.List) []types.AfterContactWorkConfigPerChannel {
	if in == nil {
		return nil
	}
	at := cuerrors.NewPath("AfterContactWorkConfigs")
	out := make([]types.AfterContactWorkConfigPerChannel, len(in))
	for i, c := range in {
		o := &out[i]
		o.Channel = types.Channel(c.Channel)
		o.AfterContactWorkConfig = afterContactWorkToSDK(c.AfterContactWorkConfig, at.Index(i).Child("AfterContactWorkConfig"), lost)
		o.AgentFirstCallbackAfterContactWorkConfig = afterContactWorkToSDK(c.AgentFirstCallbackAfterContactWorkConfig, at.Index(i).Child("AgentFirstCallbackAfterContactWorkConfig"), lost)
	}
	return out
}

func phoneNumbersToSDK(in []channel.PhoneNumberConfig) []types.PhoneNumberConfig {
	if in == nil {
		return nil
	}
	out := make([]types.PhoneNumberConfig, len(in))
	for i, c := range in {
		out[i] = types.PhoneNumberConfig{
			Channel:     types.Channel(c.Channel),
			PhoneType:   types.PhoneType(c.PhoneType),
			PhoneNumber: reveal(c.PhoneNumber),
		}
	}
	return out
}

func persistentToSDK(in []channel.PersistentConnectionConfig) []types.PersistentConnectionConfig {
	if in == nil {
		return nil
	}
	out := make([]types.PersistentConnectionConfig, len(in))
	for i, c := range in {
		out[i] = types.PersistentConnectionConfig{
			Channel:              types.Channel(c.Channel),
			PersistentConnection: clonePtr(c.PersistentConnection),
		}
	}
	return out
}

func voiceToSDK(in []channel.VoiceEnhancementConfig) []types.VoiceEnhancementConfig {
	if in == nil {
		return nil
	}
	out := make([]types.VoiceEnhancementConfig, len(in))
	for i, c := range in {
		out[i] = types.VoiceEnhancementConfig{
			Channel:              types.Channel(c.Channel),
			VoiceEnhancementMode: types.VoiceEnhancementMode(c.VoiceEnhancementMode),
		}
	}
	return out
}

func autoAcceptFromSDK(in []types.AutoAcceptConfig) []channel.AutoAcceptConfig {
	if in == nil {
		return nil
	}
	out := make([]channel.AutoAcceptConfig, len(in))
	for i, c := range in {
		out[i] = channel.AutoAcceptConfig{
			Channel:                      channel.Channel(c.Channel),
			AutoAccept:                   new(c.AutoAccept),
			AgentFirstCallbackAutoAccept: clonePtr(c.AgentFirstCallbackAutoAccept),
		}
	}
	return out
}

func afterContactWorkConfigsFromSDK(in []types.AfterContactWorkConfigPerChannel) []channel.AfterContactWorkConfig {
	if in == nil {
		return nil
	}
	out := make([]channel.AfterContactWorkConfig, len(in))
	for i, c := range in {
		out[i] = channel.AfterContactWorkConfig{
			Channel:                                  channel.Channel(c.Channel),
			AfterContactWorkConfig:                   afterContactWorkFromSDK(c.AfterContactWorkConfig),
			AgentFirstCallbackAfterContactWorkConfig: afterContactWorkFromSDK(c.AgentFirstCallbackAfterContactWorkConfig),
		}
	}
	return out
}

func phoneNumbersFromSDK(in []types.PhoneNumberConfig) []channel.PhoneNumberConfig {
	if in == nil {
		return nil
	}
	out := make([]channel.PhoneNumberConfig, len(in))
	for i, c := range in {
		out[i] = channel.PhoneNumberConfig{
			Channel:     channel.Channel(c.Channel),
			PhoneType:   channel.PhoneType(c.PhoneType),
			PhoneNumber: secret(c.PhoneNumber),
		}
	}
	return out
}

func persistentFromSDK(in []types.PersistentConnectionConfig) []channel.PersistentConnectionConfig {
	if in == nil {
		return nil
	}
	out := make([]channel.PersistentConnectionConfig, len(in))
	for i, c := range in {
		out[i] = channel.PersistentConnectionConfig{
			Channel:              channel.Channel(c.Channel),
			PersistentConnection: clonePtr(c.PersistentConnection),
		}
	}
	return out
}

func voiceFromSDK(in []types.VoiceEnhancementConfig) []channel.VoiceEnhancementConfig {
	if in == nil {
		return nil
	}
	out := make([]channel.VoiceEnhancementConfig, len(in))
	for i, c := range in {
		out[i] = channel.VoiceEnhancementConfig{
			Channel:              channel.Channel(c.Channel),
			VoiceEnhancementMode: channel.VoiceEnhancementMode(c.VoiceEnhancementMode),
		}
	}
	return out
}
