package user

import (
	"encoding/json"
	"fmt"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/connectkit/createuser/channel"
	cuerrors "github.com/connectkit/createuser/errors"
	"github.com/connectkit/createuser/identity"
)

// The limits for hostile input (limits.go): each is a violation with a
// code and a path, never a panic, and the memory and the violations a
// document costs stay bounded whatever it holds.

// limitDoc returns the JSON of minimalRequest (valid under every identity
// type but SAML and EXISTING_DIRECTORY) with member set to the raw JSON
// value raw; an empty raw removes the member.
func limitDoc(t testing.TB, member, raw string) []byte {
	t.Helper()
	base, err := json.Marshal(minimalRequest())
	if err != nil {
		t.Fatal(err)
	}
	var m map[string]json.RawMessage
	if err := json.Unmarshal(base, &m); err != nil {
		t.Fatal(err)
	}
	if raw == "" {
		delete(m, member)
	} else {
		m[member] = json.RawMessage(raw)
	}
	out, err := json.Marshal(m)
	if err != nil {
		t.Fatal(err)
	}
	return out
}

// repeatList returns a JSON list of n copies of the JSON value elem.
func repeatList(elem string, n int) string {
	var b strings.Builder
	b.Grow(n*(len(elem)+1) + 2)
	b.WriteByte('[')
	for i := range n {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(elem)
	}
	b.WriteByte(']')
	return b.String()
}

// manyTags returns a JSON object of n tags k0..k(n-1), every value v.
func manyTags(n int, v string) string {
	var b strings.Builder
	b.WriteByte('{')
	for i := range n {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(`"k` + strconv.Itoa(i) + `":` + strconv.Quote(v))
	}
	b.WriteByte('}')
	return b.String()
}

// wantRepeated returns n wants of code at field(i) for i from first.
func wantRepeated(first, n int, field func(int) string, code cuerrors.Code) []cuerrors.Want {
	out := make([]cuerrors.Want, 0, n)
	for i := first; i < first+n; i++ {
		out = append(out, ve(field(i), code))
	}
	return out
}

// TestLimitRowsNameTheLimits: the catalog's sentences give the limits of
// limits.go.
func TestLimitRowsNameTheLimits(t *testing.T) {
	if MaxCheckedElements != MaxCheckedTags {
		t.Fatal("limit.elements names one limit for lists and Tags")
	}
	for r, n := range map[ruleIndex]int{rLimitElements: MaxCheckedElements, rDocumentTooManyViolations: MaxReadingViolations} {
		if d := catalog[r].Description; !strings.Contains(d, " "+strconv.Itoa(n)+" ") && !strings.Contains(d, " "+strconv.Itoa(n)+";") {
			t.Errorf("%s: %q does not name %d", catalog[r].ID, d, n)
		}
	}
}

