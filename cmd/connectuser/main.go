// Command connectuser checks Connect Customer CreateUser request documents
// (the shape that `aws connect create-user --cli-input-json` reads, with
// InstanceId) against the whole rule catalog of package user, before
// anything is sent.
//
//	connectuser validate [flags] PATH...   check documents, JSON Lines files, directories or -
//	connectuser rules [--format text|json] print the rule catalog
//	connectuser skeleton                   print a request document template
//	connectuser serve [flags]              run a local Connect service for tests
//	connectuser --version                  print the version
//
// Run `connectuser --help` or `connectuser validate --help` for the details.
// Exit status: 0 no errors (warnings allowed unless --strict), 1 at least
// one error (or warning with --strict), 2 a usage problem or an unreadable
// path.
//
// The program lives in this package's other files, behind run, so that the
// tests can drive it; main only wires it to the process.
package main

import "os"

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
