package validatortags_test

import (
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"

	"github.com/go-playground/validator/v10"
	"github.com/google/go-cmp/cmp"

	cuerrors "github.com/connectkit/createuser/errors"
	"github.com/connectkit/createuser/identity"
	"github.com/connectkit/createuser/user/validatortags"
)

type member struct {
	Name  string            `json:"name" validate:"connect_name"`
	Tags  map[string]string `json:"tags" validate:"dive,keys,connect_tag_key,endkeys,connect_tag_value"`
	Phone *identity.Secret  `json:"phone" validate:"required,connect_e164"`
}

type team struct {
	Lead    member            `json:"lead"`
	Members []member          `json:"members" validate:"max=3,dive"`
	ByRole  map[string]member `json:"by_role" validate:"dive"`
	Matrix  [][]string        `json:"matrix" validate:"dive,dive,connect_channel"`
	Skipped string            `json:"-" validate:"connect_channel"`
}

func badMember() member {
	return member{
		Name:  "Zoe\u0308",
		Tags:  map[string]string{"aws:x": "ok", "a.b]c": strings.Repeat("v", 257)},
		Phone: nil,
	}
}

func badTeam() team {
	return team{
		Lead:    badMember(),
		Members: []member{{Phone: new(identity.Secret("+12"))}, badMember()},
		ByRole:  map[string]member{"z": badMember(), "a": {Phone: new(identity.Secret("5"))}},
		Matrix:  [][]string{{"VOICE"}, {"CHAT", "FAX"}},
		Skipped: "NOPE",
	}
}

