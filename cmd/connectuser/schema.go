package main

import (
	"errors"
	"flag"
	"fmt"
	"io"

	"github.com/connectkit/createuser/user"
)

const schemaUsage = `Usage: connectuser schema

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
`

func runSchema(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("schema")
	rest, err := parseInterspersed(fs, args)
	if errors.Is(err, flag.ErrHelp) {
		fmt.Fprint(stdout, schemaUsage)
		return exitOK
	}
	if err == nil && len(rest) > 0 {
		err = fmt.Errorf("unexpected argument %q", rest[0])
	}
	if err != nil {
		return usageError(stderr, "schema", err)
	}
	if _, err := stdout.Write(user.JSONSchema()); err != nil {
		fmt.Fprintf(stderr, "connectuser schema: %v\n", err)
		return exitUsage
	}
	return exitOK
}
