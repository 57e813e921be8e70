package errors_test

import (
	"encoding/json"
	"os"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/leanovate/gopter"
	"github.com/leanovate/gopter/gen"
	"github.com/leanovate/gopter/prop"

	cuerrors "github.com/connectkit/createuser/errors"
)

// equalViolations compares violations as values: paths by Path.Equal,
// values by ==, an empty Related as nil.
var equalViolations = cmp.Options{
	cmp.Comparer(func(a, b cuerrors.Path) bool { return a.Equal(b) }),
	cmp.Comparer(func(a, b cuerrors.Value) bool { return a == b }),
	cmpopts.EquateEmpty(),
}

func full() cuerrors.Violation {
	return cuerrors.Violation{
		Field: cuerrors.NewPath("AutoAcceptConfigs").Index(1).Child("Channel"), Code: cuerrors.CodeEnum,
		Severity: cuerrors.SeverityError, Rule: "auto-accept-configs.channel.enum", Message: "One of VOICE, CHAT, TASK or EMAIL.",
		Related: []cuerrors.Path{cuerrors.NewPath("Tags").Key("env"), cuerrors.NewPath("Username").InDocument("a.jsonl:3")},
		Value:   cuerrors.StringValue("FAX"), Line: 4, Column: 17,
	}
}

// TestViolationJSONHowever: a Violation encodes the same as a value, a
// pointer, a map element and a struct field (MarshalJSON had a pointer
// receiver, so a value encoded as {"Field":...}).
func TestViolationJSONHowever(t *testing.T) {
	v := full()
	want, err := json.Marshal(&v)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(string(want), `{"field":"AutoAcceptConfigs[1].Channel","code":"enum"`) ||
		!strings.HasSuffix(string(want), `"value":"FAX","line":4,"column":17}`) {
		t.Fatalf("json.Marshal(&v) = %s", want)
	}
	held := map[string]any{
		"value":        v,
		"map element":  map[string]cuerrors.Violation{"x": v},
		"struct field": struct{ V cuerrors.Violation }{v},
		"slice":        []cuerrors.Violation{v},
	}
	wrap := map[string]string{"value": "%s", "map element": `{"x":%s}`, "struct field": `{"V":%s}`, "slice": `[%s]`}
	for name, x := range held {
		got, err := json.Marshal(x)
		if err != nil {
			t.Fatal(err)
		}
		if w := strings.Replace(wrap[name], "%s", string(want), 1); string(got) != w {
			t.Errorf("%s: %s, want %s", name, got, w)
		}
	}
}

// TestViolationJSONRoundTrip: the library's own JSON reads back into an
// equal value: a list, one violation, a line of `connectuser validate
// --format json`.
func TestViolationJSONRoundTrip(t *testing.T) {
	long := strings.Repeat("a", cuerrors.MaxValueBytes-3) + strings.Repeat("😀", 4)
	list := cuerrors.List{
		full(),
		{Field: cuerrors.Path{}, Code: cuerrors.CodeSyntax, Severity: cuerrors.SeverityError, Rule: "document.syntax", Message: "m", Line: 1, Column: 91},
		{Field: cuerrors.NewPath("PhoneConfig").Child("AfterContactWorkTimeLimit"), Code: cuerrors.CodeRange, Severity: cuerrors.SeverityError, Rule: "r", Value: cuerrors.IntValue(-5)},
		{Field: cuerrors.NewPath("PhoneConfig").Child("AutoAccept"), Code: cuerrors.CodeConflict, Severity: cuerrors.SeverityError, Rule: "r", Value: cuerrors.BoolValue(false)},
		{Field: cuerrors.NewPath("Tags").Key("42"), Code: cuerrors.CodeLength, Severity: cuerrors.SeverityWarning, Rule: "r", Value: cuerrors.StringValue(long)},
		{Field: cuerrors.NewPath("a.b[c]"), Code: cuerrors.CodeUnknown, Severity: cuerrors.SeverityError, Rule: "r"},
		{Field: cuerrors.NewPath(""), Code: cuerrors.CodeUnknown, Severity: cuerrors.SeverityError, Rule: "r"},
	}
	if !list[4].Value.Truncated() {
		t.Fatal("the long value is not cut")
	}
	b, err := json.Marshal(list)
	if err != nil {
		t.Fatal(err)
	}
	var got cuerrors.List
	if err := json.Unmarshal(b, &got); err != nil {
		t.Fatalf("%s: %v", b, err)
	}
	if d := cmp.Diff(list, got, equalViolations); d != "" {
		t.Errorf("round trip (-want +got):\n%s", d)
	}
	line := `{"source":"dir/a.jsonl","line":3,"valid":false,"violations":` + string(b) + `}`
	var report struct {
		Source     string
		Line       int
		Valid      bool
		Violations cuerrors.List
	}
	if err := json.Unmarshal([]byte(line), &report); err != nil || len(report.Violations) != len(list) {
		t.Fatalf("a report line: %v", err)
	}
}

