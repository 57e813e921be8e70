package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/connectkit/createuser/identity"
	"github.com/connectkit/createuser/user"
)

// End-to-end tests over documents crafted here.

const testInstance = "a1b2c3d4-5678-90ab-cdef-EXAMPLE11111"

// doc returns a one-line request document for username in instance that
// is valid under every identity management type but SAML and
// EXISTING_DIRECTORY (it has a Password), so valid under Unknown and
// CONNECT_MANAGED; changes replace members.
func doc(instance, username string, changes ...string) string {
	members := map[string]any{
		"InstanceId":         instance,
		"Username":           username,
		"Password":           "Passw0rdExample",
		"IdentityInfo":       map[string]string{"FirstName": "Mary", "LastName": "Major", "Email": "mary@example.com"},
		"SecurityProfileIds": []string{"12345678-1234-1234-1234-123456789012"},
		"RoutingProfileId":   "87654321-4321-4321-4321-210987654321",
	}
	for i := 0; i+1 < len(changes); i += 2 {
		var v any
		if err := json.Unmarshal([]byte(changes[i+1]), &v); err != nil {
			panic(err)
		}
		if v == nil {
			delete(members, changes[i])
			continue
		}
		members[changes[i]] = v
	}
	b, err := json.Marshal(members)
	if err != nil {
		panic(err)
	}
	return string(b)
}

// writeFiles writes files (name to content) under a new directory and
// returns it.
func writeFiles(t testing.TB, files map[string]string) string {
	t.Helper()
	dir := t.TempDir()
	for name, content := range files {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dir
}

func identityType(t testing.TB, s string) identity.Type {
	t.Helper()
	typ, err := identity.ParseType(s)
	if err != nil {
		t.Fatal(err)
	}
	return typ
}

func lines(ls ...string) string { return strings.Join(ls, "\n") + "\n" }

func TestExitStatus(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"valid.json":   doc(testInstance, "agent1"),
		"warning.json": doc(testInstance, "agent2", "IdentityInfo", `{"FirstName":"Mary","LastName":"Major"}`),
		"broken.json":  `{"InstanceId": `,
	})
	for _, tc := range []struct {
		name string
		args []string
		want int
	}{
		{"valid", []string{"validate", "valid.json"}, exitOK},
		{"warning", []string{"validate", "--identity-management", "CONNECT_MANAGED", "warning.json"}, exitOK},
		{"warning strict", []string{"validate", "--identity-management", "CONNECT_MANAGED", "--strict", "warning.json"}, exitInvalid},
		{"warning strict json", []string{"validate", "--identity-management", "CONNECT_MANAGED", "--strict", "--format", "json", "warning.json"}, exitInvalid},
		{"error", []string{"validate", "valid.json", "broken.json"}, exitInvalid},
		{"unreadable path", []string{"validate", "valid.json", "missing.json"}, exitUsage},
		{"unreadable path wins over errors", []string{"validate", "missing.json", "broken.json"}, exitUsage},
		{"no path", []string{"validate"}, exitUsage},
		{"unknown flag", []string{"validate", "--colour", "valid.json"}, exitUsage},
		{"bad format", []string{"validate", "--format", "xml", "valid.json"}, exitUsage},
		{"bad identity type", []string{"validate", "--identity-management", "LDAP", "valid.json"}, exitUsage},
		{"bad size", []string{"validate", "--max-document-size", "0", "valid.json"}, exitUsage},
		{"bad input", []string{"validate", "--input", "yaml", "valid.json"}, exitUsage},
		{"no command", nil, exitUsage},
		{"unknown command", []string{"check", "valid.json"}, exitUsage},
		{"rules extra argument", []string{"rules", "x"}, exitUsage},
		{"help", []string{"--help"}, exitOK},
		{"validate help", []string{"validate", "--help"}, exitOK},
		{"version", []string{"--version"}, exitOK},
		{"rules", []string{"rules"}, exitOK},
		{"skeleton", []string{"skeleton"}, exitOK},
	} {
		t.Run(tc.name, func(t *testing.T) {
			res := runBinary(t, dir, nil, tc.args...)
			if res.code != tc.want {
				t.Errorf("connectuser %v: exit status %d, want %d\nstdout:\n%s\nstderr:\n%s", tc.args, res.code, tc.want, res.stdout, res.stderr)
			}
			if tc.want == exitUsage && res.stderr == "" {
				t.Errorf("connectuser %v: exit status 2 without a message", tc.args)
			}
		})
	}
}

