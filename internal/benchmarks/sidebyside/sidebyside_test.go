package main

import (
	"testing"
	"time"
)

// The measures' inputs are what they assume: both sides agree on every
// request, and both readers give the full request back.
func TestInputs(t *testing.T) {
	if bad := newInputs().check(); len(bad) > 0 {
		t.Fatal(bad)
	}
}

// A broken input is caught before anything is timed.
func TestInputsCheckCatchesDisagreement(t *testing.T) {
	in := newInputs()
	in.full.Username = "jane doe!" // a pattern violation on both sides
	if bad := in.check(); len(bad) == 0 {
		t.Fatal("a full request with a violation passed the input check")
	}
}

// The harness gives one time per op and round, and ratios of them.
func TestCompareShape(t *testing.T) {
	busy := func(n int) {
		x := 0
		for i := range n * 100 {
			x += i
		}
		sinkInput = nil
		_ = x
	}
	g := compare(3, time.Millisecond, busy, busy)
	if len(g.t) != 3 || len(g.t[0]) != 2 || g.ns(0) <= 0 || g.ratio(0, 1).median <= 0 {
		t.Fatalf("compare gave %v", g.t)
	}
}
