package validatortags_test

import (
	"reflect"
	"strings"
	"testing"

	"github.com/go-playground/validator/v10"

	cuerrors "github.com/connectkit/createuser/errors"
	"github.com/connectkit/createuser/identity"
	"github.com/connectkit/createuser/user/validatortags"
)

// newValidator returns a validator with the connect_* tags registered.
func newValidator(t testing.TB) *validator.Validate {
	t.Helper()
	v := validator.New(validator.WithRequiredStructEnabled())
	if err := validatortags.Register(v); err != nil {
		t.Fatal(err)
	}
	return v
}

// fieldKinds are the Go types a string tag must work on.
var fieldKinds = []struct {
	name string
	typ  reflect.Type
	set  func(s string) reflect.Value
}{
	{"string", reflect.TypeFor[string](), func(s string) reflect.Value { return reflect.ValueOf(s) }},
	{"*string", reflect.TypeFor[*string](), func(s string) reflect.Value { return reflect.ValueOf(&s) }},
	{"Secret", reflect.TypeFor[identity.Secret](), func(s string) reflect.Value { return reflect.ValueOf(identity.Secret(s)) }},
	{"*Secret", reflect.TypeFor[*identity.Secret](), func(s string) reflect.Value {
		p := identity.Secret(s)
		return reflect.ValueOf(&p)
	}},
}

// formOf returns a value of a struct type with one field F of typ under
// the struct tag validate:"tag", holding val (or its zero value when val
// is not valid).
func formOf(typ reflect.Type, tag string, val reflect.Value) any {
	st := reflect.StructOf([]reflect.StructField{{
		Name: "F", Type: typ, Tag: reflect.StructTag(`json:"F" validate:"` + tag + `"`),
	}})
	form := reflect.New(st).Elem()
	if val.IsValid() {
		form.Field(0).Set(val)
	}
	return form.Interface()
}

func wants(field string, codes ...cuerrors.Code) []cuerrors.Want {
	out := make([]cuerrors.Want, len(codes))
	for i, c := range codes {
		out[i] = cuerrors.Want{Field: field, Code: c, Severity: cuerrors.SeverityError}
	}
	return out
}

const (
	cRequired      = cuerrors.CodeRequired
	cLength        = cuerrors.CodeLength
	cPattern       = cuerrors.CodePattern
	cReserved      = cuerrors.CodeReserved
	cNormalization = cuerrors.CodeNormalization
	cEnum          = cuerrors.CodeEnum
	cCount         = cuerrors.CodeCount
	cDuplicate     = cuerrors.CodeDuplicate
	cType          = cuerrors.CodeType
)

var rep = strings.Repeat

