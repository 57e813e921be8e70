package onboard

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/connectkit/createuser/awsconnect"
	cuerrors "github.com/connectkit/createuser/errors"
	"github.com/connectkit/createuser/identity"
	"github.com/connectkit/createuser/user"
)

// Request is one request to apply: a request document as read (Document)
// or a typed request (Input), and where it came from.
type Request struct {
	// Origin names the source and, for JSON Lines, the line.
	Origin user.Origin
	// Document is the request document; when set, Input is ignored.
	Document []byte
	// Input is a typed request, used when Document is nil.
	Input *user.CreateUserInput
}

// Action is what Apply will do with a user.
type Action int

// The actions of a Plan.
const (
	// ActionCreate: send CreateUser.
	ActionCreate Action = iota
	// ActionInvalid: the request breaks a rule; it is not sent.
	ActionInvalid
	// ActionDone: the journal says an earlier run created it, or found
	// it; nothing to do.
	ActionDone
	// ActionExists: the instance has the user and the journal shows no
	// attempt for it: someone else made it. Recorded as exists.
	ActionExists
	// ActionSettle: the instance has the user and the journal shows an
	// attempt without an outcome: a run that died after sending made it.
	// Recorded as created.
	ActionSettle
	// ActionChanged: the journal says an earlier run created the user or
	// found it, for a request that differs from this one (its digest,
	// Journal.Digest, differs). Apply creates users and changes none: it
	// counts the user as changed and writes nothing to the journal, so
	// that every run reports it again until the user is brought to the
	// request. The item carries a warning of rule RuleJournalChanged.
	ActionChanged
	// ActionUpdate: the instance has the user and the file asks for
	// other values of some members: send Item.Changes.
	ActionUpdate
	// ActionUnchanged: the instance has the user as the file asks.
	ActionUnchanged
	// ActionDelete: the file does not name the user, the plan prunes, and
	// the user carries the tag managed-by=connectuser: send DeleteUser.
	ActionDelete
)

// RuleJournalChanged is the warning of an ActionChanged item.
const RuleJournalChanged = "onboard.journal.changed"

var actionNames = [...]string{"create", "invalid", "done", "exists", "settle", "changed", "update", "unchanged", "delete"}

// ParseAction returns the action named s (as Action.String gives it).
func ParseAction(s string) (Action, error) {
	for i, n := range actionNames {
		if n == s {
			return Action(i), nil
		}
	}
	return 0, fmt.Errorf("unknown action %q", s)
}

// String returns the action's name.
func (a Action) String() string {
	if int(a) < len(actionNames) {
		return actionNames[a]
	}
	return "unknown"
}

// Item is one user of a Plan.
type Item struct {
	Origin user.Origin
	// Instance is the instance ID (an ARN reduced to its ID).
	Instance string
	// Username is the request's username.
	Username string
	// Input is the request as read; nil when it could not be read.
	Input *user.CreateUserInput
	// Violations are every violation found, warnings included.
	Violations cuerrors.List
	// Action is what Apply does with it.
	Action Action
	// UserId and UserArn are known for ActionDone, ActionChanged,
	// ActionExists and ActionSettle, for the users a plan updates, leaves
	// or deletes, and after Apply created the user.
	UserId, UserArn string
	// Changes are the operations of ActionUpdate, in the order Apply
	// sends them, each with the members it changes.
	Changes []Change
	// Warnings are what the plan reports and never acts on.
	Warnings []Warning

	attempted  bool   // the journal has an attempt without an outcome
	instanceOK bool   // the instance was read, so reference checks ran
	digest     string // the journal's digest of Input
	// settleDigest is the digest of the attempt that a settled user was
	// made by ("" when unknown: then digest).
	settleDigest string
	index        int // in the plan
	// errorOperation, errorCode and errorMessage are those of a failed
	// user: the call that failed and the error.
	errorOperation, errorCode, errorMessage string
}

// Plan is what Apply will do: the result of Check (every request with
// its violations and what Apply does with it, in the order of the input),
// or of Applier.Plan (every user of the file, created, updated or left
// as it is, then the users a prune deletes).
type Plan struct {
	Items []*Item
	// Instance is the instance ID of a plan made by Applier.Plan.
	Instance string
	// Time is when Applier.Plan read the instance: a saved plan is
	// refused when a user it changes was modified after it.
	Time time.Time
	// Converge is true for a plan made by Applier.Plan: Apply tags the
	// users it creates with managed-by=connectuser (unless
	// WithoutManagedTag) and then sends the updates and the deletes.
	Converge bool
}

