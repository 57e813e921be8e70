package main

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// validate and apply name the same line for the same broken JSON Lines
// line: the file's line, in the violation's position and in its message.
func TestValidateAndApplyAgreeOnLines(t *testing.T) {
	good := `{"InstanceId":"` + demoInstance + `","Username":"agent1","Password":"Passw0rdExample1",` +
		`"IdentityInfo":{"FirstName":"A","LastName":"B","Email":"a@example.com"},` +
		`"SecurityProfileIds":["` + demoAgent + `"],"RoutingProfileId":"87654321-9876-9876-9876-210987654321"}`
	cases := []struct {
		name     string
		content  string
		wantLine int
	}{
		{"syntax error after blank lines", good + "\n\n\n\n" + `{"InstanceId": "x", "Username": ` + "\n", 5},
		{"syntax error on the first line", `{"Username": }` + "\n", 1},
		{"syntax error after a good line", good + "\n" + `{"Username": "x",, }` + "\n", 2},
	}
	srv := demoServer(t)
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			if err := os.WriteFile(filepath.Join(dir, "users.jsonl"), []byte(tc.content), 0o600); err != nil {
				t.Fatal(err)
			}
			v := runBinary(t, dir, nil, "validate", "--format", "json", "users.jsonl")
			var syntax *violation
			for _, rec := range parseReport(t, v.stdout) {
				for i, x := range rec.Violations {
					if x.Code == "syntax" {
						if rec.Line != tc.wantLine || x.Line != tc.wantLine {
							t.Errorf("validate: document at line %d, violation at line %d, want %d", rec.Line, x.Line, tc.wantLine)
						}
						syntax = &rec.Violations[i]
					}
				}
			}
			if syntax == nil {
				t.Fatalf("validate reported no syntax error:\n%s", v.stdout)
			}
			a := runBinary(t, dir, nil, "apply", "--dry-run", "--endpoint-url", srv.URL, "--instance-id", demoInstance, "--journal", "j.jsonl", "--progress", "none", "users.jsonl")
			want := fmt.Sprintf("users.jsonl:%d: error (document) [syntax %s] %s", tc.wantLine, syntax.Rule, syntax.Message)
			if a.code != exitInvalid || !strings.Contains(a.stdout, want+"\n") {
				t.Errorf("apply: exit %d, stdout:\n%s\nwant the line:\n%s", a.code, a.stdout, want)
			}
		})
	}
}
