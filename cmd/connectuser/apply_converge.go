package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/connectkit/createuser/onboard"
)

// converge is apply without --create-only: the plan (afresh from paths,
// or the saved one of --plan), then creates, updates and deletes.
func converge(ctx context.Context, a *onboard.Applier, f applyFlags, paths, args []string, prog *progress, lookups *lookupProgress, stdout, stderr io.Writer) int {
	var plan *onboard.Plan
	if f.planFile != "" {
		file, err := os.Open(f.planFile)
		if err != nil {
			fmt.Fprintf(stderr, "connectuser apply: %v\n", err)
			return exitUsage
		}
		plan, err = onboard.ReadPlan(file)
		file.Close()
		if err != nil {
			fmt.Fprintf(stderr, "connectuser apply: %s: %v\n", f.planFile, err)
			return exitUsage
		}
		if f.instanceID != "" && f.instanceID != plan.Instance {
			fmt.Fprintf(stderr, "connectuser apply: the plan is of instance %s, not %s\n", plan.Instance, f.instanceID)
			return exitUsage
		}
		err = a.CheckPlan(ctx, plan)
		var stale *onboard.StalePlanError
		switch {
		case errors.As(err, &stale):
			fmt.Fprintf(stderr, "connectuser apply: %v\n", err)
			return exitInvalid
		case err != nil:
			fmt.Fprintf(stderr, "connectuser apply: %v\n", err)
			return exitUsage
		}
	} else {
		reqs, invalid, err := readDesired(ctx, a, f.instanceID, paths, stderr)
		if err != nil {
			fmt.Fprintf(stderr, "connectuser apply: %v\n", err)
			return exitUsage
		}
		if invalid && !f.continueOnInvalid {
			fmt.Fprintf(stderr, "connectuser apply: some rows are invalid; nothing was sent (fix them, or use --continue-on-invalid)\n")
			return exitInvalid
		}
		plan, err = a.Plan(ctx, reqs)
		lookups.finish()
		if deadlinePassed(ctx) {
			if err == nil {
				err = context.Cause(ctx)
			}
			fmt.Fprintf(stderr, "connectuser apply: %v; nothing was sent\n", err)
			return exitUsage
		}
		if ctx.Err() != nil {
			fmt.Fprintf(stderr, "connectuser apply: interrupted while planning; nothing was sent\n")
			return exitInterrupted
		}
		if err != nil {
			fmt.Fprintf(stderr, "connectuser apply: %v\n", err)
			return exitUsage
		}
	}
	printViolations(stdout, plan, f.verbose)
	if f.redactUsernames {
		// The plan names users; its count line does not.
		fmt.Fprintln(stdout, plan.CountLine())
	} else if err := plan.WriteText(stdout, f.showValues); err != nil {
		fmt.Fprintf(stderr, "connectuser apply: %v\n", err)
		return exitUsage
	}
	if f.dryRun {
		if !plan.Valid() {
			return exitInvalid
		}
		return exitOK
	}
	total := plan.Count(onboard.ActionCreate) + plan.Count(onboard.ActionUpdate) + plan.Count(onboard.ActionDelete)
	return carryOut(ctx, a, plan, f, args, prog, total, "sent", stdout, stderr)
}

// carryOut applies plan (already printed) with the progress counting
// total users, then prints the summary, the failures and the journal,
// and returns the exit status; unsent names what an invalid run did not
// do ("sent", "created").
func carryOut(ctx context.Context, a *onboard.Applier, plan *onboard.Plan, f applyFlags, args []string, prog *progress, total int, unsent string, stdout, stderr io.Writer) int {
	prog.start(total)
	sum, err := a.Apply(ctx, plan)
	prog.finish()
	fmt.Fprintf(stdout, "summary: %s\n", sum)
	printFailures(stdout, sum.Failures, f.redactUsernames)
	fmt.Fprintf(stdout, "journal: %s\n", f.journal)
	switch {
	case errors.Is(err, onboard.ErrTooManyDeletes):
		fmt.Fprintf(stderr, "connectuser apply: the plan deletes %d users; --max-deletes allows %d; nothing was sent\n", plan.Count(onboard.ActionDelete), f.maxDeletes)
		return exitUsage
	case errors.Is(err, onboard.ErrInterrupted) && deadlinePassed(ctx):
		fmt.Fprintf(stderr, "connectuser apply: %v; run the same command again to resume (journal %s)\n", context.Cause(ctx), f.journal)
		return exitUsage
	case errors.Is(err, onboard.ErrInterrupted):
		fmt.Fprintf(stderr, "connectuser apply: interrupted; run the same command again to resume (journal %s)\n", f.journal)
		fmt.Fprintf(stderr, "  connectuser %s\n", strings.Join(quoteArgs(append([]string{"apply"}, args...)), " "))
		return exitInterrupted
	case errors.Is(err, onboard.ErrInvalid):
		fmt.Fprintf(stderr, "connectuser apply: %d invalid requests; nothing was %s (fix them, or use --continue-on-invalid)\n", sum.Invalid, unsent)
		return exitInvalid
	case err != nil:
		fmt.Fprintf(stderr, "connectuser apply: %v\n", err)
		return exitUsage
	case !sum.OK():
		return exitInvalid
	}
	return exitOK
}
