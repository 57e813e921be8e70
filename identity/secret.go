package identity

import (
	"fmt"
	"log/slog"
)

// Redacted is what a Secret prints instead of its value.
const Redacted = "[REDACTED]"

// Secret is a password or a piece of personal data (a name, an email
// address, a phone number). Every way of printing it — String, every fmt
// verb, GoString, and slog — shows [Redacted]; only its JSON encoding, the
// request's wire form, carries the value. Call Reveal to read it.
//
// Because encoding/json is the wire form, anything that encodes a Secret
// with encoding/json records the value: slog's JSONHandler does so for a
// container that holds secrets (a slice of PhoneNumberConfig, a map, an
// []any). Log the request, its IdentityInfo or PhoneConfig themselves:
// they implement slog.LogValuer and record [Redacted].
type Secret string

// Reveal returns the value itself.
func (s Secret) Reveal() string { return string(s) }

// String returns [Redacted].
func (s Secret) String() string { return Redacted }

// GoString returns [Redacted], for %#v.
func (s Secret) GoString() string { return Redacted }

// Format writes [Redacted] for every verb.
func (s Secret) Format(f fmt.State, verb rune) { _, _ = f.Write([]byte(Redacted)) }

// LogValue returns [Redacted], so slog never records the value.
func (s Secret) LogValue() slog.Value { return slog.StringValue(Redacted) }

// MarshalJSON encodes the value itself: the JSON encoding is the wire form
// of the request.
func (s Secret) MarshalJSON() ([]byte, error) {
	return marshalString(string(s))
}

// RedactedAttr returns the attribute key=[Redacted] when s is set, for
// LogValue methods of types that hold secrets; ok is false when s is nil.
func RedactedAttr(key string, s *Secret) (attr slog.Attr, ok bool) {
	if s == nil {
		return slog.Attr{}, false
	}
	return slog.String(key, Redacted), true
}
