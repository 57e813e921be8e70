package suggest

import (
	"strings"
	"testing"
)

func TestDistance(t *testing.T) {
	for _, tc := range []struct {
		a, b string
		want int
	}{
		{"", "", 0}, {"agent", "agent", 0}, {"agent", "Agent", 1}, {"valdiate", "validate", 1},
		{"apply", "aply", 1}, {"import", "imports", 1}, {"abc", "", 3}, {"Ágent", "Agent", 1},
		{strings.Repeat("a", 300), strings.Repeat("a", 300), 0}, {strings.Repeat("a", 300), "a", 300},
	} {
		if got := Distance(tc.a, tc.b); got != tc.want {
			t.Errorf("Distance(%.10q, %.10q) = %d, want %d", tc.a, tc.b, got, tc.want)
		}
	}
}
