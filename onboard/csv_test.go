package onboard_test

import (
	"context"
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	cuerrors "github.com/connectkit/createuser/errors"
	"github.com/connectkit/createuser/identity"
	"github.com/connectkit/createuser/onboard"
)

const header16 = "first name,last name,email address,secondary email address,mobile,password,user login,agent hierarchy,routing profile name,security_profile_name_1|security_profile_name_2,user_hierarchy_1|user_hierarchy_2,phone type (soft/desk),phone number,soft phone auto accept (yes/no),ACW timeout (seconds),tags\n"

const header13 = "First Name , Last Name,Email Address,Secondary Email Address,Mobile,Password,User Login,Routing Profile Name,security_profile_name_1|security_profile_name_2,Phone Type (soft/desk),Phone Number,Soft Phone Auto Accept (yes/no),ACW Timeout (seconds)\n"

// importCSV imports data with the names of the test instance (offline)
// and returns the rows and the error.
func importCSV(t *testing.T, data string) ([]onboard.Row, error) {
	t.Helper()
	names := namesTable(t)
	im := onboard.NewImporter(names, testInstance, identity.ConnectManaged)
	var rows []onboard.Row
	err := im.Import(context.Background(), strings.NewReader(data), "users.csv", func(r onboard.Row) { rows = append(rows, r) })
	return rows, err
}

func namesTable(t *testing.T) *onboard.NamesTable {
	t.Helper()
	path := t.TempDir() + "/names.json"
	os.WriteFile(path, []byte(`{"SecurityProfiles":{"Agent":"`+agentID+`","Admin":"`+adminID+`"},`+
		`"RoutingProfiles":{"Basic Routing Profile":"`+routingID+`"},`+
		`"HierarchyGroups":{"North":"`+groupTop+`","North|Team A":"`+groupLeaf+`"}}`), 0o600)
	tbl, err := onboard.ReadNamesTable(path)
	if err != nil {
		t.Fatal(err)
	}
	return tbl
}

func TestImportTemplate(t *testing.T) {
	data := "\ufeff" + strings.ReplaceAll(header16, "\n", "\r\n") +
		"Mary,Major,mary@example.com,,+15555550101,Passw0rdExample,mmajor,,Basic Routing Profile,Agent|Admin,North|Team A,desk,+15555550102,no,0,team=north|site=remote\r\n" +
		"\"Diego\nJosé\",\"Ramirez, Jr.\",diego@example.com,,,Passw0rdExample,dramirez,Team A,Basic Routing Profile,Agent,,soft,,yes,30,\r\n" +
		"Paulo,Santos,paulo@example.com,,,Passw0rdExample,psantos,,Basic Routing Profile,Agent,,,,,,\r\n"
	rows, err := importCSV(t, data)
	if err != nil {
		t.Fatal(err)
	}
	if len(rows) != 3 || rows[2].Origin.Line != 5 {
		t.Fatalf("%d rows; the one after a record of two lines starts on line 5: %v", len(rows), rows[len(rows)-1].Origin)
	}
	if len(rows) != 3 {
		t.Fatalf("%d rows", len(rows))
	}
	for _, r := range rows {
		if r.Input == nil {
			t.Fatalf("row %s: no document: %v", r.Origin, r.Problems)
		}
	}
	m := rows[0].Input
	got := []any{rows[0].Origin.Line, m.Username, m.SecurityProfileIds, m.RoutingProfileId, *m.HierarchyGroupId,
		string(*m.PhoneConfig.PhoneType), m.PhoneConfig.DeskPhoneNumber.Reveal(), m.PhoneConfig.AutoAccept,
		m.PhoneConfig.AfterContactWorkTimeLimit, m.Tags, m.InstanceId}
	// "no" and 0 are the service's own values: left out.
	want := []any{2, "mmajor", []string{agentID, adminID}, routingID, groupLeaf, "DESK_PHONE", "+15555550102", (*bool)(nil),
		(*int64)(nil), map[string]string{"team": "north", "site": "remote"}, testInstance}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("row 2 (-want +got):\n%s", d)
	}
	// A record with a line break in a quoted field starts on line 3; the
	// agent hierarchy (a unique name) gives the group.
	d := rows[1].Input
	if rows[1].Origin.Line != 3 || d.IdentityInfo.FirstName.Reveal() != "Diego\nJosé" || d.IdentityInfo.LastName.Reveal() != "Ramirez, Jr." || *d.HierarchyGroupId != groupLeaf {
		t.Errorf("row 3: line %d, %+v", rows[1].Origin.Line, d)
	}
}

