package report

import (
	"fmt"
	"path"

	cuerrors "github.com/connectkit/createuser/errors"
	"github.com/connectkit/createuser/user"
)

// Ignore is a set of rules whose violations a run drops, from every
// format and from the exit status. Each entry is a rule id of the catalog
// ("username.email") or a pattern of path.Match that matches rule ids
// ("tags.*", "*.ignored"). The zero Ignore drops nothing.
type Ignore struct {
	patterns []string
}

// NewIgnore checks patterns and returns the Ignore that drops the rules
// they match. A pattern that is malformed, or that matches no rule of the
// catalog (a misspelt id would otherwise ignore nothing, silently), is an
// error.
func NewIgnore(patterns ...string) (Ignore, error) {
	rules := user.Rules()
	for _, p := range patterns {
		if _, err := path.Match(p, ""); err != nil {
			return Ignore{}, fmt.Errorf("ignore %q: malformed pattern", p)
		}
		matched := false
		for i := range rules {
			if ok, _ := path.Match(p, rules[i].ID); ok {
				matched = true
				break
			}
		}
		if !matched {
			return Ignore{}, fmt.Errorf("ignore %q: matches no rule (connectuser rules lists them)", p)
		}
	}
	return Ignore{patterns: append([]string(nil), patterns...)}, nil
}

// Matches reports whether the rule with id rule is ignored.
func (ig Ignore) Matches(rule string) bool {
	for _, p := range ig.patterns {
		if ok, _ := path.Match(p, rule); ok {
			return true
		}
	}
	return false
}

// Filter returns list without the violations of ignored rules; list itself
// when none is ignored.
func (ig Ignore) Filter(list cuerrors.List) cuerrors.List {
	if len(ig.patterns) == 0 {
		return list
	}
	drop := false
	for i := range list {
		if ig.Matches(list[i].Rule) {
			drop = true
			break
		}
	}
	if !drop {
		return list
	}
	return list.Filter(func(v *cuerrors.Violation) bool { return !ig.Matches(v.Rule) })
}

// Patterns returns the patterns of ig.
func (ig Ignore) Patterns() []string { return append([]string(nil), ig.patterns...) }
