package main

import (
	"fmt"
	"io"
	"runtime"
	"runtime/debug"
)

// version is the version of connectuser. The module version that the
// binary was built from, when the build recorded one, is printed next to
// it.
const version = "0.1.0"

// Exit statuses, SPEC section 5.
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
  connectuser serve [flags]              run a local Connect service for tests
  connectuser --version                  print the version
  connectuser --help                     print this help

A request document is the JSON that 'aws connect create-user --cli-input-json'
reads: the request body members plus InstanceId.

Examples:
  connectuser validate examples/documents
  connectuser validate --identity-management SAML --format json users.jsonl
  generate-users | connectuser validate --strict -
  connectuser skeleton > new-user.json
  connectuser rules --format json | jq -r .id

Exit status: 0 no errors (warnings allowed unless --strict), 1 at least one
error (or warning with --strict), 2 a usage problem or an unreadable path.
Run 'connectuser validate --help' for the validate flags.
`

// run is the whole program: it reads args (without the program name),
// writes to stdout and stderr, and returns the exit status.
func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, topUsage)
		return exitUsage
	}
	switch cmd, rest := args[0], args[1:]; cmd {
	case "validate":
		return runValidate(rest, stdin, stdout, stderr)
	case "rules":
		return runRules(rest, stdout, stderr)
	case "skeleton":
		return runSkeleton(rest, stdout, stderr)
	case "serve":
		return runServe(rest, stdout, stderr)
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
		fmt.Fprintf(stderr, "connectuser: unknown command %q\nRun 'connectuser --help' for usage.\n", cmd)
		return exitUsage
	}
}

// versionString returns the version line: the const version, and the
// module version and Go version of the build when they are known.
func versionString() string {
	s := "connectuser " + version
	if bi, ok := debug.ReadBuildInfo(); ok {
		mod := bi.Main.Path
		if mod == "" {
			mod = "github.com/connectkit/createuser"
		}
		v := bi.Main.Version
		if v == "" {
			v = "(unknown)"
		}
		return s + " (" + mod + " " + v + ", " + bi.GoVersion + ")"
	}
	return s + " (" + runtime.Version() + ")"
}

// usageError reports a usage problem of command cmd on stderr, with the
// way to its help, and returns [exitUsage].
func usageError(stderr io.Writer, cmd string, err error) int {
	fmt.Fprintf(stderr, "connectuser %s: %v\nRun 'connectuser %s --help' for usage.\n", cmd, err, cmd)
	return exitUsage
}
