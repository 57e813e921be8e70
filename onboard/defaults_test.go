package onboard_test

import (
	"context"
	"encoding/json"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/connectkit/createuser/awsconnect"
	"github.com/connectkit/createuser/onboard"
	"github.com/connectkit/createuser/user"
)

func TestImportLeavesOutWhatTheServiceStoresAnyway(t *testing.T) {
	cases := []struct {
		name string
		// phone type, auto accept, ACW timeout
		phone, accept, acw string
		want               string // the PhoneConfig's JSON, "" for none
	}{
		{"no and 0", "soft", "no", "0", `{"PhoneType":"SOFT_PHONE"}`},
		{"false and 0", "desk", "false", "0", `{"PhoneType":"DESK_PHONE","DeskPhoneNumber":"+15555550102"}`},
		{"only no and 0", "", "no", "0", ""},
		{"yes and 30", "soft", "yes", "30", `{"PhoneType":"SOFT_PHONE","AutoAccept":true,"AfterContactWorkTimeLimit":30}`},
		{"N and 45", "soft", "N", "45", `{"PhoneType":"SOFT_PHONE","AfterContactWorkTimeLimit":45}`},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			number := ""
			if c.phone == "desk" {
				number = "+15555550102"
			}
			rows, err := importCSV(t, header16+"Mary,Major,mary@example.com,,,Passw0rdExample,mmajor,,Basic Routing Profile,Agent,,"+
				c.phone+","+number+","+c.accept+","+c.acw+",\n")
			if err != nil || len(rows) != 1 || rows[0].Input == nil {
				t.Fatalf("%v %+v", err, rows)
			}
			if len(rows[0].Problems) != 0 {
				t.Errorf("problems: %v", rows[0].Problems)
			}
			got := ""
			if pc := rows[0].Input.PhoneConfig; pc != nil {
				b, _ := json.Marshal(pc)
				got = string(b)
			}
			if got != c.want {
				t.Errorf("PhoneConfig %s, want %s", got, c.want)
			}
		})
	}
}

func TestCheckWarnsOnlyOfLossesThatChangeTheUser(t *testing.T) {
	srv := newServer(t)
	doc := func(extra string) []byte {
		return []byte(`{"InstanceId":"` + testInstance + `","Username":"mmajor","Password":"Passw0rdExample",` +
			`"IdentityInfo":{"FirstName":"Mary","LastName":"Major","Email":"mary@example.com"},` +
			`"SecurityProfileIds":["` + agentID + `"],"RoutingProfileId":"` + routingID + `"` + extra + `}`)
	}
	cases := []struct {
		name  string
		extra string
		want  []string // the warnings' rules
	}{
		{"PhoneConfig AutoAccept false and ACW 0: the service's own values", `,"PhoneConfig":{"PhoneType":"SOFT_PHONE","AutoAccept":false,"AfterContactWorkTimeLimit":0}`, nil},
		{"a per-channel ACW of 0: no limit, which the SDK cannot send",
			`,"AfterContactWorkConfigs":[{"Channel":"CHAT","AfterContactWorkConfig":{"AfterContactWorkTimeLimit":0}}]`,
			[]string{"awsconnect.lossy.after-contact-work-configs.time-limit.zero"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			a := onboard.New(newClient(srv), fast()...)
			plan, err := a.Check(context.Background(), []onboard.Request{{Origin: user.Origin{Source: "a.json"}, Document: doc(c.extra)}})
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for _, v := range plan.Items[0].Violations {
				got = append(got, v.Rule)
			}
			if d := cmp.Diff(c.want, got); d != "" {
				t.Errorf("warnings (-want +got):\n%s", d)
			}
		})
	}
	// The rules left out are the SDK conversion's.
	var ids []string
	for _, r := range awsconnect.LossyRules() {
		ids = append(ids, r.ID)
	}
	for _, id := range []string{"awsconnect.lossy.phone-config.auto-accept.false", "awsconnect.lossy.phone-config.after-contact-work-time-limit.zero"} {
		if !slices.Contains(ids, id) {
			t.Errorf("%s is not a rule of awsconnect.LossyRules", id)
		}
	}
}
