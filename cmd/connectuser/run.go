package main

import (
	"fmt"
	"io"
	"runtime"
	"runtime/debug"
	"strings"
)

// Exit statuses.
const (
	exitOK      = 0 // no errors (warnings allowed unless --strict)
	exitInvalid = 1 // at least one error, or a warning with --strict
	exitUsage   = 2 // a usage problem or an unreadable path
)

const topUsage = `connectuser checks Connect Customer CreateUser request documents against the
whole rule catalog before anything is sent.

Usage:
  connectuser validate [flags] PATH...   check request documents
  connectuser rules [--format text|json] print the rule catalog
  connectuser skeleton                   print a request document template
  connectuser schema                     print a JSON Schema of the request document
  connectuser serve [flags]              run a local Connect service for tests
  connectuser import [flags] FILE.csv... the admin website's CSV template to JSON Lines
  connectuser export --instance-id ID    the instance's users as the CSV template or documents
  connectuser plan [flags] PATH...       what apply would change to match a file
  connectuser apply [flags] PATH...      make the instance match a file (create, update, delete)
  connectuser --version                  print the version
  connectuser --help                     print this help

A request document is the JSON that 'aws connect create-user --cli-input-json'
reads: the request body members plus InstanceId.

Examples:
  connectuser validate examples/documents
  connectuser validate --identity-management SAML --format json users.jsonl
  generate-users | connectuser validate --strict -
  connectuser skeleton > new-user.json
  connectuser validate --format github users/
  connectuser schema > connectuser.schema.json
  connectuser rules --format json | jq -r .id

Exit status: 0 no errors (warnings allowed unless --fail-on warning), 1 at
least one error (or warning with --fail-on warning), 2 a usage problem, an
unreadable path or no document found.
Run 'connectuser validate --help' for the validate flags.
`

// run is the whole program: it reads args (without the program name),
// writes to stdout and stderr, and returns the exit status.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, topUsage)
		return exitUsage
	}
	cmd, rest := args[0], args[1:]
	for _, c := range commands {
		if c.name == cmd {
			return c.run(rest, stdin, stdout, stderr)
		}
	}
	switch cmd {
	case "help", "-h", "-help", "--help":
		if len(rest) > 0 {
			// connectuser help validate
			return run(append(rest[:1:1], "--help"), stdin, stdout, stderr)
		}
		fmt.Fprint(stdout, topUsage)
		return exitOK
	case "version", "-version", "--version":
		fmt.Fprintln(stdout, versionString())
		return exitOK
	default:
		fmt.Fprintf(stderr, "connectuser: unknown command %q%s\nRun 'connectuser --help' for usage.\n", cmd, didYouMean(cmd, commandNames()))
		return exitUsage
	}
}

// versionString returns the version line, from the build information
// the Go toolchain records in the binary (there is no version constant to
// forget): the module version for `go install ...@v1.2.3`, or "(devel)"
// with the VCS revision and time for a build from a checkout, and the Go
// version.
func versionString() string {
	bi, ok := readBuildInfo()
	if !ok {
		return "connectuser (unknown version, " + runtime.Version() + ")"
	}
	return "connectuser " + describeBuild(bi)
}

// readBuildInfo is debug.ReadBuildInfo, a variable for the tests.
var readBuildInfo = debug.ReadBuildInfo

// describeBuild renders bi: "v1.2.3 (go1.26.0)", or "(devel) 1a2b3c4d5e6f
// 2026-12-04T13:00:00Z modified (go1.26.0)".
func describeBuild(bi *debug.BuildInfo) string {
	v := bi.Main.Version
	if v == "" {
		v = "(devel)"
	}
	var rev, at, modified string
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
			if len(rev) > 12 {
				rev = rev[:12]
			}
		case "vcs.time":
			at = s.Value
		case "vcs.modified":
			if s.Value == "true" {
				modified = "modified"
			}
		}
	}
	parts := []string{v}
	if v == "(devel)" || strings.Contains(v, "-0.") { // a checkout or a pseudo-version
		for _, p := range []string{rev, at, modified} {
			if p != "" {
				parts = append(parts, p)
			}
		}
	}
	return strings.Join(parts, " ") + " (" + bi.GoVersion + ")"
}

// usageError reports a usage problem of command cmd on stderr, with the
// way to its help, and returns [exitUsage].
func usageError(stderr io.Writer, cmd string, err error) int {
	fmt.Fprintf(stderr, "connectuser %s: %v\nRun 'connectuser %s --help' for usage.\n", cmd, err, cmd)
	return exitUsage
}

// toolVersion is the version that reports name the tool by (SARIF's
// driver version): the module version, or "(devel)".
func toolVersion() string {
	if bi, ok := readBuildInfo(); ok && bi.Main.Version != "" {
		return bi.Main.Version
	}
	return "(devel)"
}
