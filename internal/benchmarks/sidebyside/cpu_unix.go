//go:build unix

package main

import (
	"syscall"
	"time"
)

// cpuClock is what a batch is timed by: the CPU time of the whole process
// (every thread: the timed goroutine and the collector's workers), which
// leaves out the time other processes hold the cores and keeps in the
// collector's work on another core.
const cpuClock = "process CPU time"

// cpuNow returns the process's CPU time so far (user and system).
func cpuNow() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		panic(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
