package onboard_test

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/aws/aws-sdk-go-v2/service/connect"

	"github.com/connectkit/createuser/onboard"
)

func TestOpenJournalIsLockedUntilClosed(t *testing.T) {
	path := filepath.Join(t.TempDir(), "journal.jsonl")
	j, err := onboard.OpenJournal(path)
	if err != nil {
		t.Fatal(err)
	}
	_, err = onboard.OpenJournal(path)
	var le *onboard.JournalLockedError
	if !errors.As(err, &le) || !errors.Is(err, onboard.ErrJournalLocked) {
		t.Fatalf("second OpenJournal: %v, want a *JournalLockedError", err)
	}
	if le.Path != path || le.Holder.PID != os.Getpid() || le.Holder.Since.IsZero() {
		t.Errorf("holder %+v of %s: want this process, with the time it took the lock", le.Holder, le.Path)
	}
	if !strings.Contains(err.Error(), fmt.Sprintf("process %d", os.Getpid())) {
		t.Errorf("the error does not name the holder: %v", err)
	}
	if err := j.Close(); err != nil {
		t.Fatal(err)
	}
	j2, err := onboard.OpenJournal(path)
	if err != nil {
		t.Fatalf("OpenJournal after Close: %v", err)
	}
	j2.Close()
}

// TestHelperHoldJournal is not a test: run by
// TestOpenJournalLockedByAnotherProcess as another process, it holds the
// journal named by ONBOARD_HOLD_JOURNAL until its standard input closes.
func TestHelperHoldJournal(t *testing.T) {
	path := os.Getenv("ONBOARD_HOLD_JOURNAL")
	if path == "" {
		t.Skip("a helper process of TestOpenJournalLockedByAnotherProcess")
	}
	j, err := onboard.OpenJournal(path)
	if err != nil {
		fmt.Println("error", err)
		return
	}
	defer j.Close()
	fmt.Println("locked")
	bufio.NewReader(os.Stdin).ReadString('\n')
}

