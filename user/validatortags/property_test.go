package validatortags_test

import (
	"flag"
	"fmt"
	"os"
	"reflect"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/leanovate/gopter"
	"github.com/leanovate/gopter/gen"
	"github.com/leanovate/gopter/prop"
	"golang.org/x/text/unicode/norm"

	cuerrors "github.com/connectkit/createuser/errors"
	"github.com/connectkit/createuser/internal/pattern"
	"github.com/connectkit/createuser/user/validatortags"
)

// expected computes, straight from internal/pattern and the limits of the
// specification, the codes each string tag must report for s, in order.
var expected = map[string]func(s string) []cuerrors.Code{
	"connect_instance_id": func(s string) (c []cuerrors.Code) {
		c = when(c, s == "", cRequired)
		return when(c, utf8.RuneCountInString(s) > 100, cLength)
	},
	"connect_username": func(s string) (c []cuerrors.Code) {
		c = when(c, s == "", cRequired)
		c = when(c, utf8.RuneCountInString(s) > 100, cLength)
		return when(c, !pattern.UsernameChars(s), cPattern)
	},
	"connect_password": func(s string) (c []cuerrors.Code) {
		n := utf8.RuneCountInString(s)
		c = when(c, n < 8 || n > 64, cLength)
		return when(c, !pattern.Password(s), cPattern)
	},
	"connect_name": func(s string) (c []cuerrors.Code) {
		c = when(c, utf8.RuneCountInString(s) > 255, cLength)
		return when(c, !norm.NFC.IsNormalString(s), cNormalization)
	},
	"connect_first_name": func(s string) (c []cuerrors.Code) {
		c = when(c, utf8.RuneCountInString(s) > 255, cLength)
		return when(c, !norm.NFC.IsNormalString(s), cNormalization)
	},
	"connect_last_name": func(s string) (c []cuerrors.Code) {
		c = when(c, utf8.RuneCountInString(s) > 256, cLength)
		return when(c, !norm.NFC.IsNormalString(s), cNormalization)
	},
	"connect_email": func(s string) (c []cuerrors.Code) {
		c = when(c, !pattern.Email(s), cPattern)
		return when(c, utf8.RuneCountInString(s) > 265, cLength)
	},
	"connect_e164": func(s string) (c []cuerrors.Code) {
		return when(c, !pattern.E164(s), cPattern)
	},
	"connect_tag_key": func(s string) (c []cuerrors.Code) {
		n := utf8.RuneCountInString(s)
		c = when(c, n < 1 || n > 128, cLength)
		c = when(c, pattern.ReservedTagKey(s), cReserved)
		return when(c, !pattern.TagKey(s), cPattern)
	},
	"connect_tag_value": func(s string) (c []cuerrors.Code) {
		return when(c, utf8.RuneCountInString(s) > 256, cLength)
	},
	"connect_channel": func(s string) (c []cuerrors.Code) {
		c = when(c, s == "", cRequired)
		return when(c, s != "" && !slices.Contains([]string{"VOICE", "CHAT", "TASK", "EMAIL"}, s), cEnum)
	},
	"connect_phone_type": func(s string) (c []cuerrors.Code) {
		return when(c, s != "SOFT_PHONE" && s != "DESK_PHONE", cEnum)
	},
	"connect_voice_enhancement_mode": func(s string) (c []cuerrors.Code) {
		c = when(c, s == "", cRequired)
		return when(c, s != "" && !slices.Contains([]string{"VOICE_ISOLATION", "NOISE_SUPPRESSION", "NONE"}, s), cEnum)
	},
}

func when(c []cuerrors.Code, cond bool, code cuerrors.Code) []cuerrors.Code {
	if cond {
		return append(c, code)
	}
	return c
}

func codes(l cuerrors.List) []cuerrors.Code {
	var out []cuerrors.Code
	for _, x := range l {
		out = append(out, x.Code)
	}
	return out
}

// The properties of this package are driven as those of package user:
// -gopter.seed (or CREATEUSER_PROPERTY_SEED) fixes the seed, else the
// clock picks one; -gopter.n (or CREATEUSER_PROPERTY_CASES) sets the number
// of cases of every property, 1000 by default. Each test logs its seed and
// the command that replays it.
var (
	seedFlag  = flag.Int64("gopter.seed", 0, "seed of the gopter properties (0: CREATEUSER_PROPERTY_SEED, else the clock)")
	casesFlag = flag.Int("gopter.n", 0, "cases per property (0: CREATEUSER_PROPERTY_CASES, else 1000)")
)

