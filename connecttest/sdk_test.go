package connecttest_test

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"os"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/connect"
	"github.com/aws/aws-sdk-go-v2/service/connect/types"
	"github.com/aws/smithy-go"
	"github.com/google/go-cmp/cmp"

	"github.com/connectkit/createuser/awsconnect"
	"github.com/connectkit/createuser/channel"
	"github.com/connectkit/createuser/connecttest"
	"github.com/connectkit/createuser/identity"
	"github.com/connectkit/createuser/user"
)

const (
	cmInstance   = "40c83b68-ea62-414c-97bb-d018e39e158e"
	samlInstance = "a1b2c3d4-5678-90ab-cdef-EXAMPLE11111"
	agentSP      = "12345678-1234-1234-1234-123456789012"
	managerSP    = "22345678-1234-1234-1234-123456789012"
	basicRP      = "87654321-9876-9876-9876-210987654321"
)

// newClient returns an SDK client for srv with dummy credentials and no
// retries, so that every answer reaches the test.
func newClient(srv *connecttest.Server) *connect.Client {
	return connect.New(connect.Options{
		Region:       srv.Region(),
		Credentials:  credentials.NewStaticCredentialsProvider("AKIDEXAMPLE", "secret", ""),
		BaseEndpoint: aws.String(srv.URL),
		Retryer:      aws.NopRetryer{},
		HTTPClient:   &http.Client{Timeout: 10 * time.Second},
	})
}

func testContext(t *testing.T) context.Context {
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	t.Cleanup(cancel)
	return ctx
}

// readDocument reads a request document of examples/documents.
func readDocument(t testing.TB, name string) *user.CreateUserInput {
	t.Helper()
	data, err := os.ReadFile("../examples/documents/" + name)
	if err != nil {
		t.Fatal(err)
	}
	in, list := user.Decode(data)
	if list.HasErrors() {
		t.Fatalf("%s: %v", name, list)
	}
	return in
}

// errorCode returns the error code of an SDK error, "" for none.
func errorCode(err error) string {
	var ae smithy.APIError
	if errors.As(err, &ae) {
		return ae.ErrorCode()
	}
	return ""
}

func TestSDKCreateDescribeDelete(t *testing.T) {
	srv := connecttest.NewServer()
	defer srv.Close()
	srv.AddDemoInstances()
	client := newClient(srv)
	ctx := testContext(t)

	in := readDocument(t, "channel-specific.json")
	sdkIn, _ := awsconnect.ToSDK(in)
	out, err := client.CreateUser(ctx, sdkIn)
	if err != nil {
		t.Fatal(err)
	}
	wantArn := fmt.Sprintf("arn:aws:connect:%s:%s:instance/%s/agent/%s", srv.Region(), srv.Account(), cmInstance, *out.UserId)
	if *out.UserArn != wantArn {
		t.Errorf("UserArn = %s, want %s", *out.UserArn, wantArn)
	}

	desc, err := client.DescribeUser(ctx, &connect.DescribeUserInput{InstanceId: aws.String(cmInstance), UserId: out.UserId})
	if err != nil {
		t.Fatal(err)
	}
	if *desc.User.Arn != wantArn || *desc.User.Id != *out.UserId {
		t.Errorf("DescribeUser Id/Arn = %s %s", *desc.User.Id, *desc.User.Arn)
	}
	// What DescribeUser returns is what was sent, less the password, in
	// the SDK's own types.
	got := awsconnect.FromSDK(&connect.CreateUserInput{
		InstanceId: aws.String(cmInstance), Username: desc.User.Username, IdentityInfo: desc.User.IdentityInfo,
		PhoneConfig: desc.User.PhoneConfig, DirectoryUserId: desc.User.DirectoryUserId,
		SecurityProfileIds: desc.User.SecurityProfileIds, RoutingProfileId: desc.User.RoutingProfileId,
		HierarchyGroupId: desc.User.HierarchyGroupId, AutoAcceptConfigs: desc.User.AutoAcceptConfigs,
		AfterContactWorkConfigs: desc.User.AfterContactWorkConfigs, PhoneNumberConfigs: desc.User.PhoneNumberConfigs,
		PersistentConnectionConfigs: desc.User.PersistentConnectionConfigs,
		VoiceEnhancementConfigs:     desc.User.VoiceEnhancementConfigs, Tags: desc.User.Tags,
	})
	want := awsconnect.FromSDK(sdkIn)
	want.Password = nil
	// ... with the service's defaults: a phone configuration always (the
	// SDK reads AutoAccept false and a time limit of 0 as not set).
	if want.PhoneConfig == nil {
		soft, empty := channel.SoftPhone, identity.Secret("")
		want.PhoneConfig = &user.PhoneConfig{PhoneType: &soft, DeskPhoneNumber: &empty}
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("DescribeUser differs from the request (-sent +described):\n%s", diff)
	}
	if desc.User.LastModifiedTime == nil || *desc.User.LastModifiedRegion != srv.Region() {
		t.Errorf("LastModifiedTime %v, LastModifiedRegion %v", desc.User.LastModifiedTime, desc.User.LastModifiedRegion)
	}

	// The state holds the same user, without password.
	users := srv.Users(cmInstance)
	if len(users) != 1 || users[0].Id != *out.UserId || users[0].Username != "agent.chen" {
		t.Fatalf("Users = %+v", users)
	}

	if _, err := client.DeleteUser(ctx, &connect.DeleteUserInput{InstanceId: aws.String(cmInstance), UserId: out.UserId}); err != nil {
		t.Fatal(err)
	}
	if n := len(srv.Users(cmInstance)); n != 0 {
		t.Errorf("%d users after DeleteUser", n)
	}
	_, err = client.DescribeUser(ctx, &connect.DescribeUserInput{InstanceId: aws.String(cmInstance), UserId: out.UserId})
	var nf *types.ResourceNotFoundException
	if !errors.As(err, &nf) {
		t.Errorf("DescribeUser of a deleted user: %v, want ResourceNotFoundException", err)
	}
}

