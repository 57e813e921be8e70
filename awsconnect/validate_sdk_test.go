package awsconnect

import (
	"testing"

	"github.com/aws/aws-sdk-go-v2/service/connect"
	"github.com/aws/aws-sdk-go-v2/service/connect/types"
	"github.com/google/go-cmp/cmp"
	"github.com/leanovate/gopter/prop"

	cuerrors "github.com/connectkit/createuser/errors"
	"github.com/connectkit/createuser/identity"
	"github.com/connectkit/createuser/user"
)

// TestValidateSDKAgrees: for generated SDK inputs x, under every identity
// management type, ValidateSDK(v, x) is v.Validate(FromSDK(x)): the same
// violations in the same order, with the same values and related paths,
// and x is left as it was.
func TestValidateSDKAgrees(t *testing.T) {
	validators := make([]*user.Validator, 0, 4)
	for _, typ := range append(identity.Types(), identity.Unknown) {
		validators = append(validators, user.NewValidator(user.WithIdentityManagement(typ)))
	}
	props := newProperties(t, 500)
	props.Property("ValidateSDK(v, x) = v.Validate(FromSDK(x))", prop.ForAll(
		func(x *connect.CreateUserInput) string { return validateSDKAgrees(validators, x) },
		genSDKInput(),
	))
	props.TestingRun(t)
}

// validateSDKAgrees returns "" when the property holds for x, or the
// broken part as the label.
func validateSDKAgrees(validators []*user.Validator, x *connect.CreateUserInput) string {
	before := FromSDK(x)
	for _, v := range validators {
		want, got := v.Validate(FromSDK(x)), ValidateSDK(v, x)
		if !sameViolations(want, got) {
			return "under " + v.IdentityManagement().String() + ": " + cmp.Diff(want.Error(), got.Error())
		}
	}
	if d := cmp.Diff(before, FromSDK(x)); d != "" {
		return "ValidateSDK changed its input: " + d
	}
	return ""
}

// sameViolations reports whether a and b hold the same violations in
// order, every member compared.
func sameViolations(a, b cuerrors.List) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		x, y := &a[i], &b[i]
		if !x.Field.Equal(y.Field) || x.Code != y.Code || x.Severity != y.Severity || x.Rule != y.Rule ||
			x.Message != y.Message || x.Value != y.Value || len(x.Related) != len(y.Related) {
			return false
		}
		for j := range x.Related {
			if !x.Related[j].Equal(y.Related[j]) {
				return false
			}
		}
	}
	return true
}

// TestValidateSDKCases holds the inputs where the SDK's types differ from
// the library's, and lists longer than the view keeps without allocating.
func TestValidateSDKCases(t *testing.T) {
	long := make([]types.AutoAcceptConfig, 6)
	longACW := make([]types.AfterContactWorkConfigPerChannel, 5)
	for i := range longACW {
		longACW[i] = types.AfterContactWorkConfigPerChannel{Channel: types.ChannelVoice, AfterContactWorkConfig: &types.AfterContactWorkConfig{AfterContactWorkTimeLimit: int32(i - 1)}}
	}
	valid := sdkInput(t, validConnectManaged("inst-1"))
	cases := map[string]*connect.CreateUserInput{
		"nil":   nil,
		"zero":  {},
		"valid": valid,
		"what the SDK leaves out": {PhoneConfig: &types.UserPhoneConfig{AutoAccept: false, AfterContactWorkTimeLimit: 0, PhoneType: ""},
			AfterContactWorkConfigs: []types.AfterContactWorkConfigPerChannel{{Channel: types.ChannelChat, AfterContactWorkConfig: &types.AfterContactWorkConfig{}}}},
		"PhoneConfig set while the lists are": {PhoneConfig: &types.UserPhoneConfig{AutoAccept: true, AfterContactWorkTimeLimit: -1, PhoneType: "CELL"},
			AutoAcceptConfigs: []types.AutoAcceptConfig{{Channel: types.ChannelVoice}}, AfterContactWorkConfigs: longACW[:1]},
		"lists longer than the inline room": {AutoAcceptConfigs: long, AfterContactWorkConfigs: longACW,
			PhoneNumberConfigs: make([]types.PhoneNumberConfig, 5), PersistentConnectionConfigs: make([]types.PersistentConnectionConfig, 5),
			VoiceEnhancementConfigs: make([]types.VoiceEnhancementConfig, 5)},
		"empty lists": {AutoAcceptConfigs: []types.AutoAcceptConfig{}, SecurityProfileIds: []string{}, Tags: map[string]string{}},
	}
	for name, x := range cases {
		for _, typ := range append(identity.Types(), identity.Unknown) {
			v := user.NewValidator(user.WithIdentityManagement(typ))
			if want, got := v.Validate(FromSDK(x)), ValidateSDK(v, x); !sameViolations(want, got) {
				t.Errorf("%s under %s:\nValidate(FromSDK) %v\nValidateSDK       %v", name, typ, want, got)
			}
		}
	}
	v := user.NewValidator(user.WithIdentityManagement(identity.ConnectManaged))
	if got := ValidateSDK(v, valid); len(got) != 0 {
		t.Fatalf("the valid request: %v", got)
	}
	if n := testing.AllocsPerRun(100, func() { ValidateSDK(v, valid) }); n != 0 {
		t.Errorf("ValidateSDK of a valid request allocates %.0f times, want 0", n)
	}
}

// BenchmarkPreflightCheckDirect measures ValidateSDK next to the check the
// pre-flight makes today (BenchmarkPreflightCheck: FromSDK, then
// Validate), on the same input; run both in one run:
//
//	go test -run '^$' -bench 'PreflightCheck' -benchmem -count 6 ./awsconnect
func BenchmarkPreflightCheckDirect(b *testing.B) {
	in := sdkInput(b, validConnectManaged("inst-1"))
	v := validatorFor(identity.ConnectManaged)
	b.ReportAllocs()
	for b.Loop() {
		if list := ValidateSDK(v, in); list.HasErrors() {
			b.Fatal(list)
		}
	}
}
