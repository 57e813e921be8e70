package report_test

import (
	"bytes"
	"encoding/json"
	"encoding/xml"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/connectkit/createuser/report"
)

// notCheckedDocs are a checked document and one that was not checked
// against its instance.
var notCheckedDocs = []report.Document{
	{Source: "users.jsonl", Line: 1},
	{Source: "users.jsonl", Line: 2, NotChecked: "the instance (DescribeInstance failed)"},
}

// A document that was not checked does not pass in JUnit: its case has an
// <error> (the test could not be run), counted in the errors of its
// suite and of the whole.
func TestJUnitNotChecked(t *testing.T) {
	var out bytes.Buffer
	if err := report.WriteJUnit(&out, notCheckedDocs, report.Options{}); err != nil {
		t.Fatal(err)
	}
	var got struct {
		Errors int `xml:"errors,attr"`
		Suites []struct {
			Errors int `xml:"errors,attr"`
			Cases  []struct {
				Name   string `xml:"name,attr"`
				Errors []struct {
					Type    string `xml:"type,attr"`
					Message string `xml:"message,attr"`
				} `xml:"error"`
			} `xml:"testcase"`
		} `xml:"testsuite"`
	}
	if err := xml.Unmarshal(out.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	cases := got.Suites[0].Cases
	if got.Errors != 1 || got.Suites[0].Errors != 1 || len(cases) != 2 || len(cases[0].Errors) != 0 ||
		len(cases[1].Errors) != 1 || cases[1].Errors[0].Type != "not-checked" || cases[1].Errors[0].Message == "" {
		t.Errorf("got %+v\n%s", got, out.String())
	}
}

// A document that was not checked is a tool execution notification of an
// unsuccessful invocation in SARIF, at the document's line; the log still
// validates against the official schema. Without one, no invocation.
func TestSARIFNotChecked(t *testing.T) {
	schema := sarifSchema(t)
	for _, tc := range []struct {
		name string
		docs []report.Document
		want int
	}{{"not checked", notCheckedDocs, 1}, {"checked", notCheckedDocs[:1], 0}} {
		t.Run(tc.name, func(t *testing.T) {
			var out bytes.Buffer
			if err := report.WriteSARIF(&out, tc.docs, report.Options{}); err != nil {
				t.Fatal(err)
			}
			inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(out.Bytes()))
			if err != nil {
				t.Fatal(err)
			}
			if err := schema.Validate(inst); err != nil {
				t.Fatalf("the SARIF log does not validate against the official schema: %v", err)
			}
			var log struct {
				Runs []struct {
					Invocations []struct {
						ExecutionSuccessful bool `json:"executionSuccessful"`
						Notifications       []struct {
							Level     string `json:"level"`
							Locations []struct {
								PhysicalLocation struct {
									ArtifactLocation struct{ URI string }    `json:"artifactLocation"`
									Region           struct{ StartLine int } `json:"region"`
								} `json:"physicalLocation"`
							} `json:"locations"`
						} `json:"toolExecutionNotifications"`
					} `json:"invocations"`
				} `json:"runs"`
			}
			if err := json.Unmarshal(out.Bytes(), &log); err != nil {
				t.Fatal(err)
			}
			inv := log.Runs[0].Invocations
			if tc.want == 0 {
				if len(inv) != 0 {
					t.Errorf("invocations %+v, want none", inv)
				}
				return
			}
			if len(inv) != 1 || inv[0].ExecutionSuccessful || len(inv[0].Notifications) != 1 {
				t.Fatalf("invocations %+v\n%s", inv, out.String())
			}
			n := inv[0].Notifications[0]
			if n.Level != "error" || len(n.Locations) != 1 || n.Locations[0].PhysicalLocation.ArtifactLocation.URI != "users.jsonl" ||
				n.Locations[0].PhysicalLocation.Region.StartLine != 2 {
				t.Errorf("notification %+v", n)
			}
		})
	}
}
