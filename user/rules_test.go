package user

import (
	"regexp"
	"slices"
	"strings"
	"testing"

	cuerrors "github.com/connectkit/createuser/errors"
	"github.com/connectkit/createuser/identity"
)

// The rule tables (rules_*_test.go) hold SPEC section 4 row by row. Each
// case mutates one thing of a base request that is valid under the identity
// type of the column, and states the exact violations expected under each
// type: CONNECT_MANAGED, SAML, EXISTING_DIRECTORY and unknown. Violations
// are compared as (field, code, severity) with cuerrors.Diff, never by
// their wording.

// ruleCase is one row of a rule table.
type ruleCase struct {
	name string
	// mutate changes the base request; it never sees a shared value.
	mutate func(in *CreateUserInput)
	// want is the exact violation set under each identity type.
	want perType
	// detail checks Related and Value of some of the violations.
	detail []ruleDetail
}

// perType is a table column per identity management type.
type perType struct {
	cm, saml, ed, unknown []cuerrors.Want
}

// everyType is the column set of a rule that does not depend on the
// identity management type: the same violations under every type.
func everyType(w ...cuerrors.Want) perType {
	return perType{cm: w, saml: w, ed: w, unknown: w}
}

// ve is an error-severity violation of code at field.
func ve(field string, code cuerrors.Code) cuerrors.Want {
	return cuerrors.Want{Field: field, Code: code, Severity: cuerrors.SeverityError}
}

// vw is a warning-severity violation of code at field.
func vw(field string, code cuerrors.Code) cuerrors.Want {
	return cuerrors.Want{Field: field, Code: code, Severity: cuerrors.SeverityWarning}
}

// ruleDetail describes the Related paths and the Value of the violations
// of code at field, under every column where such a violation appears (at
// least one must).
type ruleDetail struct {
	field   string
	code    cuerrors.Code
	related []string // Related paths as strings; nil for none
	value   any      // Value.Interface(): string, int64, bool; nil for no value; anyValue not to check
}

// unchecked is the type of anyValue.
type unchecked struct{}

// anyValue in ruleDetail.value leaves the value unchecked.
var anyValue any = unchecked{}

// federatedRequest is the smallest valid request under SAML and
// EXISTING_DIRECTORY (and unknown): minimalRequest without Password and
// IdentityInfo.Email.
func federatedRequest() *CreateUserInput {
	in := minimalRequest()
	in.Password = nil
	in.IdentityInfo.Email = nil
	return in
}

// ruleColumn runs a case under one identity type on a base request valid
// under that type. Unknown runs on both bases: the two differ only in
// Password and Email, where the unknown type reports nothing either way,
// so a case must give the same answer on both.
type ruleColumn struct {
	name string
	typ  identity.Type
	base func() *CreateUserInput
	want func(perType) []cuerrors.Want
}

var ruleColumns = []ruleColumn{
	{"CONNECT_MANAGED", identity.ConnectManaged, minimalRequest, func(w perType) []cuerrors.Want { return w.cm }},
	{"SAML", identity.SAML, federatedRequest, func(w perType) []cuerrors.Want { return w.saml }},
	{"EXISTING_DIRECTORY", identity.ExistingDirectory, federatedRequest, func(w perType) []cuerrors.Want { return w.ed }},
	{"UNKNOWN_minimal", identity.Unknown, minimalRequest, func(w perType) []cuerrors.Want { return w.unknown }},
	{"UNKNOWN_federated", identity.Unknown, federatedRequest, func(w perType) []cuerrors.Want { return w.unknown }},
}

// run validates the case under the column's type.
func (col ruleColumn) run(tc ruleCase) cuerrors.List {
	in := col.base()
	if tc.mutate != nil {
		tc.mutate(in)
	}
	return Validate(in, WithIdentityManagement(col.typ))
}

