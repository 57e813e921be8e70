package errors_test

import (
	"encoding/json"
	"testing"

	cuerrors "github.com/connectkit/createuser/errors"
)

// line and column are in the JSON only when set, after value.
func TestViolationPositionJSON(t *testing.T) {
	v := cuerrors.Violation{Field: cuerrors.NewPath("Username"), Code: cuerrors.CodePattern, Severity: cuerrors.SeverityError,
		Rule: "username.pattern", Message: "m", Value: cuerrors.StringValue("a b"), Line: 3, Column: 14}
	b, err := json.Marshal(&v)
	if err != nil {
		t.Fatal(err)
	}
	want := `{"field":"Username","code":"pattern","severity":"error","rule":"username.pattern","message":"m","value":"a b","line":3,"column":14}`
	if string(b) != want {
		t.Errorf("got  %s\nwant %s", b, want)
	}
	v.Line, v.Column = 0, 0
	if b, _ := json.Marshal(cuerrors.List{v}); string(b) != `[{"field":"Username","code":"pattern","severity":"error","rule":"username.pattern","message":"m","value":"a b"}]` {
		t.Errorf("a violation without a position: %s", b)
	}
}
