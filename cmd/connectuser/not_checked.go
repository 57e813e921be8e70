package main

import (
	"errors"
	"slices"
	"strconv"

	"github.com/aws/smithy-go"

	"github.com/connectkit/createuser/awsconnect"
)

// A document whose instance look-up failed was checked against the
// catalog but not against the instance: it is not valid (nobody knows
// whether CreateUser would take it), and the reports say what was not
// checked and which call failed.

// failedCall names the service call that a failed look-up made: the SDK's
// operation name ("DescribeInstance"), the paced reader's name of the
// call (also when the deadline passed between its attempts), or "a
// look-up" when the error does not say.
func failedCall(err error) string {
	if op, ok := errors.AsType[*smithy.OperationError](err); ok && op.Operation() != "" {
		return op.Operation()
	}
	if le, ok := errors.AsType[*awsconnect.LookupError](err); ok && le.Call != "" {
		return le.Call
	}
	if _, ok := errors.AsType[*awsconnect.IdentityLookupError](err); ok {
		return "DescribeInstance"
	}
	return "a look-up"
}

// appendNotChecked appends the JSON report's member of a document that was
// not checked against its instance: ,"not_checked":{"check":"instance","call":"DescribeInstance"}.
func appendNotChecked(b []byte, j *job) []byte {
	if j.lookupErr == nil {
		return b
	}
	b = append(b, `,"not_checked":{"check":"instance","call":`...)
	b = strconv.AppendQuote(b, failedCall(j.lookupErr))
	return append(b, '}')
}

// countNotChecked adds j to the documents of t not checked against their
// instance, with the call that failed.
func (t *totals) countNotChecked(j *job) {
	t.notChecked++
	if call := failedCall(j.lookupErr); !slices.Contains(t.failedCalls, call) {
		t.failedCalls = append(t.failedCalls, call)
		slices.Sort(t.failedCalls)
	}
}

// appendNotCheckedSummary appends ", N not checked against the instance
// (DescribeInstance failed)" when some documents were not.
func appendNotCheckedSummary(b []byte, t totals) []byte {
	if t.notChecked == 0 {
		return b
	}
	b = append(b, ", "...)
	b = strconv.AppendInt(b, int64(t.notChecked), 10)
	b = append(b, " not checked against the instance ("...)
	for i, call := range t.failedCalls {
		if i > 0 {
			b = append(b, ", "...)
		}
		b = append(b, call...)
	}
	return append(b, " failed)"...)
}

// notCheckedWhat is what j was not checked against, for the reports
// ("the instance (DescribeInstance failed)"), or "".
func notCheckedWhat(j *job) string {
	if j.lookupErr == nil {
		return ""
	}
	return "the instance (" + failedCall(j.lookupErr) + " failed)"
}
