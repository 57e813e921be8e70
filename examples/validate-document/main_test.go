package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// With no argument the example checks a shipped document; with the
// identity management type only, the same document under that type; with
// files, those files. The exit status is 1 when a document has errors.
func TestRun(t *testing.T) {
	shipped := filepath.Join("..", "documents", "cli-create-user.json")
	cases := []struct {
		name      string
		args      []string
		wantCode  int
		wantFirst string
	}{
		{"no argument", nil, 1, "examples/documents/many-violations.json: "},
		{"identity type only", []string{"SAML"}, 1, "examples/documents/many-violations.json: "},
		{"a file", []string{"CONNECT_MANAGED", shipped}, 0, shipped + ": 0 errors, "},
		{"bad identity type", []string{"OKTA", shipped}, 2, ""},
		{"missing file", []string{"SAML", "no-such-file.json"}, 2, ""},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			code := run(tc.args, &stdout, &stderr)
			if code != tc.wantCode {
				t.Fatalf("exit %d, want %d; stderr %s", code, tc.wantCode, stderr.String())
			}
			first, _, _ := strings.Cut(stdout.String(), "\n")
			if !strings.HasPrefix(first, tc.wantFirst) || (tc.wantFirst == "") != (stdout.Len() == 0) {
				t.Errorf("first line %q, want it to start with %q", first, tc.wantFirst)
			}
		})
	}
}

// The document the example checks with no argument is the shipped one.
func TestEmbeddedDocumentIsShipped(t *testing.T) {
	shipped, err := os.ReadFile(filepath.Join("..", "documents", "many-violations.json"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(shipped, defaultDocument) {
		t.Error("many-violations.json differs from examples/documents/many-violations.json: copy it again")
	}
}
