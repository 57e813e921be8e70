package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"sort"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	cuerrors "github.com/connectkit/createuser/errors"
	"github.com/connectkit/createuser/user"
)

// TestSkeletonOperations holds each operation's template to its request
// type, as TestSkeleton does for CreateUser, and to the command's output.
func TestSkeletonOperations(t *testing.T) {
	for _, op := range user.Operations() {
		text := skeletonOf(op)
		var doc any
		if err := json.Unmarshal([]byte(text), &doc); err != nil {
			t.Fatalf("%s: the skeleton is not JSON: %v\n%s", op, err, text)
		}
		var want, got []string
		wireMembers(reflect.TypeOf(user.NewRequest(op)), "", &want)
		jsonMembers(doc, "", &got)
		sort.Strings(want)
		sort.Strings(got)
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("%s: skeleton members (-request type +skeleton):\n%s", op, diff)
		}
		_, list := user.ValidateOperationDocument(op, []byte(text))
		for _, v := range list {
			switch v.Code {
			case cuerrors.CodeSyntax, cuerrors.CodeType, cuerrors.CodeUnknown, cuerrors.CodeDuplicate:
				t.Errorf("%s: the document reader rejects the skeleton: %v", op, v)
			}
		}
		for _, name := range []string{op.CLIName(), string(op)} {
			res := runBinary(t, "", nil, "skeleton", "--operation", name)
			if res.stdout != text || res.code != exitOK {
				t.Errorf("connectuser skeleton --operation %s: exit status %d, output:\n%s", name, res.code, res.stdout)
			}
		}
	}
}

// TestSchemaOperations checks that schema --operation prints the
// library's schema of the operation.
func TestSchemaOperations(t *testing.T) {
	for _, op := range user.Operations() {
		res := runBinary(t, "", nil, "schema", "--operation", op.CLIName())
		if res.code != exitOK || res.stdout != string(user.JSONSchemaOf(op)) {
			t.Errorf("connectuser schema --operation %s: exit status %d", op.CLIName(), res.code)
		}
	}
}

// TestRulesOperation checks that rules --operation lists exactly the rows
// that name the operation, and the text column of each row.
func TestRulesOperation(t *testing.T) {
	all := user.Rules()
	for _, op := range []user.Operation{user.OperationUpdateUserPhoneConfig, user.OperationUntagResource} {
		res := runBinary(t, "", nil, "rules", "--operation", op.CLIName(), "--format", "json")
		var got []string
		for _, line := range strings.Split(strings.TrimSpace(res.stdout), "\n") {
			var r user.Rule
			if err := json.Unmarshal([]byte(line), &r); err != nil {
				t.Fatalf("%v: %s", err, line)
			}
			got = append(got, r.ID)
		}
		var want []string
		for _, r := range all {
			if slices.Contains(r.Operations, op) {
				want = append(want, r.ID)
			}
		}
		if diff := cmp.Diff(want, got); diff != "" {
			t.Errorf("rules --operation %s (-want +got):\n%s", op.CLIName(), diff)
		}
	}
	text := runBinary(t, "", nil, "rules").stdout
	for _, tc := range []struct{ id, ops string }{
		{"identity-info.email.pattern", "create-user,update-user-identity-info"},
		{"tag-keys.count", "untag-resource"},
		{"document.syntax", "all"},
	} {
		i := strings.Index(text, "\n"+tc.id+" ")
		if i < 0 {
			t.Fatalf("rules: no %s", tc.id)
		}
		line, _, _ := strings.Cut(text[i+1:], "\n")
		if !strings.HasSuffix(line, "  "+tc.ops) {
			t.Errorf("rules: %q does not end with its operations %s", line, tc.ops)
		}
	}
	if res := runBinary(t, "", nil, "rules", "--operation", "update-user"); res.code != exitUsage {
		t.Errorf("rules --operation update-user: exit status %d, want 2", res.code)
	}
}