// validInput is a valid CONNECT_MANAGED request for the demo instance.
func validInput(username string) *connect.CreateUserInput {
	return &connect.CreateUserInput{
		InstanceId:         aws.String(cmInstance),
		Username:           aws.String(username),
		Password:           aws.String("Sunrise2026Desk"),
		IdentityInfo:       &types.UserIdentityInfo{FirstName: aws.String("Wei"), LastName: aws.String("Chen"), Email: aws.String("wei@example.com")},
		PhoneConfig:        &types.UserPhoneConfig{PhoneType: types.PhoneTypeSoftPhone},
		SecurityProfileIds: []string{agentSP},
		RoutingProfileId:   aws.String(basicRP),
	}
}

func TestSDKErrors(t *testing.T) {
	srv := connecttest.NewServer()
	defer srv.Close()
	srv.AddDemoInstances()
	if err := srv.AddInstance(connecttest.Instance{
		Id: "small", IdentityManagementType: identity.ConnectManaged, UserQuota: 1,
		SecurityProfiles: []connecttest.Resource{{Id: agentSP, Name: "Agent"}},
		RoutingProfiles:  []connecttest.Resource{{Id: basicRP, Name: "Basic Routing Profile"}},
		Users:            []connecttest.User{{Username: "first"}},
	}); err != nil {
		t.Fatal(err)
	}
	client := newClient(srv)
	ctx := testContext(t)
	if _, err := client.CreateUser(ctx, validInput("taken")); err != nil {
		t.Fatal(err)
	}
	otherARN := "arn:aws:connect:us-west-2:" + srv.Account() + ":instance/" + cmInstance + "/security-profile/" + agentSP
	cases := []struct {
		name   string
		change func(*connect.CreateUserInput)
		want   error
	}{
		{"unknown instance", func(in *connect.CreateUserInput) { in.InstanceId = aws.String("nope") }, &types.ResourceNotFoundException{}},
		{"catalog error", func(in *connect.CreateUserInput) { in.Username = aws.String("john smith") }, &types.InvalidParameterException{}},
		{"catalog before instance references", func(in *connect.CreateUserInput) { in.Password = nil; in.RoutingProfileId = aws.String("gone") }, &types.InvalidParameterException{}},
		{"unknown security profile", func(in *connect.CreateUserInput) { in.SecurityProfileIds = []string{agentSP, "gone"} }, &types.ResourceNotFoundException{}},
		{"security profile ARN of another region", func(in *connect.CreateUserInput) { in.SecurityProfileIds = []string{otherARN} }, &types.ResourceNotFoundException{}},
		{"unknown routing profile", func(in *connect.CreateUserInput) { in.RoutingProfileId = aws.String("gone") }, &types.ResourceNotFoundException{}},
		{"unknown hierarchy group", func(in *connect.CreateUserInput) { in.HierarchyGroupId = aws.String("gone") }, &types.ResourceNotFoundException{}},
		{"reference before duplicate", func(in *connect.CreateUserInput) {
			in.Username = aws.String("taken")
			in.RoutingProfileId = aws.String("gone")
		}, &types.ResourceNotFoundException{}},
		{"duplicate username", func(in *connect.CreateUserInput) { in.Username = aws.String("taken") }, &types.DuplicateResourceException{}},
		{"quota", func(in *connect.CreateUserInput) { in.InstanceId = aws.String("small") }, &types.LimitExceededException{}},
		{"duplicate before quota", func(in *connect.CreateUserInput) {
			in.InstanceId = aws.String("small")
			in.Username = aws.String("first")
		}, &types.DuplicateResourceException{}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			in := validInput("new.user")
			tc.change(in)
			_, err := client.CreateUser(ctx, in)
			target := reflectNew(tc.want)
			if !errors.As(err, target) {
				t.Fatalf("err = %v, want %T", err, tc.want)
			}
		})
	}
	if n := len(srv.Users(cmInstance)); n != 1 {
		t.Errorf("%d users in the instance, want the one created", n)
	}
}

