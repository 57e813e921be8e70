package awsconnect

import (
	"flag"
	"math"
	"os"
	"reflect"
	"strconv"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/service/connect"
	"github.com/aws/aws-sdk-go-v2/service/connect/types"
	"github.com/leanovate/gopter"
	"github.com/leanovate/gopter/gen"

	"github.com/connectkit/createuser/channel"
	"github.com/connectkit/createuser/identity"
	"github.com/connectkit/createuser/user"
)

// The properties of this package are driven as those of package user:
// -gopter.seed (or CREATEUSER_PROPERTY_SEED) fixes the seed, else the
// clock picks one; -gopter.n (or CREATEUSER_PROPERTY_CASES) sets the number
// of cases of every property, else each test's own default. Each test logs
// its seed and the command that replays it.
var (
	seedFlag  = flag.Int64("gopter.seed", 0, "seed of the gopter properties (0: CREATEUSER_PROPERTY_SEED, else the clock)")
	casesFlag = flag.Int("gopter.n", 0, "cases per property (0: CREATEUSER_PROPERTY_CASES, else each test's default)")
)

// maxGenSize bounds every generated string, list and map (exclusive).
const maxGenSize = 6

// newProperties returns the Properties of one test, with a logged seed
// and bounded sizes; runs is the number of cases unless -gopter.n or
// CREATEUSER_PROPERTY_CASES says otherwise.
func newProperties(t *testing.T, runs int) *gopter.Properties {
	t.Helper()
	seed := *seedFlag
	if seed == 0 {
		seed = time.Now().UnixNano()
		if s := os.Getenv("CREATEUSER_PROPERTY_SEED"); s != "" {
			var err error
			if seed, err = strconv.ParseInt(s, 10, 64); err != nil {
				t.Fatalf("CREATEUSER_PROPERTY_SEED=%q: %v", s, err)
			}
		}
	}
	if *casesFlag > 0 {
		runs = *casesFlag
	} else if s := os.Getenv("CREATEUSER_PROPERTY_CASES"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 {
			t.Fatalf("CREATEUSER_PROPERTY_CASES=%q: want a positive integer", s)
		}
		runs = n
	}
	t.Logf("gopter seed %d, %d cases per property; replay with: go test ./awsconnect/ -run '^%s$' -gopter.seed=%d -gopter.n=%d",
		seed, runs, t.Name(), seed, runs)
	p := gopter.DefaultTestParametersWithSeed(seed)
	p.MinSuccessfulTests = runs
	p.MaxSize = maxGenSize
	p.MaxShrinkCount = 200
	return gopter.NewProperties(p)
}

// Typed constants for the generators: valid enum values, the empty
// string, and values outside the enums, which convert unchanged.
var (
	genChannelAny    = gen.OneConstOf(channel.Voice, channel.Chat, channel.Task, channel.Email, channel.Channel(""), channel.Channel("SMS"))
	genChannelSet    = gen.OneConstOf(channel.Voice, channel.Chat, channel.Task, channel.Email, channel.Channel("SMS"))
	genPhoneTypeAny  = gen.OneConstOf(channel.SoftPhone, channel.DeskPhone, channel.PhoneType(""), channel.PhoneType("CARRIER_PIGEON"))
	genPhoneTypeSet  = gen.OneConstOf(channel.SoftPhone, channel.DeskPhone, channel.PhoneType("CARRIER_PIGEON"))
	genVoiceModeAny  = gen.OneConstOf(channel.VoiceIsolation, channel.NoiseSuppression, channel.None, channel.VoiceEnhancementMode(""), channel.VoiceEnhancementMode("LOUDER"))
	genVoiceModeSet  = gen.OneConstOf(channel.VoiceIsolation, channel.NoiseSuppression, channel.None, channel.VoiceEnhancementMode("LOUDER"))
	genSDKChannel    = gen.OneConstOf(types.ChannelVoice, types.ChannelChat, types.ChannelTask, types.ChannelEmail, types.Channel(""), types.Channel("SMS"))
	genSDKPhoneType  = gen.OneConstOf(types.PhoneTypeSoftPhone, types.PhoneTypeDeskPhone, types.PhoneType(""), types.PhoneType("CARRIER_PIGEON"))
	genSDKVoiceMode  = gen.OneConstOf(types.VoiceEnhancementModeVoiceIsolation, types.VoiceEnhancementModeNoiseSuppression, types.VoiceEnhancementModeNone, types.VoiceEnhancementMode(""))
	genTimeLimitEdge = gen.OneConstOf(int64(0), int64(2_000_000), int64(2_000_001), int64(-1),
		int64(math.MaxInt32), int64(math.MaxInt32)+1, int64(math.MinInt32), int64(math.MinInt32)-1,
		int64(1<<32+60), int64(math.MaxInt64), int64(math.MinInt64))
)

