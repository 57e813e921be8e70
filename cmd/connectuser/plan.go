package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/google/renameio/v2"

	"github.com/connectkit/createuser/awsconnect"
	cuerrors "github.com/connectkit/createuser/errors"
	"github.com/connectkit/createuser/identity"
	"github.com/connectkit/createuser/onboard"
)

const planUsage = `Usage: connectuser plan [flags] PATH...

Compares the users a file asks for with the users of the instance, and
says what apply would do, in the manner of terraform plan:
  + USER      create
  ~ USER      update: each operation, and each member it changes as
              MEMBER: OLD -> NEW
  - USER      delete (with --prune)
  ! USER      invalid (with the violations)
and a closing count line. PATH is the admin website's CSV template (.csv:
names are resolved against the instance), a request document (.json),
JSON Lines (any other name), or a directory of them; users are keyed by
Username.

A member the file leaves out (an empty cell, an absent member) is not
managed: the user keeps it. A member it gives is managed whole; Tags given
are exactly the user's tags, besides managed-by=connectuser, the tag apply
puts on the users it creates. With --prune, users the file does not name
and that carry that tag are deleted; never another user. Password and
DirectoryUserId, which no operation changes, are warnings
(replace-required); so is a changed email address.

Names, email addresses and phone numbers show as (changed) unless
--show-values.

Flags:
  --instance-id ID        the instance (required for a CSV file); an
                          instance alias is turned into its id
                          (ListInstances)
  --endpoint-url URL      the service's endpoint (a local service:
                          connectuser serve); otherwise the SDK's usual
                          configuration (AWS_REGION, AWS_PROFILE, ...)
  --region R              the region
  --prune                 delete the users tagged managed-by=connectuser
                          that the file does not name
  --format text|json      (default text)
  --show-values           show names, email addresses and phone numbers
  --out PLAN.json         save the plan for 'connectuser apply --plan'
                          (it holds the file's requests, passwords
                          included: keep it as you keep the file)
  --lookup-rate R         look-ups per second and operation (default 2,
                          burst 5)
  --timeout D             how long each request may take (default 30s); a
                          look-up without an answer in time fails, naming
                          the call
  --deadline D            how long the whole plan may take (default: no
                          limit); when it passes, plan exits 2

Example:
  connectuser export --instance-id ID > users.csv
  (edit users.csv)
  connectuser plan --instance-id ID users.csv

Exit status: 0 no change, 3 changes, 1 invalid input, 2 a usage problem or
a failed look-up.
`

// exitChanges is plan's exit status when the plan changes something, as
// terraform plan -detailed-exitcode.
const exitChanges = 3

// connFlags are the connection flags of export, plan and apply.
type connFlags struct {
	instanceID, endpoint, region string
	lookupRate                   float64
}

func (c *connFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&c.instanceID, "instance-id", "", "")
	fs.StringVar(&c.endpoint, "endpoint-url", "", "")
	fs.StringVar(&c.region, "region", "", "")
	fs.Float64Var(&c.lookupRate, "lookup-rate", onboard.DefaultRate, "")
}

// applier returns the Applier of export and plan: a Connect client, its
// paced reader under call's timeout and --lookup-rate, and --instance-id
// turned into an instance id (an alias is looked up through the reader);
// opts are the Applier's other options. A failure is written to stderr,
// and the result is nil.
func (c *connFlags) applier(ctx context.Context, call *callFlags, command string, stderr io.Writer, opts ...onboard.Option) *onboard.Applier {
	client, err := newConnectClient(ctx, c.region, c.endpoint)
	if err != nil {
		fmt.Fprintf(stderr, "connectuser %s: configuring the client: %v\n", command, err)
		return nil
	}
	reader := awsconnect.NewReader(client, append(readerOptions(call, nil), awsconnect.WithReadRate(c.lookupRate, onboard.DefaultBurst))...)
	if c.instanceID, err = instanceIDFlag(ctx, reader, c.instanceID, command, stderr); err != nil {
		fmt.Fprintf(stderr, "connectuser %s: %v\n", command, err)
		return nil
	}
	return onboard.New(client, append([]onboard.Option{onboard.WithInstanceID(c.instanceID), onboard.WithReader(reader)}, opts...)...)
}

