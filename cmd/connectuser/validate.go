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
	"github.com/connectkit/createuser/report"
	"github.com/connectkit/createuser/user"
)

const validateUsage = `Usage: connectuser validate [flags] PATH...

Checks request documents of a user operation (CreateUser unless
--operation says another) against the whole rule catalog and reports every
violation of every document, with the path of the member.

PATH is one of:
  FILE.json    a request document (any name that does not end in .jsonl)
  FILE.jsonl   JSON Lines: one request document a line; blank lines are
               skipped but counted, so reports give the file's line number
  DIRECTORY    its .json and .jsonl files, in name order (and those of its
               subdirectories with --recursive)
  -            standard input (see --input): one document, JSON Lines, a
               JSON array of documents, or documents one after another
Flags may come before or after the paths; after -- everything is a path.
A document that cannot be read (broken JSON, a line too long) is reported
and the run goes on. An unreadable path is reported on standard error, the
run goes on, and the exit status is 2.

Across all documents of a create-user run, a second request for the same
Username in the same InstanceId is a duplicate error at Username; its
related path is "SOURCE:LINE#Username" (or "SOURCE#Username" for a .json
file), naming the first.

Input is streamed: documents are validated on every CPU and reported in
input order, and memory stays within a few documents per CPU plus about 80
bytes per distinct username, however many documents there are.

Flags:
  --operation NAME
        The operation whose documents these are, by its AWS CLI name:
        create-user (the default), update-user-identity-info,
        update-user-phone-config, update-user-config,
        update-user-routing-profile, update-user-security-profiles,
        update-user-hierarchy, tag-resource, untag-resource or delete-user
        (the API names, such as UpdateUserPhoneConfig, are accepted too). A
        document is what 'aws connect NAME --cli-input-json' reads:
        InstanceId and UserId are members of it, and tag-resource's and
        untag-resource's members are resourceArn, tags and tagKeys. A
        member keeps its create-user rules in every operation that has it.
          connectuser validate --operation update-user-phone-config phone.json
  --identity-management TYPE
        The identity management type of the instance: CONNECT_MANAGED, SAML
        or EXISTING_DIRECTORY, in any letter case. Without it (or with UNKNOWN), a rule that
        depends on the type reports only what every type would, with the
        mildest severity.
          connectuser validate --identity-management SAML saml-users.jsonl
  --format text|json|sarif|junit|github
        text (the default) is for a person: documents with violations, one
        line per violation starting with FILE:LINE:COLUMN, a summary line;
        colour on a terminal unless NO_COLOR is set. json is JSON Lines, one
        object per document:
        {"source":"dir/a.jsonl","line":3,"valid":false,"violations":[...]}
        ("line" only for JSON Lines; "valid" is false when there is an error;
        each violation has the "line" and "column" of its member).
        sarif is a SARIF 2.1.0 log for code-scanning views; junit is JUnit
        XML (a suite per file, a case per document, a failure per error);
        github is GitHub Actions workflow commands (::error and ::warning
        annotations at the file, line and column).
          connectuser validate --format json users.jsonl | jq 'select(.valid|not)'
          connectuser validate --format sarif users/ > connectuser.sarif
  --ignore RULE
        Drops the violations of a rule, from every format and from the exit
        status. RULE is a rule id or a pattern with * (connectuser rules lists
        the ids); repeat the flag for more. A RULE that matches no rule is a
        usage error.
          connectuser validate --ignore username.email --ignore 'tags.*' users/
  --fail-on error|warning
        The mildest severity that makes the exit status 1: error (the
        default) or warning.
  --strict
        The same as --fail-on warning: warnings count as errors for the exit
        status, and a document with a warning is not counted as valid in the
        summary line.
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
        standard input is a JSON array of documents when it starts with [,
        JSON Lines when its first non-blank line is a JSON value on its own,
        else documents one after another (one, or several pretty-printed or
        concatenated; with several, each is reported with the line it
        starts on).
          generate-users | connectuser validate --input jsonl -
  --recursive
        Read the subdirectories of a DIRECTORY too, depth first in name
        order; links to directories are not followed.
          connectuser validate --recursive users/
  --redact-usernames
        Show no username in the report (a violation at Username carries no
        value), for reports that leave the organisation: usernames are often
        email addresses. Passwords, names, email addresses and phone numbers
        are never shown, with or without it.
          connectuser validate --redact-usernames --format json users.jsonl
  --jobs N
        The number of documents validated at once (default, and with 0: the
        number of CPUs); the output is in input order whatever N.
          connectuser validate --jobs 1 users.jsonl
` + instanceUsage + `
Configuration: .connectuser.yaml in the current directory or its nearest
parent that has one may set identity-management, ignore (a list of rules),
fail-on and format; a flag wins over the file (--ignore replaces the file's
list). An unknown key or value is a usage error that names the file's line.
  # .connectuser.yaml
  identity-management: SAML
  fail-on: warning
  ignore:
    - username.email

Exit status: 0 no errors (warnings allowed unless --fail-on warning), 1 at
least one error (or warning with --fail-on warning), 2 a usage problem, an
unreadable path, or a run that found no document at all (2 wins over 1).
`

