package report_test

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"

	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/connectkit/createuser/report"
	"github.com/connectkit/createuser/user"
)

// sarifSchemaFile is the official SARIF 2.1.0 schema, copied into testdata
// (see testdata/README.md).
const sarifSchemaFile = "testdata/sarif-schema-2.1.0.json"

func sarifSchema(t *testing.T) *jsonschema.Schema {
	t.Helper()
	c := jsonschema.NewCompiler()
	c.AssertFormat()
	s, err := c.Compile(sarifSchemaFile)
	if err != nil {
		t.Fatalf("compiling the SARIF schema: %v", err)
	}
	return s
}

// The copy in testdata is the shared one, when the shared folder is
// beside the repository (as in CI: ../shared).
func TestSARIFSchemaCopy(t *testing.T) {
	shared, err := os.ReadFile(filepath.Join("..", "..", "shared", "schemas", "sarif-schema-2.1.0.json"))
	if os.IsNotExist(err) {
		t.Log("../shared/schemas is not beside the repository; the copy in testdata is used as it is")
		return
	}
	if err != nil {
		t.Fatal(err)
	}
	copied, err := os.ReadFile(sarifSchemaFile)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(shared, copied) {
		t.Errorf("%s differs from ../shared/schemas/sarif-schema-2.1.0.json: copy it again", sarifSchemaFile)
	}
}

type sarifLog struct {
	Runs []struct {
		ColumnKind string `json:"columnKind"`
		Tool       struct {
			Driver struct {
				Name  string `json:"name"`
				Rules []struct {
					ID                   string `json:"id"`
					DefaultConfiguration struct {
						Level string `json:"level"`
					} `json:"defaultConfiguration"`
				} `json:"rules"`
			} `json:"driver"`
		} `json:"tool"`
		Results []struct {
			RuleID    string `json:"ruleId"`
			RuleIndex int    `json:"ruleIndex"`
			Level     string `json:"level"`
			Locations []struct {
				PhysicalLocation struct {
					ArtifactLocation struct {
						URI string `json:"uri"`
					} `json:"artifactLocation"`
					Region struct {
						StartLine   int `json:"startLine"`
						StartColumn int `json:"startColumn"`
					} `json:"region"`
				} `json:"physicalLocation"`
				LogicalLocations []struct {
					FullyQualifiedName string `json:"fullyQualifiedName"`
				} `json:"logicalLocations"`
			} `json:"locations"`
		} `json:"results"`
	} `json:"runs"`
}

// The SARIF of every example document validates against the official
// schema, holds the catalog's rules and one result per violation, at the
// violation's rule, level and position.
func TestSARIFExamples(t *testing.T) {
	schema := sarifSchema(t)
	docs := exampleDocuments(t)
	for _, tc := range []struct {
		name string
		docs []report.Document
	}{{"all", docs}, {"none", nil}, {"first", docs[:1]}} {
		t.Run(tc.name, func(t *testing.T) {
			var out bytes.Buffer
			if err := report.WriteSARIF(&out, tc.docs, report.Options{ToolVersion: "0.1.0"}); err != nil {
				t.Fatal(err)
			}
			inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(out.Bytes()))
			if err != nil {
				t.Fatal(err)
			}
			if err := schema.Validate(inst); err != nil {
				t.Fatalf("the SARIF log does not validate against the official schema: %v", err)
			}
			var log sarifLog
			if err := json.Unmarshal(out.Bytes(), &log); err != nil {
				t.Fatal(err)
			}
			if len(log.Runs) != 1 {
				t.Fatalf("%d runs, want 1", len(log.Runs))
			}
			run := log.Runs[0]
			if run.ColumnKind != "unicodeCodePoints" {
				t.Errorf("columnKind %q", run.ColumnKind)
			}
			// The rules that have results (TestSARIFCompact), each with
			// the catalog's severity as its level.
			catalog := map[string]string{}
			for _, r := range user.Rules() {
				catalog[r.ID] = r.Severity.String()
			}
			for i, got := range run.Tool.Driver.Rules {
				if level, ok := catalog[got.ID]; !ok || got.DefaultConfiguration.Level != level {
					t.Errorf("rule %d: %s (%s), want a rule of the catalog at its level (%s)", i, got.ID, got.DefaultConfiguration.Level, level)
				}
			}
			k := 0
			for _, d := range tc.docs {
				for _, v := range d.Violations {
					if k >= len(run.Results) {
						t.Fatalf("%d results, fewer than the violations", len(run.Results))
					}
					r := run.Results[k]
					k++
					if r.RuleID != v.Rule || r.Level != v.Severity.String() || run.Tool.Driver.Rules[r.RuleIndex].ID != v.Rule {
						t.Errorf("result %d: %s %s (index %d), want %s %s", k, r.RuleID, r.Level, r.RuleIndex, v.Rule, v.Severity)
					}
					if len(r.Locations) != 1 {
						t.Fatalf("result %d: %d locations", k, len(r.Locations))
					}
					loc := r.Locations[0].PhysicalLocation
					if loc.ArtifactLocation.URI != d.Source || loc.Region.StartLine != v.Line || loc.Region.StartColumn != v.Column {
						t.Errorf("result %d (%s): %s:%d:%d, want %s:%d:%d", k, v.Rule, loc.ArtifactLocation.URI,
							loc.Region.StartLine, loc.Region.StartColumn, d.Source, v.Line, v.Column)
					}
					if !v.Field.IsRoot() && r.Locations[0].LogicalLocations[0].FullyQualifiedName != v.Field.String() {
						t.Errorf("result %d: logical location %v, want %s", k, r.Locations[0].LogicalLocations, v.Field.String())
					}
				}
			}
			if k != len(run.Results) {
				t.Errorf("%d results, want %d", len(run.Results), k)
			}
		})
	}
}