// readDesired reads the users the files at paths ask for: CSV templates
// (names resolved through a) and request documents. Problems of a CSV
// are written to stderr; invalid is true when there was one.
func readDesired(ctx context.Context, a *onboard.Applier, instanceID string, paths []string, stderr io.Writer) (reqs []onboard.Request, invalid bool, err error) {
	for _, p := range paths {
		if !strings.EqualFold(filepath.Ext(p), ".csv") {
			r, err := onboard.ReadRequests(p)
			if err != nil {
				return nil, false, err
			}
			reqs = append(reqs, r...)
			continue
		}
		if instanceID == "" {
			return nil, false, errors.New("a CSV file needs --instance-id")
		}
		f, err := os.Open(p)
		if err != nil {
			return nil, false, err
		}
		im := onboard.NewImporter(a.Names(), instanceID, identity.Unknown)
		r, problems, err := im.Desired(ctx, f, p)
		f.Close()
		for _, pr := range problems {
			fmt.Fprintln(stderr, pr)
			if pr.Violation.Severity == cuerrors.SeverityError {
				invalid = true
			}
		}
		var ce *onboard.CSVError
		if errors.As(err, &ce) {
			fmt.Fprintln(stderr, ce.Problem)
			invalid = true
		} else if err != nil {
			return nil, false, err
		}
		reqs = append(reqs, r...)
	}
	return reqs, invalid, nil
}

func runPlan(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("plan")
	var c connFlags
	c.register(fs)
	call := addCallFlags(fs)
	var prune, showValues bool
	var out string
	format := choice{value: "text", allowed: []string{"text", "json"}}
	fs.BoolVar(&prune, "prune", false, "")
	fs.BoolVar(&showValues, "show-values", false, "")
	fs.StringVar(&out, "out", "", "")
	fs.Var(&format, "format", "")
	paths, err := parseInterspersed(fs, args)
	if errors.Is(err, flag.ErrHelp) {
		fmt.Fprint(stdout, planUsage)
		return exitOK
	}
	if err != nil {
		return usageError(stderr, "plan", err)
	}
	switch {
	case len(paths) == 0:
		return usageError(stderr, "plan", errors.New("no PATH given"))
	case c.lookupRate <= 0:
		return usageError(stderr, "plan", errors.New("--lookup-rate must be above 0"))
	}
	if err := call.check(); err != nil {
		return usageError(stderr, "plan", err)
	}
	ctx, cancel := call.withDeadline(context.Background())
	defer cancel()
	var opts []onboard.Option
	if prune {
		opts = append(opts, onboard.WithPrune())
	}
	a := c.applier(ctx, call, "plan", stderr, opts...)
	if a == nil {
		return exitUsage
	}
	reqs, invalid, err := readDesired(ctx, a, c.instanceID, paths, stderr)
	if err != nil {
		fmt.Fprintf(stderr, "connectuser plan: %v\n", err)
		return exitUsage
	}
	plan, err := a.Plan(ctx, reqs)
	if err != nil {
		fmt.Fprintf(stderr, "connectuser plan: %v\n", err)
		return exitUsage
	}
	if format.value == "json" {
		err = plan.WriteJSON(stdout, onboard.JSONOptions{ShowValues: showValues})
	} else {
		err = plan.WriteText(stdout, showValues)
	}
	if err != nil {
		fmt.Fprintf(stderr, "connectuser plan: %v\n", err)
		return exitUsage
	}
	if out != "" {
		if err := savePlan(out, plan); err != nil {
			fmt.Fprintf(stderr, "connectuser plan: %v\n", err)
			return exitUsage
		}
	}
	switch {
	case invalid || plan.Count(onboard.ActionInvalid) > 0:
		return exitInvalid
	case plan.Changed():
		return exitChanges
	}
	return exitOK
}

// savePlan writes the plan with its requests to path, atomically and
// readable by its owner only (it holds passwords of users to create).
func savePlan(path string, plan *onboard.Plan) error {
	var b strings.Builder
	if err := plan.WriteJSON(&b, onboard.JSONOptions{Requests: true}); err != nil {
		return err
	}
	return renameio.WriteFile(path, []byte(b.String()), 0o600)
}
