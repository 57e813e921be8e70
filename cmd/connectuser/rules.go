package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/connectkit/createuser/identity"
	"github.com/connectkit/createuser/user"
)

const rulesUsage = `Usage: connectuser rules [--format text|json]

Prints the rule catalog: every rule the library checks, in the order in
which violations are reported, from the library's own rule table
(user.Rules), so that it cannot drift from the code. Each rule names its
source: the service's API model (the CreateUser shapes and constraints),
its documentation (the CreateUser API reference, the Administrator
guide), or, where those are silent, createuser's own rule.

Flags:
  --format text|json
        text (the default): per rule, a line with its id, severity, code
        and field, then its description, the identity types it applies
        under (all, or a list) and its source, indented.
          connectuser rules | grep -A2 '^username'
        json: JSON Lines, one object per rule with the members id, field,
        code, severity, identity (absent for every type), description and
        source.
          connectuser rules --format json | jq -r 'select(.severity=="warning") | .id'
`

func runRules(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("rules")
	format := &choice{value: "text", allowed: []string{"text", "json"}}
	fs.Var(format, "format", "text or json")
	rest, err := parseInterspersed(fs, args)
	if errors.Is(err, flag.ErrHelp) {
		fmt.Fprint(stdout, rulesUsage)
		return exitOK
	}
	if err == nil && len(rest) > 0 {
		err = fmt.Errorf("unexpected argument %q", rest[0])
	}
	if err != nil {
		return usageError(stderr, "rules", err)
	}
	w := bufio.NewWriter(stdout)
	rules := user.Rules()
	if format.value == "json" {
		for i := range rules {
			b, err := json.Marshal(&rules[i])
			if err != nil {
				fmt.Fprintf(stderr, "connectuser rules: %v\n", err)
				return exitUsage
			}
			w.Write(append(b, '\n'))
		}
	} else {
		writeRulesText(w, rules)
	}
	if err := w.Flush(); err != nil {
		fmt.Fprintf(stderr, "connectuser rules: %v\n", err)
		return exitUsage
	}
	return exitOK
}

// writeRulesText writes the catalog for a person: per rule, its id,
// severity, code and field aligned in columns, then its description, the
// identity types it applies under and its source, indented.
//
//	username.length.saml  error  length  Username
//	    Under SAML, Username must be at most 64 characters.
//	    Identity types: SAML
//	    Source: CreateUser API reference; ...
func writeRulesText(w *bufio.Writer, rules []user.Rule) {
	var idWidth, codeWidth int
	for _, r := range rules {
		idWidth = max(idWidth, len(r.ID))
		codeWidth = max(codeWidth, len(r.Code))
	}
	for _, r := range rules {
		field := r.Field
		if field == "" {
			field = `"" (the document)`
		}
		fmt.Fprintf(w, "%-*s  %-*s  %-*s  %s\n    %s\n    Identity types: %s\n    Source: %s\n",
			idWidth, r.ID, severityWidth, r.Severity, codeWidth, r.Code, field,
			r.Description, identities(r.Identity), r.Source)
	}
	fmt.Fprintf(w, "\n%d rules\n", len(rules))
}

// identities names the identity types a rule applies under.
func identities(ts []identity.Type) string {
	if len(ts) == 0 {
		return "all"
	}
	names := make([]string, len(ts))
	for i, t := range ts {
		names[i] = t.String()
	}
	return strings.Join(names, ",")
}
