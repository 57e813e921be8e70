package onboard

import (
	"context"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/connectkit/createuser/awsconnect"
	cuerrors "github.com/connectkit/createuser/errors"
	"github.com/connectkit/createuser/user"
)

// PlanFormatVersion is the version of a plan's JSON form.
const PlanFormatVersion = 1

// hiddenValue stands for a name, an email address or a phone number that
// a plan does not show.
var hiddenValue = json.RawMessage(`"(changed)"`)

// JSONOptions chooses what the JSON form of a plan holds.
type JSONOptions struct {
	// ShowValues shows the old and new values of names, email addresses
	// and phone numbers; otherwise they are "(changed)".
	ShowValues bool
	// Requests includes what each call sends (a saved plan, for Apply:
	// the file's requests, passwords included, as the file has them).
	Requests bool
}

type planJSON struct {
	FormatVersion int            `json:"format_version"`
	Instance      string         `json:"instance"`
	Time          time.Time      `json:"time"`
	Converge      bool           `json:"converge"`
	Summary       map[string]int `json:"summary"`
	Items         []itemJSON     `json:"items"`
}

type itemJSON struct {
	Action     string                `json:"action"`
	Username   string                `json:"username"`
	Source     string                `json:"source,omitempty"`
	Line       int                   `json:"line,omitempty"`
	UserId     string                `json:"user_id,omitempty"`
	UserArn    string                `json:"user_arn,omitempty"`
	Changes    []Change              `json:"changes,omitempty"`
	Warnings   []Warning             `json:"warnings,omitempty"`
	Violations cuerrors.List         `json:"violations,omitempty"`
	Request    *user.CreateUserInput `json:"request,omitempty"`
}

// Summary counts the plan's items by action name.
func (p *Plan) Summary() map[string]int {
	out := map[string]int{}
	for _, it := range p.Items {
		out[it.Action.String()]++
	}
	return out
}

// WriteJSON writes the plan as one JSON object: format_version, instance,
// time, converge, summary (items by action) and items, each with action,
// username, source and line, user_id and user_arn, changes (operation,
// members with path, old and new), warnings and violations.
func (p *Plan) WriteJSON(w io.Writer, o JSONOptions) error {
	out := planJSON{FormatVersion: PlanFormatVersion, Instance: p.Instance, Time: p.Time.UTC(), Converge: p.Converge, Summary: p.Summary(), Items: []itemJSON{}}
	for _, it := range p.Items {
		j := itemJSON{Action: it.Action.String(), Username: it.Username, Source: it.Origin.Source, Line: it.Origin.Line,
			UserId: it.UserId, UserArn: it.UserArn, Warnings: it.Warnings, Violations: it.Violations}
		for _, c := range it.Changes {
			c.Members = append([]MemberChange(nil), c.Members...)
			for i := range c.Members {
				if c.Members[i].Sensitive && !o.ShowValues {
					c.Members[i].Old, c.Members[i].New = hiddenValue, hiddenValue
				}
			}
			if !o.Requests {
				c.Request = nil
			}
			j.Changes = append(j.Changes, c)
		}
		if o.Requests && it.Action == ActionCreate {
			j.Request = it.Input
		}
		out.Items = append(out.Items, j)
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(out)
}

// ReadPlan reads a plan that WriteJSON wrote with Requests, for Apply.
func ReadPlan(r io.Reader) (*Plan, error) {
	dec := json.NewDecoder(r)
	var in planJSON
	if err := dec.Decode(&in); err != nil {
		return nil, fmt.Errorf("reading the plan: %w", err)
	}
	if in.FormatVersion != PlanFormatVersion {
		return nil, fmt.Errorf("reading the plan: format_version %d; this program reads %d", in.FormatVersion, PlanFormatVersion)
	}
	if !in.Converge {
		return nil, fmt.Errorf("reading the plan: not a plan of connectuser plan")
	}
	p := &Plan{Instance: in.Instance, Time: in.Time, Converge: true}
	for i, j := range in.Items {
		a, err := ParseAction(j.Action)
		if err != nil {
			return nil, fmt.Errorf("reading the plan: item %d: %w", i+1, err)
		}
		it := &Item{Origin: user.Origin{Source: j.Source, Line: j.Line}, Instance: in.Instance, Username: j.Username,
			Action: a, UserId: j.UserId, UserArn: j.UserArn, Changes: j.Changes, Warnings: j.Warnings,
			Violations: j.Violations, Input: j.Request}
		switch a {
		case ActionCreate:
			if it.Input == nil {
				return nil, fmt.Errorf("reading the plan: item %d (%s): a create without its request; save plans with connectuser plan --out", i+1, j.Username)
			}
		case ActionUpdate:
			for _, c := range it.Changes {
				if c.Request == nil && c.Operation != OpUntagResource {
					return nil, fmt.Errorf("reading the plan: item %d (%s): %s without its request; save plans with connectuser plan --out", i+1, j.Username, c.Operation)
				}
			}
		case ActionDelete, ActionUnchanged, ActionInvalid:
		default:
			return nil, fmt.Errorf("reading the plan: item %d: action %s is not one of a saved plan", i+1, j.Action)
		}
		if it.UserId == "" && (a == ActionUpdate || a == ActionDelete) {
			return nil, fmt.Errorf("reading the plan: item %d (%s): no user_id", i+1, j.Username)
		}
		p.Items = append(p.Items, it)
	}
	return p, nil
}

// StalePlanError is returned by Applier.CheckPlan for a saved plan whose
// users changed since it was made: plan again.
type StalePlanError struct {
	// Users are the usernames modified (or deleted) after the plan.
	Users []string
}

// Error names the users.
func (e *StalePlanError) Error() string {
	return fmt.Sprintf("the instance changed since the plan was made (%d users: %s); plan again", len(e.Users), strings.Join(e.Users, ", "))
}

// CheckPlan refuses a saved plan when the instance changed since it was
// made: a user it updates or deletes has a LastModifiedTime later than
// the plan, or is gone. It reads DescribeUser for those users only. A
// look-up that fails is returned as a *LookupError.
func (a *Applier) CheckPlan(ctx context.Context, p *Plan) error {
	var stale []string
	for _, it := range p.Items {
		if it.Action != ActionUpdate && it.Action != ActionDelete {
			continue
		}
		cur, err := a.describeUser(ctx, it.Instance, it.UserId)
		if awsconnect.IsNotFound(err) {
			stale = append(stale, it.Username)
			continue
		}
		if err != nil {
			return err
		}
		if cur.LastModified.After(p.Time) {
			stale = append(stale, it.Username)
		}
	}
	if len(stale) > 0 {
		slices.Sort(stale)
		return &StalePlanError{Users: stale}
	}
	return nil
}
