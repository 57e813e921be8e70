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

// Err returns the violations of SeverityError as an error, and nil when
// there is none (warnings alone are no error). The error holds the errors
// only, so errors.Is(err, CodeRequired) is never true because of a
// warning; use [List.Warnings] for those.
func (l List) Err() error {
	if !l.HasErrors() {
		return nil
	}
	return l.Errors()
}

// Errors returns the violations of SeverityError, in order; nil when there
// is none. When every violation is an error it returns l itself.
func (l List) Errors() List { return l.only(SeverityError) }

// Warnings returns the violations of SeverityWarning, in order; nil when
// there is none.
func (l List) Warnings() List { return l.only(SeverityWarning) }

func (l List) only(s Severity) List {
	n := l.Count(s)
	switch n {
	case 0:
		return nil
	case len(l):
		return l
	}
	out := make(List, 0, n)
	for i := range l {
		if l[i].Severity == s {
			out = append(out, l[i])
		}
	}
	return out
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
