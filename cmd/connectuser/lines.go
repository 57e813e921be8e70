package main

import (
	"bufio"
	"errors"
	"io"
)

// readBufferSize is the size of the buffered readers over the inputs.
const readBufferSize = 64 << 10

// lineReader reads JSON Lines. It hands out each non-blank line with its
// 1-based number (blank lines are skipped but counted) and tells a line
// longer than the limit without holding it: such a line is read through
// and dropped a buffer at a time, so memory stays bounded by the limit
// whatever the input.
type lineReader struct {
	r    *bufio.Reader
	max  int // the longest line handed out, in bytes, without its line end
	line int // the number of the last line read
}

func newLineReader(r io.Reader, limit int) *lineReader {
	br, ok := r.(*bufio.Reader)
	if !ok {
		br = bufio.NewReaderSize(r, readBufferSize)
	}
	return &lineReader{r: br, max: limit}
}

// next reads the next non-blank line into buf[:0] and returns it without
// its line end ("\n" or "\r\n"), with its number. A line longer than the
// limit comes back as tooLong, with data nil. At the end of the input
// next returns io.EOF; a last line without a line end still counts. Any
// other error is the reader's.
func (lr *lineReader) next(buf []byte) (data []byte, line int, tooLong bool, err error) {
	for {
		data, tooLong, blank, err := lr.read(buf)
		if err != nil {
			return nil, 0, false, err
		}
		if !blank {
			return data, lr.line, tooLong, nil
		}
	}
}

// read reads one line, blank or not.
func (lr *lineReader) read(buf []byte) (data []byte, tooLong, blank bool, err error) {
	buf = buf[:0]
	blank = true
	read := 0
	for {
		frag, err := lr.r.ReadSlice('\n')
		read += len(frag)
		if blank && !isBlank(frag) {
			blank = false
		}
		// Keep at most the limit plus a "\r\n" line end; past that the
		// line is too long and the rest of it is only looked at.
		if !tooLong {
			if len(buf)+len(frag) <= lr.max+2 {
				buf = append(buf, frag...)
			} else {
				tooLong, buf = true, buf[:0]
			}
		}
		switch {
		case err == nil: // the line end
		case errors.Is(err, bufio.ErrBufferFull):
			continue
		case err == io.EOF && read > 0: // a last line without a line end
		default:
			return nil, false, false, err
		}
		lr.line++
		if tooLong || blank {
			return nil, tooLong && !blank, blank, nil
		}
		buf = trimLineEnd(buf)
		if len(buf) > lr.max {
			return nil, true, false, nil
		}
		return buf, false, false, nil
	}
}

// trimLineEnd removes a trailing "\n" or "\r\n".
func trimLineEnd(b []byte) []byte {
	if n := len(b); n > 0 && b[n-1] == '\n' {
		b = b[:n-1]
		if n := len(b); n > 0 && b[n-1] == '\r' {
			b = b[:n-1]
		}
	}
	return b
}

// isBlank reports whether b holds only JSON white space.
func isBlank(b []byte) bool {
	for _, c := range b {
		if c != ' ' && c != '\t' && c != '\r' && c != '\n' {
			return false
		}
	}
	return true
}
