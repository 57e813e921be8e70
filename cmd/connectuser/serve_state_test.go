package main

import (
	"bytes"
	"context"
	"encoding/json"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// exampleState is the state file shipped for `serve --state`.
var exampleState = filepath.Join("..", "..", "examples", "serve", "state.json")

// serveInProcess runs serve with args on a free loopback port until the
// test ends, and returns its URL once it has printed wantLines lines (the
// listening line and one per instance).
func serveInProcess(t *testing.T, wantLines int, args ...string) (url string, stdout, stderr *lockedBuffer) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	stdout, stderr = &lockedBuffer{}, &lockedBuffer{}
	done := make(chan int, 1)
	go func() { done <- serve(ctx, append([]string{"--addr", "127.0.0.1:0"}, args...), stdout, stderr) }()
	t.Cleanup(func() {
		cancel()
		if code := <-done; code != exitOK {
			t.Errorf("serve: exit %d; stderr %s", code, stderr.String())
		}
	})
	for deadline := time.Now().Add(30 * time.Second); time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		select {
		case code := <-done:
			done <- code
			t.Fatalf("serve stopped with exit %d: stderr %s", code, stderr.String())
		default:
		}
		if out := stdout.String(); strings.Count(out, "\n") == wantLines {
			first, _, _ := strings.Cut(out, "\n")
			return strings.TrimPrefix(first, "listening on "), stdout, stderr
		}
	}
	t.Fatalf("serve printed %q in 30s", stdout.String())
	return "", nil, nil
}

// The shipped state file loads: serve lists its instances, and the AWS
// CLI's own create-user example document is created in the first one.
func TestServeExampleState(t *testing.T) {
	url, stdout, _ := serveInProcess(t, 3, "--state", exampleState)
	wantInstances := []string{
		"instance 40c83b68-ea62-414c-97bb-d018e39e158e CONNECT_MANAGED example-support",
		"instance a1b2c3d4-5678-90ab-cdef-EXAMPLE11111 SAML example-saml",
	}
	lines := strings.Split(strings.TrimSpace(stdout.String()), "\n")
	if diff := cmp.Diff(wantInstances, lines[1:]); diff != "" {
		t.Errorf("instances (-want +got):\n%s", diff)
	}

	doc, err := os.ReadFile(filepath.Join("..", "..", "examples", "documents", "cli-create-user.json"))
	if err != nil {
		t.Fatal(err)
	}
	var body map[string]any
	if err := json.Unmarshal(doc, &body); err != nil {
		t.Fatal(err)
	}
	instanceID, _ := body["InstanceId"].(string)
	delete(body, "InstanceId")
	payload, _ := json.Marshal(body)
	req, _ := http.NewRequest(http.MethodPut, url+"/users/"+instanceID, bytes.NewReader(payload))
	req.Header.Set("Authorization", "AWS4-HMAC-SHA256 Credential=x")
	req.Header.Set("Content-Type", "application/json")
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		t.Errorf("CreateUser of cli-create-user.json: status %d, error type %q", resp.StatusCode, resp.Header.Get("x-amzn-ErrorType"))
	}
}

// serve --help documents the state file's members and names the example.
func TestServeHelpDocumentsState(t *testing.T) {
	var stdout, stderr bytes.Buffer
	if code := run([]string{"serve", "--help"}, nil, &stdout, &stderr); code != exitOK {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	for _, member := range []string{"Instances", "Id", "Alias", "IdentityManagementType", "UserQuota",
		"SecurityProfiles", "RoutingProfiles", "HierarchyGroups", "ParentId", "Users", "examples/serve/state.json"} {
		if !strings.Contains(stdout.String(), member) {
			t.Errorf("serve --help does not mention %s", member)
		}
	}
}
