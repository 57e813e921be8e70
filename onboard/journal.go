package onboard

import (
	"bufio"
	"bytes"
	"crypto/rand"
	"encoding/base64"
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
	// EventUpdated: an update operation (Record.Operation) was carried
	// out.
	EventUpdated Event = "updated"
	// EventDeleted: DeleteUser was carried out, or found the user gone
	// after an attempt that got no answer.
	EventDeleted Event = "deleted"
	// EventInvalid: the request broke a rule of the catalog or of the
	// instance, and was not sent.
	EventInvalid Event = "invalid"
	// EventJournal is the journal's own record, of no user: it holds the
	// key of the journal's digests (Record.Key). A journal begins with
	// one; an older journal gets one at its first write.
	EventJournal Event = "journal"
)

// Record is one line of the journal. It never holds a password or any
// other sensitive member of the request: only the username, which is what
// a person needs to find the user, the service's identifiers, and a
// digest of the request (see Journal.Digest).
type Record struct {
	Time     time.Time `json:"time"`
	Source   string    `json:"source"`
	Line     int       `json:"line"`
	Instance string    `json:"instance"`
	Username string    `json:"username"`
	Event    Event     `json:"event"`
	// Operation is the API's name of the call an attempt announces or an
	// outcome records, such as UpdateUserRoutingProfile; "" in records
	// of CreateUser written before operations were recorded.
	Operation    string `json:"operation,omitempty"`
	UserId       string `json:"user_id"`
	UserArn      string `json:"user_arn"`
	ErrorCode    string `json:"error_code"`
	ErrorMessage string `json:"error_message"`
	// Digest is Journal.Digest of the request an attempt sent, or that a
	// created or exists user was made or found for; "" in other events
	// and in journals written before digests.
	Digest string `json:"digest,omitempty"`
	// Key is the digests' key, in the EventJournal record only
	// (standard base64).
	Key string `json:"key,omitempty"`
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
	// Digest is the request digest of the last created or exists event:
	// the request the user was made or found for ("" when the journal
	// did not record one).
	Digest string
	// AttemptDigest is the request digest of the last attempt, when
	// Attempted.
	AttemptDigest string
}

// Journal is the append-only record of an apply run (JSON Lines, one
// Record a line). Each record is written and flushed to disk (fsync)
// before Write returns, so that it is on disk before the request it
// announces is sent or the outcome it records is reported. A Journal is
// safe for concurrent use.
//
// A Journal holds the lock of its file from OpenJournal to Close, so that
// two runs never use one journal at once (each would create the users the
// other is creating); one Applier.Apply at a time uses a Journal.
type Journal struct {
	mu         sync.Mutex
	f          *os.File
	path       string
	lock       *journalLock
	state      map[journalKey]JournalState
	key        []byte      // the digests' key
	keyWritten bool        // the file holds the key record
	applying   *LockHolder // the Apply using the journal, if any
	err        error       // the first write error: the journal is then closed to writes
	now        func() time.Time
}

// OpenJournal locks the journal at path, opens it for appending, creating
// it if it does not exist, and reads what it holds. When another run holds
// the journal (another process, or a Journal of this process not yet
// closed) it returns a *JournalLockedError naming it, and reads nothing.
// The lock is a file next to the journal, named path+LockSuffix.
//
// A last line cut short (a process killed while writing it, before the
// record was flushed, so before anything it announced happened) is cut
// off the file; any other line that is not a record is an error naming
// its line.
func OpenJournal(path string) (*Journal, error) {
	lock, err := lockJournal(path)
	if err != nil {
		return nil, err
	}
	j, err := openLocked(path)
	if err != nil {
		lock.unlock()
		return nil, err
	}
	j.lock = lock
	return j, nil
}

// openLocked opens and reads the journal at path, whose lock is held.
func openLocked(path string) (*Journal, error) {
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
	if j.key == nil {
		// Written with the first record (a dry run writes none).
		j.key = make([]byte, digestKeySize)
		if _, err := rand.Read(j.key); err != nil {
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
		if rec.Event == EventJournal && !j.keyWritten {
			key, err := base64.StdEncoding.DecodeString(rec.Key)
			if err != nil || len(key) < digestKeySize {
				return 0, fmt.Errorf("journal %s:%d: the journal record's key is not %d bytes of base64", j.path, n, digestKeySize)
			}
			j.key, j.keyWritten = key, true
		}
		j.apply(rec)
	}
}

// apply updates the state of rec's user.
func (j *Journal) apply(rec Record) {
	if rec.Event == EventJournal || (rec.Operation != "" && rec.Operation != OpCreateUser) {
		// The state is that of CreateUser, for Check; the records of
		// the update operations and deletes are for people.
		return
	}
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
		s.AttemptDigest = rec.Digest
	case EventCreated, EventExists:
		s.Attempted, s.AttemptDigest = false, ""
		s.UserId, s.UserArn = rec.UserId, rec.UserArn
		s.Digest = rec.Digest
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
	var b []byte
	if !j.keyWritten && rec.Event != EventJournal {
		kb, err := json.Marshal(Record{Time: rec.Time, Event: EventJournal, Key: base64.StdEncoding.EncodeToString(j.key)})
		if err != nil {
			j.err = err
			return err
		}
		b = append(kb, '\n')
	}
	rb, err := json.Marshal(rec)
	if err != nil {
		j.err = err
		return err
	}
	b = append(append(b, rb...), '\n')
	if _, err := j.f.Write(b); err != nil {
		j.err = fmt.Errorf("writing journal %s: %w", j.path, err)
		return j.err
	}
	if err := j.f.Sync(); err != nil {
		j.err = fmt.Errorf("flushing journal %s: %w", j.path, err)
		return j.err
	}
	j.keyWritten = true
	j.apply(rec)
	return nil
}

// acquire marks the journal as used by one Apply; the release function
// ends it. Another Apply on the journal meanwhile gets a
// *JournalLockedError naming this process.
func (j *Journal) acquire() (release func(), err error) {
	if j == nil {
		return func() {}, nil
	}
	j.mu.Lock()
	defer j.mu.Unlock()
	if j.applying != nil {
		return nil, &JournalLockedError{Path: j.path, Holder: *j.applying}
	}
	host, _ := os.Hostname()
	j.applying = &LockHolder{PID: os.Getpid(), Host: host, Since: j.now().UTC()}
	return func() {
		j.mu.Lock()
		j.applying = nil
		j.mu.Unlock()
	}, nil
}

// Close closes the journal's file and releases its lock.
func (j *Journal) Close() error {
	if j == nil {
		return nil
	}
	j.mu.Lock()
	defer j.mu.Unlock()
	if j.err == nil {
		j.err = errors.New("journal " + j.path + " is closed")
	}
	if j.f == nil {
		return nil
	}
	err := j.f.Close()
	j.f = nil
	if uerr := j.lock.unlock(); err == nil {
		err = uerr
	}
	j.lock = nil
	return err
}
