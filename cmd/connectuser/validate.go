package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"runtime"
	"strings"

	cuerrors "github.com/connectkit/createuser/errors"
	"github.com/connectkit/createuser/identity"
	"github.com/connectkit/createuser/user"
)

const validateUsage = `Usage: connectuser validate [flags] PATH...

Checks CreateUser request documents against the whole rule catalog and
reports every violation of every document, with the path of the member.

PATH is one of:
  FILE.json    a request document (any name that does not end in .jsonl)
  FILE.jsonl   JSON Lines: one request document a line; blank lines are
               skipped but counted, so reports give the file's line number
  DIRECTORY    its .json and .jsonl files, in name order (not recursive)
  -            standard input (see --input)
Flags may come before or after the paths; after -- everything is a path.
A document that cannot be read (broken JSON, a line too long) is reported
and the run goes on. An unreadable path is reported on standard error, the
run goes on, and the exit status is 2.

Across all documents of the run, a second request for the same Username in
the same InstanceId is a duplicate error at Username; its related path is
"SOURCE:LINE#Username" (or "SOURCE#Username" for a .json file), naming the
first.

Input is streamed: documents are validated on every CPU and reported in
input order, and memory stays within a few documents per CPU plus about 80
bytes per distinct username, however many documents there are.

Flags:
  --identity-management TYPE
        The identity management type of the instance: CONNECT_MANAGED, SAML
        or EXISTING_DIRECTORY. Without it (or with UNKNOWN), a rule that
        depends on the type reports only what every type would, with the
        mildest severity.
          connectuser validate --identity-management SAML saml-users.jsonl
  --format text|json
        text (the default) is for a person: documents with violations, one
        line per violation, a summary line; colour on a terminal unless
        NO_COLOR is set. json is JSON Lines, one object per document:
        {"source":"dir/a.jsonl","line":3,"valid":false,"violations":[...]}
        ("line" only for JSON Lines; "valid" is false when there is an error).
          connectuser validate --format json users.jsonl | jq 'select(.valid|not)'
  --strict
        Warnings count as errors for the exit status.
          connectuser validate --strict examples/documents
  --max-document-size BYTES
        The largest document or JSON Lines line read (default 1MiB); a larger
        one is reported as a length error (rule document.size) and skipped.
        Accepts a suffix: KiB, MiB (or K, M).
          connectuser validate --max-document-size 64KiB users.jsonl
  --input auto|json|jsonl
        How standard input and the files named as PATH hold their documents
        (directory entries always go by extension). auto (the default): a
        file ending in .jsonl is JSON Lines, any other file one document;
        standard input is JSON Lines when its first non-blank line is a JSON
        value on its own, else one document.
          generate-users | connectuser validate --input jsonl -
  --jobs N
        The number of documents validated at once (default: the number of
        CPUs); the output is in input order whatever N.
          connectuser validate --jobs 1 users.jsonl
` + instanceUsage + `
Exit status: 0 no errors (warnings allowed unless --strict), 1 at least one
error (or warning with --strict), 2 a usage problem or an unreadable path
(2 wins over 1).
`

// defaultMaxDocumentSize is the default of --max-document-size.
const defaultMaxDocumentSize = 1 << 20

// validateOptions are the flags of validate.
type validateOptions struct {
	identity identity.Type
	format   string // "text" or "json"
	strict   bool
	maxSize  int
	input    inputFormat
	jobs     int
	instance *instanceFlags
}

// parseValidate reads the flags and paths of validate.
func parseValidate(args []string) (validateOptions, []string, error) {
	fs := newFlagSet("validate")
	idFlag := &choice{value: "UNKNOWN", allowed: []string{"CONNECT_MANAGED", "SAML", "EXISTING_DIRECTORY", "UNKNOWN"}}
	formatFlag := &choice{value: "text", allowed: []string{"text", "json"}}
	inputFlag := &choice{value: string(inputAuto), allowed: []string{string(inputAuto), string(inputJSON), string(inputJSONL)}}
	size := byteSize(defaultMaxDocumentSize)
	fs.Var(idFlag, "identity-management", "identity management type")
	fs.Var(formatFlag, "format", "text or json")
	strict := fs.Bool("strict", false, "warnings count as errors")
	fs.Var(&size, "max-document-size", "largest document in bytes")
	fs.Var(inputFlag, "input", "auto, json or jsonl")
	jobs := fs.Int("jobs", runtime.GOMAXPROCS(0), "documents validated at once")
	instance := addInstanceFlags(fs)
	paths, err := parseInterspersed(fs, args)
	if err != nil {
		return validateOptions{}, nil, err
	}
	if *jobs < 1 {
		return validateOptions{}, nil, errors.New("--jobs must be at least 1")
	}
	if len(paths) == 0 {
		return validateOptions{}, nil, errors.New("no PATH given (use - for standard input)")
	}
	t, err := identity.ParseType(idFlag.value)
	if err != nil {
		return validateOptions{}, nil, err
	}
	return validateOptions{
		identity: t,
		format:   formatFlag.value,
		strict:   *strict,
		maxSize:  int(size),
		input:    inputFormat(inputFlag.value),
		jobs:     *jobs,
		instance: instance,
	}, paths, nil
}

