package user

import (
	"encoding/json"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"reflect"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/leanovate/gopter"
	"github.com/leanovate/gopter/gen"
	"github.com/leanovate/gopter/prop"

	cuerrors "github.com/connectkit/createuser/errors"
	"github.com/connectkit/createuser/identity"
	"github.com/connectkit/createuser/internal/pattern"
)

// Property tests of the rule engine (SPEC sections 2 to 4), one
// gopter.Properties per test. Each test logs its seed and the command that
// replays it:
//
//	go test ./user/ -run '^TestPropertyConflicts$' -gopter.seed=1234 -gopter.n=150
//
// -gopter.n (or CREATEUSER_PROPERTY_CASES) sets the number of cases per
// property, 150 by default; CI runs 10000. -gopter.seed (or
// CREATEUSER_PROPERTY_SEED) fixes the seed; without it the clock picks one.
// The environment variables also work with `go test ./...`, where a flag
// unknown to other packages would not. A failing property names the
// violated rule in its label and prints the shrunk counterexample as a Go
// literal, ready to freeze in properties_cases_test.go.

var (
	propSeedFlag  = flag.Int64("gopter.seed", 0, "seed of the property tests (0: CREATEUSER_PROPERTY_SEED, else the clock)")
	propCasesFlag = flag.Int("gopter.n", 0, "cases per property (0: CREATEUSER_PROPERTY_CASES, else 150)")
)

const propDefaultCases = 150

// propSeed returns the seed of this run: the flag, the environment, or the
// clock.
func propSeed(t testing.TB) int64 {
	if *propSeedFlag != 0 {
		return *propSeedFlag
	}
	if s := os.Getenv("CREATEUSER_PROPERTY_SEED"); s != "" {
		seed, err := strconv.ParseInt(s, 10, 64)
		if err != nil {
			t.Fatalf("CREATEUSER_PROPERTY_SEED=%q: %v", s, err)
		}
		return seed
	}
	return time.Now().UnixNano()
}

// propCases returns the number of cases per property.
func propCases(t testing.TB) int {
	if *propCasesFlag > 0 {
		return *propCasesFlag
	}
	if s := os.Getenv("CREATEUSER_PROPERTY_CASES"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 {
			t.Fatalf("CREATEUSER_PROPERTY_CASES=%q: want a positive integer", s)
		}
		return n
	}
	return propDefaultCases
}

// propProperties returns the one gopter.Properties of test t, seeded and
// sized as the flags say, and logs how to replay it.
func propProperties(t *testing.T) *gopter.Properties {
	t.Helper()
	seed, n := propSeed(t), propCases(t)
	params := gopter.DefaultTestParametersWithSeed(seed)
	params.MinSuccessfulTests = n
	params.Workers = 1 // one stream of values per seed
	t.Logf("gopter seed %d, %d cases per property; replay with: go test ./user/ -run '^%s$' -gopter.seed=%d -gopter.n=%d",
		seed, n, t.Name(), seed, n)
	return gopter.NewProperties(params)
}

// propRun runs the properties, reporting through t: each result is
// logged; a failure is an error that names the violated rule (the label)
// and shows the shrunk and the original arguments as Go literals.
func propRun(t *testing.T, props *gopter.Properties) {
	t.Helper()
	props.TestingRun(t, propReporter{t})
}

type propReporter struct{ t *testing.T }

func (r propReporter) ReportTestResult(name string, res *gopter.TestResult) {
	r.t.Helper()
	if res.Passed() {
		r.t.Logf("+ %s: passed %d cases", name, res.Succeeded)
		return
	}
	var b strings.Builder
	fmt.Fprintf(&b, "! %s: %v after %d passed cases\n", name, res.Status, res.Succeeded)
	for _, l := range res.Labels {
		fmt.Fprintf(&b, "violated: %s\n", l)
	}
	if res.Error != nil {
		fmt.Fprintf(&b, "error: %v\n%s\n", res.Error, res.ErrorStack)
	}
	for i, a := range res.Args {
		fmt.Fprintf(&b, "argument %d (after %d shrinks):\n%s\n", i, a.Shrinks, propGo(a.Arg))
		if a.Shrinks > 0 {
			fmt.Fprintf(&b, "argument %d as generated:\n%s\n", i, propGo(a.OrigArg))
		}
	}
	r.t.Error(b.String())
}

// propGo renders v as Go source in package user, so that a counterexample
// can be pasted as a table case. Unlike JSON it keeps absent apart from
// empty: nil lists and maps are left out, empty ones written as {}.
func propGo(v any) string {
	var b strings.Builder
	propGoValue(&b, reflect.ValueOf(v), 0)
	return b.String()
}

func propGoType(t reflect.Type) string {
	return strings.TrimPrefix(t.String(), "user.")
}

