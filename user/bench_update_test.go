package user

import (
	"testing"

	"github.com/connectkit/createuser/channel"
	"github.com/connectkit/createuser/identity"
)

// updatePair returns a valid request of op and a valid CreateUser request
// that holds the same values in the members they share (the update is the
// CreateUser request seen as op; see project). The CreateUser request is
// minimalRequest with the update's members from fullRequest, so it checks
// what the update checks and CreateUser's own required members.
func updatePair(op opSet) (Request, *CreateUserInput) {
	full, in := fullRequest(), minimalRequest()
	switch op {
	case opIdentityInfo:
		in.IdentityInfo = full.IdentityInfo
	case opPhoneConfig:
		in.PhoneConfig = &PhoneConfig{PhoneType: new(channel.DeskPhone), AutoAccept: new(true),
			AfterContactWorkTimeLimit: new(int64(60)), DeskPhoneNumber: new(identity.Secret("+15555551212")), PersistentConnection: new(false)}
	case opConfig:
		in.AutoAcceptConfigs, in.AfterContactWorkConfigs = full.AutoAcceptConfigs, full.AfterContactWorkConfigs
		in.PhoneNumberConfigs, in.PersistentConnectionConfigs = full.PhoneNumberConfigs, full.PersistentConnectionConfigs
		in.VoiceEnhancementConfigs = full.VoiceEnhancementConfigs
	case opSecurityProfiles:
		in.SecurityProfileIds = full.SecurityProfileIds
	case opHierarchy:
		in.HierarchyGroupId = full.HierarchyGroupId
	case opTagResource, opUntagResource:
		in.Tags = full.Tags
	}
	return project(op, in), in
}

// TestValidateRequestAllocs checks that a valid request of every update
// operation costs no allocation, and that each pair is valid on both sides
// under CONNECT_MANAGED.
func TestValidateRequestAllocs(t *testing.T) {
	v := NewValidator(WithIdentityManagement(identity.ConnectManaged))
	for _, op := range updateOps {
		r, in := updatePair(op)
		if l := v.ValidateRequest(r); len(l) != 0 {
			t.Fatalf("%s: %v", r.Operation(), l)
		}
		if l := v.Validate(in); len(l) != 0 {
			t.Fatalf("%s's CreateUser pair: %v", r.Operation(), l)
		}
		if n := testing.AllocsPerRun(100, func() { _ = v.ValidateRequest(r) }); n != 0 {
			t.Errorf("ValidateRequest(%s) allocates %v times, want 0", r.Operation(), n)
		}
		if n := testing.AllocsPerRun(100, func() { _ = v.AppendValidateRequest(nil, r) }); n != 0 {
			t.Errorf("AppendValidateRequest(%s) allocates %v times, want 0", r.Operation(), n)
		}
	}
}

// BenchmarkValidateRequest times each update operation's valid request
// next to the valid CreateUser request that holds the same members'
// values (updatePair), in one run:
//
//	go test -run '^$' -bench 'BenchmarkValidateRequest' -benchmem -count 5 ./user/
func BenchmarkValidateRequest(b *testing.B) {
	v := NewValidator(WithIdentityManagement(identity.ConnectManaged))
	for _, op := range updateOps {
		r, in := updatePair(op)
		b.Run(string(operations[op.bit()])+"/update", func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				_ = v.ValidateRequest(r)
			}
		})
		b.Run(string(operations[op.bit()])+"/create-user", func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				_ = v.Validate(in)
			}
		})
	}
}
