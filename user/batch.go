package user

import (
	"hash/maphash"
	"strconv"
	"strings"

	cuerrors "github.com/connectkit/createuser/errors"
	"github.com/connectkit/createuser/internal/pattern"
)

// Origin names one document among many: the source it was read from (a
// file name, or "-" for standard input) and, for a JSON Lines source, its
// 1-based line. Line is 0 for a source that holds one document.
type Origin struct {
	Source string
	Line   int
}

// String returns "source" or, with a line, "source:line".
func (o Origin) String() string {
	if o.Line <= 0 {
		return o.Source
	}
	return o.Source + ":" + strconv.Itoa(o.Line)
}

// Batch remembers which users the requests of one run create, so that a
// second request for the same Username in the same instance is reported:
// the service would reject it. Each request counts when it has a non-empty
// Username and InstanceId, whether it is valid or not; usernames compare
// exactly and an instance ARN (arn:PARTITION:connect:REGION:ACCOUNT:instance/ID)
// counts as its ID; any other InstanceId, the ARN of a resource inside an
// instance included, is compared as written.
//
// A Batch keeps only the (instance, username) pairs it has seen and where
// each was first seen, never the requests: about 60 bytes a user, in
// memory without pointers, so that a run over millions of documents costs
// the garbage collector nothing to scan. The zero Batch is ready to use.
// A Batch is not safe for concurrent use: add the requests in the order in
// which they should count, usually the order of the input.
type Batch struct {
	seed maphash.Seed
	// index maps the hash of (instance, username) to 1 + the index of the
	// last entry with that hash; entries with the same hash are chained.
	index   map[uint64]uint32
	entries [][]batchEntry // in chunks of entryChunk, never moved
	names   [][]byte       // the usernames, back to back, in chunks of nameChunk
	// The distinct instance IDs and sources, so that an entry holds
	// indexes rather than strings.
	instances  []string
	instanceAt map[string]uint32
	sources    []string
	sourceAt   map[string]uint32
	n          int
}

// batchEntry is one user: its username (names[chunk][off:off+size]), its
// instance, the next entry with the same hash, and where it was first
// seen (sources[src], line).
type batchEntry struct {
	chunk, off, size uint32
	instance         uint32
	next             uint32 // 1 + index, 0 for none
	src              uint32
	line             int64
}

const (
	entryChunk = 1 << 13
	nameChunk  = 1 << 20
	// maxBatch bounds the number of users a Batch remembers (entries are
	// numbered with uint32); past it, Add reports nothing more.
	maxBatch = 1<<32 - 2
)

// NewBatch returns an empty Batch.
func NewBatch() *Batch { return &Batch{} }

// Len returns the number of distinct (instance, username) pairs seen.
func (b *Batch) Len() int { return b.n }

var batchUsernamePath = cuerrors.NewPath("Username")

// Add records the user that in creates, found at at. When an earlier
// request of the batch creates the same user, Add returns the duplicate
// violation (rule batch.username.duplicate, at Username) and true, and
// keeps the earlier origin as the first.
//
// The violation's Related holds one path, Username in the document
// "SOURCE:LINE" (or "SOURCE" without a line; see [cuerrors.Path.InDocument]),
// rendered "SOURCE:LINE#Username": the Username member of the first
// document, which is in another document than the one the violation is
// reported for. Its Value is the username and its message names the first
// document too. A nil in, or one without Username or InstanceId, is not
// recorded.
func (b *Batch) Add(in *CreateUserInput, at Origin) (cuerrors.Violation, bool) {
	if in == nil || in.Username == "" || in.InstanceId == "" {
		return cuerrors.Violation{}, false
	}
	if b.index == nil {
		b.seed = maphash.MakeSeed()
		b.index = make(map[uint64]uint32)
	}
	instance := intern(&b.instances, &b.instanceAt, instanceKey(in.InstanceId))
	h := batchHash(b.seed, instance, in.Username)
	head := b.index[h]
	for i := head; i != 0; {
		e := b.entry(i - 1)
		if e.instance == instance && string(b.names[e.chunk][e.off:e.off+e.size]) == in.Username {
			return b.duplicate(in.Username, Origin{Source: b.sources[e.src], Line: int(e.line)}), true
		}
		i = e.next
	}
	if b.n >= maxBatch {
		return cuerrors.Violation{}, false
	}
	chunk, off := b.store(in.Username)
	if b.n%entryChunk == 0 {
		b.entries = append(b.entries, make([]batchEntry, 0, entryChunk))
	}
	last := &b.entries[len(b.entries)-1]
	*last = append(*last, batchEntry{
		chunk: chunk, off: off, size: uint32(len(in.Username)),
		instance: instance, next: head,
		src: intern(&b.sources, &b.sourceAt, at.Source), line: int64(at.Line),
	})
	b.n++
	b.index[h] = uint32(b.n)
	return cuerrors.Violation{}, false
}