// ruleTables is every rule table, for TestCatalogCoverage.
var ruleTables = [][]ruleCase{
	instanceAndUsernameCases,
	passwordCases,
	idsCases,
	identityInfoCases,
	directoryUserIDCases,
	tagCases,
	phoneConfigCases,
	autoAcceptCases,
	afterContactWorkCases,
	phoneNumberCases,
	persistentConnectionCases,
	voiceEnhancementCases,
	semanticsCases,
	utf8Cases,
}

// runRuleCases runs a rule table: every case under every column, the
// exact violation set, the catalog invariants of each violation and the
// case's details.
func runRuleCases(t *testing.T, cases []ruleCase) {
	t.Helper()
	names := make(map[string]bool, len(cases))
	for _, tc := range cases {
		if names[tc.name] {
			t.Fatalf("case name %q used twice", tc.name)
		}
		names[tc.name] = true
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			seen := make([]bool, len(tc.detail))
			for _, col := range ruleColumns {
				t.Run(col.name, func(t *testing.T) {
					got := col.run(tc)
					if d := cuerrors.Diff(col.want(tc.want), got); d != "" {
						t.Errorf("Validate under %s: violations differ:\n%s", col.typ, d)
					}
					checkViolations(t, col.typ, got)
					for i, d := range tc.detail {
						if checkDetail(t, d, got) {
							seen[i] = true
						}
					}
				})
			}
			for i, d := range tc.detail {
				if !seen[i] {
					t.Errorf("detail %s %s: no such violation under any type", d.field, d.code)
				}
			}
		})
	}
}

// catalogRow returns the catalog row with id.
func catalogRow(id string) (*Rule, bool) {
	for i := range catalog {
		if catalog[i].ID == id {
			return &catalog[i], true
		}
	}
	return nil, false
}

// sensitiveField reports whether the member at field is one whose value
// is never echoed (SPEC section 3).
func sensitiveField(field string) bool {
	return field == "Password" ||
		strings.HasPrefix(field, "IdentityInfo.") ||
		field == "PhoneConfig.DeskPhoneNumber" ||
		(strings.HasPrefix(field, "PhoneNumberConfigs[") && strings.HasSuffix(field, "].PhoneNumber"))
}

// checkViolations holds every violation to what the catalog says of its
// rule: code, severity and identity types; no Value on a sensitive member;
// exactly one related path for conflicts and duplicates, none otherwise.
func checkViolations(t *testing.T, typ identity.Type, got cuerrors.List) {
	t.Helper()
	for i := range got {
		v := &got[i]
		f := v.Field.String()
		row, ok := catalogRow(v.Rule)
		if !ok {
			t.Errorf("%s %s: rule %q is not in the catalog", f, v.Code, v.Rule)
			continue
		}
		if v.Code != row.Code || v.Severity != row.Severity {
			t.Errorf("%s: (%s, %s) under rule %s, whose row says (%s, %s)", f, v.Code, v.Severity, v.Rule, row.Code, row.Severity)
		}
		if typ.Known() && len(row.Identity) > 0 && !slices.Contains(row.Identity, typ) {
			t.Errorf("%s: rule %s reported under %s, which the row does not apply to", f, v.Rule, typ)
		}
		if v.Message == "" {
			t.Errorf("%s: rule %s: empty message", f, v.Rule)
		}
		if sensitiveField(f) && !v.Value.IsZero() {
			t.Errorf("%s is sensitive but rule %s echoes a value", f, v.Rule)
		}
		switch v.Code {
		case cuerrors.CodeConflict, cuerrors.CodeDuplicate:
			if len(v.Related) != 1 {
				t.Errorf("%s: %s with %d related paths, want 1", f, v.Code, len(v.Related))
			}
		default:
			if len(v.Related) != 0 {
				t.Errorf("%s: %s with related paths %v", f, v.Code, relatedStrings(v.Related))
			}
		}
	}
}

func relatedStrings(ps []cuerrors.Path) []string {
	if len(ps) == 0 {
		return nil
	}
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = p.String()
	}
	return out
}

