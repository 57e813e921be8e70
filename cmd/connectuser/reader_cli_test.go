package main

import (
	"bytes"
	"net"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/connectkit/createuser/connecttest"
)

// silentEndpoint returns the URL of a 127.0.0.1 listener that accepts
// connections and never answers; everything is closed when the test ends.
func silentEndpoint(t *testing.T) string {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	var mu sync.Mutex
	var conns []net.Conn
	done := make(chan struct{})
	go func() {
		defer close(done)
		for {
			c, err := ln.Accept()
			if err != nil {
				return
			}
			mu.Lock()
			conns = append(conns, c)
			mu.Unlock()
		}
	}()
	t.Cleanup(func() {
		ln.Close()
		<-done
		mu.Lock()
		defer mu.Unlock()
		for _, c := range conns {
			c.Close()
		}
	})
	return "http://" + ln.Addr().String()
}

// TestSilentEndpoint: against an endpoint that accepts connections and
// never answers, every command that calls the service fails within
// --timeout (per request) or --deadline (the whole command), exits 2 and
// names the call that did not answer.
func TestSilentEndpoint(t *testing.T) {
	url := silentEndpoint(t)
	dir := t.TempDir()
	users := writeUsers(t, dir, 3)
	csvPath := filepath.Join(dir, "users.csv")
	csv := "first name,last name,email address,secondary email address,mobile,password,user login,routing profile name,security_profile_name_1|security_profile_name_2,phone type (soft/desk),phone number,soft phone auto accept (yes/no),ACW timeout (seconds)\n" +
		"Ana,Silva,ana@example.com,,,Passw0rdExample,ana,Basic Routing Profile,Agent,soft,,yes,30\n"
	if err := os.WriteFile(csvPath, []byte(csv), 0o600); err != nil {
		t.Fatal(err)
	}
	commands := map[string][]string{
		"validate": {"validate", "--instance-id", demoInstance, "--endpoint-url", url, users},
		"import":   {"import", "--instance-id", demoInstance, "--endpoint-url", url, csvPath},
		"apply":    {"apply", "--endpoint-url", url, "--journal", filepath.Join(dir, "j.jsonl"), "--progress", "none", users},
	}
	for _, name := range []string{"validate", "import", "apply"} {
		for _, limit := range [][]string{{"--timeout", "300ms"}, {"--deadline", "300ms"}} {
			t.Run(name+limit[0], func(t *testing.T) {
				var stdout, stderr bytes.Buffer
				code := run(append(append([]string{}, commands[name]...), limit...), nil, &stdout, &stderr)
				if code != exitUsage || !strings.Contains(stderr.String(), "DescribeInstance") {
					t.Errorf("exit %d, want 2 naming DescribeInstance; stderr:\n%s", code, stderr.String())
				}
				if limit[0] == "--deadline" && !strings.Contains(stderr.String(), "--deadline") {
					t.Errorf("stderr does not say the deadline passed:\n%s", stderr.String())
				}
			})
		}
	}
}

// TestCallFlagsUsage: a --timeout or --deadline that makes no sense is a
// usage error naming the flag.
func TestCallFlagsUsage(t *testing.T) {
	for _, tc := range []struct {
		flag string
		args []string
	}{
		{"--timeout", []string{"validate", "--instance-id", "x", "--timeout", "0s", "a.json"}},
		{"--deadline", []string{"import", "--instance-id", "x", "--deadline", "-1s", "a.csv"}},
		{"--timeout", []string{"apply", "--timeout", "-5s", "a.jsonl"}},
	} {
		args := tc.args
		var stdout, stderr bytes.Buffer
		if code := run(args, nil, &stdout, &stderr); code != exitUsage || !strings.Contains(stderr.String(), tc.flag) {
			t.Errorf("%v: exit %d, stderr %q", args, code, stderr.String())
		}
	}
}

// TestValidateAtQuota: validate --instance-id of 60 valid documents
// against a service that throttles at the default quota (2 a second,
// burst 5, per operation) succeeds, every document checked. Before the
// paced reader, SearchUsers failed after the SDK's 3 attempts.
func TestValidateAtQuota(t *testing.T) {
	srv := demoServer(t, connecttest.WithRate(2, 5))
	dir := t.TempDir()
	users := writeUsers(t, dir, 60)
	var stdout, stderr bytes.Buffer
	code := run([]string{"validate", "--format", "json", "--instance-id", demoInstance, "--endpoint-url", srv.URL, users}, nil, &stdout, &stderr)
	if code != exitOK || stderr.Len() > 0 {
		t.Fatalf("exit %d, stderr:\n%s", code, stderr.String())
	}
	if n := strings.Count(stdout.String(), `"valid":true`); n != 60 {
		t.Errorf("%d documents valid, want 60:\n%s", n, stdout.String())
	}
	calls, throttled := 0, 0
	for _, q := range srv.Requests() {
		calls++
		if q.ErrorType == "ThrottlingException" {
			throttled++
		}
	}
	t.Logf("%d calls, %d throttled", calls, throttled)
	if calls > 30 {
		t.Errorf("%d calls for 60 documents of one instance; want O(pages)", calls)
	}
}

// TestApplyDeadlineWhileCreating: a --deadline that passes while apply
// creates users starts nothing new, exits 2 and says how to resume; the
// journal holds every user created, and the next run creates the rest.
func TestApplyDeadlineWhileCreating(t *testing.T) {
	srv := demoServer(t)
	dir := t.TempDir()
	users := writeUsers(t, dir, 20)
	journal := filepath.Join(dir, "j.jsonl")
	args := []string{"apply", "--endpoint-url", srv.URL, "--journal", journal, "--progress", "none",
		"--lookup-rate", "1000", "--rate", "0.5", "--burst", "1", users}
	var stdout, stderr bytes.Buffer
	code := run(append(args, "--deadline", "3s"), nil, &stdout, &stderr)
	if code != exitUsage || !strings.Contains(stderr.String(), "--deadline") || !strings.Contains(stderr.String(), "resume") {
		t.Fatalf("exit %d, want 2 saying the deadline passed and how to resume; stderr:\n%s", code, stderr.String())
	}
	if n := len(srv.Users(demoInstance)); n >= 20 {
		t.Fatalf("%d users created before the deadline; the test shows nothing", n)
	}
	stdout.Reset()
	stderr.Reset()
	args[10], args[12] = "1000", "100" // --rate, --burst
	if code := run(args, nil, &stdout, &stderr); code != exitOK {
		t.Fatalf("the second run exited %d:\n%s", code, stderr.String())
	}
	if n := len(srv.Users(demoInstance)); n != 20 {
		t.Errorf("%d users after the second run, want 20", n)
	}
}
