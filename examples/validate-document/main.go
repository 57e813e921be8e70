// Command validate-document reads request documents (the JSON that
// `aws connect create-user --cli-input-json` reads) and prints every
// violation of each, under the identity management type given as the first
// argument.
//
//	go run ./examples/validate-document SAML examples/documents/*.json
package main

import (
	"fmt"
	"os"

	cuerrors "github.com/connectkit/createuser/errors"
	"github.com/connectkit/createuser/identity"
	"github.com/connectkit/createuser/user"
)

func main() {
	if len(os.Args) < 3 {
		fmt.Fprintln(os.Stderr, "usage: validate-document CONNECT_MANAGED|SAML|EXISTING_DIRECTORY|UNKNOWN FILE...")
		os.Exit(2)
	}
	mode, err := identity.ParseType(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(2)
	}
	v := user.NewValidator(user.WithIdentityManagement(mode))
	failed := false
	for _, name := range os.Args[2:] {
		data, err := os.ReadFile(name)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(2)
		}
		_, violations := v.ValidateDocument(data)
		fmt.Printf("%s: %d errors, %d warnings\n", name, violations.Count(cuerrors.SeverityError), violations.Count(cuerrors.SeverityWarning))
		for _, x := range violations {
			field := x.Field.String()
			if field == "" {
				field = "(document)"
			}
			fmt.Printf("  %-48s %-8s %-13s %s\n", field, x.Severity, x.Code, x.Message)
		}
		failed = failed || violations.HasErrors()
	}
	if failed {
		os.Exit(1)
	}
}
