//go:build unix

package user

import (
	"slices"
	"syscall"
	"testing"
	"time"

	"github.com/connectkit/createuser/identity"
)

// processCPU returns the CPU time the process has used (user and
// system, every thread: the collector's workers included).
func processCPU(tb testing.TB) time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		tb.Fatal(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkPositionsCPU measures what positions cost in CPU time rather
// than wall time, so that other processes on a loaded machine do not
// count: each iteration is one round of positionBlock ValidateDocument
// calls without positions, then as many with them, on the same document;
// the medians of the rounds are reported per call. Run it with a fixed
// number of rounds: -benchtime 30x.
func BenchmarkPositionsCPU(b *testing.B) {
	const positionBlock = 2000
	v := NewValidator(WithIdentityManagement(identity.ConnectManaged))
	for _, d := range positionDocuments(b) {
		b.Run("doc="+d.name, func(b *testing.B) {
			var without, with, diff []float64
			for b.Loop() {
				start := processCPU(b)
				for range positionBlock {
					v.validateDocument(d.doc, 1)
				}
				mid := processCPU(b)
				for range positionBlock {
					v.ValidateDocument(d.doc)
				}
				end := processCPU(b)
				wo, w := float64(mid-start)/positionBlock, float64(end-mid)/positionBlock
				without, with, diff = append(without, wo), append(with, w), append(diff, w-wo)
			}
			b.ReportMetric(median(without), "cpu-ns/without")
			b.ReportMetric(median(with), "cpu-ns/with")
			b.ReportMetric(median(diff), "cpu-ns/positions")
			b.ReportMetric(0, "ns/op")
		})
	}
}

func median(xs []float64) float64 {
	s := slices.Clone(xs)
	slices.Sort(s)
	if len(s) == 0 {
		return 0
	}
	return s[len(s)/2]
}
