package errors

import (
	"strconv"
	"strings"
	"unicode/utf8"
)

// Violation is one broken rule: where (Field), what kind (Code), how sure
// (Severity), which catalog rule (Rule) and a sentence for people
// (Message). Related names the other members involved, and Value holds the
// offending value when the member is not sensitive. Line and Column, when
// not 0, are the 1-based position in the document of the member that Field
// names (see the user package's ValidateDocument); typed input has none.
//
// A Violation never carries a password, a name, an email address or a
// phone number: messages are fixed per rule and Value is left empty for
// those members.
type Violation struct {
	Field    Path
	Code     Code
	Severity Severity
	Rule     string
	Message  string
	Related  []Path
	Value    Value
	// Line and Column are the 1-based position of the member in the
	// source document (Column counts characters: Unicode code points);
	// 0 means none.
	Line   int
	Column int
}

// Error returns "Field: Message (severity code)", or without "Field: "
// for the document. It has a value receiver, so a Violation prints the
// same however it is held (fmt.Println(list[0]), a pointer, a slice or a
// struct field, with %v and %+v).
func (v Violation) Error() string {
	var b strings.Builder
	if !v.Field.IsRoot() {
		b.WriteString(v.Field.String())
		b.WriteString(": ")
	}
	b.WriteString(v.Message)
	b.WriteString(" (")
	b.WriteString(v.Severity.String())
	b.WriteByte(' ')
	b.WriteString(string(v.Code))
	b.WriteByte(')')
	return b.String()
}

// Is reports whether target is v's Code, so that errors.Is(err, CodeRequired)
// finds a required-member violation anywhere in a List.
func (v Violation) Is(target error) bool {
	c, ok := target.(Code)
	return ok && c == v.Code
}

// MarshalJSON encodes v with the member names of the report format:
// field, code, severity, rule, message, and related, value, line and
// column when set. It has a value receiver, so a Violation encodes the
// same however it is held (a value, a pointer, a map element, a struct
// field); [Violation.UnmarshalJSON] reads it back into an equal Violation.
func (v Violation) MarshalJSON() ([]byte, error) {
	return v.appendJSON(make([]byte, 0, 128)), nil
}

func (v *Violation) appendJSON(b []byte) []byte {
	b = append(b, `{"field":`...)
	b = appendJSONString(b, v.Field.String())
	b = append(b, `,"code":`...)
	b = appendJSONString(b, string(v.Code))
	b = append(b, `,"severity":`...)
	b = appendJSONString(b, v.Severity.String())
	b = append(b, `,"rule":`...)
	b = appendJSONString(b, v.Rule)
	b = append(b, `,"message":`...)
	b = appendJSONString(b, v.Message)
	if len(v.Related) > 0 {
		b = append(b, `,"related":[`...)
		for i, r := range v.Related {
			if i > 0 {
				b = append(b, ',')
			}
			b = appendJSONString(b, r.String())
		}
		b = append(b, ']')
	}
	if !v.Value.IsZero() {
		b = append(b, `,"value":`...)
		j, _ := v.Value.MarshalJSON()
		b = append(b, j...)
	}
	if v.Line != 0 {
		b = append(b, `,"line":`...)
		b = strconv.AppendInt(b, int64(v.Line), 10)
	}
	if v.Column != 0 {
		b = append(b, `,"column":`...)
		b = strconv.AppendInt(b, int64(v.Column), 10)
	}
	return append(b, '}')
}

const hexDigits = "0123456789abcdef"

// appendJSONString appends s as a JSON string, escaping what JSON requires
// and replacing invalid UTF-8 with U+FFFD, as encoding/json does.
func appendJSONString(b []byte, s string) []byte {
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
			i += size
			start = i
			continue
		}
		if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hexDigits[r&0xF])
			i += size
			start = i
			continue
		}
		i += size
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}
