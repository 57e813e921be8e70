package main

import (
	"bufio"
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestREADMEWalkthrough runs the README's walk-through, command by
// command, as written: only the port (8080 in the README) becomes a free
// one, and the program is the test's build.
func TestREADMEWalkthrough(t *testing.T) {
	readme, err := os.ReadFile(filepath.Join(moduleRoot, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	_, block, ok := strings.Cut(string(readme), "<!-- walkthrough -->\n```sh\n")
	block, _, ok2 := strings.Cut(block, "```\n<!-- /walkthrough -->")
	if !ok || !ok2 {
		t.Fatal("README has no walk-through block")
	}
	bin := connectuserBinary(t)
	root, _ := filepath.Abs(moduleRoot)
	work := t.TempDir()
	// The walk-through runs from the repository's root; its outputs go
	// to a scratch copy of what it reads.
	os.MkdirAll(filepath.Join(work, "examples/onboarding"), 0o755)
	csv, _ := os.ReadFile(filepath.Join(root, "examples/onboarding/users.csv"))
	os.WriteFile(filepath.Join(work, "examples/onboarding/users.csv"), csv, 0o600)

	var serve *exec.Cmd
	defer func() {
		if serve != nil && serve.ProcessState == nil {
			serve.Process.Kill()
			serve.Wait()
		}
	}()
	url := ""
	applies := 0
	for _, line := range strings.Split(strings.TrimSpace(block), "\n") {
		if strings.HasPrefix(line, "go build ") {
			continue // the test built it
		}
		if line == "kill %1" {
			serve.Process.Signal(syscall.SIGTERM)
			if err := serve.Wait(); err != nil {
				t.Errorf("serve after SIGTERM: %v", err)
			}
			continue
		}
		background := strings.HasSuffix(line, " &")
		line = strings.TrimSuffix(line, " &")
		var outFile string
		if before, after, ok := strings.Cut(line, " > "); ok {
			line, outFile = before, after
		}
		if url != "" {
			line = strings.ReplaceAll(line, "http://127.0.0.1:8080", url)
		}
		args := strings.Fields(line)
		if args[0] != "./connectuser" {
			t.Fatalf("a command the test does not know: %s", line)
		}
		args = args[1:]
		if background {
			for i, a := range args {
				if a == "127.0.0.1:8080" {
					args[i] = "127.0.0.1:0"
				}
			}
			serve = exec.Command(bin, args...)
			serve.Dir = work
			out, _ := serve.StdoutPipe()
			if err := serve.Start(); err != nil {
				t.Fatal(err)
			}
			sc := bufio.NewScanner(out)
			if !sc.Scan() || !strings.HasPrefix(sc.Text(), "listening on ") {
				t.Fatalf("serve said %q", sc.Text())
			}
			url = strings.TrimPrefix(sc.Text(), "listening on ")
			go func() {
				for sc.Scan() {
				}
			}()
			continue
		}
		cmd := exec.Command(bin, args...)
		cmd.Dir = work
		var stdout, stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		done := make(chan error, 1)
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		go func() { done <- cmd.Wait() }()
		select {
		case err = <-done:
		case <-time.After(60 * time.Second):
			cmd.Process.Kill()
			t.Fatalf("%s: still running after 60 s", line)
		}
		if err != nil {
			t.Fatalf("%s: %v\n%s%s", line, err, stdout.String(), stderr.String())
		}
		if outFile != "" {
			os.WriteFile(filepath.Join(work, outFile), stdout.Bytes(), 0o600)
			if n := bytes.Count(stdout.Bytes(), []byte("\n")); n != 3 {
				t.Errorf("%s: %d documents, want 3", line, n)
			}
			continue
		}
		if args[0] == "apply" {
			applies++
			want := map[int]string{1: "created 3 (settled 0), updated 0, deleted 0, unchanged 0,", 2: "created 0 (settled 0), updated 0, deleted 0, unchanged 3,"}[applies]
			if !strings.Contains(stdout.String(), want) {
				t.Errorf("apply #%d: want %q in\n%s", applies, want, stdout.String())
			}
		}
	}
	if applies != 2 {
		t.Errorf("%d applies ran, want 2", applies)
	}
}
