package channel

import (
	"log/slog"

	"github.com/connectkit/createuser/identity"
)

// AutoAcceptConfig is an element of AutoAcceptConfigs: whether contacts on
// Channel are accepted automatically.
type AutoAcceptConfig struct {
	// Channel is required.
	Channel Channel `json:"Channel,omitempty"`
	// AutoAccept is required.
	AutoAccept *bool `json:"AutoAccept,omitempty"`
	// AgentFirstCallbackAutoAccept applies to agent-first callbacks, which
	// exist on VOICE only.
	AgentFirstCallbackAutoAccept *bool `json:"AgentFirstCallbackAutoAccept,omitempty"`
}

// AfterContactWork holds the time allowed for after-contact work.
type AfterContactWork struct {
	// AfterContactWorkTimeLimit is in seconds, 0 to 2,000,000; 0 means
	// indefinite.
	AfterContactWorkTimeLimit *int64 `json:"AfterContactWorkTimeLimit,omitempty"`
}

// AfterContactWorkConfig is an element of AfterContactWorkConfigs.
type AfterContactWorkConfig struct {
	// Channel is required.
	Channel Channel `json:"Channel,omitempty"`
	// AfterContactWorkConfig is required.
	AfterContactWorkConfig *AfterContactWork `json:"AfterContactWorkConfig,omitempty"`
	// AgentFirstCallbackAfterContactWorkConfig applies to agent-first
	// callbacks, which exist on VOICE only.
	AgentFirstCallbackAfterContactWorkConfig *AfterContactWork `json:"AgentFirstCallbackAfterContactWorkConfig,omitempty"`
}

// PhoneNumberConfig is an element of PhoneNumberConfigs (VOICE only).
type PhoneNumberConfig struct {
	// Channel is required and must be VOICE.
	Channel Channel `json:"Channel,omitempty"`
	// PhoneType is required.
	PhoneType PhoneType `json:"PhoneType,omitempty"`
	// PhoneNumber is the desk phone number in E.164 form; it is needed
	// with DESK_PHONE and has no effect with SOFT_PHONE.
	PhoneNumber *identity.Secret `json:"PhoneNumber,omitempty"`
}

// PersistentConnectionConfig is an element of PersistentConnectionConfigs
// (VOICE only).
type PersistentConnectionConfig struct {
	// Channel is required and must be VOICE.
	Channel Channel `json:"Channel,omitempty"`
	// PersistentConnection is required.
	PersistentConnection *bool `json:"PersistentConnection,omitempty"`
}

// VoiceEnhancementConfig is an element of VoiceEnhancementConfigs (VOICE
// only).
type VoiceEnhancementConfig struct {
	// Channel is required and must be VOICE.
	Channel Channel `json:"Channel,omitempty"`
	// VoiceEnhancementMode is required.
	VoiceEnhancementMode VoiceEnhancementMode `json:"VoiceEnhancementMode,omitempty"`
}

// LogValue records the element with PhoneNumber as [identity.Redacted], so
// that a JSON log handler never records the number.
func (c PhoneNumberConfig) LogValue() slog.Value {
	attrs := []slog.Attr{slog.String("Channel", string(c.Channel)), slog.String("PhoneType", string(c.PhoneType))}
	if a, ok := identity.RedactedAttr("PhoneNumber", c.PhoneNumber); ok {
		attrs = append(attrs, a)
	}
	return slog.GroupValue(attrs...)
}
