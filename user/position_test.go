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
