package identity

import (
	"fmt"
	"strings"
)

// Type is the identity management type of a Connect Customer instance. It
// is not part of the request: the caller knows it (or reads it with
// DescribeInstance). The zero Type is Unknown.
type Type string

// The identity management types.
const (
	// Unknown: the caller does not know the type. A rule that depends on
	// the type reports only what every type would report, with the mildest
	// severity among them.
	Unknown Type = ""
	// ConnectManaged: users and passwords are kept by the service.
	ConnectManaged Type = "CONNECT_MANAGED"
	// SAML: users sign in through a SAML 2.0 identity provider.
	SAML Type = "SAML"
	// ExistingDirectory: users come from an AWS Directory Service directory.
	ExistingDirectory Type = "EXISTING_DIRECTORY"
)

// Types returns the three known types, in a fixed order: CONNECT_MANAGED,
// SAML, EXISTING_DIRECTORY.
func Types() []Type { return []Type{ConnectManaged, SAML, ExistingDirectory} }

// Known reports whether t is one of the three known types.
func (t Type) Known() bool {
	return t == ConnectManaged || t == SAML || t == ExistingDirectory
}

// String returns the service's name of t, or "UNKNOWN".
func (t Type) String() string {
	if t == Unknown {
		return "UNKNOWN"
	}
	return string(t)
}

// ParseType reads a service name (CONNECT_MANAGED, SAML,
// EXISTING_DIRECTORY), or "" or "UNKNOWN" for Unknown, in any letter case
// and with surrounding white space ignored, as people type them in flags
// and forms: "saml" and " Connect_Managed " are read. The Type returned is
// always spelled as the service spells it.
func ParseType(s string) (Type, error) {
	word := strings.TrimSpace(s)
	if word == "" || strings.EqualFold(word, "UNKNOWN") {
		return Unknown, nil
	}
	for _, t := range Types() {
		if strings.EqualFold(word, string(t)) {
			return t, nil
		}
	}
	return Unknown, fmt.Errorf("identity: unknown identity management type %q (want CONNECT_MANAGED, SAML or EXISTING_DIRECTORY, in any letter case)", s)
}