// TestUnreadablePath: the run reports what it can, names the path on
// standard error, and exits 2.
func TestUnreadablePath(t *testing.T) {
	dir := writeFiles(t, map[string]string{"a.json": doc(testInstance, "agent1"), "b.json": doc(testInstance, "agent2")})
	res := runBinary(t, dir, nil, "validate", "--format", "json", "a.json", "missing.json", "b.json")
	if res.code != exitUsage {
		t.Errorf("exit status %d, want 2", res.code)
	}
	if !strings.Contains(res.stderr, "missing.json") {
		t.Errorf("stderr does not name the path:\n%s", res.stderr)
	}
	var sources []string
	for _, r := range parseReport(t, res.stdout) {
		sources = append(sources, r.Source)
	}
	if diff := cmp.Diff([]string{"a.json", "b.json"}, sources); diff != "" {
		t.Errorf("sources (-want +got):\n%s", diff)
	}
	text := runBinary(t, dir, nil, "validate", "a.json", "missing.json")
	if !strings.Contains(text.stdout, "1 unreadable path") {
		t.Errorf("the summary does not count the unreadable path:\n%s", text.stdout)
	}
}

func TestJSONLinesBrokenLines(t *testing.T) {
	dir := writeFiles(t, map[string]string{"users.jsonl": lines(
		doc(testInstance, "agent1"),
		`{"InstanceId": "x", "Username":`,
		"",
		"   \t",
		doc(testInstance, "agent2"),
		`not json at all`,
		`{"a":1} {"b":2}`,
		`null`,
		doc(testInstance, "agent3")+"\r",
	)})
	res := runBinary(t, dir, nil, "validate", "--format", "json", "users.jsonl")
	got := parseReport(t, res.stdout)
	compare(t, expected(t, dir, []string{"users.jsonl"}), got)
	var where []string
	for _, r := range got {
		where = append(where, r.where())
	}
	want := []string{"users.jsonl:1", "users.jsonl:2", "users.jsonl:5", "users.jsonl:6", "users.jsonl:7", "users.jsonl:8", "users.jsonl:9"}
	if diff := cmp.Diff(want, where); diff != "" {
		t.Fatalf("documents (-want +got):\n%s", diff)
	}
	for i, r := range got {
		switch r.Line {
		case 1, 5, 9:
			if len(r.Violations) != 0 {
				t.Errorf("line %d: %v, want no violation", r.Line, r.triples())
			}
		case 2, 6, 7:
			if !r.has("", "syntax", "error") {
				t.Errorf("line %d: %v, want a syntax error", r.Line, r.triples())
			}
		case 8:
			if !r.has("", "type", "error") {
				t.Errorf("line %d: %v, want a type error (null document)", r.Line, r.triples())
			}
		default:
			t.Errorf("record %d: line %d", i, r.Line)
		}
	}
	if res.code != exitInvalid {
		t.Errorf("exit status %d, want 1", res.code)
	}
}

func TestDirectory(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"docs/b.json":        doc(testInstance, "agent-b"),
		"docs/a.jsonl":       lines(doc(testInstance, "agent-a1"), doc(testInstance, "agent-a2")),
		"docs/c.JSON":        doc(testInstance, "agent-c"),
		"docs/notes.txt":     "not a document",
		"docs/sub/d.json":    doc(testInstance, "agent-d"),
		"docs/e.json.bak":    "{",
		"other/f.json":       doc(testInstance, "agent-f"),
		"docs/z-broken.json": "{",
	})
	res := runBinary(t, dir, nil, "validate", "--format", "json", "docs", "other/f.json")
	var where []string
	for _, r := range parseReport(t, res.stdout) {
		where = append(where, r.where())
	}
	want := []string{"docs/a.jsonl:1", "docs/a.jsonl:2", "docs/b.json", "docs/c.JSON", "docs/z-broken.json", "other/f.json"}
	if diff := cmp.Diff(want, where); diff != "" {
		t.Errorf("documents (-want +got):\n%s", diff)
	}
	// A trailing slash changes nothing but the way the directory is given.
	res2 := runBinary(t, dir, nil, "validate", "--format", "json", "docs/")
	if got := parseReport(t, res2.stdout); len(got) != 5 || got[0].Source != "docs/a.jsonl" {
		t.Errorf("docs/: %v", got)
	}
}

