//go:build !unix

package main

import "time"

// cpuClock is what a batch is timed by; without getrusage, the wall
// clock, which counts the time other processes hold the cores.
const cpuClock = "wall-clock time"

var start = time.Now()

// cpuNow returns the wall-clock time since the start.
func cpuNow() time.Duration { return time.Since(start) }