func TestDocumentSizeLimit(t *testing.T) {
	valid := limitDoc(t, "Username", `"agent1"`)
	padded := func(size int) []byte { // valid, white space up to size bytes
		return append(append([]byte{}, valid...), strings.Repeat(" ", size-len(valid))...)
	}
	tooLarge := []cuerrors.Want{ve("", cuerrors.CodeLength)}
	tests := []struct {
		name string
		data []byte
		opts []Option
		want []cuerrors.Want // nil: valid
	}{
		{"at the default limit", padded(DefaultMaxDocumentSize), nil, nil},
		{"one byte over the default limit", padded(DefaultMaxDocumentSize + 1), nil, tooLarge},
		{"over a smaller limit", padded(2048), []Option{WithMaxDocumentSize(2047)}, tooLarge},
		{"at a smaller limit", padded(2048), []Option{WithMaxDocumentSize(2048)}, nil},
		{"no limit", padded(3 * DefaultMaxDocumentSize), []Option{WithMaxDocumentSize(0)}, nil},
		{"a negative limit is none", padded(DefaultMaxDocumentSize + 1), []Option{WithMaxDocumentSize(-1)}, nil},
		{"a broken document over the limit is only too large", append(padded(DefaultMaxDocumentSize), '{'), nil, tooLarge},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			opts := append([]Option{WithIdentityManagement(identity.ConnectManaged)}, tc.opts...)
			in, got := ValidateDocument(tc.data, opts...)
			if d := cuerrors.Diff(tc.want, got); d != "" {
				t.Errorf("ValidateDocument:\n%s", d)
			}
			decoded, read := Decode(tc.data, tc.opts...)
			if d := cuerrors.Diff(tc.want, read); d != "" {
				t.Errorf("Decode:\n%s", d)
			}
			if tc.want != nil {
				if in != nil || decoded != nil {
					t.Error("a document over the limit is read")
				}
				if got[0].Rule != "document.size" {
					t.Errorf("rule %s", got[0].Rule)
				}
			} else if in == nil || decoded == nil {
				t.Error("a document within the limit is not read")
			}
		})
	}
	// The zero Validator has the default limit too.
	var zero Validator
	if _, got := zero.ValidateDocument(padded(DefaultMaxDocumentSize + 1)); cuerrors.Diff(tooLarge, got) != "" {
		t.Errorf("the zero Validator: %v", cuerrors.Wants(got))
	}
}

func TestNestingLimit(t *testing.T) {
	deep := func(n int) string { return strings.Repeat("[", n) + strings.Repeat("]", n) }
	deepObject := func(n int) string { return strings.Repeat(`{"a":`, n) + "1" + strings.Repeat("}", n) }
	tooDeep := func(field string) cuerrors.Want { return ve(field, cuerrors.CodeSyntax) }
	tests := []struct {
		name string
		doc  string
		want []cuerrors.Want
	}{
		// The request object is level 1, so an unknown member's value may
		// hold 63 levels.
		{"63 levels in an unknown member", string(limitDoc(t, "x", deep(63))), []cuerrors.Want{ve("x", cuerrors.CodeUnknown)}},
		{"64 levels in an unknown member", `{"x":` + deep(64) + `}`, []cuerrors.Want{ve("x", cuerrors.CodeUnknown), tooDeep("x")}},
		{"100000 levels in an unknown member", `{"x":` + deep(100000) + `}`, []cuerrors.Want{ve("x", cuerrors.CodeUnknown), tooDeep("x")}},
		{"100000 objects in an unknown member", `{"x":` + deepObject(100000) + `}`, []cuerrors.Want{ve("x", cuerrors.CodeUnknown), tooDeep("x")}},
		{"deep where a string belongs", `{"Username":` + deep(100000) + `}`, []cuerrors.Want{tooDeep("Username")}},
		{"deep in a list element", `{"AutoAcceptConfigs":[{"Channel":` + deep(100000) + `}]}`, []cuerrors.Want{tooDeep("AutoAcceptConfigs[0].Channel")}},
		{"deep in a tag value", `{"Tags":{"k":` + deep(100000) + `}}`, []cuerrors.Want{tooDeep("Tags[k]")}},
		{"a deep document", deep(100000), []cuerrors.Want{tooDeep("")}},
		{"unclosed", strings.Repeat("[", 100000), []cuerrors.Want{tooDeep("")}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			_, got := ValidateDocument([]byte(tc.doc))
			if d := cuerrors.Diff(tc.want, got); d != "" {
				t.Errorf("violations:\n%s", d)
			}
			for _, v := range got {
				if v.Code == cuerrors.CodeSyntax && v.Rule != "document.depth" {
					t.Errorf("%s: rule %s, want document.depth", v.Field, v.Rule)
				}
			}
		})
	}
}

// hugeString is 10 MB of one character.
var hugeString = strings.Repeat("u", 10<<20)