func runValidate(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	opts, paths, err := parseValidate(args)
	if errors.Is(err, flag.ErrHelp) {
		fmt.Fprint(stdout, validateUsage)
		return exitOK
	}
	if err != nil {
		return usageError(stderr, "validate", err)
	}
	if stdin == nil {
		stdin = strings.NewReader("")
	}
	t := validate(opts, paths, stdin, stdout, stderr)
	switch {
	case t.unreadable > 0, t.lookups > 0:
		return exitUsage
	case t.errors > 0, opts.strict && t.warnings > 0:
		return exitInvalid
	}
	return exitOK
}

// validate runs the pipeline over paths and returns what it found.
func validate(opts validateOptions, paths []string, stdin io.Reader, stdout, stderr io.Writer) totals {
	// The reader applies the size limit before a document reaches the
	// library; the library is told the same limit, so that it never
	// applies its own default instead.
	v := user.NewValidator(user.WithIdentityManagement(opts.identity), user.WithMaxDocumentSize(int64(opts.maxSize)))
	tooLarge := user.DocumentTooLarge(int64(opts.maxSize))
	ctx := context.Background()
	check, err := newInstanceCheck(ctx, opts.instance, opts.identity)
	if err != nil {
		fmt.Fprintf(stderr, "connectuser: the instance checks: %v\n", err)
		return totals{lookups: 1}
	}
	text := opts.format == "text"
	st := plain
	if text && useColour(stdout) {
		st = colour
	}
	render := func(j *job) {
		j.errors, j.warnings = j.list.Count(cuerrors.SeverityError), j.list.Count(cuerrors.SeverityWarning)
		if text {
			j.out = appendTextReport(j.out[:0], j, st)
		} else {
			j.out = appendJSONReport(j.out[:0], j)
		}
	}

	p := newPipeline(4 * opts.jobs)
	workers := p.startWorkers(opts.jobs, func(j *job) {
		switch {
		case j.err != nil:
			return
		case j.tooLarge:
			j.list = cuerrors.List{tooLarge}
		default:
			j.in, j.list = v.ValidateDocument(j.data)
			check.apply(ctx, j)
		}
		render(j)
	})
	f := &feeder{p: p, input: opts.input, max: opts.maxSize, stdin: stdin}
	go f.feed(paths)

	out := bufio.NewWriterSize(stdout, 64<<10)
	var (
		t     totals
		batch user.Batch
		shown bool // a document report was written
	)
	p.drain(func(j *job) bool {
		if j.err != nil {
			t.unreadable++
			// Flush first, so that on a terminal the message comes in its
			// place among the reports.
			if out.Flush() != nil {
				return false
			}
			fmt.Fprintf(stderr, "connectuser: %v\n", j.err)
			return true
		}
		if dup, ok := batch.Add(j.in, j.origin); ok {
			j.list = append(j.list, dup)
			render(j)
		}
		t.documents++
		if j.errors == 0 {
			t.valid++
		}
		t.errors += j.errors
		t.warnings += j.warnings
		shown = shown || len(j.out) > 0
		if _, err := out.Write(j.out); err != nil {
			return false
		}
		if j.lookupErr != nil {
			t.lookups++
			if out.Flush() != nil {
				return false
			}
			fmt.Fprintf(stderr, "connectuser: %s: the instance checks: %v\n", j.origin, j.lookupErr)
		}
		return true
	})
	workers.Wait()
	if text {
		if shown {
			_ = out.WriteByte('\n')
		}
		_, _ = out.Write(appendSummary(nil, t, st))
	}
	if err := out.Flush(); err != nil {
		fmt.Fprintf(stderr, "connectuser: writing the report: %v\n", err)
		t.unreadable++
	}
	return t
}
