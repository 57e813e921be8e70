package user

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"

	"github.com/connectkit/createuser/channel"
	cuerrors "github.com/connectkit/createuser/errors"
	"github.com/connectkit/createuser/identity"
)

// FuzzValidate checks the rule engine on typed requests built from the
// fuzzer's bytes (fuzzInput): every member, absent or present, lists of
// any length (past MaxCheckedElements too), any string (invalid UTF-8,
// NUL, 60,000 bytes), under every identity management type. Properties:
// no panic; every violation within the catalog (a known code, a severity,
// a rule of user.Rules() that applies under the type, no value for a
// sensitive member) at a path of the request's shape, Related too; the
// same list again, from the same request and from a deep copy; the
// request unchanged; and, when every string is UTF-8, the same list as
// ValidateDocument gives for the request's JSON encoding, so that the
// typed and the document path cannot drift apart.
//
// The seeds are every request of the rule tables, the fixtures, and the
// requests read from the decoder's table documents and the shipped
// examples, each encoded with fuzzEncode.
func FuzzValidate(f *testing.F) {
	for _, in := range fuzzSeedRequests(f) {
		f.Add(fuzzEncode(in))
	}
	types := append(identity.Types(), identity.Unknown)
	f.Fuzz(func(t *testing.T, data []byte) {
		in := fuzzInput(data)
		encoded := fuzzEncode(in)
		valid := fuzzAllUTF8(in)
		var doc []byte
		if valid {
			var err error
			if doc, err = json.Marshal(in); err != nil {
				t.Fatal(err)
			}
		}
		for _, typ := range types {
			v := NewValidator(WithIdentityManagement(typ), WithMaxDocumentSize(0))
			got := v.Validate(in)
			checkCatalog(t, "Validate under "+typ.String(), typ, got)
			checkShape(t, "Validate under "+typ.String(), got)
			checkViolations(t, typ, got)
			if again := v.Validate(in); !sameViolations(got, again) {
				t.Fatalf("under %s a second run differs:\n%s", typ, cmp.Diff(got, again, violationsEqual...))
			}
			if copied := v.Validate(in.Clone()); !sameViolations(got, copied) {
				t.Fatalf("under %s a deep copy gives another list:\n%s", typ, cmp.Diff(got, copied, violationsEqual...))
			}
			if !valid {
				continue
			}
			_, fromDoc := v.ValidateDocument(doc)
			if !sameViolations(got, fromDoc) {
				t.Fatalf("under %s the JSON encoding gives another list (-Validate +ValidateDocument):\n%s\n%s", typ, cmp.Diff(got, fromDoc, violationsEqual...), doc)
			}
		}
		if !bytes.Equal(encoded, fuzzEncode(in)) {
			t.Fatalf("Validate changed the request")
		}
	})
}

// sameViolations reports whether a and b hold the same violations in the
// same order, every member compared (cmp.Equal with violationsEqual says
// the same, slower).
func sameViolations(a, b cuerrors.List) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		x, y := &a[i], &b[i]
		if !x.Field.Equal(y.Field) || x.Code != y.Code || x.Severity != y.Severity || x.Rule != y.Rule ||
			x.Message != y.Message || x.Value != y.Value || len(x.Related) != len(y.Related) {
			return false
		}
		for j := range x.Related {
			if !x.Related[j].Equal(y.Related[j]) {
				return false
			}
		}
	}
	return true
}

