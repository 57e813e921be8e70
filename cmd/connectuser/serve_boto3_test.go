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

// TestServeUpdatesWithBoto3 drives every update operation, TagResource,
// UntagResource and DeleteUser with boto3 (testdata/boto3_updates.py):
// each succeeds or raises the modelled exception, and describe_user and
// search_users give the user back as the service's documentation says.
func TestServeUpdatesWithBoto3(t *testing.T) {
	requireClient(t, "Python 3 with boto3", "python3", "-c", "import boto3")
	const region = "us-east-1"
	srv := startServe(t, "--state", writeUpdateState(t, region))
	run := runClient(t, clientEnv(t, region), ".", "python3", "testdata/boto3_updates.py", srv.url, region)
	if run.code != 0 {
		t.Fatalf("boto3_updates.py: exit %d: %s", run.code, run.stderr)
	}
	var got map[string]any
	if err := json.Unmarshal([]byte(run.stdout), &got); err != nil {
		t.Fatalf("%v: %s", err, run.stdout)
	}
	var want map[string]any
	if err := json.Unmarshal([]byte(`{
		"identity info": "ok", "phone config": "ok", "config": "ok", "routing profile": "ok",
		"security profiles": "ok", "hierarchy": "ok", "hierarchy cleared": "ok", "tag": "ok", "untag": "ok",
		"unknown user": "ResourceNotFoundException ResourceNotFoundException 404",
		"user of another instance": "ResourceNotFoundException ResourceNotFoundException 404",
		"unknown routing profile": "ResourceNotFoundException ResourceNotFoundException 404",
		"unknown group": "ResourceNotFoundException ResourceNotFoundException 404",
		"catalog": "InvalidParameterException InvalidParameterException 400",
		"reserved tag key": "InvalidParameterException InvalidParameterException 400",
		"51 tags": "InvalidParameterException InvalidParameterException 400",
		"untag unknown user": "ResourceNotFoundException ResourceNotFoundException 404",
		"delete": "ok",
		"describe deleted": "ResourceNotFoundException ResourceNotFoundException 404",
		"name free again": "ok",
		"described": {
			"Id": "ID", "Username": "boto.updates",
			"IdentityInfo": {"FirstName": "Ada", "LastName": "Lovelace"},
			"PhoneConfig": {"PhoneType": "SOFT_PHONE", "AutoAccept": true, "AfterContactWorkTimeLimit": 45, "DeskPhoneNumber": ""},
			"AfterContactWorkConfigs": [{"Channel": "VOICE", "AfterContactWorkConfig": {"AfterContactWorkTimeLimit": 45}}],
			"VoiceEnhancementConfigs": [{"Channel": "VOICE", "VoiceEnhancementMode": "NOISE_SUPPRESSION"}],
			"SecurityProfileIds": ["22345678-1234-1234-1234-123456789012"],
			"RoutingProfileId": "87654321-9876-9876-9876-210987654321",
			"Tags": {"site": "porto"}
		},
		"searched": {
			"IdentityInfo": {"FirstName": "Ada", "LastName": "Lovelace"},
			"PhoneConfig": {"PhoneType": "SOFT_PHONE", "AutoAccept": true, "AfterContactWorkTimeLimit": 45000, "DeskPhoneNumber": ""},
			"AfterContactWorkConfigs": [{"Channel": "VOICE", "AfterContactWorkConfig": {"AfterContactWorkTimeLimit": 45000}}]
		}
	}`), &want); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("boto3 outcomes (-want +got):\n%s", diff)
	}
	if code := srv.stop(t, syscall.SIGINT); code != 0 {
		t.Errorf("exit %d after SIGINT", code)
	}
}
