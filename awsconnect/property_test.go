package awsconnect_test

import (
	"context"
	"errors"
	"fmt"
	"reflect"
	"sync/atomic"
	"testing"

	"github.com/aws/aws-sdk-go-v2/service/connect/types"
	"github.com/leanovate/gopter"
	"github.com/leanovate/gopter/gen"
	"github.com/leanovate/gopter/prop"

	"github.com/connectkit/createuser/awsconnect"
	"github.com/connectkit/createuser/connecttest"
	cuerrors "github.com/connectkit/createuser/errors"
	"github.com/connectkit/createuser/identity"
)

// refForm is how a request names a resource.
type refForm int

const (
	formID            refForm = iota // the plain id (forms 0 to 7 are ids: the commonest)
	formARN           refForm = 8    // an ARN of the instance (8 and 9)
	formOtherInstance refForm = 10   // an ARN of another instance
	formOtherRegion   refForm = 11   // an ARN of the instance's id in another region
)

// ref is a generated reference: which id of a pool, in which form.
type ref struct {
	ID   int
	Form refForm
}

// propCase is a generated instance and a request against it.
type propCase struct {
	SecurityMask, RoutingMask, GroupMask, UserMask int // which of the pools the instance has
	Missing                                        bool
	Security                                       []ref
	Routing                                        ref
	Group                                          ref
	HasGroup                                       bool
	User                                           int
}

var (
	securityPool = []string{"sp-a", "sp-b", "sp-c", "sp-d"}
	routingPool  = []string{"rp-a", "rp-b", "rp-c"}
	groupPool    = []string{"g-a", "g-b", "g-c"}
	userPool     = []string{"u.one", "u.two", "u.three", "u.four"}
)

func genRef(pool int) gopter.Gen {
	return gen.StrictStruct(reflect.TypeOf(ref{}), map[string]gopter.Gen{
		"ID":   gen.IntRange(0, pool-1),
		"Form": gen.IntRange(int(formID), int(formOtherRegion)).Map(func(n int) refForm { return refForm(n) }),
	})
}

// genMask returns a subset of a pool of n as bits: all of it half the
// time, so that requests often name only what exists.
func genMask(n, least int) gopter.Gen {
	return gen.OneGenOf(gen.Const(1<<n-1), gen.IntRange(least, 1<<n-1))
}

func genCase() gopter.Gen {
	return gen.StrictStruct(reflect.TypeOf(propCase{}), map[string]gopter.Gen{
		"SecurityMask": genMask(len(securityPool), 1),
		"RoutingMask":  genMask(len(routingPool), 1),
		"GroupMask":    genMask(len(groupPool), 0),
		"UserMask":     gen.IntRange(0, 1<<len(userPool)-1),
		"Missing":      gen.Weighted([]gen.WeightedGen{{Weight: 1, Gen: gen.Const(true)}, {Weight: 9, Gen: gen.Const(false)}}),
		"Security":     gen.SliceOfN(2, genRef(len(securityPool))),
		"Routing":      genRef(len(routingPool)),
		"Group":        genRef(len(groupPool)),
		"HasGroup":     gen.Bool(),
		"User":         gen.IntRange(0, len(userPool)-1),
	})
}

// name returns the string a reference puts in the request.
func (r ref) name(srv *connecttest.Server, instance, kind string, pool []string) string {
	id := pool[r.ID]
	switch r.Form {
	case formARN, formARN + 1:
		return arnOf(srv, instance) + "/" + kind + "/" + id
	case formOtherInstance:
		return arnOf(srv, instance+"-other") + "/" + kind + "/" + id
	case formOtherRegion:
		return "arn:aws:connect:ap-south-1:" + srv.Account() + ":instance/" + instance + "/" + kind + "/" + id
	}
	return id
}

func picked(mask int, pool []string) []connecttest.Resource {
	var out []connecttest.Resource
	for i, id := range pool {
		if mask&(1<<i) != 0 {
			out = append(out, connecttest.Resource{Id: id, Name: "Name of " + id})
		}
	}
	return out
}