// defaultMaxDocumentSize is the default of --max-document-size.
const defaultMaxDocumentSize = 1 << 20

// validateOptions are the flags of validate.
type validateOptions struct {
	operation user.Operation // --operation
	identity  identity.Type
	format    string // one of formats
	strict    bool   // --fail-on warning
	ignore    report.Ignore
	maxSize   int
	input     inputFormat
	jobs      int
	// redactUsernames: no violation shows a username (--redact-usernames).
	redactUsernames bool
	recursive       bool // --recursive
	instance        *instanceFlags
}

// parseValidate reads the flags and paths of validate.
func parseValidate(args []string) (validateOptions, []string, error) {
	fs := newFlagSet("validate")
	idFlag := &identityFlag{}
	formatFlag := &choice{value: "text", allowed: formats}
	inputFlag := &choice{value: string(inputAuto), allowed: []string{string(inputAuto), string(inputJSON), string(inputJSONL)}}
	size := byteSize(defaultMaxDocumentSize)
	fs.Var(idFlag, "identity-management", "identity management type")
	fs.Var(formatFlag, "format", "text, json, sarif, junit or github")
	strict := fs.Bool("strict", false, "warnings count as errors")
	failOn := &choice{value: "error", allowed: []string{"error", "warning"}}
	fs.Var(failOn, "fail-on", "error or warning")
	var ignore stringList
	fs.Var(&ignore, "ignore", "a rule id or pattern to ignore")
	fs.Var(&size, "max-document-size", "largest document in bytes")
	fs.Var(inputFlag, "input", "auto, json or jsonl")
	jobs := fs.Int("jobs", runtime.GOMAXPROCS(0), "documents validated at once")
	redact := fs.Bool("redact-usernames", false, "show no username in the report")
	recursive := fs.Bool("recursive", false, "read subdirectories too")
	instance := addInstanceFlags(fs)
	opName := fs.String("operation", "create-user", "the operation of the documents")
	paths, err := parseInterspersed(fs, args)
	if err != nil {
		return validateOptions{}, nil, err
	}
	if err := instance.call.check(); err != nil {
		return validateOptions{}, nil, err
	}
	op, err := user.ParseOperation(*opName)
	if err != nil {
		return validateOptions{}, nil, fmt.Errorf("--operation: %w", err)
	}
	if op != user.OperationCreateUser && instance.enabled() {
		return validateOptions{}, nil, errors.New("the instance checks (--instance-id, --endpoint-url, --region) check create-user documents only")
	}
	switch {
	case *jobs < 0:
		return validateOptions{}, nil, errors.New("--jobs must be 0 (one per CPU) or more")
	case *jobs == 0:
		*jobs = runtime.GOMAXPROCS(0)
	}
	if len(paths) == 0 {
		return validateOptions{}, nil, errors.New("no PATH given (use - for standard input)")
	}
	opts := validateOptions{
		operation: op,
		identity:  idFlag.t,
		format:    formatFlag.value,
		strict:    *strict || failOn.value == "warning",
		maxSize:   int(size),
		input:     inputFormat(inputFlag.value),
		jobs:      *jobs,

		redactUsernames: *redact,
		recursive:       *recursive,
		instance:        instance,
	}
	if err := applyConfig(&opts, fs, []string(ignore)); err != nil {
		return validateOptions{}, nil, err
	}
	return opts, paths, nil
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
	case t.documents == 0:
		// A misconfigured job (a wrong directory, a glob that matched
		// nothing, an empty stream) must not pass.
		fmt.Fprintf(stderr, "connectuser validate: no request document found in %s\n", strings.Join(paths, " "))
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
	vopts := []user.Option{user.WithIdentityManagement(opts.identity), user.WithMaxDocumentSize(int64(opts.maxSize))}
	if opts.redactUsernames {
		vopts = append(vopts, user.WithRedactedUsernames())
	}
	v := user.NewValidator(vopts...)
	tooLarge := user.DocumentTooLarge(int64(opts.maxSize))
	ctx := context.Background()
	if opts.instance.enabled() {
		var cancel context.CancelFunc
		ctx, cancel = opts.instance.call.withDeadline(ctx)
		defer cancel()
	}
	check, err := newInstanceCheck(ctx, opts.instance, opts.identity, stderr)
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
		switch opts.format {
		case "text":
			j.out = appendTextReport(j.out[:0], j, st)
		case "json":
			j.out = appendJSONReport(j.out[:0], j)
		case "github":
			j.out = report.AppendGitHub(j.out[:0], &report.Document{Source: j.origin.Source, Line: j.origin.Line, Violations: j.list})
		}
	}

	p := newPipeline(4 * opts.jobs)
	workers := p.startWorkers(opts.jobs, func(j *job) {
		switch {
		case j.err != nil:
			return
		case j.tooLarge:
			j.list = cuerrors.List{tooLarge}
		case opts.operation != user.OperationCreateUser:
			_, j.list = v.ValidateOperationDocumentAt(opts.operation, j.data, startLine(j))
		default:
			j.in, j.list = v.ValidateDocumentAt(j.data, startLine(j))
			if check != nil {
				// The instance's findings (and, with the type read from
				// the instance, the catalog's again) come from the typed
				// request: place them in the file and withhold usernames
				// as the catalog's are.
				check.apply(ctx, j)
				user.LocateAt(j.data, j.list, startLine(j))
				if opts.redactUsernames {
					user.RedactUsernames(j.list)
				}
			}
		}
		j.list = opts.ignore.Filter(j.list)
		inFile(j, j.list)
		render(j)
	})
	f := &feeder{p: p, input: opts.input, max: opts.maxSize, stdin: stdin, recursive: opts.recursive}
	go f.feed(paths)

	out := bufio.NewWriterSize(stdout, 64<<10)
	var (
		t     totals
		batch user.Batch
		shown bool // a document report was written
		// The documents of a whole-run format (sarif, junit), written at
		// the end.
		collected []report.Document
	)
	if opts.format == "sarif" || opts.format == "junit" {
		collected = []report.Document{}
	}
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
		if dup, ok := batch.Add(j.in, j.origin); ok && !opts.ignore.Matches(dup.Rule) {
			j.list = append(j.list, dup)
			added := j.list[len(j.list)-1:]
			if opts.redactUsernames {
				user.RedactUsernames(added)
			}
			user.LocateAt(j.data, added, startLine(j))
			inFile(j, added)
			render(j)
		}
		if collected != nil {
			collected = append(collected, report.Document{Source: j.origin.Source, Line: j.origin.Line, Violations: j.list})
		}
		t.documents++
		if j.errors == 0 && !(opts.strict && j.warnings > 0) {
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
	check.finish()
	switch opts.format {
	case "text":
		if shown {
			_ = out.WriteByte('\n')
		}
		t.strict = opts.strict
		_, _ = out.Write(appendSummary(nil, t, st))
	case "github":
		_, _ = out.Write(appendSummary(nil, t, plain))
	case "sarif", "junit":
		if err := writeWholeRun(out, opts, collected); err != nil {
			fmt.Fprintf(stderr, "connectuser: writing the report: %v\n", err)
			t.unreadable++
		}
	}
	if err := out.Flush(); err != nil {
		fmt.Fprintf(stderr, "connectuser: writing the report: %v\n", err)
		t.unreadable++
	}
	return t
}