// TestLongStringsAreNotEchoed: a 10 MB member is a length (or pattern)
// violation whose value is cut, so the violation list stays small; a
// sensitive member has no value at all.
func TestLongStringsAreNotEchoed(t *testing.T) {
	quoted := strconv.Quote(hugeString)
	tests := []struct {
		name   string
		member string
		raw    string
		set    func(in *CreateUserInput)
		want   []cuerrors.Want
	}{
		{"Username", "Username", quoted, func(in *CreateUserInput) { in.Username = hugeString },
			[]cuerrors.Want{ve("Username", cuerrors.CodeLength)}},
		{"InstanceId", "InstanceId", quoted, func(in *CreateUserInput) { in.InstanceId = hugeString },
			[]cuerrors.Want{ve("InstanceId", cuerrors.CodeLength)}},
		{"tag value", "Tags", `{"env":` + quoted + `}`, func(in *CreateUserInput) { in.Tags = map[string]string{"env": hugeString} },
			[]cuerrors.Want{ve("Tags[env]", cuerrors.CodeLength)}},
		{"tag key", "Tags", `{` + quoted + `:"v"}`, func(in *CreateUserInput) { in.Tags = map[string]string{hugeString: "v"} },
			[]cuerrors.Want{ve("Tags", cuerrors.CodeLength)}},
		{"security profile id twice", "SecurityProfileIds", `[` + quoted + `,` + quoted + `]`,
			func(in *CreateUserInput) { in.SecurityProfileIds = []string{hugeString, hugeString} },
			[]cuerrors.Want{ve("SecurityProfileIds[1]", cuerrors.CodeDuplicate)}},
		{"channel", "AutoAcceptConfigs", `[{"Channel":` + quoted + `,"AutoAccept":true}]`,
			func(in *CreateUserInput) {
				in.AutoAcceptConfigs = []channel.AutoAcceptConfig{{Channel: channel.Channel(hugeString), AutoAccept: new(true)}}
			},
			[]cuerrors.Want{ve("AutoAcceptConfigs[0].Channel", cuerrors.CodeEnum)}},
		{"first name", "IdentityInfo", `{"FirstName":` + quoted + `,"LastName":"Major","Email":"mary@example.com"}`,
			func(in *CreateUserInput) { in.IdentityInfo.FirstName = new(identity.Secret(hugeString)) },
			[]cuerrors.Want{ve("IdentityInfo.FirstName", cuerrors.CodeLength)}},
		{"password", "Password", quoted, func(in *CreateUserInput) { in.Password = new(identity.Secret(hugeString)) },
			[]cuerrors.Want{ve("Password", cuerrors.CodeLength), ve("Password", cuerrors.CodePattern)}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			in := minimalRequest()
			tc.set(in)
			typed := Validate(in, WithIdentityManagement(identity.ConnectManaged))
			_, read := ValidateDocument(limitDoc(t, tc.member, tc.raw), WithIdentityManagement(identity.ConnectManaged), WithMaxDocumentSize(0))
			for name, got := range map[string]cuerrors.List{"Validate": typed, "ValidateDocument": read} {
				if d := cuerrors.Diff(tc.want, got); d != "" {
					t.Errorf("%s:\n%s", name, d)
				}
				for _, v := range got {
					if s, ok := v.Value.Interface().(string); ok && (len(s) > cuerrors.MaxValueBytes+len("…")+utf8.UTFMax || !v.Value.Truncated()) {
						t.Errorf("%s: %s %s: a value of %d bytes, truncated %v", name, v.Field, v.Code, len(s), v.Value.Truncated())
					}
				}
				j, _ := json.Marshal(got)
				if tc.name != "tag key" && len(j) > 8<<10 { // a tag key is the path of a tag value: see below
					t.Errorf("%s: the violations are %d bytes of JSON", name, len(j))
				}
			}
		})
	}
}

