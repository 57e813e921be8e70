package pattern

import (
	"regexp"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

var (
	emailRE    = regexp.MustCompile(EmailRegexp)
	e164RE     = regexp.MustCompile(E164Regexp)
	usernameRE = regexp.MustCompile(UsernameRegexp)
	tagKeyRE   = regexp.MustCompile(TagKeyRegexp)
)

// passwordRef is the password rule written the obvious way.
func passwordRef(s string) bool {
	var lower, upper, digit bool
	for _, r := range s {
		switch {
		case unicode.Is(unicode.White_Space, r):
			return false
		case r >= 'a' && r <= 'z':
			lower = true
		case r >= 'A' && r <= 'Z':
			upper = true
		case r >= '0' && r <= '9':
			digit = true
		}
	}
	return lower && upper && digit
}

// checkAgainstRegexps compares every hand-written check with its reference.
func checkAgainstRegexps(t *testing.T, s string) {
	t.Helper()
	if got, want := Email(s), emailRE.MatchString(s); got != want {
		t.Errorf("Email(%q) = %v, regexp says %v", s, got, want)
	}
	if got, want := E164(s), e164RE.MatchString(s); got != want {
		t.Errorf("E164(%q) = %v, regexp says %v", s, got, want)
	}
	if got, want := UsernameChars(s), usernameRE.MatchString(s); got != want {
		t.Errorf("UsernameChars(%q) = %v, regexp says %v", s, got, want)
	}
	// Go's regexp reads invalid UTF-8 as U+FFFD, a symbol, which the class rejects.
	if got, want := TagKey(s), tagKeyRE.MatchString(s); got != want {
		t.Errorf("TagKey(%q) = %v, regexp says %v", s, got, want)
	}
	if got, want := Password(s), passwordRef(s); got != want {
		t.Errorf("Password(%q) = %v, reference says %v", s, got, want)
	}
	if chars, at, email := Username(s); chars != usernameRE.MatchString(s) || at != strings.Contains(s, "@") || email != emailRE.MatchString(s) {
		t.Errorf("Username(%q) = %v, %v, %v; want %v, %v, %v", s, chars, at, email, usernameRE.MatchString(s), strings.Contains(s, "@"), emailRE.MatchString(s))
	}
	if ok, n, valid := PasswordScan(s); ok != passwordRef(s) || n != utf8.RuneCountInString(s) || valid != utf8.ValidString(s) {
		t.Errorf("PasswordScan(%q) = %v, %d, %v", s, ok, n, valid)
	}
	if got, want := ASCII(s), !strings.ContainsFunc(s, func(r rune) bool { return r >= utf8.RuneSelf }); got != want {
		t.Errorf("ASCII(%q) = %v, want %v", s, got, want)
	}
	if got, want := Text(s), utf8.ValidString(s); got != want {
		t.Errorf("Text(%q) = %v, want %v", s, got, want)
	}
	if got, want := Length(s), utf8.RuneCountInString(s); got != want {
		t.Errorf("Length(%q) = %d, want %d", s, got, want)
	}
	if got, want := ReservedTagKey(s), len(s) >= 4 && strings.ToLower(s[:4]) == "aws:"; got != want {
		t.Errorf("ReservedTagKey(%q) = %v, want %v", s, got, want)
	}
}

var seeds = []string{
	"", "a", "mary@example.com", "testuser@example", "a@b.co", "a@b.c", "a@.co", "@b.co", "a@b..co", "a@b.co.", "a@b-c.d-e.fg",
	"a@b." + strings.Repeat("x", 63), "a@b." + strings.Repeat("x", 64), "a@@b.co", "a b@c.de", "first.last+tag%x@sub.example.museum",
	"a@b.c0m", "a@1.23", "ä@b.co", "+1", "+12", "+123456789012345", "+1234567890123456", "+0123", "++12", "+1 2", "12345", "+١٢٣",
	"Passw0rd", "password", "PASSWORD1", "Pass word1", "Pass\u00a0word1", "Pass\u3000word1", "Pässw0rd", "P4ss\tw", "\u0085Aa1",
	"aws:x", "AWS:x", "Aws:", "aws", "team", "tab\tkey", "e\u0301", "é", "日本語", "a_b.c:d/e=f+g-h@i", "k\u2028", "k\u00a0v", "k\x00",
	"bad\xff", "\xc3", "agent_1.x-y@z", "agent#1", "agent 1",
}

func TestChecksAgreeWithRegexps(t *testing.T) {
	for _, s := range seeds {
		checkAgainstRegexps(t, s)
	}
}

func FuzzPatterns(f *testing.F) {
	for _, s := range seeds {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		checkAgainstRegexps(t, s)
		if ARNID(s) != s && !strings.HasPrefix(s, "arn:") {
			t.Errorf("ARNID(%q) changed a non-ARN", s)
		}
	})
}

func TestARNID(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"12345678", "12345678"},
		{"arn:aws:connect:us-west-2:123456789012:instance/abc", "abc"},
		{"arn:aws:connect:us-west-2:123456789012:instance/abc/security-profile/sp1", "sp1"},
		{"arn:aws-us-gov:connect:us-gov-west-1:123456789012:instance/abc/routing-profile/rp", "rp"},
		{"arn:aws:connect:us-west-2:123456789012:instance/abc/security-profile", "arn:aws:connect:us-west-2:123456789012:instance/abc/security-profile"},
		{"arn:aws:s3:us-west-2:123456789012:instance/abc", "arn:aws:s3:us-west-2:123456789012:instance/abc"},
		{"arn:aws:connect:us-west-2:123456789012:agent/abc", "arn:aws:connect:us-west-2:123456789012:agent/abc"},
		{"arn:aws:connect:us-west-2:123456789012:instance/", "arn:aws:connect:us-west-2:123456789012:instance/"},
		{"arn:aws:connect", "arn:aws:connect"},
		{"arn:", "arn:"},
	} {
		if got := ARNID(tc.in); got != tc.want {
			t.Errorf("ARNID(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestChecksDoNotAllocate(t *testing.T) {
	s := "mary.major@example.com"
	n := testing.AllocsPerRun(100, func() {
		_ = Email(s) && E164("+15555551212") && UsernameChars(s) && TagKey("team-é") && Password("Passw0rd日本") && Length("日本") == 2
		_ = ARNID("arn:aws:connect:us-west-2:1:instance/abc/security-profile/sp1")
	})
	if n != 0 {
		t.Errorf("%v allocations", n)
	}
}
