package user

import (
	"slices"
	"strconv"

	cuerrors "github.com/connectkit/createuser/errors"
)

// Positions: where in a document each violation's member is.
//
// The reader does not keep positions while it reads: a valid document
// would pay for them and never use them. Once a document has violations,
// locate reads it a second time, descending only into the members that
// lead to a violation's path, and sets each violation's Line and Column.

// Locate sets the Line and Column of every violation of list that has no
// Line yet to the position in data (a request document) of the member its
// Field names: the first character of the member's name, or, for a list
// element or the document itself, of the value. A violation of a tag key
// (Field "Tags", the key as its Value) is placed at the key. A member that
// is absent from data (a required member, say) is placed at its nearest
// ancestor that is present, and at the document's first character when
// none is. A member that appears twice is placed at its last occurrence
// (the one that counts), a duplicate at the occurrence it reports.
//
// Lines count from 1 and end at '\n'; columns count characters (Unicode
// code points) from 1. [Validator.ValidateDocument] calls Locate itself;
// call it for violations found elsewhere about the same document, such as
// the duplicate of a [Batch].
func Locate(data []byte, list cuerrors.List) { LocateAt(data, list, 1) }

// LocateAt is [Locate] for a document that starts on line first (1-based)
// of a larger source, such as a line of JSON Lines or one document of a
// stream: the lines it sets are the source's. A first below 1 is 1.
func LocateAt(data []byte, list cuerrors.List, first int) {
	shift := max(first, 1) - 1
	n := 0
	for i := range list {
		if list[i].Line == 0 {
			n++
		}
	}
	if n == 0 {
		return
	}
	var pathBuf [128]byte
	l := locator{d: decoder{data: data}, paths: make([]string, 0, 2*n), spots: make([]spot, 0, 2*n), path: pathBuf[:0]}
	l.add("")
	fields := make([]string, len(list))
	for i := range list {
		v := &list[i]
		if v.Line != 0 {
			continue
		}
		// The path and each of its ancestors: the ancestors' renderings
		// are prefixes of the path's, so one string serves them all.
		f := v.Field.String()
		fields[i] = f
		for j := 1; j < len(f); j++ {
			if f[j] == '.' || f[j] == '[' {
				l.add(f[:j])
			}
		}
		l.add(f)
		if key, ok := tagKeyOf(v); ok {
			if l.keys == nil {
				l.keys = make(map[string]int32)
			}
			if _, ok := l.keys[key]; !ok {
				l.keys[key] = int32(len(l.keySpots))
				l.keySpots = append(l.keySpots, spot{})
			}
		}
	}
	l.document()

	// Place each violation at an offset, then turn the offsets into lines
	// and columns in one sweep of data.
	type placed struct{ off, i int }
	at := make([]placed, 0, n)
	for i := range list {
		v := &list[i]
		if v.Line != 0 {
			continue
		}
		var s *spot
		if k, ok := tagKeyOf(v); ok && l.keySpots[l.keys[k]].n > 0 {
			s = &l.keySpots[l.keys[k]]
		} else {
			// The path, then its ancestors, longest first.
			f := fields[i]
			for j := len(f); ; j-- {
				if j == len(f) || j == 0 || f[j] == '.' || f[j] == '[' {
					k, _ := l.find(f[:j])
					if s = &l.spots[k]; s.n > 0 || j == 0 {
						break
					}
				}
			}
		}
		if s.n == 0 {
			continue // nothing of the document could be read
		}
		k := s.n - 1
		if v.Code == cuerrors.CodeDuplicate && k > 0 {
			s.dups++
			k = min(s.dups, k)
		}
		at = append(at, placed{s.offset(k), i})
	}
	slices.SortFunc(at, func(a, b placed) int { return a.off - b.off })
	line, col, pos := 1, 1, 0
	for _, p := range at {
		for ; pos < p.off && pos < len(data); pos++ {
			switch c := data[pos]; {
			case c == '\n':
				line, col = line+1, 1
			case c&0xC0 != 0x80: // not a continuation byte: a new character
				col++
			}
		}
		list[p.i].Line, list[p.i].Column = shift+line, col
	}
}

// spot holds the offsets at which one path occurs in a document.
type spot struct {
	offs [2]int // the first two
	more []int  // the others
	n    int    // how many
	dups int    // duplicate violations placed here so far
}

func (s *spot) record(off int) {
	if s.n < len(s.offs) {
		s.offs[s.n] = off
	} else {
		s.more = append(s.more, off)
	}
	s.n++
}

