package report_test

import (
	"bufio"
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	cuerrors "github.com/connectkit/createuser/errors"
	"github.com/connectkit/createuser/identity"
	"github.com/connectkit/createuser/report"
	"github.com/connectkit/createuser/user"
)

// exampleDocuments reads every document of examples/documents, as
// connectuser validate does (a .jsonl file a document a line), and checks
// it under CONNECT_MANAGED.
func exampleDocuments(t *testing.T) []report.Document {
	t.Helper()
	dir := filepath.Join("..", "examples", "documents")
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	v := user.NewValidator(user.WithIdentityManagement(identity.ConnectManaged))
	var docs []report.Document
	for _, e := range entries {
		name := filepath.ToSlash(filepath.Join("examples", "documents", e.Name()))
		data, err := os.ReadFile(filepath.Join(dir, e.Name()))
		if err != nil {
			t.Fatal(err)
		}
		switch filepath.Ext(e.Name()) {
		case ".json":
			_, list := v.ValidateDocument(data)
			docs = append(docs, report.Document{Source: name, Violations: list})
		case ".jsonl":
			sc := bufio.NewScanner(bytes.NewReader(data))
			sc.Buffer(nil, 1<<20)
			for n := 1; sc.Scan(); n++ {
				if strings.TrimSpace(sc.Text()) == "" {
					continue
				}
				_, list := v.ValidateDocument(sc.Bytes())
				for i := range list {
					list[i].Line += n - 1
				}
				docs = append(docs, report.Document{Source: name, Line: n, Violations: list})
			}
		}
	}
	if len(docs) < 5 {
		t.Fatalf("only %d example documents", len(docs))
	}
	return docs
}

// violations counts the violations of docs by severity.
func violations(docs []report.Document) (errs, warnings int) {
	for _, d := range docs {
		errs += d.Violations.Count(cuerrors.SeverityError)
		warnings += d.Violations.Count(cuerrors.SeverityWarning)
	}
	return errs, warnings
}

func TestIgnore(t *testing.T) {
	ig, err := report.NewIgnore("username.email", "tags.*")
	if err != nil {
		t.Fatal(err)
	}
	for rule, want := range map[string]bool{
		"username.email": true, "tags.key.reserved": true, "tags.count": true,
		"username.pattern": false, "username.email.x": false, "tag.count": false,
	} {
		if got := ig.Matches(rule); got != want {
			t.Errorf("Matches(%q) = %v, want %v", rule, got, want)
		}
	}
	for _, bad := range []string{"usrname.email", "[", "nothing.*"} {
		if _, err := report.NewIgnore(bad); err == nil {
			t.Errorf("NewIgnore(%q): no error", bad)
		}
	}
	list := cuerrors.List{{Rule: "username.email"}, {Rule: "username.pattern"}, {Rule: "tags.count"}}
	got := ig.Filter(list)
	if len(got) != 1 || got[0].Rule != "username.pattern" {
		t.Errorf("Filter kept %v", got)
	}
	if got := (report.Ignore{}).Filter(list); len(got) != 3 {
		t.Errorf("the zero Ignore dropped violations: %v", got)
	}
}

func TestGitHub(t *testing.T) {
	d := report.Document{Source: "dir,a:b%.json", Violations: cuerrors.List{
		{Field: cuerrors.NewPath("Tags"), Code: cuerrors.CodePattern, Severity: cuerrors.SeverityError, Rule: "tags.key.pattern",
			Message: "A tag key may contain only letters.", Value: cuerrors.StringValue("a\r\nb%"), Line: 3, Column: 5},
		{Field: cuerrors.NewPath("Username"), Code: cuerrors.CodeLength, Severity: cuerrors.SeverityWarning, Rule: "username.length.documented",
			Message: "Too long.", Line: 2, Column: 3},
		{Code: cuerrors.CodeLength, Severity: cuerrors.SeverityError, Rule: "document.size", Message: "Too large."},
	}}
	got := string(report.AppendGitHub(nil, &d))
	want := "::error file=dir%2Ca%3Ab%25.json,line=3,col=5,title=tags.key.pattern::Tags: A tag key may contain only letters. (value \"a\\r\\nb%25\")\n" +
		"::warning file=dir%2Ca%3Ab%25.json,line=2,col=3,title=username.length.documented::Username: Too long.\n" +
		"::error file=dir%2Ca%3Ab%25.json,line=1,col=1,title=document.size::Too large.\n"
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
	// A raw line end in the data is escaped: every command stays one line.
	d.Violations[0].Message = "two\nlines\r"
	out := string(report.AppendGitHub(nil, &d))
	if strings.Count(out, "\n") != 3 || strings.Contains(out, "\r") {
		t.Errorf("a line end escaped the command: %q", out)
	}
	if !strings.Contains(out, "two%0Alines%0D") {
		t.Errorf("line ends not escaped as %%0A and %%0D: %q", out)
	}
}

// The GitHub commands of the example documents: one per violation, each
// at the violation's position.
func TestGitHubExamples(t *testing.T) {
	docs := exampleDocuments(t)
	var b []byte
	for i := range docs {
		b = report.AppendGitHub(b, &docs[i])
	}
	errs, warnings := violations(docs)
	lines := strings.Split(strings.TrimSuffix(string(b), "\n"), "\n")
	gotErrs, gotWarnings := 0, 0
	for _, l := range lines {
		switch {
		case strings.HasPrefix(l, "::error file=examples/documents/"):
			gotErrs++
		case strings.HasPrefix(l, "::warning file=examples/documents/"):
			gotWarnings++
		default:
			t.Errorf("not a workflow command: %q", l)
		}
	}
	if gotErrs != errs || gotWarnings != warnings {
		t.Errorf("%d ::error and %d ::warning, want %d and %d", gotErrs, gotWarnings, errs, warnings)
	}
}
