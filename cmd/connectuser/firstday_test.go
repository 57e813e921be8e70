package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"slices"
	"strings"
	"testing"
)

// runIn runs the program in process, in directory dir for relative paths.
func runIn(t *testing.T, dir string, stdin string, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	if dir != "" {
		t.Chdir(dir)
	}
	var out, errw bytes.Buffer
	code = run(args, strings.NewReader(stdin), &out, &errw)
	return out.String(), errw.String(), code
}

// TestDidYouMean: a mistyped subcommand is answered with the nearest one
// of the dispatch table.
func TestDidYouMean(t *testing.T) {
	for _, tc := range []struct{ typed, want string }{
		{"valdiate", "validate"}, {"validat", "validate"}, {"Validate", "validate"}, {"rule", "rules"},
		{"skelton", "skeleton"}, {"val", "validate"}, {"frobnicate", ""}, {"x", ""},
	} {
		_, stderr, code := runIn(t, "", "", tc.typed, "a.json")
		if code != exitUsage {
			t.Errorf("%s: exit status %d", tc.typed, code)
		}
		has := strings.Contains(stderr, "did you mean")
		if tc.want == "" && has || tc.want != "" && !strings.Contains(stderr, "did you mean "+tc.want+"?") {
			t.Errorf("%s: %q, want a suggestion of %q", tc.typed, stderr, tc.want)
		}
	}
	for _, c := range commands { // every subcommand of the table is found
		if got := didYouMean(c.name+"x", commandNames()); got != "; did you mean "+c.name+"?" {
			t.Errorf("%sx: %q", c.name, got)
		}
	}
}

// TestFlagErrorsSpelledWithTwoDashes: flag errors name flags as the help
// does.
func TestFlagErrorsSpelledWithTwoDashes(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{"validate", "--colour", "a.json"}, "unknown flag --colour"},
		{[]string{"validate", "--formt=json", "a.json"}, "unknown flag --formt; did you mean --format?"},
		{[]string{"validate", "--format=xml", "a.json"}, `invalid value "xml" for --format: must be text, json, sarif, junit or github`},
		{[]string{"validate", "--jobs=x", "a.json"}, `invalid value "x" for --jobs: must be a whole number`},
		{[]string{"validate", "--strict=maybe", "a.json"}, `invalid value "maybe" for --strict: must be true or false`},
		{[]string{"validate", "a.json", "--format"}, "--format needs a value"},
		{[]string{"rules", "-x"}, "unknown flag --x"},
	} {
		_, stderr, code := runIn(t, "", "", tc.args...)
		if code != exitUsage || !strings.Contains(stderr, tc.want) {
			t.Errorf("%v: exit status %d, %q; want %q", tc.args, code, stderr, tc.want)
		}
		if strings.Contains(stderr, " -"+strings.TrimLeft(tc.args[1], "-")[:1]) && !strings.Contains(stderr, "--") {
			t.Errorf("%v: a flag with one dash: %q", tc.args, stderr)
		}
		if strings.Contains(stderr, "flag provided but not defined") || strings.Contains(stderr, "for flag -") {
			t.Errorf("%v: the flag package's wording: %q", tc.args, stderr)
		}
	}
}

// TestJobsZero: --jobs 0 is one per CPU; a negative count is a usage
// error.
func TestJobsZero(t *testing.T) {
	opts, _, err := parseValidate([]string{"--jobs", "0", "a.json"})
	if err != nil || opts.jobs != runtime.GOMAXPROCS(0) {
		t.Errorf("--jobs 0: %d, %v", opts.jobs, err)
	}
	if _, _, err := parseValidate([]string{"--jobs", "-1", "a.json"}); err == nil {
		t.Error("--jobs -1: no error")
	}
	dir := writeFiles(t, map[string]string{"a.json": doc(testInstance, "agent1")})
	if _, stderr, code := runIn(t, dir, "", "validate", "--jobs", "0", "a.json"); code != exitOK {
		t.Errorf("--jobs 0: exit status %d, %s", code, stderr)
	}
}

// TestNoDocument: a run that finds no document exits 2 and says so.
func TestNoDocument(t *testing.T) {
	dir := writeFiles(t, map[string]string{"empty/README.txt": "not a document", "blank.jsonl": "\n\n", "a.json": doc(testInstance, "agent1")})
	for _, args := range [][]string{
		{"validate", "empty"},
		{"validate", "blank.jsonl"},
		{"validate", "--format", "json", "empty"},
		{"validate", "-"},
	} {
		stdout, stderr, code := runIn(t, dir, "", args...)
		if code != exitUsage || !strings.Contains(stderr, "no request document found") {
			t.Errorf("%v: exit status %d, stdout %q, stderr %q", args, code, stdout, stderr)
		}
	}
	if _, stderr, code := runIn(t, dir, "", "validate", "empty", "a.json"); code != exitOK {
		t.Errorf("a document besides an empty directory: exit status %d, %s", code, stderr)
	}
}