// instanceKey returns what identifies the instance of InstanceId id: the
// ID of an instance ARN (arn:PARTITION:connect:REGION:ACCOUNT:instance/ID),
// else id as written. The ARN of something inside an instance
// (.../instance/I/agent/ID) is not an instance, so it is not taken for
// instance ID.
func instanceKey(id string) string {
	if k := pattern.ARNID(id); k != id && strings.HasSuffix(id, ":instance/"+k) {
		return k
	}
	return id
}

// batchHash hashes an (instance, username) pair; a variable so that the
// tests can make every pair collide.
var batchHash = func(seed maphash.Seed, instance uint32, username string) uint64 {
	return maphash.String(seed, username) ^ (uint64(instance)+1)*0x9e3779b97f4a7c15
}

func (b *Batch) entry(i uint32) *batchEntry {
	return &b.entries[i/entryChunk][i%entryChunk]
}

// store copies s to the name chunks and returns where it is.
func (b *Batch) store(s string) (chunk, off uint32) {
	n := len(b.names)
	if n == 0 || cap(b.names[n-1])-len(b.names[n-1]) < len(s) {
		b.names = append(b.names, make([]byte, 0, max(nameChunk, len(s))))
		n++
	}
	c := &b.names[n-1]
	off = uint32(len(*c))
	*c = append(*c, s...)
	return uint32(n - 1), off
}

// intern returns the index of s in *list, adding a copy of s when it is
// new (s may share memory with a larger document). Documents come source
// by source and mostly for one instance, so the last one is the usual
// answer.
func intern(list *[]string, at *map[string]uint32, s string) uint32 {
	if n := len(*list); n > 0 && (*list)[n-1] == s {
		return uint32(n - 1)
	}
	if i, ok := (*at)[s]; ok {
		return i
	}
	if *at == nil {
		*at = make(map[string]uint32)
	}
	s = strings.Clone(s)
	(*at)[s] = uint32(len(*list))
	*list = append(*list, s)
	return uint32(len(*list) - 1)
}

// duplicate returns the violation for a second request for username, the
// first being at first.
func (b *Batch) duplicate(username string, first Origin) cuerrors.Violation {
	where := first.String()
	v := violation(rBatchUsernameDuplicate, batchUsernamePath)
	v.Message = strings.TrimSuffix(v.Message, ".") + " (first at " + where + ")."
	v.Related = []cuerrors.Path{batchUsernamePath.InDocument(where)}
	v.Value = cuerrors.StringValue(username)
	return v
}

// DocumentTooLarge returns the violation for a document (or a JSON Lines
// line) longer than limit bytes, which a reader rejects without reading it
// whole: rule document.size, at the document itself, code length. Its
// message names the limit.
func DocumentTooLarge(limit int64) cuerrors.Violation {
	v := violation(rDocumentTooLarge, cuerrors.Path{})
	v.Message = strings.TrimSuffix(v.Message, ".") + " of " + strconv.FormatInt(limit, 10) + " bytes."
	return v
}