// Count returns the number of items with action a.
func (p *Plan) Count(a Action) int {
	n := 0
	for _, it := range p.Items {
		if it.Action == a {
			n++
		}
	}
	return n
}

// Valid reports whether no item is invalid.
func (p *Plan) Valid() bool { return p.Count(ActionInvalid) == 0 }

// Applier creates users through the service, exactly once each.
type Applier struct {
	api    API
	cfg    config
	create *pacer
	// reader is the paced reader every look-up goes through; checker
	// checks references with it.
	reader  *awsconnect.Reader
	checker *awsconnect.InstanceChecker
	// instances read by Check, by instance ID.
	instances map[string]*instance
	// pacers are the token buckets of the update operations and
	// DeleteUser, by operation.
	pacersMu sync.Mutex
	pacers   map[string]*pacer
}

// instance is what Check read of one instance.
type instance struct {
	found    bool // DescribeInstance found it
	identity identity.Type
}

// New returns an Applier that talks to the service through api.
func New(api API, opts ...Option) *Applier {
	cfg := newConfig(opts)
	r := cfg.readerFor(api)
	return &Applier{
		api:       api,
		cfg:       cfg,
		create:    newPacer(cfg.rate, cfg.burst),
		reader:    r,
		checker:   awsconnect.NewInstanceChecker(api, awsconnect.WithReader(r)),
		instances: map[string]*instance{},
	}
}

// Check checks every request and decides what Apply will do, sending
// nothing that changes the instance: the catalog under each instance's
// identity management type (read with DescribeInstance), duplicates
// across the input (user.Batch), the instance checks (the instance
// exists; every security profile, routing profile and hierarchy group
// named exists in it, with the nearest suggested), and which users the
// instance has and the journal knows. Every look-up goes through package
// awsconnect's paced reader: each instance costs one DescribeInstance and
// one listing of each kind, every page; usernames cost one SearchUsers
// each for the first few, then one listing of the users (see
// awsconnect.Reader.User). What the reader kept of an instance is read
// afresh by each Check.
//
// Check is the dry run. A look-up that fails is returned as a
// *LookupError; the plan then still holds every catalog finding.
func (a *Applier) Check(ctx context.Context, reqs []Request) (*Plan, error) {
	plan := &Plan{Items: make([]*Item, len(reqs))}
	a.instances = map[string]*instance{}
	var lookupErr error
	validators := map[identity.Type]*user.Validator{}
	validator := func(t identity.Type) *user.Validator {
		if v, ok := validators[t]; ok {
			return v
		}
		v := user.NewValidator(user.WithIdentityManagement(t))
		validators[t] = v
		return v
	}
	// The instances first: one pass over the input to learn them.
	inputs := make([]*user.CreateUserInput, len(reqs))
	for i, r := range reqs {
		in := r.Input
		if r.Document != nil {
			in, _ = user.Decode(r.Document)
		}
		id := ""
		if in != nil {
			id = in.InstanceId
		}
		if id == "" {
			id = a.cfg.instanceID
		}
		inputs[i] = in
		id = instanceID(id)
		if id == "" || lookupErr != nil {
			continue
		}
		if _, ok := a.instances[id]; ok {
			continue
		}
		a.reader.Forget(id)
		inst, err := a.readInstance(ctx, id)
		if err != nil {
			lookupErr = err
			continue
		}
		a.instances[id] = inst
	}
	batch := user.NewBatch()
	for i, r := range reqs {
		it := &Item{Origin: r.Origin, index: i}
		plan.Items[i] = it
		id := a.cfg.instanceID
		if inputs[i] != nil && inputs[i].InstanceId != "" {
			id = inputs[i].InstanceId
		}
		it.Instance = instanceID(id)
		inst := a.instances[it.Instance]
		if lookupErr != nil {
			// A look-up failed: nothing more is read, nothing is known of
			// the users.
			inst = nil
		}
		t := identity.Unknown
		if inst != nil {
			t = inst.identity
		}
		v := validator(t)
		var in *user.CreateUserInput
		var list cuerrors.List
		if r.Document != nil {
			in, list = v.ValidateDocumentAt(r.Document, r.Origin.Line)
		} else if r.Input != nil {
			in = r.Input.Clone()
			list = v.Validate(in)
		} else {
			list = v.Validate(nil)
		}
		if in != nil && in.InstanceId == "" && a.cfg.instanceID != "" {
			// Filled in from the option: not missing.
			in.InstanceId = a.cfg.instanceID
			list = list.Filter(func(v *cuerrors.Violation) bool {
				return !(v.Field.String() == "InstanceId" && v.Code == cuerrors.CodeRequired)
			})
		}
		it.Input = in
		it.digest = a.cfg.journal.Digest(in)
		if in != nil {
			it.Username = in.Username
			if dup, ok := batch.Add(in, r.Origin); ok {
				list = append(list, dup)
			}
			if _, lossy := awsconnect.ToSDK(in); lossy != nil {
				list = append(list, lossy.Filter(changesTheUser)...)
			}
		}
		if !list.HasErrors() && inst != nil {
			// The instance exists, and so does every resource named
			// (awsconnect's instance checks, through the reader).
			refs, err := a.checker.References(ctx, in)
			if err != nil {
				lookupErr, inst = err, nil
			} else {
				it.instanceOK = inst.found
				list = append(list, refs...)
			}
		}
		it.Violations = list
		switch {
		case list.HasErrors():
			it.Action = ActionInvalid
		case inst == nil:
			// The instance could not be read (lookupErr): nothing is
			// known of the user.
			it.Action = ActionCreate
		default:
			if err := a.decide(ctx, it); err != nil {
				lookupErr = err
			}
		}
	}
	return plan, lookupErr
}

