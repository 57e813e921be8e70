package main

import (
	"bufio"
	"bytes"
	"context"
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

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/connect"

	"github.com/connectkit/createuser/connecttest"
	"github.com/connectkit/createuser/onboard"
)

// The demo instance of connecttest (CONNECT_MANAGED) and its profiles.
const (
	demoInstance = "40c83b68-ea62-414c-97bb-d018e39e158e"
	demoAgent    = "12345678-1234-1234-1234-123456789012"
	demoRouting  = "87654321-9876-9876-9876-210987654321"
)

// demoServer starts a local service with the demo instances.
func demoServer(t *testing.T, opts ...connecttest.Option) *connecttest.Server {
	t.Helper()
	srv := connecttest.NewServer(opts...)
	t.Cleanup(srv.Close)
	srv.AddDemoInstances()
	return srv
}

// writeUsers writes n request documents as JSON Lines and returns the
// file's path.
func writeUsers(t *testing.T, dir string, n int) string {
	t.Helper()
	var b bytes.Buffer
	for i := range n {
		fmt.Fprintf(&b, `{"InstanceId":%q,"Username":"agent%04d","Password":"Passw0rdExample",`+
			`"IdentityInfo":{"FirstName":"Agent","LastName":"Number%d","Email":"agent%d@example.com"},`+
			`"SecurityProfileIds":[%q],"RoutingProfileId":%q}`+"\n", demoInstance, i, i, i, demoAgent, demoRouting)
	}
	path := filepath.Join(dir, "users.jsonl")
	if err := os.WriteFile(path, b.Bytes(), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

// applyArgs are the flags of a fast apply against srv: the local service
// has no rate limit here, so the client's is raised to keep CI fast.
func applyArgs(srv *connecttest.Server, journal string, extra ...string) []string {
	return append([]string{"apply", "--endpoint-url", srv.URL, "--journal", journal,
		"--rate", "300", "--burst", "20", "--lookup-rate", "1000", "--lookup-burst", "50",
		"--backoff-base", "1ms", "--max-attempts", "30", "--concurrency", "8", "--progress", "lines",
		"--progress-interval", "200ms"}, extra...)
}

// journalLast reads a journal file: the last event of each username, and
// how many lines it has.
func journalLast(t *testing.T, path string) (map[string]onboard.Record, int) {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	last := map[string]onboard.Record{}
	lines := 0
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		var r onboard.Record
		if json.Unmarshal(sc.Bytes(), &r) != nil {
			continue // a line cut short by SIGKILL
		}
		lines++
		last[r.Username] = r
		if strings.Contains(sc.Text(), "Passw0rd") {
			t.Fatalf("the journal holds a password: %s", sc.Text())
		}
	}
	return last, lines
}

// listUsernames counts each username of the demo instance through
// ListUsers, as a client sees them.
func listUsernames(t *testing.T, srv *connecttest.Server) map[string]int {
	t.Helper()
	client := connect.New(connect.Options{Region: "us-east-1", BaseEndpoint: aws.String(srv.URL),
		Credentials: credentials.NewStaticCredentialsProvider("test", "test", "")})
	seen := map[string]int{}
	p := connect.NewListUsersPaginator(client, &connect.ListUsersInput{InstanceId: aws.String(demoInstance), MaxResults: aws.Int32(1000)})
	for n := 0; p.HasMorePages() && n < 100; n++ {
		out, err := p.NextPage(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		for _, u := range out.UserSummaryList {
			seen[aws.ToString(u.Username)]++
		}
	}
	return seen
}

// checkOnboarded fails unless the instance holds agent0000..agent(n-1)
// each once and nothing else, and the journal records each as created
// or exists.
func checkOnboarded(t *testing.T, srv *connecttest.Server, journal string, n int) {
	t.Helper()
	seen := listUsernames(t, srv)
	if len(seen) != n {
		t.Errorf("ListUsers: %d users, want %d", len(seen), n)
	}
	last, _ := journalLast(t, journal)
	done := 0
	for i := range n {
		name := fmt.Sprintf("agent%04d", i)
		if seen[name] != 1 {
			t.Errorf("%s held %d times", name, seen[name])
		}
		if ev := last[name].Event; ev == onboard.EventCreated || ev == onboard.EventExists {
			done++
		} else {
			t.Errorf("%s: last journal event %q", name, ev)
		}
	}
	if done != n {
		t.Errorf("the journal records %d users as created or existing, want %d", done, n)
	}
}

// startApply starts the binary; the caller waits for it.
func startApply(t *testing.T, args []string, stdout, stderr *bytes.Buffer) *exec.Cmd {
	t.Helper()
	cmd := exec.Command(connectuserBinary(t), args...)
	cmd.Stdout, cmd.Stderr = stdout, stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	return cmd
}

// waitForJournal waits until the journal has at least lines lines, or
// the process has exited, or a few seconds have passed.
func waitForJournal(path string, lines int, done <-chan struct{}) {
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		select {
		case <-done:
			return
		case <-time.After(10 * time.Millisecond):
		}
		data, _ := os.ReadFile(path)
		if bytes.Count(data, []byte("\n")) >= lines {
			return
		}
	}
}

func TestApplyKilledThreeTimesCreatesEachUserOnce(t *testing.T) {
	if testing.Short() {
		t.Skip("starts the binary four times over 1,000 users")
	}
	const n = 1000
	seed := uint64(time.Now().UnixNano())
	t.Logf("seed %d (the kill moments)", seed)
	rnd := rand.New(rand.NewPCG(seed, 1))
	srv := demoServer(t, connecttest.WithSeed(int64(seed)), connecttest.WithFaults(connecttest.Faults{
		Throttle: 0.10, Error: 0.05, ResetBefore: 0.02, ResetAfter: 0.02}))
	dir := t.TempDir()
	users := writeUsers(t, dir, n)
	journal := filepath.Join(dir, "journal.jsonl")
	args := applyArgs(srv, journal, users)

	totalUncertain, totalCarried := 0, 0
	for kill := 1; kill <= 3; kill++ {
		var stdout, stderr bytes.Buffer
		cmd := startApply(t, args, &stdout, &stderr)
		done := make(chan struct{})
		go func() { cmd.Wait(); close(done) }()
		// Kill at a random moment: after a random number of journal
		// lines (each run adds some), then a random few milliseconds.
		_, have := journalLastIfExists(journal)
		waitForJournal(journal, have+50+rnd.IntN(400), done)
		time.Sleep(time.Duration(rnd.IntN(30)) * time.Millisecond)
		cmd.Process.Signal(syscall.SIGKILL)
		<-done
		last, lines := journalLast(t, journal)
		u := map[string]bool{}
		for name, r := range last {
			if r.Event == onboard.EventAttempt {
				u[name] = true
			}
		}
		// An uncertain user the service holds was carried out: the next
		// run finds it (ListUsers) and records it as created; one it
		// does not hold was not, and is sent again.
		held := map[string]bool{}
		for _, su := range srv.Users(demoInstance) {
			held[su.Username] = true
		}
		carried := 0
		for name := range u {
			if held[name] {
				carried++
			}
		}
		if len(u) > 8 {
			t.Errorf("kill %d: %d users uncertain, more than the 8 that can be in flight (--concurrency 8)", kill, len(u))
		}
		totalUncertain += len(u)
		totalCarried += carried
		t.Logf("kill %d: journal %d lines, %d users recorded, %d on the server; %d uncertain (an attempt without an outcome): %d carried out (to settle as created), %d not (to send again)",
			kill, lines, len(last), len(held), len(u), carried, len(u)-carried)
	}
	r := runBinary(t, "", nil, args...)
	if r.code != 0 {
		t.Fatalf("the last run exited %d\n%s\n%s", r.code, r.stdout, r.stderr)
	}
	t.Logf("last run: %s", strings.TrimSpace(r.stdout))
	checkOnboarded(t, srv, journal, n)

	// Nothing was sent that the journal did not announce first (a killed
	// run may have announced an attempt it never sent).
	sent := 0
	for _, r := range srv.Requests() {
		if r.Operation == "CreateUser" {
			sent++
		}
	}
	data, _ := os.ReadFile(journal)
	if announced := bytes.Count(data, []byte(`"event":"attempt"`)); sent > announced {
		t.Errorf("the server saw %d CreateUser requests, the journal announced %d", sent, announced)
	} else {
		t.Logf("%d CreateUser requests sent, %d announced in the journal", sent, announced)
	}
	t.Logf("the kills left %d users uncertain: %d were found on the service and recorded as created, %d were sent again and created",
		totalUncertain, totalCarried, totalUncertain-totalCarried)
}

// journalLastIfExists returns the number of lines of the journal, 0 when
// there is none yet.
func journalLastIfExists(path string) (map[string]onboard.Record, int) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, 0
	}
	return nil, bytes.Count(data, []byte("\n"))
}

