package main

import (
	"strconv"
	"testing"
)

// A value of the config file is read as its flag reads it: the same words
// accepted (in any letter case where the flag takes any), the same type.
func TestConfigValuesParseAsFlags(t *testing.T) {
	words := []string{"SAML", "saml", "Saml", " saml ", "connect_managed", "Existing_Directory",
		"UNKNOWN", "unknown", "", " ", "LDAP", "SAML2", "EXISTING-DIRECTORY"}
	for _, word := range words {
		t.Run(strconv.Quote(word), func(t *testing.T) {
			var flag identityFlag
			flagErr := flag.Set(word)
			c, fileErr := parseConfig(".connectuser.yaml", []byte("identity-management: "+strconv.Quote(word)+"\n"))
			if (flagErr == nil) != (fileErr == nil) {
				t.Fatalf("--identity-management %q: %v; in the file: %v", word, flagErr, fileErr)
			}
			if fileErr == nil && (c.identity == nil || *c.identity != flag.t) {
				t.Errorf("the file reads %v, the flag %v", c.identity, flag.t)
			}
		})
	}
}

// fail-on and format: the words their flags take, and only those.
func TestConfigChoicesParseAsFlags(t *testing.T) {
	for _, tc := range []struct {
		key     string
		allowed []string
		get     func(config) string
	}{
		{"fail-on", []string{"error", "warning"}, func(c config) string { return c.failOn }},
		{"format", formats, func(c config) string { return c.format }},
	} {
		for _, word := range []string{"error", "warning", "Warning", "json", "JSON", "sarif", "text", "", "xml"} {
			t.Run(tc.key+"="+strconv.Quote(word), func(t *testing.T) {
				flag := choice{allowed: tc.allowed}
				flagErr := flag.Set(word)
				c, fileErr := parseConfig(".connectuser.yaml", []byte(tc.key+": "+strconv.Quote(word)+"\n"))
				if (flagErr == nil) != (fileErr == nil) {
					t.Fatalf("--%s %q: %v; in the file: %v", tc.key, word, flagErr, fileErr)
				}
				if fileErr == nil && tc.get(c) != flag.value {
					t.Errorf("the file reads %q, the flag %q", tc.get(c), flag.value)
				}
			})
		}
	}
}