// TestManyEntries: lists of a million elements and 100,000 tags, as
// documents and as typed requests, are checked on their first entries;
// the limit and the count rules give the real length.
func TestManyEntries(t *testing.T) {
	const million = 1_000_000
	ids := func(i int) string { return "SecurityProfileIds[" + strconv.Itoa(i) + "]" }
	autoAccept := func(i int) string { return "AutoAcceptConfigs[" + strconv.Itoa(i) + "].Channel" }
	tests := []struct {
		name   string
		member string
		raw    string
		set    func(in *CreateUserInput)
		want   []cuerrors.Want
		values map[string]int64 // rule id: the value its violation carries
	}{
		{name: "a million equal security profile ids", member: "SecurityProfileIds", raw: repeatList(`"p-1"`, million),
			set: func(in *CreateUserInput) {
				in.SecurityProfileIds = strings.Split(strings.Repeat("p-1,", million-1)+"p-1", ",")
			},
			want: append([]cuerrors.Want{ve("SecurityProfileIds", cuerrors.CodeCount), ve("SecurityProfileIds", cuerrors.CodeCount)},
				wantRepeated(1, MaxCheckedElements-1, ids, cuerrors.CodeDuplicate)...),
			values: map[string]int64{"limit.elements": million, "security-profile-ids.count": million}},
		{name: "a million empty security profile ids", member: "SecurityProfileIds", raw: repeatList(`""`, million),
			set: func(in *CreateUserInput) { in.SecurityProfileIds = make([]string, million) },
			want: append([]cuerrors.Want{ve("SecurityProfileIds", cuerrors.CodeCount), ve("SecurityProfileIds", cuerrors.CodeCount)},
				wantRepeated(0, MaxCheckedElements, ids, cuerrors.CodeRequired)...),
			values: map[string]int64{"limit.elements": million, "security-profile-ids.count": million}},
		{name: "a million auto-accept configurations on one channel", member: "AutoAcceptConfigs", raw: repeatList(`{"Channel":"CHAT","AutoAccept":true}`, million),
			set: func(in *CreateUserInput) {
				in.AutoAcceptConfigs = make([]channel.AutoAcceptConfig, million)
				for i := range in.AutoAcceptConfigs {
					in.AutoAcceptConfigs[i] = channel.AutoAcceptConfig{Channel: channel.Chat, AutoAccept: new(true)}
				}
			},
			want:   append([]cuerrors.Want{ve("AutoAcceptConfigs", cuerrors.CodeCount)}, wantRepeated(1, MaxCheckedElements-1, autoAccept, cuerrors.CodeDuplicate)...),
			values: map[string]int64{"limit.elements": million}},
		{name: "100,000 tags", member: "Tags", raw: manyTags(100_000, "v"),
			set: func(in *CreateUserInput) {
				in.Tags = make(map[string]string, 100_000)
				for i := range 100_000 {
					in.Tags["k"+strconv.Itoa(i)] = "v"
				}
			},
			want:   []cuerrors.Want{ve("Tags", cuerrors.CodeCount), ve("Tags", cuerrors.CodeCount)},
			values: map[string]int64{"limit.elements": 100_000, "tags.count": 100_000}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			in := minimalRequest()
			tc.set(in)
			snapshot, _ := json.Marshal(in)
			typed := Validate(in, WithIdentityManagement(identity.ConnectManaged))
			if after, _ := json.Marshal(in); string(after) != string(snapshot) {
				t.Error("Validate changed the request")
			}
			read, fromDoc := ValidateDocument(limitDoc(t, tc.member, tc.raw), WithIdentityManagement(identity.ConnectManaged), WithMaxDocumentSize(0))
			for name, got := range map[string]cuerrors.List{"Validate": typed, "ValidateDocument": fromDoc} {
				if d := cuerrors.Diff(tc.want, got); d != "" {
					t.Errorf("%s:\n%s", name, d)
				}
				for _, v := range got {
					if want, ok := tc.values[v.Rule]; ok && v.Value.Interface() != want {
						t.Errorf("%s: %s %s has the value %v, want %d", name, v.Field, v.Rule, v.Value.Interface(), want)
					}
				}
			}
			if n := len(read.SecurityProfileIds) + len(read.AutoAcceptConfigs) + len(read.Tags); n > MaxCheckedElements+MaxCheckedTags {
				t.Errorf("the document's request holds %d entries", n)
			}
		})
	}
}

