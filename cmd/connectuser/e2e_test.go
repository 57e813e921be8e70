package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"

	cuerrors "github.com/connectkit/createuser/errors"
	"github.com/connectkit/createuser/user"
)

// The end-to-end tests build the connectuser binary once and run it as a
// user would: over the shipped examples and over files crafted here. They
// compare the JSON report by (field, code, severity), never by prose.

// The connectuser binary is built once, by the first test that runs it
// (not in TestMain, so that the fuzzing workers, which run in-process, do
// not build it), into a directory that TestMain removes.
var (
	buildOnce sync.Once
	buildDir  string
	binary    string // empty when it could not be built: the end-to-end tests skip
	buildErr  error
)

// moduleRoot is the module's directory, from this package's.
const moduleRoot = "../.."

// examplesDir is the shipped examples, relative to the module root.
const examplesDir = "examples/documents"

func TestMain(m *testing.M) {
	code := m.Run()
	if buildDir != "" {
		os.RemoveAll(buildDir)
	}
	os.Exit(code)
}

func buildBinary() (string, error) {
	gobin, err := exec.LookPath("go")
	if err != nil {
		return "", err
	}
	buildDir, err = os.MkdirTemp("", "connectuser-test-")
	if err != nil {
		return "", err
	}
	bin := filepath.Join(buildDir, "connectuser")
	out, err := exec.Command(gobin, "build", "-o", bin, ".").CombinedOutput()
	if err != nil {
		return "", fmt.Errorf("go build: %v\n%s", err, out)
	}
	return bin, nil
}

// connectuserBinary returns the path of the binary, building it on the
// first call; without it the test skips.
func connectuserBinary(t testing.TB) string {
	t.Helper()
	buildOnce.Do(func() { binary, buildErr = buildBinary() })
	if binary == "" {
		t.Skipf("no connectuser binary: %v", buildErr)
	}
	return binary
}

// result is one run of the binary.
type result struct {
	stdout, stderr string
	code           int
}

// runBinary runs the binary with args in dir ("" for this package's
// directory) and stdin.
func runBinary(t testing.TB, dir string, stdin []byte, args ...string) result {
	t.Helper()
	cmd := exec.Command(connectuserBinary(t), args...)
	cmd.Dir = dir
	if stdin != nil {
		cmd.Stdin = bytes.NewReader(stdin)
	}
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	var exit *exec.ExitError
	if err != nil && !errors.As(err, &exit) {
		t.Fatalf("connectuser %v: %v", args, err)
	}
	return result{stdout: stdout.String(), stderr: stderr.String(), code: cmd.ProcessState.ExitCode()}
}

// record is one line of the JSON report.
type record struct {
	Source     string      `json:"source"`
	Line       int         `json:"line"`
	Valid      bool        `json:"valid"`
	Violations []violation `json:"violations"`
}

type violation struct {
	Field    string   `json:"field"`
	Code     string   `json:"code"`
	Severity string   `json:"severity"`
	Rule     string   `json:"rule"`
	Message  string   `json:"message"`
	Related  []string `json:"related"`
	Value    any      `json:"value"`
	Line     int      `json:"line"`
	Column   int      `json:"column"`
}

// where is the record's document as the text report names it.
func (r record) where() string {
	return user.Origin{Source: r.Source, Line: r.Line}.String()
}

// triples returns the sorted "field code severity" of the violations.
func (r record) triples() []string {
	out := make([]string, 0, len(r.Violations))
	for _, v := range r.Violations {
		out = append(out, triple(v.Field, v.Code, v.Severity))
	}
	sort.Strings(out)
	return out
}

func triple(field, code, severity string) string {
	if field == "" {
		field = `""`
	}
	return field + " " + code + " " + severity
}

// has reports whether r has a violation (field, code, severity).
func (r record) has(field, code, severity string) bool {
	return slices.Contains(r.triples(), triple(field, code, severity))
}

// Members the JSON report may hold (SPEC sections 3 and 5), and those it
// must.
var (
	recordMembers    = []string{"source", "line", "valid", "not_checked", "violations"}
	violationMembers = []string{"field", "code", "severity", "rule", "message", "related", "value", "line", "column"}
)

// parseReport parses the JSON report, checking that each line is one
// object with exactly the members SPEC section 5 names.
func parseReport(t testing.TB, out string) []record {
	t.Helper()
	var recs []record
	for i, line := range strings.Split(strings.TrimSuffix(out, "\n"), "\n") {
		if line == "" && out == "" {
			break
		}
		var members map[string]json.RawMessage
		if err := json.Unmarshal([]byte(line), &members); err != nil {
			t.Fatalf("report line %d is not a JSON object: %v\n%s", i+1, err, line)
		}
		for m := range members {
			if !slices.Contains(recordMembers, m) {
				t.Errorf("report line %d: unexpected member %q", i+1, m)
			}
		}
		for _, m := range []string{"source", "valid", "violations"} {
			if _, ok := members[m]; !ok {
				t.Errorf("report line %d: no member %q", i+1, m)
			}
		}
		var vs []map[string]json.RawMessage
		if err := json.Unmarshal(members["violations"], &vs); err != nil || vs == nil {
			t.Errorf("report line %d: violations is not a list: %s", i+1, members["violations"])
		}
		for _, v := range vs {
			for m := range v {
				if !slices.Contains(violationMembers, m) {
					t.Errorf("report line %d: unexpected violation member %q", i+1, m)
				}
			}
			for _, m := range violationMembers[:5] {
				if _, ok := v[m]; !ok {
					t.Errorf("report line %d: a violation without %q", i+1, m)
				}
			}
		}
		var r record
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			t.Fatalf("report line %d: %v", i+1, err)
		}
		if _, ok := members["line"]; ok && r.Line < 1 {
			t.Errorf("report line %d: line %d", i+1, r.Line)
		}
		valid := true
		for _, v := range r.Violations {
			if v.Severity == "error" {
				valid = false
			}
		}
		if r.Valid != valid {
			t.Errorf("report line %d: valid = %v with violations %v", i+1, r.Valid, r.triples())
		}
		recs = append(recs, r)
	}
	return recs
}

