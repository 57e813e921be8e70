package onboard_test

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/connectkit/createuser/onboard"
	"github.com/connectkit/createuser/user"
)

// readRecords reads every record of a journal file.
func readRecords(t *testing.T, path string) []onboard.Record {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var out []onboard.Record
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		var r onboard.Record
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatalf("journal line %q: %v", sc.Text(), err)
		}
		out = append(out, r)
	}
	return out
}

func TestApplyPlansAChangedRequestAgain(t *testing.T) {
	srv := newServer(t)
	path := filepath.Join(t.TempDir(), "journal.jsonl")
	ctx := context.Background()
	run := func(reqs []onboard.Request) (*onboard.Plan, *onboard.Summary) {
		t.Helper()
		j := openJournal(t, path)
		defer j.Close()
		a := onboard.New(newClient(srv), append(fast(), onboard.WithJournal(j))...)
		plan, err := a.Check(ctx, reqs)
		if err != nil {
			t.Fatal(err)
		}
		sum, err := a.Apply(ctx, plan)
		if err != nil {
			t.Fatal(err)
		}
		return plan, sum
	}
	_, sum := run(requests(4))
	if sum.Created != 4 {
		t.Fatalf("first run: %s", sum)
	}
	recs := readRecords(t, path)
	if recs[0].Event != onboard.EventJournal || len(recs[0].Key) < 40 {
		t.Errorf("first record %+v: want the journal's key", recs[0])
	}
	raw, _ := os.ReadFile(path)
	for _, secret := range []string{"Passw0rdExample", "Number1", "agent1@example.com", "Agent"} {
		if bytes.Contains(raw, []byte(secret)) {
			t.Errorf("the journal holds %q", secret)
		}
	}
	for _, r := range recs[1:] {
		if (r.Event == onboard.EventAttempt || r.Event == onboard.EventCreated) && r.Digest == "" {
			t.Errorf("%s record of %s without a digest", r.Event, r.Username)
		}
	}

	reqs := requests(4)
	// 0: the same request, spelled otherwise (member order, spaces).
	var m map[string]any
	json.Unmarshal(reqs[0].Document, &m)
	reqs[0].Document, _ = json.MarshalIndent(m, "", "   ")
	// 1: another last name; 2: another password (not in the digest, and
	// no operation changes it); 3: a tag added.
	reqs[1].Document = bytes.Replace(reqs[1].Document, []byte("Number1"), []byte("Numbr1"), 1)
	reqs[2].Document = bytes.Replace(reqs[2].Document, []byte("Passw0rdExample"), []byte("Other0Password"), 1)
	reqs[3].Document = bytes.Replace(reqs[3].Document, []byte(`"PhoneConfig"`), []byte(`"Tags":{"team":"a"},"PhoneConfig"`), 1)
	plan, sum := run(reqs)
	var got []onboard.Action
	for _, it := range plan.Items {
		got = append(got, it.Action)
	}
	want := []onboard.Action{onboard.ActionDone, onboard.ActionChanged, onboard.ActionDone, onboard.ActionChanged}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("actions (-want +got):\n%s", d)
	}
	for _, i := range []int{1, 3} {
		it := plan.Items[i]
		if len(it.Violations) != 1 || it.Violations[0].Rule != onboard.RuleJournalChanged || it.UserId == "" {
			t.Errorf("%s: violations %v, user id %q: want the changed warning and the user's id", it.Username, it.Violations, it.UserId)
		}
	}
	if sum.Changed != 2 || sum.Done != 2 || sum.Attempts != 0 || !sum.OK() {
		t.Errorf("second run: %s", sum)
	}
	// Nothing written of the changed users: the next run says so again.
	plan, _ = run(reqs)
	if plan.Count(onboard.ActionChanged) != 2 {
		t.Errorf("third run: %d changed, want 2", plan.Count(onboard.ActionChanged))
	}
	checkExactlyOnce(t, srv, 4)
}

func TestJournalDigest(t *testing.T) {
	dir := t.TempDir()
	j1 := openJournal(t, filepath.Join(dir, "a.jsonl"))
	j2 := openJournal(t, filepath.Join(dir, "b.jsonl"))
	in, list := user.NewValidator().ValidateDocument(document(1))
	if list.HasErrors() {
		t.Fatal(list)
	}
	arn := in.Clone()
	arn.InstanceId = "arn:aws:connect:us-east-1:123456789012:instance/" + testInstance
	other := in.Clone()
	other.IdentityInfo.FirstName = nil
	cases := []struct {
		name string
		a, b string
		same bool
	}{
		{"the same request", j1.Digest(in), j1.Digest(in.Clone()), true},
		{"the instance as an ARN", j1.Digest(in), j1.Digest(arn), true},
		{"a member less", j1.Digest(in), j1.Digest(other), false},
		{"another journal", j1.Digest(in), j2.Digest(in), false},
	}
	for _, c := range cases {
		if c.a == "" || (c.a == c.b) != c.same {
			t.Errorf("%s: %q and %q, want same=%v", c.name, c.a, c.b, c.same)
		}
	}
	// The key survives reopening: a digest is the same in every run.
	before := j1.Digest(in)
	j1.Write(onboard.Record{Instance: "i", Username: "a", Event: onboard.EventAttempt})
	j1.Close()
	j1 = openJournal(t, filepath.Join(dir, "a.jsonl"))
	if after := j1.Digest(in); after != before {
		t.Errorf("digest %q after reopening, %q before", after, before)
	}
	if strings.Contains(before, "Agent") {
		t.Errorf("digest %q", before)
	}
}

func TestSettledUserKeepsTheDigestOfItsAttempt(t *testing.T) {
	// A run sent one request and died before its outcome; the file now
	// holds another request for the same user. The user is settled as
	// created from the request that was sent, so the next run sees that
	// it differs from the file's.
	srv := newServer(t)
	ctx := context.Background()
	sent := requests(1)
	sent[0].Document = bytes.Replace(sent[0].Document, []byte("Number0"), []byte("Numbr0"), 1)
	pre := onboard.New(newClient(srv), fast()...)
	plan, err := pre.Check(ctx, sent)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := pre.Apply(ctx, plan); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "journal.jsonl")
	j := openJournal(t, path)
	j.Write(onboard.Record{Instance: testInstance, Username: "agent0000", Event: onboard.EventAttempt, Digest: j.Digest(plan.Items[0].Input)})

	a := onboard.New(newClient(srv), append(fast(), onboard.WithJournal(j))...)
	plan, err = a.Check(ctx, requests(1))
	if err != nil {
		t.Fatal(err)
	}
	if plan.Items[0].Action != onboard.ActionSettle {
		t.Fatalf("action %s, want settle", plan.Items[0].Action)
	}
	if sum, err := a.Apply(ctx, plan); err != nil || sum.Settled != 1 {
		t.Fatalf("%v %v", err, sum)
	}
	plan, _ = a.Check(ctx, requests(1))
	if plan.Items[0].Action != onboard.ActionChanged {
		t.Errorf("after settling: action %s, want changed", plan.Items[0].Action)
	}
}
