// Command validate-document reads request documents (the JSON that
// `aws connect create-user --cli-input-json` reads) and prints every
// violation of each, under the identity management type given as the first
// argument. With no file it checks a shipped document,
// examples/documents/many-violations.json; with no argument at all, under
// an unknown identity management type.
//
//	go run ./examples/validate-document
//	go run ./examples/validate-document SAML examples/documents/*.json
//
// The exit status is 1 when a document has errors, 2 for a usage problem or
// a file that cannot be read.
package main

import (
	_ "embed"
	"fmt"
	"io"
	"os"

	cuerrors "github.com/connectkit/createuser/errors"
	"github.com/connectkit/createuser/identity"
	"github.com/connectkit/createuser/user"
)

// defaultDocument is a copy of examples/documents/many-violations.json (a
// test keeps them equal), embedded so that the example runs from anywhere.
//
//go:embed many-violations.json
var defaultDocument []byte

const defaultName = "examples/documents/many-violations.json"

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run is the command with its arguments and output streams; it returns
// the exit status.
func run(args []string, stdout, stderr io.Writer) int {
	mode := identity.Unknown
	if len(args) > 0 {
		var err error
		if mode, err = identity.ParseType(args[0]); err != nil {
			fmt.Fprintln(stderr, err)
			fmt.Fprintln(stderr, "usage: validate-document [CONNECT_MANAGED|SAML|EXISTING_DIRECTORY|UNKNOWN [FILE...]]")
			return 2
		}
		args = args[1:]
	}
	v := user.NewValidator(user.WithIdentityManagement(mode))
	check := func(name string, data []byte) bool {
		_, violations := v.ValidateDocument(data)
		fmt.Fprintf(stdout, "%s: %d errors, %d warnings\n", name, violations.Count(cuerrors.SeverityError), violations.Count(cuerrors.SeverityWarning))
		for _, x := range violations {
			field := x.Field.String()
			if field == "" {
				field = "(document)"
			}
			fmt.Fprintf(stdout, "  %-48s %-8s %-13s %s\n", field, x.Severity, x.Code, x.Message)
		}
		return violations.HasErrors()
	}
	if len(args) == 0 {
		if check(defaultName, defaultDocument) {
			return 1
		}
		return 0
	}
	failed := false
	for _, name := range args {
		data, err := os.ReadFile(name)
		if err != nil {
			fmt.Fprintln(stderr, err)
			return 2
		}
		failed = check(name, data) || failed
	}
	if failed {
		return 1
	}
	return 0
}
