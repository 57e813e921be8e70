package main

import (
	"fmt"
	"io"
	"os"
	"sync"
	"time"

	"github.com/schollz/progressbar/v3"
	"golang.org/x/term"

	"github.com/connectkit/createuser/onboard"
)

// progress shows how apply is going: a progress bar (count, rate, time
// left) when standard error is a terminal, a line every interval
// otherwise, or nothing.
type progress struct {
	w        io.Writer
	mode     string // bar, lines or none
	interval time.Duration

	mu                               sync.Mutex
	total, done                      int
	created, existed, failed, invald int
	updated, deleted                 int
	started                          time.Time
	bar                              *progressbar.ProgressBar
	stop                             chan struct{}
	wg                               sync.WaitGroup
}

// newProgress returns the progress report for mode auto, bar, lines or
// none; auto is a bar when w is a terminal, lines otherwise.
func newProgress(w io.Writer, mode string, interval time.Duration) *progress {
	if mode == "auto" {
		mode = "lines"
		if f, ok := w.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
			mode = "bar"
		}
	}
	return &progress{w: w, mode: mode, interval: interval}
}

// start begins reporting on total users.
func (p *progress) start(total int) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.total, p.started = total, time.Now()
	switch p.mode {
	case "bar":
		p.bar = progressbar.NewOptions(total,
			progressbar.OptionSetWriter(p.w),
			progressbar.OptionSetDescription("creating users"),
			progressbar.OptionShowCount(),
			progressbar.OptionShowIts(),
			progressbar.OptionSetItsString("users"),
			progressbar.OptionSetPredictTime(true),
			progressbar.OptionThrottle(200*time.Millisecond),
			progressbar.OptionOnCompletion(func() { fmt.Fprintln(p.w) }),
		)
	case "lines":
		p.stop = make(chan struct{})
		p.wg.Add(1)
		go func() {
			defer p.wg.Done()
			t := time.NewTicker(p.interval)
			defer t.Stop()
			for {
				select {
				case <-t.C:
					p.line()
				case <-p.stop:
					return
				}
			}
		}()
	}
}

// observe counts one outcome (onboard calls it one at a time).
func (p *progress) observe(o onboard.Outcome) {
	p.mu.Lock()
	defer p.mu.Unlock()
	switch o.Event {
	case onboard.EventCreated:
		p.created++
	case onboard.EventExists:
		p.existed++
	case onboard.EventUpdated:
		p.updated++
	case onboard.EventDeleted:
		p.deleted++
	case onboard.EventFailed:
		p.failed++
	case onboard.EventInvalid:
		p.invald++
		return // not part of the total
	}
	p.done++
	if p.bar != nil {
		p.bar.Add(1)
	}
}

// line writes one progress line.
func (p *progress) line() {
	p.mu.Lock()
	defer p.mu.Unlock()
	el := time.Since(p.started)
	r := 0.0
	if el > 0 {
		r = float64(p.done) / el.Seconds()
	}
	left := "unknown"
	if r > 0 {
		left = (time.Duration(float64(p.total-p.done)/r) * time.Second).Round(time.Second).String()
	}
	fmt.Fprintf(p.w, "progress: %d/%d users (created %d, updated %d, deleted %d, existed %d, failed %d), %.2f users/s, %s left\n",
		p.done, p.total, p.created, p.updated, p.deleted, p.existed, p.failed, r, left)
}

// finish stops reporting.
func (p *progress) finish() {
	if p.stop != nil {
		close(p.stop)
		p.wg.Wait()
		p.stop = nil
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.bar != nil {
		p.bar.Exit()
		p.bar = nil
	}
}
