package benchmarks

import (
	"encoding/json"
	"strconv"
	"sync/atomic"
	"testing"

	gocmp "github.com/google/go-cmp/cmp"

	"github.com/connectkit/createuser/channel"
	cuerrors "github.com/connectkit/createuser/errors"
	"github.com/connectkit/createuser/identity"
	"github.com/connectkit/createuser/user"
)

// Benchmark names are key=value pairs, so that benchstat can set the
// implementations side by side: benchstat -col /impl.

// Sinks keep the results of the timed calls alive.
var (
	sinkList       cuerrors.List
	sinkViolations []Violation
	sinkInput      *user.CreateUserInput
)

// BenchmarkValidate measures validation of a typed request: the library
// (user.Validator.Validate), the hand-written single pass and
// validator/v10 with struct tags, on the same three requests, under
// CONNECT_MANAGED. Before any timing, the comparators are held to report
// what the library reports.
func BenchmarkValidate(b *testing.B) {
	lib := user.NewValidator(user.WithIdentityManagement(identity.ConnectManaged))
	v10 := NewV10()
	for _, tc := range inputs() {
		if msg := agreement(tc.in, v10); msg != "" {
			b.Fatalf("%s: %s", tc.name, msg)
		}
		if got := len(lib.Validate(tc.in)); got != tc.violations {
			b.Fatalf("%s: %d violations, want %d", tc.name, got, tc.violations)
		}
		mirror := ToV10(tc.in)
		b.Run("input="+tc.name+"/impl=library", func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				sinkList = lib.Validate(tc.in)
			}
		})
		b.Run("input="+tc.name+"/impl=handwritten", func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				sinkViolations = Handwritten(identity.ConnectManaged, tc.in)
			}
		})
		b.Run("input="+tc.name+"/impl=validatorv10", func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				sinkViolations = v10.Validate(mirror)
			}
		})
	}
}

// BenchmarkAppendValidate measures the entry point for hot callers that
// reuse their list, user.Validator.AppendValidate, next to the hand-written
// pass appending to a result it reuses (AppendHandwritten), on the same
// requests under CONNECT_MANAGED: neither side allocates a list once it is
// large enough. Before any timing, both are held to report the same pairs.
func BenchmarkAppendValidate(b *testing.B) {
	lib := user.NewValidator(user.WithIdentityManagement(identity.ConnectManaged))
	for _, tc := range inputs() {
		if diff := gocmp.Diff(pairs(lib.AppendValidate(nil, tc.in)), AppendHandwritten(nil, identity.ConnectManaged, tc.in)); diff != "" {
			b.Fatalf("%s: (-library +handwritten):\n%s", tc.name, diff)
		}
		b.Run("input="+tc.name+"/impl=library", func(b *testing.B) {
			var list cuerrors.List
			b.ReportAllocs()
			for b.Loop() {
				list = lib.AppendValidate(list[:0], tc.in)
			}
			sinkList = list
		})
		b.Run("input="+tc.name+"/impl=handwritten", func(b *testing.B) {
			var out []Violation
			b.ReportAllocs()
			for b.Loop() {
				out = AppendHandwritten(out[:0], identity.ConnectManaged, tc.in)
			}
			sinkViolations = out
		})
	}
}

// BenchmarkDocument measures reading a request document from bytes: the
// library (user.Validator.ValidateDocument: strict reading with paths,
// then every rule) next to encoding/json.Unmarshal of the same bytes into
// a plain struct (no rule, no unknown-member or duplicate check), and
// Unmarshal followed by the hand-written pass.
func BenchmarkDocument(b *testing.B) {
	lib := user.NewValidator(user.WithIdentityManagement(identity.ConnectManaged))
	for _, tc := range inputs() {
		_, got := lib.ValidateDocument(tc.doc)
		if diff := gocmp.Diff(pairs(lib.Validate(tc.in)), pairs(got)); diff != "" {
			b.Fatalf("%s: the document's violations differ from the request's (-request +document):\n%s", tc.name, diff)
		}
		var typed user.CreateUserInput
		if err := json.Unmarshal(tc.doc, &typed); err != nil {
			b.Fatal(err)
		}
		if diff := gocmp.Diff(pairs(got), Handwritten(identity.ConnectManaged, &typed)); diff != "" {
			b.Fatalf("%s: hand-written pass on the unmarshalled document differs (-library +handwritten):\n%s", tc.name, diff)
		}
		b.Run("input="+tc.name+"/impl=library", func(b *testing.B) {
			b.SetBytes(int64(len(tc.doc)))
			b.ReportAllocs()
			for b.Loop() {
				sinkInput, sinkList = lib.ValidateDocument(tc.doc)
			}
		})
		b.Run("input="+tc.name+"/impl=encoding-json", func(b *testing.B) {
			b.SetBytes(int64(len(tc.doc)))
			b.ReportAllocs()
			for b.Loop() {
				var plain plainRequest
				if err := json.Unmarshal(tc.doc, &plain); err != nil {
					b.Fatal(err)
				}
			}
		})
		b.Run("input="+tc.name+"/impl=encoding-json+handwritten", func(b *testing.B) {
			b.SetBytes(int64(len(tc.doc)))
			b.ReportAllocs()
			for b.Loop() {
				in := new(user.CreateUserInput)
				if err := json.Unmarshal(tc.doc, in); err != nil {
					b.Fatal(err)
				}
				sinkInput, sinkViolations = in, Handwritten(identity.ConnectManaged, in)
			}
		})
	}
}

