package main

import (
	"bytes"
	"io"
	"net/http"
	"net/http/httptest"
	"path/filepath"
	"regexp"
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
