package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/connectkit/createuser/onboard"
)

func TestApplyRefusesAJournalInUse(t *testing.T) {
	srv := demoServer(t)
	dir := t.TempDir()
	users := writeUsers(t, dir, 3)
	journal := filepath.Join(dir, "journal.jsonl")
	// This process holds the journal, as a run in progress would.
	j, err := onboard.OpenJournal(journal)
	if err != nil {
		t.Fatal(err)
	}
	r := runBinary(t, dir, nil, applyArgs(srv, journal, users)...)
	j.Close()
	if r.code != exitUsage {
		t.Errorf("exit %d while another run holds the journal, want 2\n%s\n%s", r.code, r.stdout, r.stderr)
	}
	if want := fmt.Sprintf("journal %s is in use by process %d", journal, os.Getpid()); !strings.Contains(r.stderr, want) {
		t.Errorf("stderr does not say %q:\n%s", want, r.stderr)
	}
	if n := len(srv.Users(demoInstance)); n != 0 {
		t.Errorf("%d users created, want none", n)
	}
	// Released, the same command runs.
	if r := runBinary(t, dir, nil, applyArgs(srv, journal, users)...); r.code != exitOK {
		t.Errorf("after the holder closed the journal: exit %d\n%s", r.code, r.stderr)
	}
}

func TestApplyTwoProcessesOnOneJournal(t *testing.T) {
	const n = 20
	srv := demoServer(t)
	dir := t.TempDir()
	users := writeUsers(t, dir, n)
	journal := filepath.Join(dir, "journal.jsonl")
	args := applyArgs(srv, journal, users)
	var out [2]struct{ stdout, stderr bytes.Buffer }
	a := startApply(t, args, &out[0].stdout, &out[0].stderr)
	b := startApply(t, args, &out[1].stdout, &out[1].stderr)
	a.Wait()
	b.Wait()
	codes := []int{a.ProcessState.ExitCode(), b.ProcessState.ExitCode()}
	for i, code := range codes {
		switch {
		case code == exitOK:
		case code == exitUsage && strings.Contains(out[i].stderr.String(), "is in use by process"):
			t.Logf("run %d was refused: %s", i, strings.TrimSpace(out[i].stderr.String()))
		default:
			t.Errorf("run %d exited %d\n%s\n%s", i, code, out[i].stdout.String(), out[i].stderr.String())
		}
	}
	if codes[0] != exitOK && codes[1] != exitOK {
		t.Errorf("neither run finished")
	}
	checkOnboarded(t, srv, journal, n)
	data, err := os.ReadFile(journal)
	if err != nil {
		t.Fatal(err)
	}
	created := map[string]int{}
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		var r onboard.Record
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatalf("journal line %q: %v", sc.Text(), err)
		}
		if r.Event == onboard.EventCreated {
			created[r.Username]++
		}
	}
	if len(created) != n {
		t.Errorf("%d usernames created, want %d", len(created), n)
	}
	for name, c := range created {
		if c != 1 {
			t.Errorf("%s: %d created records", name, c)
		}
	}
}