// checkDetail checks d against the violations of got at d.field with
// d.code, and reports whether there was one.
func checkDetail(t *testing.T, d ruleDetail, got cuerrors.List) bool {
	t.Helper()
	found := false
	for i := range got {
		v := &got[i]
		if v.Field.String() != d.field || v.Code != d.code {
			continue
		}
		found = true
		if r := relatedStrings(v.Related); !slices.Equal(r, d.related) {
			t.Errorf("%s %s: related = %q, want %q", d.field, d.code, r, d.related)
		}
		if d.value == anyValue {
			continue
		}
		if g := v.Value.Interface(); g != d.value {
			t.Errorf("%s %s: value = %#v, want %#v", d.field, d.code, g, d.value)
		}
	}
	return found
}

// readerOnlyRule reports whether the catalog row id is emitted by the
// document reader or the batch run, not by the engine over a typed
// request: a typed request cannot hold a null list element, a repeated
// tag key or a second document. document.utf8 is both the reader's and
// the engine's (a typed string member that is not UTF-8), so it is covered
// by the rule tables like an engine row.
func readerOnlyRule(id string) bool {
	switch id {
	case "channel-configs.element.required", "tags.key.duplicate", "batch.username.duplicate":
		return true
	case "document.utf8":
		return false
	}
	return strings.HasPrefix(id, "document.") || instanceRule(id)
}

// instanceRule reports whether id is a row of the instance checks or the
// name resolver, which package awsconnect reports (and tests) from what an
// instance holds; Validate never produces them.
func instanceRule(id string) bool {
	return strings.HasPrefix(id, "instance.") || strings.HasPrefix(id, "names.")
}

// TestCatalogCoverage checks that the rule tables exercise every engine
// row of the catalog under every identity type the row applies to. It runs
// the tables itself rather than collecting what the table tests saw, so
// that it does not depend on test order, -run or -shuffle.
func TestCatalogCoverage(t *testing.T) {
	produced := make(map[string]map[identity.Type]bool)
	for _, table := range ruleTables {
		for _, tc := range table {
			for _, col := range ruleColumns {
				for _, v := range col.run(tc) {
					if produced[v.Rule] == nil {
						produced[v.Rule] = make(map[identity.Type]bool)
					}
					produced[v.Rule][col.typ] = true
				}
			}
		}
	}
	for i := range catalog {
		row := &catalog[i]
		if ruleOperations[i]&opCreate == 0 {
			continue // an update's own row: TestCatalogCoverageOperations
		}
		if readerOnlyRule(row.ID) {
			if len(produced[row.ID]) > 0 {
				t.Errorf("rule %s belongs to the reader but Validate produced it", row.ID)
			}
			continue
		}
		types := row.Identity
		if len(types) == 0 {
			types = identity.Types()
		}
		for _, typ := range types {
			if !produced[row.ID][typ] {
				t.Errorf("rule %s (%s %s %s) is produced by no case under %s", row.ID, row.Field, row.Code, row.Severity, typ)
			}
		}
	}
}

var ruleIDForm = regexp.MustCompile(`^[a-z0-9]+(?:-[a-z0-9]+)*(?:\.[a-z0-9]+(?:-[a-z0-9]+)*)+$`)