// TestStrictSummary: under --strict the summary counts a document with a
// warning as failing, as the exit status does.
func TestStrictSummary(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"valid.json":   doc(testInstance, "agent1"),
		"warning.json": doc(testInstance, "agent2", "IdentityInfo", `{"FirstName":"Mary","LastName":"Major"}`),
	})
	stdout, _, code := runIn(t, dir, "", "validate", "--identity-management", "connect_managed", "--strict", "valid.json", "warning.json")
	last := lastLine(stdout)
	if code != exitInvalid || !strings.HasPrefix(last, "2 documents, 1 valid, 0 errors, 1 warning (failing: --strict)") {
		t.Errorf("--strict: exit status %d, summary %q", code, last)
	}
	stdout, _, code = runIn(t, dir, "", "validate", "--identity-management", "CONNECT_MANAGED", "valid.json", "warning.json")
	if last := lastLine(stdout); code != exitOK || last != "2 documents, 2 valid, 0 errors, 1 warning" {
		t.Errorf("without --strict: exit status %d, summary %q", code, last)
	}
}

func lastLine(s string) string {
	s = strings.TrimRight(s, "\n")
	return s[strings.LastIndexByte(s, '\n')+1:]
}

// TestVersionFromBuildInfo: the version comes from the build information.
func TestVersionFromBuildInfo(t *testing.T) {
	for _, tc := range []struct {
		bi   debug.BuildInfo
		want string
	}{
		{debug.BuildInfo{GoVersion: "go1.26.0", Main: debug.Module{Version: "v1.4.2"}}, "v1.4.2 (go1.26.0)"},
		{debug.BuildInfo{GoVersion: "go1.27.3", Main: debug.Module{Version: "(devel)"}, Settings: []debug.BuildSetting{
			{Key: "vcs.revision", Value: "0123456789abcdef0123"}, {Key: "vcs.time", Value: "2026-12-04T13:00:00Z"}, {Key: "vcs.modified", Value: "true"},
		}}, "(devel) 0123456789ab 2026-12-04T13:00:00Z modified (go1.27.3)"},
	} {
		if got := describeBuild(&tc.bi); got != tc.want {
			t.Errorf("describeBuild = %q, want %q", got, tc.want)
		}
	}
	saved := readBuildInfo
	t.Cleanup(func() { readBuildInfo = saved })
	readBuildInfo = func() (*debug.BuildInfo, bool) {
		return &debug.BuildInfo{GoVersion: "go1.26.1", Main: debug.Module{Version: "v9.9.9"}}, true
	}
	if stdout, _, _ := runIn(t, "", "", "--version"); stdout != "connectuser v9.9.9 (go1.26.1)\n" {
		t.Errorf("--version: %q", stdout)
	}
}

// TestRedactUsernamesFlag: --redact-usernames shows no username, in any
// format, duplicates across documents included.
func TestRedactUsernamesFlag(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"a.jsonl": doc(testInstance, "mary major@example.com") + "\n" + doc(testInstance, "mary major@example.com") + "\n",
	})
	for _, format := range []string{"text", "json"} {
		plain, _, _ := runIn(t, dir, "", "validate", "--format", format, "a.jsonl")
		redacted, _, code := runIn(t, dir, "", "validate", "--format", format, "--redact-usernames", "a.jsonl")
		if !strings.Contains(plain, "mary major") {
			t.Fatalf("%s: the username is not shown without the flag:\n%s", format, plain)
		}
		if code != exitInvalid || strings.Contains(redacted, "mary") {
			t.Errorf("%s: exit status %d, the username is shown:\n%s", format, code, redacted)
		}
		if strings.Count(redacted, "duplicate") != strings.Count(plain, "duplicate") {
			t.Errorf("%s: the flag changed the violations", format)
		}
	}
}

// TestIdentityManagementAnyCase: --identity-management reads any letter
// case.
func TestIdentityManagementAnyCase(t *testing.T) {
	dir := writeFiles(t, map[string]string{"a.json": doc(testInstance, "agent1", "Password", "null")})
	for _, typ := range []string{"saml", "Saml", "connect_managed", "existing_directory", "unknown"} {
		_, stderr, code := runIn(t, dir, "", "validate", "--identity-management", typ, "a.json")
		if code == exitUsage {
			t.Errorf("%s: %s", typ, stderr)
		}
	}
	if _, _, code := runIn(t, dir, "", "validate", "--identity-management", "ldap", "a.json"); code != exitUsage {
		t.Error("ldap accepted")
	}
}

// TestJSONLinesSyntaxErrorLine: a syntax error in a line of JSON Lines
// names the file's line, in the message and in the violation's line.
func TestJSONLinesSyntaxErrorLine(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"a.jsonl": lines(doc(testInstance, "agent1"), "", "", doc(testInstance, "agent2"), `{"Username": "x",`),
	})
	stdout, _, code := runIn(t, dir, "", "validate", "--format", "json", "a.jsonl")
	recs := parseReport(t, stdout)
	if code != exitInvalid || len(recs) != 3 || recs[2].Line != 5 {
		t.Fatalf("exit status %d, %d records", code, len(recs))
	}
	var got struct {
		Violations []struct {
			Code    string `json:"code"`
			Message string `json:"message"`
			Line    int    `json:"line"`
			Column  int    `json:"column"`
		} `json:"violations"`
	}
	last := strings.Split(strings.TrimSpace(stdout), "\n")[2]
	if err := json.Unmarshal([]byte(last), &got); err != nil || len(got.Violations) != 1 {
		t.Fatalf("%s: %v", last, err)
	}
	v := got.Violations[0]
	if v.Code != "syntax" || v.Line != 5 || v.Column != 18 || !strings.Contains(v.Message, "line 5, column 18") {
		t.Errorf("syntax violation %+v, want line 5, column 18", v)
	}
}