func TestStdin(t *testing.T) {
	pretty, err := json.MarshalIndent(json.RawMessage(doc(testInstance, "agent1")), "", "    ")
	if err != nil {
		t.Fatal(err)
	}
	twoLines := lines(doc(testInstance, "agent1"), "", doc(testInstance, "agent1"))
	for _, tc := range []struct {
		name  string
		args  []string
		stdin string
		want  []string // where of each record
		dup   bool     // the last record is a duplicate
	}{
		{"auto: a document over lines", []string{"-"}, "\n" + string(pretty) + "\n", []string{"-"}, false},
		{"auto: JSON Lines", []string{"-"}, twoLines, []string{"-:1", "-:3"}, true},
		{"auto: nothing", []string{"-"}, "\n  \n", nil, false},
		{"auto: broken first line is one document", []string{"-"}, "{\n", []string{"-"}, false},
		{"--input json: one line is one document", []string{"--input", "json", "-"}, doc(testInstance, "agent1") + "\n", []string{"-"}, false},
		{"--input jsonl", []string{"-", "--input", "jsonl"}, "{\n" + doc(testInstance, "agent1") + "\n", []string{"-:1", "-:2"}, false},
		{"stdin and a file", []string{"-", "a.json"}, doc(testInstance, "agent1"), []string{"-:1", "a.json"}, true},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := writeFiles(t, map[string]string{"a.json": doc(testInstance, "agent1")})
			args := append([]string{"validate", "--format", "json"}, tc.args...)
			res := runBinary(t, dir, []byte(tc.stdin), args...)
			recs := parseReport(t, res.stdout)
			var where []string
			for _, r := range recs {
				where = append(where, r.where())
			}
			if diff := cmp.Diff(tc.want, where); diff != "" {
				t.Fatalf("documents (-want +got):\n%s\nstderr:\n%s", diff, res.stderr)
			}
			if tc.dup && !recs[len(recs)-1].has("Username", "duplicate", "error") {
				t.Errorf("last document: %v, want a duplicate Username", recs[len(recs)-1].triples())
			}
			if tc.name == "auto: a document over lines" && len(recs[0].Violations) != 0 {
				t.Errorf("pretty document: %v", recs[0].triples())
			}
		})
	}
}

func TestDuplicateUsernamesAcrossFiles(t *testing.T) {
	arn := "arn:aws:connect:us-west-2:123456789012:instance/" + testInstance
	dir := writeFiles(t, map[string]string{
		"a.json":  doc(testInstance, "ana"),
		"b.jsonl": lines(doc("other-instance", "ana"), doc(arn, "ana"), doc(testInstance, "Ana"), doc(testInstance, "li")),
		// Invalid documents count too.
		"c.json": doc(testInstance, "li", "RoutingProfileId", `""`),
		"d.json": doc(testInstance, "ana", "Password", `"short"`),
	})
	res := runBinary(t, dir, nil, "validate", "--format", "json", "a.json", "b.jsonl", "c.json", "d.json")
	got := parseReport(t, res.stdout)
	compare(t, expected(t, dir, []string{"a.json", "b.jsonl", "c.json", "d.json"}), got)
	wantRelated := map[string]string{
		"b.jsonl:2": "a.json#Username", // an instance ARN counts as its ID
		"c.json":    "b.jsonl:4#Username",
		"d.json":    "a.json#Username",
	}
	for _, r := range got {
		var related []string
		for _, v := range r.Violations {
			if v.Field == "Username" && v.Code == "duplicate" {
				if v.Severity != "error" || v.Rule != "batch.username.duplicate" {
					t.Errorf("%s: %+v", r.where(), v)
				}
				related = append(related, v.Related...)
			}
		}
		var want []string
		if w, ok := wantRelated[r.where()]; ok {
			want = []string{w}
		}
		if diff := cmp.Diff(want, related); diff != "" {
			t.Errorf("%s: duplicate related (-want +got):\n%s", r.where(), diff)
		}
	}
}