// stringCases: each failing value sits next to the passing boundary.
var stringCases = []struct {
	name  string
	tag   string
	value string
	codes []cuerrors.Code // nil: valid
}{
	{"instance id 100", "connect_instance_id", rep("i", 100), nil},
	{"instance id 101", "connect_instance_id", rep("i", 101), []cuerrors.Code{cLength}},
	{"instance id empty", "connect_instance_id", "", []cuerrors.Code{cRequired}},

	{"username 100", "connect_username", rep("a", 100), nil},
	{"username 101", "connect_username", rep("a", 101), []cuerrors.Code{cLength}},
	{"username 1", "connect_username", "a", nil},
	{"username empty", "connect_username", "", []cuerrors.Code{cRequired}},
	{"username every allowed character", "connect_username", "AZaz09_-.@", nil},
	{"username email", "connect_username", "mary@example.com", nil},
	{"username space", "connect_username", "mary major", []cuerrors.Code{cPattern}},
	{"username non-ASCII letter", "connect_username", "marié", []cuerrors.Code{cPattern}},
	{"username 101 with a bad character", "connect_username", rep("a", 100) + "!", []cuerrors.Code{cLength, cPattern}},
	{"username 100 code points, 200 bytes", "connect_username", rep("é", 100), []cuerrors.Code{cPattern}},

	{"password 7", "connect_password", "Abcde12", []cuerrors.Code{cLength}},
	{"password 8", "connect_password", "Abcdef12", nil},
	{"password 64", "connect_password", "Ab1" + rep("x", 61), nil},
	{"password 65", "connect_password", "Ab1" + rep("x", 62), []cuerrors.Code{cLength}},
	{"password 8 code points, more bytes", "connect_password", "Ab1ééééé", nil},
	{"password 7 code points, 8+ bytes", "connect_password", "Ab1éééé", []cuerrors.Code{cLength}},
	{"password no upper", "connect_password", "abcdef12", []cuerrors.Code{cPattern}},
	{"password no lower", "connect_password", "ABCDEF12", []cuerrors.Code{cPattern}},
	{"password no digit", "connect_password", "Abcdefgh", []cuerrors.Code{cPattern}},
	{"password space", "connect_password", "Abcd 1234", []cuerrors.Code{cPattern}},
	{"password tab", "connect_password", "Abcd\t1234", []cuerrors.Code{cPattern}},
	{"password no-break space", "connect_password", "Abcd\u00a01234", []cuerrors.Code{cPattern}},
	{"password symbols allowed", "connect_password", "Ab1!\"#$%&'()*+,-./", nil},
	{"password empty", "connect_password", "", []cuerrors.Code{cLength, cPattern}},
	{"password 65 with a space", "connect_password", "Ab1 " + rep("x", 61), []cuerrors.Code{cLength, cPattern}},

	{"e164 2 digits", "connect_e164", "+12", nil},
	{"e164 1 digit", "connect_e164", "+1", []cuerrors.Code{cPattern}},
	{"e164 15 digits", "connect_e164", "+123456789012345", nil},
	{"e164 16 digits", "connect_e164", "+1234567890123456", []cuerrors.Code{cPattern}},
	{"e164 leading 0", "connect_e164", "+0123", []cuerrors.Code{cPattern}},
	{"e164 no plus", "connect_e164", "15555551212", []cuerrors.Code{cPattern}},
	{"e164 empty", "connect_e164", "", []cuerrors.Code{cPattern}},
	{"e164 space", "connect_e164", "+1 555 555 1212", []cuerrors.Code{cPattern}},

	{"email", "connect_email", "mary.major+x@mail.example.com", nil},
	{"email without top-level domain", "connect_email", "testuser@example", []cuerrors.Code{cPattern}},
	{"email one-letter top-level domain", "connect_email", "a@b.c", []cuerrors.Code{cPattern}},
	{"email empty", "connect_email", "", []cuerrors.Code{cPattern}},
	{"email 265", "connect_email", rep("a", 257) + "@b.co.uk", nil},
	{"email 266", "connect_email", rep("a", 258) + "@b.co.uk", []cuerrors.Code{cLength}},
	{"email 266 and bad", "connect_email", rep("a", 260) + "@b.c0m", []cuerrors.Code{cPattern, cLength}},

	{"tag key 128", "connect_tag_key", rep("k", 128), nil},
	{"tag key 129", "connect_tag_key", rep("k", 129), []cuerrors.Code{cLength}},
	{"tag key 1", "connect_tag_key", "k", nil},
	{"tag key empty", "connect_tag_key", "", []cuerrors.Code{cLength}},
	{"tag key aws:", "connect_tag_key", "aws:team", []cuerrors.Code{cReserved}},
	{"tag key AwS:", "connect_tag_key", "AwS:team", []cuerrors.Code{cReserved}},
	{"tag key aws without colon", "connect_tag_key", "aws-team", nil},
	{"tag key aws: later", "connect_tag_key", "x:aws:team", nil},
	{"tag key every allowed symbol", "connect_tag_key", "a b_.:/=+-@", nil},
	{"tag key unicode letters and numbers", "connect_tag_key", "ключ٣", nil},
	{"tag key ideographic space", "connect_tag_key", "a\u3000b", nil},
	{"tag key tab", "connect_tag_key", "a\tb", []cuerrors.Code{cPattern}},
	{"tag key combining mark", "connect_tag_key", "e\u0301", []cuerrors.Code{cPattern}},
	{"tag key asterisk", "connect_tag_key", "a*b", []cuerrors.Code{cPattern}},
	{"tag key reserved and bad", "connect_tag_key", "AWS:\t", []cuerrors.Code{cReserved, cPattern}},
	{"tag key 129 reserved", "connect_tag_key", "aws:" + rep("k", 125), []cuerrors.Code{cLength, cReserved}},

	{"tag value 256", "connect_tag_value", rep("v", 256), nil},
	{"tag value 257", "connect_tag_value", rep("v", 257), []cuerrors.Code{cLength}},
	{"tag value empty", "connect_tag_value", "", nil},

	{"name 255", "connect_name", rep("n", 255), nil},
	{"name 256", "connect_name", rep("n", 256), []cuerrors.Code{cLength}},
	{"name NFC", "connect_name", "Zoë", nil},
	{"name NFD", "connect_name", "Zoe\u0308", []cuerrors.Code{cNormalization}},
	{"name empty", "connect_name", "", nil},
	{"first name 255", "connect_first_name", rep("é", 255), nil},
	{"first name 256", "connect_first_name", rep("é", 256), []cuerrors.Code{cLength}},
	{"first name NFD and long", "connect_first_name", rep("e\u0301", 128), []cuerrors.Code{cLength, cNormalization}},
	{"last name 256", "connect_last_name", rep("n", 256), nil},
	{"last name 257", "connect_last_name", rep("n", 257), []cuerrors.Code{cLength}},
	{"last name NFD", "connect_last_name", "Mu\u0308ller", []cuerrors.Code{cNormalization}},

	{"channel VOICE", "connect_channel", "VOICE", nil},
	{"channel EMAIL", "connect_channel", "EMAIL", nil},
	{"channel lower case", "connect_channel", "voice", []cuerrors.Code{cEnum}},
	{"channel empty", "connect_channel", "", []cuerrors.Code{cRequired}},
	{"phone type DESK_PHONE", "connect_phone_type", "DESK_PHONE", nil},
	{"phone type unknown", "connect_phone_type", "CELL_PHONE", []cuerrors.Code{cEnum}},
	{"phone type empty", "connect_phone_type", "", []cuerrors.Code{cEnum}},
	{"voice mode NONE", "connect_voice_enhancement_mode", "NONE", nil},
	{"voice mode unknown", "connect_voice_enhancement_mode", "ECHO", []cuerrors.Code{cEnum}},
	{"voice mode empty", "connect_voice_enhancement_mode", "", []cuerrors.Code{cRequired}},
}

