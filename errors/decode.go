package errors

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"
)

// violationJSON is the report format of a Violation, for decoding.
type violationJSON struct {
	Field    *Path    `json:"field"`
	Code     *Code    `json:"code"`
	Severity Severity `json:"severity"`
	Rule     string   `json:"rule"`
	Message  string   `json:"message"`
	Related  []Path   `json:"related"`
	Value    Value    `json:"value"`
	Line     int      `json:"line"`
	Column   int      `json:"column"`
}

// UnmarshalJSON reads a violation in the report format that
// [Violation.MarshalJSON] writes: one line of `connectuser validate
// --format json` holds a list of them. field, code and severity are
// required; a code outside [Codes] is kept as it is (see [Code.Known]), so
// that a report from a newer release still reads. Unknown members are
// ignored. Strings are read as encoding/json reads them, so a message or
// value that held invalid UTF-8 comes back with U+FFFD in its place.
func (v *Violation) UnmarshalJSON(b []byte) error {
	var j violationJSON
	if err := json.Unmarshal(b, &j); err != nil {
		return fmt.Errorf("errors: reading a violation: %w", err)
	}
	switch {
	case j.Field == nil:
		return fmt.Errorf("errors: reading a violation: no field")
	case j.Code == nil:
		return fmt.Errorf("errors: reading a violation: no code")
	case j.Severity == 0:
		return fmt.Errorf("errors: reading a violation: no severity")
	}
	if len(j.Related) == 0 {
		j.Related = nil
	}
	*v = Violation{
		Field: *j.Field, Code: *j.Code, Severity: j.Severity, Rule: j.Rule, Message: j.Message,
		Related: j.Related, Value: j.Value, Line: j.Line, Column: j.Column,
	}
	return nil
}

// UnmarshalJSON reads a JSON string, integer, boolean or null into v, the
// inverse of [Value.MarshalJSON]. A string that [StringValue] cut (longer
// than [MaxValueBytes] and ending in "…") is read back as cut, so that
// [Value.Truncated] survives the round trip; any other string is read as
// StringValue reads it.
func (v *Value) UnmarshalJSON(b []byte) error {
	b = bytes.TrimSpace(b)
	switch {
	case string(b) == "null":
		*v = Value{}
	case string(b) == "true", string(b) == "false":
		*v = BoolValue(string(b) == "true")
	case len(b) > 0 && b[0] == '"':
		var s string
		if err := json.Unmarshal(b, &s); err != nil {
			return fmt.Errorf("errors: reading a value: %w", err)
		}
		if len(s) > MaxValueBytes && len(s) <= maxCutBytes && strings.HasSuffix(s, ellipsis) {
			*v = Value{kind: valueString, s: s, n: 1}
			return nil
		}
		*v = StringValue(s)
	default:
		n, err := strconv.ParseInt(string(b), 10, 64)
		if err != nil {
			return fmt.Errorf("errors: reading a value: %s is not a string, an integer, a boolean or null", b)
		}
		*v = IntValue(n)
	}
	return nil
}

// UnmarshalText reads a code as it is written; see [Code.Known] for
// whether it is one of this release's codes.
func (c *Code) UnmarshalText(b []byte) error {
	*c = Code(b)
	return nil
}
