// Package report writes the violations of request documents in the
// formats that the tools around a repository read: SARIF 2.1.0 for
// code-scanning views, JUnit XML for test reports, and GitHub Actions
// workflow commands for annotations on a pull request. It also holds the
// choice of what fails a run: rules to ignore ([Ignore]) and the severity
// that fails ([Options.FailOn]).
//
// `connectuser validate --format sarif|junit|github` is this package behind
// flags; a Go service that checks documents with [user.ValidateDocument]
// can write the same reports:
//
//	_, list := user.ValidateDocument(data)
//	docs := []report.Document{{Source: "users/alice.json", Violations: list}}
//	err := report.WriteSARIF(w, docs, report.Options{})
//
// Every format is built from the violations alone (field, code, severity,
// rule, message, value, position), never from the documents, so nothing
// that the library keeps out of violations (passwords, names, emails,
// phone numbers) can reach a report.
package report
