// Command connectuser checks Connect Customer CreateUser request documents
// (the shape that `aws connect create-user --cli-input-json` reads, with
// InstanceId) against the whole rule catalog of package user, before
// anything is sent; checks them against an instance; turns the admin
// website's bulk-upload CSV into them; creates their users, each exactly
// once; and runs a local Connect service for tests.
//
//	connectuser validate [flags] PATH...   check documents, JSON Lines files, directories or -
//	connectuser rules [--format text|json] print the rule catalog
//	connectuser skeleton                   print a request document template
//	connectuser schema                     print a JSON Schema of the request document
//	connectuser serve [flags]              run a local Connect service for tests
//	connectuser import [flags] FILE.csv... the admin website's CSV template to request documents
//	connectuser export --instance-id ID    the instance's users as the CSV template or documents
//	connectuser plan [flags] PATH...       what apply would change to make the instance match a file
//	connectuser apply [flags] PATH...      make the instance match a file: create, update, delete
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

import (
	"io"
	"os"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}

// command is a subcommand: its name and the function that runs it with
// the arguments after the name.
type command struct {
	name string
	run  func(args []string, stdin io.Reader, stdout, stderr io.Writer) int
}

// commands is every subcommand run dispatches to; a mistyped name is
// answered with the nearest of these (did you mean). Add a subcommand
// here.
var commands = []command{
	{"validate", runValidate},
	{"rules", func(args []string, _ io.Reader, stdout, stderr io.Writer) int { return runRules(args, stdout, stderr) }},
	{"skeleton", func(args []string, _ io.Reader, stdout, stderr io.Writer) int {
		return runSkeleton(args, stdout, stderr)
	}},
	{"schema", func(args []string, _ io.Reader, stdout, stderr io.Writer) int { return runSchema(args, stdout, stderr) }},
	{"serve", func(args []string, _ io.Reader, stdout, stderr io.Writer) int { return runServe(args, stdout, stderr) }},
	{"import", func(args []string, _ io.Reader, stdout, stderr io.Writer) int { return runImport(args, stdout, stderr) }},
	{"export", func(args []string, _ io.Reader, stdout, stderr io.Writer) int { return runExport(args, stdout, stderr) }},
	{"plan", func(args []string, _ io.Reader, stdout, stderr io.Writer) int { return runPlan(args, stdout, stderr) }},
	{"apply", func(args []string, _ io.Reader, stdout, stderr io.Writer) int { return runApply(args, stdout, stderr) }},
}