// genTimeLimit generates limits in range, at the edges of the service's
// range and of int32, and 0 (which the SDK cannot send).
func genTimeLimit() gopter.Gen {
	return gen.OneGenOf(gen.Int64Range(1, 2_000_000), genTimeLimitEdge, gen.Int64())
}

func genSecret() gopter.Gen {
	return gen.AnyString().Map(func(s string) identity.Secret { return identity.Secret(s) })
}

// genNonEmpty generates a non-empty string.
func genNonEmpty() gopter.Gen {
	return gen.AnyString().Map(func(s string) string { return "x" + s })
}

// listOf generates a slice of elem of min to maxGenSize-1 elements; with
// min 0, the slice may also be nil.
func listOf(elem gopter.Gen, min int, typ reflect.Type) gopter.Gen {
	sized := gen.IntRange(min, maxGenSize-1).FlatMap(func(n any) gopter.Gen {
		return gen.SliceOfN(n.(int), elem, typ)
	}, reflect.SliceOf(typ))
	if min > 0 {
		return sized
	}
	return gen.OneGenOf(sized, gen.Const(reflect.Zero(reflect.SliceOf(typ)).Interface()))
}

// genInput generates library requests. With sendable, it generates only
// requests that the SDK's own client-side validation lets through (the
// required members of CreateUser and of each list element are present),
// so that a real client sends them.
func genInput(sendable bool) gopter.Gen {
	str, strList, ch, pt, vm := gen.AnyString(), 0, genChannelAny, genPhoneTypeAny, genVoiceModeAny
	acw := gen.PtrOf(gen.StrictStruct(reflect.TypeFor[channel.AfterContactWork](), map[string]gopter.Gen{
		"AfterContactWorkTimeLimit": gen.PtrOf(genTimeLimit()),
	}))
	acwRequired := acw
	persistent := gen.PtrOf(gen.Bool())
	if sendable {
		str, strList, ch, pt, vm = genNonEmpty(), 1, genChannelSet, genPhoneTypeSet, genVoiceModeSet
		acwRequired = gen.StrictStructPtr(reflect.TypeFor[channel.AfterContactWork](), map[string]gopter.Gen{
			"AfterContactWorkTimeLimit": gen.PtrOf(genTimeLimit()),
		})
		persistent = gen.Bool().Map(func(b bool) *bool { return &b })
	}
	return gen.StrictStructPtr(reflect.TypeFor[user.CreateUserInput](), map[string]gopter.Gen{
		"InstanceId": gen.OneGenOf(str, genInstanceARN(), genASCII()),
		"Username":   str,
		"Password":   gen.PtrOf(genSecret()),
		"IdentityInfo": gen.PtrOf(gen.StrictStruct(reflect.TypeFor[identity.Info](), map[string]gopter.Gen{
			"FirstName":      gen.PtrOf(genSecret()),
			"LastName":       gen.PtrOf(genSecret()),
			"Email":          gen.PtrOf(genSecret()),
			"SecondaryEmail": gen.PtrOf(genSecret()),
			"Mobile":         gen.PtrOf(genSecret()),
		})),
		"PhoneConfig": gen.PtrOf(gen.StrictStruct(reflect.TypeFor[user.PhoneConfig](), map[string]gopter.Gen{
			"PhoneType":                 gen.PtrOf(genPhoneTypeAny),
			"AutoAccept":                gen.PtrOf(gen.Bool()),
			"AfterContactWorkTimeLimit": gen.PtrOf(genTimeLimit()),
			"DeskPhoneNumber":           gen.PtrOf(genSecret()),
			"PersistentConnection":      gen.PtrOf(gen.Bool()),
		})),
		"DirectoryUserId":    gen.PtrOf(gen.AnyString()),
		"SecurityProfileIds": listOf(gen.AnyString(), strList, reflect.TypeFor[string]()),
		"RoutingProfileId":   str,
		"HierarchyGroupId":   gen.PtrOf(gen.AnyString()),
		"AutoAcceptConfigs": listOf(gen.StrictStruct(reflect.TypeFor[channel.AutoAcceptConfig](), map[string]gopter.Gen{
			"Channel":                      ch,
			"AutoAccept":                   gen.PtrOf(gen.Bool()),
			"AgentFirstCallbackAutoAccept": gen.PtrOf(gen.Bool()),
		}), 0, reflect.TypeFor[channel.AutoAcceptConfig]()),
		"AfterContactWorkConfigs": listOf(gen.StrictStruct(reflect.TypeFor[channel.AfterContactWorkConfig](), map[string]gopter.Gen{
			"Channel":                ch,
			"AfterContactWorkConfig": acwRequired,
			"AgentFirstCallbackAfterContactWorkConfig": acw,
		}), 0, reflect.TypeFor[channel.AfterContactWorkConfig]()),
		"PhoneNumberConfigs": listOf(gen.StrictStruct(reflect.TypeFor[channel.PhoneNumberConfig](), map[string]gopter.Gen{
			"Channel":     ch,
			"PhoneType":   pt,
			"PhoneNumber": gen.PtrOf(genSecret()),
		}), 0, reflect.TypeFor[channel.PhoneNumberConfig]()),
		"PersistentConnectionConfigs": listOf(gen.StrictStruct(reflect.TypeFor[channel.PersistentConnectionConfig](), map[string]gopter.Gen{
			"Channel":              ch,
			"PersistentConnection": persistent,
		}), 0, reflect.TypeFor[channel.PersistentConnectionConfig]()),
		"VoiceEnhancementConfigs": listOf(gen.StrictStruct(reflect.TypeFor[channel.VoiceEnhancementConfig](), map[string]gopter.Gen{
			"Channel":              ch,
			"VoiceEnhancementMode": vm,
		}), 0, reflect.TypeFor[channel.VoiceEnhancementConfig]()),
		"Tags": gen.OneGenOf(gen.MapOf(gen.AnyString(), gen.AnyString()), gen.Const(map[string]string(nil))),
	})
}

