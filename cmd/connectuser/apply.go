package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"
	"syscall"
	"time"

	"github.com/connectkit/createuser/awsconnect"
	"github.com/connectkit/createuser/onboard"
)

const applyUsage = `Usage: connectuser apply [flags] PATH...
       connectuser apply [flags] --plan PLAN.json

Makes the instance match a file of users: the admin website's CSV
template (.csv; names resolved against the instance, --instance-id), a
request document (.json), JSON Lines (import's output; any other name), or
a directory of them. Users are keyed by Username.

First it plans, as 'connectuser plan' does (or reads the plan that 'plan
--out' saved, refused when a user it changes was modified since: plan
again), and prints the plan. A member the file leaves out is not managed;
a member it gives is managed whole. With an invalid user anywhere it sends
nothing and exits 1, unless --continue-on-invalid. --dry-run stops here.

Then it creates the new users (tagged managed-by=connectuser unless
--no-managed-tag), then updates the others (UpdateUserIdentityInfo,
UpdateUserPhoneConfig, UpdateUserConfig, UpdateUserRoutingProfile,
UpdateUserSecurityProfiles, UpdateUserHierarchy, TagResource,
UntagResource: only what differs), then, with --prune, deletes the users
tagged managed-by=connectuser that the file does not name. Deletes need
--max-deletes N: a plan with more than N deletes (default 0) is refused
before anything is sent. Each operation is paced at most --rate per second
(its own token bucket: the service's quotas are per operation), slows down
when the service throttles and speeds up again, and is retried after
throttling, 5xx and network failures with backoff, at most --max-attempts
times.

Every attempt and outcome is in the journal (JSON Lines, flushed before the
request is sent and before the outcome is reported, with the operation's
name; never a password). A user is created exactly once: a
DuplicateResourceException after an attempt without an answer is settled
by looking the user up. Updates are simply sent again after an attempt
without an answer; a delete that finds the user gone is done. Run the same
command again to finish what a run left: the new plan holds only what is
left. Ctrl-C (SIGINT) or SIGTERM starts nothing new, lets what is in
flight finish, and exits 130. The journal is locked while a run uses it
(FILE.lock names the process); a second run on it exits 2 naming it.

--create-only is the earlier behaviour: create the users of request
documents, never change an existing one (it is reported as existing);
the journal then decides what is done: users it records as created or
exists are skipped, failed ones retried, invalid ones checked again; a
user the instance has is recorded as created when the journal has an
attempt for it (a run that died after sending), as exists otherwise. Each
record carries a keyed digest of the request (never the password): a user
done for a request that differs from the file's now is reported as
changed and left as it is.

Flags:
  --instance-id ID        the instance (required for a CSV file; the
                          instance of documents that have none); an
                          instance alias is turned into its id
  --endpoint-url URL      the service's endpoint (a local service:
                          connectuser serve); otherwise the SDK's usual
                          configuration (AWS_REGION, AWS_PROFILE, ...)
  --region R              the region
  --plan PLAN.json        carry out a plan saved by 'connectuser plan --out'
  --prune                 delete the users tagged managed-by=connectuser
                          that the file does not name
  --max-deletes N         send at most N deletes (default 0)
  --no-managed-tag        create users without managed-by=connectuser
  --create-only           create users only (see above)
  --show-values           show names, emails and phone numbers in the plan
  --rate R                calls per second of each operation (default 2)
  --burst B               burst of each token bucket (default 5)
  --lookup-rate R         look-ups per second and operation (default 2,
                          burst 5)
  --timeout D             how long each request may take (default 30s); a
                          look-up without an answer in time fails, naming
                          the call; a write is retried as one without an
                          answer
  --deadline D            how long the whole run may take (default: no
                          limit); when it passes, nothing new is started,
                          what is in flight finishes, and apply exits 2
                          (run it again to resume)
  --max-attempts N        attempts per call (default 10)
  --concurrency N         users worked on at once (default 4)
  --journal FILE          the journal (default connectuser-journal.jsonl)
  --dry-run               plan and print; send nothing
  --continue-on-invalid   carry out the valid users, skip the invalid ones
  --progress auto|bar|lines|none
                          a progress bar on a terminal, a line every
                          --progress-interval otherwise (default auto)
  --progress-interval D   (default 5s)
  --redact-usernames      show no username in what apply prints (the
                          journal still records them: it is how a run
                          finds its users again)
  --verbose               print every warning of every document; without
                          it, the warnings of one rule are one line with
                          their count and first few documents

Example, against a local service:
  connectuser serve --addr 127.0.0.1:8080 &
  connectuser apply --endpoint-url http://127.0.0.1:8080 users.jsonl

At the end it prints a summary, then names every user that failed: its
source and line, its username, the operation, and the service's error
code and message.

Exit status: 0 the instance matches the file, 1 some user failed or was
invalid, or a saved plan is out of date, 2 a usage problem, a failed
look-up, too many deletes or a journal in use by another run (the message
names the process), 130 interrupted (run again to resume).
`