func TestApplyInterruptedResumes(t *testing.T) {
	const n = 300
	srv := demoServer(t, connecttest.WithSeed(3), connecttest.WithFaults(connecttest.Faults{
		Throttle: 0.10, Error: 0.05, ResetBefore: 0.02, ResetAfter: 0.02}))
	dir := t.TempDir()
	users := writeUsers(t, dir, n)
	journal := filepath.Join(dir, "journal.jsonl")
	args := applyArgs(srv, journal, users)
	args[slicesIndex(args, "--rate")+1] = "100"

	var stdout, stderr bytes.Buffer
	cmd := startApply(t, args, &stdout, &stderr)
	done := make(chan struct{})
	go func() { cmd.Wait(); close(done) }()
	waitForJournal(journal, 100, done)
	cmd.Process.Signal(syscall.SIGINT)
	<-done
	if code := cmd.ProcessState.ExitCode(); code != exitInterrupted {
		t.Fatalf("exit %d after SIGINT, want 130\n%s\n%s", code, stdout.String(), stderr.String())
	}
	if !strings.Contains(stderr.String(), "run the same command again to resume") {
		t.Errorf("stderr does not say how to resume:\n%s", stderr.String())
	}
	if got := len(srv.Users(demoInstance)); got == 0 || got == n {
		t.Errorf("%d users after SIGINT: not mid-run", got)
	}
	t.Logf("interrupted: %s", strings.TrimSpace(stdout.String()))
	r := runBinary(t, "", nil, args...)
	if r.code != 0 {
		t.Fatalf("resume exited %d\n%s\n%s", r.code, r.stdout, r.stderr)
	}
	t.Logf("resumed: %s", strings.TrimSpace(r.stdout))
	if !strings.Contains(r.stderr, "progress: ") || !strings.Contains(r.stderr, "users/s") {
		t.Errorf("no progress line on standard error:\n%s", r.stderr)
	}
	checkOnboarded(t, srv, journal, n)
}