// fuzzAllUTF8 reports whether every string of in is valid UTF-8, so that
// its JSON encoding (which writes U+FFFD for invalid bytes) is exact.
func fuzzAllUTF8(in *CreateUserInput) bool {
	ok := true
	s := func(v string) { ok = ok && utf8.ValidString(v) }
	p := func(v *identity.Secret) {
		if v != nil {
			s(string(*v))
		}
	}
	s(in.InstanceId)
	s(in.Username)
	s(in.RoutingProfileId)
	p(in.Password)
	if i := in.IdentityInfo; i != nil {
		p(i.FirstName)
		p(i.LastName)
		p(i.Email)
		p(i.SecondaryEmail)
		p(i.Mobile)
	}
	if pc := in.PhoneConfig; pc != nil {
		if pc.PhoneType != nil {
			s(string(*pc.PhoneType))
		}
		p(pc.DeskPhoneNumber)
	}
	if in.DirectoryUserId != nil {
		s(*in.DirectoryUserId)
	}
	if in.HierarchyGroupId != nil {
		s(*in.HierarchyGroupId)
	}
	for _, id := range in.SecurityProfileIds {
		s(id)
	}
	for _, e := range in.AutoAcceptConfigs {
		s(string(e.Channel))
	}
	for _, e := range in.AfterContactWorkConfigs {
		s(string(e.Channel))
	}
	for _, e := range in.PhoneNumberConfigs {
		s(string(e.Channel))
		s(string(e.PhoneType))
		p(e.PhoneNumber)
	}
	for _, e := range in.PersistentConnectionConfigs {
		s(string(e.Channel))
	}
	for _, e := range in.VoiceEnhancementConfigs {
		s(string(e.Channel))
		s(string(e.VoiceEnhancementMode))
	}
	for k, v := range in.Tags {
		s(k)
		s(v)
	}
	return ok
}

// The fuzzer's bytes are read as a request, member by member in the order
// of CreateUserInput, by fuzzReader; fuzzEncode writes a request in the
// same form, for the seeds. Past the end of the bytes every read gives
// zero, so any bytes make a request.
//
//	request  = flags(2 bytes) InstanceId Username [Password] [IdentityInfo]
//	           [PhoneConfig] [DirectoryUserId] [SecurityProfileIds]
//	           RoutingProfileId [HierarchyGroupId] [lists...] [Tags]
//	string   = n(1 byte < fuzzLongString) n bytes
//	         | fuzzLongString n(2 bytes) n bytes
//	         | d(1 byte >= fuzzDictionaryBase): fuzzDictionary[d-base]
//	integer  = i(1 byte >= 0x80): fuzzIntegers[i-0x80] | 0x00 8 bytes
//	count    = c(1 byte < 0xF0): c | c(>= 0xF0): (c-0xEF) x 50 (past the limit)
//
// A flag bit says whether each optional member is present; each object
// starts with a byte of presence bits and boolean values.
const (
	fuzzLongString     = 0xDF
	fuzzDictionaryBase = 0xE0
)

// fuzzDictionary holds strings the rules care about, one byte each.
var fuzzDictionary = [256 - fuzzDictionaryBase]string{
	"", "VOICE", "CHAT", "TASK", "EMAIL", "SOFT_PHONE", "DESK_PHONE", "VOICE_ISOLATION",
	"NOISE_SUPPRESSION", "NONE", "agent1", "mary@example.com", "+15555551212", "Passw0rdExample", "Mary", "aws:team",
	"arn:aws:connect:us-west-2:123456789012:instance/a1b2c3d4/security-profile/p-1", "p-1",
	"a1b2c3d4-5678-90ab-cdef-EXAMPLE11111", "Jose\u0301", strings.Repeat("x", 101), strings.Repeat("é", 257),
	"\xff", "a\x00b", "ab\tc", "alias@id@org", "ä", strings.Repeat("k", 129), "AWS:x", "\ud7ff", "+0", "UNKNOWN",
}

// fuzzIntegers holds the integers the rules care about, one byte each.
var fuzzIntegers = []int64{0, 1, 60, 2_000_000, 2_000_001, -1, math.MaxInt32, math.MaxInt32 + 1, math.MinInt32 - 1, math.MaxInt64, math.MinInt64, 30}

// fuzzInputFlags name the bits of the request's flags.
const (
	ffPassword = 1 << iota
	ffIdentityInfo
	ffPhoneConfig
	ffDirectoryUserID
	ffSecurityProfileIDs
	ffHierarchyGroupID
	ffAutoAccept
	ffACW
	ffPhoneNumbers
	ffPersistent
	ffVoice
	ffTags
)

type fuzzReader struct {
	data []byte
	pos  int
}

func (r *fuzzReader) byte() byte {
	if r.pos >= len(r.data) {
		return 0
	}
	b := r.data[r.pos]
	r.pos++
	return b
}

