package awsconnect

import (
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/connect"

	"github.com/connectkit/createuser/identity"
	"github.com/connectkit/createuser/user"
)

// fakeConnect is a local stand-in for the service on 127.0.0.1: it answers
// CreateUser (PUT /users/{InstanceId}), DescribeInstance
// (GET /instance/{InstanceId}) and, with an empty success, the update
// operations (POST or DELETE under /users/ or /tags/), and records what
// it receives.
type fakeConnect struct {
	srv *httptest.Server

	// identities maps an instance ID to the IdentityManagementType that
	// DescribeInstance returns; other instances are not found.
	identities map[string]string
	// describeDelay holds DescribeInstance answers back, so that
	// concurrent callers pile up behind the first look-up.
	describeDelay time.Duration

	creates atomic.Int64
	updates atomic.Int64 // the requests of the update operations

	mu        sync.Mutex
	last      capturedRequest
	describes map[string]int
}

// capturedRequest is a CreateUser request as the server saw it.
type capturedRequest struct {
	Method     string
	RequestURI string // as sent: escaped path and query
	Path       string // decoded
	Body       []byte
}

func newFakeConnect(tb testing.TB, identities map[string]string) *fakeConnect {
	tb.Helper()
	f := &fakeConnect{identities: identities, describes: map[string]int{}}
	f.srv = httptest.NewServer(http.HandlerFunc(f.serve))
	tb.Cleanup(f.srv.Close)
	return f
}

func (f *fakeConnect) serve(w http.ResponseWriter, r *http.Request) {
	body, _ := io.ReadAll(r.Body)
	switch {
	case r.Method == http.MethodPut && strings.HasPrefix(r.URL.Path, "/users/"):
		f.creates.Add(1)
		f.mu.Lock()
		f.last = capturedRequest{Method: r.Method, RequestURI: r.RequestURI, Path: r.URL.Path, Body: body}
		f.mu.Unlock()
		w.Header().Set("Content-Type", "application/json")
		_, _ = io.WriteString(w, `{"UserId":"user-1","UserArn":"arn:aws:connect:us-east-1:123456789012:instance/i/agent/user-1"}`)
	case (r.Method == http.MethodPost || r.Method == http.MethodDelete) &&
		(strings.HasPrefix(r.URL.Path, "/users/") || strings.HasPrefix(r.URL.Path, "/tags/")):
		f.updates.Add(1)
		w.Header().Set("Content-Type", "application/json")
		_, _ = io.WriteString(w, `{}`)
	case r.Method == http.MethodGet && strings.HasPrefix(r.URL.Path, "/instance/"):
		id := strings.TrimPrefix(r.URL.Path, "/instance/")
		f.mu.Lock()
		f.describes[id]++
		f.mu.Unlock()
		time.Sleep(f.describeDelay)
		t, ok := f.identities[id]
		if !ok {
			w.Header().Set("Content-Type", "application/json")
			w.Header().Set("X-Amzn-ErrorType", "ResourceNotFoundException")
			w.WriteHeader(http.StatusNotFound)
			_, _ = io.WriteString(w, `{"Message":"no such instance"}`)
			return
		}
		w.Header().Set("Content-Type", "application/json")
		_ = json.NewEncoder(w).Encode(map[string]any{"Instance": map[string]any{
			"Id": id, "IdentityManagementType": t, "InstanceStatus": "ACTIVE",
		}})
	default:
		http.Error(w, "unexpected request "+r.Method+" "+r.URL.Path, http.StatusBadRequest)
	}
}

// lastCreate returns the last CreateUser request received.
func (f *fakeConnect) lastCreate() capturedRequest {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.last
}

// describeCount returns how many DescribeInstance requests named id.
func (f *fakeConnect) describeCount(id string) int {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.describes[id]
}

// client returns a real connect.Client that talks to f only: static
// credentials, us-east-1, BaseEndpoint on 127.0.0.1, no retries.
func (f *fakeConnect) client(optFns ...func(*connect.Options)) *connect.Client {
	return connect.New(connect.Options{
		Region:       "us-east-1",
		Credentials:  credentials.NewStaticCredentialsProvider("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", ""),
		BaseEndpoint: aws.String(f.srv.URL),
		HTTPClient:   f.srv.Client(),
		Retryer:      aws.NopRetryer{},
	}, optFns...)
}

// validConnectManaged returns a request that is valid under
// CONNECT_MANAGED (no violation at all) and under Unknown; under SAML its
// Password is forbidden.
func validConnectManaged(instanceID string) *user.CreateUserInput {
	return &user.CreateUserInput{
		InstanceId: instanceID,
		Username:   "jdoe",
		Password:   new(identity.Secret("Str0ngPassw0rd")),
		IdentityInfo: &identity.Info{
			FirstName: new(identity.Secret("Jane")),
			LastName:  new(identity.Secret("Doe")),
			Email:     new(identity.Secret("jane.doe@example.com")),
		},
		SecurityProfileIds: []string{"security-profile-1"},
		RoutingProfileId:   "routing-profile-1",
	}
}

// sdkInput converts in with ToSDK and fails the test on a lossy report.
func sdkInput(tb testing.TB, in *user.CreateUserInput) *connect.CreateUserInput {
	tb.Helper()
	out, lost := ToSDK(in)
	if len(lost) != 0 {
		tb.Fatalf("ToSDK reported losses for a fixture: %v", lost)
	}
	return out
}
