package user

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	cuerrors "github.com/connectkit/createuser/errors"
	"github.com/connectkit/createuser/identity"
)

// decFuzzSeeds are documents written for the fuzzer besides the test
// tables and the examples.
var decFuzzSeeds = []string{
	`{}`,
	`{"Username":"agent1","SecurityProfileIds":["a","b"],"Tags":{"k":"v"}}`,
	`{"PhoneConfig":{"PhoneType":"DESK_PHONE","AutoAccept":false,"AfterContactWorkTimeLimit":0,"DeskPhoneNumber":"+15555551212","PersistentConnection":true}}`,
	`{"AfterContactWorkConfigs":[{"Channel":"VOICE","AfterContactWorkConfig":{"AfterContactWorkTimeLimit":60},"AgentFirstCallbackAfterContactWorkConfig":{}}]}`,
	`{"PhoneNumberConfigs":[{"Channel":"VOICE","PhoneType":"SOFT_PHONE","PhoneNumber":"+1555"}],"PersistentConnectionConfigs":[{"Channel":"VOICE","PersistentConnection":true}],"VoiceEnhancementConfigs":[{"Channel":"VOICE","VoiceEnhancementMode":"NONE"}]}`,
	`{"Username":"\ud83d\ude00\u00e9\n","Tags":{"\u0061":"\ud800"}}`,
	`{"IdentityInfo":{"FirstName":"Mary","LastName":"Major","Email":"m@example.com","SecondaryEmail":null,"Mobile":"+15555551212"}}`,
	`{"AutoAcceptConfigs":[null,1,{"Channel":"CHAT","AutoAccept":true,"AgentFirstCallbackAutoAccept":false}]}`,
	`{"x":[{"y":[1,-2.5e-3,true,false,null,"s"]}]}`,
	`{"PhoneConfig":{"AfterContactWorkTimeLimit":-99999999999999999999}}`,
	// The limits (limits.go).
	`{"x":` + strings.Repeat("[", 70) + strings.Repeat("]", 70) + `}`,
	`{"SecurityProfileIds":[` + strings.Repeat(`"a",`, MaxCheckedElements) + `"a"]}`,
	`{"AutoAcceptConfigs":[` + strings.Repeat(`1,`, MaxCheckedElements) + `null]}`,
	`{"Tags":{` + strings.Repeat(`"k":1,`, MaxCheckedTags) + `"k":2}}`,
	`{"a":1` + strings.Repeat(`,"a":1`, MaxReadingViolations) + `}`,
	`{"Username":"a\u0000b","IdentityInfo":{"FirstName":"\u0000"}}`,
}

