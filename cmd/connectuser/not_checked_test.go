package main

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/connectkit/createuser/connecttest"
)

// A document whose instance look-up failed was not checked against the
// instance: it is not counted as valid, and the text summary and the JSON
// record say what was not checked and which call failed. Exit status 2.
func TestValidateNotCheckedIsNotValid(t *testing.T) {
	awsTestEnv(t)
	t.Setenv("AWS_MAX_ATTEMPTS", "1")
	srv := connecttest.NewServer(connecttest.WithFaults(connecttest.Faults{Error: 1}))
	defer srv.Close()
	dir := instanceDocs(t)
	doc := dir + "/a-valid.json"

	var stdout, stderr bytes.Buffer
	code := runValidate([]string{"--format", "text", "--endpoint-url", srv.URL, "--instance-id", "inst-cm", "--deadline", "3s", doc}, nil, &stdout, &stderr)
	if code != exitUsage {
		t.Fatalf("text: exit %d, want %d", code, exitUsage)
	}
	lines := strings.Split(strings.TrimSpace(stdout.String()), "\n")
	want := "1 document, 0 valid, 1 not checked against the instance (DescribeInstance failed), 0 errors, 0 warnings"
	if got := lines[len(lines)-1]; got != want {
		t.Errorf("text summary:\n got %s\nwant %s", got, want)
	}

	stdout.Reset()
	stderr.Reset()
	code = runValidate([]string{"--format", "json", "--endpoint-url", srv.URL, "--instance-id", "inst-cm", "--deadline", "3s", doc}, nil, &stdout, &stderr)
	if code != exitUsage {
		t.Fatalf("json: exit %d, want %d", code, exitUsage)
	}
	var rec struct {
		Valid      bool              `json:"valid"`
		NotChecked map[string]string `json:"not_checked"`
	}
	if err := json.Unmarshal(stdout.Bytes(), &rec); err != nil {
		t.Fatalf("%v: %s", err, stdout.String())
	}
	if rec.Valid {
		t.Error(`json: "valid": true for a document that was not checked against the instance`)
	}
	if diff := cmp.Diff(map[string]string{"check": "instance", "call": "DescribeInstance"}, rec.NotChecked); diff != "" {
		t.Errorf("json: not_checked (-want +got):\n%s", diff)
	}

	// The whole-run formats say it too.
	for format, want := range map[string]string{"junit": `<error message=`, "sarif": `"executionSuccessful": false`} {
		stdout.Reset()
		stderr.Reset()
		code = runValidate([]string{"--format", format, "--endpoint-url", srv.URL, "--instance-id", "inst-cm", "--deadline", "3s", doc}, nil, &stdout, &stderr)
		if code != exitUsage || !strings.Contains(stdout.String(), want) {
			t.Errorf("%s: exit %d, no %s:\n%s", format, code, want, stdout.String())
		}
	}
}

// A document with catalog errors is not looked up: it is invalid, not
// "not checked"; a checked run says nothing of checks.
func TestValidateNotCheckedOnlyWhenLookedUp(t *testing.T) {
	awsTestEnv(t)
	srv := connecttest.NewServer()
	defer srv.Close()
	seedCLIInstance(t, srv)
	dir := instanceDocs(t)
	var stdout, stderr bytes.Buffer
	code := runValidate([]string{"--format", "json", "--endpoint-url", srv.URL, "--instance-id", "inst-cm", dir + "/a-valid.json"}, nil, &stdout, &stderr)
	if code != exitOK || strings.Contains(stdout.String(), "not_checked") || !strings.Contains(stdout.String(), `"valid":true`) {
		t.Errorf("exit %d: %s%s", code, stdout.String(), stderr.String())
	}
}
