package user

import (
	"encoding/binary"
	"strconv"
	"unicode/utf16"
	"unicode/utf8"

	cuerrors "github.com/connectkit/createuser/errors"
)

// maxDepth is the deepest nesting of objects and lists a request document
// may have. The request itself is four levels deep; the limit only matters
// for the values of unknown members, which are skipped.
const maxDepth = 64

// decoder reads one request document straight into the typed request. The
// scanning methods in this file know JSON; the readers in decode_shape.go
// know the request's shape.
//
// Every method stops at the first syntax error: it records one
// rDocumentSyntax violation, sets out.fatal, and from then on every method
// returns at once.
type decoder struct {
	data  []byte
	pos   int
	line0 int    // the lines of the source before the document (see ValidateDocumentAt)
	depth int    // objects and lists open at pos
	buf   []byte // unescaped contents of the last string with escapes
	// nameValid tells whether the last member name read by member was
	// valid UTF-8.
	nameValid bool
	// frames[l] is where the object or list open at level l sits; level
	// 0 is the document. The request is four levels deep.
	frames [4]at
	out    decoded
	// capped is set once MaxReadingViolations were reported; scratch
	// takes what report would have appended after that.
	capped  bool
	scratch cuerrors.Violation
	// op is the operation whose document is read; 0 is CreateUser.
	op opSet
}

// ws skips white space and returns the byte at the new position, or 0 at
// the end of the document.
func (d *decoder) ws() byte {
	data, i := d.data, d.pos
	for ; i < len(data); i++ {
		switch c := data[i]; c {
		case ' ', '\t', '\n', '\r':
		default:
			d.pos = i
			return c
		}
	}
	d.pos = i
	return 0
}

// syntax records a syntax error at the current position; expected says
// what the document should have held there. Nothing of the document's
// content is echoed: it could be a password.
func (d *decoder) syntax(expected string) {
	if d.out.fatal {
		return
	}
	line, col := d.lineColumn(d.pos)
	detail := "at line " + strconv.Itoa(line) + ", column " + strconv.Itoa(col)
	if d.pos >= len(d.data) {
		detail = "the document ends " + detail
	}
	v := d.report(rDocumentSyntax, cuerrors.Path{}, detail+": expected "+expected+".")
	v.Line, v.Column = line, col
	d.out.fatal = true
}

// lineColumn returns the 1-based line and column of byte offset pos. The
// column counts characters (Unicode code points), as the positions of
// every other violation do (see [Locate]); lines end at '\n'.
func (d *decoder) lineColumn(pos int) (line, col int) {
	line, col = 1, 1
	for i := 0; i < pos && i < len(d.data); i++ {
		switch c := d.data[i]; {
		case c == '\n':
			line, col = line+1, 1
		case c&0xC0 != 0x80:
			col++
		}
	}
	return d.line0 + line, col
}

// plainByte marks the bytes that a string holds as they are: everything
// but the quote, the backslash and the control characters. Bytes from 0x80
// are plain too; the string is checked for UTF-8 once it is read.
var plainByte = func() (t [256]bool) {
	for c := 0x20; c < 256; c++ {
		t[c] = c != '"' && c != '\\'
	}
	return t
}()

const (
	lowBits  = 0x0101010101010101
	highBits = 0x8080808080808080
)

// hasSpecialByte reports whether one of the eight bytes of w is a quote, a
// backslash or a control character (the classic bit tricks: a byte below
// n, a byte equal to c).
func hasSpecialByte(w uint64) bool {
	below := (w - lowBits*0x20) &^ w
	quote := w ^ lowBits*'"'
	backslash := w ^ lowBits*'\\'
	return (below|(quote-lowBits)&^quote|(backslash-lowBits)&^backslash)&highBits != 0
}

// str reads the string whose opening quote is at d.pos. It returns its
// contents, unescaped: a slice of the document when the string holds no
// escape, else d.buf, which the next string overwrites. valid is false
// when the raw bytes are not UTF-8; ok is false after a syntax error.
func (d *decoder) str() (s []byte, valid, ok bool) {
	data := d.data
	start := d.pos + 1
	var high byte // the OR of every byte: >= 0x80 when one is not ASCII
	i := start
	// Eight bytes at a time while none of them needs a look.
	var words uint64
	for ; i+8 <= len(data); i += 8 {
		w := binary.LittleEndian.Uint64(data[i:])
		if hasSpecialByte(w) {
			break
		}
		words |= w
	}
	if words&highBits != 0 {
		high = 0x80
	}
	for i < len(data) {
		c := data[i]
		if plainByte[c] {
			high |= c
			i++
			continue
		}
		if c == '"' {
			d.pos = i + 1
			s = data[start:i]
			return s, high < utf8.RuneSelf || utf8.Valid(s), true
		}
		if c == '\\' {
			return d.strEscaped(start, i, high)
		}
		d.pos = i
		d.syntax("a string without raw control characters (write them as escapes such as \\n)")
		return nil, false, false
	}
	d.pos = i
	d.syntax("the closing quote of a string")
	return nil, false, false
}