func (r *fuzzReader) bytes(n int) []byte {
	end := min(r.pos+n, len(r.data))
	b := r.data[r.pos:end]
	r.pos = end
	return b
}

func (r *fuzzReader) str() string {
	n := int(r.byte())
	switch {
	case n >= fuzzDictionaryBase:
		return fuzzDictionary[n-fuzzDictionaryBase]
	case n == fuzzLongString:
		n = int(r.byte())<<8 | int(r.byte())
	}
	return string(r.bytes(n))
}

func (r *fuzzReader) secret() *identity.Secret { return new(identity.Secret(r.str())) }

func (r *fuzzReader) integer() int64 {
	b := r.byte()
	if b >= 0x80 {
		return fuzzIntegers[int(b-0x80)%len(fuzzIntegers)]
	}
	var buf [8]byte
	copy(buf[:], r.bytes(8))
	return int64(binary.BigEndian.Uint64(buf[:]))
}

func (r *fuzzReader) count() int {
	c := int(r.byte())
	if c >= 0xF0 {
		return (c - 0xEF) * 50
	}
	return c
}

// fuzzList reads a list of count elements, each by elem.
func fuzzList[T any](r *fuzzReader, elem func() T) []T {
	n := r.count()
	list := make([]T, n)
	for i := range list {
		list[i] = elem()
	}
	return list
}

// fuzzInput reads the request that data describes.
func fuzzInput(data []byte) *CreateUserInput {
	r := &fuzzReader{data: data}
	flags := int(r.byte()) | int(r.byte())<<8
	in := &CreateUserInput{InstanceId: r.str(), Username: r.str()}
	if flags&ffPassword != 0 {
		in.Password = r.secret()
	}
	if flags&ffIdentityInfo != 0 {
		g := r.byte()
		info := &identity.Info{}
		for bit, m := range []**identity.Secret{&info.FirstName, &info.LastName, &info.Email, &info.SecondaryEmail, &info.Mobile} {
			if g&(1<<bit) != 0 {
				*m = r.secret()
			}
		}
		in.IdentityInfo = info
	}
	if flags&ffPhoneConfig != 0 {
		g := r.byte()
		pc := &PhoneConfig{}
		if g&1 != 0 {
			pc.PhoneType = new(channel.PhoneType(r.str()))
		}
		if g&2 != 0 {
			pc.AutoAccept = new(g&0x20 != 0)
		}
		if g&4 != 0 {
			pc.AfterContactWorkTimeLimit = new(r.integer())
		}
		if g&8 != 0 {
			pc.DeskPhoneNumber = r.secret()
		}
		if g&0x10 != 0 {
			pc.PersistentConnection = new(g&0x40 != 0)
		}
		in.PhoneConfig = pc
	}
	if flags&ffDirectoryUserID != 0 {
		in.DirectoryUserId = new(r.str())
	}
	if flags&ffSecurityProfileIDs != 0 {
		in.SecurityProfileIds = fuzzList(r, r.str)
	}
	in.RoutingProfileId = r.str()
	if flags&ffHierarchyGroupID != 0 {
		in.HierarchyGroupId = new(r.str())
	}
	if flags&ffAutoAccept != 0 {
		in.AutoAcceptConfigs = fuzzList(r, func() channel.AutoAcceptConfig {
			g := r.byte()
			e := channel.AutoAcceptConfig{Channel: channel.Channel(r.str())}
			if g&1 != 0 {
				e.AutoAccept = new(g&2 != 0)
			}
			if g&4 != 0 {
				e.AgentFirstCallbackAutoAccept = new(g&8 != 0)
			}
			return e
		})
	}
	if flags&ffACW != 0 {
		in.AfterContactWorkConfigs = fuzzList(r, func() channel.AfterContactWorkConfig {
			g := r.byte()
			e := channel.AfterContactWorkConfig{Channel: channel.Channel(r.str())}
			work := func(present, limit byte) *channel.AfterContactWork {
				if g&present == 0 {
					return nil
				}
				w := &channel.AfterContactWork{}
				if g&limit != 0 {
					w.AfterContactWorkTimeLimit = new(r.integer())
				}
				return w
			}
			e.AfterContactWorkConfig = work(1, 2)
			e.AgentFirstCallbackAfterContactWorkConfig = work(4, 8)
			return e
		})
	}
	if flags&ffPhoneNumbers != 0 {
		in.PhoneNumberConfigs = fuzzList(r, func() channel.PhoneNumberConfig {
			g := r.byte()
			e := channel.PhoneNumberConfig{Channel: channel.Channel(r.str()), PhoneType: channel.PhoneType(r.str())}
			if g&1 != 0 {
				e.PhoneNumber = r.secret()
			}
			return e
		})
	}
	if flags&ffPersistent != 0 {
		in.PersistentConnectionConfigs = fuzzList(r, func() channel.PersistentConnectionConfig {
			g := r.byte()
			e := channel.PersistentConnectionConfig{Channel: channel.Channel(r.str())}
			if g&1 != 0 {
				e.PersistentConnection = new(g&2 != 0)
			}
			return e
		})
	}
	if flags&ffVoice != 0 {
		in.VoiceEnhancementConfigs = fuzzList(r, func() channel.VoiceEnhancementConfig {
			return channel.VoiceEnhancementConfig{Channel: channel.Channel(r.str()), VoiceEnhancementMode: channel.VoiceEnhancementMode(r.str())}
		})
	}
	if flags&ffTags != 0 {
		n := r.count()
		in.Tags = make(map[string]string, n)
		for range n {
			k := r.str()
			in.Tags[k] = r.str()
		}
	}
	return in
}

