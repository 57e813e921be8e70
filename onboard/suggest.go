package onboard

import (
	"strings"
	"unicode/utf8"

	"github.com/connectkit/createuser/internal/suggest"
)

// nearest returns the candidate closest to s, compared without letter
// case, and whether it is close enough to suggest: at most a third of
// the longer string's length of single-character edits (and at least
// one), or equal but for letter case.
func nearest(s string, candidates []string) (string, bool) {
	best, bestD := "", -1
	ls := strings.ToLower(s)
	for _, c := range candidates {
		d := suggest.Distance(ls, strings.ToLower(c))
		if bestD < 0 || d < bestD {
			best, bestD = c, d
		}
	}
	if bestD < 0 {
		return "", false
	}
	limit := max(2, max(utf8.RuneCountInString(s), utf8.RuneCountInString(best))/3)
	return best, bestD <= limit
}
