package errors_test

import (
	"encoding/json"
	stderrors "errors"
	"fmt"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	cuerrors "github.com/connectkit/createuser/errors"
)

func TestPathString(t *testing.T) {
	tests := []struct {
		name string
		path cuerrors.Path
		want string
	}{
		{"root", cuerrors.Path{}, ""},
		{"member", cuerrors.NewPath("Username"), "Username"},
		{"child", cuerrors.NewPath("IdentityInfo").Child("Email"), "IdentityInfo.Email"},
		{"index", cuerrors.NewPath("AutoAcceptConfigs").Index(1).Child("Channel"), "AutoAcceptConfigs[1].Channel"},
		{"deepest", cuerrors.NewPath("AfterContactWorkConfigs").Index(0).Child("AfterContactWorkConfig").Child("AfterContactWorkTimeLimit"),
			"AfterContactWorkConfigs[0].AfterContactWorkConfig.AfterContactWorkTimeLimit"},
		{"key", cuerrors.NewPath("Tags").Key("env"), "Tags[env]"},
		{"past inline", cuerrors.NewPath("a").Child("b").Index(2).Child("c").Child("d").Key("e").Index(7), "a.b[2].c.d[e][7]"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if got := tc.path.String(); got != tc.want {
				t.Errorf("String() = %q, want %q", got, tc.want)
			}
			b, err := json.Marshal(tc.path)
			if err != nil || string(b) != fmt.Sprintf("%q", tc.want) {
				t.Errorf("json = %s, %v", b, err)
			}
		})
	}
}

func TestPathIsImmutable(t *testing.T) {
	base := cuerrors.NewPath("a").Child("b").Child("c").Child("d")
	x := base.Child("x")
	y := base.Child("y")
	if x.String() != "a.b.c.d.x" || y.String() != "a.b.c.d.y" || base.String() != "a.b.c.d" {
		t.Errorf("siblings share state: %s %s %s", x, y, base)
	}
	deep := x.Child("p")
	deep2 := x.Child("q")
	if deep.String() != "a.b.c.d.x.p" || deep2.String() != "a.b.c.d.x.q" {
		t.Errorf("overflow siblings share state: %s %s", deep, deep2)
	}
	if got := deep.Parent().String(); got != "a.b.c.d.x" {
		t.Errorf("Parent = %s", got)
	}
	if cuerrors.NewPath("a").Parent().String() != "" || !(cuerrors.Path{}).Parent().IsRoot() {
		t.Error("Parent of a member should be the root")
	}
}

func TestPathHasPrefix(t *testing.T) {
	list := cuerrors.NewPath("SecurityProfileIds")
	el := list.Index(1)
	if !el.HasPrefix(list) || !el.HasPrefix(el) || !el.HasPrefix(cuerrors.Path{}) {
		t.Error("HasPrefix misses an ancestor")
	}
	if list.HasPrefix(el) || el.HasPrefix(list.Index(2)) || cuerrors.NewPath("Tags").HasPrefix(cuerrors.NewPath("Tags").Key("a")) {
		t.Error("HasPrefix accepts a non-ancestor")
	}
	if !el.Equal(cuerrors.NewPath("SecurityProfileIds").Index(1)) || el.Equal(list) {
		t.Error("Equal is wrong")
	}
	if cuerrors.NewPath("Tags").Key("a").Equal(cuerrors.NewPath("Tags").Child("a")) {
		t.Error("a key and a child must differ")
	}
}

func sample() cuerrors.List {
	return cuerrors.List{
		{Field: cuerrors.NewPath("Username"), Code: cuerrors.CodeRequired, Severity: cuerrors.SeverityError, Rule: "username.required", Message: "Username must be present."},
		{Field: cuerrors.NewPath("PhoneConfig").Child("AutoAccept"), Code: cuerrors.CodeConflict, Severity: cuerrors.SeverityError, Rule: "phone-config.auto-accept.conflict",
			Message: "conflict", Related: []cuerrors.Path{cuerrors.NewPath("AutoAcceptConfigs")}},
		{Field: cuerrors.NewPath("DirectoryUserId"), Code: cuerrors.CodeIgnored, Severity: cuerrors.SeverityWarning, Rule: "directory-user-id.ignored",
			Message: "no effect", Value: cuerrors.StringValue("d-1")},
	}
}

