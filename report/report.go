package report

import (
	cuerrors "github.com/connectkit/createuser/errors"
)

// Document is what a report says about one request document: where it was
// read (Source, the file name as given, "-" for standard input; Line, the
// 1-based line of a JSON Lines file, 0 for a file that holds one document)
// and its violations, whose Line and Column are in the file's coordinates.
//
// NotChecked, when not empty, says what the document could not be checked
// against and why, as "the instance (DescribeInstance failed)": such a
// document is not valid, whatever its violations, and every format says
// so (JUnit: an error of its test case; SARIF: a tool execution
// notification of an unsuccessful invocation).
type Document struct {
	Source     string
	Line       int
	Violations cuerrors.List
	NotChecked string
}

// Options configure the reports.
type Options struct {
	// FailOn is the mildest severity that fails a run: SeverityError (the
	// default, also for the zero value) or SeverityWarning. JUnit counts
	// as failures the violations at or above it.
	FailOn cuerrors.Severity
	// ToolVersion is the version of the tool, for SARIF's tool.driver.
	ToolVersion string
	// Ignore drops rules from every report: their violations, and in
	// SARIF their rows of tool.driver.rules.
	Ignore Ignore
	// BaseDir, when set, is the directory that an absolute Source is made
	// relative to in SARIF (where URIs are relative); usually the current
	// directory, or the root of the repository.
	BaseDir string
}

// Fails reports whether v fails a run under o.
func (o Options) Fails(v *cuerrors.Violation) bool {
	if o.FailOn == cuerrors.SeverityWarning {
		return true
	}
	return v.Severity == cuerrors.SeverityError
}

// position returns the line and column of v in the file: its own, else
// the document's line (JSON Lines) or the first line, column 1.
func position(d *Document, v *cuerrors.Violation) (line, col int) {
	if v.Line > 0 {
		return v.Line, max(v.Column, 1)
	}
	return max(d.Line, 1), 1
}
