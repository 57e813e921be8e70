package user

import (
	"fmt"
	"os"
	"runtime"
	"slices"
	"syscall"
	"testing"
	"time"
	"unsafe"

	"github.com/connectkit/createuser/identity"
)

// threadCPU returns the calling thread's CPU time in nanoseconds
// (CLOCK_THREAD_CPUTIME_ID), so that a measure leaves out the time a
// shared machine gives to other processes.
func threadCPU() int64 {
	var ts syscall.Timespec
	const clockThreadCPUTime = 3 // CLOCK_THREAD_CPUTIME_ID
	if _, _, errno := syscall.Syscall(syscall.SYS_CLOCK_GETTIME, clockThreadCPUTime, uintptr(unsafe.Pointer(&ts)), 0); errno != 0 {
		return 0
	}
	return ts.Nano()
}

// TestValidateRequestCPU prints, for each update operation, the CPU time
// of one valid request next to that of the valid CreateUser request with
// the same members' values (updatePair), timed by the thread's CPU time in
// rounds that alternate update, CreateUser, CreateUser, update. It
// measures and asserts nothing; it runs only when asked:
//
//	CREATEUSER_CPU_PAIRS=1 go test ./user/ -run '^TestValidateRequestCPU$' -v
func TestValidateRequestCPU(t *testing.T) {
	if os.Getenv("CREATEUSER_CPU_PAIRS") == "" {
		t.Skip("set CREATEUSER_CPU_PAIRS=1 to print the figures")
	}
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	v := NewValidator(WithIdentityManagement(identity.ConnectManaged))
	const rounds = 15
	fmt.Println("| operation | update | CreateUser, same members' values | update / CreateUser: median of the rounds' ratios (middle half) |")
	fmt.Println("|---|---|---|---|")
	for _, op := range updateOps {
		r, in := updatePair(op)
		update := func() { _ = v.ValidateRequest(r) }
		create := func() { _ = v.Validate(in) }
		// A batch takes about 20 ms of the slower side, so that the
		// thread clock's ticks do not matter.
		start := time.Now()
		for range 1000 {
			create()
		}
		batch := max(1000, int(20*time.Millisecond/(time.Since(start)/1000+1)))
		timed := func(f func()) float64 {
			start := threadCPU()
			for range batch {
				f()
			}
			return float64(threadCPU()-start) / float64(batch)
		}
		timed(update)
		var us, cs, ratios []float64
		for range rounds {
			u1, c1, c2, u2 := timed(update), timed(create), timed(create), timed(update)
			u, c := (u1+u2)/2, (c1+c2)/2
			us, cs, ratios = append(us, u), append(cs, c), append(ratios, u/c)
		}
		slices.Sort(us)
		slices.Sort(cs)
		slices.Sort(ratios)
		q := rounds / 4
		fmt.Printf("| %s | %.0f ns | %.0f ns | %.2f (%.2f–%.2f) |\n", operations[op.bit()], us[rounds/2], cs[rounds/2], ratios[rounds/2], ratios[q], ratios[rounds-1-q])
	}
}

// TestValidateCPU prints the CPU time of Validate on CreateUser's fixtures
// (full, minimal, violations10), timed as TestValidateRequestCPU times, to
// compare two versions of the package in alternating runs (BENCHMARKS.md
// shows how). It runs only when asked:
//
//	CREATEUSER_CPU_PAIRS=1 go test ./user/ -run '^TestValidateCPU$' -v
func TestValidateCPU(t *testing.T) {
	if os.Getenv("CREATEUSER_CPU_PAIRS") == "" {
		t.Skip("set CREATEUSER_CPU_PAIRS=1 to print the figures")
	}
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	v := NewValidator(WithIdentityManagement(identity.ConnectManaged))
	for _, bc := range []struct {
		name string
		in   *CreateUserInput
	}{{"full", fullRequest()}, {"minimal", minimalRequest()}, {"violations10", tenViolations()}} {
		f := func() { _ = v.Validate(bc.in) }
		start := time.Now()
		for range 1000 {
			f()
		}
		batch := max(1000, int(50*time.Millisecond/(time.Since(start)/1000+1)))
		begin := threadCPU()
		for range batch {
			f()
		}
		fmt.Printf("CPU %s %.1f\n", bc.name, float64(threadCPU()-begin)/float64(batch))
	}
}
