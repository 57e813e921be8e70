package errors

import (
	"strconv"
	"strings"
)

// segmentKind tells how a path segment is rendered.
type segmentKind uint8

const (
	segmentChild segmentKind = iota + 1 // .Name
	segmentIndex                        // [3]
	segmentKey                          // [key]
)

type segment struct {
	name  string // child name or map key
	index int32
	kind  segmentKind
}

// inlineSegments is the depth a Path holds without allocating. The deepest
// member of a CreateUser request,
// AfterContactWorkConfigs[i].AgentFirstCallbackAfterContactWorkConfig.AfterContactWorkTimeLimit,
// has four segments.
const inlineSegments = 4

// Path is the wire path of a member of a request document, such as
// "AutoAcceptConfigs[1].Channel" or "Tags[env]". The zero Path is the
// document itself and renders as "".
//
// Path is an immutable value: Child, Index and Key return a new Path and
// leave the receiver unchanged, so one Path can be the parent of many. Paths
// up to four segments deep never allocate.
type Path struct {
	segs [inlineSegments]segment
	more []segment // segments past inlineSegments; never shared-mutated
	n    int
	doc  string // the other document the path is in; "" for this one
}

// NewPath returns the path of the top-level member name, such as
// NewPath("Username").
func NewPath(name string) Path {
	return Path{}.Child(name)
}

func (p Path) with(s segment) Path {
	if p.n < inlineSegments {
		p.segs[p.n] = s
	} else {
		more := make([]segment, p.n-inlineSegments, p.n-inlineSegments+1)
		copy(more, p.more)
		p.more = append(more, s)
	}
	p.n++
	return p
}

// Child returns the path of member name inside the object at p.
func (p Path) Child(name string) Path {
	return p.with(segment{kind: segmentChild, name: name})
}

// Index returns the path of element i (0-based) of the list at p. Indexes
// beyond the range of int32 are not supported (no request has such a list).
func (p Path) Index(i int) Path {
	return p.with(segment{kind: segmentIndex, index: int32(i)})
}

// Key returns the path of the value under key in the map at p, rendered
// as p[key]: NewPath("Tags").Key("env") is "Tags[env]".
func (p Path) Key(key string) Path {
	return p.with(segment{kind: segmentKey, name: key})
}

// InDocument returns p as a path in another document, named by source
// (a file name, "file:line" for a line of JSON Lines): a violation of one
// document may relate to a member of another, such as the first request
// for a username that a later one repeats. It renders as "source#path":
// NewPath("Username").InDocument("a.jsonl:3") is "a.jsonl:3#Username". An
// empty source is this document.
func (p Path) InDocument(source string) Path {
	p.doc = source
	return p
}

// Document returns the other document p is in (see [Path.InDocument]),
// or "" for the document of the violation.
func (p Path) Document() string { return p.doc }

// IsRoot reports whether p is the document itself (of whichever document
// it is in).
func (p Path) IsRoot() bool { return p.n == 0 }

// Len returns the number of segments in p.
func (p Path) Len() int { return p.n }

func (p Path) seg(i int) segment {
	if i < inlineSegments {
		return p.segs[i]
	}
	return p.more[i-inlineSegments]
}

// Parent returns p without its last segment; the parent of the root is the
// root.
func (p Path) Parent() Path {
	if p.n == 0 {
		return p
	}
	q := p
	q.n--
	if q.n < inlineSegments {
		q.segs[q.n] = segment{}
		q.more = nil
	} else {
		q.more = q.more[: q.n-inlineSegments : q.n-inlineSegments]
	}
	return q
}

// HasPrefix reports whether prefix is p itself or one of its ancestors.
func (p Path) HasPrefix(prefix Path) bool {
	if prefix.n > p.n || prefix.doc != p.doc {
		return false
	}
	for i := 0; i < prefix.n; i++ {
		if p.seg(i) != prefix.seg(i) {
			return false
		}
	}
	return true
}

// Equal reports whether p and q name the same member.
func (p Path) Equal(q Path) bool {
	return p.n == q.n && p.HasPrefix(q)
}

// String renders p the way the service names members:
// "AfterContactWorkConfigs[0].AfterContactWorkConfig.AfterContactWorkTimeLimit",
// "Tags[env]", and "" for the document itself. The few names and keys
// that would be ambiguous are quoted as Go strings, with '#' written as
// \x23: a member name that is empty or holds one of . [ ] " \ # or a
// control character or invalid UTF-8 ("a.b" is the unknown member
// `"a.b"`, the empty name is `""`), and a map key that holds one of
// ] " \ # or such a character, or looks like an index (Tags["42"], so
// that Tags[42] stays element 42). A path in another document (see
// [Path.InDocument]) is prefixed by that document's name and '#'.
// [ParsePath] reads every string String returns back into an equal Path.
func (p Path) String() string {
	if p.n == 1 && p.segs[0].kind == segmentChild && p.doc == "" && bareName(p.segs[0].name) {
		return p.segs[0].name
	}
	var b strings.Builder
	if p.doc != "" {
		b.WriteString(p.doc)
		b.WriteByte('#')
	}
	for i := 0; i < p.n; i++ {
		s := p.seg(i)
		switch s.kind {
		case segmentChild:
			if i > 0 {
				b.WriteByte('.')
			}
			if bareName(s.name) {
				b.WriteString(s.name)
			} else {
				b.WriteString(quote(s.name))
			}
		case segmentIndex:
			b.WriteByte('[')
			b.WriteString(strconv.Itoa(int(s.index)))
			b.WriteByte(']')
		case segmentKey:
			b.WriteByte('[')
			if bareKey(s.name) {
				b.WriteString(s.name)
			} else {
				b.WriteString(quote(s.name))
			}
			b.WriteByte(']')
		}
	}
	return b.String()
}

// MarshalText renders p as [Path.String] does, so a Path is a JSON string.
func (p Path) MarshalText() ([]byte, error) {
	return []byte(p.String()), nil
}

// UnmarshalText reads p as [ParsePath] does.
func (p *Path) UnmarshalText(b []byte) error {
	q, err := ParsePath(string(b))
	if err != nil {
		return err
	}
	*p = q
	return nil
}
