package main

import (
	"bytes"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"maps"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/connectkit/createuser/identity"
	"github.com/connectkit/createuser/user"
)

// TestSecretsNeverReachTheReport plants a fresh random value in every
// sensitive member of request documents (SPEC section 3: Password, the
// five IdentityInfo members, PhoneConfig.DeskPhoneNumber and
// PhoneNumberConfigs[].PhoneNumber), in forms that break the member's
// rules and in forms the reader cannot take (wrong JSON type, invalid
// UTF-8, the member twice, a misspelled name, a syntax error right after
// it, a document over the size limit), and runs `validate` over them in
// process under every identity type: the JSON report, the text report
// (plain, and in colour as a terminal would get it) and standard error
// must not hold the value, nor its hexadecimal form. The library reads
// each value (the wire encoding of the request it returns holds it), so
// the search cannot pass for want of one.
func TestSecretsNeverReachTheReport(t *testing.T) {
	seed := time.Now().UnixNano()
	t.Logf("seed %d", seed)
	r := rand.New(rand.NewPCG(uint64(seed), 0xc11))
	type member struct {
		top, name string // the top-level member and the member's own name
		tmpl      string // the top-level member's JSON value; $V is the member's value
		phone     bool
		breaking  func(token string) string // a value that breaks a rule
	}
	members := []member{
		{"Password", "Password", `$V`, false, func(s string) string { return "Aa1 " + s }},
		{"IdentityInfo", "FirstName", `{"FirstName":$V,"LastName":"Major","Email":"mary@example.com"}`, false, func(s string) string { return "Jose\u0301" + s }},
		{"IdentityInfo", "LastName", `{"FirstName":"Mary","LastName":$V,"Email":"mary@example.com"}`, false, func(s string) string { return s + strings.Repeat("n", 300) }},
		{"IdentityInfo", "Email", `{"FirstName":"Mary","LastName":"Major","Email":$V}`, false, func(s string) string { return s + "@example" }},
		{"IdentityInfo", "SecondaryEmail", `{"FirstName":"Mary","LastName":"Major","Email":"mary@example.com","SecondaryEmail":$V}`, false, func(s string) string { return s + ".example.com" }},
		{"IdentityInfo", "Mobile", `{"FirstName":"Mary","LastName":"Major","Email":"mary@example.com","Mobile":$V}`, true, func(s string) string { return s }},
		{"PhoneConfig", "DeskPhoneNumber", `{"PhoneType":"SOFT_PHONE","DeskPhoneNumber":$V}`, true, func(s string) string { return "+0" + s }},
		{"PhoneNumberConfigs", "PhoneNumber", `[{"Channel":"VOICE","PhoneType":"SOFT_PHONE","PhoneNumber":$V}]`, true, func(s string) string { return s }},
	}
	for _, m := range members {
		token := secretToken(r, m.phone)
		quoted, _ := json.Marshal(m.breaking(token))
		plain := fmt.Sprintf("%q", token)
		// Each variant is the top-level member's value with the planted
		// member written some way.
		variants := map[string]string{
			"breaks a rule": strings.Replace(m.tmpl, "$V", string(quoted), 1),
			"as a list":     strings.Replace(m.tmpl, "$V", "["+plain+"]", 1),
			"as an object":  strings.Replace(m.tmpl, "$V", `{"value":`+plain+`}`, 1),
			"bad UTF-8":     strings.Replace(m.tmpl, "$V", `"`+token+"\xff\"", 1),
			"twice":         strings.Replace(m.tmpl, `"`+m.name+`":$V`, `"`+m.name+`":`+plain+`,"`+m.name+`":`+string(quoted), 1),
			"misspelled":    strings.Replace(m.tmpl, `"`+m.name+`":$V`, `"`+m.name[:1]+m.name[2:]+`":`+plain, 1),
		}
		if m.top == "Password" {
			variants["twice"] = plain + `,"Password":` + string(quoted)
			variants["misspelled"] = `"x","Pasword":` + plain
		}
		if m.phone {
			variants["as a number"] = strings.Replace(m.tmpl, "$V", token, 1)
		}
		var docs []string
		breaking := 0 // the index of the rule-breaking document
		for _, name := range slices.Sorted(maps.Keys(variants)) {
			if name == "breaks a rule" {
				breaking = len(docs)
			}
			d := doc(testInstance, "agent-"+strings.ReplaceAll(name, " ", "-"), m.top, `"PLACEHOLDER"`)
			docs = append(docs, strings.Replace(d, `"PLACEHOLDER"`, variants[name], 1))
		}
		// Broken documents: a syntax error right after the value, and a
		// document over the size limit.
		docs = append(docs,
			`{"`+m.top+`":`+strings.Replace(m.tmpl, "$V", plain, 1)+` "x"}`,
			`{"`+m.top+`":`+strings.Replace(m.tmpl, "$V", plain+strings.Repeat(" ", 2048), 1)+`}`)
		input := strings.Join(docs, "\n") + "\n"

		// The library reads the planted value: the wire encoding of the
		// request it returns for the rule-breaking document holds it.
		in, _ := user.ValidateDocument([]byte(docs[breaking]))
		if wire, _ := json.Marshal(in); !strings.Contains(string(wire), token) {
			t.Fatalf("%s.%s: the request read lacks the planted value: %s", m.top, m.name, wire)
		}

		for _, mode := range []string{"UNKNOWN", "CONNECT_MANAGED", "SAML", "EXISTING_DIRECTORY"} {
			for _, format := range []string{"json", "text"} {
				var stdout, stderr bytes.Buffer
				code := run([]string{"validate", "--format", format, "--identity-management", mode, "--max-document-size", "2KiB", "--input", "jsonl", "-"},
					strings.NewReader(input), &stdout, &stderr)
				if code != exitInvalid {
					t.Errorf("%s.%s %s %s: exit status %d", m.top, m.name, mode, format, code)
				}
				where := fmt.Sprintf("%s.%s, %s report under %s", m.top, m.name, format, mode)
				secretSearch(t, token, where, stdout.String())
				secretSearch(t, token, where+", standard error", stderr.String())
			}
			// The colour report, as the text report renders it on a
			// terminal, from the same lists.
			v := user.NewValidator(user.WithIdentityManagement(identityOf(t, mode)), user.WithMaxDocumentSize(2048))
			var batch user.Batch
			for i, d := range docs {
				in, list := v.ValidateDocument([]byte(d))
				if dup, ok := batch.Add(in, user.Origin{Source: "-", Line: i + 1}); ok {
					list = append(list, dup)
				}
				j := &job{origin: user.Origin{Source: "-", Line: i + 1}, list: list}
				secretSearch(t, token, fmt.Sprintf("%s.%s, colour report of document %d under %s", m.top, m.name, i+1, mode), string(appendTextReport(nil, j, colour)))
			}
		}
	}
}

func identityOf(t *testing.T, mode string) identity.Type {
	t.Helper()
	typ, err := identity.ParseType(mode)
	if err != nil {
		t.Fatal(err)
	}
	return typ
}

// secretToken returns a random token: 12 digits, the first not 0, for a
// phone number; otherwise "Qx" and 14 lowercase letters and digits.
func secretToken(r *rand.Rand, phone bool) string {
	var b strings.Builder
	if phone {
		b.WriteByte(byte('1' + r.IntN(9)))
		for range 11 {
			b.WriteByte(byte('0' + r.IntN(10)))
		}
		return b.String()
	}
	const alphabet = "abcdefghijklmnopqrstuvwxyz0123456789"
	b.WriteString("Qx")
	for range 14 {
		b.WriteByte(alphabet[r.IntN(len(alphabet))])
	}
	return b.String()
}

// secretSearch fails t when out holds token or its hexadecimal form.
func secretSearch(t *testing.T, token, where, out string) {
	t.Helper()
	for _, form := range []string{token, hex.EncodeToString([]byte(token)), strings.ToUpper(hex.EncodeToString([]byte(token)))} {
		if strings.Contains(out, form) {
			t.Errorf("%s holds the planted value:\n%s", where, out)
			return
		}
	}
}
