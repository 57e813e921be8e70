package user

import (
	"fmt"
	"hash/maphash"
	"strconv"
	"testing"

	"github.com/google/go-cmp/cmp"

	cuerrors "github.com/connectkit/createuser/errors"
)

func TestOriginString(t *testing.T) {
	for _, tc := range []struct {
		in   Origin
		want string
	}{
		{Origin{Source: "dir/a.json"}, "dir/a.json"},
		{Origin{Source: "users.jsonl", Line: 3}, "users.jsonl:3"},
		{Origin{Source: "-", Line: 1}, "-:1"},
	} {
		if got := tc.in.String(); got != tc.want {
			t.Errorf("%#v.String() = %q, want %q", tc.in, got, tc.want)
		}
	}
}

func TestBatchAdd(t *testing.T) {
	const (
		instance = "a1b2c3d4-5678-90ab-cdef-EXAMPLE11111"
		arn      = "arn:aws:connect:us-west-2:123456789012:instance/" + instance
	)
	req := func(instanceID, username string) *CreateUserInput {
		in := minimalRequest()
		in.InstanceId, in.Username = instanceID, username
		return in
	}
	type add struct {
		in *CreateUserInput
		at Origin
		// related is the one related path of the duplicate violation, or
		// "" when Add must report nothing.
		related string
	}
	for _, tc := range []struct {
		name string
		adds []add
		len  int
	}{
		{"distinct usernames", []add{
			{req(instance, "ana"), Origin{"a.jsonl", 1}, ""},
			{req(instance, "li"), Origin{"a.jsonl", 2}, ""},
		}, 2},
		{"same username, same instance", []add{
			{req(instance, "ana"), Origin{"a.jsonl", 1}, ""},
			{req(instance, "ana"), Origin{"a.jsonl", 3}, "a.jsonl:1#Username"},
		}, 1},
		{"the first stays the first", []add{
			{req(instance, "ana"), Origin{"a.json", 0}, ""},
			{req(instance, "ana"), Origin{"b.jsonl", 7}, "a.json#Username"},
			{req(instance, "ana"), Origin{"c.json", 0}, "a.json#Username"},
		}, 1},
		{"an instance ARN counts as its ID", []add{
			{req(arn, "ana"), Origin{"a.json", 0}, ""},
			{req(instance, "ana"), Origin{"b.json", 0}, "a.json#Username"},
			{req(arn, "ana"), Origin{"c.json", 0}, "a.json#Username"},
		}, 1},
		{"only an instance ARN counts as its ID", []add{
			// The ARN of an agent status inside instance "other" ends in
			// "g8": it is not instance g8 (issue 9, item 10).
			{req("g8", "ana"), Origin{"a.json", 0}, ""},
			{req("arn:aws:connect:us-east-1:123456789012:instance/other/agent/g8", "ana"), Origin{"b.json", 0}, ""},
			{req("arn:aws:connect:us-east-1:123456789012:instance/other/agent/g8", "ana"), Origin{"c.json", 0}, "b.json#Username"},
			{req("arn:aws-cn:connect:cn-north-1:123456789012:instance/g8", "ana"), Origin{"d.json", 0}, "a.json#Username"},
		}, 2},
		{"same username, other instance", []add{
			{req(instance, "ana"), Origin{"a.json", 0}, ""},
			{req("other-instance", "ana"), Origin{"b.json", 0}, ""},
		}, 2},
		{"usernames compare exactly", []add{
			{req(instance, "ana"), Origin{"a.json", 0}, ""},
			{req(instance, "Ana"), Origin{"b.json", 0}, ""},
			{req(instance, "ana "), Origin{"c.json", 0}, ""},
		}, 3},
		{"invalid requests count", []add{
			{&CreateUserInput{InstanceId: instance, Username: "bad name"}, Origin{"a.json", 0}, ""},
			{req(instance, "bad name"), Origin{"b.json", 0}, "a.json#Username"},
		}, 1},
		{"no username or no instance: not counted", []add{
			{req(instance, ""), Origin{"a.json", 0}, ""},
			{req(instance, ""), Origin{"b.json", 0}, ""},
			{req("", "ana"), Origin{"c.json", 0}, ""},
			{req("", "ana"), Origin{"d.json", 0}, ""},
			{nil, Origin{"e.json", 0}, ""},
		}, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var b Batch // the zero Batch is ready to use
			for i, a := range tc.adds {
				v, dup := b.Add(a.in, a.at)
				if dup != (a.related != "") {
					t.Fatalf("add %d (%v): duplicate = %v, want %v", i, a.at, dup, !dup)
				}
				if !dup {
					if diff := cmp.Diff(cuerrors.Violation{}, v, cmp.Comparer(cuerrors.Path.Equal), cmp.AllowUnexported(cuerrors.Value{})); diff != "" {
						t.Errorf("add %d: a violation without a duplicate (-want +got):\n%s", i, diff)
					}
					continue
				}
				if d := cuerrors.Diff([]cuerrors.Want{{Field: "Username", Code: cuerrors.CodeDuplicate, Severity: cuerrors.SeverityError}}, cuerrors.List{v}); d != "" {
					t.Errorf("add %d:\n%s", i, d)
				}
				if v.Rule != "batch.username.duplicate" {
					t.Errorf("add %d: rule = %q", i, v.Rule)
				}
				var related []string
				for _, p := range v.Related {
					related = append(related, p.String())
				}
				if diff := cmp.Diff([]string{a.related}, related); diff != "" {
					t.Errorf("add %d: related (-want +got):\n%s", i, diff)
				}
				if got, want := v.Value.Interface(), any(a.in.Username); got != want {
					t.Errorf("add %d: value = %v, want %v", i, got, want)
				}
			}
			if b.Len() != tc.len {
				t.Errorf("Len() = %d, want %d", b.Len(), tc.len)
			}
		})
	}
}