// TestPropertyPredictsService: for generated instances and requests, the
// instance checks report a reference exactly when the local service
// answers ResourceNotFoundException, a duplicate (with no reference)
// exactly when it answers DuplicateResourceException, and nothing exactly
// when it creates the user.
func TestPropertyPredictsService(t *testing.T) {
	srv := service(t)
	client := clientOf(srv)
	var n, refs, dups, clean atomic.Int64
	props := awsconnect.NewProperties(t, 200)
	props.Property("reference iff ResourceNotFoundException, duplicate iff DuplicateResourceException", prop.ForAll(
		func(c propCase) string {
			instance := fmt.Sprintf("p-%d", n.Add(1))
			seeded := connecttest.Instance{Id: instance, Alias: instance, IdentityManagementType: identity.ConnectManaged,
				SecurityProfiles: picked(c.SecurityMask, securityPool), RoutingProfiles: picked(c.RoutingMask, routingPool)}
			for _, g := range picked(c.GroupMask, groupPool) {
				seeded.HierarchyGroups = append(seeded.HierarchyGroups, connecttest.HierarchyGroup{Id: g.Id, Name: g.Name})
			}
			for i, u := range userPool {
				if c.UserMask&(1<<i) != 0 {
					seeded.Users = append(seeded.Users, connecttest.User{Id: "id-" + u, Username: u,
						SecurityProfileIds: []string{seeded.SecurityProfiles[0].Id}, RoutingProfileId: seeded.RoutingProfiles[0].Id})
				}
			}
			if err := srv.AddInstance(seeded); err != nil {
				return "seeding: " + err.Error()
			}
			target := instance
			if c.Missing {
				target = instance + "-missing"
			}
			in := request(target, userPool[c.User])
			in.SecurityProfileIds = nil
			seen := map[int]bool{}
			for _, r := range c.Security {
				if !seen[r.ID] { // the catalog forbids the same id twice
					seen[r.ID] = true
					in.SecurityProfileIds = append(in.SecurityProfileIds, r.name(srv, target, "security-profile", securityPool))
				}
			}
			in.RoutingProfileId = c.Routing.name(srv, target, "routing-profile", routingPool)
			in.HierarchyGroupId = nil
			if c.HasGroup {
				in.HierarchyGroupId = new(c.Group.name(srv, target, "agent-group", groupPool))
			}
			list, err := awsconnect.NewInstanceChecker(client).Check(context.Background(), in)
			if err != nil {
				return "check: " + err.Error()
			}
			var gotRef, gotDup bool
			for _, v := range list {
				gotRef = gotRef || v.Code == cuerrors.CodeReference
				gotDup = gotDup || v.Code == cuerrors.CodeDuplicate
				if v.Severity != cuerrors.SeverityError || (v.Code != cuerrors.CodeReference && v.Code != cuerrors.CodeDuplicate) {
					return "unexpected violation " + v.Rule
				}
			}
			sdk, _ := awsconnect.ToSDK(in)
			_, sendErr := client.CreateUser(context.Background(), sdk)
			var notFound *types.ResourceNotFoundException
			var dup *types.DuplicateResourceException
			svcRef, svcDup := errors.As(sendErr, &notFound), errors.As(sendErr, &dup)
			switch {
			case gotRef != svcRef:
				return fmt.Sprintf("reference predicted %v, service: %v (%v)", gotRef, sendErr, cuerrors.Wants(list))
			case (gotDup && !gotRef) != svcDup:
				return fmt.Sprintf("duplicate predicted %v, service: %v (%v)", gotDup, sendErr, cuerrors.Wants(list))
			case (len(list) == 0) != (sendErr == nil):
				return fmt.Sprintf("clean predicted %v, service: %v", len(list) == 0, sendErr)
			}
			switch {
			case gotRef:
				refs.Add(1)
			case gotDup:
				dups.Add(1)
			default:
				clean.Add(1)
			}
			return ""
		}, genCase()))
	props.TestingRun(t)
	t.Logf("outcomes: %d reference, %d duplicate, %d created", refs.Load(), dups.Load(), clean.Load())
	if n.Load() >= 100 && (refs.Load() == 0 || dups.Load() == 0 || clean.Load() == 0) {
		t.Error("the generator misses an outcome: the property shows less than it says")
	}
}
