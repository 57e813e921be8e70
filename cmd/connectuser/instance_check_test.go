package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/connectkit/createuser/connecttest"
	"github.com/connectkit/createuser/identity"
)

// awsTestEnv keeps the SDK's configuration to the test: no shared files,
// no instance metadata, placeholder credentials.
func awsTestEnv(t *testing.T) {
	dir := t.TempDir()
	t.Setenv("AWS_CONFIG_FILE", filepath.Join(dir, "config"))
	t.Setenv("AWS_SHARED_CREDENTIALS_FILE", filepath.Join(dir, "credentials"))
	t.Setenv("AWS_EC2_METADATA_DISABLED", "true")
	t.Setenv("AWS_ACCESS_KEY_ID", "AKIDEXAMPLE")
	t.Setenv("AWS_SECRET_ACCESS_KEY", "secret")
	t.Setenv("AWS_REGION", "us-east-1")
	t.Setenv("AWS_PROFILE", "")
}

// instanceDocs writes documents for the instance checks into a directory.
func instanceDocs(t *testing.T) string {
	dir := t.TempDir()
	doc := func(name, instance, username, profile string) {
		m := map[string]any{
			"Username": username, "Password": "Str0ngPassw0rd",
			"IdentityInfo":       map[string]any{"FirstName": "Jane", "LastName": "Doe", "Email": "jane@example.com"},
			"SecurityProfileIds": []string{profile}, "RoutingProfileId": "rp-basic",
		}
		if instance != "" {
			m["InstanceId"] = instance
		}
		b, _ := json.Marshal(m)
		if err := os.WriteFile(filepath.Join(dir, name), b, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	doc("a-valid.json", "inst-cm", "new.user", "sp-agent")
	doc("b-filled-in.json", "", "other.user", "sp-agent")
	doc("c-missing-profile.json", "inst-cm", "third.user", "sp-agnet")
	doc("d-taken.json", "", "taken.user", "sp-agent")
	doc("e-own-instance.json", "inst-gone", "fourth.user", "sp-agent")
	return dir
}

func seedCLIInstance(t *testing.T, srv *connecttest.Server) {
	err := srv.AddInstance(connecttest.Instance{Id: "inst-cm", Alias: "cm", IdentityManagementType: identity.ConnectManaged,
		SecurityProfiles: []connecttest.Resource{{Id: "sp-agent", Name: "Agent"}},
		RoutingProfiles:  []connecttest.Resource{{Id: "rp-basic", Name: "Basic Routing Profile"}},
		Users:            []connecttest.User{{Id: "u-1", Username: "taken.user", SecurityProfileIds: []string{"sp-agent"}, RoutingProfileId: "rp-basic"}}})
	if err != nil {
		t.Fatal(err)
	}
}

// TestValidateInstanceChecks: --instance-id with --endpoint-url checks the
// documents against a local service: missing references and taken
// usernames are errors; --instance-id fills in only where a document has
// no InstanceId.
func TestValidateInstanceChecks(t *testing.T) {
	awsTestEnv(t)
	srv := connecttest.NewServer()
	defer srv.Close()
	seedCLIInstance(t, srv)
	dir := instanceDocs(t)
	var stdout, stderr bytes.Buffer
	code := runValidate([]string{"--format", "json", "--endpoint-url", srv.URL, "--instance-id", "inst-cm", dir}, nil, &stdout, &stderr)
	if code != exitInvalid {
		t.Fatalf("exit %d, want 1; stderr: %s", code, stderr.String())
	}
	got := map[string][]string{}
	for _, line := range strings.Split(strings.TrimSpace(stdout.String()), "\n") {
		var r record
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			t.Fatalf("%v: %s", err, line)
		}
		var rules []string
		for _, v := range r.Violations {
			rules = append(rules, v.Field+" "+v.Code+" "+v.Rule)
		}
		got[filepath.Base(r.Source)] = rules
	}
	want := map[string][]string{
		"a-valid.json":           nil,
		"b-filled-in.json":       nil,
		"c-missing-profile.json": {"SecurityProfileIds[0] reference instance.security-profile-ids.reference"},
		"d-taken.json":           {"Username duplicate instance.username.duplicate"},
		"e-own-instance.json":    {"InstanceId reference instance.instance-id.reference"},
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("violations (-want +got):\n%s", d)
	}
	if !strings.Contains(stdout.String(), "Did you mean Agent (sp-agent)?") {
		t.Error("no suggestion for sp-agnet")
	}
}

// TestValidateInstanceLookupFails: a failed look-up prints the catalog's
// findings, names the failed call on standard error and exits 2. Every
// call answers 500, which the paced reader retries for up to two minutes:
// --deadline ends the run sooner.
func TestValidateInstanceLookupFails(t *testing.T) {
	awsTestEnv(t)
	t.Setenv("AWS_MAX_ATTEMPTS", "1")
	srv := connecttest.NewServer(connecttest.WithFaults(connecttest.Faults{Error: 1}))
	defer srv.Close()
	dir := instanceDocs(t)
	var stdout, stderr bytes.Buffer
	code := runValidate([]string{"--format", "json", "--endpoint-url", srv.URL, "--instance-id", "inst-cm", "--deadline", "3s", dir}, nil, &stdout, &stderr)
	if code != exitUsage {
		t.Fatalf("exit %d, want 2", code)
	}
	if n := strings.Count(stdout.String(), "\n"); n != 5 {
		t.Errorf("%d reports, want 5 (the catalog's findings of every document):\n%s", n, stdout.String())
	}
	if !strings.Contains(stderr.String(), "DescribeInstance") || !strings.Contains(stderr.String(), "a-valid.json") {
		t.Errorf("standard error does not name the call and the document:\n%s", stderr.String())
	}
}
