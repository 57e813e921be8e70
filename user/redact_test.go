package user

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	cuerrors "github.com/connectkit/createuser/errors"
	"github.com/connectkit/createuser/identity"
)

// TestRedactedUsernames: with the option, no violation carries the
// username, in any way a report shows it (Value, %v, JSON); without it,
// the username is echoed (SPEC section 3), and other values are kept
// either way.
func TestRedactedUsernames(t *testing.T) {
	const name = "mary.major@example" // an email-like username: pattern warning
	doc := []byte(`{"InstanceId":"i-1","Username":"` + name + strings.Repeat("x", 90) + `","SecurityProfileIds":["sp"],"RoutingProfileId":"rp","HierarchyGroupId":""}`)
	in, plain := ValidateDocument(doc, WithIdentityManagement(identity.SAML))
	_, redacted := ValidateDocument(doc, WithIdentityManagement(identity.SAML), WithRedactedUsernames())
	typed := NewValidator(WithRedactedUsernames()).Validate(in)
	var b Batch
	b.Add(in, Origin{Source: "a.json"})
	dup, ok := b.Add(in, Origin{Source: "b.json"})
	if !ok {
		t.Fatal("no duplicate")
	}
	if !strings.Contains(showAll(plain), name) || !strings.Contains(showAll(cuerrors.List{dup}), name) {
		t.Fatalf("without the option the username is not echoed: %s", showAll(plain))
	}
	for what, l := range map[string]cuerrors.List{
		"ValidateDocument": redacted, "Validate": typed, "RedactUsernames(Batch.Add)": RedactUsernames(cuerrors.List{dup}),
	} {
		if s := showAll(l); strings.Contains(s, name) {
			t.Errorf("%s: the username is shown: %s", what, s)
		}
	}
	if d := cmp.Diff(cuerrors.Wants(plain), cuerrors.Wants(redacted)); d != "" {
		t.Errorf("the option changed the violations:\n%s", d)
	}
	found := false
	for _, v := range redacted {
		if v.Field.String() == "HierarchyGroupId" && v.Value.Interface() == "" {
			found = true
		}
	}
	if !found {
		t.Errorf("the value of another member was withheld too: %v", redacted)
	}
}

func showAll(l cuerrors.List) string {
	j, _ := l.MarshalJSON()
	var s strings.Builder
	for i := range l {
		s.WriteString(l[i].Value.String())
	}
	return l.Error() + string(j) + s.String()
}
