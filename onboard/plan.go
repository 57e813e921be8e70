package onboard

import (
	"context"
	"errors"
	"slices"
	"time"

	"github.com/connectkit/createuser/awsconnect"
	cuerrors "github.com/connectkit/createuser/errors"
	"github.com/connectkit/createuser/user"
)

// ErrNoInstance is returned by Applier.Plan when neither WithInstanceID
// nor any request names the instance, and the requests are valid but for
// that (when one breaks another rule, the plan lists every request as
// invalid instead, without reading any instance).
var ErrNoInstance = errors.New("onboard: no instance: give WithInstanceID or an InstanceId in the requests")

// Plan compares the users a file asks for (desired, keyed by Username)
// with the users of the instance and returns what Apply must do to make
// the instance match the file: for each desired user create, update
// (the operations and, for each, the members that change, old and new)
// or unchanged, and with WithPrune delete for each user of the instance
// that the file does not name and that carries the tag
// managed-by=connectuser.
//
// A member the file leaves out (an absent member, an empty cell) is not
// managed: it stays as the instance has it. A member the file gives is
// managed whole; Tags given are exactly the user's tags, besides
// managed-by. Password and DirectoryUserId, which no operation changes,
// are reported as WarningReplaceRequired; a changed email address as
// WarningEmailChange.
//
// Plan reads DescribeInstance, the listings and SearchUsers pages (every
// user: the first and last name, the profiles, the group, the phone and
// channel settings, the tags), and DescribeUser only for existing users
// whose entry gives Email, SecondaryEmail or Mobile (SearchUsers lacks
// them) or whose IdentityInfo it updates (the update replaces it whole).
// A file of N users without those members costs O(pages), not O(N).
//
// Every request is checked as Check checks it, but a member a CreateUser
// request requires may be left out for a user the instance has. A
// look-up that fails is returned as a *LookupError.
func (a *Applier) Plan(ctx context.Context, desired []Request) (*Plan, error) {
	plan := &Plan{Converge: true, Instance: instanceID(a.cfg.instanceID)}
	inputs := make([]*user.CreateUserInput, len(desired))
	for i, r := range desired {
		in := r.Input
		if r.Document != nil {
			in, _ = user.Decode(r.Document)
		}
		inputs[i] = in
		if plan.Instance == "" && in != nil && in.InstanceId != "" {
			plan.Instance = instanceID(in.InstanceId)
		}
	}
	if plan.Instance == "" {
		if invalidWithoutInstance(plan, desired) {
			return plan, nil
		}
		return nil, ErrNoInstance
	}
	a.reader.Forget(plan.Instance) // read afresh by each plan
	inst, err := a.readInstance(ctx, plan.Instance)
	if err != nil {
		return nil, err
	}
	if !inst.found {
		return nil, &LookupError{Call: "DescribeInstance", InstanceId: plan.Instance, Err: errors.New("the service has no such instance")}
	}
	a.instances = map[string]*instance{plan.Instance: inst}
	plan.Time = time.Now()
	users, err := a.currentUsers(ctx, plan.Instance)
	if err != nil {
		return nil, err
	}
	byName := make(map[string]*Current, len(users))
	for _, u := range users {
		byName[u.Input.Username] = u
	}

	v := user.NewValidator(user.WithIdentityManagement(inst.identity))
	batch := user.NewBatch()
	named := map[string]bool{}
	for i, r := range desired {
		it := &Item{Origin: r.Origin, Instance: plan.Instance}
		plan.Items = append(plan.Items, it)
		var in *user.CreateUserInput
		var list cuerrors.List
		switch {
		case r.Document != nil:
			in, list = v.ValidateDocumentAt(r.Document, r.Origin.Line) // positions in the file, as Check
		case r.Input != nil:
			in = r.Input.Clone()
			list = v.Validate(in)
		default:
			list = v.Validate(nil)
		}
		if in == nil {
			in = inputs[i]
		}
		it.Input = in
		if in != nil {
			it.Username = in.Username
			if in.InstanceId == "" {
				// Filled in from the plan's instance: not missing.
				in.InstanceId = plan.Instance
				list = list.Filter(func(v *cuerrors.Violation) bool {
					return !(v.Field.String() == "InstanceId" && v.Code == cuerrors.CodeRequired)
				})
			}
			if instanceID(in.InstanceId) != plan.Instance {
				list = append(list, otherInstance(in.InstanceId))
			}
			if dup, ok := batch.Add(in, r.Origin); ok {
				list = append(list, dup)
			}
			if _, lossy := awsconnect.ToSDK(in); lossy != nil {
				list = append(list, lossy.Filter(changesTheUser)...)
			}
		}
		cur := byName[it.Username]
		if cur != nil {
			// A member the file leaves out is not managed: what CreateUser
			// requires need not be there for a user that exists.
			list = list.Filter(func(v *cuerrors.Violation) bool {
				return !(v.Code == cuerrors.CodeRequired && v.Field.String() != "Username")
			})
		}
		if !list.HasErrors() && in != nil {
			refs, err := a.checker.References(ctx, in)
			if err != nil {
				return nil, err
			}
			list = append(list, refs...)
		}
		it.Violations = list
		if list.HasErrors() {
			it.Action = ActionInvalid
			continue
		}
		named[it.Username] = true
		if cur == nil {
			it.Action = ActionCreate
			it.digest = a.cfg.journal.Digest(in)
			continue
		}
		it.UserId, it.UserArn = cur.ID, cur.Arn
		if st := a.cfg.journal.State(it.Instance, it.Username); st.Attempted {
			// A run that died after sending CreateUser made it: Apply
			// records it as created (settled) before anything else.
			it.attempted, it.settleDigest = true, st.AttemptDigest
		}
		if needsDescribe(in, cur) {
			if cur, err = a.describeUser(ctx, plan.Instance, cur.ID); err != nil {
				return plan, err
			}
		}
		changes, warnings := Diff(in, cur.Input)
		if !cur.Described && slices.ContainsFunc(changes, func(c Change) bool { return c.Operation == OpUpdateUserIdentityInfo }) {
			// The update replaces IdentityInfo whole: the members the
			// file leaves out are sent as the user has them.
			if cur, err = a.describeUser(ctx, plan.Instance, cur.ID); err != nil {
				return plan, err
			}
			changes, warnings = Diff(in, cur.Input)
		}
		it.Changes, it.Warnings = changes, warnings
		// Each call is checked as CreateUser is: an update the service
		// would refuse (a user without a last name that the file does
		// not give) is invalid before anything is sent.
		for _, c := range changes {
			for _, v := range v.ValidateRequest(typedRequest(it, c)) {
				if v.Severity == cuerrors.SeverityError {
					it.Violations = append(it.Violations, v)
				}
			}
		}
		switch {
		case it.Violations.HasErrors():
			it.Action = ActionInvalid
		case len(changes) > 0:
			it.Action = ActionUpdate
		default:
			it.Action = ActionUnchanged
		}
	}
	if a.cfg.prune {
		for _, u := range users {
			if named[u.Input.Username] || u.Input.Tags[ManagedTagKey] != ManagedTagValue {
				continue
			}
			// A user whose file entry is invalid is not deleted either.
			if slices.ContainsFunc(plan.Items, func(it *Item) bool { return it.Username == u.Input.Username }) {
				continue
			}
			plan.Items = append(plan.Items, &Item{
				Origin: user.Origin{Source: "(instance)"}, Instance: plan.Instance, Username: u.Input.Username,
				Action: ActionDelete, UserId: u.ID, UserArn: u.Arn,
				Changes: []Change{{Operation: OpDeleteUser}},
			})
		}
	}
	return plan, nil
}

