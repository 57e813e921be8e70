package onboard

import (
	"fmt"

	cuerrors "github.com/connectkit/createuser/errors"
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

// quote quotes s for a message, cut to a readable length.
func quote(s string) string {
	if len(s) > 80 {
		s = s[:80] + "…"
	}
	return fmt.Sprintf("%q", s)
}