// Ignored rules are absent from the rules and the results; URIs stay
// relative and escaped.
func TestSARIFIgnoreAndURIs(t *testing.T) {
	docs := exampleDocuments(t)
	ig, err := report.NewIgnore("username.*", "document.unknown")
	if err != nil {
		t.Fatal(err)
	}
	abs, err := filepath.Abs(filepath.Join("dir with space", "a#b.json"))
	if err != nil {
		t.Fatal(err)
	}
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	most := docs[0]
	for _, d := range docs {
		if len(d.Violations) > len(most.Violations) {
			most = d
		}
	}
	docs = append(docs, report.Document{Source: "c:d.json", Violations: ig.Filter(most.Violations)[:1]})
	docs = append(docs, report.Document{Source: abs, Violations: most.Violations})
	var out bytes.Buffer
	if err := report.WriteSARIF(&out, docs, report.Options{Ignore: ig, BaseDir: wd}); err != nil {
		t.Fatal(err)
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(out.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if err := sarifSchema(t).Validate(inst); err != nil {
		t.Fatal(err)
	}
	var log sarifLog
	if err := json.Unmarshal(out.Bytes(), &log); err != nil {
		t.Fatal(err)
	}
	for _, r := range log.Runs[0].Tool.Driver.Rules {
		if ig.Matches(r.ID) {
			t.Errorf("ignored rule %s in tool.driver.rules", r.ID)
		}
	}
	last, colon := "", false
	for _, r := range log.Runs[0].Results {
		if ig.Matches(r.RuleID) {
			t.Errorf("ignored rule %s in the results", r.RuleID)
		}
		last = r.Locations[0].PhysicalLocation.ArtifactLocation.URI
		colon = colon || last == "./c:d.json"
	}
	if !colon {
		t.Error(`no result at "./c:d.json" for the source "c:d.json"`)
	}
	if last != "dir%20with%20space/a%23b.json" {
		t.Errorf("URI of an absolute source: %q", last)
	}
}

// The schema check can fail: a log with a level SARIF does not have is
// rejected.
func TestSARIFSchemaRejects(t *testing.T) {
	var out bytes.Buffer
	if err := report.WriteSARIF(&out, exampleDocuments(t), report.Options{}); err != nil {
		t.Fatal(err)
	}
	bad := bytes.Replace(out.Bytes(), []byte(`"level": "error"`), []byte(`"level": "fatal"`), 1)
	if bytes.Equal(bad, out.Bytes()) {
		t.Fatal("no error level in the log")
	}
	inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(bad))
	if err != nil {
		t.Fatal(err)
	}
	if sarifSchema(t).Validate(inst) == nil {
		t.Error("a level of fatal validates")
	}
}