// TestCatalogWellFormed checks every row of the catalog: a unique id of
// dotted lower-case words, a known code and a set severity, a field, a
// description and a source, and known, distinct identity types.
func TestCatalogWellFormed(t *testing.T) {
	if got := len(Rules()); got != int(ruleCount) {
		t.Fatalf("len(Rules()) = %d, want %d", got, ruleCount)
	}
	ids := make(map[string]int)
	for i := range catalog {
		row := &catalog[i]
		if row.ID == "" {
			t.Errorf("row %d: empty id", i)
			continue
		}
		if j, dup := ids[row.ID]; dup {
			t.Errorf("rows %d and %d share the id %s", j, i, row.ID)
		}
		ids[row.ID] = i
		if !ruleIDForm.MatchString(row.ID) {
			t.Errorf("%s: id is not dotted lower-case words", row.ID)
		}
		if !row.Code.Known() {
			t.Errorf("%s: unknown code %q", row.ID, row.Code)
		}
		if row.Severity != cuerrors.SeverityError && row.Severity != cuerrors.SeverityWarning {
			t.Errorf("%s: severity %v is not set", row.ID, row.Severity)
		}
		if (row.Code == cuerrors.CodeIgnored || row.Code == cuerrors.CodeIncomplete) && row.Severity != cuerrors.SeverityWarning {
			t.Errorf("%s: code %s is for warnings only", row.ID, row.Code)
		}
		if strings.TrimSpace(row.Description) == "" {
			t.Errorf("%s: empty description", row.ID)
		}
		if strings.TrimSpace(row.Source) == "" {
			t.Errorf("%s: empty source", row.ID)
		}
		if row.Field == "" && !strings.HasPrefix(row.ID, "document.") && ruleIndex(i) != rUserConfigListRequired {
			t.Errorf("%s: empty field", row.ID)
		}
		seen := make(map[identity.Type]bool)
		for _, typ := range row.Identity {
			if !typ.Known() {
				t.Errorf("%s: identity type %q is not known", row.ID, typ)
			}
			if seen[typ] {
				t.Errorf("%s: identity type %s listed twice", row.ID, typ)
			}
			seen[typ] = true
		}
		if len(row.Identity) == len(identity.Types()) {
			t.Errorf("%s: lists every identity type; leave Identity empty instead", row.ID)
		}
	}
}

// TestRulesIsACopy checks that Rules hands out a copy the caller may
// change without changing the catalog.
func TestRulesIsACopy(t *testing.T) {
	rules := Rules()
	for i := range rules {
		if rules[i].ID != catalog[i].ID {
			t.Fatalf("Rules()[%d] = %s, catalog row %s: order differs", i, rules[i].ID, catalog[i].ID)
		}
	}
	rules[0].ID = "changed"
	for i := range rules {
		if len(rules[i].Identity) > 0 {
			rules[i].Identity[0] = "CHANGED"
		}
	}
	for i := range catalog {
		if catalog[i].ID == "changed" || slices.Contains(catalog[i].Identity, "CHANGED") {
			t.Fatalf("changing Rules() changed catalog row %d", i)
		}
	}
}

// TestRuleBases pins the two base requests of the tables: minimalRequest
// is valid under CONNECT_MANAGED and unknown, federatedRequest under SAML,
// EXISTING_DIRECTORY and unknown, and each breaks the other's rules.
func TestRuleBases(t *testing.T) {
	for _, tc := range []struct {
		name string
		in   func() *CreateUserInput
		typ  identity.Type
		want []cuerrors.Want
	}{
		{"minimal/CONNECT_MANAGED", minimalRequest, identity.ConnectManaged, nil},
		{"minimal/UNKNOWN", minimalRequest, identity.Unknown, nil},
		{"minimal/SAML", minimalRequest, identity.SAML, []cuerrors.Want{
			ve("Password", cuerrors.CodeForbidden), vw("IdentityInfo.Email", cuerrors.CodeForbidden)}},
		{"minimal/EXISTING_DIRECTORY", minimalRequest, identity.ExistingDirectory, []cuerrors.Want{
			ve("Password", cuerrors.CodeForbidden)}},
		{"federated/SAML", federatedRequest, identity.SAML, nil},
		{"federated/EXISTING_DIRECTORY", federatedRequest, identity.ExistingDirectory, nil},
		{"federated/UNKNOWN", federatedRequest, identity.Unknown, nil},
		{"federated/CONNECT_MANAGED", federatedRequest, identity.ConnectManaged, []cuerrors.Want{
			ve("Password", cuerrors.CodeRequired), vw("IdentityInfo.Email", cuerrors.CodeRequired)}},
		{"full/CONNECT_MANAGED", fullRequest, identity.ConnectManaged, nil},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := Validate(tc.in(), WithIdentityManagement(tc.typ))
			if d := cuerrors.Diff(tc.want, got); d != "" {
				t.Errorf("violations differ:\n%s", d)
			}
		})
	}
}
