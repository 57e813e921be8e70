package awsconnect_test

import (
	"context"
	"errors"
	"testing"

	"github.com/aws/aws-sdk-go-v2/service/connect"

	"github.com/connectkit/createuser/awsconnect"
	"github.com/connectkit/createuser/connecttest"
	cuerrors "github.com/connectkit/createuser/errors"
	"github.com/connectkit/createuser/identity"
	"github.com/connectkit/createuser/user"
)

// sendUpdate converts r and sends it through client with the SDK's method
// of its operation.
func sendUpdate(ctx context.Context, client *connect.Client, r user.Request) error {
	in, lost := awsconnect.ToSDKRequest(r)
	if lost.HasErrors() {
		return lost
	}
	var err error
	switch in := in.(type) {
	case *connect.UpdateUserRoutingProfileInput:
		_, err = client.UpdateUserRoutingProfile(ctx, in)
	case *connect.UpdateUserSecurityProfilesInput:
		_, err = client.UpdateUserSecurityProfiles(ctx, in)
	case *connect.UpdateUserHierarchyInput:
		_, err = client.UpdateUserHierarchy(ctx, in)
	case *connect.TagResourceInput:
		_, err = client.TagResource(ctx, in)
	case *connect.DeleteUserInput:
		_, err = client.DeleteUser(ctx, in)
	case *connect.UpdateUserIdentityInfoInput:
		_, err = client.UpdateUserIdentityInfo(ctx, in)
	default:
		return errors.New("sendUpdate: an operation this test does not send")
	}
	return err
}

// TestPreflightUpdateInstanceChecks: with WithInstanceChecks, an update
// that names a resource or an instance the local service does not have is
// stopped with a reference error at the operation's member, and nothing
// but look-ups reach the service; the same update naming what exists is
// sent.
func TestPreflightUpdateInstanceChecks(t *testing.T) {
	srv := service(t)
	seed(t, srv, "inst-1", identity.ConnectManaged, 3)
	mary := connecttest.User{Id: "user-1", Username: "mary", SecurityProfileIds: []string{"sp-000"}, RoutingProfileId: "rp-000"}
	if err := srv.AddUser("inst-1", mary); err != nil {
		t.Fatal(err)
	}
	userARN := arnOf(srv, "inst-1") + "/agent/user-1"
	otherARN := arnOf(srv, "inst-9") + "/agent/user-1"
	tests := []struct {
		name    string
		invalid user.Request
		field   string
		valid   user.Request
	}{
		{"routing profile", &user.UpdateUserRoutingProfileInput{InstanceId: "inst-1", UserId: "user-1", RoutingProfileId: "rp-404"}, "RoutingProfileId",
			&user.UpdateUserRoutingProfileInput{InstanceId: "inst-1", UserId: "user-1", RoutingProfileId: "rp-001"}},
		{"security profiles", &user.UpdateUserSecurityProfilesInput{InstanceId: "inst-1", UserId: "user-1", SecurityProfileIds: []string{"sp-001", "sp-404"}}, "SecurityProfileIds[1]",
			&user.UpdateUserSecurityProfilesInput{InstanceId: "inst-1", UserId: "user-1", SecurityProfileIds: []string{"sp-001", "sp-002"}}},
		{"hierarchy group", &user.UpdateUserHierarchyInput{InstanceId: "inst-1", UserId: "user-1", HierarchyGroupId: new("g-404")}, "HierarchyGroupId",
			&user.UpdateUserHierarchyInput{InstanceId: "inst-1", UserId: "user-1", HierarchyGroupId: new("g-001")}},
		{"the instance of a user's ARN", &user.TagResourceInput{ResourceArn: otherARN, Tags: map[string]string{"team": "blue"}}, "resourceArn",
			&user.TagResourceInput{ResourceArn: userARN, Tags: map[string]string{"team": "blue"}}},
		{"the instance", &user.DeleteUserInput{InstanceId: "inst-9", UserId: "user-1"}, "InstanceId",
			&user.DeleteUserInput{InstanceId: "inst-1", UserId: "user-1"}},
	}
	client := clientOf(srv, awsconnect.WithPreflight(awsconnect.WithInstanceChecks()))
	ctx := context.Background()
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			op := string(tt.invalid.Operation())
			before := calls(srv)[op]
			err := sendUpdate(ctx, client, tt.invalid)
			var list cuerrors.List
			if !errors.As(err, &list) {
				t.Fatalf("err = %v; want the reference violation", err)
			}
			if len(list) != 1 || list[0].Field.String() != tt.field || list[0].Code != cuerrors.CodeReference || list[0].Severity != cuerrors.SeverityError {
				t.Errorf("violations %v; want one reference error at %s", cuerrors.Wants(list), tt.field)
			}
			if n := calls(srv)[op] - before; n != 0 {
				t.Errorf("%d %s requests reached the service; want 0", n, op)
			}
			if err := sendUpdate(ctx, client, tt.valid); err != nil {
				t.Fatalf("the valid update: %v", err)
			}
			if n := calls(srv)[op] - before; n != 1 {
				t.Errorf("%d %s requests reached the service; want 1", n, op)
			}
		})
	}
}

