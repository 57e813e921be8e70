package errors

import "strconv"

type valueKind uint8

const (
	valueNone valueKind = iota
	valueString
	valueInt
	valueBool
)

// Value is the offending value of a violation, kept only for members that
// are not sensitive. The zero Value means "no value" and is left out of
// JSON; a Value never allocates.
type Value struct {
	kind valueKind
	s    string
	n    int64
}

// StringValue returns a Value holding s.
func StringValue(s string) Value { return Value{kind: valueString, s: s} }

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