func propGoValue(b *strings.Builder, v reflect.Value, depth int) {
	indent := strings.Repeat("\t", depth)
	switch v.Kind() {
	case reflect.Invalid:
		b.WriteString("nil")
	case reflect.Pointer:
		switch {
		case v.IsNil():
			b.WriteString("nil")
		case v.Elem().Kind() == reflect.Struct:
			b.WriteByte('&')
			propGoValue(b, v.Elem(), depth)
		default:
			b.WriteString("new(")
			propGoScalar(b, v.Elem(), true)
			b.WriteByte(')')
		}
	case reflect.Struct:
		b.WriteString(propGoType(v.Type()) + "{")
		if v.IsZero() {
			b.WriteString("}")
			return
		}
		b.WriteString("\n")
		for i := range v.NumField() {
			f := v.Field(i)
			if f.IsZero() {
				continue
			}
			b.WriteString(indent + "\t" + v.Type().Field(i).Name + ": ")
			propGoValue(b, f, depth+1)
			b.WriteString(",\n")
		}
		b.WriteString(indent + "}")
	case reflect.Slice:
		b.WriteString(propGoType(v.Type()) + "{")
		structs := v.Type().Elem().Kind() == reflect.Struct
		for i := range v.Len() {
			switch {
			case structs:
				b.WriteString("\n" + indent + "\t")
				propGoValue(b, v.Index(i), depth+1)
				b.WriteString(",")
			case i > 0:
				b.WriteString(", ")
				fallthrough
			default:
				propGoValue(b, v.Index(i), depth+1)
			}
		}
		if structs && v.Len() > 0 {
			b.WriteString("\n" + indent)
		}
		b.WriteString("}")
	case reflect.Map:
		keys := v.MapKeys()
		sort.Slice(keys, func(i, j int) bool { return keys[i].String() < keys[j].String() })
		b.WriteString(propGoType(v.Type()) + "{")
		for i, k := range keys {
			if i > 0 {
				b.WriteString(", ")
			}
			propGoScalar(b, k, false)
			b.WriteString(": ")
			propGoScalar(b, v.MapIndex(k), false)
		}
		b.WriteString("}")
	default:
		propGoScalar(b, v, false)
	}
}

// propGoScalar writes a string, bool or integer; typed says whether a
// named or sized type must be spelled out (as in new(int64(0))).
func propGoScalar(b *strings.Builder, v reflect.Value, typed bool) {
	var lit string
	switch v.Kind() {
	case reflect.String:
		lit = strconv.Quote(v.String())
		if s := v.String(); len(s) > 16 && strings.Count(s, s[:1]) == len(s) {
			lit = fmt.Sprintf("strings.Repeat(%q, %d)", s[:1], len(s))
		}
	case reflect.Bool:
		lit = strconv.FormatBool(v.Bool())
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		lit = strconv.FormatInt(v.Int(), 10)
	default:
		lit = fmt.Sprintf("%#v", v.Interface())
	}
	if typed && (v.Type().Name() != "string" && v.Type().Name() != "bool" && v.Type().Name() != "int") {
		lit = propGoType(v.Type()) + "(" + lit + ")"
	}
	b.WriteString(lit)
}

// propSameList compares violation lists exactly: order, paths, codes,
// severities, rules, messages, related paths and values.
var propSameList = cmp.Options{
	cmp.Comparer(func(a, b cuerrors.Path) bool { return a.Equal(b) }),
	cmp.Comparer(func(a, b cuerrors.Value) bool { return a == b }),
}

// propListDiff returns "" when a and b are identical lists, and their
// difference otherwise. reflect.DeepEqual is the fast path: lists built
// the same way are equal in representation too.
func propListDiff(a, b cuerrors.List) string {
	if reflect.DeepEqual(a, b) {
		return ""
	}
	if d := cmp.Diff(a, b, propSameList); d != "" {
		return d
	}
	return ""
}

// propSummary renders violations as "field code severity [rule]" lines,
// for labels.
func propSummary(l cuerrors.List) string {
	if len(l) == 0 {
		return "(none)"
	}
	parts := make([]string, len(l))
	for i := range l {
		parts[i] = propKey(&l[i])
	}
	return strings.Join(parts, "; ")
}

func propKey(v *cuerrors.Violation) string {
	return fmt.Sprintf("%s %s %s [%s]", v.Field, v.Code, v.Severity, v.Rule)
}

// --- a. PhoneConfig conflicts ----------------------------------------------

// propConflict is one of the five PhoneConfig members that must not be set
// together with a channel-specific list.
type propConflict struct {
	rule   string // the catalog rule, for the label
	member string // the PhoneConfig member's path
	list   string // the list's path, the violation's related path
	set    func(*PhoneConfig) bool
	listOf func(*CreateUserInput) int
}

var propConflicts = []propConflict{
	{"phone-config.auto-accept.conflict", "PhoneConfig.AutoAccept", "AutoAcceptConfigs",
		func(pc *PhoneConfig) bool { return pc.AutoAccept != nil },
		func(in *CreateUserInput) int { return len(in.AutoAcceptConfigs) }},
	{"phone-config.after-contact-work-time-limit.conflict", "PhoneConfig.AfterContactWorkTimeLimit", "AfterContactWorkConfigs",
		func(pc *PhoneConfig) bool { return pc.AfterContactWorkTimeLimit != nil },
		func(in *CreateUserInput) int { return len(in.AfterContactWorkConfigs) }},
	{"phone-config.phone-type.conflict", "PhoneConfig.PhoneType", "PhoneNumberConfigs",
		func(pc *PhoneConfig) bool { return pc.PhoneType != nil },
		func(in *CreateUserInput) int { return len(in.PhoneNumberConfigs) }},
	{"phone-config.desk-phone-number.conflict", "PhoneConfig.DeskPhoneNumber", "PhoneNumberConfigs",
		func(pc *PhoneConfig) bool { return pc.DeskPhoneNumber != nil },
		func(in *CreateUserInput) int { return len(in.PhoneNumberConfigs) }},
	{"phone-config.persistent-connection.conflict", "PhoneConfig.PersistentConnection", "PersistentConnectionConfigs",
		func(pc *PhoneConfig) bool { return pc.PersistentConnection != nil },
		func(in *CreateUserInput) int { return len(in.PersistentConnectionConfigs) }},
}

