package user

import (
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	cuerrors "github.com/connectkit/createuser/errors"
	"github.com/connectkit/createuser/identity"
)

// placed is a violation's rule, field and position, for comparison.
type placed struct {
	Rule, Field  string
	Line, Column int
}

func placements(list cuerrors.List) []placed {
	out := make([]placed, 0, len(list))
	for i := range list {
		v := &list[i]
		out = append(out, placed{v.Rule, v.Field.String(), v.Line, v.Column})
	}
	return out
}

// find returns the placement of the violation of rule at field.
func find(t *testing.T, list cuerrors.List, rule, field string) placed {
	t.Helper()
	for _, p := range placements(list) {
		if p.Rule == rule && p.Field == field {
			return p
		}
	}
	t.Fatalf("no %s at %q in %v", rule, field, placements(list))
	return placed{}
}

func TestPositions(t *testing.T) {
	doc := strings.Join([]string{
		`{`, // 1
		`  "InstanceId": "i",`,
		`  "Username": "john smith",`,     // 3: pattern at col 3
		`  "IdentityInfo": {"Email": 1},`, // 4: type at col 20
		`  "SecurityProfileIds": ["a", null,`,
		`     "a"],`, // 6: duplicate at col 6
		`  "Tags": {"aws:x": "v", "k": "` + strings.Repeat("v", 300) + `"},`,
		`  "Tags": {"é": "v", "é": "w"},`, // 8: duplicate member Tags, duplicate key at the second é
		`  "AutoAcceptConfigs": [{"Channel": "CHAT"}],`,
		`  "Nope": true`,
		`}`,
	}, "\n")
	_, list := NewValidator(WithIdentityManagement(identity.ConnectManaged)).ValidateDocument([]byte(doc))
	for _, tc := range []struct {
		rule, field  string
		line, column int
	}{
		{"username.pattern", "Username", 3, 3},
		{"document.type", "IdentityInfo.Email", 4, 20},
		{"security-profile-ids.element.required", "SecurityProfileIds[1]", 5, 31},
		{"security-profile-ids.duplicate", "SecurityProfileIds[2]", 6, 6},
		{"document.duplicate", "Tags", 8, 3},
		{"tags.key.duplicate", "Tags", 8, 22},
		{"document.unknown", "Nope", 10, 3},
		// Absent members: at the nearest ancestor that is present.
		{"password.required", "Password", 1, 1},
		{"identity-info.first-name.required", "IdentityInfo.FirstName", 4, 3},
		{"auto-accept-configs.auto-accept.required", "AutoAcceptConfigs[0].AutoAccept", 9, 25},
		{"routing-profile-id.required", "RoutingProfileId", 1, 1},
	} {
		got := find(t, list, tc.rule, tc.field)
		if got.Line != tc.line || got.Column != tc.column {
			t.Errorf("%s at %s: %d:%d, want %d:%d", tc.rule, tc.field, got.Line, got.Column, tc.line, tc.column)
		}
	}
	for _, p := range placements(list) {
		if p.Line == 0 || p.Column == 0 {
			t.Errorf("%s at %q has no position", p.Rule, p.Field)
		}
	}
}

func TestPositionsSyntax(t *testing.T) {
	_, list := ValidateDocument([]byte("{\n  \"Username\": \"é\",\n  \"x\" 1}"))
	want := []placed{{"document.syntax", "", 3, 7}}
	if d := cmp.Diff(want, placements(list)); d != "" {
		t.Errorf("(-want +got)\n%s", d)
	}
}

func TestPositionsTagKey(t *testing.T) {
	doc := `{"Tags": {"ok": "v", "aws:team": "v", "": "w"}}`
	_, list := ValidateDocument([]byte(doc))
	if got := find(t, list, "tags.key.reserved", "Tags"); got.Column != 22 {
		t.Errorf("reserved key at column %d, want 22", got.Column)
	}
	if got := find(t, list, "tags.key.length", "Tags"); got.Column != 39 {
		t.Errorf("empty key at column %d, want 39", got.Column)
	}
}

// Every violation of every example document has a position, inside the
// document, and a violation of a present member points at its name.
func TestPositionsExamples(t *testing.T) {
	for _, name := range []string{"many-violations.json", "saml-user.json", "channel-specific.json", "cli-create-user.json"} {
		data, err := os.ReadFile("../examples/documents/" + name)
		if err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(string(data), "\n")
		_, list := NewValidator(WithIdentityManagement(identity.ConnectManaged)).ValidateDocument(data)
		for i := range list {
			v := &list[i]
			if v.Line < 1 || v.Line > len(lines) || v.Column < 1 {
				t.Errorf("%s: %s at %q: position %d:%d outside the document", name, v.Rule, v.Field.String(), v.Line, v.Column)
				continue
			}
			last := v.Field.String()
			if v.Field.Len() > 0 {
				last = lastName(v.Field)
			}
			rest := string([]rune(lines[v.Line-1])[v.Column-1:])
			if last != "" && !strings.HasPrefix(rest, `"`) && !strings.HasPrefix(rest, "{") && !strings.HasPrefix(rest, "null") {
				t.Errorf("%s: %s at %q: position %d:%d points at %q", name, v.Rule, v.Field.String(), v.Line, v.Column, rest)
			}
		}
	}
}

func lastName(p cuerrors.Path) string {
	s := p.String()
	if i := strings.LastIndexAny(s, ".["); i >= 0 {
		return s[i+1:]
	}
	return s
}

// The typed path has no document, so no positions.
func TestPositionsTyped(t *testing.T) {
	for _, v := range Validate(&CreateUserInput{Username: "a b"}) {
		if v.Line != 0 || v.Column != 0 {
			t.Errorf("%s: typed input has a position %d:%d", v.Rule, v.Line, v.Column)
		}
	}
}

// Decode and ValidateDocument agree on the reading violations' positions.
func TestPositionsDecode(t *testing.T) {
	doc := []byte("{\n \"Username\": 1,\n \"Nope\": 2}")
	_, got := Decode(doc)
	want := []placed{{"document.type", "Username", 2, 2}, {"document.unknown", "Nope", 3, 2}}
	if d := cmp.Diff(want, placements(got)); d != "" {
		t.Errorf("(-want +got)\n%s", d)
	}
}