// byWhere indexes records by where().
func byWhere(recs []record) map[string]record {
	m := make(map[string]record, len(recs))
	for _, r := range recs {
		m[r.where()] = r
	}
	return m
}

// expected computes, with the library alone, what the report of
// `validate PATHS` must hold: each document's violations from
// ValidateDocument, and the duplicates of a user.Batch over the run.
// Paths are files, relative to dir.
func expected(t testing.TB, dir string, paths []string, opts ...user.Option) []record {
	t.Helper()
	v := user.NewValidator(opts...)
	var batch user.Batch
	var recs []record
	add := func(o user.Origin, data []byte) {
		in, list := v.ValidateDocument(data)
		if dup, ok := batch.Add(in, o); ok {
			list = append(list, dup)
		}
		r := record{Source: o.Source, Line: o.Line, Valid: !list.HasErrors()}
		for _, w := range cuerrors.Wants(list) {
			r.Violations = append(r.Violations, violation{Field: w.Field, Code: string(w.Code), Severity: w.Severity.String()})
		}
		recs = append(recs, r)
	}
	for _, p := range paths {
		data, err := os.ReadFile(filepath.Join(dir, p))
		if err != nil {
			t.Fatal(err)
		}
		if !strings.HasSuffix(p, ".jsonl") {
			add(user.Origin{Source: p}, data)
			continue
		}
		for i, line := range strings.Split(string(data), "\n") {
			if strings.TrimSpace(line) == "" {
				continue
			}
			add(user.Origin{Source: p, Line: i + 1}, []byte(strings.TrimSuffix(line, "\r")))
		}
	}
	return recs
}

// compare checks that got and want name the same documents in the same
// order with the same (field, code, severity) sets.
func compare(t testing.TB, want, got []record) {
	t.Helper()
	summary := func(recs []record) []string {
		var out []string
		for _, r := range recs {
			out = append(out, fmt.Sprintf("%s valid=%v %v", r.where(), r.Valid, r.triples()))
		}
		return out
	}
	if diff := cmp.Diff(summary(want), summary(got)); diff != "" {
		t.Errorf("report (-want +got):\n%s", diff)
	}
}

// exampleFiles lists the shipped example documents, as validate reads
// the directory: .json and .jsonl files in name order.
func exampleFiles(t testing.TB) []string {
	t.Helper()
	entries, err := os.ReadDir(filepath.Join(moduleRoot, examplesDir))
	if err != nil {
		t.Skipf("no examples: %v", err)
	}
	var files []string
	for _, e := range entries {
		if ext := filepath.Ext(e.Name()); !e.IsDir() && (ext == ".json" || ext == ".jsonl") {
			files = append(files, examplesDir+"/"+e.Name())
		}
	}
	if len(files) == 0 {
		t.Skip("no example documents")
	}
	return files
}

func TestExamplesJSON(t *testing.T) {
	files := exampleFiles(t)
	for _, mode := range []string{"", "CONNECT_MANAGED", "SAML", "EXISTING_DIRECTORY"} {
		t.Run("identity="+mode, func(t *testing.T) {
			args := []string{"validate", "--format", "json", examplesDir}
			var opts []user.Option
			if mode != "" {
				args = append(args, "--identity-management", mode)
				opts = append(opts, user.WithIdentityManagement(identityType(t, mode)))
			}
			res := runBinary(t, moduleRoot, nil, args...)
			got := parseReport(t, res.stdout)
			compare(t, expected(t, moduleRoot, files, opts...), got)
			wantCode := exitOK
			for _, r := range got {
				if !r.Valid {
					wantCode = exitInvalid
				}
			}
			if res.code != wantCode {
				t.Errorf("exit status %d, want %d; stderr:\n%s", res.code, wantCode, res.stderr)
			}
		})
	}
}

// TestExamplesOnboarding holds the JSON Lines example to what SPEC says
// whatever the engine's wording: line 4 repeats line 1's user (blank line
// 3 counted), line 5 is broken.
func TestExamplesOnboarding(t *testing.T) {
	const path = examplesDir + "/onboarding.jsonl"
	if _, err := os.Stat(filepath.Join(moduleRoot, path)); err != nil {
		t.Skip("no onboarding.jsonl example")
	}
	res := runBinary(t, moduleRoot, nil, "validate", "--format", "json", path)
	recs := byWhere(parseReport(t, res.stdout))
	dup, ok := recs[path+":4"]
	if !ok || !dup.has("Username", "duplicate", "error") {
		t.Fatalf("line 4: %v, want a duplicate Username", dup.triples())
	}
	for _, v := range dup.Violations {
		if v.Code == "duplicate" && v.Field == "Username" {
			if diff := cmp.Diff([]string{path + ":1#Username"}, v.Related); diff != "" {
				t.Errorf("related (-want +got):\n%s", diff)
			}
		}
	}
	if r := recs[path+":5"]; !r.has("", "syntax", "error") {
		t.Errorf("line 5: %v, want a syntax error", r.triples())
	}
	if _, ok := recs[path+":3"]; ok {
		t.Error("blank line 3 has a report")
	}
}