func TestImportOlderTemplate(t *testing.T) {
	rows, err := importCSV(t, header13+"Mary,Major,mary@example.com,,,Passw0rdExample,mmajor,Basic Routing Profile,Agent,soft,,yes,30\n")
	if err != nil || len(rows) != 1 || rows[0].Input == nil {
		t.Fatalf("%v %+v", err, rows)
	}
	if rows[0].Input.HierarchyGroupId != nil || rows[0].Input.Tags != nil {
		t.Errorf("the older template has no hierarchy or tags: %+v", rows[0].Input)
	}
}

// problem is what a test compares of a Problem.
type problem struct {
	Line         int
	Column, Rule string
	Code         cuerrors.Code
}

func TestImportProblems(t *testing.T) {
	good := "Mary,Major,mary@example.com,,,Passw0rdExample,mmajor,,Basic Routing Profile,Agent,,soft,,yes,30,\n"
	cases := []struct {
		name string
		row  string
		want []problem
	}{
		{"typo in a security profile", "Mary,Major,mary@example.com,,,Passw0rdExample,mmajor,,Basic Routing Profile,Agent|Admn,,soft,,yes,30,\n",
			[]problem{{3, "security_profile_name_1|security_profile_name_2", "names.security-profile.reference", cuerrors.CodeReference}}},
		{"unknown routing profile", "Mary,Major,mary@example.com,,,Passw0rdExample,mmajor,,Premium,Agent,,soft,,yes,30,\n",
			[]problem{{3, "routing profile name", "names.routing-profile.reference", cuerrors.CodeReference}}},
		{"unknown hierarchy path", "Mary,Major,mary@example.com,,,Passw0rdExample,mmajor,,Basic Routing Profile,Agent,South|Team A,soft,,yes,30,\n",
			[]problem{{3, "user_hierarchy_1|user_hierarchy_2", "names.hierarchy-group.reference", cuerrors.CodeReference}}},
		{"both hierarchies, different groups", "Mary,Major,mary@example.com,,,Passw0rdExample,mmajor,North,Basic Routing Profile,Agent,North|Team A,soft,,yes,30,\n",
			[]problem{{3, "agent hierarchy", onboard.RuleHierarchyConflict, cuerrors.CodeConflict}}},
		{"bad email", "Mary,Major,mary@,,,Passw0rdExample,mmajor,,Basic Routing Profile,Agent,,soft,,yes,30,\n",
			[]problem{{3, "email address", "identity-info.email.pattern", cuerrors.CodePattern}}},
		{"bad phone type, auto accept, ACW, tags", "Mary,Major,mary@example.com,,,Passw0rdExample,mmajor,,Basic Routing Profile,Agent,,cell,,maybe,1.5,team\n",
			[]problem{{3, "phone type (soft/desk)", onboard.RulePhoneTypeEnum, cuerrors.CodeEnum}, {3, "soft phone auto accept (yes/no)", onboard.RuleAutoAcceptEnum, cuerrors.CodeEnum},
				{3, "ACW timeout (seconds)", onboard.RuleACWTimeoutType, cuerrors.CodeType}, {3, "tags", onboard.RuleTagsSyntax, cuerrors.CodeSyntax}}},
		{"ragged row", "Mary,Major\n", []problem{{3, "", onboard.RuleCSVFields, cuerrors.CodeCount}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			rows, err := importCSV(t, header16+good+tc.row)
			if err != nil {
				t.Fatal(err)
			}
			if len(rows) != 2 || rows[0].Input == nil || len(rows[0].Problems) != 0 {
				t.Fatalf("rows %+v", rows)
			}
			if rows[1].Input != nil {
				t.Errorf("a row with an error yields a document")
			}
			var got []problem
			for _, p := range rows[1].Problems {
				got = append(got, problem{p.Line, p.Column, p.Violation.Rule, p.Violation.Code})
			}
			if d := cmp.Diff(tc.want, got); d != "" {
				t.Errorf("problems (-want +got):\n%s", d)
			}
		})
	}
}

