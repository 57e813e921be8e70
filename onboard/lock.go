package onboard

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/gofrs/flock"
)

// ErrJournalLocked is matched (errors.Is) by every *JournalLockedError.
var ErrJournalLocked = errors.New("onboard: the journal is in use by another run")

// LockHolder says which run holds a journal: what it wrote into the
// journal's lock file when it took the lock.
type LockHolder struct {
	// PID is the holder's process id; 0 when it is not known (the holder
	// took the lock but has not written the file yet).
	PID int `json:"pid"`
	// Host is the name of the holder's machine, as os.Hostname gives it.
	Host string `json:"host"`
	// Since is when the holder took the lock.
	Since time.Time `json:"since"`
}

// JournalLockedError is returned by OpenJournal when another process (or
// another Journal of this process) holds the journal's lock, and by
// Applier.Apply when another Apply is using the same Journal.
type JournalLockedError struct {
	// Path is the journal's file name.
	Path string
	// Holder is the run that holds it, as far as its lock file says.
	Holder LockHolder
}

// Error names the journal and its holder.
func (e *JournalLockedError) Error() string {
	h := e.Holder
	if h.PID == 0 {
		return fmt.Sprintf("journal %s is in use by another run (its lock file %s does not say which yet); wait for it to finish", e.Path, e.Path+LockSuffix)
	}
	who := fmt.Sprintf("process %d", h.PID)
	if h.PID == os.Getpid() {
		who += " (this process: another run in it)"
	}
	if h.Host != "" {
		who += " on " + h.Host
	}
	return fmt.Sprintf("journal %s is in use by %s since %s; wait for it to finish", e.Path, who, h.Since.UTC().Format(time.RFC3339))
}

// Is reports whether target is ErrJournalLocked.
func (e *JournalLockedError) Is(target error) bool { return target == ErrJournalLocked }

// LockSuffix is appended to a journal's file name to name its lock file.
// The lock file is left in place when the journal is closed: removing it
// could let two runs lock two different files of one name.
const LockSuffix = ".lock"

// journalLock is the lock of one journal: an exclusive flock(2) (LockFileEx
// on Windows) on the lock file, held from OpenJournal to Close.
type journalLock struct {
	fl   *flock.Flock
	path string
}

// lockJournal takes the lock of the journal at path, or returns a
// *JournalLockedError naming the holder.
//
// The holder's details are written from the lock file's second byte:
// Windows locks the first byte, which no other process can then read.
func lockJournal(path string) (*journalLock, error) {
	lpath := path + LockSuffix
	fl := flock.New(lpath, flock.SetFlag(os.O_CREATE|os.O_RDWR), flock.SetPermissions(0o600))
	ok, err := fl.TryLock()
	if err != nil {
		return nil, fmt.Errorf("locking journal %s: %w", path, err)
	}
	if !ok {
		return nil, &JournalLockedError{Path: path, Holder: readHolder(lpath)}
	}
	host, _ := os.Hostname()
	if err := writeHolder(lpath, LockHolder{PID: os.Getpid(), Host: host, Since: time.Now().UTC()}); err != nil {
		fl.Unlock()
		return nil, fmt.Errorf("writing the lock file of journal %s: %w", path, err)
	}
	return &journalLock{fl: fl, path: lpath}, nil
}

// unlock says in the lock file that nobody holds it, and releases it.
func (l *journalLock) unlock() error {
	if l == nil {
		return nil
	}
	writeHolder(l.path, LockHolder{})
	return l.fl.Unlock()
}

func writeHolder(lpath string, h LockHolder) error {
	f, err := os.OpenFile(lpath, os.O_WRONLY|os.O_CREATE, 0o600)
	if err != nil {
		return err
	}
	defer f.Close()
	var b []byte
	if h.PID != 0 {
		j, err := json.Marshal(h)
		if err != nil {
			return err
		}
		b = append(j, '\n')
	}
	if _, err := f.WriteAt(b, 1); err != nil {
		return err
	}
	if err := f.Truncate(int64(1 + len(b))); err != nil {
		return err
	}
	return f.Sync()
}

// readHolder reads the holder's details; the zero LockHolder when the
// file holds none (yet).
func readHolder(lpath string) LockHolder {
	f, err := os.Open(lpath)
	if err != nil {
		return LockHolder{}
	}
	defer f.Close()
	b, err := io.ReadAll(io.NewSectionReader(f, 1, 4096))
	if err != nil {
		return LockHolder{}
	}
	var h LockHolder
	if json.NewDecoder(bytes.NewReader(b)).Decode(&h) != nil || h.PID <= 0 {
		return LockHolder{}
	}
	return h
}