const exitInterrupted = 130

// applyFlags are the flags of apply.
type applyFlags struct {
	instanceID, endpoint, region, journal string
	rate, lookupRate                      float64
	burst, lookupBurst                    int
	maxAttempts, concurrency              int
	backoff                               time.Duration
	dryRun, continueOnInvalid             bool
	planFile                              string
	prune, createOnly, noManagedTag       bool
	showValues                            bool
	maxDeletes                            int
	redactUsernames, verbose              bool
	progress                              choice
	interval                              time.Duration
	call                                  *callFlags
}

func runApply(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("apply")
	f := applyFlags{progress: choice{value: "auto", allowed: []string{"auto", "bar", "lines", "none"}}}
	fs.StringVar(&f.instanceID, "instance-id", "", "")
	fs.StringVar(&f.endpoint, "endpoint-url", "", "")
	fs.StringVar(&f.region, "region", "", "")
	fs.StringVar(&f.journal, "journal", "connectuser-journal.jsonl", "")
	fs.Float64Var(&f.rate, "rate", onboard.DefaultRate, "")
	fs.IntVar(&f.burst, "burst", onboard.DefaultBurst, "")
	fs.Float64Var(&f.lookupRate, "lookup-rate", onboard.DefaultRate, "")
	fs.IntVar(&f.lookupBurst, "lookup-burst", onboard.DefaultBurst, "")
	fs.IntVar(&f.maxAttempts, "max-attempts", onboard.DefaultMaxAttempts, "")
	fs.IntVar(&f.concurrency, "concurrency", onboard.DefaultConcurrency, "")
	fs.DurationVar(&f.backoff, "backoff-base", onboard.DefaultBackoffBase, "")
	fs.BoolVar(&f.dryRun, "dry-run", false, "")
	fs.BoolVar(&f.continueOnInvalid, "continue-on-invalid", false, "")
	fs.BoolVar(&f.redactUsernames, "redact-usernames", false, "")
	fs.BoolVar(&f.verbose, "verbose", false, "")
	fs.Var(&f.progress, "progress", "")
	fs.DurationVar(&f.interval, "progress-interval", 5*time.Second, "")
	fs.StringVar(&f.planFile, "plan", "", "")
	fs.BoolVar(&f.prune, "prune", false, "")
	fs.BoolVar(&f.createOnly, "create-only", false, "")
	fs.BoolVar(&f.noManagedTag, "no-managed-tag", false, "")
	fs.BoolVar(&f.showValues, "show-values", false, "")
	fs.IntVar(&f.maxDeletes, "max-deletes", 0, "")
	f.call = addCallFlags(fs)
	paths, err := parseInterspersed(fs, args)
	if errors.Is(err, flag.ErrHelp) {
		fmt.Fprint(stdout, applyUsage)
		return exitOK
	}
	if err != nil {
		return usageError(stderr, "apply", err)
	}
	switch {
	case len(paths) == 0 && f.planFile == "":
		return usageError(stderr, "apply", errors.New("no PATH given"))
	case len(paths) > 0 && f.planFile != "":
		return usageError(stderr, "apply", errors.New("give --plan PLAN.json or PATH..., not both"))
	case f.planFile != "" && (f.createOnly || f.prune):
		return usageError(stderr, "apply", errors.New("--plan carries out the saved plan as it is: no --create-only or --prune"))
	case f.createOnly && f.prune:
		return usageError(stderr, "apply", errors.New("--create-only creates users and deletes none: no --prune"))
	case f.maxDeletes < 0:
		return usageError(stderr, "apply", errors.New("--max-deletes must be 0 or more"))
	case f.rate <= 0 || f.burst < 1 || f.lookupRate <= 0 || f.lookupBurst < 1:
		return usageError(stderr, "apply", errors.New("--rate and --lookup-rate must be above 0, --burst and --lookup-burst at least 1"))
	case f.maxAttempts < 1 || f.concurrency < 1 || f.backoff <= 0 || f.interval <= 0:
		return usageError(stderr, "apply", errors.New("--max-attempts and --concurrency must be at least 1, durations above 0"))
	}
	if err := f.call.check(); err != nil {
		return usageError(stderr, "apply", err)
	}

	signals, stopSignals := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stopSignals()
	ctx, cancel := f.call.withDeadline(signals)
	defer cancel()
	go func() {
		// After the first signal, a second one ends the program at once
		// (the journal still lets the next run settle what was in flight).
		<-signals.Done()
		stopSignals()
	}()
	client, err := newConnectClient(ctx, f.region, f.endpoint)
	if err != nil {
		fmt.Fprintf(stderr, "connectuser apply: configuring the client: %v\n", err)
		return exitUsage
	}
	prog := newProgress(stderr, f.progress.value, f.interval)
	var lookups *lookupProgress
	if prog.mode == "bar" {
		lookups = newLookupProgress(stderr)
	}
	reader := awsconnect.NewReader(client, append(readerOptions(f.call, lookups),
		awsconnect.WithReadRate(f.lookupRate, f.lookupBurst), awsconnect.WithMaxAttempts(f.maxAttempts),
		awsconnect.WithBackoff(f.backoff, onboard.DefaultMaxBackoff))...)
	if f.instanceID, err = instanceIDFlag(ctx, reader, f.instanceID, "apply", stderr); err != nil {
		fmt.Fprintf(stderr, "connectuser apply: %v\n", err)
		return exitUsage
	}
	var journal *onboard.Journal
	if _, statErr := os.Stat(f.journal); !f.dryRun || statErr == nil {
		// A dry run reads the journal, to say what a run would skip, and
		// writes nothing to it.
		journal, err = onboard.OpenJournal(f.journal)
		if err != nil {
			fmt.Fprintf(stderr, "connectuser apply: %v\n", err)
			return exitUsage
		}
		defer journal.Close()
	}
	opts := []onboard.Option{
		onboard.WithRate(f.rate, f.burst), onboard.WithReader(reader), onboard.WithRequestTimeout(f.call.timeout),
		onboard.WithMaxAttempts(f.maxAttempts), onboard.WithConcurrency(f.concurrency),
		onboard.WithBackoff(f.backoff, onboard.DefaultMaxBackoff),
		onboard.WithInstanceID(f.instanceID), onboard.WithJournal(journal),
		onboard.WithObserver(prog.observe),
	}
	if f.continueOnInvalid {
		opts = append(opts, onboard.WithContinueOnInvalid())
	}
	if f.prune {
		opts = append(opts, onboard.WithPrune())
	}
	if f.noManagedTag {
		opts = append(opts, onboard.WithoutManagedTag())
	}
	opts = append(opts, onboard.WithMaxDeletes(f.maxDeletes))
	a := onboard.New(client, opts...)
	if !f.createOnly {
		return converge(ctx, a, f, paths, args, prog, lookups, stdout, stderr)
	}
	var reqs []onboard.Request
	for _, p := range paths {
		r, err := onboard.ReadRequests(p)
		if err != nil {
			fmt.Fprintf(stderr, "connectuser apply: %v\n", err)
			return exitUsage
		}
		reqs = append(reqs, r...)
	}
	plan, err := a.Check(ctx, reqs)
	lookups.finish()
	printViolations(stdout, plan, f.verbose)
	if deadlinePassed(ctx) {
		if err == nil {
			err = context.Cause(ctx)
		}
		fmt.Fprintf(stderr, "connectuser apply: %v; nothing was created\n", err)
		return exitUsage
	}
	if ctx.Err() != nil {
		fmt.Fprintf(stderr, "connectuser apply: interrupted while checking; nothing was created\n")
		return exitInterrupted
	}
	if err != nil {
		fmt.Fprintf(stderr, "connectuser apply: %v\n", err)
		return exitUsage
	}
	fmt.Fprintf(stdout, "plan: %d to create, %d invalid, %d exist already, %d settled from the journal, %d done by an earlier run",
		plan.Count(onboard.ActionCreate), plan.Count(onboard.ActionInvalid), plan.Count(onboard.ActionExists),
		plan.Count(onboard.ActionSettle), plan.Count(onboard.ActionDone))
	if n := plan.Count(onboard.ActionChanged); n > 0 {
		fmt.Fprintf(stdout, ", %d changed since an earlier run made them (left as they are)", n)
	}
	fmt.Fprintln(stdout)
	if f.dryRun {
		if !plan.Valid() {
			return exitInvalid
		}
		return exitOK
	}
	total := plan.Count(onboard.ActionCreate) + plan.Count(onboard.ActionExists) + plan.Count(onboard.ActionSettle)
	return carryOut(ctx, a, plan, f, args, prog, total, "created", stdout, stderr)
}

// quoteArgs quotes the arguments that a shell would split or expand.
func quoteArgs(args []string) []string {
	out := make([]string, len(args))
	for i, a := range args {
		if a == "" || strings.ContainsAny(a, " \t\n'\"\\$`*?[]{}()<>|&;#~!") {
			a = "'" + strings.ReplaceAll(a, "'", `'\''`) + "'"
		}
		out[i] = a
	}
	return out
}
