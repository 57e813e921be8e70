package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/connectkit/createuser/identity"
	"github.com/connectkit/createuser/user"
)

const rulesUsage = `Usage: connectuser rules [--format text|json] [--operation NAME]

Prints the rule catalog: every rule the library checks, in the order in
which violations are reported, from the library's own rule table
(user.Rules), so that it cannot drift from the code. A member keeps its
rules, and their ids, in every operation that has it (IdentityInfo.Email
in create-user and update-user-identity-info).

Flags:
  --format text|json
        text (the default): per rule, a line with its id, severity, code,
        field and the operations it applies to (all, or their AWS CLI
        names), then its description, the identity types it applies under
        (all, or a list) and its source, indented.
          connectuser rules | grep -A2 '^username'
        json: JSON Lines, one object per rule with the members id, field,
        code, severity, identity (absent for every type), description,
        source and operations (their API names).
          connectuser rules --format json | jq -r 'select(.severity=="warning") | .id'
  --operation NAME
        only the rules of one operation, by its AWS CLI name (create-user,
        update-user-identity-info, update-user-phone-config,
        update-user-config, update-user-routing-profile,
        update-user-security-profiles, update-user-hierarchy, tag-resource,
        untag-resource, delete-user) or its API name.
          connectuser rules --operation update-user-phone-config
`

func runRules(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("rules")
	format := &choice{value: "text", allowed: []string{"text", "json"}}
	fs.Var(format, "format", "text or json")
	opName := fs.String("operation", "", "only the rules of this operation")
	rest, err := parseInterspersed(fs, args)
	if errors.Is(err, flag.ErrHelp) {
		fmt.Fprint(stdout, rulesUsage)
		return exitOK
	}
	if err == nil && len(rest) > 0 {
		err = fmt.Errorf("unexpected argument %q", rest[0])
	}
	var op user.Operation
	if err == nil && *opName != "" {
		op, err = user.ParseOperation(*opName)
	}
	if err != nil {
		return usageError(stderr, "rules", err)
	}
	w := bufio.NewWriter(stdout)
	rules := user.Rules()
	if op != "" {
		rules = slices.DeleteFunc(rules, func(r user.Rule) bool { return !slices.Contains(r.Operations, op) })
	}
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
// severity, code, field and operations aligned in columns, then its
// description, the identity types it applies under and its source,
// indented.
//
//	username.length.saml  error  length  Username  create-user
//	    Under SAML, Username must be at most 64 characters.
//	    Identity types: SAML
//	    Source: CreateUser API reference; ...
func writeRulesText(w *bufio.Writer, rules []user.Rule) {
	var idWidth, codeWidth, fieldWidth int
	for _, r := range rules {
		idWidth = max(idWidth, len(r.ID))
		codeWidth = max(codeWidth, len(r.Code))
		if len(r.Field) <= 40 { // a longer field pushes its line's last column
			fieldWidth = max(fieldWidth, len(r.Field))
		}
	}
	for _, r := range rules {
		field := r.Field
		if field == "" {
			field = `"" (the document)`
		}
		fmt.Fprintf(w, "%-*s  %-*s  %-*s  %-*s  %s\n    %s\n    Identity types: %s\n    Source: %s\n",
			idWidth, r.ID, severityWidth, r.Severity, codeWidth, r.Code, fieldWidth, field, operationNames(r.Operations),
			r.Description, identities(r.Identity), r.Source)
	}
	fmt.Fprintf(w, "\n%d rules\n", len(rules))
}

// operationNames names the operations a rule applies to: all, or their
// AWS CLI names.
func operationNames(ops []user.Operation) string {
	if len(ops) == len(user.Operations()) {
		return "all"
	}
	names := make([]string, len(ops))
	for i, op := range ops {
		names[i] = op.CLIName()
	}
	return strings.Join(names, ",")
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
