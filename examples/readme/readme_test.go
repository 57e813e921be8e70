package main

import (
	"encoding/json"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"

	cuerrors "github.com/connectkit/createuser/errors"
	"github.com/connectkit/createuser/user"
)

// TestSnippets runs what the README's snippets do.
func TestSnippets(t *testing.T) {
	in, err := createMary()
	// snippet: diff
	violations := user.Validate(in)
	if d := cuerrors.Diff([]cuerrors.Want{{Field: "PhoneConfig.AutoAccept", Code: cuerrors.CodeConflict}}, violations); d != "" {
		t.Error(d)
	}
	// end snippet: diff
	if err == nil || in == nil {
		t.Errorf("createMary: %v, %v", in, err)
	}
	if in.IdentityInfo.Mobile != nil {
		t.Error(`WithMobile("") made Mobile present`)
	}
	if _, err := checkDocument([]byte(`{"InstanceId":"x"}`)); err == nil {
		t.Error("checkDocument: an incomplete document passed")
	}
	lists := checkMany([][]byte{[]byte(`{}`), []byte(`{"Username":"m"}`)})
	if len(lists) != 2 || !lists[0].HasErrors() {
		t.Errorf("checkMany = %v", lists)
	}
	if newClient(aws.Config{Region: "us-east-1"}) == nil {
		t.Error("newClient")
	}
	// snippet: roundtrip
	data, _ := json.Marshal(violations) // one line of `connectuser validate --format json` holds the same
	var back cuerrors.List
	if err := json.Unmarshal(data, &back); err != nil { // paths, values and positions read back
		t.Fatal(err)
	}
	// end snippet: roundtrip
	if len(back) != len(violations) || !back[0].Field.Equal(violations[0].Field) {
		t.Errorf("round trip: %v", back)
	}
}
