package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/connectkit/createuser/connecttest"
	"github.com/connectkit/createuser/identity"
	"github.com/connectkit/createuser/onboard"
)

// TestApplyConvergeKilledThreeTimes: 1,000 desired users over an
// instance of 1,000 (300 to create, 700 to update: security profiles,
// tags, last name, auto-accept; 300 to prune), every fault of the local
// service, the binary killed (SIGKILL) three times at random moments;
// then a last run converges, judged through the AWS CLI (list-users,
// describe-user) when it is installed, and by a plan that shows no change.
func TestApplyConvergeKilledThreeTimes(t *testing.T) {
	if testing.Short() {
		t.Skip("starts the binary five times over 1,300 users")
	}
	const existing, keep, creates = 1000, 700, 300
	seed := uint64(time.Now().UnixNano())
	t.Logf("seed %d (the kill moments and the faults)", seed)
	rnd := rand.New(rand.NewPCG(seed, 2))
	srv := demoServer(t, connecttest.WithSeed(int64(seed)), connecttest.WithFaults(connecttest.Faults{
		Throttle: 0.10, Error: 0.05, ResetBefore: 0.02, ResetAfter: 0.02}))
	first, last := identity.Secret("Agent"), identity.Secret("Old")
	for i := range existing {
		err := srv.AddUser(demoInstance, connecttest.User{Username: fmt.Sprintf("user%04d", i),
			IdentityInfo:       &identity.Info{FirstName: &first, LastName: &last},
			SecurityProfileIds: []string{demoAgent}, RoutingProfileId: demoRouting,
			Tags: map[string]string{"team": "north", onboard.ManagedTagKey: onboard.ManagedTagValue}})
		if err != nil {
			t.Fatal(err)
		}
	}
	dir := t.TempDir()
	var b bytes.Buffer
	for i := range keep {
		fmt.Fprintf(&b, `{"Username":"user%04d","SecurityProfileIds":[%q,"32345678-1234-1234-1234-123456789012"],`+
			`"Tags":{"team":"south"},"IdentityInfo":{"LastName":"New%d"},"PhoneConfig":{"PhoneType":"SOFT_PHONE","AutoAccept":true}}`+"\n", i, demoAgent, i)
	}
	for i := range creates {
		fmt.Fprintf(&b, `{"Username":"new%04d","Password":"Passw0rdExample","IdentityInfo":{"FirstName":"New","LastName":"Agent%d"},`+
			`"SecurityProfileIds":[%q],"RoutingProfileId":%q}`+"\n", i, i, demoAgent, demoRouting)
	}
	users := filepath.Join(dir, "users.jsonl")
	if err := os.WriteFile(users, b.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	journal := filepath.Join(dir, "journal.jsonl")
	args := applyArgs(srv, journal, "--instance-id", demoInstance, "--prune", "--max-deletes", "300", "--progress", "none", users)
	for kill := 1; kill <= 3; kill++ {
		var stdout, stderr bytes.Buffer
		cmd := startApply(t, args, &stdout, &stderr)
		done := make(chan struct{})
		go func() { cmd.Wait(); close(done) }()
		_, have := journalLastIfExists(journal)
		waitForJournal(journal, have+100+rnd.IntN(800), done)
		time.Sleep(time.Duration(rnd.IntN(30)) * time.Millisecond)
		cmd.Process.Signal(syscall.SIGKILL)
		<-done
		_, lines := journalLastIfExists(journal)
		t.Logf("kill %d: journal %d lines, %d users on the server", kill, lines, len(srv.Users(demoInstance)))
	}
	r := runBinary(t, "", nil, args...)
	if r.code != 0 {
		t.Fatalf("the last run exited %d\n%s\n%s", r.code, r.stdout, r.stderr)
	}
	for _, l := range strings.Split(r.stdout, "\n") {
		if strings.HasPrefix(l, "summary: ") || strings.HasPrefix(l, "Plan: ") {
			t.Logf("last run: %s", l)
		}
	}
	// Converged: a plan of the same file changes nothing.
	p := runBinary(t, "", nil, "plan", "--endpoint-url", srv.URL, "--instance-id", demoInstance, "--prune", "--lookup-rate", "1000", users)
	if p.code != exitOK || !strings.Contains(p.stdout, "No changes: the instance matches the file (1000 unchanged).") {
		t.Fatalf("plan after the runs exited %d:\n%s\n%s", p.code, lastLines(p.stdout, 10), p.stderr)
	}
	// Every user once, each as the file asks, the pruned gone.
	seen := map[string]int{}
	for _, u := range srv.Users(demoInstance) {
		seen[u.Username]++
	}
	if len(seen) != keep+creates {
		t.Errorf("%d users, want %d", len(seen), keep+creates)
	}
	for name, n := range seen {
		if n != 1 {
			t.Errorf("%s held %d times", name, n)
		}
		if strings.HasPrefix(name, "user") && name >= fmt.Sprintf("user%04d", keep) {
			t.Errorf("%s not pruned", name)
		}
	}
	// The AWS CLI's view of the same.
	if _, err := exec.LookPath("aws"); err != nil && os.Getenv("CREATEUSER_REQUIRE_CLIENTS") != "1" {
		t.Logf("no AWS CLI: judged through the Go API only")
		return
	}
	requireClient(t, "the AWS CLI", "aws", "--version")
	// The CLI reads a copy of the final state, without the faults (its
	// own retries would otherwise decide the judgement).
	judge := connecttest.NewServer()
	t.Cleanup(judge.Close)
	if err := judge.Load(srv.State()); err != nil {
		t.Fatal(err)
	}
	srv = judge
	env := clientEnv(t, "us-east-1")
	list := runClient(t, env, dir, "aws", "connect", "--endpoint-url", srv.URL, "--output", "json", "list-users", "--instance-id", demoInstance)
	if list.code != 0 {
		t.Fatalf("list-users: %s", list.stderr)
	}
	var out struct {
		UserSummaryList []struct{ Id, Username string }
	}
	if err := json.Unmarshal([]byte(list.stdout), &out); err != nil {
		t.Fatal(err)
	}
	if len(out.UserSummaryList) != keep+creates {
		t.Errorf("list-users: %d users, want %d", len(out.UserSummaryList), keep+creates)
	}
	for _, u := range out.UserSummaryList {
		if u.Username != "user0007" && u.Username != "new0003" {
			continue
		}
		d := runClient(t, env, dir, "aws", "connect", "--endpoint-url", srv.URL, "--output", "json", "describe-user", "--instance-id", demoInstance, "--user-id", u.Id)
		var got struct {
			User struct {
				SecurityProfileIds []string
				Tags               map[string]string
				IdentityInfo       struct{ LastName string }
				PhoneConfig        struct{ AutoAccept bool }
			}
		}
		if d.code != 0 || json.Unmarshal([]byte(d.stdout), &got) != nil {
			t.Fatalf("describe-user %s: %s", u.Username, d.stderr)
		}
		if got.User.Tags[onboard.ManagedTagKey] != onboard.ManagedTagValue {
			t.Errorf("%s: tags %v, want managed-by kept or set", u.Username, got.User.Tags)
		}
		if u.Username == "user0007" && (len(got.User.SecurityProfileIds) != 2 || got.User.Tags["team"] != "south" ||
			got.User.IdentityInfo.LastName != "New7" || !got.User.PhoneConfig.AutoAccept) {
			t.Errorf("user0007 not as the file asks: %+v", got.User)
		}
	}
}

// lastLines returns the last n lines of s.
func lastLines(s string, n int) string {
	l := strings.Split(strings.TrimSpace(s), "\n")
	return strings.Join(l[max(0, len(l)-n):], "\n")
}