// reflectNew returns a pointer to a nil pointer of want's type, for errors.As.
func reflectNew(want error) any {
	switch want.(type) {
	case *types.ResourceNotFoundException:
		return new(*types.ResourceNotFoundException)
	case *types.InvalidParameterException:
		return new(*types.InvalidParameterException)
	case *types.DuplicateResourceException:
		return new(*types.DuplicateResourceException)
	case *types.LimitExceededException:
		return new(*types.LimitExceededException)
	case *types.ThrottlingException:
		return new(*types.ThrottlingException)
	}
	panic(fmt.Sprintf("no case for %T", want))
}

func TestSDKListingsAndPaging(t *testing.T) {
	srv := connecttest.NewServer()
	defer srv.Close()
	srv.AddDemoInstances()
	groups := []connecttest.HierarchyGroup{
		{Id: "g-top", Name: "EMEA"},
		{Id: "g-mid", Name: "Berlin", ParentId: "g-top"},
		{Id: "g-low", Name: "Billing", ParentId: "g-mid"},
	}
	if err := srv.AddInstance(connecttest.Instance{
		Id: "tree", Alias: "tree", IdentityManagementType: identity.SAML,
		SecurityProfiles: []connecttest.Resource{{Id: "sp-b", Name: "B"}, {Id: "sp-a", Name: "A"}, {Id: "sp-c", Name: "C"}},
		RoutingProfiles:  []connecttest.Resource{{Id: "rp-1", Name: "Basic Routing Profile"}},
		HierarchyGroups:  groups,
	}); err != nil {
		t.Fatal(err)
	}
	client := newClient(srv)
	ctx := testContext(t)
	for i := range 7 {
		if _, err := client.CreateUser(ctx, validInput(fmt.Sprintf("user%02d", i))); err != nil {
			t.Fatal(err)
		}
	}

	var names []string
	pages := 0
	p := connect.NewListUsersPaginator(client, &connect.ListUsersInput{InstanceId: aws.String(cmInstance), MaxResults: aws.Int32(3)})
	for p.HasMorePages() {
		out, err := p.NextPage(ctx)
		if err != nil {
			t.Fatal(err)
		}
		pages++
		for _, u := range out.UserSummaryList {
			names = append(names, *u.Username)
		}
	}
	wantNames := []string{"user00", "user01", "user02", "user03", "user04", "user05", "user06"}
	if diff := cmp.Diff(wantNames, names); diff != "" || pages != 3 {
		t.Errorf("ListUsers in %d pages (want 3): %s", pages, diff)
	}

	search := func(c *types.UserSearchCriteria, max int32) []string {
		var got []string
		sp := connect.NewSearchUsersPaginator(client, &connect.SearchUsersInput{InstanceId: aws.String(cmInstance), SearchCriteria: c, MaxResults: aws.Int32(max)})
		for sp.HasMorePages() {
			out, err := sp.NextPage(ctx)
			if err != nil {
				t.Fatal(err)
			}
			for _, u := range out.Users {
				got = append(got, *u.Username)
			}
		}
		return got
	}
	cond := func(ct types.StringComparisonType, v string) *types.UserSearchCriteria {
		return &types.UserSearchCriteria{StringCondition: &types.StringCondition{FieldName: aws.String("Username"), Value: aws.String(v), ComparisonType: ct}}
	}
	if got := search(cond(types.StringComparisonTypeExact, "user03"), 2); !cmp.Equal(got, []string{"user03"}) {
		t.Errorf("EXACT: %v", got)
	}
	if got := search(cond(types.StringComparisonTypeExact, "USER03"), 2); len(got) != 0 {
		t.Errorf("EXACT is case-sensitive: %v", got)
	}
	if got := search(cond(types.StringComparisonTypeStartsWith, "user0"), 2); len(got) != 7 {
		t.Errorf("STARTS_WITH over pages of 2: %v", got)
	}
	or := &types.UserSearchCriteria{OrConditions: []types.UserSearchCriteria{*cond(types.StringComparisonTypeContains, "1"), *cond(types.StringComparisonTypeContains, "5")}}
	if got := search(or, 10); !cmp.Equal(got, []string{"user01", "user05"}) {
		t.Errorf("OrConditions: %v", got)
	}
	and := &types.UserSearchCriteria{AndConditions: []types.UserSearchCriteria{*cond(types.StringComparisonTypeStartsWith, "user"), *cond(types.StringComparisonTypeContains, "6")}}
	if got := search(and, 10); !cmp.Equal(got, []string{"user06"}) {
		t.Errorf("AndConditions: %v", got)
	}

	// Listings of the instance's resources, over pages of 1.
	var sps []string
	spp := connect.NewListSecurityProfilesPaginator(client, &connect.ListSecurityProfilesInput{InstanceId: aws.String("tree"), MaxResults: aws.Int32(1)})
	for spp.HasMorePages() {
		out, err := spp.NextPage(ctx)
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range out.SecurityProfileSummaryList {
			sps = append(sps, *s.Name+"="+*s.Id)
			if want := "arn:aws:connect:us-east-1:123456789012:instance/tree/security-profile/" + *s.Id; *s.Arn != want {
				t.Errorf("Arn %s, want %s", *s.Arn, want)
			}
		}
	}
	if !cmp.Equal(sps, []string{"A=sp-a", "B=sp-b", "C=sp-c"}) {
		t.Errorf("ListSecurityProfiles: %v", sps)
	}
	rps, err := client.ListRoutingProfiles(ctx, &connect.ListRoutingProfilesInput{InstanceId: aws.String("tree")})
	if err != nil || len(rps.RoutingProfileSummaryList) != 1 || *rps.RoutingProfileSummaryList[0].Id != "rp-1" {
		t.Errorf("ListRoutingProfiles: %v %+v", err, rps)
	}
	gs, err := client.ListUserHierarchyGroups(ctx, &connect.ListUserHierarchyGroupsInput{InstanceId: aws.String("tree")})
	if err != nil || len(gs.UserHierarchyGroupSummaryList) != 3 {
		t.Fatalf("ListUserHierarchyGroups: %v %+v", err, gs)
	}
	g, err := client.DescribeUserHierarchyGroup(ctx, &connect.DescribeUserHierarchyGroupInput{InstanceId: aws.String("tree"), HierarchyGroupId: aws.String("g-low")})
	if err != nil {
		t.Fatal(err)
	}
	hp := g.HierarchyGroup.HierarchyPath
	if *g.HierarchyGroup.Name != "Billing" || *hp.LevelOne.Name != "EMEA" || *hp.LevelTwo.Name != "Berlin" || *hp.LevelThree.Id != "g-low" || hp.LevelFour != nil || *g.HierarchyGroup.LevelId == "" {
		t.Errorf("DescribeUserHierarchyGroup: %+v", g.HierarchyGroup)
	}

	inst, err := client.DescribeInstance(ctx, &connect.DescribeInstanceInput{InstanceId: aws.String(samlInstance)})
	if err != nil || inst.Instance.IdentityManagementType != types.DirectoryTypeSaml || *inst.Instance.Id != samlInstance {
		t.Errorf("DescribeInstance: %v %+v", err, inst)
	}
	var ids []string
	ip := connect.NewListInstancesPaginator(client, &connect.ListInstancesInput{MaxResults: aws.Int32(2)})
	for ip.HasMorePages() {
		out, err := ip.NextPage(ctx)
		if err != nil {
			t.Fatal(err)
		}
		for _, i := range out.InstanceSummaryList {
			ids = append(ids, *i.Id)
		}
	}
	if len(ids) != 4 {
		t.Errorf("ListInstances: %v", ids)
	}

	// Bounds and tokens.
	_, err = client.ListUsers(ctx, &connect.ListUsersInput{InstanceId: aws.String(cmInstance), MaxResults: aws.Int32(1001)})
	if errorCode(err) != connecttest.ErrInvalidParameter {
		t.Errorf("MaxResults 1001: %v", err)
	}
	_, err = client.ListUsers(ctx, &connect.ListUsersInput{InstanceId: aws.String(cmInstance), NextToken: aws.String("forged")})
	if errorCode(err) != connecttest.ErrInvalidParameter {
		t.Errorf("forged NextToken: %v", err)
	}
	_, err = client.ListInstances(ctx, &connect.ListInstancesInput{MaxResults: aws.Int32(11)})
	if errorCode(err) != connecttest.ErrInvalidParameter {
		t.Errorf("ListInstances MaxResults 11: %v", err)
	}
	_, err = client.SearchUsers(ctx, &connect.SearchUsersInput{InstanceId: aws.String(cmInstance), MaxResults: aws.Int32(501)})
	if errorCode(err) != connecttest.ErrInvalidParameter {
		t.Errorf("SearchUsers MaxResults 501: %v", err)
	}
}
