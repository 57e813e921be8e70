package user

import (
	"encoding/json"
	"strings"
	"testing"

	"github.com/leanovate/gopter/prop"

	"github.com/connectkit/createuser/identity"
)

// --- The update operations -------------------------------------------------

// TestPropertyUpdateSharedMembers: for every member an update shares with
// CreateUser, the update's violations at that member equal CreateUser's
// for the same value (path, code, rule and severity), under every identity
// type, for arbitrary values of every member (propArbitraryInput). The
// exceptions are the update's own required rows, which silence the
// member's other rules as any error-severity required does (PhoneType ""
// or absent in UpdateUserPhoneConfig). The same holds for the documents:
// the update's document reports at a shared member what CreateUser's
// document with the same member reports.
func TestPropertyUpdateSharedMembers(t *testing.T) {
	props := propProperties(t)
	props.Property("an update's violations at a shared member are CreateUser's", prop.ForAll(
		func(typ identity.Type, in *CreateUserInput) string {
			v := NewValidator(WithIdentityManagement(typ))
			var diffs []string
			for _, op := range updateOps {
				if d := sharedDiff(v, op, in); d != "" {
					diffs = append(diffs, d)
				}
			}
			return strings.Join(diffs, "\n")
		}, propIdentityType(), propArbitraryInput()))
	props.Property("so are an update document's", prop.ForAll(
		func(typ identity.Type, in *CreateUserInput) string {
			v := NewValidator(WithIdentityManagement(typ))
			createDoc, err := json.Marshal(in)
			if err != nil {
				return err.Error()
			}
			_, want := v.ValidateDocument(createDoc)
			var diffs []string
			for _, op := range updateOps {
				doc, err := json.Marshal(project(op, in))
				if err != nil {
					return err.Error()
				}
				_, got := v.ValidateOperationDocument(operations[op.bit()], doc)
				silenced := ownRequired(got)
				w, g := sharedReport(op, want, true, silenced), sharedReport(op, got, false, silenced)
				if !equalLines(w, g) {
					diffs = append(diffs, operations[op.bit()].String()+": CreateUser document "+linesString(w)+", update document "+linesString(g))
				}
			}
			return strings.Join(diffs, "\n")
		}, propIdentityType(), propArbitraryInput()))
	propRun(t, props)
}

func equalLines(a, b []sharedLine) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func linesString(l []sharedLine) string {
	b, _ := json.Marshal(l)
	return string(b)
}
