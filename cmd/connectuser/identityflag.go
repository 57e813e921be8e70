package main

import (
	"errors"
	"strings"

	"github.com/connectkit/createuser/identity"
)

// identityFlag is the flag.Value of --identity-management: the names of
// identity.ParseType, in any letter case (saml, Connect_Managed).
type identityFlag struct{ t identity.Type }

func (f *identityFlag) String() string { return f.t.String() }

func (f *identityFlag) Set(s string) error {
	t, err := identity.ParseType(s)
	if err != nil || strings.TrimSpace(s) == "" {
		return errIdentityFlag
	}
	f.t = t
	return nil
}

var errIdentityFlag = errors.New("must be CONNECT_MANAGED, SAML, EXISTING_DIRECTORY or UNKNOWN (any letter case)")
