package report_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/santhosh-tekuri/jsonschema/v6"

	"github.com/connectkit/createuser/report"
	"github.com/connectkit/createuser/user"
)

// sarifClutter returns the paths in v (a decoded SARIF log) of the -1
// sentinels that mean "not set", of empty lists (but a run's results,
// which SARIF wants as [] when nothing was found) and of empty objects.
func sarifClutter(v any, path string) []string {
	var out []string
	switch v := v.(type) {
	case map[string]any:
		if len(v) == 0 {
			out = append(out, path+" {}")
		}
		for k, x := range v {
			out = append(out, sarifClutter(x, path+"."+k)...)
		}
	case []any:
		if len(v) == 0 && !(len(path) > 8 && path[len(path)-8:] == ".results") {
			out = append(out, path+" []")
		}
		for i, x := range v {
			out = append(out, sarifClutter(x, fmt.Sprintf("%s[%d]", path, i))...)
		}
	case json.Number:
		if v == "-1" {
			out = append(out, path+" -1")
		}
	}
	return out
}

// The SARIF log holds no "not set" sentinels and no empty lists or
// objects, and tool.driver.rules holds the rules that have results, in the
// catalog's order, each result's ruleIndex pointing at its rule. The log
// still validates against the official schema.
func TestSARIFCompact(t *testing.T) {
	schema := sarifSchema(t)
	docs := exampleDocuments(t)
	for _, tc := range []struct {
		name string
		docs []report.Document
		o    report.Options
	}{
		{"all", docs, report.Options{ToolVersion: "0.1.0"}},
		{"none", nil, report.Options{}},
		{"first", docs[:1], report.Options{}},
		{"ignoring", docs, report.Options{Ignore: mustIgnore(t, "document.*", "username.*")}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var out bytes.Buffer
			if err := report.WriteSARIF(&out, tc.docs, tc.o); err != nil {
				t.Fatal(err)
			}
			inst, err := jsonschema.UnmarshalJSON(bytes.NewReader(out.Bytes()))
			if err != nil {
				t.Fatal(err)
			}
			if err := schema.Validate(inst); err != nil {
				t.Fatalf("the SARIF log does not validate against the official schema: %v", err)
			}
			dec := json.NewDecoder(bytes.NewReader(out.Bytes()))
			dec.UseNumber()
			var tree any
			if err := dec.Decode(&tree); err != nil {
				t.Fatal(err)
			}
			if c := sarifClutter(tree, "$"); len(c) > 0 {
				slices.Sort(c)
				t.Errorf("%d sentinels or empty members, e.g. %v", len(c), c[:min(len(c), 8)])
			}

			var log sarifLog
			if err := json.Unmarshal(out.Bytes(), &log); err != nil {
				t.Fatal(err)
			}
			used := map[string]bool{}
			for _, d := range tc.docs {
				for _, v := range d.Violations {
					if !tc.o.Ignore.Matches(v.Rule) {
						used[v.Rule] = true
					}
				}
			}
			var want []string
			for _, r := range user.Rules() {
				if used[r.ID] {
					want = append(want, r.ID)
				}
			}
			var got []string
			for _, r := range log.Runs[0].Tool.Driver.Rules {
				got = append(got, r.ID)
			}
			if diff := cmp.Diff(want, got); diff != "" {
				t.Errorf("tool.driver.rules (-want +got):\n%s", diff)
			}
			for i, r := range log.Runs[0].Results {
				if r.RuleIndex < 0 || r.RuleIndex >= len(got) || got[r.RuleIndex] != r.RuleID {
					t.Errorf("result %d: ruleIndex %d does not name %s", i, r.RuleIndex, r.RuleID)
				}
			}
		})
	}
}

func mustIgnore(t *testing.T, patterns ...string) report.Ignore {
	t.Helper()
	ig, err := report.NewIgnore(patterns...)
	if err != nil {
		t.Fatal(err)
	}
	return ig
}
