package user

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/connectkit/createuser/internal/pattern"
)

// requirePythonJSONSchema skips the test without python3 and its
// jsonschema package, unless CREATEUSER_REQUIRE_CLIENTS=1 (CI), where it
// fails.
func requirePythonJSONSchema(t *testing.T) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	if err := exec.CommandContext(ctx, "python3", "-c", "import jsonschema").Run(); err != nil {
		if os.Getenv("CREATEUSER_REQUIRE_CLIENTS") == "1" {
			t.Fatalf("Python 3 with jsonschema is required (CREATEUSER_REQUIRE_CLIENTS=1) but missing: %v", err)
		}
		t.Skipf("Python 3 with jsonschema is not installed (%v); CI installs it", err)
	}
}

// tagKeyAllowed is the catalog's verdict on one tag key character.
func tagKeyAllowed(r rune) bool { return pattern.TagKey(string(r)) }

// tagKeyProbes returns tag keys that probe every edge of the catalog's
// tag key characters in the Basic Multilingual Plane (the last character
// before and the first after each change of verdict), characters beyond
// it, and the other tag key rules.
func tagKeyProbes() []string {
	keys := []string{"team", "cost-center", "a b", "x_.:/=+-@", "aws:team", "AWS:team", "awsteam",
		strings.Repeat("k", 128), strings.Repeat("k", 129), strings.Repeat("é", 128),
		"k\n", "\n", "k\t", "k!", "k#", "k[", "k]", "k\\", "k^", "k-", "k\u2028", "k\u3000", "k\u00a0", "k\ufeff", "k\ufffd",
		"k\U0001D400", "k\U00020000", "k\U0001F600", "k\U0010FFFD", "k\U000E0001"}
	for r := rune(1); r <= 0xFFFF; r++ {
		if r >= 0xD800 && r <= 0xDFFF {
			continue
		}
		if tagKeyAllowed(r) != tagKeyAllowed(r-1) || r == 0xE000 {
			keys = append(keys, "k"+string(r-1), "k"+string(r))
		}
	}
	return keys
}

// beyondBMP reports whether s has a character beyond U+FFFF, which the
// schema leaves unchecked in tag keys (see JSONSchema).
func beyondBMP(s string) bool {
	for _, r := range s {
		if r > 0xFFFF {
			return true
		}
	}
	return false
}

// schemaCase is a document and what a JSON Schema validator must say of
// it.
type schemaCase struct {
	doc    []byte
	accept bool
}

// pythonSchemaCases returns the documents judged by both validators: the
// examples, a document per tag key probe, and values ending in a line
// break (which Python's $ would let through).
func pythonSchemaCases(t *testing.T) map[string]schemaCase {
	t.Helper()
	cases := map[string]schemaCase{}
	for name, doc := range exampleDocs(t) {
		if len(validUnder(doc)) > 0 {
			cases["example "+name] = schemaCase{doc, true}
		} else if strings.HasPrefix(name, "many-violations") {
			cases["example "+name] = schemaCase{doc, false}
		}
	}
	base := func(extra map[string]any) []byte {
		m := map[string]any{"InstanceId": "i", "Username": "u", "SecurityProfileIds": []string{"p"}, "RoutingProfileId": "r"}
		for k, v := range extra {
			m[k] = v
		}
		doc, err := json.Marshal(m)
		if err != nil {
			t.Fatal(err)
		}
		return doc
	}
	for _, key := range tagKeyProbes() {
		if !utf8.ValidString(key) {
			t.Fatalf("probe %q is not UTF-8", key)
		}
		doc := base(map[string]any{"Tags": map[string]string{key: "v"}})
		goAccepts := len(validUnder(doc)) > 0
		// Beyond the BMP the schema is looser, as its description says.
		cases[fmt.Sprintf("tag key %+q", key)] = schemaCase{doc, goAccepts || beyondBMP(key)}
	}
	for name, extra := range map[string]map[string]any{
		"username with a line break at the end": {"Username": "agent\n"},
		"mobile with a line break at the end":   {"IdentityInfo": map[string]any{"Mobile": "+15555550100\n"}},
		"email with a line break at the end":    {"IdentityInfo": map[string]any{"Email": "a@example.com\n"}},
		"password with a line break at the end": {"Password": "Passw0rdExample\n"},
		"password with a space":                 {"Password": "Passw0rd Example"},
		"desk phone":                            {"PhoneConfig": map[string]any{"PhoneType": "DESK_PHONE", "DeskPhoneNumber": "+15555550100"}},
	} {
		doc := base(extra)
		cases[name] = schemaCase{doc, len(validUnder(doc)) > 0}
	}
	return cases
}

// Python's jsonschema (not Go, not the same regular expressions) reads
// the schema as valid, its patterns included, and judges the example
// documents and every tag key probe as the Go validator does: the schema
// is written in the portable subset of ECMA-262 regular expressions that
// JSON Schema recommends. The schema's own Go validator agrees too.
func TestSchemaWithPythonJSONSchema(t *testing.T) {
	requirePythonJSONSchema(t)
	cases := pythonSchemaCases(t)
	dir := t.TempDir()
	schemaPath, casesPath := filepath.Join(dir, "schema.json"), filepath.Join(dir, "cases.json")
	docs := map[string]json.RawMessage{}
	for name, c := range cases {
		docs[name] = c.doc
	}
	casesJSON, err := json.Marshal(docs)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(schemaPath, JSONSchema(), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(casesPath, casesJSON, 0o600); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	cmd := exec.CommandContext(ctx, "python3", filepath.Join("testdata", "jsonschema_check.py"), schemaPath, casesPath)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	stdout, err := cmd.Output()
	if err != nil {
		t.Fatalf("python3: %v\n%s", err, stderr.String())
	}
	var got struct {
		CheckSchema *string            `json:"check_schema"`
		Results     map[string]*string `json:"results"`
	}
	if err := json.Unmarshal(stdout, &got); err != nil {
		t.Fatalf("python3 wrote %q: %v", stdout, err)
	}
	if got.CheckSchema != nil {
		t.Fatalf("Python's jsonschema rejects the schema: %s", *got.CheckSchema)
	}
	goSchema := compiledSchema(t)
	for name, c := range cases {
		res, ok := got.Results[name]
		if !ok {
			t.Errorf("%s: no result from Python", name)
			continue
		}
		if pyAccepts := res == nil; pyAccepts != c.accept {
			t.Errorf("%s: Python's jsonschema accepts it: %v, want %v (%v)", name, pyAccepts, c.accept, res)
		}
		if goAccepts := schemaAccepts(goSchema, c.doc) == nil; goAccepts != c.accept {
			t.Errorf("%s: the Go JSON Schema validator accepts it: %v, want %v", name, goAccepts, c.accept)
		}
	}
	t.Logf("%d documents judged alike by Python's jsonschema, the Go validator and the catalog", len(cases))
}

// usernameClass is the class of pattern.UsernameRegexp, which the catalog
// checks with.
func TestSchemaUsernameClass(t *testing.T) {
	if want := "^[" + usernameClass + "]*$"; want != pattern.UsernameRegexp {
		t.Errorf("usernameClass gives %s, the catalog's pattern is %s", want, pattern.UsernameRegexp)
	}
}
