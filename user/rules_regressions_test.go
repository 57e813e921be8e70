package user

import (
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	cuerrors "github.com/connectkit/createuser/errors"
	"github.com/connectkit/createuser/identity"
)

// Engine disagreements once found by the rule tables, kept as regression
// tests.

// Issue 2, item 7: the engine "never panics". A nil Option (easy to pass
// when options are built conditionally) panics in NewValidator.
func TestRegressionNilOptionPanics(t *testing.T) {
	defer func() {
		if r := recover(); r != nil {
			t.Fatalf("Validate(in, nil) panicked: %v", r)
		}
	}()
	got := Validate(minimalRequest(), nil, WithIdentityManagement(identity.ConnectManaged), nil)
	want := Validate(minimalRequest(), WithIdentityManagement(identity.ConnectManaged))
	if d := cmp.Diff(want, got, violationsEqual...); d != "" {
		t.Errorf("nil options changed the result:\n%s", d)
	}
}

// A zero Validator has no identity types at all (modes 0), so every rule
// that goes through resolve is silently dropped, including rules that do
// not depend on the type: the zero request gets no Username required. The
// zero Validator should check as NewValidator() does (unknown type).
func TestRegressionZeroValidatorDropsRules(t *testing.T) {
	var zero Validator
	for name, in := range map[string]*CreateUserInput{
		"zero":          {},
		"tenViolations": tenViolations(),
	} {
		got := zero.Validate(in)
		want := NewValidator().Validate(in)
		if d := cmp.Diff(want, got, violationsEqual...); d != "" {
			t.Errorf("%s: zero Validator differs from NewValidator() (-want +got):\n%s", name, d)
		}
	}
}

// SPEC section 4: "IdentityInfo.LastName | at most 256 (CM), 300 (SAML,
// ED, ?)", and section 3: the message "names the limit". Under unknown, a
// 301-character LastName is reported with rule
// identity-info.last-name.length.connect-managed, whose message says
// "Under CONNECT_MANAGED, ... at most 256 characters"; the limit applied
// under unknown is 300 (rule identity-info.last-name.length).
func TestRegressionUnknownLastNameLengthRule(t *testing.T) {
	in := minimalRequest()
	in.IdentityInfo.LastName = ruleSecret(strings.Repeat("m", 301))
	got := Validate(in)
	if len(got) != 1 {
		t.Fatalf("got %d violations, want 1: %v", len(got), got)
	}
	if got[0].Rule != "identity-info.last-name.length" {
		t.Errorf("rule = %s, want identity-info.last-name.length (the 300 limit that applies under unknown)", got[0].Rule)
	}
}

// An integer beyond int64 is clamped by the reader; the range violation
// must not show the clamped bound as the document's value.
func TestRegressionClampedTimeLimitHasNoValue(t *testing.T) {
	_, got := ValidateDocument([]byte(`{"PhoneConfig":{"AfterContactWorkTimeLimit":99999999999999999999999},
		"AfterContactWorkConfigs":[{"Channel":"CHAT","AfterContactWorkConfig":{"AfterContactWorkTimeLimit":-99999999999999999999999}}]}`))
	n := 0
	for _, v := range got {
		if v.Code == "range" {
			n++
			if !v.Value.IsZero() {
				t.Errorf("%s: value %v, want none", v.Field, v.Value)
			}
		}
	}
	if n != 2 {
		t.Errorf("%d range violations, want 2: %v", n, got)
	}
	if v := Validate(&CreateUserInput{PhoneConfig: &PhoneConfig{AfterContactWorkTimeLimit: new(int64(2_000_001))}}); !slices.ContainsFunc(v, func(x cuerrors.Violation) bool {
		return x.Code == cuerrors.CodeRange && x.Value.Interface() == int64(2_000_001)
	}) {
		t.Errorf("an ordinary range violation lost its value: %v", v)
	}
}
