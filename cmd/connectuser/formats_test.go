package main

import (
	"encoding/json"
	"encoding/xml"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/connectkit/createuser/user"
)

// The SARIF of the shipped examples, as the command writes it, validates
// against the official schema and has a result per violation of the JSON
// report, at the same rule and position.
func TestSARIFOfExamples(t *testing.T) {
	exampleFiles(t)
	res := runBinary(t, moduleRoot, nil, "validate", "--format", "sarif", examplesDir)
	if res.code != exitInvalid || res.stderr != "" {
		t.Fatalf("exit status %d, stderr %q", res.code, res.stderr)
	}
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	schema, err := c.Compile(filepath.Join(moduleRoot, "report", "testdata", "sarif-schema-2.1.0.json"))
	if err != nil {
		t.Fatal(err)
	}
	inst, err := jsonschema.UnmarshalJSON(strings.NewReader(res.stdout))
	if err != nil {
		t.Fatal(err)
	}
	if err := schema.Validate(inst); err != nil {
		t.Fatalf("not valid SARIF 2.1.0: %v", err)
	}
	var log struct {
		Runs []struct {
			Results []struct {
				RuleID    string `json:"ruleId"`
				Locations []struct {
					PhysicalLocation struct {
						ArtifactLocation struct{ URI string } `json:"artifactLocation"`
						Region           struct{ StartLine, StartColumn int }
					} `json:"physicalLocation"`
				} `json:"locations"`
			} `json:"results"`
		} `json:"runs"`
	}
	if err := json.Unmarshal([]byte(res.stdout), &log); err != nil {
		t.Fatal(err)
	}
	var want, got []string
	for _, r := range parseReport(t, runBinary(t, moduleRoot, nil, "validate", "--format", "json", examplesDir).stdout) {
		for _, v := range r.Violations {
			want = append(want, r.Source+":"+itoa(v.Line)+":"+itoa(v.Column)+" "+v.Rule)
		}
	}
	for _, r := range log.Runs[0].Results {
		l := r.Locations[0].PhysicalLocation
		got = append(got, l.ArtifactLocation.URI+":"+itoa(l.Region.StartLine)+":"+itoa(l.Region.StartColumn)+" "+r.RuleID)
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("SARIF results:\n%s\nJSON report:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

func itoa(n int) string { return strconv.Itoa(n) }

func TestJUnitAndGitHubOfExamples(t *testing.T) {
	exampleFiles(t)
	recs := parseReport(t, runBinary(t, moduleRoot, nil, "validate", "--format", "json", examplesDir).stdout)
	errs, warnings, failedDocs := 0, 0, 0
	for _, r := range recs {
		for _, v := range r.Violations {
			if v.Severity == "error" {
				errs++
			} else {
				warnings++
			}
		}
		if !r.Valid {
			failedDocs++
		}
	}

	res := runBinary(t, moduleRoot, nil, "validate", "--format", "junit", examplesDir)
	if res.code != exitInvalid {
		t.Errorf("junit: exit status %d", res.code)
	}
	var suites struct {
		Suites []struct {
			Cases []struct {
				Failures []struct {
					Type string `xml:"type,attr"`
				} `xml:"failure"`
			} `xml:"testcase"`
		} `xml:"testsuite"`
	}
	if err := xml.Unmarshal([]byte(res.stdout), &suites); err != nil {
		t.Fatal(err)
	}
	cases, failures := 0, 0
	for _, s := range suites.Suites {
		for _, c := range s.Cases {
			cases++
			failures += len(c.Failures)
		}
	}
	if cases != len(recs) || failures != failedDocs {
		t.Errorf("junit: %d cases and %d failures, want %d and one per invalid document: %d", cases, failures, len(recs), failedDocs)
	}

	res = runBinary(t, moduleRoot, nil, "validate", "--format", "github", examplesDir)
	command := regexp.MustCompile(`^::(error|warning) file=examples/documents/[a-z-]+\.jsonl?,line=[1-9][0-9]*,col=[1-9][0-9]*,title=[a-z0-9.-]+::\S`)
	gotErrs, gotWarnings := 0, 0
	for _, l := range strings.Split(strings.TrimSuffix(res.stdout, "\n"), "\n") {
		switch {
		case command.MatchString(l) && strings.HasPrefix(l, "::error"):
			gotErrs++
		case command.MatchString(l):
			gotWarnings++
		case !strings.Contains(l, "documents"):
			t.Errorf("github: not a workflow command: %q", l)
		}
	}
	if gotErrs != errs || gotWarnings != warnings || res.code != exitInvalid {
		t.Errorf("github: %d errors, %d warnings, exit %d; want %d, %d, 1", gotErrs, gotWarnings, res.code, errs, warnings)
	}
}

// --ignore drops rules from every format and from the exit status;
// --fail-on warning and --strict make warnings fail.
func TestIgnoreAndFailOn(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"bad.json":     doc(testInstance, "bad name"),
		"warning.json": doc(testInstance, "agent2", "IdentityInfo", `{"FirstName":"Mary","LastName":"Major"}`),
	})
	for _, tc := range []struct {
		name  string
		args  []string
		code  int
		rules []string
	}{
		{"nothing ignored", nil, exitInvalid, []string{"username.pattern", "identity-info.email.required"}},
		{"the error ignored", []string{"--ignore", "username.pattern"}, exitOK, []string{"identity-info.email.required"}},
		{"a pattern", []string{"--ignore", "username.*", "--ignore", "identity-info.*"}, exitOK, nil},
		{"warnings fail", []string{"--ignore", "username.pattern", "--fail-on", "warning"}, exitInvalid, []string{"identity-info.email.required"}},
		{"strict", []string{"--ignore=username.pattern", "--strict"}, exitInvalid, []string{"identity-info.email.required"}},
		{"warning ignored, strict", []string{"--ignore=username.pattern", "--ignore=identity-info.email.required", "--strict"}, exitOK, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			for _, format := range formats {
				args := append([]string{"validate", "--identity-management", "CONNECT_MANAGED", "--format", format, "bad.json", "warning.json"}, tc.args...)
				res := runBinary(t, dir, nil, args...)
				if res.code != tc.code {
					t.Errorf("%s: exit status %d, want %d; stderr %s", format, res.code, tc.code, res.stderr)
				}
				for _, r := range []string{"username.pattern", "identity-info.email.required"} {
					if got, want := strings.Contains(res.stdout, r), contains(tc.rules, r); got != want && format != "text" && format != "json" {
						t.Errorf("%s: %s in the report: %v, want %v", format, r, got, want)
					}
				}
				if format == "json" {
					var rules []string
					for _, rec := range parseReport(t, res.stdout) {
						for _, v := range rec.Violations {
							rules = append(rules, v.Rule)
						}
					}
					if strings.Join(rules, " ") != strings.Join(tc.rules, " ") {
						t.Errorf("json: rules %v, want %v", rules, tc.rules)
					}
				}
			}
		})
	}
	for _, bad := range [][]string{{"--ignore", "usrname.pattern"}, {"--ignore", "["}, {"--fail-on", "info"}, {"--format", "xml"}} {
		res := runBinary(t, dir, nil, append([]string{"validate", "bad.json"}, bad...)...)
		if res.code != exitUsage || !strings.Contains(res.stderr, bad[1]) && bad[0] != "--fail-on" && bad[0] != "--format" {
			t.Errorf("%v: exit status %d, stderr %q; want 2 naming the value", bad, res.code, res.stderr)
		}
	}
}

