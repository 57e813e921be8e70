package main

import (
	"context"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/connect"
	"github.com/aws/aws-sdk-go-v2/service/connect/types"
)

// fakeLister answers ListInstances from pages of (id, alias) pairs.
type fakeLister struct {
	pages [][][2]string
	err   error
	calls int
}

func (f *fakeLister) ListInstances(_ context.Context, in *connect.ListInstancesInput, _ ...func(*connect.Options)) (*connect.ListInstancesOutput, error) {
	f.calls++
	if f.err != nil {
		return nil, f.err
	}
	page := 0
	if in.NextToken != nil {
		page = len(*in.NextToken)
	}
	out := &connect.ListInstancesOutput{}
	for _, p := range f.pages[page] {
		out.InstanceSummaryList = append(out.InstanceSummaryList, types.InstanceSummary{Id: aws.String(p[0]), InstanceAlias: aws.String(p[1])})
	}
	if page+1 < len(f.pages) {
		out.NextToken = aws.String(strings.Repeat("x", page+1))
	}
	return out, nil
}

func TestResolveInstanceID(t *testing.T) {
	const demo = "40c83b68-ea62-414c-97bb-d018e39e158e"
	pages := [][][2]string{
		{{"a1b2c3d4-5678-90ab-cdef-EXAMPLE11111", "demo-saml"}, {"full-instance", "full"}},
		{{demo, "demo-connect-managed"}},
	}
	errDenied := errors.New("AccessDeniedException")
	for _, tc := range []struct {
		name, value string
		err         error // of the lister
		want        string
		wantCalls   int
		wantErr     error  // errors.Is, when the lister fails
		wantInErr   string // an alias the error suggests or lists
	}{
		{name: "an id is used as given", value: demo, want: demo},
		{name: "a demo id is used as given", value: "a1b2c3d4-5678-90ab-cdef-EXAMPLE11111", want: "a1b2c3d4-5678-90ab-cdef-EXAMPLE11111"},
		{name: "an ARN is used as given", value: "arn:aws:connect:us-east-1:123456789012:instance/" + demo, want: "arn:aws:connect:us-east-1:123456789012:instance/" + demo},
		{name: "empty stays empty", value: "", want: ""},
		{name: "an alias on the second page", value: "demo-connect-managed", want: demo, wantCalls: 2},
		{name: "an alias on the first page", value: "full", want: "full-instance", wantCalls: 1},
		{name: "an id of another shape", value: "full-instance", want: "full-instance", wantCalls: 1},
		{name: "an alias nearly right", value: "demo-sam", wantCalls: 2, wantInErr: "demo-saml"},
		{name: "an unknown alias lists the aliases", value: "demo-cm", wantCalls: 2, wantInErr: "demo-connect-managed"},
		{name: "a failed look-up", value: "demo-cm", err: errDenied, wantCalls: 1, wantErr: errDenied},
	} {
		t.Run(tc.name, func(t *testing.T) {
			api := &fakeLister{pages: pages, err: tc.err}
			got, err := resolveInstanceID(context.Background(), api, tc.value)
			if api.calls != tc.wantCalls {
				t.Errorf("%d ListInstances calls, want %d", api.calls, tc.wantCalls)
			}
			switch {
			case tc.wantErr != nil || tc.wantInErr != "":
				if err == nil {
					t.Fatalf("got %q, want an error", got)
				}
				if tc.wantErr != nil && !errors.Is(err, tc.wantErr) {
					t.Errorf("error %v does not wrap %v", err, tc.wantErr)
				}
				if tc.wantInErr != "" && !strings.Contains(err.Error(), tc.wantInErr) {
					t.Errorf("error %q does not name %s", err, tc.wantInErr)
				}
			case err != nil:
				t.Fatal(err)
			case got != tc.want:
				t.Errorf("got %q, want %q", got, tc.want)
			}
		})
	}
}

