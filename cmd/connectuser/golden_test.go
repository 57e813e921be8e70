package main

import (
	"flag"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/ (review them by eye)")

// TestGoldenExamples holds the text report of the shipped examples to the
// golden files under testdata/, one per identity management type. After a
// deliberate change, rewrite them with
//
//	go test ./cmd/connectuser -run TestGoldenExamples -update
//
// and read the diff.
func TestGoldenExamples(t *testing.T) {
	exampleFiles(t)
	for _, tc := range []struct{ golden, identity string }{
		{"examples.golden", ""},
		{"examples-connect-managed.golden", "CONNECT_MANAGED"},
		{"examples-saml.golden", "SAML"},
	} {
		t.Run(tc.golden, func(t *testing.T) {
			args := []string{"validate", examplesDir}
			if tc.identity != "" {
				args = append(args, "--identity-management", tc.identity)
			}
			res := runBinary(t, moduleRoot, nil, args...)
			if res.stderr != "" {
				t.Errorf("stderr:\n%s", res.stderr)
			}
			path := filepath.Join("testdata", tc.golden)
			if *update {
				if err := os.WriteFile(path, []byte(res.stdout), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run with -update to create it)", err)
			}
			if diff := cmp.Diff(string(want), res.stdout); diff != "" {
				t.Errorf("text report of %s differs from %s (-want +got); if intended, rerun with -update:\n%s", examplesDir, path, diff)
			}
		})
	}
}
