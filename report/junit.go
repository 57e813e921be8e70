package report

import (
	"encoding/xml"
	"io"
	"strconv"
	"strings"

	cuerrors "github.com/connectkit/createuser/errors"
)

// The JUnit XML schema as the common consumers read it (Jenkins, GitLab,
// GitHub test-report actions): testsuites > testsuite > testcase >
// failure, with the counts as attributes.

type junitSuites struct {
	XMLName  xml.Name     `xml:"testsuites"`
	Name     string       `xml:"name,attr"`
	Tests    int          `xml:"tests,attr"`
	Failures int          `xml:"failures,attr"`
	Errors   int          `xml:"errors,attr"`
	Suites   []junitSuite `xml:"testsuite"`
}

type junitSuite struct {
	Name     string      `xml:"name,attr"`
	Tests    int         `xml:"tests,attr"`
	Failures int         `xml:"failures,attr"`
	Errors   int         `xml:"errors,attr"`
	Skipped  int         `xml:"skipped,attr"`
	Cases    []junitCase `xml:"testcase"`
}

type junitCase struct {
	Name      string         `xml:"name,attr"`
	Classname string         `xml:"classname,attr"`
	File      string         `xml:"file,attr,omitempty"`
	Line      int            `xml:"line,attr,omitempty"`
	Failures  []junitFailure `xml:"failure"`
	Errors    []junitFailure `xml:"error"`
	SystemOut string         `xml:"system-out,omitempty"`
}

type junitFailure struct {
	Message string `xml:"message,attr"`
	Type    string `xml:"type,attr"`
	Text    string `xml:",chardata"`
}

// WriteJUnit writes docs as JUnit XML (the counts of the suites are of
// test cases: failures is the number of documents with at least one
// failure, as test runners count tests): a test suite per source file (in
// the order in which the sources first appear), a test case per document
// (named after the file, or "line N" in a JSON Lines file), and one
// failure in a case with a violation that fails the run under o.FailOn
// (errors; warnings too with SeverityWarning), as the common consumers
// expect: its type is the rule id of the first such violation, its
// message that violation's [Message] ("(and 3 more)" when there are
// more), its text every such violation, one a line, with its severity,
// code, rule and position ("error pattern username.pattern at
// users.json:3:5: ..."). Violations that do not fail (warnings, by
// default) are listed the same way in the case's system-out, so that they
// are seen without failing the case. A document that was not checked
// ([Document].NotChecked) has an <error> of type "not-checked", counted in
// the errors of its suite and of the whole.
func WriteJUnit(w io.Writer, docs []Document, o Options) error {
	root := junitSuites{Name: ToolName + " validate"}
	at := make(map[string]int) // source -> index of its suite
	for i := range docs {
		d := &docs[i]
		k, ok := at[d.Source]
		if !ok {
			k = len(root.Suites)
			at[d.Source] = k
			root.Suites = append(root.Suites, junitSuite{Name: d.Source})
		}
		c := junitCase{Name: d.Source, Classname: d.Source, File: d.Source, Line: d.Line}
		if d.Line > 0 {
			c.Name = "line " + strconv.Itoa(d.Line)
		}
		var out, failed strings.Builder
		var first *cuerrors.Violation
		n := 0
		for j := range d.Violations {
			v := &d.Violations[j]
			if o.Ignore.Matches(v.Rule) {
				continue
			}
			line, col := position(d, v)
			where := v.Severity.String() + " " + string(v.Code) + " " + v.Rule + " at " +
				d.Source + ":" + strconv.Itoa(line) + ":" + strconv.Itoa(col)
			if o.Fails(v) {
				if first == nil {
					first = v
				}
				n++
				failed.WriteString(where + ": " + Message(v) + "\n")
				continue
			}
			out.WriteString(where + ": " + Message(v) + "\n")
		}
		if first != nil {
			msg := Message(first)
			if n > 1 {
				msg += " (and " + strconv.Itoa(n-1) + " more)"
			}
			c.Failures = []junitFailure{{Message: msg, Type: first.Rule, Text: failed.String()}}
		}
		c.SystemOut = out.String()
		s := &root.Suites[k]
		if d.NotChecked != "" {
			c.Errors = []junitFailure{{Message: "Not checked against " + d.NotChecked + ".", Type: "not-checked"}}
			s.Errors++
			root.Errors++
		}
		s.Cases = append(s.Cases, c)
		s.Tests++
		root.Tests++
		if len(c.Failures) > 0 {
			s.Failures++
			root.Failures++
		}
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", "  ")
	if err := enc.Encode(&root); err != nil {
		return err
	}
	_, err := io.WriteString(w, "\n")
	return err
}
