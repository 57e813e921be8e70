package onboard_test

import (
	"context"
	"errors"
	"os"
	"strings"
	"testing"
	"unicode/utf8"

	cuerrors "github.com/connectkit/createuser/errors"
	"github.com/connectkit/createuser/identity"
	"github.com/connectkit/createuser/onboard"
)

// FuzzImport feeds any bytes to the CSV reader: it never panics, a row
// with an error yields no document, every problem has a line, a known
// code and a rule, and nothing is echoed from a sensitive column.
func FuzzImport(f *testing.F) {
	if b, err := os.ReadFile("../examples/onboarding/users.csv"); err == nil {
		f.Add(string(b))
	}
	f.Add(header16 + "Mary,Major,mary@example.com,,,Passw0rdExample,mmajor,,Basic Routing Profile,Agent|Admn,North|Team A,desk,+15555550102,no,0,team=north\n")
	f.Add(header13 + "\"a\nb\",\"c,d\",,,,,,,,,,,\r\n")
	f.Add("\ufeff" + header16 + "x,y\n")
	f.Add("")
	f.Add("\"")
	f.Fuzz(func(t *testing.T, data string) {
		tbl := namesTableFuzz(t)
		im := onboard.NewImporter(tbl, testInstance, identity.Unknown)
		lastLine := 0
		err := im.Import(context.Background(), strings.NewReader(data), "f.csv", func(r onboard.Row) {
			if r.Origin.Line <= lastLine {
				t.Fatalf("row lines not increasing: %d after %d", r.Origin.Line, lastLine)
			}
			lastLine = r.Origin.Line
			hasError := false
			for _, p := range r.Problems {
				checkProblem(t, p)
				hasError = hasError || p.Violation.Severity == cuerrors.SeverityError
			}
			if hasError != (r.Input == nil) {
				t.Fatalf("row %d: error %v, document %v", r.Origin.Line, hasError, r.Input != nil)
			}
		})
		var ce *onboard.CSVError
		if err != nil && !errors.As(err, &ce) {
			t.Fatalf("offline import failed with %T %v", err, err)
		}
		if ce != nil {
			checkProblem(t, ce.Problem)
		}
	})
}

var fuzzNames *onboard.NamesTable

func namesTableFuzz(t *testing.T) *onboard.NamesTable {
	if fuzzNames == nil {
		fuzzNames = namesTable(t)
	}
	return fuzzNames
}

func checkProblem(t *testing.T, p onboard.Problem) {
	t.Helper()
	if p.Source != "f.csv" || p.Violation.Rule == "" || !p.Violation.Code.Known() || !utf8.ValidString(p.Violation.Message) && utf8.ValidString(p.String()) {
		t.Fatalf("problem %+v", p)
	}
	switch p.Column {
	case "password", "first name", "last name", "email address", "secondary email address", "mobile", "phone number":
		if !p.Violation.Value.IsZero() {
			t.Fatalf("a sensitive value is echoed: %s", p)
		}
	}
}
