package user

import (
	"bytes"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/connectkit/createuser/channel"
	cuerrors "github.com/connectkit/createuser/errors"
	"github.com/connectkit/createuser/identity"
)

// Redaction (SPEC section 3): a value planted in a sensitive member never
// comes out of the library except in the request's own wire encoding. Each
// case plants a fresh random token, in a valid-looking value and in values
// that break the member's rules (so that violations are reported right at
// the member), and looks for the token, and for its hexadecimal encoding,
// in everything the library and the standard printers make of the request
// and of its violations, under every identity management type. The wire
// encoding (json.Marshal, Body) must hold the token, so the search cannot
// pass for want of a value. The random tokens come from the property
// tests' seed (-gopter.seed, CREATEUSER_PROPERTY_SEED), which is logged.

// redactMember is one sensitive member: its wire path, the JSON member
// name under which its value is written, and how to plant a value there.
type redactMember struct {
	path   string
	name   string
	phone  bool // a phone number: the token is digits
	plant  func(in *CreateUserInput, s *identity.Secret)
	values []redactValue
}

// redactValue wraps a token into a value for a member. fires says that a
// rule must report at the member under some identity type.
type redactValue struct {
	name  string
	wrap  func(token string) string
	fires bool
}

var (
	redactPasswordValues = []redactValue{
		{"valid", func(t string) string { return "Aa1" + t }, true}, // forbidden under SAML and EXISTING_DIRECTORY
		{"white-space", func(t string) string { return "Aa1 " + t }, true},
		{"too-long", func(t string) string { return "Aa1" + t + strings.Repeat("x", 64) }, true},
	}
	redactNameValues = []redactValue{
		{"valid", func(t string) string { return "M" + t }, false},
		{"not-NFC", func(t string) string { return "Jose\u0301" + t }, true},
		{"too-long", func(t string) string { return t + strings.Repeat("n", 300) }, true},
	}
	redactEmailValues = []redactValue{
		{"valid", func(t string) string { return t + "@example.com" }, false},
		{"no-tld", func(t string) string { return t + "@example" }, true},
		{"no-at", func(t string) string { return t + ".example.com" }, true},
		{"too-long", func(t string) string { return strings.Repeat("m", 260) + t + "@example.com" }, true},
	}
	redactNumberValues = []redactValue{
		{"valid", func(t string) string { return "+1" + t }, false},
		{"no-plus", func(t string) string { return t }, true},
		{"leading-zero", func(t string) string { return "+0" + t }, true},
		{"too-many-digits", func(t string) string { return "+1" + t + "9999" }, true},
	}
)

var redactMembers = []redactMember{
	{path: "Password", name: "Password", values: redactPasswordValues,
		plant: func(in *CreateUserInput, s *identity.Secret) { in.Password = s }},
	{path: "IdentityInfo.FirstName", name: "FirstName", values: redactNameValues,
		plant: func(in *CreateUserInput, s *identity.Secret) { in.IdentityInfo.FirstName = s }},
	{path: "IdentityInfo.LastName", name: "LastName", values: redactNameValues,
		plant: func(in *CreateUserInput, s *identity.Secret) { in.IdentityInfo.LastName = s }},
	{path: "IdentityInfo.Email", name: "Email", values: redactEmailValues,
		plant: func(in *CreateUserInput, s *identity.Secret) { in.IdentityInfo.Email = s }},
	{path: "IdentityInfo.SecondaryEmail", name: "SecondaryEmail", values: redactEmailValues,
		plant: func(in *CreateUserInput, s *identity.Secret) { in.IdentityInfo.SecondaryEmail = s }},
	{path: "IdentityInfo.Mobile", name: "Mobile", phone: true, values: redactNumberValues,
		plant: func(in *CreateUserInput, s *identity.Secret) { in.IdentityInfo.Mobile = s }},
	// With DESK_PHONE, and in conflict with the request's
	// PhoneNumberConfigs, so that a conflict reports at it too.
	{path: "PhoneConfig.DeskPhoneNumber", name: "DeskPhoneNumber", phone: true, values: redactNumberValues,
		plant: func(in *CreateUserInput, s *identity.Secret) {
			in.PhoneConfig = &PhoneConfig{PhoneType: new(channel.DeskPhone), DeskPhoneNumber: s}
		}},
	// A SOFT_PHONE element, so that the number is also ignored.
	{path: "PhoneNumberConfigs[1].PhoneNumber", name: "PhoneNumber", phone: true, values: redactNumberValues,
		plant: func(in *CreateUserInput, s *identity.Secret) {
			in.PhoneNumberConfigs = append(in.PhoneNumberConfigs,
				channel.PhoneNumberConfig{Channel: channel.Chat, PhoneType: channel.SoftPhone, PhoneNumber: s})
		}},
}

