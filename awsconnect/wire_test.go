package awsconnect

import (
	"context"
	"encoding/json"
	"testing"

	"github.com/aws/smithy-go/encoding/httpbinding"
	"github.com/google/go-cmp/cmp"
	"github.com/leanovate/gopter/prop"

	"github.com/connectkit/createuser/user"
)

// TestWireEquality sends ToSDK(x) with a real connect.Client to a local
// server and compares what arrives with the library's own encoding of x:
// the body equals x.Body() as JSON values (or, when ToSDK reported losses,
// the body of FromSDK(ToSDK(x)), which TestRoundTripLibrary holds equal to
// x up to exactly those losses), the method is PUT, and the path is
// /users/{InstanceId} escaped as the SDK escapes it.
func TestWireEquality(t *testing.T) {
	f := newFakeConnect(t, nil)
	client := f.client()
	props := newProperties(t, 500)
	props.Property("the SDK sends the library's wire encoding", prop.ForAll(
		func(x *user.CreateUserInput) string {
			sdk, lost := ToSDK(x)
			if _, err := client.CreateUser(context.Background(), sdk); err != nil {
				return "CreateUser: " + err.Error()
			}
			got := f.lastCreate()
			want := x
			if len(lost) > 0 {
				want = FromSDK(sdk)
			}
			wantBody, err := want.Body()
			if err != nil {
				return "Body: " + err.Error()
			}
			if d := cmp.Diff(decodeJSON(wantBody), decodeJSON(got.Body)); d != "" {
				return "body (-library +sdk):\n" + d
			}
			if got.Method != user.Method {
				return "method " + got.Method
			}
			if got.Path != "/users/"+x.InstanceId {
				return "decoded path " + got.Path
			}
			if want := "/users/" + httpbinding.EscapePath(x.InstanceId, true); got.RequestURI != want {
				return "escaped path " + got.RequestURI + ", want " + want
			}
			// RequestPath escapes byte for byte as the SDK does.
			if x.RequestPath() != got.RequestURI {
				return "RequestPath " + x.RequestPath() + " against the SDK's " + got.RequestURI
			}
			return ""
		},
		genInput(true),
	))
	props.TestingRun(t)
}

// TestRequestPathARN checks that an instance ARN is escaped as the SDK
// escapes it, ':' and '/' included.
func TestRequestPathARN(t *testing.T) {
	const arn = "arn:aws:connect:us-east-1:123456789012:instance/aaaa-bbbb"
	f := newFakeConnect(t, nil)
	in := validConnectManaged(arn)
	if _, err := f.client().CreateUser(context.Background(), sdkInput(t, in)); err != nil {
		t.Fatal(err)
	}
	got := f.lastCreate()
	const sdkPath = "/users/arn%3Aaws%3Aconnect%3Aus-east-1%3A123456789012%3Ainstance%2Faaaa-bbbb"
	if got.RequestURI != sdkPath {
		t.Errorf("the SDK sent %s, want %s", got.RequestURI, sdkPath)
	}
	if in.RequestPath() != sdkPath {
		t.Errorf("RequestPath() = %s, want %s", in.RequestPath(), sdkPath)
	}
	if got.Path != "/users/"+arn {
		t.Errorf("decoded path %s, want /users/%s", got.Path, arn)
	}
}

func decodeJSON(b []byte) any {
	var v any
	if err := json.Unmarshal(b, &v); err != nil {
		return "invalid JSON: " + err.Error() + ": " + string(b)
	}
	return v
}
