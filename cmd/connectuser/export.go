package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"time"

	"github.com/connectkit/createuser/onboard"
)

const exportUsage = `Usage: connectuser export --instance-id ID [flags]

Writes every user of the instance on standard output, sorted by Username:
as the admin website's 16-column CSV template (--format csv, the default:
profile and group names, the hierarchy group as its path of names, the
password column empty) or as request documents, one a line (--format
jsonl: ids, no Password). The tag managed-by=connectuser is left out.
'connectuser plan' of the output shows no change.

It reads SearchUsers pages (500 users a page), the instance's listings,
and one DescribeUser per user (SearchUsers does not return Email,
SecondaryEmail and Mobile), at most --lookup-rate calls a second, with a
progress line on standard error every --progress-interval.

Flags:
  --instance-id ID        the instance (required); an instance alias is
                          turned into its id (ListInstances)
  --format csv|jsonl      (default csv)
  --endpoint-url URL      the service's endpoint (a local service:
                          connectuser serve); otherwise the SDK's usual
                          configuration (AWS_REGION, AWS_PROFILE, ...)
  --region R              the region
  --lookup-rate R         look-ups per second and operation (default 2,
                          burst 5)
  --timeout D             how long each request may take (default 30s); a
                          look-up without an answer in time fails, naming
                          the call
  --deadline D            how long the whole export may take (default: no
                          limit); when it passes, export exits 2
  --progress-interval D   (default 5s)

Example:
  connectuser export --instance-id ID > users.csv

Exit status: 0 written, 2 a usage problem or a failed look-up.
`

func runExport(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("export")
	var c connFlags
	c.register(fs)
	call := addCallFlags(fs)
	format := choice{value: "csv", allowed: []string{"csv", "jsonl"}}
	fs.Var(&format, "format", "")
	var interval time.Duration
	fs.DurationVar(&interval, "progress-interval", 5*time.Second, "")
	rest, err := parseInterspersed(fs, args)
	if errors.Is(err, flag.ErrHelp) {
		fmt.Fprint(stdout, exportUsage)
		return exitOK
	}
	if err != nil {
		return usageError(stderr, "export", err)
	}
	switch {
	case len(rest) > 0:
		return usageError(stderr, "export", fmt.Errorf("unexpected argument %q", rest[0]))
	case c.instanceID == "":
		return usageError(stderr, "export", errors.New("--instance-id is required"))
	case c.lookupRate <= 0 || interval <= 0:
		return usageError(stderr, "export", errors.New("--lookup-rate and --progress-interval must be above 0"))
	}
	if err := call.check(); err != nil {
		return usageError(stderr, "export", err)
	}
	ctx, cancel := call.withDeadline(context.Background())
	defer cancel()
	a := c.applier(ctx, call, "export", stderr)
	if a == nil {
		return exitUsage
	}
	last := time.Now()
	users, err := a.Export(ctx, func(done, total int) {
		if time.Since(last) >= interval {
			last = time.Now()
			fmt.Fprintf(stderr, "progress: %d/%d users read\n", done, total)
		}
	})
	if err != nil {
		fmt.Fprintf(stderr, "connectuser export: %v\n", err)
		return exitUsage
	}
	w := bufio.NewWriter(stdout)
	if format.value == "jsonl" {
		err = onboard.WriteDocuments(w, users)
	} else {
		err = a.WriteTemplate(ctx, w, users)
	}
	if err == nil {
		err = w.Flush()
	}
	if err != nil {
		fmt.Fprintf(stderr, "connectuser export: %v\n", err)
		return exitUsage
	}
	fmt.Fprintf(stderr, "exported %d users\n", len(users))
	return exitOK
}