// strEscaped finishes str for a string that holds an escape at i.
func (d *decoder) strEscaped(start, i int, high byte) (s []byte, valid, ok bool) {
	data := d.data
	buf := append(d.buf[:0], data[start:i]...)
	for i < len(data) {
		c := data[i]
		switch {
		case plainByte[c]:
			run := i
			for i < len(data) && plainByte[data[i]] {
				high |= data[i]
				i++
			}
			buf = append(buf, data[run:i]...)
		case c == '"':
			d.pos = i + 1
			d.buf = buf
			return buf, high < utf8.RuneSelf || utf8.Valid(data[start:i]), true
		case c == '\\':
			if i+1 >= len(data) {
				d.pos = i + 1
				d.syntax("an escape sequence")
				return nil, false, false
			}
			switch e := data[i+1]; e {
			case '"', '\\', '/':
				buf = append(buf, e)
			case 'b':
				buf = append(buf, '\b')
			case 'f':
				buf = append(buf, '\f')
			case 'n':
				buf = append(buf, '\n')
			case 'r':
				buf = append(buf, '\r')
			case 't':
				buf = append(buf, '\t')
			case 'u':
				r := hex4(data[i+2:])
				if r < 0 {
					d.pos = i
					d.syntax("four hexadecimal digits after \\u")
					return nil, false, false
				}
				i += 6
				if utf16.IsSurrogate(r) {
					// A pair makes one character; a lone half becomes
					// U+FFFD, as encoding/json does.
					r2 := rune(-1)
					if i+1 < len(data) && data[i] == '\\' && data[i+1] == 'u' {
						r2 = hex4(data[i+2:])
					}
					if dec := utf16.DecodeRune(r, r2); dec != utf8.RuneError {
						r = dec
						i += 6
					} else {
						r = utf8.RuneError
					}
				}
				buf = utf8.AppendRune(buf, r)
				continue
			default:
				d.pos = i
				d.syntax(`a valid escape sequence (\" \\ \/ \b \f \n \r \t or \uXXXX)`)
				return nil, false, false
			}
			i += 2
		default:
			d.pos = i
			d.buf = buf
			d.syntax("a string without raw control characters (write them as escapes such as \\n)")
			return nil, false, false
		}
	}
	d.pos = i
	d.buf = buf
	d.syntax("the closing quote of a string")
	return nil, false, false
}

// hex4 returns the value of the four hexadecimal digits that b starts
// with, or -1.
func hex4(b []byte) rune {
	if len(b) < 4 {
		return -1
	}
	var r rune
	for _, c := range b[:4] {
		switch {
		case '0' <= c && c <= '9':
			c -= '0'
		case 'a' <= c && c <= 'f':
			c -= 'a' - 10
		case 'A' <= c && c <= 'F':
			c -= 'A' - 10
		default:
			return -1
		}
		r = r<<4 | rune(c)
	}
	return r
}

// num reads the number at d.pos. v is its integer part, clamped to the
// range of int64; integer is false when the number has a fraction or an
// exponent. ok is false after a syntax error.
func (d *decoder) num() (v int64, integer, ok bool) {
	data, i := d.data, d.pos
	neg := i < len(data) && data[i] == '-'
	if neg {
		i++
	}
	var u uint64
	switch {
	case i < len(data) && data[i] == '0':
		i++
	case i < len(data) && '1' <= data[i] && data[i] <= '9':
		for ; i < len(data) && '0' <= data[i] && data[i] <= '9'; i++ {
			if u <= (1<<64-1-9)/10 {
				u = u*10 + uint64(data[i]-'0')
			} else {
				u = 1<<64 - 1 // saturated: far beyond int64 anyway
			}
		}
	default:
		d.pos = i
		d.syntax("a digit")
		return 0, false, false
	}
	integer = true
	if i < len(data) && data[i] == '.' {
		integer = false
		i++
		if i >= len(data) || data[i] < '0' || data[i] > '9' {
			d.pos = i
			d.syntax("a digit after the decimal point")
			return 0, false, false
		}
		for i < len(data) && '0' <= data[i] && data[i] <= '9' {
			i++
		}
	}
	if i < len(data) && (data[i] == 'e' || data[i] == 'E') {
		integer = false
		i++
		if i < len(data) && (data[i] == '+' || data[i] == '-') {
			i++
		}
		if i >= len(data) || data[i] < '0' || data[i] > '9' {
			d.pos = i
			d.syntax("a digit in the exponent")
			return 0, false, false
		}
		for i < len(data) && '0' <= data[i] && data[i] <= '9' {
			i++
		}
	}
	d.pos = i
	switch {
	case !neg && u > 1<<63-1:
		v = 1<<63 - 1
	case neg && u >= 1<<63:
		v = -1 << 63
	case neg:
		v = -int64(u)
	default:
		v = int64(u)
	}
	return v, integer, true
}