func TestPaths(t *testing.T) {
	memberWants := func(prefix, name, tags, phone string) []cuerrors.Want {
		return []cuerrors.Want{
			{Field: prefix + "." + name, Code: cNormalization},
			{Field: prefix + "." + tags, Code: cPattern}, // the key a.b]c
			{Field: prefix + "." + tags + `["a.b]c"]`, Code: cLength},
			{Field: prefix + "." + tags, Code: cReserved}, // the key aws:x
			{Field: prefix + "." + phone, Code: cRequired},
		}
	}
	jsonWant := memberWants("lead", "name", "tags", "phone")
	jsonWant = append(jsonWant, memberWants("members[1]", "name", "tags", "phone")...)
	jsonWant = append(jsonWant, cuerrors.Want{Field: "by_role[a].phone", Code: cuerrors.CodePattern})
	jsonWant = append(jsonWant, memberWants("by_role[z]", "name", "tags", "phone")...)
	jsonWant = append(jsonWant,
		cuerrors.Want{Field: "matrix[1][1]", Code: cEnum},
		cuerrors.Want{Field: "Skipped", Code: cEnum},
	)

	t.Run("json names", func(t *testing.T) {
		v := newValidator(t)
		v.RegisterTagNameFunc(jsonName)
		got := validatortags.Violations(v.Struct(badTeam()))
		if d := cuerrors.Diff(jsonWant, got); d != "" {
			t.Error(d)
		}
		// The order: declaration order, list elements by index, map
		// entries by key.
		if d := cmp.Diff(fields(jsonWant), fields(cuerrors.Wants(got))); d != "" {
			t.Errorf("order (-want +got):\n%s", d)
		}
	})
	t.Run("go names", func(t *testing.T) {
		v := newValidator(t)
		got := validatortags.Violations(v.Struct(badTeam()))
		if got[0].Field.String() != "Lead.Name" || got[len(got)-1].Field.String() != "Skipped" {
			t.Errorf("got %v ... %v", got[0].Field, got[len(got)-1].Field)
		}
		if d := cuerrors.Diff(wants("ByRole[a].Phone", cPattern), got.Filter(func(x *cuerrors.Violation) bool {
			return strings.HasPrefix(x.Field.String(), "ByRole[a]")
		})); d != "" {
			t.Error(d)
		}
	})
	t.Run("pointer to struct root", func(t *testing.T) {
		v := newValidator(t)
		tm := badTeam()
		got := validatortags.Violations(v.Struct(&tm))
		if got[0].Field.String() != "Lead.Name" {
			t.Errorf("first path %s", got[0].Field)
		}
	})
	t.Run("Var", func(t *testing.T) {
		v := newValidator(t)
		got := validatortags.Violations(v.Var("x y", "connect_username"))
		if d := cuerrors.Diff(wants("", cPattern), got); d != "" {
			t.Error(d)
		}
		got = validatortags.Violations(v.Var([]string{"VOICE", "x"}, "dive,connect_channel"))
		if d := cuerrors.Diff(wants("[1]", cEnum), got); d != "" {
			t.Error(d)
		}
		got = validatortags.Violations(v.Var([]member{{Phone: new(identity.Secret("+12"))}, {}}, "dive"))
		if d := cuerrors.Diff(wants("[1].Phone", cRequired), got); d != "" {
			t.Error(d)
		}
	})
	t.Run("anonymous root", func(t *testing.T) {
		v := newValidator(t)
		one := struct {
			Username string `validate:"connect_username"`
		}{"a b"}
		if d := cuerrors.Diff(wants("Username", cPattern), validatortags.Violations(v.Struct(one))); d != "" {
			t.Error(d)
		}
		nested := struct{ Lead member }{badMember()}
		got := validatortags.Violations(v.Struct(nested), validatortags.WithoutRootTypeName())
		if d := cuerrors.Diff(memberWants("Lead", "Name", "Tags", "Phone"), got); d != "" {
			t.Error(d)
		}
	})
	t.Run("map key paths", func(t *testing.T) {
		v := newValidator(t)
		type form struct {
			Tags map[string]string `validate:"dive,keys,connect_tag_key,endkeys,connect_tag_value"`
			IDs  map[int]string    `validate:"dive,connect_channel"`
		}
		got := validatortags.Violations(v.Struct(form{
			Tags: map[string]string{"": "", "x.y[z]": strings.Repeat("v", 300), "007": strings.Repeat("v", 300)},
			IDs:  map[int]string{7: "x"},
		}))
		want := []cuerrors.Want{
			{Field: `Tags["007"]`, Code: cLength},
			{Field: "Tags", Code: cLength},  // the key ""
			{Field: "Tags", Code: cPattern}, // the key x.y[z]
			{Field: `Tags["x.y[z]"]`, Code: cLength},
			{Field: "IDs[7]", Code: cEnum},
		}
		if d := cuerrors.Diff(want, got); d != "" {
			t.Error(d)
		}
	})
}

func fields(ws []cuerrors.Want) []string {
	out := make([]string, len(ws))
	for i, w := range ws {
		out[i] = w.Field + " " + string(w.Code)
	}
	return out
}

// TestOrderDeterministic: map iteration order does not leak into the
// result.
func TestOrderDeterministic(t *testing.T) {
	v := newValidator(t)
	tags := map[string]string{}
	for i := range 30 {
		tags[fmt.Sprintf("aws:%02d", i)] = strings.Repeat("v", 257+i)
		tags[fmt.Sprintf("k%02d", i)] = strings.Repeat("v", 257)
	}
	form := struct {
		Tags map[string]string `validate:"dive,keys,connect_tag_key,endkeys,connect_tag_value"`
		Team map[string]member `validate:"dive"`
	}{Tags: tags, Team: map[string]member{"b": badMember(), "a": badMember(), "c": badMember()}}
	first := validatortags.Violations(v.Struct(form))
	if len(first) != 30*3+3*5 {
		t.Fatalf("%d violations", len(first))
	}
	want, _ := first.MarshalJSON()
	for range 20 {
		got, _ := validatortags.Violations(v.Struct(form)).MarshalJSON()
		if d := cmp.Diff(string(want), string(got)); d != "" {
			t.Fatalf("order changed (-first +again):\n%s", d)
		}
	}
}

type custom struct{ X string }

