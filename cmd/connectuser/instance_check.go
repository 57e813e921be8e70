package main

import (
	"context"
	"flag"
	"io"
	"strings"
	"sync"

	"github.com/connectkit/createuser/awsconnect"
	cuerrors "github.com/connectkit/createuser/errors"
	"github.com/connectkit/createuser/identity"
)

// instanceUsage is the part of validate's usage about the instance checks.
const instanceUsage = `  --instance-id ID
        Also check the documents against the instance, as CreateUser would
        (SPEC section 9): the instance exists, every security profile, the
        routing profile and the hierarchy group exist in it (by id or ARN),
        the Username is free. A document's own InstanceId wins; ID fills it
        in where a document has none. The identity management type is read
        from the instance unless --identity-management is given. The AWS
        SDK's usual configuration applies (environment, profile, region,
        credentials). Only documents without catalog errors are looked up;
        a failed look-up is reported on standard error with the call that
        failed, the catalog's findings are still printed, and the exit
        status is 2.
          connectuser validate --instance-id 0123abcd-... users.jsonl
  --endpoint-url URL
        The service endpoint of the instance checks (a local service such as
        connectuser serve); without configured credentials it signs with
        placeholders. Given without --instance-id, it checks the documents'
        own InstanceIds.
          connectuser validate --endpoint-url http://127.0.0.1:8080 --instance-id demo-cm users.jsonl
  --region REGION
        The region of the instance checks (else the SDK's configuration).
` + callUsage

// instanceFlags are the flags of the instance checks.
type instanceFlags struct {
	instanceID, endpoint, region string
	call                         *callFlags
}

// addInstanceFlags defines the flags of the instance checks on fs.
func addInstanceFlags(fs *flag.FlagSet) *instanceFlags {
	f := &instanceFlags{}
	fs.StringVar(&f.instanceID, "instance-id", "", "check against this instance")
	fs.StringVar(&f.endpoint, "endpoint-url", "", "endpoint of the instance checks")
	fs.StringVar(&f.region, "region", "", "region of the instance checks")
	f.call = addCallFlags(fs)
	return f
}

// enabled reports whether the flags ask for the instance checks.
func (f *instanceFlags) enabled() bool {
	return f != nil && (f.instanceID != "" || f.endpoint != "")
}

// instanceCheck runs the instance checks on the documents of one run; it
// is safe for concurrent use by the workers.
type instanceCheck struct {
	checker    *awsconnect.InstanceChecker
	progress   *lookupProgress
	instanceID string
	fixedType  bool // --identity-management was given

	mu     sync.Mutex
	failed error // the first look-up that failed: nothing more is looked up
}

// notCheckedError is the look-up error of a document that was not looked
// up because an earlier look-up failed.
type notCheckedError struct{ first error }

func (e *notCheckedError) Error() string {
	return "not checked against the instance: an earlier look-up failed (" + e.first.Error() + ")"
}

func (e *notCheckedError) Unwrap() error { return e.first }

// newInstanceCheck returns the checks the flags ask for, or nil.
func newInstanceCheck(ctx context.Context, f *instanceFlags, t identity.Type, stderr io.Writer) (*instanceCheck, error) {
	if !f.enabled() {
		return nil, nil
	}
	client, err := newConnectClient(ctx, f.region, f.endpoint)
	if err != nil {
		return nil, err
	}
	var opts []awsconnect.Option
	fixed := t != identity.Unknown
	if fixed {
		opts = append(opts, awsconnect.WithIdentityManagement(t))
	}
	progress := newLookupProgress(stderr)
	reader := awsconnect.NewReader(client, readerOptions(f.call, progress)...)
	opts = append(opts, awsconnect.WithReader(reader))
	return &instanceCheck{checker: awsconnect.NewInstanceChecker(client, opts...), progress: progress, instanceID: f.instanceID, fixedType: fixed}, nil
}

// apply fills in the instance of a document that has none, and checks a
// document without catalog errors against its instance: j.list becomes
// what the instance checks found (under the instance's identity type
// unless it was given), and j.lookupErr a failed look-up.
func (c *instanceCheck) apply(ctx context.Context, j *job) {
	if c == nil || j.in == nil {
		return
	}
	if j.in.InstanceId == "" && c.instanceID != "" {
		j.in.InstanceId = c.instanceID
		j.list = withoutRule(j.list, "instance-id.required")
	}
	if j.list.HasErrors() {
		return
	}
	c.mu.Lock()
	failed := c.failed
	c.mu.Unlock()
	if failed != nil {
		j.lookupErr = &notCheckedError{failed}
		return
	}
	list, err := c.checker.Check(ctx, j.in)
	j.lookupErr = err
	if err != nil {
		c.mu.Lock()
		if c.failed == nil {
			c.failed = err
		}
		c.mu.Unlock()
	}
	if c.fixedType || err != nil {
		// The catalog's findings stay as the document gave them (after a
		// failed look-up too); only the instance's are added.
		for _, v := range list {
			if strings.HasPrefix(v.Rule, "instance.") {
				j.list = append(j.list, v)
			}
		}
		return
	}
	j.list = list
}

// withoutRule returns l without the violations of rule.
func withoutRule(l cuerrors.List, rule string) cuerrors.List {
	out := l[:0:0]
	for _, v := range l {
		if v.Rule != rule {
			out = append(out, v)
		}
	}
	if len(out) == 0 {
		return nil
	}
	return out
}

// finish clears the look-ups' progress.
func (c *instanceCheck) finish() {
	if c != nil {
		c.progress.finish()
	}
}
