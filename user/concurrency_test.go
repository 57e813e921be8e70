package user

import (
	"encoding/json"
	"fmt"
	"strconv"
	"sync"
	"testing"

	"github.com/connectkit/createuser/channel"
	cuerrors "github.com/connectkit/createuser/errors"
	"github.com/connectkit/createuser/identity"
)

// Concurrency under load, for `go test -race`: the documented guarantees
// hold with many goroutines at once.

// concurrencyGoroutines is how many goroutines share one Validator.
const concurrencyGoroutines = 64

// TestValidatorSharedUnderLoad: one Validator per identity type, shared by
// 64 goroutines that each check every request and document of a mixed
// set (valid, broken, hostile, over the limits) many times, the requests
// themselves shared too: every result equals the one computed alone, and
// no request is changed.
func TestValidatorSharedUnderLoad(t *testing.T) {
	requests := []*CreateUserInput{minimalRequest(), federatedRequest(), fullRequest(), tenViolations(), manyViolations(), {}}
	long := minimalRequest()
	long.SecurityProfileIds = make([]string, 3*MaxCheckedElements)
	long.Tags = make(map[string]string)
	for i := range 2 * MaxCheckedTags {
		long.Tags["k"+strconv.Itoa(i)] = "v"
	}
	requests = append(requests, long)
	var docs [][]byte
	for _, in := range requests {
		j, err := json.Marshal(in)
		if err != nil {
			t.Fatal(err)
		}
		docs = append(docs, j)
	}
	for _, cases := range [][]decCase{decSyntaxCases, decMemberCases, decTypeCases, decTagCases, decEncodingCases} {
		for _, tc := range cases {
			docs = append(docs, []byte(tc.doc))
		}
	}
	snapshots := make([]string, len(requests))
	for i, in := range requests {
		snapshots[i] = fmt.Sprintf("%#v", fuzzEncode(in))
	}
	rounds := 4
	if testing.Short() {
		rounds = 1
	}
	for _, typ := range append(identity.Types(), identity.Unknown) {
		v := NewValidator(WithIdentityManagement(typ))
		wantTyped := make([]cuerrors.List, len(requests))
		for i, in := range requests {
			wantTyped[i] = v.Validate(in)
		}
		wantDocs := make([]cuerrors.List, len(docs))
		for i, d := range docs {
			_, wantDocs[i] = v.ValidateDocument(d)
		}
		var wg sync.WaitGroup
		errs := make(chan string, concurrencyGoroutines)
		for g := range concurrencyGoroutines {
			wg.Go(func() {
				for round := range rounds {
					// Each goroutine starts at another place in the set.
					for k := range len(requests) + len(docs) {
						i := (k + g + round) % (len(requests) + len(docs))
						if i < len(requests) {
							if got := v.Validate(requests[i]); !sameViolations(got, wantTyped[i]) {
								errs <- fmt.Sprintf("goroutine %d, request %d under %s: another list", g, i, typ)
								return
							}
							continue
						}
						i -= len(requests)
						if _, got := v.ValidateDocument(docs[i]); !sameViolations(got, wantDocs[i]) {
							errs <- fmt.Sprintf("goroutine %d, document %d under %s: another list", g, i, typ)
							return
						}
					}
				}
			})
		}
		wg.Wait()
		close(errs)
		for e := range errs {
			t.Error(e)
		}
	}
	for i, in := range requests {
		if fmt.Sprintf("%#v", fuzzEncode(in)) != snapshots[i] {
			t.Errorf("request %d was changed", i)
		}
	}
}

// TestBuilderResultsShareNothing: the Builder's documented guarantee. One
// goroutine keeps building (replacing, appending, adding tags, building
// again) while the requests it built are read, validated, encoded and
// copied by many goroutines; under -race any memory the requests shared
// with the Builder, or with each other, would be reported. Each request
// stays what it was when it was built.
func TestBuilderResultsShareNothing(t *testing.T) {
	const builds = 200
	b := NewBuilder().
		WithInstanceId("a1b2c3d4-5678-90ab-cdef-EXAMPLE11111").
		WithUsername("agent0").
		WithPassword("Passw0rdExample").
		WithFirstName("Mary").WithLastName("Major").WithEmail("mary@example.com").
		WithSecurityProfileIds("12345678-1234-1234-1234-123456789012").
		WithRoutingProfileId("87654321-4321-4321-4321-210987654321").
		WithAutoAccept(true).
		WithPhoneNumberConfig(channel.Voice, channel.DeskPhone, "+15555551212")
	type built struct {
		in   *CreateUserInput
		list cuerrors.List
		wire string
	}
	results := make(chan built, builds)
	var readers sync.WaitGroup
	failures := make(chan string, builds*4)
	for range 16 {
		readers.Go(func() {
			v := NewValidator(WithIdentityManagement(identity.ConnectManaged))
			for r := range results {
				for range 3 {
					got, err := json.Marshal(r.in)
					if err != nil || string(got) != r.wire {
						failures <- "a built request changed after Build:\n" + r.wire + "\n" + string(got)
						return
					}
					// Build's list is what the Builder recorded, then the
					// catalog's: its tail is what Validate says now.
					again := v.Validate(r.in)
					if len(again) > len(r.list) || !sameViolations(r.list[len(r.list)-len(again):], again) {
						failures <- "Validate of a built request differs from Build's list"
						return
					}
					c := r.in.Clone()
					if c.Tags == nil {
						c.Tags = map[string]string{}
					}
					c.Tags["mine"] = "x" // a copy is the reader's own
					c.SecurityProfileIds = append(c.SecurityProfileIds, "x")
					if c.PhoneConfig != nil && c.PhoneConfig.AutoAccept != nil {
						*c.PhoneConfig.AutoAccept = !*c.PhoneConfig.AutoAccept
					}
					_ = r.list.Error()
				}
			}
		})
	}
	for i := range builds {
		in, list := b.Build(WithIdentityManagement(identity.ConnectManaged))
		wire, err := json.Marshal(in)
		if err != nil {
			t.Fatal(err)
		}
		results <- built{in: in, list: list, wire: string(wire)}
		// Keep building: replace, append, add tags (one twice, which
		// the Builder records), change nested members.
		b.WithUsername("agent"+strconv.Itoa(i+1)).
			WithTag("t"+strconv.Itoa(i), "v").
			WithTag("t0", "again").
			WithSecurityProfileIds("p-"+strconv.Itoa(i)).
			WithAutoAccept(i%2 == 0).
			WithAfterContactWorkConfig(channel.Chat, int64(i)).
			WithPhoneNumberConfig(channel.Voice, channel.SoftPhone, "+1555555"+strconv.Itoa(1000+i))
	}
	close(results)
	readers.Wait()
	close(failures)
	for f := range failures {
		t.Error(f)
	}
}