// fuzzWriter writes what fuzzReader reads.
type fuzzWriter struct{ b []byte }

func (w *fuzzWriter) byte(b byte) { w.b = append(w.b, b) }

func (w *fuzzWriter) str(s string) {
	for i, d := range fuzzDictionary {
		if d == s {
			w.byte(byte(fuzzDictionaryBase + i))
			return
		}
	}
	if len(s) < fuzzLongString {
		w.byte(byte(len(s)))
	} else {
		s = s[:min(len(s), math.MaxUint16)]
		w.b = append(w.b, fuzzLongString, byte(len(s)>>8), byte(len(s)))
	}
	w.b = append(w.b, s...)
}

func (w *fuzzWriter) secret(s *identity.Secret) { w.str(string(*s)) }

func (w *fuzzWriter) integer(n int64) {
	for i, x := range fuzzIntegers {
		if x == n {
			w.byte(byte(0x80 + i))
			return
		}
	}
	w.byte(0)
	w.b = binary.BigEndian.AppendUint64(w.b, uint64(n))
}

// count writes n, which fuzzReader reads back exactly below 0xF0.
func (w *fuzzWriter) count(n int) { w.byte(byte(min(n, 0xEF))) }

func bit(b bool, v byte) byte {
	if b {
		return v
	}
	return 0
}