// propCheckConflict states property a for one conflict c: under any
// identity type, the violations with code conflict at c.member number
// exactly one when the PhoneConfig member is set (non-nil, whatever its
// value: false, 0 and "" included) and c.list is non-empty, and zero
// otherwise (an absent or empty list is not set); the one violation has
// related = [c.list]. It returns "" or the label of the violation.
func propCheckConflict(c propConflict, t identity.Type, in *CreateUserInput) string {
	both := in.PhoneConfig != nil && c.set(in.PhoneConfig) && c.listOf(in) > 0
	l := Validate(in, WithIdentityManagement(t))
	var got []*cuerrors.Violation
	for i := range l {
		if l[i].Code == cuerrors.CodeConflict && l[i].Field.String() == c.member {
			got = append(got, &l[i])
		}
	}
	switch {
	case both && len(got) != 1:
		return fmt.Sprintf("%s: %s and a non-empty %s are both set, want 1 conflict at %s, got %d (under %v: %s)",
			c.rule, c.member, c.list, c.member, len(got), t, propSummary(l))
	case !both && len(got) != 0:
		return fmt.Sprintf("%s: %s and %s are not both set, want no conflict at %s, got %d (under %v: %s)",
			c.rule, c.member, c.list, c.member, len(got), t, propSummary(l))
	case both:
		if rel := got[0].Related; len(rel) != 1 || rel[0].String() != c.list {
			return fmt.Sprintf("%s: conflict at %s has related %v, want [%s]", c.rule, c.member, rel, c.list)
		}
	}
	return ""
}

func TestPropertyConflicts(t *testing.T) {
	props := propProperties(t)
	for _, c := range propConflicts {
		var both, other atomic.Int64
		props.Property(c.rule, prop.ForAll(func(id identity.Type, in *CreateUserInput) string {
			if in.PhoneConfig != nil && c.set(in.PhoneConfig) && c.listOf(in) > 0 {
				both.Add(1)
			} else {
				other.Add(1)
			}
			return propCheckConflict(c, id, in)
		}, propIdentityType(), propArbitraryInput()))
		t.Cleanup(func() {
			// Not vacuous: both outcomes occurred (the counts include
			// shrinking steps).
			t.Logf("%s: %d cases with both sides set, %d without", c.rule, both.Load(), other.Load())
			if both.Load() == 0 || other.Load() == 0 {
				t.Errorf("%s: the generator never set both sides, or always did: %d / %d", c.rule, both.Load(), other.Load())
			}
		})
	}
	propRun(t, props)
}

// --- b. Order independence -------------------------------------------------

// propListPath matches a path inside one of propLists: the list, the
// index, and the rest.
var propListPath = regexp.MustCompile(`^(SecurityProfileIds|AutoAcceptConfigs|AfterContactWorkConfigs|PhoneNumberConfigs|PersistentConnectionConfigs|VoiceEnhancementConfigs)\[(\d+)\](.*)$`)

// propPermutation is a permutation of each list of a request: the
// permuted list's element j is the original's element perm[list][j].
type propPermutation map[string][]int

// propPermute returns a deep copy of in with every list permuted as drawn
// from seed, and Tags rebuilt by inserting its keys in another order.
func propPermute(in *CreateUserInput, seed int64) (*CreateUserInput, propPermutation) {
	r := rand.New(rand.NewPCG(uint64(seed), 0x5eed))
	out := in.Clone()
	perm := propPermutation{}
	shuffle := func(name string, n int, swap func(i, j int)) {
		p := make([]int, n)
		for i := range p {
			p[i] = i
		}
		r.Shuffle(n, func(i, j int) { p[i], p[j] = p[j], p[i]; swap(i, j) })
		perm[name] = p
	}
	shuffle("SecurityProfileIds", len(out.SecurityProfileIds), func(i, j int) {
		out.SecurityProfileIds[i], out.SecurityProfileIds[j] = out.SecurityProfileIds[j], out.SecurityProfileIds[i]
	})
	shuffle("AutoAcceptConfigs", len(out.AutoAcceptConfigs), func(i, j int) {
		out.AutoAcceptConfigs[i], out.AutoAcceptConfigs[j] = out.AutoAcceptConfigs[j], out.AutoAcceptConfigs[i]
	})
	shuffle("AfterContactWorkConfigs", len(out.AfterContactWorkConfigs), func(i, j int) {
		out.AfterContactWorkConfigs[i], out.AfterContactWorkConfigs[j] = out.AfterContactWorkConfigs[j], out.AfterContactWorkConfigs[i]
	})
	shuffle("PhoneNumberConfigs", len(out.PhoneNumberConfigs), func(i, j int) {
		out.PhoneNumberConfigs[i], out.PhoneNumberConfigs[j] = out.PhoneNumberConfigs[j], out.PhoneNumberConfigs[i]
	})
	shuffle("PersistentConnectionConfigs", len(out.PersistentConnectionConfigs), func(i, j int) {
		out.PersistentConnectionConfigs[i], out.PersistentConnectionConfigs[j] = out.PersistentConnectionConfigs[j], out.PersistentConnectionConfigs[i]
	})
	shuffle("VoiceEnhancementConfigs", len(out.VoiceEnhancementConfigs), func(i, j int) {
		out.VoiceEnhancementConfigs[i], out.VoiceEnhancementConfigs[j] = out.VoiceEnhancementConfigs[j], out.VoiceEnhancementConfigs[i]
	})
	out.Tags = propReinsertTags(in.Tags, r)
	return out, perm
}

