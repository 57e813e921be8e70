package main

import (
	"cmp"
	"io"
	"os"
	"slices"
	"strconv"
	"unicode"
	"unicode/utf8"

	cuerrors "github.com/connectkit/createuser/errors"
)

// The reports of `connectuser validate`. Both are built from the violation
// list alone (field, code, severity, rule, message, related, value), never
// from the input: the library leaves sensitive members out of violations,
// so nothing here can echo them.

// appendJSONReport appends the JSON Lines record of a document:
// {"source":...,"line":N,"valid":...,"violations":[...]},
// with "line" only for JSON Lines input.
func appendJSONReport(b []byte, j *job) []byte {
	b = append(b, `{"source":`...)
	b = append(b, j.quoted...)
	if j.origin.Line > 0 {
		b = append(b, `,"line":`...)
		b = strconv.AppendInt(b, int64(j.origin.Line), 10)
	}
	b = append(b, `,"valid":`...)
	b = strconv.AppendBool(b, j.errors == 0 && j.lookupErr == nil)
	b = appendNotChecked(b, j)
	b = append(b, `,"violations":`...)
	b = j.list.AppendJSON(b)
	return append(b, "}\n"...)
}

// style holds the escape sequences of the text report; all empty without
// colour.
type style struct {
	bold, red, yellow, green, reset string
}

var (
	plain  = style{}
	colour = style{bold: "\x1b[1m", red: "\x1b[1;31m", yellow: "\x1b[33m", green: "\x1b[32m", reset: "\x1b[0m"}
)

// useColour reports whether the text report may use colour: only when w
// is a terminal, NO_COLOR is unset or empty (https://no-color.org) and
// TERM is not "dumb". A terminal is a character device; no dependency
// needed.
func useColour(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok || os.Getenv("NO_COLOR") != "" || os.Getenv("TERM") == "dumb" {
		return false
	}
	info, err := f.Stat()
	return err == nil && info.Mode()&os.ModeCharDevice != 0
}

// Widths of the columns of the text report.
const (
	severityWidth = len("warning")
	maxFieldWidth = 50 // a longer field shifts its own line only
)

// appendTextReport appends the text report of a document: nothing for a
// document without violations, else its name (with :line for JSON Lines)
// and one line per violation, by position: the member's position as FILE:LINE:COLUMN
// (which terminals and editors open), severity, field, code, message,
// and the value and the related paths where there are some.
//
//	examples/documents/many-violations.json
//	  examples/documents/many-violations.json:3:5  error    Username  pattern  Username may contain only ... (value "john smith")
func appendTextReport(b []byte, j *job, s style) []byte {
	if len(j.list) == 0 {
		return b
	}
	b = append(b, s.bold...)
	b = appendSafe(b, j.origin.String())
	b = append(b, s.reset...)
	b = append(b, '\n')
	fieldWidth, codeWidth, posWidth := 0, 0, 0
	for i := range j.list {
		posWidth = max(posWidth, utf8.RuneCountInString(textPosition(j, &j.list[i])))
		fieldWidth = max(fieldWidth, utf8.RuneCountInString(fieldName(&j.list[i])))
		codeWidth = max(codeWidth, len(j.list[i].Code))
	}
	fieldWidth = min(fieldWidth, maxFieldWidth)
	for _, i := range byPosition(j.list) {
		v := &j.list[i]
		b = append(b, "  "...)
		b = appendPadded(b, textPosition(j, v), posWidth)
		b = append(b, "  "...)
		switch v.Severity {
		case cuerrors.SeverityError:
			b = append(b, s.red...)
		case cuerrors.SeverityWarning:
			b = append(b, s.yellow...)
		}
		b = appendPadded(b, v.Severity.String(), severityWidth)
		b = append(b, s.reset...)
		b = append(b, "  "...)
		b = appendPadded(b, fieldName(v), fieldWidth)
		b = append(b, "  "...)
		b = appendPadded(b, string(v.Code), codeWidth)
		b = append(b, "  "...)
		b = appendSafe(b, v.Message)
		b = appendDetails(b, v)
		b = append(b, '\n')
	}
	return b
}

