package main

import (
	"fmt"
	"os"
	"runtime"
	"slices"
	"strings"
	"time"
)

// An op runs one operation n times.
type op func(n int)

// timed runs o n times after a collection and returns the time it took.
func timed(o op, n int) time.Duration {
	runtime.GC()
	start := cpuNow()
	o(n)
	return max(cpuNow()-start, time.Nanosecond)
}

// calibrate returns how many operations take about one batch; it runs at
// most 31 doublings.
func calibrate(o op, batch time.Duration) int {
	for n := 1; ; n *= 2 {
		if t := timed(o, n); t >= batch/8 || n >= 1<<30 {
			return max(int(float64(n)*float64(batch)/float64(t)), 1)
		}
	}
}

// group is the outcome of ops timed in alternating rounds: t[r][i] is the
// time per operation of op i in round r, in nanoseconds.
type group struct{ t [][]float64 }

// compare times ops in rounds, each round running every op for one batch,
// forwards in even rounds and backwards in odd ones, so that drift on the
// machine falls on every op alike.
func compare(rounds int, batch time.Duration, ops ...op) group {
	n := make([]int, len(ops))
	for i, o := range ops {
		o(1) // warm-up
		n[i] = calibrate(o, batch)
	}
	g := group{t: make([][]float64, rounds)}
	for r := range rounds {
		g.t[r] = make([]float64, len(ops))
		for k := range ops {
			i := k
			if r%2 == 1 {
				i = len(ops) - 1 - k
			}
			g.t[r][i] = float64(timed(ops[i], n[i])) / float64(n[i])
		}
	}
	return g
}

// ns is the median time per operation of op i.
func (g group) ns(i int) float64 {
	s := make([]float64, len(g.t))
	for r := range g.t {
		s[r] = g.t[r][i]
	}
	return median(s)
}

// ratio is the median over the rounds of op i's time over op j's.
func (g group) ratio(i, j int) ratio {
	s := make([]float64, len(g.t))
	for r := range g.t {
		s[r] = g.t[r][i] / g.t[r][j]
	}
	return ratio{median: median(s), sorted: slices.Sorted(slices.Values(s))}
}

// ratio is a median of per-round ratios, with their spread.
type ratio struct {
	median float64
	sorted []float64
}

// spread gives the range and the middle half of the per-round ratios.
func (r ratio) spread() string {
	s := r.sorted
	q := func(p float64) float64 { return s[int(p*float64(len(s)-1)+0.5)] }
	return fmt.Sprintf("rounds %.2f–%.2f, middle half %.2f–%.2f", s[0], s[len(s)-1], q(0.25), q(0.75))
}

func median(s []float64) float64 {
	c := slices.Sorted(slices.Values(s))
	n := len(c)
	if n%2 == 1 {
		return c[n/2]
	}
	return (c[n/2-1] + c[n/2]) / 2
}

// allocation is what one operation allocates.
type allocation struct{ allocs, bytes float64 }

func (a allocation) String() string {
	return fmt.Sprintf("%.0f allocs (%.0f B)", a.allocs, a.bytes)
}

// allocs measures one operation's allocations over 1,000 runs, after one
// warm-up run.
func allocs(o op) allocation {
	o(1)
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	o(1000)
	runtime.ReadMemStats(&after)
	return allocation{float64(after.Mallocs-before.Mallocs) / 1000, float64(after.TotalAlloc-before.TotalAlloc) / 1000}
}

// loadavg is the machine's load average (1, 5 and 15 minutes), or "?".
func loadavg() string {
	b, err := os.ReadFile("/proc/loadavg")
	if err != nil {
		return "?"
	}
	if f := strings.Fields(string(b)); len(f) >= 3 {
		return strings.Join(f[:3], " ")
	}
	return "?"
}

// dur formats nanoseconds per operation.
func dur(v float64) string {
	switch {
	case v >= 1e6:
		return fmt.Sprintf("%.2f ms", v/1e6)
	case v >= 1e4:
		return fmt.Sprintf("%.1f µs", v/1e3)
	case v >= 1e3:
		return fmt.Sprintf("%.2f µs", v/1e3)
	}
	return fmt.Sprintf("%.0f ns", v)
}