func newParameters(t *testing.T) *gopter.TestParameters {
	t.Helper()
	seed := *seedFlag
	if seed == 0 {
		seed = time.Now().UnixNano()
		if s := os.Getenv("CREATEUSER_PROPERTY_SEED"); s != "" {
			var err error
			if seed, err = strconv.ParseInt(s, 10, 64); err != nil {
				t.Fatalf("CREATEUSER_PROPERTY_SEED=%q: %v", s, err)
			}
		}
	}
	runs := 1000
	if *casesFlag > 0 {
		runs = *casesFlag
	} else if s := os.Getenv("CREATEUSER_PROPERTY_CASES"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 {
			t.Fatalf("CREATEUSER_PROPERTY_CASES=%q: want a positive integer", s)
		}
		runs = n
	}
	t.Logf("gopter seed %d, %d cases per property; replay with: go test ./user/validatortags/ -run '^%s$' -gopter.seed=%d -gopter.n=%d",
		seed, runs, t.Name(), seed, runs)
	p := gopter.DefaultTestParametersWithSeed(seed)
	p.MinSuccessfulTests = runs
	p.MaxSize = 40
	return p
}

// pieces are the bits generated strings are made of: every character
// class some tag treats specially.
var pieces = []string{
	"a", "Z", "0", "9", "_", "-", ".", "@", "+", ":", "/", "=", "%", "*", "!",
	" ", "\t", "\n", "\u00a0", "\u3000", "é", "e\u0301", "ß", "ключ", "٣", "😀", "\xff",
	"VOICE", "NONE", "DESK_PHONE", "example.com", "aws:",
}

// genString makes strings from a telling prefix, a run of pieces, and a
// padding long enough to cross every length limit.
func genString() gopter.Gen {
	return gopter.CombineGens(
		gen.OneConstOf("", "aws:", "AWS:", "aWs:", "+", "+0", "+1", "+44", "Ab1", "a@b.", "mary@example.com", "VOICE", "SOFT_PHONE", "NOISE_SUPPRESSION"),
		gen.SliceOf(gen.OneConstOf(toAny(pieces)...)),
		gen.OneConstOf("a", "é", "1", "e\u0301", "A"),
		gen.IntRange(0, 300),
	).Map(func(v []any) string {
		var b strings.Builder
		b.WriteString(v[0].(string))
		for _, p := range v[1].([]string) {
			b.WriteString(p)
		}
		b.WriteString(strings.Repeat(v[2].(string), v[3].(int)))
		return b.String()
	})
}

func toAny(s []string) []any {
	out := make([]any, len(s))
	for i := range s {
		out[i] = s[i]
	}
	return out
}

// TestAgreesWithPattern: for every string tag, the validator passes
// exactly when internal/pattern finds nothing, and Violations reports
// exactly the codes internal/pattern implies, in order. The label names
// the tag that disagrees.
func TestAgreesWithPattern(t *testing.T) {
	v := newValidator(t)
	properties := gopter.NewProperties(newParameters(t))
	properties.Property("tags agree with internal/pattern", prop.ForAll(func(s string) string {
		for tag, want := range expected {
			err := v.Var(s, tag)
			w := want(s)
			if (err == nil) != (len(w) == 0) {
				return fmt.Sprintf("%s: validator error %v, want codes %v", tag, err, w)
			}
			if got := codes(validatortags.Violations(err)); !slices.Equal(got, w) {
				return fmt.Sprintf("%s: codes %v, want %v", tag, got, w)
			}
		}
		return ""
	}, genString()))
	properties.TestingRun(t)
}

// TestProfileIDsProperty checks connect_security_profile_ids against a
// naive model: quadratic duplicate search over pattern.ARNID.
func TestProfileIDsProperty(t *testing.T) {
	v := newValidator(t)
	ids := gen.OneConstOf("", "sp-1", "sp-2", "SP-1", arn+"sp-1", arn+"sp-2", "arn:aws:connect:eu-west-1:1:instance/i-9", "i-9", "arn:aws:iam::1:role/sp-1")
	properties := gopter.NewProperties(newParameters(t))
	properties.Property("profile ids agree with the model", prop.ForAll(func(list []string) string {
		var want []cuerrors.Want
		add := func(field string, c cuerrors.Code) {
			want = append(want, cuerrors.Want{Field: field, Code: c, Severity: cuerrors.SeverityError})
		}
		switch {
		case len(list) == 0:
			add("", cRequired)
		case len(list) > 10:
			add("", cCount)
		}
		for j, id := range list {
			if id == "" {
				add(fmt.Sprintf("[%d]", j), cRequired)
				continue
			}
			for i := range j {
				if list[i] != "" && pattern.ARNID(list[i]) == pattern.ARNID(id) {
					add(fmt.Sprintf("[%d]", j), cDuplicate)
					break
				}
			}
		}
		got := validatortags.Violations(v.Var(list, "connect_security_profile_ids"))
		if d := cuerrors.Diff(want, got); d != "" {
			return d
		}
		return ""
	}, gen.IntRange(0, 14).FlatMap(func(n any) gopter.Gen {
		return gen.SliceOfN(n.(int), ids)
	}, reflect.TypeFor[[]string]())))
	properties.TestingRun(t)
}
