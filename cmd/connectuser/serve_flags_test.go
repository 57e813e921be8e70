package main

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"time"
)

// checkServeAddr: a loopback address is served as asked; any other is a
// usage error naming --addr unless --allow-remote, which serves it with a
// warning naming the address.
func TestCheckServeAddr(t *testing.T) {
	cases := []struct {
		addr        string
		allowRemote bool
		wantErr     bool
		wantWarning bool
	}{
		{addr: "127.0.0.1:8080"},
		{addr: "127.0.0.1:0"},
		{addr: "127.9.8.7:0"},
		{addr: "[::1]:0"},
		{addr: "localhost:0"},
		{addr: "LocalHost:0"},
		{addr: "127.0.0.1:0", allowRemote: true},
		{addr: "0.0.0.0:0", wantErr: true},
		{addr: ":8080", wantErr: true},
		{addr: "[::]:0", wantErr: true},
		{addr: "192.168.1.10:8080", wantErr: true},
		{addr: "example.com:80", wantErr: true},
		{addr: "[::ffff:0.0.0.0]:0", wantErr: true},
		{addr: "0.0.0.0:0", allowRemote: true, wantWarning: true},
		{addr: ":8080", allowRemote: true, wantWarning: true},
		{addr: "192.168.1.10:8080", allowRemote: true, wantWarning: true},
		{addr: "no-port", wantErr: true},
		{addr: "no-port", allowRemote: true, wantErr: true},
	}
	for _, tc := range cases {
		t.Run(tc.addr, func(t *testing.T) {
			warning, err := checkServeAddr(tc.addr, tc.allowRemote)
			if (err != nil) != tc.wantErr {
				t.Fatalf("error %v, want error %v", err, tc.wantErr)
			}
			if err != nil && !strings.Contains(err.Error(), "--addr") {
				t.Errorf("error %q does not name --addr", err)
			}
			if (warning != "") != tc.wantWarning {
				t.Fatalf("warning %q, want one: %v", warning, tc.wantWarning)
			}
			if warning != "" && (!strings.Contains(warning, "--allow-remote") || !strings.Contains(warning, tc.addr)) {
				t.Errorf("warning %q names neither --allow-remote nor %s", warning, tc.addr)
			}
		})
	}
}

// serve refuses a non-loopback --addr before it binds anything: exit 2,
// nothing on standard output, the flag named on standard error.
func TestServeRefusesRemoteAddr(t *testing.T) {
	for _, addr := range []string{"0.0.0.0:0", ":0", "[::]:0"} {
		t.Run(addr, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			defer cancel()
			code := serve(ctx, []string{"--addr", addr}, &stdout, &stderr)
			if code != exitUsage {
				t.Fatalf("exit %d, want %d; stderr %s", code, exitUsage, stderr.String())
			}
			if stdout.Len() != 0 || !strings.Contains(stderr.String(), "--addr") || !strings.Contains(stderr.String(), "--allow-remote") {
				t.Errorf("stdout %q, stderr %q", stdout.String(), stderr.String())
			}
		})
	}
}

// --allow-remote is a flag serve knows; on a loopback address it serves
// with no warning (standard error holds request lines only).
func TestServeAllowRemoteLoopback(t *testing.T) {
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	stdout, stderr := &lockedBuffer{}, &lockedBuffer{}
	done := make(chan int, 1)
	go func() {
		done <- serve(ctx, []string{"--addr", "127.0.0.1:0", "--allow-remote"}, stdout, stderr)
	}()
	listening := false
	for deadline := time.Now().Add(30 * time.Second); !listening && time.Now().Before(deadline); time.Sleep(10 * time.Millisecond) {
		listening = strings.HasPrefix(stdout.String(), "listening on http://127.0.0.1:")
		select {
		case code := <-done:
			t.Fatalf("exit %d before listening: %s", code, stderr.String())
		default:
		}
	}
	cancel()
	if code := <-done; code != exitOK || !listening {
		t.Fatalf("exit %d, listening %v: stdout %q, stderr %q", code, listening, stdout.String(), stderr.String())
	}
	if stderr.String() != "" {
		t.Errorf("stderr %q, want nothing", stderr.String())
	}
}

// The rate flags: --burst needs --rate and is at least 1; --rate is a
// positive number. Each refusal is a usage error naming its flag.
func TestServeRateFlags(t *testing.T) {
	cases := []struct {
		name string
		args []string
		flag string
	}{
		{"burst without rate", []string{"--burst", "5"}, "--burst"},
		{"burst zero", []string{"--rate", "2", "--burst", "0"}, "--burst"},
		{"burst zero without rate", []string{"--burst", "0"}, "--burst"},
		{"burst negative", []string{"--rate", "2", "--burst", "-1"}, "--burst"},
		{"burst with rate zero", []string{"--rate", "0", "--burst", "5"}, "--burst"},
		{"rate negative", []string{"--rate", "-1"}, "--rate"},
		{"rate not a number", []string{"--rate", "NaN"}, "--rate"},
		{"rate infinite", []string{"--rate", "+Inf"}, "--rate"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			defer cancel()
			code := serve(ctx, append([]string{"--addr", "127.0.0.1:0"}, tc.args...), &stdout, &stderr)
			if code != exitUsage {
				t.Fatalf("exit %d, want %d; stderr %s", code, exitUsage, stderr.String())
			}
			first, _, _ := strings.Cut(stderr.String(), "\n")
			if stdout.Len() != 0 || !strings.HasPrefix(first, "connectuser serve: "+tc.flag+" ") {
				t.Errorf("stdout %q, stderr %q: want the first line to name %s", stdout.String(), stderr.String(), tc.flag)
			}
		})
	}
}
