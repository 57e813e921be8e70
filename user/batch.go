package user

import (
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
// exactly and an instance ARN counts as the instance ID it ends with.
//
// A Batch keeps only the (instance, username) pairs it has seen and where
// each was first seen, never the requests. The zero Batch is ready to use.
// A Batch is not safe for concurrent use: add the requests in the order in
// which they should count, usually the order of the input.
type Batch struct {
	// users maps an instance ID to the usernames seen in it.
	users map[string]map[string]firstSeen
	// sources holds the distinct Origin.Source values, so that an entry
	// costs an index rather than a string.
	sources  []string
	sourceAt map[string]int
	n        int
}

// firstSeen is where a username was first seen: sources[src], line.
type firstSeen struct {
	line int
	src  int
}

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
// The violation's Related holds one path, "SOURCE:LINE#Username" (or
// "SOURCE#Username" without a line): the Username member of the first
// document, which is in another document than the one the violation is
// reported for. Its Value is the username and its message names the first
// document too. A nil in, or one without Username or InstanceId, is not
// recorded.
func (b *Batch) Add(in *CreateUserInput, at Origin) (cuerrors.Violation, bool) {
	if in == nil || in.Username == "" || in.InstanceId == "" {
		return cuerrors.Violation{}, false
	}
	instance := pattern.ARNID(in.InstanceId)
	names, ok := b.users[instance]
	if !ok {
		if b.users == nil {
			b.users = make(map[string]map[string]firstSeen)
		}
		names = make(map[string]firstSeen)
		// The strings may share memory with a larger document: keep
		// copies, so that the batch holds nothing but the names.
		b.users[strings.Clone(instance)] = names
	}
	if first, dup := names[in.Username]; dup {
		return b.duplicate(in.Username, Origin{Source: b.sources[first.src], Line: first.line}), true
	}
	names[strings.Clone(in.Username)] = firstSeen{line: at.Line, src: b.source(at.Source)}
	b.n++
	return cuerrors.Violation{}, false
}

// source returns the index of s in b.sources, adding it when it is new.
// Documents arrive source by source, so the last one is the usual answer.
func (b *Batch) source(s string) int {
	if n := len(b.sources); n > 0 && b.sources[n-1] == s {
		return n - 1
	}
	if i, ok := b.sourceAt[s]; ok {
		return i
	}
	if b.sourceAt == nil {
		b.sourceAt = make(map[string]int)
	}
	b.sourceAt[s] = len(b.sources)
	b.sources = append(b.sources, s)
	return len(b.sources) - 1
}

// duplicate returns the violation for a second request for username, the
// first being at first.
func (b *Batch) duplicate(username string, first Origin) cuerrors.Violation {
	where := first.String()
	v := violation(rBatchUsernameDuplicate, batchUsernamePath)
	v.Message = strings.TrimSuffix(v.Message, ".") + " (first at " + where + ")."
	v.Related = []cuerrors.Path{cuerrors.NewPath(where + "#" + batchUsernamePath.String())}
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
