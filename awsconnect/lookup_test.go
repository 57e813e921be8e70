package awsconnect

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/connect"
	"github.com/aws/smithy-go"

	cuerrors "github.com/connectkit/createuser/errors"
)

// partialService answers DescribeInstance and ListSecurityProfiles, and
// refuses ListRoutingProfiles with AccessDeniedException.
func partialService(t *testing.T) *connect.Client {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		switch {
		case strings.HasPrefix(r.URL.Path, "/instance/"):
			_, _ = io.WriteString(w, `{"Instance":{"Id":"inst-1","Arn":"arn:aws:connect:us-east-1:123456789012:instance/inst-1","IdentityManagementType":"CONNECT_MANAGED"}}`)
		case strings.HasPrefix(r.URL.Path, "/security-profiles-summary/"):
			_, _ = io.WriteString(w, `{"SecurityProfileSummaryList":[{"Id":"sp-agent","Name":"Agent"}]}`)
		case strings.HasPrefix(r.URL.Path, "/search-users"):
			_, _ = io.WriteString(w, `{"Users":[]}`)
		default:
			w.Header().Set("X-Amzn-ErrorType", "AccessDeniedException")
			w.WriteHeader(http.StatusForbidden)
			_, _ = io.WriteString(w, `{"Message":"not allowed"}`)
		}
	}))
	t.Cleanup(srv.Close)
	return connect.New(connect.Options{
		Region:       "us-east-1",
		Credentials:  credentials.NewStaticCredentialsProvider("AKIDEXAMPLE", "secret", ""),
		BaseEndpoint: aws.String(srv.URL),
		HTTPClient:   srv.Client(),
		Retryer:      aws.NopRetryer{},
	})
}

// TestFailedListingHidesNothing: when one listing fails, the references
// the others could check are still reported, next to an error that names
// the failed call and reaches the service's exception; the pre-flight
// returns both, and the call is not retried for it.
func TestFailedListingHidesNothing(t *testing.T) {
	client := partialService(t)
	in := validConnectManaged("inst-1")
	in.SecurityProfileIds = []string{"sp-agnet"}
	list, err := NewInstanceChecker(client).Check(context.Background(), in)
	var lookupErr *LookupError
	if !errors.As(err, &lookupErr) || lookupErr.Call != "ListRoutingProfiles" {
		t.Fatalf("err = %v; want a LookupError of ListRoutingProfiles", err)
	}
	var apiErr smithy.APIError
	if !errors.As(err, &apiErr) || apiErr.ErrorCode() != "AccessDeniedException" {
		t.Errorf("the service's exception is not reachable: %v", err)
	}
	want := []cuerrors.Want{{Field: "SecurityProfileIds[0]", Code: cuerrors.CodeReference, Severity: cuerrors.SeverityError}}
	if d := cuerrors.Diff(want, list); d != "" {
		t.Error(d)
	}

	pre := connect.New(client.Options(), WithPreflight(WithInstanceChecks()))
	_, err = pre.CreateUser(context.Background(), sdkInput(t, in))
	var got cuerrors.List
	if !errors.As(err, &got) || !errors.As(err, &lookupErr) {
		t.Fatalf("pre-flight: err = %v; want the violations and the look-up error", err)
	}
	if d := cuerrors.Diff(want, got); d != "" {
		t.Error(d)
	}
}