func TestOverlongLine(t *testing.T) {
	big := doc(testInstance, "agent2", "Tags", `{"k":"`+strings.Repeat("v", 2<<20)+`"}`)
	dir := writeFiles(t, map[string]string{
		"users.jsonl": lines(doc(testInstance, "agent1"), big, doc(testInstance, "agent3")),
		"big.json":    doc(testInstance, "agent4", "Tags", `{"k":"`+strings.Repeat("v", 3000)+`"}`),
	})
	tooLarge := []string{`"" length error`}
	t.Run("default limit", func(t *testing.T) {
		res := runBinary(t, dir, nil, "validate", "--format", "json", "users.jsonl")
		got := parseReport(t, res.stdout)
		if len(got) != 3 {
			t.Fatalf("%d records, want 3", len(got))
		}
		if diff := cmp.Diff(tooLarge, got[1].triples()); got[1].Line != 2 || diff != "" {
			t.Errorf("line %d (-want +got):\n%s", got[1].Line, diff)
		}
		if got[1].Violations[0].Rule != "document.size" {
			t.Errorf("rule %q", got[1].Violations[0].Rule)
		}
		if len(got[0].Violations)+len(got[2].Violations) != 0 || got[2].Line != 3 {
			t.Errorf("the lines around: %v %v", got[0], got[2])
		}
	})
	t.Run("--max-document-size", func(t *testing.T) {
		res := runBinary(t, dir, nil, "validate", "--format", "json", "--max-document-size", "2KiB", "big.json", "users.jsonl")
		got := parseReport(t, res.stdout)
		var sizes []string
		for _, r := range got {
			if slices.Equal(r.triples(), tooLarge) {
				sizes = append(sizes, r.where())
			}
		}
		if diff := cmp.Diff([]string{"big.json", "users.jsonl:2"}, sizes); diff != "" {
			t.Errorf("too large (-want +got):\n%s", diff)
		}
	})
}

// TestTextReport checks the shape of the text report: documents with
// violations under their file:line, one line per violation with the
// severity, the field and the code, and the summary line; no colour when
// standard output is not a terminal.
func TestTextReport(t *testing.T) {
	first, third := doc(testInstance, "bad name"), doc(testInstance, "agent1", "IdentityInfo", `{"FirstName":"Mary","LastName":"Major"}`)
	dir := writeFiles(t, map[string]string{
		"a.json":  doc(testInstance, "agent1"),
		"b.jsonl": lines(first, "", third),
	})
	// Positions: the member's name, in the file's line; a missing member
	// at its parent.
	username := strconv.Itoa(strings.Index(first, `"Username"`) + 1)
	identityInfo := strconv.Itoa(strings.Index(third, `"IdentityInfo"`) + 1)
	dupUsername := strconv.Itoa(strings.Index(third, `"Username"`) + 1)
	res := runBinary(t, dir, nil, "validate", "--identity-management", "CONNECT_MANAGED", "a.json", "b.jsonl")
	if res.code != exitInvalid {
		t.Errorf("exit status %d, want 1", res.code)
	}
	if strings.Contains(res.stdout, "\x1b[") {
		t.Error("colour in a report that is not on a terminal")
	}
	for _, want := range []*regexp.Regexp{
		regexp.MustCompile(`(?m)^b\.jsonl:1\n  b\.jsonl:1:` + username + ` +error +Username +pattern +\S`),
		regexp.MustCompile(`(?m)^b\.jsonl:3\n(  .*\n)*  b\.jsonl:3:` + identityInfo + ` +warning +IdentityInfo\.Email +required +\S`),
		regexp.MustCompile(`(?m)^  b\.jsonl:3:` + dupUsername + ` +error +Username +duplicate +.*a\.json#Username`),
		regexp.MustCompile(`(?m)\n\n3 documents, 1 valid, 2 errors, 1 warning\n$`),
	} {
		if !want.MatchString(res.stdout) {
			t.Errorf("the text report does not match %s:\n%s", want, res.stdout)
		}
	}
	if strings.Contains(res.stdout, "a.json\n") {
		t.Errorf("a valid document without violations is listed:\n%s", res.stdout)
	}
}