func TestStandardTags(t *testing.T) {
	v := newValidator(t)
	if err := v.RegisterValidation("mine", func(validator.FieldLevel) bool { return false }); err != nil {
		t.Fatal(err)
	}
	type form struct {
		Req       string            `validate:"required"`
		ReqPtr    *int              `validate:"required"`
		ReqIf     string            `validate:"required_if=Req x"`
		ReqWith   string            `validate:"required_with=MaxStr"`
		ExclWith  string            `validate:"excluded_with=MaxStr"`
		MaxStr    string            `validate:"max=3"`
		MinStr    string            `validate:"min=5"`
		LenStr    string            `validate:"len=2"`
		MaxSlice  []string          `validate:"max=1"`
		MinMap    map[string]string `validate:"min=1"`
		MaxInt    int               `validate:"max=10"`
		GtFloat   float64           `validate:"gt=0"`
		Lte       uint              `validate:"lte=1"`
		GtTime    time.Time         `validate:"gt"`
		EqStr     string            `validate:"eq=yes"`
		NeInt     int               `validate:"ne=0"`
		OneOf     string            `validate:"oneof=red green"`
		Unique    []string          `validate:"unique"`
		E164      string            `validate:"e164"`
		Email     string            `validate:"email"`
		URL       string            `validate:"url"`
		Confirm   string            `validate:"eqfield=MaxStr"`
		GtField   int               `validate:"gtfield=MaxInt"`
		Mine      string            `validate:"mine"`
		DiveReq   []string          `validate:"dive,required"`
		Or        string            `validate:"e164|email"`
		Nested    custom            `validate:"required"`
		NestedPtr *custom           `validate:"required"`
		OmitOK    string            `validate:"omitempty,email"`
		Deep      []map[string]int  `validate:"dive,dive,max=1"`
		Ignored   string            `validate:"-"`
	}
	got := validatortags.Violations(v.Struct(form{
		ReqIf:    "",
		ExclWith: "x",
		MaxStr:   "abcd",
		MinStr:   "abc",
		LenStr:   "abc",
		MaxSlice: []string{"a", "b"},
		MinMap:   map[string]string{},
		MaxInt:   11,
		Lte:      2,
		EqStr:    "no",
		OneOf:    "blue",
		Unique:   []string{"a", "a"},
		E164:     "555",
		Email:    "x",
		URL:      "::",
		Confirm:  "abc",
		GtField:  11,
		Mine:     "x",
		DiveReq:  []string{"a", ""},
		Or:       "x",
		Deep:     []map[string]int{{"k": 2}},
	}))
	want := []cuerrors.Want{
		{Field: "Req", Code: cRequired},
		{Field: "ReqPtr", Code: cRequired},
		{Field: "ReqWith", Code: cRequired},
		{Field: "ExclWith", Code: cuerrors.CodeForbidden},
		{Field: "MaxStr", Code: cLength},
		{Field: "MinStr", Code: cLength},
		{Field: "LenStr", Code: cLength},
		{Field: "MaxSlice", Code: cCount},
		{Field: "MinMap", Code: cCount},
		{Field: "MaxInt", Code: cuerrors.CodeRange},
		{Field: "GtFloat", Code: cuerrors.CodeRange},
		{Field: "Lte", Code: cuerrors.CodeRange},
		{Field: "GtTime", Code: cuerrors.CodeRange},
		{Field: "EqStr", Code: cEnum},
		{Field: "NeInt", Code: cuerrors.CodeRange},
		{Field: "OneOf", Code: cEnum},
		{Field: "Unique", Code: cDuplicate},
		{Field: "E164", Code: cPattern},
		{Field: "Email", Code: cPattern},
		{Field: "URL", Code: cPattern},
		{Field: "Confirm", Code: cuerrors.CodeConflict},
		{Field: "GtField", Code: cuerrors.CodeRange},
		{Field: "Mine", Code: cPattern},
		{Field: "DiveReq[1]", Code: cRequired},
		{Field: "Or", Code: cPattern},
		{Field: "Nested", Code: cRequired}, // a zero struct, WithRequiredStructEnabled
		{Field: "NestedPtr", Code: cRequired},
		{Field: "Deep[0][k]", Code: cuerrors.CodeRange},
	}
	if d := cuerrors.Diff(want, got); d != "" {
		t.Error(d)
	}
	for _, x := range got {
		if x.Severity != cuerrors.SeverityError || !strings.HasPrefix(x.Rule, "validatortags.") || x.Message == "" || !x.Code.Known() {
			t.Errorf("%s: severity %v, rule %q, message %q, code %q", x.Field, x.Severity, x.Rule, x.Message, x.Code)
		}
	}
	t.Run("WithTag", func(t *testing.T) {
		type f struct {
			Mine string `validate:"mine"`
			User string `validate:"connect_username"`
			Max  string `validate:"max=1"`
		}
		got := validatortags.Violations(v.Struct(f{User: "a b", Max: "ab"}),
			validatortags.WithTag("mine", cEnum, "Mine must be mine."),
			validatortags.WithTag("connect_username", cuerrors.CodeUnknown, "Overridden."),
			validatortags.WithTag("max", cRequired, "First."),
			validatortags.WithTag("max", cCount, "Second."),
		)
		want := []cuerrors.Want{{Field: "Mine", Code: cEnum}, {Field: "User", Code: cuerrors.CodeUnknown}, {Field: "Max", Code: cCount}}
		if d := cuerrors.Diff(want, got); d != "" {
			t.Error(d)
		}
		if got[0].Message != "Mine must be mine." || got[0].Rule != "validatortags.mine" {
			t.Errorf("got %+v", got[0])
		}
	})
}