// needsDescribe reports whether the comparison of in with cur needs
// DescribeUser: the file gives a member of IdentityInfo that SearchUsers
// does not return.
func needsDescribe(in *user.CreateUserInput, cur *Current) bool {
	if cur.Described || in.IdentityInfo == nil {
		return false
	}
	ii := in.IdentityInfo
	return ii.Email != nil || ii.SecondaryEmail != nil || ii.Mobile != nil
}

// otherInstance is the violation for a request of another instance than
// the plan's.
func otherInstance(id string) cuerrors.Violation {
	return cuerrors.Violation{
		Field: cuerrors.NewPath("InstanceId"), Code: CodeReference, Severity: cuerrors.SeverityError,
		Rule: RuleOtherInstance, Message: "A plan covers one instance; this request names another.", Value: cuerrors.StringValue(id),
	}
}

// RuleOtherInstance is the rule of a request whose InstanceId is not the
// plan's instance.
const RuleOtherInstance = "plan.instance-id.other"

// Changed reports whether the plan changes anything: a user to create,
// update or delete.
func (p *Plan) Changed() bool {
	return slices.ContainsFunc(p.Items, func(it *Item) bool {
		return it.Action == ActionCreate || it.Action == ActionUpdate || it.Action == ActionDelete
	})
}

// Users returns the usernames of the plan's items with action a, sorted.
func (p *Plan) Users(a Action) []string {
	var out []string
	for _, it := range p.Items {
		if it.Action == a {
			out = append(out, it.Username)
		}
	}
	slices.Sort(out)
	return out
}

// invalidWithoutInstance fills plan, which has no instance, with every
// request as invalid when one of them breaks a rule besides its missing
// InstanceId (a document that is not JSON, say), as Check reports them,
// and reports whether it did; otherwise the missing instance is the
// problem (ErrNoInstance).
func invalidWithoutInstance(plan *Plan, desired []Request) bool {
	v := user.NewValidator()
	items := make([]*Item, 0, len(desired))
	broken := false
	for _, r := range desired {
		var in *user.CreateUserInput
		var list cuerrors.List
		switch {
		case r.Document != nil:
			in, list = v.ValidateDocumentAt(r.Document, r.Origin.Line)
		case r.Input != nil:
			in = r.Input
			list = v.Validate(in)
		default:
			list = v.Validate(nil)
		}
		it := &Item{Origin: r.Origin, Action: ActionInvalid, Violations: list}
		if in != nil {
			it.Username = in.Username
		}
		items = append(items, it)
		broken = broken || slices.ContainsFunc(list, func(v cuerrors.Violation) bool {
			return v.Severity == cuerrors.SeverityError && !(v.Field.String() == "InstanceId" && v.Code == cuerrors.CodeRequired)
		})
	}
	if broken {
		plan.Items, plan.Time = items, time.Now()
	}
	return broken
}
