package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"syscall"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/connectkit/createuser/connecttest"
)

// The demo instances' ids (connecttest.AddDemoInstances), which the
// shipped documents name.
const (
	demoConnectManaged = "40c83b68-ea62-414c-97bb-d018e39e158e"
	demoSAML           = "a1b2c3d4-5678-90ab-cdef-EXAMPLE11111"
	samlDocumentGroup  = "abcdef01-2345-6789-abcd-ef0123456789" // saml-user.json's HierarchyGroupId
)

// writeServeState writes the state of the CLI tests: the demo instances in
// region, the hierarchy group that saml-user.json names, and an instance
// with a quota of one user that already holds one.
func writeServeState(t *testing.T, region string) string {
	t.Helper()
	srv := connecttest.NewServer(connecttest.WithRegion(region))
	defer srv.Close()
	srv.AddDemoInstances()
	st := srv.State()
	for i := range st.Instances {
		if st.Instances[i].Id == demoSAML {
			st.Instances[i].HierarchyGroups = []connecttest.HierarchyGroup{{Id: samlDocumentGroup, Name: "Billing"}}
		}
	}
	full := st.Instances[0]
	full.Id, full.Alias, full.UserQuota = "full-instance", "full", 1
	full.Users = []connecttest.User{{Id: "seeded-user", Username: "seeded", SecurityProfileIds: []string{full.SecurityProfiles[1].Id}, RoutingProfileId: full.RoutingProfiles[0].Id}}
	st.Instances = append(st.Instances, full)
	path := filepath.Join(t.TempDir(), "state.json")
	var buf bytes.Buffer
	if err := st.Write(&buf); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// cliDocument is one request document given to `aws connect create-user`.
type cliDocument struct {
	name string // file, or file:line for JSON Lines
	data []byte
}

// shippedDocuments returns every document of examples/documents: each
// .json file, and each non-blank line of each .jsonl file.
func shippedDocuments(t *testing.T) []cliDocument {
	t.Helper()
	dir := filepath.Join(moduleRoot, examplesDir)
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var docs []cliDocument
	for _, e := range entries {
		data, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		switch filepath.Ext(e.Name()) {
		case ".json":
			docs = append(docs, cliDocument{e.Name(), data})
		case ".jsonl":
			sc := bufio.NewScanner(bytes.NewReader(data))
			for line := 1; sc.Scan(); line++ {
				if strings.TrimSpace(sc.Text()) != "" {
					docs = append(docs, cliDocument{fmt.Sprintf("%s:%d", e.Name(), line), []byte(sc.Text())})
				}
			}
		default:
			t.Fatalf("%s: a document kind this test does not know", e.Name())
		}
	}
	return docs
}

// What `aws connect create-user` answers to each shipped document, run in
// this order against the state of writeServeState: "" is success, an
// exception name is the service's answer, and the other words are the
// CLI's own refusals, which send nothing.
var shippedExpectations = map[string]string{
	"channel-specific.json": "",
	"cli-create-user.json":  "",
	"saml-user.json":        "",                           // instance and profile given as ARNs of us-west-2
	"many-violations.json":  "client:validation",          // botocore's parameter validation (unknown member, types, tag key length)
	"onboarding.jsonl:1":    "",                           // ana.silva
	"onboarding.jsonl:2":    "",                           // li.wang
	"onboarding.jsonl:4":    "DuplicateResourceException", // ana.silva again
	"onboarding.jsonl:5":    "client:json",                // the line is cut: not JSON
}

// crafted documents reach the service and break one of its judgements.
var craftedDocuments = []struct {
	name, change, want string
}{
	{"catalog error", `"Username": "john smith"`, "InvalidParameterException"},
	{"unknown routing profile", `"RoutingProfileId": "00000000-0000-0000-0000-000000000000"`, "ResourceNotFoundException"},
	{"unknown instance", `"InstanceId": "00000000-0000-0000-0000-000000000000"`, "ResourceNotFoundException"},
	{"quota reached", `"InstanceId": "full-instance"`, "LimitExceededException"},
}

// secretsOf returns every sensitive value of a document.
func secretsOf(v any) []string {
	var out []string
	switch v := v.(type) {
	case map[string]any:
		for k, x := range v {
			switch k {
			case "Password", "FirstName", "LastName", "Email", "SecondaryEmail", "Mobile", "DeskPhoneNumber", "PhoneNumber":
				if s, ok := x.(string); ok && s != "" {
					out = append(out, s)
				}
			default:
				out = append(out, secretsOf(x)...)
			}
		}
	case []any:
		for _, x := range v {
			out = append(out, secretsOf(x)...)
		}
	}
	return out
}

// lastSegment turns an ARN into the id it ends with.
func lastSegment(s string) string {
	if strings.HasPrefix(s, "arn:") {
		return s[strings.LastIndex(s, "/")+1:]
	}
	return s
}

// sentUser is the user a document asks for, as DescribeUser should show
// it: the document less InstanceId and Password, profile ARNs as ids, with
// the service's defaults.
func sentUser(t *testing.T, data []byte) map[string]any {
	var doc map[string]any
	if err := json.Unmarshal(data, &doc); err != nil {
		t.Fatal(err)
	}
	delete(doc, "InstanceId")
	delete(doc, "Password")
	if ids, ok := doc["SecurityProfileIds"].([]any); ok {
		for i, id := range ids {
			ids[i] = lastSegment(id.(string))
		}
	}
	// The service's defaults: a phone configuration always, Tags {}.
	pc, _ := doc["PhoneConfig"].(map[string]any)
	if pc == nil {
		pc = map[string]any{}
	}
	for k, v := range map[string]any{"PhoneType": "SOFT_PHONE", "AutoAccept": false, "AfterContactWorkTimeLimit": 0.0, "DeskPhoneNumber": ""} {
		if _, set := pc[k]; !set {
			pc[k] = v
		}
	}
	doc["PhoneConfig"] = pc
	if _, set := doc["Tags"]; !set {
		doc["Tags"] = map[string]any{}
	}
	return doc
}

var logLine = regexp.MustCompile(`^(CreateUser|DescribeUser|ListUsers|SearchUsers|DeleteUser|UpdateUserIdentityInfo|UpdateUserPhoneConfig|UpdateUserConfig|UpdateUserRoutingProfile|UpdateUserSecurityProfiles|UpdateUserHierarchy|TagResource|UntagResource|DescribeInstance|ListInstances|ListSecurityProfiles|ListRoutingProfiles|ListUserHierarchyGroups|DescribeUserHierarchyGroup|-) [0-9]{1,3} (-|[A-Za-z]+Exception)( fault=[a-z-]+)? [0-9.]+[µnm]?s id=[0-9a-f-]{36}$`)

func TestServeWithAWSCLI(t *testing.T) {
	requireClient(t, "the AWS CLI", "aws", "--version")
	const region = "us-west-2" // the region of saml-user.json's ARNs
	statePath := writeServeState(t, region)
	savePath := filepath.Join(t.TempDir(), "saved.json")
	srv := startServe(t, "--region", region, "--state", statePath, "--save", savePath)
	env := clientEnv(t, region)
	dir := t.TempDir()
	aws := func(args ...string) clientRun {
		return runClient(t, env, dir, "aws", append([]string{"connect", "--endpoint-url", srv.url, "--output", "json"}, args...)...)
	}
	var secrets []string
	reached := 0 // create-user calls that reached the server
	createUser := func(name string, data []byte) clientRun {
		file := filepath.Join(dir, strings.NewReplacer(":", "-", " ", "-").Replace(name)+".json")
		if err := os.WriteFile(file, data, 0o600); err != nil {
			t.Fatal(err)
		}
		var doc any
		if json.Unmarshal(data, &doc) == nil {
			secrets = append(secrets, secretsOf(doc)...)
		}
		return aws("create-user", "--cli-input-json", "file://"+file)
	}
	// check asserts the outcome of a create-user run and, on success,
	// that describe-user gives back what was sent. It returns the user id.
	check := func(name string, data []byte, run clientRun, want string) string {
		t.Helper()
		switch {
		case want == "":
			if run.code != 0 {
				t.Fatalf("%s: exit %d: %s", name, run.code, run.stderr)
			}
			reached++
		case want == "client:validation":
			if run.code == 0 || !strings.Contains(run.stderr, "Parameter validation failed") {
				t.Fatalf("%s: want botocore's parameter validation, got exit %d: %s", name, run.code, run.stderr)
			}
			return ""
		case want == "client:json":
			if run.code == 0 || !strings.Contains(run.stderr, "JSON") {
				t.Fatalf("%s: want the CLI to refuse the JSON, got exit %d: %s", name, run.code, run.stderr)
			}
			return ""
		default:
			reached++
			if run.code == 0 || !strings.Contains(run.stderr, "("+want+")") {
				t.Fatalf("%s: want %s, got exit %d: %s", name, want, run.code, run.stderr)
			}
			return ""
		}
		var out struct{ UserId, UserArn string }
		if err := json.Unmarshal([]byte(run.stdout), &out); err != nil {
			t.Fatalf("%s: %v: %s", name, err, run.stdout)
		}
		var doc struct{ InstanceId string }
		_ = json.Unmarshal(data, &doc)
		instance := lastSegment(doc.InstanceId)
		if want := fmt.Sprintf("arn:aws:connect:%s:123456789012:instance/%s/agent/%s", region, instance, out.UserId); out.UserArn != want {
			t.Errorf("%s: UserArn %s, want %s", name, out.UserArn, want)
		}
		desc := aws("describe-user", "--instance-id", doc.InstanceId, "--user-id", out.UserId)
		if desc.code != 0 {
			t.Fatalf("%s: describe-user: %s", name, desc.stderr)
		}
		var got struct{ User map[string]any }
		if err := json.Unmarshal([]byte(desc.stdout), &got); err != nil {
			t.Fatal(err)
		}
		if got.User["Id"] != out.UserId || got.User["Arn"] != out.UserArn || got.User["LastModifiedRegion"] != region || got.User["LastModifiedTime"] == nil {
			t.Errorf("%s: describe-user Id, Arn, LastModified*: %v", name, got.User)
		}
		for _, k := range []string{"Id", "Arn", "LastModifiedTime", "LastModifiedRegion"} {
			delete(got.User, k)
		}
		if diff := cmp.Diff(sentUser(t, data), got.User); diff != "" {
			t.Errorf("%s: describe-user differs from the document less Password (-sent +described):\n%s", name, diff)
		}
		return out.UserId
	}

	docs := shippedDocuments(t)
	seen := map[string]bool{}
	ids := map[string]string{} // username -> id, in the CONNECT_MANAGED instance
	for _, d := range docs {
		want, known := shippedExpectations[d.name]
		if !known {
			t.Fatalf("%s: no expected answer; add one to shippedExpectations", d.name)
		}
		seen[d.name] = true
		if id := check(d.name, d.data, createUser(d.name, d.data), want); id != "" {
			var doc struct{ InstanceId, Username string }
			_ = json.Unmarshal(d.data, &doc)
			if doc.InstanceId == demoConnectManaged {
				ids[doc.Username] = id
			}
		}
	}
	for name := range shippedExpectations {
		if !seen[name] {
			t.Errorf("%s: expected but not in examples/documents", name)
		}
	}
	base, err := os.ReadFile(filepath.Join(moduleRoot, examplesDir, "cli-create-user.json"))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range craftedDocuments {
		key := c.change[:strings.Index(c.change, ":")]
		data := regexp.MustCompile(`(?m)^\s*`+key+`: "[^"]*"`).ReplaceAll(base, []byte(c.change))
		data = bytes.Replace(data, []byte(`"Username": "Mary"`), []byte(`"Username": "crafted"`), 1)
		check(c.name, data, createUser(c.name, data), c.want)
	}

	// list-users: the CLI pages through pages of one user...
	list := func(args ...string) (names []string, next string) {
		run := aws(append([]string{"list-users", "--instance-id", demoConnectManaged}, args...)...)
		if run.code != 0 {
			t.Fatalf("list-users %v: %s", args, run.stderr)
		}
		var out struct {
			UserSummaryList []struct{ Username string }
			NextToken       string
		}
		if err := json.Unmarshal([]byte(run.stdout), &out); err != nil {
			t.Fatal(err)
		}
		for _, u := range out.UserSummaryList {
			names = append(names, u.Username)
		}
		return names, out.NextToken
	}
	wantNames := []string{"Mary", "agent.chen", "ana.silva", "li.wang"} // ordered by Username
	if names, _ := list("--page-size", "1"); !slices.Equal(names, wantNames) {
		t.Errorf("list-users --page-size 1: %v, want %v", names, wantNames)
	}
	first, token := list("--page-size", "1", "--max-items", "2")
	if token == "" || len(first) != 2 {
		t.Fatalf("list-users --max-items 2: %v, NextToken %q", first, token)
	}
	rest, _ := list("--page-size", "1", "--starting-token", token)
	if got := append(first, rest...); !slices.Equal(got, wantNames) {
		t.Errorf("list-users over --starting-token: %v, want %v", got, wantNames)
	}
	if run := aws("list-users", "--instance-id", demoConnectManaged, "--max-results", "1001", "--no-paginate"); run.code == 0 || !strings.Contains(run.stderr, "InvalidParameterException") {
		t.Errorf("list-users --max-results 1001: exit %d: %s", run.code, run.stderr)
	}

	// search-users, case-sensitive.
	search := func(comparison, value string) []string {
		criteria := fmt.Sprintf(`{"StringCondition":{"FieldName":"Username","Value":%q,"ComparisonType":%q}}`, value, comparison)
		run := aws("search-users", "--instance-id", demoConnectManaged, "--search-criteria", criteria)
		if run.code != 0 {
			t.Fatalf("search-users: %s", run.stderr)
		}
		var out struct {
			Users []struct{ Username, Id string }
		}
		if err := json.Unmarshal([]byte(run.stdout), &out); err != nil {
			t.Fatal(err)
		}
		var names []string
		for _, u := range out.Users {
			names = append(names, u.Username)
		}
		return names
	}
	for _, c := range []struct {
		comparison, value string
		want              []string
	}{
		{"STARTS_WITH", "a", []string{"agent.chen", "ana.silva"}},
		{"CONTAINS", "an", []string{"ana.silva", "li.wang"}},
		{"EXACT", "mary", nil},
		{"EXACT", "Mary", []string{"Mary"}},
	} {
		if got := search(c.comparison, c.value); !slices.Equal(got, c.want) {
			t.Errorf("search-users %s %q: %v, want %v", c.comparison, c.value, got, c.want)
		}
	}

	// delete-user, then the user is gone.
	for _, name := range []string{"agent.chen", "li.wang"} {
		if run := aws("delete-user", "--instance-id", demoConnectManaged, "--user-id", ids[name]); run.code != 0 {
			t.Fatalf("delete-user %s: %s", name, run.stderr)
		}
		if run := aws("describe-user", "--instance-id", demoConnectManaged, "--user-id", ids[name]); run.code == 0 || !strings.Contains(run.stderr, "(ResourceNotFoundException)") {
			t.Errorf("describe-user after delete-user: exit %d: %s", run.code, run.stderr)
		}
	}

	if code := srv.stop(t, syscall.SIGTERM); code != 0 {
		t.Fatalf("exit %d after SIGTERM; stderr: %s", code, srv.stderr.String())
	}

	// The saved state holds what is left, without any password.
	f, err := os.Open(savePath)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	saved, err := connecttest.LoadState(f)
	if err != nil {
		t.Fatal(err)
	}
	held := map[string][]string{}
	for _, in := range saved.Instances {
		for _, u := range in.Users {
			held[in.Id] = append(held[in.Id], u.Username)
		}
	}
	wantHeld := map[string][]string{demoConnectManaged: {"Mary", "ana.silva"}, demoSAML: {"jdoe@example.com"}, "full-instance": {"seeded"}}
	if diff := cmp.Diff(wantHeld, held); diff != "" {
		t.Errorf("saved state (-want +got):\n%s", diff)
	}
	savedBytes, _ := os.ReadFile(savePath)
	for _, pw := range []string{"Pass@Word1", "Sunrise2026Desk", "Tide2026Pool", "Harbor2026Kite", "Meadow2026Lamp"} {
		if bytes.Contains(savedBytes, []byte(pw)) {
			t.Errorf("the saved state holds a password")
		}
	}

	// Standard error: one well-formed line per request, no secret; the
	// rest of standard output: the instance lines.
	stderr := srv.stderr.String()
	creates := 0
	for line := range strings.Lines(stderr) {
		line = strings.TrimSuffix(line, "\n")
		if !logLine.MatchString(line) {
			t.Errorf("log line %q is not operation, status, error type, duration, id", line)
		}
		if strings.HasPrefix(line, "CreateUser ") {
			creates++
		}
	}
	if creates != reached {
		t.Errorf("%d CreateUser log lines, want %d (one per create-user that reached the server)", creates, reached)
	}
	for _, s := range secrets {
		if len(s) < 4 {
			continue // "Li" is in "ListUsers"
		}
		if strings.Contains(stderr, s) || strings.Contains(srv.stdout.String(), s) {
			t.Errorf("a sensitive value of a document is in the server's output")
		}
	}
	wantOut := "listening on " + srv.url + "\n"
	for _, in := range saved.Instances {
		wantOut += fmt.Sprintf("instance %s %s %s\n", in.Id, in.IdentityManagementType, in.Alias)
	}
	if got := srv.stdout.String(); got != wantOut {
		t.Errorf("standard output:\n%s\nwant:\n%s", got, wantOut)
	}
}
