package channel

import (
	"fmt"
	"strings"
)

// ParseChannel reads a channel name (VOICE, CHAT, TASK, EMAIL) in any
// letter case, with surrounding white space ignored: "voice" is Voice.
// The Channel returned is spelled as the service spells it.
func ParseChannel(s string) (Channel, error) {
	return parse(s, "channel", Channels())
}

// ParsePhoneType reads a phone type (SOFT_PHONE, DESK_PHONE) in any letter
// case, with surrounding white space ignored: "soft_phone" is SoftPhone.
func ParsePhoneType(s string) (PhoneType, error) {
	return parse(s, "phone type", PhoneTypes())
}

// ParseVoiceEnhancementMode reads a voice enhancement mode
// (VOICE_ISOLATION, NOISE_SUPPRESSION, NONE) in any letter case, with
// surrounding white space ignored.
func ParseVoiceEnhancementMode(s string) (VoiceEnhancementMode, error) {
	return parse(s, "voice enhancement mode", VoiceEnhancementModes())
}

func parse[T ~string](s, what string, all []T) (T, error) {
	word := strings.TrimSpace(s)
	names := make([]string, len(all))
	for i, v := range all {
		if strings.EqualFold(word, string(v)) {
			return v, nil
		}
		names[i] = string(v)
	}
	return "", fmt.Errorf("channel: unknown %s %q (want %s, in any letter case)", what, s, strings.Join(names, ", "))
}
