package main

import (
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// These helpers run `connectuser serve` as a process and real clients (the
// AWS CLI, boto3) against it, on 127.0.0.1 only, each bounded in time.

// processTimeout bounds every process a test starts. A `connectuser serve`
// lives as long as its test, which runs dozens of AWS CLI processes (each
// a few seconds on a loaded machine), so the bound is generous.
const processTimeout = 6 * time.Minute

// lockedBuffer is a bytes.Buffer that a process writes while the test
// reads it.
type lockedBuffer struct {
	mu  sync.Mutex
	buf bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.buf.String()
}

// serveProc is a running `connectuser serve`.
type serveProc struct {
	cmd     *exec.Cmd
	url     string
	stdout  *lockedBuffer
	stderr  *lockedBuffer
	done    chan struct{}
	waitErr error
}

// startServe starts `connectuser serve --addr 127.0.0.1:0 args...` and
// waits for its first line. The test's cleanup kills it if it still runs.
func startServe(t *testing.T, args ...string) *serveProc {
	t.Helper()
	bin := connectuserBinary(t)
	ctx, cancel := context.WithTimeout(context.Background(), processTimeout)
	cmd := exec.CommandContext(ctx, bin, append([]string{"serve", "--addr", "127.0.0.1:0"}, args...)...)
	p := &serveProc{cmd: cmd, stdout: &lockedBuffer{}, stderr: &lockedBuffer{}, done: make(chan struct{})}
	cmd.Stdout, cmd.Stderr = p.stdout, p.stderr
	if err := cmd.Start(); err != nil {
		cancel()
		t.Fatal(err)
	}
	go func() {
		p.waitErr = cmd.Wait()
		close(p.done)
	}()
	t.Cleanup(func() {
		cancel()
		<-p.done
	})
	deadline := time.After(30 * time.Second)
	for {
		if first, _, found := strings.Cut(p.stdout.String(), "\n"); found {
			if !strings.HasPrefix(first, "listening on http://127.0.0.1:") {
				t.Fatalf("first line %q; stderr: %s", first, p.stderr.String())
			}
			p.url = strings.TrimPrefix(first, "listening on ")
			return p
		}
		select {
		case <-p.done:
			t.Fatalf("connectuser serve stopped: %v; stderr: %s", p.waitErr, p.stderr.String())
		case <-deadline:
			t.Fatal("connectuser serve printed nothing in 30s")
		case <-time.After(10 * time.Millisecond):
		}
	}
}

// stop sends sig and returns the exit status.
func (p *serveProc) stop(t *testing.T, sig os.Signal) int {
	t.Helper()
	if err := p.cmd.Process.Signal(sig); err != nil {
		t.Fatal(err)
	}
	select {
	case <-p.done:
	case <-time.After(30 * time.Second):
		t.Fatal("connectuser serve did not stop in 30s")
	}
	var exit *exec.ExitError
	if p.waitErr != nil && !errors.As(p.waitErr, &exit) {
		t.Fatal(p.waitErr)
	}
	return p.cmd.ProcessState.ExitCode()
}

// requireClient skips the test when the command line check fails, unless
// CREATEUSER_REQUIRE_CLIENTS=1 (CI), where it fails.
func requireClient(t *testing.T, what string, name string, args ...string) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	if err := exec.CommandContext(ctx, name, args...).Run(); err != nil {
		if os.Getenv("CREATEUSER_REQUIRE_CLIENTS") == "1" {
			t.Fatalf("%s is required (CREATEUSER_REQUIRE_CLIENTS=1) but missing: %v", what, err)
		}
		t.Skipf("%s is not installed (%v); CI installs it", what, err)
	}
}

// clientEnv is the environment of the AWS CLI and boto3: dummy
// credentials, no configuration file of the machine's, no proxy and no
// instance metadata, so that nothing but 127.0.0.1 is contacted.
func clientEnv(t *testing.T, region string) []string {
	dir := t.TempDir()
	cfg := filepath.Join(dir, "config")
	creds := filepath.Join(dir, "credentials")
	for _, f := range []string{cfg, creds} {
		if err := os.WriteFile(f, nil, 0o600); err != nil {
			t.Fatal(err)
		}
	}
	var env []string
	for _, kv := range os.Environ() {
		k, _, _ := strings.Cut(kv, "=")
		if strings.HasPrefix(k, "AWS_") || strings.HasSuffix(strings.ToUpper(k), "_PROXY") {
			continue
		}
		env = append(env, kv)
	}
	return append(env,
		"AWS_ACCESS_KEY_ID=AKIDEXAMPLE", "AWS_SECRET_ACCESS_KEY=dummy", "AWS_DEFAULT_REGION="+region,
		"AWS_CONFIG_FILE="+cfg, "AWS_SHARED_CREDENTIALS_FILE="+creds,
		"AWS_EC2_METADATA_DISABLED=true", "AWS_PAGER=", "AWS_MAX_ATTEMPTS=1", "AWS_RETRY_MODE=standard",
		"NO_PROXY=127.0.0.1", "HOME="+dir,
	)
}

// clientRun is one run of a client.
type clientRun struct {
	stdout, stderr string
	code           int
}

// runClient runs name args... with env, in dir, bounded in time.
func runClient(t *testing.T, env []string, dir, name string, args ...string) clientRun {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), processTimeout)
	defer cancel()
	cmd := exec.CommandContext(ctx, name, args...)
	cmd.Env, cmd.Dir = env, dir
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err := cmd.Run()
	var exit *exec.ExitError
	if err != nil && !errors.As(err, &exit) {
		t.Fatalf("%s %v: %v", name, args, err)
	}
	if ctx.Err() != nil {
		t.Fatalf("%s %v: timed out", name, args)
	}
	return clientRun{stdout: stdout.String(), stderr: stderr.String(), code: cmd.ProcessState.ExitCode()}
}