// FuzzDecode reads arbitrary bytes as a request document. Properties: no
// panic; every violation within the catalog (a known code, a severity, a
// rule of user.Rules() with that code and severity, no value for a
// sensitive member) at a path of the request's shape (an unknown member
// below an object of the shape); the same result on a second read; under
// every identity type, ValidateDocument the same twice, and for a document
// read without violations the same as Validate of the request read; and a
// document read without violations is what encoding/json reads, and its
// json.Marshal encoding reads back to an equal request. Seeds: the
// documents below, every table document of decode_test.go, the requests
// of the rule tables as JSON, and the shipped examples (and each line of
// the JSON Lines ones).
func FuzzDecode(f *testing.F) {
	for _, s := range decFuzzSeeds {
		f.Add([]byte(s))
	}
	for _, cases := range [][]decCase{decSyntaxCases, decMemberCases, decTypeCases, decTagCases, decEncodingCases} {
		for _, tc := range cases {
			if len(tc.doc) < 10_000 {
				f.Add([]byte(tc.doc))
			}
		}
	}
	// The requests of the rule tables and the fixtures, as documents.
	for _, in := range fuzzSeedRequests(f) {
		if doc, err := json.Marshal(in); err == nil {
			f.Add(doc)
		}
	}
	for _, pattern := range []string{"../examples/*.json", "../examples/*/*.json", "../examples/*/*.jsonl"} {
		files, _ := filepath.Glob(pattern)
		for _, file := range files {
			data, err := os.ReadFile(file)
			if err != nil {
				f.Fatal(err)
			}
			if strings.HasSuffix(file, ".jsonl") {
				for line := range bytes.Lines(data) {
					f.Add(line)
				}
				continue
			}
			f.Add(data)
		}
	}
	types := append(identity.Types(), identity.Unknown)
	f.Fuzz(func(t *testing.T, data []byte) {
		d := decode(data)
		decCheckViolations(t, d.list)
		checkCatalog(t, "decode", identity.Unknown, d.list)
		checkShape(t, "decode", d.list)
		for _, p := range d.skip {
			if err := shapeError(p, false); err != nil {
				t.Errorf("skipped path: %v", err)
			}
		}
		// Every identity type: within the catalog and the shape, the
		// same list twice, and, for a document read without violations,
		// the list Validate gives for the request read.
		for _, typ := range types {
			v := NewValidator(WithIdentityManagement(typ))
			in, got := v.ValidateDocument(data)
			where := "ValidateDocument under " + typ.String()
			checkCatalog(t, where, typ, got)
			checkShape(t, where, got)
			checkPositions(t, where, data, got)
			if _, again := v.ValidateDocument(data); !sameViolations(got, again) {
				t.Fatalf("%s: a second run differs:\n%v\n%v", where, got, again)
			}
			if len(d.list) == 0 && !d.fatal {
				if typed := v.Validate(in); !sameViolations(got, typed) {
					t.Fatalf("%s differs from Validate of the request read:\n%v\n%v", where, got, typed)
				}
			}
		}
		for i := range d.list {
			if v := &d.list[i]; decSensitive(v.Field.String()) && !v.Value.IsZero() {
				t.Errorf("violation %d at sensitive %s carries a value", i, v.Field)
			}
		}
		if !d.fatal && d.input == nil {
			t.Fatal("input is nil without a fatal error")
		}
		if again := decode(data); !cmp.Equal(d, again, decodedComparer) {
			t.Fatalf("a second decode differs: %v / %v", d.list, again.list)
		}
		if len(d.list) > 0 {
			return
		}
		if len(d.skip) > 0 {
			t.Fatalf("paths skipped without a violation: %v", decPaths(d.skip))
		}
		// A document read without violations is what encoding/json reads
		// (unless it fails on an integer beyond int64, which decode clamps).
		var viaJSON CreateUserInput
		if err := json.Unmarshal(data, &viaJSON); err == nil {
			if diff := cmp.Diff(&viaJSON, d.input); diff != "" {
				t.Errorf("decode differs from encoding/json (-json +decode):\n%s", diff)
			}
		}
		// Its encoding reads back to the same request; json.Marshal leaves
		// out empty lists and maps, so those count as absent.
		out, err := json.Marshal(d.input)
		if err != nil {
			t.Fatal(err)
		}
		back := decode(out)
		if len(back.list) > 0 {
			t.Fatalf("re-encoded document has violations: %v\n%s", back.list, out)
		}
		if diff := cmp.Diff(d.input, back.input, cmpopts.EquateEmpty()); diff != "" {
			t.Errorf("round trip through json.Marshal differs (-first +second):\n%s", diff)
		}
	})
}

// decSensitive reports whether the wire path field is, or is under, a
// member whose value must never be shown.
func decSensitive(field string) bool {
	if field == "Password" || strings.HasPrefix(field, "IdentityInfo") || field == "PhoneConfig.DeskPhoneNumber" {
		return true
	}
	return strings.HasPrefix(field, "PhoneNumberConfigs[") && strings.HasSuffix(field, "].PhoneNumber")
}

// checkPositions checks that every violation of a document read (not one
// over the size limit) has a position inside it: a line of data and a
// column at most one past the line's last character.
func checkPositions(t *testing.T, where string, data []byte, list cuerrors.List) {
	t.Helper()
	if len(list) == 1 && list[0].Rule == "document.size" {
		return
	}
	lines := strings.Split(string(data), "\n")
	for i := range list {
		v := &list[i]
		if v.Line < 1 || v.Line > len(lines) || v.Column < 1 || v.Column > utf8.RuneCountInString(lines[v.Line-1])+1 {
			t.Errorf("%s: %s at %q has position %d:%d, outside the document", where, v.Rule, v.Field.String(), v.Line, v.Column)
		}
	}
}
