package main

import (
	"bufio"
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
)

// readmeFence returns the text of the README's ```lang block that
// follows <!-- marker -->; when closed, the block must be followed by
// <!-- /marker -->.
func readmeFence(t *testing.T, marker, lang string, closed bool) string {
	t.Helper()
	readme, err := os.ReadFile(filepath.Join(moduleRoot, "README.md"))
	if err != nil {
		t.Fatal(err)
	}
	_, block, ok := strings.Cut(string(readme), "<!-- "+marker+" -->\n```"+lang+"\n")
	end := "```\n"
	if closed {
		end += "<!-- /" + marker + " -->"
	}
	block, _, ok2 := strings.Cut(block, end)
	if !ok || !ok2 {
		t.Fatalf("README.md has no ```%s block after <!-- %s -->%s", lang, marker, map[bool]string{true: " closed by <!-- /" + marker + " -->"}[closed])
	}
	return block
}

// readmeBlock returns the commands of the README's ```sh block between
// <!-- name --> and <!-- /name -->, one a line.
func readmeBlock(t *testing.T, name string) []string {
	t.Helper()
	return strings.Split(strings.TrimSpace(readmeFence(t, name, "sh", true)), "\n")
}

// commandRun is what one foreground command of a README block did.
type commandRun struct {
	args           []string
	stdout, stderr string
	code           int
	// outFile is the file of "> FILE" (relative to the directory the
	// commands run from), which holds stdout.
	outFile string
}

// runREADMECommands runs commands as a shell would from dir, with the
// test's build as connectuser (or ./connectuser): "go build ..." is
// passed over (the test built it), "connectuser serve ... &" starts the
// local service in the background (on a free port instead of 8080, which
// the later commands then use), "kill %1" stops it with SIGTERM, and
// every other line runs in the foreground, each bounded to a minute, its
// stdout written to FILE in dir after "> FILE". It returns the
// foreground runs, in order.
func runREADMECommands(t *testing.T, dir string, commands []string) []commandRun {
	t.Helper()
	bin := connectuserBinary(t)
	// The service is killed after processTimeout whatever happens, which
	// bounds the wait for its first line and for its end.
	serveCtx, stopServe := context.WithTimeout(context.Background(), processTimeout)
	var serve *exec.Cmd
	t.Cleanup(func() {
		stopServe()
		if serve != nil && serve.ProcessState == nil {
			serve.Wait()
		}
	})
	url := ""
	var runs []commandRun
	for _, line := range commands {
		if strings.HasPrefix(line, "go build ") {
			continue
		}
		if line == "kill %1" {
			if serve == nil {
				t.Fatal("kill %1 with no background command")
			}
			serve.Process.Signal(syscall.SIGTERM)
			if err := serve.Wait(); err != nil {
				t.Errorf("serve after SIGTERM: %v", err)
			}
			continue
		}
		background := strings.HasSuffix(line, " &")
		line = strings.TrimSuffix(line, " &")
		var outFile string
		if before, after, ok := strings.Cut(line, " > "); ok && !background {
			line, outFile = before, after
		}
		if url != "" {
			line = strings.ReplaceAll(line, "http://127.0.0.1:8080", url)
		}
		args := strings.Fields(line)
		if len(args) == 0 || (args[0] != "connectuser" && args[0] != "./connectuser") || strings.ContainsAny(line, "<>|;$`'\"") {
			t.Fatalf("a command the test does not know how to run: %s", line)
		}
		args = args[1:]
		if background {
			if len(args) == 0 || args[0] != "serve" {
				t.Fatalf("only serve runs in the background: %s", line)
			}
			addr := false
			for i, a := range args {
				if a == "127.0.0.1:8080" {
					args[i], addr = "127.0.0.1:0", true
				}
			}
			if !addr { // the default address, on a free port
				args = append(args, "--addr", "127.0.0.1:0")
			}
			serve = exec.CommandContext(serveCtx, bin, args...)
			serve.Dir = dir
			out, err := serve.StdoutPipe()
			if err != nil {
				t.Fatal(err)
			}
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
		cmd.Dir = dir
		var stdout, stderr bytes.Buffer
		cmd.Stdout, cmd.Stderr = &stdout, &stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		done := make(chan error, 1)
		go func() { done <- cmd.Wait() }()
		var err error
		select {
		case err = <-done:
		case <-time.After(time.Minute):
			cmd.Process.Kill()
			<-done
			t.Fatalf("%s: still running after a minute", line)
		}
		code := 0
		if ee, ok := err.(*exec.ExitError); ok {
			code = ee.ExitCode()
		} else if err != nil {
			t.Fatal(err)
		}
		if outFile != "" {
			if err := os.WriteFile(filepath.Join(dir, outFile), stdout.Bytes(), 0o600); err != nil {
				t.Fatal(err)
			}
		}
		runs = append(runs, commandRun{args: args, stdout: stdout.String(), stderr: stderr.String(), code: code, outFile: outFile})
	}
	if serve != nil && serve.ProcessState == nil {
		t.Error("the block leaves the service running (no kill %1)")
	}
	return runs
}

// TestREADMEInstanceCheck runs the README's instance-check commands as
// printed, from the repository's root: the local service, then validate
// against its demo instance named by its alias. The run checks every
// document (exit status 1 for the catalog's errors of the examples, not
// 2 for a failed look-up) and the instance finds no reference error.
func TestREADMEInstanceCheck(t *testing.T) {
	root, err := filepath.Abs(moduleRoot)
	if err != nil {
		t.Fatal(err)
	}
	runs := runREADMECommands(t, root, readmeBlock(t, "instance-check"))
	var got []string
	for _, r := range runs {
		got = append(got, r.args[0])
	}
	if d := cmp.Diff([]string{"validate"}, got); d != "" {
		t.Fatalf("the block's foreground commands (-want +got):\n%s", d)
	}
	r := runs[0]
	if r.code != exitInvalid || r.stderr != "" {
		t.Errorf("validate: exit status %d (want 1, the examples' catalog errors), stderr %q", r.code, r.stderr)
	}
	if strings.Contains(r.stdout, " reference ") || !strings.Contains(r.stdout, "\n8 documents, 5 valid,") {
		t.Errorf("validate against the demo instance:\n%s", r.stdout)
	}
}
