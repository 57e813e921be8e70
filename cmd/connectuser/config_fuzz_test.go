package main

import (
	"strings"
	"testing"
)

// FuzzConfig: a config file of any bytes is read or refused with an error
// that names the file; never a panic. What is read is a value its flag
// accepts.
func FuzzConfig(f *testing.F) {
	for _, s := range []string{
		"identity-management: SAML\nfail-on: warning\nformat: sarif\nignore:\n  - username.email\n  - \"tags.*\"\n",
		"ignore: username.email\n", "ignore: []\n", "ignore:\n", "", "# comment\n", "- a\n", "a: [\n",
		"fail-on: error\nfail-on: error\n", "format: !!binary aGVsbG8=\n", "&a x: *a\n", "? [a]\n: b\n",
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := parseConfig("dir/.connectuser.yaml", data)
		if err != nil {
			if !strings.HasPrefix(err.Error(), "dir/.connectuser.yaml") {
				t.Errorf("an error that does not name the file: %v", err)
			}
			return
		}
		if c.failOn != "" && c.failOn != "error" && c.failOn != "warning" {
			t.Errorf("fail-on %q", c.failOn)
		}
		if c.format != "" && !contains(formats, c.format) {
			t.Errorf("format %q", c.format)
		}
	})
}
