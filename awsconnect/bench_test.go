package awsconnect

import (
	"context"
	"testing"

	"github.com/aws/aws-sdk-go-v2/service/connect"

	"github.com/connectkit/createuser/identity"
)

// BenchmarkCreateUser measures one CreateUser call against the local
// server, without and with the pre-flight check, in the same run: the
// difference is the cost of the check (conversion with FromSDK and the
// whole catalog) next to a real SDK call (serialization, signing, HTTP on
// 127.0.0.1).
func BenchmarkCreateUser(b *testing.B) {
	f := newFakeConnect(b, map[string]string{"inst-1": "CONNECT_MANAGED"})
	in := sdkInput(b, validConnectManaged("inst-1"))
	for _, bc := range []struct {
		name string
		opts []func(*connect.Options)
	}{
		{"plain", nil},
		{"preflight-fixed", []func(*connect.Options){WithPreflight(WithIdentityManagement(identity.ConnectManaged))}},
		{"preflight-instance", []func(*connect.Options){WithPreflight(IdentityFromInstance())}},
	} {
		b.Run(bc.name, func(b *testing.B) {
			client := f.client(bc.opts...)
			ctx := context.Background()
			if _, err := client.CreateUser(ctx, in); err != nil { // warm up: connection, look-up
				b.Fatal(err)
			}
			b.ReportAllocs()
			for b.Loop() {
				if _, err := client.CreateUser(ctx, in); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkPreflightCheck measures the check alone: FromSDK and Validate.
func BenchmarkPreflightCheck(b *testing.B) {
	in := sdkInput(b, validConnectManaged("inst-1"))
	v := validatorFor(identity.ConnectManaged)
	b.ReportAllocs()
	for b.Loop() {
		if list := v.Validate(FromSDK(in)); list.HasErrors() {
			b.Fatal(list)
		}
	}
}