// byPosition returns the indexes of l in the order of the positions of
// its violations: by line, then column, then as l has them (a violation
// without a position first).
func byPosition(l cuerrors.List) []int {
	order := make([]int, len(l))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int {
		return cmp.Or(cmp.Compare(l[a].Line, l[b].Line), cmp.Compare(l[a].Column, l[b].Column))
	})
	return order
}

// textPosition is the position of v as the text report shows it:
// FILE:LINE:COLUMN, or FILE alone when v has none.
func textPosition(j *job, v *cuerrors.Violation) string {
	if v.Line == 0 {
		return j.origin.Source
	}
	return j.origin.Source + ":" + strconv.Itoa(v.Line) + ":" + strconv.Itoa(v.Column)
}

// fieldName is the field as the text report shows it.
func fieldName(v *cuerrors.Violation) string {
	if v.Field.IsRoot() {
		return "(document)"
	}
	return v.Field.String()
}

// appendDetails appends " (value V; related P, Q)" for what v has of them.
func appendDetails(b []byte, v *cuerrors.Violation) []byte {
	hasValue := !v.Value.IsZero()
	if !hasValue && len(v.Related) == 0 {
		return b
	}
	b = append(b, " ("...)
	if hasValue {
		b = append(b, "value "...)
		b = append(b, v.Value.String()...)
	}
	if len(v.Related) > 0 {
		if hasValue {
			b = append(b, "; "...)
		}
		b = append(b, "related "...)
		for i, r := range v.Related {
			if i > 0 {
				b = append(b, ", "...)
			}
			b = appendSafe(b, r.String())
		}
	}
	return append(b, ')')
}

// appendPadded appends s (as appendSafe does) and spaces up to width
// characters.
func appendPadded(b []byte, s string, width int) []byte {
	b = appendSafe(b, s)
	for n := utf8.RuneCountInString(s); n < width; n++ {
		b = append(b, ' ')
	}
	return b
}

// appendSafe appends s for a terminal: control characters (a tag key or a
// file name may hold an escape sequence or a line end) and invalid UTF-8
// are written as Go escapes, \x1b or \n, so that a report line stays one
// line and cannot drive the terminal.
func appendSafe(b []byte, s string) []byte {
	for i := 0; i < len(s); {
		c := s[i]
		if c >= 0x20 && c < 0x7f {
			b = append(b, c)
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if (r == utf8.RuneError && size == 1) || unicode.IsControl(r) || r == '\u2028' || r == '\u2029' {
			q := strconv.QuoteToASCII(s[i : i+size])
			b = append(b, q[1:len(q)-1]...)
		} else {
			b = append(b, s[i:i+size]...)
		}
		i += size
	}
	return b
}

// totals counts what a run found.
type totals struct {
	documents, valid, errors, warnings, unreadable int
	strict                                         bool // --strict: warnings fail
	lookups                                        int  // documents whose instance look-up failed
	notChecked                                     int  // documents not checked against the instance (a look-up failed)
	failedCalls                                    []string
}

// appendSummary appends the last line of the text report:
// "6 documents, 3 valid, 15 errors, 4 warnings" (and the documents not
// checked against the instance, and the unreadable paths).
func appendSummary(b []byte, t totals, s style) []byte {
	ok := t.errors == 0 && t.unreadable == 0 && t.notChecked == 0 && !(t.strict && t.warnings > 0)
	if ok {
		b = append(b, s.green...)
	} else {
		b = append(b, s.red...)
	}
	b = appendCount(b, t.documents, "document", "documents")
	b = append(b, ", "...)
	b = strconv.AppendInt(b, int64(t.valid), 10)
	b = append(b, " valid"...)
	b = appendNotCheckedSummary(b, t)
	b = append(b, ", "...)
	b = appendCount(b, t.errors, "error", "errors")
	b = append(b, ", "...)
	b = appendCount(b, t.warnings, "warning", "warnings")
	if t.strict && t.warnings > 0 {
		b = append(b, " (failing: --strict)"...)
	}
	if t.unreadable > 0 {
		b = append(b, ", "...)
		b = appendCount(b, t.unreadable, "unreadable path", "unreadable paths")
	}
	b = append(b, s.reset...)
	return append(b, '\n')
}

func appendCount(b []byte, n int, one, many string) []byte {
	b = strconv.AppendInt(b, int64(n), 10)
	b = append(b, ' ')
	if n == 1 {
		return append(b, one...)
	}
	return append(b, many...)
}
