package errors

import (
	"fmt"
	"sort"
	"strings"
)

// Want describes a violation a test expects, by what is stable: the wire
// path, the code and the severity, never the wording. A zero Severity
// matches either severity.
type Want struct {
	Field    string
	Code     Code
	Severity Severity
}

// String renders w as "Field code severity".
func (w Want) String() string {
	sev := "any"
	if w.Severity != 0 {
		sev = w.Severity.String()
	}
	f := w.Field
	if f == "" {
		f = `""`
	}
	return fmt.Sprintf("%s %s %s", f, w.Code, sev)
}

// Wants projects got onto the stable members tests compare.
func Wants(got List) []Want {
	out := make([]Want, len(got))
	for i := range got {
		out[i] = Want{Field: got[i].Field.String(), Code: got[i].Code, Severity: got[i].Severity}
	}
	return out
}

// Diff compares want with got as multisets of (field, code, severity),
// ignoring order and messages, and returns "" when they match or a
// description of what is missing and what is unexpected.
func Diff(want []Want, got List) string {
	used := make([]bool, len(got))
	var missing []string
	for _, w := range want {
		found := false
		for i := range got {
			if used[i] {
				continue
			}
			g := &got[i]
			if g.Field.String() == w.Field && g.Code == w.Code && (w.Severity == 0 || w.Severity == g.Severity) {
				used[i] = true
				found = true
				break
			}
		}
		if !found {
			missing = append(missing, w.String())
		}
	}
	var extra []string
	for i := range got {
		if !used[i] {
			g := &got[i]
			extra = append(extra, Want{Field: g.Field.String(), Code: g.Code, Severity: g.Severity}.String()+" ["+g.Rule+"]")
		}
	}
	if len(missing) == 0 && len(extra) == 0 {
		return ""
	}
	sort.Strings(missing)
	sort.Strings(extra)
	var b strings.Builder
	if len(missing) > 0 {
		b.WriteString("missing violations:\n  " + strings.Join(missing, "\n  ") + "\n")
	}
	if len(extra) > 0 {
		b.WriteString("unexpected violations:\n  " + strings.Join(extra, "\n  ") + "\n")
	}
	return b.String()
}
