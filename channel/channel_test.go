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

func TestParse(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want channel.Channel
		ok   bool
	}{
		{"VOICE", channel.Voice, true},
		{"voice", channel.Voice, true},
		{" Chat ", channel.Chat, true},
		{"email", channel.Email, true},
		{"TASKS", "", false},
		{"", "", false},
	} {
		got, err := channel.ParseChannel(tc.in)
		if got != tc.want || (err == nil) != tc.ok {
			t.Errorf("ParseChannel(%q) = %q, %v", tc.in, got, err)
		}
	}
	if p, err := channel.ParsePhoneType("soft_phone"); p != channel.SoftPhone || err != nil {
		t.Errorf("ParsePhoneType(soft_phone) = %q, %v", p, err)
	}
	if p, err := channel.ParsePhoneType("Desk_Phone"); p != channel.DeskPhone || err != nil {
		t.Errorf("ParsePhoneType(Desk_Phone) = %q, %v", p, err)
	}
	if _, err := channel.ParsePhoneType("DESK PHONE"); err == nil {
		t.Error("ParsePhoneType(DESK PHONE): no error")
	}
	if m, err := channel.ParseVoiceEnhancementMode("noise_suppression"); m != channel.NoiseSuppression || err != nil {
		t.Errorf("ParseVoiceEnhancementMode = %q, %v", m, err)
	}
	if m, err := channel.ParseVoiceEnhancementMode("none"); m != channel.None || err != nil {
		t.Errorf("ParseVoiceEnhancementMode(none) = %q, %v", m, err)
	}
}