// TestPreflightUpdateIdentityUnderInstanceType: through connecttest,
// UpdateUserIdentityInfo is judged under the instance's type (a SAML
// instance: an Email is a warning there, so the update goes through and
// the report says SAML).
func TestPreflightUpdateIdentityUnderInstanceType(t *testing.T) {
	srv := service(t)
	seed(t, srv, "inst-saml", identity.SAML, 1)
	if err := srv.AddUser("inst-saml", connecttest.User{Id: "user-1", Username: "mary", SecurityProfileIds: []string{"sp-000"}, RoutingProfileId: "rp-000"}); err != nil {
		t.Fatal(err)
	}
	client := clientOf(srv, awsconnect.WithPreflight(awsconnect.IdentityFromInstance()))
	in, _ := awsconnect.ToSDKUpdateUserIdentityInfo(&user.UpdateUserIdentityInfoInput{InstanceId: "inst-saml", UserId: "user-1",
		IdentityInfo: &identity.Info{FirstName: new(identity.Secret("Mary")), LastName: new(identity.Secret("Major")), Email: new(identity.Secret("mary@example.com"))}})
	out, err := client.UpdateUserIdentityInfo(context.Background(), in)
	if err != nil {
		t.Fatal(err)
	}
	r, ok := awsconnect.ReportOf(out.ResultMetadata)
	if !ok || r.Identity != identity.SAML || !hasWarning(r.Warnings, "IdentityInfo.Email") {
		t.Errorf("report %+v, %v; want SAML with the Email warning", r, ok)
	}
}

func hasWarning(list cuerrors.List, field string) bool {
	for _, v := range list {
		if v.Field.String() == field && v.Severity == cuerrors.SeverityWarning {
			return true
		}
	}
	return false
}

// TestPreflightDeleteFreesUsername: with the instance checks, a username
// the pre-flight has seen taken is free again after a DeleteUser through
// the same client: CreateUser of the same username is then let through
// (and the service creates it).
func TestPreflightDeleteFreesUsername(t *testing.T) {
	srv := service(t)
	seed(t, srv, "inst-1", identity.ConnectManaged, 1)
	// The instance's users are listed once and kept (no SearchUsers per
	// username): the listing is what must not outlive the deletion.
	client := clientOf(srv, awsconnect.WithPreflight(awsconnect.WithInstanceChecks(), awsconnect.WithUsernameSearches(0)))
	ctx := context.Background()
	_, err := client.CreateUser(ctx, sdkIn(t, request("inst-1", "taken.user")))
	var list cuerrors.List
	if !errors.As(err, &list) || !errors.Is(err, cuerrors.CodeDuplicate) {
		t.Fatalf("CreateUser of a taken username: %v; want a duplicate error", err)
	}
	if err := sendUpdate(ctx, client, &user.DeleteUserInput{InstanceId: "inst-1", UserId: "u-taken"}); err != nil {
		t.Fatalf("DeleteUser: %v", err)
	}
	if _, err := client.CreateUser(ctx, sdkIn(t, request("inst-1", "taken.user"))); err != nil {
		t.Fatalf("CreateUser after the DeleteUser: %v", err)
	}
	if got := calls(srv); got["CreateUser"] != 1 || got["DeleteUser"] != 1 {
		t.Errorf("calls %v; want one DeleteUser and one CreateUser", got)
	}
}

// TestPreflightNilUpdateInput: a nil input of every update operation is
// checked as the operation's empty request: stopped with required
// violations, without a panic or a request.
func TestPreflightNilUpdateInput(t *testing.T) {
	srv := service(t)
	client := clientOf(srv, awsconnect.WithPreflight(awsconnect.WithInstanceChecks()))
	ctx := context.Background()
	errs := map[string]error{}
	_, errs["UpdateUserIdentityInfo"] = client.UpdateUserIdentityInfo(ctx, nil)
	_, errs["UpdateUserPhoneConfig"] = client.UpdateUserPhoneConfig(ctx, nil)
	_, errs["UpdateUserConfig"] = client.UpdateUserConfig(ctx, nil)
	_, errs["UpdateUserRoutingProfile"] = client.UpdateUserRoutingProfile(ctx, nil)
	_, errs["UpdateUserSecurityProfiles"] = client.UpdateUserSecurityProfiles(ctx, nil)
	_, errs["UpdateUserHierarchy"] = client.UpdateUserHierarchy(ctx, nil)
	_, errs["TagResource"] = client.TagResource(ctx, nil)
	_, errs["UntagResource"] = client.UntagResource(ctx, nil)
	_, errs["DeleteUser"] = client.DeleteUser(ctx, nil)
	for op, err := range errs {
		var list cuerrors.List
		if !errors.As(err, &list) || !errors.Is(err, cuerrors.CodeRequired) {
			t.Errorf("%s(nil): %v; want required violations", op, err)
		}
	}
	if n := len(srv.Requests()); n != 0 {
		t.Errorf("%d requests reached the service; want 0", n)
	}
}