func TestImportSuggestsTheNearestName(t *testing.T) {
	rows, _ := importCSV(t, header16+"Mary,Major,mary@example.com,,,Passw0rdExample,mmajor,,Basic Routing Profile,Agnet,,soft,,yes,30,\n")
	p := rows[0].Problems[0]
	if !strings.Contains(p.Violation.Message, "Did you mean Agent ("+agentID+")?") || p.Violation.Value.Interface() != "Agnet" {
		t.Errorf("problem %s: want Agent suggested", p)
	}
	if !strings.HasPrefix(p.String(), `users.csv:2: "security_profile_name_1|security_profile_name_2": error reference names.security-profile.reference: `) {
		t.Errorf("rendered %q", p.String())
	}
}

func TestImportBadFiles(t *testing.T) {
	cases := []struct {
		name, data string
		want       problem
	}{
		{"empty file", "", problem{1, "", onboard.RuleCSVHeader, cuerrors.CodeRequired}},
		{"unknown column", strings.Replace(header16, "user login", "user name", 1), problem{1, "user name", onboard.RuleCSVHeader, cuerrors.CodeUnknown}},
		{"missing column", strings.Replace(header16, ",password", "", 1), problem{1, "", onboard.RuleCSVHeader, cuerrors.CodeRequired}},
		{"column twice", strings.Replace(header16, "tags", "mobile", 1), problem{1, "mobile", onboard.RuleCSVHeader, cuerrors.CodeDuplicate}},
		{"bare quote", header16 + "Mary,Ma\"jor,,,,,,,,,,,,,,\n", problem{2, "", onboard.RuleCSVSyntax, cuerrors.CodeSyntax}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			_, err := importCSV(t, tc.data)
			var ce *onboard.CSVError
			if !errors.As(err, &ce) {
				t.Fatalf("error %v, want a *CSVError", err)
			}
			got := problem{ce.Line, ce.Column, ce.Violation.Rule, ce.Violation.Code}
			if got != tc.want {
				t.Errorf("got %+v, want %+v (%s)", got, tc.want, ce)
			}
		})
	}
}

func TestImportNamesFromTheInstance(t *testing.T) {
	srv := newServer(t)
	names := onboard.NewInstanceNames(newClient(srv), testInstance, fast()...)
	if tp, err := names.IdentityManagement(context.Background()); err != nil || tp != identity.ConnectManaged {
		t.Fatalf("identity %v %v", tp, err)
	}
	im := onboard.NewImporter(names, testInstance, identity.ConnectManaged)
	var rows []onboard.Row
	err := im.Import(context.Background(), strings.NewReader(header16+
		"Mary,Major,mary@example.com,,,Passw0rdExample,mmajor,,Basic Routing Profile,Agent|Admin,North|Team A,soft,,yes,30,\n"+
		"Mary,Minor,minor@example.com,,,Passw0rdExample,mminor,,Basic Routing Profile,agent,North|Team B,soft,,yes,30,\n"), "users.csv",
		func(r onboard.Row) { rows = append(rows, r) })
	if err != nil {
		t.Fatal(err)
	}
	if in := rows[0].Input; in == nil || *in.HierarchyGroupId != groupLeaf || in.SecurityProfileIds[1] != adminID {
		t.Fatalf("row 2: %+v", rows[0])
	}
	var got []string
	for _, p := range rows[1].Problems {
		got = append(got, p.Column+" "+p.Violation.Rule)
	}
	want := []string{"security_profile_name_1|security_profile_name_2 names.security-profile.reference",
		"user_hierarchy_1|user_hierarchy_2 names.hierarchy-group.reference"}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("(-want +got):\n%s", d)
	}
	if msg := rows[1].Problems[1].Violation.Message; !strings.Contains(msg, "Did you mean North|Team A ("+groupLeaf+")?") {
		t.Errorf("message %q", msg)
	}
}
