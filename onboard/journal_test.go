package onboard_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/connectkit/createuser/onboard"
)

func TestJournalSurvivesATornLastLine(t *testing.T) {
	path := filepath.Join(t.TempDir(), "journal.jsonl")
	j, err := onboard.OpenJournal(path)
	if err != nil {
		t.Fatal(err)
	}
	j.Write(onboard.Record{Instance: "i", Username: "a", Event: onboard.EventAttempt})
	j.Write(onboard.Record{Instance: "i", Username: "a", Event: onboard.EventCreated, UserId: "u1"})
	j.Write(onboard.Record{Instance: "i", Username: "b", Event: onboard.EventAttempt})
	j.Close()
	// A kill while writing the next record.
	f, _ := os.OpenFile(path, os.O_APPEND|os.O_WRONLY, 0)
	f.WriteString(`{"time":"2026-12-04T00:00:00Z","source":"x","line":3,"instance":"i","username":"b","event":"crea`)
	f.Close()

	j, err = onboard.OpenJournal(path)
	if err != nil {
		t.Fatal(err)
	}
	defer j.Close()
	if st := j.State("i", "a"); st.Last != onboard.EventCreated || st.UserId != "u1" || st.Attempted {
		t.Errorf("a: %+v", st)
	}
	if st := j.State("i", "b"); st.Last != onboard.EventAttempt || !st.Attempted {
		t.Errorf("b: %+v, want an attempt without an outcome", st)
	}
	if err := j.Write(onboard.Record{Instance: "i", Username: "b", Event: onboard.EventCreated}); err != nil {
		t.Fatal(err)
	}
	j.Close()
	j2, err := onboard.OpenJournal(path)
	if err != nil {
		t.Fatalf("the record after the torn line: %v", err)
	}
	defer j2.Close()
	if st := j2.State("i", "b"); st.Last != onboard.EventCreated {
		t.Errorf("b after reopening: %+v", st)
	}
}

func TestJournalRejectsACorruptLine(t *testing.T) {
	path := filepath.Join(t.TempDir(), "journal.jsonl")
	os.WriteFile(path, []byte("{\"event\":\"attempt\",\"username\":\"a\"}\nnot json\n{\"event\":\"created\",\"username\":\"a\"}\n"), 0o600)
	_, err := onboard.OpenJournal(path)
	if err == nil || !strings.Contains(err.Error(), "journal.jsonl:2") {
		t.Errorf("error %v, want one naming line 2", err)
	}
}

func TestJournalFailedAfterCreatedResumesAsFailed(t *testing.T) {
	path := filepath.Join(t.TempDir(), "journal.jsonl")
	j, _ := onboard.OpenJournal(path)
	defer j.Close()
	j.Write(onboard.Record{Instance: "i", Username: "a", Event: onboard.EventAttempt})
	j.Write(onboard.Record{Instance: "i", Username: "a", Event: onboard.EventFailed, ErrorCode: "InternalServiceException"})
	// The failed user had an attempt: if the instance has it, it is ours.
	if st := j.State("i", "a"); st.Last != onboard.EventFailed || !st.Attempted {
		t.Errorf("%+v", st)
	}
}

func TestJournalInvalidDoesNotUndoCreated(t *testing.T) {
	j, _ := onboard.OpenJournal(filepath.Join(t.TempDir(), "journal.jsonl"))
	defer j.Close()
	j.Write(onboard.Record{Instance: "i", Username: "a", Event: onboard.EventCreated, UserId: "u1"})
	j.Write(onboard.Record{Instance: "i", Username: "a", Event: onboard.EventInvalid, ErrorCode: "duplicate"})
	if st := j.State("i", "a"); st.Last != onboard.EventCreated || st.UserId != "u1" {
		t.Errorf("%+v", st)
	}
}
