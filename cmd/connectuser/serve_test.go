package main

import (
	"bytes"
	"context"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/connectkit/createuser/connecttest"
)

func TestServeUsageErrors(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
		return p
	}
	unknownMember := write("unknown.json", `{"Instances":[{"Id":"i","IdentityManagementType":"SAML","Colour":"red"}]}`)
	dangling := write("dangling.json", `{"Instances":[{"Id":"i","IdentityManagementType":"SAML","SecurityProfiles":[],"RoutingProfiles":[],"HierarchyGroups":[],"Users":[{"Id":"u","Username":"a","RoutingProfileId":"gone"}]}]}`)
	cases := map[string][]string{
		"unknown faults key": {"--faults", "throttle=0.1,boom=1"},
		"probability over 1": {"--faults", "error=1.5"},
		"negative rate":      {"--rate", "-1"},
		"unknown flag":       {"--colour"},
		"argument":           {"extra"},
		"missing state file": {"--state", filepath.Join(dir, "nope.json")},
		"unknown member":     {"--state", unknownMember},
		"dangling id":        {"--state", dangling},
	}
	for name, args := range cases {
		t.Run(name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			defer cancel()
			code := serve(ctx, append([]string{"--addr", "127.0.0.1:0"}, args...), &stdout, &stderr)
			if code != exitUsage {
				t.Errorf("exit %d, want %d; stderr: %s", code, exitUsage, stderr.String())
			}
			if stdout.Len() != 0 || !strings.Contains(stderr.String(), "connectuser serve --help") {
				t.Errorf("stdout %q, stderr %q", stdout.String(), stderr.String())
			}
		})
	}
}

func TestServeHelp(t *testing.T) {
	var stdout, stderr bytes.Buffer
	if code := run([]string{"serve", "--help"}, nil, &stdout, &stderr); code != exitOK || !strings.Contains(stdout.String(), "--faults LIST") {
		t.Errorf("exit %d: %s", code, stdout.String())
	}
}

// serve in process: the demo instances, one logged request, a clean stop
// when the context ends, and --save written over an existing file.
func TestServeInProcess(t *testing.T) {
	savePath := filepath.Join(t.TempDir(), "state.json")
	if err := os.WriteFile(savePath, []byte("old"), 0o600); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	stdout, stderr := &lockedBuffer{}, &lockedBuffer{}
	done := make(chan int, 1)
	go func() {
		done <- serve(ctx, []string{"--addr", "127.0.0.1:0", "--save", savePath, "--seed", "3"}, stdout, stderr)
	}()
	var url string
	for deadline := time.Now().Add(30 * time.Second); url == "" && time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		if first, rest, found := strings.Cut(stdout.String(), "\n"); found && strings.Count(rest, "\n") == 3 {
			url = strings.TrimPrefix(first, "listening on ")
		}
	}
	if url == "" {
		t.Fatalf("no listening line: %q", stdout.String())
	}
	req, _ := http.NewRequestWithContext(ctx, http.MethodGet, url+"/instance", nil)
	req.Header.Set("Authorization", "AWS4-HMAC-SHA256 Credential=x")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	cancel()
	if code := <-done; code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	if lines := strings.Split(strings.TrimSpace(stderr.String()), "\n"); len(lines) != 1 || !logLine.MatchString(lines[0]) || !strings.HasPrefix(lines[0], "ListInstances 200 - ") {
		t.Errorf("stderr: %q", stderr.String())
	}
	f, err := os.Open(savePath)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	st, err := connecttest.LoadState(f)
	if err != nil || len(st.Instances) != 3 {
		t.Fatalf("saved state: %v, %d instances", err, len(st.Instances))
	}
	if leftovers, _ := filepath.Glob(filepath.Join(filepath.Dir(savePath), ".*.tmp")); len(leftovers) != 0 {
		t.Errorf("temporary files left: %v", leftovers)
	}
}

// SIGINT and SIGTERM stop the process with exit 0.
func TestServeSignals(t *testing.T) {
	for _, sig := range []syscall.Signal{syscall.SIGINT, syscall.SIGTERM} {
		p := startServe(t)
		if code := p.stop(t, sig); code != 0 {
			t.Errorf("%v: exit %d; stderr %s", sig, code, p.stderr.String())
		}
	}
}
