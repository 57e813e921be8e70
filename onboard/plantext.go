package onboard

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// WriteText writes the plan for people, in the manner of terraform plan:
// one line per user that changes, "+" create, "~" update (each operation
// beneath it, and each member it changes as "old -> new"), "-" delete,
// "!" invalid (with the violations); the warnings; and a closing count
// line. Names, email addresses and phone numbers are shown as
// "(changed)" unless showValues.
func (p *Plan) WriteText(w io.Writer, showValues bool) error {
	b := bufio.NewWriter(w)
	for _, it := range p.Items {
		switch it.Action {
		case ActionCreate:
			fmt.Fprintf(b, "  + %s\n", it.Username)
		case ActionUpdate:
			fmt.Fprintf(b, "  ~ %s\n", it.Username)
			for _, c := range it.Changes {
				fmt.Fprintf(b, "      %s\n", c.Operation)
				for _, m := range c.Members {
					if m.Sensitive && !showValues {
						fmt.Fprintf(b, "        %s: (changed)\n", m.Path)
						continue
					}
					fmt.Fprintf(b, "        %s: %s -> %s\n", m.Path, m.Old, m.New)
				}
			}
		case ActionDelete:
			fmt.Fprintf(b, "  - %s\n", it.Username)
		case ActionInvalid:
			name := it.Username
			if name == "" {
				name = "(no username)"
			}
			fmt.Fprintf(b, "  ! %s %s\n", it.Origin, name)
			for _, v := range it.Violations {
				fmt.Fprintf(b, "      %s %s [%s %s] %s\n", v.Severity, v.Field, v.Code, v.Rule, v.Message)
			}
		}
	}
	writeWarnings(b, p.Items)
	fmt.Fprintln(b, p.CountLine())
	return b.Flush()
}

// CountLine is the plan's closing line: "Plan: 1 to create, 2 to update,
// 0 to delete, 5 unchanged, 0 invalid.", or "No changes: the instance
// matches the file (N unchanged)." It names no user.
func (p *Plan) CountLine() string {
	s := p.Summary()
	if !p.Changed() && s[ActionInvalid.String()] == 0 {
		return fmt.Sprintf("No changes: the instance matches the file (%d unchanged).", s[ActionUnchanged.String()])
	}
	return fmt.Sprintf("Plan: %d to create, %d to update, %d to delete, %d unchanged, %d invalid.",
		s[ActionCreate.String()], s[ActionUpdate.String()], s[ActionDelete.String()], s[ActionUnchanged.String()], s[ActionInvalid.String()])
}

// maxWarningUsers is how many users a warning line names; the same
// warning for more users is one line with the count.
const maxWarningUsers = 5

// writeWarnings writes each warning once per member and code, with the
// users it concerns, in the order they first appear.
func writeWarnings(b *bufio.Writer, items []*Item) {
	type key struct{ member, code string }
	var order []key
	users := map[key][]string{}
	msg := map[key]string{}
	for _, it := range items {
		for _, w := range it.Warnings {
			k := key{w.Member, w.Code}
			if _, ok := users[k]; !ok {
				order = append(order, k)
				msg[k] = w.Message
			}
			users[k] = append(users[k], it.Username)
		}
	}
	for _, k := range order {
		u := users[k]
		names := strings.Join(u[:min(len(u), maxWarningUsers)], ", ")
		if len(u) > maxWarningUsers {
			names += fmt.Sprintf(" and %d more", len(u)-maxWarningUsers)
		}
		fmt.Fprintf(b, "warning: %s %s (%s): %s\n", k.member, k.code, names, msg[k])
	}
}
