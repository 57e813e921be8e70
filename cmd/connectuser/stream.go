package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"

	"github.com/connectkit/createuser/user"
)

// valueReader splits standard input into the JSON values it holds, for a
// stream of concatenated (possibly pretty-printed) request documents or a
// JSON array of them. It does not parse: it follows strings, escapes and
// brackets to find where each value ends, and leaves every judgement of
// the bytes to the library, which reads each value as one document. A
// value longer than the limit is read through without being kept.
type valueReader struct {
	r    *bufio.Reader
	max  int
	line int // the line of the next byte, 1-based
}

// errNoValue is returned by next at the end of the input.
var errNoValue = errors.New("no value")

// skipSpace skips white space, counting lines; it returns the next byte
// without consuming it, or io.EOF.
func (vr *valueReader) skipSpace() (byte, error) {
	for {
		c, err := vr.r.ReadByte()
		if err != nil {
			return 0, err
		}
		switch c {
		case '\n':
			vr.line++
		case ' ', '\t', '\r':
		default:
			return c, vr.r.UnreadByte()
		}
	}
}

// next reads the next value into buf[:0]: its bytes (nil and tooLong when
// longer than the limit) and the line it starts on. At the end of the
// input it returns errNoValue.
func (vr *valueReader) next(buf []byte) (data []byte, line int, tooLong bool, err error) {
	c, err := vr.skipSpace()
	if err == io.EOF {
		return nil, 0, false, errNoValue
	}
	if err != nil {
		return nil, 0, false, err
	}
	line, data = vr.line, buf[:0]
	keep := func(b byte) {
		if tooLong {
			return
		}
		if len(data) >= vr.max {
			tooLong, data = true, nil
			return
		}
		data = append(data, b)
	}
	depth, inString, escaped := 0, false, false
	bare := c != '{' && c != '[' && c != '"'
	for {
		b, err := vr.r.ReadByte()
		if err == io.EOF {
			return data, line, tooLong, nil // an unfinished value: the library says what is missing
		}
		if err != nil {
			return nil, 0, false, err
		}
		if bare {
			// A bare word (a number, true, or junk) ends before white
			// space, a bracket, a quote or a comma; a stray closing
			// bracket or comma is a value of its own.
			switch b {
			case ' ', '\t', '\r', '\n', '{', '[', '}', ']', ',', '"':
				if len(data) > 0 || tooLong {
					return data, line, tooLong, vr.r.UnreadByte()
				}
				keep(b)
				return data, line, tooLong, nil
			}
			keep(b)
			continue
		}
		if b == '\n' {
			vr.line++
		}
		keep(b)
		switch {
		case inString:
			switch {
			case escaped:
				escaped = false
			case b == '\\':
				escaped = true
			case b == '"':
				inString = false
				if depth == 0 {
					return data, line, tooLong, nil
				}
			}
		case b == '"':
			inString = true
		case b == '{' || b == '[':
			depth++
		case b == '}' || b == ']':
			depth--
			if depth <= 0 {
				return data, line, tooLong, nil
			}
		}
	}
}

// stream submits each value of vr as a document of source "-". A stream
// of one document is reported without a line, as a file holding one
// document is; with more, each carries the line it starts on. An array
// (inArray) is read element by element: the opening bracket has been
// consumed, and commas and the closing bracket are expected between and
// after the elements.
func (f *feeder) stream(vr *valueReader, inArray bool) bool {
	quoted := quote(stdinName)
	var pending *job // the first document, held until a second shows it is a stream
	count := 0
	submit := func(j *job) {
		if count > 1 || inArray {
			j.origin.Line = j.firstLine
		}
		f.p.submit(j)
	}
	fail := func(err error) bool {
		if pending != nil {
			submit(pending)
			pending = nil
		}
		return f.fail(fmt.Errorf("read standard input: %w", err))
	}
	for {
		if inArray && count > 0 {
			c, err := vr.skipSpace()
			switch {
			case err == io.EOF:
				return fail(fmt.Errorf("line %d: the array of documents does not end (a ] is missing)", vr.line))
			case err != nil:
				return fail(err)
			case c == ']':
				_, _ = vr.r.ReadByte()
				inArray = false
				if _, err := vr.skipSpace(); err != io.EOF {
					return fail(fmt.Errorf("line %d: something follows the array of documents", vr.line))
				}
				continue
			case c != ',':
				return fail(fmt.Errorf("line %d: expected , or ] after a document of the array", vr.line))
			}
			_, _ = vr.r.ReadByte()
		}
		if inArray && count == 0 {
			if c, err := vr.skipSpace(); err == nil && c == ']' {
				_, _ = vr.r.ReadByte()
				return true // an empty array: no document
			}
		}
		j := f.p.acquire()
		if j == nil {
			return false
		}
		data, line, tooLong, err := vr.next(j.data)
		if errors.Is(err, errNoValue) {
			f.p.release(j)
			if inArray {
				return fail(fmt.Errorf("line %d: the array of documents does not end (a ] is missing)", vr.line))
			}
			if pending != nil {
				submit(pending)
			}
			return true
		}
		if err != nil {
			f.p.release(j)
			return fail(err)
		}
		count++
		j.origin = user.Origin{Source: stdinName}
		j.quoted, j.data, j.tooLarge, j.firstLine = quoted, data, tooLong, line
		switch {
		case count == 1 && !inArray:
			pending = j
		case pending != nil:
			submit(pending)
			pending = nil
			submit(j)
		default:
			submit(j)
		}
	}
}