func TestErrors(t *testing.T) {
	v := newValidator(t)
	if got := validatortags.Violations(nil); got != nil {
		t.Errorf("nil: %v", got)
	}
	if got := validatortags.Violations(validator.ValidationErrors{}); got != nil {
		t.Errorf("empty: %v", got)
	}
	for _, err := range []error{v.Struct(nil), v.Struct(42), errors.New("boom"), fmt.Errorf("wrapped: %w", v.Struct(nil))} {
		if d := cuerrors.Diff(wants("", cType), validatortags.Violations(err)); d != "" {
			t.Errorf("%v: %s", err, d)
		}
	}
	wrapped := fmt.Errorf("form: %w", v.Var("a b", "connect_username"))
	if d := cuerrors.Diff(wants("", cPattern), validatortags.Violations(wrapped)); d != "" {
		t.Error(d)
	}
	got := validatortags.Violations(v.Var("a b", "connect_username"))
	if !errors.Is(got.Err(), cuerrors.CodePattern) {
		t.Error("errors.Is(list, CodePattern) = false")
	}
	if err := validatortags.Register(nil); err == nil {
		t.Error("Register(nil) = nil")
	}
}

// TestForeignFunction: when a connect_* tag name is registered with
// another function afterwards, Violations still reports the tag.
func TestForeignFunction(t *testing.T) {
	v := newValidator(t)
	if err := v.RegisterValidation("connect_username", func(validator.FieldLevel) bool { return false }); err != nil {
		t.Fatal(err)
	}
	got := validatortags.Violations(v.Var("fine", "connect_username"))
	if d := cuerrors.Diff(wants("", cLength), got); d != "" {
		t.Error(d)
	}
}

func randomToken(t *testing.T) string {
	b := make([]byte, 12)
	if _, err := rand.Read(b); err != nil {
		t.Fatal(err)
	}
	return "Zq9" + hex.EncodeToString(b)
}

