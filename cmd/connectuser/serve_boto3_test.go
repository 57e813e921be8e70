package main

import (
	"encoding/json"
	"syscall"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestServeWithBoto3 checks that botocore raises the modelled exception
// class, with the modelled code and status, for each error of the service
// (testdata/boto3_errors.py), and reads the Violations of an
// InvalidParameterException body.
func TestServeWithBoto3(t *testing.T) {
	requireClient(t, "Python 3 with boto3", "python3", "-c", "import boto3")
	const region = "us-east-1"
	srv := startServe(t, "--state", writeServeState(t, region))
	throttled := startServe(t, "--rate", "0.001", "--burst", "1")
	run := runClient(t, clientEnv(t, region), ".", "python3", "testdata/boto3_errors.py", srv.url, throttled.url, region)
	if run.code != 0 {
		t.Fatalf("boto3_errors.py: exit %d: %s", run.code, run.stderr)
	}
	var got map[string]any
	if err := json.Unmarshal([]byte(run.stdout), &got); err != nil {
		t.Fatalf("%v: %s", err, run.stdout)
	}
	want := map[string]any{
		"create":                   "ok",
		"duplicate":                "DuplicateResourceException DuplicateResourceException 409",
		"catalog":                  "InvalidParameterException InvalidParameterException 400",
		"catalog violations":       []any{"IdentityInfo.Email required warning", "Username pattern error"}, // warnings ride along
		"unknown instance":         "ResourceNotFoundException ResourceNotFoundException 404",
		"unknown security profile": "ResourceNotFoundException ResourceNotFoundException 404",
		"quota":                    "LimitExceededException LimitExceededException 429",
		"describe unknown user":    "ResourceNotFoundException ResourceNotFoundException 404",
		"list bad max":             "InvalidParameterException InvalidParameterException 400",
		"throttle first":           "ok",
		"throttle other operation": "ok",
		"throttle again":           "ThrottlingException ThrottlingException 429",
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("boto3 outcomes (-want +got):\n%s", diff)
	}
	for _, p := range []*serveProc{srv, throttled} {
		if code := p.stop(t, syscall.SIGINT); code != 0 {
			t.Errorf("exit %d after SIGINT", code)
		}
	}
}
