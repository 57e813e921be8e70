package onboard

import (
	"bufio"
	"fmt"
	"io"
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
	for _, it := range p.Items {
		for _, wn := range it.Warnings {
			fmt.Fprintf(b, "warning: %s %s: %s: %s\n", it.Username, wn.Member, wn.Code, wn.Message)
		}
	}
	s := p.Summary()
	if !p.Changed() && s[ActionInvalid.String()] == 0 {
		fmt.Fprintf(b, "No changes: the instance matches the file (%d unchanged).\n", s[ActionUnchanged.String()])
	} else {
		fmt.Fprintf(b, "Plan: %d to create, %d to update, %d to delete, %d unchanged, %d invalid.\n",
			s[ActionCreate.String()], s[ActionUpdate.String()], s[ActionDelete.String()], s[ActionUnchanged.String()], s[ActionInvalid.String()])
	}
	return b.Flush()
}