// TestTagsCutByKey: of a map with too many tags, the smallest keys are
// checked, the same ones as in the document json.Marshal writes.
func TestTagsCutByKey(t *testing.T) {
	in := minimalRequest()
	in.Tags = make(map[string]string)
	for i := range MaxCheckedTags + 5 {
		in.Tags[fmt.Sprintf("k%03d", i)] = "v"
	}
	in.Tags["aws:a"] = "v"       // among the smallest: reported
	in.Tags["zz\tlast"] = "v"    // past the limit: not checked
	in.Tags["k000"] = hugeString // among the smallest: reported
	want := []cuerrors.Want{ve("Tags", cuerrors.CodeCount), ve("Tags", cuerrors.CodeCount), ve("Tags", cuerrors.CodeReserved), ve("Tags[k000]", cuerrors.CodeLength)}
	got := Validate(in)
	if d := cuerrors.Diff(want, got); d != "" {
		t.Errorf("Validate:\n%s", d)
	}
	doc, _ := json.Marshal(in)
	_, fromDoc := ValidateDocument(doc, WithMaxDocumentSize(0))
	if d := cuerrors.Diff(want, fromDoc); d != "" {
		t.Errorf("ValidateDocument:\n%s", d)
	}
	if len(in.Tags) != MaxCheckedTags+7 {
		t.Error("Validate changed the map")
	}
}

// TestReadingViolationsLimit: past MaxReadingViolations reading stops with
// document.violations, as after a syntax error.
func TestReadingViolationsLimit(t *testing.T) {
	var b strings.Builder
	b.WriteString(`{"Username":"agent1"`)
	for i := range 5000 {
		b.WriteString(`,"x` + strconv.Itoa(i) + `":1`)
	}
	b.WriteString(`}`)
	unknown := func(i int) string { return "x" + strconv.Itoa(i) }
	want := append(wantRepeated(0, MaxReadingViolations, unknown, cuerrors.CodeUnknown), ve("", cuerrors.CodeCount))
	for name, doc := range map[string]string{
		"unknown members":    b.String(),
		"then broken syntax": b.String() + "}",
	} {
		t.Run(name, func(t *testing.T) {
			in, got := ValidateDocument([]byte(doc), WithIdentityManagement(identity.ConnectManaged))
			if d := cuerrors.Diff(want, got); d != "" {
				t.Errorf("violations:\n%s", d)
			}
			if last := got[len(got)-1]; last.Rule != "document.violations" {
				t.Errorf("the last violation is %s", last.Rule)
			}
			if in == nil || in.Username != "agent1" {
				t.Error("the request read so far is not returned")
			}
		})
	}
	// The same member again and again: duplicates and type errors.
	doc := `{"Username":1` + strings.Repeat(`,"Username":1`, 5000) + `}`
	_, got := ValidateDocument([]byte(doc))
	if len(got) != MaxReadingViolations+1 || got[len(got)-1].Rule != "document.violations" {
		t.Errorf("%d violations, the last %s", len(got), got[len(got)-1].Rule)
	}
	// Type errors in list elements: the first elements only, each once.
	doc = string(limitDoc(t, "AutoAcceptConfigs", repeatList("1", 100_000)))
	_, got = ValidateDocument([]byte(doc))
	want = append(wantRepeated(0, MaxCheckedElements, func(i int) string { return "AutoAcceptConfigs[" + strconv.Itoa(i) + "]" }, cuerrors.CodeType),
		ve("AutoAcceptConfigs", cuerrors.CodeCount))
	if d := cuerrors.Diff(want, got); d != "" {
		t.Errorf("100,000 elements of the wrong type:\n%s", d)
	}
}

