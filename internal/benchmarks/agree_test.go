package benchmarks

import (
	"cmp"
	"encoding/json"
	"fmt"
	"slices"
	"testing"

	gocmp "github.com/google/go-cmp/cmp"

	cuerrors "github.com/connectkit/createuser/errors"
	"github.com/connectkit/createuser/identity"
	"github.com/connectkit/createuser/user"
)

// modes are the identity management types the comparison runs under.
var modes = []identity.Type{identity.ConnectManaged, identity.SAML, identity.ExistingDirectory, identity.Unknown}

// pairs returns the (Field, Code) of each violation of l, in order.
func pairs(l cuerrors.List) []Violation {
	var out []Violation
	for i := range l {
		out = append(out, Violation{Field: l[i].Field.String(), Code: string(l[i].Code)})
	}
	return out
}

// sorted returns a sorted copy of vs, for comparators whose order is not
// the library's.
func sorted(vs []Violation) []Violation {
	out := slices.Clone(vs)
	slices.SortFunc(out, func(a, b Violation) int {
		return cmp.Or(cmp.Compare(a.Field, b.Field), cmp.Compare(a.Code, b.Code))
	})
	return out
}

// agreement returns "" when both comparators report for in, under
// CONNECT_MANAGED, the violations the library reports: the hand-written
// pass in the same order, validator/v10 in any order. Otherwise it
// describes the difference.
func agreement(in *user.CreateUserInput, v10 *V10) string {
	want := pairs(user.NewValidator(user.WithIdentityManagement(identity.ConnectManaged)).Validate(in))
	if diff := gocmp.Diff(want, Handwritten(identity.ConnectManaged, in)); diff != "" {
		return fmt.Sprintf("hand-written pass differs from the library (-library +handwritten):\n%s", diff)
	}
	if diff := gocmp.Diff(sorted(want), sorted(v10.Validate(ToV10(in)))); diff != "" {
		return fmt.Sprintf("validator/v10 differs from the library (-library +v10):\n%s", diff)
	}
	return ""
}

// TestComparatorsAgree holds the comparators to the library, so that the
// benchmarks compare equal work: on the benchmarks' three inputs both
// comparators report what the library reports; on a few thousand varied
// requests under every identity type the hand-written pass reports
// exactly what the library reports, in the same order.
func TestComparatorsAgree(t *testing.T) {
	v10 := NewV10()
	for _, tc := range inputs() {
		t.Run(tc.name, func(t *testing.T) {
			if msg := agreement(tc.in, v10); msg != "" {
				t.Fatal(msg)
			}
			got := user.NewValidator(user.WithIdentityManagement(identity.ConnectManaged)).Validate(tc.in)
			if len(got) != tc.violations {
				t.Fatalf("the library reports %d violations, want %d: %v", len(got), tc.violations, got)
			}
			// The document reads back to the same violations.
			_, docList := user.NewValidator(user.WithIdentityManagement(identity.ConnectManaged)).ValidateDocument(tc.doc)
			if diff := gocmp.Diff(pairs(got), pairs(docList)); diff != "" {
				t.Errorf("the document's violations differ from the request's (-request +document):\n%s", diff)
			}
			var plain plainRequest
			if err := json.Unmarshal(tc.doc, &plain); err != nil {
				t.Errorf("encoding/json cannot read the document: %v", err)
			}
		})
	}
	n := 3000
	if testing.Short() {
		n = 300
	}
	requests := variedRequests(1, n)
	for _, mode := range modes {
		t.Run("varied/"+mode.String(), func(t *testing.T) {
			v := user.NewValidator(user.WithIdentityManagement(mode))
			failures := 0
			for i, in := range requests {
				want, got := pairs(v.Validate(in)), Handwritten(mode, in)
				if slices.Equal(want, got) {
					continue
				}
				if diff := gocmp.Diff(want, got); diff != "" {
					b, _ := json.Marshal(in)
					t.Errorf("request %d %s: hand-written pass differs (-library +handwritten):\n%s", i, b, diff)
					if failures++; failures == 5 {
						t.FailNow()
					}
				}
			}
		})
	}
}

// TestVariedRequestsCoverEveryCode makes sure that the varied set, which
// the agreement test and the throughput benchmark use, breaks rules of
// every code the engine reports, and holds valid requests too.
func TestVariedRequestsCoverEveryCode(t *testing.T) {
	seen := map[cuerrors.Code]int{}
	valid := 0
	for _, mode := range modes {
		v := user.NewValidator(user.WithIdentityManagement(mode))
		for _, in := range variedRequests(1, 3000) {
			l := v.Validate(in)
			if !l.HasErrors() {
				valid++
			}
			for i := range l {
				seen[l[i].Code]++
			}
		}
	}
	for _, c := range cuerrors.Codes() {
		switch c {
		case cuerrors.CodeSyntax, cuerrors.CodeType, cuerrors.CodeUnknown:
			continue // document codes: the set is of requests
		case cuerrors.CodeReference:
			continue // the instance checks (package awsconnect), not Validate
		}
		if seen[c] == 0 {
			t.Errorf("no varied request breaks a rule with code %s", c)
		}
	}
	if valid == 0 {
		t.Error("no varied request is valid")
	}
	t.Logf("codes: %v; %d of %d without errors", seen, valid, 4*3000)
}
