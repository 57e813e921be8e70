package onboard_test

import (
	"context"
	"testing"
	"time"

	"github.com/connectkit/createuser/connecttest"
	"github.com/connectkit/createuser/onboard"
)

// BenchmarkApplyRate measures how well Apply uses the service's quota:
// against a server whose CreateUser bucket is the client's own
// (server-at-client-rate: achieved/target near 1, few throttled), and
// against a server at half the client's rate (server-at-half-rate: the
// client must slow down; elapsed/ideal is the time taken over the time
// the server's rate allows). Run it with -benchtime=1x (each iteration
// onboards benchUsers users):
//
//	go test -run '^$' -bench BenchmarkApplyRate -benchtime=1x ./onboard/
func BenchmarkApplyRate(b *testing.B) {
	const (
		rate       = 50.0
		burst      = 5
		benchUsers = 500
	)
	cases := []struct {
		name       string
		serverRate float64
	}{
		{"server-at-client-rate", rate},
		{"server-at-half-rate", rate / 2},
	}
	for _, tc := range cases {
		b.Run(tc.name, func(b *testing.B) {
			var achieved, throttled, ratio float64
			for range b.N {
				srv := newServer(b, connecttest.WithRate(tc.serverRate, burst))
				a := onboard.New(newClient(srv), onboard.WithRate(rate, burst), onboard.WithLookupRate(1000, 100),
					onboard.WithBackoff(100*time.Millisecond, 20*time.Second), onboard.WithMaxAttempts(20))
				plan, err := a.Check(context.Background(), requests(benchUsers))
				if err != nil {
					b.Fatal(err)
				}
				sum, err := a.Apply(context.Background(), plan)
				if err != nil || sum.Created != benchUsers {
					b.Fatalf("%v: %s", err, sum)
				}
				checkExactlyOnce(b, srv, benchUsers)
				achieved += sum.Rate() / rate
				throttled += float64(sum.Throttled) / float64(sum.Attempts)
				// The ideal: the server's burst at once, the rest at its rate.
				ideal := time.Duration(float64(benchUsers-burst) / tc.serverRate * float64(time.Second))
				ratio += sum.Elapsed.Seconds() / ideal.Seconds()
				srv.Close()
			}
			n := float64(b.N)
			b.ReportMetric(achieved/n, "achieved/target")
			b.ReportMetric(100*throttled/n, "%throttled")
			b.ReportMetric(ratio/n, "elapsed/ideal")
			b.ReportMetric(0, "ns/op")
		})
	}
}
