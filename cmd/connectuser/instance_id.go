package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/connect"
)

// instanceLister is the call resolveInstanceID makes; *connect.Client
// satisfies it.
type instanceLister interface {
	ListInstances(ctx context.Context, in *connect.ListInstancesInput, optFns ...func(*connect.Options)) (*connect.ListInstancesOutput, error)
}

// maxInstancePages bounds the ListInstances pages read to resolve an
// alias (10 instances a page, the most the service gives).
const maxInstancePages = 100

// instanceIDFlag is the one place where the command line turns the value
// of --instance-id into an instance id, for every command that takes the
// flag (validate, import, apply): resolveInstanceID, except that a failed
// ListInstances is noted on stderr and the value used as given (it may be
// an id of another shape, and the calls that follow report their own
// failures, as without an alias).
func instanceIDFlag(ctx context.Context, api instanceLister, value, command string, stderr io.Writer) (string, error) {
	id, err := resolveInstanceID(ctx, api, value)
	var failed *aliasLookupError
	if errors.As(err, &failed) {
		fmt.Fprintf(stderr, "connectuser %s: %v; using it as given\n", command, err)
		return value, nil
	}
	return id, err
}

// aliasLookupError is a ListInstances that failed while resolving an
// alias.
type aliasLookupError struct {
	value string
	err   error
}

func (e *aliasLookupError) Error() string {
	return fmt.Sprintf("--instance-id %s is not an instance id, and looking it up as an alias failed: ListInstances: %v", e.value, e.err)
}

func (e *aliasLookupError) Unwrap() error { return e.err }

// resolveInstanceID returns the instance id that value names. An instance
// id (the service's are UUIDs) or an instance ARN is used as given, with
// no call. Anything else is looked up with ListInstances: the instance
// whose alias (InstanceAlias) or id it is, so that `--instance-id
// demo-connect-managed` names the instance of `connectuser serve` with
// that alias. No match is an error that lists the aliases nearest to the
// value; a failed call is an *aliasLookupError.
func resolveInstanceID(ctx context.Context, api instanceLister, value string) (string, error) {
	if value == "" || looksLikeInstanceID(value) {
		return value, nil
	}
	var aliases []string
	var token *string
	for range maxInstancePages {
		out, err := api.ListInstances(ctx, &connect.ListInstancesInput{NextToken: token, MaxResults: aws.Int32(10)})
		if err != nil {
			return "", &aliasLookupError{value: value, err: err}
		}
		for _, in := range out.InstanceSummaryList {
			id, alias := aws.ToString(in.Id), aws.ToString(in.InstanceAlias)
			if id == value || alias == value {
				return id, nil
			}
			if alias != "" {
				aliases = append(aliases, alias)
			}
		}
		token = out.NextToken
		if aws.ToString(token) == "" {
			break
		}
	}
	msg := fmt.Sprintf("--instance-id %s: no instance has this id or alias", value)
	switch hint := didYouMean(value, aliases); {
	case hint != "":
		msg += hint
	case len(aliases) > 0 && len(aliases) <= 10:
		slices.Sort(aliases)
		msg += " (the instances' aliases: " + strings.Join(aliases, ", ") + ")"
	}
	return "", errors.New(msg)
}

// looksLikeInstanceID reports whether s has the shape of an instance id
// (8-4-4-4-12 letters and digits, as the service's UUIDs and the local
// service's demo ids have) or of an ARN.
func looksLikeInstanceID(s string) bool {
	if strings.HasPrefix(s, "arn:") {
		return true
	}
	groups := strings.Split(s, "-")
	if len(groups) != 5 {
		return false
	}
	for i, g := range groups {
		if len(g) != []int{8, 4, 4, 4, 12}[i] {
			return false
		}
		for _, r := range g {
			if !('0' <= r && r <= '9' || 'a' <= r && r <= 'z' || 'A' <= r && r <= 'Z') {
				return false
			}
		}
	}
	return true
}