// TestInvalidUTF8NamesTheMember: invalid UTF-8 is a syntax violation at
// the member that holds it, whichever member.
func TestInvalidUTF8NamesTheMember(t *testing.T) {
	tests := []struct {
		member, raw, field string
	}{
		{"Username", "\"a\xffb\"", "Username"},
		{"Password", "\"Passw0rd\xff\"", "Password"},
		{"IdentityInfo", "{\"FirstName\":\"M\xc3\",\"LastName\":\"Major\",\"Email\":\"mary@example.com\"}", "IdentityInfo.FirstName"},
		{"SecurityProfileIds", "[\"a\",\"\xed\xa0\x80\"]", "SecurityProfileIds[1]"},
		{"AutoAcceptConfigs", "[{\"Channel\":\"VOICE\xff\",\"AutoAccept\":true}]", "AutoAcceptConfigs[0].Channel"},
		{"Tags", "{\"env\":\"\xfe\"}", "Tags[env]"},
		{"Tags", "{\"\xfe\":\"v\"}", "Tags"}, // a key: its value shows U+FFFD; the tag is left out
	}
	for _, tc := range tests {
		t.Run(tc.field, func(t *testing.T) {
			doc := strings.Replace(string(limitDoc(t, tc.member, `"PLACEHOLDER"`)), `"PLACEHOLDER"`, tc.raw, 1)
			_, got := ValidateDocument([]byte(doc), WithIdentityManagement(identity.ConnectManaged))
			want := []cuerrors.Want{ve(tc.field, cuerrors.CodeSyntax)}
			if tc.field == "Tags" {
				want = append(want, ve("Tags", cuerrors.CodeCount)) // no tag is left
			}
			if d := cuerrors.Diff(want, got); d != "" {
				t.Errorf("violations:\n%s", d)
			}
			for _, v := range got {
				if v.Code == cuerrors.CodeSyntax && v.Rule != "document.utf8" {
					t.Errorf("rule %s", v.Rule)
				}
			}
		})
	}
}

// TestNULBytes: a raw NUL is a syntax error wherever it is; an escaped one
// (\u0000) is a character like any other: it breaks the patterns that do
// not allow control characters (Username, tag keys, emails, phone
// numbers), and nothing else. A name, a password or a tag value may hold
// it: no rule of the service says otherwise, and inventing one could
// reject users the service accepts. Either way the report escapes it.
func TestNULBytes(t *testing.T) {
	tests := []struct {
		name   string
		member string
		raw    string
		want   []cuerrors.Want
	}{
		{"raw NUL in a string", "Username", "\"a\x00b\"", []cuerrors.Want{ve("", cuerrors.CodeSyntax)}},
		{"raw NUL between members", "Username", "\"ab\"\x00", []cuerrors.Want{ve("", cuerrors.CodeSyntax)}},
		{"escaped NUL in Username", "Username", `"a\u0000b"`, []cuerrors.Want{ve("Username", cuerrors.CodePattern)}},
		{"escaped NUL in a first name", "IdentityInfo", `{"FirstName":"Ma\u0000ry","LastName":"Major","Email":"mary@example.com"}`, nil},
		{"escaped NUL in an email", "IdentityInfo", `{"FirstName":"Mary","LastName":"Major","Email":"ma\u0000ry@example.com"}`,
			[]cuerrors.Want{ve("IdentityInfo.Email", cuerrors.CodePattern)}},
		{"escaped NUL in a password", "Password", `"Passw0rd\u0000x"`, nil},
		{"escaped NUL in a tag key", "Tags", `{"a\u0000b":"v"}`, []cuerrors.Want{ve("Tags", cuerrors.CodePattern)}},
		{"escaped NUL in a tag value", "Tags", `{"k":"a\u0000b"}`, nil},
		{"escaped NUL in a channel", "AutoAcceptConfigs", `[{"Channel":"VOICE\u0000","AutoAccept":true}]`, []cuerrors.Want{ve("AutoAcceptConfigs[0].Channel", cuerrors.CodeEnum)}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			doc := strings.Replace(string(limitDoc(t, tc.member, `"PLACEHOLDER"`)), `"PLACEHOLDER"`, tc.raw, 1)
			_, got := ValidateDocument([]byte(doc), WithIdentityManagement(identity.ConnectManaged))
			if d := cuerrors.Diff(tc.want, got); d != "" {
				t.Errorf("violations:\n%s", d)
			}
			j, _ := json.Marshal(got)
			if strings.ContainsRune(string(j), 0) || strings.ContainsRune(got.Error(), 0) && len(got) > 0 && got[0].Value.IsZero() {
				t.Errorf("a raw NUL in the report: %q", j)
			}
		})
	}
}