func TestListIsAnErrorTree(t *testing.T) {
	var err error = sample()
	if !stderrors.Is(err, cuerrors.CodeConflict) || !stderrors.Is(err, cuerrors.CodeIgnored) {
		t.Error("errors.Is does not find the codes")
	}
	if stderrors.Is(err, cuerrors.CodePattern) {
		t.Error("errors.Is finds a code that is not there")
	}
	var v *cuerrors.Violation
	if !stderrors.As(err, &v) || v.Code != cuerrors.CodeRequired {
		t.Errorf("errors.As = %v", v)
	}
	var l cuerrors.List
	if !stderrors.As(fmt.Errorf("wrapped: %w", err), &l) || len(l) != 3 {
		t.Error("errors.As does not find the List through wrapping")
	}
	if got := len(sample().Unwrap()); got != 3 {
		t.Errorf("Unwrap has %d errors", got)
	}
	if cuerrors.List(nil).Unwrap() != nil {
		t.Error("an empty list unwraps to something")
	}
}

func TestListErr(t *testing.T) {
	if cuerrors.List(nil).Err() != nil {
		t.Error("empty list is an error")
	}
	warnings := sample()[2:]
	if warnings.Err() != nil || warnings.HasErrors() {
		t.Error("warnings alone are an error")
	}
	err := sample().Err()
	if err == nil || !stderrors.Is(err, cuerrors.CodeConflict) || !stderrors.Is(err, cuerrors.CodeRequired) {
		t.Error("Err should hold every error")
	}
	if stderrors.Is(err, cuerrors.CodeIgnored) {
		t.Error("Err holds a warning: errors.Is finds its code")
	}
	var l cuerrors.List
	if !stderrors.As(err, &l) || l.Count(cuerrors.SeverityWarning) != 0 || len(l) != 2 {
		t.Errorf("Err as a List = %v", l)
	}
	if got := cuerrors.Wants(sample().Errors()); len(got) != 2 || got[0].Code != cuerrors.CodeRequired || got[1].Code != cuerrors.CodeConflict {
		t.Errorf("Errors() = %v", got)
	}
	if got := cuerrors.Wants(sample().Warnings()); len(got) != 1 || got[0].Code != cuerrors.CodeIgnored {
		t.Errorf("Warnings() = %v", got)
	}
	if sample()[:2].Warnings() != nil || warnings.Errors() != nil {
		t.Error("Warnings or Errors of a list without them is not nil")
	}
	if c := sample().Count(cuerrors.SeverityError); c != 2 {
		t.Errorf("Count(error) = %d", c)
	}
	if f := sample().Filter(func(v *cuerrors.Violation) bool { return v.Severity == cuerrors.SeverityWarning }); len(f) != 1 || f[0].Code != cuerrors.CodeIgnored {
		t.Errorf("Filter = %v", f)
	}
}