// The instance's alias does where the commands expect its id: validate
// checks a document without InstanceId against the instance the alias
// names, import writes that instance's id, and apply fills it in.
func TestInstanceAliasOnTheCommandLine(t *testing.T) {
	srv := startServe(t)
	const demo = "40c83b68-ea62-414c-97bb-d018e39e158e"
	// No InstanceId, and a routing profile the demo instance lacks: the
	// instance checks find it only when they read the right instance.
	doc := `{"Username":"alias.user","Password":"Sunrise2026Desk","IdentityInfo":{"FirstName":"A","LastName":"B","Email":"a@example.com"},` +
		`"SecurityProfileIds":["12345678-1234-1234-1234-123456789012"],"RoutingProfileId":"00000000-0000-0000-0000-000000000000"}`

	r := runBinary(t, "", []byte(doc), "validate", "--format", "json", "--endpoint-url", srv.url, "--instance-id", "demo-connect-managed", "-")
	var rec record
	if err := json.Unmarshal([]byte(r.stdout), &rec); err != nil || r.code != exitInvalid {
		t.Fatalf("validate: exit %d, %v\n%s%s", r.code, err, r.stdout, r.stderr)
	}
	var rules []string
	for _, v := range rec.Violations {
		rules = append(rules, v.Rule)
	}
	if len(rules) != 1 || rules[0] != "instance.routing-profile-id.reference" {
		t.Errorf("validate found %v, want the routing profile the instance lacks", rules)
	}

	r = runBinary(t, "", []byte(doc), "validate", "--endpoint-url", srv.url, "--instance-id", "demo-cm", "-")
	if r.code != exitUsage || !strings.Contains(r.stderr, "demo-connect-managed") {
		t.Errorf("validate with an unknown alias: exit %d, stderr %q; want 2 and the aliases", r.code, r.stderr)
	}

	r = runBinary(t, moduleRoot, nil, "import", "--endpoint-url", srv.url, "--instance-id", "demo-connect-managed", "examples/onboarding/users.csv")
	lines := strings.Split(strings.TrimSpace(r.stdout), "\n")
	if r.code != exitOK || len(lines) != 3 {
		t.Fatalf("import: exit %d, %d documents\n%s", r.code, len(lines), r.stderr)
	}
	for _, l := range lines {
		var d struct{ InstanceId string }
		if err := json.Unmarshal([]byte(l), &d); err != nil || d.InstanceId != demo {
			t.Errorf("import wrote InstanceId %q (%v), want the demo instance's id", d.InstanceId, err)
		}
	}

	valid := strings.Replace(doc, "00000000-0000-0000-0000-000000000000", "87654321-9876-9876-9876-210987654321", 1)
	path := filepath.Join(t.TempDir(), "users.jsonl")
	if err := os.WriteFile(path, []byte(valid+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	r = runBinary(t, "", nil, "apply", "--dry-run", "--endpoint-url", srv.url, "--instance-id", "demo-connect-managed", "--journal", filepath.Join(t.TempDir(), "j.jsonl"), path)
	if r.code != exitOK || !strings.Contains(r.stdout, "Plan: 1 to create, 0 to update, 0 to delete, 0 unchanged, 0 invalid.") {
		t.Errorf("apply --dry-run: exit %d\n%s%s", r.code, r.stdout, r.stderr)
	}

	// plan and export take the alias too.
	r = runBinary(t, "", nil, "plan", "--format", "json", "--endpoint-url", srv.url, "--instance-id", "demo-connect-managed", path)
	var plan struct{ Instance string }
	if err := json.Unmarshal([]byte(r.stdout), &plan); err != nil || r.code != exitChanges || plan.Instance != demo {
		t.Errorf("plan: exit %d, instance %q (%v), want %d and the demo instance's id\n%s", r.code, plan.Instance, err, exitChanges, r.stderr)
	}
	r = runBinary(t, "", nil, "export", "--format", "jsonl", "--endpoint-url", srv.url, "--instance-id", "demo-connect-managed")
	// (An id the service does not know would be exit 2.)
	if r.code != exitOK || !strings.HasPrefix(r.stderr, "exported ") {
		t.Errorf("export: exit %d\n%s", r.code, r.stderr)
	}
}

// A failed ListInstances does not stop a command: the value is used as
// given (the calls that follow report their own failures), with a note.
func TestInstanceIDFlagLookupFails(t *testing.T) {
	var stderr strings.Builder
	api := &fakeLister{err: errors.New("AccessDeniedException")}
	got, err := instanceIDFlag(context.Background(), api, "inst-cm", "validate", &stderr)
	if err != nil || got != "inst-cm" {
		t.Errorf("got %q, %v; want the value as given", got, err)
	}
	if !strings.Contains(stderr.String(), "ListInstances") {
		t.Errorf("the note does not name the call: %q", stderr.String())
	}
	got, err = instanceIDFlag(context.Background(), &fakeLister{pages: [][][2]string{{{"inst-cm", "cm"}}}}, "nope", "validate", &stderr)
	if err == nil {
		t.Errorf("an alias no instance has gave %q", got)
	}
}