func (s *spot) offset(k int) int {
	if k < len(s.offs) {
		return s.offs[k]
	}
	return s.more[k-len(s.offs)]
}

// tagKeyOf returns the tag key that v is about, when v is a violation of
// a tag key: at Tags (TagResource's tags), with the key as its value.
func tagKeyOf(v *cuerrors.Violation) (string, bool) {
	if v.Field.Len() != 1 || v.Field.String() != "Tags" && v.Field.String() != "tags" || v.Value.Truncated() {
		return "", false
	}
	s, ok := v.Value.Interface().(string)
	return s, ok
}

// locator walks a document along the paths it holds, recording the
// offsets at which each of them occurs.
type locator struct {
	d decoder
	// paths holds the rendered path of every member a violation names,
	// and of each of their ancestors; spots[i] is where paths[i] occurs.
	// A document has few violations: paths is searched in order, and
	// through at, a map, once it is long (a hostile document).
	paths []string
	at    map[string]int32
	spots []spot
	// keys maps the tag keys that violations name to their spots in
	// keySpots.
	keys     map[string]int32
	keySpots []spot
	path     []byte // the rendered path of the value being read
}

// linearPaths is the number of paths up to which a look-up goes through
// the list rather than a map.
const linearPaths = 32

// find returns the index of path p.
func (l *locator) find(p string) (int32, bool) {
	if l.at != nil {
		i, ok := l.at[p]
		return i, ok
	}
	for i, q := range l.paths {
		if q == p {
			return int32(i), true
		}
	}
	return 0, false
}

// findRendered is find for the path being read, without making a string
// of it.
func (l *locator) findRendered() (int32, bool) {
	if l.at != nil {
		i, ok := l.at[string(l.path)]
		return i, ok
	}
	for i, q := range l.paths {
		if q == string(l.path) {
			return int32(i), true
		}
	}
	return 0, false
}

// add makes a spot for path p, once.
func (l *locator) add(p string) {
	if _, ok := l.find(p); ok {
		return
	}
	l.paths = append(l.paths, p)
	l.spots = append(l.spots, spot{})
	if l.at != nil {
		l.at[p] = int32(len(l.paths) - 1)
	} else if len(l.paths) > linearPaths {
		l.at = make(map[string]int32, 2*len(l.paths))
		for i, q := range l.paths {
			l.at[q] = int32(i)
		}
	}
}

func (l *locator) document() {
	l.d.ws()
	root, _ := l.find("")
	l.spots[root].record(l.d.pos)
	l.value()
}

// visit records that the member or element at l.path starts at start and
// reads its value: into it when a violation's path leads there, past it
// otherwise.
func (l *locator) visit(start int) {
	i, ok := l.findRendered()
	if !ok {
		l.d.skipValue(at{})
		return
	}
	l.spots[i].record(start)
	l.value()
}

// value reads the value at d.pos, descending into an object or a list.
func (l *locator) value() {
	switch l.d.ws() {
	case '{':
		l.object()
	case '[':
		l.list()
	default:
		l.d.skipValue(at{})
	}
}

func (l *locator) object() {
	d := &l.d
	d.open()
	base := len(l.path)
	tags := string(l.path) == "Tags" || string(l.path) == "tags" // TagResource's
	for first := true; !d.out.fatal; first = false {
		c := d.ws()
		if c == '}' {
			d.pos++
			d.depth--
			return
		}
		if !first {
			if c != ',' {
				return
			}
			d.pos++
			c = d.ws()
		}
		if c != '"' {
			return
		}
		start := d.pos
		name, _, ok := d.str()
		if !ok || d.ws() != ':' {
			return
		}
		d.pos++
		if tags {
			if i, ok := l.keys[string(name)]; ok {
				l.keySpots[i].record(start)
			}
			l.path = append(l.path, '[')
			l.path = append(l.path, name...)
			l.path = append(l.path, ']')
		} else {
			if base > 0 {
				l.path = append(l.path, '.')
			}
			l.path = append(l.path, name...)
		}
		l.visit(start)
		l.path = l.path[:base]
	}
}

func (l *locator) list() {
	d := &l.d
	d.open()
	base := len(l.path)
	for i := 0; !d.out.fatal; i++ {
		c := d.ws()
		if c == ']' {
			d.pos++
			d.depth--
			return
		}
		if i > 0 {
			if c != ',' {
				return
			}
			d.pos++
			d.ws()
		}
		l.path = append(l.path, '[')
		l.path = strconv.AppendInt(l.path, int64(i), 10)
		l.path = append(l.path, ']')
		l.visit(d.pos)
		l.path = l.path[:base]
	}
}
