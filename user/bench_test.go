package user

import (
	"testing"

	"github.com/connectkit/createuser/identity"
)

func BenchmarkValidate(b *testing.B) {
	v := NewValidator(WithIdentityManagement(identity.ConnectManaged))
	for _, bc := range []struct {
		name string
		in   *CreateUserInput
		want int
	}{
		{"full", fullRequest(), 0},
		{"violations10", tenViolations(), 11},
		{"minimal", minimalRequest(), 0},
	} {
		b.Run(bc.name, func(b *testing.B) {
			if got := len(v.Validate(bc.in)); got != bc.want {
				b.Fatalf("violations = %d, want %d: %v", got, bc.want, v.Validate(bc.in))
			}
			b.ReportAllocs()
			for b.Loop() {
				_ = v.Validate(bc.in)
			}
		})
	}
}
