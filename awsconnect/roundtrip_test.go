package awsconnect

import (
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/service/connect"
	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
	"github.com/leanovate/gopter/prop"

	cuerrors "github.com/connectkit/createuser/errors"
	"github.com/connectkit/createuser/user"
)

// TestRoundTripLibrary: for generated requests x, FromSDK(ToSDK(x))
// equals x except exactly where the lossy report says the SDK cannot carry
// a value. Empty lists and maps equal nil: neither encoding sends them.
func TestRoundTripLibrary(t *testing.T) {
	props := newProperties(t, 1000)
	props.Property("FromSDK(ToSDK(x)) = x up to the reported losses", prop.ForAll(
		func(x *user.CreateUserInput) string { return roundTripLibrary(x) },
		genInput(false),
	))
	props.TestingRun(t)
}

// roundTripLibrary returns "" when the property holds for x, or the
// broken part of the property as the label.
func roundTripLibrary(x *user.CreateUserInput) string {
	sdk, lost := ToSDK(x)
	back := FromSDK(sdk)
	for i := range lost {
		v := &lost[i]
		if v.Severity != cuerrors.SeverityWarning || !strings.HasPrefix(v.Rule, "awsconnect.lossy.") {
			return "a loss that is not an awsconnect.lossy warning: " + v.Rule
		}
		was, now := member(x, v.Field), member(back, v.Field)
		if !was.IsValid() || !now.IsValid() {
			return "a loss at a path that is no member: " + v.Field.String()
		}
		if v.Rule == "awsconnect.lossy.utf8" {
			continue // lost on the wire (U+FFFD), not in the SDK's struct
		}
		if reflect.DeepEqual(was.Interface(), now.Interface()) {
			return "a loss reported where the value survives: " + v.Field.String()
		}
		now.Set(was) // undo the reported loss
	}
	if d := cmp.Diff(x, back, cmpopts.EquateEmpty()); d != "" {
		return "an unreported difference (-x +back):\n" + d
	}
	return ""
}

var lossyPath = regexp.MustCompile(`^(?:PhoneConfig\.(\w+)|AutoAcceptConfigs\[(\d+)\]\.AutoAccept|AfterContactWorkConfigs\[(\d+)\]\.(\w+)\.AfterContactWorkTimeLimit)$`)

// member returns the settable member of in at a lossy path, or the zero
// Value when the path names none.
func member(in *user.CreateUserInput, p cuerrors.Path) reflect.Value {
	m := lossyPath.FindStringSubmatch(p.String())
	switch {
	case m == nil:
		return reflect.Value{}
	case m[1] != "":
		if in.PhoneConfig == nil {
			return reflect.Value{}
		}
		return reflect.ValueOf(in.PhoneConfig).Elem().FieldByName(m[1])
	case m[2] != "":
		i, _ := strconv.Atoi(m[2])
		if i >= len(in.AutoAcceptConfigs) {
			return reflect.Value{}
		}
		return reflect.ValueOf(&in.AutoAcceptConfigs[i].AutoAccept).Elem()
	default:
		i, _ := strconv.Atoi(m[3])
		if i >= len(in.AfterContactWorkConfigs) {
			return reflect.Value{}
		}
		c := reflect.ValueOf(&in.AfterContactWorkConfigs[i]).Elem().FieldByName(m[4])
		if !c.IsValid() || c.IsNil() {
			return reflect.Value{}
		}
		return c.Elem().FieldByName("AfterContactWorkTimeLimit")
	}
}

// TestRoundTripSDK: for generated SDK inputs s, ToSDK(FromSDK(s)) equals s
// and reports no loss: everything the SDK can hold, the library can hold.
// Zero values the SDK does not send come back as the same zero values.
func TestRoundTripSDK(t *testing.T) {
	props := newProperties(t, 1000)
	props.Property("ToSDK(FromSDK(s)) = s, with no loss", prop.ForAll(
		func(s *connect.CreateUserInput) string {
			back, lost := ToSDK(FromSDK(s))
			if len(lost) != 0 {
				return "a loss on the way back: " + lost.Error()
			}
			if d := cmp.Diff(s, back, sdkTypes, cmpopts.EquateEmpty()); d != "" {
				return "a difference (-s +back):\n" + d
			}
			return ""
		},
		genSDKInput(),
	))
	props.TestingRun(t)
}