// buildFull makes fullRequest with the Builder; keys and values are the
// precomputed tags.
func buildFull(keys, values []string) (*user.CreateUserInput, cuerrors.List) {
	b := user.NewBuilder().
		WithInstanceId("a1b2c3d4-5678-90ab-cdef-EXAMPLE11111").
		WithUsername("mary@example.com").
		WithPassword("Passw0rdExample").
		WithFirstName("Mary").
		WithLastName("Major").
		WithEmail("mary@example.com").
		WithSecondaryEmail("mary.major@example.org").
		WithMobile("+15555551212").
		WithSecurityProfileIds(
			"12345678-1234-1234-1234-123456789012",
			"arn:aws:connect:us-west-2:123456789012:instance/a1b2c3d4-5678-90ab-cdef-EXAMPLE11111/security-profile/22345678-1234-1234-1234-123456789012",
			"32345678-1234-1234-1234-123456789012").
		WithRoutingProfileId("87654321-4321-4321-4321-210987654321").
		WithHierarchyGroupId("hg-12345678").
		WithAutoAcceptConfigs(channel.AutoAcceptConfig{Channel: channel.Voice, AutoAccept: new(true), AgentFirstCallbackAutoAccept: new(false)}).
		WithAutoAcceptConfig(channel.Chat, false).
		WithAutoAcceptConfig(channel.Task, true).
		WithAutoAcceptConfig(channel.Email, false).
		WithAfterContactWorkConfigs(channel.AfterContactWorkConfig{Channel: channel.Voice,
			AfterContactWorkConfig:                   &channel.AfterContactWork{AfterContactWorkTimeLimit: new(int64(60))},
			AgentFirstCallbackAfterContactWorkConfig: &channel.AfterContactWork{AfterContactWorkTimeLimit: new(int64(0))}}).
		WithAfterContactWorkConfig(channel.Chat, 2_000_000).
		WithAfterContactWorkConfig(channel.Task, 30).
		WithAfterContactWorkConfig(channel.Email, 0).
		WithPhoneNumberConfig(channel.Voice, channel.DeskPhone, "+15555551212").
		WithPersistentConnectionConfig(channel.Voice, true).
		WithVoiceEnhancementConfig(channel.Voice, channel.NoiseSuppression)
	for i := range keys {
		b.WithTag(keys[i], values[i])
	}
	return b.Build(user.WithIdentityManagement(identity.ConnectManaged))
}

// BenchmarkBuild measures the Builder producing the full request: every
// With call, then Build (a deep copy and the whole catalog).
func BenchmarkBuild(b *testing.B) {
	keys, values := make([]string, 50), make([]string, 50)
	for i := range keys {
		keys[i], values[i] = "team-"+strconv.Itoa(i), "contact-center value "+strconv.Itoa(i)
	}
	in, list := buildFull(keys, values)
	if len(list) != 0 {
		b.Fatalf("Build reports %v", list)
	}
	if diff := gocmp.Diff(fullRequest(), in); diff != "" {
		b.Fatalf("Build differs from fullRequest (-want +got):\n%s", diff)
	}
	b.Run("input=full/impl=library", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			sinkInput, sinkList = buildFull(keys, values)
		}
	})
}

// throughputSet is the size of the pre-generated set of the throughput
// benchmark.
const throughputSet = 10_000

// BenchmarkThroughput validates a pre-generated set of varied requests
// (most valid, some with a few violations, some with many) from every
// core at once (b.RunParallel, GOMAXPROCS goroutines) through one shared
// Validator, and reports requests per second over all cores.
func BenchmarkThroughput(b *testing.B) {
	requests := variedRequests(2, throughputSet)
	docs := make([][]byte, len(requests))
	for i, in := range requests {
		docs[i] = document(in)
	}
	lib := user.NewValidator(user.WithIdentityManagement(identity.ConnectManaged))
	parallel := func(b *testing.B, op func(i int)) {
		b.ReportAllocs()
		var start atomic.Uint64
		b.RunParallel(func(pb *testing.PB) {
			i := int(start.Add(1)) * 1237 // each goroutine starts elsewhere in the set
			for pb.Next() {
				op(i % throughputSet)
				i++
			}
		})
		b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "req/s")
	}
	b.Run("op=validate/impl=library", func(b *testing.B) {
		parallel(b, func(i int) { _ = lib.Validate(requests[i]) })
	})
	b.Run("op=validate/impl=handwritten", func(b *testing.B) {
		parallel(b, func(i int) { _ = Handwritten(identity.ConnectManaged, requests[i]) })
	})
	b.Run("op=document/impl=library", func(b *testing.B) {
		parallel(b, func(i int) { _, _ = lib.ValidateDocument(docs[i]) })
	})
	b.Run("op=document/impl=encoding-json", func(b *testing.B) {
		parallel(b, func(i int) {
			var plain plainRequest
			_ = json.Unmarshal(docs[i], &plain)
		})
	})
}
