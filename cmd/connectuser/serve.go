package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"sync"
	"syscall"
	"time"

	"github.com/google/renameio/v2"

	"github.com/connectkit/createuser/connecttest"
)

const serveUsage = `Usage: connectuser serve [flags]

Runs a local Connect Customer user-management service (package connecttest)
that the AWS CLI, boto3 and aws-sdk-go-v2 talk to unchanged, for tests and
demos with no account and no network:
  connectuser serve --addr 127.0.0.1:8080 &
  aws connect create-user --endpoint-url http://127.0.0.1:8080 \
      --cli-input-json file://examples/documents/cli-create-user.json

The first line on standard output is 'listening on http://HOST:PORT', then
one line per instance: 'instance ID IDENTITY_MANAGEMENT_TYPE ALIAS'. Without
--state it holds one demo instance of each identity management type with the
default profiles of a new instance. Each request is logged on standard error
(operation, status, error type, duration; never a member of the request).
SIGINT or SIGTERM stops it (exit 0), after writing --save.

Flags:
  --addr HOST:PORT   address to listen on (default 127.0.0.1:8080; port 0 picks one);
                     a loopback address only (127.0.0.1, ::1, localhost), since the
                     service accepts any credentials
  --allow-remote     allow an --addr that is not loopback (0.0.0.0, a LAN address),
                     with a warning: anyone who reaches it can read and change users
  --account ID       account id in the ARNs (default 123456789012)
  --region REGION    region in the ARNs (default us-east-1)
  --state FILE       load instances, profiles, groups and users from FILE
  --save FILE        write the state to FILE on stop (atomically)
  --rate R           requests per second per operation, for the account (default: no limit)
  --burst B          token bucket size, at least 1; needs --rate (default: R rounded up)
  --faults LIST      random faults: throttle=P,error=P,reset-before=P,reset-after=P,latency=DURATION
  --seed N           seed of the random faults, to repeat a run

The state file (--state reads it, --save writes it) is one JSON object:
  {"Instances": [{
     "Id": "...", "Alias": "...",
     "IdentityManagementType": "CONNECT_MANAGED" | "SAML" | "EXISTING_DIRECTORY",
     "UserQuota": 0 (no limit) or the most users the instance holds,
     "SecurityProfiles": [{"Id": "...", "Name": "..."}],
     "RoutingProfiles":  [{"Id": "...", "Name": "..."}],
     "HierarchyGroups":  [{"Id": "...", "Name": "...", "ParentId": "" (top level) or a group's Id}],
     "Users": [{"Id": "...", then the CreateUser members less InstanceId and Password}]}]}
A member it does not have, or an id that names nothing in its instance, is a
usage error. examples/serve/state.json is one to start from:
  connectuser serve --state examples/serve/state.json --save state.json

Exit status: 0 stopped by a signal, 1 the server failed, 2 a usage problem or
a state file that cannot be loaded.
`

// runServe is `connectuser serve`: it serves until SIGINT or SIGTERM.
func runServe(args []string, stdout, stderr io.Writer) int {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	return serve(ctx, args, stdout, stderr)
}

// serve is runServe until ctx is done.
func serve(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("serve")
	addr := fs.String("addr", "127.0.0.1:8080", "")
	account := fs.String("account", connecttest.DefaultAccount, "")
	region := fs.String("region", connecttest.DefaultRegion, "")
	statePath := fs.String("state", "", "")
	savePath := fs.String("save", "", "")
	ratePerSecond := fs.Float64("rate", 0, "")
	burst := fs.Int("burst", 0, "")
	faultSpec := fs.String("faults", "", "")
	seed := fs.Int64("seed", 0, "")
	allowRemote := fs.Bool("allow-remote", false, "")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			fmt.Fprint(stdout, serveUsage)
			return exitOK
		}
		return usageError(stderr, "serve", err)
	}
	if fs.NArg() > 0 {
		return usageError(stderr, "serve", fmt.Errorf("unexpected argument %q", fs.Arg(0)))
	}
	addrWarning, err := checkServeAddr(*addr, *allowRemote)
	if err != nil {
		return usageError(stderr, "serve", err)
	}
	faults, err := connecttest.ParseFaults(*faultSpec)
	if err != nil {
		return usageError(stderr, "serve", fmt.Errorf("--faults: %w", err))
	}
	if *burst, err = serveBurst(*ratePerSecond, *burst, isFlagSet(fs, "burst")); err != nil {
		return usageError(stderr, "serve", err)
	}
	var state *connecttest.State
	if *statePath != "" {
		f, err := os.Open(*statePath)
		if err != nil {
			return usageError(stderr, "serve", err)
		}
		st, err := connecttest.LoadState(f)
		f.Close()
		if err != nil {
			return usageError(stderr, "serve", fmt.Errorf("%s: %w", *statePath, err))
		}
		state = &st
	}

	var logMu sync.Mutex
	opts := []connecttest.Option{
		connecttest.WithAddr(*addr), connecttest.WithAccount(*account), connecttest.WithRegion(*region),
		connecttest.WithFaults(faults),
		connecttest.WithRequestHook(func(r connecttest.Request) {
			logMu.Lock()
			defer logMu.Unlock()
			fmt.Fprintln(stderr, r.String())
		}),
	}
	if *ratePerSecond > 0 {
		opts = append(opts, connecttest.WithRate(*ratePerSecond, *burst))
	}
	if isFlagSet(fs, "seed") {
		opts = append(opts, connecttest.WithSeed(*seed))
	}
	if addrWarning != "" {
		fmt.Fprintln(stderr, "connectuser serve: "+addrWarning)
	}
	srv, err := connecttest.Start(opts...)
	if err != nil {
		fmt.Fprintf(stderr, "connectuser serve: %v\n", err)
		return exitInvalid
	}
	if state != nil {
		if err := srv.Load(*state); err != nil {
			srv.Close()
			return usageError(stderr, "serve", fmt.Errorf("%s: %w", *statePath, err))
		}
	} else {
		srv.AddDemoInstances()
	}
	fmt.Fprintf(stdout, "listening on %s\n", srv.URL)
	for _, in := range srv.State().Instances {
		fmt.Fprintf(stdout, "instance %s %s %s\n", in.Id, in.IdentityManagementType, in.Alias)
	}

	<-ctx.Done()
	shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	_ = srv.Shutdown(shutdown)
	if *savePath != "" {
		if err := saveState(*savePath, srv.State()); err != nil {
			fmt.Fprintf(stderr, "connectuser serve: --save: %v\n", err)
			return exitInvalid
		}
	}
	return exitOK
}

// isFlagSet reports whether the flag name was given.
func isFlagSet(fs *flag.FlagSet, name string) bool {
	set := false
	fs.Visit(func(f *flag.Flag) { set = set || f.Name == name })
	return set
}

// saveState writes st to path atomically (renameio: a temporary file in
// the same directory, synced, then renamed over path), so that a reader
// sees the old state or the new one, never half of one.
func saveState(path string, st connecttest.State) error {
	t, err := renameio.TempFile("", path)
	if err != nil {
		return err
	}
	defer t.Cleanup() // after CloseAtomicallyReplace, there is nothing to clean up
	if err := st.Write(t); err != nil {
		return err
	}
	return t.CloseAtomicallyReplace()
}