// TestNoValueInMessages plants a random unique string in every field of a
// form that fails every tag and checks that it appears in no message, no
// Value, no Error() and no JSON of the result (map keys are paths, and
// are checked only against messages).
func TestNoValueInMessages(t *testing.T) {
	v := newValidator(t)
	v.RegisterTagNameFunc(jsonName)
	tok := randomToken(t)
	long := func(n int) string { return tok + strings.Repeat("x", n) }
	type form struct {
		Instance  string                     `json:"i" validate:"connect_instance_id"`
		Username  string                     `json:"u" validate:"connect_username"`
		Password  identity.Secret            `json:"p" validate:"connect_password"`
		Name      *identity.Secret           `json:"n" validate:"connect_name"`
		First     string                     `json:"f" validate:"connect_first_name"`
		Last      string                     `json:"l" validate:"connect_last_name"`
		Email     identity.Secret            `json:"e" validate:"connect_email"`
		Mobile    *identity.Secret           `json:"m" validate:"connect_e164"`
		Key       string                     `json:"k" validate:"connect_tag_key"`
		Value     string                     `json:"v" validate:"connect_tag_value"`
		Profiles  []string                   `json:"s" validate:"connect_security_profile_ids"`
		Channel   string                     `json:"c" validate:"connect_channel"`
		PhoneType string                     `json:"t" validate:"connect_phone_type"`
		Voice     string                     `json:"vm" validate:"connect_voice_enhancement_mode"`
		Tags      map[string]string          `json:"tags" validate:"dive,keys,connect_tag_key,endkeys,connect_tag_value"`
		Secrets   map[identity.Secret]string `json:"st" validate:"dive,keys,connect_tag_key,endkeys,connect_tag_value"`
		Max       string                     `json:"x" validate:"max=3"`
		OneOf     string                     `json:"o" validate:"oneof=a b"`
		EqField   string                     `json:"q" validate:"eqfield=Max"`
		Eq        string                     `json:"eq" validate:"eq=z"`
		Email2    string                     `json:"e2" validate:"email"`
		Unknown   string                     `json:"z" validate:"contains=@"`
	}
	f := form{
		Instance: long(100), Username: long(100) + " ", Password: identity.Secret(long(60) + " "),
		Name: new(identity.Secret(long(255) + "e\u0301")), First: long(300), Last: long(300),
		Email: identity.Secret(long(300)), Mobile: new(identity.Secret(tok)), Key: "aws:" + long(200) + "\t",
		Value: long(300), Profiles: []string{tok, tok, "", tok, tok, tok, tok, tok, tok, tok, tok},
		Channel: tok, PhoneType: tok, Voice: tok,
		Tags:    map[string]string{"aws:" + tok: "fine", "k": long(300)},
		Secrets: map[identity.Secret]string{identity.Secret("aws:" + tok): long(300)},
		Max:     tok, OneOf: tok, EqField: tok + "!", Eq: tok, Email2: tok, Unknown: tok,
	}
	got := validatortags.Violations(v.Struct(f))
	if len(got) < 30 {
		t.Fatalf("only %d violations: %v", len(got), got)
	}
	for _, x := range got {
		if strings.Contains(x.Message, tok) || !x.Value.IsZero() {
			t.Errorf("%s: message %q, value %v", x.Field, x.Message, x.Value)
		}
		if strings.Contains(x.Field.String(), tok) {
			t.Errorf("a value in the path %s", x.Field)
		}
	}
	// A map keyed by identity.Secret: validator prints the key with %v,
	// so even the path of its value shows the placeholder.
	st := got.Filter(func(x *cuerrors.Violation) bool { return strings.HasPrefix(x.Field.String(), "st") })
	stWant := []cuerrors.Want{{Field: "st", Code: cReserved}, {Field: cuerrors.NewPath("st").Key(identity.Redacted).String(), Code: cLength}}
	if d := cuerrors.Diff(stWant, st); d != "" {
		t.Error(d)
	}
	js, err := got.MarshalJSON()
	if err != nil {
		t.Fatal(err)
	}
	for name, s := range map[string]string{"JSON": string(js), "Error": got.Error(), "%+v": fmt.Sprintf("%+v", got)} {
		if strings.Contains(s, tok) {
			t.Errorf("%s holds the planted value", name)
		}
	}
}
