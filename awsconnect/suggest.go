package awsconnect

import (
	"strings"
	"unicode/utf8"

	cuerrors "github.com/connectkit/createuser/errors"
	"github.com/connectkit/createuser/user"
)

// The catalog rows of the instance checks and the name resolver
// (user.Rules lists them; `connectuser rules` prints them).
const (
	ruleInstance        = "instance.instance-id.reference"
	ruleSecurityProfile = "instance.security-profile-ids.reference"
	ruleRoutingProfile  = "instance.routing-profile-id.reference"
	ruleHierarchyGroup  = "instance.hierarchy-group-id.reference"
	ruleOtherARN        = "instance.resource-arn.other"
	ruleUsernameTaken   = "instance.username.duplicate"
	ruleNameSecurity    = "names.security-profile.reference"
	ruleNameRouting     = "names.routing-profile.reference"
	ruleNameGroup       = "names.hierarchy-group.reference"
)

// instanceRules holds the catalog rows above by ID.
var instanceRules = func() map[string]user.Rule {
	m := map[string]user.Rule{}
	for _, r := range user.Rules() {
		if strings.HasPrefix(r.ID, "instance.") || strings.HasPrefix(r.ID, "names.") {
			m[r.ID] = r
		}
	}
	return m
}()

// InstanceRules returns the rows of the rule catalog ([user.Rules]) that
// the instance checks ([InstanceChecker], [WithInstanceChecks]) and the
// name resolver ([Resolver]) report. The slice is a copy.
func InstanceRules() []user.Rule {
	var out []user.Rule
	for _, r := range user.Rules() {
		if _, ok := instanceRules[r.ID]; ok {
			out = append(out, r)
		}
	}
	return out
}

// instanceViolation returns the violation of the catalog row id at field,
// carrying value, with hint ("Did you mean …?") after the row's sentence.
func instanceViolation(id string, field cuerrors.Path, value, hint string) cuerrors.Violation {
	r := instanceRules[id]
	msg := r.Description
	if hint != "" {
		msg += " " + hint
	}
	return cuerrors.Violation{
		Field: field, Code: r.Code, Severity: r.Severity, Rule: id, Message: msg,
		Value: cuerrors.StringValue(value),
	}
}

// maxCompared bounds the strings that edit distances are computed on.
const maxCompared = 256

// nearest returns the resource whose id or name is closest to s, and
// whether one is close enough to suggest: the same but for letter case,
// or within a third of the length (at least 2 edits).
func nearest(s string, items []resource) (resource, bool) {
	best, bestD := -1, 0
	limit := max(2, utf8.RuneCountInString(s)/3)
	for i, r := range items {
		for _, cand := range [2]string{r.Name, r.ID} {
			if cand == "" {
				continue
			}
			var d int
			if strings.EqualFold(cand, s) {
				d = 0
			} else {
				d = 1 + editDistance(s, cand, limit) // a case-only match always wins
			}
			if d <= limit+1 && (best < 0 || d < bestD) {
				best, bestD = i, d
			}
		}
	}
	if best < 0 {
		return resource{}, false
	}
	return items[best], true
}

// didYouMean is the hint for a close resource.
func didYouMean(r resource) string {
	return "Did you mean " + r.Name + " (" + r.ID + ")?"
}

// editDistance returns the Levenshtein distance of a and b in runes, or a
// number above limit as soon as it must exceed it.
func editDistance(a, b string, limit int) int {
	ra, rb := []rune(a), []rune(b)
	if len(ra) > maxCompared || len(rb) > maxCompared {
		return limit + 1
	}
	if d := len(ra) - len(rb); d > limit || -d > limit {
		return limit + 1
	}
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		rowMin := cur[0]
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			rowMin = min(rowMin, cur[j])
		}
		if rowMin > limit {
			return limit + 1
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}
