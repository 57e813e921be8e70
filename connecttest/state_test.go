package connecttest_test

import (
	"bytes"
	"errors"
	"fmt"
	"strings"
	"sync"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/connect/types"
	"github.com/google/go-cmp/cmp"

	"github.com/connectkit/createuser/connecttest"
	"github.com/connectkit/createuser/identity"
)

func TestStateRoundTrip(t *testing.T) {
	srv := connecttest.NewServer()
	defer srv.Close()
	srv.AddDemoInstances()
	client := newClient(srv)
	ctx := testContext(t)
	in := validInput("mary")
	in.Tags = map[string]string{"team": "support"}
	in.SecurityProfileIds = []string{"arn:aws:connect:us-east-1:123456789012:instance/" + cmInstance + "/security-profile/" + managerSP}
	if _, err := client.CreateUser(ctx, in); err != nil {
		t.Fatal(err)
	}
	st := srv.State()
	var buf bytes.Buffer
	if err := st.Write(&buf); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(buf.String(), "Sunrise2026Desk") || strings.Contains(buf.String(), "Password") {
		t.Fatal("the state holds the password")
	}
	loaded, err := connecttest.LoadState(&buf)
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(st, loaded); diff != "" {
		t.Fatalf("LoadState(Write(st)) differs:\n%s", diff)
	}
	other := connecttest.NewServer()
	defer other.Close()
	if err := other.Load(loaded); err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(st, other.State()); diff != "" {
		t.Fatalf("Load(st).State() differs:\n%s", diff)
	}
	u := other.Users(cmInstance)[0]
	if !cmp.Equal(u.SecurityProfileIds, []string{managerSP}) {
		t.Errorf("an ARN is stored as the id: %v", u.SecurityProfileIds)
	}
}