// TestValidateOperation runs validate --operation over a .json file, a
// JSON Lines file, a directory and standard input.
func TestValidateOperation(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) string {
		p := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	arn := "arn:aws:connect:us-west-2:123456789012:instance/i-1/agent/u-1"
	phone := write("phone.json", "{\"InstanceId\":\"i-1\",\"UserId\":\"u-1\",\n  \"PhoneConfig\":{\"AutoAcept\":true}}\n")
	tags := write("tags.jsonl", `{"resourceArn":"`+arn+`","tags":{"team":"billing"}}`+"\n\n"+`{"resourceArn":"x","tags":{"aws:k":"v"},"Tags":{}}`+"\n")
	write("deletes/a.json", `{"InstanceId":"i-1","UserId":"u-1"}`)
	write("deletes/b.json", `{"InstanceId":"i-1","UserId":".."}`)

	type found struct {
		Source, Field, Code string
		Line, Column        int
	}
	for _, tc := range []struct {
		name  string
		args  []string
		stdin string
		code  int
		want  []found
	}{
		{"phone config", []string{"--operation", "update-user-phone-config", phone}, "", exitInvalid, []found{
			{phone, "PhoneConfig.AutoAcept", "unknown", 2, 18},
			{phone, "PhoneConfig.PhoneType", "required", 2, 3},
		}},
		{"tags, JSON Lines, API name", []string{"--operation", "TagResource", tags}, "", exitInvalid, []found{
			{tags, "Tags", "unknown", 3, 41},
			{tags, "resourceArn", "pattern", 3, 2},
			{tags, "tags", "reserved", 3, 28},
		}},
		{"a directory", []string{"--operation", "delete-user", filepath.Join(dir, "deletes")}, "", exitInvalid, []found{
			{filepath.Join(dir, "deletes", "b.json"), "UserId", "pattern", 1, 21},
		}},
		{"standard input", []string{"--operation", "update-user-routing-profile", "-"},
			`{"InstanceId":"i-1","UserId":"u-1","RoutingProfileId":"r-1"}`, exitOK, nil},
		{"a CreateUser document is not an update", []string{"--operation", "update-user-routing-profile", "-"},
			`{"InstanceId":"i-1","Username":"mary"}`, exitInvalid, []found{
				{"-", "Username", "unknown", 1, 21},
				{"-", "UserId", "required", 1, 1},
				{"-", "RoutingProfileId", "required", 1, 1},
			}},
		{"create-user is the default", []string{"-"},
			`{"InstanceId":"i-1","UserId":"u-1"}`, exitInvalid, []found{
				{"-", "UserId", "unknown", 1, 21},
				{"-", "Username", "required", 1, 1},
				{"-", "SecurityProfileIds", "required", 1, 1},
				{"-", "RoutingProfileId", "required", 1, 1},
			}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var stdin []byte
			if tc.stdin != "" {
				stdin = []byte(tc.stdin)
			}
			res := runBinary(t, "", stdin, append([]string{"validate", "--format", "json"}, tc.args...)...)
			if res.code != tc.code {
				t.Errorf("exit status %d, want %d; stderr: %s", res.code, tc.code, res.stderr)
			}
			var got []found
			for _, line := range strings.Split(strings.TrimSpace(res.stdout), "\n") {
				var r record
				if err := json.Unmarshal([]byte(line), &r); err != nil {
					t.Fatalf("%v: %s", err, line)
				}
				for _, v := range r.Violations {
					got = append(got, found{r.Source, v.Field, v.Code, v.Line, v.Column})
				}
			}
			if diff := cmp.Diff(tc.want, got); diff != "" {
				t.Errorf("violations (-want +got):\n%s", diff)
			}
		})
	}
	for _, args := range [][]string{
		{"validate", "--operation", "update-user", phone},
		{"validate", "--operation", "delete-user", "--instance-id", "i-1", phone},
	} {
		if res := runBinary(t, "", nil, args...); res.code != exitUsage {
			t.Errorf("%v: exit status %d, want 2", args, res.code)
		}
	}
}
