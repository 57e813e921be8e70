package user

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"strings"
	"testing"

	cuerrors "github.com/connectkit/createuser/errors"
	"github.com/connectkit/createuser/identity"
)

// The output channels that redaction_test.go does not cover: panics (a
// request, a secret or a violation list as the panic value, recovered and
// printed with every verb, and one that escapes and is printed by the
// runtime), errors that wrap the violation list, and the Builder. The
// planted value is a fresh random token per member; the request's wire
// encoding must hold it, so that the search cannot pass for want of a
// value.

// secretsPanicEnv tells the test binary, run again by
// TestSecretsUnrecoveredPanic, to panic with a request holding the value
// it names.
const secretsPanicEnv = "CREATEUSER_TEST_PANIC_WITH"

// plantEverywhere returns a request valid under CONNECT_MANAGED but for
// what the values break, with token planted in every sensitive member
// (wrapped by the first value form of each member) and the token itself.
func plantEverywhere(token, phone string) *CreateUserInput {
	in := redactBase()
	for _, m := range redactMembers {
		t := token
		if m.phone {
			t = phone
		}
		v := identity.Secret(m.values[1].wrap(t)) // a form that breaks a rule
		m.plant(in, &v)
	}
	return in
}

func TestSecretsInPanics(t *testing.T) {
	seed := propSeed(t)
	t.Logf("seed %d; replay with: go test ./user/ -run '^TestSecretsInPanics$' -gopter.seed=%d", seed, seed)
	r := rand.New(rand.NewPCG(uint64(seed), 0x9a41c))
	token, phone := redactToken(r, false), redactToken(r, true)
	in := plantEverywhere(token, phone)
	wire := mustJSON(t, in)
	if !strings.Contains(wire, token) || !strings.Contains(wire, phone) {
		t.Fatalf("the wire encoding lacks the planted values: %s", wire)
	}
	list := Validate(in, WithIdentityManagement(identity.SAML))
	if len(list) == 0 {
		t.Fatal("no violations to print")
	}
	values := []struct {
		name string
		v    any
	}{
		{"*CreateUserInput", in},
		{"CreateUserInput", *in},
		{"identity.Info", *in.IdentityInfo},
		{"*identity.Secret", in.Password},
		{"identity.Secret", *in.Password},
		{"PhoneConfig", *in.PhoneConfig},
		{"[]PhoneNumberConfig", in.PhoneNumberConfigs},
		{"violation list", list},
		{"List.Err()", list.Err()},
		{"wrapped list", fmt.Errorf("create user: %w", list)},
		{"joined list", errors.Join(errors.New("create user"), list.Err())},
		{"violation", list[0]},
		{"*violation", &list[0]},
	}
	for _, x := range values {
		recovered := func() (r any) {
			defer func() { r = recover() }()
			panic(x.v)
		}()
		for _, tok := range []string{token, phone} {
			for _, verb := range redactVerbs {
				redactSearch(t, tok, "recovered panic of "+x.name+" printed with "+verb, fmt.Sprintf(verb, recovered))
			}
			if err, ok := recovered.(error); ok {
				redactSearch(t, tok, "recovered panic of "+x.name+" as an error", err.Error())
			}
		}
	}
}

// TestSecretsUnrecoveredPanic runs this test binary again so that it
// panics with a request (and then with a Secret) as the panic value and
// nothing recovers it: the runtime's report of the panic, on standard
// error, must not hold the value.
func TestSecretsUnrecoveredPanic(t *testing.T) {
	if v := os.Getenv(secretsPanicEnv); v != "" {
		kind, token, _ := strings.Cut(v, ":")
		in := plantEverywhere(token, "15555550100")
		switch kind {
		case "request":
			panic(in)
		case "value":
			panic(*in)
		case "secret":
			panic(*in.Password)
		case "list":
			panic(Validate(in, WithIdentityManagement(identity.SAML)).Err())
		}
		return
	}
	if testing.Short() {
		t.Skip("-short: runs the test binary again")
	}
	seed := propSeed(t)
	r := rand.New(rand.NewPCG(uint64(seed), 0x9a41d))
	for _, kind := range []string{"request", "value", "secret", "list"} {
		token := redactToken(r, false)
		cmd := exec.Command(os.Args[0], "-test.run=^TestSecretsUnrecoveredPanic$", "-test.count=1")
		cmd.Env = append(os.Environ(), secretsPanicEnv+"="+kind+":"+token)
		var out bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &out
		err := cmd.Run()
		if err == nil || !strings.Contains(out.String(), "panic") {
			t.Fatalf("%s: the test binary did not panic: %v\n%s", kind, err, out.String())
		}
		redactSearch(t, token, "the runtime's report of a panic with the "+kind, out.String())
	}
}

// TestSecretsThroughBuilder: values given to the Builder never come out of
// Build's violations, whether Build records them or the catalog finds
// them; Build's request carries them in its wire encoding.
func TestSecretsThroughBuilder(t *testing.T) {
	seed := propSeed(t)
	t.Logf("seed %d; replay with: go test ./user/ -run '^TestSecretsThroughBuilder$' -gopter.seed=%d", seed, seed)
	r := rand.New(rand.NewPCG(uint64(seed), 0xb11d))
	token, phone := redactToken(r, false), redactToken(r, true)
	b := NewBuilder().
		WithInstanceId("a1b2c3d4-5678-90ab-cdef-EXAMPLE11111").
		WithUsername("agent1").
		WithPassword("Aa1 "+token).
		WithFirstName("Jose\u0301"+token).
		WithLastName(token+strings.Repeat("n", 300)).
		WithEmail(token+"@example").
		WithSecondaryEmail(token+".example.com").
		WithMobile(phone).
		WithDeskPhoneNumber("+0"+phone).
		WithPhoneNumberConfig("VOICE", "SOFT_PHONE", phone).
		WithSecurityProfileIds("12345678-1234-1234-1234-123456789012").
		WithRoutingProfileId("87654321-4321-4321-4321-210987654321").
		WithTag("team", "a").WithTag("team", "b")
	for _, typ := range []identity.Type{identity.Unknown, identity.ConnectManaged, identity.SAML, identity.ExistingDirectory} {
		in, list := b.Build(WithIdentityManagement(typ))
		wire, err := json.Marshal(in)
		if err != nil || !strings.Contains(string(wire), token) || !strings.Contains(string(wire), phone) {
			t.Fatalf("Build's request lacks the planted values: %s %v", wire, err)
		}
		if len(list) == 0 {
			t.Fatalf("Build under %v reports nothing", typ)
		}
		for _, tok := range []string{token, phone} {
			redactViolations(t, tok, "Build under "+typ.String(), list)
			redactSearch(t, tok, "fmt of the Builder", fmt.Sprintf("%v %+v", b, *b))
		}
	}
	var l cuerrors.List
	if _, list := b.Build(); !errors.As(list.Err(), &l) {
		t.Error("Build's list is no error")
	}
}
