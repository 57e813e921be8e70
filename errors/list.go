package errors

import (
	"strconv"
	"strings"
)

// List is every violation found in one request, in a deterministic order.
// A non-empty List is an error whose Unwrap returns each *Violation, so
// errors.Is(err, CodeConflict) and errors.As(err, &v) (v a *Violation)
// work on it directly. The empty List is no error; use [List.Err] to turn a
// List into an error value without the typed-nil trap.
type List []Violation

// Error summarizes the list: the count, then each violation.
func (l List) Error() string {
	var b strings.Builder
	switch len(l) {
	case 0:
		return "no violations"
	case 1:
		b.WriteString("1 violation: ")
	default:
		b.WriteString(strconv.Itoa(len(l)))
		b.WriteString(" violations: ")
	}
	for i := range l {
		if i > 0 {
			b.WriteString("; ")
		}
		b.WriteString(l[i].Error())
	}
	return b.String()
}

// Unwrap returns each violation as an error (a *Violation).
func (l List) Unwrap() []error {
	if len(l) == 0 {
		return nil
	}
	errs := make([]error, len(l))
	for i := range l {
		errs[i] = &l[i]
	}
	return errs
}

// HasErrors reports whether at least one violation has SeverityError.
func (l List) HasErrors() bool {
	for i := range l {
		if l[i].Severity == SeverityError {
			return true
		}
	}
	return false
}

// Err returns l as an error when it holds at least one violation of
// SeverityError, and nil otherwise (warnings alone are no error). The
// returned error still holds the warnings.
func (l List) Err() error {
	if l.HasErrors() {
		return l
	}
	return nil
}

// Count returns the number of violations of severity s.
func (l List) Count(s Severity) int {
	n := 0
	for i := range l {
		if l[i].Severity == s {
			n++
		}
	}
	return n
}

// Filter returns the violations for which keep returns true, in order.
func (l List) Filter(keep func(*Violation) bool) List {
	var out List
	for i := range l {
		if keep(&l[i]) {
			out = append(out, l[i])
		}
	}
	return out
}

// MarshalJSON encodes l as a JSON array of violations; the empty list is [].
func (l List) MarshalJSON() ([]byte, error) {
	return l.AppendJSON(make([]byte, 0, 64+160*len(l))), nil
}

// AppendJSON appends the JSON array of l to b, as MarshalJSON encodes it.
func (l List) AppendJSON(b []byte) []byte {
	b = append(b, '[')
	for i := range l {
		if i > 0 {
			b = append(b, ',')
		}
		b = l[i].appendJSON(b)
	}
	return append(b, ']')
}
