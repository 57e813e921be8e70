package main

import (
	"fmt"
	"io"
	"strings"

	cuerrors "github.com/connectkit/createuser/errors"
	"github.com/connectkit/createuser/identity"
	"github.com/connectkit/createuser/onboard"
)

// groupSources is how many documents a line of grouped warnings names.
const groupSources = 3

// printViolations writes the violations of the plan, each as
// "SOURCE:LINE: severity FIELD [code rule] message". Errors are written
// one a line; the warnings of one rule are one line, where the first of
// them is, ending with how many there are and their first few documents
// (with verbose, every warning is a line of its own).
func printViolations(w io.Writer, plan *onboard.Plan, verbose bool) {
	if plan == nil {
		return
	}
	type group struct {
		first  *cuerrors.Violation
		origin string
		count  int
		docs   []string // distinct, in order
	}
	groups := map[string]*group{}
	if !verbose {
		for _, it := range plan.Items {
			for i := range it.Violations {
				v := &it.Violations[i]
				if v.Severity != cuerrors.SeverityWarning {
					continue
				}
				g := groups[v.Rule]
				if g == nil {
					g = &group{first: v, origin: it.Origin.String()}
					groups[v.Rule] = g
				}
				g.count++
				if o := it.Origin.String(); len(g.docs) == 0 || g.docs[len(g.docs)-1] != o {
					g.docs = append(g.docs, o)
				}
			}
		}
	}
	for _, it := range plan.Items {
		for i := range it.Violations {
			v := &it.Violations[i]
			g := groups[v.Rule]
			if g == nil || v.Severity != cuerrors.SeverityWarning || g.count == 1 {
				fmt.Fprintf(w, "%s: %s %s [%s %s] %s\n", it.Origin, v.Severity, fieldName(v), v.Code, v.Rule, v.Message)
				continue
			}
			if g.first != v {
				continue
			}
			fmt.Fprintf(w, "%s: %s %s [%s %s] %s (%s)\n", it.Origin, v.Severity, fieldName(v), v.Code, v.Rule, v.Message, groupNote(g.count, g.docs))
		}
	}
}

// groupNote says how many warnings a grouped line stands for, and where.
func groupNote(count int, docs []string) string {
	var b strings.Builder
	if count != len(docs) {
		fmt.Fprintf(&b, "%d times in ", count)
	}
	noun := "documents"
	if len(docs) == 1 {
		noun = "document"
	}
	fmt.Fprintf(&b, "%d %s: %s", len(docs), noun, strings.Join(docs[:min(len(docs), groupSources)], ", "))
	if len(docs) > groupSources {
		fmt.Fprintf(&b, " and %d more", len(docs)-groupSources)
	}
	b.WriteString("; --verbose lists each")
	return b.String()
}

// printFailures names each failed user, one a line:
// "SOURCE:LINE: USERNAME: CODE: MESSAGE" (without USERNAME, and with the
// username taken out of the message, when redact is set).
func printFailures(w io.Writer, failures []onboard.Failure, redact bool) {
	if len(failures) == 0 {
		return
	}
	noun := "users"
	if len(failures) == 1 {
		noun = "user"
	}
	fmt.Fprintf(w, "failed: %d %s\n", len(failures), noun)
	for _, f := range failures {
		msg := f.ErrorMessage
		if f.Operation != "" && f.Operation != onboard.OpCreateUser {
			msg = f.Operation + ": " + msg // an update or a delete
		}
		if redact {
			if f.Username != "" {
				msg = strings.ReplaceAll(msg, f.Username, identity.Redacted)
			}
			fmt.Fprintf(w, "  %s: %s: %s\n", f.Origin, f.ErrorCode, msg)
			continue
		}
		fmt.Fprintf(w, "  %s: %s: %s: %s\n", f.Origin, f.Username, f.ErrorCode, msg)
	}
}
