package main

import "strings"

// commandNames returns the names of the subcommands, in the table's order.
func commandNames() []string {
	names := make([]string, len(commands))
	for i, c := range commands {
		names[i] = c.name
	}
	return names
}

// didYouMean returns "; did you mean NAME?" for the candidate nearest to
// word, or "" when none is near: at most a third of the word's letters
// (and at least one) edited, letter case ignored, or a candidate that
// starts with the word (val for validate).
func didYouMean(word string, candidates []string) string {
	w := strings.ToLower(strings.TrimLeft(word, "-"))
	if w == "" {
		return ""
	}
	best, bestDist := "", max(1, len([]rune(w))/3)+1
	for _, c := range candidates {
		lc := strings.ToLower(strings.TrimLeft(c, "-"))
		d := editDistance(w, lc)
		if len(w) >= 3 && strings.HasPrefix(lc, w) {
			d = min(d, 1)
		}
		if d < bestDist {
			best, bestDist = c, d
		}
	}
	if best == "" {
		return ""
	}
	return "; did you mean " + best + "?"
}

// editDistance is the Damerau-Levenshtein distance (adjacent swaps count
// as one edit) between a and b, by characters.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev2 := make([]int, len(rb)+1)
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
			if i > 1 && j > 1 && ra[i-1] == rb[j-2] && ra[i-2] == rb[j-1] {
				cur[j] = min(cur[j], prev2[j-2]+1)
			}
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return prev[len(rb)]
}