func contains(list []string, s string) bool { return slices.Contains(list, s) }

// .connectuser.yaml in the current directory or a parent sets the
// defaults; flags win; a bad key or value is exit 2 naming file and line.
func TestConfigFile(t *testing.T) {
	files := map[string]string{
		"sub/dir/bad.json":     doc(testInstance, "bad name"),
		"sub/dir/warning.json": doc(testInstance, "agent2", "IdentityInfo", `{"FirstName":"Mary","LastName":"Major"}`),
		".connectuser.yaml": "# team settings\nidentity-management: CONNECT_MANAGED\nfail-on: warning\n" +
			"ignore:\n  - username.pattern\nformat: json\n",
	}
	dir := writeFiles(t, files)
	sub := filepath.Join(dir, "sub", "dir")
	res := runBinary(t, sub, nil, "validate", "bad.json", "warning.json")
	if res.code != exitInvalid {
		t.Errorf("exit status %d, want 1 (fail-on warning from the parent's file); stderr %s", res.code, res.stderr)
	}
	recs := parseReport(t, res.stdout) // format: json
	if len(recs) != 2 || len(recs[0].Violations) != 0 || len(recs[1].Violations) != 1 || recs[1].Violations[0].Rule != "identity-info.email.required" {
		t.Errorf("report under the config file: %+v", recs)
	}
	// Flags win.
	res = runBinary(t, sub, nil, "validate", "--fail-on", "error", "--format", "text", "--ignore", "identity-info.*", "bad.json", "warning.json")
	if res.code != exitInvalid || !strings.Contains(res.stdout, "username.pattern") && !strings.Contains(res.stdout, "Username") {
		t.Errorf("flags over the file: exit %d\n%s", res.code, res.stdout)
	}
	if strings.Contains(res.stdout, "IdentityInfo.Email") {
		t.Errorf("--ignore identity-info.* did not replace the file's list:\n%s", res.stdout)
	}
	res = runBinary(t, sub, nil, "validate", "--strict=false", "--fail-on=error", "warning.json")
	if res.code != exitOK {
		t.Errorf("--fail-on error over the file's warning: exit %d", res.code)
	}

	for _, tc := range []struct{ name, content, want string }{
		{"unknown key", "fail-on: error\nformats: json\n", `.connectuser.yaml:2: unknown key "formats"`},
		{"bad value", "identity-management: SAML\nfail-on: never\n", `.connectuser.yaml:2: fail-on: must be error or warning`},
		{"bad format", "format: xml\n", `.connectuser.yaml:1: format: must be`},
		{"bad identity", "\n\nidentity-management: LDAP\n", `.connectuser.yaml:3: identity-management: must be`},
		{"bad ignore", "ignore:\n  - username.pattern\n  - usrname.email\n", `.connectuser.yaml:3: ignore "usrname.email": matches no rule`},
		{"ignore not a list of words", "ignore:\n  - {a: 1}\n", `.connectuser.yaml:2: ignore:`},
		{"not a mapping", "- a\n- b\n", `.connectuser.yaml:1: expected a mapping`},
		{"not YAML", "fail-on: [\n", `.connectuser.yaml: yaml:`},
		{"twice", "fail-on: error\nfail-on: warning\n", `.connectuser.yaml:2: key "fail-on" given twice`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d := writeFiles(t, map[string]string{".connectuser.yaml": tc.content, "a.json": doc(testInstance, "agent1")})
			res := runBinary(t, d, nil, "validate", "a.json")
			if res.code != exitUsage || !strings.Contains(res.stderr, tc.want) {
				t.Errorf("exit status %d, stderr %q; want 2 and %q", res.code, res.stderr, tc.want)
			}
		})
	}
	// An empty file sets nothing.
	d := writeFiles(t, map[string]string{".connectuser.yaml": "# nothing yet\n", "a.json": doc(testInstance, "agent1")})
	if res := runBinary(t, d, nil, "validate", "a.json"); res.code != exitOK {
		t.Errorf("empty config: exit %d, %s", res.code, res.stderr)
	}
	if _, err := os.Stat(filepath.Join(moduleRoot, configName)); err == nil {
		t.Errorf("a %s at the module root would change what the tests run", configName)
	}
}

func TestSchemaCommand(t *testing.T) {
	var out, errOut strings.Builder
	if code := run([]string{"schema"}, nil, &out, &errOut); code != exitOK || errOut.Len() > 0 {
		t.Fatalf("exit status %d, stderr %q", code, errOut.String())
	}
	if out.String() != string(user.JSONSchema()) {
		t.Error("connectuser schema does not print user.JSONSchema()")
	}
	if code := run([]string{"schema", "extra"}, nil, &out, &errOut); code != exitUsage {
		t.Errorf("an argument: exit status %d, want 2", code)
	}
}