// fuzzEncode writes in as fuzzInput reads it; lists longer than 239
// elements and strings longer than 65,535 bytes are cut.
func fuzzEncode(in *CreateUserInput) []byte {
	w := &fuzzWriter{}
	flags := 0
	set := func(b bool, f int) {
		if b {
			flags |= f
		}
	}
	set(in.Password != nil, ffPassword)
	set(in.IdentityInfo != nil, ffIdentityInfo)
	set(in.PhoneConfig != nil, ffPhoneConfig)
	set(in.DirectoryUserId != nil, ffDirectoryUserID)
	set(in.SecurityProfileIds != nil, ffSecurityProfileIDs)
	set(in.HierarchyGroupId != nil, ffHierarchyGroupID)
	set(in.AutoAcceptConfigs != nil, ffAutoAccept)
	set(in.AfterContactWorkConfigs != nil, ffACW)
	set(in.PhoneNumberConfigs != nil, ffPhoneNumbers)
	set(in.PersistentConnectionConfigs != nil, ffPersistent)
	set(in.VoiceEnhancementConfigs != nil, ffVoice)
	set(in.Tags != nil, ffTags)
	w.byte(byte(flags))
	w.byte(byte(flags >> 8))
	w.str(in.InstanceId)
	w.str(in.Username)
	if in.Password != nil {
		w.secret(in.Password)
	}
	if info := in.IdentityInfo; info != nil {
		members := []*identity.Secret{info.FirstName, info.LastName, info.Email, info.SecondaryEmail, info.Mobile}
		var g byte
		for i, m := range members {
			g |= bit(m != nil, 1<<i)
		}
		w.byte(g)
		for _, m := range members {
			if m != nil {
				w.secret(m)
			}
		}
	}
	if pc := in.PhoneConfig; pc != nil {
		g := bit(pc.PhoneType != nil, 1) | bit(pc.AutoAccept != nil, 2) | bit(pc.AfterContactWorkTimeLimit != nil, 4) |
			bit(pc.DeskPhoneNumber != nil, 8) | bit(pc.PersistentConnection != nil, 0x10) |
			bit(pc.AutoAccept != nil && *pc.AutoAccept, 0x20) | bit(pc.PersistentConnection != nil && *pc.PersistentConnection, 0x40)
		w.byte(g)
		if pc.PhoneType != nil {
			w.str(string(*pc.PhoneType))
		}
		if pc.AfterContactWorkTimeLimit != nil {
			w.integer(*pc.AfterContactWorkTimeLimit)
		}
		if pc.DeskPhoneNumber != nil {
			w.secret(pc.DeskPhoneNumber)
		}
	}
	if in.DirectoryUserId != nil {
		w.str(*in.DirectoryUserId)
	}
	if in.SecurityProfileIds != nil {
		w.count(len(in.SecurityProfileIds))
		for _, id := range in.SecurityProfileIds[:min(len(in.SecurityProfileIds), 0xEF)] {
			w.str(id)
		}
	}
	w.str(in.RoutingProfileId)
	if in.HierarchyGroupId != nil {
		w.str(*in.HierarchyGroupId)
	}
	if list := in.AutoAcceptConfigs; list != nil {
		w.count(len(list))
		for _, e := range list[:min(len(list), 0xEF)] {
			w.byte(bit(e.AutoAccept != nil, 1) | bit(e.AutoAccept != nil && *e.AutoAccept, 2) |
				bit(e.AgentFirstCallbackAutoAccept != nil, 4) | bit(e.AgentFirstCallbackAutoAccept != nil && *e.AgentFirstCallbackAutoAccept, 8))
			w.str(string(e.Channel))
		}
	}
	if list := in.AfterContactWorkConfigs; list != nil {
		w.count(len(list))
		for _, e := range list[:min(len(list), 0xEF)] {
			a, b := e.AfterContactWorkConfig, e.AgentFirstCallbackAfterContactWorkConfig
			w.byte(bit(a != nil, 1) | bit(a != nil && a.AfterContactWorkTimeLimit != nil, 2) |
				bit(b != nil, 4) | bit(b != nil && b.AfterContactWorkTimeLimit != nil, 8))
			w.str(string(e.Channel))
			for _, x := range []*channel.AfterContactWork{a, b} {
				if x != nil && x.AfterContactWorkTimeLimit != nil {
					w.integer(*x.AfterContactWorkTimeLimit)
				}
			}
		}
	}
	if list := in.PhoneNumberConfigs; list != nil {
		w.count(len(list))
		for _, e := range list[:min(len(list), 0xEF)] {
			w.byte(bit(e.PhoneNumber != nil, 1))
			w.str(string(e.Channel))
			w.str(string(e.PhoneType))
			if e.PhoneNumber != nil {
				w.secret(e.PhoneNumber)
			}
		}
	}
	if list := in.PersistentConnectionConfigs; list != nil {
		w.count(len(list))
		for _, e := range list[:min(len(list), 0xEF)] {
			w.byte(bit(e.PersistentConnection != nil, 1) | bit(e.PersistentConnection != nil && *e.PersistentConnection, 2))
			w.str(string(e.Channel))
		}
	}
	if list := in.VoiceEnhancementConfigs; list != nil {
		w.count(len(list))
		for _, e := range list[:min(len(list), 0xEF)] {
			w.str(string(e.Channel))
			w.str(string(e.VoiceEnhancementMode))
		}
	}
	if in.Tags != nil {
		keys := make([]string, 0, len(in.Tags))
		for k := range in.Tags {
			keys = append(keys, k)
		}
		keys = keys[:min(len(keys), 0xEF)]
		slices.Sort(keys) // so that a seed is the same bytes every run
		w.count(len(keys))
		for _, k := range keys {
			w.str(k)
			w.str(in.Tags[k])
		}
	}
	return w.b
}

