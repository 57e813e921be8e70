package awsconnect

import (
	"context"
	"errors"
	"strconv"
	"strings"
	"sync"

	"github.com/aws/aws-sdk-go-v2/service/connect"

	"github.com/connectkit/createuser/identity"
)

// IdentityLookupError reports that the identity management type of an
// instance could not be read with DescribeInstance (see
// [IdentityFromInstance]). Err is the SDK's error, so errors.As reaches
// the *smithy.OperationError of DescribeInstance and the service's
// exception behind it.
type IdentityLookupError struct {
	// InstanceId is the instance ID that was described.
	InstanceId string
	// Err is why the look-up failed.
	Err error
}

// Error says which instance could not be described, and why.
func (e *IdentityLookupError) Error() string {
	return "awsconnect: pre-flight: reading the identity management type of instance " +
		strconv.Quote(e.InstanceId) + " with DescribeInstance: " + e.Err.Error()
}

// Unwrap returns Err.
func (e *IdentityLookupError) Unwrap() error { return e.Err }

// errNoInstance is the look-up failure for a DescribeInstance answer
// without an Instance.
var errNoInstance = errors.New("the answer holds no Instance")

// lookup returns the identity management type of the instance that
// instanceID names (an ID or an instance ARN). A request without an
// instance is checked under Unknown: its InstanceId is an error already.
func (p *preflight) lookup(ctx context.Context, instanceID string) (identity.Type, error) {
	id := instanceKey(instanceID)
	if id == "" {
		return identity.Unknown, nil
	}
	t, err := p.instances.get(ctx, id, p.describe)
	if err != nil {
		return identity.Unknown, &IdentityLookupError{InstanceId: id, Err: err}
	}
	return t, nil
}

// describe sends DescribeInstance for id.
func (p *preflight) describe(ctx context.Context, id string) (identity.Type, error) {
	p.clientOnce.Do(func() { p.client = connect.New(*p.options) })
	out, err := p.client.DescribeInstance(ctx, &connect.DescribeInstanceInput{InstanceId: &id})
	if err != nil {
		return identity.Unknown, err
	}
	if out.Instance == nil {
		return identity.Unknown, errNoInstance
	}
	t, err := identity.ParseType(string(out.Instance.IdentityManagementType))
	if err != nil {
		// A type this library does not know yet: check what every type
		// would report.
		return identity.Unknown, nil
	}
	return t, nil
}

// instanceKey returns the instance ID that s names: s itself, or the ID
// an instance ARN (arn:PARTITION:connect:REGION:ACCOUNT:instance/ID,
// optionally followed by /TYPE/ID) ends its instance part with.
func instanceKey(s string) string {
	if !strings.HasPrefix(s, "arn:") {
		return s
	}
	parts := strings.SplitN(s, ":", 6)
	if len(parts) != 6 || parts[2] != "connect" {
		return s
	}
	rest, ok := strings.CutPrefix(parts[5], "instance/")
	if !ok {
		return s
	}
	id, _, _ := strings.Cut(rest, "/")
	if id == "" {
		return s
	}
	return id
}

// instanceCache remembers the identity management type of each instance,
// for the life of a client. The first caller for an instance fetches; every
// caller that arrives meanwhile waits for that fetch instead of starting
// its own. A failed fetch is forgotten, so the next call tries again.
type instanceCache struct {
	mu      sync.Mutex
	entries map[string]*instanceEntry
}

// instanceEntry is one instance's look-up; typ and err are set before done
// is closed and never change afterwards.
type instanceEntry struct {
	done chan struct{}
	typ  identity.Type
	err  error
	// abandoned is set when the fetch failed because its own caller's
	// context ended: the callers waiting on it try again with theirs.
	abandoned bool
}

// get returns the type of instance id, calling fetch at most once at a
// time per instance. A caller stops waiting when its ctx ends.
func (c *instanceCache) get(ctx context.Context, id string, fetch func(context.Context, string) (identity.Type, error)) (identity.Type, error) {
	for {
		c.mu.Lock()
		e, ok := c.entries[id]
		if !ok {
			e = &instanceEntry{done: make(chan struct{})}
			if c.entries == nil {
				c.entries = make(map[string]*instanceEntry)
			}
			c.entries[id] = e
			c.mu.Unlock()
			c.fill(ctx, id, e, fetch)
			return e.typ, e.err
		}
		c.mu.Unlock()
		select {
		case <-e.done:
			if e.abandoned {
				continue
			}
			return e.typ, e.err
		case <-ctx.Done():
			return identity.Unknown, ctx.Err()
		}
	}
}

// fill runs fetch for e, forgets e when it fails, and releases the waiters
// even if fetch panics.
func (c *instanceCache) fill(ctx context.Context, id string, e *instanceEntry, fetch func(context.Context, string) (identity.Type, error)) {
	completed := false
	defer func() {
		if !completed {
			e.typ, e.err, e.abandoned = identity.Unknown, errors.New("look-up did not complete"), true
		}
		if e.err != nil {
			c.mu.Lock()
			if c.entries[id] == e {
				delete(c.entries, id)
			}
			c.mu.Unlock()
		}
		close(e.done)
	}()
	e.typ, e.err = fetch(ctx, id)
	e.abandoned = e.err != nil && ctx.Err() != nil
	completed = true
}