// TestBatchHashCollisions runs TestBatchAdd with a hash under which every
// pair collides, so that only the chains tell users apart.
func TestBatchHashCollisions(t *testing.T) {
	saved := batchHash
	batchHash = func(maphash.Seed, uint32, string) uint64 { return 42 }
	t.Cleanup(func() { batchHash = saved })
	TestBatchAdd(t)
	TestBatchManySources(t)
}

// TestBatchKeepsCopies checks that the batch does not hold on to the
// strings of the requests it saw: changing the bytes a request was read
// from must not change what the batch remembers.
func TestBatchKeepsCopies(t *testing.T) {
	buf := []byte("agent1")
	in := minimalRequest()
	in.Username = string(buf)
	var b Batch
	b.Add(in, Origin{Source: "a.json"})
	copy(buf, "agent2")
	in2 := minimalRequest()
	in2.Username = "agent1"
	if _, dup := b.Add(in2, Origin{Source: "b.json"}); !dup {
		t.Fatal("the second agent1 is not a duplicate")
	}
}

func TestBatchManySources(t *testing.T) {
	var b Batch
	for i := range 1000 {
		in := minimalRequest()
		in.Username = "agent" + strconv.Itoa(i)
		b.Add(in, Origin{Source: "doc" + strconv.Itoa(i) + ".json"})
	}
	in := minimalRequest()
	in.Username = "agent500"
	v, dup := b.Add(in, Origin{Source: "again.json"})
	if !dup || v.Related[0].String() != "doc500.json#Username" {
		t.Fatalf("Add = %v, %v; want a duplicate of doc500.json", v, dup)
	}
}

func TestDocumentTooLarge(t *testing.T) {
	v := DocumentTooLarge(1 << 20)
	if d := cuerrors.Diff([]cuerrors.Want{{Field: "", Code: cuerrors.CodeLength, Severity: cuerrors.SeverityError}}, cuerrors.List{v}); d != "" {
		t.Error(d)
	}
	if v.Rule != "document.size" {
		t.Errorf("rule = %q, want document.size", v.Rule)
	}
}

// BenchmarkBatchAdd measures Add for new users (the usual case) and for
// duplicates (a violation is built).
func BenchmarkBatchAdd(b *testing.B) {
	ins := make([]*CreateUserInput, 1<<16)
	for i := range ins {
		ins[i] = minimalRequest()
		ins[i].Username = "agent" + strconv.Itoa(i)
	}
	b.Run("new", func(b *testing.B) {
		var batch Batch
		b.ReportAllocs()
		i := 0
		for b.Loop() {
			if i%len(ins) == 0 {
				batch = Batch{}
			}
			batch.Add(ins[i%len(ins)], Origin{Source: "users.jsonl", Line: i + 1})
			i++
		}
	})
	b.Run("duplicate", func(b *testing.B) {
		var batch Batch
		batch.Add(ins[0], Origin{Source: "users.jsonl", Line: 1})
		b.ReportAllocs()
		for b.Loop() {
			batch.Add(ins[0], Origin{Source: "users.jsonl", Line: 2})
		}
	})
}

func ExampleBatch() {
	const instance = "a1b2c3d4-5678-90ab-cdef-EXAMPLE11111"
	var b Batch
	for i, in := range []*CreateUserInput{
		{InstanceId: instance, Username: "ana.silva"},
		{InstanceId: instance, Username: "li.wang"},
		{InstanceId: "arn:aws:connect:us-west-2:123456789012:instance/" + instance, Username: "ana.silva"},
	} {
		if v, dup := b.Add(in, Origin{Source: "onboarding.jsonl", Line: i + 1}); dup {
			fmt.Println(v.Field, v.Code, v.Related)
		}
	}
	// Output:
	// Username duplicate [onboarding.jsonl:1#Username]
}