func TestViolationUnmarshalRejects(t *testing.T) {
	for _, in := range []string{
		`{"code":"required","severity":"error"}`,
		`{"field":"Username","severity":"error"}`,
		`{"field":"Username","code":"required"}`,
		`{"field":"Username","code":"required","severity":"fatal"}`,
		`{"field":"a..b","code":"required","severity":"error"}`,
		`{"field":"Username","code":"required","severity":"error","value":1.5}`,
		`{"field":"Username","code":"required","severity":"error","value":{}}`,
		`[]`,
	} {
		var v cuerrors.Violation
		if err := json.Unmarshal([]byte(in), &v); err == nil {
			t.Errorf("%s: no error", in)
		}
	}
}

func TestParsePath(t *testing.T) {
	tests := []struct {
		in   string
		want cuerrors.Path
	}{
		{"", cuerrors.Path{}},
		{"Username", cuerrors.NewPath("Username")},
		{"Tags", cuerrors.NewPath("Tags")},
		{"Tags[env]", cuerrors.NewPath("Tags").Key("env")},
		{"Tags[a.b:c/d=e+f-g@h]", cuerrors.NewPath("Tags").Key("a.b:c/d=e+f-g@h")},
		{`Tags["42"]`, cuerrors.NewPath("Tags").Key("42")},
		{"Tags[007]", cuerrors.NewPath("Tags").Key("007")},
		{`Tags["a]b"]`, cuerrors.NewPath("Tags").Key("a]b")},
		{"Tags[]", cuerrors.NewPath("Tags").Key("")},
		{"AutoAcceptConfigs[1].Channel", cuerrors.NewPath("AutoAcceptConfigs").Index(1).Child("Channel")},
		{"AfterContactWorkConfigs[0].AfterContactWorkConfig.AfterContactWorkTimeLimit",
			cuerrors.NewPath("AfterContactWorkConfigs").Index(0).Child("AfterContactWorkConfig").Child("AfterContactWorkTimeLimit")},
		{`"a.b"`, cuerrors.NewPath("a.b")},
		{`""`, cuerrors.NewPath("")},
		{`IdentityInfo."x\x23y"`, cuerrors.NewPath("IdentityInfo").Child("x#y")},
		{"[3][k]", cuerrors.Path{}.Index(3).Key("k")},
		{"a.jsonl:3#Username", cuerrors.NewPath("Username").InDocument("a.jsonl:3")},
		{"dir#1/a.json#", cuerrors.Path{}.InDocument("dir#1/a.json")},
	}
	for _, tc := range tests {
		t.Run(tc.in, func(t *testing.T) {
			got, err := cuerrors.ParsePath(tc.in)
			if err != nil {
				t.Fatal(err)
			}
			if !got.Equal(tc.want) || got.Document() != tc.want.Document() {
				t.Errorf("ParsePath(%q) = %q, want %q", tc.in, got, tc.want)
			}
			if s := tc.want.String(); s != tc.in && tc.in != "Tags[007]" {
				t.Errorf("String() = %q, want %q", s, tc.in)
			}
		})
	}
	for _, bad := range []string{"a..b", ".a", "a.", "a[1", "a]", `a"b`, `"a`, "a[1]b", `a["k"x]`, `a\b`, "Tags[a\"b]"} {
		if p, err := cuerrors.ParsePath(bad); err == nil {
			t.Errorf("ParsePath(%q) = %q, no error", bad, p)
		}
	}
}

// propParameters returns the gopter parameters of this package's
// properties: CREATEUSER_PROPERTY_SEED and CREATEUSER_PROPERTY_CASES, as
// in package user, else the clock and 150 cases. The seed is logged.
func propParameters(t *testing.T) *gopter.TestParameters {
	seed := time.Now().UnixNano()
	if s := os.Getenv("CREATEUSER_PROPERTY_SEED"); s != "" {
		var err error
		if seed, err = strconv.ParseInt(s, 10, 64); err != nil {
			t.Fatal(err)
		}
	}
	n := 150
	if s := os.Getenv("CREATEUSER_PROPERTY_CASES"); s != "" {
		var err error
		if n, err = strconv.Atoi(s); err != nil || n < 1 {
			t.Fatalf("CREATEUSER_PROPERTY_CASES=%q", s)
		}
	}
	t.Logf("gopter seed %d, %d cases; replay with: CREATEUSER_PROPERTY_SEED=%d go test ./errors/ -run '^%s$'", seed, n, seed, t.Name())
	p := gopter.DefaultTestParametersWithSeed(seed)
	p.MinSuccessfulTests = n
	p.Workers = 1
	return p
}

// segmentOp is one step of building a Path.
type segmentOp struct {
	Kind  uint8 // 0 child, 1 index, 2 key
	Name  string
	Index int32
}

