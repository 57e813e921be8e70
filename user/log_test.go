package user

import (
	"bytes"
	"log/slog"
	"strings"
	"testing"

	"github.com/connectkit/createuser/channel"
	"github.com/connectkit/createuser/identity"
)

func TestLogValueRecordsNoSecret(t *testing.T) {
	in := fullRequest()
	in.PhoneConfig = &PhoneConfig{DeskPhoneNumber: new(identity.Secret("+19995550100")), PhoneType: new(channel.DeskPhone)}
	in.IdentityInfo.Email = new(identity.Secret("secret.mailbox@example.net"))
	secrets := []string{in.Password.Reveal(), "Mary", "Major", "secret.mailbox@example.net", "+15555551212", "+19995550100"}
	var buf bytes.Buffer
	for _, h := range []slog.Handler{slog.NewTextHandler(&buf, nil), slog.NewJSONHandler(&buf, nil)} {
		slog.New(h).Info("creating", "request", in, "value", *in, "phone", in.PhoneConfig)
	}
	out := buf.String()
	for _, s := range secrets {
		if strings.Contains(out, s) {
			t.Errorf("log leaks %q", s)
		}
	}
	for _, want := range []string{in.Username, "team-7", identity.Redacted, "DESK_PHONE"} {
		if !strings.Contains(out, want) {
			t.Errorf("log lacks %q", want)
		}
	}
}