// The conversion's losses that CreateUser does not suffer: the member
// left out is stored as the request gives it, the service's value for a
// user created without it (DescribeUser answers PhoneConfig.AutoAccept
// false and AfterContactWorkTimeLimit 0). A per-channel
// AfterContactWorkTimeLimit of 0 (no limit) is not among them.
const (
	ruleLossyAutoAcceptFalse = "awsconnect.lossy.phone-config.auto-accept.false"
	ruleLossyPhoneACWZero    = "awsconnect.lossy.phone-config.after-contact-work-time-limit.zero"
)

// changesTheUser keeps the losses that change the user created.
func changesTheUser(v *cuerrors.Violation) bool {
	return v.Rule != ruleLossyAutoAcceptFalse && v.Rule != ruleLossyPhoneACWZero
}

// decide chooses the action of a valid item from the journal and the
// users the instance has.
func (a *Applier) decide(ctx context.Context, it *Item) error {
	st := a.cfg.journal.State(it.Instance, it.Username)
	it.attempted = st.Attempted
	if st.Last == EventCreated || st.Last == EventExists {
		it.UserId, it.UserArn = st.UserId, st.UserArn
		// A record of a journal written before digests has none: the
		// request it was made for is not known, and is taken as this one.
		if st.Digest != "" && st.Digest != it.digest {
			// The request is not the one the user was made or found
			// for. This is where an update would bring the user to it;
			// creating users only, Apply reports it.
			it.Action = ActionChanged
			it.Violations = append(it.Violations, cuerrors.Violation{
				Code: cuerrors.CodeIgnored, Severity: cuerrors.SeverityWarning, Rule: RuleJournalChanged,
				Message: "The journal records this user as made or found for a request that differs from this one; " +
					"apply creates users and does not change them, so the user is left as it is.",
			})
			return nil
		}
		it.Action = ActionDone
		return nil
	}
	it.Action = ActionCreate
	u, ok, err := a.reader.User(ctx, it.Instance, it.Username)
	if err != nil {
		return err
	}
	if ok {
		it.UserId, it.UserArn = u.ID, u.ARN
		if st.Attempted {
			it.Action = ActionSettle
			it.settleDigest = st.AttemptDigest
		} else {
			it.Action = ActionExists
		}
	}
	return nil
}

// readInstance reads the identity management type of instance id; an
// instance the service does not know is not found, not an error.
func (a *Applier) readInstance(ctx context.Context, id string) (*instance, error) {
	inst, err := a.reader.Instance(ctx, id)
	if awsconnect.IsNotFound(err) {
		return &instance{}, nil
	}
	if err != nil {
		return nil, err
	}
	return &instance{found: true, identity: inst.IdentityManagementType}, nil
}

// instanceID returns the instance ID that s names: s, or the ID in an
// instance ARN (arn:PARTITION:connect:REGION:ACCOUNT:instance/ID[/...]).
func instanceID(s string) string {
	if !strings.HasPrefix(s, "arn:") {
		return s
	}
	_, rest, ok := strings.Cut(s, ":instance/")
	if !ok {
		return s
	}
	id, _, _ := strings.Cut(rest, "/")
	return id
}

// ErrInvalid is returned by Apply when some requests are invalid and
// WithContinueOnInvalid was not given: nothing was created.
var ErrInvalid = errors.New("onboard: some requests are invalid; nothing was created")

// ErrInterrupted is returned by Apply when its context was cancelled:
// nothing new was started, what was in flight finished and is in the
// journal. Running again with the same journal resumes.
var ErrInterrupted = errors.New("onboard: interrupted")
