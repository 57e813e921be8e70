package awsconnect

import (
	"errors"
	"strconv"
	"strings"
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

// RetryableError returns false: DescribeInstance was retried by the
// [Reader] already, so the CreateUser call is not retried for it.
func (e *IdentityLookupError) RetryableError() bool { return false }

// errNoInstance is the look-up failure for a DescribeInstance answer
// without an Instance.
var errNoInstance = errors.New("the answer holds no Instance")

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
