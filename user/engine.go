package user

import (
	"slices"
	"sync"

	cuerrors "github.com/connectkit/createuser/errors"
	"github.com/connectkit/createuser/internal/pattern"
)

// The engine is one hand-written pass over the request that asks, member
// by member, every question of the catalog (catalog.go) and reports the
// answers by row. Paths, values and related paths are built only when a
// row fires, so a valid request costs no allocation.

// Limits of the catalog.
const (
	maxInstanceID       = 100
	maxUsername         = 100
	maxUsernameSAML     = 64
	maxUsernameDocument = 20
	minUsernameSAML     = 2
	minPassword         = 8
	maxPassword         = 64
	maxFirstName        = 255
	maxLastNameCM       = 256
	maxLastName         = 300
	maxEmail            = 265
	maxSecurityProfiles = 10
	maxTags             = 50
	maxTagKey           = 128
	maxTagValue         = 256
	maxTimeLimit        = 2_000_000
)

// Wire names used to build paths.
const (
	nameAutoAccept    = "AutoAcceptConfigs"
	nameACW           = "AfterContactWorkConfigs"
	namePhoneNumbers  = "PhoneNumberConfigs"
	namePersistent    = "PersistentConnectionConfigs"
	nameVoice         = "VoiceEnhancementConfigs"
	nameTimeLimit     = "AfterContactWorkTimeLimit"
	nameChannelMember = "Channel"
)

// checker carries one validation: the identity types it checks under, the
// members the reader could not read, and the violations found so far.
//
// It makes one pass. A valid request costs no allocation and no look-up of
// anything shared. Violations go either straight into the caller's list
// (AppendValidate) or, for a list of its own (Validate), into a pooled
// scratch list that is copied into one list of the right size at the end:
// a violation is large, and growing a list by appending costs two or three
// allocations and copies for ten violations. Related paths gather in the
// scratch too and end in one block.
type checker struct {
	modes modeSet
	skip  []cuerrors.Path
	out   cuerrors.List
	fresh bool     // the result is a new list (see above)
	s     *scratch // taken at the first violation that needs it
}

// scratch holds the violations and related paths of one validation while
// it runs.
type scratch struct {
	list    cuerrors.List
	related []cuerrors.Path
}

// maxPooledScratch is the largest scratch kept for the next validation
// (hostile input can make thousands of violations).
const maxPooledScratch = 256

var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

// check runs the whole catalog over in, appending to out. When fresh, the
// result is a new list, sized to fit, that starts with out's violations;
// otherwise the violations are appended to out as append does.
func (v *Validator) check(in *CreateUserInput, skip []cuerrors.Path, out cuerrors.List, fresh bool) cuerrors.List {
	modes := modeAll
	if v != nil && v.modes != 0 {
		modes = v.modes
	}
	c := checker{modes: modes, skip: skip, out: out, fresh: fresh}
	from := len(out)
	c.top(in)
	c.identityInfo(in.IdentityInfo)
	c.phoneConfig(in)
	c.directoryAndIDs(in)
	c.autoAcceptConfigs(in.AutoAcceptConfigs)
	c.afterContactWorkConfigs(in.AfterContactWorkConfigs)
	c.phoneNumberConfigs(in.PhoneNumberConfigs)
	c.persistentConnectionConfigs(in.PersistentConnectionConfigs)
	c.voiceEnhancementConfigs(in.VoiceEnhancementConfigs)
	c.tags(in.Tags, &pathTags)
	if c.s == nil {
		return c.out
	}
	return c.finish(from)
}

// take takes a scratch from the pool; a fresh validation moves what out
// already holds into it.
func (c *checker) take() {
	c.s = scratchPool.Get().(*scratch)
	if c.fresh {
		c.s.list = append(c.s.list[:0], c.out...)
		c.out = c.s.list
	}
}

// finish returns the result: for a fresh validation a copy of the scratch
// list of the right size; the related paths of the violations from index
// from on moved into one block of their own. The scratch goes back to the
// pool as it is: clearing it cost as much as the copy, and what it holds
// (paths, values of members that are not sensitive) lives only until the
// next validation overwrites it or the collector empties the pool.
func (c *checker) finish(from int) cuerrors.List {
	s, out := c.s, c.out
	if c.fresh {
		out = make(cuerrors.List, len(c.out))
		copy(out, c.out)
		s.list = c.out[:0]
	}
	if n := len(s.related); n > 0 {
		block := make([]cuerrors.Path, n)
		copy(block, s.related)
		s.related = s.related[:0]
		k := 0
		for i := from; i < len(out); i++ {
			if len(out[i].Related) > 0 {
				out[i].Related = block[k : k+1 : k+1] // its own capacity: appending to it copies
				k++
			}
		}
	}
	c.s = nil
	if cap(s.list) <= maxPooledScratch && cap(s.related) <= maxPooledScratch {
		scratchPool.Put(s)
	}
	return out
}

func (c *checker) skipped(p cuerrors.Path) bool {
	for i := range c.skip {
		if p.HasPrefix(c.skip[i]) {
			return true
		}
	}
	return false
}

// report appends the violation of row r at field, unless the reader could
// not read field (or a member above it).
func (c *checker) report(r ruleIndex, field cuerrors.Path, value cuerrors.Value) {
	if len(c.skip) > 0 && c.skipped(field) {
		return
	}
	c.add(r, field, value)
}

