package main

import (
	"errors"
	"flag"
	"fmt"
	"io"

	"github.com/connectkit/createuser/user"
)

const schemaUsage = `Usage: connectuser schema [--operation NAME]

Prints a JSON Schema (draft 2020-12) of the request document, generated
from the library's rule catalog (user.JSONSchema): every member, JSON type,
enum, length, count, range and pattern that holds under every identity
management type. Rules that depend on the identity management type and
conflicts between members are out of its reach (its description says so);
connectuser validate checks the whole catalog.

Editors that check JSON against a schema use it as you type, for example:
  connectuser schema > .vscode/connectuser.schema.json
and in .vscode/settings.json:
  "json.schemas": [{"fileMatch": ["users/*.json"], "url": "./.vscode/connectuser.schema.json"}]

Flags:
  --operation NAME
        The schema of another user operation's document, by its AWS CLI
        name (create-user, the default, update-user-identity-info,
        update-user-phone-config, update-user-config,
        update-user-routing-profile, update-user-security-profiles,
        update-user-hierarchy, tag-resource, untag-resource, delete-user) or
        its API name (user.JSONSchemaOf).
          connectuser schema --operation tag-resource > tag-resource.schema.json
`

func runSchema(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("schema")
	opName := fs.String("operation", "create-user", "the operation of the documents")
	rest, err := parseInterspersed(fs, args)
	if errors.Is(err, flag.ErrHelp) {
		fmt.Fprint(stdout, schemaUsage)
		return exitOK
	}
	if err == nil && len(rest) > 0 {
		err = fmt.Errorf("unexpected argument %q", rest[0])
	}
	var op user.Operation
	if err == nil {
		if op, err = user.ParseOperation(*opName); err != nil {
			err = fmt.Errorf("--operation: %w", err)
		}
	}
	if err != nil {
		return usageError(stderr, "schema", err)
	}
	if _, err := stdout.Write(user.JSONSchemaOf(op)); err != nil {
		fmt.Fprintf(stderr, "connectuser schema: %v\n", err)
		return exitUsage
	}
	return exitOK
}