// redactToken returns a random token: 12 digits, the first not 0, for a
// phone number; otherwise "Rz" and 14 lowercase letters and digits.
func redactToken(r *rand.Rand, phone bool) string {
	var b strings.Builder
	if phone {
		b.WriteByte(byte('1' + r.IntN(9)))
		for range 11 {
			b.WriteByte(byte('0' + r.IntN(10)))
		}
		return b.String()
	}
	const alphabet = "abcdefghijklmnopqrstuvwxyz0123456789"
	b.WriteString("Rz")
	for range 14 {
		b.WriteByte(alphabet[r.IntN(len(alphabet))])
	}
	return b.String()
}

// redactSearch fails t when out holds token, or its hexadecimal encoding
// (what %x of an unredacted string would print).
func redactSearch(t *testing.T, token, where, out string) {
	t.Helper()
	for _, form := range []string{token, hex.EncodeToString([]byte(token)), strings.ToUpper(hex.EncodeToString([]byte(token)))} {
		if strings.Contains(out, form) {
			t.Errorf("%s leaks the value: %q", where, out)
			return
		}
	}
}

// redactVerbs are the fmt verbs tried on every printable target.
var redactVerbs = []string{"%v", "%+v", "%#v", "%s", "%q", "%x", "%X", "%d"}

// redactViolations searches every part of a violation list: each
// violation's Message, Value (as String, as its Go value, as JSON),
// Related, Error and fmt forms; the list's Error, JSON and fmt forms; and
// every error reached by unwrapping from the list and from List.Err.
func redactViolations(t *testing.T, token, where string, list cuerrors.List) {
	t.Helper()
	for i := range list {
		v := &list[i]
		at := fmt.Sprintf("%s: violation %s %s", where, v.Field, v.Code)
		redactSearch(t, token, at+" Message", v.Message)
		redactSearch(t, token, at+" Value", v.Value.String())
		redactSearch(t, token, at+" Value.Interface", fmt.Sprint(v.Value.Interface()))
		j, _ := v.Value.MarshalJSON()
		redactSearch(t, token, at+" Value JSON", string(j))
		redactSearch(t, token, at+" Related", fmt.Sprint(relatedOf(v)))
		redactSearch(t, token, at+" Error()", v.Error())
		j, _ = json.Marshal(v)
		redactSearch(t, token, at+" JSON", string(j))
		for _, verb := range redactVerbs {
			redactSearch(t, token, at+" "+verb, fmt.Sprintf(verb, *v))
		}
	}
	redactSearch(t, token, where+": List.Error()", list.Error())
	j, err := json.Marshal(list)
	if err != nil {
		t.Fatalf("%s: json.Marshal(list): %v", where, err)
	}
	redactSearch(t, token, where+": json.Marshal(list)", string(j))
	for _, verb := range redactVerbs {
		redactSearch(t, token, where+": list "+verb, fmt.Sprintf(verb, list))
	}
	var walk func(err error, depth int)
	walk = func(err error, depth int) {
		if err == nil || depth > 8 {
			return
		}
		redactSearch(t, token, fmt.Sprintf("%s: unwrapped error (depth %d)", where, depth), err.Error())
		if m, ok := err.(interface{ Unwrap() []error }); ok {
			for _, e := range m.Unwrap() {
				walk(e, depth+1)
			}
		}
		walk(errors.Unwrap(err), depth+1)
	}
	walk(list, 0)
	walk(list.Err(), 0)
	var one *cuerrors.Violation
	if errors.As(error(list), &one) {
		redactSearch(t, token, where+": errors.As violation", one.Error())
	}
}

