package errors

import (
	"strconv"
	"unicode/utf8"
)

type valueKind uint8

const (
	valueNone valueKind = iota
	valueString
	valueInt
	valueBool
)

// Value is the offending value of a violation, kept only for members that
// are not sensitive. The zero Value means "no value" and is left out of
// JSON.
//
// A string longer than [MaxValueBytes] bytes is cut: the Value holds its
// first bytes (about MaxValueBytes, ending on a character boundary)
// followed by "…" (U+2026), and [Value.Truncated] reports it. A cut string
// is always longer than MaxValueBytes, so a reader of the JSON tells it
// from one that was not cut. So a report
// never echoes a 10 MB member back, and a violation never keeps a large
// input alive. Otherwise a Value never allocates.
type Value struct {
	kind valueKind
	s    string
	n    int64 // the number, the boolean, or 1 for a cut string
}

// MaxValueBytes is the longest string a [Value] holds as it is; a longer
// one is cut (see [Value]). It is four times the longest length limit of
// the rule catalog (a tag value may have 256 characters, a character up
// to four bytes), so a value that breaks a limit by a little is shown
// whole, and only one far past every limit is cut.
const MaxValueBytes = 1024

// StringValue returns a Value holding s, cut as [Value] says when s is
// longer than [MaxValueBytes] bytes.
func StringValue(s string) Value {
	if len(s) <= MaxValueBytes {
		return Value{kind: valueString, s: s}
	}
	i := MaxValueBytes
	for j := 0; j < utf8.UTFMax && i > 0 && !utf8.RuneStart(s[i]); j++ {
		i-- // back to the start of the character that crosses the limit
	}
	if i+len(ellipsis) <= MaxValueBytes {
		// The cut string would be no longer than an uncut one, and a
		// reader of the JSON could not tell them apart: keep the
		// character that crosses the limit instead.
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return Value{kind: valueString, s: s[:i] + ellipsis, n: 1}
}

// ellipsis marks a cut string; maxCutBytes is the longest a cut string
// can be (a character that crosses the limit is kept, see StringValue).
const (
	ellipsis    = "…"
	maxCutBytes = MaxValueBytes + utf8.UTFMax + len(ellipsis)
)

// Truncated reports whether v holds a string cut because it was longer
// than [MaxValueBytes] bytes.
func (v Value) Truncated() bool { return v.kind == valueString && v.n == 1 }

// IntValue returns a Value holding n.
func IntValue(n int64) Value { return Value{kind: valueInt, n: n} }

// BoolValue returns a Value holding b.
func BoolValue(b bool) Value {
	if b {
		return Value{kind: valueBool, n: 1}
	}
	return Value{kind: valueBool}
}

// IsZero reports whether v holds no value.
func (v Value) IsZero() bool { return v.kind == valueNone }

// Interface returns the value as a string, int64 or bool, or nil.
func (v Value) Interface() any {
	switch v.kind {
	case valueString:
		return v.s
	case valueInt:
		return v.n
	case valueBool:
		return v.n != 0
	}
	return nil
}

// String renders the value for people: strings quoted, numbers and
// booleans bare, "" for no value.
func (v Value) String() string {
	switch v.kind {
	case valueString:
		return strconv.Quote(v.s)
	case valueInt:
		return strconv.FormatInt(v.n, 10)
	case valueBool:
		return strconv.FormatBool(v.n != 0)
	}
	return ""
}

// MarshalJSON encodes v as a JSON string, number or boolean, or null.
func (v Value) MarshalJSON() ([]byte, error) {
	switch v.kind {
	case valueString:
		return appendJSONString(nil, v.s), nil
	case valueInt:
		return strconv.AppendInt(nil, v.n, 10), nil
	case valueBool:
		return strconv.AppendBool(nil, v.n != 0), nil
	}
	return []byte("null"), nil
}
