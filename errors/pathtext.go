package errors

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// bareName reports whether a member name is written as it is: non-empty,
// valid UTF-8, without control characters and without the characters
// that make up paths.
func bareName(s string) bool {
	return s != "" && plain(s, `.[]"\#`)
}

// bareKey reports whether a map key is written as it is inside brackets:
// without control characters, the characters that end or quote a key, and
// not the form of an index.
func bareKey(s string) bool {
	return plain(s, `]"\#`) && !indexLike(s)
}

// plain reports whether s is valid UTF-8 without control characters and
// without any of the bytes in special.
func plain(s, special string) bool {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if c < 0x20 || c == 0x7f || strings.IndexByte(special, c) >= 0 {
				return false
			}
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 || unicode.IsControl(r) {
			return false
		}
		i += size
	}
	return true
}

// indexLike reports whether s has the form of a list index: an optional
// minus sign and decimal digits.
func indexLike(s string) bool {
	s = strings.TrimPrefix(s, "-")
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// quote writes s as a Go string literal with '#' as \x23, so that a quoted
// name never holds the '#' that ends a document name.
func quote(s string) string {
	return strings.ReplaceAll(strconv.Quote(s), "#", `\x23`)
}

// ParsePath reads a path as [Path.String] renders it:
// "AutoAcceptConfigs[1].Channel", "Tags[env]", "Tags", "" (the document
// itself), `"a.b"` (a quoted member name), `Tags["42"]` (a quoted key),
// "a.jsonl:3#Username" (a member of another document). For every Path p,
// ParsePath(p.String()) returns a Path equal to p.
//
// An index is a decimal integer in the range of int32 without leading
// zeros; any other text in brackets is a map key (Tags[007] is the key
// "007"). ParsePath returns an error for text that String never renders,
// such as "a..b", "a[1", `a"b` or "a]".
func ParsePath(s string) (Path, error) {
	var p Path
	if i := strings.LastIndexByte(s, '#'); i >= 0 {
		p.doc, s = s[:i], s[i+1:]
	}
	r := pathReader{s: s}
	for r.i < len(r.s) {
		switch c := r.s[r.i]; {
		case c == '[':
			r.i++
			q, err := r.bracket(p)
			if err != nil {
				return Path{}, r.fail(err)
			}
			p = q
		case c == '.' && p.n > 0:
			r.i++
			name, err := r.name()
			if err != nil {
				return Path{}, r.fail(err)
			}
			p = p.Child(name)
		case p.n == 0:
			name, err := r.name()
			if err != nil {
				return Path{}, r.fail(err)
			}
			p = p.Child(name)
		default:
			return Path{}, r.fail(fmt.Errorf("unexpected %q", c))
		}
	}
	return p, nil
}

// pathReader reads the text of a path from s[i:].
type pathReader struct {
	s string
	i int
}

func (r *pathReader) fail(err error) error {
	return fmt.Errorf("errors: invalid path %q at byte %d: %w", r.s, r.i, err)
}

// name reads a member name, bare or quoted.
func (r *pathReader) name() (string, error) {
	if r.i < len(r.s) && r.s[r.i] == '"' {
		return r.quoted()
	}
	start := r.i
	for r.i < len(r.s) && r.s[r.i] != '.' && r.s[r.i] != '[' {
		r.i++
	}
	name := r.s[start:r.i]
	if !bareName(name) {
		return "", fmt.Errorf("a member name that should be quoted: %q", name)
	}
	return name, nil
}

// bracket reads an index or a key and the closing bracket, and returns
// p with that segment.
func (r *pathReader) bracket(p Path) (Path, error) {
	if r.i < len(r.s) && r.s[r.i] == '"' {
		key, err := r.quoted()
		if err != nil {
			return Path{}, err
		}
		if r.i >= len(r.s) || r.s[r.i] != ']' {
			return Path{}, fmt.Errorf("a quoted key without ]")
		}
		r.i++
		return p.Key(key), nil
	}
	end := strings.IndexByte(r.s[r.i:], ']')
	if end < 0 {
		return Path{}, fmt.Errorf("[ without ]")
	}
	text := r.s[r.i : r.i+end]
	r.i += end + 1
	if indexLike(text) {
		n, err := strconv.ParseInt(text, 10, 32)
		if err != nil || strconv.FormatInt(n, 10) != text {
			return p.Key(text), nil
		}
		return p.Index(int(n)), nil
	}
	if !bareKey(text) {
		return Path{}, fmt.Errorf("a key that should be quoted: %q", text)
	}
	return p.Key(text), nil
}

// quoted reads a Go string literal.
func (r *pathReader) quoted() (string, error) {
	start := r.i
	r.i++ // the opening quote
	for r.i < len(r.s) {
		switch r.s[r.i] {
		case '\\':
			r.i += 2
			continue
		case '"':
			r.i++
			s, err := strconv.Unquote(r.s[start:r.i])
			if err != nil {
				return "", fmt.Errorf("a bad quoted name: %w", err)
			}
			return s, nil
		}
		r.i++
	}
	return "", fmt.Errorf("a quote without its end")
}
