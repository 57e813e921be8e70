package user

import (
	"slices"
	"strings"

	cuerrors "github.com/connectkit/createuser/errors"
)

// decoded is what the document reader hands to the engine.
type decoded struct {
	// input is the request as far as it was read; never nil unless fatal.
	input *CreateUserInput
	// list holds the reading violations, in document order.
	list cuerrors.List
	// skip holds the paths of members that could not be read (wrong JSON
	// type, invalid UTF-8, null list elements): they and everything below
	// them take part in no other rule.
	skip []cuerrors.Path
	// fatal is set after a syntax error: no catalog rule is checked.
	fatal bool
	// lengths holds the real length of each list (and of Tags) that was
	// longer than the rules check; input holds its first entries.
	lengths lengths
	// extras holds the members of an update that CreateUser does not
	// have.
	extras extras
}

// decode reads a request document: one JSON object with the request's
// members (InstanceId among them), read strictly into the typed request.
//
// Member names are exact and case-sensitive; null means absent; a member
// that could not be read is left at its zero value and its path is added
// to skip. After a syntax error reading stops (fatal); the request read so
// far is kept, or nil when the document is not an object.
func decode(data []byte) decoded { return decodeAt(data, 1) }

// decodeAt reads a document that starts on line line of its source.
func decodeAt(data []byte, line int) decoded {
	d := decoder{data: data, line0: max(line, 1) - 1}
	d.document()
	return d.out
}

// document reads the whole document: one object and nothing after it.
func (d *decoder) document() {
	c := d.ws()
	switch {
	case d.pos >= len(d.data):
		d.report(rDocumentSyntax, cuerrors.Path{}, "the document is empty.")
		d.out.fatal = true
		return
	case c == 0xEF && len(d.data)-d.pos >= 3 && d.data[d.pos+1] == 0xBB && d.data[d.pos+2] == 0xBF:
		d.syntax("'{' (the document starts with a byte order mark, which JSON does not allow)")
		return
	case c == '{':
		in := new(CreateUserInput)
		d.out.input = in
		d.open()
		if d.op&^opCreate != 0 {
			d.readUpdate(in)
		} else {
			d.readInput(in)
		}
	default:
		// Not an object: still read it, so that broken JSON is reported
		// as such, then report its type.
		d.skipValue(at{})
		if d.out.fatal {
			return
		}
		if d.ws(); d.pos < len(d.data) {
			d.syntax("the end of the document after the first value")
			return
		}
		d.report(rDocumentType, cuerrors.Path{}, "expected an object, found "+kindOf(c)+".")
		d.out.fatal = true
		return
	}
	if d.out.fatal {
		return
	}
	if d.ws(); d.pos < len(d.data) {
		d.syntax("the end of the document after the request object")
	}
}

// at is where a value sits: the level of its parent (see
// decoder.frames) and how it hangs from it. Paths are built only when a
// violation is reported. An at holds no pointer but its name, so passing
// it around costs nothing.
type at struct {
	name  string // member name or tag key
	index int
	level uint8 // the parent is the object or list open at this level
	kind  atKind
}

type atKind uint8

const (
	atSelf  atKind = iota // the parent itself
	atChild               // parent.name
	atIndex               // parent[index]
	atKey                 // parent[name], a tag's value
)

// child is member name of the object open at level.
func child(level uint8, name string) at { return at{level: level, name: name, kind: atChild} }

// appendTo returns p extended by the step a takes from its parent.
func (a at) appendTo(p cuerrors.Path) cuerrors.Path {
	switch a.kind {
	case atChild:
		return p.Child(a.name)
	case atIndex:
		return p.Index(a.index)
	case atKey:
		return p.Key(a.name)
	}
	return p
}

// pathOf builds the path of a from the objects and lists open above it.
func (d *decoder) pathOf(a at) cuerrors.Path {
	var p cuerrors.Path
	for l := 1; l <= int(a.level); l++ {
		p = d.frames[l].appendTo(p)
	}
	return a.appendTo(p)
}

// push records a as the object or list now open one level below its
// parent, and returns that level, for the ats of its members or elements.
func (d *decoder) push(a at) uint8 {
	l := a.level + 1
	d.frames[l] = a
	return l
}

// report appends the violation of row r at p; a non-empty detail is added
// to the row's sentence. Past MaxReadingViolations it reports
// document.violations instead, once, and stops the reading (fatal); the
// violation it returns then is a scratch one that goes nowhere.
func (d *decoder) report(r ruleIndex, p cuerrors.Path, detail string) *cuerrors.Violation {
	if d.capped {
		d.scratch = cuerrors.Violation{}
		return &d.scratch
	}
	if len(d.out.list) >= MaxReadingViolations {
		d.capped, d.out.fatal = true, true
		d.out.list = append(d.out.list, violation(rDocumentTooManyViolations, cuerrors.Path{}))
		d.scratch = cuerrors.Violation{}
		return &d.scratch
	}
	v := violation(r, p)
	if detail != "" {
		v.Message = strings.TrimSuffix(v.Message, ".") + ": " + detail
	}
	d.out.list = append(d.out.list, v)
	return &d.out.list[len(d.out.list)-1]
}

// unreadable reports the value at a as one that could not be read (row r)
// and keeps its path out of every other rule.
func (d *decoder) unreadable(r ruleIndex, a at, detail string) {
	p := d.pathOf(a)
	d.report(r, p, detail)
	if !d.capped {
		d.out.skip = append(d.out.skip, p)
	}
}

