package errors_test

import (
	stderrors "errors"
	"fmt"

	cuerrors "github.com/connectkit/createuser/errors"
)

func ExampleNewPath() {
	p := cuerrors.NewPath("AfterContactWorkConfigs").Index(0).Child("AfterContactWorkConfig").Child("AfterContactWorkTimeLimit")
	fmt.Println(p)
	fmt.Println(cuerrors.NewPath("Tags").Key("env"))
	// Output:
	// AfterContactWorkConfigs[0].AfterContactWorkConfig.AfterContactWorkTimeLimit
	// Tags[env]
}

func ExampleList_Err() {
	list := cuerrors.List{{
		Field:    cuerrors.NewPath("PhoneConfig").Child("AutoAccept"),
		Code:     cuerrors.CodeConflict,
		Severity: cuerrors.SeverityError,
		Rule:     "phone-config.auto-accept.conflict",
		Message:  "PhoneConfig.AutoAccept must not be set together with AutoAcceptConfigs.",
		Related:  []cuerrors.Path{cuerrors.NewPath("AutoAcceptConfigs")},
	}}
	err := fmt.Errorf("creating user: %w", list.Err())

	fmt.Println(stderrors.Is(err, cuerrors.CodeConflict))
	var v *cuerrors.Violation
	if stderrors.As(err, &v) {
		fmt.Println(v.Field, v.Code, v.Severity, v.Related)
	}
	// Output:
	// true
	// PhoneConfig.AutoAccept conflict error [AutoAcceptConfigs]
}

func ExampleDiff() {
	got := cuerrors.List{{Field: cuerrors.NewPath("Username"), Code: cuerrors.CodeRequired, Severity: cuerrors.SeverityError}}
	fmt.Printf("%q\n", cuerrors.Diff([]cuerrors.Want{{Field: "Username", Code: cuerrors.CodeRequired}}, got))
	fmt.Print(cuerrors.Diff([]cuerrors.Want{{Field: "Password", Code: cuerrors.CodeRequired}}, got))
	// Output:
	// ""
	// missing violations:
	//   Password required any
	// unexpected violations:
	//   Username required error []
}
