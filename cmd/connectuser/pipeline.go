package main

import (
	"sync"

	cuerrors "github.com/connectkit/createuser/errors"
	"github.com/connectkit/createuser/user"
)

// The validation of a run is a pipeline of three stages:
//
//	feeder (one goroutine)  reads the inputs in order, one job per document
//	workers (GOMAXPROCS)    validate and render the documents
//	writer (the caller)     takes the jobs back in input order, checks the
//	                        usernames across the run, writes the output
//
// A fixed set of jobs circulates between them: the feeder takes a free
// job, the writer frees it once written. So at most window documents are
// in memory at any time, and the output comes in input order however the
// workers finish, whatever the number of documents.

// job is one document (or one unreadable path) on its way through the
// pipeline. Its buffers are reused from document to document.
type job struct {
	// Set by the feeder.
	origin   user.Origin
	quoted   []byte // origin.Source as a JSON string, shared by a source's jobs
	data     []byte // the document
	tooLarge bool   // the document is longer than the limit; data is empty
	err      error  // a path or input that could not be read; no document
	// firstLine is the source's line of data's first byte, when it is
	// not origin.Line (a document of a stream that is reported without a
	// line); 0 otherwise.
	firstLine int

	// Set by a worker.
	in       *user.CreateUserInput
	list     cuerrors.List
	out      []byte // the rendered report of the document
	errors   int
	warnings int
	done     chan struct{}

	// lookupErr is a failed look-up of the instance checks (set by a
	// worker).
	lookupErr error
}

// Buffers above this size are dropped when a job is freed, so that one
// large document does not keep its memory for the rest of the run.
const keepBuffer = 256 << 10

func (j *job) reset() {
	j.origin, j.quoted, j.tooLarge, j.err, j.firstLine = user.Origin{}, nil, false, nil, 0
	j.in, j.list, j.errors, j.warnings = nil, nil, 0, 0
	j.lookupErr = nil
	j.data, j.out = j.data[:0], j.out[:0]
	if cap(j.data) > keepBuffer {
		j.data = nil
	}
	if cap(j.out) > keepBuffer {
		j.out = nil
	}
}

// pipeline holds the channels between the stages.
type pipeline struct {
	free  chan *job     // jobs the feeder may fill
	work  chan *job     // jobs for the workers
	order chan *job     // every job, in input order, for the writer
	stop  chan struct{} // closed by the writer when it can write no more
}

func newPipeline(window int) *pipeline {
	p := &pipeline{
		free:  make(chan *job, window),
		work:  make(chan *job, window),
		order: make(chan *job, window),
		stop:  make(chan struct{}),
	}
	for range window {
		p.free <- &job{done: make(chan struct{}, 1)}
	}
	return p
}

// acquire returns a free job, or nil when the writer has stopped.
func (p *pipeline) acquire() *job {
	select {
	case j := <-p.free:
		return j
	case <-p.stop:
		return nil
	}
}

// submit hands a filled job to the workers and its place in the output to
// the writer. Neither send blocks: no more than window jobs exist.
func (p *pipeline) submit(j *job) {
	p.work <- j
	p.order <- j
}

// release returns a job acquired but not submitted.
func (p *pipeline) release(j *job) {
	j.reset()
	p.free <- j
}

// close tells the workers and the writer that no job will follow.
func (p *pipeline) close() {
	close(p.work)
	close(p.order)
}

// startWorkers starts n workers running process on each job; the returned
// WaitGroup is done when they have all returned, after p.close.
func (p *pipeline) startWorkers(n int, process func(*job)) *sync.WaitGroup {
	var wg sync.WaitGroup
	for range n {
		wg.Go(func() {
			for j := range p.work {
				process(j)
				j.done <- struct{}{}
			}
		})
	}
	return &wg
}

// drain makes the writer take every job in order, once it is processed,
// and free it after write returns. When write returns false, drain closes
// p.stop (the feeder stops at its next document) and takes the rest of
// the jobs without writing them.
func (p *pipeline) drain(write func(*job) bool) {
	writing := true
	for j := range p.order {
		<-j.done
		if writing && !write(j) {
			writing = false
			close(p.stop)
		}
		j.reset()
		p.free <- j
	}
}
