package report_test

import (
	"bytes"
	"encoding/xml"
	"strings"
	"testing"

	cuerrors "github.com/connectkit/createuser/errors"
	"github.com/connectkit/createuser/report"
)

type junitFailure struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr"`
	Text    string `xml:",chardata"`
}

type junitCase struct {
	Name      string         `xml:"name,attr"`
	Classname string         `xml:"classname,attr"`
	Failures  []junitFailure `xml:"failure"`
	SystemOut string         `xml:"system-out"`
}

type junitSuite struct {
	Name     string      `xml:"name,attr"`
	Tests    int         `xml:"tests,attr"`
	Failures int         `xml:"failures,attr"`
	Cases    []junitCase `xml:"testcase"`
}

type junitSuites struct {
	XMLName  xml.Name     `xml:"testsuites"`
	Tests    int          `xml:"tests,attr"`
	Failures int          `xml:"failures,attr"`
	Suites   []junitSuite `xml:"testsuite"`
}

func parseJUnit(t *testing.T, docs []report.Document, o report.Options) junitSuites {
	t.Helper()
	var out bytes.Buffer
	if err := report.WriteJUnit(&out, docs, o); err != nil {
		t.Fatal(err)
	}
	var got junitSuites
	if err := xml.Unmarshal(out.Bytes(), &got); err != nil {
		t.Fatalf("not XML: %v\n%s", err, out.String())
	}
	return got
}

// A suite per file, a case per document, at most one failure per case (as
// the common consumers expect) that lists every error in its text;
// warnings are failures with --fail-on warning and listed in system-out
// otherwise.
func TestJUnitExamples(t *testing.T) {
	docs := exampleDocuments(t)
	errs, warnings := violations(docs)
	if errs == 0 || warnings == 0 {
		t.Fatalf("the examples have %d errors and %d warnings; the test needs both", errs, warnings)
	}
	files := map[string]int{}
	failedDocs := 0
	for _, d := range docs {
		files[d.Source]++
		if d.Violations.HasErrors() {
			failedDocs++
		}
	}
	for _, tc := range []struct {
		name           string
		o              report.Options
		failures, outs int
	}{
		{"fail-on error", report.Options{}, errs, warnings},
		{"fail-on warning", report.Options{FailOn: cuerrors.SeverityWarning}, errs + warnings, 0},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := parseJUnit(t, docs, tc.o)
			if len(got.Suites) != len(files) {
				t.Errorf("%d suites, want one per file: %d", len(got.Suites), len(files))
			}
			cases, failures, outs, failedCases := 0, 0, 0, 0
			for _, s := range got.Suites {
				if len(s.Cases) != files[s.Name] || s.Tests != files[s.Name] {
					t.Errorf("suite %s: %d cases (tests=%d), want %d", s.Name, len(s.Cases), s.Tests, files[s.Name])
				}
				suiteFailed := 0
				for _, c := range s.Cases {
					cases++
					if len(c.Failures) > 1 {
						t.Errorf("case %s: %d failures, want one that lists them", c.Name, len(c.Failures))
					}
					for _, f := range c.Failures {
						failures += strings.Count(strings.TrimSuffix(f.Text, "\n"), "\n") + 1
					}
					outs += strings.Count(c.SystemOut, "\n")
					if len(c.Failures) > 0 {
						suiteFailed++
					}
					for _, f := range c.Failures {
						if f.Type == "" || f.Message == "" {
							t.Errorf("case %s: a failure without type or message: %+v", c.Name, f)
						}
					}
				}
				if s.Failures != suiteFailed {
					t.Errorf("suite %s: failures=%d, but %d cases failed", s.Name, s.Failures, suiteFailed)
				}
				failedCases += suiteFailed
			}
			if cases != len(docs) || got.Tests != len(docs) {
				t.Errorf("%d cases (tests=%d), want one per document: %d", cases, got.Tests, len(docs))
			}
			if failures != tc.failures {
				t.Errorf("%d violations in the failures' texts, want %d", failures, tc.failures)
			}
			if outs != tc.outs {
				t.Errorf("%d violations in system-out, want %d", outs, tc.outs)
			}
			if got.Failures != failedCases {
				t.Errorf("testsuites failures=%d, want %d", got.Failures, failedCases)
			}
			if tc.o.FailOn != cuerrors.SeverityWarning && failedCases != failedDocs {
				t.Errorf("%d failed cases, want the %d documents with errors", failedCases, failedDocs)
			}
		})
	}
}

// Ignored rules leave no failure; markup in a message is escaped.
func TestJUnitIgnoreAndEscaping(t *testing.T) {
	ig, err := report.NewIgnore("tags.*")
	if err != nil {
		t.Fatal(err)
	}
	docs := []report.Document{{Source: "a<&>.json", Violations: cuerrors.List{
		{Field: cuerrors.NewPath("Tags"), Code: cuerrors.CodeReserved, Severity: cuerrors.SeverityError, Rule: "tags.key.reserved", Message: "x"},
		{Field: cuerrors.NewPath("Username"), Code: cuerrors.CodePattern, Severity: cuerrors.SeverityError, Rule: "username.pattern",
			Message: "<b>&\"</b>", Value: cuerrors.StringValue("]]>")},
	}}}
	got := parseJUnit(t, docs, report.Options{Ignore: ig})
	c := got.Suites[0].Cases[0]
	if got.Suites[0].Name != "a<&>.json" || len(c.Failures) != 1 || c.Failures[0].Type != "username.pattern" ||
		c.Failures[0].Message != `Username: <b>&"</b> (value "]]>")` {
		t.Errorf("got %+v", got)
	}
}

// A case with several failing violations has one failure: the first's
// rule as its type, and every failing violation in its text, in order.
func TestJUnitOneFailurePerCase(t *testing.T) {
	list := cuerrors.List{
		{Field: cuerrors.NewPath("Username"), Code: cuerrors.CodePattern, Severity: cuerrors.SeverityError, Rule: "username.pattern", Message: "a", Line: 2, Column: 3},
		{Field: cuerrors.NewPath("Tags"), Code: cuerrors.CodeCount, Severity: cuerrors.SeverityWarning, Rule: "tags.count", Message: "b", Line: 4, Column: 1},
		{Field: cuerrors.NewPath("Password"), Code: cuerrors.CodeLength, Severity: cuerrors.SeverityError, Rule: "password.length", Message: "c", Line: 5, Column: 1},
	}
	got := parseJUnit(t, []report.Document{{Source: "u.json", Violations: list}}, report.Options{})
	c := got.Suites[0].Cases[0]
	if len(c.Failures) != 1 {
		t.Fatalf("%d failures, want 1", len(c.Failures))
	}
	f := c.Failures[0]
	lines := strings.Split(strings.TrimSuffix(f.Text, "\n"), "\n")
	if f.Type != "username.pattern" || len(lines) != 2 ||
		!strings.HasPrefix(lines[0], "error pattern username.pattern at u.json:2:3") ||
		!strings.HasPrefix(lines[1], "error length password.length at u.json:5:1") {
		t.Errorf("failure %+v", f)
	}
	if !strings.HasPrefix(c.SystemOut, "warning count tags.count at u.json:4:1") {
		t.Errorf("system-out %q", c.SystemOut)
	}
	if got.Failures != 1 || got.Suites[0].Failures != 1 {
		t.Errorf("failures=%d, suite failures=%d, want 1", got.Failures, got.Suites[0].Failures)
	}
}
