package main

import (
	"context"
	"errors"
	"fmt"
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

// resolveInstanceID is the one place where the command line turns the
// value of --instance-id into an instance id, for every command that
// takes the flag. An instance id (the service's are UUIDs) or an instance
// ARN is used as given, with no call. Anything else is looked up with
// ListInstances: the instance whose alias (InstanceAlias) or id it is, so
// that `--instance-id demo-connect-managed` names the instance of
// `connectuser serve` with that alias. No match is an error that lists
// the aliases nearest to the value.
func resolveInstanceID(ctx context.Context, api instanceLister, value string) (string, error) {
	if value == "" || looksLikeInstanceID(value) {
		return value, nil
	}
	var aliases []string
	var token *string
	for range maxInstancePages {
		out, err := api.ListInstances(ctx, &connect.ListInstancesInput{NextToken: token, MaxResults: aws.Int32(10)})
		if err != nil {
			return "", fmt.Errorf("--instance-id %s is not an instance id, and looking it up as an alias failed: ListInstances: %w", value, err)
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
