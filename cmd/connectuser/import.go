package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"

	"github.com/connectkit/createuser/awsconnect"
	"github.com/connectkit/createuser/identity"
	"github.com/connectkit/createuser/onboard"
)

const importUsage = `Usage: connectuser import [flags] FILE.csv...

Reads the admin website's bulk-upload CSV template (the 16 columns, or the
older template without agent hierarchy, user_hierarchy_1|user_hierarchy_2
and tags) and writes one request document a row as JSON Lines on standard
output, and nothing else there. Headers are compared trimmed and without
letter case; lists are separated by |; tags are key=value|key=value.

Names become ids: against the instance (--instance-id with the SDK's usual
configuration, or --endpoint-url for a local service), or offline against
--names FILE:
  {"SecurityProfiles": {"Agent": "ID"}, "RoutingProfiles": {"Basic Routing
  Profile": "ID"}, "HierarchyGroups": {"Top|Middle|Leaf": "ID"}}

Every problem is reported on standard error against the CSV, as
  users.csv:12: "COLUMN": error CODE RULE: message
and a row with an error yields no document.

Flags:
  --instance-id ID           the InstanceId of every document
  --names FILE               resolve names offline
  --endpoint-url URL         the service's endpoint (connectuser serve)
  --region R                 the region
  --identity-management TYPE the catalog's type with --names (online, the
                             instance's own)
  --lookup-rate R            look-ups per second and operation (default 2,
                             burst 5: the service's default quota)
  --timeout D                how long each request may take (default 30s);
                             a request without an answer in time fails,
                             naming the call
  --deadline D               how long the whole import may take (default:
                             no limit); when it passes, import exits 2

Example:
  connectuser import --instance-id ID --names names.json users.csv > users.jsonl

Exit status: 0 every row made a document, 1 some row or a file had a
problem, 2 a usage problem, an unreadable file or a failed look-up.
`

func runImport(args []string, stdout, stderr io.Writer) int {
	fs := newFlagSet("import")
	var instanceID, namesFile, endpoint, region, idm string
	var lookupRate float64
	fs.StringVar(&instanceID, "instance-id", "", "")
	fs.StringVar(&namesFile, "names", "", "")
	fs.StringVar(&endpoint, "endpoint-url", "", "")
	fs.StringVar(&region, "region", "", "")
	fs.StringVar(&idm, "identity-management", "", "")
	fs.Float64Var(&lookupRate, "lookup-rate", onboard.DefaultRate, "")
	call := addCallFlags(fs)
	paths, err := parseInterspersed(fs, args)
	if errors.Is(err, flag.ErrHelp) {
		fmt.Fprint(stdout, importUsage)
		return exitOK
	}
	if err != nil {
		return usageError(stderr, "import", err)
	}
	t, err := identity.ParseType(idm)
	switch {
	case err != nil:
		return usageError(stderr, "import", fmt.Errorf("--identity-management: %v", err))
	case len(paths) == 0:
		return usageError(stderr, "import", errors.New("no FILE given"))
	case namesFile == "" && instanceID == "":
		return usageError(stderr, "import", errors.New("give --names FILE, or --instance-id to read names from the instance"))
	case lookupRate <= 0:
		return usageError(stderr, "import", errors.New("--lookup-rate must be above 0"))
	}
	if err := call.check(); err != nil {
		return usageError(stderr, "import", err)
	}
	ctx, cancel := call.withDeadline(context.Background())
	defer cancel()
	progress := newLookupProgress(stderr)
	defer progress.finish()
	var names onboard.Names
	if namesFile != "" {
		tbl, err := onboard.ReadNamesTable(namesFile)
		if err != nil {
			fmt.Fprintf(stderr, "connectuser import: %v\n", err)
			return exitUsage
		}
		names = tbl
	} else {
		client, err := newConnectClient(ctx, region, endpoint)
		if err != nil {
			fmt.Fprintf(stderr, "connectuser import: configuring the client: %v\n", err)
			return exitUsage
		}
		reader := awsconnect.NewReader(client, append(readerOptions(call, progress),
			awsconnect.WithReadRate(lookupRate, awsconnect.DefaultReadBurst))...)
		in := onboard.NewInstanceNames(client, instanceID, onboard.WithReader(reader))
		if t, err = in.IdentityManagement(ctx); err != nil {
			fmt.Fprintf(stderr, "connectuser import: %v\n", err)
			return exitUsage
		}
		names = in
	}
	im := onboard.NewImporter(names, instanceID, t)
	out := bufio.NewWriter(stdout)
	defer out.Flush()
	status := exitOK
	for _, path := range paths {
		f, err := os.Open(path)
		if err != nil {
			fmt.Fprintf(stderr, "connectuser import: %v\n", err)
			return exitUsage
		}
		var encErr error
		err = im.Import(ctx, f, path, func(row onboard.Row) {
			for _, p := range row.Problems {
				fmt.Fprintln(stderr, p)
			}
			if row.Input == nil {
				status = max(status, exitInvalid)
				return
			}
			b, err := json.Marshal(row.Input)
			if err != nil && encErr == nil {
				encErr = err
			}
			out.Write(append(b, '\n'))
		})
		f.Close()
		var ce *onboard.CSVError
		switch {
		case errors.As(err, &ce):
			fmt.Fprintln(stderr, ce.Problem)
			status = max(status, exitInvalid)
		case err != nil:
			fmt.Fprintf(stderr, "connectuser import: %v\n", err)
			return exitUsage
		case encErr != nil:
			fmt.Fprintf(stderr, "connectuser import: %v\n", encErr)
			return exitUsage
		}
	}
	return status
}
