package onboard

import (
	"context"
	"strings"

	"github.com/connectkit/createuser/awsconnect"
	cuerrors "github.com/connectkit/createuser/errors"
	"github.com/connectkit/createuser/identity"
)

// LookupError reports a look-up (DescribeInstance, a listing,
// SearchUsers) that failed after its retries: it names the call. It is
// the error of package awsconnect's paced reader, which every look-up of
// onboard goes through.
type LookupError = awsconnect.LookupError

// InstanceNames is the Names of an instance read through the service: it
// is package awsconnect's name resolver (security profiles and routing
// profiles by name, hierarchy groups by path or by a unique name), read
// through the paced reader (awsconnect.Reader): each listing once, every
// page, at the look-up rate of the options (WithLookupRate,
// WithMaxAttempts, WithBackoff, WithRequestTimeout), or through the
// reader of WithReader.
type InstanceNames struct {
	reader   *awsconnect.Reader
	resolver *awsconnect.Resolver
	instance string
}

// NewInstanceNames returns the Names of instance id (an ID or an instance
// ARN), read through api.
func NewInstanceNames(api API, id string, opts ...Option) *InstanceNames {
	cfg := newConfig(opts)
	r := cfg.readerFor(api)
	return &InstanceNames{reader: r, resolver: awsconnect.NewResolver(api, id, awsconnect.WithReader(r)), instance: id}
}

// nameResult turns the resolver's answer into Names' answer.
func nameResult(kind, name, id string, v *cuerrors.Violation, err error) (string, error) {
	switch {
	case err != nil:
		return "", err
	case v != nil:
		return "", &NameError{Kind: kind, Name: name, Suggestion: suggestionOf(v.Message)}
	}
	return id, nil
}

// SecurityProfile returns the id of the security profile named name.
func (n *InstanceNames) SecurityProfile(ctx context.Context, name string) (string, error) {
	id, v, err := n.resolver.SecurityProfile(ctx, name)
	return nameResult("security profile", name, id, v, err)
}

// RoutingProfile returns the id of the routing profile named name.
func (n *InstanceNames) RoutingProfile(ctx context.Context, name string) (string, error) {
	id, v, err := n.resolver.RoutingProfile(ctx, name)
	return nameResult("routing profile", name, id, v, err)
}

// HierarchyGroup returns the id of the group at path (names from the top).
func (n *InstanceNames) HierarchyGroup(ctx context.Context, path []string) (string, error) {
	id, v, err := n.resolver.HierarchyGroup(ctx, path)
	return nameResult("hierarchy group", strings.Join(path, "|"), id, v, err)
}

// HierarchyGroupNamed returns the id of the one group named name.
func (n *InstanceNames) HierarchyGroupNamed(ctx context.Context, name string) (string, error) {
	id, v, err := n.resolver.HierarchyGroupNamed(ctx, name)
	if v != nil && err == nil {
		ne := &NameError{Kind: "hierarchy group", Name: name, Suggestion: suggestionOf(v.Message)}
		rl, lerr := n.reader.Listing(ctx, n.instance, awsconnect.HierarchyGroups)
		ne.Ambiguous = lerr == nil && len(rl.ByName(name)) > 1
		return "", ne
	}
	return nameResult("hierarchy group", name, id, v, err)
}

// IdentityManagement reads the instance's identity management type with
// DescribeInstance; an instance the service does not know is an error
// (a *LookupError).
func (n *InstanceNames) IdentityManagement(ctx context.Context) (identity.Type, error) {
	inst, err := n.reader.Instance(ctx, n.instance)
	if err != nil {
		return identity.Unknown, err
	}
	return inst.IdentityManagementType, nil
}

// suggestionOf returns the "NAME (ID)" that the resolver's message
// suggests ("… Did you mean NAME (ID)?"), or "".
func suggestionOf(msg string) string {
	_, s, ok := strings.Cut(msg, " Did you mean ")
	if !ok {
		return ""
	}
	return strings.TrimSuffix(s, "?")
}