func TestOpenJournalLockedByAnotherProcess(t *testing.T) {
	path := filepath.Join(t.TempDir(), "journal.jsonl")
	cmd := exec.Command(os.Args[0], "-test.run=^TestHelperHoldJournal$")
	cmd.Env = append(os.Environ(), "ONBOARD_HOLD_JOURNAL="+path)
	stdin, err := cmd.StdinPipe()
	if err != nil {
		t.Fatal(err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	defer func() {
		stdin.Close()
		cmd.Wait()
	}()
	line, err := bufio.NewReader(stdout).ReadString('\n')
	if err != nil || strings.TrimSpace(line) != "locked" {
		t.Fatalf("helper: %q, %v", line, err)
	}
	_, err = onboard.OpenJournal(path)
	var le *onboard.JournalLockedError
	if !errors.As(err, &le) {
		t.Fatalf("OpenJournal while another process holds it: %v", err)
	}
	if le.Holder.PID != cmd.Process.Pid {
		t.Errorf("holder pid %d, want the helper's %d", le.Holder.PID, cmd.Process.Pid)
	}
	stdin.Close()
	cmd.Wait()
	j, err := onboard.OpenJournal(path)
	if err != nil {
		t.Fatalf("after the holder exited: %v", err)
	}
	j.Close()
}

// gatedAPI holds every CreateUser until open is closed, and says on
// entered when the first one arrives.
type gatedAPI struct {
	onboard.API
	once    sync.Once
	entered chan struct{}
	open    chan struct{}
}

func (g *gatedAPI) CreateUser(ctx context.Context, in *connect.CreateUserInput, opts ...func(*connect.Options)) (*connect.CreateUserOutput, error) {
	g.once.Do(func() { close(g.entered) })
	<-g.open
	return g.API.CreateUser(ctx, in, opts...)
}

func TestApplyTwiceAtOnceOnOneJournal(t *testing.T) {
	const n = 20
	srv := newServer(t)
	j := openJournal(t, filepath.Join(t.TempDir(), "journal.jsonl"))
	gate := &gatedAPI{API: newClient(srv), entered: make(chan struct{}), open: make(chan struct{})}
	first := onboard.New(gate, append(fast(), onboard.WithJournal(j))...)
	second := onboard.New(newClient(srv), append(fast(), onboard.WithJournal(j))...)
	ctx := context.Background()
	plan1, err := first.Check(ctx, requests(n))
	if err != nil {
		t.Fatal(err)
	}
	plan2, err := second.Check(ctx, requests(n))
	if err != nil {
		t.Fatal(err)
	}
	type result struct {
		sum *onboard.Summary
		err error
	}
	done := make(chan result)
	go func() {
		sum, err := first.Apply(ctx, plan1)
		done <- result{sum, err}
	}()
	<-gate.entered // the first run is sending
	sum, err := second.Apply(ctx, plan2)
	var le *onboard.JournalLockedError
	if !errors.As(err, &le) || le.Holder.PID != os.Getpid() {
		t.Errorf("second Apply while the first runs: %v, want a *JournalLockedError naming this process", err)
	}
	if sum == nil || sum.Created != 0 || sum.Attempts != 0 {
		t.Errorf("second Apply: %v, want nothing done", sum)
	}
	close(gate.open)
	r := <-done
	if r.err != nil || r.sum.Created != n {
		t.Fatalf("first Apply: %v, %v", r.err, r.sum)
	}
	checkExactlyOnce(t, srv, n)
	if got := createdRecords(t, j.Path()); len(got) != n {
		t.Errorf("%d usernames with created records, want %d", len(got), n)
	} else {
		for name, c := range got {
			if c != 1 {
				t.Errorf("%s: %d created records", name, c)
			}
		}
	}
	// Once the first is over, the journal is free again: a run finds
	// everything done.
	plan3, _ := second.Check(ctx, requests(n))
	if sum, err := second.Apply(ctx, plan3); err != nil || sum.Done != n {
		t.Errorf("after the first: %v, %v", err, sum)
	}
}

func TestApplyRunsAtOnceEachOpeningTheJournal(t *testing.T) {
	// Two runs in one process, each opening the journal itself, as two
	// processes would: one holds it, the other is refused or (when the
	// first was over before it began) finds every user done.
	const n = 20
	srv := newServer(t)
	path := filepath.Join(t.TempDir(), "journal.jsonl")
	var wg sync.WaitGroup
	errs := make([]error, 2)
	sums := make([]*onboard.Summary, 2)
	start := make(chan struct{})
	for i := range 2 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			<-start
			j, err := onboard.OpenJournal(path)
			if err != nil {
				errs[i] = err
				return
			}
			defer j.Close()
			a := onboard.New(newClient(srv), append(fast(), onboard.WithJournal(j))...)
			plan, err := a.Check(context.Background(), requests(n))
			if err != nil {
				errs[i] = err
				return
			}
			sums[i], errs[i] = a.Apply(context.Background(), plan)
		}()
	}
	close(start)
	wg.Wait()
	created := 0
	for i := range 2 {
		switch {
		case errs[i] == nil:
			created += sums[i].Created
		case !errors.Is(errs[i], onboard.ErrJournalLocked):
			t.Errorf("run %d: %v", i, errs[i])
		}
	}
	if created != n {
		t.Errorf("%d users reported created, want %d", created, n)
	}
	checkExactlyOnce(t, srv, n)
	for name, c := range createdRecords(t, path) {
		if c != 1 {
			t.Errorf("%s: %d created records", name, c)
		}
	}
}

// createdRecords counts the created records of each username of a
// journal file.
func createdRecords(t *testing.T, path string) map[string]int {
	t.Helper()
	out := map[string]int{}
	for _, r := range readRecords(t, path) {
		if r.Event == onboard.EventCreated {
			out[r.Username]++
		}
	}
	return out
}
