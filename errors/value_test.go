package errors_test

import (
	"encoding/json"
	"strings"
	"testing"
	"unicode/utf8"

	cuerrors "github.com/connectkit/createuser/errors"
)

// TestStringValueCut: a string longer than MaxValueBytes is cut on a
// character boundary and marked; shorter ones are kept as they are.
func TestStringValueCut(t *testing.T) {
	const max = cuerrors.MaxValueBytes
	tests := []struct {
		name      string
		in        string
		want      string
		truncated bool
	}{
		{"empty", "", "", false},
		{"at the limit", strings.Repeat("a", max), strings.Repeat("a", max), false},
		{"one past", strings.Repeat("a", max+1), strings.Repeat("a", max) + "…", true},
		{"10 MB", strings.Repeat("b", 10<<20), strings.Repeat("b", max) + "…", true},
		// "é" is two bytes: the one that would cross the limit is left out.
		{"two-byte characters", "a" + strings.Repeat("é", max), "a" + strings.Repeat("é", (max-1)/2) + "…", true},
		{"four-byte characters", strings.Repeat("😀", max), strings.Repeat("😀", max/4) + "…", true},
		{"invalid UTF-8", strings.Repeat("\xff", max+10), strings.Repeat("\xff", max) + "…", true},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			v := cuerrors.StringValue(tc.in)
			got, _ := v.Interface().(string)
			if got != tc.want || v.Truncated() != tc.truncated {
				t.Errorf("StringValue: %d bytes, truncated %v; want %d bytes, truncated %v", len(got), v.Truncated(), len(tc.want), tc.truncated)
			}
			if utf8.ValidString(tc.in) && !utf8.ValidString(got) {
				t.Errorf("cut inside a character: %q", got[max-4:])
			}
			j, err := v.MarshalJSON()
			if err != nil || !json.Valid(j) || len(j) > 6*max+8 {
				t.Errorf("JSON: %d bytes, %v", len(j), err)
			}
		})
	}
	if cuerrors.IntValue(1).Truncated() || cuerrors.BoolValue(true).Truncated() || (cuerrors.Value{}).Truncated() {
		t.Error("a number, a boolean or no value is truncated")
	}
}
