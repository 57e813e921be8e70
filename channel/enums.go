package channel

// Channel is a contact channel.
type Channel string

// The channels.
const (
	Voice Channel = "VOICE"
	Chat  Channel = "CHAT"
	Task  Channel = "TASK"
	Email Channel = "EMAIL"
)

// Channels returns every channel, in the service's order.
func Channels() []Channel { return []Channel{Voice, Chat, Task, Email} }

// Valid reports whether c is one of the channels.
func (c Channel) Valid() bool {
	switch c {
	case Voice, Chat, Task, Email:
		return true
	}
	return false
}

// Ordinal returns the position of c in [Channels], or -1.
func (c Channel) Ordinal() int {
	switch c {
	case Voice:
		return 0
	case Chat:
		return 1
	case Task:
		return 2
	case Email:
		return 3
	}
	return -1
}

// PhoneType is how an agent takes calls.
type PhoneType string

// The phone types.
const (
	SoftPhone PhoneType = "SOFT_PHONE"
	DeskPhone PhoneType = "DESK_PHONE"
)

// PhoneTypes returns every phone type.
func PhoneTypes() []PhoneType { return []PhoneType{SoftPhone, DeskPhone} }

// Valid reports whether t is one of the phone types.
func (t PhoneType) Valid() bool { return t == SoftPhone || t == DeskPhone }

// VoiceEnhancementMode is the voice enhancement applied to an agent's audio.
type VoiceEnhancementMode string

// The voice enhancement modes.
const (
	VoiceIsolation   VoiceEnhancementMode = "VOICE_ISOLATION"
	NoiseSuppression VoiceEnhancementMode = "NOISE_SUPPRESSION"
	None             VoiceEnhancementMode = "NONE"
)

// VoiceEnhancementModes returns every voice enhancement mode.
func VoiceEnhancementModes() []VoiceEnhancementMode {
	return []VoiceEnhancementMode{VoiceIsolation, NoiseSuppression, None}
}

// Valid reports whether m is one of the modes.
func (m VoiceEnhancementMode) Valid() bool {
	return m == VoiceIsolation || m == NoiseSuppression || m == None
}
