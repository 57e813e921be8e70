package onboard

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"sync"
	"time"
)

// Event is what a journal record says happened to a user.
type Event string

// The journal's events.
const (
	// EventAttempt is written before each CreateUser request is sent.
	EventAttempt Event = "attempt"
	// EventCreated: the user was created by this tool (possibly settled
	// after an attempt that got no answer).
	EventCreated Event = "created"
	// EventExists: the instance already had the user, and no attempt of
	// this journal made it.
	EventExists Event = "exists"
	// EventFailed: the service refused the user, or every attempt failed.
	EventFailed Event = "failed"
	// EventInvalid: the request broke a rule of the catalog or of the
	// instance, and was not sent.
	EventInvalid Event = "invalid"
)

// Record is one line of the journal. It never holds a password or any
// other sensitive member of the request: only the username, which is what
// a person needs to find the user, and the service's identifiers.
type Record struct {
	Time         time.Time `json:"time"`
	Source       string    `json:"source"`
	Line         int       `json:"line"`
	Instance     string    `json:"instance"`
	Username     string    `json:"username"`
	Event        Event     `json:"event"`
	UserId       string    `json:"user_id"`
	UserArn      string    `json:"user_arn"`
	ErrorCode    string    `json:"error_code"`
	ErrorMessage string    `json:"error_message"`
}

// journalKey names one user: its instance ID and its username.
type journalKey struct{ instance, username string }

// JournalState is what the journal knows of one user.
type JournalState struct {
	// Last is the user's last event; "" when the journal has none.
	Last Event
	// Attempted is true when an attempt was recorded after the last
	// created or exists event (or ever, if there is none): a request that
	// may have created the user.
	Attempted bool
	// UserId and UserArn are those of the last created or exists event.
	UserId, UserArn string
}

// Journal is the append-only record of an apply run (JSON Lines, one
// Record a line). Each record is written and flushed to disk (fsync)
// before Write returns, so that it is on disk before the request it
// announces is sent or the outcome it records is reported. A Journal is
// safe for concurrent use.
type Journal struct {
	mu    sync.Mutex
	f     *os.File
	path  string
	state map[journalKey]JournalState
	err   error // the first write error: the journal is then closed to writes
	now   func() time.Time
}

// OpenJournal opens the journal at path for appending, creating it if it
// does not exist, and reads what it holds. A last line cut short (a
// process killed while writing it, before the record was flushed, so
// before anything it announced happened) is cut off the file; any other
// line that is not a record is an error naming its line.
func OpenJournal(path string) (*Journal, error) {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE|os.O_APPEND, 0o600)
	if err != nil {
		return nil, err
	}
	j := &Journal{f: f, path: path, state: map[journalKey]JournalState{}, now: time.Now}
	complete, err := j.load(f)
	if err != nil {
		f.Close()
		return nil, err
	}
	if info, err := f.Stat(); err == nil && info.Size() > complete {
		if err := f.Truncate(complete); err != nil {
			f.Close()
			return nil, err
		}
		if err := f.Sync(); err != nil {
			f.Close()
			return nil, err
		}
	}
	return j, nil
}

// load reads every record of r into j.state, and returns the length of
// the complete lines: a last line without a line break is not read.
func (j *Journal) load(r io.Reader) (complete int64, err error) {
	br := bufio.NewReader(r)
	for n := 1; ; n++ {
		line, err := br.ReadBytes('\n')
		if errors.Is(err, io.EOF) {
			// No line break: a record cut short by a kill, or nothing.
			return complete, nil
		}
		if err != nil {
			return 0, err
		}
		complete += int64(len(line))
		line = bytes.TrimSpace(line)
		if len(line) == 0 {
			continue
		}
		var rec Record
		if err := json.Unmarshal(line, &rec); err != nil || rec.Event == "" {
			return 0, fmt.Errorf("journal %s:%d: not a journal record", j.path, n)
		}
		j.apply(rec)
	}
}

// apply updates the state of rec's user.
func (j *Journal) apply(rec Record) {
	k := journalKey{rec.Instance, rec.Username}
	s := j.state[k]
	if rec.Event == EventInvalid && (s.Last == EventCreated || s.Last == EventExists) {
		// A second request for a user that exists (a duplicate in the
		// input) does not undo it.
		return
	}
	s.Last = rec.Event
	switch rec.Event {
	case EventAttempt:
		s.Attempted = true
	case EventCreated, EventExists:
		s.Attempted = false
		s.UserId, s.UserArn = rec.UserId, rec.UserArn
	}
	j.state[k] = s
}

// State returns what the journal knows of the user username in instance.
func (j *Journal) State(instance, username string) JournalState {
	if j == nil {
		return JournalState{}
	}
	j.mu.Lock()
	defer j.mu.Unlock()
	return j.state[journalKey{instance, username}]
}

// Path returns the journal's file name.
func (j *Journal) Path() string { return j.path }

// Write appends rec (its Time set to now when zero) and flushes it to
// disk. After a failed write every later Write fails too: a run must not
// go on with a journal that lost a record.
func (j *Journal) Write(rec Record) error {
	if j == nil {
		return nil
	}
	j.mu.Lock()
	defer j.mu.Unlock()
	if j.err != nil {
		return j.err
	}
	if rec.Time.IsZero() {
		rec.Time = j.now().UTC()
	}
	b, err := json.Marshal(rec)
	if err != nil {
		j.err = err
		return err
	}
	b = append(b, '\n')
	if _, err := j.f.Write(b); err != nil {
		j.err = fmt.Errorf("writing journal %s: %w", j.path, err)
		return j.err
	}
	if err := j.f.Sync(); err != nil {
		j.err = fmt.Errorf("flushing journal %s: %w", j.path, err)
		return j.err
	}
	j.apply(rec)
	return nil
}

// Close closes the journal's file.
func (j *Journal) Close() error {
	if j == nil {
		return nil
	}
	j.mu.Lock()
	defer j.mu.Unlock()
	if j.err == nil {
		j.err = errors.New("journal " + j.path + " is closed")
	}
	return j.f.Close()
}
