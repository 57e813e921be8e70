package user_test

import (
	"fmt"
	"testing"

	cuerrors "github.com/connectkit/createuser/errors"
	"github.com/connectkit/createuser/identity"
	"github.com/connectkit/createuser/user"
)

// verbS is %s, held in a variable: the checkers of format strings cannot
// tell that every T of the table has a String or Error method.
var verbS = "%s"

// printForms returns how fmt prints v held in each way a program holds
// it, by the name of the way.
func printForms[T any](v T) map[string]string {
	p := &v
	type field struct{ F T }
	type pointerField struct{ F *T }
	return map[string]string{
		"Sprint(value)":                fmt.Sprint(v),
		"Sprint(pointer)":              fmt.Sprint(p),
		"Println(value)":               fmt.Sprintln(v),
		"Println(pointer)":             fmt.Sprintln(p),
		"%v value":                     fmt.Sprintf("%v", v),
		"%v pointer":                   fmt.Sprintf("%v", p),
		"%+v value":                    fmt.Sprintf("%+v", v),
		"%+v pointer":                  fmt.Sprintf("%+v", p),
		"%s value":                     fmt.Sprintf(verbS, v),
		"%s pointer":                   fmt.Sprintf(verbS, p),
		"slice of values":              fmt.Sprint([]T{v}),
		"slice of pointers":            fmt.Sprint([]*T{p}),
		"map value":                    fmt.Sprint(map[string]T{"k": v}),
		"struct field %v":              fmt.Sprintf("%v", field{v}),
		"struct field %+v":             fmt.Sprintf("%+v", field{v}),
		"pointer struct field %v":      fmt.Sprintf("%v", pointerField{p}),
		"pointer struct field %+v":     fmt.Sprintf("%+v", pointerField{p}),
		"struct field %v via pointer":  fmt.Sprintf("%v", &field{v}),
		"struct field %+v via pointer": fmt.Sprintf("%+v", &field{v}),
	}
}

// wantForms is printForms for a value that prints as s.
func wantForms(s string) map[string]string {
	return map[string]string{
		"Sprint(value)": s, "Sprint(pointer)": s, "Println(value)": s + "\n", "Println(pointer)": s + "\n",
		"%v value": s, "%v pointer": s, "%+v value": s, "%+v pointer": s, "%s value": s, "%s pointer": s,
		"slice of values": "[" + s + "]", "slice of pointers": "[" + s + "]", "map value": "map[k:" + s + "]",
		"struct field %v": "{" + s + "}", "struct field %+v": "{F:" + s + "}",
		"pointer struct field %v": "{" + s + "}", "pointer struct field %+v": "{F:" + s + "}",
		"struct field %v via pointer": "&{" + s + "}", "struct field %+v via pointer": "&{F:" + s + "}",
	}
}

// Every exported type of errors, user, channel and identity with a
// String, Error or Format method prints the same however it is held: as a
// value, through a pointer, in a slice, a map or a struct field, with %v,
// %+v and %s. (A method with a pointer receiver prints a struct dump for
// a value: fmt.Println(list[0]).)
func TestPrintsTheSameHoweverHeld(t *testing.T) {
	violation := cuerrors.Violation{Field: cuerrors.NewPath("Username"), Code: cuerrors.CodePattern,
		Severity: cuerrors.SeverityError, Rule: "username.pattern", Message: "Username may contain only A-Z.",
		Value: cuerrors.StringValue("bad name"), Line: 3, Column: 5}
	cases := []struct {
		name  string
		forms map[string]string
		want  string
	}{
		{"errors.Violation", printForms(violation), violation.Error()},
		{"errors.List", printForms(cuerrors.List{violation, violation}), cuerrors.List{violation, violation}.Error()},
		{"errors.Code", printForms(cuerrors.CodePattern), "pattern"},
		{"errors.Severity", printForms(cuerrors.SeverityWarning), "warning"},
		{"errors.Path", printForms(cuerrors.NewPath("Tags").Key("env")), "Tags[env]"},
		{"errors.Value", printForms(cuerrors.IntValue(60)), "60"},
		{"errors.Want", printForms(cuerrors.Want{Field: "Username", Code: cuerrors.CodeRequired}), "Username required any"},
		{"user.Origin", printForms(user.Origin{Source: "users.jsonl", Line: 3}), "users.jsonl:3"},
		{"identity.Type", printForms(identity.SAML), "SAML"},
		{"identity.Secret", printForms(identity.Secret("Passw0rd!")), identity.Redacted},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			want := wantForms(tc.want)
			for form, got := range tc.forms {
				if got != want[form] {
					t.Errorf("%s: %q, want %q", form, got, want[form])
				}
			}
		})
	}
}
