package channel_test

import (
	"testing"

	"github.com/connectkit/createuser/channel"
)

func TestEnums(t *testing.T) {
	for i, c := range channel.Channels() {
		if !c.Valid() || c.Ordinal() != i {
			t.Errorf("%s: Valid=%v Ordinal=%d", c, c.Valid(), c.Ordinal())
		}
	}
	for _, c := range []channel.Channel{"", "voice", "SMS"} {
		if c.Valid() || c.Ordinal() != -1 {
			t.Errorf("%q is valid", c)
		}
	}
	for _, p := range channel.PhoneTypes() {
		if !p.Valid() {
			t.Errorf("%s", p)
		}
	}
	if channel.PhoneType("soft_phone").Valid() {
		t.Error("phone types are case-sensitive")
	}
	for _, m := range channel.VoiceEnhancementModes() {
		if !m.Valid() {
			t.Errorf("%s", m)
		}
	}
	if channel.VoiceEnhancementMode("").Valid() {
		t.Error("empty mode is valid")
	}
}
