package report_test

import (
	"bytes"
	"fmt"
	"os"
	"strings"

	"github.com/connectkit/createuser/report"
	"github.com/connectkit/createuser/user"
)

var document = []byte(`{
  "InstanceId": "40c83b68-ea62-414c-97bb-d018e39e158e",
  "Username": "john smith",
  "SecurityProfileIds": ["12345678-1234-1234-1234-123456789012"],
  "RoutingProfileId": "87654321-4321-4321-4321-210987654321"
}`)

// Violations of a document as GitHub Actions annotations, at the line and
// column of each member.
func ExampleAppendGitHub() {
	_, list := user.ValidateDocument(document)
	d := report.Document{Source: "requests/john.json", Violations: list}
	os.Stdout.Write(report.AppendGitHub(nil, &d))
	// Output:
	// ::error file=requests/john.json,line=3,col=3,title=username.pattern::Username: Username may contain only A-Z, a-z, 0-9, _, -, . and @. (value "john smith")
}

// A SARIF 2.1.0 log of a run, for code scanning.
func ExampleWriteSARIF() {
	_, list := user.ValidateDocument(document)
	var out bytes.Buffer
	err := report.WriteSARIF(&out, []report.Document{{Source: "requests/john.json", Violations: list}}, report.Options{})
	fmt.Println(err, strings.Contains(out.String(), `"ruleId": "username.pattern"`), strings.Contains(out.String(), `"startLine": 3`))
	// Output: <nil> true true
}

// A JUnit XML report: a suite per file, a case per document, a failure
// per error.
func ExampleWriteJUnit() {
	_, list := user.ValidateDocument(document)
	var out bytes.Buffer
	err := report.WriteJUnit(&out, []report.Document{{Source: "requests/john.json", Violations: list}}, report.Options{})
	fmt.Println(err, strings.Count(out.String(), "<failure "))
	// Output: <nil> 1
}

// Ignoring rules by id or pattern.
func ExampleNewIgnore() {
	ig, err := report.NewIgnore("username.*")
	if err != nil {
		fmt.Println(err)
		return
	}
	_, list := user.ValidateDocument(document)
	fmt.Println(len(list), len(ig.Filter(list)))
	_, err = report.NewIgnore("usrname.pattern")
	fmt.Println(err)
	// Output:
	// 1 0
	// ignore "usrname.pattern": matches no rule (connectuser rules lists them)
}
