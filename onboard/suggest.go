package onboard

import (
	"strings"
	"unicode/utf8"
)

// nearest returns the candidate closest to s, compared without letter
// case, and whether it is close enough to suggest: at most a third of
// the longer string's length of single-character edits (and at least
// one), or equal but for letter case.
func nearest(s string, candidates []string) (string, bool) {
	best, bestD := "", -1
	ls := strings.ToLower(s)
	for _, c := range candidates {
		d := editDistance(ls, strings.ToLower(c))
		if bestD < 0 || d < bestD {
			best, bestD = c, d
		}
	}
	if bestD < 0 {
		return "", false
	}
	limit := max(1, max(utf8.RuneCountInString(s), utf8.RuneCountInString(best))/3)
	return best, bestD <= limit
}

// editDistance returns the Levenshtein distance between a and b in
// characters. Inputs are names (short); the cost is len(a)*len(b).
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	if len(ra) > 256 || len(rb) > 256 {
		// Not a name; only an exact match counts.
		if a == b {
			return 0
		}
		return max(len(ra), len(rb))
	}
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
