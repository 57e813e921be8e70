package user

import (
	"fmt"
	"slices"
	"sort"
	"strings"

	cuerrors "github.com/connectkit/createuser/errors"
)

// Helpers of the update operations' tests: a CreateUser request seen as an
// update (the members the update shares with CreateUser), and the
// comparison of the two reports at those members.

const (
	testUserID  = "a1b2c3d4-0000-1111-2222-EXAMPLEUSER1"
	testUserARN = "arn:aws:connect:us-west-2:123456789012:instance/a1b2c3d4-5678-90ab-cdef-EXAMPLE11111/agent/" + testUserID
)

// updateOps are the update operations, each a single-bit opSet.
var updateOps = []opSet{opIdentityInfo, opPhoneConfig, opConfig, opRoutingProfile, opSecurityProfiles,
	opHierarchy, opTagResource, opUntagResource, opDelete}

// project returns the request of op that holds in's values of the members
// op shares with CreateUser, a valid UserId or user ARN, and for
// UntagResource the keys of in.Tags, sorted, as tagKeys (nil Tags: nil).
func project(op opSet, in *CreateUserInput) Request {
	x := extras{userID: testUserID, resourceARN: testUserARN}
	if in.Tags != nil {
		x.tagKeys = make([]string, 0, len(in.Tags))
		for k := range in.Tags {
			x.tagKeys = append(x.tagKeys, k)
		}
		sort.Strings(x.tagKeys)
	}
	return requestOf(op, in, &x)
}

// sharedPrefixes returns the CreateUser paths of the members op shares
// with CreateUser, and the update's path of each (tags for Tags).
func sharedPrefixes(op opSet) (create []string, update []string) {
	switch op {
	case opIdentityInfo:
		create = []string{"IdentityInfo"}
	case opPhoneConfig:
		create = []string{"PhoneConfig"}
	case opConfig:
		create = []string{nameAutoAccept, nameACW, namePhoneNumbers, namePersistent, nameVoice}
	case opRoutingProfile:
		create = []string{"RoutingProfileId"}
	case opSecurityProfiles:
		create = []string{"SecurityProfileIds"}
	case opHierarchy:
		create = []string{"HierarchyGroupId"}
	case opTagResource:
		return []string{"Tags"}, []string{"tags"}
	}
	if op&opInstance != 0 {
		create = append(create, "InstanceId")
	}
	return create, create
}

// under reports whether path p (as a string) is prefix or below it.
func under(p, prefix string) bool {
	return p == prefix || strings.HasPrefix(p, prefix+".") || strings.HasPrefix(p, prefix+"[")
}

// sharedLine is a violation at a shared member, as compared: the update's
// path, code, rule and severity.
type sharedLine struct {
	Field, Code, Rule, Severity string
}

// sharedReport returns the violations of l at the shared members of op,
// with paths renamed from the CreateUser names to the update's when
// create is set, sorted. Rows that do not apply to op (the conflicts
// between PhoneConfig and the lists) are left out, and so is every member
// in silenced.
func sharedReport(op opSet, l cuerrors.List, create bool, silenced []string) []sharedLine {
	cp, up := sharedPrefixes(op)
	var out []sharedLine
	for _, v := range l {
		p := v.Field.String()
		k := slices.IndexFunc(up, func(s string) bool { return under(p, s) })
		if create {
			k = slices.IndexFunc(cp, func(s string) bool { return under(p, s) })
			if k >= 0 {
				p = up[k] + strings.TrimPrefix(p, cp[k])
			}
		}
		if k < 0 || slices.ContainsFunc(silenced, func(s string) bool { return under(p, s) }) {
			continue
		}
		r := ruleByID(v.Rule)
		if r >= ruleCount || ruleOperations[r]&op == 0 || ruleOperations[r]&opCreate == 0 {
			continue // not CreateUser's rule of the member, or not op's
		}
		out = append(out, sharedLine{p, string(v.Code), v.Rule, v.Severity.String()})
	}
	slices.SortStableFunc(out, func(a, b sharedLine) int {
		return strings.Compare(fmt.Sprint(a), fmt.Sprint(b))
	})
	return out
}

// ownRequired returns the paths where one of the update's own required
// rows fired: they silence CreateUser's rules of that member.
func ownRequired(l cuerrors.List) []string {
	var out []string
	for _, v := range l {
		if r := ruleByID(v.Rule); r < ruleCount && ruleOperations[r]&opCreate == 0 && v.Code == cuerrors.CodeRequired {
			out = append(out, v.Field.String())
		}
	}
	return out
}

// ruleByID returns the row with id, or ruleCount.
func ruleByID(id string) ruleIndex {
	for i := range catalog {
		if catalog[i].ID == id {
			return ruleIndex(i)
		}
	}
	return ruleCount
}

// sharedDiff compares the reports of in as CreateUser and as op under v
// at the members they share; "" when they agree.
func sharedDiff(v *Validator, op opSet, in *CreateUserInput) string {
	want := v.Validate(in)
	got := v.ValidateRequest(project(op, in))
	silenced := ownRequired(got)
	w, g := sharedReport(op, want, true, silenced), sharedReport(op, got, false, silenced)
	if slices.Equal(w, g) {
		return ""
	}
	return fmt.Sprintf("%s: CreateUser %v, update %v", operations[op.bit()], w, g)
}
