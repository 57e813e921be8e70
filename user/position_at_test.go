package user

import (
	"strconv"
	"strings"
	"testing"
)

// TestValidateDocumentAt: a syntax error names the source's line, in its
// message and in Line and Column; ValidateDocument is line 1.
func TestValidateDocumentAt(t *testing.T) {
	doc := []byte("{\"Username\": \"x\",\n  \"InstanceId\": }")
	for _, tc := range []struct{ at, line int }{{1, 2}, {0, 2}, {10, 11}} {
		_, l := NewValidator().ValidateDocumentAt(doc, tc.at)
		if len(l) != 1 || l[0].Code != "syntax" || l[0].Line != tc.line || l[0].Column != 17 ||
			!strings.Contains(l[0].Message, "line "+strconv.Itoa(tc.line)+", column 17") {
			t.Errorf("at %d: %+v", tc.at, l)
		}
	}
	_, l := ValidateDocument(doc)
	if len(l) != 1 || l[0].Line != 2 {
		t.Errorf("ValidateDocument: %+v", l)
	}
}

// TestValidateDocumentAtPositions: the positions that Locate finds after
// reading are in the source's lines too, as the syntax error's are.
func TestValidateDocumentAtPositions(t *testing.T) {
	doc := []byte("{\"InstanceId\": \"i\",\n \"Username\": \"a b\"}")
	_, at1 := NewValidator().ValidateDocumentAt(doc, 1)
	_, at7 := NewValidator().ValidateDocumentAt(doc, 7)
	if len(at1) == 0 || len(at1) != len(at7) {
		t.Fatalf("violations: %v / %v", at1, at7)
	}
	for i := range at1 {
		if at1[i].Line == 0 || at7[i].Line != at1[i].Line+6 || at7[i].Column != at1[i].Column {
			t.Errorf("%s %s: at line 1 %d:%d, at line 7 %d:%d", at1[i].Field, at1[i].Code,
				at1[i].Line, at1[i].Column, at7[i].Line, at7[i].Column)
		}
	}
}