func relatedOf(v *cuerrors.Violation) []string {
	out := make([]string, len(v.Related))
	for i, p := range v.Related {
		out[i] = p.String()
	}
	return out
}

// redactBase is the request the values are planted in: valid under
// CONNECT_MANAGED, every sensitive member set, PhoneNumberConfigs with a
// DESK_PHONE number.
func redactBase() *CreateUserInput { return fullRequest() }

func TestRedaction(t *testing.T) {
	seed := propSeed(t)
	t.Logf("seed %d; replay with: go test ./user/ -run '^TestRedaction$' -gopter.seed=%d", seed, seed)
	r := rand.New(rand.NewPCG(uint64(seed), 0x5ec7e7))
	for _, m := range redactMembers {
		for _, val := range m.values {
			token := redactToken(r, m.phone)
			t.Run(m.path+"/"+val.name, func(t *testing.T) {
				redactCase(t, m, val, token)
			})
		}
	}
}

func redactCase(t *testing.T, m redactMember, val redactValue, token string) {
	value := identity.Secret(val.wrap(token))
	secret := &value
	in := redactBase()
	m.plant(in, secret)

	// The wire encoding carries the value: the one place it must appear.
	doc, err := json.Marshal(in)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(doc), token) {
		t.Fatalf("json.Marshal(in) lacks the planted value: the search below would prove nothing\n%s", doc)
	}
	body, err := in.Body()
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(string(body), token) {
		t.Fatalf("Body() lacks the planted value\n%s", body)
	}

	// Violations under every identity type; at the member when the value
	// breaks a rule.
	var lists []cuerrors.List
	fired := false
	for _, typ := range []identity.Type{identity.Unknown, identity.ConnectManaged, identity.SAML, identity.ExistingDirectory} {
		list := Validate(in, WithIdentityManagement(typ))
		lists = append(lists, list)
		for i := range list {
			fired = fired || list[i].Field.String() == m.path
		}
		redactViolations(t, token, "Validate under "+typ.String(), list)
		read, docList := ValidateDocument(doc, WithIdentityManagement(typ))
		redactViolations(t, token, "ValidateDocument under "+typ.String(), docList)
		if read != nil && !strings.Contains(mustJSON(t, read), token) {
			t.Errorf("ValidateDocument under %v did not read the planted value back", typ)
		}
	}
	if val.fires && !fired {
		t.Errorf("no rule reported at %s under any identity type: the value %q was meant to break one", m.path, val.name)
	}

	// fmt: every verb, on the request, its struct value, IdentityInfo, the
	// Secret and *Secret, PhoneConfig and the phone number list.
	targets := []struct {
		name string
		v    any
	}{
		{"*CreateUserInput", in},
		{"CreateUserInput", *in},
		{"identity.Info", *in.IdentityInfo},
		{"*identity.Info", in.IdentityInfo},
		{"identity.Secret", value},
		{"*identity.Secret", secret},
		{"[]channel.PhoneNumberConfig", in.PhoneNumberConfigs},
	}
	if in.PhoneConfig != nil {
		targets = append(targets, struct {
			name string
			v    any
		}{"PhoneConfig", *in.PhoneConfig})
	}
	for _, x := range targets {
		for _, verb := range redactVerbs {
			redactSearch(t, token, "fmt "+verb+" of "+x.name, fmt.Sprintf(verb, x.v))
		}
		redactSearch(t, token, "fmt.Sprint of "+x.name, fmt.Sprint(x.v))
		redactSearch(t, token, "fmt.Sprintln of "+x.name, fmt.Sprintln(x.v))
	}
	redactSearch(t, token, "Secret.String()", value.String())
	redactSearch(t, token, "Secret.GoString()", value.GoString())

	// log/slog, text and JSON: one record per value, so that a leak names
	// what was logged.
	logged := []struct {
		name string
		v    any
	}{
		{"*CreateUserInput", in},
		{"CreateUserInput", *in},
		{"identity.Info", *in.IdentityInfo},
		{"*identity.Info", in.IdentityInfo},
		{"identity.Secret", value},
		{"*identity.Secret", secret},
		{"violation list", lists[1]},
		{"List.Err()", lists[1].Err()},
	}
	if in.PhoneConfig != nil {
		logged = append(logged, struct {
			name string
			v    any
		}{"*PhoneConfig", in.PhoneConfig})
	}
	for _, h := range []struct {
		name string
		new  func(*bytes.Buffer) slog.Handler
	}{
		{"TextHandler", func(b *bytes.Buffer) slog.Handler { return slog.NewTextHandler(b, nil) }},
		{"JSONHandler", func(b *bytes.Buffer) slog.Handler { return slog.NewJSONHandler(b, nil) }},
	} {
		for _, x := range logged {
			var buf bytes.Buffer
			slog.New(h.new(&buf)).Info("create user", "value", x.v)
			redactSearch(t, token, "slog "+h.name+" record of "+x.name, buf.String())
		}
	}
}

