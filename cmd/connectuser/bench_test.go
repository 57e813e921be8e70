package main

import (
	"bufio"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

var benchDocs = flag.String("docs", "100000", "comma-separated numbers of documents for BenchmarkValidateJSONL, e.g. 100000,1000000")

// BenchmarkValidateJSONL validates a generated JSON Lines file with the
// connectuser binary (--format json, the report to /dev/null) and reports
// documents per second and the peak resident memory of the process, next
// to `jq -c . FILE > /dev/null` on the same file when jq is installed.
// Run with
//
//	go test ./cmd/connectuser -run '^$' -bench ValidateJSONL -benchtime 3x -docs 100000,1000000
//
// Comparing the peak memory of two sizes shows what grows with the number
// of documents: only the set of usernames (every document here has its
// own).
func BenchmarkValidateJSONL(b *testing.B) {
	for _, s := range strings.Split(*benchDocs, ",") {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil || n < 1 {
			b.Fatalf("-docs: %q", s)
		}
		b.Run(fmt.Sprintf("docs=%d", n), func(b *testing.B) {
			bin := connectuserBinary(b)
			path := filepath.Join(b.TempDir(), "users.jsonl")
			size := generateJSONL(b, path, n)
			b.SetBytes(size)
			var (
				peak  int64
				total time.Duration
				runs  int
			)
			for b.Loop() {
				elapsed, rss, code := measure(b, bin, "validate", "--format", "json", path)
				if code != exitInvalid { // some documents are invalid on purpose
					b.Fatalf("exit status %d", code)
				}
				total += elapsed
				runs++
				peak = max(peak, rss)
			}
			b.ReportMetric(float64(n*runs)/total.Seconds(), "docs/s")
			b.ReportMetric(float64(peak)/(1<<20), "peak-MiB")
			jq, err := exec.LookPath("jq")
			if err != nil {
				b.Log("jq is not installed: no comparison (apt-get install -y jq)")
				return
			}
			elapsed, rss, code := measure(b, jq, "-c", ".", path)
			if code != 0 {
				b.Logf("jq: exit status %d", code)
				return
			}
			b.ReportMetric(float64(n)/elapsed.Seconds(), "jq-docs/s")
			b.ReportMetric(float64(rss)/(1<<20), "jq-peak-MiB")
		})
	}
}

// measure runs name with args, its output to /dev/null, and returns the
// wall time, the peak resident memory in bytes, and the exit status.
func measure(b *testing.B, name string, args ...string) (time.Duration, int64, int) {
	b.Helper()
	devnull, err := os.OpenFile(os.DevNull, os.O_WRONLY, 0)
	if err != nil {
		b.Fatal(err)
	}
	defer devnull.Close()
	cmd := exec.Command(name, args...)
	cmd.Stdout = devnull
	cmd.Stderr = os.Stderr
	start := time.Now()
	err = cmd.Run()
	elapsed := time.Since(start)
	if _, ok := err.(*exec.ExitError); err != nil && !ok {
		b.Fatal(err)
	}
	var rss int64
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		rss = int64(ru.Maxrss) * 1024 // kilobytes on Linux
	}
	return elapsed, rss, cmd.ProcessState.ExitCode()
}

// generateJSONL writes n request documents, one a line, to path and
// returns the file's size. Every document has its own username; one in
// ten breaks some rules and one in a thousand has reading errors (an
// unknown member, a wrong type). All are JSON, so that jq reads them all.
func generateJSONL(b *testing.B, path string, n int) int64 {
	b.Helper()
	f, err := os.Create(path)
	if err != nil {
		b.Fatal(err)
	}
	w := bufio.NewWriterSize(f, 1<<20)
	for i := range n {
		switch {
		case i%1000 == 999:
			fmt.Fprintf(w, `{"InstanceId":%q,"Username":"agent%07d","Pasword":"Tide2026Pool","SecurityProfileIds":"12345678-1234-1234-1234-123456789012"}`+"\n", testInstance, i)
		case i%10 == 9:
			fmt.Fprintf(w, `{"InstanceId":%q,"Username":"agent %07d","Password":"password","IdentityInfo":{"FirstName":"Ana","LastName":"Silva","Email":"ana.silva@example"},"SecurityProfileIds":["12345678-1234-1234-1234-123456789012","12345678-1234-1234-1234-123456789012"],"RoutingProfileId":"87654321-9876-9876-9876-210987654321","PhoneConfig":{"PhoneType":"SOFT_PHONE","AutoAccept":false},"AutoAcceptConfigs":[{"Channel":"VOICE","AutoAccept":true}]}`+"\n", testInstance, i)
		default:
			fmt.Fprintf(w, `{"InstanceId":%q,"Username":"agent%07d","Password":"Tide2026Pool","IdentityInfo":{"FirstName":"Ana","LastName":"Silva","Email":"ana.silva%d@example.com"},"SecurityProfileIds":["12345678-1234-1234-1234-123456789012"],"RoutingProfileId":"87654321-9876-9876-9876-210987654321","PhoneConfig":{"PhoneType":"SOFT_PHONE","AutoAccept":false,"AfterContactWorkTimeLimit":60},"Tags":{"team":"onboarding","wave":"%d"}}`+"\n", testInstance, i, i, i%7)
		}
	}
	if err := w.Flush(); err != nil {
		b.Fatal(err)
	}
	info, err := f.Stat()
	if err != nil {
		b.Fatal(err)
	}
	if err := f.Close(); err != nil {
		b.Fatal(err)
	}
	return info.Size()
}
