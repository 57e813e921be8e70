package main

import (
	"io"
	"os"

	cuerrors "github.com/connectkit/createuser/errors"
	"github.com/connectkit/createuser/report"
)

// inFile places a document too large to read, which has no position of
// its own, at its first character in its file. Every other violation is
// in the file's coordinates already (ValidateDocumentAt, LocateAt).
func inFile(j *job, list cuerrors.List) {
	if !j.tooLarge {
		return
	}
	for i := range list {
		if v := &list[i]; v.Line == 0 {
			v.Line, v.Column = max(j.origin.Line, 1), 1
		}
	}
}

// startLine is the line of its file on which the document of j starts.
func startLine(j *job) int {
	if j.firstLine > 0 {
		return j.firstLine
	}
	return max(j.origin.Line, 1)
}

// writeWholeRun writes the report of a format that describes the whole
// run at once (sarif, junit) for docs, every document of the run in input
// order.
func writeWholeRun(w io.Writer, opts validateOptions, docs []report.Document) error {
	o := report.Options{ToolVersion: toolVersion(), Ignore: opts.ignore}
	if opts.strict {
		o.FailOn = cuerrors.SeverityWarning
	}
	if wd, err := os.Getwd(); err == nil {
		o.BaseDir = wd
	}
	if opts.format == "sarif" {
		return report.WriteSARIF(w, docs, o)
	}
	return report.WriteJUnit(w, docs, o)
}
