package awsconnect

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"

	cuerrors "github.com/connectkit/createuser/errors"
	"github.com/connectkit/createuser/user"
)

// FuzzToSDK reads arbitrary bytes as a request document (user.Decode) and
// converts the request to the SDK's input and back. Properties: no panic;
// every loss ToSDK reports is a row of LossyRules() (its code and
// severity) at a path where the request has a member; the same report
// again; and FromSDK(ToSDK(x)) equals x except exactly where the report
// says the SDK cannot carry a value. Seeds: the shipped examples (and each
// line of the JSON Lines ones) and requests at the edges of what the SDK
// can send.
func FuzzToSDK(f *testing.F) {
	for _, s := range []string{
		`{}`,
		`{"PhoneConfig":{"PhoneType":"","AutoAccept":false,"AfterContactWorkTimeLimit":0,"DeskPhoneNumber":"","PersistentConnection":false}}`,
		`{"PhoneConfig":{"AfterContactWorkTimeLimit":2147483648}}`,
		`{"AutoAcceptConfigs":[{"Channel":"VOICE"},{"Channel":"CHAT","AutoAccept":false,"AgentFirstCallbackAutoAccept":false}]}`,
		`{"AfterContactWorkConfigs":[{"Channel":"VOICE","AfterContactWorkConfig":{"AfterContactWorkTimeLimit":0},"AgentFirstCallbackAfterContactWorkConfig":{"AfterContactWorkTimeLimit":-2147483649}}]}`,
		`{"SecurityProfileIds":[],"Tags":{},"PhoneNumberConfigs":[{}],"PersistentConnectionConfigs":[{"PersistentConnection":false}],"VoiceEnhancementConfigs":[{"Channel":"VOICE"}]}`,
		`{"IdentityInfo":{"FirstName":"","Email":"a@b.co"},"DirectoryUserId":"","HierarchyGroupId":"","Password":""}`,
	} {
		f.Add([]byte(s))
	}
	for _, pattern := range []string{"../examples/*/*.json", "../examples/*/*.jsonl"} {
		files, _ := filepath.Glob(pattern)
		for _, file := range files {
			data, err := os.ReadFile(file)
			if err != nil {
				f.Fatal(err)
			}
			f.Add(data)
			for line := range bytes.Lines(data) {
				f.Add(line)
			}
		}
	}
	rows := make(map[string]user.Rule)
	for _, r := range LossyRules() {
		rows[r.ID] = r
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		in, _ := user.Decode(data)
		if in == nil {
			return
		}
		_, lost := ToSDK(in)
		for i := range lost {
			v := &lost[i]
			row, ok := rows[v.Rule]
			if !ok || row.Code != v.Code || row.Severity != v.Severity || !v.Code.Known() || v.Message == "" {
				t.Errorf("loss %d: (%s, %s, %s) is not a row of LossyRules()", i, v.Rule, v.Code, v.Severity)
			}
			if !member(in, v.Field).IsValid() {
				t.Errorf("loss %d (%s) at %q, where the request has no member", i, v.Rule, v.Field)
			}
		}
		if _, again := ToSDK(in); !sameList(lost, again) {
			t.Fatalf("a second conversion reports other losses:\n%v\n%v", lost, again)
		}
		if label := roundTripLibrary(in); label != "" {
			t.Fatalf("%s\ndocument: %q", label, data)
		}
	})
}

// sameList reports whether a and b hold the same violations in order.
func sameList(a, b cuerrors.List) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if !a[i].Field.Equal(b[i].Field) || a[i].Rule != b[i].Rule || a[i].Value != b[i].Value || a[i].Message != b[i].Message {
			return false
		}
	}
	return true
}
