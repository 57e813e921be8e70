package errors_test

import (
	"encoding/json"
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

// A path read back from a report.
func ExampleParsePath() {
	for _, s := range []string{"AutoAcceptConfigs[1].Channel", "Tags[env]", `Tags["42"]`, "a.jsonl:3#Username", ""} {
		p, err := cuerrors.ParsePath(s)
		fmt.Printf("%q len=%d document=%q root=%v %v\n", p, p.Len(), p.Document(), p.IsRoot(), err)
	}
	// Output:
	// "AutoAcceptConfigs[1].Channel" len=3 document="" root=false <nil>
	// "Tags[env]" len=2 document="" root=false <nil>
	// "Tags[\"42\"]" len=2 document="" root=false <nil>
	// "a.jsonl:3#Username" len=1 document="a.jsonl:3" root=false <nil>
	// "" len=0 document="" root=true <nil>
}

// One line of `connectuser validate --format json`, read back.
func ExampleViolation_UnmarshalJSON() {
	line := `{"source":"users.jsonl","line":5,"valid":false,"violations":[
		{"field":"Tags[env]","code":"length","severity":"error","rule":"tags.value.length","message":"…","value":"x"},
		{"field":"IdentityInfo.Email","code":"required","severity":"warning","rule":"identity-info.email.required","message":"…"}]}`
	var report struct {
		Violations cuerrors.List `json:"violations"`
	}
	if err := json.Unmarshal([]byte(line), &report); err != nil {
		fmt.Println(err)
		return
	}
	for _, v := range report.Violations {
		fmt.Println(v.Field, v.Code, v.Severity, v.Value.Interface())
	}
	fmt.Println(len(report.Violations.Errors()), len(report.Violations.Warnings()))
	// Output:
	// Tags[env] length error x
	// IdentityInfo.Email required warning <nil>
	// 1 1
}

// Err holds the errors only: errors.Is never fires because of a warning.
func ExampleList_Err_warnings() {
	l := cuerrors.List{
		{Field: cuerrors.NewPath("Username"), Code: cuerrors.CodeLength, Severity: cuerrors.SeverityError},
		{Field: cuerrors.NewPath("IdentityInfo").Child("Email"), Code: cuerrors.CodeRequired, Severity: cuerrors.SeverityWarning},
	}
	err := l.Err()
	fmt.Println(stderrors.Is(err, cuerrors.CodeLength), stderrors.Is(err, cuerrors.CodeRequired))
	fmt.Println(l.Warnings().Err())
	// Output:
	// true false
	// <nil>
}
