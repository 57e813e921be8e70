package identity_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"log/slog"
	"strings"
	"testing"

	"github.com/connectkit/createuser/identity"
)

func TestSecretNeverPrints(t *testing.T) {
	const plain = "Tr0ub4dor-3-unique-7f3a"
	s := identity.Secret(plain)
	info := identity.Info{FirstName: &s, Email: &s}
	outputs := []string{s.String(), s.GoString()}
	for _, verb := range []string{"%v", "%+v", "%#v", "%s", "%q", "%x", "%X", "%10s", "%-8v"} {
		outputs = append(outputs, fmt.Sprintf(verb, s), fmt.Sprintf(verb, &s), fmt.Sprintf(verb, info), fmt.Sprintf(verb, &info))
	}
	var buf bytes.Buffer
	for _, h := range []slog.Handler{slog.NewTextHandler(&buf, nil), slog.NewJSONHandler(&buf, nil)} {
		l := slog.New(h)
		l.Info("user", "password", s, "ptr", &s, "info", info)
	}
	outputs = append(outputs, buf.String())
	for _, out := range outputs {
		if strings.Contains(out, plain) || strings.Contains(out, fmt.Sprintf("%x", plain)) {
			t.Errorf("the secret leaked: %s", out)
		}
	}
	if !strings.Contains(s.String(), identity.Redacted) {
		t.Error("String does not show the placeholder")
	}
	b, err := json.Marshal(info)
	if err != nil || !strings.Contains(string(b), plain) {
		t.Errorf("the wire encoding must carry the value: %s %v", b, err)
	}
	if s.Reveal() != plain {
		t.Error("Reveal")
	}
}

func TestParseType(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want identity.Type
		ok   bool
	}{
		{"CONNECT_MANAGED", identity.ConnectManaged, true},
		{"SAML", identity.SAML, true},
		{"EXISTING_DIRECTORY", identity.ExistingDirectory, true},
		{"", identity.Unknown, true},
		{"UNKNOWN", identity.Unknown, true},
		{"saml", identity.SAML, true},
		{" Connect_Managed ", identity.ConnectManaged, true},
		{"existing_directory", identity.ExistingDirectory, true},
		{"unknown", identity.Unknown, true},
		{"SAML2", identity.Unknown, false},
		{"EXISTING-DIRECTORY", identity.Unknown, false},
		{"LDAP", identity.Unknown, false},
	} {
		got, err := identity.ParseType(tc.in)
		if got != tc.want || (err == nil) != tc.ok {
			t.Errorf("ParseType(%q) = %v, %v", tc.in, got, err)
		}
	}
	for _, ty := range identity.Types() {
		if !ty.Known() || ty.String() != string(ty) {
			t.Errorf("%v", ty)
		}
	}
	if identity.Unknown.Known() || identity.Unknown.String() != "UNKNOWN" {
		t.Error("Unknown")
	}
}

func ExampleSecret() {
	password := identity.Secret("Sunrise2026Desk")
	fmt.Println(password)
	fmt.Printf("%q %#v\n", password, password)
	b, _ := json.Marshal(struct{ Password identity.Secret }{password})
	fmt.Println(string(b))
	// Output:
	// [REDACTED]
	// [REDACTED] [REDACTED]
	// {"Password":"Sunrise2026Desk"}
}

// A flag or a form field: any letter case is read.
func ExampleParseType() {
	t, err := identity.ParseType("saml")
	fmt.Println(t, err)
	t, err = identity.ParseType("")
	fmt.Println(t, err)
	// Output:
	// SAML <nil>
	// UNKNOWN <nil>
}