// propReinsertTags rebuilds tags by inserting its keys in a shuffled
// order (nil stays nil, empty stays empty).
func propReinsertTags(tags map[string]string, r *rand.Rand) map[string]string {
	if tags == nil {
		return nil
	}
	keys := make([]string, 0, len(tags))
	for k := range tags {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	r.Shuffle(len(keys), func(i, j int) { keys[i], keys[j] = keys[j], keys[i] })
	out := make(map[string]string, len(keys))
	for _, k := range keys {
		out[k] = tags[k]
	}
	return out
}

// forward maps a path of the original request to the same member of the
// permuted one: L[i]... becomes L[j]... where perm[L][j] = i.
func (p propPermutation) forward(path string) string {
	m := propListPath.FindStringSubmatch(path)
	if m == nil {
		return path
	}
	i, _ := strconv.Atoi(m[2])
	j := slices.Index(p[m[1]], i)
	return m[1] + "[" + strconv.Itoa(j) + "]" + m[3]
}

// propStrip removes the index from a path inside a permuted list.
func propStrip(path string) string {
	if m := propListPath.FindStringSubmatch(path); m != nil {
		return m[1] + "[]" + m[3]
	}
	return path
}

// propDuplicateKey is what makes a duplicate a duplicate: the channel, or
// the security profile id an ARN stands for.
func propDuplicateKey(v *cuerrors.Violation) string {
	s, _ := v.Value.Interface().(string)
	if strings.HasPrefix(v.Field.String(), "SecurityProfileIds") {
		return pattern.ARNID(s)
	}
	return s
}

func propRelated(v *cuerrors.Violation, mapPath func(string) string) string {
	rel := make([]string, len(v.Related))
	for i, r := range v.Related {
		rel[i] = mapPath(r.String())
	}
	return strings.Join(rel, ",")
}

// propMultiset counts keys.
type propMultiset map[string]int

func (m propMultiset) diff(other propMultiset) string {
	var out []string
	for k, n := range m {
		if other[k] != n {
			out = append(out, fmt.Sprintf("%q: %d before, %d after", k, n, other[k]))
		}
	}
	for k, n := range other {
		if _, ok := m[k]; !ok {
			out = append(out, fmt.Sprintf("%q: 0 before, %d after", k, n))
		}
	}
	sort.Strings(out)
	return strings.Join(out, "; ")
}

// propCheckOrder states property b. Let in' be in with every list
// (SecurityProfileIds and the five channel-specific lists) permuted and
// Tags rebuilt in another insertion order, and compare Validate(in) with
// Validate(in') under identity type t:
//
//  1. the multisets of (code, severity, rule) are equal;
//  2. the violations that are not duplicates correspond one to one, each
//     at the same member: the multisets of (field, code, severity, rule,
//     value, related) are equal once the original's paths are mapped
//     through the permutation (L[i] becomes L[j] where in'.L[j] = in.L[i]);
//  3. duplicates are positional (reported at the later occurrence, related
//     = the first), so they are compared without indexes: the multisets of
//     (field without indexes, code, severity, rule, what is duplicated (the
//     channel, or the id an ARN stands for), related without indexes) are
//     equal;
//  4. rebuilding Tags alone in another insertion order gives an identical
//     list, order and messages included.
func propCheckOrder(t identity.Type, in *CreateUserInput, seed int64) string {
	v := NewValidator(WithIdentityManagement(t))
	before := v.Validate(in)
	permuted, perm := propPermute(in, seed)
	after := v.Validate(permuted)

	codes := [2]propMultiset{{}, {}}
	fixed := [2]propMultiset{{}, {}}
	dups := [2]propMultiset{{}, {}}
	for side, l := range [2]cuerrors.List{before, after} {
		mapPath := func(s string) string { return s }
		if side == 0 {
			mapPath = perm.forward
		}
		for i := range l {
			x := &l[i]
			codes[side][fmt.Sprintf("%s %s %s", x.Code, x.Severity, x.Rule)]++
			if x.Code == cuerrors.CodeDuplicate {
				dups[side][fmt.Sprintf("%s %s %s %s %q related %s", propStrip(x.Field.String()), x.Code, x.Severity, x.Rule,
					propDuplicateKey(x), propRelated(x, propStrip))]++
				continue
			}
			fixed[side][fmt.Sprintf("%s %s %s %s value %s related %s", mapPath(x.Field.String()), x.Code, x.Severity, x.Rule,
				x.Value, propRelated(x, mapPath))]++
		}
	}
	if d := codes[0].diff(codes[1]); d != "" {
		return "order: (code, severity, rule) changed when lists were permuted: " + d
	}
	if d := fixed[0].diff(fixed[1]); d != "" {
		return fmt.Sprintf("order: violations did not follow their elements through the permutation %v: %s", perm, d)
	}
	if d := dups[0].diff(dups[1]); d != "" {
		return "order: duplicates changed when lists were permuted: " + d
	}
	retagged := in.Clone()
	retagged.Tags = propReinsertTags(in.Tags, rand.New(rand.NewPCG(uint64(seed), 0x7a65)))
	if d := cmp.Diff(before, v.Validate(retagged), propSameList); d != "" {
		return "order: tags.*: the list changed when Tags was rebuilt in another insertion order:\n" + d
	}
	return ""
}

func TestPropertyOrderIndependence(t *testing.T) {
	props := propProperties(t)
	props.Property("permuting lists and reinserting tags", prop.ForAll(propCheckOrder,
		propIdentityType(), propArbitraryInput(), gen.Int64()))
	propRun(t, props)
}

// --- c. JSON round trip of valid requests ----------------------------------

// propCheckRoundTrip states property c for a request valid under its
// identity type: Validate reports nothing; json.Marshal then
// encoding/json.Unmarshal into a CreateUserInput gives a request equal to
// it (go-cmp, absent and empty kept apart) that Validate also finds valid;
// the HTTP body (Body) read back is the request without InstanceId; and
// the library's own reader, ValidateDocument, reports nothing on the
// document and returns an equal request.
func propCheckRoundTrip(c propValidCase) string {
	opt := WithIdentityManagement(c.Identity)
	if l := Validate(c.In, opt); len(l) > 0 {
		return fmt.Sprintf("valid request: a generated valid request has violations under %v: %s", c.Identity, propSummary(l))
	}
	doc, err := json.Marshal(c.In)
	if err != nil {
		return "json: Marshal: " + err.Error()
	}
	var back CreateUserInput
	if err := json.Unmarshal(doc, &back); err != nil {
		return "json: Unmarshal: " + err.Error()
	}
	if d := cmp.Diff(c.In, &back); d != "" {
		return "json: the request changed through json.Marshal and json.Unmarshal (-before +after):\n" + d
	}
	if l := Validate(&back, opt); len(l) > 0 {
		return fmt.Sprintf("json: the request read back by encoding/json has violations under %v: %s", c.Identity, propSummary(l))
	}
	body, err := c.In.Body()
	if err != nil {
		return "body: Body: " + err.Error()
	}
	var fromBody CreateUserInput
	if err := json.Unmarshal(body, &fromBody); err != nil {
		return "body: Unmarshal: " + err.Error()
	}
	withoutID := c.In.Clone()
	withoutID.InstanceId = ""
	if d := cmp.Diff(withoutID, &fromBody); d != "" {
		return "body: the body read back is not the request without InstanceId (-want +got):\n" + d
	}
	read, l := ValidateDocument(doc, opt)
	if len(l) > 0 {
		return fmt.Sprintf("reader: ValidateDocument reports violations on the document of a valid request under %v: %s\ndocument: %s",
			c.Identity, propSummary(l), doc)
	}
	if d := cmp.Diff(c.In, read); d != "" {
		return fmt.Sprintf("reader: ValidateDocument read another request (-before +after):\n%s\ndocument: %s", d, doc)
	}
	return ""
}

func TestPropertyValidRoundTrip(t *testing.T) {
	props := propProperties(t)
	props.Property("valid requests survive JSON and the reader", prop.ForAll(propCheckRoundTrip, propValidCaseGen()))
	propRun(t, props)
}

// --- d. Unknown identity type ----------------------------------------------

// propUnknownKey identifies a violation across identity types: member,
// code and value (the value tells tag keys apart; it is the same under
// every type).
func propUnknownKey(v *cuerrors.Violation) string {
	return fmt.Sprintf("%s %s %s", v.Field, v.Code, v.Value)
}

// propSeverities groups the severities of l by propUnknownKey, each group
// sorted mildest first.
func propSeverities(l cuerrors.List) map[string][]cuerrors.Severity {
	m := map[string][]cuerrors.Severity{}
	for i := range l {
		k := propUnknownKey(&l[i])
		m[k] = append(m[k], l[i].Severity)
	}
	for _, s := range m {
		slices.Sort(s)
	}
	return m
}

// propCheckUnknownSubset states property d (SPEC section 2): the
// violations under identity.Unknown are a sub-multiset, by (field, code,
// value), of those under each known type, each no stronger than its
// counterpart there (warning < error).
func propCheckUnknownSubset(in *CreateUserInput) string {
	unknown := propSeverities(Validate(in, WithIdentityManagement(identity.Unknown)))
	for _, t := range identity.Types() {
		known := propSeverities(Validate(in, WithIdentityManagement(t)))
		for k, us := range unknown {
			ks := known[k]
			if len(us) > len(ks) {
				return fmt.Sprintf("identity.unknown: %s is reported %d time(s) under Unknown but %d under %v", k, len(us), len(ks), t)
			}
			// Match the mildest under Unknown with the mildest under t.
			for i := range us {
				if us[i] > ks[i] {
					return fmt.Sprintf("identity.unknown: %s is %v under Unknown but %v under %v", k, us[i], ks[i], t)
				}
			}
		}
	}
	return ""
}

// propCheckUnknownExact states the converse that SPEC section 2 also
// implies: under Unknown, a member is reported with a code exactly where
// every known type reports it, with the mildest severity among them. For
// each key (field, code, value) the number of violations under Unknown is
// the least number under the three types, and the i-th mildest severity
// under Unknown is the mildest of the i-th mildest under each type.
func propCheckUnknownExact(in *CreateUserInput) string {
	unknown := propSeverities(Validate(in, WithIdentityManagement(identity.Unknown)))
	var known []map[string][]cuerrors.Severity
	for _, t := range identity.Types() {
		known = append(known, propSeverities(Validate(in, WithIdentityManagement(t))))
	}
	keys := map[string]bool{}
	for k := range known[0] {
		keys[k] = true
	}
	for k := range unknown {
		keys[k] = true
	}
	for k := range keys {
		n := len(known[0][k])
		for _, m := range known[1:] {
			n = min(n, len(m[k]))
		}
		want := make([]cuerrors.Severity, n)
		for i := range want {
			want[i] = known[0][k][i]
			for _, m := range known[1:] {
				want[i] = min(want[i], m[k][i])
			}
		}
		if got := unknown[k]; !slices.Equal(got, want) {
			return fmt.Sprintf("identity.unknown: %s: under Unknown %v, want %v (CONNECT_MANAGED %v, SAML %v, EXISTING_DIRECTORY %v)",
				k, got, want, known[0][k], known[1][k], known[2][k])
		}
	}
	return ""
}

func TestPropertyUnknownIdentity(t *testing.T) {
	props := propProperties(t)
	props.Property("Unknown reports a subset of each known type, no stronger", prop.ForAll(propCheckUnknownSubset, propArbitraryInput()))
	props.Property("Unknown reports where every type reports, mildest severity", prop.ForAll(propCheckUnknownExact, propArbitraryInput()))
	propRun(t, props)
}

// --- e. Determinism --------------------------------------------------------

// propGoroutines is how many goroutines share one Validator in property e.
const propGoroutines = 8

// propCheckDeterminism states property e: under identity type t,
// validating in twice with one Validator, once more with a new one, and
// concurrently from propGoroutines goroutines through the first gives
// identical lists (order, messages, related paths and values included);
// and in is not modified. Run under -race, it also shows that a shared
// Validator is safe for concurrent use.
func propCheckDeterminism(t identity.Type, in *CreateUserInput) string {
	snapshot := in.Clone()
	v := NewValidator(WithIdentityManagement(t))
	first := v.Validate(in)
	if d := propListDiff(first, v.Validate(in)); d != "" {
		return "determinism: a second Validate gave another list:\n" + d
	}
	if d := propListDiff(first, Validate(in, WithIdentityManagement(t))); d != "" {
		return "determinism: a new Validator gave another list:\n" + d
	}
	lists := make([]cuerrors.List, propGoroutines)
	var wg sync.WaitGroup
	for g := range lists {
		wg.Go(func() {
			v.Validate(in)
			lists[g] = v.Validate(in)
		})
	}
	wg.Wait()
	for g, l := range lists {
		if d := propListDiff(first, l); d != "" {
			return fmt.Sprintf("determinism: goroutine %d of %d sharing the Validator got another list:\n%s", g, propGoroutines, d)
		}
	}
	if !reflect.DeepEqual(snapshot, in) {
		return "determinism: Validate modified its input (-before +after):\n" + cmp.Diff(snapshot, in)
	}
	return ""
}

func TestPropertyDeterminism(t *testing.T) {
	props := propProperties(t)
	props.Property("same input, same list, sequential and concurrent", prop.ForAll(propCheckDeterminism,
		propIdentityType(), propArbitraryInput()))
	propRun(t, props)
}

// --- f. The builder --------------------------------------------------------

// propBuildable returns a deep copy of in reduced to what the builder can
// express: an IdentityInfo or PhoneConfig with no member set, an empty
// list and an empty Tags become absent (the builder creates them on first
// use); a phone number "" becomes absent (WithPhoneNumberConfig reads ""
// as no number), and an absent PersistentConnection in a list element
// becomes false (WithPersistentConnectionConfig takes a bool).
func propBuildable(in *CreateUserInput) *CreateUserInput {
	out := in.Clone()
	// The builder's rule: "" leaves an optional string member out.
	emptySecret := func(p **identity.Secret) {
		if *p != nil && **p == "" {
			*p = nil
		}
	}
	emptyString := func(p **string) {
		if *p != nil && **p == "" {
			*p = nil
		}
	}
	emptySecret(&out.Password)
	emptyString(&out.DirectoryUserId)
	emptyString(&out.HierarchyGroupId)
	if ii := out.IdentityInfo; ii != nil {
		for _, p := range []**identity.Secret{&ii.FirstName, &ii.LastName, &ii.Email, &ii.SecondaryEmail, &ii.Mobile} {
			emptySecret(p)
		}
	}
	if pc := out.PhoneConfig; pc != nil {
		emptySecret(&pc.DeskPhoneNumber)
		if pc.PhoneType != nil && *pc.PhoneType == "" {
			pc.PhoneType = nil
		}
	}
	if out.IdentityInfo != nil && *out.IdentityInfo == (identity.Info{}) {
		out.IdentityInfo = nil
	}
	if out.PhoneConfig != nil && *out.PhoneConfig == (PhoneConfig{}) {
		out.PhoneConfig = nil
	}
	if len(out.SecurityProfileIds) == 0 {
		out.SecurityProfileIds = nil
	}
	if len(out.AutoAcceptConfigs) == 0 {
		out.AutoAcceptConfigs = nil
	}
	if len(out.AfterContactWorkConfigs) == 0 {
		out.AfterContactWorkConfigs = nil
	}
	if len(out.PhoneNumberConfigs) == 0 {
		out.PhoneNumberConfigs = nil
	}
	for i := range out.PhoneNumberConfigs {
		if e := &out.PhoneNumberConfigs[i]; e.PhoneNumber != nil && *e.PhoneNumber == "" {
			e.PhoneNumber = nil
		}
	}
	if len(out.PersistentConnectionConfigs) == 0 {
		out.PersistentConnectionConfigs = nil
	}
	for i := range out.PersistentConnectionConfigs {
		if e := &out.PersistentConnectionConfigs[i]; e.PersistentConnection == nil {
			e.PersistentConnection = new(false)
		}
	}
	if len(out.VoiceEnhancementConfigs) == 0 {
		out.VoiceEnhancementConfigs = nil
	}
	if len(out.Tags) == 0 {
		out.Tags = nil
	}
	return out
}

// propBuild feeds lit to a Builder as a random script drawn from seed:
// each scalar member may first be set to a decoy and then to its value (a
// second call replaces), each list is added in random chunks (a second
// call appends), simple list elements go through the one-element adders
// and the others through the whole-element ones, and the calls of
// different members are interleaved at random.
func propBuild(lit *CreateUserInput, seed int64) *Builder {
	r := rand.New(rand.NewPCG(uint64(seed), 0xb1d))
	b := NewBuilder()
	var queues [][]func()
	scalar := func(set func(string), value *string) {
		if value == nil {
			return
		}
		q := []func(){}
		if r.IntN(2) == 0 {
			q = append(q, func() { set("decoy value") })
		}
		q = append(q, func() { set(*value) })
		queues = append(queues, q)
	}
	secret := func(set func(string), value *identity.Secret) {
		if value != nil {
			scalar(set, new(value.Reveal()))
		}
	}
	other := func(calls ...func()) { queues = append(queues, calls) }
	chunks := func(n int, add func(lo, hi int)) {
		var q []func()
		for lo := 0; lo < n; {
			from, to := lo, lo+1+r.IntN(n-lo)
			q = append(q, func() { add(from, to) })
			lo = to
		}
		queues = append(queues, q)
	}

	if lit.InstanceId != "" {
		scalar(func(s string) { b.WithInstanceId(s) }, &lit.InstanceId)
	}
	if lit.Username != "" {
		scalar(func(s string) { b.WithUsername(s) }, &lit.Username)
	}
	if lit.RoutingProfileId != "" {
		scalar(func(s string) { b.WithRoutingProfileId(s) }, &lit.RoutingProfileId)
	}
	secret(func(s string) { b.WithPassword(s) }, lit.Password)
	if info := lit.IdentityInfo; info != nil {
		secret(func(s string) { b.WithFirstName(s) }, info.FirstName)
		secret(func(s string) { b.WithLastName(s) }, info.LastName)
		secret(func(s string) { b.WithEmail(s) }, info.Email)
		secret(func(s string) { b.WithSecondaryEmail(s) }, info.SecondaryEmail)
		secret(func(s string) { b.WithMobile(s) }, info.Mobile)
	}
	if pc := lit.PhoneConfig; pc != nil {
		if pc.PhoneType != nil {
			other(func() { b.WithPhoneType(*pc.PhoneType) })
		}
		if pc.AutoAccept != nil {
			other(func() { b.WithAutoAccept(!*pc.AutoAccept) }, func() { b.WithAutoAccept(*pc.AutoAccept) })
		}
		if pc.AfterContactWorkTimeLimit != nil {
			other(func() { b.WithAfterContactWorkTimeLimit(*pc.AfterContactWorkTimeLimit + 1) },
				func() { b.WithAfterContactWorkTimeLimit(*pc.AfterContactWorkTimeLimit) })
		}
		secret(func(s string) { b.WithDeskPhoneNumber(s) }, pc.DeskPhoneNumber)
		if pc.PersistentConnection != nil {
			other(func() { b.WithPersistentConnection(*pc.PersistentConnection) })
		}
	}
	scalar(func(s string) { b.WithDirectoryUserId(s) }, lit.DirectoryUserId)
	scalar(func(s string) { b.WithHierarchyGroupId(s) }, lit.HierarchyGroupId)
	chunks(len(lit.SecurityProfileIds), func(lo, hi int) { b.WithSecurityProfileIds(lit.SecurityProfileIds[lo:hi]...) })
	chunks(len(lit.AutoAcceptConfigs), func(lo, hi int) {
		for _, e := range lit.AutoAcceptConfigs[lo:hi] {
			if e.AutoAccept != nil && e.AgentFirstCallbackAutoAccept == nil && r.IntN(2) == 0 {
				b.WithAutoAcceptConfig(e.Channel, *e.AutoAccept)
			} else {
				b.WithAutoAcceptConfigs(e)
			}
		}
	})
	chunks(len(lit.AfterContactWorkConfigs), func(lo, hi int) {
		for _, e := range lit.AfterContactWorkConfigs[lo:hi] {
			if w := e.AfterContactWorkConfig; w != nil && w.AfterContactWorkTimeLimit != nil && e.AgentFirstCallbackAfterContactWorkConfig == nil && r.IntN(2) == 0 {
				b.WithAfterContactWorkConfig(e.Channel, *w.AfterContactWorkTimeLimit)
			} else {
				b.WithAfterContactWorkConfigs(e)
			}
		}
	})
	chunks(len(lit.PhoneNumberConfigs), func(lo, hi int) {
		for _, e := range lit.PhoneNumberConfigs[lo:hi] {
			number := ""
			if e.PhoneNumber != nil {
				number = e.PhoneNumber.Reveal()
			}
			b.WithPhoneNumberConfig(e.Channel, e.PhoneType, number)
		}
	})
	chunks(len(lit.PersistentConnectionConfigs), func(lo, hi int) {
		for _, e := range lit.PersistentConnectionConfigs[lo:hi] {
			b.WithPersistentConnectionConfig(e.Channel, *e.PersistentConnection)
		}
	})
	chunks(len(lit.VoiceEnhancementConfigs), func(lo, hi int) {
		for _, e := range lit.VoiceEnhancementConfigs[lo:hi] {
			b.WithVoiceEnhancementConfig(e.Channel, e.VoiceEnhancementMode)
		}
	})
	if lit.Tags != nil {
		keys := make([]string, 0, len(lit.Tags))
		for k := range lit.Tags {
			keys = append(keys, k)
		}
		slices.Sort(keys)
		r.Shuffle(len(keys), func(i, j int) { keys[i], keys[j] = keys[j], keys[i] })
		chunks(len(keys), func(lo, hi int) {
			for _, k := range keys[lo:hi] {
				b.WithTag(k, lit.Tags[k])
			}
		})
	}

	// Interleave: run the queues' calls in a random merge that keeps each
	// queue's own order.
	for {
		var open []int
		for i, q := range queues {
			if len(q) > 0 {
				open = append(open, i)
			}
		}
		if len(open) == 0 {
			return b
		}
		i := open[r.IntN(len(open))]
		queues[i][0]()
		queues[i] = queues[i][1:]
	}
}

// propCheckBuilder states property f: for the builder-expressible content
// lit of a generated request (propBuildable), a Builder fed lit by a
// random script (propBuild) builds a request equal to lit (go-cmp) and
// returns violations identical to Validate(lit) under identity type t
// (order, messages, related paths and values included).
func propCheckBuilder(t identity.Type, in *CreateUserInput, seed int64) string {
	lit := propBuildable(in)
	opt := WithIdentityManagement(t)
	got, list := propBuild(lit, seed).Build(opt)
	if d := cmp.Diff(lit, got); d != "" {
		return "builder: Build returned another request than the literal (-literal +built):\n" + d
	}
	if d := cmp.Diff(Validate(lit, opt), list, propSameList); d != "" {
		return "builder: Build returned other violations than Validate(literal) (-literal +built):\n" + d
	}
	return ""
}

func TestPropertyBuilder(t *testing.T) {
	props := propProperties(t)
	props.Property("builder equals struct literal", prop.ForAll(propCheckBuilder,
		propIdentityType(), propArbitraryInput(), gen.Int64()))
	propRun(t, props)
}

// TestPropertyGeneratorCoverage keeps the generators honest: over many draws
// the arbitrary generator reaches every code of the engine's catalog that
// a typed request can break, so properties over it are not vacuous.
func TestPropertyGeneratorCoverage(t *testing.T) {
	seed := propSeed(t)
	t.Logf("seed %d; replay with: go test ./user/ -run '^TestPropertyGeneratorCoverage$' -gopter.seed=%d", seed, seed)
	params := gopter.DefaultTestParametersWithSeed(seed)
	codes := map[cuerrors.Code]bool{}
	g := propArbitraryInput()
	for range 2000 {
		v, ok := g(gopter.DefaultGenParameters().CloneWithSeed(params.Rng.Int63())).Retrieve()
		if !ok {
			continue
		}
		for _, id := range propIdentityTypes {
			for _, x := range Validate(v.(*CreateUserInput), WithIdentityManagement(id)) {
				codes[x.Code] = true
			}
		}
	}
	for _, c := range cuerrors.Codes() {
		switch c {
		case cuerrors.CodeSyntax, cuerrors.CodeType, cuerrors.CodeUnknown:
			continue // reading a document only
		case cuerrors.CodeReference:
			continue // the instance checks (package awsconnect), not Validate
		}
		if !codes[c] {
			t.Errorf("the arbitrary generator never broke a rule with code %s", c)
		}
	}
}
