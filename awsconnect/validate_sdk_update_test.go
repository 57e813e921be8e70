package awsconnect

import (
	"testing"

	"github.com/aws/aws-sdk-go-v2/service/connect"
	"github.com/google/go-cmp/cmp"
	"github.com/leanovate/gopter/prop"

	"github.com/connectkit/createuser/identity"
	"github.com/connectkit/createuser/user"
)

// TestValidateSDKRequestAgrees: for every update operation, generated SDK
// inputs x and every identity management type, ValidateSDKRequest(v, x)
// is v.ValidateRequest(FromSDKRequest(x)), and x is left as it was.
func TestValidateSDKRequestAgrees(t *testing.T) {
	validators := make([]*user.Validator, 0, 4)
	for _, typ := range append(identity.Types(), identity.Unknown) {
		validators = append(validators, user.NewValidator(user.WithIdentityManagement(typ)))
	}
	for _, c := range updateCases {
		t.Run(string(c.op), func(t *testing.T) {
			props := newProperties(t, 200)
			props.Property("ValidateSDKRequest(v, x) = v.ValidateRequest(FromSDKRequest(x))", prop.ForAll(
				func(in *connect.CreateUserInput) string {
					x := c.sdk(in)
					before, _ := FromSDKRequest(x)
					for _, v := range validators {
						r, _ := FromSDKRequest(x)
						want, got := v.ValidateRequest(r), ValidateSDKRequest(v, x)
						if !sameViolations(want, got) {
							return "under " + v.IdentityManagement().String() + ": " + cmp.Diff(want.Error(), got.Error())
						}
					}
					if after, _ := FromSDKRequest(x); cmp.Diff(before, after) != "" {
						return "ValidateSDKRequest changed its input"
					}
					return ""
				},
				genSDKInput(),
			))
			props.TestingRun(t)
		})
	}
}

// TestValidateSDKRequestAllocs: a valid update of every operation is
// checked without an allocation; a value of no operation is an error.
func TestValidateSDKRequestAllocs(t *testing.T) {
	v := validatorFor(identity.ConnectManaged)
	for _, c := range preflightUpdateCases {
		in, _ := ToSDKRequest(c.valid)
		if got := ValidateSDKRequest(v, in); got.HasErrors() {
			t.Errorf("%s: the valid request: %v", c.op, got)
			continue
		}
		if n := testing.AllocsPerRun(100, func() { ValidateSDKRequest(v, in) }); n != 0 {
			t.Errorf("%s: ValidateSDKRequest of a valid request allocates %.0f times, want 0", c.op, n)
		}
	}
	if got := ValidateSDKRequest(v, &connect.ListUsersInput{}); len(got) != 1 || got[0].Rule != RuleRequestType {
		t.Errorf("ValidateSDKRequest(ListUsersInput) = %v", got)
	}
}

// BenchmarkPreflightUpdateCheck measures the pre-flight's catalog check
// of a valid UpdateUserConfig input: ValidateSDKRequest (the view) next
// to ValidateRequest(FromSDKRequest) (a copy); run both in one run:
//
//	go test -run '^$' -bench 'PreflightUpdateCheck' -benchmem -count 6 ./awsconnect
func BenchmarkPreflightUpdateCheck(b *testing.B) {
	var valid user.Request
	for _, c := range preflightUpdateCases {
		if c.op == user.OperationUpdateUserConfig {
			valid = c.valid
		}
	}
	in, _ := ToSDKRequest(valid)
	v := validatorFor(identity.ConnectManaged)
	b.Run("view", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if list := ValidateSDKRequest(v, in); list.HasErrors() {
				b.Fatal(list)
			}
		}
	})
	b.Run("copy", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			r, _ := FromSDKRequest(in)
			if list := v.ValidateRequest(r); list.HasErrors() {
				b.Fatal(list)
			}
		}
	})
}