// tooMany records that the limited member m, whose path is that of a,
// had n entries, more than the rules check, and reports it.
func (d *decoder) tooMany(m limited, a at, n int) {
	d.out.lengths[m] = n
	d.report(rLimitElements, d.pathOf(a), "").Value = cuerrors.IntValue(int64(n))
}

// wrongType skips the value at d.pos, whose JSON type is not the one
// wanted, and reports it at a.
func (d *decoder) wrongType(a at, want string) {
	found := kindOf(d.ws())
	if found == "" {
		d.syntax("a value (a string, number, object, list, true, false or null)")
		return
	}
	d.skipValue(a)
	if !d.out.fatal {
		d.unreadable(rDocumentType, a, "expected "+want+", found "+found+".")
	}
}

// once records that the member at bit of seen was read, reporting a
// duplicate when it already was, and returns a for the value's reader.
// The last value read wins, as with encoding/json.
func (d *decoder) once(seen *uint32, bit uint32, a at) at {
	if *seen&bit != 0 {
		d.report(rDocumentDuplicate, d.pathOf(a), "the last one is used.")
	} else {
		*seen |= bit
	}
	return a
}

// unknown reports a member that the object at p does not have, with the
// nearest name of members as a hint, and skips its value. The value is
// never shown: it could be personal data under a misspelled name.
func (d *decoder) unknown(level uint8, name []byte, members []string) {
	a := child(level, string(name))
	detail := ""
	if s := suggest(a.name, members); s != "" {
		detail = "did you mean " + s + "?"
	} else if level == 0 {
		if s := nestedMember(a.name); s != "" && slices.Contains(members, s[:strings.IndexByte(s, '.')]) {
			detail = "did you mean " + s + "?"
		}
	}
	d.report(rDocumentUnknown, d.pathOf(a), detail)
	d.skipValue(a)
}

// enter reads the start of an object or list value at a, whose opening
// byte is open ('{' or '['). It returns true after consuming the opening
// byte; false for null (absent), a value of another type (reported) or a
// syntax error.
func (d *decoder) enter(a at, open byte) bool {
	switch c := d.ws(); c {
	case open:
		d.open()
		return true
	case 'n':
		d.literal("null")
	default:
		if open == '{' {
			d.wrongType(a, "an object")
		} else {
			d.wrongType(a, "a list")
		}
	}
	return false
}

// text reads a string value at a. ok is false for null, for a value of
// another type and for invalid UTF-8 (both reported) and after a syntax
// error. The bytes are valid until the next string is read.
func (d *decoder) text(a at) (s []byte, ok bool) {
	switch c := d.ws(); c {
	case '"':
		s, valid, ok := d.str()
		if ok && !valid {
			d.unreadable(rDocumentEncoding, a, "")
			return nil, false
		}
		return s, ok
	case 'n':
		d.literal("null")
	default:
		d.wrongType(a, "a string")
	}
	return nil, false
}

// boolean reads true or false at a; ok is false for null and for a value
// of another type (reported).
func (d *decoder) boolean(a at) (v, ok bool) {
	switch c := d.ws(); c {
	case 't':
		return true, d.literal("true")
	case 'f':
		return false, d.literal("false")
	case 'n':
		d.literal("null")
	default:
		d.wrongType(a, "a boolean (true or false)")
	}
	return false, false
}

// integer reads an integer at a: a number without fraction or exponent.
// One too large for int64 is clamped, so that the range rule reports it;
// -0 is 0. ok is false for null and for a value of another type
// (reported).
func (d *decoder) integer(a at) (v int64, ok bool) {
	c := d.ws()
	if c == 'n' {
		d.literal("null")
		return 0, false
	}
	if kindOf(c) != "a number" {
		d.wrongType(a, "an integer")
		return 0, false
	}
	v, integer, ok := d.num()
	if ok && !integer {
		d.unreadable(rDocumentType, a, "expected an integer, found a number with a fraction or an exponent.")
		return 0, false
	}
	return v, ok
}

// suggest returns the member of names nearest to name: the same name in
// another letter case, else the nearest within three edits and half the
// length of name (so that "a" suggests nothing); "" when none is near.
func suggest(name string, names []string) string {
	for _, n := range names {
		if strings.EqualFold(n, name) {
			return n
		}
	}
	best, bestDist := "", min(3, len(name)/2)+1
	for _, n := range names {
		if dist := editDistance(name, n, bestDist-1); dist < bestDist {
			best, bestDist = n, dist
		}
	}
	return best
}

// editDistance returns the Levenshtein distance between a and b in bytes,
// or max+1 when it is more than max.
func editDistance(a, b string, max int) int {
	if len(a)-len(b) > max || len(b)-len(a) > max || len(a) > 64 {
		return max + 1
	}
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	if prev[len(b)] > max {
		return max + 1
	}
	return prev[len(b)]
}

// nestedMember returns "IdentityInfo.Email" for "Email" and the like: a
// top-level name that is a member of one of the nested objects.
func nestedMember(name string) string {
	for _, n := range identityInfoMembers {
		if n == name {
			return "IdentityInfo." + n
		}
	}
	for _, n := range phoneConfigMembers {
		if n == name {
			return "PhoneConfig." + n
		}
	}
	return ""
}