// TestNoSensitiveValues: whatever is wrong with a sensitive member, and
// however broken the document, its value never reaches the output.
func TestNoSensitiveValues(t *testing.T) {
	secrets := []string{"SECRETpw one", "SECRETfirst\u0301", "SECRETlast", "SECRETmail", "SECRETmail2", "SECRETmobile", "SECRETdesk", "SECRETnumber", "SECRETbroken"}
	bad := doc(testInstance, "agent1",
		"Password", `"SECRETpw one"`,
		"IdentityInfo", `{"FirstName":"SECRETfirst\u0301","LastName":"SECRETlast","Email":"SECRETmail","SecondaryEmail":"SECRETmail2","Mobile":"SECRETmobile"}`,
		"PhoneConfig", `{"PhoneType":"SOFT_PHONE","DeskPhoneNumber":"SECRETdesk"}`,
		"PhoneNumberConfigs", `[{"Channel":"VOICE","PhoneType":"SOFT_PHONE","PhoneNumber":"SECRETnumber"}]`)
	dir := writeFiles(t, map[string]string{
		"users.jsonl": lines(bad,
			`{"Password": "SECRETbroken", `,
			`{"Password": "SECRETbroken" "Username": "x"}`,
			`{"IdentityInfo": {"Email": ["SECRETbroken"]}, "Password": 5}`,
			`{"Password": "SECRETbroken\u0000", "Password": "SECRETbroken"}`,
			`{"PhoneConfig": {"DeskPhoneNumber": {"SECRETbroken": 1}}}`),
	})
	for _, format := range []string{"text", "json"} {
		for _, mode := range []string{"UNKNOWN", "CONNECT_MANAGED", "SAML", "EXISTING_DIRECTORY"} {
			res := runBinary(t, dir, nil, "validate", "--format", format, "--identity-management", mode, "users.jsonl")
			for _, s := range secrets {
				for _, out := range []string{res.stdout, res.stderr} {
					if strings.Contains(out, s) || strings.Contains(out, strings.ReplaceAll(s, "\u0301", `\u0301`)) {
						t.Errorf("%s %s: the output holds %q:\n%s", format, mode, s, out)
					}
				}
			}
		}
	}
}

func TestInterspersedFlags(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"a.json":       doc(testInstance, "agent1"),
		"--odd.json":   doc(testInstance, "agent2"),
		"b.jsonl":      lines(doc(testInstance, "agent3")),
		"warning.json": doc(testInstance, "agent4", "IdentityInfo", `{"FirstName":"Mary","LastName":"Major"}`),
	})
	res := runBinary(t, dir, nil, "validate", "a.json", "--format", "json", "b.jsonl", "--identity-management=CONNECT_MANAGED", "warning.json", "--strict", "--", "--odd.json")
	got := parseReport(t, res.stdout)
	var where []string
	for _, r := range got {
		where = append(where, r.where())
	}
	if diff := cmp.Diff([]string{"a.json", "b.jsonl:1", "warning.json", "--odd.json"}, where); diff != "" {
		t.Errorf("documents (-want +got):\n%s", diff)
	}
	if res.code != exitInvalid {
		t.Errorf("exit status %d, want 1 (--strict after the paths)", res.code)
	}
}

func TestRules(t *testing.T) {
	rules := user.Rules()
	text := runBinary(t, "", nil, "rules")
	for _, r := range rules {
		if !strings.Contains(text.stdout, "\n"+r.ID+" ") && !strings.HasPrefix(text.stdout, r.ID+" ") {
			t.Errorf("text: no rule %s", r.ID)
		}
	}
	js := runBinary(t, "", nil, "rules", "--format", "json")
	var got []user.Rule
	for _, line := range strings.Split(strings.TrimSpace(js.stdout), "\n") {
		var r user.Rule
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			t.Fatalf("%v: %s", err, line)
		}
		got = append(got, r)
	}
	if diff := cmp.Diff(rules, got); diff != "" {
		t.Errorf("rules --format json (-want +got):\n%s", diff)
	}
}

func TestHelpAndVersion(t *testing.T) {
	help := runBinary(t, "", nil, "validate", "--help")
	for _, flag := range []string{"--identity-management", "--format", "--strict", "--max-document-size", "--input", "--jobs"} {
		// Each flag is explained, with an example that uses it.
		i := strings.Index(help.stdout, "  "+flag)
		if i < 0 {
			t.Errorf("validate --help does not explain %s", flag)
			continue
		}
		section := help.stdout[i:]
		if next := strings.Index(section[2:], "\n  --"); next >= 0 {
			section = section[:next+2]
		}
		if !regexp.MustCompile(`connectuser validate .*` + regexp.QuoteMeta(flag)).MatchString(section) {
			t.Errorf("validate --help: no example for %s:\n%s", flag, section)
		}
	}
	for _, args := range [][]string{{"--help"}, {"help"}, {"-h"}} {
		if res := runBinary(t, "", nil, args...); !strings.Contains(res.stdout, "connectuser validate") {
			t.Errorf("%v: %s", args, res.stdout)
		}
	}
	v := runBinary(t, "", nil, "--version")
	if !strings.HasPrefix(v.stdout, "connectuser ") || !strings.Contains(v.stdout, "(go1.") {
		t.Errorf("--version: %q", v.stdout)
	}
}