// hostileDocuments are the worst documents of each kind at about size
// bytes, for the memory measurement.
func hostileDocuments(t testing.TB, size int) map[string][]byte {
	quoted := strconv.Quote(strings.Repeat("u", size))
	escaped := `"` + strings.Repeat(`\u00e9`, size/6) + `"`
	return map[string][]byte{
		"one long Username":              limitDoc(t, "Username", quoted),
		"one long escaped tag value":     limitDoc(t, "Tags", `{"k":`+escaped+`}`),
		"empty auto-accept elements":     limitDoc(t, "AutoAcceptConfigs", repeatList("{}", size/3)),
		"null channel elements":          limitDoc(t, "PhoneNumberConfigs", repeatList("null", size/5)),
		"equal security profile ids":     limitDoc(t, "SecurityProfileIds", repeatList(`"a"`, size/4)),
		"tags":                           limitDoc(t, "Tags", manyTags(size/14, "")),
		"the same tag again and again":   limitDoc(t, "Tags", "{"+strings.Repeat(`"k":1,`, size/6)+`"k":1}`),
		"unknown members":                []byte(`{"a":0` + strings.Repeat(`,"a":0`, size/6) + `}`),
		"deep nesting":                   []byte(`{"x":` + strings.Repeat("[", size) + `}`),
		"many short unknown-member keys": []byte(`{"x":{` + strings.Repeat(`"":0,`, size/5) + `"":0}}`),
	}
}

// TestHostileDocumentMemory measures, for each hostile document of 1 MiB
// (the default size limit), the bytes allocated while it is read and
// checked and the violations it gives, and holds both to a bound far
// above what is measured: allocations under 16 times the document, and a
// few thousand violations. The figures are logged (go test -v -run
// HostileDocumentMemory ./user/).
func TestHostileDocumentMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("-short")
	}
	const size = DefaultMaxDocumentSize - 64<<10
	for name, doc := range hostileDocuments(t, size) {
		t.Run(name, func(t *testing.T) {
			if len(doc) > DefaultMaxDocumentSize {
				t.Fatalf("the document has %d bytes, more than the default limit", len(doc))
			}
			var before, after runtime.MemStats
			runtime.GC()
			runtime.ReadMemStats(&before)
			_, list := ValidateDocument(doc, WithIdentityManagement(identity.ConnectManaged))
			runtime.ReadMemStats(&after)
			alloc := after.TotalAlloc - before.TotalAlloc
			j, _ := json.Marshal(list)
			t.Logf("%s, %d bytes: allocated %d bytes (%.2f× the document), %d violations, %d bytes of JSON report",
				name, len(doc), alloc, float64(alloc)/float64(len(doc)), len(list), len(j))
			if alloc > 16*uint64(len(doc)) {
				t.Errorf("allocated %d bytes for a document of %d", alloc, len(doc))
			}
			if len(list) > 5000 {
				t.Errorf("%d violations", len(list))
			}
		})
	}
}
