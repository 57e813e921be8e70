package main

import (
	cuerrors "github.com/connectkit/createuser/errors"
	"github.com/connectkit/createuser/identity"
	"github.com/connectkit/createuser/user"
)

func checkDocument(data []byte) (*user.CreateUserInput, error) {
	// snippet: document
	in, violations := user.ValidateDocument(data, user.WithIdentityManagement(identity.SAML))
	// end snippet: document
	return in, violations.Err()
}

// A server that checks many requests makes one Validator.
var saml = user.NewValidator(user.WithIdentityManagement(identity.SAML))

func checkMany(docs [][]byte) []cuerrors.List {
	out := make([]cuerrors.List, 0, len(docs))
	for _, data := range docs {
		// snippet: validator
		_, violations := saml.ValidateDocument(data)
		// end snippet: validator
		out = append(out, violations)
	}
	return out
}
