package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/connectkit/createuser/connecttest"
)

// refusingService answers as srv does, except CreateUser of the usernames
// in refuse, which it answers with the error given (an x-amzn-ErrorType
// and its status), as the service does.
func refusingService(t *testing.T, srv *connecttest.Server, refuse map[string]refusal) string {
	t.Helper()
	createPath := regexp.MustCompile(`^/users/[^/]+$`)
	front := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if r.Method == http.MethodPut && createPath.MatchString(r.URL.Path) {
			body, _ := io.ReadAll(r.Body)
			r.Body = io.NopCloser(bytes.NewReader(body))
			for name, e := range refuse {
				if bytes.Contains(body, []byte(`"Username":"`+name+`"`)) {
					w.Header().Set("Content-Type", "application/json")
					w.Header().Set("x-amzn-ErrorType", e.code)
					w.WriteHeader(e.status)
					io.WriteString(w, `{"Message":"`+e.message+`"}`)
					return
				}
			}
		}
		srv.ServeHTTP(w, r)
	}))
	t.Cleanup(front.Close)
	return front.URL
}

type refusal struct {
	status        int
	code, message string
}

// failureLines returns the lines of stdout after "failed: ".
func failureLines(stdout string) []string {
	_, after, ok := strings.Cut(stdout, "\nfailed: ")
	if !ok {
		return nil
	}
	var out []string
	for _, l := range strings.Split(after, "\n")[1:] {
		if !strings.HasPrefix(l, "  ") {
			break
		}
		out = append(out, strings.TrimSpace(l))
	}
	return out
}

func TestApplyNamesEveryFailedUser(t *testing.T) {
	cases := []struct {
		name  string
		flags []string
		want  []string
	}{
		{"usernames", nil, []string{
			"users.jsonl:2: agent0001: InvalidParameterException: The phone number is not valid for agent0001.",
			"users.jsonl:4: agent0003: InternalServiceException: gave up after 3 attempts: Request processing failed.",
		}},
		{"redacted", []string{"--redact-usernames"}, []string{
			"users.jsonl:2: InvalidParameterException: The phone number is not valid for [REDACTED].",
			"users.jsonl:4: InternalServiceException: gave up after 3 attempts: Request processing failed.",
		}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			srv := demoServer(t)
			url := refusingService(t, srv, map[string]refusal{
				"agent0001": {400, "InvalidParameterException", "The phone number is not valid for agent0001."},
				"agent0003": {500, "InternalServiceException", "Request processing failed."},
			})
			dir := t.TempDir()
			writeUsers(t, dir, 5)
			args := applyArgs(srv, filepath.Join(dir, "journal.jsonl"), append(c.flags, "--max-attempts", "3", "users.jsonl")...)
			args[slicesIndex(args, "--endpoint-url")+1] = url
			r := runBinary(t, dir, nil, args...)
			if r.code != exitInvalid {
				t.Fatalf("exit %d, want 1\n%s\n%s", r.code, r.stdout, r.stderr)
			}
			if !strings.Contains(r.stdout, "\nfailed: 2 users\n") {
				t.Errorf("no failure count in:\n%s", r.stdout)
			}
			if d := cmp.Diff(c.want, failureLines(r.stdout)); d != "" {
				t.Errorf("failures (-want +got):\n%s\nstdout:\n%s", d, r.stdout)
			}
			if c.name == "redacted" && strings.Contains(r.stdout+r.stderr, "agent0") {
				t.Errorf("a username is printed with --redact-usernames:\n%s\n%s", r.stdout, r.stderr)
			}
		})
	}
}

// writeDocuments writes one document a line, each from the template with
// %d its number.
func writeDocuments(t *testing.T, dir string, n int, template string) string {
	t.Helper()
	var b strings.Builder
	for i := range n {
		b.WriteString(strings.ReplaceAll(template, "%d", strconv.Itoa(i)) + "\n")
	}
	path := filepath.Join(dir, "users.jsonl")
	if err := os.WriteFile(path, []byte(b.String()), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// linesWith returns the lines of s that contain sub.
func linesWith(s, sub string) []string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if strings.Contains(l, sub) {
			out = append(out, l)
		}
	}
	return out
}

