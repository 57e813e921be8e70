package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestREADMEWalkthrough runs the README's walk-through, command by
// command, as written: only the port (8080 in the README) becomes a free
// one, and the program is the test's build.
func TestREADMEWalkthrough(t *testing.T) {
	commands := readmeBlock(t, "walkthrough")
	root, _ := filepath.Abs(moduleRoot)
	work := t.TempDir()
	// The walk-through runs from the repository's root; its outputs go
	// to a scratch copy of what it reads.
	csv, err := os.ReadFile(filepath.Join(root, "examples/onboarding/users.csv"))
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Join(work, "examples/onboarding"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(work, "examples/onboarding/users.csv"), csv, 0o600); err != nil {
		t.Fatal(err)
	}
	applies := 0
	for _, r := range runREADMECommands(t, work, commands) {
		line := strings.Join(r.args, " ")
		if r.code != 0 {
			t.Fatalf("%s: exit status %d\n%s%s", line, r.code, r.stdout, r.stderr)
		}
		if r.outFile != "" {
			if n := bytes.Count([]byte(r.stdout), []byte("\n")); n != 3 {
				t.Errorf("%s: %d documents, want 3", line, n)
			}
			continue
		}
		if r.args[0] == "apply" {
			applies++
			want := map[int]string{1: "created 3 (settled 0), updated 0, deleted 0, unchanged 0,", 2: "created 0 (settled 0), updated 0, deleted 0, unchanged 3,"}[applies]
			if !strings.Contains(r.stdout, want) {
				t.Errorf("apply #%d: want %q in\n%s", applies, want, r.stdout)
			}
		}
	}
	if applies != 2 {
		t.Errorf("%d applies ran, want 2", applies)
	}
}