func TestLoadStateRejects(t *testing.T) {
	cases := map[string]string{
		"unknown member": `{"Instances":[{"Id":"i","IdentityManagementType":"SAML","Colour":"red"}]}`,
		"wrong type":     `{"Instances":[{"Id":7}]}`,
		"two values":     `{"Instances":[]} {}`,
		"not JSON":       `{"Instances":`,
	}
	for name, doc := range cases {
		if _, err := connecttest.LoadState(strings.NewReader(doc)); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

func TestAddInstanceRejects(t *testing.T) {
	base := func() connecttest.Instance {
		return connecttest.Instance{
			Id: "i", IdentityManagementType: identity.ConnectManaged,
			SecurityProfiles: []connecttest.Resource{{Id: "sp", Name: "Agent"}},
			RoutingProfiles:  []connecttest.Resource{{Id: "rp", Name: "Basic"}},
			HierarchyGroups:  []connecttest.HierarchyGroup{{Id: "g1", Name: "L1"}},
		}
	}
	cases := map[string]func(*connecttest.Instance){
		"no id":             func(in *connecttest.Instance) { in.Id = "" },
		"bad identity type": func(in *connecttest.Instance) { in.IdentityManagementType = "LDAP" },
		"duplicate profile id": func(in *connecttest.Instance) {
			in.SecurityProfiles = append(in.SecurityProfiles, connecttest.Resource{Id: "sp", Name: "Other"})
		},
		"duplicate profile name": func(in *connecttest.Instance) {
			in.RoutingProfiles = append(in.RoutingProfiles, connecttest.Resource{Id: "rp2", Name: "Basic"})
		},
		"dangling parent": func(in *connecttest.Instance) { in.HierarchyGroups[0].ParentId = "nope" },
		"cycle":           func(in *connecttest.Instance) { in.HierarchyGroups[0].ParentId = "g1" },
		"six levels": func(in *connecttest.Instance) {
			for i := 2; i <= 6; i++ {
				in.HierarchyGroups = append(in.HierarchyGroups, connecttest.HierarchyGroup{Id: fmt.Sprint("g", i), Name: fmt.Sprint("L", i), ParentId: fmt.Sprint("g", i-1)})
			}
		},
		"user with unknown profile": func(in *connecttest.Instance) {
			in.Users = []connecttest.User{{Username: "a", SecurityProfileIds: []string{"nope"}}}
		},
		"user with unknown group": func(in *connecttest.Instance) {
			in.Users = []connecttest.User{{Username: "a", HierarchyGroupId: aws.String("nope")}}
		},
		"duplicate username": func(in *connecttest.Instance) {
			in.Users = []connecttest.User{{Username: "a"}, {Username: "a"}}
		},
		"duplicate user id": func(in *connecttest.Instance) {
			in.Users = []connecttest.User{{Id: "u", Username: "a"}, {Id: "u", Username: "b"}}
		},
	}
	for name, change := range cases {
		srv := connecttest.NewServer()
		in := base()
		change(&in)
		if err := srv.AddInstance(in); err == nil {
			t.Errorf("%s: no error", name)
		} else if _, held := srv.Instance(in.Id); held {
			t.Errorf("%s: the instance was added anyway", name)
		}
		srv.Close()
	}
	srv := connecttest.NewServer()
	defer srv.Close()
	if err := srv.AddInstance(base()); err != nil {
		t.Fatal(err)
	}
	if err := srv.AddInstance(base()); err == nil {
		t.Error("the same instance twice: no error")
	}
}

func TestDeleteHierarchyGroup(t *testing.T) {
	srv := connecttest.NewServer()
	defer srv.Close()
	if err := srv.AddInstance(connecttest.Instance{
		Id: "i", IdentityManagementType: identity.SAML,
		SecurityProfiles: []connecttest.Resource{{Id: "sp", Name: "Agent"}},
		RoutingProfiles:  []connecttest.Resource{{Id: "rp", Name: "Basic"}},
		HierarchyGroups:  []connecttest.HierarchyGroup{{Id: "top", Name: "Top"}, {Id: "leaf", Name: "Leaf", ParentId: "top"}, {Id: "used", Name: "Used"}},
		Users:            []connecttest.User{{Username: "u", HierarchyGroupId: aws.String("used")}},
	}); err != nil {
		t.Fatal(err)
	}
	if srv.DeleteHierarchyGroup("i", "top") == nil {
		t.Error("a group with a child was deleted")
	}
	if srv.DeleteHierarchyGroup("i", "used") == nil {
		t.Error("a group with a user was deleted")
	}
	if err := srv.DeleteHierarchyGroup("i", "leaf"); err != nil {
		t.Fatal(err)
	}
	if srv.DeleteHierarchyGroup("i", "leaf") == nil {
		t.Error("deleted twice")
	}
	in := validInput("new")
	in.InstanceId, in.Password, in.SecurityProfileIds, in.RoutingProfileId, in.HierarchyGroupId = aws.String("i"), nil, []string{"sp"}, aws.String("rp"), aws.String("leaf")
	in.IdentityInfo.Email = nil
	_, err := newClient(srv).CreateUser(testContext(t), in)
	var nf *types.ResourceNotFoundException
	if !errors.As(err, &nf) {
		t.Errorf("CreateUser in a deleted group: %v", err)
	}
}

// Concurrent CreateUsers of one username create exactly one user; every
// other gets DuplicateResourceException.
func TestConcurrentCreateSameUsername(t *testing.T) {
	srv := connecttest.NewServer()
	defer srv.Close()
	srv.AddDemoInstances()
	client := newClient(srv)
	ctx := testContext(t)
	const n = 32
	var wg sync.WaitGroup
	errs := make([]error, n)
	for i := range n {
		wg.Go(func() {
			_, errs[i] = client.CreateUser(ctx, validInput("same.name"))
		})
	}
	wg.Wait()
	created := 0
	for _, err := range errs {
		var dup *types.DuplicateResourceException
		switch {
		case err == nil:
			created++
		case !errors.As(err, &dup):
			t.Errorf("unexpected error %v", err)
		}
	}
	if created != 1 || len(srv.Users(cmInstance)) != 1 {
		t.Errorf("%d created, %d held; want 1", created, len(srv.Users(cmInstance)))
	}
}
