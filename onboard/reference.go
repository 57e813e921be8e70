package onboard

import (
	"fmt"

	cuerrors "github.com/connectkit/createuser/errors"
	"github.com/connectkit/createuser/user"
)

// CodeReference is the code of a violation for a request that names a
// resource the instance does not have.
const CodeReference = cuerrors.CodeReference

// Rules of the instance checks, as the catalog names them (user.Rules).
const (
	RuleInstanceExists     = "instance.instance-id.reference"
	RuleSecurityProfileRef = "instance.security-profile-ids.reference"
	RuleRoutingProfileRef  = "instance.routing-profile-id.reference"
	RuleHierarchyGroupRef  = "instance.hierarchy-group-id.reference"
	RuleOtherARN           = "instance.resource-arn.other"
)

// kindName is how a message names each kind of resource.
var kindName = map[string]string{
	RuleSecurityProfileRef: "security profile",
	RuleRoutingProfileRef:  "routing profile",
	RuleHierarchyGroupRef:  "hierarchy group",
}

// referenceViolation reports value (an id, an ARN or a name) at field
// that none of list has, with the nearest one suggested by id or by name.
func referenceViolation(field cuerrors.Path, rule, value, instID string, list []resource) cuerrors.Violation {
	msg := fmt.Sprintf("The instance has no %s with this id.", kindName[rule])
	if r, ok := suggestResource(value, list); ok {
		msg += fmt.Sprintf(" Did you mean %s (%s)?", r.Name, r.ID)
	}
	if in := arnInstance(value); in != "" && in != instID {
		rule, msg = RuleOtherARN, "The ARN names a resource of another instance."
	}
	return cuerrors.Violation{
		Field: field, Code: CodeReference, Severity: cuerrors.SeverityError,
		Rule: rule, Message: msg, Value: cuerrors.StringValue(value),
	}
}

// suggestResource returns the resource whose id or name is nearest to v.
func suggestResource(v string, list []resource) (resource, bool) {
	ids := make([]string, len(list))
	names := make([]string, len(list))
	for i, r := range list {
		ids[i], names[i] = r.ID, r.Name
	}
	key := lastSegment(v)
	if id, ok := nearest(key, ids); ok {
		for _, r := range list {
			if r.ID == id {
				return r, true
			}
		}
	}
	if name, ok := nearest(v, names); ok {
		for _, r := range list {
			if r.Name == name {
				return r, true
			}
		}
	}
	return resource{}, false
}

// quote quotes s for a message, cut to a readable length.
func quote(s string) string {
	if len(s) > 80 {
		s = s[:80] + "…"
	}
	return fmt.Sprintf("%q", s)
}

// hasID reports whether v (an id, or an ARN of instance instID) names a
// resource of list.
func hasID(v, instID string, list []resource) bool {
	if in := arnInstance(v); in != "" && in != instID {
		return false
	}
	id := lastSegment(v)
	for _, r := range list {
		if r.ID == id {
			return true
		}
	}
	return false
}

// checkReferences returns a violation for each resource that in names and
// inst does not have.
func checkReferences(in *user.CreateUserInput, inst *instance) cuerrors.List {
	var out cuerrors.List
	for i, id := range in.SecurityProfileIds {
		if !hasID(id, inst.id, inst.securityProfiles) {
			out = append(out, referenceViolation(cuerrors.NewPath("SecurityProfileIds").Index(i), RuleSecurityProfileRef, id, inst.id, inst.securityProfiles))
		}
	}
	if in.RoutingProfileId != "" && !hasID(in.RoutingProfileId, inst.id, inst.routingProfiles) {
		out = append(out, referenceViolation(cuerrors.NewPath("RoutingProfileId"), RuleRoutingProfileRef, in.RoutingProfileId, inst.id, inst.routingProfiles))
	}
	if in.HierarchyGroupId != nil && *in.HierarchyGroupId != "" && !hasID(*in.HierarchyGroupId, inst.id, inst.groups) {
		out = append(out, referenceViolation(cuerrors.NewPath("HierarchyGroupId"), RuleHierarchyGroupRef, *in.HierarchyGroupId, inst.id, inst.groups))
	}
	return out
}

// noInstance is the violation for an instance the service does not know.
func noInstance(id string) cuerrors.Violation {
	return cuerrors.Violation{
		Field: cuerrors.NewPath("InstanceId"), Code: CodeReference, Severity: cuerrors.SeverityError,
		Rule: RuleInstanceExists, Message: "No instance with this InstanceId exists.", Value: cuerrors.StringValue(id),
	}
}