// TestFuzzEncodeRoundTrip: fuzzInput reads back what fuzzEncode wrote, for
// every seed request, so that the seeds are the requests they stand for.
func TestFuzzEncodeRoundTrip(t *testing.T) {
	seeds := fuzzSeedRequests(t)
	if len(seeds) < 500 {
		t.Errorf("only %d seed requests", len(seeds))
	}
	for i, in := range seeds {
		if d := cmp.Diff(in, fuzzInput(fuzzEncode(in))); d != "" {
			t.Fatalf("seed %d does not read back (-written +read):\n%s", i, d)
		}
	}
	// Any bytes make a request, the empty ones the zero request.
	if d := cmp.Diff(&CreateUserInput{}, fuzzInput(nil)); d != "" {
		t.Errorf("fuzzInput(nil):\n%s", d)
	}
	if in := fuzzInput([]byte{0xff, 0xff, 0xff, 0xff}); len(in.SecurityProfileIds) != 0 || in.Tags == nil {
		t.Errorf("fuzzInput of four 0xff: %+v", in)
	}
}

// fuzzSeedRequests returns the seed requests: each case of the rule
// tables on the base request of each column, the fixtures, the frozen
// cases of the properties, and what the
// reader makes of the decoder's table documents and of the shipped
// examples. Requests longer than the encoding holds are left out.
func fuzzSeedRequests(tb testing.TB) []*CreateUserInput {
	var out []*CreateUserInput
	for _, table := range ruleTables {
		for _, tc := range table {
			for _, col := range ruleColumns {
				in := col.base()
				if tc.mutate != nil {
					tc.mutate(in)
				}
				out = append(out, in)
			}
		}
	}
	out = append(out, minimalRequest(), federatedRequest(), fullRequest(), fullRequestWithPhone(), tenViolations(), manyViolations(), &CreateUserInput{})
	for _, c := range propFrozenCases {
		out = append(out, c.in())
	}
	var docs [][]byte
	for _, cases := range [][]decCase{decSyntaxCases, decMemberCases, decTypeCases, decTagCases, decEncodingCases} {
		for _, tc := range cases {
			docs = append(docs, []byte(tc.doc))
		}
	}
	for _, pattern := range []string{"../examples/*/*.json", "../examples/*/*.jsonl"} {
		files, _ := filepath.Glob(pattern)
		for _, file := range files {
			data, err := os.ReadFile(file)
			if err != nil {
				tb.Fatal(err)
			}
			docs = append(docs, bytes.Split(data, []byte("\n"))...)
			docs = append(docs, data)
		}
	}
	for _, doc := range docs {
		if in, _ := Decode(doc); in != nil {
			out = append(out, in)
		}
	}
	kept := out[:0]
	for _, in := range out {
		if fuzzEncodable(in) {
			kept = append(kept, in)
		}
	}
	return kept
}

// fuzzEncodable reports whether fuzzEncode writes in exactly.
func fuzzEncodable(in *CreateUserInput) bool {
	j, _ := json.Marshal(in)
	if len(in.SecurityProfileIds) >= 0xEF || len(in.AutoAcceptConfigs) >= 0xEF || len(in.AfterContactWorkConfigs) >= 0xEF ||
		len(in.PhoneNumberConfigs) >= 0xEF || len(in.PersistentConnectionConfigs) >= 0xEF || len(in.VoiceEnhancementConfigs) >= 0xEF ||
		len(in.Tags) >= 0xEF || len(j) > math.MaxUint16 {
		return false
	}
	return true
}