// genASCII generates non-empty strings of printable ASCII, where the
// characters that path escapings disagree on are frequent.
func genASCII() gopter.Gen {
	return gen.SliceOf(gen.RuneRange(' ', '~')).Map(func(r []rune) string { return "x" + string(r) })
}

// genInstanceARN generates instance ARNs, which put ':' and '/' in the
// request path.
func genInstanceARN() gopter.Gen {
	return gen.Identifier().Map(func(id string) string {
		return "arn:aws:connect:us-east-1:123456789012:instance/" + id
	})
}

// genSDKInput generates SDK inputs. gen.Struct, not gen.StrictStruct:
// the SDK's structs embed an unexported marker that no generator can set.
// InstanceId, Username and RoutingProfileId are nil or non-empty: the
// library holds them as plain strings, where "" means absent.
func genSDKInput() gopter.Gen {
	acw := gen.PtrOf(gen.Struct(reflect.TypeFor[types.AfterContactWorkConfig](), map[string]gopter.Gen{
		"AfterContactWorkTimeLimit": gen.OneGenOf(gen.Int32(), gen.OneConstOf(int32(0), int32(math.MaxInt32), int32(math.MinInt32))),
	}))
	optStr := gen.PtrOf(gen.AnyString())
	return gen.StructPtr(reflect.TypeFor[connect.CreateUserInput](), map[string]gopter.Gen{
		"InstanceId": gen.PtrOf(genNonEmpty()),
		"Username":   gen.PtrOf(genNonEmpty()),
		"Password":   optStr,
		"IdentityInfo": gen.PtrOf(gen.Struct(reflect.TypeFor[types.UserIdentityInfo](), map[string]gopter.Gen{
			"FirstName": optStr, "LastName": optStr, "Email": optStr, "SecondaryEmail": optStr, "Mobile": optStr,
		})),
		"PhoneConfig": gen.PtrOf(gen.Struct(reflect.TypeFor[types.UserPhoneConfig](), map[string]gopter.Gen{
			"PhoneType":                 genSDKPhoneType,
			"AutoAccept":                gen.Bool(),
			"AfterContactWorkTimeLimit": gen.OneGenOf(gen.Int32(), gen.Const(int32(0))),
			"DeskPhoneNumber":           optStr,
			"PersistentConnection":      gen.PtrOf(gen.Bool()),
		})),
		"DirectoryUserId":    optStr,
		"SecurityProfileIds": listOf(gen.AnyString(), 0, reflect.TypeFor[string]()),
		"RoutingProfileId":   gen.PtrOf(genNonEmpty()),
		"HierarchyGroupId":   optStr,
		"AutoAcceptConfigs": listOf(gen.Struct(reflect.TypeFor[types.AutoAcceptConfig](), map[string]gopter.Gen{
			"Channel": genSDKChannel, "AutoAccept": gen.Bool(), "AgentFirstCallbackAutoAccept": gen.PtrOf(gen.Bool()),
		}), 0, reflect.TypeFor[types.AutoAcceptConfig]()),
		"AfterContactWorkConfigs": listOf(gen.Struct(reflect.TypeFor[types.AfterContactWorkConfigPerChannel](), map[string]gopter.Gen{
			"Channel": genSDKChannel, "AfterContactWorkConfig": acw, "AgentFirstCallbackAfterContactWorkConfig": acw,
		}), 0, reflect.TypeFor[types.AfterContactWorkConfigPerChannel]()),
		"PhoneNumberConfigs": listOf(gen.Struct(reflect.TypeFor[types.PhoneNumberConfig](), map[string]gopter.Gen{
			"Channel": genSDKChannel, "PhoneType": genSDKPhoneType, "PhoneNumber": optStr,
		}), 0, reflect.TypeFor[types.PhoneNumberConfig]()),
		"PersistentConnectionConfigs": listOf(gen.Struct(reflect.TypeFor[types.PersistentConnectionConfig](), map[string]gopter.Gen{
			"Channel": genSDKChannel, "PersistentConnection": gen.PtrOf(gen.Bool()),
		}), 0, reflect.TypeFor[types.PersistentConnectionConfig]()),
		"VoiceEnhancementConfigs": listOf(gen.Struct(reflect.TypeFor[types.VoiceEnhancementConfig](), map[string]gopter.Gen{
			"Channel": genSDKChannel, "VoiceEnhancementMode": genSDKVoiceMode,
		}), 0, reflect.TypeFor[types.VoiceEnhancementConfig]()),
		"Tags": gen.OneGenOf(gen.MapOf(gen.AnyString(), gen.AnyString()), gen.Const(map[string]string(nil))),
	})
}