func slicesIndex(s []string, v string) int {
	for i, x := range s {
		if x == v {
			return i
		}
	}
	return -1
}

func TestImportTypoCreatesNothing(t *testing.T) {
	srv := demoServer(t)
	dir := t.TempDir()
	csv, err := os.ReadFile(filepath.Join(moduleRoot, "examples/onboarding/users.csv"))
	if err != nil {
		t.Fatal(err)
	}
	// Row 3 (Diego) asks for "Agnet".
	typo := strings.Replace(string(csv), "Agent|QualityAnalyst", "Agnet|QualityAnalyst", 1)
	path := filepath.Join(dir, "users.csv")
	os.WriteFile(path, []byte(typo), 0o600)
	r := runBinary(t, dir, nil, "import", "--instance-id", demoInstance, "--endpoint-url", srv.URL, "users.csv")
	if r.code != exitInvalid {
		t.Fatalf("import exited %d, want 1\n%s", r.code, r.stderr)
	}
	want := `users.csv:3: "security_profile_name_1|security_profile_name_2": error reference names.security-profile.reference: ` +
		`The instance has no security profile named "Agnet" (names are case-sensitive). Did you mean Agent (` + demoAgent + `)?`
	if strings.TrimSpace(r.stderr) != want {
		t.Errorf("stderr:\n%s\nwant:\n%s", r.stderr, want)
	}
	if n := strings.Count(r.stdout, "\n"); n != 2 {
		t.Errorf("%d documents, want the 2 good rows", n)
	}
	// The same typo as an id in a document: apply checks first and
	// creates nothing.
	docs := r.stdout + strings.Replace(strings.SplitN(r.stdout, "\n", 2)[0], `"Username":"mmajor"`, `"Username":"dramirez"`, 1) + "\n"
	docs = strings.Replace(docs, `"Username":"dramirez","Password":"Passw0rdExample1","IdentityInfo":{"FirstName":"Mary","LastName":"Major","Email":"mary.major@example.com","Mobile":"+15555550101"},"PhoneConfig":{"PhoneType":"SOFT_PHONE","AutoAccept":true,"AfterContactWorkTimeLimit":30},"SecurityProfileIds":["12345678-1234-1234-1234-123456789012"]`,
		`"Username":"dramirez","Password":"Passw0rdExample1","IdentityInfo":{"FirstName":"Mary","LastName":"Major","Email":"mary.major@example.com","Mobile":"+15555550101"},"PhoneConfig":{"PhoneType":"SOFT_PHONE","AutoAccept":true,"AfterContactWorkTimeLimit":30},"SecurityProfileIds":["12345678-1234-1234-1234-12345678901"]`, 1)
	os.WriteFile(filepath.Join(dir, "users.jsonl"), []byte(docs), 0o600)
	r = runBinary(t, dir, nil, "apply", "--endpoint-url", srv.URL, "--journal", "journal.jsonl", "--progress", "none", "users.jsonl")
	if r.code != exitInvalid {
		t.Fatalf("apply exited %d, want 1\n%s\n%s", r.code, r.stdout, r.stderr)
	}
	if !strings.Contains(r.stdout, "  ! users.jsonl:3 dramirez\n      error SecurityProfileIds[0] [reference instance.security-profile-ids.reference] The instance has no security profile with this id. Did you mean Agent ("+demoAgent+")?") {
		t.Errorf("stdout:\n%s", r.stdout)
	}
	if n := len(srv.Users(demoInstance)); n != 0 {
		t.Errorf("%d users created, want none", n)
	}
}

func TestApplyFailedLookupExits2(t *testing.T) {
	srv := connecttest.NewServer()
	url := srv.URL
	srv.Close() // nothing listens there any more
	dir := t.TempDir()
	users := writeUsers(t, dir, 2)
	r := runBinary(t, dir, nil, "apply", "--endpoint-url", url, "--journal", "j.jsonl", "--max-attempts", "2",
		"--backoff-base", "1ms", "--progress", "none", users)
	if r.code != exitUsage || !strings.Contains(r.stderr, "DescribeInstance of instance \""+demoInstance+"\"") {
		t.Errorf("exit %d, stderr:\n%s", r.code, r.stderr)
	}
}
