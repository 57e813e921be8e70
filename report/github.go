package report

import (
	"strconv"
	"strings"

	cuerrors "github.com/connectkit/createuser/errors"
)

// AppendGitHub appends the GitHub Actions workflow commands for the
// violations of d, one line each, which GitHub shows as annotations on the
// file, its line and its column:
//
//	::error file=users/alice.json,line=3,col=5,title=username.pattern::Username: Username may contain only … (value "john smith")
//
// Errors are ::error, warnings ::warning. The message is "Field: Message"
// with the value and related paths where there are some. Values are
// escaped as the runner requires: in the message %, CR and LF; in the
// properties also ':' and ','.
func AppendGitHub(b []byte, d *Document) []byte {
	for i := range d.Violations {
		v := &d.Violations[i]
		line, col := position(d, v)
		if v.Severity == cuerrors.SeverityError {
			b = append(b, "::error file="...)
		} else {
			b = append(b, "::warning file="...)
		}
		b = appendGitHubProperty(b, d.Source)
		b = append(b, ",line="...)
		b = strconv.AppendInt(b, int64(line), 10)
		b = append(b, ",col="...)
		b = strconv.AppendInt(b, int64(col), 10)
		b = append(b, ",title="...)
		b = appendGitHubProperty(b, v.Rule)
		b = append(b, "::"...)
		b = appendGitHubData(b, Message(v))
		b = append(b, '\n')
	}
	return b
}

// Message returns the one-line message a report gives for v: "Field:
// Message", or the message alone for the document, then the value and
// the related paths where there are some: " (value "x"; related A, B)".
func Message(v *cuerrors.Violation) string {
	var b strings.Builder
	if !v.Field.IsRoot() {
		b.WriteString(v.Field.String())
		b.WriteString(": ")
	}
	b.WriteString(v.Message)
	hasValue := !v.Value.IsZero()
	if hasValue || len(v.Related) > 0 {
		b.WriteString(" (")
		if hasValue {
			b.WriteString("value ")
			b.WriteString(v.Value.String())
		}
		if len(v.Related) > 0 {
			if hasValue {
				b.WriteString("; ")
			}
			b.WriteString("related ")
			for i, r := range v.Related {
				if i > 0 {
					b.WriteString(", ")
				}
				b.WriteString(r.String())
			}
		}
		b.WriteByte(')')
	}
	return b.String()
}

// appendGitHubData appends s escaped as the data of a workflow command:
// % as %25, CR as %0D and LF as %0A (the runner's escapeData).
func appendGitHubData(b []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '%':
			b = append(b, "%25"...)
		case '\r':
			b = append(b, "%0D"...)
		case '\n':
			b = append(b, "%0A"...)
		default:
			b = append(b, c)
		}
	}
	return b
}

// appendGitHubProperty appends s escaped as the value of a workflow
// command's property: as data, and ':' as %3A and ',' as %2C (the
// runner's escapeProperty).
func appendGitHubProperty(b []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case ':':
			b = append(b, "%3A"...)
		case ',':
			b = append(b, "%2C"...)
		default:
			b = appendGitHubData(b, s[i:i+1])
		}
	}
	return b
}
