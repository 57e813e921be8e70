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

// Character classes of the ASCII bytes, one bit per class, so that a scan
// asks one table look-up per byte.
const (
	classUsername uint8 = 1 << iota // A-Z a-z 0-9 _ - . @
	classLocal                      // an email's local part: A-Z a-z 0-9 . _ % + -
	classDomain                     // an email's domain: A-Z a-z 0-9 . -
	classLetter                     // A-Z a-z
	classLower                      // a-z
	classUpper                      // A-Z
	classDigit                      // 0-9
	classSpace                      // ASCII white space: \t \n \v \f \r and space
)

var class = func() (t [256]uint8) {
	for c := 0; c < utf8.RuneSelf; c++ {
		b := byte(c)
		alnum := isASCIILetter(b) || isDigit(b)
		if alnum || strings.IndexByte("_-.@", b) >= 0 {
			t[c] |= classUsername
		}
		if alnum || strings.IndexByte("._%+-", b) >= 0 {
			t[c] |= classLocal
		}
		if alnum || b == '.' || b == '-' {
			t[c] |= classDomain
		}
		if isASCIILetter(b) {
			t[c] |= classLetter
		}
		switch {
		case b >= 'a' && b <= 'z':
			t[c] |= classLower
		case b >= 'A' && b <= 'Z':
			t[c] |= classUpper
		case isDigit(b):
			t[c] |= classDigit
		case b == ' ' || (b >= '\t' && b <= '\r'):
			t[c] |= classSpace
		}
	}
	return t
}()

// UsernameChars reports whether s holds only A-Z a-z 0-9 _ - . @.
func UsernameChars(s string) bool {
	for i := 0; i < len(s); i++ {
		if class[s[i]]&classUsername == 0 {
			return false
		}
	}
	return true
}

// Username answers, in one scan, what the username rules ask: whether s
// holds only A-Z a-z 0-9 _ - . @ (so it is ASCII, and its length in
// characters is len(s)), whether it holds an @, and whether it matches
// [EmailRegexp].
func Username(s string) (chars, at, email bool) {
	atPos, dot, ats := -1, -1, 0
	under, letters := false, true
	for i := 0; i < len(s); i++ {
		c := s[i]
		k := class[c]
		switch {
		case k&classUsername == 0:
			return false, strings.IndexByte(s, '@') >= 0, Email(s)
		case c == '@':
			atPos, dot, ats, under, letters = i, -1, ats+1, false, true
		case c == '.':
			dot, letters = i, true
		case k&classLetter == 0:
			letters = false
			under = under || c == '_'
		}
	}
	// Every character of a username is allowed in an email's local part,
	// and all but _ and @ in its domain.
	tld := len(s) - dot - 1
	return true, ats > 0, ats == 1 && atPos > 0 && !under && dot > atPos+1 && letters && tld >= 2 && tld <= 63
}

// Email reports whether s matches [EmailRegexp]. A string that matches is
// ASCII, so its length in characters is len(s).
func Email(s string) bool {
	i := 0
	for i < len(s) && class[s[i]]&classLocal != 0 {
		i++
	}
	if i == 0 || i == len(s) || s[i] != '@' {
		return false
	}
	// The domain is [a-zA-Z0-9.-]+ then a dot and 2 to 63 letters: the
	// only dot that can end it is the last one.
	lastDot, letters := -1, true
	for j := i + 1; j < len(s); j++ {
		c := s[j]
		k := class[c]
		if k&classDomain == 0 {
			return false
		}
		if c == '.' {
			lastDot, letters = j, true
		} else if k&classLetter == 0 {
			letters = false
		}
	}
	tld := len(s) - lastDot - 1
	return lastDot > i+1 && letters && tld >= 2 && tld <= 63
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
	ok, _, _ := PasswordScan(s)
	return ok
}

// PasswordScan answers, in one scan of s, what the password rules ask:
// whether s matches [Password], its length in characters (as [Length]
// counts them) and whether it is valid UTF-8.
func PasswordScan(s string) (ok bool, length int, valid bool) {
	var seen uint8
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= utf8.RuneSelf {
			return passwordScan(s)
		}
		seen |= class[c]
	}
	const want = classLower | classUpper | classDigit
	return seen&(want|classSpace) == want, len(s), true
}

// passwordScan is PasswordScan for a string that is not ASCII.
func passwordScan(s string) (ok bool, length int, valid bool) {
	var lower, upper, digit, space bool
	valid = true
	for i := 0; i < len(s); {
		c := s[i]
		length++
		if c < utf8.RuneSelf {
			switch {
			case c >= 'a' && c <= 'z':
				lower = true
			case c >= 'A' && c <= 'Z':
				upper = true
			case isDigit(c):
				digit = true
			case c == ' ' || (c >= '\t' && c <= '\r'):
				space = true
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			valid = false
		} else if unicode.Is(unicode.White_Space, r) {
			space = true
		}
		i += size
	}
	return lower && upper && digit && !space, length, valid
}

// ASCII reports whether every byte of s is below 0x80 (so s is valid
// UTF-8 and its length in characters is len(s)).
func ASCII(s string) bool {
	return Bytes(s)&HighBits == 0
}

// HighBits has the high bit of each byte of a word set: Bytes(s)&HighBits
// is zero when s is ASCII.
const HighBits = 0x8080808080808080

// Bytes returns the OR of the bytes of s, eight at a time (with the last
// word overlapping the one before it), spread over the eight bytes of a
// word: it is cheap enough to run over every identifier of a request,
// and many strings can share one test against HighBits.
func Bytes(s string) uint64 {
	n := len(s)
	if n < 8 {
		var acc uint64
		if n >= 4 {
			acc = uint64(load32(s)) | uint64(load32(s[n-4:]))
		} else {
			for i := 0; i < n; i++ {
				acc |= uint64(s[i])
			}
		}
		return acc
	}
	acc := load64(s[n-8:])
	for i := 0; i+8 <= n; i += 8 {
		acc |= load64(s[i:])
	}
	return acc
}

func load64(s string) uint64 {
	_ = s[7]
	return uint64(s[0]) | uint64(s[1])<<8 | uint64(s[2])<<16 | uint64(s[3])<<24 |
		uint64(s[4])<<32 | uint64(s[5])<<40 | uint64(s[6])<<48 | uint64(s[7])<<56
}

func load32(s string) uint32 {
	_ = s[3]
	return uint32(s[0]) | uint32(s[1])<<8 | uint32(s[2])<<16 | uint32(s[3])<<24
}

// Text reports whether s is valid UTF-8, the ASCII case first.
func Text(s string) bool {
	return ASCII(s) || utf8.ValidString(s)
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
