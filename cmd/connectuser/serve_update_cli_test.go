package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/connectkit/createuser/connecttest"
)

// A profile and a group of the update tests, in the CONNECT_MANAGED demo
// instance (demoAgent and demoRouting are the others).
const (
	demoManager = "22345678-1234-1234-1234-123456789012"
	demoGroup   = "e1e1e1e1-0000-4000-8000-000000000001"
)

// writeUpdateState writes the state of writeServeState with a hierarchy
// group in the CONNECT_MANAGED demo instance.
func writeUpdateState(t *testing.T, region string) string {
	t.Helper()
	path := writeServeState(t, region)
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	st, err := connecttest.LoadState(f)
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	for i := range st.Instances {
		if st.Instances[i].Id == demoConnectManaged {
			st.Instances[i].HierarchyGroups = []connecttest.HierarchyGroup{{Id: demoGroup, Name: "Support"}}
		}
	}
	var buf bytes.Buffer
	if err := st.Write(&buf); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// jsonValue reads a JSON literal of a test table.
func jsonValue(t *testing.T, s string) any {
	t.Helper()
	var v any
	if err := json.Unmarshal([]byte(s), &v); err != nil {
		t.Fatalf("%s: %v", s, err)
	}
	return v
}

// cliSession is `connectuser serve` with a user created by the AWS CLI,
// and the means to drive it.
type cliSession struct {
	t        *testing.T
	srv      *serveProc
	env      []string
	dir      string
	n        int
	userID   string
	userARN  string
	identity map[string]any // InstanceId and UserId of the user
}

func newCLISession(t *testing.T) *cliSession {
	requireClient(t, "the AWS CLI", "aws", "--version")
	const region = "us-east-1"
	c := &cliSession{t: t, srv: startServe(t, "--state", writeUpdateState(t, region)), env: clientEnv(t, region), dir: t.TempDir()}
	created := c.input("create-user", map[string]any{
		"InstanceId": demoConnectManaged, "Username": "cli.updates", "Password": "Sunrise2026Desk",
		"IdentityInfo": map[string]any{"FirstName": "Cli", "LastName": "Updates"},
		"PhoneConfig":  map[string]any{"PhoneType": "SOFT_PHONE"}, "SecurityProfileIds": []string{demoAgent},
		"RoutingProfileId": demoRouting, "Tags": map[string]string{"team": "blue"},
		"AfterContactWorkConfigs": []any{map[string]any{"Channel": "CHAT", "AfterContactWorkConfig": map[string]any{"AfterContactWorkTimeLimit": 20}}},
	})
	if created.code != 0 {
		t.Fatalf("create-user: %s", created.stderr)
	}
	var out struct{ UserId, UserArn string }
	if err := json.Unmarshal([]byte(created.stdout), &out); err != nil {
		t.Fatal(err)
	}
	c.userID, c.userARN = out.UserId, out.UserArn
	c.identity = map[string]any{"InstanceId": demoConnectManaged, "UserId": out.UserId}
	return c
}

func (c *cliSession) aws(args ...string) clientRun {
	return runClient(c.t, c.env, c.dir, "aws", append([]string{"connect", "--endpoint-url", c.srv.url, "--output", "json"}, args...)...)
}

// input runs `aws connect COMMAND --cli-input-json` on doc.
func (c *cliSession) input(command string, doc map[string]any) clientRun {
	c.n++
	file := filepath.Join(c.dir, fmt.Sprintf("%02d-%s.json", c.n, command))
	data, err := json.Marshal(doc)
	if err != nil {
		c.t.Fatal(err)
	}
	if err := os.WriteFile(file, data, 0o600); err != nil {
		c.t.Fatal(err)
	}
	return c.aws(command, "--cli-input-json", "file://"+file)
}

// with returns the user's InstanceId and UserId with members.
func (c *cliSession) with(members map[string]any) map[string]any {
	doc := map[string]any{}
	for k, v := range c.identity {
		doc[k] = v
	}
	for k, v := range members {
		doc[k] = v
	}
	return doc
}

// describe returns describe-user's User, less Arn and LastModified*.
func (c *cliSession) describe() map[string]any {
	run := c.aws("describe-user", "--instance-id", demoConnectManaged, "--user-id", c.userID)
	if run.code != 0 {
		c.t.Fatalf("describe-user: %s", run.stderr)
	}
	var out struct{ User map[string]any }
	if err := json.Unmarshal([]byte(run.stdout), &out); err != nil {
		c.t.Fatal(err)
	}
	if out.User["LastModifiedRegion"] != "us-east-1" || out.User["LastModifiedTime"] == nil || out.User["Arn"] != c.userARN {
		c.t.Errorf("describe-user Arn, LastModified*: %v", out.User)
	}
	for _, k := range []string{"Arn", "LastModifiedTime", "LastModifiedRegion"} {
		delete(out.User, k)
	}
	return out.User
}

// logCounts stops the server and returns its log lines by operation,
// checking that each is well formed and holds none of secrets.
func (c *cliSession) logCounts(secrets ...string) map[string]int {
	if code := c.srv.stop(c.t, syscall.SIGTERM); code != 0 {
		c.t.Fatalf("exit %d after SIGTERM", code)
	}
	counts := map[string]int{}
	for line := range strings.Lines(c.srv.stderr.String()) {
		line = strings.TrimSuffix(line, "\n")
		if !logLine.MatchString(line) {
			c.t.Errorf("log line %q is not operation, status, error type, duration, id", line)
		}
		op, _, _ := strings.Cut(line, " ")
		counts[op]++
		for _, s := range secrets {
			if strings.Contains(line, s) {
				c.t.Errorf("a member is in the log")
			}
		}
	}
	return counts
}

// TestServeUpdatesWithAWSCLI drives every update operation of a user with
// `aws connect ... --cli-input-json`, as a person would, against
// `connectuser serve`, and reads the user back with describe-user and
// search-users.
func TestServeUpdatesWithAWSCLI(t *testing.T) {
	c := newCLISession(t)
	steps := []struct {
		command string
		doc     map[string]any
	}{
		{"update-user-identity-info", c.with(map[string]any{"IdentityInfo": map[string]any{"FirstName": "Mary", "LastName": "Major", "Email": "mary@example.com"}})},
		{"update-user-phone-config", c.with(map[string]any{"PhoneConfig": map[string]any{"PhoneType": "DESK_PHONE", "DeskPhoneNumber": "+15555550100", "AfterContactWorkTimeLimit": 30}})},
		{"update-user-config", c.with(map[string]any{"AutoAcceptConfigs": []any{map[string]any{"Channel": "CHAT", "AutoAccept": true}}})},
		{"update-user-security-profiles", c.with(map[string]any{"SecurityProfileIds": []string{demoAgent, demoManager}})},
		{"update-user-routing-profile", c.with(map[string]any{"RoutingProfileId": demoRouting})},
		{"update-user-hierarchy", c.with(map[string]any{"HierarchyGroupId": demoGroup})},
		{"tag-resource", map[string]any{"resourceArn": c.userARN, "tags": map[string]string{"site": "lisbon", "team": "red"}}},
		{"untag-resource", map[string]any{"resourceArn": c.userARN, "tagKeys": []string{"team", "never"}}},
	}
	for _, s := range steps {
		if run := c.input(s.command, s.doc); run.code != 0 || strings.TrimSpace(run.stdout) != "" {
			t.Fatalf("%s: exit %d: %s%s", s.command, run.code, run.stdout, run.stderr)
		}
	}
	// Each member as the update left it; the phone configuration's limit
	// went to every channel's.
	want := jsonValue(t, `{
		"Id": "`+c.userID+`", "Username": "cli.updates",
		"IdentityInfo": {"FirstName": "Mary", "LastName": "Major", "Email": "mary@example.com"},
		"PhoneConfig": {"PhoneType": "DESK_PHONE", "AutoAccept": false, "AfterContactWorkTimeLimit": 30, "DeskPhoneNumber": "+15555550100"},
		"AutoAcceptConfigs": [{"Channel": "CHAT", "AutoAccept": true}],
		"AfterContactWorkConfigs": [{"Channel": "CHAT", "AfterContactWorkConfig": {"AfterContactWorkTimeLimit": 30}}],
		"SecurityProfileIds": ["`+demoAgent+`", "`+demoManager+`"],
		"RoutingProfileId": "`+demoRouting+`", "HierarchyGroupId": "`+demoGroup+`",
		"Tags": {"site": "lisbon"}}`)
	if diff := cmp.Diff(want, any(c.describe())); diff != "" {
		t.Errorf("describe-user after the updates (-want +got):\n%s", diff)
	}
	// search-users: the names only, the limits in milliseconds.
	run := c.aws("search-users", "--instance-id", demoConnectManaged)
	var found struct{ Users []map[string]any }
	if err := json.Unmarshal([]byte(run.stdout), &found); run.code != 0 || err != nil || len(found.Users) != 1 {
		t.Fatalf("search-users: %v %s %s", err, run.stdout, run.stderr)
	}
	u := found.Users[0]
	if !cmp.Equal(u["IdentityInfo"], jsonValue(t, `{"FirstName":"Mary","LastName":"Major"}`)) ||
		!cmp.Equal(u["PhoneConfig"], jsonValue(t, `{"PhoneType":"DESK_PHONE","AutoAccept":false,"AfterContactWorkTimeLimit":30000,"DeskPhoneNumber":"+15555550100"}`)) ||
		!cmp.Equal(u["AfterContactWorkConfigs"], jsonValue(t, `[{"Channel":"CHAT","AfterContactWorkConfig":{"AfterContactWorkTimeLimit":30000}}]`)) {
		t.Errorf("search-users: %v", u)
	}
	counts := c.logCounts("Mary", "mary@example.com", "+15555550100", "Sunrise2026Desk")
	for op, want := range map[string]int{"CreateUser": 1, "UpdateUserIdentityInfo": 1, "UpdateUserPhoneConfig": 1, "UpdateUserConfig": 1, "UpdateUserSecurityProfiles": 1,
		"UpdateUserRoutingProfile": 1, "UpdateUserHierarchy": 1, "TagResource": 1, "UntagResource": 1, "DescribeUser": 1, "SearchUsers": 1} {
		if counts[op] != want {
			t.Errorf("%d %s log lines, want %d", counts[op], op, want)
		}
	}
}

// TestServeUpdateRefusalsWithAWSCLI: the AWS CLI reports the service's
// exception for each refused update, and nothing changes; delete-user frees
// the username.
func TestServeUpdateRefusalsWithAWSCLI(t *testing.T) {
	c := newCLISession(t)
	fifty := map[string]string{}
	for i := range 50 {
		fifty[fmt.Sprintf("k%02d", i)] = "v"
	}
	refusals := []struct {
		name, command string
		doc           map[string]any
		want          string
	}{
		{"unknown user", "update-user-routing-profile", map[string]any{"InstanceId": demoConnectManaged, "UserId": "nobody", "RoutingProfileId": demoRouting}, "ResourceNotFoundException"},
		{"a user of another instance", "update-user-routing-profile", map[string]any{"InstanceId": demoConnectManaged, "UserId": "seeded-user", "RoutingProfileId": demoRouting}, "ResourceNotFoundException"},
		{"unknown instance", "update-user-hierarchy", map[string]any{"InstanceId": "nope", "UserId": c.userID}, "ResourceNotFoundException"},
		{"catalog", "update-user-identity-info", c.with(map[string]any{"IdentityInfo": map[string]any{"FirstName": "Mary", "LastName": "Major", "Email": "not-an-email"}}), "InvalidParameterException"},
		{"unknown security profile", "update-user-security-profiles", c.with(map[string]any{"SecurityProfileIds": []string{"00000000-0000-0000-0000-000000000000"}}), "ResourceNotFoundException"},
		{"a tag key aws:", "tag-resource", map[string]any{"resourceArn": c.userARN, "tags": map[string]string{"aws:x": "y"}}, "InvalidParameterException"},
		{"51 tags after the merge", "tag-resource", map[string]any{"resourceArn": c.userARN, "tags": fifty}, "InvalidParameterException"},
	}
	for _, r := range refusals {
		if run := c.input(r.command, r.doc); run.code == 0 || !strings.Contains(run.stderr, "("+r.want+")") {
			t.Errorf("%s: want %s, got exit %d: %s", r.name, r.want, run.code, run.stderr)
		}
	}
	want := jsonValue(t, `{
		"Id": "`+c.userID+`", "Username": "cli.updates",
		"IdentityInfo": {"FirstName": "Cli", "LastName": "Updates"},
		"PhoneConfig": {"PhoneType": "SOFT_PHONE", "AutoAccept": false, "AfterContactWorkTimeLimit": 0, "DeskPhoneNumber": ""},
		"AfterContactWorkConfigs": [{"Channel": "CHAT", "AfterContactWorkConfig": {"AfterContactWorkTimeLimit": 20}}],
		"SecurityProfileIds": ["`+demoAgent+`"], "RoutingProfileId": "`+demoRouting+`", "Tags": {"team": "blue"}}`)
	if diff := cmp.Diff(want, any(c.describe())); diff != "" {
		t.Errorf("refused updates changed the user (-want +got):\n%s", diff)
	}
	if run := c.input("delete-user", c.identity); run.code != 0 {
		t.Fatalf("delete-user: %s", run.stderr)
	}
	again := c.input("create-user", map[string]any{"InstanceId": demoConnectManaged, "Username": "cli.updates", "Password": "Sunrise2026Desk",
		"IdentityInfo": map[string]any{"FirstName": "Cli", "LastName": "Again"}, "PhoneConfig": map[string]any{"PhoneType": "SOFT_PHONE"},
		"SecurityProfileIds": []string{demoAgent}, "RoutingProfileId": demoRouting})
	if again.code != 0 {
		t.Errorf("create-user with the deleted user's name: %s", again.stderr)
	}
	counts := c.logCounts("Sunrise2026Desk", "not-an-email")
	for op, want := range map[string]int{"CreateUser": 2, "UpdateUserIdentityInfo": 1, "UpdateUserSecurityProfiles": 1,
		"UpdateUserRoutingProfile": 2, "UpdateUserHierarchy": 1, "TagResource": 2, "DeleteUser": 1} {
		if counts[op] != want {
			t.Errorf("%d %s log lines, want %d", counts[op], op, want)
		}
	}
}
