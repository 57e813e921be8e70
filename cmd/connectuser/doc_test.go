package main

import (
	"go/parser"
	"go/token"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// commandLineRE matches a line of a list of subcommands: "connectuser
// NAME ...", indented.
var commandLineRE = regexp.MustCompile(`(?m)^\s+connectuser ([a-z][a-z-]*)\b`)

// subcommandsIn returns the subcommands that text lists, in order.
func subcommandsIn(text string) []string {
	var out []string
	for _, m := range commandLineRE.FindAllStringSubmatch(text, -1) {
		out = append(out, m[1])
	}
	return out
}

// TestDocsListEverySubcommand holds the lists of subcommands in the root
// package comment (doc.go, "# The command"), in this command's package
// comment and in `connectuser --help` equal to the command table.
func TestDocsListEverySubcommand(t *testing.T) {
	var table []string
	for _, c := range commands {
		table = append(table, c.name)
	}

	packageDoc := func(path string) string {
		f, err := parser.ParseFile(token.NewFileSet(), path, nil, parser.PackageClauseOnly|parser.ParseComments)
		if err != nil {
			t.Fatal(err)
		}
		return f.Doc.Text()
	}
	root := packageDoc(filepath.Join(moduleRoot, "doc.go"))
	_, rootCommand, ok := strings.Cut(root, "# The command\n")
	rootCommand, _, _ = strings.Cut(rootCommand, "\n# ")
	if !ok {
		t.Fatal("doc.go has no # The command section")
	}
	_, usage, _ := strings.Cut(topUsage, "Usage:\n")
	usage, _, _ = strings.Cut(usage, "\n\n")

	for _, tc := range []struct{ where, text string }{
		{"doc.go", rootCommand},
		{"main.go's package comment", packageDoc("main.go")},
		{"connectuser --help", usage},
	} {
		if d := cmp.Diff(table, subcommandsIn(tc.text)); d != "" {
			t.Errorf("%s lists other subcommands than the command table (-table +%s):\n%s", tc.where, tc.where, d)
		}
	}
}