func mustJSON(t *testing.T, v any) string {
	t.Helper()
	j, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return string(j)
}

// TestRedactionDocuments plants the token in request documents whose
// sensitive member the reader cannot take as it is: a value of the wrong
// JSON type holding the token, invalid UTF-8 after it, the member twice,
// and the member's name misspelled. Whatever the reader reports must not
// hold the token.
func TestRedactionDocuments(t *testing.T) {
	seed := propSeed(t)
	t.Logf("seed %d; replay with: go test ./user/ -run '^TestRedactionDocuments$' -gopter.seed=%d", seed, seed)
	r := rand.New(rand.NewPCG(uint64(seed), 0xd0c))
	for _, m := range redactMembers {
		token := redactToken(r, m.phone)
		value := identity.Secret(m.values[0].wrap(token))
		in := redactBase()
		m.plant(in, &value)
		doc := mustJSON(t, in)
		quoted := mustJSON(t, string(value))
		member := `"` + m.name + `":` + quoted
		if strings.Count(doc, member) != 1 {
			t.Fatalf("%s: the document does not hold %s once:\n%s", m.path, member, doc)
		}
		variants := map[string]string{
			"array":      `"` + m.name + `":[` + quoted + `]`,
			"object":     `"` + m.name + `":{"value":` + quoted + `}`,
			"bad-utf8":   `"` + m.name + `":"` + token + "\xff\"",
			"twice":      member + "," + member,
			"misspelled": `"` + m.name[:1] + m.name[2:] + `":` + quoted,
		}
		if m.phone {
			variants["number"] = `"` + m.name + `":` + token
		}
		for name, replacement := range variants {
			t.Run(m.path+"/"+name, func(t *testing.T) {
				d := []byte(strings.Replace(doc, member, replacement, 1))
				for _, typ := range []identity.Type{identity.Unknown, identity.ConnectManaged, identity.SAML, identity.ExistingDirectory} {
					_, list := ValidateDocument(d, WithIdentityManagement(typ))
					if len(list) == 0 {
						t.Errorf("ValidateDocument under %v reports nothing on the broken document:\n%s", typ, d)
					}
					redactViolations(t, token, "ValidateDocument under "+typ.String(), list)
				}
				_, list := Decode(d)
				redactViolations(t, token, "Decode", list)
			})
		}
	}
}