func TestListJSON(t *testing.T) {
	b, err := json.Marshal(sample())
	if err != nil {
		t.Fatal(err)
	}
	var got []map[string]any
	if err := json.Unmarshal(b, &got); err != nil {
		t.Fatalf("invalid JSON %s: %v", b, err)
	}
	want := []map[string]any{
		{"field": "Username", "code": "required", "severity": "error", "rule": "username.required", "message": "Username must be present."},
		{"field": "PhoneConfig.AutoAccept", "code": "conflict", "severity": "error", "rule": "phone-config.auto-accept.conflict", "message": "conflict",
			"related": []any{"AutoAcceptConfigs"}},
		{"field": "DirectoryUserId", "code": "ignored", "severity": "warning", "rule": "directory-user-id.ignored", "message": "no effect", "value": "d-1"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("JSON (-want +got):\n%s", diff)
	}
	if b, _ := json.Marshal(cuerrors.List{}); string(b) != "[]" {
		t.Errorf("empty list JSON = %s", b)
	}
}

func TestJSONStringEscaping(t *testing.T) {
	for _, s := range []string{"plain", "quote\"back\\slash", "ctl\x00\x1f\n\t\r", "<&>", "\u2028\u2029", "bad\xffutf8", "é日本"} {
		v := cuerrors.List{{Field: cuerrors.NewPath("Tags").Key(s), Code: cuerrors.CodeLength, Severity: cuerrors.SeverityError, Message: s, Value: cuerrors.StringValue(s)}}
		b, _ := json.Marshal(v)
		var back []struct{ Field, Message, Value string }
		if err := json.Unmarshal(b, &back); err != nil {
			t.Fatalf("%q: invalid JSON %s: %v", s, b, err)
		}
		want := strings.ToValidUTF8(s, "\uFFFD")
		if back[0].Message != want || back[0].Value != want {
			t.Errorf("%q round-tripped to %+v", s, back[0])
		}
		// The key is quoted when it has to be, so the path itself is kept.
		if p, err := cuerrors.ParsePath(back[0].Field); err != nil || !p.Equal(cuerrors.NewPath("Tags").Key(s)) {
			t.Errorf("%q: field %q reads back as %q, %v", s, back[0].Field, p, err)
		}
	}
}

func TestValueJSON(t *testing.T) {
	for _, tc := range []struct {
		v    cuerrors.Value
		want string
	}{
		{cuerrors.IntValue(2000001), "2000001"},
		{cuerrors.IntValue(-1), "-1"},
		{cuerrors.BoolValue(true), "true"},
		{cuerrors.BoolValue(false), "false"},
		{cuerrors.StringValue(""), `""`},
		{cuerrors.Value{}, "null"},
	} {
		if b, _ := tc.v.MarshalJSON(); string(b) != tc.want {
			t.Errorf("%v: %s, want %s", tc.v.Interface(), b, tc.want)
		}
	}
	if !(cuerrors.Value{}).IsZero() || cuerrors.StringValue("").IsZero() {
		t.Error("IsZero is wrong")
	}
}

func TestSeverityText(t *testing.T) {
	for _, s := range []cuerrors.Severity{cuerrors.SeverityError, cuerrors.SeverityWarning} {
		b, err := s.MarshalText()
		if err != nil {
			t.Fatal(err)
		}
		var back cuerrors.Severity
		if err := back.UnmarshalText(b); err != nil || back != s {
			t.Errorf("%s round-tripped to %s, %v", s, back, err)
		}
	}
	if _, err := cuerrors.Severity(9).MarshalText(); err == nil {
		t.Error("invalid severity marshals")
	}
	var s cuerrors.Severity
	if s.UnmarshalText([]byte("fatal")) == nil {
		t.Error("unknown severity unmarshals")
	}
	if cuerrors.SeverityWarning >= cuerrors.SeverityError {
		t.Error("a warning must be milder than an error")
	}
}

func TestCodes(t *testing.T) {
	seen := map[cuerrors.Code]bool{}
	for _, c := range cuerrors.Codes() {
		if !c.Known() || seen[c] {
			t.Errorf("code %q unknown or repeated", c)
		}
		seen[c] = true
	}
	if len(seen) != 18 {
		t.Errorf("%d codes, the specification has 18", len(seen))
	}
	if !seen[cuerrors.CodeReference] {
		t.Error("reference (SPEC section 9) is not in Codes()")
	}
	if cuerrors.Code("nope").Known() {
		t.Error("an unknown code is Known")
	}
}

func TestDiff(t *testing.T) {
	got := sample()
	want := []cuerrors.Want{
		{Field: "DirectoryUserId", Code: cuerrors.CodeIgnored, Severity: cuerrors.SeverityWarning},
		{Field: "Username", Code: cuerrors.CodeRequired},
		{Field: "PhoneConfig.AutoAccept", Code: cuerrors.CodeConflict, Severity: cuerrors.SeverityError},
	}
	if d := cuerrors.Diff(want, got); d != "" {
		t.Errorf("Diff of a match = %s", d)
	}
	if d := cuerrors.Diff(want[:2], got); d == "" {
		t.Error("Diff misses an unexpected violation")
	}
	if d := cuerrors.Diff(append(want, cuerrors.Want{Field: "Username", Code: cuerrors.CodeRequired}), got); d == "" {
		t.Error("Diff misses a missing violation (multiset)")
	}
	wrongSeverity := []cuerrors.Want{want[0], want[1], {Field: "PhoneConfig.AutoAccept", Code: cuerrors.CodeConflict, Severity: cuerrors.SeverityWarning}}
	if d := cuerrors.Diff(wrongSeverity, got); d == "" {
		t.Error("Diff ignores a wrong severity")
	}
	if diff := cmp.Diff(want[1:2], cuerrors.Wants(got[:1])[:1], cmp.Comparer(func(a, b cuerrors.Want) bool {
		return a.Field == b.Field && a.Code == b.Code
	})); diff != "" {
		t.Error(diff)
	}
}

func TestViolationError(t *testing.T) {
	got := sample()[0].Error()
	if !strings.HasPrefix(got, "Username: ") {
		t.Errorf("Error() = %q, want it to start with the path", got)
	}
	root := cuerrors.Violation{Code: cuerrors.CodeSyntax, Severity: cuerrors.SeverityError, Message: "bad"}
	if strings.HasPrefix(root.Error(), ":") {
		t.Errorf("root Error() = %q", root.Error())
	}
}