func TestApplyGroupsTheWarningsOfOneRule(t *testing.T) {
	srv := demoServer(t)
	dir := t.TempDir()
	// Five users whose chat has no after-contact work limit (0, which the
	// SDK cannot send), and whose PhoneConfig says AutoAccept false (what
	// the service stores anyway: no warning).
	writeDocuments(t, dir, 5, `{"InstanceId":"`+demoInstance+`","Username":"agent%d","Password":"Passw0rdExample",`+
		`"IdentityInfo":{"FirstName":"Agent","LastName":"Number%d","Email":"agent%d@example.com"},`+
		`"SecurityProfileIds":["`+demoAgent+`"],"RoutingProfileId":"`+demoRouting+`",`+
		`"PhoneConfig":{"PhoneType":"SOFT_PHONE","AutoAccept":false},`+
		`"AfterContactWorkConfigs":[{"Channel":"CHAT","AfterContactWorkConfig":{"AfterContactWorkTimeLimit":0}}]}`)
	const rule = "awsconnect.lossy.after-contact-work-configs.time-limit.zero"
	cases := []struct {
		name  string
		flags []string
		want  []string // the lines naming the rule, without their message
	}{
		{"grouped", nil, []string{
			"users.jsonl:1: warning AfterContactWorkConfigs[0].AfterContactWorkConfig.AfterContactWorkTimeLimit [ignored " + rule + "] (5 documents: users.jsonl:1, users.jsonl:2, users.jsonl:3 and 2 more; --verbose lists each)",
		}},
		{"verbose", []string{"--verbose"}, []string{
			"users.jsonl:1: warning AfterContactWorkConfigs[0].AfterContactWorkConfig.AfterContactWorkTimeLimit [ignored " + rule + "]",
			"users.jsonl:2: warning AfterContactWorkConfigs[0].AfterContactWorkConfig.AfterContactWorkTimeLimit [ignored " + rule + "]",
			"users.jsonl:3: warning AfterContactWorkConfigs[0].AfterContactWorkConfig.AfterContactWorkTimeLimit [ignored " + rule + "]",
			"users.jsonl:4: warning AfterContactWorkConfigs[0].AfterContactWorkConfig.AfterContactWorkTimeLimit [ignored " + rule + "]",
			"users.jsonl:5: warning AfterContactWorkConfigs[0].AfterContactWorkConfig.AfterContactWorkTimeLimit [ignored " + rule + "]",
		}},
	}
	// The message, which is the rule's, is left out; the note of a
	// grouped line is kept.
	message := regexp.MustCompile(`\] .*?( \(\d+ (?:times in \d+ )?documents?: .*\))?$`)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			args := append([]string{"apply", "--endpoint-url", srv.URL, "--journal", "journal.jsonl", "--dry-run", "--progress", "none"}, c.flags...)
			r := runBinary(t, dir, nil, append(args, "users.jsonl")...)
			if r.code != exitOK {
				t.Fatalf("exit %d\n%s\n%s", r.code, r.stdout, r.stderr)
			}
			var got []string
			for _, l := range linesWith(r.stdout, rule) {
				got = append(got, message.ReplaceAllString(l, "]$1"))
			}
			if d := cmp.Diff(c.want, got); d != "" {
				t.Errorf("(-want +got):\n%s\nstdout:\n%s", d, r.stdout)
			}
			if l := linesWith(r.stdout, "auto-accept"); len(l) != 0 {
				t.Errorf("a warning about AutoAccept false, which the service stores anyway: %q", l)
			}
		})
	}
}

func TestImportedNoAndZeroApplyWithoutWarnings(t *testing.T) {
	srv := demoServer(t)
	dir := t.TempDir()
	csv := "first name,last name,email address,secondary email address,mobile,password,user login,agent hierarchy,routing profile name,security_profile_name_1|security_profile_name_2,user_hierarchy_1|user_hierarchy_2,phone type (soft/desk),phone number,soft phone auto accept (yes/no),ACW timeout (seconds),tags\n"
	for i := range 4 {
		csv += fmt.Sprintf("Agent,Number%d,agent%d@example.com,,,Passw0rdExample,agent%d,,Basic Routing Profile,Agent,,soft,,no,0,\n", i, i, i)
	}
	os.WriteFile(filepath.Join(dir, "users.csv"), []byte(csv), 0o600)
	r := runBinary(t, dir, nil, "import", "--instance-id", demoInstance, "--endpoint-url", srv.URL, "users.csv")
	if r.code != exitOK || r.stderr != "" {
		t.Fatalf("import: exit %d\n%s", r.code, r.stderr)
	}
	docs := strings.Split(strings.TrimSpace(r.stdout), "\n")
	if len(docs) != 4 {
		t.Fatalf("%d documents, want 4", len(docs))
	}
	for _, d := range docs {
		var in struct{ PhoneConfig map[string]any }
		if err := json.Unmarshal([]byte(d), &in); err != nil {
			t.Fatal(err)
		}
		if d := cmp.Diff(map[string]any{"PhoneType": "SOFT_PHONE"}, in.PhoneConfig); d != "" {
			t.Errorf("PhoneConfig (-want +got):\n%s", d)
		}
	}
	os.WriteFile(filepath.Join(dir, "users.jsonl"), []byte(r.stdout), 0o600)
	r = runBinary(t, dir, nil, "apply", "--endpoint-url", srv.URL, "--journal", "journal.jsonl", "--progress", "none", "users.jsonl")
	if r.code != exitOK {
		t.Fatalf("apply: exit %d\n%s\n%s", r.code, r.stdout, r.stderr)
	}
	if l := linesWith(r.stdout+r.stderr, "warning"); len(l) != 0 {
		t.Errorf("apply warns: %q", l)
	}
	if n := len(srv.Users(demoInstance)); n != 4 {
		t.Errorf("%d users, want 4", n)
	}
}