// TestStdinBatches: a JSON array of documents and a stream of
// concatenated, pretty-printed documents on standard input are read as
// batches, each document with the line it starts on; a stream of one is
// one document without a line, as before.
func TestStdinBatches(t *testing.T) {
	a, b := doc(testInstance, "agent1"), doc(testInstance, "agent2")
	pretty := func(s string) string {
		var out bytes.Buffer
		if err := json.Indent(&out, []byte(s), "", "  "); err != nil {
			t.Fatal(err)
		}
		return out.String()
	}
	for _, tc := range []struct {
		name  string
		input string
		lines []int // of the records; 0 for none
		code  int
	}{
		{"array on one line", "[" + a + "," + b + "]\n", []int{1, 1}, exitOK},
		{"array pretty", pretty("["+a+","+b+"]") + "\n", []int{2, 2 + strings.Count(pretty("["+a+"]"), "\n") - 1}, exitOK},
		{"stream pretty", "\n" + pretty(a) + "\n" + pretty(b) + "\n", []int{2, 2 + strings.Count(pretty(a), "\n") + 1}, exitOK},
		{"stream concatenated", a + b, []int{1, 1}, exitOK},
		{"one pretty document", "\n\n" + pretty(a) + "\n", []int{0}, exitOK},
		{"same user twice", "[" + a + "," + a + "]", []int{1, 1}, exitInvalid},
		{"a broken document in a stream", pretty(a) + "\n{\"Username\": }\n" + pretty(b), []int{1, 1 + strings.Count(pretty(a), "\n") + 1, 0}, exitInvalid},
		{"array of a number", "[42]", []int{1}, exitInvalid},
	} {
		t.Run(tc.name, func(t *testing.T) {
			stdout, stderr, code := runIn(t, "", tc.input, "validate", "--format", "json", "-")
			if code != tc.code {
				t.Fatalf("exit status %d, want %d; stderr %s\n%s", code, tc.code, stderr, stdout)
			}
			recs := parseReport(t, stdout)
			var got []int
			for _, r := range recs {
				got = append(got, r.Line)
			}
			if tc.lines[len(tc.lines)-1] == 0 && len(tc.lines) > 1 { // the last line is computed below
				tc.lines[len(tc.lines)-1] = got[len(got)-1]
			}
			if !slices.Equal(got, tc.lines) {
				t.Errorf("lines %v, want %v", got, tc.lines)
			}
		})
	}
	// A broken array is a reading problem: exit 2, said on stderr, after
	// the documents before it.
	for _, in := range []string{"[" + a + " " + b + "]", "[" + a + ",", "[" + a + "] x"} {
		stdout, stderr, code := runIn(t, "", in, "validate", "--format", "json", "-")
		if code != exitUsage || !strings.Contains(stderr, "standard input") || len(parseReport(t, stdout)) != 1 {
			t.Errorf("%.40q: exit status %d, stderr %q", in, code, stderr)
		}
	}
}

// TestRecursive: --recursive reads subdirectories, depth first in name
// order; without it they are skipped.
func TestRecursive(t *testing.T) {
	dir := writeFiles(t, map[string]string{
		"users/b.json":          doc(testInstance, "b"),
		"users/a/z.jsonl":       doc(testInstance, "az") + "\n",
		"users/a/deep/x.json":   doc(testInstance, "x"),
		"users/c/notes.txt":     "not a document",
		"users/c/y.json":        doc(testInstance, "y"),
		"users/0-first.json":    doc(testInstance, "first"),
		"users/a/deep/dup.json": doc(testInstance, "b"),
	})
	if err := os.Symlink(filepath.Join(dir, "users"), filepath.Join(dir, "users", "a", "loop")); err != nil {
		t.Skip(err)
	}
	stdout, stderr, code := runIn(t, dir, "", "validate", "--format", "json", "--recursive", "users")
	var got []string
	for _, r := range parseReport(t, stdout) {
		got = append(got, filepath.ToSlash(r.Source))
	}
	want := []string{"users/0-first.json", "users/a/deep/dup.json", "users/a/deep/x.json", "users/a/z.jsonl", "users/b.json", "users/c/y.json"}
	if !slices.Equal(got, want) || code != exitInvalid { // b.json repeats dup.json's user
		t.Errorf("--recursive: exit status %d, sources %v, want %v; stderr %s", code, got, want, stderr)
	}
	stdout, _, _ = runIn(t, dir, "", "validate", "--format", "json", "users")
	if n := len(parseReport(t, stdout)); n != 2 {
		t.Errorf("without --recursive: %d documents, want 2", n)
	}
}