// add appends the violation of row r at field and returns it.
func (c *checker) add(r ruleIndex, field cuerrors.Path, value cuerrors.Value) *cuerrors.Violation {
	if c.fresh && c.s == nil {
		c.take()
	}
	row := &catalog[r]
	c.out = append(c.out, cuerrors.Violation{})
	v := &c.out[len(c.out)-1]
	v.Field, v.Code, v.Severity, v.Rule, v.Message, v.Value = field, row.Code, row.Severity, row.ID, row.Description, value
	return v
}

// reportRelated is report with the other member involved.
func (c *checker) reportRelated(r ruleIndex, field cuerrors.Path, value cuerrors.Value, related cuerrors.Path) {
	if len(c.skip) > 0 && (c.skipped(field) || c.skipped(related)) {
		return
	}
	if c.s == nil {
		c.take()
	}
	c.s.related = append(c.s.related, related)
	k := len(c.s.related)
	c.add(r, field, value).Related = c.s.related[k-1 : k : k] // finish moves it into the block
}

// text reports whether s is valid UTF-8. When it is not, it reports so at
// field: such a member takes part in no other rule, as in a document
// (the wire encoding would send U+FFFD in place of each invalid byte, a
// value the caller never wrote).
func (c *checker) text(s string, field cuerrors.Path) bool {
	if pattern.Text(s) {
		return true
	}
	c.report(rDocumentEncoding, field, cuerrors.Value{})
	return false
}

// hits collects the rows that fire on one member whose rules depend on the
// identity management type, before resolve decides what is reported.
type hits struct {
	r     [8]ruleIndex
	n     int
	modes modeSet // the checker's: a row that applies under none of them is left out
}

func (h *hits) add(r ruleIndex) {
	if h.n < len(h.r) && ruleModes[r]&h.modes != 0 {
		h.r[h.n] = r
		h.n++
	}
}

var modeList = [...]modeSet{modeCM, modeSAML, modeED}

// resolve reports the hits on one member under the checker's identity
// types. Under one type: the rows that apply to it; per code, an error
// hides a warning; an error-severity required hides every other code.
// Under Unknown: a code is reported only when every type reports it, with
// the mildest severity among them (so the report under Unknown is a subset
// of the report under each type).
func (c *checker) resolve(h *hits, field cuerrors.Path, value cuerrors.Value) {
	if h.n == 0 {
		return
	}
	for i := 0; i < h.n; i++ {
		code := catalog[h.r[i]].Code
		if slices.ContainsFunc(h.r[:i], func(r ruleIndex) bool { return catalog[r].Code == code }) {
			continue // this code was decided at its first hit
		}
		// Per type, the strongest row of this code; across types, the
		// mildest of those, and among equally mild rows the one most types
		// chose (its message names the limit that holds for most of them).
		var picks [len(modeList)]ruleIndex
		n, ok := 0, true
		for _, m := range modeList {
			if c.modes&m == 0 {
				continue
			}
			r, found := h.strongest(code, m)
			if !found || (code != cuerrors.CodeRequired && h.requiredError(m)) {
				ok = false
				break
			}
			picks[n] = r
			n++
		}
		chosen, have, votes := ruleIndex(0), false, 0
		for _, r := range picks[:n] {
			v := 0
			for _, q := range picks[:n] {
				if q == r {
					v++
				}
			}
			if !have || catalog[r].Severity < catalog[chosen].Severity || (catalog[r].Severity == catalog[chosen].Severity && v > votes) {
				chosen, have, votes = r, true, v
			}
		}
		if ok && have {
			c.report(chosen, field, value)
		}
	}
}

// strongest returns the hit with code that applies under m and has the
// highest severity.
func (h *hits) strongest(code cuerrors.Code, m modeSet) (ruleIndex, bool) {
	best, found := ruleIndex(0), false
	for _, r := range h.r[:h.n] {
		if catalog[r].Code != code || ruleModes[r]&m == 0 {
			continue
		}
		if !found || catalog[r].Severity > catalog[best].Severity {
			best, found = r, true
		}
	}
	return best, found
}

// requiredError reports whether an error-severity required hit applies
// under m.
func (h *hits) requiredError(m modeSet) bool {
	for _, r := range h.r[:h.n] {
		if catalog[r].Code == cuerrors.CodeRequired && catalog[r].Severity == cuerrors.SeverityError && ruleModes[r]&m != 0 {
			return true
		}
	}
	return false
}

var (
	pathInstanceID       = cuerrors.NewPath("InstanceId")
	pathUsername         = cuerrors.NewPath("Username")
	pathPassword         = cuerrors.NewPath("Password")
	pathIdentityInfo     = cuerrors.NewPath("IdentityInfo")
	pathPhoneConfig      = cuerrors.NewPath("PhoneConfig")
	pathDirectoryUserID  = cuerrors.NewPath("DirectoryUserId")
	pathSecurityProfiles = cuerrors.NewPath("SecurityProfileIds")
	pathRoutingProfileID = cuerrors.NewPath("RoutingProfileId")
	pathHierarchyGroupID = cuerrors.NewPath("HierarchyGroupId")
	pathTags             = cuerrors.NewPath("Tags")
	pathAutoAccept       = cuerrors.NewPath(nameAutoAccept)
	pathACW              = cuerrors.NewPath(nameACW)
	pathPhoneNumbers     = cuerrors.NewPath(namePhoneNumbers)
	pathPersistent       = cuerrors.NewPath(namePersistent)
	pathVoice            = cuerrors.NewPath(nameVoice)
)
