package main

import (
	"strings"

	"github.com/connectkit/createuser/internal/suggest"
)

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
		d := suggest.Distance(w, lc)
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
