package errors

// Code is the stable kind of a violation. The set is closed: the constants
// below are every code the library reports, and their spelling never changes
// between releases, so programs may switch on them.
//
// A Code is also an error, so errors.Is finds a violation by its code from
// the top of a [List]:
//
//	if errors.Is(err, cuerrors.CodeRequired) { ... }
type Code string

// The codes of the rule catalog.
const (
	CodeRequired      Code = "required"      // a member that must be present is absent, null, "" or []
	CodeForbidden     Code = "forbidden"     // a member that must be absent is present
	CodeLength        Code = "length"        // a string too short or too long
	CodeCount         Code = "count"         // a list or map with too few or too many entries
	CodeRange         Code = "range"         // a number outside its bounds
	CodePattern       Code = "pattern"       // a string not of the required form
	CodeEnum          Code = "enum"          // a value outside the allowed set
	CodeConflict      Code = "conflict"      // two members that must not be set together
	CodeDuplicate     Code = "duplicate"     // the same value, key or member twice
	CodeChannel       Code = "channel"       // a channel that this configuration does not support
	CodeNormalization Code = "normalization" // a string not in Unicode Normalization Form C
	CodeReserved      Code = "reserved"      // a value in a namespace the service keeps for itself
	CodeReference     Code = "reference"     // a resource the instance does not have (instance checks)
	CodeSyntax        Code = "syntax"        // bytes that are not valid JSON or not valid UTF-8
	CodeType          Code = "type"          // a JSON value of the wrong type
	CodeUnknown       Code = "unknown"       // a member the request does not have
	CodeIgnored       Code = "ignored"       // a value that has no effect (warnings only)
	CodeIncomplete    Code = "incomplete"    // a value that lacks what makes it work (warnings only)
)

// Codes returns every code, in a fixed order (that of this package's
// constants).
func Codes() []Code {
	return []Code{
		CodeRequired, CodeForbidden, CodeLength, CodeCount, CodeRange,
		CodePattern, CodeEnum, CodeConflict, CodeDuplicate, CodeChannel,
		CodeNormalization, CodeReserved, CodeReference, CodeSyntax, CodeType,
		CodeUnknown, CodeIgnored, CodeIncomplete,
	}
}

// Known reports whether c is one of the codes of this package.
func (c Code) Known() bool {
	switch c {
	case CodeRequired, CodeForbidden, CodeLength, CodeCount, CodeRange,
		CodePattern, CodeEnum, CodeConflict, CodeDuplicate, CodeChannel,
		CodeNormalization, CodeReserved, CodeReference, CodeSyntax, CodeType,
		CodeUnknown, CodeIgnored, CodeIncomplete:
		return true
	}
	return false
}

// Error returns the code itself, so that a Code can be the target of
// errors.Is.
func (c Code) Error() string { return string(c) }
