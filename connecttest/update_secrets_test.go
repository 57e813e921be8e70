package connecttest_test

import (
	"encoding/hex"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"
	"time"

	"github.com/connectkit/createuser/channel"
	"github.com/connectkit/createuser/identity"
	"github.com/connectkit/createuser/user"
)

// TestUpdateRefusalsHoldNoSecret sends update operations whose names,
// email addresses and phone numbers break the catalog's rules, each a
// fresh random value: the answer's body and every request's log line
// (Request.String, as `connectuser serve` logs it, and %+v) hold none of
// them, nor their hexadecimal form, while the refusal names the member.
func TestUpdateRefusalsHoldNoSecret(t *testing.T) {
	seed := time.Now().UnixNano()
	t.Logf("seed %d", seed)
	r := rand.New(rand.NewPCG(uint64(seed), 0x5ec))
	token := func() string {
		b := make([]byte, 12)
		for i := range b {
			b[i] = byte('a' + r.IntN(26))
		}
		return "Z" + string(b)
	}
	digits := func() string { return fmt.Sprintf("%012d", r.Int64N(1e12)) }
	sec := func(s string) *identity.Secret { return ptr(identity.Secret(s)) }
	srv := newUpdateServer(t)
	type attempt struct {
		req    user.Request
		member string // the member the refusal names
		secret string
	}
	long := strings.Repeat(token(), 20) // over 255 characters, the names' limit
	email, second, mobile, desk, chanPhone := token(), token(), "+"+digits()+"x", "+"+digits()+"x", "+"+digits()+"x"
	attempts := []attempt{
		{&user.UpdateUserIdentityInfoInput{InstanceId: cmInstance, UserId: anaID, IdentityInfo: &identity.Info{FirstName: sec(long), LastName: sec("Silva")}}, "FirstName", long},
		{&user.UpdateUserIdentityInfoInput{InstanceId: cmInstance, UserId: anaID, IdentityInfo: &identity.Info{FirstName: sec("Ana"), LastName: sec("Silva"), Email: sec(email + " at example")}}, "Email", email},
		{&user.UpdateUserIdentityInfoInput{InstanceId: cmInstance, UserId: anaID, IdentityInfo: &identity.Info{FirstName: sec("Ana"), LastName: sec("Silva"), SecondaryEmail: sec(second + "@")}}, "SecondaryEmail", second},
		{&user.UpdateUserIdentityInfoInput{InstanceId: cmInstance, UserId: anaID, IdentityInfo: &identity.Info{FirstName: sec("Ana"), LastName: sec("Silva"), Mobile: sec(mobile)}}, "Mobile", mobile},
		{&user.UpdateUserPhoneConfigInput{InstanceId: cmInstance, UserId: anaID, PhoneConfig: &user.PhoneConfig{PhoneType: ptr(channel.DeskPhone), DeskPhoneNumber: sec(desk)}}, "DeskPhoneNumber", desk},
		{&user.UpdateUserConfigInput{InstanceId: cmInstance, UserId: anaID, PhoneNumberConfigs: []channel.PhoneNumberConfig{{Channel: channel.Voice, PhoneType: channel.DeskPhone, PhoneNumber: sec(chanPhone)}}}, "PhoneNumber", chanPhone},
	}
	secrets := []string{}
	for _, a := range attempts {
		secrets = append(secrets, a.secret)
		ans := sendRequest(t, srv, a.req)
		if ans.status != 400 || !strings.Contains(string(ans.body), a.member) {
			t.Errorf("%s with a broken %s: %d %s, want a 400 naming the member", a.req.Operation(), a.member, ans.status, ans.body)
		}
		for _, s := range []string{a.secret, hex.EncodeToString([]byte(a.secret))} {
			if strings.Contains(string(ans.body), s) {
				t.Errorf("%s: the answer holds the %s: %s", a.req.Operation(), a.member, ans.body)
			}
		}
	}
	for _, rec := range srv.Requests() {
		for _, text := range []string{rec.String(), fmt.Sprintf("%+v", rec)} {
			for _, s := range secrets {
				if strings.Contains(text, s) || strings.Contains(text, hex.EncodeToString([]byte(s))) {
					t.Errorf("a log line holds a secret: %s", text)
				}
			}
		}
	}
	if got, _ := srv.User(cmInstance, anaID); got.IdentityInfo.FirstName.Reveal() != "Ana" {
		t.Errorf("a refused update changed the user")
	}
}
