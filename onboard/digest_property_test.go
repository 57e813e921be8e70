package onboard_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strconv"
	"testing"
	"time"

	"github.com/leanovate/gopter"
	"github.com/leanovate/gopter/gen"
	"github.com/leanovate/gopter/prop"

	"github.com/connectkit/createuser/identity"
	"github.com/connectkit/createuser/user"
)

// propertyParameters returns gopter's parameters with a logged seed:
// CREATEUSER_PROPERTY_SEED fixes it (else the clock), and
// CREATEUSER_PROPERTY_CASES sets the number of cases (else runs).
func propertyParameters(t *testing.T, runs int) *gopter.TestParameters {
	t.Helper()
	seed := time.Now().UnixNano()
	if s := os.Getenv("CREATEUSER_PROPERTY_SEED"); s != "" {
		var err error
		if seed, err = strconv.ParseInt(s, 10, 64); err != nil {
			t.Fatalf("CREATEUSER_PROPERTY_SEED=%q: %v", s, err)
		}
	}
	if s := os.Getenv("CREATEUSER_PROPERTY_CASES"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 {
			t.Fatalf("CREATEUSER_PROPERTY_CASES=%q: want a positive integer", s)
		}
		runs = n
	}
	t.Logf("gopter seed %d, %d cases; replay with: CREATEUSER_PROPERTY_SEED=%d go test ./onboard/ -run '^%s$'", seed, runs, seed, t.Name())
	p := gopter.DefaultTestParametersWithSeed(seed)
	p.MinSuccessfulTests = runs
	return p
}

// genSmallRequest generates requests from few values, so that two of
// them are often equal in some members and sometimes in all.
func genSmallRequest() gopter.Gen {
	pick := func(vals ...string) gopter.Gen { return gen.OneConstOf(vals[0], vals[1], vals[2]) }
	return gopter.CombineGens(
		pick("a", "b", "c"),                               // username
		pick("Passw0rdA", "Passw0rdB", ""),                // password ("" none)
		pick("Mary", "Diego", ""),                         // first name
		pick("x@example.com", "y@example.com", ""),        // email
		pick("p1", "p2", "p3"),                            // routing profile
		pick("", "team=a", "team=b"),                      // a tag
		pick("i-1", "arn:aws:connect:::instance/i-1", ""), // instance
	).Map(func(v []any) *user.CreateUserInput {
		s := func(i int) string { return v[i].(string) }
		in := &user.CreateUserInput{Username: s(0), RoutingProfileId: s(4), InstanceId: s(6), SecurityProfileIds: []string{"sp"}}
		if s(1) != "" {
			in.Password = new(identity.Secret(s(1)))
		}
		if s(2) != "" || s(3) != "" {
			in.IdentityInfo = &identity.Info{}
			if s(2) != "" {
				in.IdentityInfo.FirstName = new(identity.Secret(s(2)))
			}
			if s(3) != "" {
				in.IdentityInfo.Email = new(identity.Secret(s(3)))
			}
		}
		if s(5) != "" {
			in.Tags = map[string]string{"team": s(5)[5:]}
		}
		return in
	})
}

func TestDigestIsTheRequestWithoutPassword(t *testing.T) {
	j := openJournal(t, filepath.Join(t.TempDir(), "journal.jsonl"))
	// What the digest must tell apart: the body without the password
	// (the instance is the journal record's, not the digest's).
	content := func(in *user.CreateUserInput) []byte {
		c := in.Clone()
		c.Password = nil
		b, err := c.Body()
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	props := gopter.NewProperties(propertyParameters(t, 300))
	props.Property("equal digests exactly for equal requests but the password", prop.ForAll(
		func(a, b *user.CreateUserInput) bool {
			return (j.Digest(a) == j.Digest(b)) == bytes.Equal(content(a), content(b))
		}, genSmallRequest(), genSmallRequest()))
	props.TestingRun(t)
}