var tricky = []string{"", ".", "[", "]", `"`, `\`, "#", "a.b", "a[0]", "42", "-1", "007", "-", "x\x00y", "\xff", "é", "a b", "Tags[env]"}

// pick returns a generator of one of n choices, made by choose from the
// index and an arbitrary string (gen.OneGenOf would apply the first
// generator's sieve to every choice).
func pick[T any](n int, choose func(i int, s string, x int64) T) gopter.Gen {
	return gopter.CombineGens(gen.IntRange(0, n-1), gen.AnyString(), gen.Int64()).Map(func(vs []any) T {
		return choose(vs[0].(int), vs[1].(string), vs[2].(int64))
	})
}

func genName() gopter.Gen {
	return pick(len(tricky)+2, func(i int, s string, _ int64) string {
		if i < len(tricky) {
			return tricky[i]
		}
		return s
	})
}

func genPath() gopter.Gen {
	op := gen.StrictStruct(reflectType[segmentOp](), map[string]gopter.Gen{
		"Kind":  gen.UInt8Range(0, 2),
		"Name":  genName(),
		"Index": gen.Int32(),
	})
	doc := pick(4, func(i int, s string, _ int64) string { return []string{"", "a.jsonl:3", "dir#1/[x].json", s}[i] })
	return gopter.CombineGens(gen.SliceOfN(7, op), doc).Map(func(vs []any) cuerrors.Path {
		var p cuerrors.Path
		for _, o := range vs[0].([]segmentOp) {
			switch o.Kind {
			case 0:
				p = p.Child(o.Name)
			case 1:
				p = p.Index(int(o.Index))
			default:
				p = p.Key(o.Name)
			}
		}
		return p.InDocument(vs[1].(string))
	})
}

func genValue() gopter.Gen {
	ends := []string{"a", "é", "€", "😀", "…"}
	return pick(4+len(ends), func(i int, s string, x int64) cuerrors.Value {
		switch i {
		case 0:
			return cuerrors.Value{}
		case 1:
			return cuerrors.StringValue(s)
		case 2:
			return cuerrors.IntValue(x)
		case 3:
			return cuerrors.BoolValue(x%2 == 0)
		}
		// Strings around the cut, ending in characters of 1 to 4 bytes.
		n := cuerrors.MaxValueBytes - 8 + int(uint64(x)%17)
		return cuerrors.StringValue(strings.Repeat("a", n) + strings.Repeat(ends[i-4], 3))
	})
}

func genViolation() gopter.Gen {
	codes := make([]any, 0, len(cuerrors.Codes()))
	for _, c := range cuerrors.Codes() {
		codes = append(codes, c)
	}
	return gen.StrictStruct(reflectType[cuerrors.Violation](), map[string]gopter.Gen{
		"Field":    genPath(),
		"Code":     gen.OneConstOf(codes...),
		"Severity": gen.OneConstOf(cuerrors.SeverityError, cuerrors.SeverityWarning),
		"Rule":     gen.AlphaString(),
		"Message":  gen.AnyString(),
		"Related":  gen.SliceOfN(3, genPath()),
		"Value":    genValue(),
		"Line":     gen.IntRange(0, 1<<20),
		"Column":   gen.IntRange(0, 1<<20),
	})
}

// TestPropertyJSONRoundTrip: every List, Violation, Path, Value, Code and
// Severity that encodes decodes to an equal value, and a Path's text
// parses back to it.
func TestPropertyJSONRoundTrip(t *testing.T) {
	props := gopter.NewProperties(propParameters(t))
	props.Property("Path: ParsePath(String)", prop.ForAll(func(p cuerrors.Path) string {
		got, err := cuerrors.ParsePath(p.String())
		if err != nil {
			return "path.parse: " + err.Error()
		}
		if !got.Equal(p) {
			return "path.equal: " + strconv.Quote(got.String())
		}
		return ""
	}, genPath()))
	props.Property("List: JSON", prop.ForAll(func(l []cuerrors.Violation) string {
		b, err := json.Marshal(cuerrors.List(l))
		if err != nil {
			return "list.marshal: " + err.Error()
		}
		var got cuerrors.List
		if err := json.Unmarshal(b, &got); err != nil {
			return "list.unmarshal: " + err.Error()
		}
		if d := cmp.Diff(cuerrors.List(l), got, equalViolations); d != "" {
			return "list.equal: " + d
		}
		for i := range l {
			one, _ := json.Marshal(l[i])
			var v cuerrors.Violation
			if err := json.Unmarshal(one, &v); err != nil {
				return "violation.unmarshal: " + err.Error()
			}
			if d := cmp.Diff(l[i], v, equalViolations); d != "" {
				return "violation.equal: " + d
			}
			var sev cuerrors.Severity
			var code cuerrors.Code
			sb, _ := json.Marshal(l[i].Severity)
			cb, _ := json.Marshal(l[i].Code)
			if json.Unmarshal(sb, &sev) != nil || sev != l[i].Severity || json.Unmarshal(cb, &code) != nil || code != l[i].Code {
				return "severity-code.equal"
			}
		}
		return ""
	}, gen.SliceOfN(4, genViolation())))
	props.TestingRun(t)
}

func reflectType[T any]() reflect.Type { return reflect.TypeFor[T]() }
