package errors

import "fmt"

// Severity says how sure a rule is that the service rejects a value.
// Warnings are milder than errors: Warning < Error.
type Severity uint8

const (
	// SeverityWarning: the documentation objects but the service has been
	// seen to accept the value, or the value has no effect, or it lacks what
	// makes it work.
	SeverityWarning Severity = iota + 1
	// SeverityError: the service rejects the request, or creates a user
	// who can never sign in.
	SeverityError
)

// String returns "error" or "warning".
func (s Severity) String() string {
	switch s {
	case SeverityError:
		return "error"
	case SeverityWarning:
		return "warning"
	}
	return "Severity(" + fmt.Sprint(uint8(s)) + ")"
}

// MarshalText encodes s as "error" or "warning".
func (s Severity) MarshalText() ([]byte, error) {
	switch s {
	case SeverityError, SeverityWarning:
		return []byte(s.String()), nil
	}
	return nil, fmt.Errorf("errors: invalid severity %d", uint8(s))
}

// UnmarshalText decodes "error" or "warning".
func (s *Severity) UnmarshalText(b []byte) error {
	switch string(b) {
	case "error":
		*s = SeverityError
	case "warning":
		*s = SeverityWarning
	default:
		return fmt.Errorf("errors: unknown severity %q", b)
	}
	return nil
}
