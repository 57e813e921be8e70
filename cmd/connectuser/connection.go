package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"sync"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"

	"github.com/connectkit/createuser/awsconnect"
)

// callUsage documents the flags that bound the look-ups of validate.
const callUsage = `  --timeout D
        How long each request to the service may take (default 30s).
        Requests are paced at the service's default quota (2 a second per
        operation, a burst of 5), slow down when throttled, and are retried
        after throttling, a 5xx or a failed connection; a request without an
        answer in time fails, naming the call, and is not retried.
  --deadline D
        How long the look-ups may take in all (default: no limit). When it
        passes, or after a look-up failed for good, the documents that
        follow are not looked up (each is reported as not checked) and the
        exit status is 2.
          connectuser validate --instance-id ID --timeout 10s --deadline 5m users.jsonl
`

// callFlags are --timeout and --deadline.
type callFlags struct {
	timeout, deadline time.Duration
}

// addCallFlags defines --timeout and --deadline on fs.
func addCallFlags(fs *flag.FlagSet) *callFlags {
	f := &callFlags{}
	fs.DurationVar(&f.timeout, "timeout", awsconnect.DefaultRequestTimeout, "how long each request may take")
	fs.DurationVar(&f.deadline, "deadline", 0, "how long the whole command may take")
	return f
}

// check reports a value that makes no sense.
func (f *callFlags) check() error {
	switch {
	case f.timeout <= 0:
		return errors.New("--timeout must be above 0")
	case f.deadline < 0:
		return errors.New("--deadline must be 0 (no limit) or above")
	}
	return nil
}

// deadlineError is the cause of a context whose --deadline passed.
type deadlineError struct{ d time.Duration }

func (e *deadlineError) Error() string { return fmt.Sprintf("the --deadline of %s passed", e.d) }

// withDeadline returns parent bounded by --deadline (when given).
func (f *callFlags) withDeadline(parent context.Context) (context.Context, context.CancelFunc) {
	if f.deadline <= 0 {
		return context.WithCancel(parent)
	}
	return context.WithTimeoutCause(parent, f.deadline, &deadlineError{f.deadline})
}

// deadlinePassed reports whether ctx ended because its --deadline passed.
func deadlinePassed(ctx context.Context) bool {
	var de *deadlineError
	return errors.As(context.Cause(ctx), &de)
}

// lookupProgress shows the look-ups in progress on a terminal: a spinner
// with the number of calls and the last one, on standard error, only
// when it is a terminal.
type lookupProgress struct {
	mu  sync.Mutex
	bar *progressbar.ProgressBar
}

// newLookupProgress returns the progress of look-ups written to w, which
// shows nothing unless w is a terminal.
func newLookupProgress(w io.Writer) *lookupProgress {
	f, ok := w.(*os.File)
	if !ok || !term.IsTerminal(int(f.Fd())) {
		return &lookupProgress{}
	}
	return &lookupProgress{bar: progressbar.NewOptions(-1,
		progressbar.OptionSetWriter(w),
		progressbar.OptionSetDescription("reading the instance"),
		progressbar.OptionShowCount(),
		progressbar.OptionSetItsString("calls"),
		progressbar.OptionSpinnerType(14),
		progressbar.OptionThrottle(100*time.Millisecond),
		progressbar.OptionClearOnFinish(),
	)}
}

// observe counts one call (the reader's WithCallObserver).
func (p *lookupProgress) observe(e awsconnect.CallEvent) {
	if p == nil || p.bar == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	desc := "reading the instance: " + e.Operation
	if e.Throttled {
		desc += " (throttled, slowing down)"
	}
	p.bar.Describe(desc)
	_ = p.bar.Add(1)
}

// finish clears the spinner.
func (p *lookupProgress) finish() {
	if p == nil || p.bar == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	_ = p.bar.Finish()
	p.bar = nil
}

// readerOptions are the reader's options for the call flags, with the
// look-up progress.
func readerOptions(f *callFlags, p *lookupProgress) []awsconnect.Option {
	return []awsconnect.Option{awsconnect.WithRequestTimeout(f.timeout), awsconnect.WithCallObserver(p.observe)}
}