// literal reads true, false or null, whichever word is, at d.pos.
func (d *decoder) literal(word string) bool {
	if len(d.data)-d.pos >= len(word) && string(d.data[d.pos:d.pos+len(word)]) == word {
		d.pos += len(word)
		return true
	}
	d.syntax("a value (a string, number, object, list, true, false or null)")
	return false
}

// kindOf names the JSON type of the value that starts with c, or returns
// "" when no value starts with c.
func kindOf(c byte) string {
	switch c {
	case '{':
		return "an object"
	case '[':
		return "a list"
	case '"':
		return "a string"
	case 't', 'f':
		return "a boolean"
	case 'n':
		return "null"
	case '-', '0', '1', '2', '3', '4', '5', '6', '7', '8', '9':
		return "a number"
	}
	return ""
}

// open consumes the opening brace or bracket of an object or list at
// d.pos.
func (d *decoder) open() {
	d.pos++
	d.depth++
}

// member reads the next member name of the object being read and the
// colon after it, and returns the name (valid until the next string is
// read). first is true for the first call after the opening brace. It
// returns ok false at the closing brace, which it consumes, and after a
// syntax error.
func (d *decoder) member(first bool) (name []byte, ok bool) {
	if d.out.fatal {
		return nil, false
	}
	c := d.ws()
	switch {
	case c == '}' && first:
		d.pos++
		d.depth--
		return nil, false
	case first:
	case c == ',':
		d.pos++
		c = d.ws()
	case c == '}':
		d.pos++
		d.depth--
		return nil, false
	default:
		d.syntax("',' or '}' after a member")
		return nil, false
	}
	if c != '"' {
		d.syntax("a member name in double quotes")
		return nil, false
	}
	name, d.nameValid, ok = d.str()
	if !ok {
		return nil, false
	}
	if d.ws() != ':' {
		d.syntax("':' after a member name")
		return nil, false
	}
	d.pos++
	return name, true
}

// element moves to the next element of the list being read, whose opening
// bracket was consumed. first is true for the first call. It returns false
// at the closing bracket, which it consumes, and after a syntax error.
func (d *decoder) element(first bool) bool {
	if d.out.fatal {
		return false
	}
	c := d.ws()
	switch {
	case c == ']' && first:
		d.pos++
		d.depth--
		return false
	case first:
		return true
	case c == ',':
		d.pos++
		d.ws()
		return true
	case c == ']':
		d.pos++
		d.depth--
		return false
	}
	d.syntax("',' or ']' after a list element")
	return false
}

// skipValue reads the value at d.pos without keeping it: it only checks
// the syntax. It does not recurse: a bit per level records whether the
// level is an object or a list. A nesting deeper than maxDepth is reported
// at a, the member whose value it is.
func (d *decoder) skipValue(a at) {
	var objects uint64 // bit k: level k of the skipped value is an object
	n := 0             // levels open inside the skipped value
	for !d.out.fatal {
		switch c := d.ws(); c {
		case '{', '[':
			if d.depth+n+1 > maxDepth {
				d.report(rDocumentTooDeep, d.pathOf(a), "more than "+strconv.Itoa(maxDepth)+" levels of objects and lists.")
				d.out.fatal = true
				return
			}
			closing := byte(']')
			if c == '{' {
				objects |= 1 << n
				closing = '}'
			} else {
				objects &^= 1 << n
			}
			n++
			d.pos++
			if d.ws() == closing {
				d.pos++
				n--
				break
			}
			if c == '{' && !d.key() {
				return
			}
			continue // to the first value inside
		case '"':
			d.str()
		case 't':
			d.literal("true")
		case 'f':
			d.literal("false")
		case 'n':
			d.literal("null")
		default:
			if kindOf(c) == "" {
				d.syntax("a value (a string, number, object, list, true, false or null)")
				return
			}
			d.num()
		}
		// A value is complete: close what ends here, then move to the
		// next value.
		for !d.out.fatal {
			if n == 0 {
				return
			}
			inObject := objects&(1<<(n-1)) != 0
			c := d.ws()
			if c == ',' {
				d.pos++
				if inObject && !d.key() {
					return
				}
				break
			}
			if inObject && c == '}' || !inObject && c == ']' {
				d.pos++
				n--
				continue
			}
			if inObject {
				d.syntax("',' or '}' after a member")
			} else {
				d.syntax("',' or ']' after a list element")
			}
			return
		}
	}
}

// key reads a member name and its colon inside a skipped object.
func (d *decoder) key() bool {
	if d.ws() != '"' {
		d.syntax("a member name in double quotes")
		return false
	}
	if _, _, ok := d.str(); !ok {
		return false
	}
	if d.ws() != ':' {
		d.syntax("':' after a member name")
		return false
	}
	d.pos++
	return true
}