func TestStringTags(t *testing.T) {
	v := newValidator(t)
	for _, tc := range stringCases {
		for _, k := range fieldKinds {
			t.Run(tc.name+"/"+k.name, func(t *testing.T) {
				err := v.Struct(formOf(k.typ, tc.tag, k.set(tc.value)))
				if (err == nil) != (tc.codes == nil) {
					t.Fatalf("validator error = %v, want error %v", err, tc.codes != nil)
				}
				if d := cuerrors.Diff(wants("F", tc.codes...), validatortags.Violations(err)); d != "" {
					t.Error(d)
				}
			})
		}
	}
}

// TestNil: a nil pointer is absent and passes every connect_* tag; with
// required before it, it is a required violation.
func TestNil(t *testing.T) {
	v := newValidator(t)
	tags := []string{
		"connect_instance_id", "connect_username", "connect_password", "connect_name",
		"connect_first_name", "connect_last_name", "connect_email", "connect_e164",
		"connect_tag_key", "connect_tag_value", "connect_channel", "connect_phone_type",
		"connect_voice_enhancement_mode", "connect_security_profile_ids",
	}
	types := []reflect.Type{reflect.TypeFor[*string](), reflect.TypeFor[*identity.Secret](), reflect.TypeFor[*[]string](), reflect.TypeFor[any]()}
	for _, tag := range tags {
		for _, typ := range types {
			t.Run(tag+"/"+typ.String(), func(t *testing.T) {
				if err := v.Struct(formOf(typ, tag, reflect.Value{})); err != nil {
					t.Errorf("nil: %v", err)
				}
				err := v.Struct(formOf(typ, "required,"+tag, reflect.Value{}))
				if d := cuerrors.Diff(wants("F", cRequired), validatortags.Violations(err)); d != "" {
					t.Error(d)
				}
			})
		}
	}
}

// TestPointerToEmpty: a pointer to "" is present; required passes and the
// tag checks "".
func TestPointerToEmpty(t *testing.T) {
	v := newValidator(t)
	empty := identity.Secret("")
	err := v.Struct(struct {
		Password *identity.Secret `validate:"required,connect_password"`
	}{&empty})
	if d := cuerrors.Diff(wants("Password", cLength, cPattern), validatortags.Violations(err)); d != "" {
		t.Error(d)
	}
}

func TestWrongGoType(t *testing.T) {
	v := newValidator(t)
	err := v.Struct(struct {
		N   int    `validate:"connect_username"`
		IDs string `validate:"connect_security_profile_ids"`
		L   []int  `validate:"connect_security_profile_ids"`
	}{N: 1, IDs: "sp-1", L: []int{1}})
	want := append(append(wants("N", cType), wants("IDs", cType)...), wants("L", cType)...)
	if d := cuerrors.Diff(want, validatortags.Violations(err)); d != "" {
		t.Error(d)
	}
}

const arn = "arn:aws:connect:us-west-2:123456789012:instance/i-1/security-profile/"

