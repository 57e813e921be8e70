package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/connectkit/createuser/awsconnect"
	"github.com/connectkit/createuser/connecttest"
)

// BenchmarkValidateAtQuota checks 10,000 valid documents of one instance
// (which has 2,000 users) with validate --instance-id against the local
// service at the default quota (2 requests a second, burst 5, per
// operation), and reports the calls made, the throttled answers, and the
// elapsed time against the ideal: the calls each operation needed (those
// not throttled) at its quota (the first 5 at once, then 2 a second), the
// slowest operation being the ideal, as the quotas are per operation. It
// also reports the same validate without --instance-id (offline-s): the
// work that is not calls. BENCHMARKS.md quotes it:
//
//	go test ./cmd/connectuser -run '^$' -bench ValidateAtQuota -benchtime 1x
func BenchmarkValidateAtQuota(b *testing.B) {
	const docs, existing = 10_000, 2_000
	dir := b.TempDir()
	var buf bytes.Buffer
	for i := range docs {
		fmt.Fprintf(&buf, `{"InstanceId":%q,"Username":"new%05d","Password":"Passw0rdExample",`+
			`"IdentityInfo":{"FirstName":"Agent","LastName":"Number%d","Email":"agent%d@example.com"},`+
			`"SecurityProfileIds":[%q],"RoutingProfileId":%q}`+"\n", demoInstance, i, i, i, demoAgent, demoRouting)
	}
	path := filepath.Join(dir, "users.jsonl")
	if err := os.WriteFile(path, buf.Bytes(), 0o600); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		start := time.Now()
		if code := run([]string{"validate", "--format", "json", path}, nil, io.Discard, io.Discard); code != exitOK {
			b.Fatalf("offline: exit %d", code)
		}
		offline := time.Since(start)
		srv := connecttest.NewServer(connecttest.WithRate(awsconnect.DefaultReadRate, awsconnect.DefaultReadBurst))
		srv.AddDemoInstances()
		for i := range existing {
			if err := srv.AddUser(demoInstance, connecttest.User{Id: fmt.Sprintf("u-%05d", i), Username: fmt.Sprintf("old%05d", i),
				SecurityProfileIds: []string{demoAgent}, RoutingProfileId: demoRouting}); err != nil {
				b.Fatal(err)
			}
		}
		var stderr bytes.Buffer
		start = time.Now()
		code := run([]string{"validate", "--format", "json", "--instance-id", demoInstance, "--endpoint-url", srv.URL, path}, nil, io.Discard, &stderr)
		elapsed := time.Since(start)
		reqs := srv.Requests()
		srv.Close()
		if code != exitOK {
			b.Fatalf("exit %d:\n%s", code, stderr.String())
		}
		calls, needed, throttled := map[string]int{}, map[string]int{}, 0
		for _, q := range reqs {
			calls[q.Operation]++
			if q.ErrorType == "ThrottlingException" {
				throttled++
			} else {
				needed[q.Operation]++
			}
		}
		ideal := 0.0
		var ops []string
		for op, n := range calls {
			ideal = max(ideal, float64(max(0, needed[op]-awsconnect.DefaultReadBurst))/awsconnect.DefaultReadRate)
			ops = append(ops, fmt.Sprintf("%s %d", op, n))
		}
		slices.Sort(ops)
		b.ReportMetric(float64(len(reqs)), "calls")
		b.ReportMetric(float64(throttled), "throttled")
		b.ReportMetric(elapsed.Seconds(), "elapsed-s")
		b.ReportMetric(ideal, "ideal-s")
		b.ReportMetric(offline.Seconds(), "offline-s")
		if ideal > 0 {
			b.ReportMetric(elapsed.Seconds()/ideal, "x-ideal")
		}
		b.Logf("%d documents: %d calls (%s), %d throttled, elapsed %s, ideal %.2fs (%.3fx), offline %s",
			docs, len(reqs), strings.Join(ops, ", "), throttled, elapsed.Round(time.Millisecond), ideal, elapsed.Seconds()/ideal, offline.Round(time.Millisecond))
	}
}
