package main

import (
	"io"
	"os"

	cuerrors "github.com/connectkit/createuser/errors"
	"github.com/connectkit/createuser/report"
)

// inFile moves the positions of list, violations of the document of j,
// into the coordinates of its file: a JSON Lines document starts at its
// line, not at line 1. A document without a position of its own (one too
// large to read) is placed at its first character.
func inFile(j *job, list cuerrors.List) {
	for i := range list {
		v := &list[i]
		if v.Line == 0 {
			if !j.tooLarge {
				continue
			}
			v.Line, v.Column = 1, 1
		}
		if j.origin.Line > 0 {
			v.Line += j.origin.Line - 1
		}
	}
}

// writeWholeRun writes the report of a format that describes the whole
// run at once (sarif, junit) for docs, every document of the run in input
// order.
func writeWholeRun(w io.Writer, opts validateOptions, docs []report.Document) error {
	o := report.Options{ToolVersion: version, Ignore: opts.ignore}
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