func TestSecurityProfileIDs(t *testing.T) {
	type pos struct {
		field   string
		code    cuerrors.Code
		related string
	}
	ids := func(n int) []string {
		out := make([]string, n)
		for i := range out {
			out[i] = "sp-" + string(rune('a'+i))
		}
		return out
	}
	cases := []struct {
		name string
		ids  []string
		want []pos
	}{
		{"one", []string{"sp-1"}, nil},
		{"nil", nil, []pos{{"F", cRequired, ""}}},
		{"empty", []string{}, []pos{{"F", cRequired, ""}}},
		{"10", ids(10), nil},
		{"11", ids(11), []pos{{"F", cCount, ""}}},
		{"empty id", []string{"sp-1", ""}, []pos{{"F[1]", cRequired, ""}}},
		{"two empty ids are no duplicate", []string{"", ""}, []pos{{"F[0]", cRequired, ""}, {"F[1]", cRequired, ""}}},
		{"duplicate", []string{"sp-1", "sp-2", "sp-1"}, []pos{{"F[2]", cDuplicate, "F[0]"}}},
		{"ARN equals id", []string{"sp-1", arn + "sp-1"}, []pos{{"F[1]", cDuplicate, "F[0]"}}},
		{"id equals ARN", []string{arn + "sp-1", "sp-1"}, []pos{{"F[1]", cDuplicate, "F[0]"}}},
		{"different ARNs of one id", []string{arn + "sp-1", "arn:aws-cn:connect:cn-north-1:1:instance/i-2/security-profile/sp-1"}, []pos{{"F[1]", cDuplicate, "F[0]"}}},
		{"not a Connect ARN", []string{"sp-1", "arn:aws:iam::1:role/sp-1"}, nil},
		{"third of a kind", []string{"a", "a", "a"}, []pos{{"F[1]", cDuplicate, "F[0]"}, {"F[2]", cDuplicate, "F[0]"}}},
		{"11 with duplicate and empty", append(ids(9), "sp-a", ""), []pos{{"F", cCount, ""}, {"F[9]", cDuplicate, "F[0]"}, {"F[10]", cRequired, ""}}},
	}
	v := newValidator(t)
	kinds := []struct {
		name string
		typ  reflect.Type
		conv func([]string) reflect.Value
	}{
		{"[]string", reflect.TypeFor[[]string](), func(s []string) reflect.Value { return reflect.ValueOf(s) }},
		{"*[]string", reflect.TypeFor[*[]string](), func(s []string) reflect.Value { return reflect.ValueOf(&s) }},
		{"[]*string", reflect.TypeFor[[]*string](), func(s []string) reflect.Value {
			if s == nil {
				return reflect.ValueOf([]*string(nil))
			}
			out := make([]*string, len(s))
			for i := range s {
				out[i] = &s[i]
			}
			return reflect.ValueOf(out)
		}},
	}
	for _, tc := range cases {
		for _, k := range kinds {
			t.Run(tc.name+"/"+k.name, func(t *testing.T) {
				err := v.Struct(formOf(k.typ, "connect_security_profile_ids", k.conv(tc.ids)))
				if (err == nil) != (len(tc.want) == 0) {
					t.Fatalf("validator error = %v, want error %v", err, len(tc.want) > 0)
				}
				got := validatortags.Violations(err)
				var want []cuerrors.Want
				for _, p := range tc.want {
					want = append(want, cuerrors.Want{Field: p.field, Code: p.code, Severity: cuerrors.SeverityError})
				}
				if d := cuerrors.Diff(want, got); d != "" {
					t.Fatal(d)
				}
				// Related, and the order: the list first, then by index.
				for i, p := range tc.want {
					if got[i].Field.String() != p.field {
						t.Errorf("violation %d at %s, want %s", i, got[i].Field, p.field)
					}
					var rel string
					if len(got[i].Related) == 1 {
						rel = got[i].Related[0].String()
					}
					if rel != p.related || len(got[i].Related) > 1 {
						t.Errorf("%s: related = %v, want %q", p.field, got[i].Related, p.related)
					}
				}
			})
		}
	}
	t.Run("nil element", func(t *testing.T) {
		a := "sp-1"
		err := v.Struct(formOf(reflect.TypeFor[[]*string](), "connect_security_profile_ids", reflect.ValueOf([]*string{&a, nil})))
		if d := cuerrors.Diff(wants("F[1]", cRequired), validatortags.Violations(err)); d != "" {
			t.Error(d)
		}
	})
}
