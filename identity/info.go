package identity

import (
	"encoding/json"
	"log/slog"
)

// Info is the IdentityInfo member: the user's personal data. Every member
// is optional on the wire; which ones the service requires depends on the
// identity management [Type]. All of them are sensitive.
type Info struct {
	// FirstName is the user's first name, at most 255 characters, in
	// Unicode Normalization Form C.
	FirstName *Secret `json:"FirstName,omitempty"`
	// LastName is the user's last name, at most 256 characters under
	// CONNECT_MANAGED and 300 otherwise, in Normalization Form C.
	LastName *Secret `json:"LastName,omitempty"`
	// Email is the user's primary email address.
	Email *Secret `json:"Email,omitempty"`
	// SecondaryEmail is an address for notifications.
	SecondaryEmail *Secret `json:"SecondaryEmail,omitempty"`
	// Mobile is the user's mobile number in E.164 form (+15555551212).
	Mobile *Secret `json:"Mobile,omitempty"`
}

func marshalString(s string) ([]byte, error) { return json.Marshal(s) }

// LogValue records which members are set, each as [Redacted], so that a
// JSON log handler (which would otherwise encode the struct with
// encoding/json, the wire form) never records personal data.
func (i Info) LogValue() slog.Value {
	attrs := make([]slog.Attr, 0, 5)
	for _, m := range []struct {
		key string
		s   *Secret
	}{{"FirstName", i.FirstName}, {"LastName", i.LastName}, {"Email", i.Email}, {"SecondaryEmail", i.SecondaryEmail}, {"Mobile", i.Mobile}} {
		if a, ok := RedactedAttr(m.key, m.s); ok {
			attrs = append(attrs, a)
		}
	}
	return slog.GroupValue(attrs...)
}
