// Package pattern holds the hand-written checks behind the catalog's
// pattern rules. Each is a plain function over a string that allocates
// nothing; pattern_test.go and the fuzz targets hold each one against the
// regular expression it implements.
package pattern

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Regular expressions implemented by the functions of this package, for
// documentation and for the tests that compare the two.
const (
	EmailRegexp    = `^[a-zA-Z0-9._%+-]+@[a-zA-Z0-9.-]+\.[a-zA-Z]{2,63}$`
	E164Regexp     = `^\+[1-9][0-9]{1,14}$`
	UsernameRegexp = `^[a-zA-Z0-9_\-.@]*$`
	TagKeyRegexp   = `^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$`
)

func isASCIILetter(c byte) bool { return c|0x20 >= 'a' && c|0x20 <= 'z' }
func isDigit(c byte) bool       { return c >= '0' && c <= '9' }

// UsernameChars reports whether s holds only A-Z a-z 0-9 _ - . @.
func UsernameChars(s string) bool {
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !isASCIILetter(c) && !isDigit(c) && c != '_' && c != '-' && c != '.' && c != '@' {
			return false
		}
	}
	return true
}

// Email reports whether s matches [EmailRegexp].
func Email(s string) bool {
	at := strings.IndexByte(s, '@')
	if at <= 0 {
		return false
	}
	for i := 0; i < at; i++ {
		c := s[i]
		if !isASCIILetter(c) && !isDigit(c) && c != '.' && c != '_' && c != '%' && c != '+' && c != '-' {
			return false
		}
	}
	domain := s[at+1:]
	dot := strings.LastIndexByte(domain, '.')
	if dot <= 0 {
		return false
	}
	for i := 0; i < dot; i++ {
		c := domain[i]
		if !isASCIILetter(c) && !isDigit(c) && c != '.' && c != '-' {
			return false
		}
	}
	tld := domain[dot+1:]
	if len(tld) < 2 || len(tld) > 63 {
		return false
	}
	for i := 0; i < len(tld); i++ {
		if !isASCIILetter(tld[i]) {
			return false
		}
	}
	return true
}

// E164 reports whether s matches [E164Regexp]: a plus sign and 2 to 15
// digits, the first not 0.
func E164(s string) bool {
	if len(s) < 3 || len(s) > 16 || s[0] != '+' || s[1] < '1' || s[1] > '9' {
		return false
	}
	for i := 2; i < len(s); i++ {
		if !isDigit(s[i]) {
			return false
		}
	}
	return true
}

// Password reports whether s holds at least one of a-z, one of A-Z and one
// of 0-9, and no Unicode white space. Length is checked apart.
func Password(s string) bool {
	var lower, upper, digit bool
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case c >= 'a' && c <= 'z':
				lower = true
			case c >= 'A' && c <= 'Z':
				upper = true
			case isDigit(c):
				digit = true
			case c == ' ' || (c >= '\t' && c <= '\r'):
				return false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if unicode.Is(unicode.White_Space, r) {
			return false
		}
		i += size
	}
	return lower && upper && digit
}

// tagKeyASCII marks the ASCII bytes a tag key may hold.
var tagKeyASCII = func() (t [utf8.RuneSelf]bool) {
	for c := 0; c < utf8.RuneSelf; c++ {
		b := byte(c)
		t[c] = isASCIILetter(b) || isDigit(b) || strings.IndexByte(" _.:/=+-@", b) >= 0
	}
	return t
}()

// TagKey reports whether s holds only Unicode letters (L), numbers (N),
// separators (Z) and _ . : / = + - @, as [TagKeyRegexp]. Invalid UTF-8 is
// not allowed.
func TagKey(s string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if !tagKeyASCII[c] {
				return false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			return false
		}
		if !unicode.IsLetter(r) && !unicode.IsNumber(r) && !unicode.Is(unicode.Z, r) {
			return false
		}
		i += size
	}
	return true
}

// ReservedTagKey reports whether s begins with "aws:" in any letter case.
func ReservedTagKey(s string) bool {
	return len(s) >= 4 && strings.EqualFold(s[:4], "aws:")
}

// Length returns the number of Unicode code points in s; each byte of
// invalid UTF-8 counts as one.
func Length(s string) int {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return utf8.RuneCountInString(s)
		}
	}
	return len(s)
}

// ARNID returns the identifier an ARN stands for: for
// arn:PARTITION:connect:REGION:ACCOUNT:instance/INSTANCE_ID, optionally
// followed by /RESOURCE_TYPE/ID, the last path segment. Any other s is
// returned as it is.
func ARNID(s string) string {
	if !strings.HasPrefix(s, "arn:") {
		return s
	}
	rest := s[4:]
	// PARTITION, connect, REGION, ACCOUNT.
	for field := 0; field < 4; field++ {
		i := strings.IndexByte(rest, ':')
		if i < 0 {
			return s
		}
		if field == 1 && rest[:i] != "connect" {
			return s
		}
		if field != 1 && field != 2 && i == 0 {
			return s
		}
		rest = rest[i+1:]
	}
	if !strings.HasPrefix(rest, "instance/") {
		return s
	}
	res := rest[len("instance/"):]
	parts := 1 + strings.Count(res, "/")
	if res == "" || (parts != 1 && parts != 3) {
		return s
	}
	id := res[strings.LastIndexByte(res, '/')+1:]
	if id == "" {
		return s
	}
	return id
}
